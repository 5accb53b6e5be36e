/** Label comparison that tolerates what clerks and text extraction do to the statutory wording. */

const NUMBERING = /^(?:[（(]?[一二三四五六七八九十]{1,3}[)）、.．]|[（(]\d{1,2}[)）]|\d{1,2}[.．、)）](?!\d)|第[一二三四五六七八九十]{1,3}[项条部分、.]?)/;

const keys = new Map<string, string>();

/** Strips spacing, width, numbering and punctuation: "（三）不予 公开" → "不予公开". */
export function labelKey(text: string): string {
  const hit = keys.get(text);
  if (hit !== undefined) return hit;
  const key = computeKey(text);
  // Labels repeat across rows, formats and files; the cache stays small.
  if (keys.size < 50_000) keys.set(text, key);
  return key;
}

/** A year inside a label, 「本年(2023)制发件数」, is not part of it. */
const YEAR_IN_LABEL = /[(]\s*(?:19|20)\d{2}\s*年?度?\s*[)]/g;

function computeKey(text: string): string {
  let t = text.normalize('NFKC').replace(/\s+/g, '').replace(YEAR_IN_LABEL, '');
  for (let i = 0; i < 3; i++) {
    const m = NUMBERING.exec(t);
    if (!m) break;
    t = t.slice(m[0].length);
  }
  return t.replace(/[\p{P}\p{S}]/gu, '');
}

/** Key of a concatenation: numbering inside it is kept, punctuation dropped. */
export function joinedKey(parts: string[]): string {
  const joined = parts.join('');
  const hit = joinedKeys.get(joined);
  if (hit !== undefined) return hit;
  const key = joined
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[\p{P}\p{S}]/gu, '');
  if (joinedKeys.size < 50_000) joinedKeys.set(joined, key);
  return key;
}

const joinedKeys = new Map<string, string>();

/** 2·LCS / (|a| + |b|): 1 for equal strings; tolerant of a dropped, added or swapped character. */
export function similarity(a: string, b: string): number {
  if (!a.length || !b.length) return 0;
  if (a === b) return 1;
  let prev = new Uint16Array(b.length + 1);
  let cur = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    }
    [prev, cur] = [cur, prev];
  }
  return (2 * prev[b.length]) / (a.length + b.length);
}
