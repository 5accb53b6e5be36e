/**
 * Metadata a report sheet carries in hidden cells, so that it travels with
 * the sheet (copy, move, another workbook) and is read back in any program.
 *
 * Why cells: every spreadsheet program keeps cell text when it saves, and a
 * cell moves with its sheet. Custom XML parts are dropped by LibreOffice and
 * WPS, and a defined name's string constant is capped at 255 characters.
 * LibreOffice writes the text back as rich text (its CJK font fallback splits
 * the runs), so adapters hand us the cell's plain text. Two copies are kept
 * (see sheet-plan: META_ROW/META_COLUMN and META_BACKUP_ROW), so deleting the
 * hidden column or the rows below the table leaves the other.
 *
 * Metadata inside a submitted file is untrusted: every field is checked
 * against the schema below and a bad field or entry is dropped and reported.
 */
import * as z from 'zod/mini';
import { LEVELS, type Level } from './report';

export const META_PREFIX = 'NIANBAO:';

/** A highlighted cell: its own fill (RRGGBB or null) and note before we touched it, restored on 清除标记. */
export interface Mark {
  fill: string | null;
  note: string | null;
  /** We put a note of ours on the cell (over the user's, which `note` keeps). */
  wrote?: true;
}

export interface SheetMeta {
  app: 'nianbao';
  v: 1;
  format: string;
  year: number;
  office: string;
  level?: Level;
  members?: string[];
  descendants?: string[];
  /** For an imported report: the submission it was read from. */
  source?: string;
  /** For an imported report: when it was submitted (ISO 8601), so its versions can be ordered later. */
  submitted?: string;
  /**
   * Sheets that are not reports: the overview (汇总明细) of a consolidation, the 导入来源 list, the roster (报送名单),
   * the comparison (同比), the cells changed between versions (整改情况), the status circular (报送情况), the charts (图表).
   */
  role?: SheetRole;
  /** Set on summary sheets we made: their member sheets, so a re-run updates instead of copying. */
  summaryOf?: string[];
  /** Totals were written as values (import, values-only summary), not as live formulas. */
  totals?: 'values';
  /** Confirmed warnings (出错说明), by finding key. */
  confirmed?: Record<string, string>;
  /** Highlights we painted, by A1 address, to restore on 清除标记. */
  marks?: Record<string, Mark>;
}

const SHEET_ROLES = ['overview', 'sources', 'roster', 'comparison', 'changes', 'status', 'charts'] as const;
export type SheetRole = (typeof SHEET_ROLES)[number];

const MAX_TEXT = 2000;
/** A moment as JSON writes it (2025-01-20T02:31:00.000Z), or with an offset: nothing else is a time. */
const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,3})?)?(Z|[+-]\d\d:\d\d)$/;
const text = z.string().check(z.maxLength(MAX_TEXT));
const names = z.array(text).check(z.maxLength(100000));
const A1 = /^[A-Z]{1,3}[1-9]\d{0,6}$/;
const markSchema = z.object({
  fill: z.nullable(z.string().check(z.regex(/^[0-9A-F]{6}$/i))),
  note: z.nullable(z.string().check(z.maxLength(32767))),
  wrote: z.optional(z.literal(true)),
});

/** Optional fields, each checked on its own so one bad field does not cost the others. */
const FIELDS = {
  level: z.enum(LEVELS as [Level, ...Level[]]),
  members: names,
  descendants: names,
  source: text,
  submitted: z.string().check(
    z.regex(ISO_TIME),
    z.refine((t) => Number.isFinite(Date.parse(t))),
  ),
  role: z.enum(SHEET_ROLES),
  summaryOf: names,
  totals: z.literal('values'),
} as const;

export interface DecodedMeta {
  meta: SheetMeta;
  /** What was dropped, in Chinese, e.g. 「出错说明（某键）」. */
  dropped: string[];
}

const FIELD_NAMES: Record<string, string> = {
  level: '行政层级',
  members: '汇总成员',
  descendants: '下级单位',
  source: '来源',
  submitted: '报送时间',
  role: '工作表类型',
  summaryOf: '汇总成员工作表',
  totals: '合计方式',
  confirmed: '出错说明',
  marks: '标记记录',
  office: '填报单位',
};

/** Reads our metadata from a cell's plain text; null when it is not ours or its identity is unreadable. */
export function decodeMetaChecked(cellText: unknown): DecodedMeta | null {
  if (typeof cellText !== 'string' || !cellText.startsWith(META_PREFIX)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(cellText.slice(META_PREFIX.length));
  } catch {
    return null;
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const m = raw as Record<string, unknown>;
  const year = m.year;
  if (m.app !== 'nianbao' || typeof m.format !== 'string' || m.format.length > 100) return null;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 1900 || year > 2999) return null;
  const dropped: string[] = [];
  const office = text.safeParse(m.office);
  if (m.office !== undefined && !office.success) dropped.push(FIELD_NAMES.office);
  const meta: SheetMeta = { app: 'nianbao', v: 1, format: m.format, year, office: office.success ? office.data : '' };
  const out = meta as unknown as Record<string, unknown>;
  for (const [key, schema] of Object.entries(FIELDS)) {
    if (m[key] === undefined) continue;
    const r = schema.safeParse(m[key]);
    if (r.success) out[key] = r.data;
    else dropped.push(FIELD_NAMES[key]);
  }
  const confirmed = checkedRecord(m.confirmed, (k, v) => k.length <= MAX_TEXT && text.safeParse(v).success, 'confirmed', dropped);
  if (confirmed) meta.confirmed = confirmed as Record<string, string>;
  const marks = checkedRecord(m.marks, (k, v) => A1.test(k) && markSchema.safeParse(v).success, 'marks', dropped);
  if (marks) meta.marks = marks as Record<string, Mark>;
  return { meta, dropped };
}

/** Keeps the entries that pass; each dropped entry is named once. */
function checkedRecord(value: unknown, ok: (k: string, v: unknown) => boolean, field: string, dropped: string[]) {
  if (value === undefined) return undefined;
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    dropped.push(FIELD_NAMES[field]);
    return undefined;
  }
  const kept: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (ok(k, v)) kept[k] = v;
    else dropped.push(`${FIELD_NAMES[field]}（${k.slice(0, 40)}）`);
  }
  return Object.keys(kept).length ? kept : undefined;
}

export function encodeMeta(meta: SheetMeta): string {
  return META_PREFIX + JSON.stringify(meta);
}

export function decodeMeta(cellText: unknown): SheetMeta | null {
  return decodeMetaChecked(cellText)?.meta ?? null;
}

/**
 * The sheet's metadata from its cells' plain texts: the main copy, then the
 * backup, then any cell that carries it (a column or rows inserted before it).
 */
export function findMeta(primary: unknown, backup: unknown, others: () => Iterable<unknown>): DecodedMeta | null {
  const a = decodeMetaChecked(primary);
  if (a) return a;
  const b = decodeMetaChecked(backup);
  if (b) return b;
  for (const t of others()) {
    const c = decodeMetaChecked(t);
    if (c) return c;
  }
  return null;
}
