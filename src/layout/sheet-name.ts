/** Worksheet names: Excel allows 31 characters and forbids : \ / ? * [ ]. */

const FORBIDDEN = /[:\\/?*[\]]/g;
const MAX_SHEET_NAME = 31;

function sanitizeSheetName(name: string): string {
  const s = name
    .replace(FORBIDDEN, '')
    .replace(/^'+|'+$/g, '')
    .trim();
  return (s || '年报').slice(0, MAX_SHEET_NAME);
}

export function reportSheetName(office: string, year: number): string {
  const suffix = `${year}年报`;
  const base = sanitizeSheetName(office).slice(0, MAX_SHEET_NAME - suffix.length);
  return `${base}${suffix}`;
}

/** A name not already taken (case-insensitive, as Excel compares): 名称, 名称(2), … */
export function freshSheetName(wanted: string, taken: string[]): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  const base = sanitizeSheetName(wanted);
  if (!lower.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const tag = `(${n})`;
    const candidate = base.slice(0, MAX_SHEET_NAME - tag.length) + tag;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

/** Keeps a suffix whole and shortens what comes before it to fit. */
function withSuffix(base: string, suffix: string): string {
  return sanitizeSheetName(sanitizeSheetName(base).slice(0, MAX_SHEET_NAME - suffix.length) + suffix);
}

/**
 * A summary's sheet: 某县2024汇总; without an office, 2024年度汇总; an office already
 * named as a summary (吴忠市（全市汇总）) is not given 汇总 twice.
 */
export function summarySheetName(office: string, year: number): string {
  const o = office.trim();
  if (!o) return `${year}年度汇总`;
  return o.includes('汇总') ? withSuffix(o, String(year)) : withSuffix(o, `${year}汇总`);
}

/** The overview (汇总明细) beside a summary sheet: 某县2024汇总明细, 2024年度汇总明细. */
export function overviewSheetName(summaryName: string): string {
  return summaryName.endsWith('汇总') ? withSuffix(summaryName.slice(0, -2), '汇总明细') : withSuffix(summaryName, '汇总明细');
}

/** The year-on-year comparison beside a summary sheet: 某县2024同比, 2024年度同比. */
export function comparisonSheetName(summaryName: string): string {
  return withSuffix(summaryName.endsWith('汇总') ? summaryName.slice(0, -2) : summaryName, '同比');
}

/** The cells resubmissions changed, beside a summary sheet: 某县2024整改情况. */
export function changesSheetName(summaryName: string): string {
  return withSuffix(summaryName.endsWith('汇总') ? summaryName.slice(0, -2) : summaryName, '整改情况');
}

/** The status circular as a sheet, beside a summary sheet: 某县2024报送情况. */
export function statusSheetName(summaryName: string): string {
  return withSuffix(summaryName.endsWith('汇总') ? summaryName.slice(0, -2) : summaryName, '报送情况');
}

/** The summary's charts, beside a summary sheet: 某县2024图表. */
export function chartsSheetName(summaryName: string): string {
  return withSuffix(summaryName.endsWith('汇总') ? summaryName.slice(0, -2) : summaryName, '图表');
}

/** The roster sheet (报送名单): its first column lists the units that must report. */
export const ROSTER_SHEET = '报送名单';
