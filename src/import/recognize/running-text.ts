/**
 * A report's tables run into one line of text, as web archivers and crawlers save a page (cells
 * run together: 「规章000行政规范性文件417第二十条第（五）项信息内容…」). The statutory labels are
 * found in the line in the format's own order, each within reach of the one before, and the line
 * is cut into the rows a table would have given: captions and headers, each label with the
 * figures that follow it, and the appeals table's title, header and figures. Figures run
 * together stay one text here; the recognizer splits them by the row's count, or refuses to.
 */
import type { GridCell, GridRow } from '../grid';
import { joinedKey } from '../label-key';
import type { FormatSpecs, RowSpec } from '../row-specs';
import { RUNNING_ANCHORS, RUNNING_MIN_CHARS, RUNNING_REACH, RUNNING_SHORT_KEY } from './tuning';

/** A line with punctuation and spaces dropped, as joinedKey drops them, and where each kept character was. */
interface Compact {
  text: string;
  /** Index in the line of each character of `text`, and one past the end. */
  at: number[];
}

function compact(line: string): Compact {
  let text = '';
  const at: number[] = [];
  for (let i = 0; i < line.length; i++) {
    const kept = joinedKey([line[i]]);
    for (const ch of kept) {
      text += ch;
      at.push(i);
    }
  }
  at.push(line.length);
  return { text, at };
}

/** The figures that start a stretch of text: numbers (with spaces, a decimal point, a unit, a remark in brackets). */
const NUMBER = '[+\\-−－]?[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?(?:\\s*(?:万?元|件|项))?(?:[（(](?![一二三四五六七八九十]{1,3}[)）])[^（）()]{1,30}[)）])?';
const FIGURES = new RegExp(`^[\\s\\u00a0\\u3000]*((?:${NUMBER}[\\s\\u00a0\\u3000]*)+)`);
/** Figures inside a stretch of text: rows whose labels the format words otherwise (drift). */
const INNER_FIGURES = new RegExp(`(?:${NUMBER}[\\s\\u00a0\\u3000]*)+`, 'g');
/** What follows a list item's numbering: 「2.其他…」, never a decimal. */
const NUMBERING_AFTER = /^[.．、]\s*[^\d\s]/;

/**
 * The figures at the start of `text`. A list item's numbering that figures run into is the next
 * label's (「…00000002.其他法律…」: 0000000, and 2. begins the next label); statutory lists never
 * pass 9, so it is one digit.
 */
function leadingFigures(text: string): string {
  const figures = FIGURES.exec(text)?.[1] ?? '';
  if (!figures || !NUMBERING_AFTER.test(text.slice(figures.length)) || !/[0-9０-９]$/.test(figures)) return figures;
  return figures.slice(0, -1);
}

const OPENING = /[（(“"‘'《〈【\[]/;
const CLOSING = /[）)”"’'》〉】\]]/;

interface Anchor {
  spec: RowSpec;
  /** In the line: where its numbering starts, and where its label ends. */
  start: number;
  end: number;
}

/** The compact numbering a printed label carries before its key: 「2.其他法律…」 → 「2」. */
function numberingOf(spec: RowSpec): string {
  const full = joinedKey([spec.label]);
  return full.endsWith(spec.key) ? full.slice(0, full.length - spec.key.length) : '';
}

/** Where the tables may begin: each mention of a section caption or of the first table's title (a preface may name them too). */
function tableStarts(c: Compact, specs: FormatSpecs): number[] {
  const marks = [...specs.sections.map((s) => joinedKey([s.caption])), ...(specs.tables[0]?.words.slice(0, 1) ?? [])];
  const out: number[] = [];
  for (const m of marks) for (let k = c.text.indexOf(m); k >= 0; k = c.text.indexOf(m, k + 1)) out.push(k);
  return out.length ? [...new Set(out)].sort((x, y) => x - y) : [0];
}

/** The statutory labels in the line, in the format's order, each found within reach of the last. */
function anchorsFrom(line: string, c: Compact, specs: FormatSpecs, start: number): Anchor[] {
  const out: Anchor[] = [];
  let pos = start;
  for (const spec of specs.rows) {
    if (!spec.key) continue;
    const numbering = numberingOf(spec);
    const numbered = (k: number) => !!numbering && k - numbering.length >= pos && c.text.slice(k - numbering.length, k) === numbering;
    // A short label (「其他」) stands inside longer ones (「（六）其他处理」): it counts only with its own numbering.
    let k = c.text.indexOf(spec.key, pos);
    while (k >= 0 && numbering && spec.key.length < RUNNING_SHORT_KEY && !numbered(k)) k = c.text.indexOf(spec.key, k + 1);
    if (k < 0 || c.at[k] - c.at[pos] > RUNNING_REACH) continue;
    const from = numbered(k) ? k - numbering.length : k;
    // The label's brackets and quotes are its own: 「（二）部分公开（…情形）」「3.危及“三安全一稳定”」.
    let start = c.at[from];
    while (start > (out.length ? out[out.length - 1].end : 0) && OPENING.test(line[start - 1])) start--;
    let end = c.at[k + spec.key.length - 1] + 1;
    while (end < line.length && CLOSING.test(line[end])) end++;
    out.push({ spec, start, end });
    pos = k + spec.key.length;
  }
  // A label's numbering is its own even when digits run into it: 「…属于国家秘密0000000」「2.其他…」.
  return out.filter((a, i) => i === 0 || a.start >= out[i - 1].end || line.slice(out[i - 1].end, a.start).trim() === '');
}

/** The longest run of labels from any place the tables may begin, and that place (compact). */
function anchorsOf(line: string, c: Compact, specs: FormatSpecs): { start: number; anchors: Anchor[] } {
  let best = { start: 0, anchors: [] as Anchor[] };
  for (const start of tableStarts(c, specs)) {
    const anchors = anchorsFrom(line, c, specs, start);
    if (anchors.length > best.anchors.length) best = { start, anchors };
  }
  return best;
}

const cell = (text: string, x: number, at: string): GridCell => ({ text, x, at });

/** Figures as cells, split at spaces; each may be several figures run together, which the recognizer splits by its row's count. */
function figureCells(figures: string, at: string, from: number): GridCell[] {
  return figures
    .trim()
    .split(/[\s\u00a0\u3000]+/)
    .filter(Boolean)
    .map((t, i) => ({ ...cell(t, from + i, at), run: true }));
}

/**
 * Text between two rows: a caption, a header, a group label. A header of the sections table is
 * cut into its columns' texts (its units, 「（元）」, are the recognizer's to read).
 */
function textRows(text: string, at: string, specs: FormatSpecs, next: RowSpec | undefined): GridRow[] {
  const t = text.trim();
  if (!t) return [];
  // Labels with figures the format words otherwise (drift): each a row, for the recognizer to match loosely.
  const rows: GridRow[] = [];
  let from = 0;
  for (const m of t.matchAll(INNER_FIGURES)) {
    if (m.index === 0 || m.index < from) continue;
    const figures = leadingFigures(t.slice(m.index));
    if (!figures.trim()) continue;
    rows.push({ aligned: false, cells: [cell(t.slice(from, m.index).trim(), 0, at), ...figureCells(figures, at, 1)] });
    from = m.index + figures.length;
  }
  if (rows.length) return [...rows, ...textRows(t.slice(from), at, specs, next)];
  const header = specs.labelHeader && next?.section !== undefined ? specs.labelHeader : undefined;
  const c = compact(t);
  const h = header ? c.text.indexOf(header.key) : -1;
  if (!header || h < 0) return [{ aligned: false, cells: [cell(t, 0, at)] }];
  const columns = specs.sections[next!.section!].columns;
  const starts = [h, ...columns.map((col) => c.text.indexOf(col.key, h))];
  if (starts.some((s, i) => s < 0 || (i > 0 && s < starts[i - 1]))) return [{ aligned: false, cells: [cell(t, 0, at)] }];
  const before = t.slice(0, c.at[h]).trim();
  if (before) rows.push({ aligned: false, cells: [cell(before, 0, at)] });
  const texts = starts.map((s, i) => t.slice(c.at[s], i + 1 < starts.length ? c.at[starts[i + 1]] : t.length).trim());
  rows.push({ aligned: false, cells: texts.map((x, i) => cell(x, i, at)) });
  return rows;
}

/** After the last row: the appeals table's title, its header, and its figures, up to the prose after them. */
function appealsRows(rest: string, at: string, specs: FormatSpecs): GridRow[] {
  const table = specs.tables.find((t) => t.role === 'appeals');
  const c = compact(rest);
  let p = 0;
  for (const w of table?.words ?? []) {
    const k = c.text.indexOf(w, p);
    if (k < 0 || c.at[k] > RUNNING_REACH) return [];
    p = k + w.length;
  }
  if (table?.end) {
    const k = c.text.indexOf(table.end, p);
    if (k < 0 || k - p > table.end.length) return [];
    p = k + table.end.length;
  }
  const titleEnd = c.at[p];
  const body = rest.slice(titleEnd);
  const digit = body.search(/[0-9０-９]/);
  if (digit < 0 || digit > RUNNING_REACH) return [];
  const figures = FIGURES.exec(body.slice(digit))?.[1] ?? '';
  const count = (figures.match(/[0-9０-９]/g) ?? []).length;
  if (count < specs.appealCells.length) return [];
  return [
    { aligned: false, cells: [cell(rest.slice(0, titleEnd).trim(), 0, at)] },
    ...(body.slice(0, digit).trim() ? [{ aligned: false, cells: [cell(body.slice(0, digit).trim(), 0, at)] }] : []),
    { aligned: false, cells: figureCells(figures, at, 0) },
  ];
}

/** A row holding a whole report's tables as one line of text, cut into table rows; null when it is not one. */
export function tableRowsInLine(row: GridRow, specs: FormatSpecs): GridRow[] | null {
  const own = row.cells.filter((x) => !x.copy);
  if (own.length !== 1 || own[0].text.length < RUNNING_MIN_CHARS) return null;
  const line = own[0].text;
  const c = compact(line);
  const found = anchorsOf(line, c, specs);
  const anchors = found.anchors;
  if (anchors.length < RUNNING_ANCHORS) return null;
  const at = own[0].at;
  const start = c.at[found.start];
  // The text before the tables stays one line of text; what follows them (parts 五 and 六) is dropped, as no table is there.
  const rows: GridRow[] = [{ aligned: false, cells: [cell(line.slice(0, start).trim(), 0, at)] }];
  let from = start;
  anchors.forEach((a, i) => {
    rows.push(...textRows(line.slice(from, a.start), at, specs, a.spec));
    const next = anchors[i + 1]?.start ?? line.length;
    const figures = leadingFigures(line.slice(a.end, next));
    rows.push({ aligned: false, cells: [cell(line.slice(a.start, a.end), 0, at), ...figureCells(figures, at, 1)] });
    from = a.end + figures.length;
  });
  rows.push(...appealsRows(line.slice(from), at, specs));
  return rows.filter((r) => r.cells.some((x) => x.text));
}
