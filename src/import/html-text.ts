/**
 * An HTML page's running text: its block elements (p, div, h1–h6, li, lines broken by br)
 * outside the report's tables, in order. CMS pages put titles in <strong> inside <p> and pad
 * with &nbsp; runs; a table that holds the page's layout (other tables, or prose) is read through.
 */
import { REPORT_SECTIONS } from '../formats/report-sections';
import { numberedSectionOf } from '../narrative/sections';
import type { ChildNode, Document, Element } from 'domhandler';
import type { FormatRegistry } from '../formats';
import type { ReportDocument } from '../narrative/document';
import { isTag } from './dom-text';
import { isProse, isTableText, reportDocument, tableLabels } from './document-text';
import { BLOCK, SKIP } from './html-grid';
import { MAX_DEPTH } from './limits';
import { readTitle } from './title';

function textOf(n: ChildNode, depth = 0): string {
  if (n.type === 'text') return (n as unknown as { data: string }).data;
  if (!isTag(n) || SKIP.has(n.name) || depth > MAX_DEPTH) return '';
  return n.children.map((c) => textOf(c, depth + 1)).join(' ');
}

function hasTable(n: Element, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  return n.children.some((c) => isTag(c) && (c.name === 'table' || hasTable(c, depth + 1)));
}

/** More prose than any table cell of a report holds: the cell is the page's text. */
const LAYOUT_PROSE = 150;

/** A table used to lay the page out, not one of the report's: it holds other tables, or paragraphs of prose in a cell. */
function isLayoutTable(table: Element): boolean {
  const cells: Element[] = [];
  const visit = (n: Element, depth: number) => {
    if (depth > MAX_DEPTH) return;
    for (const c of n.children) {
      if (!isTag(c) || c.name === 'table') continue;
      if (c.name === 'td' || c.name === 'th') cells.push(c);
      else visit(c, depth + 1);
    }
  };
  visit(table, 0);
  return cells.some((c) => {
    if (hasTable(c)) return true;
    const text = textOf(c);
    return isProse(text) && text.replace(/\s+/g, '').length > LAYOUT_PROSE;
  });
}

/** The report's first and last part headings: the page's own text lies between them and around its tables. */
/** How far before the report's container its title may stand (a page header, a date line between). */
const TITLE_REACH = 6;

interface Block {
  text: string;
  /** The innermost element the text sits in. */
  at?: Element;
}

function lastIndex<T>(xs: T[], test: (x: T) => boolean): number {
  for (let i = xs.length - 1; i >= 0; i--) if (test(xs[i])) return i;
  return -1;
}

/** An element's ancestors and itself, outermost first. */
function pathOf(el: Element | undefined): Element[] {
  const out: Element[] = [];
  for (let n: Element | null | undefined = el; n && out.length <= MAX_DEPTH + 1; n = n.parent as Element | null) if (isTag(n)) out.unshift(n);
  return out;
}

function within(el: Element | undefined, container: Element): boolean {
  let steps = 0;
  for (let n: Element | null | undefined = el; n && steps++ <= MAX_DEPTH + 1; n = n.parent as Element | null) if (n === container) return true;
  return false;
}

/** The innermost element holding every one of these positions. */
function commonContainer(paths: Element[][]): Element | undefined {
  let common: Element | undefined;
  for (let d = 0; paths.every((p) => d < p.length && p[d] === paths[0][d]); d++) common = paths[0][d];
  return common;
}

/**
 * A CMS page holds the report inside its navigation, share buttons and footer. When the first
 * and the last part headings and the tables share a container below the page's body, only that
 * container's text is the report's, with the title standing just before it.
 */
function reportBlocks(blocks: Block[], tables: Element[]): Block[] {
  const first = blocks.findIndex((b) => numberedSectionOf(b.text) === REPORT_SECTIONS[0].no);
  const last = lastIndex(blocks, (b) => numberedSectionOf(b.text) === REPORT_SECTIONS[REPORT_SECTIONS.length - 1].no);
  if (first < 0 || last < first) return blocks;
  const container = commonContainer([pathOf(blocks[first].at), pathOf(blocks[last].at), ...tables.map(pathOf)]);
  if (!container || container.name === 'html' || container.name === 'body') return blocks;
  const inside = blocks.map((b) => within(b.at, container));
  const start = inside.indexOf(true);
  const title = lastIndex(blocks.slice(0, start), (b) => readTitle(b.text) !== null);
  return blocks.filter((_, i) => inside[i] || (title >= start - TITLE_REACH && i === title));
}

export function documentFromHtmlPage(doc: Document, source: string, registry: FormatRegistry): ReportDocument {
  const labels = tableLabels(registry);
  const blocks: Block[] = [];
  const tables: Element[] = [];
  const stack: Element[] = [];
  let line: string[] = [];
  const flush = () => {
    const t = line.join('').replace(/\s+/g, ' ').trim();
    if (t) blocks.push({ text: t, at: stack[stack.length - 1] });
    line = [];
  };
  const walk = (nodes: ChildNode[], depth = 0) => {
    if (depth > MAX_DEPTH) return;
    for (const n of nodes) {
      if (n.type === 'text') line.push((n as unknown as { data: string }).data);
      if (!isTag(n) || SKIP.has(n.name)) continue;
      if (n.name === 'table' && !isLayoutTable(n)) {
        flush();
        tables.push(n);
        continue;
      }
      const block = BLOCK.has(n.name) || n.name === 'td' || n.name === 'th';
      if (block) flush();
      stack.push(n);
      walk(n.children, depth + 1);
      stack.pop();
      if (block) flush();
    }
  };
  walk(doc.children);
  flush();
  return reportDocument(
    source,
    reportBlocks(blocks, tables)
      .filter((b) => !isTableText(b.text, labels))
      .map((b) => ({ text: b.text })),
  );
}
