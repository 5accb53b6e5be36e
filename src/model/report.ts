/** A report: identity plus one reading per cell of its format. */
import type { CompiledFormat } from '../formats/compile';
import type { FormatId } from '../formats/types';
import type { Finding } from './finding';
import type { Reading } from './values';

/** What a report says for its office when no source names one. */
export const UNKNOWN_OFFICE = '（未注明单位）';

export type Level = '省级' | '地市级' | '县级' | '乡镇' | '部门';
export const LEVELS: Level[] = ['省级', '地市级', '县级', '乡镇', '部门'];

/** Where a cell's value was read. */
export interface CellOrigin {
  /** The submission as shown to the user: a file, a file and its sheet (县交通局.xlsx#Sheet1), or a sheet of this workbook. */
  source: string;
  /** The worksheet the address is on, when read from a workbook. */
  sheet?: string;
  /** The A1 address on that sheet, or the place in a document: 「表2 第3行第4格」「第3页 表1 第5行第2列」. */
  address: string;
  /** The PDF page. */
  page?: number;
  /** The row is hidden in the source. */
  hidden?: true;
}

/** An origin as the user reads it: 「县交通局.xlsx!D12」, 「…（隐藏行）」. */
export function originText(o: CellOrigin): string {
  return `${o.source}!${o.address}${o.hidden ? '（隐藏行）' : ''}`;
}

export interface ReportMeta {
  office: string;
  year: number;
  format: FormatId;
  level?: Level;
  /** For a summary: the offices it sums. */
  members?: string[];
  /** For a summary: every office below it, at any level, so double counting is caught across levels. */
  descendants?: string[];
}

export interface Report extends ReportMeta {
  /** Where it was read from, e.g. `county/汤原县.xlsx#Sheet1`. */
  source: string;
  /** One reading per cell of the format, by cell index; undefined where the cell was not found. */
  readings: (Reading | undefined)[];
  /** Warnings the office confirmed, by finding key, with its explanation (出错说明). */
  confirmed?: Record<string, string>;
  /** Where each cell came from in the source, by cell id. */
  provenance?: Record<string, CellOrigin>;
  /** Cells (ids) that hold a formula in the sheet: a fix never writes a constant over one. */
  formulaCells?: string[];
  /** Totals (ids) computed from their parts, as their live formulas do: a fix to a part moves them too. */
  liveTotals?: string[];
  /** Totals (ids) whose formula the clerk replaced with a constant: the fix restores the formula. */
  overwrittenTotals?: string[];
  /** What reading a foreign layout found: label drift, cells not found, subtotal rows. */
  importFindings?: Finding[];
  /**
   * When it was submitted (ISO 8601): the time the file declares (a sheet of ours keeps the one it
   * was imported with), else the file's modification time. Orders an office's versions.
   */
  submitted?: string;
  /** The file the office submitted, for a report imported from it into a sheet: what its notice names. */
  submission?: string;
}

/** Numeric view for arithmetic: blank → 0, unreadable or missing → NaN (never 0). */
export function numericValues(format: CompiledFormat, report: Report): Float64Array {
  const out = new Float64Array(format.cells.length);
  for (let i = 0; i < out.length; i++) {
    const r = report.readings[i];
    if (!r || r.status === 'invalid') out[i] = NaN;
    else out[i] = r.value ?? 0;
  }
  return out;
}
