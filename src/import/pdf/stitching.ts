/**
 * Step 5, stitching: every page's blocks as grid rows, with tables and column runs broken by a page break joined.
 */
import { looksLikeValue } from '../../model/values';
import { clip } from '../dom-text';
import { spanOf, type GridCell, type GridRow } from '../grid';
import { PDF_TOLERANCES as T } from './tolerances';
import { PdfTable, PdfLine, PdfPage } from './types';
import { joinPieces } from './text-lines';
import { clusterPositions, tableRows } from './ruled-tables';
import { columnRows } from './text-columns';

/** Whether `b`, first on its page, continues `a`, last on the page before: same left and right edges. */
function continues(a: PdfTable, b: PdfTable): boolean {
  return Math.abs(a.left - b.left) <= T.sameEdge && Math.abs(a.right - b.right) <= T.sameEdge;
}

/** Grid rows of all pages; a table broken across pages keeps one set of column positions. */
export function rowsOfPages(pages: PdfPage[]): GridRow[] {
  // Chains of table parts across page breaks share the union of their column boundaries.
  const chainOf = new Map<PdfTable, PdfTable[]>();
  let prev: PdfTable | undefined;
  for (const p of pages) {
    const first = p.blocks[0];
    if (prev && first?.kind === 'table' && continues(prev, first.table)) {
      const chain = chainOf.get(prev)!;
      chain.push(first.table);
      chainOf.set(first.table, chain);
    }
    for (const b of p.blocks) if (b.kind === 'table' && !chainOf.has(b.table)) chainOf.set(b.table, [b.table]);
    const last = p.blocks[p.blocks.length - 1];
    prev = last?.kind === 'table' ? last.table : undefined;
  }
  // Runs of text columns, also across a page break, get their columns from all their lines.
  const runs: PdfLine[][] = [];
  let open: PdfLine[] | undefined;
  for (const p of pages) {
    let pageRun: number | undefined;
    p.blocks.forEach((b, i) => {
      if (b.kind !== 'line' || b.line.run === undefined) {
        open = undefined;
        return;
      }
      const carried = i === 0 && open !== undefined;
      if (!carried && (pageRun !== b.line.run || !open)) runs.push((open = []));
      pageRun = b.line.run;
      open!.push(b.line);
    });
  }
  for (const run of runs) {
    const cells = columnRows(run.map((l) => l.chunks));
    run.forEach((l, k) => (l.cells = cells ? cells[k] : l.chunks.map((c) => c.text)));
  }

  const rows: GridRow[] = [];
  let tableNo = 0;
  const numbers = new Map<PdfTable[], number>();
  const lastRow = new Map<PdfTable[], GridRow>();
  for (const p of pages) {
    let lineNo = 0;
    for (const b of p.blocks) {
      if (b.kind === 'line') {
        lineNo++;
        const at = `第${p.page}页 第${lineNo}行`;
        const cells = b.line.cells ?? [b.line.chunks.map((c) => c.text).join(' ')];
        if (cells.length === 1) rows.push({ aligned: false, cells: [{ text: clip(cells[0]), x: 0, at, page: p.page }] });
        else rows.push({ aligned: false, cells: cells.map((t, x) => ({ text: clip(t), x, at: `${at}第${x + 1}列`, page: p.page })) });
        continue;
      }
      const chain = chainOf.get(b.table)!;
      const continued = numbers.has(chain);
      if (!continued) numbers.set(chain, ++tableNo);
      const name = `第${p.page}页 表${numbers.get(chain)}${continued ? '（续）' : ''}`;
      const part = tableRows(b.table, clusterPositions(chain.flatMap((t) => t.xs)), name, p.page);
      const last = lastRow.get(chain);
      if (continued && last && part.length && splitRow(last, part[0])) part.shift();
      rows.push(...part);
      if (part.length) lastRow.set(chain, part[part.length - 1]);
    }
  }
  return rows;
}

const hasNumber = (c: GridCell) => !c.copy && c.text.trim() !== '' && looksLikeValue(c.text);

/**
 * A row broken by a page break: the continuation's first row holds only the rest of the
 * texts of the row above it (a wrapped label), and no number. Its texts are joined onto that row.
 */
function splitRow(above: GridRow, first: GridRow): boolean {
  const own = first.cells.filter((c) => !c.copy && c.text.trim());
  if (!own.length || first.cells.some(hasNumber)) return false;
  const target = own.map((c) => above.cells.find((a) => a.x === c.x && !a.copy));
  if (target.some((a) => !a || hasNumber(a))) return false;
  // The rest of a wrapped label fills the same cell as its start: a caption across the table under a
  // row of cells, or a header row under a caption, is a row of its own.
  const [ownSpans, targetSpans] = [own.map((c) => spanOf(first, c)), target.map((a) => spanOf(above, a!))];
  if (ownSpans.some(([a, b], i) => a !== targetSpans[i][0] || b !== targetSpans[i][1])) return false;
  own.forEach((c, i) => {
    const a = target[i]!;
    const text = clip(joinPieces([a.text, c.text]));
    for (const d of above.cells) if (d.at === a.at && d.text === a.text) d.text = text;
  });
  return true;
}
