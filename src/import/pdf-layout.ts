/**
 * Page geometry of a PDF into grid rows, independent of the PDF library: text items with
 * their positions and the ruling lines drawn on the page. Ruled tables become cells between
 * the lines (merged where a line is missing); text in columns without lines becomes rows
 * split at the gaps that recur down consecutive lines; everything else one cell per line.
 * Coordinates are PDF user space: y grows upwards, baselines for text.
 */
import { looksLikeValue } from '../model/values';
import { clip } from './dom-text';
import type { GridCell, GridRow } from './grid';

export interface PdfText {
  str: string;
  /** Left end of the baseline. */
  x: number;
  y: number;
  w: number;
  /** Font height. */
  h: number;
}

/** A horizontal (y1 === y2) or vertical (x1 === x2) line. */
export interface PdfRule {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

interface Line {
  pos: number;
  a: number;
  b: number;
}

/** Two strokes closer than this are one line (double borders, hairline pairs). */
const SAME_LINE = 1.5;
/** Grid positions closer than this are one column or row boundary. */
const SAME_EDGE = 3;

/** Cells of one table on one page, in its own elementary rows and columns. */
export interface PdfTable {
  page: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** Column boundaries, left to right. */
  xs: number[];
  /** Row boundaries, top to bottom (descending y). */
  ys: number[];
  /** Region id of each elementary cell, row-major; the id is the region's first cell. */
  region: Int32Array;
  /** Text of each region, by its id. */
  text: Map<number, string>;
}

interface Chunk {
  a: number;
  b: number;
  text: string;
}

export interface PdfLine {
  top: number;
  /** The line's pieces, split at wide gaps. */
  chunks: Chunk[];
  /** Consecutive lines of two or more pieces share a run number (per page); their columns are found together. */
  run?: number;
  /** Column texts once the run's columns are known; blanks are '' at their column. */
  cells?: string[];
  /** Font height: the width of one Chinese character, the unit of the line's indentation. */
  h?: number;
}

export type PdfBlock = { kind: 'line'; top: number; line: PdfLine } | { kind: 'table'; top: number; table: PdfTable };

export interface PdfPage {
  page: number;
  height: number;
  blocks: PdfBlock[];
}

const isWide = (ch: string) => /[\u1100-\u11ff\u2e80-\ua4cf\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch);
const isWord = (ch: string) => /[A-Za-z0-9]/.test(ch);

/** Joins text pieces: a space only between two Latin letters or digits, never inside Chinese. */
function joinPieces(parts: string[]): string {
  let out = '';
  for (const p of parts) {
    const t = p.trim();
    if (!t) continue;
    out += out && isWord(out[out.length - 1]) && isWord(t[0]) ? ` ${t}` : t;
  }
  return out;
}

/** Groups items into lines by baseline, with a tolerance relative to the font height. */
function linesOf(items: PdfText[]): PdfText[][] {
  const sorted = [...items].sort((p, q) => q.y - p.y || p.x - q.x);
  const lines: PdfText[][] = [];
  let cur: PdfText[] = [];
  let y = 0;
  let h = 0;
  for (const it of sorted) {
    if (cur.length && Math.abs(it.y - y) <= 0.5 * Math.min(h, it.h || h)) {
      cur.push(it);
      continue;
    }
    if (cur.length) lines.push(cur);
    cur = [it];
    y = it.y;
    h = it.h || 1;
  }
  if (cur.length) lines.push(cur);
  return lines.map((l) => l.sort((p, q) => p.x - q.x));
}

/** Text of one line: pieces further apart than a wide space get one space between them. */
function lineText(line: PdfText[]): string {
  let out = '';
  let end = -Infinity;
  for (const it of line) {
    const t = it.str.trim();
    if (!t) continue;
    const gap = it.x - end;
    if (out && gap > 0.25 * it.h && !(isWide(out[out.length - 1]) && isWide(t[0]) && gap < 0.8 * it.h)) out += ' ';
    else if (out && isWord(out[out.length - 1]) && isWord(t[0]) && gap > 0.1 * it.h) out += ' ';
    out += t;
    end = it.x + it.w;
  }
  return out;
}

/** Collinear strokes merged into lines: same position within SAME_LINE, touching or overlapping. */
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
      if (l.a <= cur.b + SAME_LINE) cur.b = Math.max(cur.b, l.b);
      else {
        out.push(cur);
        cur = { pos, a: l.a, b: l.b };
      }
    }
    out.push(cur);
    group = [];
  };
  for (const s of sorted) {
    if (group.length && s.pos - group[0].pos > SAME_LINE) flush();
    group.push(s);
  }
  flush();
  return out;
}

function clusterPositions(ps: number[]): number[] {
  const sorted = [...ps].sort((p, q) => p - q);
  const out: number[][] = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (last && p - last[last.length - 1] <= SAME_EDGE) last.push(p);
    else out.push([p]);
  }
  return out.map((g) => g.reduce((s, p) => s + p, 0) / g.length);
}

/** Share of [a, b] that lines at `pos` cover. */
function coverage(lines: Line[], pos: number, a: number, b: number): number {
  let covered = 0;
  for (const l of lines) {
    if (Math.abs(l.pos - pos) > SAME_EDGE) continue;
    covered += Math.max(0, Math.min(b, l.b) - Math.max(a, l.a));
  }
  return covered / Math.max(b - a, 1e-6);
}

/** Tables from ruling lines: connected sets of horizontal and vertical lines that cross. */
function findTables(rules: PdfRule[], page: number, maxCells: number): PdfTable[] {
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
      if (v.pos >= h.a - SAME_EDGE && v.pos <= h.b + SAME_EDGE && h.pos >= v.a - SAME_EDGE && h.pos <= v.b + SAME_EDGE) parent[find(i)] = find(hs.length + j);
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
        if (c + 1 < nc && coverage(v, xs[c + 1], ys[r + 1], ys[r]) < 0.6) join(r * nc + c, r * nc + c + 1);
        if (r + 1 < nr && coverage(h, ys[r + 1], xs[c], xs[c + 1]) < 0.6) join(r * nc + c, (r + 1) * nc + c);
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

function cellAt(t: PdfTable, x: number, y: number): number {
  if (x < t.left - 1 || x > t.right + 1 || y > t.top + 1 || y < t.bottom - 1) return -1;
  let c = t.xs.findIndex((edge, i) => i > 0 && x < edge);
  if (c < 0) c = t.xs.length - 1;
  let r = t.ys.findIndex((edge, i) => i > 0 && y > edge);
  if (r < 0) r = t.ys.length - 1;
  return t.region[(r - 1) * (t.xs.length - 1) + (c - 1)];
}

/** A line's pieces, split where the gap is wider than a double space; runs of spaces inside an item split it too. */
function chunksOf(line: PdfText[]): Chunk[] {
  const pieces: { a: number; b: number; text: string }[] = [];
  for (const it of line) {
    // Estimate each character's position: wide characters take twice a narrow one.
    const chars = [...it.str];
    const units = chars.reduce((s, ch) => s + (isWide(ch) ? 2 : 1), 0) || 1;
    const unit = it.w / units;
    let at = it.x;
    let start = -1;
    let startX = 0;
    let blanks = 0;
    let text = '';
    chars.forEach((ch, i) => {
      const w = (isWide(ch) ? 2 : 1) * unit;
      if (/\s/.test(ch)) {
        blanks++;
        if (blanks >= 2 && start >= 0) {
          pieces.push({
            a: startX,
            b: at - (blanks - 1) * unit,
            text: text.trim(),
          });
          start = -1;
          text = '';
        }
      } else {
        if (start < 0) {
          start = i;
          startX = at;
        }
        if (blanks === 1 && text) text += ' ';
        blanks = 0;
        text += ch;
      }
      at += w;
    });
    if (start >= 0 && text.trim()) pieces.push({ a: startX, b: it.x + it.w, text: text.trim() });
  }
  const out: { a: number; b: number; text: string }[] = [];
  const h = Math.max(...line.map((i) => i.h), 1);
  for (const p of pieces) {
    const last = out[out.length - 1];
    if (last && p.a - last.b < 0.8 * h) {
      last.text = lineText([
        { str: last.text, x: last.a, y: 0, w: last.b - last.a, h },
        { str: p.text, x: p.a, y: 0, w: p.b - p.a, h },
      ]);
      last.b = p.b;
    } else out.push({ ...p });
  }
  return out;
}

/** Column texts for a run of lines whose value pieces line up; the label is the first column. */
function columnRows(run: Chunk[][]): string[][] | null {
  const isValue = (c: { text: string }, i: number) => i > 0 && looksLikeValue(c.text);
  if (run.filter((l) => l.some(isValue)).length < 2) return null;
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

/** A running page number: 「3」「- 3 -」「第3页」「3/12」「第 3 页 共 12 页」. */
export const PAGE_NUMBER = /^[-—–\s]*(?:第\s*)?\d{1,4}\s*(?:页)?(?:\s*[/／]\s*\d{1,4}|\s*共\s*\d{1,4}\s*页)?[-—–\s]*$/;

/** One page's blocks in reading order: its tables and its text lines. */
export function layoutPage(page: number, height: number, items: PdfText[], rules: PdfRule[], maxCells: number): PdfPage {
  const tables = findTables(rules, page, maxCells);
  const inTable = new Map<PdfTable, Map<number, PdfText[]>>();
  const free: PdfText[] = [];
  for (const it of items) {
    if (!it.str.trim()) continue;
    const cx = it.x + it.w / 2;
    const cy = it.y + it.h * 0.35;
    const t = tables.find((tb) => cellAt(tb, cx, cy) >= 0);
    if (!t) {
      free.push(it);
      continue;
    }
    const id = cellAt(t, cx, cy);
    const byCell = inTable.get(t) ?? new Map<number, PdfText[]>();
    byCell.set(id, [...(byCell.get(id) ?? []), it]);
    inTable.set(t, byCell);
  }
  for (const t of tables) for (const [id, its] of inTable.get(t) ?? []) t.text.set(id, clip(joinPieces(linesOf(its).map(lineText))));

  const lines = linesOf(free)
    .map((l) => ({
      top: Math.max(...l.map((i) => i.y + i.h)),
      bottom: Math.min(...l.map((i) => i.y)),
      h: Math.max(...l.map((i) => i.h)),
      chunks: chunksOf(l),
    }))
    .filter((l) => {
      const text = l.chunks.map((c) => c.text).join(' ');
      // Running page numbers in the top or bottom margin are not part of the report.
      const margin = l.top > height * 0.93 || l.bottom < height * 0.08;
      return text && !(margin && PAGE_NUMBER.test(text));
    });
  const blocks: PdfBlock[] = tables.map((t) => ({
    kind: 'table',
    top: t.top,
    table: t,
  }));
  let run = 0;
  lines.forEach((l, i) => {
    const prev = lines[i - 1];
    // A run: consecutive lines of two or more pieces, not separated by a table or a wide gap.
    const joins = prev && prev.chunks.length >= 2 && l.chunks.length >= 2 && prev.bottom - l.top < 2.5 * l.h && !tables.some((t) => t.top < prev.bottom && t.top > l.top);
    if (l.chunks.length >= 2 && !joins) run++;
    blocks.push({ kind: 'line', top: l.top, line: { top: l.top, chunks: l.chunks, run: l.chunks.length >= 2 ? run : undefined, h: l.h } });
  });
  blocks.sort((p, q) => q.top - p.top);
  return { page, height, blocks };
}

/** Whether `b`, first on its page, continues `a`, last on the page before: same left and right edges. */
function continues(a: PdfTable, b: PdfTable): boolean {
  return Math.abs(a.left - b.left) <= SAME_EDGE && Math.abs(a.right - b.right) <= SAME_EDGE;
}

/** Grid rows of all pages; a table broken across pages keeps one set of column positions. */
export function rowsOfPages(pages: PdfPage[]): GridRow[] {
  // Chains of table parts across page breaks share the union of their column boundaries.
  const chainOf = new Map<PdfTable, PdfTable[]>();
  let prev: PdfTable | undefined;
  for (const p of pages) {
    const first = p.blocks[0];
    if (prev && first?.kind === 'table' && continues(prev, first.table)) {
      const chain = chainOf.get(prev)!;
      chain.push(first.table);
      chainOf.set(first.table, chain);
    }
    for (const b of p.blocks) if (b.kind === 'table' && !chainOf.has(b.table)) chainOf.set(b.table, [b.table]);
    const last = p.blocks[p.blocks.length - 1];
    prev = last?.kind === 'table' ? last.table : undefined;
  }
  // Runs of text columns, also across a page break, get their columns from all their lines.
  const runs: PdfLine[][] = [];
  let open: PdfLine[] | undefined;
  for (const p of pages) {
    let pageRun: number | undefined;
    p.blocks.forEach((b, i) => {
      if (b.kind !== 'line' || b.line.run === undefined) {
        open = undefined;
        return;
      }
      const carried = i === 0 && open !== undefined;
      if (!carried && (pageRun !== b.line.run || !open)) runs.push((open = []));
      pageRun = b.line.run;
      open!.push(b.line);
    });
  }
  for (const run of runs) {
    const cells = columnRows(run.map((l) => l.chunks));
    run.forEach((l, k) => (l.cells = cells ? cells[k] : l.chunks.map((c) => c.text)));
  }

  const rows: GridRow[] = [];
  let tableNo = 0;
  const numbers = new Map<PdfTable[], number>();
  const lastRow = new Map<PdfTable[], GridRow>();
  for (const p of pages) {
    let lineNo = 0;
    for (const b of p.blocks) {
      if (b.kind === 'line') {
        lineNo++;
        const at = `第${p.page}页 第${lineNo}行`;
        const cells = b.line.cells ?? [b.line.chunks.map((c) => c.text).join(' ')];
        if (cells.length === 1) rows.push({ aligned: false, cells: [{ text: clip(cells[0]), x: 0, at, page: p.page }] });
        else rows.push({ aligned: false, cells: cells.map((t, x) => ({ text: clip(t), x, at: `${at}第${x + 1}列`, page: p.page })) });
        continue;
      }
      const chain = chainOf.get(b.table)!;
      const continued = numbers.has(chain);
      if (!continued) numbers.set(chain, ++tableNo);
      const name = `第${p.page}页 表${numbers.get(chain)}${continued ? '（续）' : ''}`;
      const part = tableRows(b.table, clusterPositions(chain.flatMap((t) => t.xs)), name, p.page);
      const last = lastRow.get(chain);
      if (continued && last && part.length && splitRow(last, part[0])) part.shift();
      rows.push(...part);
      if (part.length) lastRow.set(chain, part[part.length - 1]);
    }
  }
  return rows;
}

const hasNumber = (c: GridCell) => !c.copy && c.text.trim() !== '' && looksLikeValue(c.text);

/**
 * A row broken by a page break: the continuation's first row holds only the rest of the
 * texts of the row above it (a wrapped label), and no number. Its texts are joined onto that row.
 */
function splitRow(above: GridRow, first: GridRow): boolean {
  const own = first.cells.filter((c) => !c.copy && c.text.trim());
  if (!own.length || first.cells.some(hasNumber)) return false;
  const target = own.map((c) => above.cells.find((a) => a.x === c.x));
  if (target.some((a) => !a || hasNumber(a))) return false;
  own.forEach((c, i) => {
    const a = target[i]!;
    const text = clip(joinPieces([a.text, c.text]));
    for (const d of above.cells) if (d.at === a.at && d.text === a.text) d.text = text;
  });
  return true;
}

function tableRows(t: PdfTable, union: number[], name: string, page: number): GridRow[] {
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
