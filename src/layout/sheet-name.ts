/** Worksheet names: Excel allows 31 characters and forbids : \ / ? * [ ]. */

const FORBIDDEN = /[:\\/?*[\]]/g;
export const MAX_SHEET_NAME = 31;

export function sanitizeSheetName(name: string): string {
  const s = name.replace(FORBIDDEN, '').replace(/^'+|'+$/g, '').trim();
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
