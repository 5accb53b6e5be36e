/**
 * The key figures of the overview sheet (汇总明细) and the year-on-year comparison: each
 * format's own, from its definition, merged by label when several formats are shown together.
 */
import { formats as shipped } from '../formats';
import type { CompiledFormat } from '../formats/compile';
import type { Report } from '../model/report';

export interface KeyFigure {
  label: string;
  /** Alternatives: cell ids summed; the first alternative whose ids all exist in the format. */
  sums: string[][];
  money?: boolean;
  /** Shown in the comparison only: the overview has no column for it. */
  comparisonOnly?: true;
}

/** A share in per cent: corrections among decided appeals (纠错率), worth a look when it rises. */
export interface KeyRate {
  label: string;
  part: string[];
  whole: string[];
}

/** The formats' key figures by label, in order of first appearance; each format's cells one alternative. */
export function keyFiguresOf(formats: CompiledFormat[]): KeyFigure[] {
  const out: KeyFigure[] = [];
  for (const f of formats)
    for (const k of f.def.keyFigures) {
      const known = out.find((x) => x.label === k.label);
      if (known) {
        if (!known.sums.some((alt) => alt.join() === k.sum.join())) known.sums.push(k.sum);
        continue;
      }
      out.push({ label: k.label, sums: [k.sum], ...(k.money ? { money: true } : {}), ...(k.comparisonOnly ? { comparisonOnly: true as const } : {}) });
    }
  return out;
}

/** The formats' key rates by label, the first definition of each. */
export function keyRatesOf(formats: CompiledFormat[]): KeyRate[] {
  const out: KeyRate[] = [];
  for (const f of formats) for (const r of f.def.keyRates) if (!out.some((x) => x.label === r.label)) out.push(r);
  return out;
}

/** The key figures that have a column in a format's overview. */
export function overviewFigures(format: CompiledFormat): KeyFigure[] {
  return keyFiguresOf([format]).filter((f) => !f.comparisonOnly);
}

/** Every shipped format's key figures and rates. */
export const KEY_FIGURES = keyFiguresOf(shipped.all);
export const KEY_RATES = keyRatesOf(shipped.all);
export const OVERVIEW_FIGURES = KEY_FIGURES.filter((f) => !f.comparisonOnly);

/** The cell ids a figure sums in a format, or undefined when the format has none of its alternatives. */
export function figureIds(format: CompiledFormat, fig: KeyFigure): string[] | undefined {
  return fig.sums.find((alt) => alt.every((id) => format.index.has(id)));
}

/** Sum of cells: null when a cell is missing from the format, the text that blocks it when unreadable. */
function sumCells(format: CompiledFormat, report: Report, ids: string[]): number | string | null {
  let sum = 0;
  for (const id of ids) {
    const i = format.index.get(id);
    if (i === undefined) return null;
    const r = report.readings[i];
    if (!r || r.status === 'invalid') return '无法读取';
    sum += r.value ?? 0;
  }
  return Math.round(sum * 1e8) / 1e8;
}

/** A figure's value for one report: a number, null when the format lacks it, or the text that blocks it. */
export function keyFigure(format: CompiledFormat, report: Report, fig: KeyFigure): number | string | null {
  const ids = figureIds(format, fig);
  return ids ? sumCells(format, report, ids) : null;
}

/** A rate in per cent; null when nothing was decided (no whole) or the format lacks it. */
export function keyRate(format: CompiledFormat, report: Report, rate: KeyRate): number | string | null {
  const part = sumCells(format, report, rate.part);
  const whole = sumCells(format, report, rate.whole);
  if (typeof part === 'string' || typeof whole === 'string') return '无法读取';
  if (part === null || whole === null || whole === 0) return null;
  return Math.round((part / whole) * 100 * 100) / 100;
}
