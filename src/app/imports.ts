/**
 * 导入报送: submissions read in the pane (exceljs and the parsers; never
 * insertWorksheetsFromBase64), shown with their status, then written as canonical sheets.
 */
import { formats as registry } from '../formats';
import { stampSubmitted, type InputOptions } from './read-inputs';
import { buildSheetPlan, type SheetPlan } from '../layout/sheet-plan';
import { freshSheetName, reportSheetName } from '../layout/sheet-name';
import { originText, UNKNOWN_OFFICE, type Report } from '../model/report';
import { countBySeverity, validate } from '../rules/engine';
import { cellLabel } from '../rules/messages';
import type { Finding } from '../model/finding';
import type { WorkbookPort } from '../ports/workbook-port';
import { inputFile, type InputFile } from '../ports/file-reader';
import { failureMessage } from './failure';
import { UserError } from '../model/user-error';

/** A submission as the faces give it: an input file of the file-reader port (a File on the page, bytes already read). */
export type Submission = InputFile;

export interface ImportedItem {
  key: string;
  file: string;
  report?: Report;
  findings: Finding[];
  errors: number;
  warnings: number;
  /** Why nothing could be read from the file. */
  problem?: string;
  /** What was read, cell by cell, for the user to look at: label, value as read, where from. */
  cells: { label: string; value: string; from: string }[];
}

function display(r: Report): ImportedItem['cells'] {
  const format = registry.formatOf(r);
  return format.cells.map((c) => {
    const rd = r.readings[c.index];
    const value = !rd ? '（未找到）' : rd.dependsOn ? '（依赖的单元格无法读取）' : rd.status === 'invalid' ? `“${rd.raw ?? ''}”（不是数字）` : rd.value === null ? '（空白）' : String(rd.value);
    const origin = r.provenance?.[c.id];
    return { label: cellLabel(c), value, from: origin ? originText(origin) : '' };
  });
}

export async function readSubmissions(files: Submission[], options: InputOptions): Promise<ImportedItem[]> {
  // The file readers (exceljs, htmlparser2, the zip guard) load only when a file is read: the pane starts without them.
  const { readReports } = await import('../import/read-file');
  const out: ImportedItem[] = [];
  for (const f of files) {
    try {
      const { reports, problems } = await readReports(f.name, await f.read(), registry, options.readers, options);
      stampSubmitted(reports, f);
      if (!reports.length) {
        out.push({ key: f.name, file: f.name, findings: [], errors: 0, warnings: 0, cells: [], problem: problems.join('；') || '未找到可识别的报表' });
        continue;
      }
      reports.forEach((report, i) => {
        const { findings } = validate(report);
        const n = countBySeverity(findings);
        out.push({ key: `${f.name}#${i}`, file: f.name, report, findings: errorsFirst(findings), errors: n.error, warnings: n.warning, cells: display(report) });
      });
    } catch (e) {
      // A refused file says why; a bug is said to be one (and logged), never passed off as a damaged file.
      out.push({ key: f.name, file: f.name, findings: [], errors: 0, warnings: 0, cells: [], problem: failureMessage(e) });
    }
  }
  return out;
}

/** Pasted text is read exactly as a .txt file would be. */
export function pastedSubmission(text: string): Submission {
  return inputFile('粘贴的文本.txt', new TextEncoder().encode(text));
}

/** A report to write, with the office and year the user confirmed or corrected. */
export interface ImportEntry {
  report: Report;
  office?: string;
  year?: number;
}

export interface Duplicate {
  office: string;
  year: number;
  /** The sheet already holding it, or the other chosen entry's file. */
  existing: string;
}

export type WriteImportedResult = { written: string[] } | { duplicates: Duplicate[] };

/** The office and year to write, checked: a known office, and a year whose format is the report's. */
function confirmedIdentity(entry: ImportEntry): { office: string; year: number } {
  const office = (entry.office ?? entry.report.office).trim();
  const year = entry.year ?? entry.report.year;
  if (!office || office === UNKNOWN_OFFICE) throw new UserError(`“${entry.report.source}”未能识别填报单位，请填写单位名称后再写入（命令行用 --office 指定）。`);
  const due = registry.forYear(year);
  if (!due) throw new UserError(`${year} 年度没有法定表格格式，请核对报告年度。`);
  if (due.id !== entry.report.format) throw new UserError(`“${entry.report.source}”按${registry.formatOf(entry.report).def.name}格式读取，不能改为 ${year} 年度（应为${due.def.name}格式）。`);
  return { office, year };
}

/**
 * A report as a canonical sheet: its values (unreadable text kept as text), where it came from,
 * and for a summary its members, so that a later consolidation catches double counting.
 */
export function reportPlan(r: Report, as: { office: string; year: number; name: string }): SheetPlan {
  return buildSheetPlan(registry.formatOf(r), {
    ...as,
    level: r.level,
    totals: 'values',
    readings: r.readings,
    // The submission's time goes with the sheet: its versions are ordered by it when consolidated.
    extraMeta: { source: r.submission ?? r.source, ...(r.submitted ? { submitted: r.submitted } : {}), ...(r.members ? { members: r.members, descendants: r.descendants } : {}) },
  });
}

/**
 * Writes each report as a canonical sheet with its values carried over. An office and year
 * the workbook already holds (or that two entries share) is written only once the user says
 * whether to replace it or keep both.
 */
export async function writeImported(port: WorkbookPort, entries: ImportEntry[], onDuplicate?: 'replace' | 'keep'): Promise<WriteImportedResult> {
  const infos = await port.listSheets();
  const taken = infos.map((s) => s.name);
  const held = new Map<string, string>();
  for (const s of infos) if (s.meta && !s.meta.role && !s.meta.summaryOf) held.set(`${s.meta.office}|${s.meta.year}`, s.name);
  const ids = entries.map(confirmedIdentity);
  const duplicates: Duplicate[] = [];
  const seen = new Map<string, string>();
  ids.forEach((id, i) => {
    const key = `${id.office}|${id.year}`;
    const existing = held.get(key) ?? seen.get(key);
    if (existing) duplicates.push({ ...id, existing });
    seen.set(key, entries[i].report.source);
  });
  if (duplicates.length && !onDuplicate) return { duplicates };

  const names: string[] = [];
  const replace: Record<string, string> = {};
  const plans = entries.map((entry, i) => {
    const { office, year } = ids[i];
    const r = entry.report;
    const old = onDuplicate === 'replace' ? held.get(`${office}|${year}`) : undefined;
    const name = old && !Object.values(replace).includes(old) ? old : freshSheetName(reportSheetName(office, year), [...taken, ...names]);
    if (name === old) replace[name] = old;
    names.push(name);
    return reportPlan(r, { office, year, name });
  });
  if (plans.length) await port.writeSheets(plans, { activate: names[0], replace });
  return { written: names };
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Errors first, then warnings, then notes; the order within each kept. */
export function errorsFirst(findings: Finding[]): Finding[] {
  return findings
    .map((f, i) => [f, i] as const)
    .sort((a, b) => SEVERITY_ORDER[a[0].severity] - SEVERITY_ORDER[b[0].severity] || a[1] - b[1])
    .map(([f]) => f);
}
