/**
 * A reporting season in a folder, as a county's 政务公开办 holds it in the busiest week:
 * 县财政局 (A) sent a report with an error, then a corrected version that also changed a
 * figure nobody asked about; 县交通运输局 (B) sent one with errors and a blank cell; 城关镇 (C)
 * is on the roster and sent nothing. The roster is typed with spaces. Each file's modification
 * time is its submission time.
 */
import { mkdirSync, utimesSync, writeFileSync } from 'fs';
import { join } from 'path';
import { formats } from '../../src/formats';
import { buildSheetPlan } from '../../src/layout/sheet-plan';
import { ExceljsWorkbookPort } from '../../src/ports/exceljs/exceljs-workbook';
import { reportFromCells, seeded, validCells } from './random-report';

export const YEAR = 2024;
export const FORMAT = formats.forYear(YEAR)!;
export const A = '县财政局';
export const B = '县交通运输局';
export const C = '城关镇';

/** A's first version: 三（七）总计 of 自然人 typed one too high. */
export const A_WRONG = 'requests.total.natural';
/** A's second version changes this too, though no notice asked about it. */
export const A_UNASKED = 'proactive.normative.in_force';
/** B's errors: 本年新收 of 自然人 two too high; its blank: 行政复议 维持. */
export const B_WRONG = 'requests.new.natural';
export const B_BLANK = 'appeals.review.upheld';

/** Submission times, local time as the clerk's computer shows them. */
export const TIMES = {
  a1: new Date(2025, 0, 15, 9, 5),
  a2: new Date(2025, 0, 22, 10, 30),
  b: new Date(2025, 0, 18, 14, 40),
};

export const ROSTER_TEXT = ['单位 层级 截止日期', `${A}   部门   2025-01-20`, `${B}  部门`, `${C}  乡镇  2025-03-31`, ''].join('\n');

export const cellsA = validCells(FORMAT, seeded(101));
export const cellsB = validCells(FORMAT, seeded(202));

export const versionA1: Record<string, number> = { ...cellsA, [A_WRONG]: cellsA[A_WRONG] + 1 };
export const versionA2: Record<string, number> = { ...cellsA, [A_UNASKED]: cellsA[A_UNASKED] + 3 };
export const versionB: Record<string, number | null> = { ...cellsB, [B_WRONG]: cellsB[B_WRONG] + 2, [B_BLANK]: null };

/** A workbook holding one report sheet with these values (totals as values, so a wrong total stays wrong). */
export async function reportWorkbook(office: string, cells: Record<string, number | null>): Promise<Uint8Array> {
  const port = ExceljsWorkbookPort.empty();
  const report = reportFromCells(FORMAT, cells, { office, year: YEAR });
  await port.writeSheet(buildSheetPlan(FORMAT, { office, year: YEAR, readings: report.readings, totals: 'values' }));
  return port.toBuffer();
}

export interface SeasonFolder {
  dir: string;
  submissions: string;
  roster: string;
  files: { a1: string; a2: string; b: string };
}

/** Writes the season into `dir`: 报送/ with the three files (their times set), and 报送名单.txt. */
export async function writeSeason(dir: string): Promise<SeasonFolder> {
  const submissions = join(dir, '报送');
  mkdirSync(submissions, { recursive: true });
  const files = { a1: join(submissions, `${A}.xlsx`), a2: join(submissions, `${A}（修改后）.xlsx`), b: join(submissions, `${B}.xlsx`) };
  writeFileSync(files.a1, await reportWorkbook(A, versionA1));
  writeFileSync(files.a2, await reportWorkbook(A, versionA2));
  writeFileSync(files.b, await reportWorkbook(B, versionB));
  for (const k of ['a1', 'a2', 'b'] as const) utimesSync(files[k], TIMES[k], TIMES[k]);
  const roster = join(dir, '报送名单.txt');
  writeFileSync(roster, ROSTER_TEXT);
  return { dir, submissions, roster, files };
}

/** Whole days from a date to today, counted without the product's code. */
export function daysSince(date: string): number {
  const now = new Date();
  return Math.round((Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) - Date.parse(`${date}T00:00:00Z`)) / 86400000);
}
