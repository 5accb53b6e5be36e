/**
 * Resubmissions in the core: which version of an office is counted, that two versions are never
 * both summed (a property over any offices and versions), that superseding is never silent, and
 * what a resubmission fixed, left, added and changed, including cells nobody asked about.
 */
import fc from 'fast-check';
import { checkSummary, consolidate } from '../../src/consolidate/consolidate';
import { pickVersions, rectify, timeText } from '../../src/consolidate/versions';
import { formats } from '../../src/formats';
import { findingKey } from '../../src/model/finding';
import { decodeMetaChecked, encodeMeta } from '../../src/model/sheet-meta';
import type { Report } from '../../src/model/report';
import { validate } from '../../src/rules/engine';
import { reportFromCells, seeded, validCells } from '../helpers/random-report';

const F = formats.byId('gov-2021')!;
const at = (day: number, hour = 9) => new Date(2025, 0, day, hour).toISOString();

function report(office: string, cells: Record<string, number | null>, meta: Partial<Report> = {}): Report {
  return reportFromCells(F, cells, { office, year: 2024, source: `${office}.xlsx`, ...meta });
}

const checked = (r: Report) => ({ report: r, ...validate(r) });

describe('which version is counted', () => {
  const base = validCells(F, seeded(1));

  test('the latest by submission time, wherever it comes in the list', () => {
    const v1 = report('县财政局', base, { source: 'v1.xlsx', submitted: at(10) });
    const v3 = report('县财政局', base, { source: 'v3.xlsx', submitted: at(20) });
    const v2 = report('县财政局', base, { source: 'v2.xlsx', submitted: at(15) });
    const other = report('县教育局', base, { submitted: at(1) });
    const p = pickVersions([v1, v3, other, v2]);
    expect(p.counted).toEqual([v3, other]);
    expect(p.groups).toEqual([[v1, v2, v3]]);
    expect(p.ambiguous).toEqual([]);
  });

  test('names written with other widths or spaces are one office; other years and unnamed reports are not versions', () => {
    const a = report('县财政局', base, { submitted: at(10) });
    const wide = report(' 县财政局 ', base, { submitted: at(12) });
    const lastYear = report('县财政局', base, { year: 2023, submitted: at(14) });
    const unnamed = [report('', base, { submitted: at(1) }), report('', base, { submitted: at(2) })];
    const p = pickVersions([a, wide, lastYear, ...unnamed]);
    expect(p.counted).toEqual([wide, lastYear, ...unnamed]);
    expect(p.groups).toEqual([[a, wide]]);
  });

  test('a tie or a missing time is never guessed: every version stays, and the duplicate is refused saying why', () => {
    const tie = [report('甲局', base, { source: '甲局.xlsx', submitted: at(10) }), report('甲局', base, { source: '甲局2.xlsx', submitted: at(10) })];
    const r1 = consolidate(tie, { office: '某县' });
    expect(r1.ok).toBe(false);
    expect(r1.findings.map((f) => [f.rule, f.message])).toEqual([
      ['summary.duplicate_member', `「甲局」出现了两次（甲局.xlsx、甲局2.xlsx），两份的报送时间相同（${timeText(at(10))}），无法判断哪一份是新版本，会被重复计算。请只保留一份。`],
    ]);
    const missing = [report('甲局', base, { source: '甲局.xlsx', submitted: at(10) }), report('甲局', base, { source: '手工录入' })];
    const r2 = consolidate(missing, { office: '某县' });
    expect(r2.ok).toBe(false);
    expect(r2.findings[0].message).toBe('「甲局」出现了两次（甲局.xlsx、手工录入），手工录入没有报送时间，无法判断哪一份是新版本，会被重复计算。请只保留一份。');
  });

  test('of three versions, the reason names the two sent at the latest time, not the earlier one', () => {
    const three = ['甲局.xlsx', '甲局2.xlsx', '甲局3.xlsx'].map((source, i) => report('甲局', base, { source, submitted: at(i ? 10 : 9) }));
    const why = `甲局2.xlsx、甲局3.xlsx的报送时间相同（${timeText(at(10))}），无法判断哪一份是新版本`;
    expect(consolidate(three, { office: '某县' }).findings.map((f) => f.message)).toEqual([
      `「甲局」出现了两次（甲局.xlsx、甲局2.xlsx），${why}，会被重复计算。请只保留一份。`,
      `「甲局」出现了两次（甲局.xlsx、甲局3.xlsx），${why}，会被重复计算。请只保留一份。`,
    ]);
  });

  test("the reason looks only at the office's own versions of that year, not at other offices without a time", () => {
    const members = [report('甲局', base, { source: '甲局.xlsx', submitted: at(9) }), report('乙局', base, { source: '乙局手工录入' }), report('甲局', base, { source: '甲局手工录入' })];
    const duplicates = consolidate(members, { office: '某县' }).findings.filter((f) => f.rule === 'summary.duplicate_member');
    expect(duplicates.map((f) => f.message)).toEqual(['「甲局」出现了两次（甲局.xlsx、甲局手工录入），甲局手工录入没有报送时间，无法判断哪一份是新版本，会被重复计算。请只保留一份。']);
  });

  test('superseding is never silent: a finding names every version not counted, with its time', () => {
    const copied = validCells(F, seeded(9));
    const own = report('县财政局', base, { source: '县财政局.xlsx', submitted: at(10) });
    // 县审计局 sent 县财政局's workbook without changing the office name: a later "version" of 县财政局.
    const copy = report('县财政局', copied, { source: '县审计局.xlsx', submitted: at(12, 16) });
    const r = consolidate([own, copy], { office: '某县' });
    if (!r.ok) throw new Error('refused');
    const f = r.findings.filter((x) => x.rule === 'summary.version_superseded');
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe('info');
    expect(f[0].message).toContain(`计入最新的 县审计局.xlsx（报送时间 ${timeText(at(12, 16))}）`);
    expect(f[0].message).toContain(`未计入：县财政局.xlsx（${timeText(at(10))}）`);
    expect(f[0].message).toContain('如某个版本实为其他单位套用了本单位的表格，请核对单位名称');
    expect(r.versions.map((v) => [v.office, v.latest.report.source, v.older.map((o) => o.source)])).toEqual([['县财政局', '县审计局.xlsx', ['县财政局.xlsx']]]);
  });
});

test('a summary beside both versions of a member is checked against the version it counted', () => {
  const base = validCells(F, seeded(5));
  const old = report('甲局', { ...base, 'requests.new.natural': base['requests.new.natural'] + 4 }, { source: '甲局.xlsx', submitted: at(10) });
  const latest = report('甲局', base, { source: '甲局（改）.xlsx', submitted: at(12) });
  const other = report('乙局', validCells(F, seeded(6)), { submitted: at(11) });
  const r = consolidate([old, latest, other], { office: '某县' });
  if (!r.ok) throw new Error('refused');
  // The old version comes first among the sheets, as an older sheet does in a workbook.
  expect(checkSummary(r.summary, [old, latest, other, r.summary])).toEqual([]);
  // Held against the old version instead, the one cell it differs in would not add up.
  expect(checkSummary(r.summary, [old, other, r.summary]).map((f) => f.cells[0])).toEqual(['requests.new.natural']);
});

describe('what a resubmission fixed', () => {
  const base = validCells(F, seeded(3));
  const wrongTotal = { ...base, 'requests.total.natural': base['requests.total.natural'] + 1 };
  const blank = { ...base, 'appeals.review.upheld': null, 'appeals.review.total': base['appeals.review.total'] - base['appeals.review.upheld'] };

  test('fixed: the errors gone, nothing new; the changed cell was the one asked about', () => {
    const r = rectify(checked(report('甲局', wrongTotal)), checked(report('甲局', base)), formats);
    expect(r.state).toBe('已整改');
    expect(r.remaining).toEqual([]);
    expect(r.added).toEqual([]);
    expect(r.fixed.length).toBeGreaterThan(0);
    expect(r.changes).toEqual([
      {
        cell: 'requests.total.natural',
        label: '「依申请公开」表「（七）总计」×「自然人」',
        before: String(base['requests.total.natural'] + 1),
        after: String(base['requests.total.natural']),
        asked: true,
      },
    ]);
  });

  test('a version changed in a cell nobody asked about reports that cell as a change, not asked for', () => {
    const touched = { ...base, 'proactive.normative.in_force': base['proactive.normative.in_force'] + 5 };
    const r = rectify(checked(report('甲局', wrongTotal)), checked(report('甲局', touched)), formats);
    expect(r.state).toBe('已整改');
    expect(r.changes.map((c) => [c.cell, c.before, c.after, c.asked])).toEqual([
      ['proactive.normative.in_force', String(base['proactive.normative.in_force']), String(base['proactive.normative.in_force'] + 5), false],
      ['requests.total.natural', String(base['requests.total.natural'] + 1), String(base['requests.total.natural']), true],
    ]);
    // Even a version whose every finding was already fine: a change is a change.
    const quiet = rectify(checked(report('甲局', base)), checked(report('甲局', touched)), formats);
    expect(quiet.state).toBe('无需整改');
    expect(quiet.changes.map((c) => [c.cell, c.asked])).toEqual([['proactive.normative.in_force', false]]);
  });

  test('not fixed, partly fixed, and new problems', () => {
    const both = { ...wrongTotal, 'appeals.review.upheld': null };
    expect(rectify(checked(report('甲局', wrongTotal)), checked(report('甲局', wrongTotal)), formats)).toMatchObject({ state: '未整改', fixed: [], changes: [] });
    const partly = rectify(checked(report('甲局', both)), checked(report('甲局', { ...base, 'appeals.review.upheld': null })), formats);
    expect(partly.state).toBe('部分整改');
    expect(partly.remaining.map((f) => f.rule)).toContain('cell.blank');
    const worse = rectify(checked(report('甲局', wrongTotal)), checked(report('甲局', blank)), formats);
    expect(worse.state).toBe('新增问题');
    expect(worse.added.map((f) => f.rule)).toEqual(['cell.blank']);
  });

  test('a warning answered with an 出错说明 counts as dealt with', () => {
    const before = checked(report('甲局', blank));
    const warning = before.findings.find((f) => f.rule === 'cell.blank')!;
    const after = checked(report('甲局', blank, { confirmed: { [findingKey(warning)]: '本年无行政复议案件维持' } }));
    const r = rectify(before, after, formats);
    expect(r.state).toBe('已整改');
    expect(r.explained.map((f) => f.rule)).toEqual(['cell.blank']);
    expect(r.changes).toEqual([]);
  });

  test('unreadable text and blanks are shown as such, never as 0', () => {
    const r = rectify(checked(report('甲局', blank)), checked(reportFromCells(F, base, { office: '甲局', year: 2024 })), formats);
    const upheld = r.changes.find((c) => c.cell === 'appeals.review.upheld')!;
    expect([upheld.before, upheld.after]).toEqual(['（空白）', String(base['appeals.review.upheld'])]);
    const text = report('甲局', base);
    const i = F.index.get('requests.granted.natural')!;
    text.readings[i] = { value: null, status: 'invalid', raw: '若干' };
    const back = rectify(checked(report('甲局', base)), checked(text), formats).changes.find((c) => c.cell === 'requests.granted.natural')!;
    expect([back.before, back.after]).toEqual([String(base['requests.granted.natural']), '“若干”']);
  });
});

test('property: any versions of any offices, each office is counted exactly once, from its latest version', () => {
  fc.assert(
    fc.property(
      fc.array(fc.array(fc.record({ seed: fc.integer(), minute: fc.integer({ min: 0, max: 60 * 24 * 60 }) }), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
      fc.integer(),
      (offices, order) => {
        const reports = offices.flatMap((versions, o) =>
          versions.map((v, k) =>
            report(`单位${o + 1}`, validCells(F, seeded(v.seed)), { source: `单位${o + 1}-${k}.xlsx`, submitted: new Date(Date.UTC(2025, 0, 1) + v.minute * 60000).toISOString() }),
          ),
        );
        // Any order of files: shuffled by a seed.
        const rand = seeded(order);
        const shuffled = reports
          .map((r) => [rand(), r] as const)
          .sort((a, b) => a[0] - b[0])
          .map(([, r]) => r);
        const result = consolidate(shuffled, { office: '某县' });
        const latestOf = offices.map((versions, o) => {
          const top = Math.max(...versions.map((v) => v.minute));
          return { office: `单位${o + 1}`, tied: versions.filter((v) => v.minute === top).length > 1, cells: validCells(F, seeded(versions.find((v) => v.minute === top)!.seed)) };
        });
        if (latestOf.some((x) => x.tied)) {
          // Which is latest cannot be told: nothing is summed, and the office is named.
          expect(result.ok).toBe(false);
          for (const x of latestOf.filter((l) => l.tied)) expect(result.findings.some((f) => f.rule === 'summary.duplicate_member' && f.message.includes(`「${x.office}」`))).toBe(true);
          return;
        }
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect([...result.summary.members!].sort()).toEqual(latestOf.map((x) => x.office).sort());
        for (const c of F.cells) {
          const want = latestOf.reduce((s, x) => s + (x.cells[c.id] ?? 0), 0);
          expect(result.summary.readings[c.index]!.value).toBeCloseTo(want, 6);
        }
      },
    ),
    { numRuns: 80 },
  );
});

describe('the submission time in a sheet’s metadata', () => {
  const meta = { app: 'nianbao' as const, v: 1 as const, format: 'gov-2021', year: 2024, office: '甲局' };

  test('kept when it is a time, dropped and named when it is not', () => {
    expect(decodeMetaChecked(encodeMeta({ ...meta, submitted: '2025-01-20T02:31:00.000Z' }))!.meta.submitted).toBe('2025-01-20T02:31:00.000Z');
    for (const bad of ['昨天', '2025-13-45T99:99:00Z', '2025-01-20', 12345]) {
      const d = decodeMetaChecked(`NIANBAO:${JSON.stringify({ ...meta, submitted: bad })}`)!;
      expect(d.meta.submitted).toBeUndefined();
      expect(d.dropped).toEqual(['报送时间']);
    }
  });

  test('a workbook of an older version, without the field, reads as before', () => {
    expect(decodeMetaChecked(encodeMeta(meta))).toEqual({ meta, dropped: [] });
  });
});
