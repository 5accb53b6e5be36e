/**
 * The season on the web page (real Chromium, real files): 县财政局 (A) sent a report with an error
 * and then a corrected one, 县交通运输局 (B) one with errors; 城关镇 (C) is on the roster, typed with
 * spaces, and sent nothing. The three files are imported (A's two kept as versions, their times
 * from the files), consolidated, and the letters downloaded: all at once as a .zip, and B's alone.
 * The summary counts A's corrected version once; B's notice names its error cells; A gets none;
 * A's row says 已整改 with the cells it changed; the circular lists C as 未报送 with its days
 * overdue. Needs `npm run build` first.
 */
import ExcelJS from 'exceljs';
import type { ChildProcess } from 'child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { Browser, Page } from 'playwright-core';
import { unzipSync } from 'fflate';
import { formats } from '../../src/formats';
import { ROOT } from '../helpers/cli';
import { launchChromium, startWebServer } from '../helpers/browser';
import { readLetter } from '../helpers/read-letter';
import { readReports } from '../helpers/read-file';
import { A, A_UNASKED, A_WRONG, B, B_WRONG, C, cellsA, cellsB, FORMAT, daysSince, ROSTER_TEXT, versionA2, versionB, writeSeason, type SeasonFolder } from '../helpers/season';

const ARTIFACTS = join(ROOT, 'test-artifacts');
const dir = mkdtempSync(join(tmpdir(), 'nianbao-season-web-'));
let server: ChildProcess;
let url = '';
let browser: Browser;
let page: Page;
let season: SeasonFolder;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  season = await writeSeason(dir);
  ({ server, url } = await startWebServer());
  browser = await launchChromium();
  page = await browser.newPage({ acceptDownloads: true, viewport: { width: 760, height: 1400 } });
});

afterAll(async () => {
  await browser?.close();
  server?.kill();
});

async function saved(click: () => Promise<void>, name: string): Promise<string> {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = join(dir, name);
  await d.saveAs(file);
  return file;
}

test('the web page: import versions, consolidate with a roster typed with spaces, download the notices and the circular', async () => {
  const failures: string[] = [];
  page.on('pageerror', (e) => failures.push(e.message));
  await page.goto(url);
  await page.getByRole('button', { name: '新建工作簿' }).click();
  await page.getByRole('tab', { name: '导入报送' }).click();
  await page.getByLabel('选择报送文件').setInputFiles([season.files.a1, season.files.a2, season.files.b]);
  await page.getByTestId('import-item').nth(2).waitFor();
  await page.getByRole('button', { name: '全选' }).click();
  await page.getByRole('button', { name: '写入工作簿（3）' }).click();
  await page.getByRole('alertdialog', { name: '重复的报表' }).getByText('两份都保留时作为该单位的不同版本').waitFor();
  await page.getByRole('button', { name: '两份都保留（作为新版本）' }).click();
  await page.getByText(/^已写入 3 个工作表/).waitFor();

  await page.getByRole('tab', { name: '汇总' }).click();
  await page.getByRole('button', { name: '列出年报工作表' }).click();
  // Each of A's sheets says which version it is; the older one is not counted.
  await page.getByText(`${A}（2024 年度，2021 年版；第 1/2 版，旧版本，不计入）`).waitFor();
  await page.getByText(`${A}（2024 年度，2021 年版；第 2/2 版，计入）`).waitFor();
  await page.getByRole('button', { name: '全选' }).click();
  await page.getByLabel('报送名单', { exact: true }).fill(ROSTER_TEXT);
  await page.getByLabel('汇总单位').fill('某县');
  await page.getByText('仅数值').click();
  await page.getByRole('button', { name: '汇总（3 个成员）' }).click();
  await page.getByText('已生成汇总表“某县2024汇总”和“某县2024汇总明细”、“某县2024整改情况”、“某县2024报送情况”、“某县2024图表”（2 个成员，数值）。').waitFor();
  await page.getByText(/^应报 3 个，已报 2 个，通过 1 个；未报送 1 个（其中逾期 1 个）；有错误 1 个/).waitFor();

  const units = page.getByTestId('season-unit');
  await expect(units.allTextContents()).resolves.toEqual([`${C}：未报送`, `${B}：有错误退回意见`, `${A}：通过；整改情况：已整改`]);
  expect(await page.getByRole('button', { name: `生成${A}的退回意见` }).count()).toBe(0);
  await page.screenshot({ path: join(ARTIFACTS, 'season-web.png'), fullPage: true });

  // All at once: one .zip with B's notice and the circular.
  const zip = await saved(() => page.getByRole('button', { name: '生成全部退回意见和通报（.zip）' }).click(), 'letters.zip');
  await page.getByText(/^已生成“2024年度退回意见和报送情况通报\.zip”（2 份文件）/).waitFor();
  const files = unzipSync(new Uint8Array(readFileSync(zip)));
  expect(Object.keys(files).sort()).toEqual([`${B}退回意见.docx`, '报送情况通报.docx'].sort());
  const notice = readLetter(files[`${B}退回意见.docx`]);
  expect(notice.paragraphs[1]).toBe(`${B}：`);
  expect(notice.paragraphs[2]).toMatch(new RegExp(`^你单位报送的 2024 年度政府信息公开工作年度报告（${B}\\.xlsx，报送时间 2025-01-18 14:40）经审核`));
  const wrong = notice.rows.filter((r) => r[1] === '「一、本年新收」×「自然人」');
  expect(wrong.map((r) => [r[2], r[4]])).toEqual([
    [String(cellsB[B_WRONG] + 2), `将「一、本年新收」×「自然人」改为 ${cellsB[B_WRONG]}，可同时解决 2 项`],
    [String(cellsB[B_WRONG] + 2), `将「一、本年新收」×「自然人」改为 ${cellsB[B_WRONG]}，可同时解决 2 项`],
  ]);
  const circular = readLetter(files['报送情况通报.docx']);
  expect(circular.rows.find((r) => r[1] === C)).toEqual(['1', C, '2025-03-31', `逾期 ${daysSince('2025-03-31')} 天`]);

  // One office from its row: B's notice alone, as a .docx.
  const single = await saved(() => page.getByRole('button', { name: `生成${B}的退回意见` }).click(), 'b.docx');
  expect(readLetter(new Uint8Array(readFileSync(single))).rows).toEqual(notice.rows);

  const workbook = await saved(() => page.getByRole('button', { name: '下载' }).click(), 'season.xlsx');
  expect(failures).toEqual([]);

  // The summary counts A's corrected version once and never its first.
  const { reports } = await readReports('season.xlsx', new Uint8Array(readFileSync(workbook)), formats);
  const summary = reports.find((r) => r.members?.length)!;
  expect([...summary.members!].sort()).toEqual([A, B].sort());
  for (const c of FORMAT.cells) expect(summary.readings[c.index]!.value ?? 0).toBeCloseTo((versionA2[c.id] ?? 0) + (versionB[c.id] ?? 0), 6);

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(workbook);
  const overview = wb.getWorksheet('某县2024汇总明细')!;
  const header = overview.getRow(3).values as unknown[];
  const column = (h: string) => header.indexOf(h);
  const rowOf = (office: string) => [4, 5, 6].map((r) => overview.getRow(r)).find((r) => r.getCell(2).text === office)!;
  const a = rowOf(A);
  expect(a.getCell(column('整改情况')).text).toMatch(/^已整改/);
  expect(a.getCell(column('整改情况')).text).toContain(`${cellsA[A_UNASKED]}→${cellsA[A_UNASKED] + 3}（未要求修改）`);
  expect(a.getCell(column('整改情况')).text).toContain(`${cellsA[A_WRONG] + 1}→${cellsA[A_WRONG]}`);
  // The version not counted is named, with the time its file carried.
  expect(a.getCell(column('报送时间')).text).toBe(`2025-01-22 10:30，第 2 版（${A}2024年报(2)）；未计入：${A}2024年报（2025-01-15 09:05）`);
  const changes = wb.getWorksheet('某县2024整改情况')!;
  expect([4, 5].map((r) => [2, 5, 6, 7].map((c) => changes.getCell(r, c).text)).sort()).toEqual(
    [
      [A, String(cellsA[A_UNASKED]), String(cellsA[A_UNASKED] + 3), '否'],
      [A, String(cellsA[A_WRONG] + 1), String(cellsA[A_WRONG]), '是'],
    ].sort(),
  );
  expect(wb.getWorksheet('某县2024报送情况')).toBeDefined();
}, 180000);
