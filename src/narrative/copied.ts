/** narrative.copied: most of the text is last year's report again, with at most the years changed. */
import type { Finding } from '../model/finding';
import type { ReportDocument } from './document';
import { compact } from './figures';
import { narrativeMessages as M } from './messages';
import { placeOf } from './place';
import { splitSections, type SectionSplit } from './sections';
import { bare } from './text';

/** Shorter sentences (sub-headings, 无。) say too little to count as copied. */
const MIN_CHARS = 10;
const SHARE_MAX = 0.6;
/** Fewer sentences than this are too few to judge. */
const MIN_SENTENCES = 5;

interface Keyed {
  key: string;
  text: string;
  paragraph: number;
}

/** The running text's sentences (headings out), keyed without punctuation and with every year made the same. */
function keyedSentences(doc: ReportDocument, split: SectionSplit): Keyed[] {
  const headings = new Map(split.sections.map((s) => [s.heading.paragraph, s.heading.rest]));
  const limit = split.appendix ?? doc.paragraphs.length;
  const out: Keyed[] = [];
  for (let i = 0; i < limit; i++) {
    const text = headings.has(i) ? headings.get(i)! : doc.paragraphs[i].text;
    for (const sentence of compact(text).split(/(?<=[。！？!?；;])/)) {
      const key = bare(sentence.replace(/(?:19|20)\d\d|[二][〇零][一二三四五六七八九〇零][〇零一二三四五六七八九]/g, '年'));
      if (key.length >= MIN_CHARS) out.push({ key, text: sentence.trim(), paragraph: i });
    }
  }
  return out;
}

export function copiedFindings(doc: ReportDocument, split: SectionSplit, previous: ReportDocument): Finding[] {
  const before = new Set(keyedSentences(previous, splitSections(previous)).map((k) => k.key));
  const now = keyedSentences(doc, split);
  if (now.length < MIN_SENTENCES || !before.size) return [];
  const same = now.filter((k) => before.has(k.key));
  if (same.length / now.length <= SHARE_MAX) return [];
  const pct = Math.round((same.length / now.length) * 1000) / 10;
  return [{ rule: 'narrative.copied', severity: 'warning', cells: [], message: M.copied(pct, same.length, now.length), quote: same[0].text, place: placeOf(doc, split, same[0].paragraph) }];
}
