/**
 * The lean read-only reader of an .xlsx: what reading submissions needs (FileReaders.workbook)
 * and nothing else. It inflates only the workbook, its shared strings, its styles and its
 * worksheets, and reads each in one streaming XML pass: values, formulas with their cached
 * results, merges, hidden rows and our metadata cells. Drawings, charts, pivot caches and the
 * like are never opened, so a part exceljs would choke on (a drawing in the default namespace)
 * cannot make a workbook unreadable. A worksheet that cannot be read is skipped and named.
 *
 * It gives what the exceljs adapter gives for the same file (test/unit/xlsx-lean-reader.test.ts
 * compares them), including exceljs's readings of dates, shared formulas and merged cells.
 */
import { environmentFailure, MEMORY_ADVICE } from '../environment';
import type { WorkbookContents } from '../../import/readers';
import { InputError } from '../../model/report-json';
import { findMeta } from '../../model/sheet-meta';
import type { CellContent, SheetData } from '../../model/sheet-data';
import { UNCOMPUTED } from '../../model/uncomputed';
import { META_BACKUP_ROW, META_COLUMN, META_ROW } from '../../layout/sheet-plan';
import { address, columnLetter } from '../../layout/a1';
import { FormulaEvaluator, type FormulaSource } from '../exceljs/formula';
import { ZipEntries, workbookPartOf } from './opc';
import { attr, parseXml } from './xml';

const CORRUPT = '无法打开该 Excel 文件，文件可能已损坏，或不是 .xlsx 格式';

/** Rows scanned for a metadata copy that moved (a row or column inserted): as the exceljs adapter does. */
const META_SCAN_ROWS = META_BACKUP_ROW + 20;
const META_SCAN_COLUMNS = 40;
/** Merged areas up to this many cells are indexed cell by cell; larger ones are tested by range. */
const MERGE_INDEX_CELLS = 10_000;

/** Built-in number formats that are dates or times (ECMA-376 18.8.30), as exceljs reads them. */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** exceljs's test for a date format: a date letter outside quotes and brackets. */
function isDateFormat(code: string): boolean {
  return /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** Excel's serial day to an ISO date, as the exceljs adapter shows a date cell. */
function serialDate(v: number, date1904: boolean): string {
  return new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 86_400_000)).toISOString().slice(0, 10);
}

function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + letters.charCodeAt(i) - 64;
  return n;
}

/** `A1` (or `$a$1`) → [row, col]; null for anything else. Hand-parsed: it runs once per cell. */
function cellRef(ref: string): [number, number] | null {
  let i = ref.charCodeAt(0) === 36 ? 1 : 0;
  let col = 0;
  const letters = i;
  for (let ch = ref.charCodeAt(i); (ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122); ch = ref.charCodeAt(++i)) col = col * 26 + ((ch & ~32) - 64);
  if (i === letters || i - letters > 3) return null;
  if (ref.charCodeAt(i) === 36) i++;
  let row = 0;
  const digits = i;
  for (let ch = ref.charCodeAt(i); ch >= 48 && ch <= 57; ch = ref.charCodeAt(++i)) row = row * 10 + (ch - 48);
  return i === ref.length && i > digits && i - digits <= 7 ? [row, col] : null;
}

/** The address as we key cells: upper case, no $ (the reference as written when it is already so). */
function plainAddress(ref: string, row: number, col: number): string {
  return /^[A-Z]{1,3}[1-9]\d*$/.test(ref) ? ref : address(row, col);
}

const SLIDE_CANDIDATE = /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi;
const SLIDE_REF = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i;

/** A shared formula as it reads in another cell of its range: relative references moved (exceljs's slideFormula). */
export function slideFormula(formula: string, from: [number, number], to: [number, number]): string {
  return formula.replace(SLIDE_CANDIDATE, (match, sheet: string | undefined, _s, part: string, paren: string | undefined) => {
    if (paren) return match;
    const m = SLIDE_REF.exec(part);
    if (!m) return match;
    const letters = m[2].toUpperCase();
    if (letters.length > 3 || (letters.length === 3 && letters > 'XFD')) return match;
    const col = columnNumber(letters) + (m[1] ? 0 : to[1] - from[1]);
    const row = Number(m[4]) + (m[3] ? 0 : to[0] - from[0]);
    return `${sheet ?? ''}${m[1] ?? ''}${columnLetter(col)}${m[3] ?? ''}${row}`;
  });
}

/** What a cell holds for the evaluator and the reader: its shown value, or a formula still to compute. */
type Stored = CellContent | { formula: string };

interface RawCell {
  row: number;
  col: number;
  addr: string;
  stored: Stored;
  formula?: string;
}

interface SheetParse {
  cells: RawCell[];
  merges: string[];
  hiddenRows: number[];
}

interface Shared {
  strings: string[];
  /** Number format id (or its code, when custom) of each cell style, by index. */
  dateStyles: Set<number>;
  date1904: boolean;
}

function readSharedStrings(xml: string | undefined): string[] {
  const out: string[] = [];
  if (!xml) return out;
  let text = '';
  let inT = false;
  let phonetic = 0;
  parseXml(xml, {
    open(name) {
      if (name === 'si') text = '';
      else if (name === 't') inT = true;
      else if (name === 'rPh') phonetic++;
    },
    text(t) {
      if (inT && !phonetic) text += t;
    },
    close(name) {
      if (name === 't') inT = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si') out.push(text);
    },
  });
  return out;
}

/** The cell styles whose number format is a date, as indexes into cellXfs. */
function readDateStyles(xml: string | undefined): Set<number> {
  const dates = new Set<number>();
  if (!xml) return dates;
  const custom = new Map<number, string>();
  let inXfs = false;
  let index = 0;
  parseXml(xml, {
    open(name, attrs) {
      if (name === 'numFmt') custom.set(Number(attr(attrs, 'numFmtId')), attr(attrs, 'formatCode') ?? '');
      else if (name === 'cellXfs') inXfs = true;
      else if (name === 'xf' && inXfs) {
        const id = Number(attr(attrs, 'numFmtId') ?? 0);
        const code = custom.get(id);
        if (id && (code !== undefined ? isDateFormat(code) : BUILTIN_DATE_FORMATS.has(id))) dates.add(index);
        index++;
      }
    },
    close(name) {
      if (name === 'cellXfs') inXfs = false;
    },
  });
  return dates;
}

/** One worksheet's cells, merges and hidden rows, in one pass. */
function parseSheet(xml: string, shared: Shared): SheetParse {
  const cells: RawCell[] = [];
  const merges: string[] = [];
  const hiddenRows: number[] = [];
  const sharedMasters = new Map<string, { at: [number, number]; formula: string }>();
  const sharedChildren: { cell: RawCell; si: string }[] = [];
  let row = 0;
  let col = 0;
  let seenSheetData = false;
  // The cell being read.
  let ref = '';
  let type = '';
  let style = 0;
  let value: string | undefined;
  let formula: string | undefined;
  let formulaAttrs: { t?: string; si?: string } | null = null;
  let inline: string | undefined;
  let into: 'v' | 'f' | 't' | null = null;
  let phonetic = 0;
  let inCell = false;
  parseXml(xml, {
    open(name, attrs) {
      switch (name) {
        case 'sheetData':
          seenSheetData = true;
          break;
        case 'row': {
          const r = Number(attrs.r);
          row = Number.isInteger(r) && r > 0 ? r : row + 1;
          col = 0;
          const hidden = attrs.hidden;
          if (hidden === '1' || hidden === 'true') hiddenRows.push(row);
          break;
        }
        case 'c':
          // Unprefixed attributes have no namespace: read directly, never by local name.
          inCell = true;
          ref = attrs.r ?? '';
          type = attrs.t ?? 'n';
          style = attrs.s ? Number(attrs.s) : 0;
          value = formula = inline = undefined;
          formulaAttrs = null;
          break;
        case 'v':
          if (inCell) into = 'v';
          break;
        case 'f':
          if (inCell) {
            into = 'f';
            formulaAttrs = { t: attrs.t, si: attrs.si };
          }
          break;
        case 't':
          if (inCell && !phonetic) into = 't';
          break;
        case 'rPh':
          phonetic++;
          break;
        case 'mergeCell': {
          const r = attrs.ref;
          if (r) merges.push(r.toUpperCase());
          break;
        }
      }
    },
    text(t) {
      if (into === 'v') value = (value ?? '') + t;
      else if (into === 'f') formula = (formula ?? '') + t;
      else if (into === 't') inline = (inline ?? '') + t;
    },
    close(name) {
      if (name === 'v' || name === 'f' || name === 't') into = null;
      else if (name === 'rPh') phonetic--;
      else if (name === 'c') {
        inCell = false;
        const at = cellRef(ref);
        const [r, c] = at ?? [row || 1, col + 1];
        col = c;
        const addr = at ? plainAddress(ref, r, c) : address(r, c);
        const cell = cellOf(r, c, addr, type, style, value, formula, formulaAttrs, inline, shared);
        if (formulaAttrs?.t === 'shared' && formulaAttrs.si !== undefined) {
          if (formula) sharedMasters.set(formulaAttrs.si, { at: [r, c], formula });
          else sharedChildren.push({ cell, si: formulaAttrs.si });
        }
        cells.push(cell);
      }
    },
  });
  if (!seenSheetData) throw new Error('not a worksheet');
  for (const { cell, si } of sharedChildren) {
    const master = sharedMasters.get(si);
    if (!master) continue;
    cell.formula = slideFormula(master.formula, master.at, [cell.row, cell.col]);
    // A shared formula's cell without a result is computed from its own (moved) formula.
    if (cell.stored !== null && typeof cell.stored === 'object') cell.stored = { formula: cell.formula };
  }
  return { cells, merges, hiddenRows };
}

/** A cell's content as the exceljs adapter reads it (see exceljs-workbook.ts `stored`). */
function cellOf(
  row: number,
  col: number,
  addr: string,
  type: string,
  style: number,
  value: string | undefined,
  formula: string | undefined,
  fAttrs: { t?: string } | null,
  inline: string | undefined,
  shared: Shared,
): RawCell {
  const isDate = shared.dateStyles.has(style);
  // An empty <f/> outside a shared formula is no formula (exceljs reads the cell as a value).
  if (fAttrs && (formula || fAttrs.t === 'shared')) {
    let stored: Stored;
    // exceljs keeps a cached result only when it is not empty; a cached date is computed again.
    if (value) {
      if (type === 'str' || type === 'e') stored = value;
      else if (type === 'b') stored = parseInt(value, 10) !== 0;
      else stored = isDate ? { formula: formula ?? '' } : parseFloat(value);
    } else stored = { formula: formula ?? '' };
    // A shared formula's other cells get theirs once the whole sheet is read.
    return { row, col, addr, stored, ...(formula ? { formula } : {}) };
  }
  let stored: Stored = null;
  if (type === 'inlineStr') stored = inline ?? null;
  else if (value !== undefined) {
    if (type === 's') stored = shared.strings[parseInt(value, 10)] ?? null;
    else if (type === 'str' || type === 'e') stored = value;
    else if (type === 'b') stored = parseInt(value, 10) !== 0;
    else if (type === 'd') stored = value.slice(0, 10);
    else {
      const n = parseFloat(value);
      stored = isDate && Number.isFinite(n) ? serialDate(n, shared.date1904) : n;
    }
  }
  return { row, col, addr, stored };
}

/** Merged areas: which cells are covered by another (their master), as exceljs resolves them. */
class Merges {
  private readonly small = new Map<string, string>();
  private readonly large: { top: number; left: number; bottom: number; right: number; master: string }[] = [];

  constructor(ranges: string[]) {
    for (const range of ranges) {
      const [a, b] = range.split(':');
      const p = cellRef(a);
      const q = b ? cellRef(b) : p;
      if (!p || !q) continue;
      const [top, bottom] = [Math.min(p[0], q[0]), Math.max(p[0], q[0])];
      const [left, right] = [Math.min(p[1], q[1]), Math.max(p[1], q[1])];
      const master = address(top, left);
      if ((bottom - top + 1) * (right - left + 1) > MERGE_INDEX_CELLS) this.large.push({ top, left, bottom, right, master });
      else for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) if (r !== top || c !== left) this.small.set(address(r, c), master);
    }
  }

  /** The master of a covered cell; undefined for any other. */
  masterOf(addr: string, row: number, col: number): string | undefined {
    const m = this.small.get(addr);
    if (m || !this.large.length) return m;
    for (const g of this.large) if (row >= g.top && row <= g.bottom && col >= g.left && col <= g.right && (row !== g.top || col !== g.left)) return g.master;
    return undefined;
  }
}

interface SheetEntry {
  name: string;
  parse: SheetParse;
  merges: Merges;
  byAddr: Map<string, RawCell>;
}

/** Every worksheet of an .xlsx/.xlsm as SheetData: the FileReaders.workbook of the CLI, the pane and the web page. */
export function readWorkbookContents(bytes: Uint8Array, inflated?: ReadonlyMap<string, Uint8Array>): WorkbookContents {
  let zip: ZipEntries;
  let sheets: { name: string; part: string | null; kind: string }[];
  let shared: Shared;
  try {
    zip = ZipEntries.open(bytes, inflated);
    const workbook = workbookPartOf(zip);
    const xml = workbook && zip.textOf(workbook);
    if (!workbook || !xml) throw new Error('no workbook');
    const rels = new Map(zip.relationships(workbook).map((r) => [r.id, r]));
    const listed: { name: string; id: string }[] = [];
    let date1904 = false;
    parseXml(xml, {
      open(name, attrs) {
        if (name === 'sheet') listed.push({ name: attr(attrs, 'name') ?? '', id: attr(attrs, 'id') ?? '' });
        else if (name === 'workbookPr') date1904 = ['1', 'true'].includes(attr(attrs, 'date1904') ?? '');
      },
    });
    sheets = listed.map((s) => {
      const rel = rels.get(s.id);
      return { name: s.name, part: rel?.part ?? null, kind: rel?.kind ?? '' };
    });
    const sst = [...rels.values()].find((r) => r.kind === 'sharedStrings')?.part;
    const styles = [...rels.values()].find((r) => r.kind === 'styles')?.part;
    zip.load([...(sst ? [sst] : []), ...(styles ? [styles] : []), ...sheets.filter((s) => s.kind === 'worksheet' && s.part).map((s) => s.part!)]);
    shared = { strings: readSharedStrings(sst ? zip.textOf(sst) : undefined), dateStyles: readDateStyles(styles ? zip.textOf(styles) : undefined), date1904 };
  } catch (e) {
    throw environmentFailure(e, '该 Excel 文件', MEMORY_ADVICE) ?? new InputError(CORRUPT);
  }
  const unreadable: string[] = [];
  const entries: SheetEntry[] = [];
  for (const s of sheets) {
    // Chart sheets hold no cells; other kinds (dialog, macro sheets) are named as not read.
    if (s.kind === 'chartsheet') continue;
    const xml = s.kind === 'worksheet' && s.part ? zip.textOf(s.part) : undefined;
    if (xml === undefined) {
      unreadable.push(`工作表“${s.name}”${s.kind === 'worksheet' ? '在文件中缺失' : '不是普通工作表'}，未读取`);
      continue;
    }
    try {
      const parse = parseSheet(xml, shared);
      entries.push({ name: s.name, parse, merges: new Merges(parse.merges), byAddr: new Map(parse.cells.map((c) => [c.addr, c])) });
    } catch {
      unreadable.push(`工作表“${s.name}”无法读取（内容已损坏），已跳过`);
    }
  }
  if (!entries.length && unreadable.length) throw new InputError(`${CORRUPT}（${unreadable.join('；')}）`);
  return { ...readEntries(entries), ...(unreadable.length ? { unreadable } : {}) };
}

function readEntries(entries: SheetEntry[]): WorkbookContents {
  const bySheet = new Map(entries.map((e) => [e.name.toLowerCase(), e]));
  const storedAt = (e: SheetEntry, addr: string, row: number, col: number): Stored | undefined => {
    const master = e.merges.masterOf(addr, row, col);
    return (master ? e.byAddr.get(master) : e.byAddr.get(addr))?.stored;
  };
  const evaluator = new FormulaEvaluator((sheet, addr) => {
    const e = bySheet.get(sheet.toLowerCase());
    const at = cellRef(addr);
    // Beyond Excel's grid: not a reference we compute.
    if (!e || !at || at[0] < 1 || at[0] > 1_048_576 || at[1] > 16_384) return undefined;
    return (storedAt(e, addr, at[0], at[1]) ?? null) as FormulaSource;
  });
  const sheets: SheetData[] = entries.map((e) => {
    // Row by row, left to right, as exceljs visits them: the evaluation budget is spent in the same order.
    const ordered = [...e.parse.cells].sort((a, b) => a.row - b.row || a.col - b.col);
    const cells = new Map<string, CellContent>();
    const formulas = new Map<string, string>();
    const rowsWithContent = new Set<number>();
    for (const c of ordered) {
      if (c.stored !== null) rowsWithContent.add(c.row);
      if (c.stored === null || e.merges.masterOf(c.addr, c.row, c.col)) continue;
      if (c.formula !== undefined) formulas.set(c.addr, c.formula);
      // A formula we cannot compute reads as a marker text: flagged at its cell, never a 0.
      cells.set(c.addr, typeof c.stored !== 'object' ? c.stored : c.formula !== undefined ? evaluator.compute(e.name, c.addr, c.formula) : UNCOMPUTED.unsupported);
    }
    // A formula cell is no metadata copy (findMeta takes text only).
    const text = (addr: string, row: number, col: number): unknown => storedAt(e, addr, row, col);
    const meta = findMeta(text(address(META_ROW, META_COLUMN), META_ROW, META_COLUMN), text(address(META_BACKUP_ROW, 1), META_BACKUP_ROW, 1), function* () {
      for (const c of ordered) if (c.row <= META_SCAN_ROWS && c.col <= META_SCAN_COLUMNS) yield text(c.addr, c.row, c.col);
    });
    return {
      name: e.name,
      meta: meta?.meta ?? null,
      ...(meta?.dropped.length ? { metaDropped: meta.dropped } : {}),
      cells,
      formulas,
      notes: new Map(),
      fills: new Map(),
      merges: e.parse.merges,
      // As exceljs lists them: hidden rows that hold something.
      hiddenRows: e.parse.hiddenRows.filter((r) => rowsWithContent.has(r)),
    };
  });
  return { sheets, formulasOverLimit: evaluator.overLimit };
}
