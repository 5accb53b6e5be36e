/**
 * Single-cell fix suggestions. The relations are linear, so for each failing
 * equality we try the value that satisfies it in each of its cells, and keep a
 * cell whose one change satisfies every relation it takes part in.
 */
import type { CompiledFormat, CompiledRelation } from '../formats/compile';
import type { Finding } from './types';

export interface Evaluated {
  rel: CompiledRelation;
  L: number;
  R: number;
  ok: boolean;
  finding?: Finding;
}

const EPS = 1e-6;

function coefOf(rel: CompiledRelation, index: number): number {
  let a = 0;
  for (const t of rel.left) if (!t.previous && t.index === index) a += t.coef;
  for (const t of rel.right) if (!t.previous && t.index === index) a -= t.coef;
  return a;
}

function satisfied(ev: Evaluated, index: number, delta: number): boolean {
  const a = coefOf(ev.rel, index);
  const d = ev.L - ev.R + a * delta;
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
  /** Totals whose formula was overwritten: their relation's fix is to restore it. */
  overwrittenTotals?: string[];
}

export function suggestFixes(format: CompiledFormat, cur: Float64Array, evaluated: Evaluated[], limits: FixLimits = {}): void {
  const locked = new Set((limits.formulaCells ?? []).map((id) => format.index.get(id)));
  const overwritten = new Set((limits.overwrittenTotals ?? []).map((id) => format.index.get(id)));
  const failing = evaluated.filter((ev) => !ev.ok && ev.rel.op === '=');
  if (failing.length === 0) return;
  const byCell = new Map<number, Evaluated[]>();
  for (const ev of evaluated)
    for (const t of [...ev.rel.left, ...ev.rel.right]) {
      if (t.previous) continue;
      const list = byCell.get(t.index) ?? [];
      if (!list.includes(ev)) list.push(ev);
      byCell.set(t.index, list);
    }

  const tried = new Map<number, { value: number; resolves: number; restore: boolean } | null>();

  // An overwritten total may only get its formula back: the value that gives.
  const restoredValue = (index: number) => format.totals.get(index)!.reduce((s, p) => s + cur[p], 0);

  const candidate = (index: number, ev: Evaluated) => {
    const a = coefOf(ev.rel, index);
    if (a === 0) return null;
    const delta = -(ev.L - ev.R) / a;
    const value = Math.round((cur[index] + delta) * 1e8) / 1e8;
    if (!validValue(format, index, value)) return null;
    const restore = overwritten.has(index);
    if (restore && Math.abs(restoredValue(index) - value) > EPS) return null;
    const related = byCell.get(index) ?? [];
    if (!related.every((other) => satisfied(other, index, delta))) return null;
    return { value, resolves: related.filter((o) => !o.ok).length, restore };
  };

  for (const ev of failing) {
    let best: { index: number; value: number; resolves: number; restore: boolean } | null = null;
    for (const t of [...ev.rel.left, ...ev.rel.right]) {
      if (t.previous || locked.has(t.index)) continue;
      if (!tried.has(t.index)) tried.set(t.index, candidate(t.index, ev));
      const c = tried.get(t.index);
      if (c && (!best || c.resolves > best.resolves)) best = { index: t.index, ...c };
    }
    if (!best || !ev.finding) continue;
    const id = format.cells[best.index].id;
    ev.finding.fix = { cell: id, value: best.value, resolves: best.resolves, ...(best.restore ? { restoreFormula: true as const } : {}) };
    ev.finding.cells = [id, ...ev.finding.cells.filter((c) => c !== id)];
  }
}
