/** narrative.* rules: the figures and statements of the text against the report's own tables, and its year. */
import type { CompiledFormat } from '../formats/compile';
import { CONTRADICTION_CELLS, REPORT_FIGURES, SHARE_BASES } from '../formats/report-figures';
import type { Report } from '../model/report';
import { cellLabel } from '../rules/messages';
import type { Finding } from '../model/finding';
import type { ReportDocument } from './document';
import { namedBefore, ownClause, statementsOf, type Scope, type Sentence, type Statement } from './figures';
import { narrativeMessages as M } from './messages';
import { placeOf } from './place';
import type { SectionSplit } from './sections';
import { readCount } from './text';

export interface Tables {
  format: CompiledFormat;
  report: Report;
}

/**
 * The sum of cells as the tables print them: blanks count as 0 when another of the cells holds a
 * number; undefined when a cell is missing or unreadable, or every one is blank (nothing to compare).
 */
export function tableSum(t: Tables, ids: string[]): number | undefined {
  let sum = 0;
  let filled = false;
  for (const id of ids) {
    const i = t.format.index.get(id);
    if (i === undefined) return undefined;
    const r = t.report.readings[i];
    if (!r || r.status === 'invalid') return undefined;
    if (r.value !== null && r.value !== undefined) {
      sum += r.value;
      filled = true;
    }
  }
  return filled ? sum : undefined;
}

function labelOf(t: Tables, ids: string[]): string {
  return ids.map((id) => cellLabel(t.format.cells[t.format.index.get(id)!])).join(' + ');
}

class FindingMaker {
  constructor(
    private readonly doc: ReportDocument,
    private readonly split: SectionSplit,
  ) {}

  make(rule: string, message: string, s: Sentence, cells: string[] = [], extra: Partial<Finding> = {}): Finding {
    return { rule, severity: 'warning', cells, message, ...extra, quote: s.text, place: placeOf(this.doc, this.split, s.paragraph) };
  }
}

const UNIT_IN_WAN: Record<string, number> = { 元: 1e-4, 万元: 1, 亿元: 1e4 };

function decimals(n: number): number {
  const s = String(n);
  return s.includes('.') ? s.split('.')[1].length : 0;
}

/** A stated figure matches a table's: counts exactly, money to the precision the text gives it in. */
function figureMatches(s: Statement, table: number, money: boolean): boolean {
  if (!money) return s.value === table;
  const factor = UNIT_IN_WAN[s.unit] ?? 1;
  const tolerance = 0.5 * 10 ** -decimals(s.value) * factor + 1e-9;
  return Math.abs(s.value * factor - table) <= tolerance;
}

/** A stated share matches a ratio when it is the ratio rounded, or cut, to the digits the text gives. */
function shareMatches(percent: { value: number; decimals: number }, part: number, whole: number): boolean {
  if (whole <= 0) return false;
  const exact = (part / whole) * 100;
  const step = 10 ** -percent.decimals;
  return Math.abs(exact - percent.value) <= step / 2 + 1e-9 || (exact >= percent.value - 1e-9 && exact < percent.value + step);
}

function figureFindings(statements: Statement[], t: Tables, mk: FindingMaker): Finding[] {
  const out: Finding[] = [];
  for (const s of statements) {
    const def = REPORT_FIGURES[s.kind];
    const table = tableSum(t, def.cells);
    if (table === undefined) continue;
    const sums = [table, ...(def.also ?? []).map((ids) => tableSum(t, ids)).filter((v): v is number => v !== undefined)];
    if (!sums.some((v) => figureMatches(s, v, !!def.money))) {
      out.push(
        mk.make('narrative.figure_mismatch', M.figure(s.sentence.text, def.label, s.value, s.unit, labelOf(t, def.cells), table, def.money ? '万元' : '件'), s.sentence, def.cells, {
          expected: table,
          actual: def.money ? s.value * (UNIT_IN_WAN[s.unit] ?? 1) : s.value,
        }),
      );
      continue;
    }
    if (s.percent) {
      const bases = SHARE_BASES.map((b) => ({ ...b, value: tableSum(t, b.cells) })).filter((b) => b.value !== undefined && b.value > 0);
      if (bases.length && !bases.some((b) => shareMatches(s.percent!, s.value, b.value!))) {
        const base = bases[0];
        const pct = Math.round((s.value / base.value!) * 100 * 10 ** s.percent.decimals) / 10 ** s.percent.decimals;
        out.push(
          mk.make('narrative.figure_mismatch', M.share(s.sentence.text, s.value, s.percent.value, labelOf(t, base.cells), base.value!, pct), s.sentence, [...def.cells, ...base.cells], {
            expected: pct,
            actual: s.percent.value,
          }),
        );
      }
    }
  }
  return out;
}

const ALL_DONE = [
  /(?:所有|全部|全数)(?:的)?(?:政府信息公开|依申请公开)?(?:的)?申请(?:件)?(?:均|都|全部)?(?:已|已经)?(?:按时|按期|依法|及时|依法依规|在法定期限内|全部)*(?:办结|办理完毕|答复完毕|处理完毕|完成办理|完成答复)/,
  /(?:均|都|全部)(?:已|已经)?(?:按时|按期|依法|及时|依法依规|在法定期限内)*(?:办结|办理完毕|处理完毕|答复完毕)/,
  /(?:已|已经)全部(?:办结|办理完毕|答复完毕)/,
  /办结率(?:达到?|为)?100(?:\.0+)?%/,
];
const NOT_REQUEST_SUBJECT = /诉求|事项|建议|提案|投诉|举报|信访|热线|工单|复议|诉讼|案件/;
const NEGATION = /(?:未发生|没有发生|未出现|没有出现|不存在|未有|没有|无|未)(?:因|涉及)?[^，,；;。\d]{0,16}?/;
const NOT_EXISTENCE_AFTER = /^[^，,；;。]{0,4}?(?:纠正|撤销|败诉|确认违法|维持)/;
/** Said of the information-processing fee; 「未收取任何费用」 only where the sentence names that fee (查阅 is free anyway). */
const NO_FEE = [
  /(?:未|没有|无|不)(?:收取|收)(?:任何)?(?:政府信息公开)?(?:信息)?处理费/,
  /免收(?:政府信息公开)?(?:信息)?处理费/,
  /(?:收取|收)(?:政府信息公开)?(?:信息)?处理费(?:共|为|共计)?(?:0(?:\.0+)?|零)元/,
];
const NO_FEE_NAMED = /(?:未|没有|无|不)(?:收取|收)(?:任何)?费用|未收费/;

function contradictionFindings(sentences: Sentence[], t: Tables, scope: Scope, mk: FindingMaker): Finding[] {
  const out: Finding[] = [];
  const carriedOut = tableSum(t, CONTRADICTION_CELLS.carriedOut);
  const review = tableSum(t, CONTRADICTION_CELLS.review);
  const suits = tableSum(t, CONTRADICTION_CELLS.suits);
  const unpaid = tableSum(t, CONTRADICTION_CELLS.unpaidFee);
  for (const s of sentences) {
    const feeNamed = /处理费/.test(s.text);
    const requests = /申请/.test(s.text);
    // 「收到行政复议申请3件，均已办结」: what is done is named before the clause.
    const otherSubject = namedBefore(s, NOT_REQUEST_SUBJECT);
    for (const [k, c] of s.clauses.entries()) {
      if (!ownClause(c, scope)) continue;
      if (carriedOut && requests && !otherSubject[k] && !NOT_REQUEST_SUBJECT.test(c.text) && ALL_DONE.some((re) => re.test(c.text))) {
        out.push(mk.make('narrative.contradiction', M.allDone(s.text, labelOf(t, CONTRADICTION_CELLS.carriedOut), carriedOut), s, CONTRADICTION_CELLS.carriedOut));
        break;
      }
      const negated = negatedAppeals(c.text);
      if (review && negated.review) out.push(mk.make('narrative.contradiction', M.noAppeal(s.text, '行政复议', labelOf(t, CONTRADICTION_CELLS.review), review), s, CONTRADICTION_CELLS.review));
      if (suits && negated.suits) out.push(mk.make('narrative.contradiction', M.noAppeal(s.text, '行政诉讼', labelOf(t, CONTRADICTION_CELLS.suits), suits), s, CONTRADICTION_CELLS.suits));
      if (unpaid && (NO_FEE.some((re) => re.test(c.text)) || (feeNamed && NO_FEE_NAMED.test(c.text)))) {
        out.push(mk.make('narrative.contradiction', M.noFee(s.text, labelOf(t, CONTRADICTION_CELLS.unpaidFee), unpaid), s, CONTRADICTION_CELLS.unpaidFee));
      }
    }
  }
  return out;
}

/** Which of 行政复议 / 行政诉讼 a clause says did not happen: 「未发生因政府信息公开被申请行政复议、提起行政诉讼的情况」. */
function negatedAppeals(clause: string): { review: boolean; suits: boolean } {
  const out = { review: false, suits: false };
  const re = new RegExp(`${NEGATION.source}(行政复议|行政诉讼)`, 'g');
  for (const m of clause.matchAll(re)) {
    const tail = clause.slice(m.index! + m[0].length);
    if (NOT_EXISTENCE_AFTER.test(tail)) continue;
    const which = m[1] === '行政复议' ? 'review' : 'suits';
    out[which] = true;
    // 「…行政复议、行政诉讼的情况」 / 「行政复议和行政诉讼」: the negation covers both.
    if (/^(?:案件)?(?:和|及|与|、|或)(?:被)?(?:提起)?(?:行政复议|行政诉讼)/.test(tail)) out.review = out.suits = true;
    if (/^(?:案件)?(?:为零|均为零)/.test(tail)) out[which] = true;
  }
  for (const m of clause.matchAll(/(行政复议|行政诉讼)(?:案件)?(?:均|都)?为零/g)) out[m[1] === '行政复议' ? 'review' : 'suits'] = true;
  return out;
}

const PERIOD = /统计(?:期限|时限|时间|期间|区间|周期|范围)|所列数据/;
const YEAR = /((?:19|20)\d\d|[二][〇零][一二三四五六七八九〇零][〇零一二三四五六七八九])\s*年/g;

function yearFindings(sentences: Sentence[], year: number, split: SectionSplit, mk: FindingMaker): Finding[] {
  const out: Finding[] = [];
  const firstSection = split.sections.length ? Math.min(...split.sections.map((s) => s.heading.paragraph)) : Infinity;
  for (const s of sentences) {
    const title = s.paragraph < firstSection && /年度报告/.test(s.text) && s.text.length <= 60;
    if (!title && !PERIOD.test(s.text)) continue;
    const other = [...s.text.matchAll(YEAR)].map((m) => readCount(m[1]) ?? 0).find((y) => y !== year);
    if (other !== undefined) out.push(mk.make('narrative.year', M.year(s.text, other, year), s));
  }
  return out;
}

export function narrativeFindings(doc: ReportDocument, split: SectionSplit, sentences: Sentence[], t: Tables | undefined, scope: Scope | undefined): Finding[] {
  const mk = new FindingMaker(doc, split);
  if (!scope) return [];
  const out = yearFindings(sentences, scope.year, split, mk);
  if (!t) return out;
  const statements = sentences.flatMap((s) => statementsOf(s, scope));
  return [...out, ...figureFindings(statements, t, mk), ...contradictionFindings(sentences, t, scope, mk)];
}
