/** Multi-area addresses ("A1:C1,E5"): one host call for many cells, within the host's address limit. */
import { columnLetter } from '../../layout/a1';

/** WPS, like Excel, refuses a Range() address longer than 255 characters. */
const MAX_ADDRESS = 255;

/** Joins areas with commas into as few addresses as fit the limit. */
export function unionChunks(areas: string[]): string[] {
  const out: string[] = [];
  let current = '';
  for (const a of areas) {
    if (a.length > MAX_ADDRESS) throw new Error(`area ${a} longer than ${MAX_ADDRESS} characters`);
    if (current && current.length + 1 + a.length > MAX_ADDRESS) {
      out.push(current);
      current = '';
    }
    current = current ? `${current},${a}` : a;
  }
  if (current) out.push(current);
  return out;
}

/** Runs of consecutive numbers, as [first, last]. */
function runs(numbers: number[]): [number, number][] {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (const n of sorted) {
    const last = out[out.length - 1];
    if (last && n === last[1] + 1) last[1] = n;
    else out.push([n, n]);
  }
  return out;
}

/** Whole columns as areas: [1, 2, 3, 5] → ["A:C", "E:E"]. */
export function columnAreas(columns: number[]): string[] {
  return runs(columns).map(([a, b]) => `${columnLetter(a)}:${columnLetter(b)}`);
}

/** Whole rows as areas: [3, 4, 9] → ["3:4", "9:9"]. */
export function rowAreas(rows: number[]): string[] {
  return runs(rows).map(([a, b]) => `${a}:${b}`);
}

/** Groups keys by a value, preserving first-seen order. */
export function groupBy<K, V>(entries: Iterable<[K, V]>, keyOf: (v: V) => string): Map<string, { value: V; keys: K[] }> {
  const out = new Map<string, { value: V; keys: K[] }>();
  for (const [k, v] of entries) {
    const key = keyOf(v);
    const g = out.get(key);
    if (g) g.keys.push(k);
    else out.set(key, { value: v, keys: [k] });
  }
  return out;
}
