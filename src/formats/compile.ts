/**
 * Expands a declarative format into flat cell and relation lists that the
 * engine, the layout and consolidation index by number.
 */
import { GRID_COLUMNS, LAST_TABLE_ROW, META_BACKUP_ROW, OVERVIEW_FIGURES_MAX, SECTION_VALUE_COLUMNS } from './limits';
import type { FormatDef, FormatId, HeaderNode, RelationDef, Severity, TableDef, Term, ValueKind } from './types';

export interface CellDef {
  id: string;
  index: number;
  table: string;
  row: string;
  column: string;
  kind: ValueKind;
  rowLabel: string;
  columnLabel: string;
}

export interface RelationTerm {
  index: number;
  coef: 1 | -1;
  previous: boolean;
  label: string;
}

/** One instance of a relation: sum(left) op sum(right), left/right as signed terms. */
export interface CompiledRelation {
  rule: string;
  severity: Severity;
  table: string;
  op: '=' | '<=';
  left: RelationTerm[];
  right: RelationTerm[];
  scope: string;
  leftLabel: string;
  rightLabel: string;
  /** Formula target (the total cell) and its parts, for relations the template fills with SUM. */
  formula?: { target: number; parts: number[] };
  crossYear: boolean;
  acrossFormats: boolean;
}

export interface CompiledShare {
  rule: string;
  severity: Severity;
  part: number[];
  whole: number;
  setting: 'otherShareMax';
  advice: string;
}

export interface TableAxes {
  rows: { id: string; label: string }[];
  columns: { id: string; label: string }[];
}

export interface CompiledFormat {
  def: FormatDef;
  id: FormatId;
  cells: CellDef[];
  index: Map<string, number>;
  relations: CompiledRelation[];
  shares: CompiledShare[];
  axes: Map<string, TableAxes>;
  /** Cells the template computes with a live SUM: total → its parts (the first formula relation naming it). */
  totals: Map<number, number[]>;
}

interface Leaf {
  ids: string[];
  labels: string[];
  short: string;
}

export function headerLeaves(nodes: HeaderNode[], ids: string[] = [], labels: string[] = []): Leaf[] {
  const out: Leaf[] = [];
  for (const n of nodes) {
    const nextIds = n.id ? [...ids, n.id] : ids;
    const nextLabels = [...labels, n.label];
    if (n.children?.length) out.push(...headerLeaves(n.children, nextIds, nextLabels));
    else out.push({ ids: nextIds, labels: nextLabels, short: n.short ?? n.label });
  }
  return out;
}

export function headerDepth(nodes: HeaderNode[]): number {
  return Math.max(...nodes.map((n) => 1 + (n.children?.length ? headerDepth(n.children) : 0)));
}

/** Rows a matrix table's labels take: the longest label path. */
export function labelLevels(rows: { path: string[] }[]): number {
  return Math.max(...rows.map((r) => r.path.length));
}

/** Rows the report sheet's layout uses for a table, below its title. */
function tableRows(t: TableDef): number {
  if (t.layout === 'sections') return t.sections.reduce((n, s) => n + 2 + s.rows.length, 0);
  if (t.layout === 'matrix') return headerDepth(t.columns) + t.rows.length;
  return headerDepth(t.columns) + 1;
}

/** The rows of the report sheet: title and subtitle, then per table a blank row, its title and the table. */
function sheetRows(def: FormatDef): number {
  return 2 + def.tables.reduce((n, t) => n + 2 + tableRows(t), 0);
}

const META_NOTE = '第 16 列（P）是隐藏的元数据列';

/** A definition the layout cannot place fails here, naming the part, in Chinese and English. */
function checkRoom(def: FormatDef): void {
  const fail = (zh: string, en: string) => {
    throw new Error(`${def.id}：${zh}（${en}）`);
  };
  for (const t of def.tables) {
    if (t.layout === 'sections') {
      for (const s of t.sections)
        if (!s.columns.length || s.columns.length > SECTION_VALUE_COLUMNS)
          fail(
            `表「${t.title}」的「${s.caption}」有 ${s.columns.length} 列，每节应有 1 至 ${SECTION_VALUE_COLUMNS} 列（${META_NOTE}）`,
            `table ${t.id}, section ${s.caption}: ${s.columns.length} columns, 1 to ${SECTION_VALUE_COLUMNS} fit before the metadata column P`,
          );
    } else {
      const leaves = headerLeaves(t.columns);
      const named = t.layout === 'matrix' ? 1 : 2;
      const unnamed = leaves.find((l) => l.ids.length < named);
      if (unnamed)
        fail(
          `表「${t.title}」的列「${unnamed.labels.join('／')}」缺少编号（id）`,
          `table ${t.id}: column ${unnamed.labels.join('/')} needs ${t.layout === 'matrix' ? 'an id' : 'a group id and an id'}`,
        );
      const labels = t.layout === 'matrix' ? labelLevels(t.rows) : 0;
      if (leaves.length + labels > GRID_COLUMNS)
        fail(
          `表「${t.title}」有 ${leaves.length} 个数值列${labels ? `和 ${labels} 级行标签` : ''}，报告表只有 ${GRID_COLUMNS} 列（${META_NOTE}）`,
          `table ${t.id}: ${leaves.length} value columns${labels ? ` and ${labels} label levels` : ''} do not fit in ${GRID_COLUMNS} columns before the metadata column P`,
        );
    }
  }
  const rows = sheetRows(def);
  if (rows > LAST_TABLE_ROW)
    fail(
      `各表共占 ${rows} 行，报告表的表格须在第 ${LAST_TABLE_ROW} 行以内（第 ${META_BACKUP_ROW} 行是隐藏的元数据备份行）`,
      `the tables take ${rows} rows; they must end by row ${LAST_TABLE_ROW}, above the metadata backup row ${META_BACKUP_ROW}`,
    );
  const columns = def.keyFigures.filter((f) => !f.comparisonOnly);
  if (columns.length > OVERVIEW_FIGURES_MAX)
    fail(
      `有 ${columns.length} 个关键数字要在汇总明细表中各占一列，最多 ${OVERVIEW_FIGURES_MAX} 个；其余请标为只用于同比（comparisonOnly）`,
      `${columns.length} key figures want an overview column, at most ${OVERVIEW_FIGURES_MAX} fit; mark the others comparisonOnly`,
    );
}

function groupLabel(labels: string[]): string {
  return labels.join('／');
}

/** The table's cells in reading order, with their row and column labels. */
function tableCells(t: TableDef): Omit<CellDef, 'index'>[] {
  const out: Omit<CellDef, 'index'>[] = [];
  if (t.layout === 'sections') {
    for (const s of t.sections)
      for (const r of s.rows)
        for (const c of s.columns)
          out.push({
            id: `${t.id}.${r.id}.${c.id}`,
            table: t.id,
            row: r.id,
            column: c.id,
            kind: c.kind ?? 'count',
            rowLabel: r.label,
            columnLabel: c.label,
          });
  } else if (t.layout === 'matrix') {
    const leaves = headerLeaves(t.columns);
    for (const r of t.rows)
      for (const l of leaves) {
        const col = l.ids.join('.');
        out.push({
          id: `${t.id}.${r.id}.${col}`,
          table: t.id,
          row: r.id,
          column: col,
          kind: 'count',
          rowLabel: r.short,
          columnLabel: l.short,
        });
      }
  } else {
    for (const l of headerLeaves(t.columns)) {
      const row = l.ids.slice(0, -1).join('.');
      const col = l.ids[l.ids.length - 1];
      out.push({
        id: `${t.id}.${row}.${col}`,
        table: t.id,
        row,
        column: col,
        kind: 'count',
        rowLabel: groupLabel(l.labels.slice(0, -1)),
        columnLabel: l.short,
      });
    }
  }
  return out;
}

function axesOf(cells: Omit<CellDef, 'index'>[]): TableAxes {
  const rows = new Map<string, string>();
  const columns = new Map<string, string>();
  for (const c of cells) {
    if (!rows.has(c.row)) rows.set(c.row, c.rowLabel);
    if (!columns.has(c.column)) columns.set(c.column, c.columnLabel);
  }
  const list = (m: Map<string, string>) => [...m].map(([id, label]) => ({ id, label }));
  return { rows: list(rows), columns: list(columns) };
}

function normTerm(t: Term): { id: string; sign: 1 | -1; previous: boolean } {
  return typeof t === 'string' ? { id: t, sign: 1, previous: false } : { id: t.id, sign: t.sign ?? 1, previous: !!t.previous };
}

function sideLabel(terms: RelationTerm[]): string {
  if (terms.length === 0) return '0';
  return terms
    .map((t, i) => {
      const text = (t.previous ? '上年度' : '') + t.label;
      if (i === 0) return t.coef < 0 ? `−${text}` : text;
      return `${t.coef < 0 ? ' − ' : ' + '}${text}`;
    })
    .join('');
}

function expandRelation(def: RelationDef, axes: TableAxes, index: Map<string, number>, formatId: string): CompiledRelation[] {
  const scopes: { id: string | null; label: string }[] = def.each
    ? (def.each.ids ?? (def.each.axis === 'row' ? axes.rows : axes.columns).map((x) => x.id)).map((id) => {
        const list = def.each!.axis === 'row' ? axes.rows : axes.columns;
        const found = list.find((x) => x.id === id);
        if (!found) throw new Error(`${formatId}: relation ${def.rule} names unknown ${def.each!.axis} ${id}`);
        return { id, label: `「${found.label}」${def.each!.axis === 'row' ? '行' : '列'}` };
      })
    : [{ id: null, label: '' }];

  return scopes.map((scope) => {
    const build = (terms: Term[]): RelationTerm[] =>
      terms.map((raw) => {
        const t = normTerm(raw);
        let cellId: string;
        let label: string;
        if (!def.each) {
          cellId = `${def.table}.${t.id}`;
          label = t.id;
        } else if (def.each.axis === 'row') {
          cellId = `${def.table}.${scope.id}.${t.id}`;
          label = axes.columns.find((c) => c.id === t.id)?.label ?? t.id;
        } else {
          cellId = `${def.table}.${t.id}.${scope.id}`;
          label = axes.rows.find((r) => r.id === t.id)?.label ?? t.id;
        }
        const idx = index.get(cellId);
        if (idx === undefined) throw new Error(`${formatId}: relation ${def.rule} names unknown cell ${cellId}`);
        return { index: idx, coef: t.sign, previous: t.previous, label };
      });
    const left = build(def.left);
    const right = build(def.right);
    const crossYear = [...left, ...right].some((t) => t.previous);
    const rel: CompiledRelation = {
      rule: def.rule,
      severity: def.severity,
      table: def.table,
      op: def.op,
      left,
      right,
      scope: scope.label,
      leftLabel: def.leftLabel ?? sideLabel(left),
      rightLabel: def.rightLabel ?? sideLabel(right),
      crossYear,
      acrossFormats: !!def.acrossFormats,
    };
    if (def.formula) {
      if (right.length !== 1 || def.op !== '=' || crossYear) throw new Error(`${formatId}: formula relation ${def.rule} needs one total cell on the right`);
      rel.formula = { target: right[0].index, parts: left.map((t) => t.index) };
    }
    return rel;
  });
}

export function compileFormat(def: FormatDef): CompiledFormat {
  checkRoom(def);
  const cells: CellDef[] = [];
  const index = new Map<string, number>();
  const axes = new Map<string, TableAxes>();
  for (const t of def.tables) {
    const list = tableCells(t);
    axes.set(t.id, axesOf(list));
    for (const c of list) {
      if (index.has(c.id)) throw new Error(`${def.id}: duplicate cell id ${c.id}`);
      index.set(c.id, cells.length);
      cells.push({ ...c, index: cells.length });
    }
  }
  const relations = def.relations.flatMap((r) => {
    const ax = axes.get(r.table);
    if (!ax) throw new Error(`${def.id}: relation ${r.rule} names unknown table ${r.table}`);
    return expandRelation(r, ax, index, def.id);
  });
  const shares = def.shares.map((s) => {
    const cell = (local: string) => {
      const i = index.get(`${s.table}.${local}`);
      if (i === undefined) throw new Error(`${def.id}: share ${s.rule} names unknown cell ${s.table}.${local}`);
      return i;
    };
    return { rule: s.rule, severity: s.severity, part: s.part.map(cell), whole: cell(s.whole), setting: s.setting, advice: s.advice };
  });
  for (const f of [...def.keyFigures.map((k) => ({ label: k.label, ids: k.sum })), ...def.keyRates.map((k) => ({ label: k.label, ids: [...k.part, ...k.whole] }))]) {
    const unknown = f.ids.find((id) => !index.has(id));
    if (unknown) throw new Error(`${def.id}：关键数字「${f.label}」引用了不存在的单元格 ${unknown}（key figure ${f.label} names unknown cell ${unknown}）`);
  }
  const totals = new Map<number, number[]>();
  for (const rel of relations) if (rel.formula && !totals.has(rel.formula.target)) totals.set(rel.formula.target, rel.formula.parts);
  return { def, id: def.id as FormatId, cells, index, relations, shares, axes, totals };
}
