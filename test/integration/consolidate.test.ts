/**
 * Consolidation: linearity, refusals, multi-level double counting, the 吴忠 rebuild,
 * and the formula summary recalculated by LibreOffice.
 */
import { execFileSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { consolidate, checkSummary } from '../../src/consolidate/consolidate';
import type { CompiledFormat } from '../../src/formats/compile';
import { formats } from '../../src/formats';
import type { Report } from '../../src/model/report';
import { readCell } from '../../src/model/values';
import { validate } from '../../src/rules/engine';
import { nianbao, ROOT } from '../helpers/cli';
import { reportFromCells, validCells } from '../helpers/random-report';

const dir = mkdtempSync(join(tmpdir(), 'consolidate-'));
const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p)) ?? 'soffice';
const samples = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/sample-reports.json'), 'utf8')) as {
  reports: { id: string; office: string; year: number; format: string; cells: Record<string, number | null>; raw?: Record<string, string> }[];
};

/** Splits each cell's value into n parts that add up to it exactly (money in 0.0001 steps). */
function split(format: CompiledFormat, cells: Record<string, number | null>, n: number, rand: () => number): Record<string, number>[] {
  const parts: Record<string, number>[] = Array.from({ length: n }, () => ({}));
  for (const c of format.cells) {
    const v = cells[c.id] ?? 0;
    const scale = c.kind === 'money' ? 10000 : 1;
    let rest = Math.round(v * scale);
    for (let i = 0; i < n - 1; i++) {
      // Signed cells may go negative in a member; counts stay non-negative.
      const share = c.kind === 'signed' ? Math.round((rand() - 0.5) * 10) : Math.floor(rand() * (Math.max(rest, 0) + 1));
      parts[i][c.id] = share / scale;
      rest -= share;
    }
    parts[n - 1][c.id] = rest / scale;
  }
  return parts;
}

function valuesOf(format: CompiledFormat, r: Report): Record<string, number | null> {
  return Object.fromEntries(format.cells.map((c) => [c.id, r.readings[c.index]?.value ?? null]));
}

function member(format: CompiledFormat, cells: Record<string, number>, office: string, year: number): Report {
  return reportFromCells(format, cells, { office, year, source: office });
}

test('linearity: any valid report split into N members consolidates back to itself, and passes every rule', () => {
  fc.assert(
    fc.property(fc.constantFrom('gov-2019', 'gov-2021'), fc.integer({ min: 1, max: 12 }), fc.integer(), (fid, n, seed) => {
      const format = formats.byId(fid)!;
      let s = seed >>> 0;
      const rand = () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
      const whole = validCells(format, rand);
      const year = fid === 'gov-2019' ? 2020 : 2022;
      const members = split(format, whole, n, rand).map((cells, i) => member(format, cells, `成员${i + 1}`, year));
      const result = consolidate(members, { office: '某市', registry: formats });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(valuesOf(format, result.summary)).toEqual(whole);
      expect(validate(result.summary).findings).toEqual([]);
      expect(checkSummary(result.summary, [result.summary, ...members])).toEqual([]);
    }),
    { numRuns: 60 },
  );
});

test('吴忠 2020 rebuilt from a random 44-member split (5 counties and 39 departments)', () => {
  const wz = samples.reports.find((r) => r.id.includes('wuzhong'))!;
  const format = formats.byId(wz.format)!;
  let s = 44;
  const rand = () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  const members = split(format, wz.cells, 44, rand).map((cells, i) => member(format, cells, i < 5 ? `县${i + 1}` : `部门${i - 4}`, 2020));
  const result = consolidate(members, { office: '吴忠市', registry: formats });
  expect(result.ok).toBe(true);
  if (result.ok) expect(valuesOf(format, result.summary)).toEqual(wz.cells);
});

test('text is never summed as 0: the summary cell says which member broke it', () => {
  const format = formats.byId('gov-2021')!;
  const cells = validCells(format, () => 0.5);
  const a = member(format, cells, '甲', 2022);
  const b = member(format, cells, '乙', 2022);
  b.readings[format.index.get('requests.new.natural')!] = readCell('十二', 'count');
  const result = consolidate([a, b], { office: '合计', registry: formats });
  expect(result.ok).toBe(true);
  if (!result.ok) return;
  const cell = result.summary.readings[format.index.get('requests.new.natural')!]!;
  expect(cell.status).toBe('invalid');
  expect(cell.raw).toContain('乙为“十二”');
  expect(result.findings.map((f) => f.rule)).toEqual(['summary.member_invalid']);
  expect(result.findings[0].message).toContain('「乙」有 1 个错误');
});

function writeJson(name: string, reports: object[]): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify({ reports }));
  return file;
}

test('the 平潭 2021 and 2022 reports are refused: one office in two years', () => {
  const pair = samples.reports.filter((r) => r.office.startsWith('平潭') && r.year >= 2021);
  expect(pair).toHaveLength(2);
  const out = join(dir, 'pt.xlsx');
  const run = nianbao(['consolidate', writeJson('pt.json', pair), '--out', out, '--office', '福建省']);
  expect(run.code).toBe(1);
  expect(run.stdout).toContain('汇总被拒绝');
  expect(run.stdout).toContain('年度不同');
  expect(existsSync(out)).toBe(false);
  const json = JSON.parse(nianbao(['consolidate', join(dir, 'pt.json'), '--out', out, '--json']).stdout);
  expect(json.findings.map((f: { rule: string }) => f.rule)).toEqual(expect.arrayContaining(['summary.year_mixed', 'summary.duplicate_member']));
});

test('mixing gov-2019 and gov-2021 members is refused', () => {
  const mixed = samples.reports.filter((r) => r.id.includes('fuxin') || r.id.includes('suqian'));
  const run = nianbao(['consolidate', writeJson('mixed.json', mixed), '--out', join(dir, 'mixed.xlsx'), '--json']);
  expect(run.code).toBe(1);
  expect(JSON.parse(run.stdout).findings.map((f: { rule: string }) => f.rule)).toContain('summary.format_mixed');
});

test('two levels: departments → county → city; a county summary beside its own departments is caught', () => {
  const format = formats.byId('gov-2021')!;
  let s = 5;
  const rand = () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  const dept = (office: string) => ({ office, year: 2022, format: 'gov-2021', cells: validCells(format, rand) });
  const countyDepts = ['甲县教育局', '甲县财政局', '甲县人民政府办公室'].map(dept);
  const countyDir = join(dir, 'county');
  execFileSync('mkdir', ['-p', countyDir]);
  countyDepts.forEach((d, i) => writeFileSync(join(countyDir, `d${i}.json`), JSON.stringify(d)));
  const county = join(dir, '甲县.xlsx');
  const r1 = nianbao(['consolidate', countyDir, '--out', county, '--office', '甲县', '--level', '县级', '--json']);
  expect(r1.code).toBe(0);
  const countyJson = JSON.parse(r1.stdout).reports[0];
  expect(countyJson.members).toEqual(['甲县教育局', '甲县财政局', '甲县人民政府办公室']);

  const cityDept = writeJson('city-dept.json', [dept('乙市公安局')]);
  const r2 = nianbao(['consolidate', county, cityDept, '--out', join(dir, '乙市.xlsx'), '--office', '乙市', '--json']);
  expect(r2.code).toBe(0);
  const city = JSON.parse(r2.stdout).reports[0];
  expect(city.members).toEqual(['甲县', '乙市公安局']);
  expect(city.cells['requests.new.total']).toBe(countyDepts.reduce((t, d) => t + d.cells['requests.new.total'], 0) + JSON.parse(readFileSync(cityDept, 'utf8')).reports[0].cells['requests.new.total']);

  const r3 = nianbao(['consolidate', county, join(countyDir, 'd1.json'), '--out', join(dir, 'bad.xlsx'), '--office', '乙市', '--json']);
  expect(r3.code).toBe(1);
  const dup = JSON.parse(r3.stdout).findings.find((f: { rule: string }) => f.rule === 'summary.duplicate_member');
  expect(dup.message).toContain('甲县财政局');
  expect(dup.message).toContain('甲县');
});

test('a summary whose members are present is checked cell by cell', () => {
  const format = formats.byId('gov-2021')!;
  const a = member(
    format,
    validCells(format, () => 0.3),
    '甲',
    2022,
  );
  const b = member(
    format,
    validCells(format, () => 0.6),
    '乙',
    2022,
  );
  const result = consolidate([a, b], { office: '合计', registry: formats });
  if (!result.ok) throw new Error('refused');
  const i = format.index.get('appeals.review.upheld')!;
  result.summary.readings[i] = { value: (result.summary.readings[i]!.value ?? 0) + 1, status: 'number' };
  const f = checkSummary(result.summary, [a, b, result.summary]);
  expect(f).toHaveLength(1);
  expect(f[0]).toMatchObject({ rule: 'summary.mismatch', severity: 'error', cells: ['appeals.review.upheld'] });
});

test('LibreOffice: the formula summary computes what the values summary holds, and follows an edited member', async () => {
  const format = formats.byId('gov-2021')!;
  let s = 9;
  const rand = () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  const folder = join(dir, 'lo');
  execFileSync('mkdir', ['-p', folder]);
  ["县'教育局", '县 财政局', '县[卫健]委'].forEach((office, i) =>
    writeFileSync(join(folder, `m${i}.json`), JSON.stringify({ office, year: 2023, format: 'gov-2021', cells: validCells(format, rand) })),
  );
  const values = join(dir, 'values.xlsx');
  const withFormulas = join(dir, 'formulas.xlsx');
  expect(nianbao(['consolidate', folder, '--out', values, '--office', '某县']).code).toBe(0);
  expect(nianbao(['consolidate', folder, '--out', withFormulas, '--office', '某县', '--formulas']).code).toBe(0);

  // Drop the cached results and edit one member, so only a recalculation can give the answer.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(withFormulas);
  const summary = wb.getWorksheet('某县2023汇总')!;
  const memberSheet = wb.worksheets.find((w) => w.name.includes('财政局'))!;
  const edited = 'I16';
  memberSheet.getCell(edited).value = 1000;
  summary.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.formula) cell.value = { formula: cell.formula } as ExcelJS.CellFormulaValue;
    }),
  );
  const stripped = join(dir, 'stripped.xlsx');
  await wb.xlsx.writeFile(stripped);
  const out = join(dir, 'lo-out');
  execFileSync(soffice, ['--headless', '--calc', '--convert-to', 'xlsx', '--outdir', out, stripped], { timeout: 120000 });

  const recalculated = new ExcelJS.Workbook();
  await recalculated.xlsx.readFile(join(out, 'stripped.xlsx'));
  const reference = new ExcelJS.Workbook();
  await reference.xlsx.readFile(values);
  const lo = recalculated.getWorksheet('某县2023汇总')!;
  const ref = reference.getWorksheet('某县2023汇总')!;
  const originalMember = new ExcelJS.Workbook();
  await originalMember.xlsx.readFile(withFormulas);
  // Both modes write the members' sheets beside the summary (for 查看构成); only the summary's cells differ.
  expect(reference.worksheets.map((w) => w.name)).toEqual(originalMember.worksheets.map((w) => w.name));
  // The summary, 汇总明细, 图表 and the three members.
  expect(reference.worksheets.length).toBe(6);
  const before = Number(originalMember.worksheets.find((w) => w.name.includes('财政局'))!.getCell(edited).value);
  let compared = 0;
  lo.eachRow((row) =>
    row.eachCell((cell) => {
      if (!cell.formula) return;
      const want = Number(ref.getCell(cell.address).value) + (cell.address === edited ? 1000 - before : 0);
      expect({ at: cell.address, v: Number(cell.result) }).toEqual({ at: cell.address, v: want });
      compared++;
    }),
  );
  expect(compared).toBe(format.cells.length);
});
