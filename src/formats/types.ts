/**
 * Declarative description of one statutory version of the report tables.
 * Everything else (layout, formulas, rules, consolidation) is derived from it.
 */

export type ValueKind = 'count' | 'signed' | 'money';
export type Severity = 'error' | 'warning' | 'info';

/** A node of a column-header tree. Leaves are value columns; `id` joins into the cell id. */
export interface HeaderNode {
  label: string;
  id?: string;
  /** Short form used in messages, when the printed label is long. */
  short?: string;
  children?: HeaderNode[];
}

export interface SectionColumn {
  id: string;
  label: string;
  kind?: ValueKind;
}

export interface SectionRow {
  id: string;
  label: string;
}

export interface Section {
  caption: string;
  columns: SectionColumn[];
  rows: SectionRow[];
}

/** 二、主动公开: captioned sections, each a small label × values grid. */
export interface SectionsTable {
  id: string;
  layout: 'sections';
  title: string;
  labelHeader: string;
  sections: Section[];
}

/** A row of a matrix table: its printed label path (level 1 → 3) and a short form for messages. */
export interface MatrixRow {
  id: string;
  path: string[];
  short: string;
}

/** 三、依申请公开: hierarchical row labels × hierarchical column headers. */
export interface MatrixTable {
  id: string;
  layout: 'matrix';
  title: string;
  corner: string;
  columns: HeaderNode[];
  rows: MatrixRow[];
}

/** 四、复议诉讼: one data row under a header tree whose nodes with ids name `group.column`. */
export interface HeaderRowTable {
  id: string;
  layout: 'header-row';
  title: string;
  columns: HeaderNode[];
}

export type TableDef = SectionsTable | MatrixTable | HeaderRowTable;

/**
 * A term of a linear relation. A bare string is relative to the relation's scope:
 * a column id when iterating rows, a row id when iterating columns, else `row.column`.
 */
export type Term = string | { id: string; sign?: -1; previous?: true };

/**
 * A linear relation between cells: sum(left) op sum(right).
 * `each` repeats it for every row (or column) of the table, or the listed ones.
 */
export interface RelationDef {
  rule: string;
  severity: Severity;
  table: string;
  each?: { axis: 'row' | 'column'; ids?: string[] };
  left: Term[];
  op: '=' | '<=';
  right: Term[];
  /** The right side is one total cell the template fills with a live SUM of the left side. */
  formula?: boolean;
  /** Message wording for a side, when listing its terms would be too long. */
  leftLabel?: string;
  rightLabel?: string;
  /** For relations with previous-year terms: whether they apply when the previous report has another format. */
  acrossFormats?: boolean;
}

/** A share rule: sum(part) must not exceed `setting` × whole. */
export interface ShareDef {
  rule: string;
  severity: Severity;
  table: string;
  part: string[];
  whole: string;
  setting: 'otherShareMax';
}

export interface FormatDef {
  id: string;
  name: string;
  notice: string;
  years: { from: number; to?: number };
  tables: TableDef[];
  relations: RelationDef[];
  shares: ShareDef[];
}
