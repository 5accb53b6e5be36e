/**
 * Year on year (同比), the finer points: which figures and rates count as comparable when
 * two formats define them (made-up formats whose definitions differ in one way each), how
 * a rate's change is stated and weighed, member figures with nothing to compare, what is
 * said when last year's members are unknown, and the member-set warnings word for word.
 * Every comparison is made inside its test; expected values are worked out by hand.
 */
import { compareYears, memberChangeFindings, type ComparisonLine, type FigureSet } from '../../src/consolidate/comparison';
import { FormatRegistry, formats } from '../../src/formats';
import type { CompiledFormat } from '../../src/formats/compile';
import type { FormatDef, KeyFigureDef, KeyRateDef } from '../../src/formats/types';
import type { Report } from '../../src/model/report';
import { reportFromCells } from '../helpers/random-report';

const f21 = formats.forYear(2024)!;

const row = (l: ComparisonLine) => [l.office, l.label, l.cur, l.prev, l.delta, l.rate, l.kind];

function report(format: CompiledFormat, cells: Record<string, number | null>, meta: Partial<Report> = {}): Report {
  return reportFromCells(format, cells, meta);
}

describe('which figures two formats share', () => {
  /** A made-up format: one table of four cells (t.x.p … t.x.s) and the key figures and rates given. */
  const madeUp = (id: string, name: string, years: FormatDef['years'], keyFigures: KeyFigureDef[], keyRates: KeyRateDef[]): FormatDef => ({
    id,
    name,
    notice: '测试',
    years,
    yearHint: `${years.from} 年度用${name}`,
    tables: [
      {
        id: 't',
        layout: 'sections',
        title: '测试表',
        shortTitle: '测试',
        labelHeader: '项目',
        sections: [
          {
            caption: '数字',
            columns: [
              { id: 'p', label: '甲栏' },
              { id: 'q', label: '乙栏' },
              { id: 'r', label: '丙栏' },
              { id: 's', label: '金额', kind: 'money' },
            ],
            rows: [{ id: 'x', label: '本行' }],
          },
        ],
      },
    ],
    relations: [],
    shares: [],
    keyFigures,
    keyRates,
  });

  // 甲 and 费 are the same cells in both; 乙 gained a cell; 丙 swapped its second cell.
  // 一率 is the same in both; 二率 counts another part last year; 三率 is new this year.
  const PREV = madeUp(
    'test-prev',
    '旧测试格式',
    { from: 2040, to: 2040 },
    [
      { label: '甲', sum: ['t.x.p'] },
      { label: '乙', sum: ['t.x.p', 't.x.q'] },
      { label: '丙', sum: ['t.x.p', 't.x.r'] },
      { label: '费', sum: ['t.x.s'], money: true },
    ],
    [
      { label: '一率', part: ['t.x.q'], whole: ['t.x.p'] },
      { label: '二率', part: ['t.x.r'], whole: ['t.x.p'] },
    ],
  );
  const CUR = madeUp(
    'test-cur',
    '新测试格式',
    { from: 2041 },
    [
      { label: '甲', sum: ['t.x.p'] },
      { label: '乙', sum: ['t.x.p'] },
      { label: '丙', sum: ['t.x.p', 't.x.q'] },
      { label: '费', sum: ['t.x.s'], money: true },
    ],
    [
      { label: '一率', part: ['t.x.q'], whole: ['t.x.p'] },
      { label: '二率', part: ['t.x.q'], whole: ['t.x.p'] },
      { label: '三率', part: ['t.x.r'], whole: ['t.x.p'] },
    ],
  );
  const registry = new FormatRegistry([PREV, CUR]);
  const cur = registry.byId('test-cur')!;
  const prev = registry.byId('test-prev')!;

  const compare = () =>
    compareYears(
      { summary: report(cur, { 't.x.p': 10, 't.x.q': 5, 't.x.r': 1, 't.x.s': 2.5 }, { year: 2041 }), members: [] },
      { summary: report(prev, { 't.x.p': 5, 't.x.q': 1, 't.x.r': 2, 't.x.s': 1 }, { year: 2040 }) },
      registry,
    );

  test('a figure or rate is compared only when both formats define it with exactly the same cells; the rest are named', () => {
    const c = compare();
    expect([c.year, c.prevYear, c.sameFormat, c.formatName, c.prevFormatName]).toEqual([2041, 2040, false, '新测试格式', '旧测试格式']);
    // 乙: one cell against two that start with it; 丙: two cells, the second different.
    // 二率: same whole, another part; 三率: last year's format has no such rate.
    expect(c.compared).toEqual(['甲', '费', '一率']);
    expect(c.notCompared).toEqual(['乙', '丙', '二率', '三率']);
  });

  test('the compared lines carry their kind: a money figure stays money, a rate is per cent', () => {
    const c = compare();
    expect(c.total.map(row)).toEqual([
      // 1 → 2.5 万元: up 1.5, 150 %; the largest change.
      [null, '费', 2.5, 1, 1.5, 1.5, 'money'],
      // 5 → 10: doubled.
      [null, '甲', 10, 5, 5, 1, 'count'],
      // 1 of 5 (20 %) → 5 of 10 (50 %): 30 points, weighed as 0.3.
      [null, '一率', 50, 20, 30, null, 'percent'],
    ]);
  });
});

describe('the change of a rate', () => {
  const lastYear = { 'requests.new.total': 10, 'requests.carried_out.total': 0, 'appeals.review.total': 10, 'appeals.review.corrected': 2, 'proactive.licensing.decisions': 100 };
  const thisYear = { 'requests.new.total': 15, 'requests.carried_out.total': 3, 'appeals.review.total': 10, 'appeals.review.corrected': 5, 'proactive.licensing.decisions': 120 };
  const compare = () => compareYears({ summary: report(f21, thisYear, { year: 2024 }), members: [] }, { summary: report(f21, lastYear, { year: 2023 }) }, formats);
  const line = (c: ReturnType<typeof compare>, label: string) => row(c.total.find((l) => l.label === label)!);

  test('is in percentage points, with no rate of change of its own; a count rising from 0 has no rate of change either', () => {
    const c = compare();
    // 复议纠错率 2 of 10 → 5 of 10.
    expect(line(c, '复议纠错率（%）')).toEqual([null, '复议纠错率（%）', 50, 20, 30, null, 'percent']);
    expect(line(c, '结转下年')).toEqual([null, '结转下年', 3, 0, 3, null, 'count']);
    expect(line(c, '新收申请')).toEqual([null, '新收申请', 15, 10, 5, 0.5, 'count']);
  });

  test('is weighed by its points as a share of 100: 30 points rank below a rise by half and above a rise by a fifth', () => {
    const c = compare();
    const order = c.total.map((l) => l.label).filter((l) => ['新收申请', '复议纠错率（%）', '行政许可'].includes(l));
    // 新收申请 +50 %, 复议纠错率 +30 points (0.3), 行政许可 +20 %.
    expect(order).toEqual(['新收申请', '复议纠错率（%）', '行政许可']);
  });
});

describe('members', () => {
  const member = (office: string, cells: Record<string, number | null>) => report(f21, cells, { office, year: 2024 });

  test('a member rate with nothing decided in one of the years is neither listed nor counted as unchanged', () => {
    const last: FigureSet[] = [
      // This year 县财政局 decided no review: its rate is blank; 行政复议 itself fell from 2 to 0.
      { office: '县财政局', values: { 行政复议: 2, '复议纠错率（%）': 50 } },
      // Last year 县教育局 decided none: nothing to compare its 25 % with.
      { office: '县教育局', values: { '复议纠错率（%）': null } },
      // 县公安局: 1 of 2 corrected → 1 of 4, a change of −25 points.
      { office: '县公安局', values: { '复议纠错率（%）': 50 } },
    ];
    const cur = [
      member('县财政局', {}),
      member('县教育局', { 'appeals.review.total': 4, 'appeals.review.corrected': 1 }),
      member('县公安局', { 'appeals.review.total': 4, 'appeals.review.corrected': 1 }),
    ];
    const c = compareYears({ summary: report(f21, {}, { year: 2024 }), members: cur }, { summary: report(f21, {}, { year: 2023 }), members: last }, formats);
    expect(c.members.map(row)).toEqual([
      ['县财政局', '行政复议', 0, 2, -2, -1, 'count'],
      ['县公安局', '复议纠错率（%）', 25, 50, -25, null, 'percent'],
    ]);
    expect(c.unchanged).toBe(0);
  });

  test("without last year's members or their list, nobody is named as joined or left, and the format is the same", () => {
    const c = compareYears(
      { summary: report(f21, { 'requests.new.total': 2 }, { year: 2024 }), members: [member('县财政局', { 'requests.new.total': 2 })] },
      { summary: report(f21, { 'requests.new.total': 1 }, { year: 2023 }) },
      formats,
    );
    expect(c.noPreviousMembers).toBe(true);
    expect(c.onlyThisYear).toEqual([]);
    expect(c.onlyLastYear).toEqual([]);
    expect(c.members).toEqual([]);
    expect(c.sameFormat).toBe(true);
    expect([c.formatName, c.prevFormatName]).toEqual([f21.def.name, f21.def.name]);
  });
});

describe('the member-set warnings, word for word', () => {
  const summary = (year: number, members: string[]) => report(f21, {}, { year, members });
  // The 2021 format's relation that holds across years only for the same members.
  const why = '“二、上年结转”= “上年度四、结转下年度”只在两年成员相同时成立，合计的同比也受影响';

  test('a renamed unit: the one that left names the likely new name, the one that joined the likely old one', () => {
    const found = memberChangeFindings(f21, summary(2024, ['县财政局', '县公安分局']), summary(2023, ['县财政局', '县公安局']));
    expect(found.map((f) => [f.rule, f.message])).toEqual([
      ['summary.member_missing', `与上年相比成员减少：「县公安局」在 2023 年度汇总中，本年度汇总没有它（本年的「县公安分局」名称相近，如是同一单位改名，请统一名称）。${why}。`],
      ['summary.member_unlisted', `与上年相比成员增加：「县公安分局」本年度新加入汇总，2023 年度汇总中没有它（可能是上年的「县公安局」改了名称）。${why}。`],
    ]);
  });

  test('units with no similar name are named plainly', () => {
    const found = memberChangeFindings(f21, summary(2024, ['县财政局', '城关镇']), summary(2023, ['县财政局', '县民政局']));
    expect(found.map((f) => f.message)).toEqual([
      `与上年相比成员减少：「县民政局」在 2023 年度汇总中，本年度汇总没有它。${why}。`,
      `与上年相比成员增加：「城关镇」本年度新加入汇总，2023 年度汇总中没有它。${why}。`,
    ]);
  });
});
