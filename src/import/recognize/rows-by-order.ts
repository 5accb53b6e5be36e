/**
 * Rows of figures with no label, and labels with no figures (a PDF-to-Markdown converter parts
 * them: a row of seven numbers here, its label among fragments there). A table's unlabelled rows
 * are given to its statutory rows that were not read, in the format's order, only when every
 * check agrees: as many rows as rows unread, each with exactly its row's count of cells, and each
 * unread row's label standing in the loose text in that same order. Anything less, and nothing
 * is placed: a missing figure is said, never traded for a wrong one.
 */
import type { GridCell, GridRow } from '../grid';
import { joinedKey } from '../label-key';
import type { RowSpec } from '../row-specs';
import { trimToCount } from './row-cells';
import { LOOSE_LABEL_SPREAD } from './tuning';

export interface UnlabelledRow {
  row: GridRow;
  values: GridCell[];
}

/** Where `key` stands in `text` from `from` on, its characters in order with little between them; -1 when it does not. */
function inOrder(text: string, key: string, from: number): number {
  for (let start = text.indexOf(key[0], from); start >= 0; start = text.indexOf(key[0], start + 1)) {
    let at = start;
    let ok = true;
    for (const ch of key.slice(1)) {
      at = text.indexOf(ch, at + 1);
      if (at < 0 || at - start > key.length * LOOSE_LABEL_SPREAD) {
        ok = false;
        break;
      }
    }
    if (ok) return at + 1;
  }
  return -1;
}

/**
 * The unread rows of one table each with its unlabelled row, in order; null when the rows, their
 * counts or the loose labels do not all agree.
 */
export function rowsByOrder(unread: RowSpec[], rows: UnlabelledRow[], looseLabels: string[]): { spec: RowSpec; values: GridCell[] }[] | null {
  if (!unread.length || rows.length !== unread.length) return null;
  const cut = rows.map((r, i) => trimToCount(r.values, unread[i].cells.length));
  if (cut.some((v, i) => v.length !== unread[i].cells.length)) return null;
  const text = joinedKey(looseLabels);
  let at = 0;
  for (const spec of unread) {
    at = inOrder(text, spec.key, at);
    if (at < 0) return null;
  }
  return unread.map((spec, i) => ({ spec, values: cut[i] }));
}
