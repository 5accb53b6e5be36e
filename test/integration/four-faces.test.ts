/**
 * One workbook, five faces, the same findings. The workbook holds three report sheets (one with
 * errors) and a summary whose figure was changed by hand. It is validated by the command line
 * (spawned, --json), by the web page's controller over the exceljs adapter, by the pane's
 * controller over the Office adapter on the fake Excel, by the ribbon's 一键校验 on the fake, and by the
 * WPS pane's controller and WPS ribbon's 一键校验 over the WPS adapter, the workbook opened in the fake WPS.
 * Every face must list the same rule, cells and severity for each sheet, and the current-sheet
 * scope must check the summary against its members (summary.mismatch) as the whole workbook does.
 */
jest.mock('react', () => ({ ...jest.requireActual('react'), ...jest.requireActual('../helpers/hooks').hooks }));

import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { consolidateSheets } from '../../src/app/consolidate-sheets';
import { generateTemplate } from '../../src/app/generate';
import { type SheetResult } from '../../src/app/validate-sheets';
import { siblingsOf, validateInMemory, withCell } from '../../src/app/live-sheet';
import { ribbonValidate } from '../../src/commands/ribbon-validate';
import { formats } from '../../src/formats';
import { MARK_FILL } from '../../src/layout/sheet-plan';
import { canonicalPlan } from '../../src/layout/sheet-report';
import { ExceljsWorkbookPort } from '../../src/ports/exceljs/exceljs-workbook';
import { FLOOR } from '../../src/ports/office/capabilities';
import { OfficeWorkbookPort } from '../../src/ports/office/office-workbook';
import type { WorkbookPort } from '../../src/ports/workbook-port';
import type { Finding } from '../../src/model/finding';
import { usePaneController } from '../../src/taskpane/controller';
import { nianbao } from '../helpers/cli';
import { HookHost } from '../helpers/hooks';
import { seeded, validCells } from '../helpers/random-report';
import { FakeExcel, FakeSheet } from '../office/fake-excel';
import { ribbonCallbacks, type WpsShell } from '../../src/commands/wps-ribbon';
import { FULL } from '../../src/ports/wps/capabilities';
import type { EtApplicationLike } from '../../src/ports/wps/et';
import { WpsWorkbookPort } from '../../src/ports/wps/wps-workbook';
import { bgr } from '../wps/fake-et';
import { openInEt } from '../wps/et-xlsx';

const format = formats.forYear(2023)!;
const plan = canonicalPlan(format);
const SUMMARY = '某县2023汇总';
const WITH_ERRORS = '乙局2023年报';
const dir = mkdtempSync(join(tmpdir(), 'nianbao-faces-'));
const file = join(dir, '某县.xlsx');

type Seen = { rule: string; cells: string[]; severity: string }[];
const seen = (findings: Finding[]): Seen => findings.map((f) => ({ rule: f.rule, cells: f.cells, severity: f.severity }));
const bySheet = (results: SheetResult[]) => Object.fromEntries(results.map((r) => [r.sheet, seen(r.findings)]));

/** Types a clerk's figures into a template's input cells (its total formulas left alone), with `change` over them. */
async function fill(port: WorkbookPort, sheet: string, seed: number, change: Record<string, number> = {}) {
  const cells: Record<string, number> = { ...validCells(format, seeded(seed)), ...change };
  const formulas = new Set(plan.cells.filter((c) => c.formula).map((c) => c.cellId));
  const values: Record<string, number> = {};
  for (const c of format.cells) if (!formulas.has(c.id) || c.id in change) values[plan.addresses[c.id]] = cells[c.id];
  await port.setValues(sheet, values);
  return cells;
}

/** The same workbook in the fake Excel: every sheet's values and formulas, the same sheet active. */
async function intoFake(port: ExceljsWorkbookPort): Promise<FakeExcel> {
  const excel = new FakeExcel();
  excel.sheets = [];
  for (const s of await port.readSheets(await port.sheetNames())) {
    const sheet = Object.assign(new FakeSheet(s.name), { book: excel });
    for (const [addr, v] of s.cells) if (v !== null) sheet.cell(addr).value = v;
    for (const [addr, f] of s.formulas ?? []) sheet.cell(addr).formula = f;
    excel.sheets.push(sheet);
  }
  excel.active = excel.sheets.findIndex((s) => s.name === SUMMARY);
  return excel;
}

/** A face's controller (the pane's, which the web page shares), rendered once per action as React would. */
async function controllerValidate(port: WorkbookPort, scope: 'reports' | 'active'): Promise<SheetResult[]> {
  const host = new HookHost(() => usePaneController(() => port));
  await host.value.validate(scope);
  const pane = host.render();
  expect(pane.notice).toBeNull();
  return pane.results!;
}

let bytes: Uint8Array;
let cli: Record<string, Seen>;

beforeAll(async () => {
  const port = ExceljsWorkbookPort.empty();
  for (const office of ['甲局', '乙局', '丙局']) await generateTemplate(port, { office, year: 2023 });
  await fill(port, '甲局2023年报', 1);
  await fill(port, WITH_ERRORS, 2, { 'requests.total.legal': validCells(format, seeded(2))['requests.total.legal'] + 4 });
  await fill(port, '丙局2023年报', 3);
  const r = await consolidateSheets(port, { members: ['甲局2023年报', WITH_ERRORS, '丙局2023年报'], office: '某县', mode: 'values', today: '2024-01-20' });
  expect(r).toMatchObject({ ok: true, summarySheet: SUMMARY });
  // A figure of the summary changed by hand: it no longer equals its members' sum.
  const [summary] = await port.readSheets([SUMMARY]);
  const at = plan.addresses['proactive.rules.issued'];
  await port.setValues(SUMMARY, { [at]: Number(summary.cells.get(at)) + 5 });
  expect(await port.activeSheet()).toBe(SUMMARY);
  bytes = await port.toBuffer();
  writeFileSync(file, bytes);

  const run = nianbao(['validate', file, '--json']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(1);
  const json = JSON.parse(run.stdout) as { reports: { source: string; findings: Finding[] }[] };
  cli = Object.fromEntries(json.reports.map((x) => [x.source.slice(x.source.indexOf('#') + 1), seen(x.findings)]));
}, 120000);

test('the command line finds what the scenario planted', () => {
  expect(Object.keys(cli)).toEqual(['甲局2023年报', WITH_ERRORS, '丙局2023年报', SUMMARY]);
  expect(cli['甲局2023年报']).toEqual([]);
  expect(cli['丙局2023年报']).toEqual([]);
  expect(cli[WITH_ERRORS].filter((f) => f.severity === 'error').length).toBeGreaterThan(0);
  expect(cli[WITH_ERRORS].every((f) => f.cells.includes('requests.total.legal') || f.cells.includes('requests.total.total'))).toBe(true);
  expect(cli[SUMMARY][0]).toEqual({ rule: 'summary.mismatch', cells: ['proactive.rules.issued'], severity: 'error' });
  // The summary inherits 乙局's error: the same relations fail in it.
  expect(cli[SUMMARY].map((f) => f.rule)).toEqual(expect.arrayContaining(['summary.mismatch', ...cli[WITH_ERRORS].map((f) => f.rule)]));
});

test('the web page: its controller over the exceljs adapter, whole workbook and current sheet', async () => {
  const web = await ExceljsWorkbookPort.fromBuffer(bytes);
  expect(bySheet(await controllerValidate(web, 'reports'))).toEqual(cli);
  const current = await controllerValidate(await ExceljsWorkbookPort.fromBuffer(bytes), 'active');
  expect(bySheet(current)).toEqual({ [SUMMARY]: cli[SUMMARY] });
  // The sheet shown beside the tasks is validated in memory as the clerk types, against the same members.
  const [shown] = await web.readSheets([SUMMARY]);
  const around = await siblingsOf(web, shown);
  expect(seen(validateInMemory(shown, around)!.findings)).toEqual(cli[SUMMARY]);
  const at = plan.addresses['proactive.rules.issued'];
  const typed = validateInMemory(withCell(shown, at, Number(shown.cells.get(at)) - 5), around)!;
  expect(typed.findings.filter((f) => f.rule === 'summary.mismatch')).toEqual([]);
});

test('the pane: its controller over the Office adapter on the fake Excel, whole workbook and current sheet', async () => {
  const excel = await intoFake(await ExceljsWorkbookPort.fromBuffer(bytes));
  const port = new OfficeWorkbookPort(excel.run, FLOOR);
  expect(bySheet(await controllerValidate(port, 'reports'))).toEqual(cli);
  const fresh = await intoFake(await ExceljsWorkbookPort.fromBuffer(bytes));
  expect(bySheet(await controllerValidate(new OfficeWorkbookPort(fresh.run, FLOOR), 'active'))).toEqual({ [SUMMARY]: cli[SUMMARY] });
  // The summary's changed figure is painted as an error in the sheet.
  expect(fresh.sheet(SUMMARY).cell(plan.addresses['proactive.rules.issued']).fill).toBe(MARK_FILL.error);
});

test('the ribbon: 一键校验 of the current sheet on the fake Excel', async () => {
  const excel = await intoFake(await ExceljsWorkbookPort.fromBuffer(bytes));
  const port = new OfficeWorkbookPort(excel.run, FLOOR);
  const summary = await ribbonValidate(port);
  expect(summary.result?.sheet).toBe(SUMMARY);
  expect(seen(summary.result!.findings)).toEqual(cli[SUMMARY]);
  expect(summary.message).toMatch(new RegExp(`^“${SUMMARY}”：错误 \\d+ 项`));
  excel.active = excel.sheets.findIndex((s) => s.name === WITH_ERRORS);
  const member = await ribbonValidate(port);
  expect(seen(member.result!.findings)).toEqual(cli[WITH_ERRORS]);
  excel.active = excel.sheets.findIndex((s) => s.name === '甲局2023年报');
  expect(await ribbonValidate(port)).toMatchObject({ message: '“甲局2023年报”校验通过，未发现问题。' });
});

test('the WPS pane: its controller over the WPS adapter, the workbook opened in the fake WPS, whole workbook and current sheet', async () => {
  const et = await openInEt(bytes);
  expect(et.activeSheet?.name).toBe(SUMMARY);
  expect(bySheet(await controllerValidate(new WpsWorkbookPort(et.app as unknown as EtApplicationLike, FULL), 'reports'))).toEqual(cli);
  const fresh = await openInEt(bytes);
  expect(bySheet(await controllerValidate(new WpsWorkbookPort(fresh.app as unknown as EtApplicationLike, FULL), 'active'))).toEqual({ [SUMMARY]: cli[SUMMARY] });
  expect(fresh.sheet(SUMMARY).cell(plan.addresses['proactive.rules.issued']).fill).toBe(bgr(MARK_FILL.error));
});

test('the WPS ribbon: 一键校验 of the current sheet in the fake WPS, its message in a message box', async () => {
  const et = await openInEt(bytes);
  const said: string[] = [];
  const ribbon = ribbonCallbacks({ Application: et.app as unknown as WpsShell, location: { href: 'https://intranet.example/nianbao/wps/index.html' }, alert: (m) => said.push(m) });
  await ribbon.OnValidate();
  expect(said).toEqual([expect.stringMatching(new RegExp(`^“${SUMMARY}”：错误 \\d+ 项`))]);
  // What the callback runs, with its result: the same findings as every other face.
  const port = new WpsWorkbookPort(et.app as unknown as EtApplicationLike, FULL);
  expect(seen((await ribbonValidate(port)).result!.findings)).toEqual(cli[SUMMARY]);
  et.activate(WITH_ERRORS);
  expect(seen((await ribbonValidate(port)).result!.findings)).toEqual(cli[WITH_ERRORS]);
  et.activate('甲局2023年报');
  await ribbon.OnValidate();
  expect(said[1]).toBe('“甲局2023年报”校验通过，未发现问题。');
});
