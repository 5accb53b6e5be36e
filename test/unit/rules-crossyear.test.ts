/**
 * Cross-year relations with hand-written previous and current reports: 上年结转 across
 * the 2020 → 2021 format switch, 对外公开总数量 and 上一年项目数量 within gov-2019.
 */
import type { FormatId } from '../../src/formats/types';
import { FormatRegistry } from '../../src/formats';
import { GOV_2019 } from '../../src/formats/gov-2019';
import { GOV_2021 } from '../../src/formats/gov-2021';
import type { Finding } from '../../src/model/finding';
import { validate } from '../../src/rules/engine';
import { handReport, requestsTable } from '../helpers/hand-report';

/** A finding without its fix suggestion, which fix-suggestions.test.ts covers. */
const plain = ({ rule, severity, cells, message, expected, actual }: Finding) => ({ rule, severity, cells, message, expected, actual });

const SWITCH_2019_TO_2021 = {
  rule: 'crossyear.format_switch',
  severity: 'info',
  cells: [],
  message: '上年度报告使用2019 年版（试行）格式，本年度使用2021 年版格式；跨年度只核对“二、上年结转”= “上年度四、结转下年度”。',
};

describe('crossyear.carry across the format switch: gov-2019 2020 → gov-2021 2021', () => {
  // 2020 carried out 3 (自然人) and 1 (商业企业), 4 in all.
  const previous = handReport('gov-2019', 2020, {
    ...requestsTable({ natural: { results: { granted: 10, other: 1 }, out: 3 }, business: { results: { partial: 2 }, out: 1 } }),
    // Figures no gov-2021 relation may compare across the switch.
    'proactive.rules.public_total': 40,
    'proactive.licensing.prev_items': 9,
  });

  test('matching 上年结转 in every column: only the switch note', () => {
    const current = handReport('gov-2021', 2021, requestsTable({ natural: { results: { granted: 5 }, in: 3 }, business: { results: { granted: 1 }, in: 1 } }));
    expect(validate(current, { previous }).findings).toEqual([SWITCH_2019_TO_2021]);
  });

  test('one column off by one: an error for that column and for 总计, none for the others', () => {
    const current = handReport('gov-2021', 2021, requestsTable({ natural: { results: { granted: 5 }, in: 4 }, business: { results: { granted: 1 }, in: 1 } }));
    expect(validate(current, { previous }).findings.map(plain)).toEqual([
      SWITCH_2019_TO_2021,
      {
        rule: 'crossyear.carry',
        severity: 'error',
        cells: ['requests.carried_in.natural'],
        message: '「自然人」列：二、上年结转 = 4，应等于上年度四、结转下年度 = 3',
        expected: 4,
        actual: 3,
      },
      {
        rule: 'crossyear.carry',
        severity: 'error',
        cells: ['requests.carried_in.total'],
        message: '「总计」列：二、上年结转 = 5，应等于上年度四、结转下年度 = 4',
        expected: 5,
        actual: 4,
      },
    ]);
  });

  test('a column that carried nothing in 2020 must carry nothing into 2021', () => {
    const current = handReport(
      'gov-2021',
      2021,
      requestsTable({ natural: { results: { granted: 5 }, in: 3 }, business: { results: { granted: 1 }, in: 1 }, legal: { results: { granted: 2 }, in: 2 } }),
    );
    const carry = validate(current, { previous }).findings.filter((f) => f.rule === 'crossyear.carry');
    expect(carry.map((f) => [f.cells[0], f.expected, f.actual])).toEqual([
      ['requests.carried_in.legal', 2, 0],
      ['requests.carried_in.total', 6, 4],
    ]);
  });
});

describe('only crossyear.carry crosses a format switch, even where the cell ids match', () => {
  // A later edition with the same cells: 现行有效件数 may have been redefined, 结转 never.
  const REVISED = { ...GOV_2021, id: 'gov-2021-rev', name: '2021 年版（修订）', years: { from: 2030 } };
  const registry = new FormatRegistry([GOV_2019, GOV_2021, REVISED]);
  const previous = handReport('gov-2021', 2029, { ...requestsTable({ natural: { results: { granted: 1 }, out: 2 } }), 'proactive.rules.in_force': 5 });

  test('in_force is not compared; carry is', () => {
    const current = { ...handReport('gov-2021', 2030, requestsTable({ natural: { results: { granted: 1 }, in: 1 } })), format: 'gov-2021-rev' as FormatId };
    const rules = validate(current, { previous, registry }).findings.map((f) => `${f.rule} ${f.cells.join(',')}`);
    expect(rules).toEqual(['crossyear.format_switch ', 'crossyear.carry requests.carried_in.natural', 'crossyear.carry requests.carried_in.total']);
  });

  test('the same figures in the same edition: in_force is compared too', () => {
    const current = handReport('gov-2021', 2030, requestsTable({ natural: { results: { granted: 1 }, in: 1 } }));
    const rules = validate(current, { previous }).findings.map((f) => `${f.rule} ${[...f.cells].sort().join(',')}`);
    expect(rules).toEqual([
      'crossyear.carry requests.carried_in.natural',
      'crossyear.carry requests.carried_in.total',
      'crossyear.in_force proactive.rules.in_force,proactive.rules.issued,proactive.rules.repealed',
    ]);
  });
});

describe('crossyear.public_total (gov-2019 → gov-2019): public_total(Y) = public_total(Y−1) + published(Y)', () => {
  const previous = handReport('gov-2019', 2019, { 'proactive.rules.published': 4, 'proactive.rules.public_total': 10, 'proactive.normative.public_total': 7 });
  const current = (rules: number, normative = 7) =>
    handReport('gov-2019', 2020, { 'proactive.rules.published': 3, 'proactive.rules.public_total': rules, 'proactive.normative.public_total': normative });

  test('10 + 3 = 13 passes', () => {
    expect(validate(current(13), { previous }).findings).toEqual([]);
  });

  test.each([14, 12])('13 expected, %i written: a warning', (written) => {
    expect(validate(current(written), { previous }).findings.map(plain)).toEqual([
      {
        rule: 'crossyear.public_total',
        severity: 'warning',
        cells: expect.arrayContaining(['proactive.rules.published', 'proactive.rules.public_total']),
        message: `「规章」行：上年度对外公开总数量 + 本年新公开数量 = 13，应等于对外公开总数量 = ${written}`,
        expected: 13,
        actual: written,
      },
    ]);
  });

  test('the 规范性文件 row is checked too, and the previous year’s cells are never named', () => {
    const f = validate(current(13, 6), { previous }).findings;
    expect(f.map((x) => [x.rule, [...x.cells].sort(), x.expected, x.actual])).toEqual([['crossyear.public_total', ['proactive.normative.public_total', 'proactive.normative.published'], 7, 6]]);
  });

  test('without the previous report nothing cross-year is checked', () => {
    expect(validate(current(99)).findings).toEqual([]);
  });

  test('a previous report in an unknown format is ignored, not guessed at', () => {
    expect(validate(current(99), { previous: { ...previous, format: 'gov-1999' as FormatId } }).findings).toEqual([]);
  });
});

describe('crossyear.prev_items (gov-2019 → gov-2019): prev_items(Y) = prev_items(Y−1) + change(Y−1)', () => {
  const previous = handReport('gov-2019', 2019, { 'proactive.licensing.prev_items': 10, 'proactive.licensing.change': -2 });

  test('10 − 2 = 8 passes', () => {
    expect(validate(handReport('gov-2019', 2020, { 'proactive.licensing.prev_items': 8 }), { previous }).findings).toEqual([]);
  });

  test('9 is a warning on 上一年项目数量', () => {
    const f = validate(handReport('gov-2019', 2020, { 'proactive.licensing.prev_items': 9 }), { previous }).findings;
    expect(f.map(plain)).toEqual([
      {
        rule: 'crossyear.prev_items',
        severity: 'warning',
        cells: ['proactive.licensing.prev_items'],
        message: '「行政许可」行：上年度上一年项目数量 + 上年度本年增/减 = 8，应等于上一年项目数量 = 9',
        expected: 8,
        actual: 9,
      },
    ]);
  });
});
