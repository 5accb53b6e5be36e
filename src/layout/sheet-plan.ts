/**
 * Turns a format into a declarative sheet plan: its tables on a 15-column grid, with
 * merges, styles, live formulas, conditional formats, data validation and the sheet's
 * metadata. Both workbook adapters execute it. Every slot is derived from the definition,
 * within the room compileFormat checked (formats/limits).
 */
import { REPORT_OUTLINE } from '../formats/report-outline';
import { headerDepth, headerLeaves, labelLevels, type CompiledFormat, type CompiledRelation } from '../formats/compile';
import { GRID_COLUMNS, LAST_TABLE_ROW, META_BACKUP_ROW, META_COLUMN, META_ROW, SECTION_LABEL_COLUMNS, SECTION_VALUE_COLUMNS } from '../formats/limits';
import type { HeaderNode, MatrixTable, SectionsTable, HeaderRowTable, ValueKind, Severity } from '../formats/types';
import { encodeMeta, type SheetMeta } from '../model/sheet-meta';
import type { Reading } from '../model/values';
import { address, compactRanges } from './a1';
import { reportSheetName } from './sheet-name';
import { clipText } from '../rules/messages';

export { GRID_COLUMNS, META_BACKUP_ROW, META_COLUMN, META_ROW };

/** Where a sheet's metadata copies live: report sheets keep two, list sheets (overview, sources) one. */
export function metaAddresses(meta: SheetMeta): string[] {
  const main = address(META_ROW, META_COLUMN);
  return meta.role ? [main] : [main, address(META_BACKUP_ROW, 1)];
}

function metaCells(meta: SheetMeta): PlanCell[] {
  const value = encodeMeta(meta);
  const cells: PlanCell[] = [{ row: META_ROW, col: META_COLUMN, value, style: 'meta' }];
  if (!meta.role) cells.push({ row: META_BACKUP_ROW, col: 1, value, style: 'meta' });
  return cells;
}

export type StyleName = 'title' | 'subtitle' | 'tableTitle' | 'caption' | 'header' | 'label' | 'input' | 'inputMoney' | 'inputSigned' | 'total' | 'text' | 'number' | 'delta' | 'percent' | 'meta';

export interface PlanStyle {
  bold?: boolean;
  size?: number;
  color?: string;
  fill?: string;
  border?: boolean;
  hAlign?: 'left' | 'center' | 'right';
  wrap?: boolean;
  numFmt?: string;
  locked?: boolean;
}

export const FONT = '宋体';
export const INPUT_FILL = 'FFFBE6';
export const TOTAL_FILL = 'EDEDED';
export const HEADER_FILL = 'F2F2F2';
export const MARK_FILL: Record<'error' | 'warning', string> = { error: 'FFC7CE', warning: 'FFEB9C' };

export const STYLES: Record<StyleName, PlanStyle> = {
  title: { bold: true, size: 16, hAlign: 'center', locked: true },
  subtitle: { size: 10, color: '595959', hAlign: 'center', locked: true },
  tableTitle: { bold: true, size: 12, hAlign: 'left', locked: true },
  caption: { bold: true, size: 10, hAlign: 'center', border: true, fill: HEADER_FILL, locked: true },
  header: { bold: true, size: 10, hAlign: 'center', border: true, wrap: true, fill: HEADER_FILL, locked: true },
  label: { size: 10, hAlign: 'left', border: true, wrap: true, locked: true },
  input: { size: 10, hAlign: 'right', border: true, fill: INPUT_FILL, numFmt: '0', locked: false },
  inputMoney: { size: 10, hAlign: 'right', border: true, fill: INPUT_FILL, numFmt: '0.00####', locked: false },
  inputSigned: { size: 10, hAlign: 'right', border: true, fill: INPUT_FILL, numFmt: '+0;-0;0', locked: false },
  total: { bold: true, size: 10, hAlign: 'right', border: true, fill: TOTAL_FILL, numFmt: '0', locked: false },
  text: { size: 10, hAlign: 'left', border: true, wrap: true, locked: false },
  number: { size: 10, hAlign: 'right', border: true, numFmt: '0.######', locked: false },
  delta: { size: 10, hAlign: 'right', border: true, numFmt: '+0.######;-0.######;0', locked: false },
  percent: { size: 10, hAlign: 'right', border: true, numFmt: '+0.0%;-0.0%;0.0%', locked: false },
  meta: { size: 8, color: 'FFFFFF', locked: true },
};

export interface PlanCell {
  row: number;
  col: number;
  value?: string | number | null;
  /** Without the leading '='. */
  formula?: string;
  style: StyleName;
  cellId?: string;
  /** A link to another sheet of the workbook, by name. */
  link?: string;
  /** A note on the cell: why an imported value is not a number. */
  note?: string;
}

/** Written where an imported report has no value for a cell, so the gap stays an error, never a blank. */
const NOT_READ_TEXT = '未读取';

export interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** What an input cell accepts, host-neutral: each adapter says it in its host's words. */
export interface InputRule {
  type: 'whole' | 'decimal';
  min: number;
  /** Unbounded above when absent. */
  max?: number;
}

export interface PlanValidation {
  ranges: string[];
  kind: ValueKind;
  rule: InputRule;
  /** The stop alert shown on a value the rule refuses. */
  title: string;
  message: string;
}

export interface PlanConditionalFormat {
  range: string;
  formula: string;
  severity: Exclude<Severity, 'info'>;
}

/**
 * A native chart of horizontal bars over a block of this sheet's cells: the categories in one
 * column, the figures in the next. Each host draws it as its own chart (Office.js, WPS, the
 * chart parts written beside exceljs's), so it stays live with those cells. A blank figure cell
 * is drawn as a gap, never as 0.
 */
export interface PlanChart {
  title: string;
  seriesName: string;
  /** A1 ranges on this sheet, one column each, the same rows. */
  categories: string;
  values: string;
  /** The figures' number format, for the labels on the bars. */
  numFmt: string;
  /** The cells it covers (1-based, inclusive). */
  anchor: Merge;
}

export interface SheetPlan {
  name: string;
  meta: SheetMeta;
  columnWidths: number[];
  rowHeights: Record<number, number>;
  cells: PlanCell[];
  merges: Merge[];
  validations: PlanValidation[];
  conditionalFormats: PlanConditionalFormat[];
  /** Cell id → A1 address. */
  addresses: Record<string, string>;
  /** Bottom-right of the used grid. */
  lastRow: number;
  /** Rows kept in view while scrolling. */
  freezeRows?: number;
  /** A filter on this range (its first row is the header). */
  autoFilter?: string;
  /** Rows to hide (the metadata backup row). */
  hiddenRows?: number[];
  /** Charts over the sheet's own cells. */
  charts?: PlanChart[];
}

export interface PlanOptions {
  office: string;
  year: number;
  level?: SheetMeta['level'];
  /** Totals as live SUM formulas (template) or as given values (import, values-only summary). */
  totals?: 'formula' | 'values';
  /** Values to write, by cell index: numbers, or the raw text of unreadable cells. */
  readings?: (Reading | undefined)[];
  /** A formula per cell index overriding everything else (e.g. a summary's references to members). */
  cellFormulas?: (string | undefined)[];
  extraMeta?: Partial<SheetMeta>;
  name?: string;
}

const COLUMN_WIDTH = 9.5;
const LINE_HEIGHT = 14;
/** Sections: the label in A:F, the values in G:O. */
const SECTION_LABEL: [number, number] = [1, SECTION_LABEL_COLUMNS];

/**
 * A section's value slots: equal widths (three columns each for up to three values), the
 * last one reaching the grid's edge. Three values: G:I, J:L, M:O; two: G:I, J:O; four: G:H … M:O.
 */
export function sectionSlots(n: number): [number, number][] {
  const width = Math.floor(SECTION_VALUE_COLUMNS / Math.max(n, 3));
  const first = SECTION_LABEL_COLUMNS + 1;
  return Array.from({ length: n }, (_, i) => [first + i * width, i === n - 1 ? GRID_COLUMNS : first + (i + 1) * width - 1]);
}

/**
 * A matrix table's label bands, one per level, over the columns its values leave free, the
 * later levels wider: 7 values and 3 levels give A:B, C:E, F:H and values from I.
 */
export function labelBands(values: number, levels: number): [number, number][] {
  const free = GRID_COLUMNS - values;
  const base = Math.floor(free / levels);
  const wider = free % levels;
  const bands: [number, number][] = [];
  let col = 1;
  for (let j = 0; j < levels; j++) {
    const width = base + (j >= levels - wider ? 1 : 0);
    bands.push([col, col + width - 1]);
    col += width;
  }
  return bands;
}

/**
 * Nothing of a plan but its metadata may stand in the hidden metadata column, nor (on a
 * report sheet) in the backup row: a value there would be hidden, or would break the metadata.
 */
function assertClearOfMeta(plan: Pick<SheetPlan, 'name' | 'cells' | 'merges'>, backupRow: boolean): void {
  const hit =
    plan.cells.find((c) => c.style !== 'meta' && (c.col === META_COLUMN || (backupRow && c.row === META_BACKUP_ROW))) ??
    plan.merges.find((m) => (m.left <= META_COLUMN && m.right >= META_COLUMN) || (backupRow && m.top <= META_BACKUP_ROW && m.bottom >= META_BACKUP_ROW));
  if (hit) {
    const at = 'col' in hit ? address(hit.row, hit.col) : address(hit.top, hit.left);
    throw new Error(`工作表“${plan.name}”的布局在 ${at} 处触及隐藏的元数据列或备份行（the layout of ${plan.name} reaches the metadata column or backup row at ${at}）`);
  }
}

function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return w;
}

function lines(s: string, columns: number): number {
  return Math.max(1, Math.ceil(textWidth(s) / (columns * COLUMN_WIDTH - 1)));
}

class PlanBuilder {
  cells: PlanCell[] = [];
  merges: Merge[] = [];
  rowHeights: Record<number, number> = {};
  row = 1;

  put(row: number, col: number, value: string | number | null, style: StyleName, span?: { bottom: number; right: number }) {
    this.cells.push({ row, col, value, style });
    if (span && (span.bottom > row || span.right > col)) {
      this.merges.push({ top: row, left: col, bottom: span.bottom, right: span.right });
      // Bordered merged areas need every covered cell styled, or borders break in other programs.
      for (let r = row; r <= span.bottom; r++) for (let c = col; c <= span.right; c++) if (r !== row || c !== col) this.cells.push({ row: r, col: c, style });
    }
    if (style === 'label' || style === 'header') {
      const height = lines(String(value ?? ''), (span?.right ?? col) - col + 1) * LINE_HEIGHT + 4;
      const rows = (span?.bottom ?? row) - row + 1;
      const per = height / rows;
      for (let r = row; r < row + rows; r++) this.rowHeights[r] = Math.max(this.rowHeights[r] ?? 18, per);
    }
  }

  wide(value: string, style: StyleName, height?: number) {
    this.put(this.row, 1, value, style, { bottom: this.row, right: GRID_COLUMNS });
    if (height) this.rowHeights[this.row] = height;
    this.row++;
  }
}

function leafCount(n: HeaderNode): number {
  return n.children ? n.children.reduce((s, c) => s + leafCount(c), 0) : 1;
}

/** Lays a header tree out from (top, left); leaves span down to the last header row. */
function layHeader(b: PlanBuilder, nodes: HeaderNode[], top: number, left: number, depth: number) {
  let col = left;
  for (const n of nodes) {
    const width = leafCount(n);
    const bottom = n.children ? top : top + depth - 1;
    b.put(top, col, n.label, 'header', { bottom, right: col + width - 1 });
    if (n.children) layHeader(b, n.children, top + 1, col, depth - 1);
    col += width;
  }
}

function inputStyle(kind: ValueKind): StyleName {
  return kind === 'money' ? 'inputMoney' : kind === 'signed' ? 'inputSigned' : 'input';
}

/** A plain list sheet (overview, sources): given cells, column widths and its metadata; no report layout. */
export function listPlan(opts: { name: string; meta: SheetMeta; cells: PlanCell[]; columnWidths: number[]; lastRow: number; freezeRows?: number; autoFilter?: string }): SheetPlan {
  const { meta, cells, ...rest } = opts;
  assertClearOfMeta({ name: opts.name, cells, merges: [] }, false);
  return {
    ...rest,
    meta,
    cells: [...cells, ...metaCells(meta)],
    rowHeights: {},
    merges: [],
    validations: [],
    conditionalFormats: [],
    addresses: {},
  };
}

/**
 * The sheet column of a list sheet's n-th column (from 1): list sheets wider than the grid
 * step over the hidden metadata column.
 */
export function listColumn(n: number): number {
  return n < META_COLUMN ? n : n + 1;
}

/** The tables of a format as laid out below the two title rows: the same for every sheet of that format. */
interface TablesLayout {
  cells: PlanCell[];
  merges: Merge[];
  rowHeights: Record<number, number>;
  positions: Map<number, { row: number; col: number }>;
  /** The row after the last table. */
  end: number;
  formulaOf: Map<number, string>;
  validations: PlanValidation[];
  conditionalFormats: SheetPlan['conditionalFormats'];
}

/** Laid out once per format: hundreds of members' sheets otherwise measure every label's lines again. */
const layouts = new WeakMap<CompiledFormat, TablesLayout>();

/** The rows the title and subtitle take above the tables. */
const TITLE_ROWS = 2;

function tablesLayout(format: CompiledFormat): TablesLayout {
  const known = layouts.get(format);
  if (known) return known;
  const b = new PlanBuilder();
  b.row = TITLE_ROWS + 1;
  const positions = new Map<number, { row: number; col: number }>();
  const cellAt = (table: string, row: string, col: string) => format.index.get(`${table}.${row}.${col}`)!;
  for (const t of format.def.tables) {
    b.row++;
    b.wide(t.title, 'tableTitle', 22);
    if (t.layout === 'sections') laySections(b, t, (r, c) => cellAt(t.id, r, c), positions);
    else if (t.layout === 'matrix') layMatrix(b, t, (r, c) => cellAt(t.id, r, c), positions);
    else layHeaderRow(b, t, format, positions);
  }
  const layout: TablesLayout = {
    cells: b.cells,
    merges: b.merges,
    rowHeights: b.rowHeights,
    positions,
    end: b.row,
    formulaOf: formulaTargets(format, positions),
    validations: validations(format, positions),
    conditionalFormats: conditionalFormats(format, positions),
  };
  layouts.set(format, layout);
  return layout;
}

export function buildSheetPlan(format: CompiledFormat, opts: PlanOptions): SheetPlan {
  const b = new PlanBuilder();
  b.wide(`${opts.office}${opts.year}${REPORT_OUTLINE.titleSuffix}（法定表格）`, 'title', 30);
  b.wide(`填报单位：${opts.office}　　报告年度：${opts.year}年　　表格格式：${format.def.name}（${format.def.notice}）`, 'subtitle', 18);
  const layout = tablesLayout(format);
  // Copies: a plan's cells and merges are its own to change.
  for (const c of layout.cells) b.cells.push({ ...c });
  for (const m of layout.merges) b.merges.push({ ...m });
  Object.assign(b.rowHeights, layout.rowHeights);
  b.row = layout.end;
  const { positions, formulaOf } = layout;

  const totals = opts.totals ?? 'formula';
  const addresses: Record<string, string> = {};
  for (const c of format.cells) {
    const pos = positions.get(c.index)!;
    addresses[c.id] = address(pos.row, pos.col);
    const override = opts.cellFormulas?.[c.index];
    const sum = formulaOf.get(c.index);
    const reading = opts.readings?.[c.index];
    const style: StyleName = sum ? 'total' : inputStyle(c.kind);
    const cell: PlanCell = { row: pos.row, col: pos.col, style, cellId: c.id };
    if (override) cell.formula = override;
    else if (sum && (totals === 'formula' || reading?.dependsOn)) cell.formula = sum;
    // With a formula, a known number is kept as the cell's cached result.
    if (cell.formula) {
      if (reading && reading.status !== 'invalid' && reading.value !== null) cell.value = reading.value;
    } else if (opts.readings && !reading) {
      cell.value = NOT_READ_TEXT;
      cell.note = '导入时在原文件中没有找到这一格的数，请对照原文件填写。';
    } else if (reading?.status === 'invalid') {
      cell.value = reading.raw ?? NOT_READ_TEXT;
      cell.note = `此格读到的是“${clipText(reading.raw ?? '')}”，不是数字；改为数字后才能校验和汇总。`;
    } else cell.value = reading ? reading.value : null;
    b.cells.push(cell);
  }

  const meta: SheetMeta = {
    app: 'nianbao',
    v: 1,
    format: format.id,
    year: opts.year,
    office: opts.office,
    ...(opts.level ? { level: opts.level } : {}),
    ...(totals === 'values' ? { totals: 'values' as const } : {}),
    ...opts.extraMeta,
  };
  const name = opts.name ?? reportSheetName(opts.office, opts.year);
  if (b.row - 1 > LAST_TABLE_ROW) throw new Error(`${format.id}：表格占到第 ${b.row - 1} 行，超过第 ${LAST_TABLE_ROW} 行（the tables end at row ${b.row - 1}, past row ${LAST_TABLE_ROW}）`);
  assertClearOfMeta({ name, cells: b.cells, merges: b.merges }, true);
  b.cells.push(...metaCells(meta));

  return {
    name,
    meta,
    columnWidths: Array.from({ length: GRID_COLUMNS }, () => COLUMN_WIDTH),
    rowHeights: b.rowHeights,
    cells: b.cells,
    merges: b.merges,
    validations: layout.validations.map((v) => ({ ...v, ranges: [...v.ranges] })),
    conditionalFormats: layout.conditionalFormats.map((cf) => ({ ...cf })),
    addresses,
    lastRow: b.row - 1,
    hiddenRows: [META_BACKUP_ROW],
  };
}

function laySections(b: PlanBuilder, t: SectionsTable, idx: (row: string, col: string) => number, positions: Map<number, { row: number; col: number }>) {
  for (const s of t.sections) {
    b.put(b.row, 1, s.caption, 'caption', { bottom: b.row, right: GRID_COLUMNS });
    b.row++;
    const slots = sectionSlots(s.columns.length);
    b.put(b.row, SECTION_LABEL[0], t.labelHeader, 'header', { bottom: b.row, right: SECTION_LABEL[1] });
    s.columns.forEach((c, i) => b.put(b.row, slots[i][0], c.label, 'header', { bottom: b.row, right: slots[i][1] }));
    b.row++;
    for (const r of s.rows) {
      b.put(b.row, SECTION_LABEL[0], r.label, 'label', { bottom: b.row, right: SECTION_LABEL[1] });
      s.columns.forEach((c, i) => {
        positions.set(idx(r.id, c.id), { row: b.row, col: slots[i][0] });
        // The value cell itself is written later; here only its merge and border.
        b.merges.push({ top: b.row, left: slots[i][0], bottom: b.row, right: slots[i][1] });
        for (let col = slots[i][0] + 1; col <= slots[i][1]; col++) b.cells.push({ row: b.row, col, style: 'label' });
      });
      b.row++;
    }
  }
}

function layMatrix(b: PlanBuilder, t: MatrixTable, idx: (row: string, col: string) => number, positions: Map<number, { row: number; col: number }>) {
  const depth = headerDepth(t.columns);
  // A leaf's column id joins the ids of its header path: a group with an id names its columns.
  const leaves = headerLeaves(t.columns).map((l) => l.ids.join('.'));
  const bands = labelBands(leaves.length, labelLevels(t.rows));
  const labelEnd = bands[bands.length - 1][1];
  const top = b.row;
  b.put(top, 1, t.corner, 'header', { bottom: top + depth - 1, right: labelEnd });
  layHeader(b, t.columns, top, labelEnd + 1, depth);
  b.row += depth;

  const first = b.row;
  t.rows.forEach((r, i) => {
    const row = first + i;
    leaves.forEach((col, j) => positions.set(idx(r.id, col), { row, col: labelEnd + 1 + j }));
  });
  // Each label level merges down over the following rows that share the same label path.
  for (let level = 0; level < bands.length; level++) {
    let i = 0;
    while (i < t.rows.length) {
      const path = t.rows[i].path;
      if (level >= path.length) {
        i++;
        continue;
      }
      const isLast = level === path.length - 1;
      let j = i;
      const prefix = path.slice(0, level + 1).join('|');
      if (!isLast) while (j + 1 < t.rows.length && t.rows[j + 1].path.slice(0, level + 1).join('|') === prefix) j++;
      const right = isLast ? labelEnd : bands[level][1];
      b.put(first + i, bands[level][0], path[level], 'label', { bottom: first + j, right });
      i = j + 1;
    }
  }
  b.row = first + t.rows.length;
}

function layHeaderRow(b: PlanBuilder, t: HeaderRowTable, format: CompiledFormat, positions: Map<number, { row: number; col: number }>) {
  const depth = headerDepth(t.columns);
  layHeader(b, t.columns, b.row, 1, depth);
  b.row += depth;
  const cells = format.cells.filter((c) => c.table === t.id);
  cells.forEach((c, i) => positions.set(c.index, { row: b.row, col: 1 + i }));
  b.rowHeights[b.row] = 20;
  b.row++;
}

function sumExpression(indices: number[], positions: Map<number, { row: number; col: number }>, absolute = false): string {
  if (indices.length === 0) return '0';
  const cells = indices.map((i) => positions.get(i)!);
  return `SUM(${compactRanges(cells, absolute).join(',')})`;
}

/** Each total cell gets SUM of its parts. */
function formulaTargets(format: CompiledFormat, positions: Map<number, { row: number; col: number }>) {
  const out = new Map<number, string>();
  for (const [target, parts] of format.totals) out.set(target, sumExpression(parts, positions));
  return out;
}

function sideExpression(side: CompiledRelation['left'], positions: Map<number, { row: number; col: number }>): string {
  const plus = side.filter((t) => t.coef > 0).map((t) => t.index);
  const minus = side.filter((t) => t.coef < 0).map((t) => t.index);
  const p = sumExpression(plus, positions, true);
  return minus.length ? `(${p}-${sumExpression(minus, positions, true)})` : p;
}

/** Live checks for every within-year relation: a formula cannot enforce a balance, but a highlight can show it. */
function conditionalFormats(format: CompiledFormat, positions: Map<number, { row: number; col: number }>) {
  const out: PlanConditionalFormat[] = [];
  for (const rel of format.relations) {
    if (rel.crossYear || rel.severity === 'info') continue;
    const diff = `ROUND(${sideExpression(rel.left, positions)}-${sideExpression(rel.right, positions)},6)`;
    const formula = rel.op === '=' ? `${diff}<>0` : `${diff}>0`;
    const painted = rel.formula ? [rel.formula.target] : [...rel.left, ...rel.right].map((t) => t.index);
    const sorted = [...new Set(painted)].map((i) => positions.get(i)!).sort((a, b) => a.col - b.col || a.row - b.row);
    for (const range of compactRanges(sorted)) out.push({ range, formula, severity: rel.severity });
  }
  return out;
}

function validations(format: CompiledFormat, positions: Map<number, { row: number; col: number }>): PlanValidation[] {
  const byKind = new Map<ValueKind, { row: number; col: number }[]>();
  for (const c of format.cells) {
    const list = byKind.get(c.kind) ?? [];
    list.push(positions.get(c.index)!);
    byKind.set(c.kind, list);
  }
  return [...byKind].map(([kind, cells]) => ({
    kind,
    ranges: compactRanges(cells.sort((a, b) => a.row - b.row || a.col - b.col)),
    ...INPUT_RULES[kind],
  }));
}

/** Beyond any real count, so a typo of many digits is still refused; hosts need a bound for 'between'. */
const SIGNED_BOUND = 1e9;

/** What each kind of value accepts as typed, and what the clerk is told when it refuses. */
const INPUT_RULES: Record<ValueKind, { rule: InputRule; title: string; message: string }> = {
  count: { rule: { type: 'whole', min: 0 }, title: '请输入件数', message: '请输入不小于 0 的整数。' },
  money: { rule: { type: 'decimal', min: 0 }, title: '请输入金额', message: '请输入不小于 0 的金额，单位为万元，可带小数。' },
  signed: { rule: { type: 'whole', min: -SIGNED_BOUND, max: SIGNED_BOUND }, title: '请输入增减数', message: '请输入整数，减少时填负数，如 -3。' },
};
