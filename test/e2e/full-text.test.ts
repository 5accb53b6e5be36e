/**
 * 检查全文 in a real headless Chromium: in the web page (built, served locally) and in the
 * add-in pane over the fake Excel host. A report drafted by `nianbao report` is picked and
 * its findings listed; a planted fault shows its rule's message with the quote's place; in the
 * pane the tables are checked in the workbook's sheet of the same office and year.
 */
import type { ChildProcess } from 'child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { Browser, Page } from 'playwright-core';
import { formats } from '../../src/formats';
import { buildSheetPlan, MARK_FILL } from '../../src/layout/sheet-plan';
import { canonicalPlan } from '../../src/layout/sheet-report';
import { ExceljsWorkbookPort } from '../../src/ports/exceljs/exceljs-workbook';
import { nianbao, ROOT } from '../helpers/cli';
import { buildPaneHarness, launchChromium, startWebServer } from '../helpers/browser';
import { reportFromCells, seeded, validCells } from '../helpers/random-report';

const ARTIFACTS = join(ROOT, 'test-artifacts');
const dir = mkdtempSync(join(tmpdir(), 'nianbao-fulltext-web-'));
const format = formats.forYear(2024)!;
const OFFICE = '某某县交通运输局';
const SHEET = `${OFFICE}2024年报`;
const cells = validCells(format, seeded(8));
const report = reportFromCells(format, cells, { office: OFFICE, year: 2024 });

let server: ChildProcess;
let url = '';
let browser: Browser;
let page: Page;
let docx = '';
let renamed = '';
let workbook = '';

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const port = ExceljsWorkbookPort.empty();
  await port.writeSheet(buildSheetPlan(format, { office: OFFICE, year: 2024, readings: report.readings }));
  workbook = join(dir, '报表.xlsx');
  writeFileSync(workbook, await port.toBuffer());
  docx = join(dir, '年报.docx');
  expect(nianbao(['report', workbook, '--out', docx]).code).toBe(0);
  const html = join(dir, '年报.html');
  expect(nianbao(['report', workbook, '--out', html, '--html']).code).toBe(0);
  // The planted fault: part 五 under a title of its own.
  renamed = join(dir, '改了标题.html');
  writeFileSync(renamed, readFileSync(html, 'utf8').replace('五、存在的主要问题及改进情况', '五、存在的主要问题及整改措施'));
  ({ server, url } = await startWebServer());
  await buildPaneHarness(dir);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
}, 120000);

afterAll(async () => {
  await browser?.close();
  server?.kill();
});

function watch(p: Page): string[] {
  const failures: string[] = [];
  p.on('pageerror', (e) => failures.push(e.message));
  p.on('console', (m) => m.type() === 'error' && failures.push(m.text()));
  return failures;
}

test('the web page: 检查全文 on a drafted report, on a planted fault, on a damaged PDF; then against the open workbook', async () => {
  const failures = watch(page);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(url);
  await page.getByRole('tab', { name: '一键校验' }).click();

  // No workbook open: the file's own tables are checked.
  await page.getByLabel('选择年报全文').setInputFiles(docx);
  const result = page.getByRole('region', { name: '全文检查结果：年报.docx' });
  await result.waitFor();
  await result.getByText(`表格：按该文件中的表格核对（${OFFICE} 2024 年度）。`, { exact: false }).waitFor();
  await result.getByText(/正文共 \d+ 段。/).waitFor();
  expect(await result.getByTestId('full-text-counts').getByText('错误 0').count()).toBe(1);

  await page.getByLabel('选择年报全文').setInputFiles(renamed);
  const planted = page.getByRole('region', { name: '全文检查结果：改了标题.html' });
  await planted.waitFor();
  const item = planted.locator('li[data-rule="structure.section_title"]');
  await item
    .getByText(/部分标题“存在的主要问题及整改措施”|存在的主要问题及整改措施/)
    .first()
    .waitFor();
  expect(await item.getByTestId('place').textContent()).toMatch(/^原文位置：第五部分 第\d+段$/);
  await page.screenshot({ path: join(ARTIFACTS, 'web-full-text.png'), fullPage: true });

  // A damaged PDF is refused in Chinese, as on the command line; nothing else changes.
  writeFileSync(join(dir, '年报.pdf'), '%PDF-1.4\n');
  await page.getByLabel('选择年报全文').setInputFiles(join(dir, '年报.pdf'));
  await page.getByText('无法打开该 PDF 文件，文件已损坏或不是 PDF 格式', { exact: false }).waitFor();

  // With the workbook holding the same office and year open, the tables are checked in its sheet.
  await page.getByLabel('打开工作簿').setInputFiles(workbook);
  await page.getByText('当前：报表.xlsx').waitFor();
  await page.getByLabel('选择年报全文').setInputFiles(docx);
  await page.getByRole('region', { name: '全文检查结果：年报.docx' }).getByText(`表格：按工作表“${SHEET}”核对`, { exact: false }).waitFor();
  // Nothing was written into the workbook.
  expect(await page.getByTestId('file-name').textContent()).toBe('当前：报表.xlsx');
  expect(requests.every((u) => u.startsWith(url) || u.startsWith('blob:') || u.startsWith('data:'))).toBe(true);
  expect(failures).toEqual([]);
}, 120000);

test('the add-in pane: the tables checked in the workbook’s sheet (its error listed, its cell selected), the text against it', async () => {
  const pane = await browser.newPage({ viewport: { width: 360, height: 900 } });
  const failures = watch(pane);
  await pane.goto(`file://${join(dir, 'index.html')}`);
  await pane.getByLabel('报告年度').click();
  await pane.getByRole('option', { name: '2024 年度' }).click();
  await pane.getByLabel('填报单位').fill(OFFICE);
  await pane.getByRole('button', { name: '生成表格' }).click();
  await pane.getByText(`已生成工作表“${SHEET}”`).waitFor();
  // The sheet filled with the report's figures, one 总计 typed one too high over its formula (the row's total kept).
  const plan = canonicalPlan(format);
  const A = plan.addresses;
  const formulas = new Set(plan.cells.filter((c) => c.formula).map((c) => c.cellId));
  const typed: Record<string, number> = {};
  for (const c of format.cells) if (!formulas.has(c.id)) typed[A[c.id]] = cells[c.id];
  typed[A['requests.total.legal']] = cells['requests.total.legal'] + 1;
  typed[A['requests.total.total']] = cells['requests.total.total'];
  await pane.evaluate(
    ({ sheet, typed }) => {
      const fake = (window as unknown as { fake: { sheet: (n: string) => { cell: (a: string) => { value: unknown; formula: unknown } } } }).fake;
      for (const [addr, v] of Object.entries(typed)) {
        const c = fake.sheet(sheet).cell(addr);
        c.formula = null;
        c.value = v;
      }
    },
    { sheet: SHEET, typed },
  );

  await pane.getByRole('tab', { name: '一键校验' }).click();
  await pane.getByLabel('选择年报全文').setInputFiles(docx);
  const result = pane.getByRole('region', { name: '全文检查结果：年报.docx' });
  await result.getByText(`表格：按工作表“${SHEET}”核对`, { exact: false }).waitFor();
  // The drafted file's tables are right; the sheet's are not, and that is what is listed.
  const wrong = result.locator('li[data-rule="requests.row_sum"]');
  await wrong.waitFor();
  await wrong.locator('[role=button]').click();
  await pane.getByText(`已定位到工作表“${SHEET}”的 ${A['requests.total.legal']} 单元格。`).waitFor();
  expect(await pane.evaluate(() => (window as unknown as { fake: { selection: unknown } }).fake.selection)).toEqual({ sheet: SHEET, address: A['requests.total.legal'] });
  await pane.screenshot({ path: join(ARTIFACTS, 'addin-full-text.png'), fullPage: true });
  // Nothing painted: 检查全文 lists, it does not mark.
  const painted = await pane.evaluate(
    ({ sheet, addr }) => (window as unknown as { fake: { sheet: (n: string) => { cells: Map<string, { fill: string | null }> } } }).fake.sheet(sheet).cells.get(addr)?.fill ?? null,
    { sheet: SHEET, addr: A['requests.total.legal'] },
  );
  expect(painted).not.toBe(MARK_FILL.error);
  expect(failures).toEqual([]);
}, 120000);
