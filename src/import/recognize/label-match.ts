/**
 * Label matching: which statutory row or table a printed label names, exactly or with drift.
 */
import { joinedKey, labelKey, similarity } from '../label-key';
import { type FormatSpecs, type RowSpec, type TableId } from '../row-specs';
import { LABEL_TAIL_SLACK, MATCH_MARGIN, MATCH_MEMO, MATCH_MIN, SAME_GROUP_BONUS } from './tuning';

/** The table a title row names, by the words its definition gives. */
export function titleTable(key: string, specs: FormatSpecs): TableId | undefined {
  return specs.tables.find((t) => t.words.every((w) => key.includes(w)) && (!t.end || key.endsWith(t.end)))?.role;
}

/** Whether a and b share enough characters to reach MATCH_MIN at all. */
function mayMatch(a: string, b: string): boolean {
  if (!a.length || !b.length) return false;
  let shared = 0;
  for (const ch of a) if (b.includes(ch)) shared++;
  return (2 * Math.min(shared, b.length)) / (a.length + b.length) >= MATCH_MIN;
}

export type RowMatch = { spec: RowSpec; exact: boolean; score: number } | null;

/** Matches already made, by candidate list: submissions repeat their labels file after file. */
const matched = new WeakMap<RowSpec[], Map<string, RowMatch>>();

/** The label that best names a statutory row, exactly (after normalising) or with drift. */
export function matchRow(labels: string[], candidates: RowSpec[], parentKey?: string): RowMatch {
  let memo = matched.get(candidates);
  if (!memo) matched.set(candidates, (memo = new Map()));
  const key = `${parentKey ?? ''}\u0001${labels.join('\u0002')}`;
  const hit = memo.get(key);
  if (hit !== undefined) return hit;
  const found = bestRow(labels, candidates, parentKey);
  if (memo.size < MATCH_MEMO) memo.set(key, found);
  return found;
}

function bestRow(labels: string[], candidates: RowSpec[], parentKey?: string): RowMatch {
  const full = joinedKey(labels);
  const last = labelKey(labels[labels.length - 1] ?? '');
  let best: RowSpec | null = null;
  for (const c of candidates) {
    if (!c.key || !full.endsWith(c.key)) continue;
    // "其他" ends many labels: prefer the longest match, then the one under the current group.
    if (!best || c.key.length > best.key.length || (c.key.length === best.key.length && c.parentKey === parentKey)) best = c;
  }
  if (best) {
    const printed = last.length ? last : full;
    return { spec: best, exact: printed === best.key || full.endsWith(best.key), score: 1 };
  }
  let top: RowSpec | null = null;
  let topScore = 0;
  let second = 0;
  for (const c of candidates) {
    const tail = full.slice(-c.key.length - LABEL_TAIL_SLACK);
    // Cheap bound first: the common subsequence cannot be longer than the characters shared.
    if (!mayMatch(last, c.key) && !mayMatch(tail, c.key)) continue;
    let s = Math.max(similarity(last, c.key), similarity(tail, c.key), similarity(full.slice(-c.key.length), c.key));
    if (parentKey && c.parentKey === parentKey) s += SAME_GROUP_BONUS;
    if (s > topScore) {
      second = topScore;
      topScore = s;
      top = c;
    } else if (s > second) second = s;
  }
  if (top && topScore >= MATCH_MIN && topScore - second >= MATCH_MARGIN) return { spec: top, exact: false, score: topScore };
  return null;
}

/** A header that states its amounts in 元 (and not 万元). */
export function isYuan(header: string): boolean {
  const t = header.normalize('NFKC').replace(/\s+/g, '');
  return /[(（]元[)）]|单位[:：]?元/.test(t) && !t.includes('万元');
}
