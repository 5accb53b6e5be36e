/**
 * The 汇总 workflow on a workbook: read the report sheets in one batch, consolidate in
 * memory, write the summary and its overview in one all-or-nothing batch. A re-run
 * updates the sheets it made before instead of piling up copies.
 */
import { consolidate, type MemberStatus } from '../consolidate/consolidate';
import { formats as registry } from '../formats';
import { buildOverviewPlan, overviewSheetName } from '../layout/overview-plan';
import { buildSheetPlan } from '../layout/sheet-plan';
import { freshSheetName, sanitizeSheetName } from '../layout/sheet-name';
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
      formatName: registry.byId(report.format)?.def.name ?? report.format,
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
}

export interface ConsolidateSheetsResult {
  ok: boolean;
  findings: Finding[];
  members: MemberStatus[];
  summarySheet?: string;
  overviewSheet?: string;
  mode?: 'formula' | 'values';
  /** Said to the user, e.g. why values were written instead of formulas. */
  note?: string;
  updated?: boolean;
}

export async function consolidateSheets(port: WorkbookPort, req: ConsolidateSheetsRequest): Promise<ConsolidateSheetsResult> {
  const office = req.office.trim();
  if (!office) throw new UserError('请填写汇总单位名称。');
  if (req.members.length === 0) throw new UserError('请至少选择一个成员报表。');
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
    { office, level: req.level, registry },
  );
  if (!result.ok) return { ok: false, findings: result.findings, members: result.members };

  const summary = result.summary;
  const format = registry.byId(summary.format)!;
  const previous = sheets.find((s) => s.meta && !s.meta.role && s.meta.summaryOf && s.meta.office === office && s.meta.year === summary.year);
  const taken = sheets.map((s) => s.name);
  const summaryName = previous?.name ?? freshSheetName(sanitizeSheetName(`${office}${summary.year}汇总`), taken);
  const previousOverview = sheets.find((s) => s.meta?.role === 'overview' && s.meta.office === office && s.meta.year === summary.year);
  const overviewName = previousOverview?.name ?? freshSheetName(overviewSheetName(summaryName), [...taken, summaryName]);

  let mode = req.mode ?? 'formula';
  let note: string | undefined;
  const memberSheets = chosen.map((c) => c.sheet);
  const formulas = mode === 'formula' ? summaryFormulas(format, memberSheets) : null;
  if (mode === 'formula' && !formulas) {
    mode = 'values';
    note = '成员太多，公式会超过 Excel 的长度上限，已改为写入数值。';
  }
  const plan = buildSheetPlan(format, {
    office,
    year: summary.year,
    level: req.level,
    totals: 'values',
    readings: summary.readings,
    cellFormulas: formulas ?? undefined,
    extraMeta: { members: summary.members, descendants: summary.descendants, summaryOf: memberSheets },
    name: summaryName,
  });
  const overview = buildOverviewPlan(
    overviewName,
    { office, year: summary.year, format: summary.format, sheet: summaryName },
    result.members.map((status, i) => ({ status, sheet: memberSheets[i] })),
    registry,
  );
  const replace: Record<string, string> = {};
  if (previous) replace[summaryName] = previous.name;
  if (previousOverview) replace[overviewName] = previousOverview.name;
  await port.writeSheets([plan, overview], { replace, activate: summaryName, remove: leftovers.map((s) => s.name) });
  return {
    ok: true,
    findings: [...result.findings, ...validate(summary).findings],
    members: result.members,
    summarySheet: summaryName,
    overviewSheet: overviewName,
    mode,
    note,
    updated: !!previous,
  };
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
  if (!info?.meta?.summaryOf) throw new UserError(`工作表“${where.sheet}”不是用公式汇总生成的汇总表。`);
  const format = registry.byId(info.meta.format)!;
  const addresses = canonicalPlan(format).addresses;
  const cellId = Object.keys(addresses).find((id) => addresses[id] === address);
  if (!cellId) throw new UserError(`${address} 不是汇总表中的数据单元格，请选中表格里的数字。`);
  const c = format.cells[format.index.get(cellId)!];
  return { sheet: where.sheet, cellId, label: cellLabel(c), address, parts: await contributions(port, where.sheet, cellId) };
}

/** Drill-down: each member's value of one summary cell, with where it is. */
export async function contributions(
  port: WorkbookPort,
  summarySheet: string,
  cellId: string,
): Promise<{ sheet: string; office: string; address: string; value: number | string | null }[]> {
  const sheets = await port.readSheets('reports', { marks: false });
  const summary = sheets.find((s) => s.name === summarySheet);
  const members = summary?.meta?.summaryOf;
  if (!members) throw new UserError('该工作表不是汇总表。');
  const out = [];
  for (const { sheet, report } of reportsOf(sheets.filter((s) => members.includes(s.name)))) {
    const format = registry.byId(report.format)!;
    const i = format.index.get(cellId);
    if (i === undefined) continue;
    const r = report.readings[i];
    out.push({
      sheet,
      office: report.office,
      address: report.provenance?.[cellId]?.split('!')[1] ?? '',
      value: r ? (r.status === 'invalid' ? (r.raw ?? '') : r.value) : null,
    });
  }
  return out;
}
