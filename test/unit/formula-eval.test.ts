/**
 * Formulas without stored results are computed once each per read, cycles are caught, and a
 * budget and a depth bound the read: a crafted file can neither hang the reader nor become a number.
 */
import ExcelJS from 'exceljs';
import { address } from '../../src/layout/a1';
import { ExceljsWorkbookPort, FormulaReader } from '../../src/ports/exceljs/exceljs-workbook';
import { evaluateSimpleFormula, FormulaEvaluator, type FormulaSource } from '../../src/ports/exceljs/formula';
import { UNCOMPUTED } from '../../src/model/uncomputed';

const f = (formula: string) => ({ formula }) as ExcelJS.CellFormulaValue;

/** An evaluator over plain maps of cells by sheet, with a spy counting each lookup. */
function evaluator(sheets: Record<string, Record<string, FormulaSource>>, limits = {}) {
  const lookups = new Map<string, number>();
  const ev = new FormulaEvaluator((sheet, addr) => {
    const key = `${sheet}!${addr}`;
    lookups.set(key, (lookups.get(key) ?? 0) + 1);
    const cells = sheets[sheet];
    return cells ? (cells[addr] ?? null) : undefined;
  }, limits);
  const value = (sheet: string, addr: string) => {
    const c = sheets[sheet][addr];
    return c !== null && typeof c === 'object' ? ev.compute(sheet, addr, c.formula) : c;
  };
  return { ev, lookups, value };
}

/** 30 rows, each cell summing the whole row below: 26^30 paths without a memo. */
function bomb(rows = 30, bottom = 1): Record<string, FormulaSource> {
  const cells: Record<string, FormulaSource> = {};
  for (let r = 1; r <= rows; r++) for (let c = 1; c <= 26; c++) cells[address(r, c)] = { formula: `SUM(A${r + 1}:Z${r + 1})` };
  for (let c = 1; c <= 26; c++) cells[address(rows + 1, c)] = bottom;
  return cells;
}

test('memo: each formula cell is looked up and computed once per read, however many cells refer to it', () => {
  const { ev, lookups, value } = evaluator({ 计算: bomb() });
  expect(value('计算', 'A30')).toBe(26);
  expect(value('计算', 'B29')).toBe(26 * 26);
  expect(Math.abs((value('计算', 'A1') as number) / 26 ** 30 - 1)).toBeLessThan(1e-12);
  // Every formula cell of rows 2–30 fetched once, except those already computed when asked for directly.
  for (let r = 2; r <= 30; r++)
    for (let c = 1; c <= 26; c++) {
      const a = address(r, c);
      expect([a, lookups.get(`计算!${a}`)]).toEqual([a, a === 'A30' || a === 'B29' ? undefined : 1]);
    }
  // The plain bottom row is read once per reference: 26 cells of row 30 × 26 references.
  expect(lookups.get('计算!A31')).toBe(26);
  // 755 formulas computed (of row 1 only A1 is needed), each following 26 references.
  expect(ev.spent).toBe(755 * 27);
  expect(ev.overLimit).toBe(false);
  // Asked again: nothing more is spent.
  value('计算', 'A1');
  expect(ev.spent).toBe(755 * 27);
});

test('sums of ordinary formulas are unchanged: ranges, + and −, brackets, other sheets, blanks as 0', () => {
  const { value } = evaluator({
    表一: {
      B2: 3,
      C2: 4,
      D2: null,
      E2: { formula: 'SUM(B2:D2)' },
      F2: { formula: 'E2-B2+(C2-1)' },
      G2: { formula: "'表 二'!A1+SUM($B$2:C2,E2)" },
      H2: { formula: '-B2+-(-C2)' },
      I2: { formula: 'SUM(B2,C2,10.5)' },
    },
    '表 二': { A1: { formula: 'SUM(B1:B3)' }, B1: 1, B2: 2, B3: { formula: "'表一'!B2" } },
  });
  expect(value('表一', 'E2')).toBe(7);
  expect(value('表一', 'F2')).toBe(7);
  expect(value('表 二', 'A1')).toBe(6);
  expect(value('表一', 'G2')).toBe(6 + 7 + 7);
  expect(value('表一', 'H2')).toBe(1);
  expect(value('表一', 'I2')).toBe(17.5);
  expect(evaluateSimpleFormula('=SUM(A1:B1)+C1', (a) => ({ A1: 1, B1: 2, C1: null })[a])).toBe(3);
});

test('cycles: direct, indirect and across sheets read as 循环引用 at every cell on them; a cell beside them is still computed', () => {
  const { value, ev } = evaluator({
    甲: { A1: { formula: 'A1' }, B1: { formula: 'C1+1' }, C1: { formula: "'乙'!A1" }, D1: { formula: 'SUM(E1:F1)' }, E1: 2, F1: 3, G1: { formula: 'B1+E1' } },
    乙: { A1: { formula: "'甲'!B1" } },
  });
  expect(value('甲', 'A1')).toBe(UNCOMPUTED.cycle);
  expect([value('甲', 'B1'), value('甲', 'C1'), value('乙', 'A1')]).toEqual(Array(3).fill(UNCOMPUTED.cycle));
  // Depending on a cycle is not computed either.
  expect(value('甲', 'G1')).toBe(UNCOMPUTED.cycle);
  expect(value('甲', 'D1')).toBe(5);
  expect(ev.overLimit).toBe(false);
});

test('budget: past it the remaining formulas read as 公式计算超出限制, flagged, and nothing is ever 0', () => {
  const chain: Record<string, FormulaSource> = { B1: '说明' };
  for (let r = 1; r <= 50; r++) chain[`A${r}`] = { formula: `A${r + 1}+1` };
  chain.A51 = 0;
  const small = evaluator({ 链: chain }, { evaluations: 10 });
  expect(small.value('链', 'A1')).toBe(UNCOMPUTED.budget);
  expect(small.value('链', 'A40')).toBe(UNCOMPUTED.budget);
  expect(small.ev.overLimit).toBe(true);
  expect(small.ev.spent).toBeLessThanOrEqual(12);
  expect(evaluator({ 链: chain }, { evaluations: 100 }).value('链', 'A1')).toBe(50);
  // A fan over the whole grid stops at the budget: the range is never built.
  const fan = evaluator({ 宽: { A1: { formula: 'SUM(B1:XFD1048576)' } } }, { evaluations: 1000 });
  expect(fan.value('宽', 'A1')).toBe(UNCOMPUTED.budget);
  expect(fan.ev.spent).toBe(1001);
});

test('depth: a chain longer than the depth bound reads as 公式计算超出限制, never a stack overflow', () => {
  const chain: Record<string, FormulaSource> = { A5001: 1 };
  for (let r = 1; r <= 5000; r++) chain[`A${r}`] = { formula: `A${r + 1}+1` };
  const { value, ev } = evaluator({ 链: chain }, { depth: 200 });
  expect(value('链', 'A1')).toBe(UNCOMPUTED.budget);
  expect(ev.overLimit).toBe(true);
  expect(evaluator({ 链: chain }, { depth: 200 }).value('链', 'A4900')).toBe(102);
});

test('formulas outside what is computed read as 公式未计算: unknown functions, text operands, missing sheets, deep nesting', () => {
  const { value } = evaluator({
    表: {
      A1: { formula: 'VLOOKUP(B1,C1:D9,2,FALSE)' },
      A2: { formula: 'B2+1' },
      B2: '若干',
      A3: { formula: "'无此表'!A1" },
      A4: { formula: `${'('.repeat(100000)}1${')'.repeat(100000)}` },
      A5: { formula: `${'-'.repeat(100000)}1` },
    },
  });
  for (const a of ['A1', 'A2', 'A3', 'A4', 'A5']) expect([a, value('表', a)]).toEqual([a, UNCOMPUTED.unsupported]);
});

test('in a workbook: one evaluator per read, sheet names matched ignoring case, no cell created by a reference', async () => {
  const port = ExceljsWorkbookPort.empty();
  const ws = port.workbook.addWorksheet('计算');
  for (let r = 1; r <= 30; r++) for (let c = 1; c <= 26; c++) ws.getCell(r, c).value = f(`SUM(A${r + 1}:Z${r + 1})`);
  for (let c = 1; c <= 26; c++) ws.getCell(31, c).value = 1;
  const other = port.workbook.addWorksheet('Sheet2');
  other.getCell('A1').value = f("'计算'!A30+'sheet2'!B1+SUM('计算'!AA1:AZ1000)");
  other.getCell('B1').value = 4;
  other.getCell('D1').value = f('C1');
  other.getCell('C1').value = f('D1');
  other.getCell('E1').value = f('SUM(ZZZ1:ZZZ2)');
  const [calc, two] = await port.readSheets(['计算', 'Sheet2']);
  expect(calc.cells.get('A30')).toBe(26);
  expect(two.cells.get('A1')).toBe(30);
  expect([two.cells.get('C1'), two.cells.get('D1')]).toEqual([UNCOMPUTED.cycle, UNCOMPUTED.cycle]);
  // Beyond Excel's last column: not a reference.
  expect(two.cells.get('E1')).toBe(UNCOMPUTED.unsupported);
  expect([ws.findRow(1000), ws.findCell(1, 27)]).toEqual([undefined, undefined]);
  expect(port.formulasOverLimit).toBe(false);
  const reader = new FormulaReader({ evaluations: 5 });
  expect(reader.content(ws, ws.getCell('A1'))).toBe(UNCOMPUTED.budget);
  expect(reader.overLimit).toBe(true);
});

test('a formula without a stored result never reads as its source text', async () => {
  const port = ExceljsWorkbookPort.empty();
  const ws = port.workbook.addWorksheet('表');
  ws.getCell('A1').value = f('VLOOKUP(B1,C1:D9,2,FALSE)');
  ws.getCell('A2').value = { formula: 'B2', result: 7 } as ExcelJS.CellFormulaValue;
  const [sheet] = await port.readSheets(['表']);
  expect(sheet.cells.get('A1')).toBe(UNCOMPUTED.unsupported);
  expect(sheet.cells.get('A2')).toBe(7);
});
