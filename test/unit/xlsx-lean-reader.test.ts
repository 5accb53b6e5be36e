/**
 * The lean .xlsx reader (ports/xlsx/read-sheets) reads exactly what the exceljs adapter reads:
 * the same cells, formulas, merges, hidden rows and metadata, for clerks' layouts, our own
 * sheets (formula totals, summaries), files with formulas that carry no results, shared
 * formulas, rich text, dates, inline strings and booleans. Then what only it can do: read a
 * workbook whose drawing uses a default namespace, and skip (and name) a sheet it cannot read.
 */
import ExcelJS from 'exceljs';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { formats } from '../../src/formats';
import { canonicalPlan } from '../../src/layout/sheet-report';
import { ExceljsWorkbookPort } from '../../src/ports/exceljs/exceljs-workbook';
import { readWorkbookContents, slideFormula } from '../../src/ports/xlsx/read-sheets';
import { generateTemplate } from '../../src/app/generate';
import { consolidateSheets } from '../../src/app/consolidate-sheets';
import { validateSheets } from '../../src/app/validate-sheets';
import { InputError } from '../../src/model/report-json';
import type { SheetData } from '../../src/model/sheet-data';
import { clerkLayout, toXlsx } from '../helpers/clerk-layouts';
import { seeded, validCells } from '../helpers/random-report';
import { readReports } from '../helpers/read-file';

const format = formats.forYear(2023)!;
const plan = canonicalPlan(format);

/** What reading submissions uses of a sheet. */
function essence(s: SheetData) {
  return { name: s.name, meta: s.meta, metaDropped: s.metaDropped, cells: [...s.cells], formulas: [...(s.formulas ?? [])], merges: s.merges, hiddenRows: s.hiddenRows };
}

async function viaExceljs(bytes: Uint8Array) {
  const port = await ExceljsWorkbookPort.fromBuffer(bytes, { readOnly: true });
  const sheets = await port.readSheets(await port.sheetNames());
  return { sheets: sheets.map(essence), formulasOverLimit: port.formulasOverLimit };
}

function viaLean(bytes: Uint8Array) {
  const r = readWorkbookContents(bytes);
  return { sheets: r.sheets.map(essence), formulasOverLimit: r.formulasOverLimit };
}

async function same(bytes: Uint8Array) {
  const lean = viaLean(bytes);
  expect(lean).toEqual(await viaExceljs(bytes));
  return lean;
}

const written = async (wb: ExcelJS.Workbook) => new Uint8Array(await wb.xlsx.writeBuffer());

test('clerks’ own layouts read the same, cell for cell', async () => {
  for (const seed of [1, 2, 3]) {
    const layout = clerkLayout(format, validCells(format, seeded(seed)), { office: `第${seed}县`, year: 2023 });
    const lean = await same(new Uint8Array(await toXlsx(layout)));
    expect(lean.sheets[0].cells.length).toBeGreaterThan(100);
  }
});

test('our sheets: a filled template, a validated one with marks, a formula summary and its overview', async () => {
  const port = ExceljsWorkbookPort.empty();
  for (const [office, seed] of [
    ['甲局', 1],
    ['乙局', 2],
  ] as const) {
    await generateTemplate(port, { office, year: 2023 });
    const ws = port.workbook.getWorksheet(`${office}2023年报`)!;
    const cells = validCells(format, seeded(seed));
    for (const c of format.cells) if (!format.totals.has(c.index)) ws.getCell(plan.addresses[c.id]).value = cells[c.id];
  }
  port.workbook.getWorksheet('甲局2023年报')!.getCell(plan.addresses['requests.new.natural']).value = '若干';
  await validateSheets(port, { sheets: ['甲局2023年报'] });
  expect((await consolidateSheets(port, { members: ['甲局2023年报', '乙局2023年报'], office: '某县', mode: 'formula' })).ok).toBe(true);
  const lean = await same(await port.toBuffer());
  expect(lean.sheets.map((s) => s.meta?.role ?? (s.meta ? 'report' : null))).toEqual(['report', 'report', 'report', 'overview', 'charts']);
  expect(lean.sheets[0].formulas.length).toBeGreaterThan(20);
});

test('formulas without results are computed, shared formulas moved, dates, booleans, errors, rich and inline text read as exceljs reads them', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('数据');
  ws.getCell('A1').value = 3;
  ws.getCell('A2').value = 4;
  ws.getCell('B1').value = { formula: 'A1*2' } as ExcelJS.CellFormulaValue; // not computed by us: * is not ours
  ws.getCell('B2').value = { formula: 'SUM(A1:A2)' } as ExcelJS.CellFormulaValue;
  ws.getCell('C1').value = { formula: 'A1+1', result: 0 } as ExcelJS.CellFormulaValue;
  ws.getCell('C1').value = { formula: 'A1+1', shareType: 'shared', ref: 'C1:C2', result: 4 } as unknown as ExcelJS.CellFormulaValue;
  ws.getCell('C2').value = { sharedFormula: 'C1' } as ExcelJS.CellSharedFormulaValue;
  ws.getCell('D1').value = new Date(Date.UTC(2024, 0, 31));
  ws.getCell('D2').value = true;
  ws.getCell('D3').value = { error: '#DIV/0!' } as ExcelJS.CellErrorValue;
  ws.getCell('E1').value = { richText: [{ text: '汤原' }, { text: '县', font: { bold: true } }] };
  ws.getCell('E2').value = { text: '链接', hyperlink: 'https://example.invalid/' };
  ws.mergeCells('F1:G2');
  ws.getCell('F1').value = '合并';
  ws.getRow(3).hidden = true;
  ws.getCell('A3').value = 'hidden';
  wb.addWorksheet('其他').getCell('A1').value = { formula: "'数据'!A1+'数据'!A2" } as ExcelJS.CellFormulaValue;
  const lean = await same(await written(wb));
  const cells = new Map(lean.sheets[0].cells);
  expect(cells.get('B2')).toBe(7);
  // C2 carries no result: computed from its moved formula, A2+1.
  expect(cells.get('C2')).toBe(5);
  expect(lean.sheets[0].formulas).toContainEqual(['C2', 'A2+1']);
  expect(cells.get('D1')).toBe('2024-01-31');
  expect(cells.get('E1')).toBe('汤原县');
  expect(lean.sheets[1].cells).toEqual([['A1', 7]]);

  // An inline string and a cell without a reference, which exceljs does not write.
  const parts = unzipSync(await written(wb));
  const sheet = new TextDecoder()
    .decode(parts['xl/worksheets/sheet2.xml'])
    .replace(/<sheetData>.*<\/sheetData>/, '<sheetData><row r="4"><c r="B4" t="inlineStr"><is><t>行内</t></is></c><c><v>5</v></c></row></sheetData>');
  parts['xl/worksheets/sheet2.xml'] = strToU8(sheet);
  const [, other] = readWorkbookContents(zipSync(parts)).sheets;
  expect([...other.cells]).toEqual([
    ['B4', '行内'],
    ['C4', 5],
  ]);
});

test('over the evaluation budget, both readers say so', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('链');
  for (let r = 1; r <= 400; r++) ws.getCell(r, 1).value = { formula: `A${r + 1}+1` } as ExcelJS.CellFormulaValue;
  ws.getCell(401, 1).value = 0;
  const lean = await same(await written(wb));
  expect(lean.formulasOverLimit).toBe(true);
});

test('shared formulas slide as exceljs slides them: relative parts move, absolute ones and functions stay', () => {
  expect(slideFormula('SUM(A1:B1)+$C$1+C$2+Sheet1!D3', [1, 5], [3, 6])).toBe('SUM(B3:C3)+$C$1+D$2+Sheet1!E5');
});

/** A workbook as openpyxl writes a chart: the drawing's elements in the default namespace. */
function withDefaultNamespaceDrawing(bytes: Uint8Array): Uint8Array {
  const parts = unzipSync(bytes);
  const drawing = `<?xml version="1.0" encoding="UTF-8"?><wsDr xmlns="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><oneCellAnchor><from><col>5</col><colOff>0</colOff><row>1</row><rowOff>0</rowOff></from><ext cx="4000000" cy="3000000"/><graphicFrame macro=""><nvGraphicFramePr><cNvPr id="1" name="Chart 1"/><cNvGraphicFramePr/></nvGraphicFramePr><xfrm/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></a:graphicData></a:graphic></graphicFrame><clientData/></oneCellAnchor></wsDr>`;
  parts['xl/drawings/drawing1.xml'] = strToU8(drawing);
  parts['xl/drawings/_rels/drawing1.xml.rels'] = strToU8(
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="/xl/charts/chart1.xml"/></Relationships>',
  );
  parts['xl/worksheets/_rels/sheet1.xml.rels'] = strToU8(
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="/xl/drawings/drawing1.xml"/></Relationships>',
  );
  const sheet = new TextDecoder().decode(parts['xl/worksheets/sheet1.xml']).replace('</worksheet>', '<drawing r:id="rId9"/></worksheet>');
  parts['xl/worksheets/sheet1.xml'] = strToU8(sheet);
  return zipSync(parts);
}

test('a drawing in the default namespace (as openpyxl writes charts) does not stop the reading', async () => {
  const layout = clerkLayout(format, validCells(format, seeded(5)), { office: '汤原县人民政府办公室', year: 2023 });
  const bytes = withDefaultNamespaceDrawing(new Uint8Array(await toXlsx(layout)));
  await expect(ExceljsWorkbookPort.fromBuffer(bytes, { readOnly: true })).rejects.toThrow();
  const read = await readReports('图表.xlsx', bytes, formats);
  expect(read.reports).toHaveLength(1);
  expect(read.reports[0].office).toBe('汤原县人民政府办公室');
});

test('a sheet that cannot be read is skipped and named; the others are read', async () => {
  const layout = clerkLayout(format, validCells(format, seeded(6)), { office: '汤原县人民政府办公室', year: 2023 });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await toXlsx(layout)) as unknown as ArrayBuffer);
  wb.addWorksheet('坏表').getCell('A1').value = 1;
  const parts = unzipSync(await written(wb));
  parts['xl/worksheets/sheet2.xml'] = strToU8('<?xml version="1.0"?><notAWorksheet/>');
  const read = await readReports('部分损坏.xlsx', zipSync(parts), formats);
  expect(read.reports).toHaveLength(1);
  expect(read.problems).toEqual(['工作表“坏表”无法读取（内容已损坏），已跳过']);
  delete parts['xl/worksheets/sheet1.xml'];
  delete parts['xl/worksheets/sheet2.xml'];
  expect(() => readWorkbookContents(zipSync(parts))).toThrow(InputError);
});
