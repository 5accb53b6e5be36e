/** File names and checks of the web page: what a download is called, what an opened file may be. */
import type { SheetInfo } from '../model/sheet-data';
import { MAX_FILE_BYTES, megabytes } from '../import/limits';

const UNSAFE = /[\\/:*?"<>|\u0000-\u001f]+/g;

/**
 * 「某县人民政府办公室2024年报.xlsx」 from the current report sheet (a summary: …年报汇总);
 * otherwise the name the workbook was opened under, or 年报.xlsx. A workbook with macros keeps
 * .xlsm: Excel refuses a macro-enabled package under .xlsx.
 */
export function downloadName(current: SheetInfo | undefined, opened: string, macros = false): string {
  const ext = macros ? '.xlsm' : '.xlsx';
  const meta = current?.meta;
  if (meta && !meta.role && meta.office.trim() && meta.year) {
    const stem = `${meta.office.trim()}${meta.year}年报${meta.members?.length ? '汇总' : ''}`.replace(UNSAFE, '_');
    return `${stem.slice(0, 120)}${ext}`;
  }
  const base = opened.trim().replace(UNSAFE, '_');
  if (!base) return `年报${ext}`;
  return `${base.replace(/\.[^.]*$/, '')}${ext}`;
}

/** Why a file cannot be opened as a workbook before reading it, or null. */
export function openProblem(name: string, size: number): string | null {
  if (/\.xls$/i.test(name)) return `“${name}”是旧版 .xls 文件：请在 Excel 或 WPS 中另存为 .xlsx 后再打开。`;
  if (!/\.xls[xm]$/i.test(name)) return `“${name}”不是 .xlsx 工作簿。各单位报送的 .docx、.html、.txt 等材料请在“导入报送”中读取。`;
  if (size > MAX_FILE_BYTES) return `“${name}”有 ${megabytes(size)}，超过上限 ${megabytes(MAX_FILE_BYTES)}，未打开。`;
  return null;
}
