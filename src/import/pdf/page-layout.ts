/**
 * Step 4, page assembly: one page's tables and text lines, in reading order, page numbers left out.
 */
import { PDF_TOLERANCES as T } from './tolerances';
import { clip } from '../dom-text';
import { PdfText, PdfRule, PdfTable, PdfBlock, PdfPage } from './types';
import { chunksOf, isWide, joinPieces, linesOf, lineText } from './text-lines';
import { findTables, cellAt } from './ruled-tables';

/** A running page number: 「3」「- 3 -」「第3页」「3/12」「第 3 页 共 12 页」. */
export const PAGE_NUMBER = /^[-—–\s]*(?:第\s*)?\d{1,4}\s*(?:页)?(?:\s*[/／]\s*\d{1,4}|\s*共\s*\d{1,4}\s*页)?[-—–\s]*$/;

/**
 * A text item that runs across a ruled cell boundary (「行政处罚3985758」 drawn as one run over the
 * label and the figure cells) is cut where its characters cross the rule: each character placed by
 * the item's position and width, a wide character taking two narrow ones. Cells merged for want
 * of a rule are one region, so nothing is cut there.
 */
function cutAtRules(it: PdfText, t: PdfTable, cy: number): PdfText[] {
  const chars = [...it.str];
  const units = chars.reduce((s, ch) => s + (isWide(ch) ? 2 : 1), 0) || 1;
  const unit = it.w / units;
  const pieces: { region: number; from: number; to: number; text: string }[] = [];
  let at = it.x;
  for (const ch of chars) {
    const w = (isWide(ch) ? 2 : 1) * unit;
    const region = cellAt(t, at + w / 2, cy);
    const last = pieces[pieces.length - 1];
    if (last && (last.region === region || !ch.trim())) {
      last.text += ch;
      last.to = at + w;
    } else pieces.push({ region, from: at, to: at + w, text: ch });
    at += w;
  }
  if (pieces.length < 2 || pieces.some((p) => p.region < 0)) return [it];
  return pieces.filter((p) => p.text.trim()).map((p) => ({ ...it, str: p.text.trim(), x: p.from, w: p.to - p.from }));
}

/** One page's blocks in reading order: its tables and its text lines. */
export function layoutPage(page: number, height: number, items: PdfText[], rules: PdfRule[], maxCells: number): PdfPage {
  const tables = findTables(rules, page, maxCells);
  const inTable = new Map<PdfTable, Map<number, PdfText[]>>();
  const free: PdfText[] = [];
  for (const item of items) {
    if (!item.str.trim()) continue;
    const cy = item.y + item.h * T.cellProbe;
    const t = tables.find((tb) => cellAt(tb, item.x + item.w / 2, cy) >= 0);
    if (!t) {
      free.push(item);
      continue;
    }
    const byCell = inTable.get(t) ?? new Map<number, PdfText[]>();
    for (const it of cutAtRules(item, t, cy)) {
      const id = cellAt(t, it.x + it.w / 2, cy);
      byCell.set(id, [...(byCell.get(id) ?? []), it]);
    }
    inTable.set(t, byCell);
  }
  for (const t of tables) for (const [id, its] of inTable.get(t) ?? []) t.text.set(id, clip(joinPieces(linesOf(its).map(lineText))));

  const lines = linesOf(free)
    .map((l) => ({
      top: Math.max(...l.map((i) => i.y + i.h)),
      bottom: Math.min(...l.map((i) => i.y)),
      h: Math.max(...l.map((i) => i.h)),
      chunks: chunksOf(l),
    }))
    .filter((l) => {
      const text = l.chunks.map((c) => c.text).join(' ');
      // Running page numbers in the top or bottom margin are not part of the report.
      const margin = l.top > height * T.topMargin || l.bottom < height * T.bottomMargin;
      return text && !(margin && PAGE_NUMBER.test(text));
    });
  const blocks: PdfBlock[] = tables.map((t) => ({
    kind: 'table',
    top: t.top,
    table: t,
  }));
  let run = 0;
  lines.forEach((l, i) => {
    const prev = lines[i - 1];
    // A run: consecutive lines of two or more pieces, not separated by a table or a wide gap.
    const joins = prev && prev.chunks.length >= 2 && l.chunks.length >= 2 && prev.bottom - l.top < T.runGap * l.h && !tables.some((t) => t.top < prev.bottom && t.top > l.top);
    if (l.chunks.length >= 2 && !joins) run++;
    blocks.push({ kind: 'line', top: l.top, line: { top: l.top, chunks: l.chunks, run: l.chunks.length >= 2 ? run : undefined, h: l.h } });
  });
  blocks.sort((p, q) => q.top - p.top);
  return { page, height, blocks };
}
