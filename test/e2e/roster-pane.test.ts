/**
 * The roster in the add-in's task pane (Office adapter over the fake Excel host, in Chromium):
 * type the roster, save it to the 报送名单 sheet, read it back, consolidate; the pane shows
 * the counts and the unit that has not reported, and the overview holds its 未报送 row.
 */
import { mkdirSync, mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { Browser, Page } from 'playwright-core';
import { formats } from '../../src/formats';
import { canonicalPlan } from '../../src/layout/sheet-report';
import { ROOT } from '../helpers/cli';
import { launchChromium, buildPaneHarness } from '../helpers/browser';
import { seeded, validCells } from '../helpers/random-report';

const ARTIFACTS = join(ROOT, 'test-artifacts');
const dir = mkdtempSync(join(tmpdir(), 'nianbao-roster-pane-'));
let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  await buildPaneHarness(dir);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 360, height: 1400 } });
}, 60000);

afterAll(async () => {
  await browser?.close();
});

type Fake = { sheet: (n: string) => { cell: (a: string) => { value: unknown; formula: unknown }; shown: (a: string) => unknown }; sheets: { name: string }[] };

test('the pane: roster typed, saved to its sheet, read back; 汇总 shows 应报/已报/通过 and the 未报送 unit', async () => {
  const failures: string[] = [];
  page.on('pageerror', (e) => failures.push(e.message));
  await page.goto(`file://${join(dir, 'index.html')}`);
  const format = formats.forYear(2024)!;
  const plan = canonicalPlan(format);
  const formulas = new Set(plan.cells.filter((c) => c.formula).map((c) => c.cellId));
  for (const [office, seed] of [
    ['县财政局', 1],
    ['城关镇', 2],
  ] as const) {
    await page.getByLabel('报告年度').click();
    await page.getByRole('option', { name: '2024 年度' }).click();
    await page.getByLabel('填报单位').fill(office);
    await page.getByRole('button', { name: '生成表格' }).click();
    await page.getByText(`已生成工作表“${office}2024年报”`).waitFor();
    const cells = validCells(format, seeded(seed));
    const typed = Object.fromEntries(format.cells.filter((c) => !formulas.has(c.id)).map((c) => [plan.addresses[c.id], cells[c.id]]));
    await page.evaluate(
      ({ sheet, typed }) => {
        const s = (window as unknown as { fake: Fake }).fake.sheet(sheet);
        for (const [addr, v] of Object.entries(typed)) {
          const c = s.cell(addr);
          c.formula = null;
          c.value = v;
        }
      },
      { sheet: `${office}2024年报`, typed },
    );
  }

  await page.getByRole('tab', { name: '汇总' }).click();
  await page.getByRole('button', { name: '列出年报工作表' }).click();
  const box = page.getByLabel('报送名单', { exact: true });
  await box.waitFor();
  expect(await box.inputValue()).toBe('');
  await box.fill(['县财政局', '城关镇\t乡镇', '县发改局', '县税务局\t不纳入汇总'].join('\n'));
  await page.getByRole('button', { name: '保存到“报送名单”工作表' }).click();
  await page.getByText('已把 4 个单位保存到“报送名单”工作表。').waitFor();
  const rosterSheet = await page.evaluate(() => {
    const s = (window as unknown as { fake: Fake }).fake.sheet('报送名单');
    return [1, 2, 3, 4, 5].map((r) => ['A', 'B', 'D'].map((c) => s.shown(`${c}${r}`)));
  });
  expect(rosterSheet).toEqual([
    ['单位', '层级', '不纳入汇总'],
    ['县财政局', '', ''],
    ['城关镇', '乡镇', ''],
    ['县发改局', '', ''],
    ['县税务局', '', '不纳入汇总'],
  ]);
  // Read back from the workbook: the box holds what the sheet says.
  await box.fill('');
  await page.getByRole('button', { name: '从工作表读取' }).click();
  await page.getByText('已从工作表“报送名单”读取 4 个单位。').waitFor();
  expect(await box.inputValue()).toBe(['县财政局', '城关镇\t乡镇', '县发改局', '县税务局\t不纳入汇总'].join('\n'));

  await page.getByRole('button', { name: '全选' }).click();
  await page.getByLabel('汇总单位').fill('某县');
  await page.getByRole('button', { name: '汇总（2 个成员）' }).click();
  await page.getByText(/已生成汇总表“某县2024汇总”和“某县2024汇总明细”/).waitFor();
  // 县发改局 (a department) was due 2025-01-31, long before this test runs.
  await page.getByText(/^应报 3 个，已报 2 个，通过 2 个；未报送 1 个（其中逾期 1 个）；有错误 0 个；不纳入汇总 1 个/).waitFor();
  await page.getByText('未报送：县发改局（见“某县2024汇总明细”）').waitFor();
  await page.getByText(/报送名单中的「县发改局」没有报表，截止日期 2025-01-31（部门）/).waitFor();
  await page.screenshot({ path: join(ARTIFACTS, 'roster-pane.png'), fullPage: true });

  const overview = await page.evaluate(() => {
    const s = (window as unknown as { fake: Fake }).fake.sheet('某县2024汇总明细');
    return [4, 5, 6, 7].map((r) => ['B', 'C', 'D'].map((c) => s.shown(`${c}${r}`)));
  });
  expect(overview).toEqual([
    ['县发改局', '未报送', '2025-01-31'],
    ['县财政局', '通过', '2025-01-31'],
    ['城关镇', '通过', '2025-03-31'],
    ['县税务局', '不纳入汇总', '2025-01-31'],
  ]);
  expect(failures).toEqual([]);
}, 90000);
