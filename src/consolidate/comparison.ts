/**
 * Year on year (同比): the key figures of this year's summary and members against last
 * year's, largest changes first. Across a format switch only figures made of the same
 * cell ids in both formats are compared; the others are named as not comparable.
 */
import type { CompiledFormat } from '../formats/compile';
import type { FormatRegistry } from '../formats';
import type { Report } from '../model/report';
import type { Finding } from '../model/finding';
import { carryOverText } from '../rules/messages';
import { canonicalName, closestName } from './roster';
import { figureIds, keyFigure, keyFiguresOf, keyRate, keyRatesOf } from './key-figures';

/** A unit's key figures by label, from its report or from last year's overview row. */
export interface FigureSet {
  office: string;
  values: Record<string, number | string | null>;
}

export interface ComparisonLine {
  /** null for the summary (合计). */
  office: string | null;
  label: string;
  cur: number | string | null;
  prev: number | string | null;
  /** This year minus last year; null when either is not a number. */
  delta: number | null;
  /** delta / last year; null when last year is 0 or either is not a number. */
  rate: number | null;
  kind: 'count' | 'money' | 'percent';
}

export interface Comparison {
  year: number;
  prevYear: number;
  sameFormat: boolean;
  formatName: string;
  prevFormatName: string;
  /** Figures compared, and those left out because the two formats define them differently. */
  compared: string[];
  notCompared: string[];
  total: ComparisonLine[];
  /** Members' changed figures, largest first. */
  members: ComparisonLine[];
  /** Member figures equal in both years (not listed). */
  unchanged: number;
  /** Member changes past the longest list kept, smallest first left out. */
  omitted: number;
  /** Members in only one of the two years (by name). */
  onlyThisYear: string[];
  onlyLastYear: string[];
  /** Last year's members' figures were not available: only the totals are compared. */
  noPreviousMembers: boolean;
}

export function figureSet(format: CompiledFormat, report: Report): FigureSet {
  const values: FigureSet['values'] = {};
  for (const f of keyFiguresOf([format])) values[f.label] = keyFigure(format, report, f);
  for (const r of keyRatesOf([format])) values[r.label] = keyRate(format, report, r);
  return { office: report.office, values };
}

const same = (a?: string[], b?: string[]) => !!a && !!b && a.length === b.length && a.every((x, i) => x === b[i]);

/** The cells a format's own figure of this label sums. */
function ownIds(format: CompiledFormat, label: string): string[] | undefined {
  const own = keyFiguresOf([format]).find((f) => f.label === label);
  return own && figureIds(format, own);
}

/** The labels whose cells are the same ids in both formats, in display order, with their kind. */
function comparableFigures(cur: CompiledFormat, prev: CompiledFormat): { label: string; kind: ComparisonLine['kind'] }[] {
  const out: { label: string; kind: ComparisonLine['kind'] }[] = [];
  for (const f of keyFiguresOf([cur, prev])) if (same(ownIds(cur, f.label), ownIds(prev, f.label))) out.push({ label: f.label, kind: f.money ? 'money' : 'count' });
  const rate = (f: CompiledFormat, label: string) => f.def.keyRates.find((r) => r.label === label);
  for (const r of keyRatesOf([cur, prev])) {
    const [a, b] = [rate(cur, r.label), rate(prev, r.label)];
    if (a && b && same(a.part, b.part) && same(a.whole, b.whole)) out.push({ label: r.label, kind: 'percent' });
  }
  return out;
}

function line(office: string | null, label: string, kind: ComparisonLine['kind'], cur: FigureSet['values'][string], prev: FigureSet['values'][string]): ComparisonLine {
  const numbers = typeof cur === 'number' && typeof prev === 'number';
  const delta = numbers ? Math.round((cur - prev) * 1e8) / 1e8 : null;
  // A rate's change is in percentage points; a change of a change is not shown.
  // Rounded so the figure survives a spreadsheet program's 15 significant digits.
  const rate = numbers && prev !== 0 && kind !== 'percent' ? Math.round((delta! / prev) * 1e8) / 1e8 : null;
  return { office, label, cur: cur ?? null, prev: prev ?? null, delta, rate, kind };
}

/** How much a change stands out: relative to last year (a rise from 0 counted as from 1); a rate's points as per cent. */
function weight(l: ComparisonLine): number {
  if (l.delta === null) return -1;
  if (l.kind === 'percent') return Math.abs(l.delta) / 100;
  return Math.abs(l.delta) / Math.max(Math.abs(l.prev as number), 1);
}

const byWeight = (a: ComparisonLine, b: ComparisonLine) => weight(b) - weight(a);

/** The sheet stays short: the members' largest changes, up to this many lines. */
export const MAX_MEMBER_LINES = 100;

export function compareYears(cur: { summary: Report; members: Report[] }, prev: { summary: Report; members?: FigureSet[] }, registry: FormatRegistry): Comparison {
  const format = registry.formatOf(cur.summary);
  const prevFormat = registry.formatOf(prev.summary);
  const figures = comparableFigures(format, prevFormat);
  const labels = new Set(figures.map((f) => f.label));
  const all = [...keyFiguresOf([format, prevFormat]).map((f) => f.label), ...keyRatesOf([format, prevFormat]).map((r) => r.label)];
  const curTotal = figureSet(format, cur.summary);
  const prevTotal = figureSet(prevFormat, prev.summary);
  const total = figures.map((f) => line(null, f.label, f.kind, curTotal.values[f.label], prevTotal.values[f.label])).sort(byWeight);

  const prevMembers = new Map((prev.members ?? []).map((m) => [canonicalName(m.office), m]));
  const members: ComparisonLine[] = [];
  let unchanged = 0;
  for (const r of cur.members) {
    const last = prevMembers.get(canonicalName(r.office));
    if (!last) continue;
    const now = figureSet(format, r);
    // Figures last year's overview does not hold (rates, comparison-only figures) are not compared per member.
    for (const f of figures.filter((x) => x.label in last.values)) {
      const l = line(r.office, f.label, f.kind, now.values[f.label], last.values[f.label]);
      // A rate with nothing decided in one year has nothing to compare.
      if (l.cur === null || l.prev === null) continue;
      if (l.delta === 0) unchanged++;
      else members.push(l);
    }
  }
  members.sort(byWeight);
  // Last year's summary says who it summed (the member figures found may be fewer); a published report may not say.
  const prevNames = prev.summary.members ?? prev.members?.map((m) => m.office);
  const change = prevNames
    ? memberSetChange(
        cur.members.map((r) => r.office),
        prevNames,
      )
    : { added: [], dropped: [] };
  return {
    year: cur.summary.year,
    prevYear: prev.summary.year,
    sameFormat: format.id === prevFormat.id,
    formatName: format.def.name,
    prevFormatName: prevFormat.def.name,
    compared: figures.map((f) => f.label),
    notCompared: all.filter((l) => !labels.has(l)),
    total,
    members: members.slice(0, MAX_MEMBER_LINES),
    unchanged,
    omitted: Math.max(0, members.length - MAX_MEMBER_LINES),
    onlyThisYear: change.added,
    onlyLastYear: change.dropped,
    noPreviousMembers: !prev.members,
  };
}

/** Offices in one year's summary and not the other's, by name. */
export function memberSetChange(cur: string[], prev: string[]): { added: string[]; dropped: string[] } {
  const c = new Set(cur.map(canonicalName));
  const p = new Set(prev.map(canonicalName));
  return { added: cur.filter((o) => !p.has(canonicalName(o))), dropped: prev.filter((o) => !c.has(canonicalName(o))) };
}

/**
 * The member set changed between the two summaries: each unit that left is named as
 * summary.member_missing, each that joined as summary.member_unlisted (last year's
 * summary standing in for the roster), unless the roster check already named it.
 */
export function memberChangeFindings(format: CompiledFormat, summary: Report, prev: Report, alreadyNamed: { missing: string[]; unlisted: string[] } = { missing: [], unlisted: [] }): Finding[] {
  if (!summary.members || !prev.members) return [];
  const { added, dropped } = memberSetChange(summary.members, prev.members);
  const why = `${carryOverText(format).join('、')}只在两年成员相同时成立，合计的同比也受影响`;
  const out: Finding[] = [];
  const missing = new Set(alreadyNamed.missing.map(canonicalName));
  const unlisted = new Set(alreadyNamed.unlisted.map(canonicalName));
  for (const o of dropped) {
    if (missing.has(canonicalName(o))) continue;
    const renamed = closestName(o, added);
    out.push({
      rule: 'summary.member_missing',
      severity: 'warning',
      cells: [],
      message: `与上年相比成员减少：「${o}」在 ${prev.year} 年度汇总中，本年度汇总没有它${renamed ? `（本年的「${renamed.name}」名称相近，如是同一单位改名，请统一名称）` : ''}。${why}。`,
    });
  }
  for (const o of added) {
    if (unlisted.has(canonicalName(o))) continue;
    const renamed = closestName(o, dropped);
    out.push({
      rule: 'summary.member_unlisted',
      severity: 'warning',
      cells: [],
      message: `与上年相比成员增加：「${o}」本年度新加入汇总，${prev.year} 年度汇总中没有它${renamed ? `（可能是上年的「${renamed.name}」改了名称）` : ''}。${why}。`,
    });
  }
  return out;
}
