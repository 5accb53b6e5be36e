/**
 * What a consolidation writes, for every face: the summary, its overview and the 同比 sheet.
 */
import { type Consolidation } from '../consolidate/consolidate';
import { compareYears, memberChangeFindings, type Comparison } from '../consolidate/comparison';
import { formats as registry } from '../formats';
import type { CompiledFormat } from '../formats/compile';
import { buildComparisonPlan } from '../layout/comparison-plan';
import { buildOverviewPlan, overviewAddresses, overviewCounts } from '../layout/overview-plan';
import { buildChartsPlan } from '../layout/charts-plan';
import { summaryCharts } from '../charts/summary-charts';
import type { ChartSpec } from '../charts/spec';
import { buildChangesPlan, buildStatusPlan } from '../layout/season-plans';
import { seasonOf, type Season } from '../consolidate/season';
import { buildSheetPlan, type SheetPlan } from '../layout/sheet-plan';
import { summaryFormulas } from '../layout/summary-formulas';
import type { Level } from '../model/report';
import { validate } from '../rules/engine';
import type { Finding } from '../model/finding';
import { UserError } from '../model/user-error';
import { PreviousYear } from './previous-year';

export interface ConsolidationOutput {
  plans: SheetPlan[];
  findings: Finding[];
  comparison?: Comparison;
  counts: string;
  /** Who reported, who is late, who resubmitted: what the notices and the circular are made from. */
  season: Season;
  /** The season's sheets written: 整改情况 when an office resubmitted, 报送情况 when a roster was given. */
  changesSheet?: string;
  statusSheet?: string;
  /** The summary's charts (the 图表 sheet, and the pane's 汇总 tab), unless switched off. */
  charts: ChartSpec[];
  chartsSheet?: string;
}

export interface OutputSheetNames {
  summary: string;
  overview: string;
  comparison: string;
  changes: string;
  status: string;
  charts: string;
}

/**
 * The sheets a consolidation writes (summary, overview, and the 同比 sheet when last year's
 * summary is given) and the summary's findings, for every face.
 */
export function consolidationOutput(
  result: Extract<Consolidation, { ok: true }>,
  req: {
    office: string;
    level?: Level;
    names: OutputSheetNames;
    /** The season's sheets to write even when there is nothing new for them: they replace ones written before. */
    rewrite?: { changes?: boolean; status?: boolean };
    /** Each member's sheet in the output workbook, for links; and the formulas referring to them. */
    memberSheets?: (string | undefined)[];
    formulas?: (string | undefined)[];
    /** The member sheets the summary names, so a re-run updates it and drill-down finds them. */
    summaryOf?: string[];
    previous?: PreviousYear;
    today: string;
    /** The 图表 sheet; true unless the office wants none. */
    charts?: boolean;
  },
): ConsolidationOutput {
  const summary = result.summary;
  const format = registry.formatOf(summary);
  const prev = req.previous;
  if (prev && prev.summary.year !== summary.year - 1) throw new UserError(`上年汇总是 ${prev.summary.year} 年度，本次汇总是 ${summary.year} 年度：请选择 ${summary.year - 1} 年度的汇总。`);
  const plans: SheetPlan[] = [
    buildSheetPlan(format, {
      office: req.office,
      year: summary.year,
      level: req.level,
      totals: 'values',
      readings: summary.readings,
      cellFormulas: req.formulas,
      extraMeta: { members: summary.members, descendants: summary.descendants, ...(req.summaryOf ? { summaryOf: req.summaryOf } : {}) },
      name: req.names.summary,
    }),
  ];
  const members = result.members.map((status, i) => ({ status, sheet: req.memberSheets?.[i] }));
  const changesSheet = result.versions.length || req.rewrite?.changes ? req.names.changes : undefined;
  const statusSheet = result.completeness || req.rewrite?.status ? req.names.status : undefined;
  const overviewOptions = { completeness: result.completeness, today: req.today, versions: result.versions, changesSheet };
  plans.push(buildOverviewPlan(req.names.overview, { office: req.office, year: summary.year, format: summary.format, sheet: req.names.summary }, members, registry, overviewOptions));
  const findings = [...result.findings];
  let comparison: Comparison | undefined;
  if (prev) {
    const named = {
      missing: result.completeness?.expected.filter((x) => !x.member).map((x) => x.entry.name) ?? [],
      unlisted: result.completeness?.unlisted.map((x) => x.member.report.office) ?? [],
    };
    findings.push(...memberChangeFindings(format, summary, prev.summary, named));
    comparison = compareYears({ summary, members: result.members.map((m) => m.report) }, prev, registry);
    plans.push(buildComparisonPlan(req.names.comparison, { office: req.office, format: summary.format }, comparison, prev.source));
  }
  const season = seasonOf(result, { office: req.office, year: summary.year, today: req.today });
  if (changesSheet) plans.push(buildChangesPlan(changesSheet, season, summary.format));
  if (statusSheet) plans.push(buildStatusPlan(statusSheet, season, summary.format));
  // Each unit's bar selects its row of the overview, as written just above.
  const charts = req.charts === false ? [] : summaryCharts({ format, summary, season, comparison, rows: { sheet: req.names.overview, addresses: overviewAddresses(season) } }).charts;
  const chartsSheet = req.charts === false ? undefined : req.names.charts;
  if (chartsSheet) plans.push(buildChartsPlan(chartsSheet, { office: req.office, year: summary.year, format: summary.format }, charts));
  findings.push(...validate(summary, { previous: prev?.summary }).findings);
  return { plans, findings, comparison, counts: overviewCounts(members, overviewOptions), season, changesSheet, statusSheet, charts, chartsSheet };
}

/**
 * The summary's cells: live formulas referring to the member sheets, unless values were asked
 * for or the formulas would pass Excel's length limit (then values, and the user is told).
 */
export function summaryCells(format: CompiledFormat, memberSheets: string[], wanted: 'formula' | 'values'): { mode: 'formula' | 'values'; formulas?: (string | undefined)[]; note?: string } {
  if (wanted === 'values') return { mode: 'values' };
  const formulas = summaryFormulas(format, memberSheets);
  if (!formulas) return { mode: 'values', note: '成员太多，公式会超过 Excel 的长度上限，已改为写入数值。' };
  return { mode: 'formula', formulas };
}
