/**
 * Formulas without stored results are computed once each per read, cycles are caught, and a
 * budget bounds the read: a crafted file can neither hang the reader nor become a number.
 */
import ExcelJS from 'exceljs';
import { ExceljsWorkbookPort, FormulaReader } from '../../src/ports/exceljs/exceljs-workbook';
import { UNCOMPUTED } from '../../src/model/uncomputed';

const f = (formula: string) => ({ formula }) as ExcelJS.CellFormulaValue;

test('a sum bomb (each row sums the row below) is computed once per cell: 26^30 from 30×26 formulas', async () => {
  const port = ExceljsWorkbookPort.empty();
  const ws = port.workbook.addWorksheet('计算');
  for (let r = 1; r <= 30; r++) for (let c = 1; c <= 26; c++) ws.getCell(r, c).value = f(`SUM(A${r + 1}:Z${r + 1})`);
  for (let c = 1; c <= 26; c++) ws.getCell(31, c).value = 1;
  const [sheet] = await port.readSheets(['计算']);
  expect(sheet.cells.get('A30')).toBe(26);
  expect(sheet.cells.get('B29')).toBe(26 * 26);
  expect(Math.abs((sheet.cells.get('A1') as number) / 26 ** 30 - 1)).toBeLessThan(1e-12);
});

test('a cycle, direct or through other cells or sheets, reads as 循环引用 at every cell on it', async () => {
  const port = ExceljsWorkbookPort.empty();
  const a = port.workbook.addWorksheet('甲');
  const b = port.workbook.addWorksheet('乙');
  a.getCell('A1').value = f('A1');
  a.getCell('B1').value = f('C1+1');
  a.getCell('C1').value = f("'乙'!A1");
  b.getCell('A1').value = f("'甲'!B1");
  a.getCell('D1').value = f('SUM(E1:F1)');
  a.getCell('E1').value = 2;
  a.getCell('F1').value = 3;
  const [sa, sb] = await port.readSheets(['甲', '乙']);
  expect([sa.cells.get('A1'), sa.cells.get('B1'), sa.cells.get('C1'), sb.cells.get('A1')]).toEqual(Array(4).fill(UNCOMPUTED.cycle));
  expect(sa.cells.get('D1')).toBe(5);
});

test('over the budget the remaining formulas are not computed, and the rest of the sheet is still read', () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('链');
  for (let r = 1; r <= 50; r++) ws.getCell(r, 1).value = f(`A${r + 1}+1`);
  ws.getCell(51, 1).value = 0;
  ws.getCell(1, 2).value = '说明';
  const reader = new FormulaReader(10);
  expect(reader.content(ws, ws.getCell('A1'))).toBe(UNCOMPUTED.budget);
  expect(reader.exhausted).toBe(true);
  expect(reader.content(ws, ws.getCell('B1'))).toBe('说明');
  expect(new FormulaReader(100).content(ws, ws.getCell('A1'))).toBe(50);
});

test('a formula outside what is computed reads as 公式未计算, never as its source', async () => {
  const port = ExceljsWorkbookPort.empty();
  const ws = port.workbook.addWorksheet('表');
  ws.getCell('A1').value = f('VLOOKUP(B1,C1:D9,2,FALSE)');
  const [sheet] = await port.readSheets(['表']);
  expect(sheet.cells.get('A1')).toBe(UNCOMPUTED.unsupported);
});
