/**
 * The summary workbook's 图表 sheet as a package: native chart parts reached through the
 * relationships, each chart's series referring to its own sheet's cells and caching their values;
 * those cells equal the summary's (the overview's states and figures, the summary sheet's cells);
 * and the charts survive every later rewrite: a download of the clerk's workbook carries them
 * byte for byte, and a new 汇总 in it replaces them with new ones, nothing left dangling.
 */
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { consolidateReports } from '../../src/app/consolidate-files';
import { consolidateSheets } from '../../src/app/consolidate-sheets';
import { parseRosterText } from '../../src/consolidate/roster';
import { formats } from '../../src/formats';
import { ExceljsWorkbookPort } from '../../src/ports/exceljs/exceljs-workbook';
import { ClerkWorkbook } from '../../src/ports/xlsx/clerk-workbook';
import { packageCharts } from '../helpers/chart-package';
import { diffPackages } from '../helpers/package-diff';
import { handReport, requestsTable } from '../helpers/hand-report';
import { buildSheetPlan } from '../../src/layout/sheet-plan';

const A = '县财政局';
const B = '县交通运输局';
const C = '城关镇';
const D = '县档案馆';
const ROSTER = [A, B, C, D].join('\n');
const TODAY = '2025-03-01';
const f21 = formats.byId('gov-2021')!;
/** Where each cell id sits on a summary sheet of this format: the canonical layout. */
const plan = buildSheetPlan(f21, { office: '某县', year: 2024 });

const reports = [
  handReport('gov-2021', 2024, { ...requestsTable({ natural: { results: { granted: 6, partial: 2, 'denied.process': 1 }, out: 1 } }) }, { office: A, source: 'a.xlsx' }),
  handReport(
    'gov-2021',
    2024,
    { ...requestsTable({ business: { results: { 'unable.not_held': 3, 'rejected.repeat': 2 } } }), 'requests.granted.natural': '若干', 'requests.granted.total': '若干' },
    { office: B, source: 'b.xlsx' },
  ),
  handReport('gov-2021', 2024, requestsTable({ natural: { results: { granted: 1, 'other.misc': 4 } } }), { office: D, source: 'd.xlsx' }),
];

let bytes: Uint8Array;
let sheets: { summary: string; overview: string; charts?: string; members: string[] };

beforeAll(async () => {
  const port = ExceljsWorkbookPort.empty();
  const r = await consolidateReports(
    port,
    reports.map((report) => ({ file: report.source, reports: [report] })),
    { office: '某县', roster: parseRosterText(ROSTER).entries, today: TODAY },
  );
  if (!r.ok) throw new Error('refused');
  sheets = r.sheets;
  bytes = await port.toBuffer();
});

async function book(data: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb;
}

/** A cell's value as shown: a formula's result, rich text as text. */
function shown(ws: ExcelJS.Worksheet, addr: string): unknown {
  const v = ws.getCell(addr).value as unknown;
  if (v && typeof v === 'object' && 'result' in (v as object)) return (v as { result: unknown }).result;
  if (v && typeof v === 'object' && 'text' in (v as object)) return (v as { text: unknown }).text;
  return v ?? null;
}

function rangeCells(range: string): string[] {
  const m = /!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$/.exec(range)!;
  return Array.from({ length: Number(m[4]) - Number(m[2]) + 1 }, (_, i) => `${m[1]}${Number(m[2]) + i}`);
}

test('the 图表 sheet has three native charts, each over its own cells, caching exactly what they hold', async () => {
  expect(sheets.charts).toBe('某县2024图表');
  const charts = packageCharts(bytes).get(sheets.charts!)!;
  expect(charts.map((c) => c.title)).toEqual(['图1　各单位报送和校验情况（单位：个）', '图2　各单位的新收申请（单位：件）', '图3　本年度政府信息公开申请的办理情况（单位：件）']);
  const ws = (await book(bytes)).getWorksheet(sheets.charts!)!;
  for (const c of charts) {
    expect(c.categories.startsWith(`'${sheets.charts}'!$A$`)).toBe(true);
    expect(c.values.startsWith(`'${sheets.charts}'!$B$`)).toBe(true);
    expect(c.cachedCategories).toEqual(rangeCells(c.categories).map((a) => shown(ws, a)));
    expect(c.cachedValues).toEqual(rangeCells(c.values).map((a) => shown(ws, a)));
    // Beside its table, never over it.
    expect(c.from.col).toBeGreaterThanOrEqual(4);
  }
});

test('the charts’ figures equal the summary’s: the overview’s states and figures, the summary sheet’s cells', async () => {
  const wb = await book(bytes);
  const charts = packageCharts(bytes).get(sheets.charts!)!;
  const overview = wb.getWorksheet(sheets.overview)!;
  const header = (overview.getRow(3).values as unknown[]).map((v) => String(v ?? ''));
  const rows = Array.from({ length: 4 }, (_, i) => overview.getRow(4 + i));
  const col = (h: string) => header.indexOf(h);

  // 图1: the units of each state in the overview's 状态 column.
  const [status, units, outcome] = charts;
  const states = rows.map((r) => String(r.getCell(col('状态')).value));
  status.cachedCategories.forEach((label, i) => expect(status.cachedValues[i]).toBe(states.filter((s) => label.startsWith(s)).length));
  expect(states.filter((s) => s === '有错误')).toHaveLength(1);

  // 图2: each unit's 新收申请 as the overview has it, largest first; B is marked.
  const newRequests = new Map(rows.map((r) => [String(shown(overview, `B${r.number}`)), r.getCell(col('新收申请')).value]));
  expect(units.cachedCategories).toEqual([A, `${B}（有错误）`, D]);
  expect(units.cachedValues).toEqual([newRequests.get(A), newRequests.get(B), newRequests.get(D)]);
  expect(units.cachedValues).toEqual([10, 5, 5]);

  // 图3: the summary sheet's 总计 column, summed by result group; 予以公开 cannot be read (B wrote 若干) and is a gap.
  const summary = wb.getWorksheet(sheets.summary)!;
  const meta = await ExceljsWorkbookPort.fromBuffer(bytes).then((p) => p.readSheets([sheets.summary]));
  expect(meta[0].meta?.members).toEqual(expect.arrayContaining([A, B, D]));
  const total = (rowPrefix: string) =>
    f21.cells
      .filter((c) => c.table === 'requests' && c.column === 'total' && (c.row === rowPrefix || c.row.startsWith(`${rowPrefix}.`)))
      .reduce((s, c) => s + Number(shown(summary, addressOf(c.id)) ?? 0), 0);
  const addressOf = (id: string) => plan.addresses[id];
  expect(outcome.cachedValues).toEqual([null, total('partial'), total('denied'), total('unable'), total('rejected'), total('other'), total('carried_out')]);
  expect(outcome.cachedValues).toEqual([null, 2, 1, 3, 2, 4, 1]);
  const ws = wb.getWorksheet(sheets.charts!)!;
  const firstRow = Number(/\$(\d+):/.exec(outcome.values)![1]);
  expect(String(ws.getCell(`C${firstRow}`).value)).toMatch(/^无法读取：.*县交通运输局为“若干”/);
});

test('a download of the clerk’s workbook carries the charts byte for byte', async () => {
  const clerk = await ClerkWorkbook.open(bytes);
  await clerk.port.setValues(sheets.members[0], { A1: '改过的标题' });
  const out = await clerk.write();
  const d = diffPackages(bytes, out);
  const chartParts = Object.keys(d.before).filter((n) => /^xl\/(charts|drawings)\//.test(n));
  expect(chartParts.length).toBeGreaterThanOrEqual(5);
  expect(d.same).toEqual(expect.arrayContaining(chartParts));
  expect(packageCharts(out)).toEqual(packageCharts(bytes));
});

test('a new 汇总 in the clerk’s workbook replaces the 图表 sheet with new charts; nothing of the old ones is left', async () => {
  const clerk = await ClerkWorkbook.open(bytes);
  // Only A and D this time: two units, no errors among them.
  const r = await consolidateSheets(clerk.port, { members: [sheets.members[0], sheets.members[2]], office: '某县', roster: ROSTER, mode: 'values', today: TODAY });
  expect(r.ok).toBe(true);
  expect(r.chartsSheet).toBe(sheets.charts);
  const out = await clerk.write();
  const charts = packageCharts(out).get(sheets.charts!)!;
  expect(charts.map((c) => c.title)).toEqual(['图1　各单位报送和校验情况（单位：个）', '图2　各单位的新收申请（单位：件）', '图3　本年度政府信息公开申请的办理情况（单位：件）']);
  expect(charts[1].cachedValues).toEqual([10, 5]);
  // Every chart part in the package is one a drawing shows.
  const all = Object.keys(unzipSync(out)).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
  expect(all.sort()).toEqual(charts.map((c) => c.part).sort());
  // And the new workbook still opens in exceljs with the sheet's table intact.
  const ws = (await book(out)).getWorksheet(sheets.charts!)!;
  expect(shown(ws, rangeCells(charts[1].categories)[0])).toBe(A);
});

test('switched off, no 图表 sheet and no chart parts', async () => {
  const port = ExceljsWorkbookPort.empty();
  const r = await consolidateReports(
    port,
    reports.map((report) => ({ file: report.source, reports: [report] })),
    { office: '某县', today: TODAY, charts: false },
  );
  if (!r.ok) throw new Error('refused');
  expect(r.sheets.charts).toBeUndefined();
  expect(r.charts).toEqual([]);
  const parts = Object.keys(unzipSync(await port.toBuffer()));
  // (Notes keep their VML drawings.)
  expect(parts.filter((n) => /^xl\/(charts\/|drawings\/drawing)/.test(n))).toEqual([]);
});
