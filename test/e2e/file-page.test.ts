/**
 * The web page opened from disk (file://), as a clerk opens the folder she was sent: the portable
 * build dist/portable/年报助手.html in a real headless Chromium, with no server at all. A workbook
 * is opened, validated, fixed and downloaded; a real PDF is read to the command line's figures (a
 * wild original from ../shared when present, else a PDF LibreOffice makes); a report is drafted.
 * With the worker broken on purpose, the message names the browser, not the file.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { pathToFileURL } from 'url';
import type { Browser, Page } from 'playwright-core';
import { formats } from '../../src/formats';
import { buildSheetPlan } from '../../src/layout/sheet-plan';
import { ExceljsWorkbookPort } from '../../src/ports/exceljs/exceljs-workbook';
import { launchChromium, watchPage } from '../helpers/browser';
import { nianbao, ROOT } from '../helpers/cli';
import { clerkLayout } from '../helpers/clerk-layouts';
import { reportPdfAndScan } from '../helpers/pdf-files';
import { reportFromCells, seeded, validCells } from '../helpers/random-report';
import { readReports } from '../helpers/read-file';
import { WILD_ORIGINALS } from '../helpers/wild-outcome';

const PORTABLE = join(ROOT, 'dist', 'portable');
const PAGE = pathToFileURL(join(PORTABLE, '年报助手.html')).href;
const dir = mkdtempSync(join(tmpdir(), 'nianbao-file-page-'));
const format = formats.forYear(2023)!;
const OFFICE = '某县交通运输局';
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

async function openPage(): Promise<{ page: Page; seen: ReturnType<typeof watchPage> }> {
  const page = await browser.newPage({ acceptDownloads: true });
  const seen = watchPage(page);
  await page.goto(PAGE);
  return { page, seen };
}

test('the portable build is a folder of the web page alone, with its help and a 使用说明', () => {
  const files = readdirSync(PORTABLE);
  expect(files).toEqual(expect.arrayContaining(['年报助手.html', '使用说明.txt', 'web-help.html']));
  // Nothing of the add-in: no manifest, no task pane, no office.js.
  expect(files.filter((f) => /manifest|taskpane|commands|dialog|^office/.test(f))).toEqual([]);
  expect(readFileSync(join(PORTABLE, '使用说明.txt'), 'utf8')).toContain('双击“年报助手.html”');
});

test('from file://: open a workbook, validate, fix a cell, download', async () => {
  const cells = validCells(format, seeded(31));
  const wrong = { ...cells, 'requests.total.legal': cells['requests.total.legal'] + 1 };
  const port = ExceljsWorkbookPort.empty();
  await port.writeSheet(buildSheetPlan(format, { office: OFFICE, year: 2023, totals: 'values', readings: reportFromCells(format, wrong).readings }));
  const file = join(dir, 'filled.xlsx');
  writeFileSync(file, await port.toBuffer());

  const { page, seen } = await openPage();
  expect(page.url().startsWith('file://')).toBe(true);
  await page.getByLabel('打开工作簿').setInputFiles(file);
  await page.getByText('当前：filled.xlsx').waitFor();
  await page.getByRole('tab', { name: '一键校验' }).click();
  await page.getByRole('button', { name: '一键校验' }).click();
  await page.getByText(/错误 \d/).waitFor();
  await page
    .getByRole('button', { name: /^改正：/ })
    .first()
    .click();
  await page.getByText('未发现问题。').waitFor();
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载', exact: true }).click()]);
  const saved = join(dir, 'fixed.xlsx');
  await d.saveAs(saved);
  const { reports } = await readReports('fixed.xlsx', readFileSync(saved), formats);
  expect(Object.fromEntries(format.cells.map((c) => [c.id, reports[0].readings[c.index]?.value]))).toEqual(Object.fromEntries(format.cells.map((c) => [c.id, cells[c.id]])));
  expect(seen.failures).toEqual([]);
  await page.close();
});

/** A real published PDF when ../shared has one, else one LibreOffice makes from a clerk's layout. */
function aPdf(): { file: string; real: boolean } {
  const original = join(WILD_ORIGINALS, 'huaian-city-2024.pdf');
  if (existsSync(original)) return { file: original, real: true };
  const { pdf } = reportPdfAndScan(dir, clerkLayout(format, validCells(format, seeded(33)), { office: OFFICE, year: 2023 }), OFFICE);
  return { file: pdf, real: false };
}

test("from file://: a PDF is read in the page's own worker to the command line's figures, and the report drafted", async () => {
  const { file, real } = aPdf();
  process.stdout.write(`file:// page reads ${real ? 'the original bytes of huaian-city-2024.pdf' : 'a PDF made by LibreOffice (../shared/wild-originals absent)'}\n`);
  const fromCli = JSON.parse(nianbao(['validate', file, '--json']).stdout).reports[0];

  const { page, seen } = await openPage();
  await page.getByRole('button', { name: '新建工作簿' }).click();
  await page.getByRole('tab', { name: '导入报送' }).click();
  await page.getByLabel('选择报送文件').setInputFiles(file);
  await page.getByTestId('import-item').first().waitFor({ timeout: 60000 });
  await page.getByText(`${fromCli.office} ${fromCli.year} 年度`).waitFor();
  // Parsed off the page's thread, in a worker started from the page's own code.
  expect(seen.workers).toEqual(['blob:']);
  await page.getByRole('button', { name: '全选' }).click();
  await page.getByRole('button', { name: '写入工作簿（1）' }).click();
  await page.getByText(/已写入 1 个工作表/).waitFor();
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载', exact: true }).click()]);
  const saved = join(dir, 'imported.xlsx');
  await d.saveAs(saved);
  const { reports } = await readReports('imported.xlsx', readFileSync(saved), formats);
  const read = reports.find((r) => r.office === fromCli.office)!;
  const f = formats.byId(read.format)!;
  expect(Object.fromEntries(f.cells.map((c) => [c.id, read.readings[c.index]?.value ?? null]))).toEqual(fromCli.cells);

  // 生成年报全文 from the sheet just written, when its figures allow one.
  await page.getByRole('tab', { name: '一键校验' }).click();
  await page.getByRole('button', { name: '一键校验' }).click();
  const draft = page.getByRole('button', { name: '生成年报全文' }).first();
  await draft.waitFor();
  if (await draft.isEnabled()) {
    const [doc] = await Promise.all([page.waitForEvent('download'), draft.click()]);
    const drafted = join(dir, 'drafted.docx');
    await doc.saveAs(drafted);
    expect(statSync(drafted).size).toBeGreaterThan(5000);
  } else {
    // A real report with real errors is not drafted: the page says why instead.
    await page.getByText(/改正 \d+ 个错误后才能生成年报全文/).waitFor();
  }
  expect(seen.failures).toEqual([]);
  await page.close();
});

test('from file://: a report drafted from a correct sheet is a Word file our reader reads back', async () => {
  const cells = validCells(format, seeded(35));
  const port = ExceljsWorkbookPort.empty();
  await port.writeSheet(buildSheetPlan(format, { office: OFFICE, year: 2023, totals: 'values', readings: reportFromCells(format, cells).readings }));
  const file = join(dir, 'correct.xlsx');
  writeFileSync(file, await port.toBuffer());
  const { page, seen } = await openPage();
  await page.getByLabel('打开工作簿').setInputFiles(file);
  await page.getByText('当前：correct.xlsx').waitFor();
  await page.getByRole('tab', { name: '一键校验' }).click();
  await page.getByRole('button', { name: '一键校验' }).click();
  await page.getByText('未发现问题。').waitFor();
  const [doc] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '生成年报全文' }).click()]);
  const drafted = join(dir, 'drafted-correct.docx');
  await doc.saveAs(drafted);
  const { reports } = await readReports('drafted.docx', readFileSync(drafted), formats);
  expect([reports[0].office, reports[0].year]).toEqual([OFFICE, 2023]);
  expect(Object.fromEntries(format.cells.map((c) => [c.id, reports[0].readings[c.index]?.value]))).toEqual(Object.fromEntries(format.cells.map((c) => [c.id, cells[c.id]])));
  expect(seen.failures).toEqual([]);
  await page.close();
});

test('with the browser refusing workers, a PDF is not called damaged: the message names the browser', async () => {
  const { file } = aPdf();
  const page = await browser.newPage();
  // As a locked-down browser does: it reads a worker's options, then refuses to start it.
  await page.addInitScript(() => {
    function Refused(_url: string, options?: { type?: string }) {
      void options?.type;
      throw new DOMException("Failed to construct 'Worker': access denied by policy", 'SecurityError');
    }
    Object.defineProperty(window, 'Worker', { value: Refused });
  });
  await page.goto(PAGE);
  await page.getByRole('button', { name: '新建工作簿' }).click();
  await page.getByRole('tab', { name: '导入报送' }).click();
  await page.getByLabel('选择报送文件').setInputFiles(file);
  const said = page.getByText(/读取所需的组件没能启动/);
  await said.waitFor({ timeout: 60000 });
  const text = (await said.textContent()) ?? '';
  expect(text).toContain('这不是文件的问题');
  expect(text).toContain('极速模式');
  expect(text).not.toContain('损坏');
  await page.close();
});
