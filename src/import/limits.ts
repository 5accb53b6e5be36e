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
 * Most formula cells evaluated in one read of a workbook (each at most once): a template
 * needs a few hundred, a 500-member summary a few hundred thousand references; beyond this
 * the rest are reported as not computed and the file is still read.
 */
export const MAX_FORMULA_EVALUATIONS = 200_000;

const MB = 1024 * 1024;
export function megabytes(n: number): string {
  return `${Math.round(n / MB)} MB`;
}
