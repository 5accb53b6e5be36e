/**
 * A PDF's running text from the positions of its lines: ruled tables and lines read as table
 * rows left out, the lines of a table's figures and headers too, and lines broken by the page
 * width joined back into paragraphs, each with the page it starts on.
 */
import type { FormatRegistry } from '../formats';
import type { Report } from '../model/report';
import type { ReportDocument } from '../narrative/document';
import { looksLikeValue } from '../model/values';
import { figureLines, markTableLines, paragraphsFromLines, reportDocument, tableLabels, type SourceLine } from './document-text';
import type { PdfLine, PdfPage } from './pdf/types';

/** Justified text ends its full lines at the margin, give or take a character. */
const JUSTIFIED_SLACK = 1.5;

const WIDE = '[\\u2e80-\\ua4cf\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uff60\\u3000-\\u303f\\u2018-\\u201d]';
const SPACED_WIDE = new RegExp(`(?<=${WIDE}) +(?=${WIDE})`, 'g');

/** Justified lines space their characters out (「部 分 公 开」): no space stands between two Chinese characters. */
function compactWide(text: string): string {
  return text.replace(SPACED_WIDE, '');
}

/** A line of two or more pieces is a table's row when it has three, or a figure after its label. */
function isRow(line: PdfLine): boolean {
  const pieces = (line.cells ?? line.chunks.map((c) => c.text)).filter((t) => t.trim());
  return pieces.length >= 3 || (pieces.length === 2 && looksLikeValue(pieces[1]));
}

/**
 * Reads after rowsOfPages made the grid of the same pages (it sets each line's columns), with
 * the reports recognized in that grid: their provenance says which lines hold a table's figures.
 */
export function documentFromPdfPages(pages: PdfPage[], source: string, reports: Report[], registry: FormatRegistry): ReportDocument {
  const lines: SourceLine[] = [];
  const index = new Map<string, number>();
  for (const p of pages) {
    let lineNo = 0;
    for (const b of p.blocks) {
      if (b.kind === 'table') {
        lines.push({ text: '', page: p.page, row: true });
        continue;
      }
      // Numbered as the grid numbers them, for the provenance below.
      index.set(`${p.page}:${++lineNo}`, lines.length);
      const l = b.line;
      const unit = l.h && l.h > 0 ? l.h : undefined;
      lines.push({ text: compactWide(l.chunks.map((c) => c.text).join(' ')), page: p.page, left: l.chunks[0].a, right: l.chunks[l.chunks.length - 1].b, unit, row: isRow(l) });
    }
  }
  const located = figureLines(reports, (at) => {
    const m = /^第(\d+)页 第(\d+)行/.exec(at);
    return m ? index.get(`${m[1]}:${m[2]}`) : undefined;
  });
  for (const [i, table] of located) lines[i].table = table;
  return reportDocument(source, paragraphsFromLines(lines, markTableLines(lines, tableLabels(registry)), JUSTIFIED_SLACK));
}
