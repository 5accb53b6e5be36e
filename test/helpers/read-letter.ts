/** A letter (.docx) read back with the product's own Word reader: its paragraphs and its tables' rows, in order. */
import { docxBody, gridFromDocxBody } from '../../src/import/docx-grid';
import { rowTexts } from '../../src/import/grid';

export interface Letter {
  /** Paragraph texts outside tables. */
  paragraphs: string[];
  /** Table rows, each as its cells' texts. */
  rows: string[][];
  /** Everything in reading order, one line per paragraph or row (cells joined by ' | '). */
  lines: string[];
}

export function readLetter(bytes: Uint8Array): Letter {
  const grid = gridFromDocxBody(docxBody(bytes), 'letter.docx');
  const paragraphs: string[] = [];
  const rows: string[][] = [];
  const lines: string[] = [];
  for (const r of grid.rows) {
    if (r.aligned) {
      const cells = r.cells.map((c) => c.text);
      rows.push(cells);
      lines.push(cells.join(' | '));
    } else {
      const t = rowTexts(r).join('');
      paragraphs.push(t);
      lines.push(t);
    }
  }
  return { paragraphs, rows, lines };
}
