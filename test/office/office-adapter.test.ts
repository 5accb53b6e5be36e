import { applyFix, clearSheets, confirmWarning, selectFinding } from '../../src/app/sheet-actions';
import { generateTemplate } from '../../src/app/generate';
import { validateSheets } from '../../src/app/validate-sheets';
import { MARK_FILL } from '../../src/layout/sheet-plan';
import { decodeMeta } from '../../src/model/sheet-meta';
import { UserError } from '../../src/model/user-error';
import { FakeExcel, type FakeSheet } from './fake-excel';
import { officeHost, typeValues, workbookOfReports } from './helpers';
import { formats } from '../../src/formats';
import { address } from '../../src/layout/a1';
import { clerkLayout } from '../helpers/clerk-layouts';
import { seeded, validCells } from '../helpers/random-report';

function snapshot(s: FakeSheet) {
  return new Map([...s.cells].map(([a, c]) => [a, { value: c.value, formula: c.formula, fill: c.fill }]));
}

describe('the fake is honest', () => {
  test('reading a property before load and sync throws, after both it reads', async () => {
    const excel = new FakeExcel();
    await excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem('Sheet1').getRange('A1');
      expect(() => r.values).toThrow(/not available/);
      r.load('values');
      expect(() => r.values).toThrow(/not available/);
      await context.sync();
      expect(r.values).toEqual([['']]);
    });
    expect(excel.syncs).toBe(1);
  });

  test('writes take effect at sync, and unsynced work is lost', async () => {
    const excel = new FakeExcel();
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [[5]];
      expect(excel.sheet('Sheet1').cells.get('A1')).toBeUndefined();
      await context.sync();
    });
    expect(excel.sheet('Sheet1').cell('A1').value).toBe(5);
  });
});

describe('the Office adapter', () => {
  test('generates the template in at most 3 syncs, with formulas, formats and metadata', async () => {
    const { excel, port } = officeHost();
    const syncs = await excel.count(() => generateTemplate(port, { office: '汤原县人民政府办公室', year: 2023, level: '县级' }));
    expect(syncs).toBeLessThanOrEqual(3);
    const s = excel.sheet('汤原县人民政府办公室2023年报');
    expect(excel.sheets[excel.active]).toBe(s);
    expect(decodeMeta(s.cell('P1').value)).toMatchObject({ format: 'gov-2021', year: 2023, office: '汤原县人民政府办公室', level: '县级' });
    expect(s.hiddenColumns.has(16)).toBe(true);
    expect([...s.cells.values()].filter((c) => c.formula?.startsWith('SUM(')).length).toBeGreaterThan(30);
    expect(s.conditionalFormats.length).toBeGreaterThan(10);
    expect(s.validations.size).toBe(200);
    expect(s.merges.length).toBeGreaterThan(30);
    expect(s.gridlines).toBe(false);
  });

  test('never replaces an existing sheet: it offers a fresh name', async () => {
    const { excel, port } = officeHost();
    await generateTemplate(port, { office: '甲局', year: 2022 });
    const before = snapshot(excel.sheet('甲局2022年报'));
    const again = await generateTemplate(port, { office: '甲局', year: 2022 });
    expect(again).toEqual({ ok: false, taken: '甲局2022年报', suggestion: '甲局2022年报(2)' });
    expect(snapshot(excel.sheet('甲局2022年报'))).toEqual(before);
    const fresh = await generateTemplate(port, { office: '甲局', year: 2022, name: again.ok ? '' : again.suggestion });
    expect(fresh).toEqual({ ok: true, name: '甲局2022年报(2)' });
    expect(excel.sheets.map((s) => s.name)).toEqual(['Sheet1', '甲局2022年报', '甲局2022年报(2)']);
  });

  test('validate → paint → click → fix → clear, restoring the exact original fills', async () => {
    const { excel, port } = officeHost();
    await generateTemplate(port, { office: '乙局', year: 2020 });
    const { plan, cells } = typeValues(excel, '乙局2020年报', 2020, 5);
    const s = excel.sheet('乙局2020年报');
    const culprit = plan.addresses['requests.total.nonprofit'];
    s.cell(culprit).formula = null;
    s.cell(culprit).value = Number(cells['requests.total.nonprofit']) + 1; // typed over the total, wrongly
    const grand = s.cell(plan.addresses['requests.total.total']);
    grand.formula = null;
    grand.value = cells['requests.total.total'];
    s.cell(culprit).fill = 'CCE5FF'; // the user's own colour on the very cell we will paint
    const before = snapshot(s);

    let results: Awaited<ReturnType<typeof validateSheets>> = [];
    const syncs = await excel.count(async () => (results = await validateSheets(port, { sheets: 'active' })));
    expect(syncs).toBeLessThanOrEqual(3);
    const [r] = results;
    expect(r.findings.map((f) => f.rule).sort()).toEqual(['requests.balance', 'requests.results_sum', 'requests.row_sum']);
    const fix = r.findings[0].fix!;
    // The clerk typed over a total: the fix restores its formula, never another constant.
    expect(fix).toEqual({ cell: 'requests.total.nonprofit', value: cells['requests.total.nonprofit'], resolves: 3, restoreFormula: true });
    expect(s.cell(culprit).fill).toBe(MARK_FILL.error);
    // Validation changes no value.
    // Only the two metadata copies change.
    for (const [a, c] of before) if (a !== 'P1' && a !== 'A60') expect(s.cell(a).value).toEqual(c.value);

    await selectFinding(port, r, r.findings[0]);
    expect(excel.selection).toEqual({ sheet: '乙局2020年报', address: culprit });

    await applyFix(port, r, fix);
    expect(s.cell(culprit).formula).toBe(plan.cells.find((pc) => pc.cellId === 'requests.total.nonprofit')!.formula);
    expect(s.shown(culprit)).toBe(cells['requests.total.nonprofit']);
    const again = await validateSheets(port, { sheets: 'active' });
    expect(again[0].findings).toEqual([]);
    expect(s.cell(culprit).fill).toBe('CCE5FF');

    typeValues(excel, '乙局2020年报', 2020, 5, { 'requests.new.legal': 77 });
    await validateSheets(port, { sheets: 'active' });
    expect([...s.cells.values()].some((c) => c.fill === MARK_FILL.error)).toBe(true);
    expect(await clearSheets(port)).toBe(1);
    for (const [a, c] of before) if (a !== 'P1') expect({ a, fill: s.cell(a).fill }).toEqual({ a, fill: c.fill });
    expect(decodeMeta(s.cell('P1').value)!.marks).toBeUndefined();
  });

  test('a confirmed warning is no longer raised and is listed with its explanation', async () => {
    const { excel, port } = officeHost();
    await generateTemplate(port, { office: '丙局', year: 2023 });
    typeValues(excel, '丙局2023年报', 2023, 9, { 'appeals.review.upheld': '' });
    const [r] = await validateSheets(port, { sheets: 'active' });
    const blank = r.findings.find((f) => f.rule === 'cell.blank')!;
    await confirmWarning(port, '丙局2023年报', blank, '该项确无数据');
    const [r2] = await validateSheets(port, { sheets: 'active' });
    expect(r2.findings.filter((f) => f.rule === 'cell.blank')).toEqual([]);
    expect(r2.confirmed).toEqual([{ finding: expect.objectContaining({ rule: 'cell.blank' }), explanation: '该项确无数据' }]);
  });

  test('validating 50 report sheets costs at most 3 syncs', async () => {
    const { excel, port } = await workbookOfReports(50);
    let results: Awaited<ReturnType<typeof validateSheets>> = [];
    const syncs = await excel.count(async () => (results = await validateSheets(port, { sheets: 'reports' })));
    expect(syncs).toBeLessThanOrEqual(3);
    expect(results).toHaveLength(50);
    expect(results.filter((r) => r.findings.length > 0)).toHaveLength(25);
  });

  test('a protected sheet is read and listed but not painted', async () => {
    const { excel, port } = officeHost();
    await generateTemplate(port, { office: '丁局', year: 2023 });
    typeValues(excel, '丁局2023年报', 2023, 2, { 'requests.total.legal': 50 });
    excel.sheet('丁局2023年报').protected = true;
    const [r] = await validateSheets(port, { sheets: 'active' });
    expect(r.findings.length).toBeGreaterThan(0);
    expect(r.problem).toMatch(/受保护/);
    expect([...excel.sheet('丁局2023年报').cells.values()].some((c) => c.fill === MARK_FILL.error)).toBe(false);
  });

  test('cell-edit mode and Excel errors become a Chinese message', async () => {
    const { excel, port } = officeHost();
    excel.cellEditMode = true;
    await expect(generateTemplate(port, { office: '戊局', year: 2023 })).rejects.toThrow(UserError);
    await expect(generateTemplate(port, { office: '戊局', year: 2023 })).rejects.toThrow(/正在编辑单元格/);
  });

  test('a sheet not made by us is explained, not guessed', async () => {
    const { excel, port } = officeHost();
    excel.sheet('Sheet1').cell('A1').value = '随便什么';
    const [r] = await validateSheets(port, { sheets: 'active' });
    expect(r.problem).toMatch(/这不是年报表格：没有找到法定表格的标签/);
    expect(r.findings).toEqual([]);
  });

  test("a clerk's own sheet is recognised by its labels: findings listed and fixable, the sheet never painted", async () => {
    const { excel, port } = officeHost();
    const format = formats.forYear(2023)!;
    const cells: Record<string, number> = validCells(format, seeded(8));
    const layout = clerkLayout(format, { ...cells, 'requests.total.legal': cells['requests.total.legal'] + 4 }, { office: '某县交通局', year: 2023, labelColumns: 1 });
    const s = excel.sheet('Sheet1');
    layout.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== '') s.cell(address(r + 1, c + 1)).value = v;
      }),
    );
    const before = new Map([...s.cells].map(([a, c]) => [a, { value: c.value, fill: c.fill }]));
    const [r] = await validateSheets(port, { sheets: 'active' });
    expect(r.problem).toMatch(/未在表中标色/);
    expect(r.report?.office).toBe('某县交通局');
    expect(r.findings.map((f) => f.rule).sort()).toEqual(['requests.balance', 'requests.results_sum', 'requests.row_sum']);
    const culprit = r.addresses['requests.total.legal'];
    expect(s.cell(culprit).value).toBe(cells['requests.total.legal'] + 4);
    expect(new Map([...s.cells].map(([a, c]) => [a, { value: c.value, fill: c.fill }]))).toEqual(before);
    await selectFinding(port, r, r.findings[0]);
    expect(excel.selection).toEqual({ sheet: 'Sheet1', address: culprit });
    await applyFix(port, r, r.findings[0].fix!);
    expect(s.cell(culprit).value).toBe(cells['requests.total.legal']);
    expect((await validateSheets(port, { sheets: 'active' }))[0].findings).toEqual([]);
  });
});
