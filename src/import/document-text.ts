/**
 * A published report's running text (its paragraphs outside the tables, in order), shared by
 * the per-kind readers: which lines are a table's rows printed as text, and how lines broken
 * by the page width join back into paragraphs.
 */
import { REPORT_SECTIONS } from '../formats/report-sections';
import { numberedSectionOf } from '../narrative/sections';
import type { FormatRegistry } from '../formats';
import type { HeaderNode } from '../formats/types';
import type { Report } from '../model/report';
import type { DocParagraph, ReportDocument } from '../narrative/document';
import { labelKey } from './label-key';
import { MAX_DOCUMENT_CHARS } from './limits';
import { InputError } from '../model/report-json';

/** A line of a page or of a text file, before paragraphs are made. */
export interface SourceLine {
  text: string;
  page?: number;
  /** Left and right ends, for joining lines broken by the page width, and the width of one Chinese character, all in the page's units. */
  left?: number;
  right?: number;
  unit?: number;
  /** A table's row as the grid read it (cells in columns), or a ruled table standing here. */
  row?: boolean;
  /** The statutory table one of whose figures a report read from this line, with that report: 「0:requests」. A table's lines never reach into another report's. */
  table?: string;
  /** A running page number or the like: never text. */
  skip?: boolean;
}

const labelSets = new WeakMap<FormatRegistry, Set<string>>();

function headerLabels(nodes: HeaderNode[]): string[] {
  return nodes.flatMap((n) => [n.label, ...headerLabels(n.children ?? [])]);
}

/** The keys of every label printed inside the statutory tables (captions, headers, rows), of every format; the tables' titles are section headings and are not among them. */
export function tableLabels(registry: FormatRegistry): Set<string> {
  const hit = labelSets.get(registry);
  if (hit) return hit;
  const labels: string[] = [];
  for (const f of registry.all)
    for (const t of f.def.tables) {
      if (t.layout === 'sections') labels.push(t.labelHeader, ...t.sections.flatMap((s) => [s.caption, ...s.columns.map((c) => c.label), ...s.rows.map((r) => r.label)]));
      else if (t.layout === 'matrix') labels.push(t.corner, ...headerLabels(t.columns), ...t.rows.flatMap((r) => r.path));
      else labels.push(...headerLabels(t.columns));
    }
  const titles = new Set(registry.all.flatMap((f) => f.def.tables.map((t) => labelKey(t.title))));
  const keys = new Set(labels.map(labelKey).filter((k) => k && !titles.has(k)));
  labelSets.set(registry, keys);
  return keys;
}

/** A figure or a placeholder as a table cell holds it: 「12」「-3」「38.41」「51.85%」「—」「/」. */
const FIGURE = /^(?:[+\-−]?\d[\d,，.]*%?|[—–\-－/／\\*＊]+|无)$/;

/** Shortest piece of a label recognized on its own: a label wrapped over lines leaves pieces of it. */
const LABEL_PIECE = 4;

function isLabelPiece(key: string, labels: Set<string>): boolean {
  if (labels.has(key)) return true;
  if (key.length < LABEL_PIECE) return false;
  for (const l of labels) if (l.includes(key)) return true;
  return false;
}

/**
 * Text that is a table's content, not prose: a statutory label or a piece of one (a label
 * wrapped over lines), or labels and figures only (「规章 0 0 0」「自然人 商业企业 科研机构」).
 */
export function isTableText(text: string, labels: Set<string>): boolean {
  const t = text.normalize('NFKC').trim();
  if (!t) return false;
  if (isLabelPiece(labelKey(t), labels)) return true;
  const pieces = t.split(/\s+/);
  if (pieces.length === 1) return FIGURE.test(t) && /\d/.test(t);
  return pieces.every((p) => FIGURE.test(p) || labels.has(labelKey(p)));
}

/** A sentence of the report, not a fragment of a table: long enough and punctuated as prose. */
export function isProse(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  return (t.length >= 20 && /[，。；：,;]/.test(t)) || (/[。；;！？]$/.test(t) && t.length >= 8);
}

/** Prose for certain, where a table's wrapped cells could also pass for it: a whole sentence, or a line longer than a cell. */
function isSurelyProse(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  return isProse(t) && (/[。；;！？]$/.test(t) || t.length >= 30);
}

/** A part or item heading of the report's own text (一、…, （一）…, 第一部分): where a table's header lines end. */
const HEADING = /^\s*(?:[一二三四五六七八九十]{1,2}\s*[、.．]|[（(][一二三四五六七八九十]{1,2}[）)]|第[一二三四五六七八九十]部分)/;

/** How far above a table's first figure its header and caption lines may reach. */
const HEADER_REACH = 16;

/**
 * Marks the lines that belong to the tables: rows read as table rows, statutory labels, and
 * between a table's first and last figure every line that is not prose; above the first figure,
 * the header lines up to the heading or prose before them.
 */
export function markTableLines(lines: SourceLine[], labels: Set<string>): boolean[] {
  const inTable = lines.map((l) => !!l.row || isTableText(l.text, labels));
  const spans = new Map<string, [number, number]>();
  lines.forEach((l, i) => {
    if (!l.table) return;
    const s = spans.get(l.table);
    spans.set(l.table, s ? [s[0], i] : [i, i]);
  });
  for (const [first, last] of spans.values()) {
    for (let i = first; i <= last; i++) if (!isSurelyProse(lines[i].text)) inTable[i] = true;
    for (let i = first - 1; i >= Math.max(0, first - HEADER_REACH); i--) {
      const t = lines[i].text;
      if (isSurelyProse(t) || (HEADING.test(t) && !labels.has(labelKey(t)))) break;
      inTable[i] = true;
    }
  }
  return inTable;
}

/** The value a share of the lines stays below: a robust maximum. */
function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))];
}

/** Lines long enough to show where the page's text begins and ends. */
const MEASURE_MIN = 10;

interface Margins {
  left: number;
  right: number;
}

/** Fewer longer lines than this on a page say little about its margins: the document's are taken. */
const MEASURE_LINES = 3;

function margins(ls: SourceLine[]): Margins {
  return {
    left: Math.min(...ls.map((l) => l.left!)),
    right: percentile(
      ls.map((l) => l.right!),
      0.9,
    ),
  };
}

/** Left and right margins of each page's body text, from its longer lines. */
function marginsByPage(lines: SourceLine[]): Map<number | undefined, Margins> {
  const measured = lines.filter((l) => l.left !== undefined && l.right !== undefined && l.text.replace(/\s+/g, '').length >= MEASURE_MIN);
  const byPage = new Map<number | undefined, SourceLine[]>();
  for (const l of measured) byPage.set(l.page, [...(byPage.get(l.page) ?? []), l]);
  const out = new Map<number | undefined, Margins>();
  if (!measured.length) return out;
  const whole = margins(measured);
  for (const l of lines) {
    const ls = byPage.get(l.page) ?? [];
    if (!out.has(l.page)) out.set(l.page, ls.length >= MEASURE_LINES ? margins(ls) : whole);
  }
  return out;
}

/** How close to the right margin a line must end to run on into the next, and how far in a first line starts, in characters. */
const INDENT = 0.6;
const ENDS_SENTENCE = /[。；;：:！!？?]$/;
const LATIN_END = /[A-Za-z]$/;
const LATIN_START = /^[A-Za-z]/;

/** Whether `next` continues the paragraph whose last line is `prev`: `prev` fills the line and `next` is not indented. */
function continues(prev: SourceLine, next: SourceLine, margins: Map<number | undefined, Margins>, slack: number): boolean {
  const a = margins.get(prev.page);
  const b = margins.get(next.page);
  if (!a || !b || prev.right === undefined || next.left === undefined) return false;
  if (prev.right < a.right - slack * (prev.unit ?? 1)) return false;
  if (next.left > b.left + INDENT * (next.unit ?? 1)) return false;
  return !(HEADING.test(next.text) && ENDS_SENTENCE.test(prev.text.trim()));
}

function joinLines(a: string, b: string): string {
  return LATIN_END.test(a) && LATIN_START.test(b) ? `${a} ${b}` : a + b;
}

/**
 * Paragraphs from lines: table lines and skipped lines dropped (a table ends a paragraph);
 * with positions, a line that fills the width (within `slack` characters) runs on into an
 * unindented next line.
 */
export function paragraphsFromLines(lines: SourceLine[], inTable: boolean[], slack: number): DocParagraph[] {
  const margins = marginsByPage(lines.filter((l, i) => !inTable[i] && !l.skip));
  const out: DocParagraph[] = [];
  let last: SourceLine | undefined;
  lines.forEach((l, i) => {
    if (inTable[i]) {
      last = undefined;
      return;
    }
    const text = l.text.trim();
    // Blank lines and page numbers stand between the lines of a paragraph broken by a page.
    if (l.skip || !text) return;
    if (last && continues(last, l, margins, slack)) out[out.length - 1].text = joinLines(out[out.length - 1].text, text);
    else out.push(l.page === undefined ? { text } : { text, page: l.page });
    last = l;
  });
  return out;
}

/** The document, refused when its text is beyond any report's size rather than cut. */
export function reportDocument(source: string, paragraphs: DocParagraph[]): ReportDocument {
  const chars = paragraphs.reduce((n, p) => n + p.text.length, 0);
  if (chars > MAX_DOCUMENT_CHARS) throw new InputError(`正文超过 ${MAX_DOCUMENT_CHARS} 个字，远大于一份年报，已拒绝读取`);
  return { source, paragraphs };
}

/** Where the reports read their figures, by report and table: the provenance parsed by `locate` (a line index, or undefined). */
export function figureLines(reports: Report[], locate: (at: string) => number | undefined): Map<number, string> {
  const out = new Map<number, string>();
  reports.forEach((r, n) => {
    for (const [id, where] of Object.entries(r.provenance ?? {})) {
      const at = locate(where.address);
      if (at !== undefined && !out.has(at)) out.set(at, `${n}:${id.split('.')[0]}`);
    }
  });
  return out;
}

/** Prose enough to be a report's text with one of those parts; more than any note beside a table, without. */
const TEXT_WITH_PART = 200;
const TEXT_ALONE = 800;

/**
 * Whether a document holds a report's text and not only its tables (with their title,
 * captions and perhaps a note): two parts that are never a table (even empty), one with some
 * prose, or much prose.
 */
export function holdsReportText(document: ReportDocument): boolean {
  // The parts of a report that are never a table's title (一 总体情况, 五 问题, 六 其他事项), each counted once.
  const parts = new Set(document.paragraphs.map((p) => numberedSectionOf(p.text)).filter((no) => no !== undefined && REPORT_SECTIONS[no - 1].prose)).size;
  const prose = document.paragraphs.filter((p) => isProse(p.text)).reduce((n, p) => n + p.text.replace(/\s+/g, '').length, 0);
  return parts >= 2 || (parts === 1 && prose >= TEXT_WITH_PART) || prose >= TEXT_ALONE;
}
