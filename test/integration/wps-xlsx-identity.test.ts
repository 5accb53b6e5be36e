/**
 * Sheet identity across WPS and the other faces, through .xlsx files both ways:
 * - a workbook made in the WPS pane (on the fake WPS) and saved as .xlsx is ours to the web
 *   page's reader (exceljs) and to the command line, with the same findings; LibreOffice opens
 *   it, computes its formulas (here without cached results, so it must) and keeps it ours;
 * - a workbook made by the command line, and the same after LibreOffice saved it, opened in
 *   the fake WPS, is ours to the WPS adapter: validated, painted and cleared as its own.
 * WPS's .et format cannot be made here: only .xlsx is tested.
 */
import ExcelJS from 'exceljs';
import { execFileSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { clearSheets } from '../../src/app/sheet-actions';
import { generateTemplate } from '../../src/app/generate';
import { validateSheets } from '../../src/app/validate-sheets';
import { formats } from '../../src/formats';
import { MARK_FILL } from '../../src/layout/sheet-plan';
import { canonicalPlan } from '../../src/layout/sheet-report';
import { ExceljsWorkbookPort } from '../../src/ports/exceljs/exceljs-workbook';
import { FULL } from '../../src/ports/wps/capabilities';
import type { EtApplicationLike } from '../../src/ports/wps/et';
import { WpsWorkbookPort } from '../../src/ports/wps/wps-workbook';
import { nianbao } from '../helpers/cli';
import { openInEt, saveFromEt } from '../wps/et-xlsx';
import { bgr } from '../wps/fake-et';
import { typeValues, wpsHost } from '../wps/helpers';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-wps-xlsx-'));
const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p)) ?? 'soffice';
const format = formats.forYear(2023)!;
const plan = canonicalPlan(format);
const SHEET = '汤原县人民政府办公室2023年报';
const rules = (findings: { rule: string }[]) => findings.map((f) => f.rule).sort();

function libreOfficeSave(file: string): string {
  const out = join(dir, 'lo');
  execFileSync(soffice, ['--headless', '--calc', '--convert-to', 'xlsx', '--outdir', out, file], { timeout: 180000, stdio: 'pipe' });
  return join(out, file.slice(file.lastIndexOf('/') + 1));
}

/** The same workbook without any cached formula result: whoever reads it must compute. */
async function withoutResults(bytes: Uint8Array): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => void (c.formula && (c.value = { formula: c.formula } as ExcelJS.CellFormulaValue)))));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

let wpsFile: string;
let typed: Record<string, number | string>;
let wpsMeta: unknown;
/** What the WPS face found before saving. */
let wpsRules: string[];

beforeAll(async () => {
  // Made in WPS: generated, filled by the clerk with one wrong figure, validated (painted), a comment of the clerk's own elsewhere.
  const { et, port } = wpsHost();
  await generateTemplate(port, { office: '汤原县人民政府办公室', year: 2023 });
  typed = typeValues(et, SHEET, 2023, 6, { 'requests.new.natural': 40 }).cells;
  et.sheet(SHEET).comments.set(plan.addresses['requests.new.legal'], '已与台账核对');
  const [found] = await validateSheets(port, { sheets: 'active' });
  wpsRules = rules(found.findings);
  expect(found.findings.find((f) => f.rule === 'requests.balance')?.cells).toContain('requests.new.natural');
  wpsMeta = (await port.listSheets()).find((s) => s.name === SHEET)!.meta;
  wpsFile = join(dir, 'wps-made.xlsx');
  writeFileSync(wpsFile, await saveFromEt(et));
}, 60000);

test('made in WPS, saved as .xlsx: the web page’s reader finds our sheet with the same metadata and findings', async () => {
  const port = await ExceljsWorkbookPort.fromBuffer(readFileSync(wpsFile));
  const info = (await port.listSheets()).find((s) => s.name === SHEET)!;
  expect(info.meta).toEqual(wpsMeta);
  expect(info.meta).toMatchObject({ format: 'gov-2021', year: 2023, office: '汤原县人民政府办公室' });
  const [r] = await validateSheets(port, { sheets: [SHEET], paint: false });
  expect(rules(r.findings)).toEqual(wpsRules);
  // The marks WPS painted travel in the file, and 清除标记 there restores the clerk's comment and fills.
  expect(r.report).toBeDefined();
  expect(await clearSheets(port)).toBe(1);
  const [after] = await port.readSheets([SHEET]);
  expect(after.notes.get(plan.addresses['requests.new.legal'])).toBe('已与台账核对');
  expect([...after.fills.values()]).not.toContain(MARK_FILL.error);
});

test('made in WPS: the command line reads it as ours, with the same rules', () => {
  const run = nianbao(['validate', wpsFile, '--json']);
  const [rep] = JSON.parse(run.stdout).reports as { office: string; year: number; findings: { rule: string }[]; cells: Record<string, unknown> }[];
  expect(rep).toMatchObject({ office: '汤原县人民政府办公室', year: 2023 });
  expect(rules(rep.findings)).toEqual(wpsRules);
  expect(rep.cells['requests.new.natural']).toBe(40);
  expect(run.code).toBe(1);
});

test('made in WPS, opened by LibreOffice with no cached results: its formulas compute, and it stays ours', async () => {
  const bare = join(dir, 'wps-bare.xlsx');
  writeFileSync(bare, await withoutResults(readFileSync(wpsFile)));
  const saved = libreOfficeSave(bare);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(saved);
  const ws = wb.getWorksheet(SHEET)!;
  // LibreOffice computed the totals itself: the sum of what the clerk typed.
  const expectedTotal = format.cells.filter((c) => c.id.startsWith('requests.new.') && c.id !== 'requests.new.total').reduce((s, c) => s + Number(typed[c.id]), 0);
  expect(ws.getCell(plan.addresses['requests.new.total']).formula).toMatch(/^SUM\(/);
  expect(ws.getCell(plan.addresses['requests.new.total']).result).toBe(expectedTotal);
  const port = await ExceljsWorkbookPort.fromBuffer(readFileSync(saved));
  expect((await port.listSheets()).find((s) => s.name === SHEET)!.meta).toEqual(wpsMeta);
}, 200000);

test('made by the command line, and the same after LibreOffice saved it: opened in WPS, ours to the WPS adapter', async () => {
  const file = join(dir, 'cli-made.xlsx');
  expect(nianbao(['template', '--year', '2023', '--office', '某县交通局', '--out', file]).code).toBe(0);
  for (const path of [file, libreOfficeSave(file)]) {
    const et = await openInEt(readFileSync(path));
    const port = new WpsWorkbookPort(et.app as unknown as EtApplicationLike, FULL);
    const info = (await port.listSheets()).find((s) => s.meta);
    expect(info).toMatchObject({ name: '某县交通局2023年报', meta: { format: 'gov-2021', year: 2023, office: '某县交通局' } });
    typeValues(et, info!.name, 2023, 2, { 'requests.total.legal': 500 });
    et.activate(info!.name);
    const [r] = await validateSheets(port, { sheets: 'active' });
    expect(r.problem).toBeUndefined();
    expect(r.findings.length).toBeGreaterThan(0);
    expect(et.sheet(info!.name).cell(plan.addresses['requests.total.legal']).fill).toBe(bgr(MARK_FILL.error));
    expect(await clearSheets(port)).toBe(1);
  }
}, 200000);
