/**
 * The summary's charts on the web page (real Chromium, the built page, real .xlsx files): three
 * units' reports imported and consolidated; the 汇总 tab shows the charts above its list, the
 * charting code requested only once a chart is shown (watched by the page's requests); choosing a
 * unit's bar selects its row in 汇总明细, in the sheet view too; the bars carry the figures. The
 * page's screenshot is kept in test-artifacts/charts-web.png. Needs `npm run build` first.
 */
import type { ChildProcess } from 'child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { Browser, Page } from 'playwright-core';
import { formats } from '../../src/formats';
import { buildSheetPlan } from '../../src/layout/sheet-plan';
import type { Report } from '../../src/model/report';
import { ExceljsWorkbookPort } from '../../src/ports/exceljs/exceljs-workbook';
import { launchChromium, startWebServer, watchPage } from '../helpers/browser';
import { ROOT } from '../helpers/cli';
import { handReport, requestsTable } from '../helpers/hand-report';

const ARTIFACTS = join(ROOT, 'test-artifacts');
const dir = mkdtempSync(join(tmpdir(), 'nianbao-charts-web-'));
let server: ChildProcess;
let url = '';
let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  ({ server, url } = await startWebServer());
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1200, height: 1400 } });
});

afterAll(async () => {
  await browser?.close();
  server?.kill();
});

async function file(name: string, r: Report): Promise<string> {
  const port = ExceljsWorkbookPort.empty();
  await port.writeSheet(buildSheetPlan(formats.byId(r.format)!, { office: r.office, year: r.year, readings: r.readings }));
  const path = join(dir, name);
  writeFileSync(path, await port.toBuffer());
  return path;
}

/** The built scripts holding ECharts (a property name of its own that minifying keeps), by path. */
function chartingScripts(): string[] {
  const web = join(ROOT, 'dist', 'web');
  return readdirSync(web)
    .filter((f) => f.endsWith('.js') && readFileSync(join(web, f), 'utf8').includes('__ec_'))
    .map((f) => `/${f}`);
}

test('the 汇总 tab draws the charts above its list, loading the charting code only then; a unit’s bar selects its row', async () => {
  // New requests: 县财政局 12 (10 + 2 carried forward), 县教育局 7, 县档案馆 3.
  const files = [
    await file('a.xlsx', handReport('gov-2021', 2024, requestsTable({ natural: { results: { granted: 10 }, out: 2 } }), { office: '县财政局' })),
    await file('b.xlsx', handReport('gov-2021', 2024, requestsTable({ business: { results: { partial: 4, 'unable.not_held': 3 } } }), { office: '县教育局' })),
    await file('c.xlsx', handReport('gov-2021', 2024, requestsTable({ natural: { results: { 'rejected.repeat': 3 } } }), { office: '县档案馆' })),
  ];
  const charting = chartingScripts();
  expect(charting.length).toBeGreaterThan(0);
  const seen = watchPage(page);
  await page.goto(url);
  await page.getByRole('button', { name: '新建工作簿' }).click();
  await page.getByRole('tab', { name: '导入报送' }).click();
  await page.getByLabel('选择报送文件').setInputFiles(files);
  await page.getByTestId('import-item').nth(2).waitFor();
  await page.getByRole('button', { name: '全选' }).click();
  await page.getByRole('button', { name: '写入工作簿（3）' }).click();
  await page.getByText(/^已写入 3 个工作表/).waitFor();
  await page.getByRole('tab', { name: '汇总' }).click();
  await page.getByRole('button', { name: '列出年报工作表' }).click();
  await page.getByRole('button', { name: '全选' }).click();
  await page.getByLabel('汇总单位').fill('某县');
  await page.getByText('仅数值').click();
  // Nothing of the charting code yet: reading, importing and listing never need it.
  expect(seen.requests.filter((r) => charting.includes(r))).toEqual([]);

  await page.getByRole('button', { name: '汇总（3 个成员）' }).click();
  await page.getByText(/已生成汇总表“某县2024汇总”和“某县2024汇总明细”、“某县2024图表”/).waitFor();
  const charts = page.getByRole('region', { name: '汇总图表' });
  await charts.locator('figure[data-chart="top-units"] svg').waitFor();
  expect(seen.requests.filter((r) => charting.includes(r)).length).toBeGreaterThan(0);

  // Above the list of units, in the order of the 图表 sheet.
  const order = await page.evaluate(() => {
    const region = document.querySelector('[aria-label="汇总图表"]')!;
    const list = document.querySelector('[aria-label="汇总明细"]')!;
    return { above: !!(region.compareDocumentPosition(list) & Node.DOCUMENT_POSITION_FOLLOWING), charts: [...region.querySelectorAll('figure')].map((f) => f.getAttribute('data-chart')) };
  });
  expect(order).toEqual({ above: true, charts: ['status', 'top-units', 'outcome'] });
  await charts.getByText('图2　各单位的新收申请（单位：件）').waitFor();
  // The bars carry their figures, largest first.
  const units = charts.locator('figure[data-chart="top-units"]');
  const printed = await units.locator('svg text').allTextContents();
  expect(printed.filter((t) => /^\d+$/.test(t))).toEqual(['12', '7', '3']);
  expect(printed.filter((t) => /^县/.test(t))).toEqual(['县财政局', '县教育局', '县档案馆']);
  await page.screenshot({ path: join(ARTIFACTS, 'charts-web.png'), fullPage: true });

  // 县教育局's bar: its row in 汇总明细 is selected, the sheet view shows it.
  await units.locator('svg [ecmeta_data_index="1"]').first().click();
  const notice = page.getByText(/^已定位到工作表“某县2024汇总明细”的 B\d+ 单元格。$/);
  await notice.waitFor();
  const address = /的 (B\d+) 单元格/.exec((await notice.textContent())!)![1];
  await page.waitForFunction((a) => document.activeElement?.closest('[data-address]')?.getAttribute('data-address') === a, address);
  const selected = await page.evaluate(() => document.activeElement!.closest('[data-address]')!.textContent);
  expect(selected).toBe('县教育局');
  expect(seen.failures).toEqual([]);
});
