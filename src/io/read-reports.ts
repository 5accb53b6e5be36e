/** Reads reports out of any supported input file's bytes. No Node built-ins: the web page uses it too. */
import type { FormatRegistry } from '../formats';
import { InputError, reportsFromJsonText } from '../model/report-json';
import type { Report } from '../model/report';
import { reportFromOurSheet } from '../model/sheet-report';
import { ExceljsWorkbookPort } from '../ports/exceljs/exceljs-workbook';

export interface FileReports {
  reports: Report[];
  /** Sheets or tables that looked like reports but could not be read, with why. */
  problems: string[];
}

function extension(name: string): string {
  const m = /\.([^./\\]+)$/.exec(name);
  return m ? m[1].toLowerCase() : '';
}

const decoder = new TextDecoder('utf-8');

export async function readReports(name: string, bytes: Uint8Array, registry: FormatRegistry): Promise<FileReports> {
  const ext = extension(name);
  if (ext === 'json') return { reports: reportsFromJsonText(decoder.decode(bytes), name, registry), problems: [] };
  if (ext === 'xlsx' || ext === 'xlsm') {
    let port: ExceljsWorkbookPort;
    try {
      port = await ExceljsWorkbookPort.fromBuffer(bytes);
    } catch {
      throw new InputError('无法打开该 Excel 文件，文件可能已损坏，或不是 .xlsx 格式');
    }
    const sheets = await port.readSheets('reports');
    const reports: Report[] = [];
    const problems: string[] = [];
    for (const sheet of sheets) {
      const read = reportFromOurSheet(sheet, registry, `${name}#${sheet.name}`);
      if ('problem' in read) problems.push(`工作表“${sheet.name}”：${read.problem}`);
      else reports.push(read.report);
    }
    return { reports, problems };
  }
  if (ext === 'xls') throw new InputError('不支持旧版 .xls 文件，请在 Excel 或 WPS 中另存为 .xlsx 后再试');
  throw new InputError(`不支持的文件类型“.${ext || '（无扩展名）'}”，可用 .xlsx 或 .json`);
}
