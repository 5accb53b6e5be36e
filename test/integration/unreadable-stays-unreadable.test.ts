/**
 * Text that is not a number, or a cell that was not found, stays an error on
 * every path: import, the imported sheet validated, consolidation, and a
 * template recalculated by LibreOffice. Never a blank, never a 0.
 */
import ExcelJS from 'exceljs';
import { execFileSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { formats } from '../../src/formats';
import { canonicalPlan } from '../../src/layout/sheet-report';
import { nianbao } from '../helpers/cli';
import { seeded, validCells } from '../helpers/random-report';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-unreadable-'));
const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p)) ?? 'soffice';
const sample = readFileSync(join(__dirname, '..', 'fixtures', 'samples', 'fuxin-2020.txt'), 'utf8');
const gov2019 = formats.byId('gov-2019')!;
const plan2019 = canonicalPlan(gov2019);

type Finding = { rule: string; severity: string; cells: string[]; fix?: { cell: string } };
type JsonReport = { office: string; cells: Record<string, number | null>; raw?: Record<string, string>; findings: Finding[] };

/** 阜新 2020 as published, with the 重复申请 row's figures lost and 若干 typed for 法律服务机构's 予以公开. */
function damagedText(): string {
  const lost = sample.replace(/2\. 重复申请(\t0){7}/, '2. 重复申请');
  expect(lost).not.toBe(sample);
  const text = lost.replace(/\(一\) 予以公开\t8\t0\t0\t0\t0\t0\t8/, '(一) 予以公开\t8\t0\t0\t0\t若干\t0\t8');
  expect(text).not.toBe(lost);
  return text;
}

const LOST = ['natural', 'business', 'research', 'nonprofit', 'legal', 'org_other', 'total'].map((c) => `requests.rejected.repeat.${c}`);
const TEXT_CELL = 'requests.granted.legal';

test('import: exit 1 with the errors; the sheet keeps 若干 and 未读取 with notes, so validating it gives errors, not blanks', async () => {
  const txt = join(dir, '阜新.txt');
  writeFileSync(txt, damagedText());
  const out = join(dir, 'imported.xlsx');
  const imp = nianbao(['import', txt, '--out', out]);
  expect(imp.code).toBe(1);
  expect(imp.stdout).toContain('format.missing_cells');
  expect(imp.stdout).toContain('若干');

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const ws = wb.worksheets[0];
  expect(gov2019.index.has(LOST[0])).toBe(true);
  for (const id of LOST.filter((c) => !c.endsWith('.total'))) {
    const cell = ws.getCell(plan2019.addresses[id]);
    expect({ id, value: cell.value }).toEqual({ id, value: '未读取' });
    expect(String(cell.note)).toContain('没有找到');
  }
  expect(ws.getCell(plan2019.addresses[TEXT_CELL]).value).toBe('若干');

  const v = nianbao(['validate', out, '--json']);
  expect(v.code).toBe(1);
  const rep: JsonReport = JSON.parse(v.stdout).reports[0];
  const notNumber = rep.findings.filter((f) => f.rule === 'cell.not_number').map((f) => f.cells[0]);
  expect(notNumber).toEqual(expect.arrayContaining([...LOST.filter((c) => !c.endsWith('.total')), TEXT_CELL]));
  expect(rep.findings.filter((f) => f.rule === 'cell.blank')).toEqual([]);
  for (const id of [...LOST, TEXT_CELL]) expect({ id, value: rep.cells[id] }).toEqual({ id, value: null });

  // Consolidating the imported sheet with a clean report refuses exactly those cells.
  const other = join(dir, 'other.json');
  const cells = validCells(gov2019, seeded(9));
  writeFileSync(other, JSON.stringify({ office: '阜新市另一局', year: 2020, format: 'gov-2019', cells }));
  const sum = nianbao(['consolidate', out, other, '--out', join(dir, 'sum.xlsx'), '--office', '阜新市', '--json']);
  const summary: JsonReport = JSON.parse(sum.stdout).reports[0];
  for (const id of [...LOST, TEXT_CELL]) {
    expect({ id, value: summary.cells[id] }).toEqual({ id, value: null });
    expect(summary.raw?.[id]).toMatch(/^无法汇总/);
  }
  expect(summary.cells['requests.new.natural']).toBe(60 + cells['requests.new.natural']);
});

test('a template recalculated by LibreOffice with 若干 in a count cell: one error at that cell, none at the totals, and no fix on a formula', async () => {
  const format = formats.forYear(2023)!;
  const plan = canonicalPlan(format);
  const file = join(dir, 'tpl.xlsx');
  expect(nianbao(['template', '--year', '2023', '--office', '某县人民政府办公室', '--out', file]).code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0];
  const cells = validCells(format, seeded(4));
  for (const c of format.cells) if (!format.totals.has(c.index)) ws.getCell(plan.addresses[c.id]).value = cells[c.id];
  ws.getCell(plan.addresses['requests.granted.business']).value = '若干';
  // And a wrong figure elsewhere, whose fix must not be a formula cell.
  ws.getCell(plan.addresses['requests.new.natural']).value = cells['requests.new.natural'] + 2;
  const filled = join(dir, 'filled.xlsx');
  await wb.xlsx.writeFile(filled);
  execFileSync(soffice, ['--headless', '--calc', '--convert-to', 'xlsx', '--outdir', join(dir, 'lo'), filled], { timeout: 120000 });
  const saved = join(dir, 'lo', 'filled.xlsx');

  // LibreOffice cached a number in the totals over 若干: that must not be evidence.
  const lo = new ExcelJS.Workbook();
  await lo.xlsx.readFile(saved);
  expect(typeof lo.worksheets[0].getCell(plan.addresses['requests.granted.total']).result).toBe('number');

  const v = nianbao(['validate', saved, '--json']);
  expect(v.code).toBe(1);
  const rep: JsonReport = JSON.parse(v.stdout).reports[0];
  const errors = rep.findings.filter((f) => f.severity === 'error');
  expect(errors.map((f) => [f.rule, f.cells[0]])).toEqual([
    ['cell.not_number', 'requests.granted.business'],
    ['requests.balance', 'requests.new.natural'],
  ]);
  const formulaCells = new Set(plan.cells.filter((c) => c.formula).map((c) => c.cellId));
  for (const f of rep.findings) if (f.fix) expect(formulaCells.has(f.fix.cell)).toBe(false);
  // The live 总计 of the row follows the corrected figure, so the one input is the fix.
  expect(rep.findings.find((f) => f.rule === 'requests.balance')?.fix).toEqual({ cell: 'requests.new.natural', value: cells['requests.new.natural'], resolves: 1 });
  // The totals over it are unreadable too (null), not LibreOffice's sum without it.
  for (const id of ['requests.granted.total', 'requests.total.business', 'requests.total.total']) expect(rep.cells[id]).toBeNull();
  expect(JSON.stringify(rep.findings)).not.toContain('SUM(');
});
