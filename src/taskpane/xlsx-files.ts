/** What the web page needs to open and create an .xlsx workbook: loaded on the first open or new, not at start. */
import { checkZip } from '../import/zip-guard';
import { UserError } from '../model/user-error';
import { ExceljsWorkbookPort } from '../ports/exceljs/exceljs-workbook';
import { ClerkWorkbook } from '../ports/xlsx/clerk-workbook';

export { ExceljsWorkbookPort };

/**
 * The workbook the clerk opened, to be written back into her own package on download; refused
 * with a message when it is not a readable .xlsx/.xlsm.
 */
export async function openWorkbookFile(name: string, bytes: Uint8Array): Promise<ClerkWorkbook> {
  // The same bounds as every other reader: a zip bomb or a DTD is refused before any library sees it.
  checkZip(bytes, ' Excel 工作簿');
  try {
    return await ClerkWorkbook.open(bytes);
  } catch (e) {
    // Said already (damaged, or this browser's memory): the file's name in front.
    if (e instanceof UserError) throw new UserError(`“${name}”：${e.message}`, { cause: e, code: e.code });
    throw new UserError(`无法打开“${name}”：文件已损坏，或不是 .xlsx 工作簿（.xls 请先另存为 .xlsx）。`, { cause: e });
  }
}
