/**
 * The format a grid is read in: the one whose distinctive labels it shows, else the one due for its year.
 */
import type { FormatRegistry } from '../../formats';
import type { CompiledFormat } from '../../formats/compile';
import type { Grid } from '../grid';
import { labelKey } from '../label-key';
import { formatSpecs, type FormatSpecs } from '../row-specs';
import { CLEAR_EVIDENCE, DRIFT_COST, MIN_CELLS } from './tuning';
import type { RecognizeOptions } from './index';
import { Recognizer } from './recognizer';

/** Labels only one format has (e.g. 本年制发件数, 政府集中采购), from the definitions. */
const distinctive = new WeakMap<FormatRegistry, Map<string, Set<string>>>();

function labelsOf(specs: FormatSpecs): Set<string> {
  return new Set([...specs.rows.map((r) => r.key), ...specs.groups.map((g) => g.key), ...specs.sections.flatMap((s) => s.columns.map((c) => c.key))]);
}

function distinctiveLabels(registry: FormatRegistry): Map<string, Set<string>> {
  const hit = distinctive.get(registry);
  if (hit) return hit;
  const all = registry.all.map((f) => ({ id: f.id, keys: labelsOf(formatSpecs(f)) }));
  const out = new Map(all.map(({ id, keys }) => [id, new Set([...keys].filter((k) => all.every((o) => o.id === id || !o.keys.has(k))))]));
  distinctive.set(registry, out);
  return out;
}

function gridKeys(grid: Grid): Set<string> {
  return new Set(grid.rows.flatMap((r) => r.cells.map((c) => labelKey(c.text))));
}

/** How many labels only this format has appear in the grid. */
function evidence(keys: Set<string>, format: CompiledFormat, registry: FormatRegistry): number {
  return [...distinctiveLabels(registry).get(format.id)!].filter((k) => keys.has(k)).length;
}

/**
 * The format to read a grid in, by evidence: the format whose distinctive labels the grid shows
 * most, when that is clear; otherwise the format due for the report's year, so one row that
 * looks like the other format (the undivided （六）其他处理) never flips a report into it.
 */
/** The grids' drafts in the format the evidence (or the year) picks among `formats`. */
export function readIn(grids: Grid[], formats: CompiledFormat[], options: RecognizeOptions, fallback: { year?: number }) {
  const registry = options.registry;
  const keys = new Set(grids.flatMap((g) => [...gridKeys(g)]));
  const shown = formats.map((format) => ({ format, evidence: evidence(keys, format, registry) })).sort((a, b) => b.evidence - a.evidence);
  // Labels that decide the format spare reading the grid in the others.
  const decided = shown[0].evidence >= CLEAR_EVIDENCE && (shown[1]?.evidence ?? 0) === 0 ? [shown[0].format] : formats;
  const runs = decided.map((format) => {
    const drafts = grids.map((grid) => ({ grid, drafts: new Recognizer(grid, formatSpecs(format)).run().filter((d) => d.found >= MIN_CELLS) }));
    const all = drafts.flatMap((g) => g.drafts);
    return { format, drafts, all, score: all.reduce((s, d) => s + d.found - d.drifts * DRIFT_COST, 0), evidence: evidence(keys, format, registry) };
  });
  const readable = runs.filter((r) => r.all.length > 0);
  const byEvidence = [...readable].sort((a, b) => b.evidence - a.evidence);
  const year = options.year ?? readable.flatMap((r) => r.all.map((d) => d.statedYear())).find((y) => y !== undefined) ?? fallback.year;
  const due = year !== undefined ? readable.find((r) => r.format.id === registry.forYear(year)?.id) : undefined;
  const clear = byEvidence[0] && byEvidence[0].evidence >= CLEAR_EVIDENCE && byEvidence[0].evidence > (byEvidence[1]?.evidence ?? 0) ? byEvidence[0] : undefined;
  const chosen = clear ?? due ?? [...readable].sort((a, b) => b.score - a.score)[0];
  return chosen?.drafts ?? [];
}
