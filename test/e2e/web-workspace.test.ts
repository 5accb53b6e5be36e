/**
 * The web page as a workspace, in real Chromium over the built page: the sheet is shown as a
 * grid, validated, corrected by typing into it, and downloaded under the report's name.
 * Also: sheet tabs, 空白一律填 0, drag and drop, the unsaved-changes guards, and screenshots.
 */
import ExcelJS from 'exceljs';
import type { ChildProcess } from 'child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { Browser, Page } from 'playwright-core';
import { formats } from '../../src/formats';
import { canonicalPlan } from '../../src/layout/sheet-report';
import { MARK_FILL } from '../../src/layout/sheet-plan';
import { ExceljsWorkbookPort } from '../../src/ports/exceljs/exceljs-workbook';
import { generateTemplate } from '../../src/app/generate';
import { reportFromOurSheet } from '../../src/layout/sheet-report';
import { validate } from '../../src/rules/engine';
import { markedCells } from '../../src/app/highlights';
import { ROOT } from '../helpers/cli';
import { launchChromium, startWebServer } from '../helpers/browser';
import { clerkLayout, toDocx, toXlsx } from '../helpers/clerk-layouts';
import { seeded, validCells } from '../helpers/random-report';

const ARTIFACTS = join(ROOT, 'test-artifacts');
const HELP_SHOTS = join(ARTIFACTS, 'web-help');
const dir = mkdtempSync(join(tmpdir(), 'nianbao-workspace-'));
let server: ChildProcess;
let url = '';
let browser: Browser;
let page: Page;
let failures: string[] = [];

const format = formats.forYear(2023)!;
const plan = canonicalPlan(format);
const A = plan.addresses;
const totalIds = new Set([...format.totals.keys()].map((i) => format.cells[i].id));
const OFFICE = '汤原县人民政府办公室';
const SHEET = `${OFFICE}2023年报`;

beforeAll(async () => {
  mkdirSync(HELP_SHOTS, { recursive: true });
  ({ server, url } = await startWebServer());
  browser = await launchChromium();
}, 60000);

afterAll(async () => {
  await browser?.close();
  server?.kill();
});

async function freshPage(width = 1280) {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width, height: 900 } });
  page = await context.newPage();
  failures = [];
  page.on('pageerror', (e) => failures.push(e.message));
  page.on('console', (m) => m.type() === 'error' && failures.push(m.text()));
  await page.goto(url);
}

/** Screenshots at 400 px and 1280 px, the viewport put back afterwards. */
async function shots(name: string) {
  const size = page.viewportSize()!;
  for (const width of [400, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(150);
    await page.screenshot({ path: join(ARTIFACTS, `web-${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize(size);
}

/** A workbook file with report sheets of ours, filled with valid figures except where `change` says. */
async function workbookFile(name: string, sheets: { office: string; seed: number; change?: Record<string, number | string> }[], extra?: (wb: ExcelJS.Workbook) => void) {
  const port = ExceljsWorkbookPort.empty();
  const all: Record<string, Record<string, number | string>> = {};
  for (const s of sheets) {
    await generateTemplate(port, { office: s.office, year: 2023 });
    const cells: Record<string, number | string> = { ...validCells(format, seeded(s.seed)), ...s.change };
    const ws = port.workbook.getWorksheet(`${s.office}2023年报`)!;
    for (const c of format.cells) if (!totalIds.has(c.id)) ws.getCell(A[c.id]).value = cells[c.id];
    all[s.office] = cells;
  }
  // The file opens on the first sheet, as a clerk's file usually does.
  port.workbook.views = [{ activeTab: 0 } as ExcelJS.WorkbookView];
  extra?.(port.workbook);
  const file = join(dir, name);
  writeFileSync(file, await port.toBuffer());
  return { file, cells: all, port };
}

/** aria-labels with English words in them (a dropdown's "Clear selection"): there should be none. */
const englishLabels = () => page.locator('[aria-label]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? '').filter((l) => /[A-Za-z]{3,}/.test(l)));
const cell = (id: string) => page.locator(`[role=grid] [data-cell="${id}"]`);
const invalidIds = () => page.locator('[role=grid] [data-cell][aria-invalid=true]').evaluateAll((els) => els.map((e) => e.getAttribute('data-cell')));

test('open by its label, see the grid, validate, the culprit is aria-invalid, type the fix, validate again, download under the report name', async () => {
  await freshPage(1280);
  const valid = validCells(format, seeded(21));
  const wrong = valid['requests.new.natural'] + 2;
  const { file, port } = await workbookFile('报送.xlsx', [{ office: OFFICE, seed: 21, change: { 'requests.new.natural': wrong } }]);
  // The fix the core suggests for this workbook, computed outside the page.
  const [data] = await port.readSheets([SHEET]);
  const read = reportFromOurSheet(data, formats, SHEET);
  if (!('report' in read)) throw new Error(read.problem);
  const errors = validate(read.report).findings.filter((f) => f.severity === 'error');
  expect(errors.length).toBeGreaterThan(0);
  const fix = errors.find((f) => f.fix)!.fix!;

  // 1. Open by the label; 2. the grid with its cell ids.
  await page.getByLabel('打开工作簿').setInputFiles(file);
  await page.getByRole('grid', { name: `工作表“${SHEET}”` }).waitFor();
  for (const c of format.cells) expect(await cell(c.id).count()).toBe(1);
  expect(await page.locator('[role=grid] [data-cell]').count()).toBe(format.cells.length);
  expect(await cell('requests.new.natural').locator('input').inputValue()).toBe(String(wrong));
  // Totals are not typed into; input cells are.
  expect(await cell('requests.new.total').locator('input').count()).toBe(0);
  expect(await cell('requests.new.total').getAttribute('aria-readonly')).toBe('true');
  // Nothing is marked before the clerk validates.
  expect(await invalidIds()).toEqual([]);
  await shots('sheet');
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: join(HELP_SHOTS, 'sheet.png') });

  // 3. 一键校验; 4. the culprit is aria-invalid, and its note shows on focus.
  await page.getByRole('tab', { name: '一键校验' }).click();
  await page.getByRole('button', { name: '一键校验' }).click();
  await page.getByText(`错误 ${errors.length}`).waitFor();
  // Marked as the pane marks them: a fix's cell, else the few cells of the relation.
  const marked = [...new Set(errors.flatMap((f) => markedCells(f)))];
  expect(new Set(await invalidIds())).toEqual(new Set(marked));
  expect(marked).toContain(fix.cell);
  // Errors first: the first finding listed is an error.
  expect(await page.locator('li[data-rule]').first().locator('text=错误').count()).toBe(1);

  // Clicking a finding scrolls to its cell, focuses it, and says so beside the finding.
  const item = page.locator(`li[data-rule="${errors[0].rule}"]`).first();
  await item.locator('[role=button]').click();
  await item.getByText(`已定位到工作表“${SHEET}”的 ${A[fix.cell]} 单元格。`).waitFor();
  await page.waitForFunction((id) => document.activeElement?.closest('[data-cell]')?.getAttribute('data-cell') === id, fix.cell);
  await cell(fix.cell).getByRole('tooltip').waitFor();
  expect(await cell(fix.cell).getByRole('tooltip').textContent()).toContain('【错误】');
  await shots('validate');
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: join(HELP_SHOTS, 'validate.png') });

  // 5. Type the corrected value: totals recompute and the marks follow at once.
  const before = await cell('requests.new.total').textContent();
  await cell(fix.cell).locator('input').fill(String(fix.value));
  await page.waitForFunction(() => !document.querySelector('[role=grid] [aria-invalid=true]'));
  const row = fix.cell.split('.')[1];
  const rowTotal = `requests.${row}.total`;
  if (format.index.has(rowTotal)) {
    const parts = format.cells.filter((c) => c.id.startsWith(`requests.${row}.`) && c.id !== rowTotal).map((c) => c.id);
    const expected = parts.reduce((s, id) => s + (id === fix.cell ? (fix.value as number) : valid[id] + (id === 'requests.new.natural' ? 2 : 0)), 0);
    await page.waitForFunction(({ id, v }) => document.querySelector(`[data-cell="${id}"]`)?.textContent === String(v), { id: rowTotal, v: expected });
  }
  expect(before).not.toBeNull();

  // 6. Validate again: no cell is marked, nothing found.
  await page.getByRole('button', { name: '一键校验' }).click();
  await page.getByText('未发现问题。').waitFor();
  expect(await invalidIds()).toEqual([]);

  // The download carries the typed value and no stale mark, named after the report.
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载' }).click()]);
  expect(d.suggestedFilename()).toBe(`${OFFICE}2023年报.xlsx`);
  const saved = join(dir, 'saved.xlsx');
  await d.saveAs(saved);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(saved);
  const ws = wb.getWorksheet(SHEET)!;
  expect(ws.getCell(A[fix.cell]).value).toBe(fix.value);
  expect((ws.getCell(A[fix.cell]).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).not.toBe(`FF${MARK_FILL.error}`);
  expect(await englishLabels()).toEqual([]);
  expect(failures).toEqual([]);
  await page.context().close();
}, 120000);

test('sheet tabs choose 当前工作表; a foreign sheet is shown as found with its merges', async () => {
  await freshPage(1280);
  const { file } = await workbookFile(
    '两个单位.xlsx',
    [
      { office: '县教育局', seed: 31 },
      { office: '县财政局', seed: 32, change: { 'requests.new.business': '若干' } },
    ],
    (wb) => {
      const ws = wb.addWorksheet('说明');
      ws.getCell('A1').value = '报送说明';
      ws.mergeCells('A1:C1');
      ws.getCell('A2').value = '联系人';
      ws.getCell('B2').value = 12;
    },
  );
  await page.getByLabel('打开工作簿').setInputFiles(file);
  const tabs = page.getByRole('tablist', { name: '工作表' });
  await page.getByRole('grid', { name: '工作表“县教育局2023年报”' }).waitFor();
  expect(await tabs.getByRole('tab').count()).toBe(3);
  for (const [i, name] of ['县教育局2023年报', '县财政局2023年报', '说明'].entries()) expect(await tabs.getByRole('tab').nth(i).textContent()).toContain(name);
  expect(await tabs.getByRole('tab', { name: '县教育局2023年报' }).getAttribute('aria-selected')).toBe('true');

  await tabs.getByRole('tab', { name: '县财政局2023年报' }).click();
  await page.getByRole('grid', { name: '工作表“县财政局2023年报”' }).waitFor();
  await page.getByRole('tab', { name: '一键校验' }).click();
  await page.getByRole('button', { name: '一键校验' }).click();
  // Only the chosen sheet is validated: it is the current sheet.
  await page.getByRole('region', { name: '校验结果：县财政局2023年报' }).waitFor();
  expect(await page.getByRole('region', { name: '校验结果：县教育局2023年报' }).count()).toBe(0);
  expect(await invalidIds()).toEqual(['requests.new.business']);
  await shots('tabs');

  await tabs.getByRole('tab', { name: '说明' }).click();
  const grid = page.getByRole('grid', { name: '工作表“说明”' });
  await grid.waitFor();
  expect(await grid.locator('td[data-address="A1"]').getAttribute('colspan')).toBe('3');
  expect(await grid.locator('td[data-address="B2"]').textContent()).toBe('12');
  expect(await grid.locator('input').count()).toBe(0);
  expect(failures).toEqual([]);
  await page.context().close();
}, 120000);

test('空白一律填 0 after confirmation writes only the blank input cells', async () => {
  await freshPage(1280);
  await page.getByRole('button', { name: '新建工作簿' }).click();
  await page.getByLabel('报告年度').click();
  await page.getByRole('option', { name: '2023 年度' }).click();
  await page.getByLabel('填报单位').fill(OFFICE);
  await page.getByRole('button', { name: '生成表格' }).click();
  await page.getByText(`已生成工作表“${SHEET}”`).waitFor();
  await page.getByRole('grid', { name: `工作表“${SHEET}”` }).waitFor();
  // The generate panel's dropdowns included.
  expect(await page.locator('button[aria-label="清除选择"]').count()).toBe(2);
  expect(await englishLabels()).toEqual([]);
  await shots('generate');
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: join(HELP_SHOTS, 'generate.png') });

  await cell('requests.new.natural').locator('input').fill('5');
  await cell('requests.new.business').locator('input').fill('若干');
  await page.getByRole('tab', { name: '一键校验' }).click();
  await page.getByRole('button', { name: '一键校验' }).click();
  const inputs = format.cells.filter((c) => !totalIds.has(c.id));
  const blanks = inputs.length - 2;
  // The blanks are one item, not one per cell.
  await page.getByText(`有 ${blanks} 个单元格空白`).waitFor();
  expect(await page.locator('li[data-rule="cell.blank"]').count()).toBe(0);
  await page.getByRole('button', { name: '空白一律填 0' }).click();
  await page.getByRole('alertdialog', { name: '确认填 0' }).waitFor();
  await shots('blank-fill');
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: join(HELP_SHOTS, 'blank-fill.png') });
  await page.getByRole('button', { name: '确认填 0' }).click();
  await page.getByText(`已在 ${blanks} 个空白的输入格中填 0；合计和已填写的格未改动。`).waitFor();

  await page.waitForFunction(() => !!document.querySelector('[data-cell="requests.new.research"] input[value="0"]'));
  expect(await cell('requests.new.natural').locator('input').inputValue()).toBe('5');
  expect(await cell('requests.new.business').locator('input').inputValue()).toBe('若干');
  for (const c of inputs.filter((x) => !['requests.new.natural', 'requests.new.business'].includes(x.id)))
    expect({ id: c.id, v: await cell(c.id).locator('input').inputValue() }).toEqual({ id: c.id, v: '0' });
  // The text stays an error, which only the clerk can correct.
  expect(await invalidIds()).toContain('requests.new.business');

  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载' }).click()]);
  expect(d.suggestedFilename()).toBe(`${OFFICE}2023年报.xlsx`);
  const saved = join(dir, 'filled.xlsx');
  await d.saveAs(saved);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(saved);
  const ws = wb.getWorksheet(SHEET)!;
  for (const id of totalIds) expect({ id, formula: !!ws.getCell(A[id]).formula }).toEqual({ id, formula: true });
  expect(ws.getCell(A['requests.new.research']).value).toBe(0);
  expect(ws.getCell(A['requests.new.business']).value).toBe('若干');
  expect(failures).toEqual([]);
  await page.context().close();
}, 120000);

test('drag and drop opens a workbook; unsaved changes are guarded against 新建, another file and closing the page', async () => {
  await freshPage(1280);
  const { file } = await workbookFile('拖入.xlsx', [{ office: '县卫健委', seed: 41 }]);
  const bytes = readFileSync(file).toString('base64');
  const drop = async (name: string) => {
    const dt = await page.evaluateHandle(
      ({ name, b64 }) => {
        const dt = new DataTransfer();
        const raw = atob(b64);
        const buf = new Uint8Array(raw.length);
        for (let i = 0; i < raw.length; i++) buf[i] = raw.charCodeAt(i);
        dt.items.add(new File([buf], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
        return dt;
      },
      { name, b64: bytes },
    );
    await page.dispatchEvent('[data-testid=drop-target]', 'dragover', { dataTransfer: dt });
    await page.dispatchEvent('[data-testid=drop-target]', 'drop', { dataTransfer: dt });
  };
  await drop('拖入.xlsx');
  await page.getByRole('grid', { name: '工作表“县卫健委2023年报”' }).waitFor();
  await page.getByText('当前：拖入.xlsx').waitFor();

  // A clean workbook does not hold the page.
  const held = () => page.evaluate(() => !window.dispatchEvent(new Event('beforeunload', { cancelable: true })));
  expect(await held()).toBe(false);

  // Typing makes it dirty: 新建 asks, 取消 keeps everything.
  await cell('requests.new.natural').locator('input').fill('99');
  await page.getByText('当前：拖入.xlsx（有未下载的修改）').waitFor();
  expect(await held()).toBe(true);
  await page.getByRole('button', { name: '新建工作簿' }).click();
  const dialog = page.getByRole('dialog', { name: '有尚未下载的修改' });
  await dialog.waitFor();
  await shots('unsaved');
  await dialog.getByRole('button', { name: '取消' }).click();
  await dialog.waitFor({ state: 'hidden' });
  expect(await cell('requests.new.natural').locator('input').inputValue()).toBe('99');

  // Dropping another file asks too; 先下载，再继续 downloads, then opens it.
  await drop('另一个.xlsx');
  await dialog.waitFor();
  const [d] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: '先下载，再继续' }).click()]);
  expect(d.suggestedFilename()).toBe('县卫健委2023年报.xlsx');
  await page.getByText('当前：另一个.xlsx').waitFor();
  // The guard closes before anything else is done (its exit animation ends before the page goes to the background).
  await dialog.waitFor({ state: 'detached' });

  // Closing or reloading the page with unsaved changes: the browser asks first.
  // (Chromium closes the last page of a window without asking, so a second tab stays open.)
  const other = await page.context().newPage();
  await page.bringToFront();
  await cell('requests.new.natural').locator('input').fill('98');
  const unload = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const ask = await unload;
  expect(ask.type()).toBe('beforeunload');
  await ask.dismiss();
  expect(page.isClosed()).toBe(false);
  expect(await cell('requests.new.natural').locator('input').inputValue()).toBe('98');
  expect(failures).toEqual([]);
  // Once downloaded, the page closes without asking.
  await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载' }).click()]);
  expect(await held()).toBe(false);
  await page.close({ runBeforeUnload: true });
  await page.waitForEvent('close');
  await other.context().close();
}, 120000);

test('a new workbook is downloaded as 年报.xlsx until it holds a report; the opened name is kept for a sheet that is not a report', async () => {
  await freshPage(400);
  const { file } = await workbookFile('自制.xlsx', [], (wb) => {
    wb.addWorksheet('Sheet1').getCell('A1').value = '随便写的';
  });
  await page.getByLabel('打开工作簿').setInputFiles(file);
  await page.getByRole('grid', { name: '工作表“Sheet1”' }).waitFor();
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载' }).click()]);
  expect(d.suggestedFilename()).toBe('自制.xlsx');
  await page.getByRole('button', { name: '新建工作簿' }).click();
  await page.getByText('当前：新建的工作簿').waitFor();
  const [e] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载' }).click()]);
  expect(e.suggestedFilename()).toBe('年报.xlsx');
  // A refused file is said to be refused, beside the toolbar where the clerk acted.
  const xls = join(dir, '旧表.xls');
  copyFileSync(file, xls);
  await page.getByLabel('打开工作簿').setInputFiles(xls);
  await page.getByText('“旧表.xls”是旧版 .xls 文件').waitFor();
  expect(failures).toEqual([]);
  await page.context().close();
}, 60000);

test('导入报送 by drag and drop, then 汇总: the summary is shown read-only, its member jumped to from the drill-down', async () => {
  await freshPage(1280);
  const depts = ['县教育局', '县财政局'].map((office, i) => ({ office, cells: validCells(format, seeded(50 + i)) }));
  const xlsx = await toXlsx(clerkLayout(format, depts[0].cells, { office: depts[0].office, year: 2023 }));
  const docx = toDocx(clerkLayout(format, depts[1].cells, { office: depts[1].office, year: 2023 }));
  await page.getByRole('button', { name: '新建工作簿' }).click();
  await page.getByRole('tab', { name: '导入报送' }).click();
  // Two files dropped at once are submissions to read, not a workbook to open.
  const dt = await page.evaluateHandle(
    (files) => {
      const dt = new DataTransfer();
      for (const f of files) {
        const raw = atob(f.b64);
        const buf = new Uint8Array(raw.length);
        for (let i = 0; i < raw.length; i++) buf[i] = raw.charCodeAt(i);
        dt.items.add(new File([buf], f.name));
      }
      return dt;
    },
    [
      { name: '县教育局.xlsx', b64: xlsx.toString('base64') },
      { name: '县财政局.docx', b64: docx.toString('base64') },
    ],
  );
  await page.dispatchEvent('[data-testid=drop-target]', 'drop', { dataTransfer: dt });
  await page.getByText('已读取 2 份报送材料').waitFor();
  await page.getByTestId('import-item').nth(1).waitFor();
  await shots('import');
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: join(HELP_SHOTS, 'import.png') });
  await page.getByRole('button', { name: '全选' }).click();
  await page.getByRole('button', { name: '写入工作簿（2）' }).click();
  await page.getByText(/已写入 2 个工作表/).waitFor();

  await page.getByRole('tab', { name: '汇总' }).click();
  await page.getByRole('button', { name: '列出年报工作表' }).click();
  await page.getByRole('button', { name: '全选' }).click();
  await page.getByLabel('汇总单位').fill('某县');
  await page.getByRole('button', { name: '汇总（2 个成员）' }).click();
  await page.getByText(/已生成汇总表“某县2023汇总”/).waitFor();
  // The summary is the current sheet: its figures are the members' sums, and nothing can be typed.
  const grid = page.getByRole('grid', { name: '工作表“某县2023汇总”' });
  await grid.waitFor();
  expect(await grid.locator('input').count()).toBe(0);
  const id = 'requests.new.total';
  expect(await cell(id).textContent()).toBe(String(depts[0].cells[id] + depts[1].cells[id]));
  await page.getByLabel('单元格地址').fill(A[id]);
  await page.getByRole('button', { name: '查看构成' }).click();
  await page.getByRole('button', { name: `县财政局：${depts[1].cells[id]}` }).click();
  await page.getByRole('grid', { name: '工作表“县财政局2023年报”' }).waitFor();
  await page.waitForFunction((addr) => document.activeElement?.closest('[data-address]')?.getAttribute('data-address') === addr, A[id]);
  expect(await englishLabels()).toEqual([]);
  await shots('consolidate');
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: join(HELP_SHOTS, 'consolidate.png') });
  expect(failures).toEqual([]);
  await page.context().close();
}, 120000);
