/** The roster sheet (报送名单): units in column A, level, deadline and 不纳入汇总 in B–D, as the clerk edits them. */
import { HEADER_WORDS, parseRosterRows, ROSTER_HEADERS, rosterCells, type ParsedRoster, type RosterEntry } from '../consolidate/roster';
import type { SheetData } from '../model/sheet-data';
import type { SheetMeta } from '../model/sheet-meta';
import { address, parseAddress } from './a1';
import { ROSTER_SHEET } from './sheet-name';
import { listPlan, type PlanCell, type SheetPlan } from './sheet-plan';

const ROSTER_HELP = [
  '说明：A 列每行一个应报送的单位，从第 2 行起。',
  'B 列层级：部门、乡镇、街道、本级；不填按名称推定。',
  'C 列截止日期：如 2025-01-31 或 1月31日；不填则部门为 1月31日，乡镇、街道和本级政府为 3月31日。',
  'D 列填“不纳入汇总”：垂直管理等单位，列出但不催报、不汇总。',
];

export function buildRosterPlan(entries: RosterEntry[], year: number): SheetPlan {
  const cells: PlanCell[] = [];
  ROSTER_HEADERS.forEach((h, i) => cells.push({ row: 1, col: i + 1, value: h, style: 'header' }));
  entries.forEach((e, i) => rosterCells(e).forEach((v, c) => cells.push({ row: i + 2, col: c + 1, value: v, style: 'text' })));
  ROSTER_HELP.forEach((t, i) => cells.push({ row: i + 1, col: 6, value: t, style: 'text' }));
  const meta: SheetMeta = { app: 'nianbao', v: 1, format: '', year, office: '', role: 'roster' };
  const plan = listPlan({ name: ROSTER_SHEET, meta, cells, columnWidths: [30, 8, 12, 11, 2, 50], lastRow: Math.max(entries.length + 1, ROSTER_HELP.length), freezeRows: 1 });
  plan.rowHeights = Object.fromEntries(ROSTER_HELP.map((_, i) => [i + 1, 30]));
  return plan;
}

/** The roster in a sheet: column A from the row after a 单位 header (if within the first rows), B–D beside it. */
export function rosterFromSheet(sheet: SheetData): ParsedRoster {
  let last = 0;
  for (const a of sheet.cells.keys()) last = Math.max(last, parseAddress(a).row);
  let first = 1;
  for (let r = 1; r <= Math.min(5, last); r++) {
    const v = sheet.cells.get(address(r, 1));
    if (typeof v === 'string' && HEADER_WORDS.has(v.trim())) {
      first = r + 1;
      break;
    }
  }
  const rows: (string | number | boolean | null)[][] = [];
  for (let r = first; r <= last; r++) rows.push([1, 2, 3, 4].map((c) => sheet.cells.get(address(r, c)) ?? null));
  return parseRosterRows(rows, (i) => first + i);
}
