/**
 * Metadata a report sheet carries in one hidden cell, so that it travels with
 * the sheet (copy, move, another workbook) and is read back in any program.
 */
import type { Level } from './report';

export const META_PREFIX = 'NIANBAO:';

/** A highlighted cell: its own fill (RRGGBB or null) and note before we touched it, restored on 清除标记. */
export interface Mark {
  fill: string | null;
  note: string | null;
  /** We put a note of ours on the cell (over the user's, which `note` keeps). */
  wrote?: true;
}

export interface SheetMeta {
  app: 'nianbao';
  v: 1;
  format: string;
  year: number;
  office: string;
  level?: Level;
  members?: string[];
  descendants?: string[];
  /** For an imported report: the submission it was read from. */
  source?: string;
  /** Sheets that are not reports: the overview (汇总明细) of a consolidation, the 导入来源 list. */
  role?: 'overview' | 'sources';
  /** Set on summary sheets we made: their member sheets, so a re-run updates instead of copying. */
  summaryOf?: string[];
  /** Confirmed warnings (出错说明), by finding key. */
  confirmed?: Record<string, string>;
  /** Highlights we painted, by A1 address, to restore on 清除标记. */
  marks?: Record<string, Mark>;
}

export function encodeMeta(meta: SheetMeta): string {
  return META_PREFIX + JSON.stringify(meta);
}

export function decodeMeta(text: unknown): SheetMeta | null {
  if (typeof text !== 'string' || !text.startsWith(META_PREFIX)) return null;
  try {
    const m = JSON.parse(text.slice(META_PREFIX.length)) as Partial<SheetMeta>;
    if (m.app !== 'nianbao' || typeof m.format !== 'string' || typeof m.year !== 'number') return null;
    return { ...m, office: typeof m.office === 'string' ? m.office : '' } as SheetMeta;
  } catch {
    return null;
  }
}
