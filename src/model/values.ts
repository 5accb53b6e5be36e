/**
 * Reads one cell as a clerk writes it: full-width digits, separators, signs,
 * trailing 件, money units, placeholders. Unreadable text is never a number.
 */
import type { ValueKind } from '../formats/types';

/**
 * How one cell reads, told apart by `status`: a number (as written, or text understood as
 * one), a blank, or text that is no number (`invalid`, never counted as 0).
 */
export type Reading = PlainNumber | UnderstoodNumber | BlankReading | Unreadable;

export type ReadStatus = Reading['status'];

/** A number written as a number. */
export interface PlainNumber {
  status: 'number';
  value: number;
  raw?: undefined;
  understood?: undefined;
  dependsOn?: undefined;
}

/** Text read as a number: normalised (full-width, separators, 件), with a money unit, or with a remark in brackets. */
export interface UnderstoodNumber {
  status: 'normalised' | 'unit' | 'annotated';
  value: number;
  /** The text as written. */
  raw: string;
  /** What was understood, in Chinese. */
  understood: string;
  dependsOn?: undefined;
}

export interface BlankReading {
  status: 'blank';
  value: null;
  raw?: undefined;
  understood?: undefined;
  dependsOn?: undefined;
}

/** Text that is no number, or a total that cannot be computed. */
export interface Unreadable {
  status: 'invalid';
  value: null;
  /** The text as written. */
  raw: string;
  understood?: undefined;
  /** A total that cannot be computed because these cells (ids) cannot be read: the error is theirs, not the total's. */
  dependsOn?: string[];
  /** Figures run together that split more than one way: the row's one cell.ambiguous finding says so. */
  ambiguous?: true;
}

const BLANK: BlankReading = { value: null, status: 'blank' };

const FULL_WIDTH = /[\uFF10-\uFF19\uFF0E\uFF0C\uFF0B\uFF0D]/g;
const PLACEHOLDERS = new Set(['/', '\\', '-', '--', '—', '——', '－', '–', '无', '空', '暂无', 'n/a', 'na', '×', '*']);
const COUNT_SUFFIXES = ['件', '项'];
const MONEY_UNITS: { re: RegExp; factor: number; name: string }[] = [
  { re: /^[(（]?万元[)）]?$/, factor: 1, name: '万元' },
  { re: /^[(（]?万[)）]?$/, factor: 1, name: '万元' },
  { re: /^[(（]?亿元[)）]?$/, factor: 10000, name: '亿元' },
  { re: /^[(（]?元[)）]?$/, factor: 0.0001, name: '元' },
];

function toHalfWidth(s: string): string {
  return s.replace(FULL_WIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

function round(x: number): number {
  // Whole numbers as they are: scaling a large count by 1e8 would add float noise.
  return Number.isInteger(x) ? x : Math.round(x * 1e8) / 1e8;
}

function invalid(raw: string): Unreadable {
  return { value: null, status: 'invalid', raw };
}

/** Above any count or amount (万元) a report can hold. */
const MAX_VALUE = 1e12;

const NUMBER = /^([+-]?)(\d+(?:\.\d+)?|\.\d+)$/;
const GROUPED = /^([+-]?)(\d{1,3}(?:,\d{3})+(?:\.\d+)?)$/;

/** A figure followed by a remark in brackets, 「22（其中修订16件）」: the remark has words, not just a unit. */
const ANNOTATED = /^(.*?\S)\s*[(（]([^()（）]*[\u4e00-\u9fff][^()（）]*)[)）]$/;
const UNIT_ONLY = /^(?:万元|万|亿元|元|件|项|个|条)$/;

/** Reads a cell's content for a cell of the given kind. */
export function readCell(input: unknown, kind: ValueKind): Reading {
  const annotated = typeof input === 'string' ? ANNOTATED.exec(input.trim()) : null;
  if (annotated && !UNIT_ONLY.test(annotated[2].trim())) {
    const lead = readPlain(annotated[1], kind);
    if (lead.status === 'invalid' || lead.status === 'blank') return invalid(String(input));
    return { value: lead.value, status: 'annotated', raw: String(input), understood: `${fmt(lead.value)}（括号中的“${annotated[2].trim()}”是说明，未计入）` };
  }
  return readPlain(input, kind);
}

function readPlain(input: unknown, kind: ValueKind): Reading {
  if (input === null || input === undefined) return BLANK;
  if (typeof input === 'number') {
    // The same bound as typed text: a number no report can hold is a mistake (an ID pasted into a cell), not a figure.
    return Number.isFinite(input) && Math.abs(input) < MAX_VALUE ? { value: input, status: 'number' } : invalid(String(input));
  }
  if (typeof input === 'boolean') return invalid(String(input));
  const raw = String(input);
  const trimmed = raw.replace(/[\s\u3000\u00a0]+/g, ' ').trim();
  if (trimmed === '') return BLANK;
  if (PLACEHOLDERS.has(trimmed.toLowerCase())) return invalid(raw);

  const notes: string[] = [];
  // Spaces are dropped only next to a non-digit, so "1 2" never becomes 12.
  let s = trimmed.replace(/(?<!\d) | (?!\d)/g, '');
  const half = toHalfWidth(s).replace(/[−–]/g, '-');
  if (half !== s) notes.push('全角字符');
  s = half;

  let factor = 1;
  let unitName = '';
  if (kind === 'money') {
    const m = /^(.*?\d)([(（]?(?:万元|万|亿元|元)[)）]?)$/.exec(s);
    if (m) {
      const unit = MONEY_UNITS.find((u) => u.re.test(m[2]));
      if (!unit) return invalid(raw);
      factor = unit.factor;
      unitName = unit.name;
      s = m[1];
    }
  } else {
    // 12件, and 12（件） as some clerks bracket the unit.
    const suffix = COUNT_SUFFIXES.find((x) => s.endsWith(x) || s.endsWith(`(${x})`) || s.endsWith(`（${x}）`));
    if (suffix) {
      s = s.slice(0, s.endsWith(suffix) ? -suffix.length : -suffix.length - 2);
      notes.push(`单位“${suffix}”`);
    }
  }

  const grouped = GROUPED.exec(s);
  if (grouped) {
    s = grouped[1] + grouped[2].replace(/,/g, '');
    notes.push('千分位分隔符');
  }
  const m = NUMBER.exec(s);
  if (!m) return invalid(raw);
  if (m[1] === '+' && kind !== 'signed') notes.push('正号“+”');
  const value = round(Number(s) * factor);
  // No real figure is this large: a string of digits this long is text, not a count.
  if (!Number.isFinite(value) || Math.abs(value) >= MAX_VALUE) return invalid(raw);

  if (unitName) {
    return {
      value,
      status: 'unit',
      raw,
      understood: unitName === '万元' ? `${value} 万元` : `${Number(s)} ${unitName} = ${value} 万元`,
    };
  }
  if (notes.length) return { value, status: 'normalised', raw, understood: `${value}（已去除${notes.join('、')}）` };
  return { value, status: 'number' };
}

/** Whether a cell's text reads as a value (a number, a blank or a placeholder) rather than a label. */
export function looksLikeValue(text: string): boolean {
  const hit = valueLike.get(text);
  if (hit !== undefined) return hit;
  const t = text.replace(/[\s\u3000\u00a0]+/g, ' ').trim();
  const yes = t === '' || PLACEHOLDERS.has(t.toLowerCase()) || UNREADABLE_WORDS.has(t) || readCell(t, 'money').status !== 'invalid' || readCell(t, 'count').status !== 'invalid';
  // Cell texts repeat (0, 1, labels) across rows and files; the cache stays small.
  if (valueLike.size < 50_000) valueLike.set(text, yes);
  return yes;
}

const valueLike = new Map<string, boolean>();

/** Words clerks write in a count cell: they stand where a value stands, and are never a number. */
const UNREADABLE_WORDS = new Set(['若干', '见附件', '见附表', '不详', '未统计', '待统计', '暂缺', '不适用', '略', '同上']);

/** Formats a number for messages: integers plainly, money without float noise. */
export function fmt(n: number | null): string {
  if (n === null) return '空白';
  return String(round(n));
}
