/** A worksheet's cells as a grid: merged ranges spread as copies, hidden rows kept and marked. */
import { parseAddress } from '../layout/a1';
import { META_PREFIX } from '../model/sheet-meta';
import type { SheetData } from '../ports/workbook-port';
import type { Grid, GridCell, GridRow } from './grid';

function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'string' ? v : String(v);
}

export function gridFromSheet(sheet: SheetData, source: string): Grid {
  const byRow = new Map<number, GridCell[]>();
  const put = (row: number, cell: GridCell) => {
    const list = byRow.get(row) ?? [];
    list.push(cell);
    byRow.set(row, list);
  };
  for (const [addr, value] of sheet.cells) {
    const t = text(value);
    if (t.startsWith(META_PREFIX)) continue;
    const { row, col } = parseAddress(addr);
    put(row, { text: t, x: col - 1, at: addr });
  }
  for (const range of sheet.merges ?? []) {
    const [a, b] = range.split(':');
    if (!b) continue;
    const p = parseAddress(a);
    const q = parseAddress(b);
    const origin = text(sheet.cells.get(a));
    if (!origin) continue;
    for (let r = p.row; r <= q.row; r++)
      for (let c = p.col; c <= q.col; c++) if (r !== p.row || c !== p.col) put(r, { text: origin, x: c - 1, at: a, copy: true });
  }
  const hidden = new Set(sheet.hiddenRows ?? []);
  const rows: GridRow[] = [...byRow.keys()]
    .sort((a, b) => a - b)
    .map((r) => ({ aligned: true, hidden: hidden.has(r) || undefined, cells: byRow.get(r)!.sort((a, b) => a.x - b.x) }));
  return { source, rows };
}
