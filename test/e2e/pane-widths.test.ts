/**
 * The task pane at the widths Excel gives it (320 and 400 px) and wide (1280 px): every task
 * laid out without sideways scrolling, each 汇总 member's badge on its own member's line.
 * Screenshots of each task at each width go to test-artifacts/.
 */
import { mkdirSync, mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { Browser, Page } from 'playwright-core';
import { ROOT } from '../helpers/cli';
import { launchChromium, buildPaneHarness } from '../helpers/browser';

const ARTIFACTS = join(ROOT, 'test-artifacts');
const dir = mkdtempSync(join(tmpdir(), 'nianbao-widths-'));
let browser: Browser;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  await buildPaneHarness(dir);
  browser = await launchChromium();
}, 60000);

afterAll(async () => {
  await browser?.close();
});

const OFFICES = ['某某市某某区人民政府办公室', '某某区教育局', '某某区市场监督管理局（知识产权局）'];

/** Nothing wider than the pane: no sideways scrolling. */
async function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

async function shot(page: Page, task: string, width: number) {
  await page.screenshot({ path: join(ARTIFACTS, `pane-${task}-${width}.png`), fullPage: true });
  expect({ task, width, overflow: await overflow(page) }).toEqual({ task, width, overflow: 0 });
}

test.each([320, 400, 1280])(
  'every task at %i px',
  async (width) => {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    const failures: string[] = [];
    page.on('pageerror', (e) => failures.push(e.message));
    await page.goto(`file://${join(dir, 'index.html')}`);

    for (const office of OFFICES) {
      await page.getByLabel('报告年度').click();
      await page.getByRole('option', { name: '2023 年度' }).click();
      await page.getByLabel('填报单位').fill(office);
      await page.getByRole('button', { name: '生成表格' }).click();
      await page.getByText(`已生成工作表“${office}2023年报”`).waitFor();
    }
    await shot(page, 'generate', width);

    await page.getByRole('tab', { name: '一键校验' }).click();
    await page.getByRole('radio', { name: '全部年报工作表' }).check();
    await page.getByRole('button', { name: '一键校验' }).click();
    await page.getByTestId('blank-cells').first().waitFor();
    await shot(page, 'validate', width);

    await page.getByRole('tab', { name: '导入报送' }).click();
    const sample = readFileSync(join(ROOT, 'test', 'fixtures', 'samples', 'fuxin-2020.txt'), 'utf8');
    await page.getByLabel('粘贴报告文字').fill(sample);
    await page.getByRole('button', { name: '读取粘贴的文字' }).click();
    await page.getByTestId('import-item').first().waitFor();
    await shot(page, 'import', width);

    await page.getByRole('tab', { name: '汇总' }).click();
    await page.getByRole('button', { name: '列出年报工作表' }).click();
    const members = page.getByRole('list', { name: '成员报表' }).getByRole('listitem');
    await members.first().waitFor();
    expect(await members.count()).toBe(OFFICES.length);
    // Each badge sits inside its own member's row, never under the next member.
    const boxes = await members.evaluateAll((items) =>
      items.map((li) => {
        const row = li.getBoundingClientRect();
        const badge = li.querySelector('.fui-Badge')!.getBoundingClientRect();
        return { inside: badge.top >= row.top - 0.5 && badge.bottom <= row.bottom + 0.5 && badge.right <= document.documentElement.clientWidth };
      }),
    );
    expect(boxes).toEqual(OFFICES.map(() => ({ inside: true })));
    await shot(page, 'consolidate', width);
    expect(failures).toEqual([]);
    await page.close();
  },
  120000,
);
