/**
 * The roster, overview and 同比 sheets saved once by LibreOffice (as WPS and LibreOffice
 * users do) behave as before: still ours, the roster reads back the same, last year's
 * overview still gives its members' figures, and the command line gives the same results
 * from the re-saved workbook as from the original.
 */
import { execFileSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { consolidateSheets } from '../../src/app/consolidate-sheets';
import { readRoster, saveRoster } from '../../src/app/roster-sheet';
import { generateTemplate } from '../../src/app/generate';
import { formats } from '../../src/formats';
import { readOverviewFigures } from '../../src/layout/overview-plan';
import { canonicalPlan } from '../../src/layout/sheet-report';
import { ExceljsWorkbookPort } from '../../src/ports/exceljs/exceljs-workbook';
import { nianbao } from '../helpers/cli';
import { seeded, validCells } from '../helpers/random-report';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-roster-lo-'));
const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p)) ?? 'soffice';
const format = formats.forYear(2023)!;
const plan = canonicalPlan(format);
const ROSTER = ['甲局', '乙局\t部门\t2024-02-20', '丙局', '丁局\t不纳入汇总'].join('\n');
const APPLICANTS = ['natural', 'business', 'research', 'nonprofit', 'legal', 'org_other'];

/** This year's figures carrying on from last year's: 上年结转 and 现行有效 follow on, balances kept. */
function continued(prev: Record<string, number>, cur: Record<string, number>): Record<string, number> {
  const v = { ...cur };
  for (const col of APPLICANTS) {
    const at = (row: string) => `requests.${row}.${col}`;
    v[at('carried_in')] = prev[at('carried_out')];
    v[at('carried_out')] = v[at('new')] + v[at('carried_in')] - v[at('total')];
    if (v[at('carried_out')] < 0) {
      v[at('new')] -= v[at('carried_out')];
      v[at('carried_out')] = 0;
    }
  }
  // The rows' 总计 column (a live formula in a sheet; in a JSON report, written out).
  for (const row of ['new', 'carried_in', 'carried_out']) v[`requests.${row}.total`] = APPLICANTS.reduce((t, col) => t + v[`requests.${row}.${col}`], 0);
  for (const row of ['rules', 'normative']) {
    const at = (col: string) => `proactive.${row}.${col}`;
    v[at('repealed')] = Math.min(v[at('repealed')], prev[at('in_force')] + v[at('issued')]);
    v[at('in_force')] = prev[at('in_force')] + v[at('issued')] - v[at('repealed')];
  }
  return v;
}

const cells = (year: number, i: number): Record<string, number> => {
  const own = validCells(format, seeded(year * 10 + i));
  return year === 2022 ? own : continued(cells(2022, i), own);
};
const OFFICES = ['甲局', '乙局'];

let original: string;
let saved: string;

beforeAll(async () => {
  const port = ExceljsWorkbookPort.empty();
  for (const year of [2022, 2023])
    for (const [i, office] of OFFICES.entries()) {
      const r = await generateTemplate(port, { office, year });
      if (!r.ok) throw new Error('generate');
      const ws = port.workbook.getWorksheet(r.name)!;
      const v = cells(year, i);
      for (const c of format.cells) if (!format.totals.has(c.index)) ws.getCell(plan.addresses[c.id]).value = v[c.id];
    }
  await consolidateSheets(port, { members: ['甲局2022年报', '乙局2022年报'], office: '某县', mode: 'values' });
  expect(await saveRoster(port, ROSTER, 2023)).toEqual({ saved: 4 });
  const r = await consolidateSheets(port, { members: ['甲局2023年报', '乙局2023年报'], office: '某县', roster: ROSTER, previous: '某县2022汇总', today: '2024-02-10' });
  expect(r.comparisonSheet).toBe('某县2023同比');
  original = join(dir, 'season.xlsx');
  writeFileSync(original, await port.toBuffer());
  execFileSync(soffice, ['--headless', '--calc', '--convert-to', 'xlsx', '--outdir', join(dir, 'lo'), original], { timeout: 180000 });
  saved = join(dir, 'lo', 'season.xlsx');
}, 240000);

const load = (file: string) => ExceljsWorkbookPort.fromBuffer(readFileSync(file));

test('every sheet keeps its metadata: roster, overview, 图表, 同比 and 报送情况 are still ours', async () => {
  const before = await (await load(original)).listSheets();
  const after = await (await load(saved)).listSheets();
  expect(after.map((s) => [s.name, s.meta])).toEqual(before.map((s) => [s.name, s.meta]));
  expect(after.filter((s) => s.meta?.role).map((s) => [s.name, s.meta!.role])).toEqual([
    ['某县2022汇总明细', 'overview'],
    ['某县2022图表', 'charts'],
    ['报送名单', 'roster'],
    ['某县2023汇总明细', 'overview'],
    ['某县2023同比', 'comparison'],
    ['某县2023报送情况', 'status'],
    ['某县2023图表', 'charts'],
  ]);
});

test("the roster reads back the same; last year's overview gives the same member figures", async () => {
  const [a, b] = [await load(original), await load(saved)];
  const before = await readRoster(a);
  const after = await readRoster(b);
  expect(before.errors).toEqual([]);
  expect(after).toEqual(before);
  expect(after.text).toBe(ROSTER);
  const figures = async (port: ExceljsWorkbookPort) => readOverviewFigures((await port.readSheets(['某县2022汇总明细']))[0]);
  expect(await figures(b)).toEqual(await figures(a));
  expect((await figures(a)).map((f) => f.office)).toEqual(OFFICES);
});

test('the 同比 and overview sheets show the same after the re-save', async () => {
  for (const name of ['某县2023同比', '某县2023汇总明细']) {
    const [before] = await (await load(original)).readSheets([name]);
    const [after] = await (await load(saved)).readSheets([name]);
    expect(Object.fromEntries(after.cells)).toEqual(Object.fromEntries(before.cells));
  }
});

test('re-running 汇总 in the re-saved workbook updates its sheets in place with the same results', async () => {
  const port = await load(saved);
  const before = (await port.listSheets()).map((s) => s.name);
  const roster = await readRoster(port);
  const r = await consolidateSheets(port, { members: ['甲局2023年报', '乙局2023年报'], office: '某县', roster: roster.text, previous: '某县2022汇总', today: '2024-02-10' });
  expect((await port.listSheets()).map((s) => s.name)).toEqual(before);
  expect(r.updated).toBe(true);
  // 丙局, a department, was due 2024-01-31: ten days before the day given.
  expect(r.counts).toBe('应报 3 个，已报 2 个，通过 2 个；未报送 1 个（其中逾期 1 个）；有错误 0 个；不纳入汇总 1 个（截至 2024-02-10）');
  expect(r.findings.map((f) => f.rule)).toEqual(['summary.member_missing']);
});

test('the command line takes the re-saved workbook as roster and as last year, with the same results', () => {
  const members = join(dir, 'members2023.json');
  writeFileSync(members, JSON.stringify({ reports: OFFICES.map((office, i) => ({ office, year: 2023, format: format.id, cells: cells(2023, i) })) }));
  const run = (file: string) => {
    const out = nianbao(['consolidate', members, '--roster', file, '--previous', file, '--office', '某县', '--out', join(dir, `cli-${file === saved ? 'lo' : 'orig'}.xlsx`), '--json']);
    expect(out.stderr).toBe('');
    return JSON.parse(out.stdout).reports[0];
  };
  const a = run(original);
  const b = run(saved);
  expect(b.findings).toEqual(a.findings);
  expect(b.cells).toEqual(a.cells);
  expect(a.findings.map((f: { rule: string }) => f.rule)).toEqual(['summary.member_missing']);
  expect(a.findings[0].message).toContain('「丙局」没有报表');
});
