/**
 * The workflows the pane and the ribbon run, written against the WorkbookPort:
 * read in one batch, compute in memory, write in one batch.
 */
import { formats as defaultRegistry, type FormatRegistry } from '../formats';
import { buildSheetPlan } from '../layout/sheet-plan';
import { freshSheetName, reportSheetName } from '../layout/sheet-name';
import { address } from '../layout/a1';
import type { Level, Report } from '../model/report';
import { reportFromOurSheet, totalFormula } from '../model/sheet-report';
import type { SheetMeta } from '../model/sheet-meta';
import { cellLabel } from '../rules/messages';
import { validate } from '../rules/engine';
import { findingKey, type Finding, type RuleSettings } from '../rules/types';
import { TEMP_SHEET_PREFIX, type SheetData, type SheetHighlights, type WorkbookPort } from '../ports/workbook-port';
import { clearedHighlights, computeHighlights } from './highlights';
import { checkReport } from './check-report';
import { gridFromSheet } from '../import/sheet-grid';
import { recognize } from '../import/recognize';
import { readFileName } from '../import/title';
import { UserError } from '../model/user-error';

export { UserError };

export interface GenerateRequest {
  office: string;
  year: number;
  level?: Level;
  /** The sheet name to use; when omitted, the default name must be free. */
  name?: string;
  /** A blank template to hand out: the office may be left for the clerk to fill in. */
  blankOffice?: boolean;
}

export type GenerateResult = { ok: true; name: string } | { ok: false; taken: string; suggestion: string };

export function checkYear(year: number, registry: FormatRegistry = defaultRegistry) {
  if (!Number.isInteger(year)) throw new UserError('请填写四位数的报告年度，例如 2024。');
  const format = registry.forYear(year);
  if (!format) throw new UserError(`${year} 年度没有法定表格格式：年度报告格式自 ${registry.firstYear} 年度起施行。`);
  return format;
}

export async function generateTemplate(port: WorkbookPort, req: GenerateRequest): Promise<GenerateResult> {
  const office = req.office.trim();
  if (!office && !req.blankOffice) throw new UserError('请填写填报单位名称。');
  const format = checkYear(req.year);
  const wanted = req.name ?? reportSheetName(office, req.year);
  const taken = await port.sheetNames();
  if (taken.some((t) => t.toLowerCase() === wanted.toLowerCase())) return { ok: false, taken: wanted, suggestion: freshSheetName(wanted, taken) };
  const plan = buildSheetPlan(format, { office, year: req.year, level: req.level, name: wanted });
  await port.writeSheet(plan, { activate: true });
  return { ok: true, name: wanted };
}

export interface SheetResult {
  sheet: string;
  report?: Report;
  findings: Finding[];
  confirmed: { finding: Finding; explanation: string }[];
  /** Why the sheet could not be read as a report. */
  problem?: string;
  /** Cell id → A1 address in the sheet. */
  addresses: Record<string, string>;
  labels: Record<string, string>;
  /** A sheet this product made (not a clerk's own layout): it can be painted and renamed. */
  own?: true;
}

export interface ValidateRequest {
  /** Sheets to validate: by name, every report sheet, or the active sheet. */
  sheets?: string[] | 'reports' | 'active';
  settings?: Partial<RuleSettings>;
  /** Paint highlights and notes (the default); false only lists. */
  paint?: boolean;
}

export function labelsOf(report: Report | undefined, registry: FormatRegistry): Record<string, string> {
  const format = report && registry.formatOf(report);
  if (!format) return {};
  return Object.fromEntries(format.cells.map((c) => [c.id, cellLabel(c)]));
}

export async function validateSheets(port: WorkbookPort, req: ValidateRequest = {}): Promise<SheetResult[]> {
  const registry = defaultRegistry;
  const scope = req.sheets ?? 'reports';
  const sheets = (await port.readSheets(scope)).filter(isReportSheet);
  const reports = await siblingReports(port, sheets, scope);
  const results: SheetResult[] = [];
  const highlights: SheetHighlights[] = [];
  for (const sheet of sheets) {
    if (!sheet.meta) {
      results.push(...foreignSheetResults(sheet, req.settings));
      continue;
    }
    const read = reportFromOurSheet(sheet, registry, sheet.name);
    if ('problem' in read) {
      results.push({ sheet: sheet.name, findings: [], confirmed: [], problem: read.problem, addresses: {}, labels: {} });
      continue;
    }
    const { findings, confirmed } = checkReport(read.report, { siblings: reports, settings: req.settings, registry });
    const labels = labelsOf(read.report, registry);
    results.push({ sheet: sheet.name, report: read.report, findings, confirmed, addresses: read.plan.addresses, labels, own: true });
    if (sheet.protected) {
      results[results.length - 1].problem = '工作表受保护，未标记单元格；问题已列在下方。如需标记，请先撤销工作表保护。';
    } else if (req.paint !== false)
      highlights.push(
        computeHighlights(
          sheet,
          sheet.meta!,
          findings,
          (id) => read.plan.addresses[id],
          (id) => labels[id] ?? id,
        ),
      );
  }
  if (highlights.length) await port.applyHighlights(highlights);
  return results;
}

/** A sheet that may hold a report: not a list of ours (汇总明细, 导入来源), not a write left half done. */
function isReportSheet(s: SheetData): boolean {
  return !s.meta?.role && !s.name.startsWith(TEMP_SHEET_PREFIX);
}

function oursAsReports(sheets: SheetData[]): Report[] {
  return sheets.flatMap((s) => {
    const r = s.meta ? reportFromOurSheet(s, defaultRegistry, s.name) : null;
    return r && 'report' in r ? [r.report] : [];
  });
}

/**
 * The reports a summary is checked against. Validating only some sheets (the active one, as the
 * ribbon does) still finds a summary's members: the workbook's report sheets are read for them,
 * once, and only when a summary is among the sheets.
 */
export async function siblingReports(port: WorkbookPort, sheets: SheetData[], scope: ValidateRequest['sheets']): Promise<Report[]> {
  const own = oursAsReports(sheets);
  if (scope === 'reports' || !sheets.some((s) => s.meta?.members?.length)) return own;
  const all = oursAsReports((await port.readSheets('reports', { marks: false })).filter(isReportSheet));
  return [...own, ...all.filter((r) => !own.some((o) => o.source === r.source))];
}

const FOREIGN_NOTE = '此表不是本工具生成的，已按标签识别并列出问题；为保护原表的格式，未在表中标色。可用“导入报送”把它转为标准表格后再校验和标记。';

/** A sheet not made by us: recognised by its labels, listed, never painted. */
export function foreignSheetResults(sheet: SheetData, settings?: Partial<RuleSettings>): SheetResult[] {
  const { reports, problems } = recognize(gridFromSheet(sheet, sheet.name), { registry: defaultRegistry }, readFileName(sheet.name));
  if (!reports.length)
    return [
      {
        sheet: sheet.name,
        findings: [],
        confirmed: [],
        problem: problems[0] ?? '这不是年报表格：没有找到法定表格的标签。请先用“生成表格”，或选择年报表格所在的工作表。',
        addresses: {},
        labels: {},
      },
    ];
  return reports.map((report) => {
    const addresses = Object.fromEntries(Object.entries(report.provenance ?? {}).map(([id, at]) => [id, at.address]));
    // The clerk's own formulas are never overwritten by a suggested constant.
    const formulaCells = Object.keys(addresses).filter((id) => sheet.formulas?.has(addresses[id]));
    if (formulaCells.length) report.formulaCells = formulaCells;
    const v = validate(report, { settings });
    return { sheet: sheet.name, report, findings: v.findings, confirmed: v.confirmed, problem: FOREIGN_NOTE, addresses, labels: labelsOf(report, defaultRegistry) };
  });
}

export async function clearSheets(port: WorkbookPort, names?: string[]): Promise<number> {
  const infos = await port.listSheets();
  const targets = infos.filter((s) => s.meta?.marks && (!names || names.includes(s.name)));
  if (targets.length === 0) return 0;
  await port.applyHighlights(targets.map((t) => clearedHighlights(t.name, t.meta!)));
  return targets.length;
}

/** Applies a fix suggestion: the one value change the user asked for. */
export async function applyFix(port: WorkbookPort, result: SheetResult, fix: NonNullable<Finding['fix']>): Promise<void> {
  const addr = result.addresses[fix.cell];
  if (!addr) throw new UserError('找不到要修改的单元格，请重新校验后再试。');
  if (fix.restoreFormula) {
    const format = result.report && defaultRegistry.formatOf(result.report);
    const formula = format && totalFormula(format, fix.cell);
    if (!formula) throw new UserError('找不到该合计单元格的公式，请重新校验后再试。');
    await port.setValues(result.sheet, { [addr]: { formula } });
    return;
  }
  await port.setValues(result.sheet, { [addr]: fix.value });
}

/** Stores a confirmed warning with its explanation (出错说明) in the sheet. */
export async function confirmWarning(port: WorkbookPort, sheet: string, finding: Finding, explanation: string): Promise<void> {
  const text = explanation.trim();
  if (finding.severity !== 'warning') throw new UserError('只有“警告”可以确认；错误必须改正。');
  if (!text) throw new UserError('请填写出错说明。');
  const info = (await port.listSheets()).find((s) => s.name === sheet);
  if (!info?.meta) throw new UserError('该工作表不是年报表格。');
  const meta: SheetMeta = { ...info.meta, confirmed: { ...info.meta.confirmed, [findingKey(finding)]: text } };
  await port.setValues(sheet, {}, meta);
}

export async function selectFinding(port: WorkbookPort, result: SheetResult, finding: Finding): Promise<void> {
  const addrs = finding.cells.map((c) => result.addresses[c]).filter((a): a is string => !!a);
  if (addrs.length) await port.select(result.sheet, addrs);
}

/**
 * 修改单位与年度: the title, the subtitle, the metadata and the sheet name change together.
 * The year may change only within the sheet's format: another format needs a new template.
 */
export async function renameReport(port: WorkbookPort, sheet: string, to: { office: string; year: number }): Promise<string> {
  const office = to.office.trim();
  if (!office) throw new UserError('请填写填报单位名称。');
  const info = (await port.listSheets()).find((s) => s.name === sheet);
  const meta = info?.meta;
  if (!meta || meta.role) throw new UserError('该工作表不是年报表格。');
  const format = defaultRegistry.byId(meta.format);
  if (!format) throw new UserError('无法识别该工作表的表格格式。');
  const due = checkYear(to.year);
  if (due.id !== format.id) throw new UserError(`${to.year} 年度应使用${due.def.name}格式，本表是${format.def.name}格式：请为该年度重新生成表格，再把数据填入。`);
  const fresh = buildSheetPlan(format, { office, year: to.year, level: meta.level });
  const values: Record<string, string> = {};
  for (const pc of fresh.cells) if ((pc.style === 'title' || pc.style === 'subtitle') && typeof pc.value === 'string') values[address(pc.row, pc.col)] = pc.value;
  await port.setValues(sheet, values, { ...meta, office, year: to.year });
  // Only a name we gave follows the office and year; a name the clerk chose is kept.
  if (sheet !== reportSheetName(meta.office, meta.year) && !sheet.startsWith(reportSheetName(meta.office, meta.year))) return sheet;
  const wanted = reportSheetName(office, to.year);
  if (wanted === sheet) return sheet;
  const name = freshSheetName(
    wanted,
    (await port.sheetNames()).filter((n) => n !== sheet),
  );
  await port.renameSheet(sheet, name);
  return name;
}
