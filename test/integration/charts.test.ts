/**
 * Charts as the clerk and the leaders get them, through the command line and LibreOffice:
 *
 * - `nianbao report --previous`: the drafted .docx carries 图1–图3, each an SVG with its PNG,
 *   captioned after the table it illustrates; every number a figure prints equals the drafted
 *   tables' (read back from the .docx by the product's reader, summed here); LibreOffice renders
 *   the pages with the figures drawn (test-artifacts/charts/report-*.png);
 * - `nianbao consolidate --roster --previous`: the 图表 sheet rendered by LibreOffice
 *   (test-artifacts/charts/summary-charts.png) with its charts drawn; saved again by LibreOffice,
 *   its charts' figures, as LibreOffice read them from the cells, equal the summary's: the
 *   overview's states and new requests, the summary sheet's cells, the 同比 sheet's changes.
 */
import { execFileSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { formats } from '../../src/formats';
import { buildSheetPlan } from '../../src/layout/sheet-plan';
import type { Report } from '../../src/model/report';
import { ExceljsWorkbookPort } from '../../src/ports/exceljs/exceljs-workbook';
import { ClerkWorkbook } from '../../src/ports/xlsx/clerk-workbook';
import { packageCharts } from '../helpers/chart-package';
import { nianbao, ROOT } from '../helpers/cli';
import { CHART_CELLS_2024, handReport, requestsTable } from '../helpers/hand-report';
import { readReports } from '../helpers/read-file';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-charts-'));
const ARTIFACTS = join(ROOT, 'test-artifacts', 'charts');
const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p)) ?? 'soffice';
const f21 = formats.byId('gov-2021')!;

async function workbook(file: string, reports: Report[]): Promise<string> {
  const port = ExceljsWorkbookPort.empty();
  for (const r of reports) await port.writeSheet(buildSheetPlan(formats.byId(r.format)!, { office: r.office, year: r.year, readings: r.readings }));
  const path = join(dir, file);
  writeFileSync(path, await port.toBuffer());
  return path;
}

/** LibreOffice converts `file` into `to` (pdf, xlsx) in `out`. */
function convert(file: string, to: string, out: string): string {
  mkdirSync(out, { recursive: true });
  execFileSync(soffice, ['--headless', '--convert-to', to, '--outdir', out, file], { timeout: 180000 });
  const stem = file.slice(file.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '');
  return join(out, `${stem}.${to}`);
}

/** Pixels of a rendered page close to the charts' blue (0072B2): the bars LibreOffice drew. */
function bluePixels(pdf: string, page: number): number {
  const ppm = execFileSync('pdftoppm', ['-r', '40', '-f', String(page), '-l', String(page), pdf]);
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'))!;
  const data = ppm.subarray(header[0].length);
  let n = 0;
  for (let i = 0; i + 2 < data.length; i += 3) if (Math.abs(data[i] - 0x00) < 40 && Math.abs(data[i + 1] - 0x72) < 40 && Math.abs(data[i + 2] - 0xb2) < 40) n++;
  return n;
}

function pageText(pdf: string, page: number): string {
  return execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', pdf, '-'], { encoding: 'utf8' });
}

function pages(pdf: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
}

beforeAll(() => {
  rmSync(ARTIFACTS, { recursive: true, force: true });
  mkdirSync(ARTIFACTS, { recursive: true });
});

describe('the drafted report', () => {
  // This year: 自然人 予以公开 20, 部分公开 5, 不予公开 1, 无法提供 7, 不予处理 2, 其他处理 1, 2 carried in, 3 out;
  // 商业企业 予以公开 4, 无法提供 1; 法律服务机构 部分公开 2; 科研机构's new requests blank. Last year's for the pairs.
  const cur = handReport('gov-2021', 2024, CHART_CELLS_2024, { office: '某县交通运输局' });
  const prev = handReport(
    'gov-2021',
    2023,
    { ...requestsTable({ natural: { results: { granted: 30 }, out: 2 } }), 'appeals.review.upheld': 5, 'appeals.review.total': 5 },
    { office: '某县交通运输局' },
  );
  let docx: string;
  let parts: Record<string, Uint8Array>;
  let drafted: Report;
  let pdf: string;

  beforeAll(async () => {
    const xlsx = await workbook('report-2024.xlsx', [cur]);
    const last = await workbook('report-2023.xlsx', [prev]);
    docx = join(ARTIFACTS, 'report.docx');
    const r = nianbao(['report', xlsx, '--previous', last, '--out', docx]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('插入图表 3 幅（图1—图3）');
    parts = unzipSync(new Uint8Array(readFileSync(docx)));
    const back = await readReports('report.docx', readFileSync(docx), formats);
    drafted = back.reports[0];
    pdf = convert(docx, 'pdf', ARTIFACTS);
  }, 240000);

  test('three figures, each an SVG with a PNG of twice its size, captioned in the order of the text', () => {
    const xml = strFromU8(parts['word/document.xml']);
    expect([...xml.matchAll(/<asvg:svgBlip\b[^>]*r:embed="([^"]+)"/g)]).toHaveLength(3);
    const media = Object.keys(parts).filter((n) => n.startsWith('word/media/'));
    const svgs = media.filter((n) => n.endsWith('.svg'));
    const pngs = media.filter((n) => n.endsWith('.png'));
    expect([svgs.length, pngs.length]).toEqual([3, 3]);
    for (const png of pngs) {
      const ihdr = Buffer.from(parts[png]);
      expect(ihdr.subarray(1, 4).toString()).toBe('PNG');
      expect(ihdr.readUInt32BE(16)).toBe(588 * 2);
    }
    const text = xml.replace(/<[^>]+>/g, '');
    const at = (s: string) => text.indexOf(s);
    expect(at('图1　本年度新收政府信息公开申请的申请人（单位：件）')).toBeGreaterThan(at('三、收到和处理政府信息公开申请情况'));
    expect(at('图2　本年度政府信息公开申请的办理情况（单位：件）')).toBeGreaterThan(at('图1'));
    expect(at('图2')).toBeLessThan(at('四、政府信息公开行政复议、行政诉讼情况'));
    expect(at('图3　2023年和2024年的新收申请、行政复议和行政诉讼（单位：件）')).toBeGreaterThan(at('四、政府信息公开行政复议、行政诉讼情况'));
    expect(at('图3')).toBeLessThan(at('五、存在的主要问题及改进情况'));
    expect(text).toContain('注：「科研机构」在表格中为空白，图中标为“空白”。');
  });

  test('every number a figure prints equals the drafted tables’, summed by the test', () => {
    const v = (id: string) => drafted.readings[f21.index.get(id)!];
    const sum = (ids: string[]) => ids.reduce((s, id) => s + (v(id)?.value ?? 0), 0);
    const rowsOf = (prefix: string) => f21.cells.filter((c) => c.table === 'requests' && c.column === 'total' && (c.row === prefix || c.row.startsWith(`${prefix}.`))).map((c) => c.id);
    const applicants = ['natural', 'business', 'research', 'nonprofit', 'legal', 'org_other'].map((c) => {
      const r = v(`requests.new.${c}`);
      return r?.value === null ? '空白' : String(r?.value);
    });
    const outcome = ['granted', 'partial', 'denied', 'unable', 'rejected', 'other', 'carried_out'].map((g) => String(sum(rowsOf(g))));
    const suits = ['appeals.suit_direct.total', 'appeals.suit_after_review.total'];
    const trend = [
      [30 + 2, sum(['requests.new.total'])],
      [5, sum(['appeals.review.total'])],
      [0, sum(suits)],
    ].flatMap(([a, b]) => [String(a), String(b)]);
    expect(applicants).toEqual(['37', '5', '空白', '0', '2', '0']);
    // The SVGs in document order, each with the figures it prints (bar labels: numbers and 空白).
    const rels = strFromU8(parts['word/_rels/document.xml.rels']);
    const xml = strFromU8(parts['word/document.xml']);
    const printed = [...xml.matchAll(/<asvg:svgBlip\b[^>]*r:embed="([^"]+)"/g)].map((m) => {
      const target = new RegExp(`Id="${m[1]}"[^>]*Target="([^"]+)"`).exec(rels)![1];
      const svg = strFromU8(parts[`word/${target.replace(/^\/?word\//, '')}`]);
      return [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((t) => t[1]).filter((t) => /^(\d+|空白|无法读取)$/.test(t));
    });
    expect(printed).toEqual([applicants, outcome, trend]);
  });

  test('LibreOffice renders the pages with the figures drawn; one page kept as an artifact', () => {
    const withFigures: number[] = [];
    for (let p = 1; p <= pages(pdf); p++) if (/图\d/.test(pageText(pdf, p))) withFigures.push(p);
    expect(withFigures.length).toBeGreaterThanOrEqual(1);
    for (const p of withFigures) expect(bluePixels(pdf, p)).toBeGreaterThan(200);
    execFileSync('pdftoppm', ['-r', '70', '-f', String(withFigures[0]), '-l', String(withFigures[withFigures.length - 1]), '-png', pdf, join(ARTIFACTS, 'report')]);
    expect(readdirSync(ARTIFACTS).filter((f) => /^report-\d+\.png$/.test(f)).length).toBe(withFigures.length);
  });

  test('--no-charts drafts the same report without figures; the .html carries them inline', async () => {
    const xlsx = join(dir, 'report-2024.xlsx');
    const plain = join(dir, 'plain.docx');
    expect(nianbao(['report', xlsx, '--out', plain, '--no-charts']).code).toBe(0);
    const p = unzipSync(new Uint8Array(readFileSync(plain)));
    expect(Object.keys(p).filter((n) => n.startsWith('word/media/'))).toEqual([]);
    expect(strFromU8(p['word/document.xml'])).not.toContain('图1');
    const html = join(ARTIFACTS, 'report.html');
    expect(nianbao(['report', xlsx, '--out', html]).code).toBe(0);
    const page = readFileSync(html, 'utf8');
    expect(page.match(/<figure data-figure="\d">[\s\S]*?<svg\b/g)).toHaveLength(2);
    expect(page).not.toMatch(/<script/);
  });
});

describe('the summary’s 图表 sheet', () => {
  const A = '县财政局';
  const B = '县交通运输局';
  const C = '城关镇';
  const D = '县档案馆';
  let out: string;
  let wb: ExcelJS.Workbook;
  let loCharts: ReturnType<typeof packageCharts>;
  let chartsSheet: string;
  let pdf: string;

  beforeAll(async () => {
    const thisYear = [
      handReport(
        'gov-2021',
        2024,
        { ...requestsTable({ natural: { results: { granted: 6, partial: 2, 'denied.process': 1 }, out: 1 } }), 'appeals.review.upheld': 1, 'appeals.review.total': 1 },
        { office: A },
      ),
      handReport('gov-2021', 2024, { ...requestsTable({ business: { results: { 'unable.not_held': 3, 'rejected.repeat': 2 } } }), 'requests.total.legal': 7 }, { office: B }),
      handReport('gov-2021', 2024, requestsTable({ natural: { results: { granted: 1, 'other.misc': 4 } } }), { office: D }),
    ];
    const lastYear = [
      handReport('gov-2021', 2023, requestsTable({ natural: { results: { granted: 8 } } }), { office: A }),
      handReport('gov-2021', 2023, requestsTable({ business: { results: { partial: 2 } } }), { office: B }),
      handReport('gov-2021', 2023, requestsTable({ natural: { results: { granted: 5 } } }), { office: D }),
    ];
    const files = await Promise.all(thisYear.map((r, i) => workbook(`m${i}.xlsx`, [r])));
    const lastFiles = await Promise.all(lastYear.map((r, i) => workbook(`l${i}.xlsx`, [r])));
    const prev = join(dir, 'prev.xlsx');
    expect(nianbao(['consolidate', ...lastFiles, '--office', '某县', '--out', prev]).code).toBe(0);
    const roster = join(dir, 'roster.txt');
    writeFileSync(roster, [A, B, C, D].join('\n'));
    out = join(ARTIFACTS, 'summary.xlsx');
    const r = nianbao(['consolidate', ...files, '--office', '某县', '--roster', roster, '--previous', prev, '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('图表 4 幅见“某县2024图表”工作表');
    chartsSheet = '某县2024图表';
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(readFileSync(out)).buffer);
    // The sheet alone, as LibreOffice prints it: the other sheets removed from the package, the charts carried.
    const clerk = await ClerkWorkbook.open(new Uint8Array(readFileSync(out)));
    for (const ws of [...clerk.port.workbook.worksheets]) if (ws.name !== chartsSheet) clerk.port.workbook.removeWorksheet(ws.id);
    const alone = join(dir, 'charts-alone.xlsx');
    writeFileSync(alone, await clerk.write());
    pdf = convert(alone, 'pdf', join(dir, 'pdf'));
    // LibreOffice saves the workbook again: its charts cache the figures as it read them from the cells.
    loCharts = packageCharts(new Uint8Array(readFileSync(convert(out, 'xlsx', join(dir, 'lo')))));
  }, 300000);

  test('LibreOffice draws the four charts beside their tables; the page is kept as an artifact', () => {
    const text = pageText(pdf, 1).replace(/[ \t]+/g, '');
    for (const t of ['图1各单位报送和校验情况（单位：个）', '图2各单位的新收申请（单位：件）', '图3本年度政府信息公开申请的办理情况（单位：件）', '图4与2023年度相比的变化'])
      expect(text.split(t).length - 1).toBe(2);
    expect(bluePixels(pdf, 1) + (pages(pdf) > 1 ? bluePixels(pdf, 2) : 0)).toBeGreaterThan(500);
    execFileSync('pdftoppm', ['-r', '70', '-f', '1', '-l', '1', '-png', '-singlefile', pdf, join(ARTIFACTS, 'summary-charts')]);
    expect(existsSync(join(ARTIFACTS, 'summary-charts.png'))).toBe(true);
  });

  test('the charts’ figures, as LibreOffice read them, equal the summary’s cells', () => {
    const charts = loCharts.get(chartsSheet)!;
    expect(charts).toHaveLength(4);
    const [status, units, outcome, yoy] = charts;

    const overview = wb.getWorksheet('某县2024汇总明细')!;
    const header = (overview.getRow(3).values as unknown[]).map((x) => String(x ?? ''));
    const rows = [4, 5, 6, 7].map((n) => overview.getRow(n));
    const cell = (r: ExcelJS.Row, h: string) => r.getCell(header.indexOf(h)).value;
    const name = (r: ExcelJS.Row) => String(cell(r, '单位') && typeof cell(r, '单位') === 'object' ? (cell(r, '单位') as { text: string }).text : cell(r, '单位'));
    status.cachedCategories.forEach((label, i) => expect(status.cachedValues[i]).toBe(rows.filter((r) => label.startsWith(String(cell(r, '状态')))).length));
    expect(status.cachedValues.reduce((a, b) => a! + b!, 0)).toBe(4);

    const newRequests = new Map(rows.filter((r) => typeof cell(r, '新收申请') === 'number').map((r) => [name(r), cell(r, '新收申请') as number]));
    expect(units.cachedValues).toEqual(units.cachedCategories.map((c) => newRequests.get(c.replace('（有错误）', ''))));
    expect(units.cachedValues).toEqual([10, 5, 5]);

    const summary = wb.getWorksheet('某县2024汇总')!;
    const plan = buildSheetPlan(f21, { office: '某县', year: 2024 });
    const total = (prefix: string) =>
      f21.cells
        .filter((c) => c.table === 'requests' && c.column === 'total' && (c.row === prefix || c.row.startsWith(`${prefix}.`)))
        .reduce((s, c) => s + Number(summary.getCell(plan.addresses[c.id]).value ?? 0), 0);
    expect(outcome.cachedValues).toEqual(['granted', 'partial', 'denied', 'unable', 'rejected', 'other', 'carried_out'].map(total));

    // 图4: the 同比 sheet's 增减率 of each 合计 line it lists, as a fraction.
    const comparison = wb.getWorksheet('某县2024同比')!;
    const rates = new Map<string, unknown>();
    comparison.eachRow((r) => {
      if (r.getCell(1).value === '合计') rates.set(String(r.getCell(2).value), r.getCell(6).value);
    });
    yoy.cachedCategories.forEach((label, i) => {
      const rate = rates.get(label.replace(/（.*$/, ''));
      // Rounded as the chart prints it: to a tenth of a per cent.
      if (typeof rate === 'number') expect(yoy.cachedValues[i]).toBeCloseTo(Math.round(rate * 1000) / 1000, 9);
      else expect(yoy.cachedValues[i]).toBeNull();
    });
    // Last year 8 + 2 + 5, this year 10 + 5 + 5.
    expect(yoy.cachedCategories).toContain('新收申请（15→20）');
  });
});
