/**
 * Sentences of a report's text, their clauses, and the figure statements in them
 * (收到申请 N 件, 办结 N 件, 行政复议 N 件 …). A statement is kept only when it speaks of the
 * reporting office's own year: comparisons, other years, other levels and sub-units are dropped,
 * and so are parts (其中 / 含) read as if they were totals.
 */
import type { FigureKind } from '../formats/report-figures';
import type { ReportDocument } from './document';
import type { SectionSplit } from './sections';
import { CHINESE_NUMERAL, normalizeText, readCount } from './text';

export interface Clause {
  text: string;
  /** Offset of the clause in its sentence (for a parenthesis, of the parenthesis). */
  start: number;
  /** Follows 其中 / 含 / 包括: a part of what the sentence counted before. */
  part: boolean;
  /** What the sentence says before the clause that sets its time and place. */
  earlier: Earlier;
}

/** Time and place named earlier in a sentence, which hold for its later clauses. */
export interface Earlier {
  /** Years named (2022年). */
  years: number[];
  /** 截至 / 以来 / 历年: a total over several years. */
  since: boolean;
  /** A clause of its own naming last year (上年度，…). */
  lastYear: boolean;
  /** Levels named with 全 (全市 → 市). */
  levels: string[];
  /** A stretch shorter than the year: 1—11月, 上半年, 一季度. */
  partOfYear: boolean;
}

const MONTHS = /(?<!\d)(\d{1,2})(?:月(?:\d{1,2}日)?)?(?:起)?(?:至|到|—|－|-|~|～)(?:\d{4}年)?(\d{1,2})月/g;

/** Whether a text names a stretch shorter than the year (a range from January to December is the year). */
function partOfYear(text: string): boolean {
  if (/上半年|下半年|[一二三四1-4]季度|前三季度/.test(text)) return true;
  return [...text.matchAll(MONTHS)].some((m) => !(m[1] === '1' && m[2] === '12'));
}

export interface Sentence {
  /** 0-based paragraph index. */
  paragraph: number;
  section?: number;
  text: string;
  clauses: Clause[];
  /** The paragraph, or the one before it in its section, speaks of requests (申请): a bare 「办结 N 件」 there is about them. */
  aboutRequests: boolean;
}

export interface Statement {
  kind: FigureKind;
  value: number;
  /** 件 for counts; 元 / 万元 / 亿元 for money. */
  unit: string;
  sentence: Sentence;
  clause: Clause;
  /** The words stating it, as matched in the clause: 「行政复议案件2件」. */
  figure: string;
  /** 占 X%: the share the text gives right after the figure. */
  percent?: { value: number; decimals: number };
}

/** Normalised text with the spaces a PDF extraction puts between Chinese characters and digits removed. */
export function compact(s: string): string {
  return normalizeText(s).replace(/\s+(?=[^\x00-\x7f])|(?<=[^\x00-\x7f])\s+/g, '');
}

const SENTENCE_END = /(?<=[。！？!?；;])/;

export function sentencesOf(doc: ReportDocument, split: SectionSplit): Sentence[] {
  const out: Sentence[] = [];
  const limit = split.appendix ?? doc.paragraphs.length;
  for (let i = 0; i < limit; i++) {
    const section = split.sectionOf(i);
    const paragraph = compact(doc.paragraphs[i].text);
    const before = i > 0 && split.sectionOf(i - 1) === section ? doc.paragraphs[i - 1].text : '';
    const aboutRequests = /申请/.test(paragraph) || /申请/.test(before) || section === 3;
    for (const raw of paragraph.split(SENTENCE_END)) {
      const text = raw.trim();
      if (text) out.push({ paragraph: i, section, text, clauses: clausesOf(text), aboutRequests });
    }
  }
  return out;
}

const PART_START = /^(?:其中|含|包含|包括)/;
const PART_END = /^(?:另有|另外|此外|同时)/;

function markParts(clauses: Clause[]): Clause[] {
  let part = false;
  for (const c of clauses) {
    if (PART_START.test(c.text)) part = true;
    else if (PART_END.test(c.text)) part = false;
    c.part = part;
  }
  return clauses;
}

/** Clauses split at commas and colons; a parenthesis is its own group of clauses, taken out of the clause around it. */
function clausesOf(sentence: string): Clause[] {
  const outer: Clause[] = [];
  const groups: Clause[][] = [];
  let buf = '';
  let bufStart = 0;
  let paren = '';
  let parenStart = 0;
  let depth = 0;
  const none: Earlier = { years: [], since: false, lastYear: false, levels: [], partOfYear: false };
  const flush = (at: number) => {
    if (buf.trim()) outer.push({ text: buf.trim(), start: bufStart, part: false, earlier: none });
    buf = '';
    bufStart = at + 1;
  };
  [...sentence].forEach((c, at) => {
    if (c === '（' || c === '(') {
      if (depth++ === 0) parenStart = at;
      else paren += c;
    } else if ((c === '）' || c === ')') && depth > 0) {
      if (--depth === 0) {
        groups.push(
          paren
            .split(/[，,；;：:]/)
            .map((t) => t.trim())
            .filter(Boolean)
            .map((text) => ({ text, start: parenStart, part: false, earlier: none })),
        );
        paren = '';
      } else paren += c;
    } else if (depth > 0) paren += c;
    else if (/[，,：:；;。！？!?]/.test(c)) flush(at);
    else buf += c;
  });
  flush(sentence.length);
  const clauses = [...markParts(outer), ...groups.flatMap(markParts)];
  markEarlier(sentence, clauses, outer);
  return clauses;
}

/** For each clause, whether the sentence before it holds `re` (built in one pass, so linear in the sentence). */
export function namedBefore(sentence: Sentence, re: RegExp): boolean[] {
  const starts = [...new Set(sentence.clauses.map((c) => c.start))].sort((a, b) => a - b);
  const at = new Map<number, boolean>();
  let seen = false;
  let from = 0;
  for (const start of starts) {
    seen ||= re.test(sentence.text.slice(from, start));
    at.set(start, seen);
    from = start;
  }
  return sentence.clauses.map((c) => at.get(c.start)!);
}

const LAST_YEAR_CLAUSE = /^(?:上年度?|去年|上一年度?)$/;
const LEVEL_WORD = /全(街道|省|市|区|县|旗|州|盟|镇|乡)/g;

/** Each clause's `earlier`, built once over the sentence in order (a long sentence stays linear). */
function markEarlier(sentence: string, clauses: Clause[], outer: Clause[]): void {
  const starts = [...new Set(clauses.map((c) => c.start))].sort((a, b) => a - b);
  const facts = new Map<number, Earlier>();
  const years = new Set<number>();
  const levels = new Set<string>();
  let since = false;
  let lastYear = false;
  let part = false;
  let from = 0;
  let o = 0;
  for (const start of starts) {
    const segment = sentence.slice(from, start);
    for (const y of yearsIn(segment)) years.add(y);
    for (const m of segment.matchAll(LEVEL_WORD)) levels.add(m[1]);
    since ||= SINCE.test(segment);
    part ||= partOfYear(segment);
    while (o < outer.length && outer[o].start < start) lastYear ||= LAST_YEAR_CLAUSE.test(outer[o++].text);
    facts.set(start, { years: [...years], since, lastYear, levels: [...levels], partOfYear: part });
    from = start;
  }
  for (const c of clauses) c.earlier = facts.get(c.start)!;
}

const NUM = `(?<n>\\d+(?:,\\d{3})*(?:\\.\\d+)?|${CHINESE_NUMERAL})`;
const UNIT = '(?<u>件|个|份|宗)';
const CASE_UNIT = '(?<u>件|起|宗|个|例)';
const GAP = (n: number) => `(?<g>[^，,；;。\\d]{0,${n}}?)`;
/** Between a result's words and its figure only words about requests: 「办结依申请公开81件」, not 「办结历史遗留问题12件」. */
const REQUEST_WORDS = '(?<g>(?:了)?(?:各类)?(?:依申请公开|政府信息公开|信息公开)?(?:的)?(?:申请)?(?:件)?)';
const TALLY = '(?:共|共计|合计|总计|累计|为|达|达到|了|计)*';
const NEXT_YEAR = '(?<y>下一?年度?|次年|(?:19|20)\\d\\d年度?)';

interface Pattern {
  kind: FigureKind;
  re: RegExp;
  /** Words that, between the keyword and the figure, mean the figure is about something else. */
  notIn?: RegExp;
}

const NOT_REQUESTS = /复议|诉讼|建议|提案|诉求|事项|投诉|举报|信访|热线|来信|留言|工单|咨询/;
const OTHER_BUSINESS = /建议|提案|诉求|投诉|举报|信访|热线|来信|留言|工单|咨询/;
const NOT_CASE_TOTAL = /维持|纠正|败诉|胜诉|撤销|审结|结案|结果|决定|意见书|听证|确认违法/;

const PATTERNS: Pattern[] = [
  { kind: 'carried_in', re: new RegExp(`(?:上年度?|上一年度?|去年)(?:结转|转结|结余|遗留)(?:的|而来的)?(?:政府信息公开)?(?:申请)?(?:件)?${TALLY}${NUM}${UNIT}`, 'g') },
  { kind: 'carried_in', re: new RegExp(`${NUM}${UNIT}(?:申请)?(?:为|系|属于?|是)?(?:上年度?|上一年度?|去年)结转`, 'g') },
  { kind: 'carried_out', re: new RegExp(`${NUM}${UNIT}(?:申请)?${GAP(10)}(?:结转|顺延|转入|转至|延至)(?:至|到)?${NEXT_YEAR}`, 'g'), notIn: NOT_REQUESTS },
  { kind: 'carried_out', re: new RegExp(`(?:结转|顺延|转入|延至)(?:至|到)?${NEXT_YEAR}(?:继续)?(?:办理|答复)?(?:的)?(?:政府信息公开)?(?:申请)?${TALLY}${NUM}${UNIT}`, 'g') },
  {
    kind: 'new',
    re: new RegExp(`(?:收到|新收|受理|接收|接到|收悉)${GAP(30)}(?:依申请公开(?:政府信息)?|申请)(?:件)?(?:数量|数|总数|总量)?${TALLY}${NUM}${UNIT}`, 'g'),
    notIn: new RegExp(`办结|答复|办理|处理|${NOT_REQUESTS.source}`),
  },
  { kind: 'new', re: new RegExp(`(?:收到|新收|受理|接收|接到)(?:了)?(?:各类)?${TALLY}${NUM}${UNIT}${GAP(12)}申请`, 'g'), notIn: NOT_REQUESTS },
  { kind: 'results', re: new RegExp(`(?:办结|答复|办理完毕|处理完毕|完成答复|作出答复|办理结果总计|办理结果合计)(?!率)${REQUEST_WORDS}${TALLY}${NUM}${UNIT}`, 'g') },
  { kind: 'handled', re: new RegExp(`(?:办理|处理)(?!完毕|结果|率)${GAP(30)}申请${TALLY}${NUM}${UNIT}`, 'g'), notIn: NOT_REQUESTS },
  { kind: 'granted_partial', re: new RegExp(`(?:予以公开|同意公开|全部公开)(?:及|和|与|、|或)部分公开${REQUEST_WORDS}${TALLY}${NUM}${UNIT}`, 'g') },
  { kind: 'granted', re: new RegExp(`(?:予以公开|同意公开)${REQUEST_WORDS}${TALLY}${NUM}${UNIT}`, 'g') },
  { kind: 'partial', re: new RegExp(`(?<![及和与、或])部分公开${REQUEST_WORDS}${TALLY}${NUM}${UNIT}`, 'g') },
  { kind: 'review', re: new RegExp(`行政复议${GAP(10)}${TALLY}${NUM}${CASE_UNIT}`, 'g'), notIn: new RegExp(`诉讼|起诉|${NOT_CASE_TOTAL.source}`) },
  { kind: 'review', re: new RegExp(`${NUM}${CASE_UNIT}(?:政府信息公开)?(?:的)?行政复议`, 'g') },
  { kind: 'suits', re: new RegExp(`(?:行政)?诉讼${GAP(10)}${TALLY}${NUM}${CASE_UNIT}`, 'g'), notIn: new RegExp(`复议|${NOT_CASE_TOTAL.source}`) },
  { kind: 'suits', re: new RegExp(`${NUM}${CASE_UNIT}(?:政府信息公开)?(?:的)?行政诉讼`, 'g') },
  { kind: 'procurement', re: new RegExp(`采购${GAP(12)}(?:总金额|金额|总额|资金)${TALLY}(?<n>\\d+(?:,\\d{3})*(?:\\.\\d+)?)(?<u>亿元|万元|元)`, 'g') },
];

export interface Scope {
  year: number;
  /**
   * The level whose 全X (全市, 全区) is the office's own figure; null when no 全X is: an office
   * that is not a government (a department, or a government's general office, for which 全市 is
   * the whole city), or an unknown office. Undefined: every 全X is read as the office's own.
   */
  level?: string | null;
  /** The office's name, to tell its own organ from a sub-unit. */
  office?: string;
}

const LEVELS = ['街道', '省', '市', '区', '县', '旗', '州', '盟', '镇', '乡'];

/** The level a government speaks for: 淮安市洪泽区人民政府 → 区, 平潭综合实验区 → 区; null for a department or general office. */
export function officeLevel(office: string): string | null {
  const name = office.replace(/[（(][^（）()]*[）)]$/, '').trim();
  if (/(?:办公室|办公厅|政府办)$/.test(name)) return null;
  const place = name.replace(/(?:人民政府|政府|管委会|管理委员会|办事处)$/, '');
  if (place === name && !LEVELS.some((l) => name.endsWith(l))) return null;
  return LEVELS.find((l) => place.endsWith(l)) ?? null;
}

const COMPARISON = /同比|环比|较上年|比上年|较去年|比去年|上年同期|增长|下降|增加|减少|回落|上升|持平|增幅|降幅|翻番|多于|少于/;
const EARLIER = /上年|上一年|去年|前年|往年|历年|以来|截至|截止|累计至/;
/** Earlier in the sentence, these make a total run over several years. */
const SINCE = /截至|截止|以来|历年|往年/;
const APPROXIMATE_BEFORE = /(?:约|近|超过|逾|将近|大约|不到|不足)$/;
const APPROXIMATE_AFTER = /^(?:以上|左右|以下|多)/;
const OTHER_LEVEL = /全国|上级|国务院|中央|省级/;
const SUB_UNITS = /各(?:县|区|市|乡|镇|街道|部门|单位|地)|本级|区直|市直|县直/;
const ORGANS = ['办公室', '办公厅', '政府办', '局', '委员会', '委', '中心', '街道', '部门', '单位', '医院', '学校', '公司'];
/** Parts of the totals: under 其中 / 含 these read as totals would be wrong. */
const TOTAL_KINDS: FigureKind[] = ['new', 'results', 'handled'];

const YEAR = new RegExp(`((?:19|20)\\d\\d|[二][〇零][一二三四五六七八九〇零][〇零一二三四五六七八九])年`, 'g');

function yearsIn(s: string): number[] {
  return [...s.matchAll(YEAR)].map((m) => readCount(m[1]) ?? 0);
}

/**
 * Whether a clause speaks of the office's own year: no comparison, no earlier year, no other
 * level or sub-unit in it, and none named earlier in its sentence. `rest` is the clause with
 * any words that name other years by design (上年结转) taken out.
 */
export function ownClause(clause: Clause, scope: Scope, rest = clause.text): boolean {
  if (COMPARISON.test(rest) || EARLIER.test(rest) || OTHER_LEVEL.test(rest) || SUB_UNITS.test(rest) || partOfYear(rest)) return false;
  const { earlier } = clause;
  if (earlier.since || earlier.lastYear || earlier.partOfYear) return false;
  if ([...earlier.years, ...yearsIn(rest)].some((y) => y !== scope.year)) return false;
  if (scope.level !== undefined && [...earlier.levels, ...[...rest.matchAll(LEVEL_WORD)].map((m) => m[1])].some((l) => l !== scope.level)) return false;
  return true;
}

/** Whether the figure matched in the clause speaks of the office's own year, by the words around it. */
function ownFigure(p: Pattern, m: RegExpMatchArray, clause: Clause, scope: Scope): boolean {
  const at = m.index!;
  const nAt = at + m[0].indexOf(m.groups!.n);
  if (APPROXIMATE_BEFORE.test(clause.text.slice(0, nAt)) || APPROXIMATE_AFTER.test(clause.text.slice(at + m[0].length))) return false;
  if (clause.part && TOTAL_KINDS.includes(p.kind)) return false;
  // The carry phrases name the years on either side of this one by themselves.
  const carry = p.kind === 'carried_in' || p.kind === 'carried_out';
  if (p.kind === 'carried_out' && m.groups!.y && /\d/.test(m.groups!.y) && yearsIn(m.groups!.y)[0] !== scope.year + 1) return false;
  if (!ownClause(clause, scope, carry ? clause.text.replace(m[0], '') : clause.text)) return false;
  const before = clause.text.slice(0, at);
  if (scope.office && ORGANS.some((o) => before.includes(o) && !scope.office!.includes(o))) return false;
  return true;
}

const PERCENT = /^(?:[^，,；;。\d%]{0,12}?)占(?:比)?([^，,；;。\d%]{0,16}?)(\d+(?:\.\d+)?)%/;
/** The whole a share may name: all requests (received or closed), or none. A share of another whole is not read. */
const SHARE_OF = /^(?:为)?(?:全部|本年|全年|总)?(?:收到|新收|受理|办结|办理|答复)?(?:的)?(?:政府信息公开)?(?:申请)?(?:件)?(?:总数|总量|数量|量|总件数)?(?:的)?(?:为|达)?$/;

function percentAfter(sentence: Sentence, index: number, tail: string): Statement['percent'] {
  const here = PERCENT.exec(tail);
  const next = sentence.clauses[index + 1];
  const m = here ?? (next && /^占/.test(next.text) ? PERCENT.exec(next.text) : null);
  if (!m || !SHARE_OF.test(m[1])) return undefined;
  return { value: Number(m[2]), decimals: (m[2].split('.')[1] ?? '').length };
}

/** Figure statements of one sentence that speak of the office's own year. */
export function statementsOf(sentence: Sentence, scope: Scope): Statement[] {
  const out: Statement[] = [];
  // 办结 / 结转 / 予以公开 N 件 are requests when the paragraph speaks of them; 收到 needs 申请 in its own words.
  // A sentence on deputies' proposals or hotline calls is not about requests, whatever it closed.
  const requests = sentence.aboutRequests && !OTHER_BUSINESS.test(sentence.text);
  // Cases are the disclosure ones only where the sentence says so (or in 四): a report's 一 may count all of its reviews.
  const appeals = /信息公开|公开申请|依申请/.test(sentence.text) || sentence.section === 4;
  const procurement = /政府集中采购/.test(sentence.text);
  const casesNamed = /行政复议|行政诉讼/.test(sentence.text);
  sentence.clauses.forEach((clause, index) => {
    const taken = new Set<number>();
    for (const p of PATTERNS) {
      const needs = p.kind === 'review' || p.kind === 'suits' ? appeals : p.kind === 'procurement' ? procurement : requests;
      if (!needs) continue;
      for (const m of clause.text.matchAll(p.re)) {
        const nAt = m.index! + m[0].lastIndexOf(m.groups!.n + m.groups!.u);
        // A number is one statement: the first pattern whose words fit it takes it.
        if (taken.has(nAt) || (m.groups!.g && p.notIn?.test(m.groups!.g))) continue;
        taken.add(nAt);
        if (p.kind === 'suits' && !/行政诉讼/.test(m[0]) && !casesNamed) continue;
        if (p.kind === 'granted' && /主动/.test(clause.text)) continue;
        const value = readCount(m.groups!.n);
        if (value === undefined || !ownFigure(p, m, clause, scope)) continue;
        const s: Statement = { kind: p.kind, value, unit: m.groups!.u, sentence, clause, figure: m[0] };
        if (p.kind === 'granted' || p.kind === 'partial' || p.kind === 'granted_partial') {
          const percent = percentAfter(sentence, index, clause.text.slice(m.index! + m[0].length));
          if (percent) s.percent = percent;
        }
        out.push(s);
      }
    }
  });
  return out;
}
