/**
 * The overview sheet of a consolidation (汇总明细): one row per roster unit and member,
 * missing units included as 未报送, with status, deadline, key figures, findings and a
 * link to the member's sheet; the counts (应报 / 已报 / 通过) at the top.
 */
import { REPORT_OUTLINE } from '../formats/report-outline';
import type { Completeness, MemberStatus, VersionHistory } from '../consolidate/consolidate';
import { OVERVIEW_FIGURES, keyFigure, overviewFigures, type KeyFigure } from '../consolidate/key-figures';
import type { FigureSet } from '../consolidate/comparison';
import { daysBetween, dueDate } from '../consolidate/roster';
import { seasonOf, type SeasonUnit } from '../consolidate/season';
import { rectificationText, timeText, versionText } from '../consolidate/versions';
import type { FormatId, FormatRegistry } from '../formats';
import type { SheetData } from '../model/sheet-data';
import type { SheetMeta } from '../model/sheet-meta';
import { clipText } from '../rules/messages';
import { address } from './a1';
import { listColumn, listPlan, META_COLUMN, type PlanCell, type SheetPlan } from './sheet-plan';
import { wrappedHeight } from './text-height';

export { overviewSheetName } from './sheet-name';

export interface OverviewMember {
  status: MemberStatus;
  /** The member's sheet in this workbook, for the link; absent for members read from files. */
  sheet?: string;
}

const HEADER_ROW = 3;
/** The columns after the key figures: the counts of findings, what they say, and the season's versions. */
const TRAILING = ['错误', '警告', '出错说明', '报送时间', '整改情况'];
/** The overview's column headers, with the key figures of its format. */
function overviewHeaders(figures: KeyFigure[]): string[] {
  return ['序号', '单位', '状态', '截止日期', '截止情况', ...figures.map((f) => f.label), ...TRAILING];
}

/** The headers with every shipped format's figures. */
export const OVERVIEW_HEADERS = overviewHeaders(OVERVIEW_FIGURES);
const FIRST_FIGURE = 6;
/** How many changed cells the 整改情况 cell names before pointing at the 整改情况 sheet. */
const CHANGES_LISTED = 5;

/** What the findings say, short: the first two messages and how many more. */
function findingsSummary(s: MemberStatus): string {
  const errors = s.findings.filter((f) => f.severity === 'error');
  const shown = errors.length ? errors : s.findings.filter((f) => f.severity === 'warning');
  const parts: string[] = [];
  if (shown.length) {
    const head = shown.slice(0, 2).map((f) => clipText(f.message, 60));
    parts.push(`${errors.length ? '错误' : '警告'}：${head.join('；')}${shown.length > 2 ? `；另有 ${shown.length - 2} 项` : ''}`);
  }
  if (s.confirmed.length) parts.push(`已说明：${s.confirmed.map((c) => c.explanation).join('；')}`);
  return parts.join('。');
}

/** The version counted and, never silently, every version it superseded with its time. */
function versionsCell(u: SeasonUnit): string | null {
  const latest = u.member?.report;
  if (!latest) return null;
  const counted = latest.submitted ? timeText(latest.submitted) : '';
  if (!u.history) return counted || null;
  return `${counted ? `${counted}，` : ''}第 ${u.history.older.length + 1} 版（${latest.source}）；未计入：${u.history.older.map(versionText).join('、')}`;
}

/** 已整改 / 部分整改 / …, and the cells the latest version changed. */
function rectificationCell(u: SeasonUnit, changesSheet?: string): string | null {
  if (!u.history) return null;
  const r = u.history.rectification;
  const listed = r.changes.slice(0, CHANGES_LISTED).map((c) => `${c.label} ${c.before}→${c.after}${c.asked ? '' : '（未要求修改）'}`);
  const more = r.changes.length > CHANGES_LISTED ? `等，详见“${changesSheet ?? '整改情况'}”工作表` : '';
  return `${rectificationText(r)}${listed.length ? `：${listed.join('；')}${more}` : ''}`;
}

/** Each unit's cell in the overview's 单位 column, by office: the rows follow the season's order, as buildOverviewPlan writes them. */
export function overviewAddresses(season: { units: { office: string }[] }): Map<string, string> {
  return new Map(season.units.map((u, i) => [u.office, address(HEADER_ROW + 1 + i, 2)]));
}

export interface OverviewOptions {
  completeness?: Completeness;
  /** The date the deadlines are judged against, YYYY-MM-DD. */
  today: string;
  /** Offices that sent more than one version. */
  versions?: VersionHistory[];
  /** The 整改情况 sheet beside it, named where a row lists only the first changed cells. */
  changesSheet?: string;
}

/** The counts at the top: 应报 N, 已报 M, 通过 K, and what is missing or wrong. */
export function overviewCounts(members: OverviewMember[], options: OverviewOptions): string {
  const c = options.completeness;
  const passed = (s?: MemberStatus) => !!s && !s.errors && !s.warnings;
  const withErrors = members.filter((m) => m.status.errors).length;
  if (!c) return `已报 ${members.length} 个，通过 ${members.filter((m) => passed(m.status)).length} 个，有错误 ${withErrors} 个（未提供报送名单，无法核对应报单位）`;
  const reported = c.expected.filter((x) => x.member);
  const missing = c.expected.filter((x) => !x.member);
  const late = missing.filter((x) => daysBetween(dueDate(x.entry, c.year), options.today) > 0).length;
  const parts = [
    `应报 ${c.expected.length} 个，已报 ${reported.length} 个，通过 ${reported.filter((x) => passed(x.member)).length} 个`,
    `未报送 ${missing.length} 个${late ? `（其中逾期 ${late} 个）` : ''}`,
    `有错误 ${withErrors} 个`,
  ];
  if (c.unlisted.length) parts.push(`名单外 ${c.unlisted.length} 个`);
  if (c.excluded.length) parts.push(`不纳入汇总 ${c.excluded.length} 个`);
  return `${parts.join('；')}（截至 ${options.today}）`;
}

export function buildOverviewPlan(
  name: string,
  summary: { office: string; year: number; format: FormatId; sheet: string },
  members: OverviewMember[],
  registry: FormatRegistry,
  options: OverviewOptions,
): SheetPlan {
  const cells: PlanCell[] = [];
  const format = registry.get(summary.format);
  const figures = overviewFigures(format);
  const headers = overviewHeaders(figures);
  const width = headers.length;
  cells.push({ row: 1, col: 1, value: `${summary.office} ${summary.year} 年度${REPORT_OUTLINE.titleSuffix.replace(/^年/, '')}汇总明细`, style: 'tableTitle' });
  cells.push({ row: 2, col: 1, value: `${overviewCounts(members, options)}。汇总表：${summary.sheet}`, style: 'subtitle', link: summary.sheet });
  headers.forEach((h, i) => cells.push({ row: HEADER_ROW, col: listColumn(i + 1), value: h, style: 'header' }));
  const widths = [5, 20, 8, 11, 10, ...figures.map((f) => (f.money ? 11 : 8.5)), 6, 6, 30, 22, 36];
  const rowHeights: Record<number, number> = { 1: 24, 2: 18, [HEADER_ROW]: Math.max(...headers.map((h, i) => wrappedHeight(h, widths[i]))) };
  const sheets = new Map(members.map((m) => [m.status, m.sheet]));
  const season = seasonOf(
    { members: members.map((m) => m.status), completeness: options.completeness, versions: options.versions ?? [] },
    { office: summary.office, year: summary.year, today: options.today },
  );
  const rows = season.units;
  const column = { notes: FIRST_FIGURE + figures.length + 2 };
  rows.forEach((r, i) => {
    const row = HEADER_ROW + 1 + i;
    const s = r.member;
    const put = (col: number, value: string | number | null, style: PlanCell['style'], link?: string) =>
      cells.push({ row, col: listColumn(col), value: value ?? '—', style, ...(link ? { link } : {}) });
    put(1, i + 1, 'number');
    put(2, r.office, 'text', s && sheets.get(s));
    put(3, r.state, 'text');
    put(4, r.due ?? null, 'text');
    const over = r.pastDue;
    const standing = over === undefined ? null : r.state === '未报送' ? (over > 0 ? `逾期 ${over} 天` : `剩 ${-over} 天`) : over > 0 ? '已过' : '未到';
    put(5, r.state === '不纳入汇总' ? null : standing, 'text');
    figures.forEach((f, k) => put(FIRST_FIGURE + k, s ? keyFigure(format, s.report, f) : null, 'number'));
    put(FIRST_FIGURE + figures.length, s ? s.errors : null, 'number');
    put(FIRST_FIGURE + figures.length + 1, s ? s.warnings : null, 'number');
    // Nothing to say is an empty cell, not an empty string: spreadsheet programs keep only the former.
    const texts = [[...r.notes, ...(s ? [findingsSummary(s)] : [])].filter((t) => t).join('。'), versionsCell(r), rectificationCell(r, options.changesSheet)];
    texts.forEach((t, k) => cells.push({ row, col: listColumn(column.notes + k), value: t || null, style: 'text' }));
    rowHeights[row] = Math.max(wrappedHeight(r.office, widths[1]), ...texts.map((t, k) => wrappedHeight(t ?? '', widths[column.notes - 1 + k])));
  });
  const last = HEADER_ROW + Math.max(1, rows.length);
  const lastColumn = listColumn(width);
  // Widths by sheet column; the hidden metadata column, when stepped over, keeps a narrow one.
  const columnWidths = Array.from({ length: lastColumn }, (_, c) => widths[c < META_COLUMN - 1 ? c : c - 1]);
  if (lastColumn >= META_COLUMN) columnWidths[META_COLUMN - 1] = 2;
  const meta: SheetMeta = { app: 'nianbao', v: 1, format: summary.format, year: summary.year, office: summary.office, role: 'overview' };
  const plan = listPlan({
    name,
    meta,
    cells,
    columnWidths,
    lastRow: last,
    freezeRows: HEADER_ROW,
    autoFilter: `A${HEADER_ROW}:${address(last, lastColumn)}`,
  });
  // Title and counts across the table, so no program clips them at the first column; never over the metadata cell.
  plan.merges = [1, 2].map((r) => ({ top: r, left: 1, bottom: r, right: Math.min(lastColumn, META_COLUMN - 1) }));
  plan.rowHeights = rowHeights;
  return plan;
}

/**
 * Last year's members' key figures from an overview sheet we wrote (this layout or the
 * earlier one): found by the header labels, rows of units that reported.
 */
export function readOverviewFigures(sheet: SheetData): FigureSet[] {
  const at = (r: number, c: number) => sheet.cells.get(address(r, c));
  let header = 0;
  for (let r = 1; r <= 10 && !header; r++) if (at(r, 2) === '单位') header = r;
  if (!header) return [];
  const columns = new Map<string, number>();
  for (let c = 1; c <= 15; c++) {
    const h = at(header, c);
    if (typeof h === 'string') columns.set(h, c);
  }
  const out: FigureSet[] = [];
  for (let r = header + 1; ; r++) {
    const office = at(r, 2);
    if (typeof office !== 'string' || !office.trim()) break;
    const state = at(r, columns.get('状态') ?? 0);
    if (state === '未报送' || state === '不纳入汇总') continue;
    const values: FigureSet['values'] = {};
    for (const [label, c] of columns) {
      if (c < 3 || ['状态', '截止日期', '截止情况', '校验', ...TRAILING].includes(label)) continue;
      const v = at(r, c);
      values[label] = typeof v === 'number' ? v : v === '—' || v === undefined || v === null ? null : String(v);
    }
    out.push({ office, values });
  }
  return out;
}
