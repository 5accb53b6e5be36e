/**
 * The add-in's task pane in a real headless Chromium, driving the Office adapter against
 * the fake Excel host: generate → fill → validate → click a finding → fix → clear.
 */
import { mkdirSync, readFileSync, mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { Browser, Page } from 'playwright-core';
import { formats } from '../../src/formats';
import { canonicalPlan } from '../../src/layout/sheet-report';
import { MARK_FILL, TOTAL_FILL } from '../../src/layout/sheet-plan';
import { ROOT } from '../helpers/cli';
import { launchChromium, buildPaneHarness } from '../helpers/browser';
import { seeded, validCells } from '../helpers/random-report';

const ARTIFACTS = join(ROOT, 'test-artifacts');
const dir = mkdtempSync(join(tmpdir(), 'nianbao-addin-'));
let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  await buildPaneHarness(dir);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 360, height: 900 } });
}, 60000);

afterAll(async () => {
  await browser?.close();
});

test('the add-in pane over the fake Excel host: generate, fill, validate, select, fix, clear', async () => {
  const failures: string[] = [];
  page.on('pageerror', (e) => failures.push(e.message));
  await page.goto(`file://${join(dir, 'index.html')}`);
  await page.getByLabel('报告年度').click();
  await page.getByRole('option', { name: '2023 年度' }).click();
  await page.getByLabel('填报单位').fill('汤原县人民政府办公室');
  await page.getByRole('button', { name: '生成表格' }).click();
  await page.getByText('已生成工作表“汤原县人民政府办公室2023年报”').waitFor();
  const sheet = '汤原县人民政府办公室2023年报';

  const format = formats.forYear(2023)!;
  const plan = canonicalPlan(format);
  const A = plan.addresses;
  const cells = validCells(format, seeded(3));
  const formulas = new Set(plan.cells.filter((c) => c.formula).map((c) => c.cellId));
  const typed: Record<string, number> = {};
  for (const c of format.cells) if (!formulas.has(c.id)) typed[A[c.id]] = cells[c.id];
  typed[A['requests.total.legal']] = cells['requests.total.legal'] + 2;
  typed[A['requests.total.total']] = cells['requests.total.total'];
  await page.evaluate(
    ({ sheet, typed }) => {
      const fake = (window as unknown as { fake: { sheet: (n: string) => { cell: (a: string) => { value: unknown; formula: unknown; fill: string | null } } } }).fake;
      const s = fake.sheet(sheet);
      for (const [addr, v] of Object.entries(typed)) {
        const c = s.cell(addr);
        c.formula = null;
        c.value = v;
      }
    },
    { sheet, typed },
  );

  await page.getByRole('tab', { name: '一键校验' }).click();
  await page.getByRole('button', { name: '一键校验' }).click();
  await page.getByText('错误 3').waitFor();
  const culprit = A['requests.total.legal'];
  const fillOf = (addr: string) =>
    page.evaluate(({ sheet, addr }) => (window as unknown as { fake: { sheet: (n: string) => { cells: Map<string, { fill: string | null }> } } }).fake.sheet(sheet).cells.get(addr)?.fill ?? null, {
      sheet,
      addr,
    });
  expect(await fillOf(culprit)).toBe(MARK_FILL.error);
  await page.screenshot({ path: join(ARTIFACTS, 'addin-validate.png'), fullPage: true });

  await page.locator('li[data-rule="requests.row_sum"] [role=button]').click();
  await page.getByText(`已定位到工作表“${sheet}”的 ${culprit} 单元格。`).waitFor();
  expect(await page.evaluate(() => (window as unknown as { fake: { selection: unknown } }).fake.selection)).toEqual({ sheet, address: culprit });

  await page
    .getByRole('button', { name: /^改正：/ })
    .first()
    .click();
  await page.getByText('未发现问题。').waitFor();
  // The total typed over its formula gets the formula back, which shows the right figure.
  const restored = await page.evaluate(
    ({ sheet, addr }) => {
      const s = (window as unknown as { fake: { sheet: (n: string) => { shown: (a: string) => unknown; cells: Map<string, { formula: unknown }> } } }).fake.sheet(sheet);
      return { formula: s.cells.get(addr)?.formula, shown: s.shown(addr) };
    },
    { sheet, addr: culprit },
  );
  expect(restored).toEqual({ formula: plan.cells.find((c) => c.cellId === 'requests.total.legal')!.formula, shown: cells['requests.total.legal'] });
  // The user's own fill (the template's grey for a total) is back.
  expect(await fillOf(culprit)).toBe(TOTAL_FILL);
  await page.getByRole('button', { name: '清除标记' }).click();
  await page.getByText(/没有需要清除的标记|已清除/).waitFor();
  await page.screenshot({ path: join(ARTIFACTS, 'addin-fixed.png'), fullPage: true });
  expect(failures).toEqual([]);
}, 60000);

test('the add-in pane: pasted tables without a title ask for the office before anything is written', async () => {
  const failures: string[] = [];
  page.on('pageerror', (e) => failures.push(e.message));
  await page.goto(`file://${join(dir, 'index.html')}`);
  const sample = readFileSync(join(__dirname, '..', 'fixtures', 'samples', 'fuxin-2020.txt'), 'utf8');
  await page.getByRole('tab', { name: '导入报送' }).click();
  await page.getByLabel('粘贴报告文字').fill(sample.slice(sample.indexOf('二、主动公开政府信息情况')));
  await page.getByRole('button', { name: '读取粘贴的文字' }).click();
  // No title, no year: the reader says what to give.
  await page.getByText(/看不出报告年度/).waitFor();
  await page.getByLabel('报告年度').first().fill('2020');
  await page.getByRole('button', { name: '读取粘贴的文字' }).click();
  await page.getByText('未能识别填报单位，请填写后再写入。').waitFor();
  expect(await page.getByRole('checkbox').first().isDisabled()).toBe(true);
  await page.screenshot({ path: join(ARTIFACTS, 'addin-import-unknown-office.png'), fullPage: true });
  await page.getByTestId('import-item').last().getByLabel('填报单位').fill('阜新市人民政府办公室');
  await page.getByTestId('import-item').last().getByRole('checkbox').check();
  await page.getByRole('button', { name: '写入工作簿（1）' }).click();
  await page.getByText(/已写入 1 个工作表：阜新市人民政府办公室2020年报/).waitFor();
  const names = await page.evaluate(() => (window as unknown as { fake: { sheets: { name: string }[] } }).fake.sheets.map((s) => s.name));
  expect(names).toContain('阜新市人民政府办公室2020年报');
  expect(failures).toEqual([]);
}, 60000);
