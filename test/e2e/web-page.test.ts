/**
 * The web page in a real headless Chromium over real .xlsx files:
 * generate → download → fill → open → validate → click → fix → clear → download.
 */
import ExcelJS from 'exceljs';
import { execFileSync, type ChildProcess } from 'child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { Browser, Page } from 'playwright-core';
import { clerkLayout, toDocx, toHtml, toXlsx } from '../helpers/clerk-layouts';
import { formats } from '../../src/formats';
import { canonicalPlan } from '../../src/layout/sheet-report';
import { INPUT_FILL, MARK_FILL, TOTAL_FILL } from '../../src/layout/sheet-plan';
import { ROOT } from '../helpers/cli';
import { launchChromium, startWebServer } from '../helpers/browser';
import { seeded, validCells } from '../helpers/random-report';

const ARTIFACTS = join(ROOT, 'test-artifacts');
const dir = mkdtempSync(join(tmpdir(), 'nianbao-web-'));
let server: ChildProcess;
let url = '';
let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  ({ server, url } = await startWebServer());
  browser = await launchChromium();
  page = await browser.newPage({ acceptDownloads: true, viewport: { width: 760, height: 1000 } });
});

afterAll(async () => {
  await browser?.close();
  server?.kill();
});

async function download(name: string): Promise<string> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载' }).click()]);
  const file = join(dir, name);
  await d.saveAs(file);
  return file;
}

const format = formats.forYear(2023)!;
const plan = canonicalPlan(format);
const A = plan.addresses;

test('the web page: generate, fill, validate, click, fix, clear, download', async () => {
  const failures: string[] = [];
  page.on('pageerror', (e) => failures.push(e.message));
  page.on('console', (m) => m.type() === 'error' && failures.push(m.text()));
  await page.goto(url);
  await page.getByRole('button', { name: '新建工作簿' }).click();
  await page.getByLabel('报告年度').click();
  await page.getByRole('option', { name: '2023 年度' }).click();
  await page.getByLabel('填报单位').fill('汤原县人民政府办公室');
  await page.getByRole('button', { name: '生成表格' }).click();
  await page.getByText('已生成工作表“汤原县人民政府办公室2023年报”').waitFor();
  await page.getByRole('button', { name: '生成表格' }).click();
  await page.getByText('可改用新名称“汤原县人民政府办公室2023年报(2)”').waitFor();
  const template = await download('template.xlsx');

  // A clerk fills it, and types a wrong 总计 over the formulas.
  const cells = validCells(format, seeded(11));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(template);
  const ws = wb.getWorksheet('汤原县人民政府办公室2023年报')!;
  const formulaCells = new Set(plan.cells.filter((c) => c.formula).map((c) => c.cellId));
  for (const c of format.cells) if (!formulaCells.has(c.id)) ws.getCell(A[c.id]).value = cells[c.id];
  ws.getCell(A['requests.total.legal']).value = cells['requests.total.legal'] + 2;
  ws.getCell(A['requests.total.total']).value = cells['requests.total.total'];
  const filled = join(dir, 'filled.xlsx');
  await wb.xlsx.writeFile(filled);

  await page.getByLabel('打开工作簿').setInputFiles(filled);
  await page.getByText('当前：filled.xlsx').waitFor();
  await page.getByRole('tab', { name: '一键校验' }).click();
  await page.getByRole('button', { name: '一键校验' }).click();
  await page.getByText('错误 3').waitFor();
  await page.screenshot({ path: join(ARTIFACTS, 'web-validate.png'), fullPage: true });
  const highlighted = await download('highlighted.xlsx');

  await page.locator('li[data-rule="requests.row_sum"] [role=button]').click();
  await page.getByText(`已定位到工作表“汤原县人民政府办公室2023年报”的 ${A['requests.total.legal']} 单元格。`).waitFor();
  await page.getByRole('button', { name: '清除标记' }).click();
  await page.getByText(/已清除 1 个工作表的标记/).waitFor();
  await page.getByRole('button', { name: '一键校验' }).click();
  await page.getByText('错误 3').waitFor();
  await page
    .getByRole('button', { name: /^改正：/ })
    .first()
    .click();
  await page.getByText('未发现问题。').waitFor();
  await page.screenshot({ path: join(ARTIFACTS, 'web-cleared.png'), fullPage: true });
  const final = await download('final.xlsx');
  expect(failures).toEqual([]);

  // The highlighted file: the culprit red with our note, values untouched.
  const h = new ExcelJS.Workbook();
  await h.xlsx.readFile(highlighted);
  const hs = h.getWorksheet('汤原县人民政府办公室2023年报')!;
  const culprit = hs.getCell(A['requests.total.legal']);
  expect((culprit.fill as ExcelJS.FillPattern).fgColor?.argb).toBe(`FF${MARK_FILL.error}`);
  expect(String(culprit.note)).toContain('年报助手校验');
  for (const c of format.cells.filter((x) => !formulaCells.has(x.id))) expect(hs.getCell(A[c.id]).value).toBe(cells[c.id]);

  // The final file: the fix applied, every fill back to the template's own.
  const f = new ExcelJS.Workbook();
  await f.xlsx.readFile(final);
  const fs2 = f.getWorksheet('汤原县人民政府办公室2023年报')!;
  // The total typed over its formula gets the formula back, not another constant.
  expect(fs2.getCell(A['requests.total.legal']).formula).toBe(plan.cells.find((c) => c.cellId === 'requests.total.legal')!.formula);
  for (const c of format.cells) {
    const fill = (fs2.getCell(A[c.id]).fill as ExcelJS.FillPattern).fgColor?.argb;
    expect({ id: c.id, fill }).toEqual({ id: c.id, fill: `FF${formulaCells.has(c.id) ? TOTAL_FILL : INPUT_FILL}` });
    expect({ id: c.id, note: fs2.getCell(A[c.id]).note }).toEqual({ id: c.id, note: undefined });
  }

  // LibreOffice opens the highlighted workbook with its notes and colours, values untouched.
  const out = join(dir, 'lo');
  execFileSync('soffice', ['--headless', '--calc', '--convert-to', 'xlsx', '--outdir', out, highlighted], { timeout: 120000 });
  const lo = new ExcelJS.Workbook();
  await lo.xlsx.readFile(join(out, 'highlighted.xlsx'));
  const ls = lo.getWorksheet('汤原县人民政府办公室2023年报')!;
  const loCell = ls.getCell(A['requests.total.legal']);
  expect((loCell.fill as ExcelJS.FillPattern).fgColor?.argb?.slice(-6)).toBe(MARK_FILL.error);
  expect(JSON.stringify(loCell.note)).toContain('年报助手校验');
  expect(loCell.value).toBe(cells['requests.total.legal'] + 2);
});

test('the web page: 导入报送 of several files at once, then 汇总 with drill-down', async () => {
  const failures: string[] = [];
  page.on('pageerror', (e) => failures.push(e.message));
  const f2021 = formats.byId('gov-2021')!;
  const depts = ['县教育局', '县财政局', '县卫健委'].map((office, i) => ({ office, cells: validCells(f2021, seeded(40 + i)) }));
  const xlsx = join(dir, '县教育局.xlsx');
  writeFileSync(xlsx, await toXlsx(clerkLayout(f2021, depts[0].cells, { office: depts[0].office, year: 2023 })));
  const docx = join(dir, '县财政局.docx');
  writeFileSync(docx, toDocx(clerkLayout(f2021, depts[1].cells, { office: depts[1].office, year: 2023 })));
  const html = join(dir, '县卫健委.html');
  writeFileSync(html, toHtml(clerkLayout(f2021, depts[2].cells, { office: depts[2].office, year: 2023 })));
  const junk = join(dir, '通知.txt');
  writeFileSync(junk, '关于做好年报工作的通知\n请各单位按时报送。');

  await page.goto(url);
  await page.getByRole('button', { name: '新建工作簿' }).click();
  await page.getByRole('tab', { name: '导入报送' }).click();
  await page.getByLabel('选择报送文件').setInputFiles([xlsx, docx, html, junk]);
  await page.getByTestId('import-item').nth(3).waitFor();
  expect(await page.getByTestId('import-item').count()).toBe(4);
  await page.getByText('县教育局 2023 年度').waitFor();
  await page.getByText('县财政局 2023 年度').waitFor();
  await page.getByText('县卫健委 2023 年度').waitFor();
  expect(await page.getByText('无法读取').count()).toBe(1);
  expect(await page.getByText('通过').count()).toBe(3);
  await page.getByRole('button', { name: '查看读取内容' }).first().click();
  await page.getByRole('table', { name: '读取内容' }).waitFor();
  await page.screenshot({ path: join(ARTIFACTS, 'web-import.png'), fullPage: true });
  await page.getByRole('button', { name: '全选' }).click();
  await page.getByRole('button', { name: '写入工作簿（3）' }).click();
  await page.getByText(/已写入 3 个工作表/).waitFor();

  await page.getByRole('tab', { name: '汇总' }).click();
  await page.getByRole('button', { name: '列出年报工作表' }).click();
  await page.getByRole('button', { name: '全选' }).click();
  await page.getByLabel('汇总单位').fill('某县');
  await page.getByRole('button', { name: '汇总（3 个成员）' }).click();
  await page.getByText(/已生成汇总表“某县2023汇总”/).waitFor();
  await page.getByText('汇总表通过全部校验。').waitFor();
  const addr = A['requests.new.total'];
  await page.getByLabel('单元格地址').fill(addr);
  await page.getByRole('button', { name: '查看构成' }).click();
  for (const d of depts) await page.getByRole('button', { name: `${d.office}：${d.cells['requests.new.total']}` }).waitFor();
  await page.screenshot({ path: join(ARTIFACTS, 'web-consolidate.png'), fullPage: true });
  const result = await download('consolidated.xlsx');
  expect(failures).toEqual([]);

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(result);
  const summary = wb.getWorksheet('某县2023汇总')!;
  const cell = summary.getCell(addr);
  expect(cell.formula).toContain("'县教育局2023年报'!");
  expect(cell.result).toBe(depts.reduce((t, d) => t + d.cells['requests.new.total'], 0));
  expect(wb.getWorksheet('某县2023汇总明细')).toBeDefined();
});

test('the web page: pasted tables without a title ask for the office; a second import of it asks to replace or keep both; 修改单位与年度', async () => {
  const failures: string[] = [];
  page.on('pageerror', (e) => failures.push(e.message));
  const sample = readFileSync(join(ROOT, 'test', 'fixtures', 'samples', 'fuxin-2020.txt'), 'utf8');
  const tables = sample.slice(sample.indexOf('二、主动公开政府信息情况'));
  expect(tables).not.toContain('阜新');

  await page.goto(url);
  await page.getByRole('button', { name: '新建工作簿' }).click();
  await page.getByRole('tab', { name: '导入报送' }).click();
  await page.getByLabel('粘贴报告文字').fill(tables);
  await page.getByLabel('报告年度').first().fill('2020');
  await page.getByRole('button', { name: '读取粘贴的文字' }).click();
  await page.getByText('未能识别填报单位，请填写后再写入。').waitFor();
  await page.getByText('（单位未识别） 2020 年度').waitFor();
  expect(await page.getByRole('checkbox').first().isDisabled()).toBe(true);
  await page.screenshot({ path: join(ARTIFACTS, 'web-import-unknown-office.png'), fullPage: true });
  const item = page.getByTestId('import-item').first();
  await item.getByLabel('填报单位').fill('阜新市人民政府办公室');
  await item.getByRole('checkbox').check();
  await page.getByRole('button', { name: '写入工作簿（1）' }).click();
  await page.getByText('已写入 1 个工作表：阜新市人民政府办公室2020年报。可以在“一键校验”和“汇总”中使用。').waitFor();

  // The same report again: nothing is written until the clerk chooses.
  await page.getByLabel('粘贴文字的填报单位（文字中没有标题时填写）').fill('阜新市人民政府办公室');
  await page.getByRole('button', { name: '读取粘贴的文字' }).click();
  await page.getByText('阜新市人民政府办公室 2020 年度').waitFor();
  await page.getByTestId('import-item').first().getByRole('checkbox').check();
  await page.getByRole('button', { name: '写入工作簿（1）' }).click();
  await page.getByRole('alertdialog', { name: '重复的报表' }).waitFor();
  await page.screenshot({ path: join(ARTIFACTS, 'web-import-duplicate.png'), fullPage: true });
  await page.getByRole('button', { name: '替换原工作表' }).click();
  await page.getByText('已写入 1 个工作表：阜新市人民政府办公室2020年报。可以在“一键校验”和“汇总”中使用。').waitFor();

  // A report with more findings than the list shows: errors first, and the rest counted.
  await page.getByLabel('选择报送文件').setInputFiles(join(ROOT, 'test', 'fixtures', 'samples', 'yiyang-2020.txt'));
  const yiyang = page.getByTestId('import-item').filter({ hasText: '益阳市人民政府办公室' });
  await yiyang.getByText(/^另有 \d+ 项/).waitFor();
  const listed = await yiyang.locator('span', { hasText: /^[✖⚠] / }).allTextContents();
  expect(listed.length).toBe(8);
  const firstWarning = listed.findIndex((t) => t.startsWith('⚠'));
  expect(listed.slice(firstWarning === -1 ? listed.length : firstWarning).every((t) => t.startsWith('⚠'))).toBe(true);
  expect(listed[0].startsWith('✖')).toBe(true);
  await page.getByRole('button', { name: '清空列表' }).click();

  await page.getByRole('tab', { name: '一键校验' }).click();
  await page.getByRole('button', { name: '一键校验' }).click();
  await page.getByRole('button', { name: '修改单位与年度' }).click();
  const group = page.getByRole('group', { name: '修改“阜新市人民政府办公室2020年报”的单位与年度' });
  await page.screenshot({ path: join(ARTIFACTS, 'web-rename.png'), fullPage: true });
  await group.getByLabel('填报单位').fill('阜新市人民政府');
  await group.getByRole('button', { name: /^保存/ }).click();
  await page.getByText('已把“阜新市人民政府办公室2020年报”改为 阜新市人民政府 2020 年度，工作表名为“阜新市人民政府2020年报”。').waitFor();
  const saved = await download('renamed.xlsx');
  expect(failures).toEqual([]);

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(saved);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['阜新市人民政府2020年报']);
  const ws = wb.worksheets[0];
  expect(String(ws.getCell('A1').value)).toBe('阜新市人民政府2020年政府信息公开工作年度报告（法定表格）');
  expect(String(ws.getCell('P1').value)).toContain('"office":"阜新市人民政府"');
});
