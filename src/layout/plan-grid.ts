/**
 * A sheet plan's values and formulas as one grid from A1, the shape both spreadsheet hosts take
 * in a single write (Excel's `Range.formulas`, WPS's `Range.Formula`).
 */
import { META_COLUMN, type PlanCell, type SheetPlan } from './sheet-plan';

/** Text a host would take as a formula is written with a leading apostrophe. */
export function constant(v: string | number | null | undefined): string | number {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string' && /^[=+\-@]/.test(v)) return `'${v}`;
  return v;
}

/**
 * The grid and its size. `linkFormula` gives a linked cell's formula where the host writes
 * links with the values; without it a linked cell holds its text and the host adds the link.
 */
export function planGrid(plan: SheetPlan, linkFormula?: (pc: PlanCell) => string | undefined): { grid: (string | number)[][]; rows: number; columns: number } {
  const rows = Math.max(plan.lastRow, ...plan.cells.filter((pc) => pc.style === 'meta').map((pc) => pc.row));
  // List sheets wider than the grid step over the metadata column and go on past it.
  const columns = Math.max(META_COLUMN, ...plan.cells.map((pc) => pc.col));
  const grid: (string | number)[][] = Array.from({ length: rows }, () => Array(columns).fill(''));
  for (const pc of plan.cells) {
    if (pc.row > rows) continue;
    const link = linkFormula?.(pc);
    if (pc.formula) grid[pc.row - 1][pc.col - 1] = `=${pc.formula}`;
    else if (link !== undefined) grid[pc.row - 1][pc.col - 1] = link;
    else if (pc.value !== undefined) grid[pc.row - 1][pc.col - 1] = constant(pc.value);
  }
  return { grid, rows, columns };
}
