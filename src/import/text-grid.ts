/**
 * Text copied from a published report (web page or PDF) into a grid. Three shapes occur:
 * tab-separated lines; one cell per line ending with " |"; and one cell per line with no
 * separator at all, cells of a row broken across lines.
 */
import { looksLikeValue } from '../model/values';
import { InputError } from '../model/report-json';
import type { Grid, GridCell, GridRow } from './grid';
import { MAX_CELL_TEXT, MAX_CELLS } from './limits';

const PROSE = 80;

function isPipeLine(line: string): boolean {
  return /\|\s*$/.test(line);
}

/** "规章 0 0 0" as copied from a PDF: a label and two or more numbers separated by spaces. */
function splitSpaced(line: string): string[] | null {
  const tokens = line.trim().split(/[ \u3000]+/);
  let k = tokens.length;
  while (k > 0 && /^[+\-−]?\d[\d,.]*$/.test(tokens[k - 1])) k--;
  if (tokens.length - k < 2 || k === 0) return null;
  return [tokens.slice(0, k).join(' '), ...tokens.slice(k)];
}

export function gridFromText(text: string, source: string): Grid {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const nonEmpty = lines.filter((l) => l.trim() !== '');
  const tabbed = nonEmpty.filter((l) => l.includes('\t')).length;
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

  let cells = 0;
  lines.forEach((raw, i) => {
    const n = i + 1;
    if (raw.trim() === '') return;
    const line = raw.length > MAX_CELL_TEXT * 8 ? raw.slice(0, MAX_CELL_TEXT * 8) : raw;
    cells += line.split(/[\t|]/).length;
    if (cells > MAX_CELLS) throw new InputError(`文本中的单元格超过 ${MAX_CELLS} 个，远大于一份年报，已拒绝读取`);
    if (!stream) {
      if (line.includes('\t')) rows.push(fromTexts(line.split('\t'), n));
      else rows.push(splitSpaced(line) ? fromTexts(splitSpaced(line)!, n) : single(line.trim(), n));
      return;
    }
    if (isPipeLine(line)) {
      const parts = line.replace(/\s+$/, '').split('|').slice(0, -1);
      parts.forEach((p, k) => push(p, parts.length > 1 ? `第${n}行第${k + 1}格` : `第${n}行`));
    } else if (line.trim().length > PROSE || /情况$|事项$|报告$/.test(line.trim())) {
      flush();
      rows.push(single(line.trim(), n));
    } else {
      push(line, `第${n}行`);
    }
  });
  flush();
  return { source, rows };
}
