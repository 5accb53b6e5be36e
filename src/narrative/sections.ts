/**
 * Splits a report's running text into its six statutory sections. Headings are found by their
 * title (statutory or renamed) after a numbering; the numbering style the report uses for its top
 * level is the one that finds the most sections, so sub-headings like （一）主动公开情况 stay inside 一.
 */
import { REPORT_SECTIONS } from '../formats/report-sections';
import type { ReportDocument } from './document';
import { chineseNumber, normalizeText, SECTION_NUMERALS } from './text';

export type NumberingStyle = 'cn' | 'part' | 'paren' | 'arabic' | 'none';

export interface Heading {
  /** 0-based paragraph index. */
  paragraph: number;
  /** The statutory section (1–6) its title names. */
  no: number;
  style: NumberingStyle;
  /** The number its numbering gives (一 → 1), undefined when unnumbered. */
  numbered?: number;
  /** The numbering as written: 「一、」「第一部分」. */
  numbering: string;
  /** The title as written, without numbering. */
  title: string;
  /** Text on the heading's line after its title (a first sentence run on). */
  rest: string;
  /** The title ran on into more text with nothing to say where it ends (a page saved as one line): its wording is not judged. */
  runOn?: true;
}

export interface Section {
  no: number;
  heading: Heading;
  /** Paragraph range of the body, 0-based, end exclusive; the heading line itself is before `start`. */
  start: number;
  end: number;
}

export interface SectionSplit {
  /** Sections found, in document order. */
  sections: Section[];
  /** Headings that repeat a section already begun or come out of order. */
  strays: Heading[];
  /** Paragraph index where an appendix (tables after the body) begins, if any. */
  appendix?: number;
  /** The table parts (二–四) whose titles head the appendix's tables: there, not in the body. */
  appendixParts: number[];
  /** The section (1–6) a paragraph belongs to, undefined for the preface and the appendix. */
  sectionOf(paragraph: number): number | undefined;
}

const NUMBERINGS: { style: NumberingStyle; re: RegExp; value: (m: RegExpMatchArray) => number | undefined }[] = [
  { style: 'part', re: /^第([一二三四五六七八九十])部分[、.．:：,，\s]*/, value: (m) => chineseNumber(m[1]) },
  { style: 'cn', re: /^([一二三四五六七八九十])\s*(?:[、.．:：,，]\s*|\s+)/, value: (m) => chineseNumber(m[1]) },
  { style: 'paren', re: /^[（(]\s*([一二三四五六七八九十])\s*[）)]\s*/, value: (m) => chineseNumber(m[1]) },
  { style: 'arabic', re: /^([1-9])\s*(?:[、．]|\.(?!\d))\s*/, value: (m) => Number(m[1]) },
];

/** Longest plausible title; a longer stretch before the first stop is a title with its first sentence run on. */
const TITLE_MAX = 40;

function matchTitle(rest: string): { no: number; title: string; rest: string; runOn?: true } | undefined {
  const stop = rest.search(/[。；;：:！!？?]|\s/);
  const head = stop < 0 ? rest : rest.slice(0, stop);
  for (const s of REPORT_SECTIONS) {
    for (const re of s.starts) {
      const m = re.exec(head);
      if (!m) continue;
      // A first sentence run on without a stop: the title ends where the statutory one does, or before a year or a long run.
      const cut = head.startsWith(s.title) ? s.title.length : head.search(/20\d\d年/) > m[0].length ? head.search(/20\d\d年/) : head.length > TITLE_MAX ? m[0].length : head.length;
      const title = head.slice(0, cut);
      // A title holds no figures: 「收到申请21件」 is a sentence.
      if (/\d/.test(title)) return undefined;
      const runOn = !head.startsWith(s.title) && head.search(/20\d\d年/) <= m[0].length && head.length > TITLE_MAX;
      return { no: s.no, title, rest: rest.slice(cut).replace(/^[。；;：:！!？?\s]+/, ''), ...(runOn ? { runOn: true as const } : {}) };
    }
  }
  return undefined;
}

/** A heading if the paragraph is one: numbering (or none, when the paragraph is only a title) and a section title. */
function parseHeading(text: string, paragraph: number): Heading | undefined {
  const t = normalizeText(text);
  for (const n of NUMBERINGS) {
    const m = n.re.exec(t);
    if (!m) continue;
    const title = matchTitle(t.slice(m[0].length));
    if (!title) return undefined;
    return { paragraph, no: title.no, style: n.style, numbered: n.value(m), numbering: m[0].trim(), title: title.title, rest: title.rest, ...(title.runOn ? { runOn: true as const } : {}) };
  }
  const title = matchTitle(t);
  if (title && !title.rest && t.length <= TITLE_MAX) return { paragraph, no: title.no, style: 'none', numbering: '', title: title.title, rest: '' };
  return undefined;
}

/**
 * The section a paragraph heads when it is a numbered heading whose number is the section's own
 * (「一、总体情况」「第六部分 其他需要报告的事项」), else undefined: a sure sign of a report's text.
 */
export function numberedSectionOf(text: string): number | undefined {
  const h = parseHeading(text, 0);
  return h && h.style !== 'paren' && h.numbered === h.no ? h.no : undefined;
}

const STYLE_PREFERENCE: NumberingStyle[] = ['cn', 'part', 'arabic', 'paren', 'none'];
const APPENDIX = /^(?:附件|附表)\s*\d*\s*[:：、.]?/;

/**
 * The headings of the style that finds the most distinct sections (ties: the usual 一、 first).
 * Where a section has a heading with its own numeral, a same-titled one numbered otherwise is a
 * sub-heading (（一）主动公开情况 under （一）总体情况).
 */
function topLevel(headings: Heading[]): Heading[] {
  let best: Heading[] = [];
  let bestScore = 0;
  for (const style of STYLE_PREFERENCE) {
    const all = headings.filter((h) => h.style === style);
    const of = all.filter((h) => h.numbered === undefined || h.numbered === h.no || !all.some((x) => x.no === h.no && x.numbered === x.no));
    const score = new Set(of.map((h) => h.no)).size;
    if (score > bestScore) {
      best = of;
      bestScore = score;
    }
  }
  return best;
}

/**
 * A table of contents (目录): a run of titles on consecutive lines, starting with 一, before 一
 * comes again with its body. Dropped, so the body's headings begin the sections. (Runs of 二–四
 * with only tables under them, in the body or an appendix, never start with 一.)
 */
function withoutContents(headings: Heading[]): Heading[] {
  const first = headings.findIndex((h, i) => h.no === 1 && headings.slice(i + 1).some((x) => x.no === 1));
  if (first < 0) return headings;
  let end = first + 1;
  while (end < headings.length && headings[end].paragraph === headings[end - 1].paragraph + 1) end++;
  return end - first >= 2 ? [...headings.slice(0, first), ...headings.slice(end)] : headings;
}

export function splitSections(doc: ReportDocument): SectionSplit {
  const candidates: Heading[] = [];
  doc.paragraphs.forEach((p, i) => {
    const h = parseHeading(p.text, i);
    if (h) candidates.push(h);
  });
  const chosen = withoutContents(topLevel(candidates));
  const sections: Section[] = [];
  const strays: Heading[] = [];
  let appendix: number | undefined;
  let next = 0;
  const seenSix = () => sections.some((s) => s.no === 6);
  for (let i = 0; i < doc.paragraphs.length && appendix === undefined; i++) {
    const h = chosen[next]?.paragraph === i ? chosen[next++] : undefined;
    // After 六, an 附件 line or a table part's title again is the appendix holding the tables.
    if (seenSix() && (APPENDIX.test(normalizeText(doc.paragraphs[i].text)) || (h && h.no >= 2 && h.no <= 4))) {
      appendix = i;
      break;
    }
    if (!h) continue;
    const last = sections[sections.length - 1];
    if (last && last.no === h.no && last.heading.numbered === h.numbered) continue; // repeated as a table caption
    if (sections.some((s) => s.no === h.no)) {
      strays.push(h);
      continue;
    }
    sections.push({ no: h.no, heading: h, start: i + 1, end: doc.paragraphs.length });
  }
  const limit = appendix ?? doc.paragraphs.length;
  const appendixParts = [...new Set(chosen.filter((h) => h.paragraph >= limit && h.no >= 2 && h.no <= 4).map((h) => h.no))];
  const ordered = [...sections].sort((a, b) => a.start - b.start);
  ordered.forEach((s, k) => {
    s.end = k + 1 < ordered.length ? ordered[k + 1].heading.paragraph : limit;
  });
  return {
    sections,
    strays,
    appendix,
    appendixParts,
    sectionOf(paragraph: number) {
      if (paragraph >= limit) return undefined;
      let found: number | undefined;
      for (const s of ordered) if (paragraph >= s.heading.paragraph && paragraph < s.end) found = s.no;
      return found;
    },
  };
}

export function numeral(no: number): string {
  return SECTION_NUMERALS[no - 1] ?? String(no);
}
