/**
 * Who and when: read from titles broken over lines, never a fragment like 「政府」 or a file
 * stem; the file name only as a last resort, and flagged; unknown says so and asks.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { formats } from '../../src/formats';
import { readReports } from '../helpers/read-file';
import { UNKNOWN_OFFICE } from '../../src/model/report';
import { isOfficeName, officeFromFileName, readTitle } from '../../src/import/title';
import { nianbao } from '../helpers/cli';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-office-'));
const sample = readFileSync(join(__dirname, '..', 'fixtures', 'samples', 'fuxin-2020.txt'), 'utf8');
const tables = sample.slice(sample.indexOf('二、主动公开政府信息情况'));

async function officeOf(text: string, name = '报送.txt') {
  const { reports } = await readReports(name, new TextEncoder().encode(text), formats, { year: 2020 });
  return { office: reports[0].office, year: reports[0].year, notes: (reports[0].importFindings ?? []).filter((f) => f.rule === 'format.office_from_name') };
}

test.each([
  ['two lines', '淮安市洪泽区人民政府\n2020 年政府信息公开工作年度报告', '淮安市洪泽区人民政府'],
  ['three lines', '阜新市人民政府\n办公室 2020 年度政府\n信息公开工作报告', '阜新市人民政府办公室'],
  ['one line with spaces', '阜新市人民政府办公室 2020 年度政府 信息公开工作报告', '阜新市人民政府办公室'],
  ['year first', '2020年上海市人民政府办公厅政府信息公开工作年度报告', '上海市人民政府办公厅'],
])('a title on %s gives the whole office', async (_case, title, office) => {
  const r = await officeOf(`${title}\n\n${tables}`);
  expect(r.office).toBe(office);
  expect(r.notes).toEqual([]);
});

test('a title whose first line is lost leaves no fragment: the office is unknown, not 「政府」', async () => {
  const r = await officeOf(`2020 年政府信息公开工作年度报告\n\n${tables}`);
  expect(r.office).toBe(UNKNOWN_OFFICE);
  expect(readTitle('2020年政府信息公开工作年度报告')?.office).toBe('政府');
  expect(isOfficeName('政府')).toBe(false);
});

test('the file name is a last resort, flagged; a file stem is never an office', async () => {
  const fromName = await officeOf(tables, '县交通运输局2020年报.txt');
  expect(fromName.office).toBe('县交通运输局');
  expect(fromName.notes.map((f) => f.severity)).toEqual(['info']);
  expect(fromName.notes[0].message).toContain('取自文件名');
  for (const stem of ['附件1.txt', '新建 Microsoft Excel 工作表.txt', 'tables.txt', '报表.txt', '2020.txt']) expect((await officeOf(tables, stem)).office).toBe(UNKNOWN_OFFICE);
  expect(officeFromFileName('附件1')).toBeUndefined();
  expect(officeFromFileName('平潭综合实验区')).toBe('平潭综合实验区');
});

test('the command line: an unknown office is refused on import with a request for --office, and --office is taken', () => {
  const file = join(dir, '附件2.txt');
  writeFileSync(file, `2020 年政府信息公开工作年度报告\n${tables}`);
  const refused = nianbao(['import', file, '--out', join(dir, 'a.xlsx')]);
  expect(refused.code).toBe(2);
  expect(refused.stderr).toContain('未能识别填报单位');
  expect(refused.stderr).toContain('--office');
  const given = nianbao(['import', file, '--out', join(dir, 'b.xlsx'), '--office', '阜新市人民政府办公室']);
  expect(given.stdout).toContain('阜新市人民政府办公室');
  const validated = nianbao(['validate', file, '--json']);
  expect(JSON.parse(validated.stdout).reports[0].office).toBe(UNKNOWN_OFFICE);
});

test('without a title: the page’s 发布机构, else the signature above the date; the year from the 统计期限 sentence', async () => {
  const period = '本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。';
  const { reports: a } = await readReports('页面.txt', new TextEncoder().encode(`发布机构：阜新市人民政府办公室\n${period}\n${tables}`), formats);
  expect([a[0].office, a[0].year]).toEqual(['阜新市人民政府办公室', 2020]);
  const { reports: b } = await readReports('页面.txt', new TextEncoder().encode(`${period}\n${tables}\n阜新市人民政府办公室\n2021年1月28日\n`), formats);
  expect([b[0].office, b[0].year]).toEqual(['阜新市人民政府办公室', 2020]);
  expect(b[0].importFindings?.some((f) => f.rule === 'format.office_from_name')).toBe(false);
  // The title wins over the page's other evidence.
  const { reports: c } = await readReports('页面.txt', new TextEncoder().encode(`某县人民政府2020年政府信息公开工作年度报告\n来源：某县政务公开办\n${tables}`), formats);
  expect(c[0].office).toBe('某县人民政府');
});
