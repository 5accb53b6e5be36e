/**
 * `nianbao consolidate … --roster`: a missing unit, a near-miss spelling and an excluded
 * unit, from a .txt roster and from a workbook; the findings, the summed figures and
 * the overview rows read back from the written .xlsx.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { nianbao, ROOT } from '../helpers/cli';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-roster-'));
const samples = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/sample-reports.json'), 'utf8')) as {
  reports: { id: string; office: string; year: number; format: string; cells: Record<string, number | null> }[];
};
const figures = (id: string) => samples.reports.find((r) => r.id === id)!;

/** Real published figures (gov-2021) under a county's unit names, all for 2024. */
function member(id: string, office: string) {
  const r = figures(id);
  return { office, year: 2024, format: r.format, cells: r.cells };
}

const membersFile = join(dir, 'members.json');
writeFileSync(
  membersFile,
  JSON.stringify({
    reports: [member('pingtan_2022', '县财政局'), member('suqian_city_2023', '县发展和改革局'), member('pingtan_2021', '县税务局')],
  }),
);

/** Whole days from a deadline to today, counted independently of the product's code. */
function daysSince(date: string): number {
  const now = new Date();
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  return Math.round((today - Date.parse(`${date}T00:00:00Z`)) / 86400000);
}

async function sheetRows(file: string, sheet: string): Promise<(string | number | null)[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet} in ${wb.worksheets.map((w) => w.name).join(', ')}`);
  const rows: (string | number | null)[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row: (string | number | null)[] = [];
    for (let c = 1; c <= 15; c++) {
      const v = ws.getCell(r, c).value as unknown;
      row.push(v === null || v === undefined ? null : typeof v === 'object' && v && 'text' in v ? String((v as { text: unknown }).text) : (v as string | number));
    }
    rows.push(row);
  }
  return rows;
}

function checkFindings(stdout: string) {
  const json = JSON.parse(stdout);
  const [summary, ...members] = json.reports;
  // The excluded 县税务局 (pingtan_2021's figures) is neither a member nor summed.
  expect(summary.members).toEqual(['县财政局', '县发展和改革局']);
  expect(members.map((m: { office: string }) => m.office)).toEqual(['县财政局', '县发展和改革局']);
  // 新收申请: 74 (pingtan_2022) + 3511 (suqian_city_2023); the excluded 70 is not added.
  expect(summary.cells['requests.new.total']).toBe(74 + 3511);
  const roster = summary.findings.filter((f: { rule: string }) => f.rule.startsWith('summary.member_'));
  expect(roster.map((f: { rule: string; severity: string }) => [f.rule, f.severity])).toEqual([
    ['summary.member_missing', 'warning'],
    ['summary.member_missing', 'warning'],
    ['summary.member_unlisted', 'warning'],
  ]);
  expect(roster[0].message).toContain('「县发改局」没有报表');
  expect(roster[0].message).toContain('「县发展和改革局」名称相近');
  expect(roster[1].message).toContain('「城关镇」没有报表，截止日期 2025-03-31（乡镇）');
  expect(roster[2].message).toBe('成员「县发展和改革局」不在报送名单中，已照常汇总。可能是名单中的「县发改局」（名称写法不同），请统一名称。');
}

async function checkOverview(out: string) {
  const rows = await sheetRows(out, '某县2024汇总明细');
  expect(rows[1][0]).toMatch(/^应报 3 个，已报 1 个，通过 1 个；未报送 2 个（其中逾期 2 个）；有错误 0 个；名单外 1 个；不纳入汇总 1 个（截至 \d{4}-\d\d-\d\d）。汇总表：某县2024汇总$/);
  expect(rows[2].slice(0, 5)).toEqual(['序号', '单位', '状态', '截止日期', '截止情况']);
  const body = rows.slice(3).filter((r) => r[1]);
  expect(body.map((r) => r.slice(0, 5))).toEqual([
    [1, '县发改局', '未报送', '2025-01-31', `逾期 ${daysSince('2025-01-31')} 天`],
    [2, '城关镇', '未报送', '2025-03-31', `逾期 ${daysSince('2025-03-31')} 天`],
    [3, '县财政局', '通过', '2025-01-31', '已过'],
    [4, '县发展和改革局', '通过', '—', '—'],
    [5, '县税务局', '不纳入汇总', '2025-01-31', '—'],
  ]);
  // Key figures: 新收申请 and 办结 of the two members that reported, as published.
  expect(body[2].slice(5, 7)).toEqual([74, 75]);
  expect(body[3].slice(5, 7)).toEqual([3511, 3486]);
  expect(body[0].slice(5, 7)).toEqual(['—', '—']);
  expect(body[3][14]).toBe('不在报送名单中，可能是名单中的「县发改局」');
  expect(body[4][14]).toBe('垂直管理等不纳入汇总的单位：报表已收到，未计入汇总');
}

test('a .txt roster: missing, near-miss and excluded units in the findings and the overview', async () => {
  const roster = join(dir, '名单.txt');
  writeFileSync(roster, ['单位\t层级\t截止日期\t不纳入汇总', '县发改局', '城关镇', '县财政局\t部门', '县税务局\t\t\t不纳入汇总', ''].join('\n'));
  const out = join(dir, 'txt.xlsx');
  const run = nianbao(['consolidate', membersFile, '--roster', roster, '--office', '某县', '--out', out, '--json']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  checkFindings(run.stdout);
  await checkOverview(out);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  // The summed members' sheets are written too (drill-down reads them); 县税务局, 不纳入汇总, is not among them.
  // With a roster, the status circular comes as a sheet too.
  expect(wb.worksheets.map((w) => w.name)).toEqual(['某县2024汇总', '某县2024汇总明细', '某县2024报送情况', '某县2024图表', '县财政局2024年报', '县发展和改革局2024年报']);
  const text = nianbao(['consolidate', membersFile, '--roster', roster, '--office', '某县', '--out', out, '--force']);
  expect(text.stdout).toContain('应报 3 个，已报 1 个，通过 1 个');
  expect(text.stdout).toContain('⚠ 报送名单中的「城关镇」没有报表');
});

test('a roster in a workbook: its 报送名单 sheet, or the first column of its first sheet', async () => {
  const rows = [['单位', '层级', '截止日期', '不纳入汇总'], ['县发改局'], ['城关镇'], ['县财政局', '部门'], ['县税务局', '', '', '不纳入汇总']];
  const named = new ExcelJS.Workbook();
  named.addWorksheet('说明').getCell('A1').value = '这一页不是名单';
  named.addWorksheet('报送名单').addRows(rows);
  const first = new ExcelJS.Workbook();
  first.addWorksheet('2024年').addRows(rows);
  for (const [name, wb] of [
    ['named', named],
    ['first', first],
  ] as const) {
    const file = join(dir, `${name}.xlsx`);
    await wb.xlsx.writeFile(file);
    const out = join(dir, `${name}-out.xlsx`);
    const run = nianbao(['consolidate', membersFile, '--roster', file, '--office', '某县', '--out', out, '--json']);
    expect(run.code).toBe(0);
    checkFindings(run.stdout);
    await checkOverview(out);
  }
});

test('a roster with bad lines is refused before anything is written, naming every line', () => {
  const roster = join(dir, 'bad.txt');
  writeFileSync(roster, ['县发改局\t科级', '县财政局', '县财政局'].join('\n'));
  const out = join(dir, 'bad.xlsx');
  const run = nianbao(['consolidate', membersFile, '--roster', roster, '--out', out]);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('报送名单有误');
  expect(run.stderr).toContain('第 1 行（县发改局）：“科级”无法识别');
  expect(run.stderr).toContain('第 3 行：“县财政局”与第 2 行重复');
  expect(() => readFileSync(out)).toThrow();
});

test('without --office the sheets are named by the year alone', async () => {
  const out = join(dir, 'no-office.xlsx');
  expect(nianbao(['consolidate', membersFile, '--out', out]).code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  expect(wb.worksheets.map((w) => w.name).slice(0, 2)).toEqual(['2024年度汇总', '2024年度汇总明细']);
});
