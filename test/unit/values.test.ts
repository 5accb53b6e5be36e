import { looksLikeValue, readCell } from '../../src/model/values';

describe('the value reader reads cell text as clerks write it', () => {
  test.each([
    ['12', 'count', 12, 'number'],
    [12, 'count', 12, 'number'],
    ['１２', 'count', 12, 'normalised'],
    ['1,234', 'count', 1234, 'normalised'],
    ['+12', 'count', 12, 'normalised'],
    ['12件', 'count', 12, 'normalised'],
    ['12（件）', 'count', 12, 'normalised'],
    ['3(项)', 'count', 3, 'normalised'],
    [999999999999, 'count', 999999999999, 'number'],
    ['  7  ', 'count', 7, 'number'],
    ['+1953', 'signed', 1953, 'number'],
    ['-18', 'signed', -18, 'number'],
    ['－１', 'signed', -1, 'normalised'],
    ['38.41 万', 'money', 38.41, 'unit'],
    ['251000元', 'money', 25.1, 'unit'],
    ['84933.6787（万元）', 'money', 84933.6787, 'unit'],
    ['2000万', 'money', 2000, 'unit'],
    ['1.5亿元', 'money', 15000, 'unit'],
    ['24252.311082', 'money', 24252.311082, 'number'],
  ] as const)('%p as %s → %p (%s)', (input, kind, value, status) => {
    const r = readCell(input, kind);
    expect(r.value).toBe(value);
    expect(r.status).toBe(status);
    if (status !== 'number') {
      expect(r.raw).toBe(input);
      expect(r.understood).toBeTruthy();
    }
  });

  test.each([1e12, -1e12, 123456789012345, '1000000000000', '12（件', '12件）'])('%p: no report holds such a figure, typed as a number or as text; a half-bracketed unit is not read', (input) => {
    expect(readCell(input, 'count')).toEqual({ value: null, status: 'invalid', raw: String(input) });
  });

  test.each([null, undefined, '', '   ', '\u3000'])('%p is blank', (input) => {
    expect(readCell(input, 'count')).toEqual({ value: null, status: 'blank' });
  });

  test.each(['/', '／', '—', '——', '-', '无', '若干', '见附件', '1 2', '12元', '75394432.52元?', '#DIV/0!', 'NaN'])('%p is not a number and never 0', (input) => {
    const r = readCell(input, 'count');
    expect(r.status).toBe('invalid');
    expect(r.value).toBeNull();
    expect(r.raw).toBe(input);
  });

  test('money units are understood and explained', () => {
    expect(readCell('251000元', 'money').understood).toBe('251000 元 = 25.1 万元');
    expect(readCell('38.41 万', 'money').understood).toBe('38.41 万元');
  });

  test('negative and fractional counts are read as written, for the rules to flag', () => {
    expect(readCell('-3', 'count')).toEqual({ value: -3, status: 'number' });
    expect(readCell('2.5', 'count')).toEqual({ value: 2.5, status: 'number' });
  });
});

test('a large whole count reads exactly, with no float noise from rounding', () => {
  expect(readCell('999999999999', 'count')).toEqual({ value: 999999999999, status: 'number' });
  expect(readCell('123456789012', 'money').value).toBe(123456789012);
});

test('a number typed or computed in a cell is read as that number, even where its text would be scientific notation', () => {
  // =0.1+0.2-0.3 leaves float noise; its text "5.551115123125783e-17" is no figure, the number is.
  expect(readCell(0.1 + 0.2 - 0.3, 'money')).toEqual({ value: 0.1 + 0.2 - 0.3, status: 'number' });
  expect(readCell(1e-7, 'count')).toEqual({ value: 1e-7, status: 'number' });
  expect(readCell('1e-7', 'count')).toEqual({ value: null, status: 'invalid', raw: '1e-7' });
  expect(readCell(true, 'count')).toEqual({ value: null, status: 'invalid', raw: 'true' });
});

test('a remark in brackets after something that is no figure leaves the whole cell unread', () => {
  expect(readCell('若干（其中修订16件）', 'count')).toEqual({ value: null, status: 'invalid', raw: '若干（其中修订16件）' });
  expect(readCell('22（其中修订16件）', 'count')).toMatchObject({ value: 22, status: 'annotated' });
});

test('a unit in brackets with spaces inside is a unit, not a remark', () => {
  expect(readCell('12（ 件 ）', 'count')).toMatchObject({ value: 12, status: 'normalised' });
  expect(readCell('3（ 万元 ）', 'money')).toMatchObject({ value: 3, status: 'unit' });
});

test.each([
  ['/', true],
  ['—', true],
  ['N/A', true],
  ['若干', true],
  ['', true],
  ['12', true],
  ['12万元', true],
  ['规章', false],
  ['行政许可', false],
  ['1 2', false],
])('looksLikeValue(%p) is %p: placeholders and unreadable words sit where figures do', (text, yes) => {
  expect(looksLikeValue(text)).toBe(yes);
});
