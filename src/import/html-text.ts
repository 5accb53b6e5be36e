/**
 * An HTML page's running text: its block elements (p, div, h1–h6, li, lines broken by br)
 * outside the report's tables, in order. CMS pages put titles in <strong> inside <p> and pad
 * with &nbsp; runs; a table that holds the page's layout (other tables, or prose) is read through.
 */
import type { ChildNode, Document, Element } from 'domhandler';
import type { FormatRegistry } from '../formats';
import type { ReportDocument } from '../narrative/document';
import { isTag } from './dom-text';
import { isProse, isTableText, reportDocument, tableLabels } from './document-text';
import { BLOCK, SKIP } from './html-grid';
import { MAX_DEPTH } from './limits';

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

export function documentFromHtmlPage(doc: Document, source: string, registry: FormatRegistry): ReportDocument {
  const labels = tableLabels(registry);
  const texts: string[] = [];
  let line: string[] = [];
  const flush = () => {
    const t = line.join('').replace(/\s+/g, ' ').trim();
    if (t) texts.push(t);
    line = [];
  };
  const walk = (nodes: ChildNode[], depth = 0) => {
    if (depth > MAX_DEPTH) return;
    for (const n of nodes) {
      if (n.type === 'text') line.push((n as unknown as { data: string }).data);
      if (!isTag(n) || SKIP.has(n.name)) continue;
      if (n.name === 'table' && !isLayoutTable(n)) {
        flush();
        continue;
      }
      const block = BLOCK.has(n.name) || n.name === 'td' || n.name === 'th';
      if (block) flush();
      walk(n.children, depth + 1);
      if (block) flush();
    }
  };
  walk(doc.children);
  flush();
  return reportDocument(
    source,
    texts.filter((t) => !isTableText(t, labels)).map((text) => ({ text })),
  );
}
