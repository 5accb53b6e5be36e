/**
 * Consolidation without files or processes: refusals and their messages, the summary's
 * identity, cell sums that never turn text into 0, summary.mismatch, and key figures.
 */
import { checkSummary, consolidate, officesOf, sumReadings } from '../../src/consolidate/consolidate';
import { figureIds, KEY_FIGURES, KEY_RATES, keyFigure, keyRate, OVERVIEW_FIGURES, type KeyFigure } from '../../src/consolidate/key-figures';
import { formats } from '../../src/formats';
import type { Report } from '../../src/model/report';
import { handReport, type HandCells } from '../helpers/hand-report';
import { UserError } from '../../src/model/user-error';
import { parseRosterText } from '../../src/consolidate/roster';

const F21 = formats.byId('gov-2021')!;
const F19 = formats.byId('gov-2019')!;
const member = (office: string, cells: HandCells = {}, meta: Partial<Report> = {}) => handReport('gov-2021', 2022, cells, { office, source: `${office}.xlsx`, ...meta });

describe('refusals', () => {
  // Nothing to sum is a refused request, not a duplicate member: no report is at fault.
  test('no members at all', () => {
    expect(() => consolidate([], { office: '某县' })).toThrow(UserError);
    expect(() => consolidate([], { office: '某县' })).toThrow('没有可汇总的报表：请至少选择一份成员报表。');
  });

  test('only units the roster leaves out (不纳入汇总): a refused request too', () => {
    const roster = parseRosterText('县税务局\t不纳入汇总').entries;
    expect(() => consolidate([member('县税务局')], { office: '某县', roster })).toThrow('所选报表都属于报送名单中“不纳入汇总”的单位，没有可汇总的报表。');
  });

  test('mixed formats name the members of each format', () => {
    const r = consolidate([member('甲局'), handReport('gov-2019', 2022, {}, { office: '乙局' }), member('丙局')], { office: '某县' });
    expect(r.ok).toBe(false);
    expect(r.findings).toEqual([
      {
        rule: 'summary.format_mixed',
        severity: 'error',
        cells: [],
        message: '成员报表使用了不同的表格格式，不能相加（2021 年版格式：甲局、丙局；2019 年版（试行）格式：乙局）。请只汇总同一格式的报表。',
      },
    ]);
    // Each member is still validated, so the pane can list its problems.
    expect(r.members.map((m) => [m.report.office, m.errors])).toEqual([
      ['甲局', 0],
      ['乙局', 1],
      ['丙局', 0],
    ]);
  });

  test('mixed years name the members of each year', () => {
    const r = consolidate([member('甲局'), member('乙局', {}, { year: 2023 })], { office: '某县' });
    expect(r.findings).toEqual([
      {
        rule: 'summary.year_mixed',
        severity: 'error',
        cells: [],
        message: '成员报表的年度不同，不能相加（2022 年度：甲局；2023 年度：乙局）。同一单位不同年度的报表不是两个成员。',
      },
    ]);
  });

  test('the same office twice', () => {
    const r = consolidate([member('甲局'), member('乙局'), member('甲局', {}, { source: '甲局（第二份）.xlsx' })], { office: '某县' });
    expect(r.findings).toEqual([{ rule: 'summary.duplicate_member', severity: 'error', cells: [], message: '「甲局」出现了两次（甲局.xlsx、甲局（第二份）.xlsx），会被重复计算。请只保留一份。' }]);
  });

  test('a summary beside one of its own members, in either order', () => {
    const county = member('某县', {}, { members: ['甲局', '乙局'] });
    const message = '「乙局」已包含在汇总表「某县」中，又作为单独成员出现，会被重复计算。请去掉其中之一。';
    expect(consolidate([county, member('乙局')], { office: '某市' }).findings.map((f) => f.message)).toEqual([message]);
    expect(consolidate([member('乙局'), county], { office: '某市' }).findings.map((f) => f.message)).toEqual([message]);
  });

  test('a city summary beside a department two levels down', () => {
    const city = member('某市', {}, { members: ['某县'], descendants: ['某县', '甲局'] });
    expect(officesOf(city)).toEqual(['某市', '某县', '甲局']);
    expect(officesOf(member('甲局'))).toEqual(['甲局']);
    const r = consolidate([city, member('甲局')], { office: '某省' });
    expect(r.findings.map((f) => [f.rule, f.message])).toEqual([['summary.duplicate_member', '「甲局」已包含在汇总表「某市」中，又作为单独成员出现，会被重复计算。请去掉其中之一。']]);
  });

  test('every refusal is listed at once', () => {
    const r = consolidate([member('甲局'), handReport('gov-2019', 2020, {}, { office: '甲局' })], { office: '某县' });
    expect(r.findings.map((f) => f.rule)).toEqual(['summary.format_mixed', 'summary.year_mixed', 'summary.duplicate_member']);
  });
});

describe('the summary', () => {
  test('its identity: the office trimmed, the members’ year and format, members and everything below them', () => {
    const county = member(
      '某县',
      { 'requests.new.natural': 1, 'requests.new.total': 1, 'requests.total.natural': 1, 'requests.total.total': 1, 'requests.granted.natural': 1, 'requests.granted.total': 1 },
      { members: ['甲局'], descendants: ['甲局', '甲局下属所'] },
    );
    const r = consolidate([county, member('乙局')], { office: '  某市 ', level: '地市级' });
    if (!r.ok) throw new Error('refused');
    const { readings, ...identity } = r.summary;
    expect(identity).toEqual({
      source: '某市',
      office: '某市',
      year: 2022,
      format: 'gov-2021',
      level: '地市级',
      members: ['某县', '乙局'],
      descendants: ['某县', '甲局', '甲局下属所', '乙局'],
    });
    expect(readings[F21.index.get('requests.new.natural')!]).toEqual({ value: 1, status: 'number' });
    expect(r.findings).toEqual([]);
  });

  test('sums cell by cell, money without float noise', () => {
    const r = consolidate(
      [
        member('甲局', { 'proactive.fees.amount': 0.1, 'appeals.review.upheld': 2, 'appeals.review.total': 2 }),
        member('乙局', { 'proactive.fees.amount': 0.2, 'appeals.review.upheld': 3, 'appeals.review.total': 3 }),
      ],
      { office: '某县' },
    );
    if (!r.ok) throw new Error('refused');
    const at = (id: string) => r.summary.readings[F21.index.get(id)!];
    expect(at('proactive.fees.amount')).toEqual({ value: 0.3, status: 'number' });
    expect(at('appeals.review.upheld')).toEqual({ value: 5, status: 'number' });
    expect(at('appeals.review.total')).toEqual({ value: 5, status: 'number' });
    expect(at('appeals.review.pending')).toEqual({ value: 0, status: 'number' });
  });

  test('a blank member cell counts as 0', () => {
    const r = consolidate([member('甲局', { 'proactive.penalty.decisions': null }), member('乙局', { 'proactive.penalty.decisions': 4 })], { office: '某县' });
    if (!r.ok) throw new Error('refused');
    expect(r.summary.readings[F21.index.get('proactive.penalty.decisions')!]).toEqual({ value: 4, status: 'number' });
    expect(r.members.map((m) => [m.report.office, m.errors, m.warnings])).toEqual([
      ['甲局', 0, 1],
      ['乙局', 0, 0],
    ]);
    // A warning is no reason to tell the summary's maker: only errors are.
    expect(r.findings).toEqual([]);
  });

  test('members with errors are named with their error counts', () => {
    const r = consolidate([member('甲局', { 'proactive.penalty.decisions': -1, 'proactive.coercion.decisions': 1.5 }), member('乙局'), member('丙局', { 'proactive.penalty.decisions': '若干' })], {
      office: '某县',
    });
    if (!r.ok) throw new Error('refused');
    expect(r.findings).toEqual([
      { rule: 'summary.member_invalid', severity: 'warning', cells: [], message: '成员「甲局」有 2 个错误，汇总数已照原数相加，错误会带入汇总表。请该单位改正后重新汇总。' },
      { rule: 'summary.member_invalid', severity: 'warning', cells: [], message: '成员「丙局」有 1 个错误，汇总数已照原数相加，错误会带入汇总表。请该单位改正后重新汇总。' },
    ]);
  });

  test('confirmed warnings of a member travel with its status', () => {
    const r = consolidate([member('甲局', { 'proactive.penalty.decisions': null }, { confirmed: { 'cell.blank:proactive.penalty.decisions': '无此类事项' } })], { office: '某县' });
    expect(r.members[0].warnings).toBe(0);
    expect(r.members[0].confirmed.map((c) => c.explanation)).toEqual(['无此类事项']);
  });
});

describe('sumReadings never sums text as 0', () => {
  const cell = (r: Report, id: string) => r.readings[F21.index.get(id)!];

  test('unreadable text and missing cells make the sum unreadable, naming the members', () => {
    const a = member('甲局', { 'proactive.penalty.decisions': '若干' });
    const b = member('乙局');
    b.readings[F21.index.get('proactive.penalty.decisions')!] = undefined;
    const sums = sumReadings([a, b, member('丙局', { 'proactive.penalty.decisions': 5 })], F21.cells.length);
    expect(sums[F21.index.get('proactive.penalty.decisions')!]).toEqual({ value: null, status: 'invalid', raw: '无法汇总：甲局为“若干”，乙局缺少此格' });
    expect(sums[F21.index.get('proactive.coercion.decisions')!]).toEqual({ value: 0, status: 'number' });
    expect(sums).toHaveLength(F21.cells.length);
    expect(cell(a, 'proactive.penalty.decisions')?.status).toBe('invalid');
  });

  test('three broken members are all named; from four on, the first three and the count', () => {
    const broken = (office: string) => member(office, { 'proactive.penalty.decisions': '/' });
    const i = F21.index.get('proactive.penalty.decisions')!;
    expect(sumReadings(['甲', '乙', '丙'].map(broken), F21.cells.length)[i]?.raw).toBe('无法汇总：甲为“/”，乙为“/”，丙为“/”');
    expect(sumReadings(['甲', '乙', '丙', '丁'].map(broken), F21.cells.length)[i]?.raw).toBe('无法汇总：甲为“/”，乙为“/”，丙为“/” 等 4 个成员');
  });
});

describe('summary.mismatch', () => {
  const a = member('甲局', { 'appeals.review.upheld': 2, 'appeals.review.total': 2 });
  const b = member('乙局', { 'appeals.review.upheld': 3, 'appeals.review.total': 3 });
  const summary = (cells: HandCells, meta: Partial<Report> = {}) => member('某县', cells, { members: ['甲局', '乙局'], ...meta });

  test('a summary that adds up has no finding', () => {
    expect(checkSummary(summary({ 'appeals.review.upheld': 5, 'appeals.review.total': 5 }), [a, b])).toEqual([]);
  });

  test('a cell one off', () => {
    expect(checkSummary(summary({ 'appeals.review.upheld': 6, 'appeals.review.total': 5 }), [a, b])).toEqual([
      {
        rule: 'summary.mismatch',
        severity: 'error',
        cells: ['appeals.review.upheld'],
        message: '汇总表「行政复议」×「结果维持」为 6，但 2 个成员之和为 5。',
        expected: 5,
        actual: 6,
      },
    ]);
  });

  test('a blank summary cell counts as 0', () => {
    const f = checkSummary(summary({ 'appeals.review.upheld': null, 'appeals.review.total': 5 }), [a, b]);
    expect(f.map((x) => [x.cells[0], x.expected, x.actual, x.message])).toEqual([['appeals.review.upheld', 5, 0, '汇总表「行政复议」×「结果维持」为 0，但 2 个成员之和为 5。']]);
  });

  test('a difference within float noise is no mismatch', () => {
    const m1 = member('甲局', { 'proactive.fees.amount': 0.1 });
    const m2 = member('乙局', { 'proactive.fees.amount': 0.2 });
    expect(checkSummary(member('某县', { 'proactive.fees.amount': 0.30000000000000004 }, { members: ['甲局', '乙局'] }), [m1, m2])).toEqual([]);
    expect(checkSummary(member('某县', { 'proactive.fees.amount': 0.3001 }, { members: ['甲局', '乙局'] }), [m1, m2]).map((x) => x.cells)).toEqual([['proactive.fees.amount']]);
  });

  test('unreadable cells on either side are not compared', () => {
    const broken = member('甲局', { 'appeals.review.upheld': '若干', 'appeals.review.total': 2 });
    expect(checkSummary(summary({ 'appeals.review.upheld': 9, 'appeals.review.total': 5 }), [broken, b])).toEqual([]);
    expect(checkSummary(summary({ 'appeals.review.upheld': '若干', 'appeals.review.total': 5 }), [a, b])).toEqual([]);
    const missing = summary({ 'appeals.review.total': 5 });
    missing.readings[F21.index.get('appeals.review.upheld')!] = undefined;
    expect(checkSummary(missing, [a, b])).toEqual([]);
  });

  test('only when every member is present, in the same year and format, and never the summary itself', () => {
    expect(checkSummary(summary({ 'appeals.review.upheld': 9 }), [a])).toEqual([]);
    expect(checkSummary(summary({ 'appeals.review.upheld': 9 }), [a, { ...b, year: 2021 }])).toEqual([]);
    expect(checkSummary(summary({ 'appeals.review.upheld': 9 }), [a, { ...b, format: F19.id }])).toEqual([]);
    const self = member('甲局', { 'appeals.review.upheld': 9 }, { members: ['甲局'] });
    expect(checkSummary(self, [self])).toEqual([]);
    expect(checkSummary(member('某县', { 'appeals.review.upheld': 9 }), [a, b])).toEqual([]);
    expect(checkSummary(member('某县', { 'appeals.review.upheld': 9 }, { members: [] }), [a, b])).toEqual([]);
  });

  test('the members are found among all reports whatever their order', () => {
    const s = summary({ 'appeals.review.upheld': 5, 'appeals.review.total': 6 });
    expect(checkSummary(s, [b, s, a]).map((f) => [f.cells[0], f.expected, f.actual])).toEqual([['appeals.review.total', 5, 6]]);
  });
});

describe('key figures of the overview', () => {
  const fig = (label: string) => KEY_FIGURES.find((k) => k.label === label)!;

  test('each figure from its cells, by format', () => {
    const r21 = member('甲局', {
      'requests.new.total': 7,
      'requests.total.total': 6,
      'requests.carried_out.total': 2,
      'appeals.review.total': 3,
      'appeals.suit_direct.total': 4,
      'appeals.suit_after_review.total': 5,
      'proactive.normative.issued': 8,
      'proactive.licensing.decisions': 9,
      'proactive.penalty.decisions': 10,
      'proactive.fees.amount': 0.1,
    });
    expect(KEY_FIGURES.map((k) => [k.label, keyFigure(F21, r21, k)])).toEqual([
      ['新收申请', 7],
      ['办结', 6],
      ['结转下年', 2],
      ['行政复议', 3],
      ['行政诉讼', 9],
      ['规范性文件', 8],
      ['行政许可', 9],
      ['行政处罚', 10],
      ['收费（万元）', 0.1],
    ]);
    expect(fig('收费（万元）').money).toBe(true);
    expect(fig('行政许可').money).toBeUndefined();
  });

  test('gov-2019 has no 制发件数: 规范性文件 is its 本年新制作数量; it has no 收费金额', () => {
    const r19 = handReport('gov-2019', 2020, { 'proactive.normative.made': 4, 'proactive.normative.published': 3, 'proactive.normative.public_total': 3 });
    expect(keyFigure(F19, r19, fig('规范性文件'))).toBe(4);
    expect(keyFigure(F19, r19, fig('收费（万元）'))).toBeNull();
  });

  test('a sum of money is rounded; an unreadable or missing part blocks the figure', () => {
    const money: KeyFigure = { label: 'x', sums: [['proactive.fees.amount', 'proactive.licensing.decisions']] };
    expect(keyFigure(F21, member('甲局', { 'proactive.fees.amount': 0.2, 'proactive.licensing.decisions': 0.1 }), money)).toBe(0.3);
    expect(keyFigure(F21, member('甲局', { 'appeals.suit_direct.total': '若干' }), fig('行政诉讼'))).toBe('无法读取');
    const missing = member('甲局');
    missing.readings[F21.index.get('appeals.suit_after_review.total')!] = undefined;
    expect(keyFigure(F21, missing, fig('行政诉讼'))).toBe('无法读取');
    expect(keyFigure(F21, member('甲局', { 'appeals.suit_direct.total': null, 'appeals.suit_after_review.total': 2 }), fig('行政诉讼'))).toBe(2);
  });
});

describe('overview columns and appeal correction rates', () => {
  const rate = (label: string) => KEY_RATES.find((k) => k.label === label)!;

  test('the overview has no room for 行政许可 and 行政处罚: they are in the comparison only', () => {
    expect(OVERVIEW_FIGURES.map((f) => f.label)).toEqual(['新收申请', '办结', '结转下年', '行政复议', '行政诉讼', '规范性文件', '收费（万元）']);
  });

  test('figureIds: the first alternative the format has', () => {
    const normative = KEY_FIGURES.find((k) => k.label === '规范性文件')!;
    expect(figureIds(F21, normative)).toEqual(['proactive.normative.issued']);
    expect(figureIds(F19, normative)).toEqual(['proactive.normative.made']);
    expect(
      figureIds(
        F19,
        KEY_FIGURES.find((k) => k.label === '收费（万元）')!,
      ),
    ).toBeUndefined();
  });

  test('复议纠错率: corrected among all review cases, in per cent to two decimals', () => {
    expect(keyRate(F21, member('甲局', { 'appeals.review.corrected': 1, 'appeals.review.total': 4 }), rate('复议纠错率（%）'))).toBe(25);
    expect(keyRate(F21, member('甲局', { 'appeals.review.corrected': 1, 'appeals.review.total': 3 }), rate('复议纠错率（%）'))).toBe(33.33);
    expect(keyRate(F21, member('甲局', { 'appeals.review.corrected': 2, 'appeals.review.total': 3 }), rate('复议纠错率（%）'))).toBe(66.67);
  });

  test('诉讼纠错率 adds both kinds of suit: (1 + 2) of (3 + 6)', () => {
    const r = member('甲局', { 'appeals.suit_direct.corrected': 1, 'appeals.suit_direct.total': 3, 'appeals.suit_after_review.corrected': 2, 'appeals.suit_after_review.total': 6 });
    expect(keyRate(F21, r, rate('诉讼纠错率（%）'))).toBe(33.33);
  });

  test('no case decided: no rate; an unreadable part or whole: 无法读取; a cell the format lacks: no rate', () => {
    expect(keyRate(F21, member('甲局'), rate('复议纠错率（%）'))).toBeNull();
    expect(keyRate(F21, member('甲局', { 'appeals.review.corrected': '若干', 'appeals.review.total': 2 }), rate('复议纠错率（%）'))).toBe('无法读取');
    expect(keyRate(F21, member('甲局', { 'appeals.review.total': '若干' }), rate('复议纠错率（%）'))).toBe('无法读取');
    expect(keyRate(F21, member('甲局', { 'appeals.review.total': 2 }), { label: 'x', part: ['proactive.normative.made'], whole: ['appeals.review.total'] })).toBeNull();
    expect(keyRate(F21, member('甲局', { 'appeals.review.total': 2 }), { label: 'x', part: ['appeals.review.total'], whole: ['proactive.normative.made'] })).toBeNull();
  });
});
