/**
 * Every kind of sheet we write, saved once by LibreOffice (as WPS users and
 * LibreOffice users do), behaves exactly as before: recognised, marks cleared
 * to the original fills and notes, confirmations kept, summary plus member
 * refused, drill-down working, imported sources still recognised.
 */
import ExcelJS from 'exceljs';
import { execFileSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { formats } from '../../src/formats';
import { canonicalPlan } from '../../src/layout/sheet-report';
import { ExceljsWorkbookPort } from '../../src/ports/exceljs/exceljs-workbook';
import { clearSheets, confirmWarning } from '../../src/app/sheet-actions';
import { generateTemplate } from '../../src/app/generate';
import { validateSheets } from '../../src/app/validate-sheets';
import { consolidateSheets } from '../../src/app/consolidate-sheets';
import { contributions } from '../../src/app/drill-down';
import { nianbao } from '../helpers/cli';
import { seeded, validCells } from '../helpers/random-report';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-lo-'));
const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p)) ?? 'soffice';
const format = formats.forYear(2023)!;
const plan = canonicalPlan(format);
const SAMPLE = join(__dirname, '..', 'fixtures', 'samples', 'fuxin-2020.txt');

function libreOfficeSave(files: string[]): string[] {
  const out = join(dir, 'lo');
  execFileSync(soffice, ['--headless', '--calc', '--convert-to', 'xlsx', '--outdir', out, ...files], { timeout: 180000 });
  return files.map((f) => join(out, f.slice(f.lastIndexOf('/') + 1)));
}

async function load(file: string): Promise<ExceljsWorkbookPort> {
  return ExceljsWorkbookPort.fromBuffer(readFileSync(file));
}

/** Fills the input cells of a template sheet with valid figures, plus any changes. */
function fill(port: ExceljsWorkbookPort, sheet: string, seed: number, change: Record<string, number | string | null> = {}) {
  const ws = port.workbook.getWorksheet(sheet)!;
  const cells = { ...validCells(format, seeded(seed)), ...change };
  for (const c of format.cells) if (!format.totals.has(c.index) || c.id in change) ws.getCell(plan.addresses[c.id]).value = cells[c.id];
  return cells;
}

let original: string;
let imported: string;
let before: { fills: Map<string, string>; notes: Map<string, string>; metas: Record<string, unknown> };
let saved: { original: string; imported: string };

beforeAll(async () => {
  const port = ExceljsWorkbookPort.empty();
  await generateTemplate(port, { office: '空白局', year: 2023 });
  for (const [office, seed] of [
    ['甲局', 1],
    ['乙局', 2],
    ['丙局', 3],
  ] as const) {
    await generateTemplate(port, { office, year: 2023 });
    fill(port, `${office}2023年报`, seed);
  }
  // 甲局: an error to paint over the clerk's own fill and note, and a blank confirmed as right.
  const ws = port.workbook.getWorksheet('甲局2023年报')!;
  const culprit = plan.addresses['requests.new.natural'];
  ws.getCell(culprit).value = Number(ws.getCell(culprit).value) + 1;
  ws.getCell(culprit).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFCCE5FF' } };
  ws.getCell(culprit).note = '已与台账核对';
  ws.getCell(plan.addresses['appeals.review.upheld']).value = null;
  const [first] = await validateSheets(port, { sheets: ['甲局2023年报'] });
  const blank = first.findings.find((f) => f.rule === 'cell.blank')!;
  await confirmWarning(port, '甲局2023年报', blank, '本年无此类案件');
  await validateSheets(port, { sheets: ['甲局2023年报'] });
  const result = await consolidateSheets(port, { members: ['乙局2023年报', '丙局2023年报'], office: '某县', mode: 'formula' });
  expect(result.ok).toBe(true);

  original = join(dir, 'workbook.xlsx');
  writeFileSync(original, await port.toBuffer());
  imported = join(dir, 'imported.xlsx');
  expect(nianbao(['import', SAMPLE, '--out', imported]).code).toBe(1); // the sample's published total is wrong

  const fresh = await load(original);
  const [sheet] = await fresh.readSheets(['甲局2023年报']);
  const infos = await fresh.listSheets();
  before = { fills: sheet.fills, notes: sheet.notes, metas: Object.fromEntries(infos.map((i) => [i.name, i.meta])) };
  const [a, b] = libreOfficeSave([original, imported]);
  saved = { original: a, imported: b };
}, 240000);

test('LibreOffice writes our metadata back as rich text, and every sheet is still ours with the same metadata', async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(saved.original);
  const raw = wb.getWorksheet('甲局2023年报')!.getCell('P1').value as { richText?: unknown[] };
  expect(Array.isArray(raw.richText)).toBe(true);
  const infos = await (await load(saved.original)).listSheets();
  expect(Object.fromEntries(infos.map((i) => [i.name, i.meta]))).toEqual(before.metas);
  expect(infos.map((i) => i.metaDropped)).toEqual(infos.map(() => undefined));
});

test('the validated sheet: same findings, the confirmation kept, and 清除标记 restores the clerk’s own fill and note', async () => {
  const port = await load(saved.original);
  const [r] = await validateSheets(port, { sheets: ['甲局2023年报'], paint: false });
  // 本年新收 of 自然人 one too many: its column's balance fails, and so does the 总计 column, whose row sum is live.
  expect(r.findings.map((f) => [f.rule, f.cells[0]])).toEqual([
    ['requests.balance', 'requests.new.natural'],
    ['requests.balance', 'requests.new.total'],
  ]);
  expect(r.confirmed.map((c) => [c.finding.rule, c.explanation])).toEqual([['cell.blank', '本年无此类案件']]);
  expect(await clearSheets(port)).toBe(1);
  const [after] = await port.readSheets(['甲局2023年报']);
  const culprit = plan.addresses['requests.new.natural'];
  expect(after.fills.get(culprit)).toBe('CCE5FF');
  expect(after.notes.get(culprit)).toBe('已与台账核对');
  expect(after.meta?.marks).toBeUndefined();
});

test('the summary saved by LibreOffice is still refused together with one of its members, and drill-down works', async () => {
  const port = await load(saved.original);
  const again = await consolidateSheets(port, { members: ['某县2023汇总', '乙局2023年报'], office: '某市' });
  expect(again.ok).toBe(false);
  expect(again.findings.map((f) => f.rule)).toContain('summary.duplicate_member');
  const parts = await contributions(port, '某县2023汇总', 'requests.new.total');
  expect(parts.map((p) => p.office)).toEqual(['乙局', '丙局']);
  const [summary] = await validateSheets(port, { sheets: 'reports', paint: false }).then((rs) => rs.filter((x) => x.sheet === '某县2023汇总'));
  expect(summary.findings.filter((f) => f.rule === 'summary.mismatch')).toEqual([]);
});

test('the blank template and the overview stay ours; the CLI reads the saved workbook as before', () => {
  const before = nianbao(['validate', original, '--json']);
  const after = nianbao(['validate', saved.original, '--json']);
  const strip = (out: string) =>
    JSON.parse(out).reports.map((r: { source: string; findings: { rule: string }[]; cells: unknown }) => ({
      sheet: r.source.slice(r.source.indexOf('#')),
      rules: r.findings.map((f) => f.rule).sort(),
      cells: r.cells,
    }));
  expect(strip(after.stdout)).toEqual(strip(before.stdout));
  expect(after.code).toBe(before.code);
});

test('an imported workbook saved by LibreOffice: the report and its 导入来源 sheet are still recognised', async () => {
  const infos = await (await load(saved.imported)).listSheets();
  expect(infos.map((i) => [i.name, i.meta?.role ?? (i.meta ? 'report' : null)])).toEqual([
    ['阜新市人民政府办公室2020年报', 'report'],
    ['导入来源', 'sources'],
  ]);
  const r = nianbao(['validate', saved.imported, '--json']);
  const rep = JSON.parse(r.stdout).reports;
  expect(rep).toHaveLength(1);
  expect(rep[0].findings.map((f: { rule: string }) => f.rule)).toContain('requests.balance');
});

test.each([
  ['the hidden column deleted', (ws: ExcelJS.Worksheet) => ws.spliceColumns(16, 1)],
  ['the rows below the tables deleted', (ws: ExcelJS.Worksheet) => ws.spliceRows(58, 10)],
  ['a column inserted and the backup row deleted', (ws: ExcelJS.Worksheet) => (ws.spliceRows(60, 1), ws.spliceColumns(2, 0, []))],
])('after LibreOffice, with %s, the sheet keeps its identity and marks', async (_case, edit) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(saved.original);
  edit(wb.getWorksheet('甲局2023年报')!);
  const port = await ExceljsWorkbookPort.fromBuffer(new Uint8Array(await wb.xlsx.writeBuffer()));
  const info = (await port.listSheets()).find((s) => s.name === '甲局2023年报')!;
  expect(info.meta).toEqual(before.metas['甲局2023年报']);
});

test('metadata from a submitted file is checked: bad entries are dropped and named, never trusted', async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(saved.original);
  const ws = wb.getWorksheet('乙局2023年报')!;
  const meta = {
    app: 'nianbao',
    v: 1,
    format: 'gov-2021',
    year: 2023,
    office: '乙局',
    members: 'not a list',
    confirmed: { 'requests.balance:x': 7, 'cell.blank:y': '说明' },
    marks: { 'not-an-address': { fill: null, note: null } },
  };
  ws.getCell('P1').value = `NIANBAO:${JSON.stringify(meta)}`;
  const port = await ExceljsWorkbookPort.fromBuffer(new Uint8Array(await wb.xlsx.writeBuffer()));
  const info = (await port.listSheets()).find((s) => s.name === '乙局2023年报')!;
  expect(info.meta).toEqual({ app: 'nianbao', v: 1, format: 'gov-2021', year: 2023, office: '乙局', confirmed: { 'cell.blank:y': '说明' } });
  expect(info.metaDropped).toEqual(['汇总成员', '出错说明（requests.balance:x）', '标记记录（not-an-address）']);
  const [r] = await validateSheets(port, { sheets: ['乙局2023年报'], paint: false });
  expect(r.findings.map((f) => [f.rule, f.severity])).toEqual([['format.meta_invalid', 'warning']]);
  expect(r.findings[0].message).toContain('汇总成员、出错说明（requests.balance:x）');
});
