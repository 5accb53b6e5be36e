/**
 * Step 3, text columns: a run of lines without rules split into columns at the gaps that recur down it.
 */
import { PDF_TOLERANCES as T } from './tolerances';
import { looksLikeValue } from '../../model/values';
import { Chunk } from './types';

/** Column texts for a run of lines whose value pieces line up; the label is the first column. */
export function columnRows(run: Chunk[][]): string[][] | null {
  const isValue = (c: { text: string }, i: number) => i > 0 && looksLikeValue(c.text);
  if (run.filter((l) => l.some(isValue)).length < T.runLines) return null;
  const spans: [number, number][] = [];
  for (const l of run) l.forEach((c, i) => isValue(c, i) && spans.push([c.a, c.b]));
  spans.sort((p, q) => p[0] - q[0]);
  const cols: [number, number][] = [];
  for (const s of spans) {
    const last = cols[cols.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else cols.push([s[0], s[1]]);
  }
  // More value columns than any line has values: the values do not line up (centred, drifting),
  // so the pieces are kept in order, and a row short of values is refused rather than placed.
  if (cols.length > Math.max(...run.map((l) => l.filter(isValue).length))) return null;
  // A header over a column where every value is blank still marks that column.
  for (const l of run)
    l.forEach((c, i) => {
      if (i === 0 || isValue(c, i) || c.a < cols[0][0]) return;
      if (!cols.some(([a, b]) => c.b > a && c.a < b)) cols.push([c.a, c.b]);
    });
  cols.sort((p, q) => p[0] - q[0]);
  const firstCol = cols[0][0];
  return run.map((l) => {
    const label = l.filter((c) => (c.a + c.b) / 2 < firstCol).map((c) => c.text);
    const texts = cols.map(() => [] as string[]);
    for (const c of l) {
      const mid = (c.a + c.b) / 2;
      if (mid < firstCol) continue;
      let best = 0;
      let dist = Infinity;
      cols.forEach(([a, b], k) => {
        const d = mid < a ? a - mid : mid > b ? mid - b : 0;
        if (d < dist) {
          dist = d;
          best = k;
        }
      });
      texts[best].push(c.text);
    }
    return [label.join(' '), ...texts.map((t) => t.join(' '))];
  });
}
