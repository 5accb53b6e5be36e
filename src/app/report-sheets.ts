/**
 * Our report sheets among sheets read from a workbook, as reports.
 */
import { formats as registry } from '../formats';
import type { Report } from '../model/report';
import { reportFromOurSheet } from '../layout/sheet-report';
import { type SheetData } from '../ports/workbook-port';

export function reportsOf(sheets: SheetData[]): { sheet: string; report: Report }[] {
  const out: { sheet: string; report: Report }[] = [];
  for (const s of sheets) {
    if (!s.meta || s.meta.role) continue;
    const read = reportFromOurSheet(s, registry, s.name);
    if ('report' in read) out.push({ sheet: s.name, report: read.report });
  }
  return out;
}
