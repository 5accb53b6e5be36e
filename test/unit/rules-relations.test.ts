/**
 * The `≤` relations and the 其他处理 share, at their boundaries: equal passes, one over
 * fails with the exact finding. Figures are derived by hand from spec/rules.md.
 */
import { validate, holds } from '../../src/rules/engine';
import { handReport, requestsColumn } from '../helpers/hand-report';

const only = (report: ReturnType<typeof handReport>, rule: string, options = {}) => validate(report, options).findings.filter((f) => f.rule === rule);

describe('proactive.change_floor (gov-2019): prev_items + change ≥ 0', () => {
  test.each(['licensing', 'other_services', 'penalty', 'coercion', 'fees'])('%s: a decrease equal to last year’s count passes', (row) => {
    const r = handReport('gov-2019', 2020, { [`proactive.${row}.prev_items`]: 5, [`proactive.${row}.change`]: -5 });
    expect(validate(r).findings).toEqual([]);
  });

  test('行政许可: a decrease one more than last year’s count is an error', () => {
    const r = handReport('gov-2019', 2020, { 'proactive.licensing.prev_items': 5, 'proactive.licensing.change': '-6' });
    expect(validate(r).findings).toEqual([
      {
        rule: 'proactive.change_floor',
        severity: 'error',
        cells: ['proactive.licensing.prev_items', 'proactive.licensing.change'],
        message: '「行政许可」行：上一年项目数量 + 本年增/减 = -1，不应小于 0',
        expected: 0,
        actual: -1,
      },
    ]);
  });

  test.each(['other_services', 'penalty', 'coercion', 'fees'])('%s is checked too', (row) => {
    const r = handReport('gov-2019', 2019, { [`proactive.${row}.prev_items`]: 0, [`proactive.${row}.change`]: -1 });
    const found = only(r, 'proactive.change_floor');
    expect(found.map((f) => [f.cells, f.actual])).toEqual([[[`proactive.${row}.prev_items`, `proactive.${row}.change`], -1]]);
  });

  test('an increase of any size passes, and the signed change is never a negative count', () => {
    const r = handReport('gov-2019', 2020, { 'proactive.penalty.prev_items': 0, 'proactive.penalty.change': '+1953' });
    expect(validate(r).findings).toEqual([]);
  });
});

describe('proactive.published_le_total (gov-2019): published ≤ public_total', () => {
  test('equal passes', () => {
    const r = handReport('gov-2019', 2020, { 'proactive.rules.published': 5, 'proactive.rules.public_total': 5, 'proactive.normative.published': 7, 'proactive.normative.public_total': 7 });
    expect(validate(r).findings).toEqual([]);
  });

  test('one over is a warning on that row', () => {
    const r = handReport('gov-2019', 2020, { 'proactive.normative.published': 8, 'proactive.normative.public_total': 7 });
    expect(validate(r).findings).toEqual([
      {
        rule: 'proactive.published_le_total',
        severity: 'warning',
        cells: ['proactive.normative.published', 'proactive.normative.public_total'],
        message: '「规范性文件」行：本年新公开数量 = 8，不应大于对外公开总数量 = 7',
        expected: 8,
        actual: 7,
      },
    ]);
  });

  test('the 规章 row is checked too', () => {
    const r = handReport('gov-2019', 2020, { 'proactive.rules.published': 1 });
    expect(only(r, 'proactive.published_le_total').map((f) => [f.cells[0], f.expected, f.actual])).toEqual([['proactive.rules.published', 1, 0]]);
  });
});

describe('proactive.issued_le_stock (gov-2021): issued ≤ in_force + repealed', () => {
  test('equal passes', () => {
    const r = handReport('gov-2021', 2022, { 'proactive.rules.issued': 5, 'proactive.rules.in_force': 3, 'proactive.rules.repealed': 2 });
    expect(validate(r).findings).toEqual([]);
  });

  test('one over is a warning naming both sides', () => {
    const r = handReport('gov-2021', 2022, { 'proactive.normative.issued': 6, 'proactive.normative.in_force': 3, 'proactive.normative.repealed': 2 });
    expect(validate(r).findings).toEqual([
      {
        rule: 'proactive.issued_le_stock',
        severity: 'warning',
        cells: ['proactive.normative.issued', 'proactive.normative.in_force', 'proactive.normative.repealed'],
        message: '「行政规范性文件」行：本年制发件数 = 6，不应大于现行有效件数 + 本年废止件数 = 5',
        expected: 6,
        actual: 5,
      },
    ]);
  });

  test('repealed documents count towards the stock: 规章 issued 2, in force 0, repealed 2 passes', () => {
    const r = handReport('gov-2021', 2023, { 'proactive.rules.issued': 2, 'proactive.rules.repealed': 2 });
    expect(validate(r).findings).toEqual([]);
  });
});

describe('holds: the tolerance for float noise is 1e-6, inclusive', () => {
  test.each([
    ['=', 1e-6, 0, true],
    ['=', 0, 1e-6, true],
    ['=', 3e-6, 0, false],
    ['=', 0, 3e-6, false],
    ['<=', 1e-6, 0, true],
    ['<=', 3e-6, 0, false],
    ['<=', -5, 0, true],
  ] as const)('%s %p %p → %p', (op, L, R, ok) => {
    expect(holds(op, L, R)).toBe(ok);
  });
});

describe('requests.other_share: 其他处理 above 10% of （七）总计', () => {
  test('gov-2021 watches （六）3.其他: 2 of 20 (10%) passes', () => {
    const r = handReport('gov-2021', 2022, requestsColumn('natural', { granted: 18, 'other.misc': 2 }));
    expect(validate(r).findings).toEqual([]);
  });

  test('gov-2021: 3 of 20 (15%) is a warning', () => {
    const r = handReport('gov-2021', 2022, requestsColumn('natural', { granted: 17, 'other.misc': 3 }));
    expect(validate(r).findings).toEqual([
      {
        rule: 'requests.other_share',
        severity: 'warning',
        cells: ['requests.other.misc.total', 'requests.total.total'],
        message: '「（六）其他处理／3.其他」×「总计」为 3 件，占「（七）总计」 20 件的 15%，超过 10%。请核实“其他处理”的归类是否准确。',
        expected: 2,
        actual: 3,
      },
    ]);
  });

  test('gov-2021: the other two 其他处理 rows are not the row to watch', () => {
    const r = handReport('gov-2021', 2022, requestsColumn('business', { granted: 1, 'other.no_correction': 5, 'other.unpaid': 5 }));
    expect(validate(r).findings).toEqual([]);
  });

  test('gov-2019 watches （六）其他处理: 1 of 10 passes, 2 of 10 is a warning', () => {
    const ok = handReport('gov-2019', 2020, requestsColumn('research', { partial: 9, other: 1 }));
    expect(validate(ok).findings).toEqual([]);
    const high = handReport('gov-2019', 2020, requestsColumn('research', { partial: 8, other: 2 }));
    expect(validate(high).findings).toEqual([
      {
        rule: 'requests.other_share',
        severity: 'warning',
        cells: ['requests.other.total', 'requests.total.total'],
        message: '「（六）其他处理」×「总计」为 2 件，占「（七）总计」 10 件的 20%，超过 10%。请核实“其他处理”的归类是否准确。',
        expected: 1,
        actual: 2,
      },
    ]);
  });

  test('the threshold is a setting: 15% passes at 0.2, and the message names the setting', () => {
    const r = handReport('gov-2021', 2022, requestsColumn('natural', { granted: 17, 'other.misc': 3 }));
    expect(validate(r, { settings: { otherShareMax: 0.2 } }).findings).toEqual([]);
    const f = only(r, 'requests.other_share', { settings: { otherShareMax: 0.125 } });
    expect(f.map((x) => [x.expected, x.actual])).toEqual([[2, 3]]);
    expect(f[0].message).toContain('的 15%，超过 12.5%。');
  });

  test('a share of an empty （七）总计 is not computed: the sum rules report that table', () => {
    const r = handReport('gov-2021', 2022, { 'requests.other.misc.natural': 1, 'requests.other.misc.total': 1 });
    const v = validate(r);
    expect(v.findings.filter((f) => f.rule === 'requests.other_share')).toEqual([]);
    expect(v.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['requests.results_sum']));
  });

  test('an unreadable 其他处理 or 总计 gives no share finding, only the unreadable cell', () => {
    const base = requestsColumn('natural', { granted: 17, 'other.misc': 3 });
    for (const id of ['requests.other.misc.total', 'requests.total.total']) {
      const r = handReport('gov-2021', 2022, { ...base, [id]: '若干' });
      expect(validate(r).findings.map((f) => [f.rule, f.cells[0]])).toEqual([['cell.not_number', id]]);
    }
  });
});
