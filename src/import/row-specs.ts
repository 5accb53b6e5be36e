/**
 * What the recognizer looks for, derived from a format definition: each statutory row
 * with its label key and cell indices, the groups that subtotal rows may stand for, and
 * the column labels of each header.
 */
import type { CompiledFormat } from '../formats/compile';
import { headerLeaves } from '../formats/compile';
import { labelKey } from './label-key';

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
  /** The section's number in 第二十条第（N）项. */
  number: string;
  columns: { label: string; key: string }[];
}

export interface GroupSpec {
  key: string;
  label: string;
  /** Rows that sum to the group. */
  rows: RowSpec[];
}

export interface FormatSpecs {
  format: CompiledFormat;
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
  for (const table of format.def.tables) {
    if (table.layout === 'sections') {
      table.sections.forEach((s, i) => {
        const number = /第[（(]([一二三四五六七八九十]+)[)）]项/.exec(s.caption)?.[1] ?? String(i);
        sections.push({ caption: s.caption, number, columns: s.columns.map((c) => ({ label: c.label, key: labelKey(c.label) })) });
        for (const r of s.rows)
          rows.push({ table: 'proactive', id: r.id, label: r.label, key: labelKey(r.label), cells: cellsOf(format, table.id, r.id), section: i });
      });
    } else if (table.layout === 'matrix') {
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
  const specs: FormatSpecs = { format, rows, sections, groups: [...groups.values()], requestColumns, appealCells, appealLeaves, appealGroups };
  cache.set(format, specs);
  return specs;
}
