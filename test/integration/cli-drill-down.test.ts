/**
 * A summary made on the command line is the same use-case's output as one made in the pane:
 * values-only, it still names its member sheets, so 查看构成 works on the written workbook;
 * and that workbook, sent up a level, counts as its summary alone.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { drillDown } from '../../src/app/drill-down';
import { formats } from '../../src/formats';
import { canonicalPlan } from '../../src/layout/sheet-report';
import { UserError } from '../../src/model/user-error';
import { ExceljsWorkbookPort } from '../../src/ports/exceljs/exceljs-workbook';
import { nianbao } from '../helpers/cli';
import { seeded, validCells } from '../helpers/random-report';

const format = formats.forYear(2023)!;
const plan = canonicalPlan(format);
const dir = mkdtempSync(join(tmpdir(), 'nianbao-drill-'));
const offices = ['甲县教育局', '甲县财政局', '甲县人民政府办公室'];
const members = offices.map((office, i) => ({ office, year: 2023, format: format.id, cells: validCells(format, seeded(40 + i)) }));
const county = join(dir, '甲县.xlsx');

beforeAll(() => {
  members.forEach((m, i) => writeFileSync(join(dir, `m${i}.json`), JSON.stringify(m)));
  const run = nianbao(['consolidate', join(dir, 'm0.json'), join(dir, 'm1.json'), join(dir, 'm2.json'), '--office', '甲县', '--out', county]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
});

test('查看构成 on a values-only summary written by the command line', async () => {
  const port = await ExceljsWorkbookPort.fromBuffer(readFileSync(county));
  const [summary] = await port.readSheets(['甲县2023汇总']);
  expect(summary.formulas?.size ?? 0).toBe(0);
  for (const id of ['requests.new.total', 'proactive.fees.amount', 'appeals.review.upheld']) {
    const at = plan.addresses[id];
    const d = await drillDown(port, { sheet: '甲县2023汇总', address: at });
    expect(d.cellId).toBe(id);
    expect(d.parts.map((p) => [p.office, p.value])).toEqual(members.map((m) => [m.office, m.cells[id]]));
    expect(d.parts.every((p) => p.address === at)).toBe(true);
    const sum = members.reduce((t, m) => t + m.cells[id], 0);
    expect(Number(summary.cells.get(at))).toBeCloseTo(sum, 6);
  }
});

test('a sheet that is not a summary is refused for that reason', async () => {
  const port = await ExceljsWorkbookPort.fromBuffer(readFileSync(county));
  const member = (await port.sheetNames()).find((n) => n.startsWith('甲县财政局'))!;
  const e = await drillDown(port, { sheet: member, address: plan.addresses['requests.new.total'] }).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(UserError);
  expect((e as UserError).message).toBe(`工作表“${member}”不是汇总表：请在汇总生成的汇总表中选中单元格。`);
});

test('the county workbook, members inside, counts once at the city: as its summary', () => {
  const city = join(dir, '乙市.xlsx');
  const dept = join(dir, 'city-dept.json');
  writeFileSync(dept, JSON.stringify({ office: '乙市公安局', year: 2023, format: format.id, cells: validCells(format, seeded(50)) }));
  const run = nianbao(['consolidate', county, dept, '--office', '乙市', '--out', city, '--json']);
  expect(run.code).toBe(0);
  expect(run.stderr).toBe(`提示：${county}：其中 3 个成员表随汇总表“甲县”一起报送，按汇总表计入，不再单独计入\n`);
  const summary = JSON.parse(run.stdout).reports[0];
  expect(summary.members).toEqual(['甲县', '乙市公安局']);
  // A department sent again beside its county's workbook is still caught as counted twice.
  const twice = nianbao(['consolidate', county, join(dir, 'm1.json'), '--office', '乙市', '--out', join(dir, 'twice.xlsx'), '--json']);
  expect(twice.code).toBe(1);
  expect(JSON.parse(twice.stdout).findings.map((f: { rule: string }) => f.rule)).toContain('summary.duplicate_member');
});
