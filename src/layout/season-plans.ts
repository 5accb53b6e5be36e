/**
 * The season's sheets beside a summary: 整改情况 (every cell a resubmission changed, asked for
 * or not) and 报送情况 (the status circular as a list the clerk can filter and sort).
 */
import { countLines, firstSubmitted, overdueDays, standingText, versionsOf, type Season } from '../consolidate/season';
import { timeText } from '../consolidate/versions';
import { REPORT_NAME } from '../formats/report-outline';
import type { SheetMeta } from '../model/sheet-meta';
import { address } from './a1';
import { listPlan, type PlanCell, type SheetPlan } from './sheet-plan';
import { wrappedHeight } from './text-height';

const CHANGES_HEADERS = ['序号', '单位', '整改情况', '单元格', '原值', '新值', '是否退回意见所列'];
const CHANGES_WIDTHS = [5, 20, 10, 44, 14, 14, 10];
const CHANGES_NOTE =
  '比较各单位最新报送的版本与上一版本，列出数值有改动的每个单元格。“是否退回意见所列”为“否”的，是上一版本的问题（错误和未说明的警告）都不涉及、由单位自行改动的数，请核实改动的理由。';

/** A value shown as a plain number stays a number in the sheet (sortable, no 'number stored as text'); anything else stays as said. */
function asCell(text: string): string | number {
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
}

function meta(season: Season, format: string, role: 'changes' | 'status'): SheetMeta {
  return { app: 'nianbao', v: 1, format, year: season.year, office: season.office, role };
}

/** 整改情况: one row per changed cell of each office that resubmitted; an office that changed nothing says so. */
export function buildChangesPlan(name: string, season: Season, format: string): SheetPlan {
  const cells: PlanCell[] = [];
  const width = CHANGES_HEADERS.length;
  const tableWidth = CHANGES_WIDTHS.reduce((a, b) => a + b, 0);
  cells.push({ row: 1, col: 1, value: `${season.office} ${season.year} 年度重新报送单位的整改情况`, style: 'tableTitle' });
  cells.push({ row: 2, col: 1, value: CHANGES_NOTE, style: 'text' });
  CHANGES_HEADERS.forEach((h, i) => cells.push({ row: 3, col: i + 1, value: h, style: 'header' }));
  let row = 4;
  for (const v of season.versions) {
    const lines = v.rectification.changes.length ? v.rectification.changes : [null];
    for (const c of lines) {
      const put = (col: number, value: string | number, style: PlanCell['style'] = 'text') => cells.push({ row, col, value, style });
      put(1, row - 3, 'number');
      put(2, v.office);
      put(3, v.rectification.state);
      put(4, c ? c.label : '（与上一版相比没有改动任何单元格）');
      for (const [col, text] of [
        [5, c?.before],
        [6, c?.after],
      ] as const) {
        const v = text === undefined ? '—' : asCell(text);
        put(col, v, typeof v === 'number' ? 'number' : 'text');
      }
      put(7, c ? (c.asked ? '是' : '否') : '—');
      row++;
    }
  }
  if (row === 4) cells.push({ row: row++, col: 1, value: '没有单位重新报送。', style: 'text' });
  const plan = listPlan({
    name,
    meta: meta(season, format, 'changes'),
    cells,
    columnWidths: CHANGES_WIDTHS,
    lastRow: row - 1,
    freezeRows: 3,
    autoFilter: `A3:${address(Math.max(row - 1, 4), width)}`,
  });
  plan.merges = [1, 2].map((r) => ({ top: r, left: 1, bottom: r, right: width }));
  plan.rowHeights = { 1: 24, 2: wrappedHeight(CHANGES_NOTE, tableWidth) };
  return plan;
}

const STATUS_HEADERS = ['序号', '单位', '状态', '截止日期', '截止情况', '逾期天数', '首次报送时间', '报送次数', '整改情况'];
const STATUS_WIDTHS = [5, 22, 10, 11, 14, 8, 16, 8, 12];

/** 报送情况: the circular's counts, then every unit with its state, deadline, days overdue, times and 整改情况. */
export function buildStatusPlan(name: string, season: Season, format: string): SheetPlan {
  const cells: PlanCell[] = [];
  const width = STATUS_HEADERS.length;
  cells.push({ row: 1, col: 1, value: `${season.year} 年度${REPORT_NAME}报送情况（截至 ${season.today}）`, style: 'tableTitle' });
  const note = season.rosterGiven ? '逾期未报送：未报送且已过截止日期；逾期报送：第一次报送晚于截止日期（按报送时间计）。' : '未提供报送名单：无法核对应报、未报送和截止日期。';
  cells.push({ row: 2, col: 1, value: note, style: 'text' });
  cells.push({ row: 3, col: 1, value: '项目', style: 'header' }, { row: 3, col: 2, value: '个数', style: 'header' });
  let row = 4;
  for (const [label, n] of countLines(season.counts)) {
    cells.push({ row, col: 1, value: label, style: 'text' }, { row, col: 2, value: n, style: 'number' });
    row++;
  }
  row++;
  const header = row;
  STATUS_HEADERS.forEach((h, i) => cells.push({ row: header, col: i + 1, value: h, style: 'header' }));
  season.units.forEach((u, i) => {
    row = header + 1 + i;
    const first = firstSubmitted(u);
    const values: (string | number | undefined)[] = [
      i + 1,
      u.office,
      u.state,
      u.due,
      standingText(u),
      overdueDays(u),
      first && timeText(first),
      u.member ? versionsOf(u).length : undefined,
      u.history?.rectification.state,
    ];
    values.forEach((v, k) => cells.push({ row, col: k + 1, value: v ?? '—', style: typeof v === 'number' ? 'number' : 'text' }));
  });
  const last = Math.max(row, header + 1);
  // Column A holds the counts' labels too: wide enough for both.
  const widths = [...STATUS_WIDTHS];
  widths[0] = Math.max(widths[0], 10);
  const plan = listPlan({ name, meta: meta(season, format, 'status'), cells, columnWidths: widths, lastRow: last, autoFilter: `A${header}:${address(last, width)}` });
  plan.merges = [1, 2].map((r) => ({ top: r, left: 1, bottom: r, right: width }));
  plan.rowHeights = { 1: 24 };
  return plan;
}
