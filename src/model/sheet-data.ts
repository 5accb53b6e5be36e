/** What a host reads from a sheet, in host-neutral terms: the core reads reports from this. */
import type { SheetMeta } from './sheet-meta';

/** What a cell shows: formulas already computed. */
export type CellContent = number | string | boolean | null;

export interface SheetInfo {
  name: string;
  meta: SheetMeta | null;
  /** Parts of the stored metadata that failed its schema and were ignored, in Chinese. */
  metaDropped?: string[];
}

export interface SheetData extends SheetInfo {
  /** Non-empty cells by A1 address. */
  cells: Map<string, CellContent>;
  /** Formulas (without '=') of the cells that hold one, where the host reports them. */
  formulas?: Map<string, string>;
  /** Cell notes by A1 address, where the host can read them. */
  notes: Map<string, string>;
  /** Solid fill colours (RRGGBB) of the report's value cells, by A1 address; absent = no fill. */
  fills: Map<string, string>;
  /** Merged ranges ("A1:C2"), where the host reports them: foreign layouts need them. */
  merges?: string[];
  /** 1-based numbers of hidden rows, where the host reports them. */
  hiddenRows?: number[];
  /** Protected by the user: we read it, but do not paint it. */
  protected?: boolean;
}
