/**
 * Templates written by `nianbao template`, filled the way a clerk would (values
 * in the input cells only), read back by `nianbao validate`; and the same file
 * recalculated and rendered by LibreOffice.
 */
import ExcelJS from 'exceljs';
import { execFileSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { formats } from '../../src/formats';
import { canonicalPlan } from '../../src/layout/sheet-report';
import { nianbao } from '../helpers/cli';
import { seeded, validCells } from '../helpers/random-report';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-tpl-'));
const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p)) ?? 'soffice';

async function fillTemplate(year: number, seed: number) {
  const file = join(dir, `t${year}.xlsx`);
  const made = nianbao(['template', '--year', String(year), '--office', '汤原县人民政府办公室', '--out', file]);
  expect(made.code).toBe(0);
  const format = formats.forYear(year)!;
  const plan = canonicalPlan(format);
  const cells = validCells(format, seeded(seed));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0];
  const formulaCells = new Set(plan.cells.filter((c) => c.formula).map((c) => c.cellId));
  expect(formulaCells.size).toBeGreaterThan(30);
  for (const c of format.cells) {
    const cell = ws.getCell(plan.addresses[c.id]);
    if (formulaCells.has(c.id)) expect(cell.formula).toBeTruthy();
    else cell.value = cells[c.id];
  }
  const filled = join(dir, `filled${year}.xlsx`);
  await wb.xlsx.writeFile(filled);
  return { file, filled, cells, format, plan };
}

describe.each([2020, 2023])('template %i', (year) => {
  test('filled and read back, every cell id round-trips and the totals compute', async () => {
    const { filled, cells, format } = await fillTemplate(year, year);
    const r = nianbao(['validate', filled, '--json']);
    expect(r.stderr).toBe('');
    const rep = JSON.parse(r.stdout).reports[0];
    expect(rep.format).toBe(format.id);
    expect(rep.office).toBe('汤原县人民政府办公室');
    expect(rep.year).toBe(year);
    expect(rep.cells).toEqual(cells);
    expect(rep.findings).toEqual([]);
    expect(r.code).toBe(0);
  });

  test('LibreOffice computes the same totals from the live formulas', async () => {
    const { filled, cells, plan, format } = await fillTemplate(year, year + 1);
    const out = join(dir, `lo${year}`);
    execFileSync(soffice, ['--headless', '--calc', '--convert-to', 'xlsx', '--outdir', out, filled], { timeout: 120000 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, `filled${year}.xlsx`));
    const ws = wb.worksheets[0];
    let checked = 0;
    for (const c of plan.cells.filter((x) => x.formula)) {
      const cell = ws.getCell(plan.addresses[c.cellId!]);
      expect(cell.formula).toBeTruthy();
      const result = cell.result;
      expect({ id: c.cellId, value: result }).toEqual({ id: c.cellId, value: cells[c.cellId!] });
      checked++;
    }
    expect(checked).toBe(format.relations.filter((r) => r.formula).length - 1);
  });

  test('renders to PDF with LibreOffice', () => {
    const file = join(dir, `pdf${year}.xlsx`);
    nianbao(['template', '--year', String(year), '--office', '汤原县人民政府办公室', '--out', file]);
    execFileSync(soffice, ['--headless', '--convert-to', 'pdf', '--outdir', dir, file], { timeout: 120000 });
    const pdf = join(dir, `pdf${year}.pdf`);
    expect(statSync(pdf).size).toBeGreaterThan(10000);
    const text = readFileSync(pdf, 'latin1');
    expect((text.match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThanOrEqual(1);
  });
});
