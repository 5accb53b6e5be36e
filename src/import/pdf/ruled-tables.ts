/**
 * Step 2, ruled tables: cells between the ruling lines (merged where a line is missing), and their grid rows.
 */
import type { GridCell, GridRow } from '../grid';
import { PdfRule, Line, PdfTable } from './types';
import { PDF_TOLERANCES as T } from './tolerances';

/** Collinear strokes merged into lines: same position within T.sameLine, touching or overlapping. */
function mergeLines(segs: Line[]): Line[] {
  const sorted = [...segs].sort((p, q) => p.pos - q.pos);
  const out: Line[] = [];
  let group: Line[] = [];
  const flush = () => {
    if (!group.length) return;
    const pos = group.reduce((s, l) => s + l.pos, 0) / group.length;
    group.sort((p, q) => p.a - q.a);
    let cur = { pos, a: group[0].a, b: group[0].b };
    for (const l of group.slice(1)) {
      if (l.a <= cur.b + T.sameLine) cur.b = Math.max(cur.b, l.b);
      else {
        out.push(cur);
        cur = { pos, a: l.a, b: l.b };
      }
    }
    out.push(cur);
    group = [];
  };
  for (const s of sorted) {
    if (group.length && s.pos - group[0].pos > T.sameLine) flush();
    group.push(s);
  }
  flush();
  return out;
}

export function clusterPositions(ps: number[]): number[] {
  const sorted = [...ps].sort((p, q) => p - q);
  const out: number[][] = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (last && p - last[last.length - 1] <= T.sameEdge) last.push(p);
    else out.push([p]);
  }
  return out.map((g) => g.reduce((s, p) => s + p, 0) / g.length);
}

/** Share of [a, b] that lines at `pos` cover. */
function coverage(lines: Line[], pos: number, a: number, b: number): number {
  let covered = 0;
  for (const l of lines) {
    if (Math.abs(l.pos - pos) > T.sameEdge) continue;
    covered += Math.max(0, Math.min(b, l.b) - Math.max(a, l.a));
  }
  return covered / Math.max(b - a, 1e-6);
}

/** Tables from ruling lines: connected sets of horizontal and vertical lines that cross. */
export function findTables(rules: PdfRule[], page: number, maxCells: number): PdfTable[] {
  const hs = mergeLines(
    rules
      .filter((r) => r.y1 === r.y2)
      .map((r) => ({
        pos: r.y1,
        a: Math.min(r.x1, r.x2),
        b: Math.max(r.x1, r.x2),
      })),
  );
  const vs = mergeLines(
    rules
      .filter((r) => r.x1 === r.x2 && r.y1 !== r.y2)
      .map((r) => ({
        pos: r.x1,
        a: Math.min(r.y1, r.y2),
        b: Math.max(r.y1, r.y2),
      })),
  );
  const n = hs.length + vs.length;
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  hs.forEach((h, i) =>
    vs.forEach((v, j) => {
      if (v.pos >= h.a - T.sameEdge && v.pos <= h.b + T.sameEdge && h.pos >= v.a - T.sameEdge && h.pos <= v.b + T.sameEdge) parent[find(i)] = find(hs.length + j);
    }),
  );
  const groups = new Map<number, { h: Line[]; v: Line[] }>();
  for (let i = 0; i < n; i++) {
    const g = groups.get(find(i)) ?? { h: [], v: [] };
    if (i < hs.length) g.h.push(hs[i]);
    else g.v.push(vs[i - hs.length]);
    groups.set(find(i), g);
  }
  const tables: PdfTable[] = [];
  for (const { h, v } of groups.values()) {
    if (h.length < 2 || v.length < 2) continue;
    const xs = clusterPositions(v.map((l) => l.pos));
    const ys = clusterPositions(h.map((l) => l.pos)).reverse();
    if (xs.length < 2 || ys.length < 2) continue;
    const nr = ys.length - 1;
    const nc = xs.length - 1;
    if (nr * nc > maxCells) continue;
    const region = new Int32Array(nr * nc).map((_, i) => i);
    const root = (i: number): number => {
      while (region[i] !== i) i = region[i] = region[region[i]];
      return i;
    };
    const join = (i: number, j: number) => {
      const a = root(i);
      const b = root(j);
      if (a !== b) region[Math.max(a, b)] = Math.min(a, b);
    };
    for (let r = 0; r < nr; r++)
      for (let c = 0; c < nc; c++) {
        // No line between two cells: they are one merged cell.
        if (c + 1 < nc && coverage(v, xs[c + 1], ys[r + 1], ys[r]) < T.ruleCoverage) join(r * nc + c, r * nc + c + 1);
        if (r + 1 < nr && coverage(h, ys[r + 1], xs[c], xs[c + 1]) < T.ruleCoverage) join(r * nc + c, (r + 1) * nc + c);
      }
    for (let i = 0; i < region.length; i++) region[i] = root(i);
    tables.push({
      page,
      left: xs[0],
      right: xs[nc],
      top: ys[0],
      bottom: ys[nr],
      xs,
      ys,
      region,
      text: new Map(),
    });
  }
  return tables;
}

export function cellAt(t: PdfTable, x: number, y: number): number {
  if (x < t.left - T.frameSlack || x > t.right + T.frameSlack || y > t.top + T.frameSlack || y < t.bottom - T.frameSlack) return -1;
  let c = t.xs.findIndex((edge, i) => i > 0 && x < edge);
  if (c < 0) c = t.xs.length - 1;
  let r = t.ys.findIndex((edge, i) => i > 0 && y > edge);
  if (r < 0) r = t.ys.length - 1;
  return t.region[(r - 1) * (t.xs.length - 1) + (c - 1)];
}

export function tableRows(t: PdfTable, union: number[], name: string, page: number): GridRow[] {
  const nc = t.xs.length - 1;
  const index = (x: number) => union.reduce((best, u, i) => (Math.abs(u - x) < Math.abs(union[best] - x) ? i : best), 0);
  const spans = t.xs.slice(0, nc).map((x, c) => [index(x), Math.max(index(x) + 1, index(t.xs[c + 1]))] as const);
  const rows: GridRow[] = [];
  for (let r = 0; r + 1 < t.ys.length; r++) {
    const cells: GridCell[] = [];
    for (let c = 0; c < nc; c++) {
      const id = t.region[r * nc + c];
      const text = t.text.get(id) ?? '';
      const originRow = Math.floor(id / nc);
      const originCol = id % nc;
      const at = `${name} 第${originRow + 1}行第${spans[originCol][0] + 1}列`;
      for (let u = spans[c][0]; u < spans[c][1]; u++) {
        const copy = id !== r * nc + c || u > spans[c][0];
        cells.push({ text, x: u, at, page, copy: copy || undefined });
      }
    }
    rows.push({ aligned: true, cells });
  }
  return rows;
}
