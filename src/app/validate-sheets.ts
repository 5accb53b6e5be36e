/**
 * 一键校验 on a workbook: read the sheets in one batch, check in memory, paint in one batch.
 */
import { formats as defaultRegistry, type FormatRegistry } from '../formats';
import type { Report } from '../model/report';
import { reportFromOurSheet } from '../layout/sheet-report';
import { cellLabel } from '../rules/messages';
import { validate } from '../rules/engine';
import { type Finding } from '../model/finding';
import { type RuleSettings } from '../rules/types';
import { TEMP_SHEET_PREFIX, type SheetData, type SheetHighlights, type WorkbookPort } from '../ports/workbook-port';
import { computeHighlights } from './highlights';
import { checkReport } from './check-report';
import { gridFromSheet } from '../import/sheet-grid';
import { recognize } from '../import/recognize/index';
import { readFileName } from '../import/title';
import { reportsOf } from './report-sheets';

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

/**
 * The reports a summary is checked against. Validating only some sheets (the active one, as the
 * ribbon does) still finds a summary's members: the workbook's report sheets are read for them,
 * once, and only when a summary is among the sheets.
 */
export async function siblingReports(port: WorkbookPort, sheets: SheetData[], scope: ValidateRequest['sheets']): Promise<Report[]> {
  const own = reportsOf(sheets).map((r) => r.report);
  if (scope === 'reports' || !sheets.some((s) => s.meta?.members?.length)) return own;
  const all = reportsOf((await port.readSheets('reports', { marks: false })).filter(isReportSheet)).map((r) => r.report);
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
