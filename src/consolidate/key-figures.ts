/** The key figures of the overview sheet (汇总明细) and the year-on-year comparison, by cell id; the first set a format has is used. */
import type { CompiledFormat } from '../formats/compile';
import type { Report } from '../model/report';

export interface KeyFigure {
  label: string;
  /** Alternatives: cell ids summed; the first alternative whose ids all exist in the format. */
  sums: string[][];
  money?: boolean;
  /** Shown in the comparison only: the overview has room for 15 columns. */
  comparisonOnly?: true;
}

export const KEY_FIGURES: KeyFigure[] = [
  { label: '新收申请', sums: [['requests.new.total']] },
  { label: '办结', sums: [['requests.total.total']] },
  { label: '结转下年', sums: [['requests.carried_out.total']] },
  { label: '行政复议', sums: [['appeals.review.total']] },
  { label: '行政诉讼', sums: [['appeals.suit_direct.total', 'appeals.suit_after_review.total']] },
  { label: '规范性文件', sums: [['proactive.normative.issued'], ['proactive.normative.made']] },
  { label: '行政许可', sums: [['proactive.licensing.decisions']], comparisonOnly: true },
  { label: '行政处罚', sums: [['proactive.penalty.decisions']], comparisonOnly: true },
  { label: '收费（万元）', sums: [['proactive.fees.amount']], money: true },
];

/** The key figures that have a column in the overview. */
export const OVERVIEW_FIGURES = KEY_FIGURES.filter((f) => !f.comparisonOnly);

/** A share in per cent: corrections among decided appeals (纠错率), worth a look when it rises. */
export interface KeyRate {
  label: string;
  part: string[];
  whole: string[];
}

export const KEY_RATES: KeyRate[] = [
  { label: '复议纠错率（%）', part: ['appeals.review.corrected'], whole: ['appeals.review.total'] },
  {
    label: '诉讼纠错率（%）',
    part: ['appeals.suit_direct.corrected', 'appeals.suit_after_review.corrected'],
    whole: ['appeals.suit_direct.total', 'appeals.suit_after_review.total'],
  },
];

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
