/**
 * A PDF in the web page, in a real headless Chromium: PDF.js loads only when the PDF is
 * opened, parses in its worker, and the figures written to the workbook are those the
 * command line reads from the same file. A scan is refused in Chinese, as on the command line.
 */
import ExcelJS from 'exceljs';
import type { ChildProcess } from 'child_process';
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { Browser, Page } from 'playwright-core';
import { formats } from '../../src/formats';
import { canonicalPlan } from '../../src/layout/sheet-report';
import { clerkLayout } from '../helpers/clerk-layouts';
import { nianbao } from '../helpers/cli';
import { launchChromium, startWebServer, watchPage } from '../helpers/browser';
import { reportPdfAndScan } from '../helpers/pdf-files';
import { seeded, validCells } from '../helpers/random-report';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-pdf-web-'));
const format = formats.byId('gov-2021')!;
const cells = validCells(format, seeded(71));
const OFFICE = '某某县自然资源局';
let pdf = '';
let scan = '';
let server: ChildProcess;
let url = '';
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ({ pdf, scan } = reportPdfAndScan(dir, clerkLayout(format, cells, { office: OFFICE, year: 2023 }), OFFICE));
  ({ server, url } = await startWebServer());
  browser = await launchChromium();
  page = await browser.newPage({ acceptDownloads: true });
}, 180000);

afterAll(async () => {
  await browser?.close();
  server?.kill();
});

test('导入报送 of a PDF: read in the worker, the same figures as the command line, written to the workbook', async () => {
  const cli = nianbao(['validate', pdf, '--json'], dir);
  const fromCli = JSON.parse(cli.stdout).reports[0].cells as Record<string, number | null>;
  expect(fromCli).toEqual(Object.fromEntries(format.cells.map((c) => [c.id, cells[c.id] ?? null])));

  const { failures, requests: scripts, workers } = watchPage(page);

  await page.goto(url);
  await page.getByRole('button', { name: '新建工作簿' }).click();
  expect(scripts.some((s) => /pdfjs|pdf\.worker/.test(s))).toBe(false);
  await page.getByRole('tab', { name: '导入报送' }).click();
  await page.getByLabel('选择报送文件').setInputFiles([pdf, scan]);
  await page.getByTestId('import-item').nth(1).waitFor({ timeout: 60000 });
  await page.getByText(`${OFFICE} 2023 年度`).waitFor();
  await page
    .getByText(/没有文字层|扫描/)
    .first()
    .waitFor();
  // One worker for the page's life, started from the code the page holds.
  expect(workers).toEqual(['blob:']);
  expect(scripts.some((s) => /\/pdfjs\.[0-9a-f]+\.js$/.test(s))).toBe(true);

  await page.getByRole('button', { name: '全选' }).click();
  await page.getByRole('button', { name: '写入工作簿（1）' }).click();
  await page.getByText(/已写入 1 个工作表/).waitFor();
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载' }).click()]);
  const file = join(dir, 'imported.xlsx');
  await d.saveAs(file);
  expect(failures).toEqual([]);

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheet = wb.worksheets.find((w) => w.name.startsWith(OFFICE))!;
  const A = canonicalPlan(format).addresses;
  for (const c of format.cells) {
    const v = sheet.getCell(A[c.id]).value;
    const value = v && typeof v === 'object' && 'result' in v ? v.result : v;
    expect({ id: c.id, value: value ?? null }).toEqual({ id: c.id, value: cells[c.id] ?? null });
  }
}, 180000);
