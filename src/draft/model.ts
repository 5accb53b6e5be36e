/** The drafted report as a document model: what both renderers (.docx, .html) lay out. */
import type { ChartSpec } from '../charts/spec';

/** A stretch of text; a placeholder is what only the clerk can write, shown highlighted. */
export interface Run {
  text: string;
  placeholder?: true;
}

const PLACEHOLDER_OPEN = '【待填写：';
const PLACEHOLDER_CLOSE = '】';
/** Finds every placeholder in a rendered text, for checkers and tests. */
export const PLACEHOLDER_PATTERN = /【待填写：[^】]*】/g;

export function placeholder(hint: string): Run {
  return { text: `${PLACEHOLDER_OPEN}${hint}${PLACEHOLDER_CLOSE}`, placeholder: true };
}

/** A text with placeholders inside (a title without its office) as runs, the placeholders marked. */
export function withPlaceholders(text: string): Run[] {
  const out: Run[] = [];
  let at = 0;
  for (const m of text.matchAll(PLACEHOLDER_PATTERN)) {
    if (m.index! > at) out.push({ text: text.slice(at, m.index) });
    out.push({ text: m[0], placeholder: true });
    at = m.index! + m[0].length;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

export type CellRole = 'caption' | 'header' | 'label' | 'value';

export interface DraftCell {
  text: string;
  colSpan: number;
  rowSpan: number;
  role: CellRole;
  align: 'left' | 'center' | 'right';
  /** The figure's cell id, for value cells. */
  cellId?: string;
}

export interface DraftRow {
  /** A header row: repeated at the top of each page the table runs onto. */
  header: boolean;
  /** Only the cells that start here; cells covered by a span from above or the left are left out. */
  cells: DraftCell[];
}

export interface DraftTable {
  id: string;
  /** Relative column widths, summing to 1. */
  widths: number[];
  rows: DraftRow[];
}

/**
 * A paragraph is body text with a first-line indent unless it says otherwise: a letter's
 * signature and date stand right-aligned, its note lines flush left.
 */
export type Block = { type: 'subheading'; text: string } | ({ type: 'paragraph'; runs: Run[] } & ParagraphLayout) | { type: 'table'; table: DraftTable } | { type: 'figure'; figure: DraftFigure };

/** A numbered chart in the section it illustrates: 图1 under its caption, with what is missing said below. */
export interface DraftFigure {
  number: number;
  chart: ChartSpec;
  /** 「图1　本年度政府信息公开申请的办理情况（单位：件）」. */
  caption: string;
  /** 「注：…」 lines: blanks, what could not be drawn. */
  notes: string[];
}

/** A figure as drawn: SVG text, and for Word the PNG shown by programs that cannot show SVG. */
export interface FigureImage {
  svg: string;
  width: number;
  height: number;
  png?: Uint8Array;
}

export interface ParagraphLayout {
  align?: 'left' | 'right';
  indent?: false;
  /** Characters kept clear at the right: 成文日期右空四字. */
  rightChars?: number;
}

export interface DraftSection {
  title: string;
  blocks: Block[];
}

export interface DraftDocument {
  title: string;
  /** The title as printed: broken after the office when one line would not hold it. */
  titleLines: string[];
  office: string;
  year: number;
  format: string;
  /** A letter's addressee (主送机关), flush left above the opening: 「县财政局：」. */
  addressee?: string;
  opening: Run[];
  sections: DraftSection[];
  /** After the sections: a letter's closing lines, signature and date. */
  closing?: Block[];
}

/** Every placeholder of the document, in reading order. */
export function placeholders(doc: DraftDocument): string[] {
  const runs = [...doc.titleLines.flatMap(withPlaceholders), ...doc.opening, ...doc.sections.flatMap((s) => s.blocks.flatMap((b) => (b.type === 'paragraph' ? b.runs : [])))];
  return runs.filter((r) => r.placeholder).map((r) => r.text);
}

/** Every figure of the document, in reading order. */
export function figures(doc: DraftDocument): DraftFigure[] {
  return doc.sections.flatMap((s) => s.blocks.flatMap((b) => (b.type === 'figure' ? [b.figure] : [])));
}
