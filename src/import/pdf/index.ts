/**
 * The PDF reader as a named pipeline, after pdfplumber and camelot: the PDF library gives text
 * items and ruling lines (ports/pdfjs); then
 *   1. text-lines:   items → lines → pieces split at wide gaps
 *   2. ruled-tables: ruling lines → cells between them (merged where a line is missing)
 *   3. text-columns: runs of lines without rules → columns at the gaps that recur down them
 *   4. page-layout:  one page's tables and lines in reading order, page numbers left out
 *   5. stitching:    every page as grid rows, tables and runs broken by a page joined
 * Every tolerance is in tolerances.ts.
 */
import type { RawPdfPage } from '../readers';
import { layoutPage } from './page-layout';
import type { PdfPage } from './types';

export { rowsOfPages } from './stitching';
export type { PdfPage } from './types';

/** Each page's tables and text lines, read once for the grid and for the running text. */
export function layoutPages(raw: RawPdfPage[], maxCells: number): PdfPage[] {
  return raw.map((p) => layoutPage(p.number, p.height, p.text, p.rules, maxCells));
}
