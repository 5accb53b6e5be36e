/**
 * Every source (sheet, Word table, HTML table, pasted text) becomes a Grid:
 * rows of cell texts in reading order, with merges spread as copies.
 */

export interface GridCell {
  text: string;
  /** Column position within its row's table, from 0. */
  x: number;
  /** Where it is in the source, for provenance: "C7", "表2 第3行第4列", "第58行". */
  at: string;
  /** The PDF page it is on. */
  page?: number;
  /** A covered part of a merged cell, carrying the merge's text: a label context, never a value. */
  copy?: boolean;
  /** Figures run together with nothing between them (a crawler's copy of a table): split by the row's count, or not at all. */
  run?: boolean;
}

export interface GridRow {
  cells: GridCell[];
  /** The row's columns line up with the rows above and below it (a real table, not text). */
  aligned: boolean;
  hidden?: boolean;
  /** A table row set apart from the text lines around it (a converter's Markdown table among prose): those lines are never its label. */
  apart?: true;
}

export interface Grid {
  /** The file, and the sheet when there are several: "县交通局.xlsx#Sheet1". */
  source: string;
  /** The worksheet, for a grid read from one: its cells' `at` are addresses on it. */
  sheet?: string;
  rows: GridRow[];
}

/** Non-empty texts of a row, merge copies included once. */
export function rowTexts(row: GridRow): string[] {
  const out: string[] = [];
  let last = '';
  for (const c of row.cells) {
    const t = c.text.trim();
    if (t && !(c.copy && t === last)) out.push(t);
    if (t) last = t;
  }
  return out;
}

/** The columns a cell covers: itself and the merge copies that follow it. */
export function spanOf(row: GridRow, cell: GridCell): [number, number] {
  let end = cell.x;
  for (const c of row.cells) if (c.copy && c.at === cell.at && c.text === cell.text && c.x === end + 1) end = c.x;
  return [cell.x, end];
}
