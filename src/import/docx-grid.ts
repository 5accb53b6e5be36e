/**
 * A Word document (.docx) as one grid: paragraphs as one-cell rows (titles), and every
 * table's rows with column spans (gridSpan) and row spans (vMerge) honoured.
 */
import type { ChildNode, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { InputError } from '../model/report-json';
import { childTags, clip, isTag } from './dom-text';
import type { Grid, GridCell, GridRow } from './grid';
import { MAX_CELLS, MAX_DEPTH, MAX_TABLES } from './limits';
import { checkZip, readZipEntry } from './zip-guard';

function textOf(n: ChildNode, out: string[], depth = 0): void {
  if (n.type === 'text' || depth > MAX_DEPTH) return;
  if (!isTag(n)) return;
  if (n.name === 'w:t') out.push(n.children.map((c) => (c.type === 'text' ? (c as unknown as { data: string }).data : '')).join(''));
  else if (n.name === 'w:tab') out.push(' ');
  else if (n.name === 'w:br' || n.name === 'w:cr') out.push(' ');
  // The same drawing again for older readers: counted once.
  else if (n.name === 'mc:Fallback') return;
  else for (const c of n.children) textOf(c, out, depth + 1);
}

function attr(el: Element | undefined, name: string): string | undefined {
  return el?.attribs[name];
}

function prop(tc: Element, name: string): Element | undefined {
  const pr = childTags(tc, 'w:tcPr')[0];
  return pr ? childTags(pr, name)[0] : undefined;
}

/** The document's w:body, parsed once: its tables make the grid, its paragraphs the running text. */
export function docxBody(bytes: Uint8Array): Element {
  checkZip(bytes, ' Word ');
  const xml = readZipEntry(bytes, 'word/document.xml', ' Word ');
  if (!xml) throw new InputError('该文件不是 Word 文档（.docx）：缺少正文部分');
  // xmlMode without a DTD: entity declarations are never expanded.
  const doc = parseDocument(new TextDecoder().decode(xml), { xmlMode: true });
  const body = findBody(doc.children);
  if (!body) throw new InputError('Word 文档没有正文');
  return body;
}

/** The text of a paragraph or cell: its w:t runs, tabs and breaks as spaces. */
export function docxText(n: ChildNode): string {
  const parts: string[] = [];
  textOf(n, parts);
  return parts.join('');
}

export function gridFromDocxBody(body: Element, source: string): Grid {
  const rows: GridRow[] = [];
  let tables = 0;
  let cells = 0;
  const walk = (nodes: ChildNode[], depth = 0) => {
    if (depth > MAX_DEPTH) return;
    for (const n of nodes) {
      if (!isTag(n)) continue;
      if (n.name === 'w:p') {
        const parts: string[] = [];
        textOf(n, parts);
        const t = clip(parts.join('').trim());
        if (t) rows.push({ aligned: false, cells: [{ text: t, x: 0, at: '正文' }] });
      } else if (n.name === 'w:tbl') {
        if (++tables > MAX_TABLES) throw new InputError(`Word 文档中的表格超过 ${MAX_TABLES} 个，已拒绝读取`);
        const above = new Map<number, GridCell>();
        childTags(n, 'w:tr').forEach((tr, r) => {
          const out: GridCell[] = [];
          let x = 0;
          childTags(tr, 'w:tc').forEach((tc, c) => {
            const span = Math.max(1, Math.min(64, Number(attr(prop(tc, 'w:gridSpan'), 'w:val')) || 1));
            const vMerge = prop(tc, 'w:vMerge');
            const continued = vMerge !== undefined && attr(vMerge, 'w:val') !== 'restart';
            const parts: string[] = [];
            for (const p of tc.children) textOf(p, parts);
            const at = `表${tables} 第${r + 1}行第${c + 1}格`;
            const origin = continued ? above.get(x) : undefined;
            const text = clip(origin ? origin.text : parts.join('').trim());
            for (let k = 0; k < span; k++) {
              const cell: GridCell = { text, x: x + k, at: origin?.at ?? at, copy: k > 0 || continued || undefined };
              out.push(cell);
              if (!continued) above.set(x + k, { ...cell, copy: undefined });
            }
            x += span;
          });
          cells += out.length;
          if (cells > MAX_CELLS) throw new InputError(`Word 文档中的表格单元格过多（超过 ${MAX_CELLS} 个），已拒绝读取`);
          rows.push({ aligned: true, cells: out });
        });
      } else if (n.name !== 'w:sectPr') {
        walk(n.children, depth + 1);
      }
    }
  };
  walk(body.children);
  return { source, rows };
}

function findBody(nodes: ChildNode[], depth = 0): Element | undefined {
  if (depth > MAX_DEPTH) return undefined;
  for (const n of nodes) {
    if (!isTag(n)) continue;
    if (n.name === 'w:body') return n;
    const inner = findBody(n.children, depth + 1);
    if (inner) return inner;
  }
  return undefined;
}
