/**
 * The wild corpus's reports as the narrative check sees them: the running text of an extraction
 * as a ReportDocument (tables left out), and the hand-checked figures as a Report.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import type { ChildNode, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { formats } from '../../src/formats';
import type { Report } from '../../src/model/report';
import { readCell } from '../../src/model/values';
import type { DocParagraph, ReportDocument } from '../../src/narrative/document';

export const WILD = join(__dirname, '..', 'fixtures', 'wild');

export interface WildSource {
  office: string;
  year: number;
  format: string;
  extraction: string;
  /** What the office published: 'pdf', 'html', or a description of a converted text. */
  original_kind?: string;
}

export function wildSource(slug: string): WildSource {
  return JSON.parse(readFileSync(join(WILD, slug, 'source.json'), 'utf8'));
}

/** The report's tables as published: the hand-checked cells of figures.json (null is a blank). */
export function wildReport(slug: string): Report {
  const source = wildSource(slug);
  const figures: { cells: Record<string, number | null> } = JSON.parse(readFileSync(join(WILD, slug, 'figures.json'), 'utf8'));
  const format = formats.byId(source.format)!;
  return {
    source: slug,
    office: source.office,
    year: source.year,
    format: format.id,
    readings: format.cells.map((c) => (c.id in figures.cells ? readCell(figures.cells[c.id], c.kind) : undefined)),
  };
}

const BLOCKS = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'section', 'article', 'center']);
const SKIP = new Set(['table', 'script', 'style', 'head', 'title']);

/** HTML: one paragraph per block element's text (a <br> also breaks), tables skipped. */
function htmlParagraphs(html: string): DocParagraph[] {
  const out: string[] = [];
  let current = '';
  const flush = () => {
    if (current.trim()) out.push(current.replace(/\s+/g, ' ').trim());
    current = '';
  };
  const walk = (nodes: ChildNode[]) => {
    for (const n of nodes) {
      if (n.type === 'text') current += (n as unknown as { data: string }).data;
      else if (n.type === 'tag') {
        const el = n as Element;
        if (SKIP.has(el.name)) {
          flush();
          continue;
        }
        if (el.name === 'br') {
          flush();
          continue;
        }
        const block = BLOCKS.has(el.name);
        if (block) flush();
        walk(el.children);
        if (block) flush();
      }
    }
  };
  walk(parseDocument(html, { decodeEntities: true }).children);
  flush();
  return out.map((text) => ({ text }));
}

/** A pdftotext -layout line that belongs to a table: columns set apart by runs of spaces, or figures only. */
function tableLine(line: string): boolean {
  const t = line.trim();
  if (/\S\s{3,}\S/.test(t)) return true;
  if (/^[\d\s.,%-]+$/.test(t)) return true;
  return false;
}

/**
 * pdftotext -layout text: a paragraph begins on an indented line and runs on over the lines at
 * the margin; table lines, page numbers and blank lines end it. Pages are counted by form feeds.
 */
function pdfTextParagraphs(text: string): DocParagraph[] {
  const out: DocParagraph[] = [];
  let page = 1;
  let current: DocParagraph | undefined;
  const flush = () => {
    if (current && current.text.trim()) out.push({ text: current.text.trim(), page: current.page });
    current = undefined;
  };
  for (const raw of text.split('\n')) {
    const pages = raw.split('\f');
    page += pages.length - 1;
    const line = pages[pages.length - 1];
    // A page number or a blank line inside a paragraph does not end it; a table line does.
    if (!line.trim() || /^\s*-\s*\d+\s*-\s*$/.test(line)) continue;
    if (tableLine(line)) {
      flush();
      continue;
    }
    const indented = /^\s/.test(line);
    if (indented || !current) {
      flush();
      current = { text: line.trim(), page };
    } else current.text += line.trim();
  }
  flush();
  return out;
}

export function wildDocument(slug: string): ReportDocument {
  const source = wildSource(slug);
  const text = readFileSync(join(WILD, slug, source.extraction), 'utf8');
  const paragraphs = source.extraction.endsWith('.html') ? htmlParagraphs(text.replace(/^<!--[\s\S]*?-->/, '')) : pdfTextParagraphs(text);
  return { source: `${slug}/${source.extraction}`, paragraphs };
}
