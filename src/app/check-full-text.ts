/**
 * 检查全文: a published report checked whole. Its tables are read and validated as every
 * other input is; its running text goes to the structure and narrative rules, against the
 * same tables. The command line, the pane and the web page all call this.
 */
import { formats as defaultRegistry, type FormatRegistry } from '../formats';
import { holdsReportText } from '../import/document-text';
import { sameOffice, textsByReport } from '../import/report-texts';
import { reportWithoutTables } from '../import/tableless-report';
import { readReportsAndText } from '../import/read-file';
import type { FileReaders } from '../import/readers';
import type { Report } from '../model/report';
import { checkNarrative } from '../narrative/check';
import type { ReportDocument } from '../narrative/document';
import type { Finding } from '../model/finding';
import type { RuleSettings } from '../rules/types';
import { TEMP_SHEET_PREFIX, type WorkbookPort } from '../ports/workbook-port';
import { UserError } from '../model/user-error';
import { validateSheets, type SheetResult } from './validate-sheets';
import { checkReport, previousFor } from './check-report';
import type { InputOptions } from './read-inputs';

export interface FileBytes {
  name: string;
  bytes: Uint8Array;
}

/** What a file holds: its reports and, when it is a report's text and not only its tables, that text. */
export interface FullText {
  file: string;
  reports: Report[];
  problems: string[];
  document?: ReportDocument;
  /** Each report's own part of the text, by report; undefined where a file of several reports could not be divided. */
  texts?: (ReportDocument | undefined)[];
}

/** Whether the report was read from tables, or stands for a text whose tables were not found. */
export function hasTables(report: Report): boolean {
  return report.readings.some((r) => r !== undefined);
}

/**
 * Reads a file's reports and text, parsed once. A text without tables still gives a report,
 * one whose every cell is missing (format.missing_cells says so), so its text is checked too.
 */
export async function readFullText(file: FileBytes, options: InputOptions, registry: FormatRegistry = defaultRegistry): Promise<FullText> {
  const read = await readReportsAndText(file.name, file.bytes, registry, options.readers, options);
  const document = read.document && holdsReportText(read.document) ? read.document : undefined;
  const out: FullText = { file: file.name, reports: read.reports, problems: read.problems, document };
  if (document && !read.reports.length) {
    const r = reportWithoutTables(document, registry, options);
    if (typeof r === 'string') out.problems.push(r);
    else out.reports = [r];
  }
  if (document) {
    const texts = textsByReport(document, out.reports);
    if (!texts) out.problems.push(`文件中有 ${out.reports.length} 份年报，未能按各自的标题把正文分开，正文未检查（表格照常校验）。请把各份年报分成单独的文件再检查全文。`);
    out.texts = texts ?? out.reports.map(() => undefined);
  }
  return out;
}

/** Last year, for the cross-year table checks and for narrative.copied. */
export interface LastYear {
  reports: Report[];
  document?: ReportDocument;
  /** In a file of several reports, each one's text: a report's is compared only with its own office's. */
  parts?: { office: string; document: ReportDocument }[];
}

/** Last year as a file gives it: its reports, its text and, when it holds several reports, each one's part. */
export function lastYearOf(read: FullText): LastYear {
  const parts = read.reports.length > 1 ? read.reports.flatMap((r, i) => (read.texts?.[i] ? [{ office: r.office, document: read.texts[i]! }] : [])) : undefined;
  return { reports: read.reports, document: read.document, ...(parts ? { parts } : {}) };
}

/** The text of last year's report to compare a report's with: of the same office when last year's file held several. */
function lastYearText(previous: LastYear | undefined, report: Report): ReportDocument | undefined {
  if (!previous?.parts) return previous?.document;
  return previous.parts.find((p) => sameOffice(p.office, report.office))?.document;
}

export interface CheckedReport {
  report: Report;
  /** The tables' findings, then the text's (also in `narrative`). */
  findings: Finding[];
  confirmed: { finding: Finding; explanation: string }[];
  narrative: Finding[];
}

export interface CheckOptions {
  previous?: LastYear;
  /** The reports given beside it: a summary is checked against its members among them. */
  siblings?: Report[];
  settings?: Partial<RuleSettings>;
  registry?: FormatRegistry;
}

/** The text's findings against the report it belongs to (the tables when read). */
function narrativeFindings(document: ReportDocument, report: Report | undefined, previous?: ReportDocument, registry?: FormatRegistry): Finding[] {
  return checkNarrative({ document, report: report && hasTables(report) ? report : undefined, previous, registry });
}

/**
 * Validates each report of a file; the file's text, when it has one, is checked report by
 * report, each part against its own tables, and its findings appended to that report's.
 */
export function checkFullText(read: FullText, options: CheckOptions = {}): CheckedReport[] {
  return read.reports.map((report, i) => {
    const v = checkReport(report, { siblings: options.siblings, previous: previousFor(report, options.previous?.reports ?? []), settings: options.settings, registry: options.registry });
    const text = read.texts?.[i];
    const narrative = text ? narrativeFindings(text, report, lastYearText(options.previous, report), options.registry) : [];
    return { report, findings: [...v.findings, ...narrative], confirmed: v.confirmed, narrative };
  });
}

/** The pane's and the web page's 检查全文 of one file. */
export interface FullTextResult {
  file: string;
  /** The report the text is about: the workbook's sheet when it holds the same office and year, else the file's own. */
  report: Report;
  /** The workbook's sheet the tables were checked in, with its cell addresses. */
  sheet?: SheetResult;
  tableFindings: Finding[];
  narrative: Finding[];
  confirmed: { finding: Finding; explanation: string }[];
  /** False when the file holds only tables: their findings are listed, the text is not checked. */
  holdsText: boolean;
  paragraphs: number;
  problems: string[];
  /** Last year's file, when one was given and it holds a report's text. */
  previous?: string;
}

/** Of the file's reports, the first the workbook has a report sheet of ours for (same office and year): the figures the clerk is working on. */
async function sheetFor(port: WorkbookPort, reports: Report[]): Promise<{ index: number; sheet: SheetResult; report: Report } | undefined> {
  const infos = await port.listSheets();
  for (const [index, report] of reports.entries()) {
    const same = infos.find((s) => s.meta && !s.meta.role && !s.name.startsWith(TEMP_SHEET_PREFIX) && s.meta.office === report.office && s.meta.year === report.year);
    if (!same) continue;
    const [result] = await validateSheets(port, { sheets: [same.name], paint: false });
    if (result?.report) return { index, sheet: result, report: result.report };
  }
  return undefined;
}

/**
 * Reads the file (and last year's), checks its text, and checks the tables: in the workbook's
 * sheet for the same office and year when there is one, else the file's own. Of a file of
 * several reports, the one the workbook has a sheet for, else the first. Nothing is written.
 */
export async function checkFullTextFile(port: WorkbookPort | null, readers: FileReaders, file: FileBytes, previousFile?: FileBytes): Promise<FullTextResult> {
  const read = await readFullText(file, { readers });
  if (!read.reports.length)
    throw new UserError(`“${file.name}”中既没有找到年报表格，也没有找到年报正文${read.problems.length ? `：${read.problems.join('；')}` : '。请选择年报全文的 Word 文档、网页或 PDF。'}`);
  const previous = previousFile ? lastYearOf(await readFullText(previousFile, { readers })) : undefined;
  const found = port ? await sheetFor(port, read.reports) : undefined;
  const index = found?.index ?? 0;
  const own = read.reports[index];
  const problems = [...read.problems];
  if (read.reports.length > 1)
    problems.push(`文件中有 ${read.reports.length} 份年报，这里检查的是“${own.office}”${own.year} 年度的一份；其余各份请分成单独的文件检查，或用命令行 nianbao validate 逐份检查。`);
  if (previousFile && !previous?.document) problems.push(`上年的“${previousFile.name}”中没有年报正文，未比对两年的文字。`);
  const base = { file: file.name, holdsText: !!read.document, paragraphs: read.document?.paragraphs.length ?? 0, problems, previous: previous?.document ? previousFile?.name : undefined };
  if (found) {
    const text = read.texts?.[index];
    const narrative = text ? narrativeFindings(text, found.report, lastYearText(previous, found.report)) : [];
    return { ...base, report: found.report, sheet: found.sheet, tableFindings: found.sheet.findings, narrative, confirmed: found.sheet.confirmed };
  }
  const checked = checkFullText(read, { previous })[index];
  return { ...base, report: own, tableFindings: checked.findings.slice(0, checked.findings.length - checked.narrative.length), narrative: checked.narrative, confirmed: checked.confirmed };
}
