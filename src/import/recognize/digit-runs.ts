/**
 * Figures run together with nothing between them (「1000001」 for seven cells, as a crawler keeps a
 * table's text). A run is split only when exactly one split gives the row its count of cells, a
 * figure of two or more digits never starting with 0; any other run is never split by guessing.
 */
import type { GridCell } from '../grid';

const RUN = /^[0-9０-９]{2,}$/;

/** Ways (0, 1, or 2 meaning "more than one") to cut `digits` into `parts` figures, none of several digits led by 0. */
function ways(digits: string, parts: number): number[][] | 'many' | null {
  // split[i][k]: the cuts of digits[i..] into k figures; 'many' once two are found.
  const memo = new Map<string, number[][] | 'many' | null>();
  const go = (i: number, k: number): number[][] | 'many' | null => {
    const key = `${i},${k}`;
    if (memo.has(key)) return memo.get(key)!;
    let found: number[][] | 'many' | null = null;
    if (k === 0) found = i === digits.length ? [] : null;
    else
      for (let j = i + 1; j <= digits.length - (k - 1); j++) {
        if (j - i > 1 && digits[i] === '0') break;
        const rest = go(j, k - 1);
        if (rest === null) continue;
        if (rest === 'many' || found !== null) {
          found = 'many';
          break;
        }
        found = [[i, j], ...rest] as number[][];
      }
    memo.set(key, found);
    return found;
  };
  return go(0, parts);
}

/** The cells split one way; or the run's text, which splits several ways (`ambiguous`) or none (`impossible`). */
export type RunSplit = { cells: GridCell[] } | { ambiguous: string } | { impossible: string };

/**
 * The row's `count` figures from its value cells, splitting runs of digits when that can be done
 * one way only; `ambiguous` names the text otherwise. Cells that are no run stay one figure.
 */
export function splitRuns(values: GridCell[], count: number): RunSplit | null {
  // Only figures known to run together are split: cells a table or a tab kept apart stay as they are.
  if (values.length >= count || !values.every((v) => v.run) || !values.some((v) => RUN.test(v.text.normalize('NFKC').trim()))) return null;
  const text = values.map((v) => v.text.trim()).join(' ');
  // Each cell's possible figure counts: a run 1..its length, anything else exactly 1.
  const options = values.map((v) => {
    const t = v.text.normalize('NFKC').trim();
    return RUN.test(t) ? { t, max: t.length } : { t, max: 1 };
  });
  // For each cell, its cuts by figure count: one cut list, 'many', or none.
  const byCount = options.map(({ t, max }) => {
    const m = new Map<number, number[][] | 'many'>();
    for (let k = 1; k <= max; k++) {
      const w = max === 1 ? [[0, t.length]] : ways(t, k);
      if (w !== null) m.set(k, w);
    }
    return m;
  });
  // total[i][n]: the ways cells i.. give n figures, capped at 'many'; with the unique choice kept.
  const memo = new Map<string, { k: number; rest: unknown } | 'many' | null>();
  const total = (i: number, n: number): { k: number; rest: unknown } | 'many' | null => {
    if (i === options.length) return n === 0 ? { k: 0, rest: null } : null;
    const key = `${i},${n}`;
    if (memo.has(key)) return memo.get(key)!;
    let found: { k: number; rest: unknown } | 'many' | null = null;
    for (const [k, cuts] of byCount[i]) {
      if (k > n) break;
      const rest = total(i + 1, n - k);
      if (rest === null) continue;
      if (found !== null || rest === 'many' || cuts === 'many') {
        found = 'many';
        break;
      }
      found = { k, rest };
    }
    memo.set(key, found);
    return found;
  };
  const unique = total(0, count);
  if (unique === null) return { impossible: text };
  if (unique === 'many') return { ambiguous: text };
  const chosen: { v: GridCell; cuts: number[][] }[] = [];
  let at: { k: number; rest: unknown } | null = unique;
  for (let i = 0; i < options.length && at; i++) {
    chosen.push({ v: values[i], cuts: byCount[i].get(at.k) as number[][] });
    at = at.rest as { k: number; rest: unknown } | null;
  }
  return {
    cells: chosen.flatMap(({ v, cuts }) => {
      const t = v.text.normalize('NFKC').trim();
      return cuts.length === 1 ? [v] : cuts.map(([a, b]) => ({ ...v, text: t.slice(a, b) }));
    }),
  };
}
