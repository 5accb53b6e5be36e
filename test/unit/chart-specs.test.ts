/**
 * Chart specifications against figures worked out by hand: a report of each format (with blank
 * cells shown as blank), a report with an unreadable cell (no chart at all; the outcome builder
 * never makes it a 0), last year's report across a format switch, and a summary with an
 * unreadable member cell, a unit not reported, last year's summary, and a single member.
 */
import { outcomeChart, reportCharts, type CheckedReport } from '../../src/charts/report-charts';
import { summaryCharts, TOP_UNITS } from '../../src/charts/summary-charts';
import { chartTexts, type ChartSpec } from '../../src/charts/spec';
import { compareYears } from '../../src/consolidate/comparison';
import { consolidate } from '../../src/consolidate/consolidate';
import { parseRosterText } from '../../src/consolidate/roster';
import { seasonOf } from '../../src/consolidate/season';
import { formats } from '../../src/formats';
import type { Report } from '../../src/model/report';
import { validate } from '../../src/rules/engine';
import { CHART_CELLS_2024, handReport, requestsTable } from '../helpers/hand-report';

const f19 = formats.byId('gov-2019')!;
const f21 = formats.byId('gov-2021')!;

function checked(report: Report): CheckedReport {
  return { format: formats.byId(report.format)!, report, findings: validate(report).findings };
}

/** A chart as its labels and printed figures, row by row. */
function rows(spec: ChartSpec): [string, ...string[]][] {
  return spec.categories.map((c, i) => [c.label, ...spec.series.map((s) => s.values[i].text)]);
}

const OUTCOME_LABELS = ['予以公开', '部分公开', '不予公开', '无法提供', '不予处理', '其他处理', '结转下年度继续办理'];
const APPLICANT_LABELS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他（法人或其他组织）'];

const report2024 = handReport('gov-2021', 2024, CHART_CELLS_2024);

describe('a gov-2021 report', () => {
  const set = reportCharts(checked(report2024));

  test('it has no errors (the precondition of any chart), and two charts: the applicants, then the outcomes', () => {
    expect(validate(report2024).findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(set.charts.map((c) => c.id)).toEqual(['applicants', 'outcome']);
    expect(set.withheld).toEqual([]);
  });

  test('the applicants of the new requests: 37, 5, a blank shown as blank, 0, 2, 0', () => {
    const spec = set.charts[0];
    expect(rows(spec)).toEqual([
      ['自然人', '37'],
      ['商业企业', '5'],
      ['科研机构', '空白'],
      ['社会公益组织', '0'],
      ['法律服务机构', '2'],
      ['其他（法人或其他组织）', '0'],
    ]);
    expect(spec.series[0].values[2]).toEqual({ status: 'blank', value: null, text: '空白' });
    expect(spec.notes).toEqual(['「科研机构」在表格中为空白，图中标为“空白”。']);
    expect(spec.categories[0].cells).toEqual(['requests.new.natural']);
    expect(spec.categories[5].cells).toEqual(['requests.new.org_other']);
  });

  test('the outcomes: the six result groups of the format and those carried forward', () => {
    const spec = set.charts[1];
    expect(rows(spec)).toEqual([
      ['予以公开', '24'],
      ['部分公开', '7'],
      ['不予公开', '1'],
      ['无法提供', '8'],
      ['不予处理', '2'],
      ['其他处理', '1'],
      ['结转下年度继续办理', '3'],
    ]);
    // The groups are the format's rows: eight of 不予公开, three of 其他处理 in this version.
    expect(spec.categories[2].cells).toHaveLength(8);
    expect(spec.categories[5].cells).toEqual(['requests.other.no_correction.total', 'requests.other.unpaid.total', 'requests.other.misc.total']);
    expect(spec.categories[6].cells).toEqual(['requests.carried_out.total']);
  });
});

// gov-2019, 2020. 自然人: 予以公开 3, 不予处理（重复申请）1, 其他处理 4 = 8 closed, 1 carried out, 9 new.
// 社会公益组织: 无法提供（需另行制作）2. Every 不予公开 row's 总计 blank, and 法律服务机构's new requests.
const denied = ['secret', 'law', 'security', 'third_party', 'internal', 'process', 'enforcement', 'query'];
const cells2020 = {
  ...requestsTable({ natural: { results: { granted: 3, 'rejected.repeat': 1, other: 4 }, out: 1 }, nonprofit: { results: { 'unable.needs_creation': 2 } } }),
  ...Object.fromEntries(denied.map((d) => [`requests.denied.${d}.total`, null])),
  'requests.new.legal': null,
  'appeals.review.corrected': 3,
  'appeals.review.total': 3,
};
const report2020 = handReport('gov-2019', 2020, cells2020);

describe('a gov-2019 report', () => {
  const set = reportCharts(checked(report2020));

  test('blank figures are blanks, a group blank in every row is blank, never 0', () => {
    expect(validate(report2020).findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(set.charts.map((c) => c.id)).toEqual(['applicants', 'outcome']);
    expect(rows(set.charts[0])).toEqual([
      ['自然人', '9'],
      ['商业企业', '0'],
      ['科研机构', '0'],
      ['社会公益组织', '2'],
      ['法律服务机构', '空白'],
      ['其他（法人或其他组织）', '0'],
    ]);
    expect(rows(set.charts[1])).toEqual([
      ['予以公开', '3'],
      ['部分公开', '0'],
      ['不予公开', '空白'],
      ['无法提供', '2'],
      ['不予处理', '1'],
      ['其他处理', '4'],
      ['结转下年度继续办理', '1'],
    ]);
    // The 2019 version has one 其他处理 row.
    expect(set.charts[1].categories[5].cells).toEqual(['requests.other.total']);
    expect(set.charts[1].notes).toEqual(['「不予公开」在表格中为空白，图中标为“空白”。']);
  });
});

describe('last year beside this year', () => {
  // 2021 (gov-2021) against 2020 above (gov-2019): new requests 11 (9 + 2) → 12 (9 + 3), 行政复议 3 → 0, 行政诉讼 0 → 2 (1 + 1).
  const report2021 = handReport('gov-2021', 2021, {
    ...requestsTable({ natural: { results: { granted: 10 }, in: 1 }, business: { results: { partial: 3 } } }),
    'appeals.suit_direct.upheld': 1,
    'appeals.suit_direct.total': 1,
    'appeals.suit_after_review.other': 1,
    'appeals.suit_after_review.total': 1,
  });

  test('a third chart: each figure a panel of its own, last year first, across the format switch', () => {
    const set = reportCharts(checked(report2021), checked(report2020));
    expect(set.charts.map((c) => c.id)).toEqual(['applicants', 'outcome', 'trend']);
    const trend = set.charts[2];
    expect(trend.kind).toBe('pairs');
    expect(trend.series.map((s) => s.name)).toEqual(['2020年', '2021年']);
    expect(rows(trend)).toEqual([
      ['新收申请', '11', '12'],
      ['行政复议', '3', '0'],
      ['行政诉讼', '0', '2'],
    ]);
    expect(trend.categories[2].cells).toEqual(['appeals.suit_direct.total', 'appeals.suit_after_review.total']);
  });

  test('last year’s report of another year, or with errors, gives no third chart and says why', () => {
    const wrongYear = reportCharts(checked(report2021), checked(report2024));
    expect(wrongYear.charts.map((c) => c.id)).toEqual(['applicants', 'outcome']);
    expect(wrongYear.withheld).toEqual(['所给上年报表是 2024 年度的，不是 2020 年度，未画两年对比图。']);
    const broken = handReport('gov-2019', 2020, { ...cells2020, 'requests.total.total': 99 });
    const set = reportCharts(checked(report2021), checked(broken));
    expect(set.charts.map((c) => c.id)).toEqual(['applicants', 'outcome']);
    expect(set.withheld[0]).toMatch(/^上年报表还有 \d+ 个错误，未画两年对比图。$/);
  });
});

describe('what is never drawn', () => {
  // As a sheet reads it: the clerk's text in the cell, and the row's 总计 (a formula over it) unreadable too.
  const unreadable = handReport('gov-2021', 2024, { ...CHART_CELLS_2024, 'requests.granted.natural': '若干', 'requests.granted.total': '若干' });

  test('a report with an unreadable cell has an error, and gets no chart at all', () => {
    const set = reportCharts(checked(unreadable));
    expect(set.charts).toEqual([]);
    expect(set.withheld).toHaveLength(1);
    expect(set.withheld[0]).toMatch(/^表格还有 \d+ 个错误，未生成图表/);
  });

  test('an unreadable cell is never summed as 0: its bar is unreadable and the note names the cell and its text', () => {
    const spec = outcomeChart(f21, unreadable)!;
    expect(spec.series[0].values[0]).toEqual({ status: 'unreadable', value: null, text: '无法读取', why: '「（一）予以公开」×「总计」为“若干”' });
    expect(spec.notes).toEqual(['「予以公开」无法读取（「（一）予以公开」×「总计」为“若干”），未画出。']);
    // The other groups are as before.
    expect(chartTexts(spec).slice(1)).toEqual(['7', '1', '8', '2', '1', '3']);
  });

  test('a chart of nothing but 0 is not drawn, and the reason is given', () => {
    const empty = handReport('gov-2021', 2024, {});
    const set = reportCharts(checked(empty));
    expect(set.charts).toEqual([]);
    expect(set.withheld).toEqual(['「本年度新收政府信息公开申请的申请人」各项均为 0 或空白，未画图。', '「本年度政府信息公开申请的办理情况」各项均为 0 或空白，未画图。']);
  });
});

describe('a summary', () => {
  // A: 自然人 予以公开 6, 部分公开 2, carried out 1 → 9 new. B: 商业企业 无法提供 3, and 自然人 予以公开 written 若干
  // (unreadable). D: 自然人 予以公开 1 → 1 new. C is on the roster and sent nothing.
  const A = '县财政局';
  const B = '县交通运输局';
  const C = '城关镇';
  const D = '县档案馆';
  const a = handReport(
    'gov-2021',
    2024,
    { ...requestsTable({ natural: { results: { granted: 6, partial: 2 }, out: 1 } }), 'appeals.review.total': 2, 'appeals.review.upheld': 2 },
    { office: A, source: 'a.xlsx' },
  );
  const b = handReport(
    'gov-2021',
    2024,
    { ...requestsTable({ business: { results: { 'unable.not_held': 3 } } }), 'requests.granted.natural': '若干', 'requests.granted.total': '若干' },
    { office: B, source: 'b.xlsx' },
  );
  const d = handReport('gov-2021', 2024, requestsTable({ natural: { results: { granted: 1 } } }), { office: D, source: 'd.xlsx' });
  const roster = parseRosterText([A, B, C, D].join('\n')).entries;
  const result = consolidate([a, b, d], { office: '某县', roster });
  if (!result.ok) throw new Error('refused');
  const season = seasonOf(result, { office: '某县', year: 2024, today: '2025-03-01' });
  const rowsOf = new Map([
    [A, 'B6'],
    [B, 'B4'],
    [C, 'B5'],
    [D, 'B7'],
  ]);
  const set = summaryCharts({ format: f21, summary: result.summary, season, rows: { sheet: '某县2024汇总明细', addresses: rowsOf } });
  const byId = (id: string) => set.charts.find((c) => c.id === id)!;

  test('three charts without last year: the status, the units, the outcomes', () => {
    expect(set.charts.map((c) => c.id)).toEqual(['status', 'top-units', 'outcome']);
  });

  test('the status counts each unit once, as the overview states it; a bar selects the first unit of its state', () => {
    const states = Object.fromEntries(season.units.map((u) => [u.office, u.state]));
    expect(states[B]).toBe('有错误');
    expect(states[C]).toBe('未报送');
    const spec = byId('status');
    const count = (label: string) => spec.series[0].values[spec.categories.findIndex((c) => c.label === label)].text;
    expect(count('有错误')).toBe('1');
    expect(count('未报送')).toBe('1');
    // A and D have no error: each is 通过 or 有警告, and the two bars add up to 2.
    expect(Number(count('通过')) + Number(count('有警告')) + Number(count('已确认（警告已说明）'))).toBe(2);
    expect(spec.categories.find((c) => c.label === '未报送')!.target).toEqual({ sheet: '某县2024汇总明细', address: 'B5' });
  });

  test('the units by new requests, largest first, the one with errors marked; each bar selects its row', () => {
    const spec = byId('top-units');
    expect(spec.title).toBe('各单位的新收申请');
    expect(rows(spec)).toEqual([
      [A, '9'],
      [`${B}（有错误）`, '3'],
      [D, '1'],
    ]);
    expect(spec.categories.map((c) => c.target?.address)).toEqual(['B6', 'B4', 'B7']);
    expect(spec.categories[0]).toMatchObject({ office: A, cells: ['requests.new.total'] });
    expect(spec.notes).toEqual(['标“有错误”的单位，其数字按报送原数列出，改正后可能变化。']);
  });

  test('the outcomes of the summary: the group B cannot give a number for is unreadable, never 0, and says why', () => {
    const spec = byId('outcome');
    const v = spec.series[0].values;
    expect(v[0]).toMatchObject({ status: 'unreadable', text: '无法读取' });
    expect(v[0].status === 'unreadable' && v[0].why).toContain(`${B}为“若干”`);
    // 部分公开 2 (A), 不予公开 0, 无法提供 3 (B), 不予处理 0, 其他处理 0, carried forward 1 (A).
    expect(chartTexts(spec).slice(1)).toEqual(['2', '0', '3', '0', '0', '1']);
    expect(spec.notes).toContain('其中 1 个单位的报表有错误，其数字按报送原数计入。');
    expect(spec.notes.some((n) => n.startsWith('「予以公开」无法读取（'))).toBe(true);
  });

  test('with last year’s summary: the change of each count in per cent, with both years’ figures, and a rise from 0 said as such', () => {
    // Last year: A 8 new (予以公开 8), D 2 new (部分公开 2) → 10 new, 10 closed; 行政复议 0.
    const a0 = handReport('gov-2021', 2023, requestsTable({ natural: { results: { granted: 8 } } }), { office: A });
    const d0 = handReport('gov-2021', 2023, requestsTable({ natural: { results: { partial: 2 } } }), { office: D });
    const prev = consolidate([a0, d0], { office: '某县' });
    const good = consolidate([a, d], { office: '某县' });
    if (!prev.ok || !good.ok) throw new Error('refused');
    const comparison = compareYears({ summary: good.summary, members: good.members.map((m) => m.report) }, { summary: prev.summary }, formats);
    const goodSeason = seasonOf(good, { office: '某县', year: 2024, today: '2025-03-01' });
    const yoy = summaryCharts({ format: f21, summary: good.summary, season: goodSeason, comparison }).charts.find((c) => c.id === 'year-on-year')!;
    const line = (label: string) => rows(yoy).find((r) => r[0].startsWith(label))!;
    // New requests 10 → 10 (9 + 1): 0.0 %; closed 10 → 9 (8 + 1): −10.0 %; carried forward 0 → 1; 行政复议 0 → 2.
    expect(line('新收申请')).toEqual(['新收申请（10→10）', '0.0%']);
    expect(line('办结')).toEqual(['办结（10→9）', '-10.0%']);
    expect(line('结转下年')).toEqual(['结转下年（0→1）', '上年为0']);
    expect(line('行政复议')).toEqual(['行政复议（0→2）', '上年为0']);
    expect(yoy.unit).toBe('%');
    expect(yoy.notes).toContain('「行政复议」上年为 0，没有变化率。');
  });

  test('a single member: its status and outcomes; no ranking of one unit, and why', () => {
    const one = consolidate([a], { office: '某县' });
    if (!one.ok) throw new Error('refused');
    const s = summaryCharts({ format: f21, summary: one.summary, season: seasonOf(one, { office: '某县', year: 2024, today: '2025-03-01' }) });
    expect(s.charts.map((c) => c.id)).toEqual(['status', 'outcome']);
    expect(s.withheld).toEqual(['只有 1 个单位的新收申请数可用，未画各单位对比图。']);
    // Without a roster, nobody is counted as 未报送, and the chart says why.
    expect(s.charts[0].categories.map((c) => c.label)).not.toContain('未报送');
    expect(s.charts[0].notes).toEqual(['未提供报送名单，无法统计未报送的单位。']);
    expect(chartTexts(s.charts[1])).toEqual(['6', '2', '0', '0', '0', '0', '1']);
  });

  test(`more than ${TOP_UNITS} units: the ${TOP_UNITS} largest, and the title says so`, () => {
    const many = Array.from({ length: TOP_UNITS + 2 }, (_, i) =>
      handReport('gov-2021', 2024, requestsTable({ natural: { results: { granted: i + 1 } } }), { office: `单位${i + 1}`, source: `${i}.xlsx` }),
    );
    const r = consolidate(many, { office: '某县' });
    if (!r.ok) throw new Error('refused');
    const spec = summaryCharts({ format: f21, summary: r.summary, season: seasonOf(r, { office: '某县', year: 2024, today: '2025-03-01' }) }).charts.find((c) => c.id === 'top-units')!;
    expect(spec.title).toBe(`新收申请最多的 ${TOP_UNITS} 个单位`);
    expect(rows(spec).map((x) => x[1])).toEqual(['12', '11', '10', '9', '8', '7', '6', '5', '4', '3']);
  });
});

test('the 2019 version’s outcome groups come from its own rows', () => {
  const spec = outcomeChart(f19, report2020)!;
  expect(spec.categories.map((c) => c.label)).toEqual(OUTCOME_LABELS);
  expect(reportCharts(checked(report2024)).charts[0].categories.map((c) => c.label)).toEqual(APPLICANT_LABELS);
});
