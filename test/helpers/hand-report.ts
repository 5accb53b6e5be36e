/** Reports written out by hand for rule tests: every cell 0 unless given, text read as a clerk wrote it. */
import { formats } from '../../src/formats';
import type { Report } from '../../src/model/report';
import { readCell } from '../../src/model/values';

export type HandCells = Record<string, number | string | null>;

/** A report of `formatId` for `year`; cells not listed are 0, `null` is blank, strings go through the value reader. */
export function handReport(formatId: string, year: number, cells: HandCells = {}, meta: Partial<Report> = {}): Report {
  const format = formats.byId(formatId)!;
  for (const id of Object.keys(cells)) if (!format.index.has(id)) throw new Error(`${formatId} has no cell ${id}`);
  return {
    source: 'hand',
    office: '测试县人民政府办公室',
    year,
    format: format.id,
    readings: format.cells.map((c) => readCell(c.id in cells ? cells[c.id] : 0, c.kind)),
    ...meta,
  };
}

/** One applicant column of the requests table: its result rows and what it carried in and out. */
export interface HandColumn {
  results: Record<string, number>;
  in?: number;
  out?: number;
}

/**
 * The requests cells of some applicant columns, with the totals the statutory relations
 * demand: each row's 总计 is the sum over the applicant columns, （七）总计 is the sum of
 * the result rows, and 本年新收 + 上年结转 = （七）总计 + 结转下年度.
 */
export function requestsTable(columns: Record<string, HandColumn>): HandCells {
  const cells: Record<string, number> = {};
  const add = (row: string, column: string, v: number) => {
    cells[`requests.${row}.${column}`] = (cells[`requests.${row}.${column}`] ?? 0) + v;
    cells[`requests.${row}.total`] = (cells[`requests.${row}.total`] ?? 0) + v;
  };
  for (const [column, c] of Object.entries(columns)) {
    let total = 0;
    for (const [row, v] of Object.entries(c.results)) {
      add(row, column, v);
      total += v;
    }
    add('total', column, total);
    add('carried_in', column, c.in ?? 0);
    add('carried_out', column, c.out ?? 0);
    add('new', column, total + (c.out ?? 0) - (c.in ?? 0));
  }
  return cells;
}

/** One applicant column; see requestsTable. */
export function requestsColumn(column: string, results: Record<string, number>, carried: { in?: number; out?: number } = {}): HandCells {
  return requestsTable({ [column]: { results, ...carried } });
}

/**
 * gov-2021, 2024, worked out by hand for the chart tests. 自然人: 予以公开 20, 部分公开 5, 不予公开（国家秘密）1,
 * 无法提供（不掌握）7, 不予处理（信访）2, 其他处理（其他）1 = 36 closed; 2 carried in, 3 carried out, so
 * 36 + 3 − 2 = 37 new. 商业企业: 予以公开 4, 无法提供（不明确）1 = 5 closed and new. 法律服务机构: 部分公开 2.
 * 科研机构's new-requests cell left blank. 行政复议 2 (维持 1, 纠正 1); 行政诉讼 1, 尚未审结.
 */
export const CHART_CELLS_2024: HandCells = {
  ...requestsTable({
    natural: { results: { granted: 20, partial: 5, 'denied.secret': 1, 'unable.not_held': 7, 'rejected.petition': 2, 'other.misc': 1 }, in: 2, out: 3 },
    business: { results: { granted: 4, 'unable.unclear': 1 } },
    legal: { results: { partial: 2 } },
  }),
  'requests.new.research': null,
  'appeals.review.upheld': 1,
  'appeals.review.corrected': 1,
  'appeals.review.total': 2,
  'appeals.suit_direct.pending': 1,
  'appeals.suit_direct.total': 1,
};
