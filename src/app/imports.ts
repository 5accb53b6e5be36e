/**
 * 导入报送: submissions read in the pane (exceljs and the parsers; never
 * insertWorksheetsFromBase64), shown with their status, then written as canonical sheets.
 */
import { formats as registry } from '../formats';
import { readReports } from '../io/read-reports';
import { buildSheetPlan } from '../layout/sheet-plan';
import { freshSheetName, reportSheetName } from '../layout/sheet-name';
import { InputError } from '../model/report-json';
import type { Report } from '../model/report';
import { countBySeverity, validate } from '../rules/engine';
import { cellLabel } from '../rules/messages';
import type { Finding } from '../rules/types';
import type { WorkbookPort } from '../ports/workbook-port';

export interface Submission {
  name: string;
  bytes: Uint8Array;
}

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
  const format = registry.byId(r.format)!;
  return format.cells.map((c) => {
    const rd = r.readings[c.index];
    const value = !rd
      ? '（未找到）'
      : rd.dependsOn
        ? '（依赖的单元格无法读取）'
        : rd.status === 'invalid'
          ? `“${rd.raw ?? ''}”（不是数字）`
          : rd.value === null
            ? '（空白）'
            : String(rd.value);
    return { label: cellLabel(c), value, from: r.provenance?.[c.id] ?? '' };
  });
}

export async function readSubmissions(files: Submission[]): Promise<ImportedItem[]> {
  const out: ImportedItem[] = [];
  for (const f of files) {
    try {
      const { reports, problems } = await readReports(f.name, f.bytes, registry);
      if (!reports.length) {
        out.push({ key: f.name, file: f.name, findings: [], errors: 0, warnings: 0, cells: [], problem: problems.join('；') || '未找到可识别的报表' });
        continue;
      }
      reports.forEach((report, i) => {
        const { findings } = validate(report);
        const n = countBySeverity(findings);
        out.push({ key: `${f.name}#${i}`, file: f.name, report, findings, errors: n.error, warnings: n.warning, cells: display(report) });
      });
    } catch (e) {
      const message = e instanceof InputError ? e.message : `读取失败：${(e as Error).message}`;
      out.push({ key: f.name, file: f.name, findings: [], errors: 0, warnings: 0, cells: [], problem: message });
    }
  }
  return out;
}

/** Pasted text is read exactly as a .txt file would be. */
export function pastedSubmission(text: string): Submission {
  return { name: '粘贴的文本.txt', bytes: new TextEncoder().encode(text) };
}

/** Writes each report as a canonical sheet with its values carried over; returns the sheet names. */
export async function writeImported(port: WorkbookPort, reports: Report[]): Promise<string[]> {
  const taken = await port.sheetNames();
  const names: string[] = [];
  const plans = reports.map((r) => {
    const name = freshSheetName(reportSheetName(r.office, r.year), [...taken, ...names]);
    names.push(name);
    return buildSheetPlan(registry.byId(r.format)!, {
      office: r.office,
      year: r.year,
      level: r.level,
      totals: 'values',
      readings: r.readings,
      name,
      extraMeta: { source: r.source, ...(r.members ? { members: r.members, descendants: r.descendants } : {}) },
    });
  });
  if (plans.length) await port.writeSheets(plans, { activate: names[0] });
  return names;
}
