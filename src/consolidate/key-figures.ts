/** The key figures of the overview sheet (汇总明细), by cell id; the first set a format has is used. */
import type { CompiledFormat } from '../formats/compile';
import type { Report } from '../model/report';

export interface KeyFigure {
  label: string;
  /** Alternatives: cell ids summed; the first alternative whose ids all exist in the format. */
  sums: string[][];
  money?: boolean;
}

export const KEY_FIGURES: KeyFigure[] = [
  { label: '新收申请', sums: [['requests.new.total']] },
  { label: '办结', sums: [['requests.total.total']] },
  { label: '结转下年', sums: [['requests.carried_out.total']] },
  { label: '行政复议', sums: [['appeals.review.total']] },
  { label: '行政诉讼', sums: [['appeals.suit_direct.total', 'appeals.suit_after_review.total']] },
  { label: '规范性文件', sums: [['proactive.normative.issued'], ['proactive.normative.made']] },
  { label: '行政许可', sums: [['proactive.licensing.decisions']] },
  { label: '行政处罚', sums: [['proactive.penalty.decisions']] },
  { label: '收费（万元）', sums: [['proactive.fees.amount']], money: true },
];

/** A figure's value for one report: a number, null when the format lacks it, or the text that blocks it. */
export function keyFigure(format: CompiledFormat, report: Report, fig: KeyFigure): number | string | null {
  const ids = fig.sums.find((alt) => alt.every((id) => format.index.has(id)));
  if (!ids) return null;
  let sum = 0;
  for (const id of ids) {
    const r = report.readings[format.index.get(id)!];
    if (!r || r.status === 'invalid') return '无法读取';
    sum += r.value ?? 0;
  }
  return Math.round(sum * 1e8) / 1e8;
}
