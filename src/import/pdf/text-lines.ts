/**
 * Step 1, text lines: text items grouped by baseline into lines, each line's text, and its pieces split at wide gaps.
 */
import { PDF_TOLERANCES as T } from './tolerances';
import { PdfText, Chunk } from './types';

export const isWide = (ch: string) => /[\u1100-\u11ff\u2e80-\ua4cf\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch);

const isWord = (ch: string) => /[A-Za-z0-9]/.test(ch);

/** Joins text pieces: a space only between two Latin letters or digits, never inside Chinese. */
export function joinPieces(parts: string[]): string {
  let out = '';
  for (const p of parts) {
    const t = p.trim();
    if (!t) continue;
    out += out && isWord(out[out.length - 1]) && isWord(t[0]) ? ` ${t}` : t;
  }
  return out;
}

/** Groups items into lines by baseline, with a tolerance relative to the font height. */
export function linesOf(items: PdfText[]): PdfText[][] {
  const sorted = [...items].sort((p, q) => q.y - p.y || p.x - q.x);
  const lines: PdfText[][] = [];
  let cur: PdfText[] = [];
  let y = 0;
  let h = 0;
  for (const it of sorted) {
    if (cur.length && Math.abs(it.y - y) <= T.sameBaseline * Math.min(h, it.h || h)) {
      cur.push(it);
      continue;
    }
    if (cur.length) lines.push(cur);
    cur = [it];
    y = it.y;
    h = it.h || 1;
  }
  if (cur.length) lines.push(cur);
  return lines.map((l) => l.sort((p, q) => p.x - q.x));
}

/** Text of one line: pieces further apart than a wide space get one space between them. */
export function lineText(line: PdfText[]): string {
  let out = '';
  let end = -Infinity;
  for (const it of line) {
    const t = it.str.trim();
    if (!t) continue;
    const gap = it.x - end;
    if (out && gap > T.spaceGap * it.h && !(isWide(out[out.length - 1]) && isWide(t[0]) && gap < T.wideGap * it.h)) out += ' ';
    else if (out && isWord(out[out.length - 1]) && isWord(t[0]) && gap > T.wordGap * it.h) out += ' ';
    out += t;
    end = it.x + it.w;
  }
  return out;
}

/** A line's pieces, split where the gap is wider than a double space; runs of spaces inside an item split it too. */
export function chunksOf(line: PdfText[]): Chunk[] {
  const pieces: { a: number; b: number; text: string }[] = [];
  for (const it of line) {
    // Estimate each character's position: wide characters take twice a narrow one.
    const chars = [...it.str];
    const units = chars.reduce((s, ch) => s + (isWide(ch) ? 2 : 1), 0) || 1;
    const unit = it.w / units;
    let at = it.x;
    let start = -1;
    let startX = 0;
    let blanks = 0;
    let text = '';
    chars.forEach((ch, i) => {
      const w = (isWide(ch) ? 2 : 1) * unit;
      if (/\s/.test(ch)) {
        blanks++;
        if (blanks >= T.pieceSpaces && start >= 0) {
          pieces.push({
            a: startX,
            b: at - (blanks - 1) * unit,
            text: text.trim(),
          });
          start = -1;
          text = '';
        }
      } else {
        if (start < 0) {
          start = i;
          startX = at;
        }
        if (blanks === 1 && text) text += ' ';
        blanks = 0;
        text += ch;
      }
      at += w;
    });
    if (start >= 0 && text.trim()) pieces.push({ a: startX, b: it.x + it.w, text: text.trim() });
  }
  const out: { a: number; b: number; text: string }[] = [];
  const h = Math.max(...line.map((i) => i.h), 1);
  for (const p of pieces) {
    const last = out[out.length - 1];
    if (last && p.a - last.b < T.pieceGap * h) {
      last.text = lineText([
        { str: last.text, x: last.a, y: 0, w: last.b - last.a, h },
        { str: p.text, x: p.a, y: 0, w: p.b - p.a, h },
      ]);
      last.b = p.b;
    } else out.push({ ...p });
  }
  return out;
}
