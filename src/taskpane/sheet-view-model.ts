/**
 * The web page's sheet view as data: which cells, their merges, styles, cell ids, what can be
 * typed into, and which are marked. Our sheets are laid out from their sheet plan; any other
 * sheet is shown as a plain grid with its merges. The React component only draws this.
 */
import { formats as defaultRegistry } from '../formats';
import type { CompiledFormat } from '../formats/compile';
import { GRID_COLUMNS, META_COLUMN, metaAddresses, type StyleName } from '../layout/sheet-plan';
import { address, parseAddress } from '../layout/a1';
import { canonicalPlan, DEPENDENT_TEXT, reportFromOurSheet } from '../layout/sheet-report';
import type { CellContent, SheetData } from '../model/sheet-data';
import { cellLabel } from '../rules/messages';
import type { Finding } from '../model/finding';
import type { Reading } from '../model/values';
import { markedCells } from '../app/highlights';
import type { SheetResult } from '../app/validate-sheets';

export type CellKind = 'title' | 'subtitle' | 'tableTitle' | 'header' | 'label' | 'input' | 'total' | 'plain';

export interface GridCell {
  address: string;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  text: string;
  kind: CellKind;
  /** The public cell id (requests.total.nonprofit) of a report's value cell. */
  cellId?: string;
  /** What the cell is, for a screen reader: 「本年新收」×「自然人」. */
  label?: string;
  editable: boolean;
  mark?: 'error' | 'warning';
  /** The findings at this cell, or the sheet's own note. */
  note?: string;
  /** Background colour (RRGGBB) of a foreign sheet's cell. */
  fill?: string;
  numeric: boolean;
}

export interface GridModel {
  sheet: string;
  /** Laid out from our sheet plan (true) or shown as found (false). */
  own: boolean;
  rows: { row: number; height?: number; cells: GridCell[] }[];
  columns: number;
  /** Why the grid stops short of the sheet's extent. */
  truncated?: string;
  /** Cell ids marked with an error. */
  invalid: string[];
}

export const MAX_VIEW_ROWS = 400;
const MAX_VIEW_COLUMNS = 40;

const SEVERITY_TEXT = { error: '错误', warning: '警告' } as const;
const OUR_NOTE = '年报助手校验';

function shown(v: CellContent | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

/** Marks by address: errors over warnings, each finding's note on its first marked cell. */
function marksOf(findings: Finding[], addressOf: (id: string) => string | undefined) {
  const mark = new Map<string, 'error' | 'warning'>();
  const notes = new Map<string, string[]>();
  const errors = findings.filter((f) => f.severity === 'error');
  const warnings = findings.filter((f) => f.severity === 'warning');
  for (const f of [...errors, ...warnings]) {
    markedCells(f).forEach((id, i) => {
      const addr = addressOf(id);
      if (!addr) return;
      if (!mark.has(addr)) mark.set(addr, f.severity as 'error' | 'warning');
      if (i === 0) notes.set(addr, [...(notes.get(addr) ?? []), `【${SEVERITY_TEXT[f.severity as 'error' | 'warning']}】${f.message}`]);
    });
  }
  return { mark, notes };
}

function kindOf(style: StyleName): CellKind {
  switch (style) {
    case 'title':
    case 'subtitle':
    case 'tableTitle':
    case 'header':
    case 'label':
      return style;
    case 'caption':
      return 'header';
    case 'input':
    case 'inputMoney':
    case 'inputSigned':
      return 'input';
    case 'total':
      return 'total';
    default:
      return 'plain';
  }
}

/** The sheet's own note at an address, never one of ours (ours are recomputed from the findings). */
function ownNote(sheet: SheetData, addr: string): string | undefined {
  const n = sheet.notes.get(addr);
  return n && !n.startsWith(OUR_NOTE) ? n : undefined;
}

/**
 * Builds the grid of one sheet. `result` gives the findings to mark (none before the clerk
 * validates); for our sheets, totals show the sum of their parts as the rules read them.
 */
export function buildGridModel(sheet: SheetData, result?: SheetResult | null): GridModel {
  const read = sheet.meta && !sheet.meta.role ? reportFromOurSheet(sheet, defaultRegistry, sheet.name) : null;
  if (read && 'report' in read) return ownGrid(sheet, read.report.readings, defaultRegistry.formatOf(read.report), result);
  // A sheet of ours whose rows were moved is shown as found: its plan no longer fits.
  return foreignGrid(sheet, result);
}

function ownGrid(sheet: SheetData, readings: (Reading | undefined)[], format: CompiledFormat, result?: SheetResult | null): GridModel {
  const plan = canonicalPlan(format);
  const byAddress = new Map<string, number>();
  for (const c of format.cells) byAddress.set(plan.addresses[c.id], c.index);
  const totals = new Set(format.totals.keys());
  // A summary's figures are sums of its members: corrected in the members, never typed here.
  const summary = !!sheet.meta?.members?.length;
  const { mark, notes } = marksOf(result?.findings ?? [], (id) => plan.addresses[id]);
  const covered = new Set<string>();
  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  for (const m of plan.merges) {
    spans.set(address(m.top, m.left), { rowSpan: m.bottom - m.top + 1, colSpan: m.right - m.left + 1 });
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(address(r, c));
  }
  const styleAt = new Map<string, StyleName>();
  for (const pc of plan.cells) if (pc.row <= plan.lastRow && pc.col <= GRID_COLUMNS) styleAt.set(address(pc.row, pc.col), pc.style);
  const invalid: string[] = [];
  const rows: GridModel['rows'] = [];
  for (let r = 1; r <= plan.lastRow; r++) {
    const cells: GridCell[] = [];
    for (let c = 1; c <= GRID_COLUMNS; c++) {
      const addr = address(r, c);
      if (covered.has(addr)) continue;
      const span = spans.get(addr) ?? { rowSpan: 1, colSpan: 1 };
      const index = byAddress.get(addr);
      const style = styleAt.get(addr);
      if (index !== undefined) {
        const def = format.cells[index];
        const isTotal = totals.has(index);
        const reading = readings[index];
        const text = isTotal && !sheet.formulas?.has(addr) ? shown(sheet.cells.get(addr)) : isTotal ? totalText(reading) : shown(sheet.cells.get(addr));
        const m = mark.get(addr);
        if (m === 'error') invalid.push(def.id);
        const note = notes.get(addr)?.join('\n') ?? ownNote(sheet, addr);
        cells.push({
          address: addr,
          row: r,
          col: c,
          ...span,
          text,
          kind: isTotal ? 'total' : 'input',
          cellId: def.id,
          label: cellLabel(def),
          editable: !isTotal && !summary && !sheet.formulas?.has(addr),
          numeric: true,
          ...(m ? { mark: m } : {}),
          ...(note ? { note } : {}),
        });
        continue;
      }
      // Titles and the subtitle carry the office and year: they come from the sheet, labels from the plan.
      const text = shown(sheet.cells.get(addr));
      cells.push({ address: addr, row: r, col: c, ...span, text, kind: style ? kindOf(style) : 'plain', editable: false, numeric: false });
    }
    rows.push({ row: r, height: plan.rowHeights[r], cells });
  }
  return { sheet: sheet.name, own: true, rows, columns: GRID_COLUMNS, invalid };
}

function totalText(reading: Reading | undefined): string {
  if (!reading) return '';
  if (reading.dependsOn) return DEPENDENT_TEXT;
  return reading.value === null ? '' : String(reading.value);
}

function foreignGrid(sheet: SheetData, result?: SheetResult | null): GridModel {
  // A sheet of ours keeps a record of what it is in hidden cells, in a column hidden for it: neither is shown.
  const record = new Set(sheet.meta ? metaAddresses(sheet.meta) : []);
  const hiddenColumn = sheet.meta ? META_COLUMN : 0;
  let lastRow = 0;
  let lastCol = 0;
  for (const [addr, v] of sheet.cells) {
    if (v === null || v === '' || record.has(addr)) continue;
    const p = parseAddress(addr);
    lastRow = Math.max(lastRow, p.row);
    lastCol = Math.max(lastCol, p.col);
  }
  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  const covered = new Set<string>();
  for (const range of sheet.merges ?? []) {
    const [a, b = a] = range.split(':');
    const p = parseAddress(a);
    const q = parseAddress(b);
    spans.set(address(p.row, p.col), { rowSpan: q.row - p.row + 1, colSpan: q.col - p.col + 1 });
    for (let r = p.row; r <= q.row; r++) for (let c = p.col; c <= q.col; c++) if (r !== p.row || c !== p.col) covered.add(address(r, c));
    lastRow = Math.max(lastRow, q.row);
    lastCol = Math.max(lastCol, q.col);
  }
  const rowsShown = Math.min(lastRow, MAX_VIEW_ROWS);
  const colsShown = Math.min(lastCol, MAX_VIEW_COLUMNS);
  const truncated = lastRow > MAX_VIEW_ROWS || lastCol > MAX_VIEW_COLUMNS ? `此表较大，只显示前 ${rowsShown} 行、${colsShown} 列；完整内容请下载后查看。` : undefined;
  const idAt = new Map(Object.entries(result?.addresses ?? {}).map(([id, addr]) => [addr, id]));
  const { mark, notes } = marksOf(result?.findings ?? [], (id) => result?.addresses[id]);
  const hidden = new Set(sheet.hiddenRows ?? []);
  const invalid: string[] = [];
  const rows: GridModel['rows'] = [];
  for (let r = 1; r <= rowsShown; r++) {
    if (hidden.has(r)) continue;
    const cells: GridCell[] = [];
    for (let c = 1; c <= colsShown; c++) {
      const addr = address(r, c);
      if (covered.has(addr) || c === hiddenColumn) continue;
      const raw = record.has(addr) ? null : sheet.cells.get(addr);
      const span = spans.get(addr) ?? { rowSpan: 1, colSpan: 1 };
      const cellId = idAt.get(addr);
      const m = mark.get(addr);
      if (m === 'error' && cellId) invalid.push(cellId);
      const note = notes.get(addr)?.join('\n') ?? ownNote(sheet, addr);
      const fill = sheet.fills.get(addr);
      cells.push({
        address: addr,
        row: r,
        col: c,
        rowSpan: Math.min(span.rowSpan, rowsShown - r + 1),
        colSpan: Math.min(span.colSpan, colsShown - c + 1),
        text: shown(raw),
        kind: 'plain',
        editable: false,
        numeric: typeof raw === 'number',
        ...(cellId ? { cellId, label: result?.labels[cellId] } : {}),
        ...(m ? { mark: m } : {}),
        ...(note ? { note } : {}),
        ...(fill && fill !== 'FFFFFF' ? { fill } : {}),
      });
    }
    rows.push({ row: r, cells });
  }
  const columns = colsShown - (hiddenColumn && hiddenColumn <= colsShown ? 1 : 0);
  return { sheet: sheet.name, own: false, rows, columns, invalid, ...(truncated ? { truncated } : {}) };
}

/** The cell below (or above) an editable cell, for moving with Enter and the arrow keys. */
export function nextEditable(model: GridModel, from: string, step: 1 | -1): string | undefined {
  const p = parseAddress(from);
  const editable = model.rows.flatMap((r) => r.cells.filter((c) => c.editable && c.col === p.col));
  const list = step > 0 ? editable.filter((c) => c.row > p.row) : editable.filter((c) => c.row < p.row).reverse();
  return list[0]?.address;
}
