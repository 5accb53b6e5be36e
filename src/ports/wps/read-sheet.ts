/**
 * A WPS worksheet read as SheetData: its values and formulas in one Value2 and one Formula
 * array over the whole extent; fills and notes read later, and only for the cells asked for.
 */
import { address } from '../../layout/a1';
import { META_BACKUP_ROW, META_COLUMN } from '../../layout/sheet-plan';
import { findMeta } from '../../model/sheet-meta';
import type { CellContent, SheetData } from '../workbook-port';
import { fromBgr } from './colors';
import { XL, type EtWorksheetLike } from './et';
import { LiveCellMap } from './live-cells';

/** Cell error values as Value2 hands them over: COM error codes, never counts (these are below −2·10⁹). */
const ERROR_TEXT: Record<number, string> = {
  [-2146826288]: '#NULL!',
  [-2146826281]: '#DIV/0!',
  [-2146826273]: '#VALUE!',
  [-2146826265]: '#REF!',
  [-2146826259]: '#NAME?',
  [-2146826252]: '#NUM!',
  [-2146826246]: '#N/A',
};
const WHITE = 0xffffff;

export interface Extent {
  rows: number;
  columns: number;
}

/** A range's Value2 or Formula as rows, whatever its size (a single cell reads as a scalar). */
export function asRows(v: unknown): unknown[][] {
  if (!Array.isArray(v)) return [[v]];
  return v.map((row) => (Array.isArray(row) ? row : [row]));
}

function toContent(v: unknown): CellContent {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'number') return ERROR_TEXT[v] ?? v;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}

export interface ReadOptions {
  marks: boolean;
  comments: boolean;
}

export function readSheet(ws: EtWorksheetLike, extent: Extent, options: ReadOptions): SheetData {
  const name = ws.Name;
  const locked = !!ws.ProtectContents;
  const grid = ws.Range(`A1:${address(extent.rows, extent.columns)}`);
  const values = asRows(grid.Value2);
  const formulaGrid = asRows(grid.Formula);
  const cells = new Map<string, CellContent>();
  const formulas = new Map<string, string>();
  values.forEach((row, r) =>
    row.forEach((v, c) => {
      const content = toContent(v);
      if (content !== null) cells.set(address(r + 1, c + 1), content);
      const f = formulaGrid[r]?.[c];
      if (typeof f === 'string' && f.startsWith('=')) formulas.set(address(r + 1, c + 1), f.slice(1));
    }),
  );
  const m = findMeta(values[0]?.[META_COLUMN - 1], values[META_BACKUP_ROW - 1]?.[0], () => values.flat());
  return {
    name,
    meta: m?.meta ?? null,
    ...(m?.dropped.length ? { metaDropped: m.dropped } : {}),
    cells,
    formulas,
    fills: options.marks ? new LiveCellMap((addr) => fillOf(ws, addr)) : new Map(),
    notes: options.marks && options.comments ? new LiveCellMap((addr) => noteOf(ws, addr)) : new Map(),
    protected: locked,
  };
}

/** A cell's own solid fill (RRGGBB), or null: white with no pattern is no fill at all. */
function fillOf(ws: EtWorksheetLike, addr: string): string | null {
  const interior = ws.Range(addr).Interior;
  const color = interior.Color;
  if (typeof color !== 'number') return null;
  if (color === WHITE && interior.Pattern === XL.none) return null;
  return fromBgr(color);
}

function noteOf(ws: EtWorksheetLike, addr: string): string | null {
  const comment = ws.Range(addr).Comment;
  return comment ? comment.Text() : null;
}
