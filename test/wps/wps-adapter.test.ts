/** The WPS adapter on the fake WPS host: every use-case of the pane, as the Office adapter's tests run them on the fake Excel. */
import { applyFix, clearSheets, confirmWarning, selectFinding } from '../../src/app/sheet-actions';
import { generateTemplate } from '../../src/app/generate';
import { renameReport } from '../../src/app/rename-report';
import { validateSheets } from '../../src/app/validate-sheets';
import { fillBlanksWithZero } from '../../src/app/fill-blanks';
import { MARK_FILL, TOTAL_FILL, INPUT_FILL } from '../../src/layout/sheet-plan';
import { decodeMeta } from '../../src/model/sheet-meta';
import { formats } from '../../src/formats';
import { canonicalPlan } from '../../src/layout/sheet-report';
import { address } from '../../src/layout/a1';
import { missingFeatures, detectCapabilities, FULL } from '../../src/ports/wps/capabilities';
import type { EtApplicationLike } from '../../src/ports/wps/et';
import { clerkLayout } from '../helpers/clerk-layouts';
import { seeded, validCells } from '../helpers/random-report';
import { bgr, rgbHex, type SheetModel, FakeEt } from './fake-et';
import { typeValues, workbookOfReports, wpsHost } from './helpers';

/** What the clerk sees of a sheet: every cell's value, formula, fill and comment. */
function snapshot(s: SheetModel) {
  return new Map([...s.cells].map(([a, c]) => [a, { value: c.value, formula: c.formula, fill: c.fill, comment: s.comments.get(a) ?? null }]));
}

describe('generating a template', () => {
  test('one sheet with live formulas, merges, borders, styles, validation, conditional formats and both metadata copies', async () => {
    const { et, port } = wpsHost();
    const r = await generateTemplate(port, { office: '汤原县人民政府办公室', year: 2023, level: '县级' });
    expect(r).toEqual({ ok: true, name: '汤原县人民政府办公室2023年报' });
    const s = et.sheet('汤原县人民政府办公室2023年报');
    expect(et.sheets.map((x) => x.name)).toEqual(['Sheet1', '汤原县人民政府办公室2023年报']);
    expect(et.activeSheet).toBe(s);
    expect(decodeMeta(s.cell('P1').value)).toMatchObject({ format: 'gov-2021', year: 2023, office: '汤原县人民政府办公室', level: '县级' });
    expect(s.cell('A60').value).toBe(s.cell('P1').value);
    expect(s.hiddenColumns.has(16)).toBe(true);
    expect(s.hiddenRows.has(60)).toBe(true);
    expect([...s.cells.values()].filter((c) => c.formula?.startsWith('SUM(')).length).toBeGreaterThan(30);
    expect(s.formatConditions.length).toBeGreaterThan(5);
    expect(s.formatConditions.every((f) => f.formula1.startsWith('=ROUND(') && f.color !== null)).toBe(true);
    expect(s.validations.size).toBe(200);
    expect(s.merges.length).toBeGreaterThan(30);
    expect(s.gridlines).toBe(false);
    expect(s.pageSetup).toMatchObject({ Orientation: 2, FitToPagesWide: 1 });
    // Colours went in as BGR: the input and total cells read back as the plan's RRGGBB.
    const fills = new Set([...s.cells.values()].map((c) => (c.fill === null ? null : rgbHex(c.fill))));
    expect([...fills].sort()).toEqual([INPUT_FILL, TOTAL_FILL, 'F2F2F2', null].sort());
    expect([...s.cells.values()].some((c) => c.borders.size === 6)).toBe(true);
    // No question was put to the clerk, and the temporary name is gone.
    expect(et.prompts).toEqual([]);
    expect(et.displayAlerts).toBe(true);
    expect(et.screenUpdating).toBe(true);
  });

  test('the totals compute in WPS from the inputs, by the host’s own arithmetic', async () => {
    const { et, port } = wpsHost();
    await generateTemplate(port, { office: '甲局', year: 2023 });
    const { plan, cells } = typeValues(et, '甲局2023年报', 2023, 4);
    const s = et.sheet('甲局2023年报');
    for (const id of ['requests.total.total', 'requests.new.total', 'appeals.review.total']) expect(s.shown(plan.addresses[id])).toBe(cells[id]);
  });

  test('never replaces an existing sheet: it offers a fresh name', async () => {
    const { et, port } = wpsHost();
    await generateTemplate(port, { office: '甲局', year: 2022 });
    const before = snapshot(et.sheet('甲局2022年报'));
    const again = await generateTemplate(port, { office: '甲局', year: 2022 });
    expect(again).toEqual({ ok: false, taken: '甲局2022年报', suggestion: '甲局2022年报(2)' });
    expect(snapshot(et.sheet('甲局2022年报'))).toEqual(before);
    expect(await generateTemplate(port, { office: '甲局', year: 2022, name: '甲局2022年报(2)' })).toEqual({ ok: true, name: '甲局2022年报(2)' });
    expect(et.sheets.map((s) => s.name)).toEqual(['Sheet1', '甲局2022年报', '甲局2022年报(2)']);
  });
});

describe('validate, paint, select, fix, clear', () => {
  test('restores the clerk’s own fills and comments exactly, on the cells it painted', async () => {
    const { et, port } = wpsHost();
    await generateTemplate(port, { office: '乙局', year: 2020 });
    const { plan, cells } = typeValues(et, '乙局2020年报', 2020, 5);
    const s = et.sheet('乙局2020年报');
    const culprit = plan.addresses['requests.total.nonprofit'];
    s.cell(culprit).formula = null;
    s.cell(culprit).value = Number(cells['requests.total.nonprofit']) + 1; // typed over the total, wrongly
    const grand = s.cell(plan.addresses['requests.total.total']);
    grand.formula = null;
    grand.value = cells['requests.total.total'];
    // The clerk's own colour and comment on the very cell we will paint, and a white fill elsewhere.
    s.cell(culprit).fill = bgr('CCE5FF');
    s.comments.set(culprit, '已与台账核对');
    s.cell(plan.addresses['requests.new.nonprofit']).fill = bgr('FFFFFF');
    const before = snapshot(s);

    let results: Awaited<ReturnType<typeof validateSheets>> = [];
    await validateSheets(port, { sheets: 'active' }).then((r) => (results = r));
    const [r] = results;
    expect(r.findings.map((f) => f.rule).sort()).toEqual(['requests.balance', 'requests.results_sum', 'requests.row_sum']);
    const fix = r.findings[0].fix!;
    expect(fix).toEqual({ cell: 'requests.total.nonprofit', value: cells['requests.total.nonprofit'], resolves: 3, restoreFormula: true });
    expect(s.cell(culprit).fill).toBe(bgr(MARK_FILL.error));
    expect(s.comments.get(culprit)).toMatch(/^年报助手校验：\n【错误】[\s\S]*——原批注：已与台账核对$/);
    // Validation changes no value: only the two metadata copies change.
    for (const [a, c] of before) if (a !== 'P1' && a !== 'A60') expect(s.cell(a).value).toEqual(c.value);

    await selectFinding(port, r, r.findings[0]);
    expect(et.activeSheet).toBe(s);
    expect(s.selection).toBe(culprit);

    await applyFix(port, r, fix);
    expect(s.cell(culprit).formula).toBe(plan.cells.find((pc) => pc.cellId === 'requests.total.nonprofit')!.formula);
    expect(s.shown(culprit)).toBe(cells['requests.total.nonprofit']);
    expect((await validateSheets(port, { sheets: 'active' }))[0].findings).toEqual([]);
    expect(s.cell(culprit).fill).toBe(bgr('CCE5FF'));
    expect(s.comments.get(culprit)).toBe('已与台账核对');

    typeValues(et, '乙局2020年报', 2020, 5, { 'requests.new.legal': 77 });
    await validateSheets(port, { sheets: 'active' });
    expect([...s.cells.values()].some((c) => c.fill === bgr(MARK_FILL.error))).toBe(true);
    expect(await clearSheets(port)).toBe(1);
    for (const [a, c] of before) if (a !== 'P1' && a !== 'A60') expect({ a, fill: s.cell(a).fill, comment: s.comments.get(a) ?? null }).toEqual({ a, fill: c.fill, comment: c.comment });
    expect(decodeMeta(s.cell('P1').value)!.marks).toBeUndefined();
    expect(s.comments.size).toBe(1);
  });

  test('a confirmed warning is no longer raised and is listed with its explanation', async () => {
    const { et, port } = wpsHost();
    await generateTemplate(port, { office: '丙局', year: 2023 });
    typeValues(et, '丙局2023年报', 2023, 9, { 'appeals.review.upheld': '' });
    const [r] = await validateSheets(port, { sheets: 'active' });
    const blank = r.findings.find((f) => f.rule === 'cell.blank')!;
    await confirmWarning(port, '丙局2023年报', blank, '该项确无数据');
    const [r2] = await validateSheets(port, { sheets: 'active' });
    expect(r2.findings.filter((f) => f.rule === 'cell.blank')).toEqual([]);
    expect(r2.confirmed).toEqual([{ finding: expect.objectContaining({ rule: 'cell.blank' }), explanation: '该项确无数据' }]);
  });

  test('空白一律填 0 writes the blank input cells through a few multi-area ranges, not one call each', async () => {
    const { et, port } = wpsHost();
    await generateTemplate(port, { office: '丁局', year: 2023 });
    let n = 0;
    const calls = await et.count(async () => (n = await fillBlanksWithZero(port, '丁局2023年报')));
    expect(n).toBeGreaterThan(100);
    expect(calls).toBeLessThan(n / 2);
    const s = et.sheet('丁局2023年报');
    const format = formats.forYear(2023)!;
    const inputs = format.cells.filter((c) => !format.totals.has(c.index));
    const { addresses } = canonicalPlan(format);
    expect(inputs.every((c) => s.cell(addresses[c.id]).value === 0)).toBe(true);
    expect(s.shown(addresses['requests.total.total'])).toBe(0);
  });

  test('修改单位与年度 renames the sheet and rewrites its title and metadata', async () => {
    const { et, port } = wpsHost();
    await generateTemplate(port, { office: '戊局', year: 2023 });
    const name = await renameReport(port, '戊局2023年报', { office: '己局', year: 2024 });
    expect(name).toBe('己局2024年报');
    expect(decodeMeta(et.sheet('己局2024年报').cell('P1').value)).toMatchObject({ office: '己局', year: 2024 });
  });

  test('a protected sheet is read and listed but not painted', async () => {
    const { et, port } = wpsHost();
    await generateTemplate(port, { office: '丁局', year: 2023 });
    typeValues(et, '丁局2023年报', 2023, 2, { 'requests.total.legal': 50 });
    et.sheet('丁局2023年报').protected = true;
    const [r] = await validateSheets(port, { sheets: 'active' });
    expect(r.findings.length).toBeGreaterThan(0);
    expect(r.problem).toMatch(/受保护/);
    expect([...et.sheet('丁局2023年报').cells.values()].some((c) => c.fill === bgr(MARK_FILL.error))).toBe(false);
  });

  test("a clerk's own sheet is recognised by its labels: findings listed and fixable, the sheet never painted", async () => {
    const { et, port } = wpsHost();
    const format = formats.forYear(2023)!;
    const cells: Record<string, number> = validCells(format, seeded(8));
    const layout = clerkLayout(format, { ...cells, 'requests.total.legal': cells['requests.total.legal'] + 4 }, { office: '某县交通局', year: 2023, labelColumns: 1 });
    const s = et.sheet('Sheet1');
    layout.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== '') s.cell(address(r + 1, c + 1)).value = v;
      }),
    );
    const before = snapshot(s);
    const [r] = await validateSheets(port, { sheets: 'active' });
    expect(r.problem).toMatch(/未在表中标色/);
    expect(r.report?.office).toBe('某县交通局');
    expect(r.findings.map((f) => f.rule).sort()).toEqual(['requests.balance', 'requests.results_sum', 'requests.row_sum']);
    expect(snapshot(s)).toEqual(before);
    await applyFix(port, r, r.findings[0].fix!);
    expect(s.cell(r.addresses['requests.total.legal']).value).toBe(cells['requests.total.legal']);
  });

  test('50 report sheets: all read and validated, half of them with findings', async () => {
    const { port } = await workbookOfReports(50);
    const results = await validateSheets(port, { sheets: 'reports' });
    expect(results).toHaveLength(50);
    expect(results.filter((r) => r.findings.length > 0)).toHaveLength(25);
  });
});

describe('a WPS build that lacks part of the model', () => {
  test('the capabilities are found by probing the host, and the missing ones are named for the clerk', () => {
    const full = new FakeEt();
    expect(detectCapabilities(full.app as unknown as EtApplicationLike)).toEqual(FULL);
    const old = new FakeEt({ lacks: ['AddComment', 'FormatConditions'] });
    const caps = detectCapabilities(old.app as unknown as EtApplicationLike);
    expect(caps).toEqual({ ...FULL, comments: false, conditionalFormats: false });
    expect(missingFeatures(caps)).toEqual([expect.stringMatching(/^单元格批注/), expect.stringMatching(/^条件格式/)]);
    expect(missingFeatures(FULL)).toEqual([]);
  });

  test('without comments and conditional formats, generating and validating still work; findings are only listed', async () => {
    const lacks = ['AddComment', 'FormatConditions'] as const;
    const probe = new FakeEt({ lacks: [...lacks] });
    const { et, port } = wpsHost({ lacks: [...lacks], caps: detectCapabilities(probe.app as unknown as EtApplicationLike) });
    await generateTemplate(port, { office: '甲局', year: 2023 });
    const s = et.sheet('甲局2023年报');
    expect(s.formatConditions).toEqual([]);
    expect(s.validations.size).toBe(200);
    typeValues(et, '甲局2023年报', 2023, 3, { 'requests.total.legal': 999 });
    const [r] = await validateSheets(port, { sheets: 'active' });
    expect(r.findings.length).toBeGreaterThan(0);
    expect([...s.cells.values()].some((c) => c.fill === bgr(MARK_FILL.error))).toBe(true);
    expect(s.comments.size).toBe(0);
    expect(await clearSheets(port)).toBe(1);
  });
});
