/** Shared set-up for the Office adapter tests and the sync benchmark. */
import { formats } from '../../src/formats';
import { canonicalPlan } from '../../src/layout/sheet-report';
import { OfficeWorkbookPort } from '../../src/ports/office/office-workbook';
import { FLOOR, type OfficeCapabilities } from '../../src/ports/office/capabilities';
import { generateTemplate } from '../../src/app/generate';
import { seeded, validCells } from '../helpers/random-report';
import { FakeExcel } from './fake-excel';

export function officeHost(caps: OfficeCapabilities = FLOOR) {
  const excel = new FakeExcel();
  const port = new OfficeWorkbookPort(excel.run, caps);
  return { excel, port };
}

/** Types values into a report sheet's input cells, as a clerk would (formulas left alone). */
export function typeValues(excel: FakeExcel, sheet: string, year: number, seed: number, change: Record<string, number | string> = {}) {
  const format = formats.forYear(year)!;
  const plan = canonicalPlan(format);
  const cells: Record<string, number | string> = { ...validCells(format, seeded(seed)), ...change };
  const formulas = new Set(plan.cells.filter((c) => c.formula).map((c) => c.cellId));
  const s = excel.sheet(sheet);
  for (const c of format.cells) {
    if (formulas.has(c.id) && !(c.id in change)) continue;
    const cell = s.cell(plan.addresses[c.id]);
    cell.formula = null;
    cell.value = cells[c.id];
  }
  return { plan, cells };
}

export async function workbookOfReports(n: number, year = 2023) {
  const host = officeHost();
  for (let i = 0; i < n; i++) {
    const r = await generateTemplate(host.port, { office: `第${i + 1}单位`, year });
    if (!r.ok) throw new Error('generate failed');
    typeValues(host.excel, r.name, year, i, i % 2 ? { 'requests.total.legal': 99 } : {});
  }
  return host;
}
