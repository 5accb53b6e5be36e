/**
 * 汇总 of reports given as files (the command line): the members written as canonical sheets
 * beside the summary, its overview and the 同比 sheet, in one all-or-nothing batch. The summary
 * names its member sheets in every mode, so 查看构成 works on it as on one made in the pane.
 */
import { consolidate, type MemberStatus } from '../consolidate/consolidate';
import type { Season } from '../consolidate/season';
import type { Comparison } from '../consolidate/comparison';
import { isoDate, parseRosterText, type RosterEntry } from '../consolidate/roster';
import { formats as registry } from '../formats';
import { extension } from '../import/read-file';
import type { FileReaders } from '../import/readers';
import { changesSheetName, chartsSheetName, comparisonSheetName, freshSheetName, overviewSheetName, reportSheetName, statusSheetName, summarySheetName } from '../layout/sheet-name';
import type { ChartSpec } from '../charts/spec';
import type { Level, Report } from '../model/report';
import { UserError } from '../model/user-error';
import type { Finding } from '../model/finding';
import type { InputFile, OpenWorkbook } from '../ports/file-reader';
import type { SheetData, WorkbookPort } from '../ports/workbook-port';
import { consolidationOutput, summaryCells } from './consolidation-output';
import { findPreviousYear, type PreviousYear } from './previous-year';
import { readRoster } from './roster-sheet';
import { reportPlan } from './imports';
import { readInput, refuseUnknownOffice } from './read-inputs';

export interface ConsolidateReportsRequest {
  /** The summarising office; without one the summary is called 汇总 and its sheets are named by the year. */
  office?: string;
  level?: Level;
  /** Plain values in the summary (the default), or live formulas referring to the member sheets. */
  mode?: 'formula' | 'values';
  roster?: RosterEntry[];
  /** Last year's summary as a file: read once this year's is known, for the carry-over check and the 同比 sheet. */
  previous?: { file: InputFile; open: OpenWorkbook; readers: FileReaders };
  /** YYYY-MM-DD, for deadlines; today by default. */
  today?: string;
  /** The 图表 sheet; true unless switched off. */
  charts?: boolean;
}

export type ConsolidateReportsResult =
  | { ok: false; findings: Finding[]; members: MemberStatus[] }
  | {
      ok: true;
      summary: Report;
      /** The summary's findings (its rules, the roster, last year's carry-over). */
      findings: Finding[];
      members: MemberStatus[];
      sheets: { summary: string; overview: string; comparison?: string; changes?: string; status?: string; charts?: string; members: string[] };
      mode: 'formula' | 'values';
      /** Said to the user: why values were written instead of formulas, a summary's member sheets taken with it. */
      notes: string[];
      /** 应报 / 已报 / 通过, as on the overview. */
      counts: string;
      comparison?: Comparison;
      /** What the notices and the circular are made from. */
      season: Season;
      /** The charts of the 图表 sheet. */
      charts: ChartSpec[];
    };

/**
 * The reports each file submits. A workbook holding a summary and its members' sheets (as this
 * consolidation writes it) submits the summary: its members come with it, not beside it.
 */
function submitted(files: { file: string; reports: Report[] }[]): { reports: Report[]; notes: string[] } {
  const reports: Report[] = [];
  const notes: string[] = [];
  for (const f of files) {
    const summaries = f.reports.filter((r) => r.members?.length);
    const isMember = (r: Report, s: Report) => s !== r && s.year === r.year && s.format === r.format && s.members!.includes(r.office);
    reports.push(...f.reports.filter((r) => !summaries.some((s) => isMember(r, s))));
    for (const s of summaries) {
      const n = f.reports.filter((r) => isMember(r, s)).length;
      if (n) notes.push(`${f.file}：其中 ${n} 个成员表随汇总表“${s.office}”一起报送，按汇总表计入，不再单独计入`);
    }
  }
  return { reports, notes };
}

/** Consolidates the files' reports into the (empty) workbook; a refusal writes nothing and lists its findings. */
export async function consolidateReports(port: WorkbookPort, files: { file: string; reports: Report[] }[], req: ConsolidateReportsRequest = {}): Promise<ConsolidateReportsResult> {
  const { reports, notes } = submitted(files);
  if (!reports.length) throw new UserError('没有可汇总的报表：所给文件都无法读取。', { code: 'no_members' });
  refuseUnknownOffice(reports, '无法汇总：请在报表中写明单位，或先用 nianbao import 文件 --office 单位名称 --out 文件.xlsx 转换后再汇总');
  const named = req.office?.trim() ?? '';
  const office = named || '汇总';
  const result = consolidate(reports, { office, level: req.level, registry, roster: req.roster });
  if (!result.ok) return { ok: false, findings: result.findings, members: result.members };
  const summary = result.summary;
  const previous = req.previous && (await previousYearFromFile(req.previous, { office, year: summary.year }));
  const format = registry.formatOf(summary);
  const summaryName = summarySheetName(named, summary.year);
  const names = {
    summary: summaryName,
    overview: overviewSheetName(summaryName),
    comparison: comparisonSheetName(summaryName),
    changes: changesSheetName(summaryName),
    status: statusSheetName(summaryName),
    charts: chartsSheetName(summaryName),
  };
  const memberSheets: string[] = [];
  const memberPlans = result.members.map(({ report }) => {
    const name = freshSheetName(reportSheetName(report.office, report.year), [...Object.values(names), ...memberSheets]);
    memberSheets.push(name);
    return reportPlan(report, { office: report.office, year: report.year, name });
  });
  const cells = summaryCells(format, memberSheets, req.mode ?? 'values');
  const out = consolidationOutput(result, {
    office,
    level: req.level,
    names,
    memberSheets,
    formulas: cells.formulas,
    summaryOf: memberSheets,
    previous,
    today: req.today ?? isoDate(new Date()),
    charts: req.charts,
  });
  await port.writeSheets([...out.plans, ...memberPlans], { activate: summaryName });
  return {
    ok: true,
    summary,
    findings: out.findings,
    members: result.members,
    sheets: {
      summary: names.summary,
      overview: names.overview,
      ...(out.comparison ? { comparison: names.comparison } : {}),
      ...(out.changesSheet ? { changes: out.changesSheet } : {}),
      ...(out.statusSheet ? { status: out.statusSheet } : {}),
      ...(out.chartsSheet ? { charts: out.chartsSheet } : {}),
      members: memberSheets,
    },
    mode: cells.mode,
    notes: [...notes, ...(cells.note ? [cells.note] : [])],
    counts: out.counts,
    ...(out.comparison ? { comparison: out.comparison } : {}),
    season: out.season,
    charts: out.charts,
  };
}

/** The roster given as a file: a .txt (or .csv) one unit per line, or a workbook's 报送名单 sheet (else its first). */
export async function rosterFromFile(file: InputFile, open: OpenWorkbook): Promise<RosterEntry[]> {
  const bytes = await file.read().catch((e: unknown) => {
    throw new UserError(`${file.name}：报送名单文件不存在或无法读取`, { cause: e });
  });
  const ext = extension(file.name);
  if (!['xlsx', 'txt', 'csv', ''].includes(ext)) throw new UserError(`${file.name}：报送名单请用 .txt（每行一个单位）或 .xlsx`);
  let text: string;
  if (ext === 'xlsx') {
    const book = await open(bytes).catch((e: unknown) => {
      throw new UserError(`${file.name}：无法作为 .xlsx 工作簿打开`, { cause: e });
    });
    const r = await readRoster(book, { firstSheet: true });
    if (r.errors.length) throw new UserError(`${file.name}（工作表“${r.sheet}”）：报送名单有误：\n${r.errors.join('\n')}`);
    text = r.text;
  } else text = new TextDecoder('utf-8').decode(bytes);
  const parsed = parseRosterText(text);
  if (parsed.errors.length) throw new UserError(`${file.name}：报送名单有误：\n${parsed.errors.join('\n')}`);
  if (!parsed.entries.length) throw new UserError(`${file.name}：报送名单中没有单位`);
  return parsed.entries;
}

/** Last year's summary given as a file, with its overview sheet's member figures when it is a workbook of ours. */
async function previousYearFromFile({ file, open, readers }: { file: InputFile; open: OpenWorkbook; readers: FileReaders }, pick: { office: string; year: number }): Promise<PreviousYear> {
  const { reports } = await readInput(file, { readers });
  let overviews: SheetData[] = [];
  if (extension(file.name) === 'xlsx') {
    const book = await open(await file.read());
    overviews = (await book.readSheets('reports')).filter((s) => s.meta?.role === 'overview');
  }
  try {
    const found = findPreviousYear(
      reports.map((report) => ({ report })),
      overviews,
      pick,
    );
    // Said on the 同比 sheet: the file's name, not where it sat on this computer.
    const base = file.name.split(/[\\/]/).pop() ?? file.name;
    return { ...found, source: found.source.startsWith(file.name) ? base + found.source.slice(file.name.length) : found.source };
  } catch (e) {
    if (e instanceof UserError) throw new UserError(`${file.name}：${e.message}`, { cause: e, code: e.code });
    throw e;
  }
}
