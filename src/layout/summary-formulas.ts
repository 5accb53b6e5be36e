/**
 * Live formulas of a summary sheet: each cell adds the same cell of every member sheet.
 * "+" rather than SUM, so a member's text shows as #VALUE! instead of counting as 0.
 */
import type { CompiledFormat } from '../formats/compile';
import { canonicalPlan } from '../layout/sheet-report';

/** Excel's limit on a formula's length. */
const MAX_FORMULA_LENGTH = 8000;

/** A sheet name as a formula reference: always quoted, quotes doubled. Never formula code. */
export function sheetRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** One formula per cell index, or null when the formulas would be too long for Excel. */
export function summaryFormulas(format: CompiledFormat, memberSheets: string[]): string[] | null {
  const plan = canonicalPlan(format);
  const refs = memberSheets.map(sheetRef);
  const out: string[] = [];
  for (const c of format.cells) {
    const addr = plan.addresses[c.id];
    const f = refs.map((r) => `${r}!${addr}`).join('+');
    if (f.length > MAX_FORMULA_LENGTH) return null;
    out.push(f);
  }
  return out;
}
