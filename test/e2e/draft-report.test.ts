/**
 * 生成年报全文 in the web page, in a real headless Chromium: a filled report sheet is opened,
 * validated, and drafted; the downloaded .docx holds the sheet's figures and the placeholders.
 * A sheet with an error offers no draft until it is corrected.
 */
import type { ChildProcess } from 'child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { unzipSync, strFromU8 } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { formats } from '../../src/formats';
import { buildSheetPlan } from '../../src/layout/sheet-plan';
import { readReports } from '../helpers/read-file';
import { ExceljsWorkbookPort } from '../../src/ports/exceljs/exceljs-workbook';
import { ROOT } from '../helpers/cli';
import { launchChromium, startWebServer } from '../helpers/browser';
import { reportFromCells, seeded, validCells } from '../helpers/random-report';

const ARTIFACTS = join(ROOT, 'test-artifacts');
const dir = mkdtempSync(join(tmpdir(), 'nianbao-web-draft-'));
let server: ChildProcess;
let url = '';
let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  ({ server, url } = await startWebServer());
  browser = await launchChromium();
  page = await browser.newPage({ acceptDownloads: true, viewport: { width: 1280, height: 1000 } });
});

afterAll(async () => {
  await browser?.close();
  server?.kill();
});

const format = formats.forYear(2023)!;
const OFFICE = '汤原县人民政府办公室';

test('the web page: 一键校验, then 生成年报全文 downloads the drafted .docx', async () => {
  const failures: string[] = [];
  page.on('pageerror', (e) => failures.push(e.message));
  page.on('console', (m) => m.type() === 'error' && failures.push(m.text()));
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));

  // A filled sheet, with one 总计 typed one too high over its formula.
  const cells = validCells(format, seeded(21));
  const report = reportFromCells(format, cells, { office: OFFICE, year: 2023 });
  const wrong = { ...cells, 'requests.total.legal': cells['requests.total.legal'] + 1 };
  const port = ExceljsWorkbookPort.empty();
  await port.writeSheet(buildSheetPlan(format, { office: OFFICE, year: 2023, totals: 'values', readings: reportFromCells(format, wrong).readings }));
  const file = join(dir, 'filled.xlsx');
  writeFileSync(file, await port.toBuffer());

  await page.goto(url);
  await page.getByLabel('打开工作簿').setInputFiles(file);
  await page.getByText('当前：filled.xlsx').waitFor();
  await page.getByRole('tab', { name: '一键校验' }).click();
  await page.getByRole('button', { name: '一键校验' }).click();
  const draftButton = page.getByRole('button', { name: '生成年报全文' });
  await draftButton.waitFor();
  // With errors the draft is not offered, and the pane says why.
  expect(await draftButton.isDisabled()).toBe(true);
  await page.getByText(/改正 \d+ 个错误后才能生成年报全文/).waitFor();

  await page
    .getByRole('button', { name: /^改正：/ })
    .first()
    .click();
  await page.getByText('未发现问题。').waitFor();
  expect(await draftButton.isDisabled()).toBe(false);
  // The corrected workbook saved first, so any change drafting made would show as unsaved.
  const [book] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载', exact: true }).click()]);
  await book.saveAs(join(dir, 'corrected.xlsx'));
  await page.getByText('当前：filled.xlsx', { exact: true }).waitFor();
  const before = requests.length;
  const [download] = await Promise.all([page.waitForEvent('download'), draftButton.click()]);
  expect(download.suggestedFilename()).toBe(`${OFFICE}2023年政府信息公开工作年度报告.docx`);
  const saved = join(dir, 'drafted.docx');
  await download.saveAs(saved);
  await page
    .getByText(/已生成“汤原县人民政府办公室2023年政府信息公开工作年度报告\.docx”并交给浏览器下载（如未出现下载，请改用网页版或命令行 nianbao report）。其中 \d+ 处黄色的“【待填写：…】”需要补写。/)
    .waitFor();
  await page.screenshot({ path: join(ARTIFACTS, 'web-draft-report.png'), fullPage: true });
  // The Word writer came as its own script from this server, loaded only now; nothing went anywhere else.
  const loaded = requests.slice(before);
  expect(loaded.some((u) => u.startsWith(url) && u.endsWith('.js'))).toBe(true);
  expect(requests.every((u) => u.startsWith(url) || u.startsWith('blob:') || u.startsWith('data:'))).toBe(true);
  // Drafting changed nothing in the workbook.
  expect(await page.getByTestId('file-name').textContent()).toBe('当前：filled.xlsx');
  expect(failures).toEqual([]);

  // The download: the product's reader finds the corrected figures, office, year and format.
  const bytes = readFileSync(saved);
  const { reports } = await readReports('drafted.docx', bytes, formats);
  expect(reports).toHaveLength(1);
  expect([reports[0].office, reports[0].year, reports[0].format]).toEqual([OFFICE, 2023, format.id]);
  expect(Object.fromEntries(format.cells.map((c) => [c.id, reports[0].readings[c.index]?.value]))).toEqual(Object.fromEntries(format.cells.map((c) => [c.id, report.readings[c.index]?.value])));
  const xml = strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml']);
  expect(xml).toContain('【待填写：');
  expect(xml).toContain('<w:highlight w:val="yellow"/>');
  expect(xml).toContain(`本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止`);
  // The figures, drawn in the browser: each an SVG with the PNG the page's canvas made of it, twice its width.
  const parts = unzipSync(new Uint8Array(bytes));
  const media = Object.keys(parts).filter((n) => n.startsWith('word/media/'));
  const pngs = media.filter((n) => n.endsWith('.png'));
  expect(media.filter((n) => n.endsWith('.svg'))).toHaveLength(pngs.length);
  expect(pngs.length).toBeGreaterThanOrEqual(1);
  for (const p of pngs) {
    expect(Buffer.from(parts[p]).readUInt32BE(16)).toBe(588 * 2);
    expect(parts[p].length).toBeGreaterThan(5000);
  }
  expect(xml).toContain('图1　本年度');
});
