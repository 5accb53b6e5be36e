/**
 * The WPS face in a real headless Chromium over the fake WPS host: the task pane (the same App
 * over the WPS adapter) through generate → fill → validate (red cells and comments) → fix →
 * clear (the clerk's fills and comments exactly back) → import → consolidate; and the built
 * ribbon page (dist/wps/index.html) with every callback ribbon.xml names, opening the pane and
 * running 一键校验 on the fake.
 */
import { mkdirSync, mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { formats } from '../../src/formats';
import { canonicalPlan } from '../../src/layout/sheet-report';
import { MARK_FILL } from '../../src/layout/sheet-plan';
import { ROOT } from '../helpers/cli';
import { buildHarness, launchChromium } from '../helpers/browser';
import { seeded, validCells } from '../helpers/random-report';
import { bgr } from '../wps/fake-et';

const ARTIFACTS = join(ROOT, 'test-artifacts');
const dir = mkdtempSync(join(tmpdir(), 'nianbao-wps-pane-'));
let browser: Browser;
let page: Page;

interface CellState {
  value: unknown;
  formula: string | null;
  fill: number | null;
}
/** The fake's state as the page holds it. */
type FakeOnPage = { sheet: (n: string) => { cell: (a: string) => CellState; cells: Map<string, CellState>; comments: Map<string, string>; shown: (a: string) => unknown }; sheets: { name: string }[] };

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  await buildHarness(dir, 'wps-harness.tsx');
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 360, height: 900 } });
}, 60000);

afterAll(async () => {
  await browser?.close();
});

const SHEET = '汤原县人民政府办公室2023年报';
const format = formats.forYear(2023)!;
const plan = canonicalPlan(format);
const A = plan.addresses;

async function generate(office: string) {
  await page.getByRole('tab', { name: '生成表格' }).click();
  await page.getByLabel('报告年度').click();
  await page.getByRole('option', { name: '2023 年度' }).click();
  await page.getByLabel('填报单位').fill(office);
  await page.getByRole('button', { name: '生成表格' }).click();
  await page.getByText(`已生成工作表“${office}2023年报”`).waitFor();
}

/** Types figures into the fake, as a clerk types into WPS. */
async function type(sheet: string, typed: Record<string, number>, own: { fill?: Record<string, number>; comments?: Record<string, string> } = {}) {
  await page.evaluate(
    ({ sheet, typed, own }) => {
      const s = (window as unknown as { fake: FakeOnPage }).fake.sheet(sheet);
      for (const [addr, v] of Object.entries(typed)) Object.assign(s.cell(addr), { formula: null, value: v });
      for (const [addr, f] of Object.entries(own.fill ?? {})) s.cell(addr).fill = f;
      for (const [addr, t] of Object.entries(own.comments ?? {})) s.comments.set(addr, t);
    },
    { sheet, typed, own },
  );
}

const stateOf = (sheet: string, addr: string) =>
  page.evaluate(
    ({ sheet, addr }) => {
      const s = (window as unknown as { fake: FakeOnPage }).fake.sheet(sheet);
      const c = s.cells.get(addr);
      return { fill: c?.fill ?? null, comment: s.comments.get(addr) ?? null, formula: c?.formula ?? null, shown: s.shown(addr) };
    },
    { sheet, addr },
  );

function clerkFigures(seed: number) {
  const cells = validCells(format, seeded(seed));
  const formulas = new Set(plan.cells.filter((c) => c.formula).map((c) => c.cellId));
  const typed: Record<string, number> = {};
  for (const c of format.cells) if (!formulas.has(c.id)) typed[A[c.id]] = cells[c.id];
  return { cells, typed };
}

test('the WPS pane over the fake WPS: generate, fill, validate, fix, clear, import, consolidate', async () => {
  const failures: string[] = [];
  page.on('pageerror', (e) => failures.push(e.message));
  await page.goto(`file://${join(dir, 'index.html')}`);
  await generate('汤原县人民政府办公室');

  // The clerk's figures, one total typed over its formula; the clerk's own colour and comment on that cell.
  const { cells, typed } = clerkFigures(3);
  const culprit = A['requests.total.legal'];
  await type(
    SHEET,
    { ...typed, [culprit]: cells['requests.total.legal'] + 2, [A['requests.total.total']]: cells['requests.total.total'] },
    { fill: { [culprit]: bgr('CCE5FF') }, comments: { [culprit]: '已与台账核对' } },
  );
  const before = await stateOf(SHEET, culprit);

  await page.getByRole('tab', { name: '一键校验' }).click();
  await page.getByRole('button', { name: '一键校验' }).click();
  await page.getByText('错误 3').waitFor();
  const painted = await stateOf(SHEET, culprit);
  expect(painted.fill).toBe(bgr(MARK_FILL.error));
  expect(painted.comment).toMatch(/^年报助手校验：\n【错误】[\s\S]*——原批注：已与台账核对$/);
  await page.screenshot({ path: join(ARTIFACTS, 'wps-validate.png'), fullPage: true });

  await page
    .getByRole('button', { name: /^改正：/ })
    .first()
    .click();
  await page.getByText('未发现问题。').waitFor();
  const fixed = await stateOf(SHEET, culprit);
  expect(fixed).toEqual({ fill: before.fill, comment: '已与台账核对', formula: plan.cells.find((c) => c.cellId === 'requests.total.legal')!.formula, shown: cells['requests.total.legal'] });

  // A new error painted, then 清除标记: the clerk's fill and comment exactly as they were, everywhere.
  const other = A['requests.new.natural'];
  await type(SHEET, { [other]: Number(typed[other]) + 1 });
  const otherBefore = await stateOf(SHEET, other);
  await page.getByRole('button', { name: '一键校验' }).click();
  await page.getByText(/错误 \d+/).waitFor();
  expect((await stateOf(SHEET, other)).fill).toBe(bgr(MARK_FILL.error));
  await page.getByRole('button', { name: '清除标记' }).click();
  await page.getByText(/已清除 1 个工作表的标记/).waitFor();
  expect(await stateOf(SHEET, other)).toEqual(otherBefore);
  expect(await stateOf(SHEET, culprit)).toEqual(fixed);

  // 导入报送: pasted text of a published report becomes a sheet of the workbook.
  const sample = readFileSync(join(__dirname, '..', 'fixtures', 'samples', 'fuxin-2020.txt'), 'utf8');
  await page.getByRole('tab', { name: '导入报送' }).click();
  await page.getByLabel('粘贴报告文字').fill(sample);
  await page.getByRole('button', { name: '读取粘贴的文字' }).click();
  await page.getByTestId('import-item').last().getByRole('checkbox').check();
  await page.getByRole('button', { name: '写入工作簿（1）' }).click();
  await page.getByText(/已写入 1 个工作表：阜新市人民政府办公室2020年报/).waitFor();

  // 汇总: a second 2023 report, both consolidated into a summary and its overview.
  await generate('某县财政局');
  await type('某县财政局2023年报', clerkFigures(4).typed);
  await page.getByRole('tab', { name: '汇总' }).click();
  await page.getByRole('button', { name: '列出年报工作表' }).click();
  await page.getByRole('checkbox', { name: /汤原县人民政府办公室/ }).check();
  await page.getByRole('checkbox', { name: /某县财政局/ }).check();
  await page.getByLabel('汇总单位').fill('某县');
  await page.getByRole('button', { name: '汇总（2 个成员）' }).click();
  await page.getByText(/已生成汇总表“某县2023汇总”和“某县2023汇总明细”/).waitFor();
  await page.screenshot({ path: join(ARTIFACTS, 'wps-consolidate.png'), fullPage: true });
  const names = await page.evaluate(() => (window as unknown as { fake: FakeOnPage }).fake.sheets.map((s) => s.name));
  expect(names).toEqual(expect.arrayContaining([SHEET, '阜新市人民政府办公室2020年报', '某县财政局2023年报', '某县2023汇总', '某县2023汇总明细']));
  // The summary's total is the members' sum, computed by the host.
  const summaryTotal = await stateOf('某县2023汇总', A['requests.new.total']);
  const member = (await stateOf(SHEET, A['requests.new.total'])).shown as number;
  const second = (await stateOf('某县财政局2023年报', A['requests.new.total'])).shown as number;
  expect(summaryTotal.shown).toBe(member + second);
  expect(failures).toEqual([]);
}, 120000);

test('the built ribbon page (dist/wps/index.html): every callback ribbon.xml names exists; 打开任务窗格 docks the pane, 一键校验 answers', async () => {
  const wps = join(ROOT, 'dist/wps');
  const ribbon = readFileSync(join(wps, 'ribbon.xml'), 'utf8');
  const named = [...new Set([...ribbon.matchAll(/(?:onLoad|onAction|getImage)="([^"]+)"/g)].map((m) => m[1]))];
  const fake = await build({ entryPoints: [join(ROOT, 'test/e2e/wps-fake-global.ts')], bundle: true, write: false, format: 'iife', logLevel: 'error' });
  const ribbonPage = await browser.newPage();
  const failures: string[] = [];
  ribbonPage.on('pageerror', (e) => failures.push(e.message));
  await ribbonPage.addInitScript({ content: `${fake.outputFiles[0].text}\nwindow.alert = (m) => { (window.said = window.said || []).push(m); };` });
  await ribbonPage.goto(`file://${join(wps, 'index.html')}`);
  await ribbonPage.waitForFunction(() => typeof (window as unknown as { OnValidate?: unknown }).OnValidate === 'function');
  const kinds = await ribbonPage.evaluate((names) => names.map((n) => [n, typeof (window as unknown as Record<string, unknown>)[n]]), named);
  expect(kinds).toEqual(named.map((n) => [n, 'function']));
  const pane = await ribbonPage.evaluate(() => {
    const w = window as unknown as { OnOpenPane: () => void; fake: { taskPanes: { url: string; Visible: boolean }[] } };
    w.OnOpenPane();
    w.OnOpenPane();
    return w.fake.taskPanes.map((t) => ({ url: t.url, Visible: t.Visible }));
  });
  expect(pane).toEqual([{ url: `file://${join(wps, 'taskpane.html')}`, Visible: true }]);
  await ribbonPage.evaluate(() => (window as unknown as { OnValidate: () => Promise<void> }).OnValidate());
  expect(await ribbonPage.evaluate(() => (window as unknown as { said: string[] }).said)).toEqual([expect.stringMatching(/^这不是年报表格/)]);
  expect(failures).toEqual([]);
  await ribbonPage.close();
}, 60000);
