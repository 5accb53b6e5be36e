/**
 * The small port every host implements: Office.js (the add-in) and exceljs
 * (files: the web page, the command line, tests). The core never sees a host API.
 */
import type { SheetPlan } from '../layout/sheet-plan';
import type { SheetMeta } from '../model/sheet-meta';
import type { SheetData, SheetInfo } from '../model/sheet-data';

export type { CellContent, SheetData, SheetInfo } from '../model/sheet-data';

/** Highlights of one sheet, computed by the core: the adapter only applies them. */
export interface SheetHighlights {
  name: string;
  /** Fills to set (RRGGBB) or remove (null), by address: ours painted, or the user's restored. */
  fills: Record<string, string | null>;
  /** Notes to set (string) or remove (null), by address. */
  notes: Record<string, string | null>;
  /** Of those, the addresses that hold a note now (ours or the user's), for hosts that must delete before adding. */
  existingNotes: string[];
  meta: SheetMeta;
}

export interface WorkbookPort {
  sheetNames(): Promise<string[]>;
  listSheets(): Promise<SheetInfo[]>;
  /** Reads sheets in one batch: by name, every sheet carrying our metadata ('reports'), or the active one. */
  readSheets(which: string[] | 'reports' | 'active', options?: ReadSheetsOptions): Promise<SheetData[]>;
  /** Adds a new sheet from a plan; refuses if the name is taken. `replace` names a sheet of ours to update in place. */
  writeSheet(plan: SheetPlan, options?: { replace?: string; activate?: boolean }): Promise<void>;
  /**
   * Adds several sheets at once, all or nothing: a failure leaves the workbook as it was.
   * `replace` maps a plan's name to a sheet of ours it supersedes.
   */
  writeSheets(plans: SheetPlan[], options?: WriteSheetsOptions): Promise<void>;
  applyHighlights(sheets: SheetHighlights[]): Promise<void>;
  /** Writes cell values (an explicit user action, such as applying a fix) and optionally the sheet's metadata. */
  setValues(name: string, values: Record<string, CellWrite>, meta?: SheetMeta): Promise<void>;
  select(name: string, addresses: string[]): Promise<void>;
  /** Renames a sheet; refuses a name already taken. */
  renameSheet(from: string, to: string): Promise<void>;
  activeSheet(): Promise<string | null>;
  /** The selected cell (top-left of the selection), where the host has a selection. */
  selectedCell(): Promise<{ sheet: string; address: string } | null>;
}

/** A value to write, or a formula (without '=') to restore. */
export type CellWrite = number | string | null | { formula: string };

export interface ReadSheetsOptions {
  /** Read the cells' fills and notes too (needed before painting); default true. */
  marks?: boolean;
  /** Rows to read of named sheets, for lists longer than a report (the roster); columns as for a report. */
  rows?: number;
}

/** Sheets being written carry this name until complete; a failed write may leave one. */
export const TEMP_SHEET_PREFIX = '~年报助手写入中';

export interface WriteSheetsOptions {
  replace?: Record<string, string>;
  /** Leftovers of an earlier failed write, deleted once the new sheets are complete. */
  remove?: string[];
  /** The plan name to activate. */
  activate?: string;
}
