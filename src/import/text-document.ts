/**
 * A text file's running text: its lines, minus the tables' rows (as the grid read them) and
 * the lines of their figures and headers, and minus running page numbers. Text hard-wrapped at
 * a fixed width (pdftotext output) is joined back into paragraphs; pages follow form feeds.
 */
import type { FormatRegistry } from '../formats';
import type { Report } from '../model/report';
import type { ReportDocument } from '../narrative/document';
import { looksLikeValue } from '../model/values';
import { figureLines, markTableLines, paragraphsFromLines, reportDocument, tableLabels, type SourceLine } from './document-text';
import type { Grid } from './grid';
import { PAGE_NUMBER } from './pdf/page-layout';
import { displayWidth } from './text-grid';

/** A Chinese character is two columns wide in a fixed-width font. */
const UNIT = 2;
/** Share of the longer lines that end at one width, from which the text is taken to be hard-wrapped. */
const WRAPPED_SHARE = 0.4;
const WRAPPED_MIN_LINES = 5;
/** Text laid out by a PDF converter ends its full lines a few columns apart (brackets, figures). */
const WRAP_SLACK = 3.5;

/** Line numbers (from 1) the grid read as a table's rows. */
function rowLines(grid: Grid): Set<number> {
  const out = new Set<number>();
  for (const row of grid.rows) {
    const texts = row.cells.filter((c) => !c.copy && c.text.trim());
    const isRow = row.aligned || texts.length >= 3 || (texts.length === 2 && looksLikeValue(texts[1].text));
    if (!isRow) continue;
    for (const c of row.cells) {
      const m = /^第(\d+)行/.exec(c.at);
      if (m) out.add(Number(m[1]));
    }
  }
  return out;
}

function hardWrapped(lines: SourceLine[]): boolean {
  const rights = lines.filter((l) => l.right !== undefined && l.text.length >= 10).map((l) => l.right!);
  if (rights.length < WRAPPED_MIN_LINES) return false;
  const widest = [...rights].sort((a, b) => a - b)[Math.floor(rights.length * 0.9)];
  return rights.filter((r) => r >= widest - WRAP_SLACK * UNIT).length >= rights.length * WRAPPED_SHARE;
}

export function documentFromText(text: string, source: string, grid: Grid, reports: Report[], registry: FormatRegistry): ReportDocument {
  const raw = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const rows = rowLines(grid);
  let page = 1;
  const paged = text.includes('\f');
  const lines: SourceLine[] = raw.map((r, i) => {
    page += (r.match(/\f/g) ?? []).length;
    const line = r.replace(/\f/g, '').replace(/\t/g, '    ');
    const body = line.trim();
    const left = displayWidth(line.slice(0, line.length - line.trimStart().length));
    return {
      text: body,
      page: paged ? page : undefined,
      left,
      right: left + displayWidth(body),
      unit: UNIT,
      row: rows.has(i + 1),
      skip: body.length <= 16 && PAGE_NUMBER.test(body),
    };
  });
  const located = figureLines(reports, (at) => {
    const m = /^第(\d+)行/.exec(at);
    return m ? Number(m[1]) - 1 : undefined;
  });
  for (const [i, table] of located) if (lines[i]) lines[i].table = table;
  const inTable = markTableLines(lines, tableLabels(registry));
  // Lines of a web page or a typed file are its paragraphs; only text cut at one width is joined.
  if (!hardWrapped(lines.filter((l, i) => !inTable[i] && !l.skip))) for (const l of lines) l.left = l.right = undefined;
  return reportDocument(source, paragraphsFromLines(lines, inTable, WRAP_SLACK));
}
