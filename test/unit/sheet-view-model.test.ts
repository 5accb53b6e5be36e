/** The web page's grid model, and validation of a sheet held in memory as the clerk types. */
import { formats } from '../../src/formats';
import { ExceljsWorkbookPort } from '../../src/ports/exceljs/exceljs-workbook';
import { generateTemplate } from '../../src/app/generate';
import { consolidateSheets } from '../../src/app/consolidate-sheets';
import { typedValue, validateInMemory, withCell } from '../../src/app/live-sheet';
import { buildGridModel, MAX_VIEW_ROWS, nextEditable } from '../../src/taskpane/sheet-view-model';
import { canonicalPlan } from '../../src/layout/sheet-report';
import { GRID_COLUMNS } from '../../src/layout/sheet-plan';
import type { SheetData } from '../../src/model/sheet-data';
import { seeded, validCells } from '../helpers/random-report';

const format = formats.forYear(2023)!;
const plan = canonicalPlan(format);
const A = plan.addresses;
const totals = new Set([...format.totals.keys()].map((i) => format.cells[i].id));

async function sheetWith(values: Record<string, number | string>, office = '某县人民政府办公室') {
  const port = ExceljsWorkbookPort.empty();
  await generateTemplate(port, { office, year: 2023 });
  const name = `${office}2023年报`;
  await port.setValues(name, Object.fromEntries(Object.entries(values).map(([id, v]) => [A[id], v])));
  const [sheet] = await port.readSheets([name]);
  return { port, sheet, name };
}

const cellsOf = (m: ReturnType<typeof buildGridModel>) => m.rows.flatMap((r) => r.cells);

test('our sheet: every cell id once, inputs editable, totals computed and read-only, merges from the plan', async () => {
  const valid = validCells(format, seeded(5));
  const inputs = Object.fromEntries(format.cells.filter((c) => !totals.has(c.id)).map((c) => [c.id, valid[c.id]]));
  const { sheet } = await sheetWith(inputs);
  const model = buildGridModel(sheet);
  const cells = cellsOf(model);
  const ids = cells.filter((c) => c.cellId).map((c) => c.cellId);
  expect(ids.sort()).toEqual(format.cells.map((c) => c.id).sort());
  for (const c of cells.filter((x) => x.cellId)) {
    expect({ id: c.cellId, editable: c.editable, kind: c.kind }).toEqual({ id: c.cellId, editable: !totals.has(c.cellId!), kind: totals.has(c.cellId!) ? 'total' : 'input' });
    // Totals show the sum of their parts (the figures were generated consistent).
    expect({ id: c.cellId, text: c.text }).toEqual({ id: c.cellId, text: String(valid[c.cellId!]) });
  }
  // The title spans the grid; covered cells are not drawn; no mark before validation.
  expect(cells.find((c) => c.address === 'A1')).toMatchObject({ colSpan: GRID_COLUMNS, kind: 'title' });
  const drawn = cells.reduce((n, c) => n + c.rowSpan * c.colSpan, 0);
  expect(drawn).toBe(plan.lastRow * GRID_COLUMNS);
  expect(model.invalid).toEqual([]);
  expect(cells.some((c) => c.mark)).toBe(false);
});

test('typing in memory: totals follow, findings follow, the original sheet is untouched', async () => {
  const valid = validCells(format, seeded(6));
  const inputs = Object.fromEntries(format.cells.filter((c) => !totals.has(c.id)).map((c) => [c.id, valid[c.id]]));
  const { sheet } = await sheetWith(inputs);
  expect(validateInMemory(sheet)!.findings.filter((f) => f.severity === 'error')).toEqual([]);

  const wrong = withCell(sheet, A['requests.new.natural'], typedValue(String(valid['requests.new.natural'] + 3)));
  expect(sheet.cells.get(A['requests.new.natural'])).toBe(valid['requests.new.natural']);
  const result = validateInMemory(wrong)!;
  const errors = result.findings.filter((f) => f.severity === 'error');
  expect(errors.map((f) => f.rule)).toContain('requests.balance');
  const model = buildGridModel(wrong, result);
  const total = cellsOf(model).find((c) => c.cellId === 'requests.new.total')!;
  expect(total.text).toBe(String(valid['requests.new.total'] + 3));
  expect(model.invalid.length).toBeGreaterThan(0);
  const marked = cellsOf(model).filter((c) => c.mark === 'error');
  expect(marked.every((c) => c.note?.startsWith('【错误】') || c.note === undefined)).toBe(true);
  expect(marked.some((c) => c.note?.includes('【错误】'))).toBe(true);

  // Text is kept as typed and read by the value reader: never a 0.
  const text = withCell(sheet, A['requests.new.natural'], typedValue('若干'));
  const r2 = validateInMemory(text)!;
  expect(r2.findings.filter((f) => f.severity === 'error').map((f) => [f.rule, f.cells[0]])).toEqual([['cell.not_number', 'requests.new.natural']]);
  const m2 = buildGridModel(text, r2);
  expect(m2.invalid).toEqual(['requests.new.natural']);
  expect(cellsOf(m2).find((c) => c.cellId === 'requests.new.total')!.text).toBe('（依赖的单元格无法读取）');
});

test('typedValue stores what a spreadsheet stores', () => {
  expect(typedValue('12')).toBe(12);
  expect(typedValue(' 3.5 ')).toBe(3.5);
  expect(typedValue('-2')).toBe(-2);
  expect(typedValue('')).toBeNull();
  expect(typedValue('  ')).toBeNull();
  expect(typedValue('１２')).toBe('１２');
  expect(typedValue('12件')).toBe('12件');
  expect(typedValue('1,200')).toBe('1,200');
});

test('Enter moves to the next input cell in the column, skipping totals', async () => {
  const { sheet } = await sheetWith({});
  const model = buildGridModel(sheet);
  const next = nextEditable(model, A['requests.new.natural'], 1)!;
  const below = cellsOf(model).find((c) => c.address === next)!;
  expect(below.editable).toBe(true);
  expect(below.col).toBe(cellsOf(model).find((c) => c.cellId === 'requests.new.natural')!.col);
  const column = cellsOf(model).filter((c) => c.editable && c.col === below.col);
  expect(nextEditable(model, column[column.length - 1].address, 1)).toBeUndefined();
  expect(nextEditable(model, next, -1)).toBe(A['requests.new.natural']);
});

/** Two empty members' sheets consolidated in a workbook in memory. */
async function twoMemberSummary() {
  const port = ExceljsWorkbookPort.empty();
  const names: string[] = [];
  for (const office of ['甲局', '乙局']) {
    await generateTemplate(port, { office, year: 2023 });
    names.push(`${office}2023年报`);
  }
  const r = await consolidateSheets(port, { members: names, office: '某县', mode: 'formula' });
  expect(r.ok).toBe(true);
  return { port, r };
}

test('a summary is read-only: its figures come from its members', async () => {
  const { port, r } = await twoMemberSummary();
  const [summary] = await port.readSheets([r.summarySheet!]);
  const cells = cellsOf(buildGridModel(summary));
  expect(cells.filter((c) => c.cellId).length).toBe(format.cells.length);
  expect(cells.some((c) => c.editable)).toBe(false);
});

test('a foreign sheet: shown as found, merges kept, hidden rows left out, large sheets cut with a note', () => {
  const sheet: SheetData = {
    name: '自制表',
    meta: null,
    cells: new Map<string, string | number>([
      ['A1', '标题'],
      ['A2', '本年新收'],
      ['B2', 3],
      ['A3', '隐藏'],
      [`A${MAX_VIEW_ROWS + 10}`, '很远'],
    ]),
    notes: new Map([['B2', '原批注']]),
    fills: new Map([['B2', 'FFFF00']]),
    merges: ['A1:C1'],
    hiddenRows: [3],
  };
  const model = buildGridModel(sheet);
  const cells = cellsOf(model);
  expect(model.own).toBe(false);
  expect(cells.find((c) => c.address === 'A1')).toMatchObject({ colSpan: 3, text: '标题' });
  expect(cells.find((c) => c.address === 'B1')).toBeUndefined();
  expect(cells.find((c) => c.address === 'B2')).toMatchObject({ text: '3', numeric: true, note: '原批注', fill: 'FFFF00', editable: false });
  expect(cells.find((c) => c.address === 'A3')).toBeUndefined();
  expect(model.rows.length).toBe(MAX_VIEW_ROWS - 1);
  expect(model.truncated).toContain(`前 ${MAX_VIEW_ROWS} 行`);
});

test('a sheet of ours shown as found (the overview) leaves out its hidden record of what it is', async () => {
  const { port } = await twoMemberSummary();
  const overview = (await port.listSheets()).find((s) => s.meta?.role === 'overview')!;
  const [sheet] = await port.readSheets([overview.name]);
  // The record sits in the hidden column P, first row.
  expect(String(sheet.cells.get('P1'))).toContain('nianbao');
  const model = buildGridModel(sheet);
  const cells = cellsOf(model);
  expect(model.own).toBe(false);
  expect(cells.some((c) => c.text.includes('nianbao'))).toBe(false);
  // Column P is hidden in the file, and left out here: no cell of it, one column fewer than the sheet's extent.
  expect(cells.some((c) => c.col === 16)).toBe(false);
  expect(model.columns).toBe(Math.max(...cells.map((c) => c.col + c.colSpan - 1)) - 1);
  // What the overview shows is still there: the members by name.
  for (const office of ['甲局', '乙局']) expect(cells.some((c) => c.text.includes(office))).toBe(true);
});
