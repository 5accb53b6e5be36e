/**
 * What the clerk sees when the pane cannot start or a part of it crashes: the built task pane
 * with office.js blocked (and, for contrast, with a stand-in office.js), and the error boundary
 * in a harness whose parts crash on a click.
 */
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { ChildProcess } from 'child_process';
import type { Browser, Page } from 'playwright-core';
import { buildHarness, launchChromium, startWebServer } from '../helpers/browser';
import { CRASH_TITLE } from '../../src/taskpane/components/ErrorBoundary';
import { OFFICE_UNAVAILABLE_TITLE } from '../../src/taskpane/components/OfficeUnavailable';

const CDN = 'https://appsforoffice.microsoft.com/**';
let server: ChildProcess;
let url = '';
let browser: Browser;

beforeAll(async () => {
  ({ server, url } = await startWebServer());
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  server?.kill();
});

/** A page that records uncaught errors and console errors. */
async function watchedPage(): Promise<{ page: Page; pageErrors: string[]; consoleErrors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 360, height: 700 } });
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  return { page, pageErrors, consoleErrors };
}

test('office.js blocked: the built pane says so in Chinese and names the self-hosted build, instead of staying blank', async () => {
  const { page, pageErrors } = await watchedPage();
  await page.route(CDN, (r) => r.abort('blockedbyclient'));
  await page.goto(`${url}taskpane.html`);
  const alert = page.getByRole('alert');
  await alert.getByText(OFFICE_UNAVAILABLE_TITLE).waitFor();
  const text = await alert.innerText();
  expect(text).toContain('appsforoffice.microsoft.com');
  expect(text).toContain('OFFICE_JS=local');
  expect(text).toContain('网页版');
  expect(pageErrors).toEqual([]);
  await page.close();
});

test('office.js present: the same built pane starts with its tabs and no failure message', async () => {
  const { page, pageErrors } = await watchedPage();
  // A stand-in for office.js: ready at once, every requirement set supported.
  const stub = `window.Office = { onReady: (f) => Promise.resolve(f({ host: 'Excel' })), context: { requirements: { isSetSupported: () => true } } };
    window.Excel = { run: () => Promise.reject(new Error('no Excel here')) };`;
  await page.route(CDN, (r) => r.fulfill({ status: 200, contentType: 'text/javascript', body: stub }));
  await page.goto(`${url}taskpane.html`);
  await page.getByRole('tab', { name: '一键校验' }).waitFor();
  expect(await page.getByText(OFFICE_UNAVAILABLE_TITLE).count()).toBe(0);
  expect(pageErrors).toEqual([]);
  await page.close();
});

test('a part that crashes while drawing is replaced by a Chinese message with its advice, logged to the console; the rest stays', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-crash-'));
  const harness = await buildHarness(dir, 'crash-harness.tsx');
  const { page, consoleErrors } = await watchedPage();
  await page.goto(`file://${harness}`);

  await page.getByRole('button', { name: '局部部件' }).click();
  const part = page.getByRole('region', { name: '局部' }).getByRole('alert');
  await part.getByText(CRASH_TITLE).waitFor();
  expect(await part.innerText()).toContain('可先点“下载”保存当前工作簿。（局部部件出错了）');
  // The other part and the toolbar outside both boundaries are untouched.
  expect(await page.getByRole('button', { name: '整页部件' }).count()).toBe(1);
  expect(await page.getByText('工具栏').count()).toBe(1);
  expect(consoleErrors.some((e) => e.includes('年报助手界面出错') && e.includes('局部部件出错了'))).toBe(true);

  await page.getByRole('button', { name: '整页部件' }).click();
  const whole = page.getByRole('region', { name: '整页' }).getByRole('alert');
  await whole.getByText(CRASH_TITLE).waitFor();
  expect(await whole.innerText()).toContain('请关闭并重新打开任务窗格（网页版请刷新页面）后重试');
  await page.close();
});
