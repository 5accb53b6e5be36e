/**
 * What the recognizer looks for, derived from a format definition: each statutory row
 * with its label key and cell indices, the groups that subtotal rows may stand for, and
 * the column labels of each header.
 */
import type { CompiledFormat } from '../formats/compile';
import { headerLeaves } from '../formats/compile';
import { unnumbered } from '../formats/report-outline';
import type { HeaderNode, TableDef } from '../formats/types';
import { joinedKey, labelKey } from './label-key';

export type TableId = 'proactive' | 'requests' | 'appeals';

export interface RowSpec {
  table: TableId;
  id: string;
  /** The statutory label as printed, for messages. */
  label: string;
  key: string;
  /** Key of the enclosing group (（三）不予公开 …), for rows under one. */
  parentKey?: string;
  /** Cell indices in column order. */
  cells: number[];
  /** For proactive rows: the section they belong to. */
  section?: number;
}

export interface SectionSpec {
  caption: string;
  columns: { label: string; key: string }[];
}

export interface GroupSpec {
  key: string;
  label: string;
  /** Rows that sum to the group. */
  rows: RowSpec[];
}

/** A table as its title row names it: every word in the row's key, and how the key ends. */
export interface TableSpec {
  role: TableId;
  /** 「复议诉讼」表, for messages. */
  short: string;
  words: string[];
  end?: string;
}

export interface FormatSpecs {
  format: CompiledFormat;
  tables: TableSpec[];
  /** The label column's header of the sections table (信息内容): its printed text and key. */
  labelHeader?: { label: string; key: string };
  /** Which section a caption row (NFKC, no spaces) names: its index, -1 for a section this format lacks, undefined for no caption. */
  sectionOf: (text: string) => number | undefined;
  /** Words of the requests table's upper header rows (申请人情况, 自然人 …): beside one column label they mark a header row. */
  requestHeaderWords: string[];
  rows: RowSpec[];
  sections: SectionSpec[];
  groups: GroupSpec[];
  /** Column leaves of the requests table, in order. */
  requestColumns: { label: string; key: string }[];
  appealCells: number[];
  /** The appeals table read the other way round (groups as rows, results as columns): result labels in order, and each group's cells by result. */
  appealLeaves: string[];
  appealGroups: { key: string; label: string; cells: number[] }[];
}

const cache = new WeakMap<CompiledFormat, FormatSpecs>();

const ROLE: Record<TableDef['layout'], TableId> = { sections: 'proactive', matrix: 'requests', 'header-row': 'appeals' };

function tableSpec(t: TableDef): TableSpec {
  const cue = t.titleCue ?? { words: [unnumbered(t.title)] };
  return { role: ROLE[t.layout], short: t.shortTitle, words: cue.words.map((w) => joinedKey([w])), ...(cue.end ? { end: joinedKey([cue.end]) } : {}) };
}

const NUMERAL = /[(（]([一二三四五六七八九十]+)[)）]/;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A caption's shape with its numeral open (第二十条第（一）项 → 第二十条第(N)项, brackets optional),
 * so a caption of a section this format lacks is still known as one.
 */
function captionShape(caption: string): { re: RegExp; number?: string } {
  const c = caption.normalize('NFKC').replace(/\s+/g, '');
  const m = NUMERAL.exec(c);
  if (!m) return { re: new RegExp(escape(c)) };
  return { re: new RegExp(`${escape(c.slice(0, m.index))}[（(]?([一二三四五六七八九十]+)[)）]?${escape(c.slice(m.index + m[0].length))}`), number: m[1] };
}

function sectionFinder(captions: string[]): FormatSpecs['sectionOf'] {
  const shapes = captions.map(captionShape);
  return (text) => {
    for (const [i, s] of shapes.entries()) {
      const m = s.re.exec(text);
      if (!m) continue;
      if (s.number === undefined) return i;
      return shapes.findIndex((x) => x.number === m[1] && x.re.source === s.re.source);
    }
    return undefined;
  };
}

/** Labels above the header's last row: the groups, and the leaves that span down to it. */
function upperHeaderLabels(nodes: HeaderNode[]): string[] {
  const depth = (ns: HeaderNode[]): number => Math.max(...ns.map((n) => 1 + (n.children ? depth(n.children) : 0)));
  const max = depth(nodes);
  const out: string[] = [];
  const walk = (ns: HeaderNode[], level: number) => {
    for (const n of ns) {
      if (level < max) out.push(n.label);
      if (n.children) walk(n.children, level + 1);
    }
  };
  walk(nodes, 1);
  return out;
}

function cellsOf(format: CompiledFormat, table: string, row: string): number[] {
  return format.cells.filter((c) => c.table === table && c.row === row).map((c) => c.index);
}

export function formatSpecs(format: CompiledFormat): FormatSpecs {
  const hit = cache.get(format);
  if (hit) return hit;
  const rows: RowSpec[] = [];
  const sections: SectionSpec[] = [];
  const groups = new Map<string, GroupSpec>();
  let requestColumns: FormatSpecs['requestColumns'] = [];
  let appealCells: number[] = [];
  const appealLeaves: string[] = [];
  const appealGroups: FormatSpecs['appealGroups'] = [];
  let labelHeader: FormatSpecs['labelHeader'];
  let sectionOf: FormatSpecs['sectionOf'] = () => undefined;
  let requestHeaderWords: string[] = [];
  for (const table of format.def.tables) {
    if (table.layout === 'sections') {
      labelHeader = { label: table.labelHeader, key: labelKey(table.labelHeader) };
      sectionOf = sectionFinder(table.sections.map((s) => s.caption));
      table.sections.forEach((s, i) => {
        sections.push({ caption: s.caption, columns: s.columns.map((c) => ({ label: c.label, key: labelKey(c.label) })) });
        for (const r of s.rows) rows.push({ table: 'proactive', id: r.id, label: r.label, key: labelKey(r.label), cells: cellsOf(format, table.id, r.id), section: i });
      });
    } else if (table.layout === 'matrix') {
      requestHeaderWords = upperHeaderLabels(table.columns).map(labelKey);
      requestColumns = headerLeaves(table.columns).map((l) => {
        const label = l.labels[l.labels.length - 1];
        return { label, key: labelKey(label) };
      });
      for (const r of table.rows) {
        const label = r.path[r.path.length - 1];
        const spec: RowSpec = { table: 'requests', id: r.id, label, key: labelKey(label), cells: cellsOf(format, table.id, r.id) };
        if (r.path.length === 3) {
          const parent = r.path[1];
          spec.parentKey = labelKey(parent);
          const g = groups.get(spec.parentKey) ?? { key: spec.parentKey, label: parent, rows: [] };
          g.rows.push(spec);
          groups.set(spec.parentKey, g);
        }
        rows.push(spec);
      }
    } else {
      appealCells = format.cells.filter((c) => c.table === table.id).map((c) => c.index);
      for (const leaf of headerLeaves(table.columns)) {
        const key = labelKey(leaf.labels[leaf.labels.length - 1]);
        if (!appealLeaves.includes(key)) appealLeaves.push(key);
        const groupLabel = leaf.labels[leaf.labels.length - 2] ?? '';
        const group = appealGroups.find((g) => g.label === groupLabel) ?? appealGroups[appealGroups.push({ key: labelKey(groupLabel), label: groupLabel, cells: [] }) - 1];
        group.cells.push(format.index.get(`${table.id}.${leaf.ids.join('.')}`)!);
      }
    }
  }
  const tables = format.def.tables.map(tableSpec);
  const specs: FormatSpecs = { format, tables, labelHeader, sectionOf, requestHeaderWords, rows, sections, groups: [...groups.values()], requestColumns, appealCells, appealLeaves, appealGroups };
  cache.set(format, specs);
  return specs;
}
