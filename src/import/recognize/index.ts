/**
 * The recognizer: turns grids into reports of a known format by reading the labels,
 * never fixed positions. What it cannot find is reported, never invented.
 */
import type { FormatRegistry } from '../../formats';
import { UNKNOWN_OFFICE, type Report } from '../../model/report';
import type { Grid } from '../grid';
import { reportIdentity } from '../report-identity';
import type { ReportInProgress } from './report-in-progress';
import { missingFinding, subtotalFindings, undividedFindings } from './import-findings';
import { readIn } from './format-election';
import { isPiece, compatible, join } from './sheet-pieces';

export interface RecognizeOptions {
  registry: FormatRegistry;
  office?: string;
  year?: number;
}

export interface Recognition {
  reports: Report[];
  /** Why something that looked like a report could not be taken, in Chinese. */
  problems: string[];
}

function toReport(d: ReportInProgress, grid: Grid, options: RecognizeOptions, fallback: { office?: string; year?: number }): Report | string {
  const format = d.specs.format;
  const { office, year, findings: named } = reportIdentity({ offices: [d.office, d.publisher, d.signature], years: [d.statedYear()] }, options, fallback);
  if (!year) return `${grid.source}：找到了报告表格，但看不出报告年度（标题、统计期限和发布日期中都没有年份），请指定报告年度（命令行用 --year 指定，例如 --year 2023）`;
  const findings = [...d.findings, ...named];
  const undivided = undividedFindings(format, d);
  findings.push(...undivided.findings);
  const missing = missingFinding(format, d, undivided.cells);
  if (missing) findings.push(missing);
  findings.push(...subtotalFindings(format, d));
  return {
    source: grid.source,
    office: office || UNKNOWN_OFFICE,
    year,
    format: format.id,
    readings: d.readings,
    provenance: d.provenance,
    importFindings: findings,
  };
}

/**
 * Reads every report in a set of grids (the sheets of one workbook), each in the format its
 * labels fit best. A report whose tables sit on several sheets (表二、表三、表四) is read as
 * one, in one format, when the pieces' office and year agree.
 */
export function recognizeAll(grids: Grid[], options: RecognizeOptions, fallback: { office?: string; year?: number } = {}): Recognition {
  const all = options.registry.all;
  let found = grids.flatMap((grid) => readIn([grid], all, options, fallback));
  const single = (f: { drafts: ReportInProgress[] }) => f.drafts.length === 1 && isPiece(f.drafts[0]);
  const pieces = found.filter(single);
  if (pieces.length >= 2) {
    const again = readIn(
      pieces.map((p) => p.grid),
      all,
      options,
      fallback,
    );
    found = found.map((f) => (pieces.includes(f) ? (again.find((a) => a.grid === f.grid) ?? { grid: f.grid, drafts: [] }) : f));
  }
  const units: { grid: Grid; drafts: ReportInProgress[] }[] = [];
  let open: { grid: Grid; draft: ReportInProgress; sheets: string[] } | null = null;
  const close = () => {
    if (!open) return;
    const source = open.sheets.length > 1 ? `${open.grid.source}（与${open.sheets.slice(1).join('、')}合并为一份）` : open.grid.source;
    units.push({ grid: { ...open.grid, source }, drafts: [open.draft] });
    open = null;
  };
  for (const f of found) {
    if (!single(f)) {
      close();
      units.push(f);
      continue;
    }
    const d = f.drafts[0];
    if (open && compatible(open.draft, d)) {
      open.draft = join([open.draft, d]);
      open.sheets.push(f.grid.source.slice(f.grid.source.indexOf('#') + 1));
    } else {
      close();
      open = { grid: f.grid, draft: d, sheets: [f.grid.source] };
    }
  }
  close();
  const reports: Report[] = [];
  const problems: string[] = [];
  for (const { grid, drafts } of units)
    drafts.forEach((d, i) => {
      const r = toReport(d, drafts.length > 1 ? { ...grid, source: `${grid.source}（第${i + 1}份）` } : grid, options, fallback);
      if (typeof r === 'string') problems.push(r);
      else reports.push(r);
    });
  return { reports, problems };
}

export function recognize(grid: Grid, options: RecognizeOptions, fallback: { office?: string; year?: number } = {}): Recognition {
  return recognizeAll([grid], options, fallback);
}
