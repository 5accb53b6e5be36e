/**
 * `nianbao report`: a report sheet drafted into the whole 年报 (.docx and .html), read back by the
 * product's own reader with every figure, office, year and format intact; refusals; and the .docx
 * rendered by LibreOffice to PDF and to page images (kept in test-artifacts/draft for a look).
 */
import { execFileSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { unzipSync, strFromU8 } from 'fflate';
import { formats } from '../../src/formats';
import type { CompiledFormat } from '../../src/formats/compile';
import { buildSheetPlan } from '../../src/layout/sheet-plan';
import { readReports } from '../helpers/read-file';
import { reportsFromJsonText } from '../../src/model/report-json';
import type { Report } from '../../src/model/report';
import { ExceljsWorkbookPort } from '../../src/ports/exceljs/exceljs-workbook';
import { nianbao, ROOT } from '../helpers/cli';
import { reportFromCells, seeded, validCells } from '../helpers/random-report';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-draft-'));
const ARTIFACTS = join(ROOT, 'test-artifacts', 'draft');
const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p)) ?? 'soffice';

const samples = reportsFromJsonText(readFileSync(join(ROOT, 'test/fixtures/sample-reports.json'), 'utf8'), 'sample-reports.json', formats);
const sample = (office: string, year: number) => samples.find((r) => r.office === office && r.year === year)!;

async function workbook(file: string, reports: Report[]) {
  const port = ExceljsWorkbookPort.empty();
  for (const r of reports) await port.writeSheet(buildSheetPlan(formats.byId(r.format)!, { office: r.office, year: r.year, readings: r.readings }));
  writeFileSync(join(dir, file), await port.toBuffer());
  return join(dir, file);
}

/** Figures by cell id, as the reader found them. */
function figures(format: CompiledFormat, r: Report): Record<string, number | null | undefined> {
  return Object.fromEntries(format.cells.map((c) => [c.id, r.readings[c.index]?.value]));
}

async function readBack(file: string) {
  const { reports } = await readReports(file, readFileSync(file), formats);
  expect(reports).toHaveLength(1);
  return reports[0];
}

const suqian = sample('宿迁市（全市汇总）', 2023);
const fuxin = sample('阜新市人民政府办公室', 2020);
const random2019 = formats.byId('gov-2019')!;
const random2021 = formats.byId('gov-2021')!;

const CASES: [string, Report][] = [
  // The city's figures under an office name as a single office writes it.
  ['宿迁 2023', { ...suqian, office: '宿迁市人民政府办公室' }],
  ['阜新 2020', fuxin],
  ['random gov-2019 (signed changes, money with decimals)', reportFromCells(random2019, validCells(random2019, seeded(7)), { office: '汤原县人民政府办公室', year: 2020 })],
  ['random gov-2021', reportFromCells(random2021, validCells(random2021, seeded(8)), { office: '某某县交通运输局', year: 2024 })],
];

describe.each(CASES)('round trip: %s', (name, report) => {
  const stem = `rt-${CASES.findIndex((c) => c[0] === name)}`;
  const format = formats.byId(report.format)!;

  test.each(['docx', 'html'])('the drafted .%s read back gives the sheet’s figures, office, year and format', async (kind) => {
    const xlsx = await workbook(`${stem}-${kind}.xlsx`, [report]);
    const sheet = await readBack(xlsx);
    const out = join(dir, `${stem}.${kind}`);
    const r = nianbao(['report', xlsx, '--out', out, ...(kind === 'html' ? ['--html'] : [])]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`已起草年报全文 ${out}`);
    const drafted = await readBack(out);
    expect({ office: drafted.office, year: drafted.year, format: drafted.format }).toEqual({ office: report.office, year: report.year, format: report.format });
    expect(figures(format, drafted)).toEqual(figures(format, sheet));
    // Every cell found in the drafted tables, none of them blank.
    expect(drafted.readings.every((x) => x !== undefined && x.value !== null)).toBe(true);
  });
});

describe('refusals', () => {
  const broken = (() => {
    const cells = validCells(random2021, seeded(3));
    // A 总计 typed one too high: 三（七）总计 ≠ the sum of the results.
    return { ...reportFromCells(random2021, { ...cells, 'requests.total.natural': cells['requests.total.natural'] + 1 }), office: '某县人民政府办公室', year: 2023 };
  })();

  test('a report with errors is not drafted; the message says which errors and how to force it', async () => {
    const port = ExceljsWorkbookPort.empty();
    await port.writeSheet(buildSheetPlan(random2021, { office: broken.office, year: 2023, readings: broken.readings, totals: 'values' }));
    const xlsx = join(dir, 'broken.xlsx');
    writeFileSync(xlsx, await port.toBuffer());
    const out = join(dir, 'broken.docx');
    const r = nianbao(['report', xlsx, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('某县人民政府办公室 2023 年度的表格还有');
    expect(r.stderr).toContain('未生成年报全文');
    expect(r.stderr).toMatch(/✖ 「自然人」列：.*（七）总计/);
    expect(r.stderr).toContain('--force');
    expect(existsSync(out)).toBe(false);

    const forced = nianbao(['report', xlsx, '--out', out, '--force']);
    expect(forced.code).toBe(1);
    expect(forced.stdout).toContain('已按 --force 起草');
    expect(statSync(out).size).toBeGreaterThan(5000);
  });

  test('a workbook with several reports needs --sheet, and the message lists them', async () => {
    const xlsx = await workbook('two.xlsx', [fuxin, { ...suqian, office: '宿迁市人民政府办公室' }]);
    const out = join(dir, 'two.docx');
    const r = nianbao(['report', xlsx, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('中有 2 份报表');
    expect(r.stderr).toContain('“阜新市人民政府办公室2020年报”');
    expect(r.stderr).toContain('“宿迁市人民政府办公室2023年报”');
    expect(r.stderr).toContain('--sheet');
    expect(existsSync(out)).toBe(false);

    const wrong = nianbao(['report', xlsx, '--out', out, '--sheet', '没有这个表']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('没有名为“没有这个表”的报表工作表');

    const picked = nianbao(['report', xlsx, '--out', out, '--sheet', '宿迁市人民政府办公室2023年报']);
    expect(picked.code).toBe(0);
    const back = await readBack(out);
    expect([back.office, back.year]).toEqual(['宿迁市人民政府办公室', 2023]);
  });

  test('an existing output file is kept unless --force', async () => {
    const xlsx = await workbook('one.xlsx', [fuxin]);
    const out = join(dir, 'existing.docx');
    writeFileSync(out, '已经补写过的年报');
    const r = nianbao(['report', xlsx, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`输出文件 ${out} 已存在`);
    expect(readFileSync(out, 'utf8')).toBe('已经补写过的年报');
    expect(nianbao(['report', xlsx, '--out', out, '--force']).code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  test('the output type follows --html and the extension, and a mismatch is refused', async () => {
    const xlsx = await workbook('ext.xlsx', [fuxin]);
    const bad = nianbao(['report', xlsx, '--out', join(dir, 'x.docx'), '--html']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--html 生成的是网页');
    const txt = nianbao(['report', xlsx, '--out', join(dir, 'x.txt')]);
    expect(txt.code).toBe(2);
    expect(txt.stderr).toContain('.docx（Word 文档）或 .html（网页）');
    expect(nianbao(['report', xlsx, '--out', join(dir, 'by-extension.html')]).code).toBe(0);
    expect(readFileSync(join(dir, 'by-extension.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
  });
});

describe('the .docx as a published report', () => {
  const rendered: Record<string, { pdf: string; pngs: string[] }> = {};

  beforeAll(async () => {
    rmSync(ARTIFACTS, { recursive: true, force: true });
    mkdirSync(ARTIFACTS, { recursive: true });
    for (const [stem, report] of [
      ['suqian-2023', suqian],
      ['fuxin-2020', fuxin],
    ] as const) {
      const xlsx = await workbook(`${stem}.xlsx`, [report]);
      const docx = join(ARTIFACTS, `${stem}.docx`);
      expect(nianbao(['report', xlsx, '--out', docx]).code).toBe(0);
      expect(nianbao(['report', xlsx, '--out', join(ARTIFACTS, `${stem}.html`), '--html']).code).toBe(0);
      execFileSync(soffice, ['--headless', '--convert-to', 'pdf', '--outdir', ARTIFACTS, docx], { timeout: 120000 });
      const pdf = join(ARTIFACTS, `${stem}.pdf`);
      execFileSync('pdftoppm', ['-r', '70', '-png', pdf, join(ARTIFACTS, stem)]);
      rendered[stem] = { pdf, pngs: readdirSync(ARTIFACTS).filter((f) => f.startsWith(`${stem}-`) && f.endsWith('.png')) };
    }
  }, 300000);

  test.each(['suqian-2023', 'fuxin-2020'])('%s: LibreOffice opens it, renders A4 pages, and pdftoppm draws each', (stem) => {
    const { pdf, pngs } = rendered[stem];
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(info).toMatch(/Page size:\s+595\.\d* x 841\.\d*|Page size:\s+595\.\d* x 842\.\d*/);
    expect(pngs).toHaveLength(pages);
    for (const p of pngs) expect(statSync(join(ARTIFACTS, p)).size).toBeGreaterThan(5000);
  });

  test.each(['suqian-2023', 'fuxin-2020'])('%s: the rendered text has the title, the six parts, the tables’ headers and the placeholders', (stem) => {
    const text = execFileSync('pdftotext', ['-layout', rendered[stem].pdf, '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, '');
    expect(text).toContain('政府信息公开工作年度报告');
    for (const part of ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']) expect(text).toContain(part);
    for (const header of ['申请人情况', '法人或其他组织', '未经复议直接起诉', '复议后起诉', '第二十条第（一）项']) expect(text).toContain(header);
    expect(text).toContain('【待填写：');
  });

  test('the tables fill the text width exactly, with full borders, merges and highlighted placeholders', () => {
    const xml = strFromU8(unzipSync(new Uint8Array(readFileSync(join(ARTIFACTS, 'suqian-2023.docx'))))['word/document.xml']);
    const tables = xml.split('<w:tbl>').slice(1);
    expect(tables).toHaveLength(3);
    for (const t of tables) {
      const grid = [...t.matchAll(/<w:gridCol w:w="(\d+)"/g)].map((m) => Number(m[1]));
      // 210 mm less the 28 mm and 26 mm margins, in twips.
      expect(grid.reduce((a, b) => a + b, 0)).toBe(Math.round((156 * 1440) / 25.4));
      for (const side of ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']) expect(t).toMatch(new RegExp(`<w:${side} w:val="single"`));
    }
    // 主动公开 4 columns, 依申请公开 3 label columns and 7 figures, 复议诉讼 15.
    expect(tables.map((t) => (t.match(/<w:gridCol /g) ?? []).length)).toEqual([4, 10, 15]);
    expect(tables[1]).toMatch(/<w:vMerge w:val="restart"\/>/);
    expect(tables[2]).toMatch(/<w:gridSpan w:val="10"\/>/);
    expect(xml).toMatch(/<w:highlight w:val="yellow"\/>/);
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('w:eastAsia="黑体"');
  });
});
