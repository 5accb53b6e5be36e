/**
 * The overview sheet of a consolidation (汇总明细): one row per member with its key
 * figures, its validation status and explanations, and a link to its sheet.
 */
import type { MemberStatus } from '../consolidate/consolidate';
import { KEY_FIGURES, keyFigure } from '../consolidate/key-figures';
import type { FormatRegistry } from '../formats';
import type { SheetMeta } from '../model/sheet-meta';
import { address } from './a1';
import { listPlan, type PlanCell, type SheetPlan } from './sheet-plan';

export interface OverviewMember {
  status: MemberStatus;
  /** The member's sheet in this workbook, for the link; absent for members read from files. */
  sheet?: string;
}

const HEADER_ROW = 3;
export const OVERVIEW_HEADERS = ['序号', '单位', '校验', ...KEY_FIGURES.map((f) => f.label), '错误', '警告', '出错说明'];

export function overviewSheetName(summaryName: string): string {
  return `${summaryName.slice(0, 26)}汇总明细`;
}

export function buildOverviewPlan(
  name: string,
  summary: { office: string; year: number; format: string; sheet: string },
  members: OverviewMember[],
  registry: FormatRegistry,
): SheetPlan {
  const cells: PlanCell[] = [];
  const format = registry.byId(summary.format)!;
  cells.push({ row: 1, col: 1, value: `${summary.office} ${summary.year} 年度政府信息公开工作年度报告汇总明细`, style: 'tableTitle' });
  cells.push({ row: 2, col: 1, value: `共 ${members.length} 个成员；汇总表：${summary.sheet}`, style: 'subtitle', link: summary.sheet });
  OVERVIEW_HEADERS.forEach((h, i) => cells.push({ row: HEADER_ROW, col: i + 1, value: h, style: 'header' }));
  // Members with errors first, so they are seen; then by name.
  const sorted = [...members].sort((a, b) => b.status.errors - a.status.errors || a.status.report.office.localeCompare(b.status.report.office, 'zh'));
  sorted.forEach((m, i) => {
    const row = HEADER_ROW + 1 + i;
    const s = m.status;
    const put = (col: number, value: string | number | null, style: PlanCell['style'], link?: string) =>
      cells.push({ row, col, value: value ?? '—', style, ...(link ? { link } : {}) });
    put(1, i + 1, 'number');
    put(2, s.report.office, 'text', m.sheet);
    put(3, s.errors ? '有错误' : s.warnings ? '有警告' : '通过', 'text');
    KEY_FIGURES.forEach((f, k) => put(4 + k, keyFigure(format, s.report, f), 'number'));
    put(4 + KEY_FIGURES.length, s.errors, 'number');
    put(5 + KEY_FIGURES.length, s.warnings, 'number');
    put(6 + KEY_FIGURES.length, s.confirmed.map((c) => c.explanation).join('；'), 'text');
  });
  const last = HEADER_ROW + Math.max(1, members.length);
  const meta: SheetMeta = { app: 'nianbao', v: 1, format: summary.format, year: summary.year, office: summary.office, role: 'overview' };
  return listPlan({
    name,
    meta,
    cells,
    columnWidths: [5, 22, 8, ...KEY_FIGURES.map(() => 9), 6, 6, 30],
    lastRow: last,
    freezeRows: HEADER_ROW,
    autoFilter: `A${HEADER_ROW}:${address(last, OVERVIEW_HEADERS.length)}`,
  });
}
