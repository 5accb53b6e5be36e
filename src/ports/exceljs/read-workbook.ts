/** A workbook's sheets for reading submissions, through exceljs: the parts reading never needs are skipped. */
import type { WorkbookContents } from '../../import/readers';
import { InputError } from '../../model/report-json';
import { ExceljsWorkbookPort } from './exceljs-workbook';

export async function readWorkbookContents(bytes: Uint8Array): Promise<WorkbookContents> {
  let port: ExceljsWorkbookPort;
  try {
    port = await ExceljsWorkbookPort.fromBuffer(bytes, { readOnly: true });
  } catch {
    throw new InputError('无法打开该 Excel 文件，文件可能已损坏，或不是 .xlsx 格式');
  }
  const sheets = await port.readSheets(await port.sheetNames());
  return { sheets, formulasOverLimit: port.formulasOverLimit };
}
