/**
 * 导入 of a file into a workbook (the command line's import): every report in it written as a
 * canonical sheet, and the 导入来源 sheet listing where each figure was read.
 */
import { formats as registry } from '../formats';
import { buildSourcesPlan } from '../layout/sources-plan';
import type { Report } from '../model/report';
import { validate, type Validation } from '../rules/engine';
import type { InputFile } from '../ports/file-reader';
import type { WorkbookPort } from '../ports/workbook-port';
import { writeImported } from './imports';
import { readInput, refuseUnknownOffice, type InputOptions } from './read-inputs';

export interface ImportedReport {
  sheet: string;
  report: Report;
  validation: Validation;
}

export interface FileImport {
  items: ImportedReport[];
  /** What could not be read within the file. */
  problems: string[];
}

export async function importFile(port: WorkbookPort, file: InputFile, options: InputOptions): Promise<FileImport> {
  const { reports, problems } = await readInput(file, options);
  refuseUnknownOffice(reports, '请用 --office 单位名称 指定后再导入');
  // One file holding the same office twice is written twice; the sources sheet tells them apart.
  const written = await writeImported(
    port,
    reports.map((report) => ({ report })),
    'keep',
  );
  const names = 'written' in written ? written.written : [];
  const items = reports.map((report, i) => ({ sheet: names[i], report, validation: validate(report, { registry }) }));
  await port.writeSheets([
    buildSourcesPlan(
      items.map((it) => ({ ...it, findings: it.validation.findings })),
      registry,
    ),
  ]);
  return { items, problems };
}
