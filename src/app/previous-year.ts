/**
 * Last year's summary, found among reports read from a workbook or from files.
 */
import { figureSet, type FigureSet } from '../consolidate/comparison';
import { formats as registry } from '../formats';
import { readOverviewFigures } from '../layout/overview-plan';
import type { Report } from '../model/report';
import { type SheetData } from '../ports/workbook-port';
import { UserError } from '../model/user-error';

/** Last year's summary, with its members' key figures where they are at hand. */
export interface PreviousYear {
  summary: Report;
  /** Where it came from, said on the 同比 sheet. */
  source: string;
  members?: FigureSet[];
}

/**
 * Last year's summary among reports read from a workbook or files: the one named (a sheet
 * or an office), else the only summary, else the only report. Its members' figures come
 * from their reports when all are there, else from its overview sheet when complete.
 */
export function findPreviousYear(
  reports: { report: Report; sheet?: string }[],
  overviews: SheetData[],
  pick?: { sheet?: string; office?: string; /** This year: last year's summary is sought among the year before's. */ year?: number },
): PreviousYear {
  const all = reports.filter((r) => r.report.members?.length);
  const lastYear = all.filter((r) => r.report.year === (pick?.year ?? 0) - 1);
  const summaries = lastYear.length ? lastYear : all;
  let chosen: { report: Report; sheet?: string } | undefined;
  if (pick?.sheet) chosen = reports.find((r) => r.sheet === pick.sheet);
  else if (summaries.length === 1) chosen = summaries[0];
  else if (summaries.length > 1) chosen = summaries.find((r) => r.report.office === pick?.office);
  else if (reports.length === 1) chosen = reports[0];
  if (!chosen) {
    if (pick?.sheet) throw new UserError(`工作表“${pick.sheet}”不是可读取的年报表格，请重新选择上年汇总。`);
    throw new UserError(
      summaries.length > 1 ? `上年文件中有 ${summaries.length} 份汇总表（${summaries.map((r) => r.report.office).join('、')}），请用与其中之一相同的汇总单位名称。` : '上年文件中没有汇总表。',
    );
  }
  const summary = chosen.report;
  const names = summary.members ?? [];
  const memberReports = names.map((o) => reports.find((r) => r.report !== summary && r.report.office === o && r.report.year === summary.year)?.report);
  let members: FigureSet[] | undefined;
  if (names.length && memberReports.every((r) => r)) members = memberReports.map((r) => figureSet(registry.formatOf(r!), r!));
  else {
    const sheet = overviews.find((o) => o.meta?.role === 'overview' && o.meta.office === summary.office && o.meta.year === summary.year);
    const rows = sheet ? readOverviewFigures(sheet) : [];
    // A partial list (a truncated read, a hand-edited sheet) would misstate who changed: only a complete one is used.
    if (names.length && names.every((o) => rows.some((r) => r.office === o))) members = rows.filter((r) => names.includes(r.office));
  }
  return { summary, source: chosen.sheet ?? summary.source, ...(members ? { members } : {}) };
}
