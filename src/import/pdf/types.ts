/**
 * A PDF page's geometry as the reader sees it: text items and ruling lines in (PDF user space: y grows
 * upwards, baselines for text), and what the pipeline makes of them.
 */

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

export interface Line {
  pos: number;
  a: number;
  b: number;
}

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

export interface Chunk {
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
