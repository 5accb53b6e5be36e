/**
 * The roster (报送名单): parsing with Chinese errors, deadlines, name similarity on
 * names as counties write them, completeness in consolidation and in the overview sheet.
 */
import { consolidate } from '../../src/consolidate/consolidate';
import { closestName, dueDate, inferLevel, matchRoster, nameSimilarity, parseDeadline, parseRosterText, rosterToText, SIMILAR_ENOUGH } from '../../src/consolidate/roster';
import { formats } from '../../src/formats';
import { buildOverviewPlan, OVERVIEW_HEADERS } from '../../src/layout/overview-plan';
import { buildRosterPlan, rosterFromSheet } from '../../src/layout/roster-plan';
import { comparisonSheetName, overviewSheetName, summarySheetName } from '../../src/layout/sheet-name';
import { address } from '../../src/layout/a1';
import type { SheetPlan } from '../../src/layout/sheet-plan';
import type { SheetData } from '../../src/model/sheet-data';
import { reportFromCells, seeded, validCells } from '../helpers/random-report';

const format = formats.forYear(2024)!;

describe('parsing', () => {
  test('one unit per line; level, deadline and 不纳入汇总 after a tab or a comma; header and comments skipped', () => {
    const r = parseRosterText(
      [
        '单位\t层级\t截止日期\t不纳入汇总',
        '# 2024 年度',
        '县发改局',
        '城关镇,乡镇',
        '东城街道\t街道\t2025-02-15',
        '县税务局，，，不纳入汇总',
        '县人民政府办公室\t本级\t3月20日',
        '',
        '县教育局\t\t2025/1/20',
      ].join('\r\n'),
    );
    expect(r.errors).toEqual([]);
    expect(r.entries.map((e) => [e.name, e.level, e.levelGiven, e.deadline ?? null, e.excluded, e.line])).toEqual([
      ['县发改局', '部门', false, null, false, 3],
      ['城关镇', '乡镇', true, null, false, 4],
      ['东城街道', '街道', true, { year: 2025, month: 2, day: 15 }, false, 5],
      ['县税务局', '部门', false, null, true, 6],
      ['县人民政府办公室', '本级', true, { month: 3, day: 20 }, false, 7],
      ['县教育局', '部门', false, { year: 2025, month: 1, day: 20 }, false, 9],
    ]);
  });

  test('bad lines are named by number, in Chinese, and every one is reported', () => {
    const r = parseRosterText(['县发改局\t科级', '县财政局\t2025-02-30', '县发改局', '\t部门', '县公安局\t部门\t部门'].join('\n'));
    expect(r.errors).toEqual([
      '第 1 行（县发改局）：“科级”无法识别。层级可填 部门、乡镇、街道、本级；截止日期如 2025-01-31 或 1月31日；垂直管理单位填“不纳入汇总”。',
      '第 2 行（县财政局）：截止日期“2025-02-30”无法识别，请写成 2025-01-31 或 1月31日。',
      '第 3 行：“县发改局”与第 1 行重复。',
      '第 4 行：没有单位名称（第一列为空），却填了“部门”。',
      '第 5 行（县公安局）：“部门”又填了一次层级，每行只能填一个。',
    ]);
  });

  test('deadlines as clerks write them, and spreadsheet date serials', () => {
    expect(parseDeadline('2025-01-31')).toEqual({ year: 2025, month: 1, day: 31 });
    expect(parseDeadline('2025年2月10日')).toEqual({ year: 2025, month: 2, day: 10 });
    expect(parseDeadline('2025.3.1')).toEqual({ year: 2025, month: 3, day: 1 });
    expect(parseDeadline('1月31日')).toEqual({ month: 1, day: 31 });
    expect(parseDeadline('２月２９日')).toEqual({ month: 2, day: 29 });
    expect(parseDeadline('2025-02-29')).toBeNull();
    expect(parseDeadline('13月1日')).toBeNull();
    expect(parseDeadline('下月底')).toBeNull();
    // 45688 is 2025-01-31 in Excel's 1900 date system.
    expect(parseDeadline(45688)).toEqual({ year: 2025, month: 1, day: 31 });
  });

  test('deadlines: the one written, else departments 1月31日 and governments 3月31日 of the following year', () => {
    const [dept, town, street, own, set, dated] = parseRosterText(['县发改局', '城关镇', '东城街道', '县人民政府办公室', '县财政局\t2月10日', '县统计局\t2025-01-20'].join('\n')).entries;
    expect([dept, town, street, own, set, dated].map((e) => dueDate(e, 2024))).toEqual(['2025-01-31', '2025-03-31', '2025-03-31', '2025-03-31', '2025-02-10', '2025-01-20']);
    expect(dueDate(dept, 2023)).toBe('2024-01-31');
    expect([inferLevel('城关镇人民政府'), inferLevel('某某乡'), inferLevel('东城街道办事处'), inferLevel('县政府办'), inferLevel('县市场监督管理局')]).toEqual([
      '乡镇',
      '乡镇',
      '街道',
      '本级',
      '部门',
    ]);
  });

  test('text → entries → text keeps what was written (an inferred level stays unwritten)', () => {
    const text = ['县发改局', '城关镇\t乡镇', '东城街道\t街道\t2025-02-15', '县税务局\t\t\t不纳入汇总', '县人民政府办公室\t本级\t3月20日'].join('\n');
    const once = parseRosterText(text).entries;
    expect(rosterToText(once)).toBe(['县发改局', '城关镇\t乡镇', '东城街道\t街道\t2025-02-15', '县税务局\t不纳入汇总', '县人民政府办公室\t本级\t3月20日'].join('\n'));
    expect(parseRosterText(rosterToText(once)).entries).toEqual(once.map((e, i) => ({ ...e, line: i + 1 })));
  });
});

describe('names written differently', () => {
  const same: [string, string][] = [
    ['县发改局', '县发展和改革局'],
    ['县发改委', '汤原县发展和改革局'],
    ['县人社局', '汤原县人力资源和社会保障局'],
    ['县市场监管局', '县市场监督管理局'],
    ['县住建局', '县住房和城乡建设局'],
    ['县卫健委', '县卫生健康局'],
    ['县政府办', '县人民政府办公室'],
    ['城关镇', '城关镇人民政府'],
    ['东城街道', '东城街道办事处'],
    ['县教育局', '黑龙江省汤原县教育局'],
    ['县应急局', '县应急管理局'],
    ['县环保局', '县生态环境局'],
    ['县文旅局', '县文化和旅游局'],
    ['县交通局', '县交通运输局'],
    ['县医保局', '县医疗保障局'],
    ['县农业局', '县农业农村局'],
  ];
  const different: [string, string][] = [
    ['县财政局', '县公安局'],
    ['县民政局', '县财政局'],
    ['县审计局', '县统计局'],
    ['县水利局', '县林业局'],
    ['县市场监督管理局', '县司法局'],
    ['城关镇', '东城街道'],
    ['县经济开发区管委会', '县高新区管委会'],
  ];
  test.each(same)('%s and %s are taken for the same unit', (a, b) => {
    expect(nameSimilarity(a, b)).toBeGreaterThanOrEqual(SIMILAR_ENOUGH);
    expect(nameSimilarity(b, a)).toBe(nameSimilarity(a, b));
  });
  test.each(different)('%s and %s are not', (a, b) => {
    expect(nameSimilarity(a, b)).toBeLessThan(SIMILAR_ENOUGH);
  });
  test('the closest of several, preferring the exact meaning over shared characters', () => {
    expect(closestName('县发展和改革局', ['县财政局', '县发改局', '县改革办'])?.name).toBe('县发改局');
    expect(closestName('县民政局', ['县财政局', '县公安局'])).toBeUndefined();
  });
});

describe('matching and consolidation', () => {
  const roster = parseRosterText(['县发改局', '县财政局', '城关镇', '县税务局\t不纳入汇总'].join('\n')).entries;
  const member = (office: string, seed: number) => ({ ...reportFromCells(format, validCells(format, seeded(seed))), office, year: 2024, source: office });

  test('a missing unit, a near miss and an excluded unit', () => {
    const m = matchRoster(roster, ['县财政局', '县发展和改革局', '县税务局', '城关镇']);
    expect(m.expected.map((x) => [x.entry.name, x.report ?? null, x.likely ?? null])).toEqual([
      ['县发改局', null, '县发展和改革局'],
      ['县财政局', 0, null],
      ['城关镇', 3, null],
    ]);
    expect(m.excluded.map((x) => [x.entry.name, x.report])).toEqual([['县税务局', 2]]);
    expect(m.unlisted).toEqual([{ report: 1, likely: '县发改局' }]);
  });

  test('consolidate: the excluded report is not summed; missing and unlisted give their warnings', () => {
    const reports = [member('县财政局', 1), member('县发展和改革局', 2), member('县税务局', 3), member('城关镇', 4)];
    const r = consolidate(reports, { office: '某县', registry: formats, roster });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.summary.members).toEqual(['县财政局', '县发展和改革局', '城关镇']);
    const i = format.index.get('requests.new.total')!;
    const sum = [0, 1, 3].reduce((t, k) => t + reports[k].readings[i]!.value!, 0);
    expect(r.summary.readings[i]!.value).toBe(sum);
    expect(r.findings.map((f) => [f.rule, f.severity, f.message])).toEqual([
      ['summary.member_missing', 'warning', '报送名单中的「县发改局」没有报表，截止日期 2025-01-31（部门）。成员中的「县发展和改革局」名称相近，如是同一单位，请统一名称。'],
      ['summary.member_unlisted', 'warning', '成员「县发展和改革局」不在报送名单中，已照常汇总。可能是名单中的「县发改局」（名称写法不同），请统一名称。'],
    ]);
  });

  test('without a roster nothing changes: every report is summed, no roster findings', () => {
    const r = consolidate([member('甲', 1), member('乙', 2)], { office: '某县', registry: formats });
    expect(r.ok && r.completeness).toBeUndefined();
    expect(r.findings).toEqual([]);
  });
});

/** The plan's cells as a grid of what the sheet shows. */
function grid(plan: SheetPlan): Map<string, string | number | null | undefined> {
  return new Map(plan.cells.map((c) => [address(c.row, c.col), c.value]));
}

describe('the overview sheet', () => {
  const roster = parseRosterText(['县发改局', '县财政局\t部门\t2025-02-20', '城关镇', '东城街道', '县公安局', '县税务局\t不纳入汇总'].join('\n')).entries;
  const member = (office: string, seed: number, change: Record<string, number> = {}) => ({
    ...reportFromCells(format, { ...validCells(format, seeded(seed)), ...change }),
    office,
    year: 2024,
    source: office,
  });

  test('every roster unit has a row, 未报送 included; status, deadline and whether it has passed on the day given; counts at the top', () => {
    const wrong = member('县公安局', 3);
    wrong.readings[format.index.get('requests.total.legal')!] = { value: 999, status: 'number' };
    const reports = [member('县财政局', 1), member('城关镇', 2), wrong, member('县发展和改革局', 4)];
    const r = consolidate(reports, { office: '某县', registry: formats, roster });
    if (!r.ok) throw new Error('refused');
    const plan = buildOverviewPlan(
      '某县2024汇总明细',
      { office: '某县', year: 2024, format: format.id, sheet: '某县2024汇总' },
      r.members.map((status) => ({ status })),
      formats,
      {
        completeness: r.completeness,
        today: '2025-02-10',
      },
    );
    const g = grid(plan);
    expect(g.get('A2')).toBe('应报 5 个，已报 3 个，通过 2 个；未报送 2 个（其中逾期 1 个）；有错误 1 个；名单外 1 个；不纳入汇总 1 个（截至 2025-02-10）。汇总表：某县2024汇总');
    expect(OVERVIEW_HEADERS.slice(0, 5)).toEqual(['序号', '单位', '状态', '截止日期', '截止情况']);
    const rows = [4, 5, 6, 7, 8, 9, 10].map((row) => [g.get(`B${row}`), g.get(`C${row}`), g.get(`D${row}`), g.get(`E${row}`)]);
    expect(rows).toEqual([
      ['县发改局', '未报送', '2025-01-31', '逾期 10 天'],
      ['东城街道', '未报送', '2025-03-31', '剩 49 天'],
      ['县公安局', '有错误', '2025-01-31', '已过'],
      ['县财政局', '通过', '2025-02-20', '未到'],
      ['城关镇', '通过', '2025-03-31', '未到'],
      ['县发展和改革局', '通过', '—', '—'],
      ['县税务局', '不纳入汇总', '2025-01-31', '—'],
    ]);
    const notes = `${address(1, OVERVIEW_HEADERS.indexOf('出错说明') + 1).replace(/\d+$/, '')}`;
    // 出错说明: the findings of a member with errors, the near miss, the excluded unit.
    // 999 typed over 法律服务机构's （七）总计 breaks its row sum, its column's results sum and its balance: three errors, two shown.
    expect(r.members.find((m) => m.report.office === '县公安局')!.errors).toBe(3);
    expect(g.get(`${notes}6`)).toMatch(/^错误：「（七）总计」行：.*；「法律服务机构」列：.*= 999；另有 1 项$/);
    expect(g.get(`${notes}4`)).toBe('成员「县发展和改革局」名称相近，如是同一单位请统一名称');
    expect(g.get(`${notes}9`)).toBe('不在报送名单中，可能是名单中的「县发改局」');
    expect(g.get(`${notes}10`)).toBe('垂直管理等不纳入汇总的单位');
    // A unit that has not reported has no figures.
    expect(g.get('F4')).toBe('—');
    expect(typeof g.get('F6')).toBe('number');
    // The hidden metadata column (P) holds nothing else: the columns after it are stepped over to.
    expect(plan.cells.filter((c) => c.col === 16 && c.style !== 'meta')).toEqual([]);
    expect(plan.cells.filter((c) => c.row === 3 && c.col > 16).map((c) => c.value)).toEqual(['报送时间', '整改情况']);
  });
});

describe('the roster sheet', () => {
  test('written and read back: the same entries; a title row above the header is skipped', () => {
    const entries = parseRosterText(['县发改局', '城关镇\t乡镇', '东城街道\t街道\t2025-02-15', '县税务局\t不纳入汇总'].join('\n')).entries;
    const plan = buildRosterPlan(entries, 2024);
    const cells = new Map(plan.cells.filter((c) => c.value !== undefined && c.value !== null && c.value !== '').map((c) => [address(c.row, c.col), c.value as string]));
    const sheet: SheetData = { name: plan.name, meta: plan.meta, cells, notes: new Map(), fills: new Map() };
    const back = rosterFromSheet(sheet);
    expect(back.errors).toEqual([]);
    expect(back.entries.map(({ line: _line, ...e }) => e)).toEqual(entries.map(({ line: _line, ...e }) => e));
    const titled: SheetData = {
      ...sheet,
      cells: new Map<string, string | number>([
        ['A1', '2024 年度报送名单'],
        ['A2', '单位名称'],
        ['A3', '县发改局'],
        ['C3', 45688],
      ]),
    };
    expect(rosterFromSheet(titled).entries.map((e) => [e.name, e.deadline, e.line])).toEqual([['县发改局', { year: 2025, month: 1, day: 31 }, 3]]);
  });
});

test('sheet names never double a word, and name no office when none is given', () => {
  expect(summarySheetName('某县', 2024)).toBe('某县2024汇总');
  expect(overviewSheetName('某县2024汇总')).toBe('某县2024汇总明细');
  expect(comparisonSheetName('某县2024汇总')).toBe('某县2024同比');
  expect(summarySheetName('', 2020)).toBe('2020年度汇总');
  expect(overviewSheetName('2020年度汇总')).toBe('2020年度汇总明细');
  expect(summarySheetName('吴忠市（全市汇总）', 2020)).toBe('吴忠市（全市汇总）2020');
  expect(summarySheetName('某县汇总', 2020)).toBe('某县汇总2020');
  const long = summarySheetName('某某省某某市某某县人民政府办公室政务公开办公室', 2024);
  expect(long.endsWith('2024汇总')).toBe(true);
  expect(long.length).toBeLessThanOrEqual(31);
  expect(overviewSheetName(long).endsWith('2024汇总明细')).toBe(true);
  expect(overviewSheetName(long).length).toBeLessThanOrEqual(31);
});
