/**
 * The bench's web.consolidate_200_peak_mb in Chromium: the files chosen in a file input are read
 * and consolidated by the same use-cases the web page runs (browser readers, an exceljs workbook),
 * and the workbook written out as the page's download would be.
 */
import { consolidateReports } from '../../src/app/consolidate-files';
import { readInputs } from '../../src/app/read-inputs';
import { browserFile } from '../../src/ports/browser/browser-files';
import { browserReaders } from '../../src/ports/browser/readers';
import { ExceljsWorkbookPort } from '../../src/ports/exceljs/exceljs-workbook';

const input = document.createElement('input');
input.type = 'file';
input.multiple = true;
input.setAttribute('aria-label', '报送文件');
document.getElementById('root')!.appendChild(input);

(window as unknown as { consolidate: () => Promise<string> }).consolidate = async () => {
  const read = await readInputs([...(input.files ?? [])].map(browserFile), { readers: browserReaders });
  const port = ExceljsWorkbookPort.empty();
  const result = await consolidateReports(port, read.files, { office: '某市' });
  if (!result.ok) return `refused: ${result.findings.map((f) => f.message).join('; ')}`;
  const bytes = await port.toBuffer();
  return `ok ${result.members.length} ${bytes.length}`;
};
