/** Shared set-up for the WPS adapter tests and the call benchmark. */
import { formats } from '../../src/formats';
import { canonicalPlan } from '../../src/layout/sheet-report';
import { WpsWorkbookPort } from '../../src/ports/wps/wps-workbook';
import { FULL, type WpsCapabilities } from '../../src/ports/wps/capabilities';
import type { EtApplicationLike } from '../../src/ports/wps/et';
import { generateTemplate } from '../../src/app/generate';
import { seeded, validCells } from '../helpers/random-report';
import { FakeEt, type LackableMember } from './fake-et';

export function wpsHost(options: { caps?: WpsCapabilities; lacks?: LackableMember[] } = {}) {
  const et = new FakeEt({ lacks: options.lacks });
  const port = new WpsWorkbookPort(et.app as unknown as EtApplicationLike, options.caps ?? FULL);
  return { et, port };
}

/** Types values into a report sheet's input cells, as a clerk would in WPS (formulas left alone). */
export function typeValues(et: FakeEt, sheet: string, year: number, seed: number, change: Record<string, number | string> = {}) {
  const format = formats.forYear(year)!;
  const plan = canonicalPlan(format);
  const cells: Record<string, number | string> = { ...validCells(format, seeded(seed)), ...change };
  const formulas = new Set(plan.cells.filter((c) => c.formula).map((c) => c.cellId));
  const s = et.sheet(sheet);
  for (const c of format.cells) {
    if (formulas.has(c.id) && !(c.id in change)) continue;
    const cell = s.cell(plan.addresses[c.id]);
    cell.formula = null;
    cell.value = cells[c.id] === '' ? undefined : cells[c.id];
  }
  return { plan, cells };
}

export async function workbookOfReports(n: number, year = 2023, fill = true) {
  const host = wpsHost();
  for (let i = 0; i < n; i++) {
    const r = await generateTemplate(host.port, { office: `第${i + 1}单位`, year });
    if (!r.ok) throw new Error('generate failed');
    if (fill) typeValues(host.et, r.name, year, i, i % 2 ? { 'requests.total.legal': 99 } : {});
  }
  return host;
}
