/**
 * The figures a report's text states about its own tables, and the cells each one names: what
 * the narrative check compares. A figure is the sum of its cells; `also` lists other sums the
 * same wording is used for, any of which the text may mean.
 */

import type { MatrixRow, MatrixTable } from './types';
import { unnumbered } from './report-outline';

export type FigureKind = 'new' | 'carried_in' | 'results' | 'handled' | 'carried_out' | 'granted' | 'partial' | 'granted_partial' | 'review' | 'suits' | 'procurement';

export interface FigureDef {
  kind: FigureKind;
  /** What the text states, for messages: 「收到的申请数」. */
  label: string;
  cells: string[];
  also?: string[][];
  /** Money in 万元 (the cell's unit); otherwise a count. */
  money?: true;
}

const NEW = 'requests.new.total';
const CARRIED_IN = 'requests.carried_in.total';
const RESULTS = 'requests.total.total';

export const REPORT_FIGURES: Record<FigureKind, FigureDef> = {
  // Offices often count last year's carried-over requests among those received this year.
  new: { kind: 'new', label: '本年收到的申请数', cells: [NEW], also: [[NEW, CARRIED_IN]] },
  carried_in: { kind: 'carried_in', label: '上年结转的申请数', cells: [CARRIED_IN] },
  results: { kind: 'results', label: '办结（答复）的申请数', cells: [RESULTS] },
  // 「办理申请 N 件」 says neither received nor closed: either is what it may mean.
  handled: { kind: 'handled', label: '办理的申请数', cells: [NEW], also: [[NEW, CARRIED_IN], [RESULTS]] },
  carried_out: { kind: 'carried_out', label: '结转下年度的申请数', cells: ['requests.carried_out.total'] },
  granted: { kind: 'granted', label: '予以公开的申请数', cells: ['requests.granted.total'] },
  partial: { kind: 'partial', label: '部分公开的申请数', cells: ['requests.partial.total'] },
  granted_partial: { kind: 'granted_partial', label: '予以公开和部分公开的申请数', cells: ['requests.granted.total', 'requests.partial.total'] },
  review: { kind: 'review', label: '政府信息公开行政复议案件数', cells: ['appeals.review.total'] },
  suits: { kind: 'suits', label: '政府信息公开行政诉讼案件数', cells: ['appeals.suit_direct.total', 'appeals.suit_after_review.total'] },
  procurement: { kind: 'procurement', label: '政府集中采购总金额', cells: ['proactive.procurement.amount'], money: true },
};

/** What a share of requests (予以公开 N 件，占 X%) may be a share of: the closed total, or the received. */
export const SHARE_BASES: { cells: string[] }[] = [{ cells: [RESULTS] }, { cells: [NEW] }, { cells: [NEW, CARRIED_IN] }];

/** The cells the contradiction checks read. */
export const CONTRADICTION_CELLS = {
  /** 所有申请均已办结 contradicts requests carried forward. */
  carriedOut: ['requests.carried_out.total'],
  /** 未发生行政复议 / 行政诉讼 contradicts a case count. */
  review: ['appeals.review.total'],
  suits: ['appeals.suit_direct.total', 'appeals.suit_after_review.total'],
  /** 未收取信息处理费 contradicts requests closed for an unpaid fee notice (gov-2021 （六）2). */
  unpaidFee: ['requests.other.unpaid.total'],
};

/** 政府集中采购 (第二十条第（九）项, gov-2019 only): what the drafted sentence of 二 names. */
export const PROCUREMENT_CELLS = { projects: 'proactive.procurement.projects', amount: 'proactive.procurement.amount' };

/** A result group's name: 「（二）部分公开（区分处理的，…）」 → 「部分公开」. */
function resultName(label: string): string {
  return unnumbered(label).replace(/（[^（）]*）$/, '');
}

export interface ResultGroup {
  name: string;
  rows: MatrixRow[];
}

/** （一）予以公开 … （六）其他处理: the rows under the same heading as （七）总计, grouped by their level-2 label. */
export function resultGroups(table: MatrixTable): ResultGroup[] {
  const total = table.rows.find((r) => r.id === 'total')!;
  const groups: ResultGroup[] = [];
  for (const r of table.rows) {
    if (r.id === 'total' || r.path[0] !== total.path[0]) continue;
    const last = groups[groups.length - 1];
    if (last && last.rows[0].path[1] === r.path[1]) last.rows.push(r);
    else groups.push({ name: resultName(r.path[1]), rows: [r] });
  }
  return groups;
}

/** The figures a report's year-on-year chart sets beside last year's, with the short names a chart prints. */
export const TREND_FIGURES: { kind: FigureKind; label: string }[] = [
  { kind: 'new', label: '新收申请' },
  { kind: 'review', label: '行政复议' },
  { kind: 'suits', label: '行政诉讼' },
];
