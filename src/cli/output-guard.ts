/**
 * Refuses to overwrite an existing output file unless the product wrote it as
 * the same kind of file, and nothing a clerk typed would be lost.
 */
import { formats } from '../formats';
import { reportFromOurSheet } from '../layout/sheet-report';
import { readWorkbookContents } from '../ports/xlsx/read-sheets';
import type { SheetData } from '../model/sheet-data';

export type OutputKind = 'template' | 'import' | 'consolidate';

const KIND_NAMES: Record<OutputKind, string> = { template: '空白模板', import: '导入结果', consolidate: '汇总结果' };

/** Why `existing` must not be overwritten by a new file of `kind`, or null when it may be. */
export async function overwriteProblem(existing: Uint8Array, kind: OutputKind): Promise<string | null> {
  const refuse = `它不是本工具生成的${KIND_NAMES[kind]}`;
  let infos: SheetData[];
  try {
    infos = readWorkbookContents(existing).sheets;
  } catch {
    return `${refuse}（无法作为 Excel 工作簿打开）`;
  }
  const ours = infos.filter((s) => s.meta);
  if (ours.length === 0 || ours.length !== infos.length) return refuse;
  if (kind === 'consolidate') return ours.some((s) => s.meta!.role === 'overview') ? null : refuse;
  if (kind === 'import') return ours.some((s) => s.meta!.role === 'sources') ? null : refuse;
  if (ours.some((s) => s.meta!.role || s.meta!.source || s.meta!.summaryOf)) return refuse;
  // A template may be regenerated only while no input cell holds anything.
  for (const sheet of ours) {
    const read = reportFromOurSheet(sheet, formats, sheet.name);
    if (!('report' in read)) return refuse;
    const format = formats.formatOf(read.report);
    const filled = format.cells.some((c) => !format.totals.has(c.index) && read.report.readings[c.index]?.status !== 'blank');
    if (filled) return `其中“${sheet.name}”已填写数据`;
  }
  return null;
}

export function overwriteMessage(out: string, problem: string): string {
  return `输出文件 ${out} 已存在，${problem}。为防止覆盖，已停止；如确需覆盖，请加 --force，或换一个输出文件名。`;
}
