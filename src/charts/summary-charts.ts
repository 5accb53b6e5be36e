/**
 * The charts of a 汇总, for the county's leaders: the season's status (who passed, who has errors,
 * who has not reported), the units with the most new requests, how the requests were answered,
 * and what moved since last year. The figures are the summary's and its overview's, as they stand.
 */
import type { Comparison } from '../consolidate/comparison';
import { figureIds, keyFigure, keyFiguresOf } from '../consolidate/key-figures';
import type { Season, UnitState } from '../consolidate/season';
import type { CompiledFormat } from '../formats/compile';
import { REPORT_FIGURES } from '../formats/report-figures';
import type { Report } from '../model/report';
import { allNothing, countText, numberValue, UNREADABLE_TEXT } from './figures';
import { outcomeChart } from './report-charts';
import type { ChartCategory, ChartSet, ChartSpec, ChartValue } from './spec';

/** A leader reads ten names at a glance; the overview lists them all. */
export const TOP_UNITS = 10;

/** The states a chart counts, good to bad; 不纳入汇总 units are not part of the season. */
const STATUS_ORDER: UnitState[] = ['通过', '已确认', '有警告', '有错误', '未报送'];
const STATE_LABEL: Partial<Record<UnitState, string>> = { 已确认: '已确认（警告已说明）' };

export interface SummaryChartInput {
  format: CompiledFormat;
  summary: Report;
  season: Season;
  /** Each unit's row in 汇总明细, by office: what choosing its bar selects. */
  rows?: { sheet: string; addresses: Map<string, string> };
  comparison?: Comparison;
}

function target(input: SummaryChartInput, office: string): Pick<ChartCategory, 'target'> {
  const address = input.rows?.addresses.get(office);
  return address ? { target: { sheet: input.rows!.sheet, address } } : {};
}

/** 报送情况: units by state, as the overview's 状态 column counts them. */
function statusChart(input: SummaryChartInput): ChartSpec {
  const units = input.season.units.filter((u) => u.state !== '不纳入汇总');
  const states = STATUS_ORDER.filter((s) => s !== '未报送' || input.season.rosterGiven);
  const categories = states.map((s) => {
    const first = units.find((u) => u.state === s);
    return { label: STATE_LABEL[s] ?? s, cells: [], ...(first ? target(input, first.office) : {}) };
  });
  const values = states.map((s) => numberValue(units.filter((u) => u.state === s).length));
  const notes = input.season.rosterGiven ? [] : ['未提供报送名单，无法统计未报送的单位。'];
  return { id: 'status', kind: 'bars', title: '各单位报送和校验情况', unit: '个', categories, series: [{ name: '单位数', values }], notes, source: '汇总明细「状态」一列' };
}

/** The overview's figure of new requests: the key figure made of the cells REPORT_FIGURES calls new requests. */
function newRequestsFigure(format: CompiledFormat) {
  const want = REPORT_FIGURES.new.cells.join();
  return keyFiguresOf([format]).find((f) => figureIds(format, f)?.join() === want);
}

/** The units with the most new requests, largest first; a unit with errors is marked, one that cannot be read is named. */
function topUnitsChart(input: SummaryChartInput): ChartSpec | string {
  const fig = newRequestsFigure(input.format);
  if (!fig) return '表格格式没有“新收申请”这一关键数字，未画各单位对比图。';
  const ids = figureIds(input.format, fig)!;
  const units = input.season.units.filter((u) => u.member && u.state !== '不纳入汇总');
  const read = units.map((u) => ({ unit: u, value: keyFigure(input.format, u.member!.report, fig) }));
  const unreadable = read.filter((r) => typeof r.value !== 'number').map((r) => `「${r.unit.office}」`);
  const ranked = read.filter((r): r is typeof r & { value: number } => typeof r.value === 'number').sort((a, b) => b.value - a.value);
  if (ranked.length < 2) return `只有 ${ranked.length} 个单位的${fig.label}数可用，未画各单位对比图。`;
  const shown = ranked.slice(0, TOP_UNITS);
  const categories = shown.map((r) => ({ label: `${r.unit.office}${r.unit.state === '有错误' ? '（有错误）' : ''}`, cells: ids, office: r.unit.office, ...target(input, r.unit.office) }));
  const notes: string[] = [];
  if (shown.some((r) => r.unit.state === '有错误')) notes.push('标“有错误”的单位，其数字按报送原数列出，改正后可能变化。');
  if (unreadable.length) notes.push(`${unreadable.join('、')}的${fig.label}数无法读取，未列入。`);
  const title = ranked.length > TOP_UNITS ? `${fig.label}最多的 ${TOP_UNITS} 个单位` : `各单位的${fig.label}`;
  return { id: 'top-units', kind: 'bars', title, unit: '件', categories, series: [{ name: fig.label, values: shown.map((r) => numberValue(r.value)) }], notes, source: `汇总明细「${fig.label}」一列` };
}

function percentText(p: number): string {
  return `${p > 0 ? '+' : ''}${p.toFixed(1)}%`;
}

/** 同比: each comparable count's change since last year in per cent, the largest changes first, with both years' figures. */
function yearOnYearChart(c: Comparison, format: CompiledFormat): ChartSpec | string {
  const lines = c.total.filter((l) => l.kind === 'count');
  if (!lines.length) return `与 ${c.prevYear} 年度没有可比的数字，未画同比图。`;
  const figures = keyFiguresOf([format]);
  const notes: string[] = [];
  const categories: ChartCategory[] = [];
  const values: ChartValue[] = lines.map((l) => {
    const fig = figures.find((f) => f.label === l.label);
    const both = typeof l.cur === 'number' && typeof l.prev === 'number';
    categories.push({ label: both ? `${l.label}（${countText(l.prev as number)}→${countText(l.cur as number)}）` : l.label, cells: (fig && figureIds(format, fig)) ?? [] });
    if (!both) {
      const which = typeof l.cur !== 'number' ? `${c.year} 年度` : `${c.prevYear} 年度`;
      notes.push(`「${l.label}」${which}的数无法读取，未画出。`);
      return { status: 'unreadable', value: null, text: UNREADABLE_TEXT, why: `${which}的数无法读取` };
    }
    if (l.rate === null) {
      notes.push(`「${l.label}」上年为 0，没有变化率。`);
      return { status: 'none', value: null, text: '上年为0' };
    }
    const p = Math.round(l.rate * 1000) / 10;
    return numberValue(p, percentText(p));
  });
  return {
    id: 'year-on-year',
    kind: 'bars',
    title: `与 ${c.prevYear} 年度相比的变化`,
    unit: '%',
    categories,
    series: [{ name: '变化率', values }],
    notes,
    source: `同比工作表的合计`,
  };
}

/** The summary's charts, in the order the 图表 sheet and the pane show them. */
export function summaryCharts(input: SummaryChartInput): ChartSet {
  const charts: ChartSpec[] = [statusChart(input)];
  const withheld: string[] = [];
  const add = (x: ChartSpec | string | undefined) => {
    if (typeof x === 'string') withheld.push(x);
    else if (x) charts.push(x);
  };
  add(topUnitsChart(input));
  const outcome = outcomeChart(input.format, input.summary);
  if (outcome && allNothing(outcome.series[0].values)) add(`「${outcome.title}」各项均为 0，未画图。`);
  else if (outcome) {
    const bad = input.season.units.filter((u) => u.member && u.state === '有错误').length;
    if (bad) outcome.notes.push(`其中 ${bad} 个单位的报表有错误，其数字按报送原数计入。`);
    add(outcome);
  }
  if (input.comparison) add(yearOnYearChart(input.comparison, input.format));
  return { charts, withheld };
}
