/**
 * The 汇总 workflow on a workbook: read the report sheets in one batch, consolidate in
 * memory, write the summary and its overview in one all-or-nothing batch. A re-run
 * updates the sheets it made before instead of piling up copies.
 */
import { consolidate, type Completeness, type MemberStatus } from '../consolidate/consolidate';
import { isoDate } from '../consolidate/roster';
import { formats as registry } from '../formats';
import { changesSheetName, chartsSheetName, comparisonSheetName, freshSheetName, overviewSheetName, statusSheetName, summarySheetName } from '../layout/sheet-name';
import type { ChartSpec } from '../charts/spec';
import type { Level, Report } from '../model/report';
import { defaultResubmitBy, noticeUnits, type Season } from '../consolidate/season';
import { pickVersions, versionKey } from '../consolidate/versions';
import { validate, countBySeverity } from '../rules/engine';
import type { Finding } from '../model/finding';
import { TEMP_SHEET_PREFIX, type WorkbookPort } from '../ports/workbook-port';
import { UserError } from '../model/user-error';
import { reportsOf } from './report-sheets';
import { rosterOrError } from './roster-sheet';
import { findPreviousYear } from './previous-year';
import { consolidationOutput, summaryCells } from './consolidation-output';

export interface Candidate {
  sheet: string;
  /** Another sheet of the same office and year: which of them a consolidation counts. */
  version?: { n: number; of: number; counted: boolean } | { ambiguous: true };
  office: string;
  year: number;
  format: string;
  formatName: string;
  level?: Level;
  /** For summaries: how many members. */
  members?: number;
  errors: number;
  warnings: number;
}

/** The report sheets a consolidation can take, with their validation status. */
export async function listCandidates(port: WorkbookPort): Promise<Candidate[]> {
  const found = reportsOf((await port.readSheets('reports', { marks: false })).filter((s) => !s.name.startsWith(TEMP_SHEET_PREFIX)));
  const picked = pickVersions(found.map((f) => f.report));
  const versionOf = (r: Report): Candidate['version'] => {
    if (picked.ambiguous.some((g) => g.includes(r))) return { ambiguous: true };
    const g = picked.groups.find((x) => x.includes(r));
    return g && { n: g.indexOf(r) + 1, of: g.length, counted: g[g.length - 1] === r };
  };
  return found.map(({ sheet, report }) => {
    const n = countBySeverity(validate(report).findings);
    const version = versionOf(report);
    return {
      sheet,
      ...(version ? { version } : {}),
      office: report.office,
      year: report.year,
      format: report.format,
      formatName: registry.formatOf(report).def.name,
      level: report.level,
      members: report.members?.length,
      errors: n.error,
      warnings: n.warning,
    };
  });
}

export interface ConsolidateSheetsRequest {
  members: string[];
  office: string;
  level?: Level;
  /** Live formulas referring to the member sheets (default), or plain values. */
  mode?: 'formula' | 'values';
  /** The roster (报送名单) as text, one unit per line: missing units become 未报送 rows. */
  roster?: string;
  /** Last year's summary sheet in this workbook: the carry-over check and the 同比 sheet. */
  previous?: string;
  /** The date deadlines are judged against, YYYY-MM-DD; today by default. */
  today?: string;
  /** The 图表 sheet and the charts shown above the list; true unless switched off. */
  charts?: boolean;
}

export interface ConsolidateSheetsResult {
  ok: boolean;
  findings: Finding[];
  members: MemberStatus[];
  summarySheet?: string;
  overviewSheet?: string;
  comparisonSheet?: string;
  mode?: 'formula' | 'values';
  /** Said to the user, e.g. why values were written instead of formulas. */
  note?: string;
  updated?: boolean;
  completeness?: Completeness;
  /** 应报 / 已报 / 通过, as on the overview. */
  counts?: string;
  changesSheet?: string;
  statusSheet?: string;
  /** What the notices and the circular are made from. */
  season?: Season;
  /** The offices owed a 退回意见, as on the overview. */
  notices?: string[];
  /** The corrected versions' due date the letters propose (YYYY-MM-DD). */
  resubmitBy?: string;
  /** The summary's charts, as the 图表 sheet draws them. */
  charts?: ChartSpec[];
  chartsSheet?: string;
}

export async function consolidateSheets(port: WorkbookPort, req: ConsolidateSheetsRequest): Promise<ConsolidateSheetsResult> {
  const office = req.office.trim();
  if (!office) throw new UserError('请填写汇总单位名称。');
  if (req.members.length === 0) throw new UserError('请至少选择一个成员报表。');
  const roster = req.roster?.trim() ? rosterOrError(req.roster) : undefined;
  const read = await port.readSheets('reports', { marks: false });
  const leftovers = read.filter((s) => s.name.startsWith(TEMP_SHEET_PREFIX));
  const sheets = read.filter((s) => !s.name.startsWith(TEMP_SHEET_PREFIX));
  const all = reportsOf(sheets);
  const picked = req.members.map((name) => {
    const hit = all.find((r) => r.sheet === name);
    if (!hit) throw new UserError(`工作表“${name}”不是可读取的年报表格，请刷新列表后重试。`);
    return hit;
  });
  // Every version of a chosen office goes in, so the latest is counted even when an older one was ticked.
  const ours = new Set(sheets.filter((s) => s.meta?.summaryOf).map((s) => s.name));
  const keys = new Set(picked.map((c) => versionKey(c.report)));
  const sameOffice = (r: Report) => {
    const k = versionKey(r);
    return k !== undefined && keys.has(k);
  };
  const chosen = [...picked, ...all.filter((r) => !picked.includes(r) && !ours.has(r.sheet) && sameOffice(r.report))];
  const result = consolidate(
    chosen.map((c) => c.report),
    { office, level: req.level, registry, roster },
  );
  if (!result.ok) return { ok: false, findings: result.findings, members: result.members, completeness: result.completeness };
  const previousYear = req.previous ? findPreviousYear(all, sheets, { sheet: req.previous, year: result.summary.year }) : undefined;

  const summary = result.summary;
  const format = registry.formatOf(summary);
  const mine = (role: string | undefined) =>
    sheets.find((s) => s.meta && (s.meta.role ?? 'summary') === role && s.meta.office === office && s.meta.year === summary.year && (role !== 'summary' || s.meta.summaryOf));
  const previous = mine('summary');
  const taken = sheets.map((s) => s.name);
  const summaryName = previous?.name ?? freshSheetName(summarySheetName(office, summary.year), taken);
  const previousOverview = mine('overview');
  const overviewName = previousOverview?.name ?? freshSheetName(overviewSheetName(summaryName), [...taken, summaryName]);
  const previousComparison = mine('comparison');
  const comparisonName = previousComparison?.name ?? freshSheetName(comparisonSheetName(summaryName), [...taken, summaryName, overviewName]);
  const previousChanges = mine('changes');
  const changesName = previousChanges?.name ?? freshSheetName(changesSheetName(summaryName), [...taken, summaryName, overviewName, comparisonName]);
  const previousStatus = mine('status');
  const statusName = previousStatus?.name ?? freshSheetName(statusSheetName(summaryName), [...taken, summaryName, overviewName, comparisonName, changesName]);
  const previousCharts = mine('charts');
  const chartsName = previousCharts?.name ?? freshSheetName(chartsSheetName(summaryName), [...taken, summaryName, overviewName, comparisonName, changesName, statusName]);

  // Members left out (不纳入汇总) are not in the summary's formulas either.
  const memberSheets = result.members.map((m) => chosen.find((c) => c.report === m.report)!.sheet);
  const { mode, formulas, note } = summaryCells(format, memberSheets, req.mode ?? 'formula');
  const out = consolidationOutput(result, {
    office,
    level: req.level,
    names: { summary: summaryName, overview: overviewName, comparison: comparisonName, changes: changesName, status: statusName, charts: chartsName },
    // A season sheet written before is rewritten, never left stale beside a new summary.
    rewrite: { changes: !!previousChanges, status: !!previousStatus },
    memberSheets,
    formulas,
    summaryOf: memberSheets,
    previous: previousYear,
    today: req.today ?? isoDate(new Date()),
    charts: req.charts,
  });
  const replace: Record<string, string> = {};
  if (previous) replace[summaryName] = previous.name;
  if (previousOverview) replace[overviewName] = previousOverview.name;
  if (previousComparison && previousYear) replace[comparisonName] = previousComparison.name;
  if (previousChanges) replace[changesName] = previousChanges.name;
  if (previousStatus) replace[statusName] = previousStatus.name;
  if (previousCharts && out.chartsSheet) replace[chartsName] = previousCharts.name;
  await port.writeSheets(out.plans, { replace, activate: summaryName, remove: leftovers.map((s) => s.name) });
  return {
    ok: true,
    findings: out.findings,
    members: result.members,
    summarySheet: summaryName,
    overviewSheet: overviewName,
    ...(previousYear ? { comparisonSheet: comparisonName } : {}),
    ...(out.changesSheet ? { changesSheet: out.changesSheet } : {}),
    ...(out.statusSheet ? { statusSheet: out.statusSheet } : {}),
    ...(out.chartsSheet ? { chartsSheet: out.chartsSheet } : {}),
    charts: out.charts,
    season: out.season,
    notices: noticeUnits(out.season).map((u) => u.office),
    resubmitBy: defaultResubmitBy(out.season.today),
    mode,
    note,
    updated: !!previous,
    completeness: result.completeness,
    counts: out.counts,
  };
}
