/** The part of a sheet an adapter reads for a report: every format's canonical grid plus the metadata cell. */
import { formats } from '../formats';
import { canonicalPlan } from '../layout/sheet-report';
import { META_BACKUP_ROW, META_COLUMN } from './sheet-plan';

/** Report sheets: every format's canonical grid and the metadata column. */
export const READ_COLUMNS = META_COLUMN;
export const READ_ROWS = Math.max(...formats.all.map((f) => canonicalPlan(f).lastRow + 5), META_BACKUP_ROW + 2);

/** The active sheet, which may be a clerk's own layout with titles and notes around it. */
export const WIDE_COLUMNS = Math.max(META_COLUMN, 26);
export const WIDE_ROWS = 200;

/** Addresses of value cells in any format, whose fills we record before painting. */
export const VALUE_ADDRESSES: string[] = [...new Set(formats.all.flatMap((f) => Object.values(canonicalPlan(f).addresses)))];
