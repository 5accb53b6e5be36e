/** Prints the figures of spec/contract.md: throughput of the core and sync counts of the add-in. */
import { formats } from '../src/formats';
import { validate } from '../src/rules/engine';
import { reportFromCells, seeded, validCells } from '../test/helpers/random-report';
import type { Report } from '../src/model/report';
import { addinSyncBenchmarks } from '../test/office/sync-bench';
import { wpsCallBenchmarks } from '../test/wps/call-bench';
import { consolidate } from '../src/consolidate/consolidate';
import { clerkLayout, toDocx, toXlsx } from '../test/helpers/clerk-layouts';
import { toPdf, wordDocument } from '../test/helpers/pdf-files';
import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { unzipSync } from 'fflate';
import { gzipSync } from 'zlib';
import { parseDocument } from 'htmlparser2';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { ExceljsWorkbookPort } from '../src/ports/exceljs/exceljs-workbook';
import { generateTemplate } from '../src/app/generate';
import { consolidateSheets } from '../src/app/consolidate-sheets';
import { validateInMemory } from '../src/app/live-sheet';
import { buildGridModel } from '../src/taskpane/sheet-view-model';
import { canonicalPlan } from '../src/layout/sheet-report';
import { SheetView } from '../src/taskpane/sheet-view';
import { readReports } from '../src/import/read-file';
import { nodeReaders } from '../src/ports/node/readers';
import { PAGES, kb, startScripts } from '../test/helpers/bundle-size';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function validateThroughput(): number {
  const format = formats.byId('gov-2021')!;
  const rand = seeded(42);
  const reports: Report[] = [];
  for (let i = 0; i < 2000; i++) {
    const cells: Record<string, number | null> = validCells(format, rand);
    // A realistic mix: some reports carry errors, so findings and fixes are computed too.
    if (i % 3 === 0) cells['requests.total.legal'] = (cells['requests.total.legal'] ?? 0) + 1;
    if (i % 7 === 0) cells['requests.new.natural'] = null;
    reports.push(reportFromCells(format, cells));
  }
  for (const r of reports) validate(r);
  const runs: number[] = [];
  for (let k = 0; k < 5; k++) {
    const t0 = process.hrtime.bigint();
    for (let rep = 0; rep < 5; rep++) for (const r of reports) validate(r);
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    runs.push((reports.length * 5) / s);
  }
  return Math.round(median(runs));
}

function consolidateCore(): number {
  const format = formats.byId('gov-2021')!;
  const rand = seeded(7);
  const reports = Array.from({ length: 10000 }, (_, i) => reportFromCells(format, validCells(format, rand), { office: `单位${i}`, year: 2023 }));
  const runs: number[] = [];
  for (let k = 0; k < 3; k++) {
    const t0 = process.hrtime.bigint();
    const r = consolidate(reports, { office: '全省', registry: formats });
    if (!r.ok) throw new Error('refused');
    runs.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return Math.round(median(runs));
}

/** County submissions as clerks make them: their own layout, each a separate file. */
async function submissions(kind: 'xlsx' | 'docx', n: number): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), `nianbao-bench-${kind}-`));
  const format = formats.byId('gov-2021')!;
  const rand = seeded(kind === 'xlsx' ? 1 : 2);
  for (let i = 0; i < n; i++) {
    const layout = clerkLayout(format, validCells(format, rand), { office: `第${i + 1}县`, year: 2023 });
    writeFileSync(join(dir, `county${i}.${kind}`), kind === 'xlsx' ? await toXlsx(layout) : toDocx(layout));
  }
  return dir;
}

/** County reports as published: Word documents with ruled tables, printed to PDF by LibreOffice. */
function pdfSubmissions(n: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-pdf-'));
  const format = formats.byId('gov-2021')!;
  const rand = seeded(3);
  const docs = Array.from({ length: n }, (_, i) => {
    const file = join(dir, `county${i}.docx`);
    writeFileSync(file, wordDocument(clerkLayout(format, validCells(format, rand), { office: `第${i + 1}县`, year: 2023 }), { borders: true }));
    return file;
  });
  toPdf(docs, dir);
  for (const d of docs) rmSync(d);
  return dir;
}

/**
 * read.xlsx_vs_unzip_ratio: reading the same 200 workbooks into reports (our .xlsx reader and the
 * recognizer, no validation, no output), in this process and warmed up as the floor is, over
 * the floor. The command line's ratio also holds a fresh process's start and compile.
 */
async function readRatio(dir: string): Promise<number> {
  const files = readdirSync(dir).map((f) => [f, new Uint8Array(readFileSync(join(dir, f)))] as const);
  const read = async () => {
    const t0 = process.hrtime.bigint();
    for (const [name, bytes] of files) await readReports(name, bytes, formats, nodeReaders);
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };
  await read();
  unzipFloor(dir);
  const ours: number[] = [];
  const floor: number[] = [];
  for (let k = 0; k < 5; k++) {
    ours.push(await read());
    floor.push(unzipFloor(dir));
  }
  return Math.round((median(ours) / median(floor)) * 10) / 10;
}

function cli(args: string[]): { ms: number; peakMb: number } {
  const r = spawnSync(process.execPath, [join(__dirname, '../../scripts/measure-cli.mjs'), ...args], { encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, NIANBAO_QUIET: '1' } });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  if (!line.startsWith('{')) throw new Error(`nianbao ${args[0]} failed: ${r.stderr.slice(0, 300)}`);
  return JSON.parse(line);
}

/** The floor: unzip every part and parse every XML part, nothing else. */
function unzipFloor(dir: string): number {
  const t0 = process.hrtime.bigint();
  for (const f of readdirSync(dir)) {
    const parts = unzipSync(readFileSync(join(dir, f)));
    for (const [name, data] of Object.entries(parts)) if (name.endsWith('.xml') || name.endsWith('.rels')) parseDocument(new TextDecoder().decode(data), { xmlMode: true });
  }
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/**
 * web.consolidate_200_peak_mb: Chromium reading and consolidating 200 county .xlsx files chosen in
 * the page (the web page's readers and use-cases, test/e2e/consolidate-harness.tsx), writing the
 * workbook to download. Peak of the page's JS heap (committed), sampled every 50 ms over CDP.
 */
async function webConsolidatePeak(dir: string): Promise<number> {
  const { buildHarness, launchChromium } = await import('../test/helpers/browser');
  const page0 = await buildHarness(mkdtempSync(join(tmpdir(), 'nianbao-bench-web-')), 'consolidate-harness.tsx');
  const browser = await launchChromium();
  try {
    const runs: number[] = [];
    for (let k = 0; k < 3; k++) {
      const page = await browser.newPage();
      await page.goto(`file://${page0}`);
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable');
      await page.getByLabel('报送文件').setInputFiles(readdirSync(dir).map((f) => join(dir, f)));
      let peak = 0;
      let done = false;
      const measure = async () => {
        const { metrics } = await cdp.send('Performance.getMetrics');
        peak = Math.max(peak, metrics.find((m) => m.name === 'JSHeapTotalSize')?.value ?? 0);
      };
      // The page answers between its awaits; the committed heap, taken once more at the end, keeps its high mark.
      const sample = (async () => {
        while (!done) {
          await measure();
          await new Promise((r) => setTimeout(r, 50));
        }
      })();
      const said = await page.evaluate(() => (window as unknown as { consolidate: () => Promise<string> }).consolidate());
      done = true;
      await sample;
      await measure();
      if (!said.startsWith('ok 200')) throw new Error(`web consolidation: ${said}`);
      runs.push(peak / 1024 / 1024);
      await page.close();
    }
    return Math.round(median(runs));
  } finally {
    await browser.close();
  }
}

async function cliBenchmarks(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const xlsx = await submissions('xlsx', 200);
  const docx = await submissions('docx', 200);
  const xlsxMs = median([1, 2, 3].map(() => cli(['validate', xlsx, '--json']).ms));
  const docxMs = median([1, 2, 3].map(() => cli(['validate', docx, '--json']).ms));
  // The floor is short, so it is warmed up and taken over more runs than the CLI.
  unzipFloor(xlsx);
  const floorMs = median([1, 2, 3, 4, 5, 6, 7].map(() => unzipFloor(xlsx)));
  out['cli.xlsx_files_per_s'] = Math.round((200 / xlsxMs) * 1000);
  out['web.consolidate_200_peak_mb'] = await webConsolidatePeak(xlsx);
  out['cli.docx_files_per_s'] = Math.round((200 / docxMs) * 1000);
  const pdf = pdfSubmissions(50);
  const pdfMs = median([1, 2, 3].map(() => cli(['validate', pdf, '--json']).ms));
  out['cli.pdf_files_per_s'] = Math.round((50 / pdfMs) * 1000 * 10) / 10;
  out['cli.xlsx_vs_unzip_ratio'] = Math.round((xlsxMs / floorMs) * 10) / 10;
  out['read.xlsx_vs_unzip_ratio'] = await readRatio(xlsx);
  const five = await submissions('xlsx', 500);
  const outFile = join(mkdtempSync(join(tmpdir(), 'nianbao-bench-out-')), 'summary.xlsx');
  // Each run writes a fresh file: over the last run's output the command would first read it whole, to make sure it is one of ours.
  const runs = [1, 2, 3].map(() => {
    rmSync(outFile, { force: true });
    return cli(['consolidate', five, '--out', outFile, '--office', '某省']);
  });
  out['cli.consolidate_500_ms'] = Math.round(median(runs.map((r) => r.ms)));
  out['cli.consolidate_500_peak_mb'] = Math.round(Math.max(...runs.map((r) => r.peakMb)));
  return out;
}

/**
 * web.render_summary_200_ms: the web page choosing the summary sheet of a workbook of 200 member
 * sheets (formula summary + 汇总明细, saved and reopened as the page holds it). Timed: reading the
 * summary sheet from the in-memory workbook (its formulas evaluated over the members), validating
 * it in memory, building the grid model, and rendering the sheet view (202 tabs and the grid) to
 * HTML with react-dom/server. Not timed: opening the file, the browser's layout and paint.
 */
async function webRenderSummary(): Promise<number> {
  const format = formats.byId('gov-2021')!;
  const rand = seeded(9);
  const build = ExceljsWorkbookPort.empty();
  const members: string[] = [];
  const plan = canonicalPlan(format);
  for (let i = 0; i < 200; i++) {
    const office = `第${i + 1}单位`;
    await generateTemplate(build, { office, year: 2023 });
    const name = `${office}2023年报`;
    const cells = validCells(format, rand);
    const totals = new Set([...format.totals.keys()].map((k) => format.cells[k].id));
    await build.setValues(name, Object.fromEntries(format.cells.filter((c) => !totals.has(c.id)).map((c) => [plan.addresses[c.id], cells[c.id]])));
    members.push(name);
  }
  const r = await consolidateSheets(build, { members, office: '某市', mode: 'formula' });
  if (!r.ok) throw new Error('consolidation refused');
  const port = await ExceljsWorkbookPort.fromBuffer(await build.toBuffer());
  const names = await port.sheetNames();
  const render = async () => {
    const [sheet] = await port.readSheets([r.summarySheet!]);
    const model = buildGridModel(sheet, validateInMemory(sheet));
    return renderToString(createElement(SheetView, { sheets: names, current: sheet.name, onChoose: () => undefined, model, onType: () => undefined }));
  };
  if (!(await render()).includes('data-cell="requests.total.total"')) throw new Error('summary grid not rendered');
  const runs: number[] = [];
  for (let k = 0; k < 5; k++) {
    const t0 = process.hrtime.bigint();
    await render();
    runs.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return Math.round(median(runs));
}

/** web.*_start_kb: gzip KB of the scripts each built page loads at start (dist/web, as last built). */
function webStartSizes(): Record<string, number> {
  const web = join(__dirname, '../../dist/web');
  if (!existsSync(join(web, PAGES.taskpane))) {
    process.stderr.write('未找到 dist/web：web.*_start_kb 未测量，请先运行 npm run build。\n');
    return {};
  }
  return Object.fromEntries(Object.entries(PAGES).map(([name, page]) => [`web.${name}_start_kb`, kb(startScripts(web, page).gzipBytes)]));
}

/** web.portable_kb: the portable build (dist/portable), every file gzipped: what is handed to a clerk. */
function portableSize(): Record<string, number> {
  const dir = join(__dirname, '../../dist/portable');
  if (!existsSync(dir)) return {};
  const files = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(d, e.name)) : [join(d, e.name)]));
  return { 'web.portable_kb': kb(files(dir).reduce((n, f) => n + gzipSync(readFileSync(f)).length, 0)) };
}

async function main() {
  const metrics: Record<string, number> = {};
  metrics['validate.reports_per_s'] = validateThroughput();
  Object.assign(metrics, await addinSyncBenchmarks());
  Object.assign(metrics, await wpsCallBenchmarks());
  metrics['consolidate.core_10000_ms'] = consolidateCore();
  metrics['web.render_summary_200_ms'] = await webRenderSummary();
  Object.assign(metrics, webStartSizes());
  Object.assign(metrics, portableSize());
  Object.assign(metrics, await cliBenchmarks());
  if (process.argv.includes('--json')) {
    process.stdout.write(JSON.stringify({ metrics }) + '\n');
    return;
  }
  const width = Math.max(...Object.keys(metrics).map((k) => k.length));
  process.stdout.write('指标'.padEnd(width - 1) + '  数值\n');
  for (const [k, v] of Object.entries(metrics)) process.stdout.write(`${k.padEnd(width)}  ${v}\n`);
}

main().catch((e) => {
  process.stderr.write(`基准测试失败：${(e as Error).message}\n`);
  process.exit(1);
});
