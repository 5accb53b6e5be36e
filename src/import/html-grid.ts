/**
 * An HTML page as one grid: text blocks as one-cell rows (titles) and every <table>'s rows,
 * with colspan and rowspan honoured. Nothing of the page is ever rendered.
 */
import type { ChildNode, Document, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { InputError } from '../model/report-json';
import { clip, isTag } from './dom-text';
import type { Grid, GridCell, GridRow } from './grid';
import { MAX_CELLS, MAX_DEPTH, MAX_HTML_TAGS, MAX_TABLES } from './limits';

/** Elements whose text is never the page's. */
export const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head']);
/** Elements that break a line of text. */
export const BLOCK = new Set(['p', 'div', 'br', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article', 'title', 'tr', 'table', 'caption']);

function plainText(n: ChildNode, depth = 0): string {
  if (n.type === 'text') return (n as unknown as { data: string }).data;
  if (!isTag(n) || SKIP.has(n.name) || depth > MAX_DEPTH) return '';
  if (n.name === 'br') return ' ';
  return n.children.map((c) => plainText(c, depth + 1)).join('');
}

function rowsOf(table: Element): Element[] {
  const out: Element[] = [];
  const visit = (n: Element, depth: number) => {
    if (depth > MAX_DEPTH) return;
    for (const c of n.children) {
      if (!isTag(c)) continue;
      if (c.name === 'tr') out.push(c);
      else if (c.name === 'thead' || c.name === 'tbody' || c.name === 'tfoot') visit(c, depth + 1);
    }
  };
  visit(table, 0);
  return out;
}

function span(el: Element, name: string): number {
  return Math.max(1, Math.min(64, Number(el.attribs[name]) || 1));
}

/** The page parsed once, within the tag bound: its tables make the grid, its text blocks the running text. */
export function parseHtmlPage(html: string): Document {
  let tags = 0;
  for (let i = html.indexOf('<'); i !== -1; i = html.indexOf('<', i + 1)) if (++tags > MAX_HTML_TAGS) throw new InputError(`网页中的标签超过 ${MAX_HTML_TAGS} 个，远大于一份年报，已拒绝读取`);
  return parseDocument(html, { decodeEntities: true });
}

export function gridFromHtmlPage(doc: Document, source: string): Grid {
  const rows: GridRow[] = [];
  let line: string[] = [];
  let tables = 0;
  let cells = 0;
  const flush = () => {
    const t = clip(line.join('').replace(/\s+/g, ' ').trim());
    if (t) rows.push({ aligned: false, cells: [{ text: t, x: 0, at: '正文' }] });
    line = [];
  };
  const table = (el: Element) => {
    if (++tables > MAX_TABLES) throw new InputError(`网页中的表格超过 ${MAX_TABLES} 个，已拒绝读取`);
    const pending = new Map<string, GridCell>();
    rowsOf(el).forEach((tr, r) => {
      const out: GridCell[] = [];
      let x = 0;
      const fillPending = () => {
        while (pending.has(`${r}:${x}`)) {
          out.push(pending.get(`${r}:${x}`)!);
          x++;
        }
      };
      tr.children
        .filter((c): c is Element => isTag(c) && (c.name === 'td' || c.name === 'th'))
        .forEach((td, c) => {
          fillPending();
          const text = clip(plainText(td).replace(/\s+/g, ' ').trim());
          const at = `表${tables} 第${r + 1}行第${c + 1}格`;
          const cs = span(td, 'colspan');
          const rs = span(td, 'rowspan');
          for (let k = 0; k < cs; k++) {
            out.push({ text, x: x + k, at, copy: k > 0 || undefined });
            for (let j = 1; j < rs; j++) pending.set(`${r + j}:${x + k}`, { text, x: x + k, at, copy: true });
          }
          x += cs;
        });
      fillPending();
      cells += out.length;
      if (cells > MAX_CELLS) throw new InputError(`网页中的表格单元格过多（超过 ${MAX_CELLS} 个），已拒绝读取`);
      rows.push({ aligned: true, cells: out });
    });
  };
  const walk = (nodes: ChildNode[], depth = 0) => {
    // Deeper than any real page: ignored, so a hostile nesting cannot exhaust the stack.
    if (depth > MAX_DEPTH) return;
    for (const n of nodes) {
      if (n.type === 'text') line.push((n as unknown as { data: string }).data);
      else if (isTag(n)) {
        if (SKIP.has(n.name) && n.name !== 'head') continue;
        if (n.name === 'table') {
          flush();
          table(n);
          continue;
        }
        if (n.name === 'head') {
          const title = n.children.find((c) => isTag(c, 'title'));
          if (title) {
            line.push(plainText(title));
            flush();
          }
          continue;
        }
        if (BLOCK.has(n.name)) flush();
        walk(n.children, depth + 1);
        if (BLOCK.has(n.name)) flush();
      }
    }
  };
  walk(doc.children);
  flush();
  return { source, rows };
}
