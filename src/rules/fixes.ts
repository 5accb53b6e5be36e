/**
 * Single-cell fix suggestions. The relations are linear, so for each failing
 * equality we try the value that satisfies it in each of its cells, and keep a
 * cell whose one change satisfies every relation it takes part in.
 *
 * A cell holding a live total formula is never changed: it follows its parts.
 * So changing an input also moves every live total above it, and the check
 * covers the relations of those totals too.
 */
import type { CompiledFormat, CompiledRelation } from '../formats/compile';
import type { Finding } from '../model/finding';

export interface Evaluated {
  rel: CompiledRelation;
  L: number;
  R: number;
  ok: boolean;
  finding?: Finding;
}

const EPS = 1e-6;

/** How much one relation's L − R moves per unit change of a cell. */
function coefOf(rel: CompiledRelation, index: number): number {
  let a = 0;
  for (const t of rel.left) if (!t.previous && t.index === index) a += t.coef;
  for (const t of rel.right) if (!t.previous && t.index === index) a -= t.coef;
  return a;
}

/** The cells one change moves (itself and the live totals above it), each by the same amount. */
type Effect = number[];

function slope(rel: CompiledRelation, effect: Effect): number {
  return effect.reduce((a, i) => a + coefOf(rel, i), 0);
}

function satisfied(ev: Evaluated, effect: Effect, delta: number): boolean {
  const d = ev.L - ev.R + slope(ev.rel, effect) * delta;
  return ev.rel.op === '=' ? Math.abs(d) <= EPS : d <= EPS;
}

function validValue(format: CompiledFormat, index: number, v: number): boolean {
  const kind = format.cells[index].kind;
  if (kind === 'money') return v >= -EPS;
  if (!Number.isInteger(Math.round(v * 1e6) / 1e6)) return false;
  return kind === 'signed' || v >= 0;
}

export interface FixLimits {
  /** Cells holding a formula: never given a constant. */
  formulaCells?: string[];
  /** Live totals among them, which follow their parts. */
  liveTotals?: string[];
  /** Totals whose formula was overwritten: their fix is to restore it. */
  overwrittenTotals?: string[];
}

interface Candidate {
  value: number;
  resolves: number;
  restore: boolean;
}

export function suggestFixes(format: CompiledFormat, cur: Float64Array, evaluated: Evaluated[], limits: FixLimits = {}): void {
  const failing = evaluated.filter((ev) => !ev.ok && ev.rel.op === '=');
  if (failing.length === 0) return;
  const ids = (list?: string[]) => new Set((list ?? []).map((id) => format.index.get(id)!));
  const locked = ids(limits.formulaCells);
  const live = ids(limits.liveTotals);
  const overwritten = ids(limits.overwrittenTotals);

  const byCell = new Map<number, Evaluated[]>();
  for (const ev of evaluated)
    for (const t of [...ev.rel.left, ...ev.rel.right]) {
      if (t.previous) continue;
      const list = byCell.get(t.index) ?? [];
      if (!list.includes(ev)) list.push(ev);
      byCell.set(t.index, list);
    }

  const parents = new Map<number, number[]>();
  for (const [total, parts] of format.totals) if (live.has(total)) for (const p of parts) parents.set(p, [...(parents.get(p) ?? []), total]);
  const effectOf = (index: number): Effect => {
    const out = [index];
    for (let k = 0; k < out.length; k++) for (const up of parents.get(out[k]) ?? []) if (!out.includes(up)) out.push(up);
    return out;
  };

  // An overwritten total may only get its formula back: the value that gives.
  const restoredValue = (index: number) => format.totals.get(index)!.reduce((s, p) => s + cur[p], 0);

  const tried = new Map<number, Candidate | null>();
  /** null: no valid single change here; undefined: this relation does not decide the change. */
  const candidate = (index: number, ev: Evaluated): Candidate | null | undefined => {
    const effect = effectOf(index);
    const a = slope(ev.rel, effect);
    if (a === 0) return undefined;
    const delta = -(ev.L - ev.R) / a;
    const value = Math.round((cur[index] + delta) * 1e8) / 1e8;
    if (!validValue(format, index, value)) return null;
    const restore = overwritten.has(index);
    // Not `> EPS`: with an unreadable part the sum is NaN, and what the formula gives is unknown.
    if (restore && !(Math.abs(restoredValue(index) - value) <= EPS)) return null;
    const related = [...new Set(effect.flatMap((i) => byCell.get(i) ?? []))];
    if (!related.every((other) => satisfied(other, effect, delta))) return null;
    return { value, resolves: related.filter((o) => !o.ok).length, restore };
  };

  for (const ev of failing) {
    let best: (Candidate & { index: number }) | null = null;
    for (const t of [...ev.rel.left, ...ev.rel.right]) {
      if (t.previous || locked.has(t.index)) continue;
      if (!tried.has(t.index)) {
        const c = candidate(t.index, ev);
        if (c !== undefined) tried.set(t.index, c);
      }
      const c = tried.get(t.index);
      if (c && (!best || c.resolves > best.resolves)) best = { index: t.index, ...c };
    }
    if (!best || !ev.finding) continue;
    const id = format.cells[best.index].id;
    ev.finding.fix = { cell: id, value: best.value, resolves: best.resolves, ...(best.restore ? { restoreFormula: true as const } : {}) };
    ev.finding.cells = [id, ...ev.finding.cells.filter((c) => c !== id)];
  }
}
