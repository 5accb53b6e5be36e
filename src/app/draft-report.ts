/**
 * 生成年报全文: the whole report drafted from a validated report, as .docx or .html.
 * A report with errors is refused: a draft of wrong figures is worse than none.
 */
import { formats as defaultRegistry, type FormatRegistry } from '../formats';
import { draftReport } from '../draft/draft';
import { placeholders, type DraftDocument } from '../draft/model';
import { renderHtml } from '../draft/render-html';
import type { Report } from '../model/report';
import { reportFromOurSheet } from '../layout/sheet-report';
import { checkReport } from './check-report';
import type { Finding } from '../model/finding';
import { TEMP_SHEET_PREFIX, type WorkbookPort } from '../ports/workbook-port';
import { UserError } from '../model/user-error';

export type DraftKind = 'docx' | 'html';

export const DRAFT_TYPES: Record<DraftKind, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html;charset=utf-8',
};

export interface DraftOptions {
  kind: DraftKind;
  /** Draft even over errors (the command line's --force). */
  force?: boolean;
  /** The other reports beside it, so a summary is checked against its members as in 一键校验. */
  siblings?: Report[];
  registry?: FormatRegistry;
}

export interface DraftedFile {
  name: string;
  type: string;
  bytes: Uint8Array;
  document: DraftDocument;
  /** The 【待填写：…】 places left for the clerk. */
  placeholders: string[];
  /** Errors drafted over (only with force). */
  errors: Finding[];
}

/** Refused because the figures have errors; `errors` says which. */
export class DraftRefused extends UserError {
  constructor(
    readonly report: Report,
    readonly errors: Finding[],
  ) {
    super(`${report.office} ${report.year} 年度的表格还有 ${errors.length} 个错误，为避免公布错误的数字，未生成年报全文。请先改正：${errors.map((e) => `\n  ✖ ${e.message}`).join('')}`);
  }
}

export function draftErrors(report: Report, siblings: Report[] = [], registry: FormatRegistry = defaultRegistry): Finding[] {
  return checkReport(report, { siblings, registry }).findings.filter((f) => f.severity === 'error');
}

/** A name without the characters file systems refuse (and without spaces). */
export function safeFileName(s: string): string {
  return s.replace(/[\\/:*?"<>|\s]+/g, '');
}

/** A file name from the report's title, without characters file systems refuse. */
export function draftFileName(document: DraftDocument, kind: DraftKind): string {
  return `${safeFileName(document.title)}.${kind}`;
}

export async function draftReportFile(report: Report, options: DraftOptions): Promise<DraftedFile> {
  const registry = options.registry ?? defaultRegistry;
  const format = registry.byId(report.format);
  if (!format) throw new UserError(`无法识别表格格式“${report.format}”`);
  const errors = draftErrors(report, options.siblings, registry);
  if (errors.length && !options.force) throw new DraftRefused(report, errors);
  const document = draftReport(report, format);
  let bytes: Uint8Array;
  if (options.kind === 'docx') {
    // The Word writer is loaded only when a report is drafted: the pages stay small.
    const { renderDocx } = await import('../draft/render-docx');
    bytes = await renderDocx(document);
  } else bytes = new TextEncoder().encode(renderHtml(document));
  return { name: draftFileName(document, options.kind), type: DRAFT_TYPES[options.kind], bytes, document, placeholders: placeholders(document), errors };
}

/** The sheet a report was read from: the part of its source after 「#」, when the workbook has several. */
export function sheetOf(report: Report): string | undefined {
  const at = report.source.lastIndexOf('#');
  return at < 0 ? undefined : report.source.slice(at + 1);
}

/** One report out of a file's: the named sheet's, or the only one; else the names to choose from. */
export function pickReport(reports: Report[], sheet?: string): { report: Report } | { choices: string[]; wanted?: string } {
  const choices = reports.map((r) => sheetOf(r) ?? r.office);
  if (sheet !== undefined) {
    const found = reports.filter((r) => sheetOf(r) === sheet || (reports.length === 1 && sheetOf(r) === undefined));
    return found.length === 1 ? { report: found[0] } : { choices, wanted: sheet };
  }
  return reports.length === 1 ? { report: reports[0] } : { choices };
}

/** The pane's 生成年报全文: the sheet read afresh (what was typed since 一键校验 counts), then drafted. */
export async function draftSheet(port: WorkbookPort, sheet: string, kind: DraftKind = 'docx'): Promise<DraftedFile> {
  const registry = defaultRegistry;
  const sheets = (await port.readSheets('reports')).filter((s) => s.meta && !s.meta.role && !s.name.startsWith(TEMP_SHEET_PREFIX));
  const reports = sheets.flatMap((s) => {
    const r = reportFromOurSheet(s, registry, s.name);
    return 'report' in r ? [{ name: s.name, report: r.report }] : [];
  });
  const mine = reports.find((r) => r.name === sheet);
  if (!mine) throw new UserError(`工作表“${sheet}”不是本工具生成的年报表格，无法生成年报全文。`);
  return draftReportFile(mine.report, { kind, siblings: reports.map((r) => r.report), registry });
}
