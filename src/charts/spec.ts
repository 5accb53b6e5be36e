/**
 * Chart specifications: what a chart shows, worked out from checked figures, before any library
 * draws it. Every face draws the same specifications (charts/render-svg.ts for the report, the
 * pane and the page; native charts in a workbook from the 图表 sheet's plan).
 */

/**
 * One bar's figure: a number; a blank (every cell it sums is blank, shown as blank, never 0);
 * unreadable (never drawn, and the chart says why); or none (nothing to draw, a change from 0).
 */
export type ChartValue =
  | { status: 'number'; value: number; text: string }
  | { status: 'blank'; value: null; text: string }
  | { status: 'unreadable'; value: null; text: string; why: string }
  | { status: 'none'; value: null; text: string };

export interface ChartCategory {
  label: string;
  /** Source cells (cell ids) the figure sums, of `office`'s report (the report charted, when absent). */
  cells: string[];
  office?: string;
  /** What choosing this bar selects: the unit's row in 汇总明细. */
  target?: { sheet: string; address: string };
}

export interface ChartSeries {
  /** 「2024年」, or the figure's name for a chart of one series. */
  name: string;
  /** One per category. */
  values: ChartValue[];
}

export type ChartId = 'applicants' | 'outcome' | 'trend' | 'status' | 'top-units' | 'year-on-year';

/**
 * `bars`: one series, one horizontal bar per category, its number at its end.
 * `pairs`: one small panel per category, each with its own scale, a bar per series (the years):
 * figures of very different sizes (requests and lawsuits) side by side without dwarfing either.
 */
export interface ChartSpec {
  id: ChartId;
  kind: 'bars' | 'pairs';
  /** What the chart answers, as its caption says it: 「本年度政府信息公开申请的办理结果」. */
  title: string;
  /** The unit the numbers are in: 件, 个 (units), or % (a change). */
  unit: '件' | '个' | '%';
  categories: ChartCategory[];
  series: ChartSeries[];
  /** Said under the chart: what is missing, what is blank, what is left out. */
  notes: string[];
  /** Where the numbers are found, in words: 「表三第一行」. */
  source: string;
}

/** A set of charts, and why any that could be drawn were not. */
export interface ChartSet {
  charts: ChartSpec[];
  /** Why charts were withheld or left out, in Chinese: a report with errors, a chart of nothing. */
  withheld: string[];
}

/** Every figure a chart prints, in order: what tests compare with the tables. */
export function chartTexts(spec: ChartSpec): string[] {
  return spec.series.flatMap((s) => s.values.map((v) => v.text));
}
