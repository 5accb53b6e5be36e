/**
 * The charts of one report, for its published text: who asked (the applicants of this year's new
 * requests), how the requests were answered (the result groups and those carried forward), and,
 * when last year's report is given, new requests, 行政复议 and 行政诉讼 beside last year's.
 * Rows and columns come from the format; a report with errors gets no chart at all.
 */
import { headerLeaves, type CompiledFormat } from '../formats/compile';
import { REPORT_FIGURES, resultGroups, TREND_FIGURES } from '../formats/report-figures';
import { unnumbered } from '../formats/report-outline';
import type { MatrixTable } from '../formats/types';
import type { Finding } from '../model/finding';
import type { Report } from '../model/report';
import { allNothing, sumValue } from './figures';
import type { ChartCategory, ChartSet, ChartSpec, ChartValue } from './spec';

/** A report and what its checks found: charts are drawn only from a report without errors. */
export interface CheckedReport {
  format: CompiledFormat;
  report: Report;
  findings: Finding[];
}

function errorsOf(c: CheckedReport): Finding[] {
  return c.findings.filter((f) => f.severity === 'error');
}

function requestsTable(format: CompiledFormat): MatrixTable | undefined {
  return format.def.tables.find((t): t is MatrixTable => t.layout === 'matrix');
}

/** The matrix row a figure of REPORT_FIGURES is read from: the row of its first cell. */
function rowOf(format: CompiledFormat, table: MatrixTable, cellId: string) {
  const i = format.index.get(cellId);
  return i === undefined ? undefined : table.rows.find((r) => r.id === format.cells[i].row);
}

function barsSpec(id: ChartSpec['id'], title: string, source: string, categories: ChartCategory[], values: ChartValue[], name: string): ChartSpec {
  const notes = values.flatMap((v, i) => (v.status === 'unreadable' ? [`「${categories[i].label}」无法读取（${v.why}），未画出。`] : []));
  const blanks = categories.filter((_, i) => values[i].status === 'blank').map((c) => `「${c.label}」`);
  if (blanks.length) notes.push(`${blanks.join('、')}在表格中为空白，图中标为“空白”。`);
  return { id, kind: 'bars', title, unit: '件', categories, series: [{ name, values }], notes, source };
}

/** 申请人情况: this year's new requests by applicant, each column of 申请人情况 but 总计. */
function applicantsChart(format: CompiledFormat, report: Report): ChartSpec | undefined {
  const table = requestsTable(format);
  const row = table && rowOf(format, table, REPORT_FIGURES.new.cells[0]);
  if (!table || !row) return undefined;
  const leaves = headerLeaves(table.columns).filter((l) => l.ids[l.ids.length - 1] !== 'total');
  const categories = leaves.map((l) => ({ label: l.short, cells: [`${table.id}.${row.id}.${l.ids.join('.')}`] }));
  const values = categories.map((c) => sumValue(format, report, c.cells));
  return barsSpec('applicants', '本年度新收政府信息公开申请的申请人', `表三「${unnumbered(row.path[0])}」一行`, categories, values, '新收申请');
}

/** 办理结果: （一）予以公开 … （六）其他处理 as the format groups them, and those carried into next year. */
export function outcomeChart(format: CompiledFormat, report: Report): ChartSpec | undefined {
  const table = requestsTable(format);
  const carried = table && rowOf(format, table, REPORT_FIGURES.carried_out.cells[0]);
  if (!table || !carried) return undefined;
  const total = (rowId: string) => `${table.id}.${rowId}.total`;
  const categories: ChartCategory[] = [
    ...resultGroups(table).map((g) => ({ label: g.name, cells: g.rows.map((r) => total(r.id)) })),
    { label: unnumbered(carried.path[0]), cells: [total(carried.id)] },
  ];
  const values = categories.map((c) => sumValue(format, report, c.cells));
  return barsSpec('outcome', '本年度政府信息公开申请的办理情况', '表三「总计」一列', categories, values, '申请数');
}

/** New requests, 行政复议 and 行政诉讼, last year's beside this year's: only figures both formats define alike. */
function trendChart(cur: CheckedReport, prev: CheckedReport): ChartSpec {
  const figures = TREND_FIGURES.map((f) => ({ ...f, cells: REPORT_FIGURES[f.kind].cells })).filter((f) => f.cells.every((id) => cur.format.index.has(id) && prev.format.index.has(id)));
  const categories: ChartCategory[] = figures.map((f) => ({ label: f.label, cells: f.cells }));
  const series = [prev, cur].map((c) => ({ name: `${c.report.year}年`, values: figures.map((f) => sumValue(c.format, c.report, f.cells)) }));
  const notes: string[] = [];
  series.forEach((s) =>
    s.values.forEach((v, i) => {
      if (v.status === 'blank') notes.push(`${s.name}「${figures[i].label}」在表格中为空白，图中标为“空白”。`);
    }),
  );
  const names = figures.map((f) => f.label);
  const title = `${cur.report.year - 1}年和${cur.report.year}年的${names.slice(0, -1).join('、')}${names.length > 1 ? '和' : ''}${names[names.length - 1]}`;
  return { id: 'trend', kind: 'pairs', title, unit: '件', categories, series, notes, source: `两年报表的表三「本年新收」和表四「总计」` };
}

/**
 * The report's charts, in the order the report shows them, or none with the reason: a report
 * with errors, last year's report with errors or of another year, a chart of nothing but 0.
 */
export function reportCharts(cur: CheckedReport, previous?: CheckedReport): ChartSet {
  const errors = errorsOf(cur);
  if (errors.length) return { charts: [], withheld: [`表格还有 ${errors.length} 个错误，未生成图表：图表只按通过校验的数字绘制。`] };
  const charts: ChartSpec[] = [];
  const withheld: string[] = [];
  const keep = (spec: ChartSpec | undefined) => {
    if (!spec) return;
    if (spec.series.every((s) => allNothing(s.values))) withheld.push(`「${spec.title}」各项均为 0 或空白，未画图。`);
    else charts.push(spec);
  };
  keep(applicantsChart(cur.format, cur.report));
  keep(outcomeChart(cur.format, cur.report));
  if (previous) {
    const prevErrors = errorsOf(previous);
    if (previous.report.year !== cur.report.year - 1) withheld.push(`所给上年报表是 ${previous.report.year} 年度的，不是 ${cur.report.year - 1} 年度，未画两年对比图。`);
    else if (prevErrors.length) withheld.push(`上年报表还有 ${prevErrors.length} 个错误，未画两年对比图。`);
    else keep(trendChart(cur, previous));
  }
  return { charts, withheld };
}
