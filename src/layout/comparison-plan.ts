/** The year-on-year sheet (同比): key figures this year and last, in total and per member, largest changes first. */
import type { Comparison, ComparisonLine } from '../consolidate/comparison';
import type { SheetMeta } from '../model/sheet-meta';
import { address } from './a1';
import { listPlan, type PlanCell, type SheetPlan } from './sheet-plan';
import { wrappedHeight } from './text-height';

const HEADER_ROW = 3;
const WIDTHS = [24, 16, 12, 12, 12, 10];
const TABLE_WIDTH = WIDTHS.reduce((a, b) => a + b, 0);

/** What the sheet compares, in words: which years, which formats, what is left out and why. */
function comparisonNote(c: Comparison, prevSource: string): string {
  const parts = [`上年：${prevSource}（${c.prevYear} 年度，${c.prevFormatName}）`];
  if (!c.sameFormat)
    parts.push(
      `两年表格格式不同（${c.prevFormatName} → ${c.formatName}），只比较两版中单元格编号相同、含义相同的格${c.notCompared.length ? `；「${c.notCompared.join('」「')}」两版口径不同，不作比较` : ''}`,
    );
  parts.push('按变化幅度从大到小排列：上年为 0 的按从 1 起算；纠错率的增减为百分点，1 个百分点按 1% 排序');
  return parts.join('。') + '。';
}

export function buildComparisonPlan(name: string, summary: { office: string; format: string }, c: Comparison, prevSource: string): SheetPlan {
  const cells: PlanCell[] = [];
  const width = WIDTHS.length;
  let row = 1;
  cells.push({ row, col: 1, value: `${summary.office} ${c.year} 年度与 ${c.prevYear} 年度关键数字对比（同比）`, style: 'tableTitle' });
  const note = comparisonNote(c, prevSource);
  cells.push({ row: 2, col: 1, value: note, style: 'text' });
  ['单位', '指标', `${c.year} 年度`, `${c.prevYear} 年度`, '增减', '增减率'].forEach((h, i) => cells.push({ row: HEADER_ROW, col: i + 1, value: h, style: 'header' }));
  row = HEADER_ROW + 1;
  const put = (r: number, col: number, value: string | number | null, style: PlanCell['style']) => cells.push({ row: r, col, value: value ?? '—', style });
  const write = (l: ComparisonLine) => {
    put(row, 1, l.office ?? '合计', 'text');
    put(row, 2, l.label, 'text');
    put(row, 3, l.cur, typeof l.cur === 'number' ? 'number' : 'text');
    put(row, 4, l.prev, typeof l.prev === 'number' ? 'number' : 'text');
    put(row, 5, l.delta, l.delta === null ? 'text' : 'delta');
    put(row, 6, l.rate ?? (l.kind !== 'percent' && l.delta ? '上年为 0' : null), l.rate === null ? 'text' : 'percent');
    row++;
  };
  c.total.forEach(write);
  c.members.forEach(write);
  const tail: string[] = [];
  if (c.noPreviousMembers) tail.push('上年汇总文件中没有各成员的报表或汇总明细，只比较合计');
  else {
    if (c.omitted) tail.push(`各成员另有 ${c.omitted} 项变化较小，未列出`);
    if (c.unchanged) tail.push(`各成员其余 ${c.unchanged} 项与上年相同，未列出`);
  }
  if (c.onlyThisYear.length) tail.push(`本年新增成员：${c.onlyThisYear.join('、')}`);
  if (c.onlyLastYear.length) tail.push(`上年有、本年无：${c.onlyLastYear.join('、')}`);
  const lastTable = row - 1;
  const merges = [1, 2].map((r) => ({ top: r, left: 1, bottom: r, right: width }));
  const rowHeights: Record<number, number> = { 1: 24, 2: wrappedHeight(note, TABLE_WIDTH) };
  if (tail.length) {
    row++;
    const text = tail.join('。') + '。';
    cells.push({ row, col: 1, value: text, style: 'text' });
    merges.push({ top: row, left: 1, bottom: row, right: width });
    rowHeights[row] = wrappedHeight(text, TABLE_WIDTH);
  }
  const meta: SheetMeta = { app: 'nianbao', v: 1, format: summary.format, year: c.year, office: summary.office, role: 'comparison' };
  const plan = listPlan({
    name,
    meta,
    cells,
    columnWidths: WIDTHS,
    lastRow: row,
    freezeRows: HEADER_ROW,
    autoFilter: `A${HEADER_ROW}:${address(Math.max(lastTable, HEADER_ROW + 1), width)}`,
  });
  plan.merges = merges;
  plan.rowHeights = rowHeights;
  return plan;
}
