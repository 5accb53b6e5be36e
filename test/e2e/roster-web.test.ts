/**
 * The roster on the web page (real Chromium, real .xlsx): a workbook with a hand-made 报送名单
 * sheet is opened, the roster is read into the box, edited, saved over the hand-made sheet
 * after asking, and 汇总 lists the 未报送 units with the counts; the downloaded file holds both.
 * Needs `npm run build` first.
 */
import ExcelJS from 'exceljs';
import type { ChildProcess } from 'child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { Browser, Page } from 'playwright-core';
import { generateTemplate } from '../../src/app/generate';
import { formats } from '../../src/formats';
import { decodeMeta } from '../../src/model/sheet-meta';
import { canonicalPlan } from '../../src/layout/sheet-report';
import { ExceljsWorkbookPort } from '../../src/ports/exceljs/exceljs-workbook';
import { ROOT } from '../helpers/cli';
import { launchChromium, startWebServer } from '../helpers/browser';
import { seeded, validCells } from '../helpers/random-report';

const ARTIFACTS = join(ROOT, 'test-artifacts');
const dir = mkdtempSync(join(tmpdir(), 'nianbao-roster-web-'));
let server: ChildProcess;
let url = '';
let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  ({ server, url } = await startWebServer());
  browser = await launchChromium();
  page = await browser.newPage({ acceptDownloads: true, viewport: { width: 760, height: 1400 } });
});

afterAll(async () => {
  await browser?.close();
  server?.kill();
});

/** Whole days from today to a date, counted independently of the product's code. */
function daysUntil(date: string): number {
  const now = new Date();
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())) / 86400000);
}

test('the web page: roster read from a hand-made sheet, edited, saved after asking; 汇总 shows the counts and the 未报送 units', async () => {
  const failures: string[] = [];
  page.on('pageerror', (e) => failures.push(e.message));
  const format = formats.forYear(2024)!;
  const plan = canonicalPlan(format);
  const port = ExceljsWorkbookPort.empty();
  for (const [office, seed] of [
    ['县财政局', 1],
    ['城关镇', 2],
  ] as const) {
    const r = await generateTemplate(port, { office, year: 2024 });
    if (!r.ok) throw new Error('generate');
    const ws = port.workbook.getWorksheet(r.name)!;
    const cells = validCells(format, seeded(seed));
    for (const c of format.cells) if (!format.totals.has(c.index)) ws.getCell(plan.addresses[c.id]).value = cells[c.id];
  }
  const own = port.workbook.addWorksheet('报送名单');
  own.addRows([['单位', '层级'], ['县财政局'], ['城关镇', '乡镇'], ['县发改局'], ['县税务局', '', '', '不纳入汇总']]);
  own.getCell('F1').value = '联系人：李四';
  const file = join(dir, 'season.xlsx');
  writeFileSync(file, await port.toBuffer());

  await page.goto(url);
  await page.getByLabel('打开工作簿').setInputFiles(file);
  await page.getByText(/当前：season\.xlsx/).waitFor();
  await page.getByRole('tab', { name: '汇总' }).click();
  await page.getByRole('button', { name: '列出年报工作表' }).click();
  const box = page.getByLabel('报送名单', { exact: true });
  await page.waitForFunction(() => (document.querySelector('textarea[aria-label="报送名单"]') as HTMLTextAreaElement | null)?.value.includes('县发改局'));
  expect(await box.inputValue()).toBe(['县财政局', '城关镇\t乡镇', '县发改局', '县税务局\t不纳入汇总'].join('\n'));

  await box.fill(`${await box.inputValue()}\n东城街道\t街道\t2099-03-31`);
  await page.getByRole('button', { name: '保存到“报送名单”工作表' }).click();
  await page.getByText('工作表“报送名单”不是本工具写的：保存会按名单重写它，它的其他内容不保留。确定要替换吗？').waitFor();
  await page.getByRole('button', { name: '替换“报送名单”' }).click();
  await page.getByText('已把 5 个单位保存到“报送名单”工作表。').waitFor();

  await page.getByRole('button', { name: '全选' }).click();
  await page.getByLabel('汇总单位').fill('某县');
  await page.getByRole('button', { name: '汇总（2 个成员）' }).click();
  await page.getByText(/已生成汇总表“某县2024汇总”/).waitFor();
  // 县发改局 (a department) was due 2025-01-31; 东城街道 has until 2099.
  await page.getByText(/^应报 4 个，已报 2 个，通过 2 个；未报送 2 个（其中逾期 1 个）；有错误 0 个；不纳入汇总 1 个/).waitFor();
  await page.getByText('未报送：县发改局、东城街道（见“某县2024汇总明细”）').waitFor();
  await page.screenshot({ path: join(ARTIFACTS, 'roster-web.png'), fullPage: true });

  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载' }).click()]);
  const out = join(dir, 'out.xlsx');
  await d.saveAs(out);
  expect(failures).toEqual([]);

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const roster = wb.getWorksheet('报送名单')!;
  expect([2, 3, 4, 5, 6].map((r) => [1, 2, 3, 4].map((c) => roster.getCell(r, c).value ?? ''))).toEqual([
    ['县财政局', '', '', ''],
    ['城关镇', '乡镇', '', ''],
    ['县发改局', '', '', ''],
    ['县税务局', '', '', '不纳入汇总'],
    ['东城街道', '街道', '2099-03-31', ''],
  ]);
  expect(decodeMeta(roster.getCell('P1').value)?.role).toBe('roster');
  const overview = wb.getWorksheet('某县2024汇总明细')!;
  expect(overview.getCell('A2').text).toMatch(/^应报 4 个，已报 2 个，通过 2 个/);
  expect([4, 5, 6, 7, 8].map((r) => [2, 3, 4, 5].map((c) => overview.getCell(r, c).text))).toEqual([
    ['县发改局', '未报送', '2025-01-31', `逾期 ${-daysUntil('2025-01-31')} 天`],
    ['东城街道', '未报送', '2099-03-31', `剩 ${daysUntil('2099-03-31')} 天`],
    ['县财政局', '通过', '2025-01-31', '已过'],
    ['城关镇', '通过', '2025-03-31', '已过'],
    ['县税务局', '不纳入汇总', '2025-01-31', '—'],
  ]);
  // A unit that reported links to its sheet; one that did not has nothing to link to.
  expect(overview.getCell('B6').hyperlink).toBe("#'县财政局2024年报'!A1");
  expect(overview.getCell('B4').hyperlink).toBeUndefined();
}, 120000);
