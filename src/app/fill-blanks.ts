/**
 * 空白一律填 0: the statutory tables want 0, not a blank. Writes 0 into the blank input
 * cells of one report sheet, and nothing else: never a total, never a cell that holds anything.
 */
import { formats as defaultRegistry } from '../formats';
import { reportFromOurSheet } from '../layout/sheet-report';
import type { WorkbookPort } from '../ports/workbook-port';
import { UserError } from '../model/user-error';

export interface BlankCells {
  sheet: string;
  /** Cell ids of the blank input cells, in the format's order. */
  cells: string[];
  /** Their A1 addresses, by cell id. */
  addresses: Record<string, string>;
}

/** The blank input cells of a report sheet of ours, read afresh from the workbook. */
export async function blankInputCells(port: WorkbookPort, sheet: string): Promise<BlankCells> {
  const [data] = await port.readSheets([sheet], { marks: false });
  if (!data?.meta || data.meta.role) throw new UserError(`“${sheet}”不是本工具生成的年报表格：请先用“导入报送”转为标准表格，再填 0。`);
  const read = reportFromOurSheet(data, defaultRegistry, sheet);
  if ('problem' in read) throw new UserError(read.problem);
  const format = defaultRegistry.formatOf(read.report);
  const totals = new Set([...format.totals.keys()].map((i) => format.cells[i].id));
  const addresses: Record<string, string> = {};
  const cells: string[] = [];
  for (const c of format.cells) {
    const addr = read.plan.addresses[c.id];
    if (totals.has(c.id) || data.formulas?.has(addr)) continue;
    const held = data.cells.get(addr);
    // Only a cell with nothing in it; a space, a dash or 若干 is the clerk's to correct.
    if (held !== undefined && held !== null && held !== '') continue;
    cells.push(c.id);
    addresses[c.id] = addr;
  }
  return { sheet, cells, addresses };
}

/** Writes 0 into every blank input cell of the sheet; returns how many were filled. */
export async function fillBlanksWithZero(port: WorkbookPort, sheet: string): Promise<number> {
  const blanks = await blankInputCells(port, sheet);
  if (!blanks.cells.length) return 0;
  await port.setValues(sheet, Object.fromEntries(blanks.cells.map((id) => [blanks.addresses[id], 0])));
  return blanks.cells.length;
}
