/**
 * The 汇总 workflow on a workbook: read the report sheets in one batch, consolidate in
 * memory, write the summary and its overview in one all-or-nothing batch. A re-run
 * updates the sheets it made before instead of piling up copies.
 */
import { consolidate, type Completeness, type Consolidation, type MemberStatus } from '../consolidate/consolidate';
import { compareYears, figureSet, memberChangeFindings, type Comparison, type FigureSet } from '../consolidate/comparison';
import { isoDate, parseRosterText, rosterToText, type RosterEntry } from '../consolidate/roster';
import { formats as registry } from '../formats';
import type { CompiledFormat } from '../formats/compile';
import { buildComparisonPlan } from '../layout/comparison-plan';
import { buildOverviewPlan, overviewCounts, readOverviewFigures } from '../layout/overview-plan';
import { buildRosterPlan, rosterFromSheet } from '../layout/roster-plan';
import { buildSheetPlan, type SheetPlan } from '../layout/sheet-plan';
import { comparisonSheetName, freshSheetName, overviewSheetName, ROSTER_SHEET, summarySheetName } from '../layout/sheet-name';
import { summaryFormulas } from '../layout/summary-formulas';
import type { Level, Report } from '../model/report';
import { canonicalPlan, reportFromOurSheet } from '../model/sheet-report';
import { cellLabel } from '../rules/messages';
import { validate, countBySeverity } from '../rules/engine';
import type { Finding } from '../rules/types';
import { TEMP_SHEET_PREFIX, type SheetData, type WorkbookPort } from '../ports/workbook-port';
import { UserError } from './operations';

export interface Candidate {
  sheet: string;
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

function reportsOf(sheets: SheetData[]): { sheet: string; report: Report }[] {
  const out: { sheet: string; report: Report }[] = [];
  for (const s of sheets) {
    if (!s.meta || s.meta.role) continue;
    const read = reportFromOurSheet(s, registry, s.name);
    if ('report' in read) out.push({ sheet: s.name, report: read.report });
  }
  return out;
}

/** The report sheets a consolidation can take, with their validation status. */
export async function listCandidates(port: WorkbookPort): Promise<Candidate[]> {
  return reportsOf((await port.readSheets('reports', { marks: false })).filter((s) => !s.name.startsWith(TEMP_SHEET_PREFIX))).map(({ sheet, report }) => {
    const n = countBySeverity(validate(report).findings);
    return {
      sheet,
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
}

/** The roster from text, or a UserError listing every bad line. */
export function rosterOrError(text: string): RosterEntry[] {
  const parsed = parseRosterText(text);
  if (parsed.errors.length) throw new UserError(`报送名单有误，请改正后重试：\n${parsed.errors.join('\n')}`);
  return parsed.entries;
}

/** Last year's summary, with its members' key figures where they are at hand. */
export interface PreviousYear {
  summary: Report;
  /** Where it came from, said on the 同比 sheet. */
  source: string;
  members?: FigureSet[];
}

/**
 * Last year's summary among reports read from a workbook or files: the one named (a sheet
 * or an office), else the only summary, else the only report. Its members' figures come
 * from their reports when all are there, else from its overview sheet when complete.
 */
export function findPreviousYear(
  reports: { report: Report; sheet?: string }[],
  overviews: SheetData[],
  pick?: { sheet?: string; office?: string; /** This year: last year's summary is sought among the year before's. */ year?: number },
): PreviousYear {
  const all = reports.filter((r) => r.report.members?.length);
  const lastYear = all.filter((r) => r.report.year === (pick?.year ?? 0) - 1);
  const summaries = lastYear.length ? lastYear : all;
  let chosen: { report: Report; sheet?: string } | undefined;
  if (pick?.sheet) chosen = reports.find((r) => r.sheet === pick.sheet);
  else if (summaries.length === 1) chosen = summaries[0];
  else if (summaries.length > 1) chosen = summaries.find((r) => r.report.office === pick?.office);
  else if (reports.length === 1) chosen = reports[0];
  if (!chosen) {
    if (pick?.sheet) throw new UserError(`工作表“${pick.sheet}”不是可读取的年报表格，请重新选择上年汇总。`);
    throw new UserError(
      summaries.length > 1 ? `上年文件中有 ${summaries.length} 份汇总表（${summaries.map((r) => r.report.office).join('、')}），请用与其中之一相同的汇总单位名称。` : '上年文件中没有汇总表。',
    );
  }
  const summary = chosen.report;
  const names = summary.members ?? [];
  const memberReports = names.map((o) => reports.find((r) => r.report !== summary && r.report.office === o && r.report.year === summary.year)?.report);
  let members: FigureSet[] | undefined;
  if (names.length && memberReports.every((r) => r)) members = memberReports.map((r) => figureSet(registry.formatOf(r!), r!));
  else {
    const sheet = overviews.find((o) => o.meta?.role === 'overview' && o.meta.office === summary.office && o.meta.year === summary.year);
    const rows = sheet ? readOverviewFigures(sheet) : [];
    // A partial list (a truncated read, a hand-edited sheet) would misstate who changed: only a complete one is used.
    if (names.length && names.every((o) => rows.some((r) => r.office === o))) members = rows.filter((r) => names.includes(r.office));
  }
  return { summary, source: chosen.sheet ?? summary.source, ...(members ? { members } : {}) };
}

export interface ConsolidationOutput {
  plans: SheetPlan[];
  findings: Finding[];
  comparison?: Comparison;
  counts: string;
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
    names: { summary: string; overview: string; comparison: string };
    /** Each member's sheet in the output workbook, for links; and the formulas referring to them. */
    memberSheets?: (string | undefined)[];
    formulas?: (string | undefined)[];
    /** The member sheets the summary names, so a re-run updates it and drill-down finds them. */
    summaryOf?: string[];
    previous?: PreviousYear;
    today: string;
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
  const overviewOptions = { completeness: result.completeness, today: req.today };
  plans.push(buildOverviewPlan(req.names.overview, { office: req.office, year: summary.year, format: summary.format, sheet: req.names.summary }, members, registry, overviewOptions));
  const findings = [...result.findings];
  let comparison: Comparison | undefined;
  if (prev) {
    const named = {
      missing: result.completeness?.expected.filter((x) => !x.member).map((x) => x.entry.name) ?? [],
      unlisted: result.completeness?.unlisted.map((x) => x.member.report.office) ?? [],
    };
    findings.push(...memberChangeFindings(summary, prev.summary, named));
    comparison = compareYears({ summary, members: result.members.map((m) => m.report) }, prev, registry);
    plans.push(buildComparisonPlan(req.names.comparison, { office: req.office, format: summary.format }, comparison, prev.source));
  }
  findings.push(...validate(summary, { previous: prev?.summary }).findings);
  return { plans, findings, comparison, counts: overviewCounts(members, overviewOptions) };
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

export async function consolidateSheets(port: WorkbookPort, req: ConsolidateSheetsRequest): Promise<ConsolidateSheetsResult> {
  const office = req.office.trim();
  if (!office) throw new UserError('请填写汇总单位名称。');
  if (req.members.length === 0) throw new UserError('请至少选择一个成员报表。');
  const roster = req.roster?.trim() ? rosterOrError(req.roster) : undefined;
  const read = await port.readSheets('reports', { marks: false });
  const leftovers = read.filter((s) => s.name.startsWith(TEMP_SHEET_PREFIX));
  const sheets = read.filter((s) => !s.name.startsWith(TEMP_SHEET_PREFIX));
  const all = reportsOf(sheets);
  const chosen = req.members.map((name) => {
    const hit = all.find((r) => r.sheet === name);
    if (!hit) throw new UserError(`工作表“${name}”不是可读取的年报表格，请刷新列表后重试。`);
    return hit;
  });
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

  // Members left out (不纳入汇总) are not in the summary's formulas either.
  const memberSheets = result.members.map((m) => chosen.find((c) => c.report === m.report)!.sheet);
  const { mode, formulas, note } = summaryCells(format, memberSheets, req.mode ?? 'formula');
  const out = consolidationOutput(result, {
    office,
    level: req.level,
    names: { summary: summaryName, overview: overviewName, comparison: comparisonName },
    memberSheets,
    formulas,
    summaryOf: memberSheets,
    previous: previousYear,
    today: req.today ?? isoDate(new Date()),
  });
  const replace: Record<string, string> = {};
  if (previous) replace[summaryName] = previous.name;
  if (previousOverview) replace[overviewName] = previousOverview.name;
  if (previousComparison && previousYear) replace[comparisonName] = previousComparison.name;
  await port.writeSheets(out.plans, { replace, activate: summaryName, remove: leftovers.map((s) => s.name) });
  return {
    ok: true,
    findings: out.findings,
    members: result.members,
    summarySheet: summaryName,
    overviewSheet: overviewName,
    ...(previousYear ? { comparisonSheet: comparisonName } : {}),
    mode,
    note,
    updated: !!previous,
    completeness: result.completeness,
    counts: out.counts,
  };
}

export interface RosterInWorkbook {
  /** The roster as text for the pane's box; empty when the workbook has none. */
  text: string;
  entries: RosterEntry[];
  errors: string[];
  /** The sheet it was read from, if any. */
  sheet?: string;
  /** The sheet was written by this tool (so saving may replace it without asking). */
  ours: boolean;
}

/** Rows read for a roster: more units than any county or city has. */
const ROSTER_ROWS = 2000;

/** The roster kept in the workbook: the 报送名单 sheet, or (for a file given as a roster) the first sheet. */
export async function readRoster(port: WorkbookPort, options: { firstSheet?: boolean } = {}): Promise<RosterInWorkbook> {
  const infos = await port.listSheets();
  const info = infos.find((s) => s.name === ROSTER_SHEET) ?? (options.firstSheet ? infos[0] : undefined);
  if (!info) return { text: '', entries: [], errors: [], ours: false };
  const [sheet] = await port.readSheets([info.name], { marks: false, rows: ROSTER_ROWS });
  const parsed = rosterFromSheet(sheet);
  return { text: rosterToText(parsed.entries), entries: parsed.entries, errors: parsed.errors, sheet: info.name, ours: info.meta?.role === 'roster' };
}

/**
 * Writes the roster to the 报送名单 sheet. A sheet of that name the clerk made by hand
 * is replaced only when `replaceTheirs` says so: its other columns would be lost.
 */
export async function saveRoster(port: WorkbookPort, text: string, year: number, replaceTheirs = false): Promise<{ saved: number } | { theirs: string }> {
  const entries = rosterOrError(text);
  if (!entries.length) throw new UserError('报送名单是空的：请每行写一个单位。');
  const info = (await port.listSheets()).find((s) => s.name === ROSTER_SHEET);
  if (info && info.meta?.role !== 'roster' && !replaceTheirs) return { theirs: info.name };
  await port.writeSheets([buildRosterPlan(entries, year)], { replace: info ? { [ROSTER_SHEET]: info.name } : {} });
  return { saved: entries.length };
}

export interface DrillDown {
  sheet: string;
  cellId: string;
  label: string;
  address: string;
  parts: { sheet: string; office: string; address: string; value: number | string | null }[];
}

/** Drill-down from a summary cell (the selected one, or the address given) to each member's contribution. */
export async function drillDown(port: WorkbookPort, at?: { sheet: string; address: string }): Promise<DrillDown> {
  const where = at ?? (await port.selectedCell());
  if (!where) throw new UserError('请先在汇总表中选中一个单元格，或输入单元格地址（例如 I12）。');
  const address = where.address.toUpperCase().replace(/\$/g, '');
  const info = (await port.listSheets()).find((s) => s.name === where.sheet);
  if (!info?.meta?.summaryOf)
    throw new UserError(
      info?.meta?.members?.length
        ? `工作表“${where.sheet}”是汇总表，但工作簿中没有记下它的成员表（可能是从别处导入的），无法查看构成。`
        : `工作表“${where.sheet}”不是汇总表：请在汇总生成的汇总表中选中单元格。`,
    );
  const format = registry.byId(info.meta.format);
  // The metadata came with the workbook: a version this tool does not know is said, not crashed on.
  if (!format) throw new UserError(`汇总表“${where.sheet}”的表格格式“${info.meta.format}”无法识别（本工具只认识${registry.all.map((f) => f.def.name).join('、')}格式），无法查看构成。`);
  const addresses = canonicalPlan(format).addresses;
  const cellId = Object.keys(addresses).find((id) => addresses[id] === address);
  if (!cellId) throw new UserError(`${address} 不是汇总表中的数据单元格，请选中表格里的数字。`);
  const c = format.cells[format.index.get(cellId)!];
  return { sheet: where.sheet, cellId, label: cellLabel(c), address, parts: await contributions(port, where.sheet, cellId) };
}

/** Drill-down: each member's value of one summary cell, with where it is. */
export async function contributions(port: WorkbookPort, summarySheet: string, cellId: string): Promise<{ sheet: string; office: string; address: string; value: number | string | null }[]> {
  const sheets = await port.readSheets('reports', { marks: false });
  const summary = sheets.find((s) => s.name === summarySheet);
  const members = summary?.meta?.summaryOf;
  if (!members) throw new UserError('该工作表不是汇总表。');
  const out = [];
  for (const { sheet, report } of reportsOf(sheets.filter((s) => members.includes(s.name)))) {
    const format = registry.formatOf(report);
    const i = format.index.get(cellId);
    if (i === undefined) continue;
    const r = report.readings[i];
    out.push({
      sheet,
      office: report.office,
      address: report.provenance?.[cellId]?.address ?? '',
      value: r ? (r.status === 'invalid' ? (r.raw ?? '') : r.value) : null,
    });
  }
  return out;
}
