/**
 * Reads reports out of any supported input file's bytes. The host's libraries (a workbook
 * reader, PDF.js) come in as FileReaders: the same code runs in the CLI, the pane and the web page.
 */
import type { FormatRegistry } from '../formats';
import { docxBody, gridFromDocxBody } from './docx-grid';
import { documentFromDocxBody } from './docx-text';
import type { Grid } from './grid';
import { gridFromHtmlPage, parseHtmlPage } from './html-grid';
import { documentFromHtmlPage } from './html-text';
import { layoutPages, rowsOfPages } from './pdf';
import { documentFromPdfPages } from './pdf-text';
import { MAX_CELLS, MAX_FILE_BYTES, MAX_TEXT_BYTES, megabytes } from './limits';
import type { FileReaders } from './readers';
import { recognizeAll } from './recognize/index';
import { gridFromSheet } from './sheet-grid';
import { gridFromText } from './text-grid';
import { documentFromText } from './text-document';
import type { ReportDocument } from '../narrative/document';
import { officeFromFileName, readFileName } from './title';
import { inflateChecked } from './zip-guard';
import { InputError, reportsFromJsonText } from '../model/report-json';
import type { Report } from '../model/report';
import { reportFromOurSheet } from '../layout/sheet-report';
import { FORMULA_LIMIT_NOTICE } from '../model/uncomputed';

export interface FileReports {
  reports: Report[];
  /** Sheets or tables that looked like reports but could not be read, with why. */
  problems: string[];
}

export interface ReadOptions {
  /** Override what the title says. */
  office?: string;
  year?: number;
  /** The name is ours (pasted text), not the sender's: never read an office or year from it. */
  anonymous?: boolean;
}

export const READABLE_EXTENSIONS = ['xlsx', 'xlsm', 'docx', 'html', 'htm', 'txt', 'json', 'pdf'];

/** How a file's name ends, lower-cased and without the dot; '' when it has no extension. */
export function extension(name: string): string {
  const m = /\.([^./\\]+)$/.exec(name);
  return m ? m[1].toLowerCase() : '';
}

/** UTF-8 when valid, else GB18030: text saved on Chinese Windows is often GBK. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

function fromGrids(grids: Grid[], name: string, registry: FormatRegistry, options: ReadOptions): FileReports {
  const named = options.anonymous ? {} : readFileName(name);
  // A file stem (附件1, 新建 Microsoft Excel 工作表) is never taken for an office.
  const fallback = { ...named, office: officeFromFileName(named.office) };
  return recognizeAll(grids, { registry, ...options }, fallback);
}

async function readXlsx(name: string, bytes: Uint8Array, registry: FormatRegistry, readers: FileReaders, options: ReadOptions): Promise<FileReports> {
  // The guard inflates every part to measure it: the XML ones are handed on, not inflated twice.
  const { parts } = inflateChecked(bytes, ' Excel ', (n) => /\.(xml|rels)$/i.test(n));
  const { sheets, formulasOverLimit, unreadable = [] } = await readers.workbook(bytes, parts);
  const out: FileReports = { reports: [], problems: [...unreadable, ...(formulasOverLimit ? [FORMULA_LIMIT_NOTICE] : [])] };
  const foreign: Grid[] = [];
  for (const sheet of sheets) {
    const source = sheets.length > 1 ? `${name}#${sheet.name}` : name;
    // Our overview and source-list sheets hold no report.
    if (sheet.meta?.role) continue;
    if (sheet.meta) {
      const read = reportFromOurSheet(sheet, registry, source);
      if ('report' in read) {
        out.reports.push(read.report);
        continue;
      }
      out.problems.push(`工作表“${sheet.name}”：${read.problem}，改为按标签识别`);
    }
    foreign.push(gridFromSheet(sheet, source));
  }
  const read = fromGrids(foreign, name, registry, options);
  out.reports.push(...read.reports);
  out.problems.push(...read.problems);
  return out;
}

/** A document's tables as a grid and, once they are recognized, its running text: the file parsed once for both. */
interface ParsedDocument {
  grid: Grid;
  text: (reports: Report[]) => ReportDocument;
}

async function parseDocument(ext: string, name: string, bytes: Uint8Array, registry: FormatRegistry, readers: FileReaders): Promise<ParsedDocument | undefined> {
  switch (ext) {
    case 'docx': {
      const body = docxBody(bytes);
      return { grid: gridFromDocxBody(body, name), text: () => documentFromDocxBody(body, name, registry) };
    }
    case 'html':
    case 'htm': {
      const page = parseHtmlPage(decodeText(bytes));
      return { grid: gridFromHtmlPage(page, name), text: () => documentFromHtmlPage(page, name, registry) };
    }
    case 'txt': {
      const text = decodeText(bytes);
      const grid = gridFromText(text, name);
      return { grid, text: (reports) => documentFromText(text, name, grid, reports, registry) };
    }
    case 'pdf': {
      const pages = layoutPages(await readers.pdf(bytes), MAX_CELLS);
      return { grid: { source: name, rows: rowsOfPages(pages) }, text: (reports) => documentFromPdfPages(pages, name, reports, registry) };
    }
    default:
      return undefined;
  }
}

/** A file's reports and, for a document (.docx, .html, .pdf, .txt), its running text. */
export interface FileContents extends FileReports {
  document?: ReportDocument;
}

export async function readReports(name: string, bytes: Uint8Array, registry: FormatRegistry, readers: FileReaders, options: ReadOptions = {}): Promise<FileReports> {
  const { reports, problems } = await readFile(name, bytes, registry, readers, options, false);
  return { reports, problems };
}

/** The reports and the running text of a published report, parsed once. */
export function readReportsAndText(name: string, bytes: Uint8Array, registry: FormatRegistry, readers: FileReaders, options: ReadOptions = {}): Promise<FileContents> {
  return readFile(name, bytes, registry, readers, options, true);
}

async function readFile(name: string, bytes: Uint8Array, registry: FormatRegistry, readers: FileReaders, options: ReadOptions, withText: boolean): Promise<FileContents> {
  if (bytes.length > MAX_FILE_BYTES) throw new InputError(`文件超过 ${megabytes(MAX_FILE_BYTES)}，已拒绝读取`);
  const ext = extension(name);
  if (['json', 'html', 'htm', 'txt'].includes(ext) && bytes.length > MAX_TEXT_BYTES) throw new InputError(`文本文件超过 ${megabytes(MAX_TEXT_BYTES)}，远大于一份年报，已拒绝读取`);
  const parsed = await parseDocument(ext, name, bytes, registry, readers);
  if (parsed) {
    const read = fromGrids([parsed.grid], name, registry, options);
    return withText ? { ...read, document: parsed.text(read.reports) } : read;
  }
  switch (ext) {
    case 'json':
      return { reports: reportsFromJsonText(decodeText(bytes), name, registry), problems: [] };
    case 'xlsx':
    case 'xlsm':
      return readXlsx(name, bytes, registry, readers, options);
    case 'xls':
      throw new InputError('不支持旧版 .xls 文件，请在 Excel 或 WPS 中另存为 .xlsx 后再试');
    case 'doc':
      throw new InputError('不支持旧版 .doc 文件，请在 Word 或 WPS 中另存为 .docx 后再试');
    default:
      throw new InputError(`不支持的文件类型“.${ext || '（无扩展名）'}”，可用 .xlsx、.docx、.html、.txt、.pdf 或 .json`);
  }
}
