/** 空白一律填 0 writes 0 into blank input cells only: never a total, never a cell holding anything. */
import { formats } from '../../src/formats';
import { ExceljsWorkbookPort } from '../../src/ports/exceljs/exceljs-workbook';
import { generateTemplate } from '../../src/app/generate';
import { validateSheets } from '../../src/app/validate-sheets';
import { UserError } from '../../src/model/user-error';
import { blankInputCells, fillBlanksWithZero } from '../../src/app/fill-blanks';
import { canonicalPlan } from '../../src/layout/sheet-report';

const SHEET = '某县人民政府办公室2024年报';

async function template() {
  const port = ExceljsWorkbookPort.empty();
  await generateTemplate(port, { office: '某县人民政府办公室', year: 2024 });
  return port;
}

test('only blank input cells get 0; totals, text, typed figures and overwritten totals are left alone', async () => {
  const port = await template();
  const format = formats.forYear(2024)!;
  const A = canonicalPlan(format).addresses;
  const ws = port.workbook.getWorksheet(SHEET)!;
  ws.getCell(A['requests.new.natural']).value = 7;
  ws.getCell(A['requests.new.business']).value = '若干';
  ws.getCell(A['requests.new.research']).value = ' ';
  // A total typed over its formula is a total all the same.
  ws.getCell(A['requests.total.legal']).value = 5;
  const totalIds = [...format.totals.keys()].map((i) => format.cells[i].id);
  const formulaBefore = ws.getCell(A['requests.new.total']).formula;

  const n = await fillBlanksWithZero(port, SHEET);

  expect(n).toBe(format.cells.length - totalIds.length - 3);
  expect(ws.getCell(A['requests.new.natural']).value).toBe(7);
  expect(ws.getCell(A['requests.new.business']).value).toBe('若干');
  expect(ws.getCell(A['requests.new.research']).value).toBe(' ');
  expect(ws.getCell(A['requests.total.legal']).value).toBe(5);
  expect(ws.getCell(A['requests.new.total']).formula).toBe(formulaBefore);
  for (const id of totalIds.filter((t) => t !== 'requests.total.legal')) expect({ id, formula: !!ws.getCell(A[id]).formula }).toEqual({ id, formula: true });
  const filled = format.cells.filter((c) => !totalIds.includes(c.id) && !['requests.new.natural', 'requests.new.business', 'requests.new.research'].includes(c.id));
  for (const c of filled) expect({ id: c.id, value: ws.getCell(A[c.id]).value }).toEqual({ id: c.id, value: 0 });

  // Afterwards no cell is blank; the text and the space remain the clerk's to correct.
  const [r] = await validateSheets(port, { sheets: [SHEET], paint: false });
  expect(r.findings.filter((f) => f.rule === 'cell.blank').map((f) => f.cells[0])).toEqual(['requests.new.research']);
  expect(r.findings.some((f) => f.rule === 'cell.not_number' && f.cells[0] === 'requests.new.business')).toBe(true);
  expect((await blankInputCells(port, SHEET)).cells).toEqual([]);
  expect(await fillBlanksWithZero(port, SHEET)).toBe(0);
});

test('a blank template: every input cell is filled and validation then finds no blank', async () => {
  const port = await template();
  const format = formats.forYear(2024)!;
  const before = await validateSheets(port, { sheets: [SHEET], paint: false });
  const blanks = before[0].findings.filter((f) => f.rule === 'cell.blank').length;
  expect(await fillBlanksWithZero(port, SHEET)).toBe(format.cells.length - format.totals.size);
  expect(blanks).toBe(format.cells.length - format.totals.size);
  const [after] = await validateSheets(port, { sheets: [SHEET], paint: false });
  expect(after.findings.filter((f) => f.rule === 'cell.blank')).toEqual([]);
});

test('a sheet that is not ours is refused, unchanged', async () => {
  const port = ExceljsWorkbookPort.empty();
  const ws = port.workbook.addWorksheet('自制表');
  ws.getCell('A1').value = '本年新收政府信息公开申请数量';
  await expect(fillBlanksWithZero(port, '自制表')).rejects.toBeInstanceOf(UserError);
  expect(ws.getCell('B1').value).toBeNull();
});
