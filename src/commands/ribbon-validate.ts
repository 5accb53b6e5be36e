/** The ribbon's 一键校验 apart from Office.js: the current sheet validated and painted, and what to tell the clerk. */
import { failureMessage } from '../app/failure';
import { validateSheets, type SheetResult } from '../app/validate-sheets';
import type { WorkbookPort } from '../ports/workbook-port';
import { countBySeverity } from '../rules/engine';

export async function ribbonValidate(port: WorkbookPort): Promise<{ result?: SheetResult; message: string }> {
  let result: SheetResult | undefined;
  try {
    [result] = await validateSheets(port, { sheets: 'active' });
  } catch (e) {
    return { message: failureMessage(e) };
  }
  if (!result || result.problem) return { result, message: result?.problem ?? '当前工作表不是年报表格。' };
  const n = countBySeverity(result.findings);
  return {
    result,
    message: n.error + n.warning === 0 ? `“${result.sheet}”校验通过，未发现问题。` : `“${result.sheet}”：错误 ${n.error} 项，警告 ${n.warning} 项，已在单元格上标出。打开“年报助手”可查看说明并改正。`,
  };
}
