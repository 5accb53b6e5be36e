/**
 * Validation of a sheet already in memory, for a face that lets the clerk type into it:
 * each keystroke changes one cell, and the report, its totals and its findings follow
 * without reading the workbook again. Totals of our sheets are computed from their parts.
 */
import { formats as defaultRegistry } from '../formats';
import { reportFromOurSheet } from '../layout/sheet-report';
import type { CellContent, SheetData } from '../model/sheet-data';
import type { Report } from '../model/report';
import { checkReport } from './check-report';
import type { CellWrite, WorkbookPort } from '../ports/workbook-port';
import { foreignSheetResults, labelsOf, siblingReports, type SheetResult } from './validate-sheets';

/**
 * The findings of one sheet as held in memory; null for a list sheet (汇总明细, 导入来源).
 * `siblings` are the workbook's other reports: a summary is checked against its members there.
 */
export function validateInMemory(sheet: SheetData, siblings: Report[] = []): SheetResult | null {
  if (sheet.meta?.role) return null;
  if (!sheet.meta) return foreignSheetResults(sheet)[0] ?? null;
  const read = reportFromOurSheet(sheet, defaultRegistry, sheet.name);
  if ('problem' in read) return { sheet: sheet.name, findings: [], confirmed: [], problem: read.problem, addresses: {}, labels: {} };
  const v = checkReport(read.report, { siblings });
  return {
    sheet: sheet.name,
    report: read.report,
    findings: v.findings,
    confirmed: v.confirmed,
    addresses: read.plan.addresses,
    labels: labelsOf(read.report, defaultRegistry),
    own: true,
  };
}

/** The workbook's other reports a sheet is checked against: a summary's members, read once when it is shown. */
export async function siblingsOf(port: WorkbookPort, sheet: SheetData): Promise<Report[]> {
  if (!sheet.meta?.members?.length) return [];
  return (await siblingReports(port, [sheet], [sheet.name])).filter((r) => r.source !== sheet.name);
}

const PLAIN_NUMBER = /^[+-]?(\d+(\.\d+)?|\.\d+)$/;

/** What typing `text` into a cell stores, as a spreadsheet would: a plain number as a number, anything else as the text typed. */
export function typedValue(text: string): Exclude<CellWrite, { formula: string }> {
  const t = text.trim();
  if (t === '') return null;
  if (PLAIN_NUMBER.test(t)) return Number(t);
  return text;
}

/** The sheet with one cell changed; the original is left as it was. */
export function withCell(sheet: SheetData, address: string, value: CellContent): SheetData {
  const cells = new Map(sheet.cells);
  if (value === null) cells.delete(address);
  else cells.set(address, value);
  const formulas = sheet.formulas && new Map(sheet.formulas);
  // Typing over a cell replaces whatever formula it held.
  formulas?.delete(address);
  return { ...sheet, cells, formulas };
}
