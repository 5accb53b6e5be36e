/**
 * Resource bounds on every reader, so that no file can hang or exhaust the pane or the
 * command line. Documented in the README; a file beyond them is refused with a message.
 */

/** Largest input file read at all, in bytes. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
/** Largest total uncompressed size of the parts of a zip file (.xlsx/.docx) we open, measured while inflating. */
export const MAX_UNZIPPED_BYTES = 50 * 1024 * 1024;
/** Most table rows in one .xlsx/.docx (all sheets or tables together). */
export const MAX_ROWS = 100_000;
/** Largest .txt/.html/.json read; a report's text is far smaller. */
export const MAX_TEXT_BYTES = 10 * 1024 * 1024;
/** Most tags in an .html page: the HTML parser slows down sharply on huge, deeply nested pages. */
export const MAX_HTML_TAGS = 100_000;
/** Deepest element nesting followed in .html/.docx; deeper content is ignored. */
export const MAX_DEPTH = 200;
/** Most entries a zip file (.xlsx/.docx) may hold. */
export const MAX_ZIP_ENTRIES = 5000;
/** Most non-empty cells read from one sheet, table set or text. */
export const MAX_CELLS = 200_000;
/** Columns read from a sheet; a report's tables are 15 columns wide in the template. */
export const MAX_COLUMNS = 100;
/** Longest text kept per cell; longer text is cut and can never be a number or a label. */
export const MAX_CELL_TEXT = 2000;
/** Most characters of running text in one report document; a report has some tens of thousands. */
export const MAX_DOCUMENT_CHARS = 2_000_000;
/** Most tables read from one document. */
export const MAX_TABLES = 2000;
/** Most pages read from one PDF; a report is a few dozen pages at most. */
export const MAX_PDF_PAGES = 200;
/** Most text items (runs of text with one position) in one PDF. */
export const MAX_PDF_TEXT_ITEMS = 300_000;
/** Most drawing operations in one PDF: ruling lines are read from them. */
export const MAX_PDF_OPERATIONS = 5_000_000;
/** Longest time spent reading one PDF, in milliseconds. */
export const PDF_TIME_BUDGET_MS = 15_000;
/**
 * Most evaluations when a workbook's formulas carry no stored result, per read: a formula
 * cell computed, or a cell it refers to, counts one (each formula is computed once). A
 * re-saved summary of 320 members (about the most whose formulas fit Excel's length) needs
 * about 150 000; 300 000 take 0.1–0.5 s (under 2 µs each), so no file, however its formulas
 * fan out, holds a reader for long. Past it the remaining formulas read as not computed
 * (公式计算超出限制) and the file is still read.
 */
export const MAX_FORMULA_EVALUATIONS = 300_000;
/** Formulas computed inside one another (A1 needs B1 needs C1 …): a report needs three; a chain of a few thousand would exhaust the stack. */
export const MAX_FORMULA_DEPTH = 200;

const MB = 1024 * 1024;
export function megabytes(n: number): string {
  return `${Math.round(n / MB)} MB`;
}
