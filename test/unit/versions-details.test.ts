/**
 * The details of resubmissions: how a submission time is read and written, which reports are
 * versions of one another, why two versions cannot be ordered, how the latest is picked when
 * older versions tie, what counts as a problem asked about, how each cell is compared, and the
 * one-line account of what a resubmission fixed.
 */
import { dayOf, pickVersions, rectificationText, rectify, submittedMs, timeText, versionKey, versionText, whyUnordered, type CellChange, type Rectification } from '../../src/consolidate/versions';
import type { CompiledFormat } from '../../src/formats/compile';
import { formats, type FormatRegistry } from '../../src/formats';
import type { Finding, Fix } from '../../src/model/finding';
import { UNKNOWN_OFFICE, type Report } from '../../src/model/report';
import type { Reading } from '../../src/model/values';
import { reportFromCells, seeded, validCells } from '../helpers/random-report';

const F = formats.byId('gov-2021')!;
const F19 = formats.byId('gov-2019')!;

/** An ISO time for a local wall-clock time, so the expected text holds in any time zone. */
const local = (month: number, day: number, hour: number, minute: number) => new Date(2025, month - 1, day, hour, minute).toISOString();

function report(office: string, cells: Record<string, number | null>, meta: Partial<Report> = {}): Report {
  return reportFromCells(F, cells, { office, year: 2024, source: `${office}.xlsx`, ...meta });
}

function finding(rule: string, severity: Finding['severity'], cells: string[], fix?: Fix): Finding {
  return { rule, severity, cells, message: `${rule} 的说明`, ...(fix ? { fix } : {}) };
}

const base = validCells(F, seeded(11));

describe('submission times', () => {
  test('a readable time is its instant in milliseconds; a missing or unreadable one is no time', () => {
    expect(submittedMs(report('甲局', base, { submitted: '2025-01-20T02:31:00.000Z' }))).toBe(Date.UTC(2025, 0, 20, 2, 31));
    expect(submittedMs(report('甲局', base))).toBeUndefined();
    expect(submittedMs(report('甲局', base, { submitted: '' }))).toBeUndefined();
    expect(submittedMs(report('甲局', base, { submitted: '昨天下午' }))).toBeUndefined();
  });

  test('a time is written as a clerk reads it, with months, days, hours and minutes padded to two digits', () => {
    expect(timeText(local(1, 5, 9, 7))).toBe('2025-01-05 09:07');
    expect(timeText(local(11, 20, 16, 45))).toBe('2025-11-20 16:45');
  });

  test('text that is no time is shown as it was written, not as NaN', () => {
    expect(timeText('昨天下午')).toBe('昨天下午');
    expect(dayOf('昨天下午')).toBe('昨天下午');
  });

  test('the day of a submission is its calendar date alone', () => {
    expect(dayOf(local(3, 8, 23, 59))).toBe('2025-03-08');
  });

  test('a version is named by its source with its time, or with 报送时间不明 when it has none', () => {
    expect(versionText(report('甲局', base, { source: '甲局（改）.xlsx', submitted: local(1, 20, 10, 31) }))).toBe('甲局（改）.xlsx（2025-01-20 10:31）');
    expect(versionText(report('甲局', base, { source: '手工录入' }))).toBe('手工录入（报送时间不明）');
  });
});

describe('which reports are versions of one another', () => {
  test('the key is the office name without spaces or full-width forms, with the year', () => {
    expect(versionKey(report(' 县财政局 ', base))).toBe('县财政局|2024');
    expect(versionKey(report('县财政局', base, { year: 2023 }))).toBe('县财政局|2023');
  });

  test('a report with no office, or with the placeholder for an office nobody named, has no key', () => {
    expect(versionKey(report('', base))).toBeUndefined();
    expect(versionKey(report('   ', base))).toBeUndefined();
    expect(versionKey(report(UNKNOWN_OFFICE, base))).toBeUndefined();
  });

  test('two reports whose office nobody named are both counted, never taken for versions', () => {
    const a = report(UNKNOWN_OFFICE, base, { source: 'a.xlsx', submitted: local(1, 10, 9, 0) });
    const b = report(UNKNOWN_OFFICE, base, { source: 'b.xlsx', submitted: local(1, 12, 9, 0) });
    expect(pickVersions([a, b])).toEqual({ counted: [a, b], groups: [], ambiguous: [] });
  });

  test('two older versions sent at the same time do not stop the latest from being counted', () => {
    const first = report('甲局', base, { source: '甲局-1.xlsx', submitted: local(1, 10, 9, 0) });
    const again = report('甲局', base, { source: '甲局-2.xlsx', submitted: local(1, 10, 9, 0) });
    const latest = report('甲局', base, { source: '甲局-3.xlsx', submitted: local(1, 15, 9, 0) });
    const p = pickVersions([latest, first, again]);
    expect(p.counted).toEqual([latest]);
    expect(p.ambiguous).toEqual([]);
    expect(p.groups).toHaveLength(1);
    expect(p.groups[0][2]).toBe(latest);
    expect(new Set(p.groups[0].slice(0, 2))).toEqual(new Set([first, again]));
  });

  test('when one version has no time, every version is kept and none is counted over another', () => {
    const timed = report('甲局', base, { source: '甲局.xlsx', submitted: local(1, 10, 9, 0) });
    const untimed = report('甲局', base, { source: '手工录入' });
    expect(pickVersions([timed, untimed])).toEqual({ counted: [timed, untimed], groups: [], ambiguous: [[timed, untimed]] });
  });
});

describe('why versions cannot be ordered', () => {
  const timed = report('甲局', base, { source: '甲局.xlsx', submitted: local(1, 10, 9, 30) });
  const twin = report('甲局', base, { source: '甲局2.xlsx', submitted: local(1, 10, 9, 30) });
  const earlier = report('甲局', base, { source: '甲局0.xlsx', submitted: local(1, 8, 16, 0) });
  const untimed = report('甲局', base, { source: '手工录入' });

  test('the version without a time is named, wherever it is', () => {
    expect(whyUnordered([timed, untimed])).toBe('手工录入没有报送时间，无法判断哪一份是新版本');
    expect(whyUnordered([untimed, timed])).toBe('手工录入没有报送时间，无法判断哪一份是新版本');
    // An earlier version with a time is not the one blamed.
    expect(whyUnordered([earlier, untimed, timed])).toBe('手工录入没有报送时间，无法判断哪一份是新版本');
  });

  test('two versions sent at the same time are said to share that time', () => {
    expect(whyUnordered([timed, twin])).toBe('两份的报送时间相同（2025-01-10 09:30），无法判断哪一份是新版本');
  });

  test('of three, the two that share the latest time are named, not the earlier one', () => {
    expect(whyUnordered([earlier, timed, twin])).toBe('甲局.xlsx、甲局2.xlsx的报送时间相同（2025-01-10 09:30），无法判断哪一份是新版本');
  });

  test('nothing is said when no version has a time', () => {
    expect(whyUnordered([untimed, report('甲局', base, { source: '另一份' })])).toBeUndefined();
  });
});

describe('what a resubmission fixed, from its findings', () => {
  const same = report('甲局', base);
  const sum = finding('relation.total', 'error', ['requests.total.natural']);
  const blank = finding('cell.blank', 'warning', ['appeals.review.upheld']);
  const rate = finding('rate.high', 'error', ['requests.granted.total']);
  const note = finding('cell.normalised', 'info', ['requests.new.natural']);
  const checked = (findings: Finding[], confirmed: Finding[] = []) => ({ report: same, findings, confirmed: confirmed.map((f) => ({ finding: f, explanation: '本年确无此类案件' })) });

  test('nothing asked before and nothing now: no rectification needed', () => {
    expect(rectify(checked([]), checked([]), formats)).toEqual({ state: '无需整改', fixed: [], explained: [], remaining: [], added: [], changes: [] });
  });

  test('nothing asked before but a problem now: a new problem', () => {
    const r = rectify(checked([]), checked([sum]), formats);
    expect(r.state).toBe('新增问题');
    expect(r.added).toEqual([sum]);
  });

  test('an info note is not a problem asked about, before or after', () => {
    const r = rectify(checked([note]), checked([note]), formats);
    expect(r).toMatchObject({ state: '无需整改', fixed: [], remaining: [], added: [] });
    expect(rectify(checked([note]), checked([]), formats)).toMatchObject({ state: '无需整改', fixed: [] });
  });

  test('every problem asked about gone and nothing new: fixed', () => {
    const r = rectify(checked([sum, note]), checked([note]), formats);
    expect(r).toMatchObject({ state: '已整改', fixed: [sum], explained: [], remaining: [], added: [] });
  });

  test('every problem asked about gone but another one new: a new problem', () => {
    const r = rectify(checked([sum]), checked([rate]), formats);
    expect(r).toMatchObject({ state: '新增问题', fixed: [sum], remaining: [], added: [rate] });
  });

  test('a problem fixed outright is not counted as explained, and a warning explained is not counted as fixed', () => {
    const r = rectify(checked([sum, blank]), checked([], [blank]), formats);
    expect(r.fixed).toEqual([sum]);
    expect(r.explained).toEqual([blank]);
    expect(r.state).toBe('已整改');
  });

  test('one fixed, one explained and one still there: partly fixed', () => {
    const r = rectify(checked([sum, blank, rate]), checked([rate], [blank]), formats);
    expect(r).toMatchObject({ state: '部分整改', fixed: [sum], explained: [blank], remaining: [rate], added: [] });
  });

  test('every problem asked about still there: not fixed', () => {
    const r = rectify(checked([sum, rate]), checked([rate, sum]), formats);
    expect(r).toMatchObject({ state: '未整改', fixed: [], explained: [], remaining: [sum, rate], added: [] });
  });
});

describe('which cells changed', () => {
  const checkedOf = (r: Report, findings: Finding[] = []) => ({ report: r, findings, confirmed: [] });
  const at = (id: string) => F.index.get(id)!;

  test('the cell a suggested fix would write counts as asked about, even when the finding names other cells', () => {
    const wrong = finding('relation.requests', 'error', ['requests.total.natural'], { cell: 'requests.new.natural', value: base['requests.new.natural'], resolves: 1 });
    const before = report('甲局', { ...base, 'requests.new.natural': base['requests.new.natural'] + 2 });
    const latest = report('甲局', { ...base, 'appeals.review.other': base['appeals.review.other'] + 1 });
    const r = rectify(checkedOf(before, [wrong]), checkedOf(latest), formats);
    expect(r.changes.map((c) => [c.cell, c.asked])).toEqual([
      ['requests.new.natural', true],
      ['appeals.review.other', false],
    ]);
  });

  test('a cell missing from both versions is no change; missing from one of them, it is', () => {
    const before = report('甲局', base);
    const latest = report('甲局', base);
    before.readings[at('requests.granted.natural')] = undefined;
    latest.readings[at('requests.granted.natural')] = undefined;
    before.readings[at('requests.denied.secret.natural')] = undefined;
    latest.readings[at('requests.unable.not_held.natural')] = undefined;
    const r = rectify(checkedOf(before), checkedOf(latest), formats);
    expect(r.changes.map((c) => [c.cell, c.before, c.after])).toEqual([
      ['requests.denied.secret.natural', '（未找到）', String(base['requests.denied.secret.natural'])],
      ['requests.unable.not_held.natural', String(base['requests.unable.not_held.natural']), '（未找到）'],
    ]);
  });

  test('the same number and text read another way, or the same number written otherwise, is a change', () => {
    const before = report('甲局', base);
    const latest = report('甲局', base);
    const read = (status: 'normalised' | 'annotated', raw: string, understood = '5'): Reading => ({ status, value: 5, raw, understood });
    before.readings[at('requests.granted.natural')] = read('normalised', '5件');
    latest.readings[at('requests.granted.natural')] = read('annotated', '5件');
    before.readings[at('requests.granted.business')] = read('normalised', '５');
    latest.readings[at('requests.granted.business')] = read('normalised', '5件');
    // The same status, number and text: no change, whatever else the reading carries.
    before.readings[at('requests.granted.research')] = read('normalised', '５');
    latest.readings[at('requests.granted.research')] = read('normalised', '５', '全角数字 ５ 读作 5');
    const r = rectify(checkedOf(before), checkedOf(latest), formats);
    expect(r.changes.map((c) => [c.cell, c.before, c.after])).toEqual([
      ['requests.granted.natural', '5（写作“5件”）', '5（写作“5件”）'],
      ['requests.granted.business', '5（写作“５”）', '5（写作“5件”）'],
    ]);
  });

  test('held against a version in the older format, a cell that format lacks is shown as 无此格', () => {
    const before = reportFromCells(F19, { 'requests.total.natural': 3 }, { office: '甲局', year: 2020 });
    const latest = reportFromCells(F, { 'requests.total.natural': 3, 'proactive.rules.issued': 2 }, { office: '甲局', year: 2021 });
    const r = rectify(checkedOf(before), checkedOf(latest), formats);
    expect(r.changes.find((c) => c.cell === 'proactive.rules.issued')).toEqual({
      cell: 'proactive.rules.issued',
      label: '「主动公开」表「规章」×「本年制发件数」',
      before: '（无此格）',
      after: '2',
      asked: false,
    });
    // A cell both formats have, blank in both, is no change; nor is one equal in both.
    expect(r.changes.some((c) => c.cell === 'requests.total.natural' || c.cell === 'requests.new.natural')).toBe(false);
  });

  test('a cell whose table is not among its format’s tables is named by its row and column alone', () => {
    const noTables: CompiledFormat = { ...F, def: { ...F.def, tables: [] } };
    const registry = { formatOf: () => noTables } as unknown as FormatRegistry;
    const latest = report('甲局', { ...base, 'requests.total.natural': base['requests.total.natural'] + 1 });
    const r = rectify(checkedOf(report('甲局', base)), checkedOf(latest), registry);
    expect(r.changes.map((c) => c.label)).toEqual(['「（七）总计」×「自然人」']);
  });
});

describe('the rectification in a line', () => {
  const f = (n: number) => Array.from({ length: n }, (_, i) => finding(`rule.${i}`, 'error', [`cell.${i}`]));
  const change = (asked: boolean): CellChange => ({ cell: 'requests.total.natural', label: '「依申请公开」表「（七）总计」×「自然人」', before: '1', after: '2', asked });
  const line = (r: Partial<Rectification> & Pick<Rectification, 'state'>) => rectificationText({ fixed: [], explained: [], remaining: [], added: [], changes: [], ...r });

  test('every kind of count, in order, with how many changed cells were not asked about', () => {
    expect(line({ state: '部分整改', fixed: f(2), explained: f(1), remaining: f(3), added: f(1), changes: [change(true), change(false), change(true), change(true)] })).toBe(
      '部分整改（改正 2 项，说明 1 项，仍有 3 项未改正，新增 1 项问题）；改动 4 个单元格，其中 1 个不在退回意见所列问题中',
    );
  });

  test('nothing to count and nothing changed says so, without brackets', () => {
    expect(line({ state: '无需整改' })).toBe('无需整改；与上一版相比没有改动任何单元格');
  });

  test('only the counts that are not zero are named', () => {
    expect(line({ state: '已整改', fixed: f(1), changes: [change(true)] })).toBe('已整改（改正 1 项）；改动 1 个单元格');
    expect(line({ state: '已整改', explained: f(2) })).toBe('已整改（说明 2 项）；与上一版相比没有改动任何单元格');
    expect(line({ state: '未整改', remaining: f(2), changes: [change(false), change(false)] })).toBe('未整改（仍有 2 项未改正）；改动 2 个单元格，其中 2 个不在退回意见所列问题中');
    expect(line({ state: '新增问题', added: f(3) })).toBe('新增问题（新增 3 项问题）；与上一版相比没有改动任何单元格');
  });

  test('changed cells all asked about add no remark about unasked ones', () => {
    expect(line({ state: '已整改', fixed: f(2), changes: [change(true), change(true), change(true)] })).toBe('已整改（改正 2 项）；改动 3 个单元格');
  });

  test('the count of unasked cells is of those not asked about, not of all changes', () => {
    expect(line({ state: '已整改', fixed: f(1), changes: [change(false), change(true), change(true)] })).toBe('已整改（改正 1 项）；改动 3 个单元格，其中 1 个不在退回意见所列问题中');
  });
});
