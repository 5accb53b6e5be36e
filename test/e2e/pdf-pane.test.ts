/**
 * A PDF in the add-in's task pane, in a real headless Chromium over the fake Excel host:
 * PDF.js loads only when the PDF is opened, parses in its worker, and the figures written to
 * the sheet are those the command line reads from the same file. A scan is refused in Chinese.
 */
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { Browser, Page } from 'playwright-core';
import { formats } from '../../src/formats';
import { canonicalPlan } from '../../src/layout/sheet-report';
import { clerkLayout } from '../helpers/clerk-layouts';
import { nianbao } from '../helpers/cli';
import { launchChromium, servePaneHarnessWithPdf, watchPage } from '../helpers/browser';
import { reportPdfAndScan } from '../helpers/pdf-files';
import { seeded, validCells } from '../helpers/random-report';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-pdf-pane-'));
const format = formats.byId('gov-2021')!;
const cells = validCells(format, seeded(83));
const OFFICE = '某某县交通运输局';
let pdf = '';
let scan = '';
let harness: { url: string; stop: () => Promise<void> };
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ({ pdf, scan } = reportPdfAndScan(dir, clerkLayout(format, cells, { office: OFFICE, year: 2022 }), OFFICE));
  harness = await servePaneHarnessWithPdf(mkdtempSync(join(tmpdir(), 'nianbao-pane-served-')));
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 360, height: 900 } });
}, 180000);

afterAll(async () => {
  await browser?.close();
  await harness?.stop();
});

test('导入报送 of a PDF in the pane: read in the worker, the same figures as the command line, written to the sheet', async () => {
  const cli = nianbao(['validate', pdf, '--json'], dir);
  const fromCli = JSON.parse(cli.stdout).reports[0].cells as Record<string, number | null>;
  expect(fromCli).toEqual(Object.fromEntries(format.cells.map((c) => [c.id, cells[c.id] ?? null])));

  const { failures, requests: scripts, workers } = watchPage(page);

  await page.goto(harness.url);
  await page.getByRole('tab', { name: '导入报送' }).click();
  expect(scripts.some((s) => /pdf\.worker/.test(s))).toBe(false);
  await page.getByLabel('选择报送文件').setInputFiles([pdf, scan]);
  await page.getByTestId('import-item').nth(1).waitFor({ timeout: 60000 });
  await page.getByText(`${OFFICE} 2022 年度`).waitFor();
  await page
    .getByText(/没有文字层|扫描/)
    .first()
    .waitFor();
  expect(workers).toEqual(['blob:']);

  await page.getByRole('button', { name: '全选' }).click();
  await page.getByRole('button', { name: '写入工作簿（1）' }).click();
  await page.getByText(/已写入 1 个工作表/).waitFor();
  expect(failures).toEqual([]);

  const A = canonicalPlan(format).addresses;
  const written = await page.evaluate(
    ({ office, addresses }) => {
      const fake = (window as unknown as { fake: { sheets: { name: string; shown: (a: string) => unknown }[] } }).fake;
      const sheet = fake.sheets.find((s) => s.name.startsWith(office))!;
      return Object.fromEntries(Object.entries(addresses).map(([id, a]) => [id, sheet.shown(a)]));
    },
    { office: OFFICE, addresses: A },
  );
  for (const c of format.cells) expect({ id: c.id, value: written[c.id] === '' ? null : written[c.id] }).toEqual({ id: c.id, value: cells[c.id] ?? null });
}, 180000);
