/**
 * What the user does to a validated sheet: clear the marks, apply a fix, confirm a warning, go to a finding.
 */
import { formats as defaultRegistry } from '../formats';
import { totalFormula } from '../layout/sheet-report';
import type { SheetMeta } from '../model/sheet-meta';
import { findingKey, type Finding } from '../model/finding';
import { type WorkbookPort } from '../ports/workbook-port';
import { clearedHighlights } from './highlights';
import { UserError } from '../model/user-error';
import { SheetResult } from './validate-sheets';

export async function clearSheets(port: WorkbookPort, names?: string[]): Promise<number> {
  const infos = await port.listSheets();
  const targets = infos.filter((s) => s.meta?.marks && (!names || names.includes(s.name)));
  if (targets.length === 0) return 0;
  await port.applyHighlights(targets.map((t) => clearedHighlights(t.name, t.meta!)));
  return targets.length;
}

/** Applies a fix suggestion: the one value change the user asked for. */
export async function applyFix(port: WorkbookPort, result: SheetResult, fix: NonNullable<Finding['fix']>): Promise<void> {
  const addr = result.addresses[fix.cell];
  if (!addr) throw new UserError('找不到要修改的单元格，请重新校验后再试。');
  if (fix.restoreFormula) {
    const format = result.report && defaultRegistry.formatOf(result.report);
    const formula = format && totalFormula(format, fix.cell);
    if (!formula) throw new UserError('找不到该合计单元格的公式，请重新校验后再试。');
    await port.setValues(result.sheet, { [addr]: { formula } });
    return;
  }
  await port.setValues(result.sheet, { [addr]: fix.value });
}

/** Stores a confirmed warning with its explanation (出错说明) in the sheet. */
export async function confirmWarning(port: WorkbookPort, sheet: string, finding: Finding, explanation: string): Promise<void> {
  const text = explanation.trim();
  if (finding.severity !== 'warning') throw new UserError('只有“警告”可以确认；错误必须改正。');
  if (!text) throw new UserError('请填写出错说明。');
  const info = (await port.listSheets()).find((s) => s.name === sheet);
  if (!info?.meta) throw new UserError('该工作表不是年报表格。');
  const meta: SheetMeta = { ...info.meta, confirmed: { ...info.meta.confirmed, [findingKey(finding)]: text } };
  await port.setValues(sheet, {}, meta);
}

export async function selectFinding(port: WorkbookPort, result: SheetResult, finding: Finding): Promise<void> {
  const addrs = finding.cells.map((c) => result.addresses[c]).filter((a): a is string => !!a);
  if (addrs.length) await port.select(result.sheet, addrs);
}
