/** The part of a sheet an adapter reads for a report: every format's canonical grid plus the metadata cell. */
import { formats } from '../formats';
import { canonicalPlan } from '../model/sheet-report';
import { META_COLUMN } from './sheet-plan';

export const READ_COLUMNS = META_COLUMN;

/** Rows to read: the tallest canonical layout, with room for a title moved down by a row or two. */
export const READ_ROWS = Math.max(...formats.ids.map((id) => canonicalPlan(formats.byId(id)!).lastRow)) + 5;

/** Addresses of value cells in any format, whose fills we record before painting. */
export const VALUE_ADDRESSES: string[] = [
  ...new Set(formats.ids.flatMap((id) => Object.values(canonicalPlan(formats.byId(id)!).addresses))),
];
