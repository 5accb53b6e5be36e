/**
 * Who and when: office and year from every place a real report puts them (titles broken over
 * lines or cells or spaced out, the page's 发布机构 and 发布日期, the signature, the 统计期限
 * sentence), in order of trust; never a fragment like 「政府」; the file name last and flagged.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { formats } from '../../src/formats';
import { isOfficeName, officeFromFileName, readDate, readFileName, readPageMeta, readPeriodYear, readTitle, yearPublishedFor } from '../../src/import/title';
import { readReports } from '../helpers/read-file';
import { UNKNOWN_OFFICE, type Report } from '../../src/model/report';
import { clerkLayout, toHtml, toXlsx, type Layout } from '../helpers/clerk-layouts';
import { nianbao } from '../helpers/cli';
import { seeded, validCells } from '../helpers/random-report';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-title-'));
const sample = readFileSync(join(__dirname, '..', 'fixtures', 'samples', 'fuxin-2020.txt'), 'utf8');
/** 阜新 2020's tables (gov-2019) without their title. */
const tables = sample.slice(sample.indexOf('二、主动公开政府信息情况'));
const F2021 = formats.byId('gov-2021')!;
const cells2021 = validCells(F2021, seeded(7));

async function readText(text: string, name = '报送.txt', options: { office?: string; year?: number } = {}): Promise<Report> {
  const { reports, problems } = await readReports(name, new TextEncoder().encode(text), formats, options);
  expect(problems).toEqual([]);
  expect(reports).toHaveLength(1);
  return reports[0];
}

const identity = (r: Report) => [r.office, r.year];
const nameNotes = (r: Report) => (r.importFindings ?? []).filter((f) => f.rule === 'format.office_from_name');

describe('titles', () => {
  test.each([
    ['北京市西城区人民政府办公室2023年政府信息公开工作年度报告', '北京市西城区人民政府办公室', 2023],
    ['国家税务总局 2022 年政府信息公开工作年度报告', '国家税务总局', 2022],
    ['平潭综合实验区管理委员会2022年政府信息公开工作年度报告', '平潭综合实验区管理委员会', 2022],
    ['上海市浦东新区陆家嘴街道办事处2021年政府信息公开工作年度报告', '上海市浦东新区陆家嘴街道办事处', 2021],
    ['中共汤原县委机构编制委员会办公室2022年政府信息公开工作年度报告', '中共汤原县委机构编制委员会办公室', 2022],
    ['阜新市人民政府办公室 2020 年度政府 信息公开工作报告', '阜新市人民政府办公室', 2020],
    ['2019年上海市人民政府办公厅政府信息公开工作年度报告', '上海市人民政府办公厅', 2019],
    ['北 京 市 西 城 区 人 民 政 府 办 公 室 2023 年 政 府 信 息 公 开 工 作 年 度 报 告', '北京市西城区人民政府办公室', 2023],
    ['淮安市人民政府二〇二四年政府信息公开工作年度报告', '淮安市人民政府', 2024],
    ['吴忠市生态环境局政府信息公开工作2022年度报告', '吴忠市生态环境局', 2022],
    // Full-width figures are folded; the office's own full-width brackets are kept as written.
    ['某某市公安局（交通警察支队）２０２３年政府信息公开工作年度报告', '某某市公安局（交通警察支队）', 2023],
    ['某某县应急管理局(地震局)2023年政府信息公开工作年度报告', '某某县应急管理局(地震局)', 2023],
  ])('%s', (text, office, year) => {
    expect(readTitle(text)).toEqual({ office, year });
    expect(isOfficeName(office)).toBe(true);
  });

  test('a title whose office is on the line before leaves a fragment, which is no office', () => {
    expect(readTitle('2023 年政府信息公开工作年度报告')).toEqual({ office: '政府', year: 2023 });
    expect(readTitle('办公室2020年政府信息公开工作年度报告')).toEqual({ office: '办公室', year: 2020 });
  });
});

describe('what reads as an office', () => {
  test.each([
    '北京市西城区人民政府办公室',
    '国家税务总局',
    '平潭综合实验区管委会办公室',
    '上海市浦东新区陆家嘴街道办事处',
    '淮安市洪泽区人民政府',
    '吴忠市',
    '汤原县交通运输局',
    '甲乡',
    '中共汤原县委',
    '宿迁市人民检察院',
  ])('%s is an office', (name) => expect(isOfficeName(name)).toBe(true));

  test.each([
    '政府',
    '办公室',
    '人民政府',
    '县政府',
    '县人民政府',
    '市人民政府办公室',
    '区政府办',
    '本局',
    '我委',
    '附件1',
    '报表',
    '新建 Microsoft Excel 工作表',
    '2020年',
    '信息公开工作年度报告',
    '发布机构：汤原县人民政府',
    '',
  ])('「%s」 is not', (name) => expect(isOfficeName(name)).toBe(false));

  test('file names: a name that reads as an office, never a file stem', () => {
    expect(readFileName('county/汤原县2022年报.xlsx')).toEqual({ office: '汤原县', year: 2022 });
    expect(readFileName('附件2：淮安市洪泽区人民政府2023年政府信息公开工作年度报告.pdf')).toEqual({ office: '淮安市洪泽区人民政府', year: 2023 });
    expect(readFileName('附件1.xlsx')).toEqual({ office: undefined, year: undefined });
    expect(readFileName('新建 Microsoft Excel 工作表.xlsx')).toEqual({ office: undefined, year: undefined });
    expect(readFileName('报表2022.xlsx')).toEqual({ office: undefined, year: 2022 });
    expect(readFileName('政府2023.docx')).toEqual({ office: undefined, year: 2023 });
    expect(officeFromFileName('平潭综合实验区')).toBe('平潭综合实验区');
    expect(officeFromFileName('Sheet1')).toBeUndefined();
  });
});

describe('page metadata, dates and the 统计期限 sentence', () => {
  test('发布机构 and 公开日期 on one line, among other keys', () => {
    expect(readPageMeta(['索引号：11320829014080155D/2024-00123 发布机构：淮安市洪泽区人民政府办公室 公开日期：2024-01-20'])).toEqual({
      office: '淮安市洪泽区人民政府办公室',
      published: { year: 2024, month: 1, text: '2024-01-20' },
    });
  });

  test('as a table of key and value cells, and as a page header (来源, 时间)', () => {
    expect(readPageMeta(['发文机关', '国家税务总局', '成文日期', '2023年2月28日']).office).toBe('国家税务总局');
    expect(readPageMeta(['发文机关', '国家税务总局', '成文日期', '2023年2月28日']).published).toMatchObject({ year: 2023, month: 2 });
    expect(readPageMeta(['来源：平潭综合实验区管委会办公室']).office).toBe('平潭综合实验区管委会办公室');
    expect(readPageMeta(['时间：2025-03-10 15:35']).published).toMatchObject({ year: 2025, month: 3 });
    expect(readPageMeta(['信息来源：县政府'])).toEqual({});
  });

  test('dates; a date in January to March supports the year before, weakly', () => {
    expect(readDate('2024年1月20日', true)).toMatchObject({ year: 2024, month: 1 });
    expect(readDate('2024 年 1 月', true)).toMatchObject({ year: 2024, month: 1 });
    expect(readDate('二〇二四年一月二十日', true)).toMatchObject({ year: 2024, month: 1 });
    expect(readDate('2024年1月20日印发通知', true)).toBeNull();
    expect(yearPublishedFor({ year: 2024, month: 1, text: '' })).toBe(2023);
    expect(yearPublishedFor({ year: 2024, month: 6, text: '' })).toBeUndefined();
  });

  test.each([
    ['本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。', 2023],
    ['本年度报告中所列数据统计期限从2019年1月1日到12月31日止。', 2019],
    ['报告所列统计期限自 2024 年 1 月 1 日至 2024 年 12 月 31 日。', 2024],
    ['本报告所列数据统计期限为2024年1月1日至2024年12月31日。', 2024],
    ['2023年，我局坚持以习近平新时代中国特色社会主义思想为指导。', undefined],
  ])('%s', (text, year) => expect(readPeriodYear(text)).toBe(year));
});

describe('reports read whole', () => {
  test.each([
    ['two lines', '北京市西城区人民政府\n办公室2020年政府信息公开工作年度报告', '北京市西城区人民政府办公室'],
    ['two lines, the year line alone', '淮安市洪泽区人民政府\n2020 年政府信息公开工作年度报告', '淮安市洪泽区人民政府'],
    ['three lines', '阜新市人民政府\n办公室 2020 年度政府\n信息公开工作报告', '阜新市人民政府办公室'],
    ['three lines, the place alone first', '上海市浦东新区\n陆家嘴街道办事处\n2020年政府信息公开工作年度报告', '上海市浦东新区陆家嘴街道办事处'],
    ['a line above the title that is no part of it', '附件1\n淮安市洪泽区人民政府\n2020 年政府信息公开工作年度报告', '淮安市洪泽区人民政府'],
    ['spaced out', '阜 新 市 人 民 政 府 办 公 室\n2 0 2 0 年 度 政 府 信 息 公 开 工 作 报 告', '阜新市人民政府办公室'],
  ])('a title on %s', async (_case, title, office) => {
    const r = await readText(`${title}\n\n${tables}`, '附件1.txt');
    expect(identity(r)).toEqual([office, 2020]);
    expect(nameNotes(r)).toEqual([]);
  });

  async function xlsxTitle(titleRows: string[][], name = '附件1.xlsx'): Promise<Report> {
    const L: Layout = clerkLayout(F2021, cells2021, { office: '', year: 2022 });
    L.rows.splice(0, 1, ...titleRows);
    const { reports } = await readReports(name, await toXlsx(L), formats);
    expect(reports).toHaveLength(1);
    return reports[0];
  }

  test('a title over two cells of a row, or two rows of a sheet', async () => {
    expect(identity(await xlsxTitle([['平潭综合实验区管理委员会', '2022年政府信息公开工作年度报告']]))).toEqual(['平潭综合实验区管理委员会', 2022]);
    expect(identity(await xlsxTitle([['汤原县人民政府'], ['办公室2022年政府信息公开工作年度报告']]))).toEqual(['汤原县人民政府办公室', 2022]);
  });

  test('a web page without its title: the article header (来源, 时间) names the office, its date the year (weakly)', async () => {
    const L: Layout = clerkLayout(F2021, cells2021, { office: '', year: 2022 });
    L.rows.splice(0, 1, ['来源：平潭综合实验区管委会办公室'], ['时间：2023-03-10 15:35']);
    const { reports } = await readReports('附件1.html', new TextEncoder().encode(toHtml(L)), formats);
    expect(reports.map(identity)).toEqual([['平潭综合实验区管委会办公室', 2022]]);
    expect(nameNotes(reports[0])).toEqual([]);
  });

  test('without a title: 发布机构 and the 统计期限 sentence', async () => {
    const page = '索引号：000014349/2021-00021  发布机构：阜新市人民政府办公室  发布日期：2021-01-28\n本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。\n';
    const r = await readText(`${page}${tables}`, '附件1.txt');
    expect(identity(r)).toEqual(['阜新市人民政府办公室', 2020]);
    expect(nameNotes(r)).toEqual([]);
  });

  test('without a title: the signature block gives the office, its date the year (weakly)', async () => {
    const r = await readText(`${tables}\n\n阜新市人民政府办公室\n2021年1月28日\n`, '附件1.txt');
    expect(identity(r)).toEqual(['阜新市人民政府办公室', 2020]);
    const spaced = await readText(`${tables}\n\n阜 新 市 人 民 政 府 办 公 室\n2021 年 1 月\n`, '附件1.txt');
    expect(identity(spaced)).toEqual(['阜新市人民政府办公室', 2020]);
  });

  test('the 统计期限 sentence decides the year when the title has none, also broken over two lines', async () => {
    const r = await readText(`阜新市人民政府办公室\n报告中所列数据统计期限自 2020 年 1 月 1 日\n起至 2020 年 12 月 31 日止。\n${tables}`, '附件1.txt');
    expect(r.year).toBe(2020);
    const broken = await readText(`本报告中所列数据的统计期\n限自2020年1月1日起至2020年12月31日止。\n${tables}`, '附件1.txt', { office: '阜新市人民政府办公室' });
    expect(broken.year).toBe(2020);
  });

  test('conflicting years: the title wins over the 统计期限 sentence (the conflict itself is narrative.year’s business)', async () => {
    const r = await readText(`阜新市人民政府办公室2020年度政府信息公开工作报告\n本报告中所列数据的统计期限自2019年1月1日起至2019年12月31日止。\n${tables}`);
    expect(identity(r)).toEqual(['阜新市人民政府办公室', 2020]);
    // …and the 统计期限 sentence wins over a publication date.
    const dated = await readText(`发布日期：2020-01-15\n本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。\n${tables}`, '附件1.txt', { office: '阜新市人民政府办公室' });
    expect(dated.year).toBe(2020);
  });

  test('the title wins over 发布机构 and the signature', async () => {
    const r = await readText(`发布机构：阜新市人民政府办公室\n阜新市人民政府2020年政府信息公开工作年度报告\n${tables}\n阜新市人民政府办公室\n2021年1月28日\n`);
    expect(r.office).toBe('阜新市人民政府');
  });

  test('fragments 「政府」「办公室」 are refused: the office is unknown, not a guess', async () => {
    expect((await readText(`2020 年政府信息公开工作年度报告\n${tables}`, '附件1.txt')).office).toBe(UNKNOWN_OFFICE);
    expect((await readText(`办公室2020年政府信息公开工作年度报告\n${tables}`, '报表.txt')).office).toBe(UNKNOWN_OFFICE);
    expect((await readText(`2020年政府信息公开工作年度报告\n${tables}`, '新建 Microsoft Excel 工作表.txt')).office).toBe(UNKNOWN_OFFICE);
  });

  test('the file name is the last resort, and the report says so', async () => {
    const r = await readText(tables, '阜新市人民政府办公室2020年报.txt');
    expect(identity(r)).toEqual(['阜新市人民政府办公室', 2020]);
    expect(nameNotes(r).map((f) => [f.severity, f.message])).toEqual([['info', '报告中没有写明填报单位和报告年度，“阜新市人民政府办公室”和 2020 年度取自文件名，请核对。']]);
    const office = await readText(`2020 年政府信息公开工作年度报告\n${tables}`, '阜新市人民政府办公室.txt');
    expect(nameNotes(office).map((f) => f.message)).toEqual(['报告中没有写明填报单位，“阜新市人民政府办公室”取自文件名，请核对。']);
    const option = await readText(tables, '阜新市人民政府办公室2020年报.txt', { office: '阜新市人民政府办公室', year: 2020 });
    expect(nameNotes(option)).toEqual([]);
  });

  test('no year anywhere: the message names --year', async () => {
    const { reports, problems } = await readReports('附件1.txt', new TextEncoder().encode(`阜新市人民政府办公室\n${tables}`), formats);
    expect(reports).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('--year');
  });
});

describe('the command line with an unknown office', () => {
  const file = join(dir, '附件1.txt');
  writeFileSync(file, `2020 年政府信息公开工作年度报告\n${tables}`);

  test('import refuses it and asks for --office 单位名称; with --office it is written', () => {
    const refused = nianbao(['import', file, '--out', join(dir, 'a.xlsx')]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('未能识别填报单位');
    expect(refused.stderr).toContain('--office 单位名称');
    const given = nianbao(['import', file, '--out', join(dir, 'b.xlsx'), '--office', '阜新市人民政府办公室']);
    expect(given.code).not.toBe(2);
    expect(given.stdout).toContain('阜新市人民政府办公室');
  });

  test('consolidate refuses it and writes nothing', () => {
    const out = join(dir, 'sum.xlsx');
    const refused = nianbao(['consolidate', file, '--out', out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('未能识别填报单位');
    expect(refused.stderr).toContain('--office 单位名称');
    expect(() => readFileSync(out)).toThrow();
  });

  test('validate still validates it, and says the office is unknown', () => {
    const validated = nianbao(['validate', file, '--json']);
    expect(validated.code).not.toBe(2);
    expect(JSON.parse(validated.stdout).reports[0].office).toBe(UNKNOWN_OFFICE);
    expect(validated.stderr).toContain('未能识别填报单位，可用 --office 指定');
  });

  test('a file without a year: the message names --year', () => {
    const noYear = join(dir, '附件3.txt');
    writeFileSync(noYear, `阜新市人民政府办公室\n${tables}`);
    const r = nianbao(['validate', noYear]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--year');
  });
});
