/**
 * Issue 21 in Chromium, over the built web page: each workbook of the clerk corpus (made by
 * LibreOffice, by openpyxl, and macro-enabled) is opened, validated, fixed by typing one cell,
 * and downloaded. The download is compared with the original part by part, re-read, and opened
 * in LibreOffice, which must still draw the clerk's chart (a picture is kept in test-artifacts).
 */
import type { ChildProcess } from 'child_process';
import { execFileSync } from 'child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { Browser, Page } from 'playwright-core';
import { formats } from '../../src/formats';
import { canonicalPlan } from '../../src/layout/sheet-report';
import { readWorkbookContents } from '../../src/ports/xlsx/read-sheets';
import { ROOT } from '../helpers/cli';
import { launchChromium, startWebServer } from '../helpers/browser';
import { CHART_TITLE, makeClerkCorpus, SHEET, summaryWithChart, type CorpusFile } from '../helpers/clerk-corpus';
import { diffPackages, onlyAppended, textOf } from '../helpers/package-diff';
import { soffice } from '../helpers/pdf-files';

const ARTIFACTS = join(ROOT, 'test-artifacts', 'clerk-workbooks');
const dir = mkdtempSync(join(tmpdir(), 'nianbao-clerk-web-'));
const format = formats.forYear(2023)!;
const plan = canonicalPlan(format);
let server: ChildProcess;
let url = '';
let browser: Browser;
let corpus: CorpusFile[] = [];

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  corpus = await makeClerkCorpus(dir);
  ({ server, url } = await startWebServer());
  browser = await launchChromium();
}, 240000);

afterAll(async () => {
  await browser?.close();
  server?.kill();
});

/** Opens, validates, types the fix, downloads: what the clerk does. Returns the downloaded file. */
async function roundTrip(page: Page, c: CorpusFile, out: string): Promise<{ name: string }> {
  await page.getByLabel('打开工作簿').setInputFiles(c.file);
  await page.getByRole('grid', { name: `工作表“${SHEET}”` }).waitFor();
  await page.getByRole('tab', { name: '一键校验' }).click();
  await page.getByRole('button', { name: '一键校验' }).click();
  await page.locator('[role=grid] [data-cell][aria-invalid=true]').first().waitFor();
  await page.locator(`[role=grid] [data-cell="${c.wrong.id}"] input`).fill(String(c.wrong.right));
  await page.waitForFunction(() => !document.querySelector('[role=grid] [aria-invalid=true]'));
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载' }).click()]);
  await d.saveAs(out);
  return { name: d.suggestedFilename() };
}

test.each([0, 1, 2])(
  'corpus file %i: open, validate, fix one cell, download: her package kept part by part, the fix re-read, her chart drawn by LibreOffice',
  async (i) => {
    const c = corpus[i];
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const failures: string[] = [];
    page.on('pageerror', (e) => failures.push(e.message));
    await page.goto(url);
    const out = join(dir, `downloaded-${i}${c.macros ? '.xlsm' : '.xlsx'}`);
    const { name } = await roundTrip(page, c, out);
    expect(name).toBe(`${SHEET}${c.macros ? '.xlsm' : '.xlsx'}`);
    expect(failures).toEqual([]);
    await context.close();

    const before = new Uint8Array(readFileSync(c.file));
    const after = new Uint8Array(readFileSync(out));
    const d = diffPackages(before, after);
    const shared = ['xl/styles.xml', 'xl/sharedStrings.xml', 'xl/workbook.xml', '[Content_Types].xml'];
    // Her report sheet is the first sheet in every corpus file.
    const changedSheets = d.changed.filter((n) => !shared.includes(n));
    expect(changedSheets).toEqual(['xl/worksheets/sheet1.xml']);
    expect(d.removed.filter((n) => n !== 'xl/calcChain.xml')).toEqual([]);
    expect(d.added.filter((n) => !/^xl\/(comments\d+\.xml|drawings\/vmlDrawing\d+\.vml|worksheets\/_rels\/sheet1\.xml\.rels)$/.test(n))).toEqual([]);
    const hers = Object.keys(d.before).filter((n) => /charts|drawings\/|media|vbaProject|comments|worksheets\/(sheet[2-9]|_rels\/sheet[2-9])/.test(n));
    expect(hers.length).toBeGreaterThan(2);
    for (const n of hers) expect([n, d.same.includes(n)]).toEqual([n, true]);
    expect(onlyAppended(textOf(d.before, 'xl/styles.xml'), textOf(d.after, 'xl/styles.xml'), ['numFmts', 'fonts', 'fills', 'borders', 'cellXfs', 'dxfs'])).toBe(true);
    if (c.macros) expect(textOf(d.after, '[Content_Types].xml')).toContain('macroEnabled.main+xml');

    const expected = { ...c.cells, [c.wrong.id]: c.wrong.right };
    const sheet = readWorkbookContents(after).sheets.find((s) => s.name === SHEET)!;
    for (const cell of format.cells) if (!format.totals.has(cell.index)) expect([cell.id, sheet.cells.get(plan.addresses[cell.id])]).toEqual([cell.id, expected[cell.id]]);

    // LibreOffice opens the download and draws her chart: its title is on a printed page.
    const pdfDir = join(dir, `pdf-${i}`);
    execFileSync(soffice, ['--headless', '--convert-to', 'pdf', '--outdir', pdfDir, out], { timeout: 180000, stdio: 'pipe' });
    const pdf = join(pdfDir, out.slice(out.lastIndexOf('/') + 1).replace(/\.xls[xm]$/, '.pdf'));
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
    const chartPage = [...Array(pages).keys()].map((p) => p + 1).find((p) => execFileSync('pdftotext', ['-f', String(p), '-l', String(p), pdf, '-'], { encoding: 'utf8' }).includes(CHART_TITLE));
    expect(chartPage).toBeDefined();
    execFileSync('pdftoppm', ['-f', String(chartPage), '-l', String(chartPage), '-r', '60', '-png', '-singlefile', pdf, join(ARTIFACTS, `chart-${c.tool.replace(/\W+/g, '-')}-${i}`)]);
  },
  240000,
);

test('consolidating again would replace her summary sheet and its chart: the page says so before the download, and keeping it keeps it', async () => {
  const file = await summaryWithChart(dir);
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByLabel('打开工作簿').setInputFiles(file);
  await page.getByRole('grid').waitFor();
  await page.getByRole('tab', { name: '汇总', exact: true }).click();
  await page.getByRole('button', { name: '列出年报工作表' }).click();
  for (const office of ['甲局', '乙局']) await page.getByRole('checkbox', { name: new RegExp(`^${office}`) }).check();
  await page.getByLabel('汇总单位').fill('某县');
  await page.getByRole('button', { name: '汇总（2 个成员）' }).click();
  await page.getByText(/已(生成|更新)汇总表“某县2023汇总”/).waitFor();
  await page.getByRole('button', { name: '下载' }).click();
  const dialog = page.getByRole('dialog', { name: '下载会丢失工作簿中的部分内容' });
  await dialog.waitFor();
  expect(await dialog.textContent()).toContain('工作表“某县2023汇总”：图表');
  await page.waitForTimeout(500); // the dialog's fade-in, for the picture
  await page.screenshot({ path: join(ARTIFACTS, 'loss-dialog.png') });
  const [d] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: '保留原工作表，修改另存为新工作表' }).click()]);
  const out = join(dir, 'summary-kept.xlsx');
  await d.saveAs(out);
  await context.close();

  const diff = diffPackages(new Uint8Array(readFileSync(file)), new Uint8Array(readFileSync(out)));
  // Her summary sheet, its drawing and chart: byte for byte.
  const hers = Object.keys(diff.before).filter((n) => /charts|drawings\/drawing/.test(n));
  expect(hers.length).toBeGreaterThanOrEqual(2);
  for (const n of hers) expect([n, diff.same.includes(n)]).toEqual([n, true]);
  const names = readWorkbookContents(new Uint8Array(readFileSync(out))).sheets.map((s) => s.name);
  expect(names).toEqual(expect.arrayContaining(['某县2023汇总', '某县2023汇总（年报助手）', '甲局2023年报', '乙局2023年报']));
}, 240000);
