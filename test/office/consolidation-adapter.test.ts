/**
 * 汇总 through the Office adapter against the fake Excel host: constant syncs, formulas that
 * compute in the host, re-runs that update in place, and faults that leave the workbook intact.
 */
import { consolidateSheets, listCandidates } from '../../src/app/consolidate-sheets';
import { contributions } from '../../src/app/drill-down';
import { clearSheets } from '../../src/app/sheet-actions';
import { generateTemplate } from '../../src/app/generate';
import { validateSheets } from '../../src/app/validate-sheets';
import { formats } from '../../src/formats';
import { canonicalPlan } from '../../src/layout/sheet-report';
import { decodeMeta } from '../../src/model/sheet-meta';
import { UserError } from '../../src/model/user-error';
import { officeHost, typeValues, workbookOfReports } from './helpers';
import { writeImported } from '../../src/app/imports';
import { reportFromCells, seeded, validCells } from '../helpers/random-report';

const format = formats.forYear(2023)!;
const plan = canonicalPlan(format);
const members = (excel: { sheets: { name: string }[] }) => excel.sheets.map((s) => s.name).filter((n) => n !== 'Sheet1');

test('200 member sheets: summary and overview in at most 4 syncs, formulas computing the sums', async () => {
  const { excel, port } = await workbookOfReports(200);
  const names = members(excel);
  const syncs = await excel.count(() => consolidateSheets(port, { members: names, office: '某市' }));
  expect(syncs).toBeLessThanOrEqual(4);
  const summary = excel.sheet('某市2023汇总');
  const addr = plan.addresses['requests.new.total'];
  const want = names.reduce((t, n) => t + Number(excel.sheet(n).shown(addr)), 0);
  expect(summary.cells.get(addr)!.formula).toContain(`'${names[0]}'!${addr}+`);
  expect(summary.shown(addr)).toBe(want);
  const overview = excel.sheet('某市2023汇总明细');
  expect(decodeMeta(overview.cells.get('P1')!.value)?.role).toBe('overview');
  expect(overview.frozenRows).toBe(3);
  expect([...overview.hyperlinks.values()].some((h) => h.documentReference === `'${names[0]}'!A1`)).toBe(true);
  expect(excel.sheets.some((s) => s.name.startsWith('~'))).toBe(false);
});

test('a corrected member updates the live summary; re-running updates the sheets instead of copying them', async () => {
  const { excel, port } = await workbookOfReports(3);
  const names = members(excel);
  await consolidateSheets(port, { members: names, office: '某县' });
  const addr = plan.addresses['appeals.review.upheld'];
  const before = excel.sheet('某县2023汇总').shown(addr) as number;
  excel.sheet(names[1]).cell(addr).value = Number(excel.sheet(names[1]).shown(addr)) + 7;
  expect(excel.sheet('某县2023汇总').shown(addr)).toBe(before + 7);

  const again = await consolidateSheets(port, { members: names.slice(0, 2), office: '某县', mode: 'values' });
  expect(again).toMatchObject({ ok: true, updated: true, summarySheet: '某县2023汇总', mode: 'values' });
  expect(
    excel.sheets
      .filter((s) => s.name.startsWith('某县2023汇总'))
      .map((s) => s.name)
      .sort(),
  ).toEqual(['某县2023汇总', '某县2023汇总明细']);
  expect(excel.sheet('某县2023汇总').cells.get(addr)!.formula).toBeNull();
});

test('the candidates list shows office, year, format and status; drill-down lists each contribution', async () => {
  const { excel, port } = await workbookOfReports(4);
  const list = await listCandidates(port);
  expect(list).toHaveLength(4);
  expect(list[1]).toMatchObject({ office: '第2单位', year: 2023, format: 'gov-2021' });
  expect(list[1].errors).toBeGreaterThan(0);
  expect(list[0].errors).toBe(0);
  await consolidateSheets(port, { members: members(excel), office: '某县' });
  const parts = await contributions(port, '某县2023汇总', 'requests.new.total');
  expect(parts.map((p) => p.office)).toEqual(['第1单位', '第2单位', '第3单位', '第4单位']);
  expect(parts[0].address).toBe(plan.addresses['requests.new.total']);
  // Validating the workbook checks the summary against its members, and skips the overview.
  const results = await validateSheets(port, { sheets: 'reports', paint: false });
  expect(results.map((r) => r.sheet)).not.toContain('某县2023汇总明细');
  expect(results.find((r) => r.sheet === '某县2023汇总')!.findings.filter((f) => f.rule === 'summary.mismatch')).toEqual([]);
});

test('mixing years is refused and nothing is written', async () => {
  const { excel, port } = await workbookOfReports(2);
  const older = await workbookOfReports(1, 2022);
  excel.sheets.push(...older.excel.sheets.filter((s) => s.name !== 'Sheet1').map((s) => Object.assign(s, { book: excel })));
  const before = excel.sheets.map((s) => s.name);
  const r = await consolidateSheets(port, { members: members(excel), office: '某县' });
  expect(r.ok).toBe(false);
  expect(r.findings.map((f) => f.rule)).toContain('summary.year_mixed');
  expect(excel.sheets.map((s) => s.name)).toEqual(before);
});

test.each([3, 4])('a batch failing midway (sync %i) leaves the workbook as it was and says so', async (failing) => {
  const { excel, port } = await workbookOfReports(5);
  const names = members(excel);
  const before = excel.sheets.map((s) => s.name);
  excel.failAtSync = excel.syncs + failing;
  const run = consolidateSheets(port, { members: names, office: '某县' });
  await expect(run).rejects.toThrow(UserError);
  await expect(run).rejects.toThrow(failing === 3 ? /写入没有完成，已撤销，工作簿保持原样/ : /请再汇总一次/);
  excel.failAtSync = null;
  const after = excel.sheets.map((s) => s.name);
  if (failing === 3) expect(after).toEqual(before);
  else {
    // The rename batch failed partway: every new sheet, under whichever name, is complete.
    const added = excel.sheets.filter((x) => !before.includes(x.name));
    // The summary, its overview and its 图表 sheet.
    expect(added.length).toBe(3);
    const addr = plan.addresses['requests.new.total'];
    const want = names.reduce((t, n) => t + Number(excel.sheet(n).shown(addr)), 0);
    for (const s of added) {
      const meta = decodeMeta(s.cells.get('P1')?.value)!;
      expect(meta).not.toBeNull();
      if (!meta.role) expect(s.shown(addr)).toBe(want);
    }
    // Running it again tidies up: one summary, one overview, nothing temporary.
    await consolidateSheets(port, { members: names, office: '某县' });
    expect(
      excel.sheets
        .filter((x) => !before.includes(x.name))
        .map((x) => x.name)
        .sort(),
    ).toEqual(['某县2023图表', '某县2023汇总', '某县2023汇总明细']);
  }
});

test('generating a template whose write batch fails midway leaves no sheet behind', async () => {
  const { excel, port } = officeHost();
  const before = excel.sheets.map((s) => s.name);
  excel.failAtSync = excel.syncs + 2;
  await expect(generateTemplate(port, { office: '某县', year: 2023 })).rejects.toThrow(/写入没有完成，已撤销，工作簿保持原样/);
  excel.failAtSync = null;
  expect(excel.sheets.map((s) => s.name)).toEqual(before);
  expect((await generateTemplate(port, { office: '某县', year: 2023 })).ok).toBe(true);
});

test("ExcelApi 1.18: findings become cell notes, the user's own note is kept and restored exactly, syncs stay at most 3", async () => {
  const { excel, port } = officeHost({ api19: true, notes: true });
  const made = await generateTemplate(port, { office: '某县', year: 2023 });
  if (!made.ok) throw new Error('generate');
  typeValues(excel, made.name, 2023, 4, { 'requests.total.legal': 999 });
  const culprit = plan.addresses['requests.total.legal'];
  const other = plan.addresses['requests.new.natural'];
  const s = excel.sheet(made.name);
  s.notes.set(culprit, '数据来自业务系统');
  s.notes.set(other, '已核对');

  const syncs = await excel.count(() => validateSheets(port, { sheets: 'active' }));
  expect(syncs).toBeLessThanOrEqual(3);
  expect(s.notes.get(culprit)).toMatch(/^年报助手校验：\n【错误】/);
  expect(s.notes.get(culprit)).toContain('——原批注：数据来自业务系统');
  expect(s.notes.get(other)).toBe('已核对');

  // Re-validating replaces our note, never stacks a second one.
  await validateSheets(port, { sheets: 'active' });
  expect(s.notes.get(culprit)!.match(/年报助手校验/g)).toHaveLength(1);

  await clearSheets(port);
  expect(s.notes.get(culprit)).toBe('数据来自业务系统');
  expect(s.notes.get(other)).toBe('已核对');
  expect(s.notes.size).toBe(2);
});

const FIVE_MB = 5 * 1024 * 1024;

test('Excel on the web 5 MB limit: every batch stays under it; 200 sheets are read in chunks only when painting needs their fills', async () => {
  const { excel, port } = await workbookOfReports(200);
  excel.maxRequestBytes = 0;
  excel.maxResponseBytes = 0;
  const consolidating = await excel.count(() => consolidateSheets(port, { members: members(excel), office: '某市' }));
  expect(consolidating).toBeLessThanOrEqual(4);
  expect(excel.maxRequestBytes).toBeLessThan(FIVE_MB);
  expect(excel.maxResponseBytes).toBeLessThan(FIVE_MB);

  excel.maxRequestBytes = 0;
  excel.maxResponseBytes = 0;
  const validating = await excel.count(() => validateSheets(port, { sheets: 'reports' }));
  expect(validating).toBeGreaterThan(3);
  expect(excel.maxRequestBytes).toBeLessThan(FIVE_MB);
  expect(excel.maxResponseBytes).toBeLessThan(FIVE_MB);
}, 60000);

test('50 report sheets: validation in at most 3 syncs, each batch under 5 MB', async () => {
  const { excel, port } = await workbookOfReports(50);
  excel.maxRequestBytes = 0;
  excel.maxResponseBytes = 0;
  expect(await excel.count(() => validateSheets(port, { sheets: 'reports' }))).toBeLessThanOrEqual(3);
  expect(Math.max(excel.maxRequestBytes, excel.maxResponseBytes)).toBeLessThan(FIVE_MB);
}, 60000);

test('writing many imported sheets at once stays under 5 MB per batch, all or nothing', async () => {
  const { excel, port } = officeHost();
  const format = formats.forYear(2023)!;
  const reports = Array.from({ length: 80 }, (_, i) => ({ ...reportFromCells(format, validCells(format, seeded(i))), office: `单位${i + 1}`, year: 2023 }));
  excel.maxRequestBytes = 0;
  const entries = reports.map((report) => ({ report }));
  const names = await writeImported(port, entries);
  expect('written' in names && names.written).toHaveLength(80);
  expect(excel.maxRequestBytes).toBeLessThan(FIVE_MB);
  expect(excel.sheets.filter((s) => s.name.startsWith('~'))).toEqual([]);
  // A failure in a later chunk takes the earlier chunks' sheets away too.
  const before = excel.sheets.map((s) => s.name);
  // The same offices again: nothing is written until the user decides.
  const again = await writeImported(port, entries);
  expect('duplicates' in again && again.duplicates.map((d) => d.existing)).toEqual(names && 'written' in names ? names.written : []);
  expect(excel.sheets.map((s) => s.name)).toEqual(before);
  excel.failAtSync = excel.syncs + 3;
  await expect(writeImported(port, entries, 'keep')).rejects.toThrow(/工作簿保持原样/);
  excel.failAtSync = null;
  expect(excel.sheets.map((s) => s.name)).toEqual(before);
}, 60000);
