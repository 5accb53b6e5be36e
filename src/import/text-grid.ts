/**
 * Text copied from a published report (web page or PDF) into a grid. Three shapes occur:
 * tab-separated lines; one cell per line ending with " |"; and one cell per line with no
 * separator at all, cells of a row broken across lines.
 */
import { looksLikeValue } from '../model/values';
import { InputError } from '../model/report-json';
import type { Grid, GridCell, GridRow } from './grid';
import { MAX_CELL_TEXT, MAX_CELLS } from './limits';
import { layoutPage } from './pdf/page-layout';
import { rowsOfPages } from './pdf/stitching';
import { type PdfText } from './pdf/types';

const PROSE = 80;

/** One cell per line ending with " |" (a page's cells copied down): a Markdown row (starting with | too) is not one. */
function isPipeLine(line: string): boolean {
  return /\|\s*$/.test(line) && !MARKDOWN_ROW.test(line);
}

const FIGURE_TOKEN = /^[+\-−]?\d[\d,.]*$/;

/**
 * "规章 0 0 0" as copied from a PDF: a label and its numbers separated by spaces; "0 0 1 0 0",
 * a row of figures with no label, as a PDF's text layer gives the appeals row. One number
 * follows only a short label with no sentence punctuation ("行政许可 9487"), so that a line of
 * prose ending in a number stays prose.
 */
function splitSpaced(line: string): string[] | null {
  const tokens = line.trim().split(/[ \u3000]+/);
  let k = tokens.length;
  while (k > 0 && FIGURE_TOKEN.test(tokens[k - 1])) k--;
  const figures = tokens.length - k;
  if (k === 0) return figures >= 2 ? tokens : null;
  const label = tokens.slice(0, k).join(' ');
  const least = label.length <= 12 && !/[，。；：,;:]/.test(label) ? 1 : 2;
  return figures >= least ? [label, ...tokens.slice(k)] : null;
}

/** Narrow-character units of a string as a fixed-width font shows it: CJK takes two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u11ff\u2e80-\ua4cf\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

/** A line with runs of two or more spaces between its pieces: text laid out in columns (pdftotext -layout). */
const SPACED = /\S {2,}\S/;

/**
 * Text laid out in columns by spaces: each line is placed as a line of a page in a fixed-width
 * font, so the column finder that reads PDFs without ruling lines reads it too, blanks included.
 */
function gridFromSpacedText(lines: string[], source: string): Grid {
  const UNIT = 5;
  const LINE = 12;
  const numbered = lines.map((text, i) => ({ text: text.replace(/\t/g, '    '), n: i + 1 })).filter((l) => l.text.trim() !== '');
  // A page tall enough that no line falls in the margins where page numbers are dropped.
  const height = LINE * numbered.length * 1.5 + 100;
  const items: PdfText[] = numbered.map((l, i) => {
    const lead = l.text.length - l.text.trimStart().length;
    const body = l.text.trim();
    return { str: body, x: displayWidth(l.text.slice(0, lead)) * UNIT, y: height * 0.85 - i * LINE, w: displayWidth(body) * UNIT, h: LINE * 0.8 };
  });
  const rows = rowsOfPages([layoutPage(1, height, items, [], MAX_CELLS)]);
  // Provenance in lines of the text, not in page positions.
  for (const row of rows)
    for (const c of row.cells) {
      const m = /^第1页 第(\d+)行(?:第(\d+)列)?$/.exec(c.at);
      if (m) c.at = `第${numbered[Number(m[1]) - 1].n}行${m[2] ? `第${m[2]}格` : ''}`;
    }
  // A line whose pieces are parted by single spaces is one piece to the column finder: a row
  // of figures (or a label and its figures) is split into its cells, read in order, not by column.
  return {
    source,
    rows: rows.map((row) => {
      const only = row.cells.length === 1 ? row.cells[0] : undefined;
      const parts = only && splitSpaced(only.text);
      return parts ? { aligned: false, cells: parts.map((text, x) => ({ text, x, at: `${only.at}第${x + 1}格` })) } : row;
    }),
  };
}

const MARKDOWN_ROW = /^\s*\|.*\|\s*$/;
const MARKDOWN_RULE = /^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-{0,}:?\s*\|?\s*$/;

/** One Markdown table row: its cells in their columns, blanks included. */
function markdownRow(line: string, n: number): GridRow {
  const parts = line.trim().slice(1, -1).split('|');
  return { aligned: true, apart: true, cells: parts.map((t, x) => ({ text: t.trim().slice(0, MAX_CELL_TEXT), x, at: `第${n}行第${x + 1}格` })) };
}

/** A markdown table: real rows whose cells keep their columns, blanks included; other lines as text. */
function gridFromMarkdown(lines: string[], source: string): Grid {
  const rows: GridRow[] = [];
  let cells = 0;
  lines.forEach((line, i) => {
    const n = i + 1;
    if (!line.trim() || MARKDOWN_RULE.test(line)) return;
    if (!MARKDOWN_ROW.test(line)) {
      rows.push({ aligned: false, cells: [{ text: line.trim().slice(0, MAX_CELL_TEXT), x: 0, at: `第${n}行` }] });
      return;
    }
    const row = markdownRow(line, n);
    cells += row.cells.length;
    if (cells > MAX_CELLS) throw new InputError(`文本中的单元格超过 ${MAX_CELLS} 个，远大于一份年报，已拒绝读取`);
    rows.push(row);
  });
  return { source, rows };
}

export function gridFromText(text: string, source: string): Grid {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const nonEmpty = lines.filter((l) => l.trim() !== '');
  const tabbed = nonEmpty.filter((l) => l.includes('\t')).length;
  const markdown = nonEmpty.filter((l) => MARKDOWN_ROW.test(l)).length;
  if (markdown >= Math.max(3, nonEmpty.length * 0.3)) return gridFromMarkdown(lines, source);
  const spaced = nonEmpty.filter((l) => SPACED.test(l.trim())).length;
  if (tabbed < nonEmpty.length * 0.05 && spaced >= Math.max(5, nonEmpty.length * 0.2) && !nonEmpty.some(isPipeLine)) {
    if (nonEmpty.length > MAX_CELLS) throw new InputError(`文本中的单元格超过 ${MAX_CELLS} 个，远大于一份年报，已拒绝读取`);
    return gridFromSpacedText(lines, source);
  }
  const streamLike = nonEmpty.filter((l) => isPipeLine(l) || (l.trim().length <= 12 && looksLikeValue(l))).length;
  const stream = tabbed < nonEmpty.length * 0.05 && streamLike > nonEmpty.length * 0.3;

  const rows: GridRow[] = [];
  const single = (t: string, n: number): GridRow => ({ aligned: false, cells: [{ text: t, x: 0, at: `第${n}行` }] });
  const fromTexts = (texts: string[], n: number): GridRow => ({
    aligned: false,
    cells: texts.map((t, x) => ({ text: t.slice(0, MAX_CELL_TEXT), x, at: `第${n}行第${x + 1}格` })),
  });

  // Stream shapes: rebuild rows, starting a new one where a label follows a value.
  let pending: GridCell[] = [];
  let sawValue = false;
  const flush = () => {
    if (pending.length) rows.push({ aligned: false, cells: pending.map((c, x) => ({ ...c, x })) });
    pending = [];
    sawValue = false;
  };
  const push = (t: string, at: string) => {
    const value = looksLikeValue(t);
    if (!value && sawValue) flush();
    pending.push({ text: t.trim(), x: 0, at });
    if (value) sawValue = true;
  };

  // A row label can end like a heading (8.属于行政查询事项, 其他对外管理服务事项): it is one when a figure follows.
  const firstCellAfter = (i: number): string | undefined => {
    for (let j = i + 1; j < lines.length; j++) if (lines[j].trim() !== '') return lines[j].split('|')[0];
    return undefined;
  };
  const heading = (t: string, i: number): boolean => {
    if (t.length > PROSE) return true;
    if (!/情况$|事项$|报告$/.test(t)) return false;
    const next = firstCellAfter(i);
    return next === undefined || !looksLikeValue(next);
  };

  let cells = 0;
  lines.forEach((raw, i) => {
    const n = i + 1;
    if (raw.trim() === '') {
      // A cell the page left blank with &nbsp; copies as a line of no-break spaces; an empty line
      // only parts cells. Taken as a blank only among a row's figures, never before the first.
      if (stream && sawValue && /\u00a0/.test(raw)) push('', `第${n}行`);
      return;
    }
    const line = raw.length > MAX_CELL_TEXT * 8 ? raw.slice(0, MAX_CELL_TEXT * 8) : raw;
    cells += line.split(/[\t|]/).length;
    if (cells > MAX_CELLS) throw new InputError(`文本中的单元格超过 ${MAX_CELLS} 个，远大于一份年报，已拒绝读取`);
    if (!stream) {
      // A converter's Markdown tables among running text: each row a table row, the rules between them nothing.
      if (MARKDOWN_RULE.test(line)) return;
      if (MARKDOWN_ROW.test(line)) rows.push(markdownRow(line, n));
      else if (line.includes('\t')) rows.push(fromTexts(line.split('\t'), n));
      else {
        const parts = splitSpaced(line);
        rows.push(parts ? fromTexts(parts, n) : single(line.trim(), n));
      }
      return;
    }
    if (isPipeLine(line)) {
      const parts = line.replace(/\s+$/, '').split('|').slice(0, -1);
      parts.forEach((p, k) => push(p, parts.length > 1 ? `第${n}行第${k + 1}格` : `第${n}行`));
    } else if (heading(line.trim(), i)) {
      flush();
      rows.push(single(line.trim(), n));
    } else {
      push(line, `第${n}行`);
    }
  });
  flush();
  return { source, rows };
}
