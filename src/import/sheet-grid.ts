/** A worksheet's cells as a grid: merged ranges spread as copies, hidden rows kept and marked. */
import { address, parseAddress } from '../layout/a1';
import { META_PREFIX } from '../model/sheet-meta';
import type { SheetData } from '../model/sheet-data';
import type { Grid, GridCell, GridRow } from './grid';
import { MAX_CELL_TEXT, MAX_CELLS, MAX_COLUMNS } from './limits';
import { InputError } from '../model/report-json';

function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'string' ? v : String(v);
}

/** Fills the row's empty cells in, so a blank value cell is a blank and not a shift. */
function dense(row: number, cells: GridCell[]): GridCell[] {
  const byX = new Map<number, GridCell[]>();
  for (const c of cells) byX.set(c.x, [...(byX.get(c.x) ?? []), c]);
  const maxX = Math.max(...cells.map((c) => c.x));
  const out: GridCell[] = [];
  for (let x = 0; x <= maxX; x++) out.push(...(byX.get(x) ?? [{ text: '', x, at: address(row, x + 1) }]));
  return out;
}

const ADDRESS = /^\$?[A-Z]+\$?\d+$/;

/** A cell address as the file gives it; anything else means the sheet's XML is damaged. */
function addressIn(sheet: SheetData, a: string): { row: number; col: number } {
  if (!ADDRESS.test(a)) throw new InputError(`工作表“${sheet.name}”中有无法识别的单元格地址“${a.slice(0, 20)}”，文件已损坏。请在 Excel 或 WPS 中打开、另存为 .xlsx 后再试`);
  return parseAddress(a);
}

export function gridFromSheet(sheet: SheetData, source: string): Grid {
  const byRow = new Map<number, GridCell[]>();
  const put = (row: number, cell: GridCell) => {
    const list = byRow.get(row) ?? [];
    list.push(cell);
    byRow.set(row, list);
  };
  if (sheet.cells.size > MAX_CELLS) throw new InputError(`工作表“${sheet.name}”有 ${sheet.cells.size} 个非空单元格，超过上限 ${MAX_CELLS}，已拒绝读取`);
  for (const [addr, value] of sheet.cells) {
    const t = text(value);
    if (t.startsWith(META_PREFIX)) continue;
    const { row, col } = addressIn(sheet, addr);
    // Reports never reach this far right; beyond it, cells are ignored.
    if (col > MAX_COLUMNS) continue;
    put(row, { text: t.length > MAX_CELL_TEXT ? t.slice(0, MAX_CELL_TEXT) : t, x: col - 1, at: addr });
  }
  for (const range of sheet.merges ?? []) {
    const [a, b] = range.split(':');
    if (!b) continue;
    const p = addressIn(sheet, a);
    const q = addressIn(sheet, b);
    const origin = text(sheet.cells.get(a));
    if (!origin) continue;
    for (let r = p.row; r <= Math.min(q.row, p.row + 200); r++)
      for (let c = p.col; c <= Math.min(q.col, MAX_COLUMNS); c++) if (r !== p.row || c !== p.col) put(r, { text: origin, x: c - 1, at: a, copy: true });
  }
  const hidden = new Set(sheet.hiddenRows ?? []);
  const rows: GridRow[] = [...byRow.keys()].sort((a, b) => a - b).map((r) => ({ aligned: true, hidden: hidden.has(r) || undefined, cells: dense(r, byRow.get(r)!) }));
  return { source, sheet: sheet.name, rows };
}
