/**
 * Where each value was read is kept as data (source, sheet, address, page), never parsed back
 * out of a display string: sheet names holding 「!」 or quotes change nothing.
 */
import { consolidateSheets } from '../../src/app/consolidate-sheets';
import { drillDown } from '../../src/app/drill-down';
import { foreignSheetResults } from '../../src/app/validate-sheets';
import { formats } from '../../src/formats';
import { address } from '../../src/layout/a1';
import { buildSheetPlan } from '../../src/layout/sheet-plan';
import { originText } from '../../src/model/report';
import type { SheetData } from '../../src/model/sheet-data';
import { readCell } from '../../src/model/values';
import { ExceljsWorkbookPort } from '../../src/ports/exceljs/exceljs-workbook';
import { recognize } from '../../src/import/recognize/index';
import { gridFromSheet } from '../../src/import/sheet-grid';
import { seeded, validCells } from '../helpers/random-report';

const format = formats.forYear(2023)!;
const NAMES = ['甲局!2023', "乙局's 报表", "丙局!'表'!"];

function memberPlan(office: string, seed: number, name: string) {
  const cells = validCells(format, seeded(seed));
  return { cells, plan: buildSheetPlan(format, { office, year: 2023, name, readings: format.cells.map((c) => readCell(cells[c.id], c.kind)) }) };
}

test('drill-down names each member cell by its address, whatever the sheet is called', async () => {
  const port = ExceljsWorkbookPort.empty();
  const members = NAMES.map((name, i) => ({ office: `单位${i}`, ...memberPlan(`单位${i}`, 70 + i, name) }));
  for (const m of members) await port.writeSheet(m.plan);
  const result = await consolidateSheets(port, { members: NAMES, office: '某县' });
  expect(result.ok).toBe(true);
  for (const id of ['requests.new.total', 'proactive.fees.amount', 'appeals.suit_direct.other']) {
    const at = members[0].plan.addresses[id];
    const d = await drillDown(port, { sheet: result.summarySheet!, address: at });
    expect(d.cellId).toBe(id);
    expect(d.parts).toEqual(members.map((m) => ({ sheet: m.plan.name, office: m.office, address: at, value: m.cells[id] })));
  }
});

/** A sheet as a clerk might keep it: our layout's labels and values, without our metadata. */
function clerkSheet(name: string): { sheet: SheetData; plan: ReturnType<typeof buildSheetPlan> } {
  const { plan } = memberPlan('某县人民政府办公室', 9, name);
  const cells = new Map<string, string | number>();
  for (const c of plan.cells) if (c.style !== 'meta' && c.value !== undefined && c.value !== null) cells.set(address(c.row, c.col), c.value);
  const merges = plan.merges.map((m) => `${address(m.top, m.left)}:${address(m.bottom, m.right)}`);
  return { sheet: { name, meta: null, cells, notes: new Map(), fills: new Map(), merges }, plan };
}

test('a sheet read by its labels keeps source, sheet and address apart', () => {
  const name = "县局!表'三";
  const { sheet, plan } = clerkSheet(name);
  const { reports } = recognize(gridFromSheet(sheet, `报送.xlsx#${name}`), { registry: formats, year: 2023 });
  expect(reports).toHaveLength(1);
  const origin = reports[0].provenance!['requests.denied.secret.natural'];
  expect(origin).toEqual({ source: `报送.xlsx#${name}`, sheet: name, address: plan.addresses['requests.denied.secret.natural'] });
  expect(originText(origin)).toBe(`报送.xlsx#${name}!${plan.addresses['requests.denied.secret.natural']}`);
});

test('validating a clerk sheet in place finds every cell at its address', () => {
  const { sheet, plan } = clerkSheet("某局!'表'");
  const [result] = foreignSheetResults(sheet);
  expect(result.report).toBeDefined();
  for (const c of format.cells) expect([c.id, result.addresses[c.id]]).toEqual([c.id, plan.addresses[c.id]]);
});

test('a hidden row is flagged in the origin, not in its address', () => {
  const { sheet, plan } = clerkSheet('隐藏行');
  const at = plan.addresses['requests.rejected.repeat.total'];
  const row = Number(at.replace(/^[A-Z]+/, ''));
  const { reports } = recognize(gridFromSheet({ ...sheet, hiddenRows: [row] }, 'x.xlsx'), { registry: formats, year: 2023 });
  const origin = reports[0].provenance!['requests.rejected.repeat.total'];
  expect(origin).toEqual({ source: 'x.xlsx', sheet: '隐藏行', address: at, hidden: true });
  expect(originText(origin)).toBe(`x.xlsx!${at}（隐藏行）`);
});
