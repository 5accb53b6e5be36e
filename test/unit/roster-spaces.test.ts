/**
 * Roster lines typed with spaces, as people type them: a date, a level word (部门, 乡镇, 街道,
 * 本级) or a tier word (县级, 市级) after the name is a field, never part of the name; a name
 * typed with a space inside stays one name.
 */
import { parseRosterText } from '../../src/consolidate/roster';

const entries = (text: string) => {
  const r = parseRosterText(text);
  return { errors: r.errors, entries: r.entries.map(({ name, level, levelGiven, deadline, excluded }) => ({ name, level, levelGiven, deadline, excluded })) };
};

test.each([
  ['县财政局 部门 2025-01-20', { name: '县财政局', level: '部门', levelGiven: true, deadline: { year: 2025, month: 1, day: 20 }, excluded: false }],
  ['县财政局    部门    2025-01-20', { name: '县财政局', level: '部门', levelGiven: true, deadline: { year: 2025, month: 1, day: 20 }, excluded: false }],
  ['东城街道　街道　3月31日', { name: '东城街道', level: '街道', levelGiven: true, deadline: { month: 3, day: 31 }, excluded: false }],
  ['城关镇 乡镇 2025/3/31', { name: '城关镇', level: '乡镇', levelGiven: true, deadline: { year: 2025, month: 3, day: 31 }, excluded: false }],
  ['县人民政府办公室 本级', { name: '县人民政府办公室', level: '本级', levelGiven: true, deadline: undefined, excluded: false }],
  ['县税务局  不纳入汇总', { name: '县税务局', level: '部门', levelGiven: false, deadline: undefined, excluded: true }],
  ['县财政局 2025-01-20 部门', { name: '县财政局', level: '部门', levelGiven: true, deadline: { year: 2025, month: 1, day: 20 }, excluded: false }],
])('「%s」: the words after the name are fields', (line, entry) => {
  expect(entries(line)).toEqual({ errors: [], entries: [entry] });
});

test.each([
  ['县财政局 县级', '县财政局', '部门'],
  ['市财政局 市级 2025-01-20', '市财政局', '部门'],
  // A tier says where the unit sits, not what it is: a government is a government at any tier.
  ['某县人民政府 县级', '某县人民政府', '本级'],
])('「%s」: a tier word is read and set aside, never glued into the name', (line, name, level) => {
  const r = entries(line);
  expect(r.errors).toEqual([]);
  expect(r.entries.map((e) => [e.name, e.level, e.levelGiven])).toEqual([[name, level, false]]);
});

test('a tier word in a tab-separated line is read the same way', () => {
  expect(entries('县财政局\t县级\t2025-01-20').entries.map((e) => [e.name, e.deadline])).toEqual([['县财政局', { year: 2025, month: 1, day: 20 }]]);
});

test('a name typed with a space inside is one name; one-character words are part of it', () => {
  expect(entries('县 财政局\n城关 镇').entries.map((e) => [e.name, e.level])).toEqual([
    ['县财政局', '部门'],
    ['城关镇', '乡镇'],
  ]);
});

test('a header typed with spaces is a header', () => {
  expect(entries('单位 层级 截止日期 不纳入汇总\n县财政局 部门').entries.map((e) => e.name)).toEqual(['县财政局']);
});

test('what cannot be read is said, by line, in Chinese; a line starting with a field has no name', () => {
  expect(parseRosterText(['县财政局 部门 张三', '部门 县教育局'].join('\n')).errors).toEqual([
    '第 1 行（县财政局）：“张三”无法识别。层级可填 部门、乡镇、街道、本级；截止日期如 2025-01-31 或 1月31日；垂直管理单位填“不纳入汇总”。',
    '第 2 行：没有单位名称（行首应为单位名称），却填了“部门、县教育局”。',
  ]);
});

test('the same unit typed once with spaces and once with a tab is caught as a repeat', () => {
  expect(parseRosterText('县财政局 部门\n县财政局\t部门').errors).toEqual(['第 2 行：“县财政局”与第 1 行重复。']);
});
