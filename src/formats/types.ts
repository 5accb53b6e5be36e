/**
 * Declarative description of one statutory version of the report tables.
 * Everything else (layout, formulas, rules, consolidation) is derived from it.
 */

declare const formatIdBrand: unique symbol;

/**
 * The id of a version a registry knows: made only by the registry (FormatRegistry.idOf, a
 * compiled format's id), so a report's format always resolves. Ids from files are checked first.
 */
export type FormatId = string & { readonly [formatIdBrand]: true };

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

/** How a report laid out by hand names a table in its title row. */
export interface TitleCue {
  /** Words the title holds, all of them (spacing and punctuation aside). */
  words: string[];
  /** How the title ends. */
  end?: string;
}

/** What every table has: its id (the first part of its cell ids) and its titles. */
interface TableBase {
  id: string;
  /** The printed title, numbered as the part of the report it is: 「二、主动公开政府信息情况」. */
  title: string;
  /** The table named in a phrase: 「复议诉讼」表. */
  shortTitle: string;
  /** How a hand-made layout names the table; by default, its title without the numbering. */
  titleCue?: TitleCue;
}

/** 二、主动公开: captioned sections, each a small label × values grid. */
export interface SectionsTable extends TableBase {
  layout: 'sections';
  /** The label column's header, the first word of each section's header row. */
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
export interface MatrixTable extends TableBase {
  layout: 'matrix';
  corner: string;
  columns: HeaderNode[];
  rows: MatrixRow[];
}

/** 四、复议诉讼: one data row under a header tree whose nodes with ids name `group.column`. */
export interface HeaderRowTable extends TableBase {
  layout: 'header-row';
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
  /** What the clerk should check when the share is exceeded, said after the figures. */
  advice: string;
}

/** A figure the overview (汇总明细) and the 同比 sheet show: the sum of some cells. */
export interface KeyFigureDef {
  label: string;
  /** Cell ids summed. */
  sum: string[];
  money?: true;
  /** Shown in the 同比 sheet only, not as a column of the overview. */
  comparisonOnly?: true;
}

/** A share in per cent (纠错率): sum(part) / sum(whole). */
export interface KeyRateDef {
  label: string;
  part: string[];
  whole: string[];
}

export interface FormatDef {
  id: string;
  name: string;
  notice: string;
  /** The reporting years it is due for; open-ended until a later version supersedes it. */
  years: { from: number; to?: number };
  /** Which years use it, for the year picker: 「2019、2020 年度用试行格式」. */
  yearHint: string;
  tables: TableDef[];
  relations: RelationDef[];
  shares: ShareDef[];
  /** In display order; a figure of the same label in another version is compared with it when its cells are the same. */
  keyFigures: KeyFigureDef[];
  keyRates: KeyRateDef[];
}
