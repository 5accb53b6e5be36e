/**
 * Clerks' workbooks with parts exceljs does not model, made at test time by real tools:
 * LibreOffice Calc driven over UNO (a chart, an image, a comment, a conditional format and a
 * data bar, a named range, a hidden and a protected sheet, print settings), openpyxl (a chart
 * whose drawing is in the default namespace, data validation), and a macro-enabled package.
 * Each holds our report sheet with one wrong figure, to validate and fix in the web page.
 */
import { execFileSync } from 'child_process';
import { join } from 'path';
import { readFileSync, writeFileSync } from 'fs';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { formats } from '../../src/formats';
import { canonicalPlan } from '../../src/layout/sheet-report';
import { ExceljsWorkbookPort } from '../../src/ports/exceljs/exceljs-workbook';
import { generateTemplate } from '../../src/app/generate';
import { consolidateSheets } from '../../src/app/consolidate-sheets';
import { seeded, validCells } from './random-report';
import { ROOT } from './cli';

export const PYTHON = '/usr/bin/python3';
const OFFICE = '汤原县人民政府办公室';
export const SHEET = `${OFFICE}2023年报`;
export const CHART_TITLE = '月度办件图表';
const format = formats.forYear(2023)!;
const plan = canonicalPlan(format);

export interface CorpusFile {
  /** Which tool made it, said in test names. */
  tool: string;
  file: string;
  /** The report sheet's figures as filled, the wrong one included. */
  cells: Record<string, number>;
  /** The cell id that is one too many, and its right value. */
  wrong: { id: string; address: string; right: number };
  chart: boolean;
  macros: boolean;
}

/** Our template, filled by a clerk with valid figures except 本年新收·自然人, two too many. */
async function base(dir: string, seed: number): Promise<{ file: string; cells: Record<string, number>; wrong: CorpusFile['wrong'] }> {
  const port = ExceljsWorkbookPort.empty();
  await generateTemplate(port, { office: OFFICE, year: 2023 });
  const valid = validCells(format, seeded(seed)) as Record<string, number>;
  const id = 'requests.new.natural';
  const cells: Record<string, number> = { ...valid, [id]: valid[id] + 2 };
  const ws = port.workbook.getWorksheet(SHEET)!;
  for (const c of format.cells) if (!format.totals.has(c.index)) ws.getCell(plan.addresses[c.id]).value = cells[c.id];
  const file = join(dir, `base-${seed}.xlsx`);
  writeFileSync(file, await port.toBuffer());
  return { file, cells, wrong: { id, address: plan.addresses[id], right: valid[id] } };
}

/** A package made macro-enabled as Excel makes it: the main part's type, a vbaProject part and its relationship. */
function macroEnabled(xlsx: Uint8Array, vba: Uint8Array<ArrayBuffer>): Uint8Array {
  const parts = unzipSync(xlsx);
  const dec = (n: string) => new TextDecoder().decode(parts[n]);
  parts['[Content_Types].xml'] = strToU8(
    dec('[Content_Types].xml')
      .replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml')
      .replace('</Types>', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>'),
  );
  parts['xl/_rels/workbook.xml.rels'] = strToU8(
    dec('xl/_rels/workbook.xml.rels').replace(
      '</Relationships>',
      '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
    ),
  );
  parts['xl/vbaProject.bin'] = vba;
  return zipSync(parts);
}

export async function makeClerkCorpus(dir: string): Promise<CorpusFile[]> {
  const out: CorpusFile[] = [];
  const lo = await base(dir, 41);
  const loFile = join(dir, 'libreoffice.xlsx');
  execFileSync(PYTHON, [join(ROOT, 'test', 'helpers', 'corpus', 'libreoffice-enrich.py'), lo.file, loFile, join(ROOT, 'assets', 'icon-64.png')], { timeout: 180000, stdio: 'pipe' });
  out.push({ tool: 'LibreOffice', file: loFile, cells: lo.cells, wrong: lo.wrong, chart: true, macros: false });
  const op = await base(dir, 42);
  const opFile = join(dir, 'openpyxl.xlsx');
  execFileSync(PYTHON, [join(ROOT, 'test', 'helpers', 'corpus', 'openpyxl-enrich.py'), op.file, opFile], { timeout: 60000, stdio: 'pipe' });
  out.push({ tool: 'openpyxl', file: opFile, cells: op.cells, wrong: op.wrong, chart: true, macros: false });
  // No tool here writes VBA: the project is an opaque binary, carried byte for byte as Excel's would be.
  const vba = Uint8Array.from({ length: 4096 }, (_, i) => (i * 37 + 11) % 256);
  const xlsm = join(dir, 'macros.xlsm');
  writeFileSync(xlsm, macroEnabled(new Uint8Array(readFileSync(opFile)), vba));
  out.push({ tool: 'openpyxl + 宏', file: xlsm, cells: op.cells, wrong: op.wrong, chart: true, macros: true });
  return out;
}

/**
 * A consolidated workbook (two members, a formula summary 某县2023汇总 and its overview) on whose
 * summary sheet the clerk put a chart with openpyxl: consolidating again replaces that sheet.
 */
export async function summaryWithChart(dir: string): Promise<string> {
  const port = ExceljsWorkbookPort.empty();
  const members: string[] = [];
  for (const [office, seed] of [
    ['甲局', 51],
    ['乙局', 52],
  ] as const) {
    await generateTemplate(port, { office, year: 2023 });
    const cells = validCells(format, seeded(seed));
    const ws = port.workbook.getWorksheet(`${office}2023年报`)!;
    for (const c of format.cells) if (!format.totals.has(c.index)) ws.getCell(plan.addresses[c.id]).value = cells[c.id];
    members.push(`${office}2023年报`);
  }
  const r = await consolidateSheets(port, { members, office: '某县', mode: 'formula' });
  if (!r.ok) throw new Error('consolidation refused');
  const plain = join(dir, 'summary-plain.xlsx');
  writeFileSync(plain, await port.toBuffer());
  const file = join(dir, 'summary-chart.xlsx');
  execFileSync(PYTHON, [join(ROOT, 'test', 'helpers', 'corpus', 'openpyxl-enrich.py'), plain, file, '某县2023汇总'], { timeout: 60000, stdio: 'pipe' });
  return file;
}
