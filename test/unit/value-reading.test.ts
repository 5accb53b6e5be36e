/**
 * The value reader, case by case: what each way of writing a figure reads as, what the
 * user is told was understood, and what is refused. Expected values follow formats.md.
 */
import { fmt, looksLikeValue, readCell } from '../../src/model/values';

describe('plain and normalised figures', () => {
  test.each([
    ['１２', 'count', 12, '12（已去除全角字符）'],
    ['１，２３４', 'count', 1234, '1234（已去除全角字符、千分位分隔符）'],
    ['＋１２', 'count', 12, '12（已去除全角字符、正号“+”）'],
    ['１２．５', 'money', 12.5, '12.5（已去除全角字符）'],
    ['－１', 'signed', -1, '-1（已去除全角字符）'],
    ['−3', 'signed', -3, '-3（已去除全角字符）'],
    ['–3', 'signed', -3, '-3（已去除全角字符）'],
    ['12 件', 'count', 12, '12（已去除单位“件”）'],
    ['12项', 'count', 12, '12（已去除单位“项”）'],
    ['+12', 'count', 12, '12（已去除正号“+”）'],
    ['1,234', 'count', 1234, '1234（已去除千分位分隔符）'],
    ['1,234,567', 'count', 1234567, '1234567（已去除千分位分隔符）'],
    ['-1,234', 'signed', -1234, '-1234（已去除千分位分隔符）'],
    // Separators are taken out before the sign is looked at, and the notes say so in that order.
    ['+1,234', 'count', 1234, '1234（已去除千分位分隔符、正号“+”）'],
    ['1,234.5', 'money', 1234.5, '1234.5（已去除千分位分隔符）'],
    ['1,234件', 'count', 1234, '1234（已去除单位“件”、千分位分隔符）'],
  ] as const)('%p as %s reads %p and says %p', (input, kind, value, understood) => {
    expect(readCell(input, kind)).toEqual({ value, status: 'normalised', raw: input, understood });
  });

  test.each([
    ['0', 'count', 0],
    ['007', 'count', 7],
    ['.5', 'money', 0.5],
    ['+1953', 'signed', 1953],
    ['-18', 'signed', -18],
    ['24252.311082', 'money', 24252.311082],
    ['12345678', 'count', 12345678],
    ['\u00a0 42 \u3000', 'count', 42],
    [-3, 'count', -3],
    [0, 'money', 0],
  ] as const)('%p as %s is the plain number %p', (input, kind, value) => {
    expect(readCell(input, kind)).toEqual({ value, status: 'number' });
  });

  test('float noise from unit conversion is rounded away', () => {
    expect(readCell('0.3元', 'money')).toEqual({ value: 0.00003, status: 'unit', raw: '0.3元', understood: '0.3 元 = 0.00003 万元' });
    expect(readCell('0.1万', 'money').value).toBe(0.1);
  });
});

describe('money units', () => {
  test.each([
    ['38.41万元', 38.41, '38.41 万元'],
    ['38.41 万', 38.41, '38.41 万元'],
    ['12（万元）', 12, '12 万元'],
    ['12(万元)', 12, '12 万元'],
    ['12（万）', 12, '12 万元'],
    ['251000元', 25.1, '251000 元 = 25.1 万元'],
    ['251000（元）', 25.1, '251000 元 = 25.1 万元'],
    ['251000(元)', 25.1, '251000 元 = 25.1 万元'],
    ['1.5亿元', 15000, '1.5 亿元 = 15000 万元'],
    ['2（亿元）', 20000, '2 亿元 = 20000 万元'],
    ['1,000元', 0.1, '1000 元 = 0.1 万元'],
  ] as const)('%p is %p 万元', (input, value, understood) => {
    expect(readCell(input, 'money')).toEqual({ value, status: 'unit', raw: input, understood });
  });

  test('a count cell does not take money units', () => {
    expect(readCell('12元', 'count').status).toBe('invalid');
    expect(readCell('12万', 'count').status).toBe('invalid');
  });

  test('a money cell does not take count suffixes', () => {
    expect(readCell('12件', 'money')).toEqual({ value: null, status: 'invalid', raw: '12件' });
  });

  test('a unit with nothing before it is no figure', () => {
    expect(readCell('万元', 'money').status).toBe('invalid');
    expect(readCell('元', 'money').status).toBe('invalid');
  });
});

describe('figures with a remark in brackets', () => {
  test.each([
    ['22（其中修订16件）', 'count', 22, '其中修订16件'],
    ['22(其中修订16件)', 'count', 22, '其中修订16件'],
    ['22 （含 3 件规章）', 'count', 22, '含 3 件规章'],
    ['１２（说明）', 'count', 12, '说明'],
    ['3.5万元（含追加预算）', 'money', 3.5, '含追加预算'],
  ] as const)('%p reads %p, the remark %p not counted', (input, kind, value, remark) => {
    expect(readCell(input, kind)).toEqual({ value, status: 'annotated', raw: input, understood: `${value}（括号中的“${remark}”是说明，未计入）` });
  });

  test('a bracket holding only a unit is a unit, not a remark', () => {
    expect(readCell('84933.6787（万元）', 'money').status).toBe('unit');
    // As 12件 is read: the bracket is the unit's, and the reading says it was removed.
    expect(readCell('12（件）', 'count')).toEqual({ value: 12, status: 'normalised', raw: '12（件）', understood: '12（已去除单位“件”）' });
  });

  test('a bracket without any Chinese is not a remark', () => {
    expect(readCell('12(a)', 'count')).toEqual({ value: null, status: 'invalid', raw: '12(a)' });
  });

  test('a remark after text that is no figure leaves the cell unreadable', () => {
    expect(readCell('若干（待统计）', 'count')).toEqual({ value: null, status: 'invalid', raw: '若干（待统计）' });
    expect(readCell('/（无）', 'count')).toEqual({ value: null, status: 'invalid', raw: '/（无）' });
  });

  test('only text is read this way: a number is a number', () => {
    expect(readCell(22, 'count')).toEqual({ value: 22, status: 'number' });
  });
});

describe('what is never a number', () => {
  test.each(['/', '\\', '-', '--', '—', '——', '－', '–', '无', '空', '暂无', 'n/a', 'N/A', 'na', 'NA', '×', '*'])('placeholder %p', (input) => {
    expect(readCell(input, 'count')).toEqual({ value: null, status: 'invalid', raw: input });
    expect(readCell(input, 'money')).toEqual({ value: null, status: 'invalid', raw: input });
  });

  test.each(['1 2', '12,34', '5.', '1e5', '0x10', '1000000000000', '-1000000000000', '12.3.4', '++1', '1-'])('%p', (input) => {
    expect(readCell(input, 'signed')).toEqual({ value: null, status: 'invalid', raw: input });
  });

  test.each([
    [NaN, 'NaN'],
    [Infinity, 'Infinity'],
    [true, 'true'],
    [false, 'false'],
  ])('%p', (input, raw) => {
    expect(readCell(input, 'count')).toEqual({ value: null, status: 'invalid', raw });
  });

  test('a grouped figure above any real amount is text', () => {
    expect(readCell('1,000,000,000,000', 'count').status).toBe('invalid');
    expect(readCell('1,000,000,000,000元', 'money').value).toBe(100000000);
  });
});

describe('looksLikeValue: whether a cell’s text stands where a figure stands', () => {
  test.each([
    '',
    '  ',
    '0',
    '12',
    '１２',
    '+3',
    '38.41万',
    '251000元',
    '22（其中修订16件）',
    '/',
    '\\',
    '-',
    '--',
    '—',
    '——',
    '－',
    '–',
    '无',
    '空',
    '暂无',
    'n/a',
    ' N/A ',
    'na',
    '×',
    '*',
    '若干',
    '见附件',
    '见附表',
    '不详',
    '未统计',
    '待统计',
    '暂缺',
    '不适用',
    '略',
    '同上',
  ])('%p does', (text) => {
    expect(looksLikeValue(text)).toBe(true);
    // Asked again, from the cache: the same answer.
    expect(looksLikeValue(text)).toBe(true);
  });

  test.each(['行政许可', '（七）总计', '本年新收', '合计：', 'abc'])('%p does not', (text) => {
    expect(looksLikeValue(text)).toBe(false);
    expect(looksLikeValue(text)).toBe(false);
  });
});

describe('fmt', () => {
  test.each([
    [null, '空白'],
    [0, '0'],
    [12, '12'],
    [-1, '-1'],
    [0.1 + 0.2, '0.3'],
    [84933.6787, '84933.6787'],
    [1 / 3, '0.33333333'],
  ])('%p → %p', (n, text) => {
    expect(fmt(n)).toBe(text);
  });
});

describe('edges of the patterns', () => {
  test.each([
    ['.55', 'money', 0.55],
    ['12,345', 'count', 12345],
    ['1,234.56', 'money', 1234.56],
  ] as const)('%p as %s reads %p', (input, kind, value) => {
    expect(readCell(input, kind).value).toBe(value);
  });

  test.each(['1,234x', 'x1,234', '12元x', '1  2', '1\u3000\u30002'])('%p is not a figure: nothing around a figure is dropped silently', (input) => {
    expect(readCell(input, 'money')).toEqual({ value: null, status: 'invalid', raw: input });
  });

  test.each([
    ['22（3件）', 22, '3件'],
    ['22（其中3）', 22, '其中3'],
    ['3（项目已完成）', 3, '项目已完成'],
    ['22（说明） ', 22, '说明'],
    ['22（ 说明 ）', 22, '说明'],
  ] as const)('%p reads %p with the remark %p', (input, value, remark) => {
    expect(readCell(input, 'count')).toEqual({ value, status: 'annotated', raw: input, understood: `${value}（括号中的“${remark}”是说明，未计入）` });
  });

  test('text after the closing bracket makes it no remark', () => {
    expect(readCell('22（说明）x', 'count')).toEqual({ value: null, status: 'invalid', raw: '22（说明）x' });
  });
});
