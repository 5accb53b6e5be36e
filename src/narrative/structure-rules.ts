/** structure.* rules: the six sections are there, in order, with their statutory titles and some content. */
import { PLACEHOLDER_PATTERN } from '../draft/model';
import { REPORT_SECTIONS } from '../formats/report-sections';
import type { Finding } from '../model/finding';
import type { ReportDocument } from './document';
import { structureMessages as M } from './messages';
import { numeral, type Heading, type SectionSplit } from './sections';
import { bare, normalizeText, readCount } from './text';
import { placeOf } from './place';

const titleOf = (no: number) => REPORT_SECTIONS[no - 1].title;
const written = (h: Heading) => `${h.numbering}${h.title}`;

function finding(rule: string, severity: Finding['severity'], message: string, doc: ReportDocument, split: SectionSplit, paragraph?: number, quote?: string): Finding {
  const f: Finding = { rule, severity, cells: [], message };
  if (quote !== undefined) f.quote = quote;
  if (paragraph !== undefined) f.place = placeOf(doc, split, paragraph);
  return f;
}

function sectionMissing(doc: ReportDocument, split: SectionSplit): Finding[] {
  if (!split.sections.length) return [finding('structure.section_missing', 'error', M.noneFound(REPORT_SECTIONS.map((s) => `${numeral(s.no)}、${s.title}`).join('；')), doc, split)];
  // The tables' parts may stand in an appendix after the body, under their titles.
  return REPORT_SECTIONS.filter((s) => !split.sections.some((x) => x.no === s.no) && !split.appendixParts.includes(s.no)).map((s) =>
    finding('structure.section_missing', 'error', M.missing(numeral(s.no), s.title), doc, split),
  );
}

function sectionOrder(doc: ReportDocument, split: SectionSplit): Finding[] {
  const out: Finding[] = [];
  let highest: Heading | undefined;
  for (const s of split.sections) {
    const h = s.heading;
    if (highest && h.no < highest.no)
      out.push(finding('structure.section_order', 'warning', M.outOfOrder(written(h), titleOf(h.no), written(highest)), doc, split, h.paragraph, normalizeText(doc.paragraphs[h.paragraph].text)));
    else if (h.numbered !== undefined && h.numbered !== h.no)
      out.push(finding('structure.section_order', 'warning', M.wrongNumeral(written(h), numeral(h.no), titleOf(h.no)), doc, split, h.paragraph, normalizeText(doc.paragraphs[h.paragraph].text)));
    if (!highest || h.no > highest.no) highest = h;
  }
  for (const h of split.strays)
    out.push(finding('structure.section_order', 'warning', M.twice(written(h), numeral(h.no), titleOf(h.no)), doc, split, h.paragraph, normalizeText(doc.paragraphs[h.paragraph].text)));
  return out;
}

// Enumeration marks are punctuation: 「行政复议和行政诉讼」 says what 「行政复议、行政诉讼」 does.
const sameTitle = (a: string, b: string) => bare(a).replace(/[和及与]/g, '') === bare(b).replace(/[和及与]/g, '');

function sectionTitle(doc: ReportDocument, split: SectionSplit): Finding[] {
  return split.sections
    .filter((s) => !s.heading.runOn && !sameTitle(s.heading.title, titleOf(s.no)))
    .map((s) => finding('structure.section_title', 'warning', M.title(s.heading.title, `${numeral(s.no)}、${titleOf(s.no)}`), doc, split, s.heading.paragraph, s.heading.title));
}

const PARTS_CLAIM = /(?:报告|全文)[^。]{0,12}(?:由|包括|包含|分为|共分|共有|共)[^。]{0,120}?(?:等)?(\d+|[一二三四五六七八九十])个?(?:部分|方面)/;

function partsClaim(doc: ReportDocument, split: SectionSplit): Finding[] {
  const found = new Set([...split.sections.map((s) => s.no), ...split.appendixParts]).size;
  const limit = split.sections[0]?.end ?? doc.paragraphs.length;
  for (let i = 0; i < limit; i++) {
    const text = normalizeText(doc.paragraphs[i].text);
    for (const sentence of text.split(/(?<=[。！？])/)) {
      const m = PARTS_CLAIM.exec(sentence);
      if (!m) continue;
      const claimed = readCount(m[1]);
      if (claimed === undefined || claimed === found) return [];
      return [finding('structure.parts_claim', 'warning', M.partsClaim(sentence, claimed, found), doc, split, i, sentence)];
    }
  }
  return [];
}

/** Fewer characters than this (punctuation and placeholders aside) in 五 is too little to say anything. */
const EMPTY_BELOW = 20;

function sectionEmpty(doc: ReportDocument, split: SectionSplit): Finding[] {
  const s = split.sections.find((x) => x.no === 5);
  if (!s) return [];
  const body = [s.heading.rest, ...doc.paragraphs.slice(s.start, s.end).map((p) => p.text)].map(normalizeText).filter(Boolean).join('');
  // A drafted report's placeholder 【待填写：…】 is not content.
  const content = bare(body.replace(PLACEHOLDER_PATTERN, ''));
  if (content.length >= EMPTY_BELOW) return [];
  return [
    finding(
      'structure.section_empty',
      'warning',
      M.empty(numeral(5), titleOf(5), content ? body.replace(PLACEHOLDER_PATTERN, '').trim() : ''),
      doc,
      split,
      s.heading.paragraph,
      normalizeText(doc.paragraphs[s.heading.paragraph].text),
    ),
  ];
}

export function structureFindings(doc: ReportDocument, split: SectionSplit): Finding[] {
  return [...sectionMissing(doc, split), ...sectionOrder(doc, split), ...sectionTitle(doc, split), ...partsClaim(doc, split), ...sectionEmpty(doc, split)];
}
