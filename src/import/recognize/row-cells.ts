/**
 * Row geometry: a grid row's label texts and value cells, by position or by sequence.
 */
import { looksLikeValue } from '../../model/values';
import type { GridCell, GridRow } from '../grid';
import { rowTexts, spanOf } from '../grid';
import { QUOTE_CHARS } from './tuning';

export function clip(t: string, max = QUOTE_CHARS): string {
  const s = t.replace(/\s+/g, '');
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

/** A cell of figures: a value, or figures run together too long to be one (split by the row's count later). */
export function isFigures(t: string): boolean {
  return looksLikeValue(t) || /^[0-9０-９]{2,}$/.test(t.trim());
}

export function isBlankText(t: string): boolean {
  return t.trim() === '';
}

export function trimToCount(values: GridCell[], n: number): GridCell[] {
  const v = [...values];
  while (v.length > n && isBlankText(v[v.length - 1].text)) v.pop();
  while (v.length > n && isBlankText(v[0].text)) v.shift();
  return v;
}

/** Splits a row into its label texts and its value cells, reading right to left. */
export function splitSequence(row: GridRow): { labels: string[]; values: GridCell[] } {
  const cells = row.cells.filter((c) => !c.copy);
  let k = cells.length;
  // In a real table a blank is a blank at its column, among the figures or after them: never where the label ends.
  while (k > 0 && (isFigures(cells[k - 1].text) || (row.aligned && isBlankText(cells[k - 1].text)))) k--;
  const labels = rowTexts({ ...row, cells: row.cells.filter((c) => c.copy || cells.indexOf(c) < k) });
  return { labels, values: cells.slice(k) };
}

/**
 * A data row's cells under header columns whose merges differ from the row's own (a header
 * cell over two columns above one value): each column takes the unused cell that overlaps
 * it most, so no value is read twice and none is taken from the wrong column.
 */
export function bySpans(row: GridRow, spans: ([number, number] | undefined)[], minX: number): (GridCell | undefined)[] {
  const own = row.cells.filter((c) => !c.copy && c.x >= minX).map((c) => ({ cell: c, span: spanOf(row, c) }));
  const used = new Set<GridCell>();
  return spans.map((span) => {
    if (!span) return undefined;
    let best: GridCell | undefined;
    let most = 0;
    for (const { cell, span: s } of own) {
      const overlap = Math.min(span[1], s[1]) - Math.max(span[0], s[0]) + 1;
      if (overlap > most && !used.has(cell)) {
        best = cell;
        most = overlap;
      }
    }
    if (best) used.add(best);
    return best;
  });
}

/** A real table row with its empty cells filled in, so a blank is a blank and not a shift. */
export function densify(row: GridRow): GridRow {
  const maxX = Math.max(...row.cells.map((c) => c.x));
  if (row.cells.length > maxX) return row;
  const at = new Map(row.cells.map((c) => [c.x, c]));
  const cells: GridCell[] = [];
  for (let x = 0; x <= maxX; x++) {
    const hit = row.cells.filter((c) => c.x === x);
    if (hit.length) cells.push(...hit);
    else cells.push({ text: '', x, at: at.get(x)?.at ?? `${row.cells[0].at} 所在行第${x + 1}列`, page: row.cells[0].page });
  }
  return { ...row, cells };
}
