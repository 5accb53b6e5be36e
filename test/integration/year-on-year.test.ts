/**
 * Year on year (`consolidate --previous`): the carry-over check per column on the summary,
 * member set changes, and the 同比 sheet, on real figures: 平潭 2021 → 2022, and a
 * county built across the 2020 → 2021 format switch. Expected values worked out by hand.
 */
import ExcelJS from 'exceljs';
import { execFileSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { nianbao, ROOT } from '../helpers/cli';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-yoy-'));
const ARTIFACTS = join(ROOT, 'test-artifacts', 'year-on-year');
const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p)) ?? 'soffice';
const samples = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/sample-reports.json'), 'utf8')) as {
  reports: { id: string; office: string; year: number; format: string; cells: Record<string, number | null> }[];
};

function reports(name: string, list: [id: string, office: string, year: number, change?: Record<string, number>][]): string {
  const file = join(dir, name);
  const out = list.map(([id, office, year, change]) => {
    const r = samples.reports.find((x) => x.id === id)!;
    return { office, year, format: r.format, cells: { ...r.cells, ...change } };
  });
  writeFileSync(file, JSON.stringify({ reports: out }));
  return file;
}

function consolidate(args: string[]) {
  const run = nianbao(['consolidate', ...args, '--json', '--force']);
  if (run.code === 2) throw new Error(run.stderr);
  return { code: run.code, summary: JSON.parse(run.stdout).reports[0], stderr: run.stderr };
}

type Row = (string | number | null)[];

async function sheet(file: string, name: string): Promise<Row[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}: ${wb.worksheets.map((w) => w.name).join(', ')}`);
  const rows: Row[] = [];
  for (let r = 1; r <= ws.rowCount; r++) rows.push([1, 2, 3, 4, 5, 6].map((c) => (ws.getCell(r, c).value as string | number | null) ?? null));
  return rows;
}

/** Rounds the rate column so a hand-worked fraction can be compared. */
const round = (rows: Row[]) => rows.map((r) => r.map((v, i) => (i === 5 && typeof v === 'number' ? Math.round(v * 10000) / 10000 : typeof v === 'number' ? Math.round(v * 1e6) / 1e6 : v)));

describe('平潭 2021 → 2022 (same format)', () => {
  const y21 = join(dir, 'pt2021.xlsx');
  const y22 = join(dir, 'pt2022.xlsx');

  beforeAll(() => {
    expect(consolidate([reports('pt2021.json', [['pingtan_2021', '平潭综合实验区', 2021]]), '--office', '福建某市', '--out', y21]).code).toBe(0);
  });

  test('the carry-over holds in every column, 现行有效 holds, and nothing is said about members', () => {
    const run = consolidate([reports('pt2022.json', [['pingtan_2022', '平潭综合实验区', 2022]]), '--office', '福建某市', '--out', y22, '--previous', y21]);
    expect(run.code).toBe(0);
    // Published: 2021 结转下年度 1 (自然人, 总计) = 2022 上年结转 1; 现行有效 665 + 88 − 55 = 698.
    expect(run.summary.findings).toEqual([]);
  });

  test('a wrong 结转下年度 last year fails the carry-over in exactly its column', () => {
    const broken = join(dir, 'pt2021-broken.xlsx');
    consolidate([reports('pt2021b.json', [['pingtan_2021', '平潭综合实验区', 2021, { 'requests.carried_out.natural': 3 }]]), '--office', '福建某市', '--out', broken]);
    const run = consolidate([join(dir, 'pt2022.json'), '--office', '福建某市', '--out', join(dir, 'pt2022b.xlsx'), '--previous', broken]);
    expect(run.code).toBe(1);
    const carry = run.summary.findings.filter((f: { rule: string }) => f.rule === 'crossyear.carry');
    expect(carry).toHaveLength(1);
    expect(carry[0].cells).toEqual(['requests.carried_in.natural']);
    expect([carry[0].expected, carry[0].actual].sort()).toEqual([1, 3]);
  });

  test('the 同比 sheet: totals and the member, largest changes first', async () => {
    const rows = round(await sheet(y22, '福建某市2022同比'));
    expect(rows[0][0]).toBe('福建某市 2022 年度与 2021 年度关键数字对比（同比）');
    expect(rows[1][0]).toContain('（2021 年度，2021 年版）');
    expect(rows[1][0]).not.toContain('格式不同');
    expect(rows[2]).toEqual(['单位', '指标', '2022 年度', '2021 年度', '增减', '增减率']);
    // By hand from the published figures (2022 vs 2021), ordered by |change| / last year.
    const totals = [
      ['合计', '行政许可', 10690, 2293, 8397, 3.662],
      ['合计', '结转下年', 0, 1, -1, -1],
      ['合计', '行政诉讼', 1, 12, -11, -0.9167],
      ['合计', '行政处罚', 2113, 1282, 831, 0.6482],
      ['合计', '收费（万元）', 9116.36, 24252.311082, -15135.951082, -0.6241],
      ['合计', '复议纠错率（%）', 50, 0, 50, '—'],
      ['合计', '行政复议', 2, 3, -1, -0.3333],
      ['合计', '规范性文件', 88, 69, 19, 0.2754],
      ['合计', '办结', 75, 69, 6, 0.087],
      ['合计', '新收申请', 74, 70, 4, 0.0571],
      ['合计', '诉讼纠错率（%）', 0, 0, 0, '—'],
    ];
    expect(rows.slice(3, 14)).toEqual(totals);
    // Last year's file holds the member's sheet (the command line writes the members beside the summary):
    // every key figure of the one member is compared, and they are the totals; a member's unchanged
    // figure (诉讼纠错率, 0 both years) is counted, not listed.
    expect(rows.slice(14, 24)).toEqual(totals.filter((r) => r[4] !== 0).map((r) => ['平潭综合实验区', ...r.slice(1)]));
    expect(
      rows
        .slice(24)
        .filter((r) => r[0])
        .map((r) => r[0]),
    ).toEqual(['各成员其余 1 项与上年相同，未列出。']);
  });

  test('last year without its member sheets: the figures of its overview are compared', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(y21);
    for (const ws of wb.worksheets.filter((w) => !w.name.startsWith('福建某市'))) wb.removeWorksheet(ws.id);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['福建某市2021汇总', '福建某市2021汇总明细', '福建某市2021图表']);
    const bare = join(dir, 'pt2021-bare.xlsx');
    await wb.xlsx.writeFile(bare);
    const out = join(dir, 'pt2022-bare.xlsx');
    expect(consolidate([join(dir, 'pt2022.json'), '--office', '福建某市', '--out', out, '--previous', bare]).code).toBe(0);
    const rows = round(await sheet(out, '福建某市2022同比'));
    // The overview lists fewer figures per member than a report holds.
    expect(rows.slice(14, 21)).toEqual([
      ['平潭综合实验区', '结转下年', 0, 1, -1, -1],
      ['平潭综合实验区', '行政诉讼', 1, 12, -11, -0.9167],
      ['平潭综合实验区', '收费（万元）', 9116.36, 24252.311082, -15135.951082, -0.6241],
      ['平潭综合实验区', '行政复议', 2, 3, -1, -0.3333],
      ['平潭综合实验区', '规范性文件', 88, 69, 19, 0.2754],
      ['平潭综合实验区', '办结', 75, 69, 6, 0.087],
      ['平潭综合实验区', '新收申请', 74, 70, 4, 0.0571],
    ]);
    expect(rows.slice(21).filter((r) => r[0])).toEqual([]);
  });

  test('a member set that changed is named, unit by unit', () => {
    const file = reports('pt2022-more.json', [
      ['pingtan_2022', '平潭综合实验区', 2022],
      ['suqian_city_2023', '某新区', 2022],
    ]);
    const run = consolidate([file, '--office', '福建某市', '--out', join(dir, 'more.xlsx'), '--previous', y21]);
    const changed = run.summary.findings.filter((f: { rule: string }) => f.rule.startsWith('summary.member_'));
    expect(changed.map((f: { rule: string; severity: string }) => [f.rule, f.severity])).toEqual([['summary.member_unlisted', 'warning']]);
    expect(changed[0].message).toContain('与上年相比成员增加：「某新区」本年度新加入汇总，2021 年度汇总中没有它');
    // 某新区 carries 96 into 2022 that no 2021 member carried out: the summary's carry-over fails, and the warning explains why.
    expect(run.summary.findings.filter((f: { rule: string }) => f.rule === 'crossyear.carry').length).toBeGreaterThan(0);
  });

  test('last year must be the year before', () => {
    const run = nianbao(['consolidate', join(dir, 'pt2022.json'), '--out', join(dir, 'x.xlsx'), '--previous', y22, '--force']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('上年汇总是 2022 年度，本次汇总是 2022 年度：请选择 2021 年度的汇总。');
  });
});

describe('across the 2020 → 2021 format switch', () => {
  const y20 = join(dir, 'county2020.xlsx');
  const y21 = join(dir, 'county2021.xlsx');
  let summary: { findings: { rule: string; severity: string }[] };

  beforeAll(() => {
    // 2020 (2019 版): 甲 = 吴忠 2020, 乙 = 阜新 2020. 2021 (2021 版): 甲 = 平潭 2022, 乙 = 平潭 2021.
    // Member sheets are written (--formulas), so last year's members are compared from their reports.
    consolidate([
      reports('c2020.json', [
        ['seed004_wuzhong_city_2020', '甲县', 2020],
        ['seed000_fuxin_szfb_2020', '乙县', 2020],
      ]),
      '--office',
      '某市',
      '--out',
      y20,
      '--formulas',
    ]);
    summary = consolidate([
      reports('c2021.json', [
        ['pingtan_2022', '甲县', 2021],
        ['pingtan_2021', '乙县', 2021],
      ]),
      '--office',
      '某市',
      '--out',
      y21,
      '--previous',
      y20,
    ]).summary;
  });

  test('the carry-over holds per column across the switch; the switch is noted', () => {
    // 结转下年度 2020: 吴忠 (1,0,0,0,0,0,1) + 阜新 0 = 上年结转 2021: 平潭 2022 (1,0,0,0,0,0,1) + 平潭 2021 0.
    expect(summary.findings.filter((f) => f.rule.startsWith('crossyear.'))).toEqual([expect.objectContaining({ rule: 'crossyear.format_switch', severity: 'info' })]);
    expect(summary.findings.filter((f) => f.rule.startsWith('summary.member_'))).toEqual([]);
  });

  test('the 同比 sheet compares only cells of the same id in both formats, and says so', async () => {
    const rows = round(await sheet(y21, '某市2021同比'));
    expect(rows[1][0]).toContain('两年表格格式不同（2019 年版（试行） → 2021 年版），只比较两版中单元格编号相同、含义相同的格；「规范性文件」「收费（万元）」两版口径不同，不作比较');
    // By hand: 2021 = 平潭 2022 + 平潭 2021; 2020 = 吴忠 2020 + 阜新 2020.
    expect(rows.slice(3, 12)).toEqual([
      ['合计', '行政许可', 10690 + 2293, 88627 + 0, 12983 - 88627, -0.8535],
      ['合计', '行政处罚', 2113 + 1282, 12143 + 0, 3395 - 12143, -0.7204],
      ['合计', '行政诉讼', 1 + 12, 9 + 14, -10, -0.4348],
      ['合计', '新收申请', 74 + 70, 42 + 60, 42, 0.4118],
      ['合计', '办结', 75 + 69, 45 + 60, 39, 0.3714],
      ['合计', '行政复议', 2 + 3, 4 + 0, 1, 0.25],
      ['合计', '复议纠错率（%）', 20, 25, -5, '—'],
      ['合计', '结转下年', 1, 1, 0, 0],
      ['合计', '诉讼纠错率（%）', 0, 0, 0, '—'],
    ]);
    const labels = rows.slice(3).map((r) => r[1]);
    expect(labels).not.toContain('规范性文件');
    expect(labels).not.toContain('收费（万元）');
    // Per member, from last year's member sheets. 乙县 2020 (阜新) had no 行政许可 and 2021 (平潭 2021) 2293:
    // a rise from 0, counted as from 1, is the largest change; it is shown without a rate.
    expect(rows[12]).toEqual(['乙县', '行政许可', 2293, 0, 2293, '上年为 0']);
    const members = rows.slice(12).filter((r) => r[0] === '甲县' || r[0] === '乙县');
    expect(members).toContainEqual(['甲县', '行政许可', 10690, 88627, -77937, -0.8794]);
    // 甲县 复议纠错率: 2021 1 of 2 = 50%, 2020 1 of 4 = 25%.
    expect(members).toContainEqual(['甲县', '复议纠错率（%）', 50, 25, 25, '—']);
    // 乙县 had no 复议 in 2020 (阜新): its 纠错率 has no last-year value and is not listed.
    expect(members.filter((r) => r[0] === '乙县' && r[1] === '复议纠错率（%）')).toEqual([]);
    expect(members.every((r) => r[1] !== '规范性文件' && r[1] !== '收费（万元）')).toBe(true);
    expect(rows[1][0]).toMatch(/^上年：county2020\.xlsx#某市2020汇总（2020 年度/);
  });

  test('LibreOffice renders the overview and the 同比 sheet one page each, nothing cut off at the side', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    // Only the two list sheets: the summary is a report sheet, two pages long by design.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(y21);
    // The summary and the members' sheets are report sheets, two pages each by design.
    for (const ws of wb.worksheets.filter((w) => !/(汇总明细|同比)$/.test(w.name))) wb.removeWorksheet(ws.id);
    const lists = join(ARTIFACTS, 'county2021-lists.xlsx');
    await wb.xlsx.writeFile(lists);
    execFileSync(soffice, ['--headless', '--convert-to', 'pdf', '--outdir', ARTIFACTS, lists], { timeout: 180000 });
    const pdf = join(ARTIFACTS, 'county2021-lists.pdf');
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBe(2);
    // Landscape A4 (842 × 595 pt), as the plans ask.
    expect(info).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts/);
    execFileSync('pdftoppm', ['-r', '60', '-png', pdf, join(ARTIFACTS, 'county2021-lists')]);
    expect(readdirSync(ARTIFACTS).filter((f) => f.startsWith('county2021-lists') && f.endsWith('.png'))).toHaveLength(2);
  });
});

test('last year given as a published report (no member list): totals compared, no member changes claimed', async () => {
  const members = reports('c2022.json', [
    ['pingtan_2022', '平潭综合实验区', 2022],
    ['suqian_city_2023', '某区', 2022],
  ]);
  // Last year's published report of the whole area, as JSON without a member list.
  const last = reports('published2021.json', [['pingtan_2021', '福建某市', 2021]]);
  const out = join(dir, 'published.xlsx');
  const run = consolidate([members, '--office', '福建某市', '--out', out, '--previous', last]);
  expect(run.summary.findings.filter((f: { rule: string }) => f.rule.startsWith('summary.member_'))).toEqual([]);
  const rows = await sheet(out, '福建某市2022同比');
  // 新收申请: 74 + 3511 this year against the published 70.
  expect(rows.find((r) => r[0] === '合计' && r[1] === '新收申请')!.slice(2, 5)).toEqual([74 + 3511, 70, 74 + 3511 - 70]);
  // Eleven comparable figures in total, no member lines, then the note.
  expect(rows.slice(3, 14).every((r) => r[0] === '合计')).toBe(true);
  expect(rows[14]).toEqual([null, null, null, null, null, null]);
  expect(String(rows.at(-1)![0])).toBe('上年汇总文件中没有各成员的报表或汇总明细，只比较合计。');
});
