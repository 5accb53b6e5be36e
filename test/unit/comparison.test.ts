/**
 * Year on year (同比) as pure functions: the figures of a report, the lines of the
 * comparison with their changes and order, members matched by name, a format switch,
 * and the member-set warnings. Expected values are worked out by hand from the cells.
 */
import { compareYears, figureSet, MAX_MEMBER_LINES, memberChangeFindings, memberSetChange, type ComparisonLine, type FigureSet } from '../../src/consolidate/comparison';
import { formats } from '../../src/formats';
import type { Report } from '../../src/model/report';
import { reportFromCells } from '../helpers/random-report';

const f21 = formats.forYear(2024)!;
const f19 = formats.forYear(2020)!;

function report(format: typeof f21, cells: Record<string, number | null>, meta: Partial<Report> = {}): Report {
  return reportFromCells(format, cells, { year: format === f21 ? 2024 : 2020, ...meta });
}

/** A report whose cell `id` holds text that is not a number. */
function withUnreadable(r: Report, format: typeof f21, id: string): Report {
  const readings = [...r.readings];
  readings[format.index.get(id)!] = { value: null, status: 'invalid', raw: '若干' } as Report['readings'][number];
  return { ...r, readings };
}

const lastYear = {
  'requests.new.total': 10,
  'requests.total.total': 8,
  'requests.carried_out.total': 0,
  'appeals.review.total': 4,
  'appeals.review.corrected': 1,
  'appeals.suit_direct.total': 2,
  'appeals.suit_direct.corrected': 0,
  'appeals.suit_after_review.total': 1,
  'appeals.suit_after_review.corrected': 1,
  'proactive.normative.issued': 5,
  'proactive.licensing.decisions': 100,
  'proactive.penalty.decisions': 7,
  'proactive.fees.amount': 1.5,
};
const thisYear = {
  ...lastYear,
  'requests.new.total': 15,
  'requests.carried_out.total': 3,
  'appeals.review.corrected': 2,
  'proactive.normative.issued': 6,
  'proactive.licensing.decisions': 120,
  'proactive.fees.amount': 4.5,
};

const row = (l: ComparisonLine) => [l.office, l.label, l.cur, l.prev, l.delta, l.rate, l.kind];

describe('the figures of one report', () => {
  test('every key figure and rate by its label; a sum of two cells for 行政诉讼; rates in per cent to two places', () => {
    const s = figureSet(f21, report(f21, lastYear, { office: '县财政局' }));
    expect(s.office).toBe('县财政局');
    expect(s.values).toEqual({
      新收申请: 10,
      办结: 8,
      结转下年: 0,
      行政复议: 4,
      行政诉讼: 3,
      规范性文件: 5,
      行政许可: 100,
      行政处罚: 7,
      '收费（万元）': 1.5,
      '复议纠错率（%）': 25,
      '诉讼纠错率（%）': 33.33,
    });
  });

  test('an unreadable cell makes its figure text, never a number', () => {
    const s = figureSet(f21, withUnreadable(report(f21, lastYear), f21, 'appeals.suit_direct.total'));
    expect(s.values['行政诉讼']).toBe('无法读取');
    expect(s.values['诉讼纠错率（%）']).toBe('无法读取');
    expect(s.values['新收申请']).toBe(10);
  });
});

describe('the totals of two years in one format', () => {
  const c = compareYears({ summary: report(f21, thisYear), members: [] }, { summary: report(f21, lastYear, { year: 2023 }) }, formats);

  test('years, formats and the figures compared', () => {
    expect([c.year, c.prevYear, c.sameFormat, c.formatName, c.prevFormatName]).toEqual([2024, 2023, true, f21.def.name, f21.def.name]);
    expect(c.compared).toEqual(['新收申请', '办结', '结转下年', '行政复议', '行政诉讼', '规范性文件', '行政许可', '行政处罚', '收费（万元）', '复议纠错率（%）', '诉讼纠错率（%）']);
    expect(c.notCompared).toEqual([]);
    expect(c.noPreviousMembers).toBe(true);
    expect([c.members, c.unchanged, c.omitted, c.onlyThisYear, c.onlyLastYear]).toEqual([[], 0, 0, [], []]);
  });

  test('each line: change and rate of change; largest change first, a rise from 0 weighed as from 1, a rate by its points', () => {
    expect(c.total.map(row)).toEqual([
      // 0 → 3: weight 3 / 1; no rate of change from 0.
      [null, '结转下年', 3, 0, 3, null, 'count'],
      [null, '收费（万元）', 4.5, 1.5, 3, 2, 'money'],
      [null, '新收申请', 15, 10, 5, 0.5, 'count'],
      // 25% → 50%: 25 points, weighed as 0.25; a rate's change has no rate of its own.
      [null, '复议纠错率（%）', 50, 25, 25, null, 'percent'],
      [null, '规范性文件', 6, 5, 1, 0.2, 'count'],
      [null, '行政许可', 120, 100, 20, 0.2, 'count'],
      [null, '办结', 8, 8, 0, 0, 'count'],
      [null, '行政复议', 4, 4, 0, 0, 'count'],
      [null, '行政诉讼', 3, 3, 0, 0, 'count'],
      [null, '行政处罚', 7, 7, 0, 0, 'count'],
      [null, '诉讼纠错率（%）', 33.33, 33.33, 0, null, 'percent'],
    ]);
  });

  test('changes are rounded so no float noise reaches the sheet: 0.3 万元 after 0.1 is a change of 0.2, three times as much', () => {
    const a = compareYears({ summary: report(f21, { 'proactive.fees.amount': 0.3 }), members: [] }, { summary: report(f21, { 'proactive.fees.amount': 0.1 }) }, formats);
    const fee = a.total.find((l) => l.label === '收费（万元）')!;
    expect([fee.delta, fee.rate]).toEqual([0.2, 2]);
  });

  test('a blank rate (nothing decided) or an unreadable figure has no change', () => {
    const a = compareYears(
      { summary: withUnreadable(report(f21, thisYear), f21, 'requests.new.total'), members: [] },
      { summary: report(f21, { ...lastYear, 'appeals.review.total': 0, 'appeals.review.corrected': 0 }) },
      formats,
    );
    const by = (label: string) => row(a.total.find((l) => l.label === label)!);
    expect(by('新收申请')).toEqual([null, '新收申请', '无法读取', 10, null, null, 'count']);
    expect(by('复议纠错率（%）')).toEqual([null, '复议纠错率（%）', 50, null, null, null, 'percent']);
    // Lines without a change sort after every line with one, even one of 0.
    expect(a.total.slice(-2).map((l) => l.delta)).toEqual([null, null]);
  });
});

describe('members', () => {
  const member = (office: string, cells: Record<string, number | null>) => report(f21, cells, { office });
  const prevMembers: FigureSet[] = [
    { office: '县财政局', values: { 新收申请: 1, 办结: 4, 行政复议: null } },
    // Written with a space last year: the same unit.
    { office: '县 教育局', values: { 新收申请: 10, 办结: 10 } },
    { office: '县公安局', values: { 新收申请: 5 } },
  ];
  const cur = [
    member('县财政局', { 'requests.new.total': 3, 'requests.total.total': 4, 'appeals.review.total': 2 }),
    withUnreadable(member('县教育局', { 'requests.new.total': 9 }), f21, 'requests.total.total'),
    member('城关镇', { 'requests.new.total': 1 }),
  ];

  test('matched by name; only figures last year holds; unchanged figures counted, not listed; largest change first', () => {
    const c = compareYears({ summary: report(f21, {}), members: cur }, { summary: report(f21, {}), members: prevMembers }, formats);
    expect(c.members.map(row)).toEqual([
      ['县财政局', '新收申请', 3, 1, 2, 2, 'count'],
      ['县教育局', '新收申请', 9, 10, -1, -0.1, 'count'],
      ['县教育局', '办结', '无法读取', 10, null, null, 'count'],
    ]);
    expect(c.unchanged).toBe(1);
    expect(c.noPreviousMembers).toBe(false);
    expect([c.onlyThisYear, c.onlyLastYear]).toEqual([['城关镇'], ['县公安局']]);
  });

  test("last year's summary names who it summed, even units whose figures were not found", () => {
    const c = compareYears({ summary: report(f21, {}), members: cur }, { summary: report(f21, {}, { members: ['县财政局', '县教育局', '县公安局', '县民政局'] }), members: prevMembers }, formats);
    expect(c.onlyLastYear).toEqual(['县公安局', '县民政局']);
  });

  test(`the list keeps the ${MAX_MEMBER_LINES} largest changes and counts the rest`, () => {
    const many = Array.from({ length: 60 }, (_, i) => member(`单位${i}`, { 'requests.new.total': 101 + i, 'requests.total.total': 1 }));
    const last = many.map((m, i) => ({ office: m.office, values: { 新收申请: 100, 办结: 2 + i } }));
    const c = compareYears({ summary: report(f21, {}), members: many }, { summary: report(f21, {}), members: last }, formats);
    expect(c.members).toHaveLength(MAX_MEMBER_LINES);
    expect(c.omitted).toBe(120 - MAX_MEMBER_LINES);
    // 办结 falls from 2 + i to 1: the largest relative change is 单位59's, (1 − 61) / 61.
    expect(row(c.members[0])).toEqual(['单位59', '办结', 1, 61, -60, Math.round((-60 / 61) * 1e8) / 1e8, 'count']);
    // 新收申请 of 单位0 rose by 1 in 100: the smallest change, so left out.
    expect(c.unchanged).toBe(0);
    expect(c.members.some((l) => l.office === '单位0' && l.label === '新收申请')).toBe(false);
  });
});

describe('across the format switch', () => {
  test('only figures made of the same cells in both formats are compared; the others are named', () => {
    const c = compareYears(
      { summary: report(f21, { 'requests.new.total': 4, 'proactive.normative.issued': 9 }), members: [] },
      { summary: report(f19, { 'requests.new.total': 2, 'proactive.normative.made': 3 }) },
      formats,
    );
    expect([c.sameFormat, c.formatName, c.prevFormatName, c.prevYear]).toEqual([false, f21.def.name, f19.def.name, 2020]);
    expect(c.notCompared).toEqual(['规范性文件', '收费（万元）']);
    expect(c.compared).toEqual(['新收申请', '办结', '结转下年', '行政复议', '行政诉讼', '行政许可', '行政处罚', '复议纠错率（%）', '诉讼纠错率（%）']);
    expect(row(c.total[0])).toEqual([null, '新收申请', 4, 2, 2, 1, 'count']);
  });
});

describe('the member set', () => {
  test('added and dropped by name, spaces and width aside', () => {
    expect(memberSetChange(['县财政局', '县教育局', '城关镇'], ['县财政局', '县 教育局', '县公安局'])).toEqual({ added: ['城关镇'], dropped: ['县公安局'] });
    expect(memberSetChange(['Ａ镇'], ['A镇'])).toEqual({ added: [], dropped: [] });
  });

  const summary = (year: number, members?: string[]) => report(f21, {}, { year, ...(members ? { members } : {}) });

  test('each unit that left or joined is a warning naming it, with a likely rename, and why it matters', () => {
    const found = memberChangeFindings(f21, summary(2024, ['县财政局', '县公安分局', '城关镇']), summary(2023, ['县财政局', '县公安局', '县民政局']));
    expect(found.map((f) => [f.rule, f.severity, f.cells])).toEqual([
      ['summary.member_missing', 'warning', []],
      ['summary.member_missing', 'warning', []],
      ['summary.member_unlisted', 'warning', []],
      ['summary.member_unlisted', 'warning', []],
    ]);
    const [gone, goneToo, joined, joinedToo] = found.map((f) => f.message);
    expect(gone).toContain('与上年相比成员减少：「县公安局」在 2023 年度汇总中');
    expect(gone).toContain('本年的「县公安分局」名称相近');
    expect(goneToo).toContain('「县民政局」');
    expect(goneToo).not.toContain('名称相近');
    expect(joined).toContain('与上年相比成员增加：「县公安分局」本年度新加入汇总，2023 年度汇总中没有它');
    expect(joined).toContain('可能是上年的「县公安局」改了名称');
    expect(joinedToo).toContain('「城关镇」');
    expect(joinedToo).not.toContain('改了名称');
    for (const m of found.map((f) => f.message)) expect(m).toContain('只在两年成员相同时成立');
  });

  test('units the roster check already named are not named twice; without both member lists there is nothing to say', () => {
    const cur = summary(2024, ['县财政局', '县公安分局']);
    const prev = summary(2023, ['县财政局', '县公安局']);
    expect(memberChangeFindings(f21, cur, prev, { missing: ['县 公安局'], unlisted: ['县公安分局'] })).toEqual([]);
    expect(memberChangeFindings(f21, cur, prev, { missing: ['县公安局'], unlisted: [] }).map((f) => f.rule)).toEqual(['summary.member_unlisted']);
    expect(memberChangeFindings(f21, cur, summary(2023))).toEqual([]);
    expect(memberChangeFindings(f21, summary(2024), prev)).toEqual([]);
  });
});
