/**
 * The roster's vocabulary and edges, word by word: header words, level words, the
 * 不纳入汇总 markers, deadline forms and their limits, levels inferred from names,
 * each abbreviation clerks use for a unit, and how near misses are matched.
 */
import {
  closestName,
  daysBetween,
  deadlineText,
  inferLevel,
  isoDate,
  matchRoster,
  nameCore,
  nameSimilarity,
  parseDeadline,
  parseRosterRows,
  parseRosterText,
  ROSTER_HEADERS,
  SIMILAR_ENOUGH,
} from '../../src/consolidate/roster';

const one = (text: string) => {
  const r = parseRosterText(text);
  return { errors: r.errors, entry: r.entries[0] };
};

describe('what a roster line may say', () => {
  test('the header the roster sheet is written with', () => {
    expect(ROSTER_HEADERS).toEqual(['单位', '层级', '截止日期', '不纳入汇总']);
  });

  test.each(['单位', '单位名称', '名称', '报送单位'])('a first line 「%s」 is a header, not a unit', (word) => {
    expect(parseRosterText(`${word}\n县财政局`).entries.map((e) => e.name)).toEqual(['县财政局']);
  });

  test('a header word below the first line is a unit like any other', () => {
    expect(parseRosterText('县财政局\n名称').entries.map((e) => [e.name, e.line])).toEqual([
      ['县财政局', 1],
      ['名称', 2],
    ]);
  });

  test.each([
    ['部门', '部门'],
    ['乡镇', '乡镇'],
    ['乡', '乡镇'],
    ['镇', '乡镇'],
    ['街道', '街道'],
    ['本级', '本级'],
    ['本级政府', '本级'],
  ])('level 「%s」 is %s, as written', (word, level) => {
    const { errors, entry } = one(`某单位\t${word}`);
    expect(errors).toEqual([]);
    expect([entry.level, entry.levelGiven]).toEqual([level, true]);
  });

  test.each(['不纳入汇总', '不纳入', '垂直管理', '垂管', '是', 'Y', 'y', '√', '1'])('「%s」 marks a unit not summed', (word) => {
    const { errors, entry } = one(`县税务局\t${word}`);
    expect(errors).toEqual([]);
    expect(entry.excluded).toBe(true);
  });

  test.each(['纳入', '纳入汇总', '否', 'N', 'n', '0'])('「%s」 says the unit is summed', (word) => {
    const { errors, entry } = one(`县财政局\t${word}`);
    expect(errors).toEqual([]);
    expect(entry.excluded).toBe(false);
  });

  test('a second level, deadline or marker on one line is an error, not a silent overwrite', () => {
    expect(parseRosterText('县财政局\t部门\t乡镇').errors).toEqual(['第 1 行（县财政局）：“乡镇”又填了一次层级，每行只能填一个。']);
    expect(parseRosterText('县财政局\t1月31日\t2月1日').errors).toEqual(['第 1 行（县财政局）：“2月1日”又填了一次截止日期，每行只能填一个。']);
    expect(parseRosterText('县税务局\t不纳入汇总\t否').errors).toEqual(['第 1 行（县税务局）：“否”又填了一次是否纳入汇总，每行只能填一个。']);
    expect(parseRosterText('县税务局\t否\t不纳入汇总').errors).toHaveLength(1);
    expect(parseRosterText('县财政局\t1月31日\t2025-13-01').errors).toEqual(['第 1 行（县财政局）：截止日期“2025-13-01”无法识别，请写成 2025-01-31 或 1月31日。']);
    expect(one('县税务局\t否\t部门').entry.excluded).toBe(false);
  });

  test('comments with either #, a byte-order mark, tabs and both kinds of comma', () => {
    const r = parseRosterText('\uFEFF单位\n#说明\n＃说明\n县 财 政 局\n城关镇，乡镇\n东城街道,街道');
    expect(r.errors).toEqual([]);
    expect(r.entries.map((e) => [e.name, e.level, e.line])).toEqual([
      ['县财政局', '部门', 4],
      ['城关镇', '乡镇', 5],
      ['东城街道', '街道', 6],
    ]);
  });

  test('a line with no unit names every value it holds', () => {
    expect(parseRosterText('\t部门\t1月31日').errors).toEqual(['第 1 行：没有单位名称（第一列为空），却填了“部门、1月31日”。']);
  });
});

describe('rows from a sheet', () => {
  test('empty cells, padded text and date serials as a spreadsheet holds them', () => {
    const r = parseRosterRows(
      [
        ['县财政局', null, undefined, ' 部门 '],
        [' 城关镇 ', 45688],
        ['县税务局', true],
      ],
      (i) => i + 2,
    );
    expect(r.errors).toEqual(['第 4 行（县税务局）：“true”无法识别。层级可填 部门、乡镇、街道、本级；截止日期如 2025-01-31 或 1月31日；垂直管理单位填“不纳入汇总”。']);
    expect(r.entries.map((e) => [e.name, e.level, e.levelGiven, e.deadline ?? null, e.line])).toEqual([
      ['县财政局', '部门', true, null, 2],
      ['城关镇', '乡镇', false, { year: 2025, month: 1, day: 31 }, 3],
      ['县税务局', '部门', false, null, 4],
    ]);
  });
});

describe('deadlines', () => {
  test.each([
    ['2025-01-31', { year: 2025, month: 1, day: 31 }],
    [' 2025/1/31 ', { year: 2025, month: 1, day: 31 }],
    ['2025 年 1 月 31 日', { year: 2025, month: 1, day: 31 }],
    ['２０２５－１－３１', null],
    ['2024-02-29', { year: 2024, month: 2, day: 29 }],
    ['2月29日', { month: 2, day: 29 }],
    ['2月30日', null],
    ['12月31日', { month: 12, day: 31 }],
    ['1 月 31 日', { month: 1, day: 31 }],
    ['1-31', { month: 1, day: 31 }],
    ['0月5日', null],
    ['13月1日', null],
    ['1月0日', null],
    ['4月31日', null],
    ['截至1月31日', null],
    ['1月31日前', null],
    ['x2025-01-31', null],
    ['2025-01-31前', null],
    ['123月1日', null],
  ])('「%s」 reads as %j', (text, expected) => {
    expect(parseDeadline(text)).toEqual(expected);
  });

  test.each([
    [30000, { year: 1982, month: 2, day: 18 }],
    [80000, { year: 2119, month: 1, day: 11 }],
    [29999, null],
    [80001, null],
    [45688.5, null],
  ])('date serial %d reads as %j', (serial, expected) => {
    expect(parseDeadline(serial)).toEqual(expected);
  });

  test('written back as clerks write them', () => {
    expect(deadlineText({ year: 2025, month: 2, day: 5 })).toBe('2025-02-05');
    expect(deadlineText({ month: 3, day: 31 })).toBe('3月31日');
  });

  test('dates and days between them', () => {
    expect(isoDate(new Date(2025, 0, 5))).toBe('2025-01-05');
    expect(isoDate(new Date(2024, 11, 31))).toBe('2024-12-31');
    expect(daysBetween('2025-01-31', '2025-02-10')).toBe(10);
    expect(daysBetween('2025-03-31', '2025-02-10')).toBe(-49);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
  });
});

describe('levels inferred from names', () => {
  test.each([
    ['城关镇人民政府（代管单位）', '乡镇'],
    ['东城街道办事处(筹)', '街道'],
    ['县人民政府研究室', '部门'],
    ['县街道管理办公室', '部门'],
    ['县乡镇企业局', '部门'],
    ['某某乡', '乡镇'],
    ['某某镇人民政府', '乡镇'],
    ['县人民政府', '本级'],
    ['县人民政府办公室', '本级'],
    ['县政府办公室', '本级'],
    ['县政府办', '本级'],
  ])('%s is %s', (name, level) => {
    expect(inferLevel(name)).toBe(level);
  });
});

describe('unit names as counties abbreviate them', () => {
  test.each([
    ['县发改局', '县发展和改革局'],
    ['县人社局', '县人力资源和社会保障局'],
    ['县住建局', '县住房和城乡建设局'],
    ['县市场监管局', '县市场监督管理局'],
    ['县卫健局', '县卫生健康局'],
    ['县卫计委', '县卫生和计划生育委员会'],
    ['县医保局', '县医疗保障局'],
    ['县自然资源和规划局', '县自然资源局'],
    ['县自规局', '县自然资源局'],
    ['县生态环境局', '县环境保护局'],
    ['县环保局', '县环境保护局'],
    ['县交通局', '县交通运输局'],
    ['县文广旅局', '县文化广电和旅游局'],
    ['县文广新旅局', '县文化广电和旅游局'],
    ['县文旅局', '县文化和旅游局'],
    ['县教体局', '县教育和体育局'],
    ['县科技局', '县科学技术局'],
    ['县工信局', '县工业和信息化局'],
    ['县经信局', '县经济和信息化局'],
    ['县国资委', '县国有资产监督管理委员会'],
    ['县退役军人局', '县退役军人事务局'],
    ['县应急局', '县应急管理局'],
    ['县城管局', '县城市管理局'],
    ['县综合执法局', '县综合行政执法局'],
    ['县政务服务局', '县政务服务和数据管理局'],
    ['县行政审批局', '县行政审批服务局'],
    ['县经济开发区管委会', '县经济开发区管理委员会'],
  ])('%s is %s', (short, full) => {
    expect(nameCore(short)).toBe(nameCore(full));
    expect(nameSimilarity(short, full)).toBe(1);
  });

  test('place prefixes go, one at a time, but not the words that only start like a place', () => {
    expect(nameCore('黑龙江省汤原县教育局')).toBe('教育');
    expect(nameCore('市场监督管理局')).toBe('市场监督');
    expect(nameCore('县经济开发区管委会')).toBe(nameCore('经济开发区管委会'));
    expect(nameCore('平潭综合实验区管委会')).toBe('平潭综合实验区管理');
    expect(nameSimilarity('县经济开发区管委会', '县经济开发区管理委员会')).toBe(1);
    expect(nameCore('县城市管理局')).toBe('城市');
    expect(nameCore('县区域发展局')).toBe('区域发展');
    // The bracketed note and the kind of bracket do not count.
    expect(nameCore('县教育局（县教育和体育局）')).toBe('教育');
    expect(nameCore('县教育局【挂牌】')).toBe('教育');
  });

  test('only one unit suffix per step, never the whole name', () => {
    expect(nameCore('县林业局')).toBe('林业');
    expect(nameCore('县管理局')).toBe('管理局');
    expect(nameCore('县政府办公室')).toBe('政府');
  });

  test('a name with nothing distinctive is like no other', () => {
    expect(nameSimilarity('（空）', '县财政局')).toBe(0);
    expect(nameSimilarity('县财政局', '  ')).toBe(0);
    expect(nameSimilarity('县统计局', '县审计局')).toBeCloseTo(0.5, 10);
  });

  test('closest name: at or above the bar, the best score wins, the first of equals', () => {
    // 公安 / 公安分: 2 × 2 / 5 = 0.8.
    expect(closestName('县公安局', ['县财政局', '县公安分局'])).toEqual({ name: '县公安分局', score: 0.8 });
    expect(closestName('县公安局', ['县公安分局', '县公安局'])).toEqual({ name: '县公安局', score: 1 });
    expect(closestName('县公安局', ['县公安分局', '县公安支局'])?.name).toBe('县公安分局');
    // 统计 / 审计: 0.5, under the bar.
    expect(closestName('县统计局', ['县审计局'])).toBeUndefined();
    expect(SIMILAR_ENOUGH).toBe(0.6);
  });
});

describe('matching reports to the roster', () => {
  const roster = parseRosterText(['县公安局', '县财政局', '县税务局\t不纳入汇总', '县统计局'].join('\n')).entries;

  test('exact names first; a near miss is suggested both ways, preferring a unit that has not reported', () => {
    const m = matchRoster(roster, ['县财政局', '县 财政局', '县公安分局', '县税务局', '县审计局']);
    expect(m.expected.map((x) => [x.entry.name, x.report ?? null, x.likely ?? null])).toEqual([
      ['县公安局', null, '县公安分局'],
      ['县财政局', 0, null],
      ['县统计局', null, null],
    ]);
    expect(m.excluded.map((x) => [x.entry.name, x.report ?? null])).toEqual([['县税务局', 3]]);
    // The second 县财政局 is not on the roster twice; its likely name is the one listed.
    expect(m.unlisted).toEqual([{ report: 1, likely: '县财政局' }, { report: 2, likely: '县公安局' }, { report: 4 }]);
  });

  test('an excluded unit that did not report has no report; nothing unlisted when all match', () => {
    const m = matchRoster(roster, ['县公安局', '县财政局', '县统计局']);
    expect(m.excluded.map((x) => [x.entry.name, x.report ?? null])).toEqual([['县税务局', null]]);
    expect(m.unlisted).toEqual([]);
    expect(m.expected.every((x) => x.report !== undefined && x.likely === undefined)).toBe(true);
  });
});
