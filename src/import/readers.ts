/**
 * What reading a file needs from its host, injected by each face: a workbook's sheets (a
 * spreadsheet library) and a PDF's text items and lines (PDF.js). The core parses
 * everything else itself, and never loads either library.
 */
import type { SheetData } from '../model/sheet-data';
import type { PdfRule, PdfText } from './pdf/types';

export interface WorkbookContents {
  sheets: SheetData[];
  /** Formulas without saved results were not all computed (MAX_FORMULA_EVALUATIONS). */
  formulasOverLimit: boolean;
  /** Sheets that could not be read and were skipped, each said in Chinese; the rest of the file is read. */
  unreadable?: string[];
}

/** One PDF page as the PDF library gives it: text items and ruling lines, in PDF user space. */
export interface RawPdfPage {
  number: number;
  height: number;
  text: PdfText[];
  rules: PdfRule[];
}

export interface FileReaders {
  /**
   * Every sheet of an .xlsx/.xlsm; an InputError when it cannot be opened. `parts` are entries
   * the zip guard already inflated (by name), which a reader may use instead of inflating again.
   */
  workbook(bytes: Uint8Array, parts?: ReadonlyMap<string, Uint8Array>): Promise<WorkbookContents>;
  /** A PDF's pages; an InputError saying why when it cannot be read (a scan, a password, damage). */
  pdf(bytes: Uint8Array): Promise<RawPdfPage[]>;
  /** How many files this face reads at once (the command line's PDFs on several threads); one when absent. */
  parallel?: number;
}
