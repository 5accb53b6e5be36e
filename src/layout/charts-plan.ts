/**
 * The summary's 图表 sheet: each chart's figures as a small table (category, figure, what a
 * figure that is not a number means) with a native chart of them beside it, so the chart stays
 * live with its cells in every spreadsheet program. A figure that is not a number (unreadable,
 * no change from 0) is an empty cell, drawn as a gap, and its row says why.
 */
import type { ChartSpec } from '../charts/spec';
import { REPORT_NAME } from '../formats/report-outline';
import type { FormatId } from '../formats/types';
import type { SheetMeta } from '../model/sheet-meta';
import { address } from './a1';
import { listPlan, type Merge, type PlanCell, type PlanChart, type SheetPlan } from './sheet-plan';
import { wrappedHeight } from './text-height';

/** Table in A:C, a gap column, the chart over E:N. */
const WIDTHS = [30, 10, 34, 2, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10];
const CHART_COLUMNS = { left: 5, right: 14 };
/** Default rows are 15 points (20 px): a bar takes about a row and a half, the title and margins four. */
const CHART_BASE_ROWS = 5;
const ROWS_PER_BAR = 1.6;
const MIN_CHART_ROWS = 10;
const FIRST_BLOCK = 4;

function chartRows(spec: ChartSpec): number {
  return Math.max(MIN_CHART_ROWS, Math.ceil(CHART_BASE_ROWS + ROWS_PER_BAR * spec.categories.length));
}

export function chartCaption(spec: ChartSpec, n: number): string {
  return `图${n}　${spec.title}${spec.unit === '%' ? '' : `（单位：${spec.unit}）`}`;
}

export function buildChartsPlan(name: string, summary: { office: string; year: number; format: FormatId }, charts: ChartSpec[]): SheetPlan {
  const cells: PlanCell[] = [];
  const merges: Merge[] = [];
  const planCharts: PlanChart[] = [];
  const rowHeights: Record<number, number> = { 1: 24, 2: 18 };
  cells.push({ row: 1, col: 1, value: `${summary.office} ${summary.year} 年度${REPORT_NAME}汇总图表`, style: 'tableTitle' });
  cells.push({ row: 2, col: 1, value: '各图的数字在其左侧的表中，图表随这些单元格更新；重新汇总时本表按新的数字重写。', style: 'subtitle' });
  merges.push({ top: 1, left: 1, bottom: 1, right: CHART_COLUMNS.right }, { top: 2, left: 1, bottom: 2, right: CHART_COLUMNS.right });
  let row = FIRST_BLOCK;
  charts.forEach((spec, k) => {
    const top = row;
    const caption = chartCaption(spec, k + 1);
    cells.push({ row, col: 1, value: caption, style: 'tableTitle' });
    merges.push({ top: row, left: 1, bottom: row, right: 3 });
    row++;
    const percent = spec.unit === '%';
    ['项目', percent ? '变化' : `数值（${spec.unit}）`, '说明'].forEach((h, i) => cells.push({ row, col: i + 1, value: h, style: 'header' }));
    row++;
    const first = row;
    const values = spec.series[0].values;
    spec.categories.forEach((c, i) => {
      const v = values[i];
      cells.push({ row, col: 1, value: c.label, style: 'text' });
      // A change of 33.3 % is the fraction 0.333, rounded as printed (33.3 / 100 in binary is not 0.333).
      if (v.status === 'number') cells.push({ row, col: 2, value: percent ? Math.round(v.value * 10) / 1000 : v.value, style: percent ? 'percent' : 'number' });
      else cells.push({ row, col: 2, value: null, style: 'number' });
      const why = v.status === 'unreadable' ? `${v.text}：${v.why}` : v.status === 'number' ? null : v.text;
      cells.push({ row, col: 3, value: why, style: 'text' });
      rowHeights[row] = Math.max(wrappedHeight(c.label, WIDTHS[0]), wrappedHeight(why ?? '', WIDTHS[2]));
      row++;
    });
    const last = row - 1;
    for (const note of [`数字取自${spec.source}。`, ...spec.notes]) {
      cells.push({ row, col: 1, value: `注：${note}`, style: 'text' });
      merges.push({ top: row, left: 1, bottom: row, right: 3 });
      rowHeights[row] = wrappedHeight(note, WIDTHS[0] + WIDTHS[1] + WIDTHS[2]);
      row++;
    }
    planCharts.push({
      title: caption,
      seriesName: spec.series[0].name,
      categories: `${address(first, 1)}:${address(last, 1)}`,
      values: `${address(first, 2)}:${address(last, 2)}`,
      numFmt: percent ? '+0.0%;-0.0%;0.0%' : '0',
      anchor: { top, left: CHART_COLUMNS.left, bottom: top + chartRows(spec) - 1, right: CHART_COLUMNS.right },
    });
    row = Math.max(row, top + chartRows(spec)) + 1;
  });
  if (!charts.length) cells.push({ row, col: 1, value: '没有可画的图表。', style: 'text' });
  const meta: SheetMeta = { app: 'nianbao', v: 1, format: summary.format, year: summary.year, office: summary.office, role: 'charts' };
  const plan = listPlan({ name, meta, cells, columnWidths: WIDTHS, lastRow: Math.max(row - 1, FIRST_BLOCK) });
  plan.merges = merges;
  plan.rowHeights = rowHeights;
  plan.charts = planCharts;
  return plan;
}
