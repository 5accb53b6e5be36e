/**
 * The roster (报送名单): from text, and kept in the workbook's 报送名单 sheet.
 */
import { parseRosterText, rosterToText, type RosterEntry } from '../consolidate/roster';
import { buildRosterPlan, rosterFromSheet } from '../layout/roster-plan';
import { ROSTER_SHEET } from '../layout/sheet-name';
import { type WorkbookPort } from '../ports/workbook-port';
import { UserError } from '../model/user-error';

/** The roster from text, or a UserError listing every bad line. */
export function rosterOrError(text: string): RosterEntry[] {
  const parsed = parseRosterText(text);
  if (parsed.errors.length) throw new UserError(`报送名单有误，请改正后重试：\n${parsed.errors.join('\n')}`);
  return parsed.entries;
}

export interface RosterInWorkbook {
  /** The roster as text for the pane's box; empty when the workbook has none. */
  text: string;
  entries: RosterEntry[];
  errors: string[];
  /** The sheet it was read from, if any. */
  sheet?: string;
  /** The sheet was written by this tool (so saving may replace it without asking). */
  ours: boolean;
}

/** Rows read for a roster: more units than any county or city has. */
const ROSTER_ROWS = 2000;

/** The roster kept in the workbook: the 报送名单 sheet, or (for a file given as a roster) the first sheet. */
export async function readRoster(port: WorkbookPort, options: { firstSheet?: boolean } = {}): Promise<RosterInWorkbook> {
  const infos = await port.listSheets();
  const info = infos.find((s) => s.name === ROSTER_SHEET) ?? (options.firstSheet ? infos[0] : undefined);
  if (!info) return { text: '', entries: [], errors: [], ours: false };
  const [sheet] = await port.readSheets([info.name], { marks: false, rows: ROSTER_ROWS });
  const parsed = rosterFromSheet(sheet);
  return { text: rosterToText(parsed.entries), entries: parsed.entries, errors: parsed.errors, sheet: info.name, ours: info.meta?.role === 'roster' };
}

/**
 * Writes the roster to the 报送名单 sheet. A sheet of that name the clerk made by hand
 * is replaced only when `replaceTheirs` says so: its other columns would be lost.
 */
export async function saveRoster(port: WorkbookPort, text: string, year: number, replaceTheirs = false): Promise<{ saved: number } | { theirs: string }> {
  const entries = rosterOrError(text);
  if (!entries.length) throw new UserError('报送名单是空的：请每行写一个单位。');
  const info = (await port.listSheets()).find((s) => s.name === ROSTER_SHEET);
  if (info && info.meta?.role !== 'roster' && !replaceTheirs) return { theirs: info.name };
  await port.writeSheets([buildRosterPlan(entries, year)], { replace: info ? { [ROSTER_SHEET]: info.name } : {} });
  return { saved: entries.length };
}
