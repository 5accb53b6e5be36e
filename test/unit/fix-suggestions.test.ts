/**
 * Single-cell fix suggestions on hand-made tables: the one change that resolves every
 * finding it takes part in, live totals that follow their parts, overwritten totals
 * whose fix restores the formula, and no suggestion where no valid single change exists.
 */
import { FormatRegistry, formats } from '../../src/formats';
import type { FormatDef } from '../../src/formats/types';
import type { Report } from '../../src/model/report';
import { validate } from '../../src/rules/engine';
import { handReport, requestsTable } from '../helpers/hand-report';

const F21 = formats.byId('gov-2021')!;
/** Every total the template computes with a live formula. */
const TOTALS = [...F21.totals.keys()].map((i) => F21.cells[i].id);

describe('阜新-style: （七）总计 × 社会公益组织 is 1 where its parts are 0', () => {
  const cells = { 'requests.total.nonprofit': 1 };

  test('one change, to 0, resolves all three errors', () => {
    const f = validate(handReport('gov-2021', 2022, cells)).findings;
    expect(f.map((x) => x.rule)).toEqual(['requests.row_sum', 'requests.results_sum', 'requests.balance']);
    for (const x of f) {
      expect(x.fix).toEqual({ cell: 'requests.total.nonprofit', value: 0, resolves: 3 });
      expect(x.cells[0]).toBe('requests.total.nonprofit');
    }
    // The culprit moved to the front; every other cell kept, once.
    const balance = f.find((x) => x.rule === 'requests.balance')!;
    expect(balance.cells).toEqual(['requests.total.nonprofit', 'requests.new.nonprofit', 'requests.carried_in.nonprofit', 'requests.carried_out.nonprofit']);
  });

  test('when that cell holds a formula, nothing is suggested: no other single change is valid', () => {
    const f = validate(handReport('gov-2021', 2022, cells, { formulaCells: ['requests.total.nonprofit'] })).findings;
    expect(f.map((x) => x.rule)).toEqual(['requests.row_sum', 'requests.results_sum', 'requests.balance']);
    expect(f.map((x) => x.fix)).toEqual([undefined, undefined, undefined]);
    expect(f.find((x) => x.rule === 'requests.balance')!.cells[0]).toBe('requests.new.nonprofit');
  });

  test('when the clerk overwrote its formula with 1, the fix restores the formula, which gives 0', () => {
    const f = validate(handReport('gov-2021', 2022, cells, { overwrittenTotals: ['requests.total.nonprofit'] })).findings;
    for (const x of f) expect(x.fix).toEqual({ cell: 'requests.total.nonprofit', value: 0, resolves: 3, restoreFormula: true });
  });
});

describe('an overwritten total whose formula would not give the needed value', () => {
  test('restoring it is not offered as the fix', () => {
    // 总计 column of （一）予以公开 written as 3 over a formula that gives 2; the 总计 column of （七）总计 says 3.
    const cells = { ...requestsTable({ natural: { results: { granted: 2 } } }), 'requests.granted.total': 3, 'requests.total.total': 3, 'requests.new.total': 3 };
    const r = handReport('gov-2021', 2022, cells, { overwrittenTotals: ['requests.granted.total'] });
    const f = validate(r).findings;
    expect(f.map((x) => x.rule)).toEqual(['requests.row_sum', 'requests.row_sum', 'requests.row_sum']);
    for (const x of f) expect(x.fix?.restoreFormula).toBeUndefined();
  });
});

describe('live totals follow their parts', () => {
  // Our own sheet: every total a live SUM. 本年新收 × 自然人 is 1 where the column balance says 0.
  const ours = (extra: Partial<Report> = {}) => handReport('gov-2021', 2022, { 'requests.new.natural': 1, 'requests.new.total': 1 }, { formulaCells: TOTALS, liveTotals: TOTALS, ...extra });

  test('the part’s fix moves its total too, so it resolves both columns’ balance', () => {
    const f = validate(ours()).findings;
    expect(f.map((x) => [x.rule, x.cells[0]])).toEqual([
      ['requests.balance', 'requests.new.natural'],
      ['requests.balance', 'requests.new.total'],
    ]);
    expect(f[0].fix).toEqual({ cell: 'requests.new.natural', value: 0, resolves: 2 });
    expect(f.every((x) => x.fix === undefined || !TOTALS.includes(x.fix.cell))).toBe(true);
  });

  test('under a constant total the same change would break its row: nothing is suggested', () => {
    const f = validate(ours({ liveTotals: [] })).findings;
    expect(f.map((x) => x.rule)).toEqual(['requests.balance', 'requests.balance']);
    expect(f.map((x) => x.fix)).toEqual([undefined, undefined]);
  });

  test('a result row one too many: adding the missing 本年新收 fixes both balances, and the corrected sheet is clean', () => {
    // 予以公开 × 自然人 is 1 and the live totals follow it; nothing was received.
    const cells = { 'requests.granted.natural': 1, 'requests.granted.total': 1, 'requests.total.natural': 1, 'requests.total.total': 1 };
    const f = validate(handReport('gov-2021', 2022, cells, { formulaCells: TOTALS, liveTotals: TOTALS })).findings;
    expect(f.map((x) => [x.rule, x.expected, x.actual])).toEqual([
      ['requests.balance', 0, 1],
      ['requests.balance', 0, 1],
    ]);
    expect(f[0].fix).toEqual({ cell: 'requests.new.natural', value: 1, resolves: 2 });
    // Applied: the cell and the live total of its row both become 1.
    const fixed = handReport('gov-2021', 2022, { ...cells, 'requests.new.natural': 1, 'requests.new.total': 1 }, { formulaCells: TOTALS, liveTotals: TOTALS });
    expect(validate(fixed).findings).toEqual([]);
  });
});

describe('a suggested value must be a valid figure', () => {
  test('a fractional total: the total is set to the whole sum, not a part to a fraction', () => {
    const f = validate(handReport('gov-2021', 2022, { 'appeals.review.total': 0.5 })).findings;
    expect(f.map((x) => [x.rule, x.fix])).toEqual([
      ['cell.not_integer', undefined],
      ['appeals.group_sum', { cell: 'appeals.review.total', value: 0, resolves: 1 }],
    ]);
  });

  test('a part one too many: the part goes back, not the total up and another part negative', () => {
    const f = validate(handReport('gov-2021', 2022, { 'appeals.suit_direct.pending': 1 })).findings;
    expect(f).toEqual([
      {
        rule: 'appeals.group_sum',
        severity: 'error',
        // The total first (the template computes it), then its parts; the fix's cell before all.
        cells: ['appeals.suit_direct.pending', 'appeals.suit_direct.total', 'appeals.suit_direct.upheld', 'appeals.suit_direct.corrected', 'appeals.suit_direct.other'],
        message: '「行政诉讼／未经复议直接起诉」行：结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 1，应等于总计 = 0',
        expected: 1,
        actual: 0,
        fix: { cell: 'appeals.suit_direct.pending', value: 0, resolves: 1 },
      },
    ]);
  });

  test('no part can take the difference without going below 0: the total is the fix', () => {
    const f = validate(handReport('gov-2021', 2022, { 'appeals.review.upheld': 1, 'appeals.review.corrected': 1 })).findings;
    expect(f.map((x) => [x.rule, x.expected, x.actual, x.fix])).toEqual([['appeals.group_sum', 2, 0, { cell: 'appeals.review.total', value: 2, resolves: 1 }]]);
  });

  test('the first cell whose change is valid is suggested when several resolve as much', () => {
    const f = validate(handReport('gov-2021', 2022, { 'appeals.review.upheld': 2, 'appeals.review.total': 1 })).findings;
    expect(f.map((x) => x.fix)).toEqual([{ cell: 'appeals.review.upheld', value: 1, resolves: 1 }]);
  });

  test('a cell in two failing relations: one change resolves both, on both findings', () => {
    // 商业企业 × 本年新收 is 2 with nothing else: its balance and its row both fail.
    const f = validate(handReport('gov-2021', 2022, { 'requests.new.business': 2 })).findings;
    expect(f.map((x) => [x.rule, x.fix])).toEqual([
      ['requests.row_sum', { cell: 'requests.new.business', value: 0, resolves: 2 }],
      ['requests.balance', { cell: 'requests.new.business', value: 0, resolves: 2 }],
    ]);
  });

  test('cross-year findings name only this year’s cells as the fix', () => {
    const previous = handReport('gov-2021', 2021, requestsTable({ legal: { results: { granted: 1 }, out: 2 } }));
    const current = handReport('gov-2021', 2022, requestsTable({ legal: { results: { granted: 3 }, in: 1 } }));
    const carry = validate(current, { previous }).findings.filter((x) => x.rule === 'crossyear.carry');
    expect(carry.map((x) => [x.cells, x.expected, x.actual])).toEqual([
      [['requests.carried_in.legal'], 1, 2],
      [['requests.carried_in.total'], 1, 2],
    ]);
    // Raising 上年结转 alone would break its row and its column balance.
    expect(carry.map((x) => x.fix)).toEqual([undefined, undefined]);
  });
});

describe('the cell that resolves the most findings is chosen', () => {
  test('上年结转 written where nothing was carried: changing it resolves the balances and the carry', () => {
    const previous = handReport('gov-2021', 2021, requestsTable({ legal: { results: { granted: 2 } } }));
    // 1 received, 1 granted, and 1 carried in that last year never carried out; the totals are live.
    const cells = { ...requestsTable({ legal: { results: { granted: 1 } } }), 'requests.carried_in.legal': 1, 'requests.carried_in.total': 1 };
    const f = validate(handReport('gov-2021', 2022, cells, { formulaCells: TOTALS, liveTotals: TOTALS }), { previous }).findings;
    expect(f.map((x) => [x.rule, x.cells[0], x.expected, x.actual])).toEqual([
      ['requests.balance', 'requests.carried_in.legal', 2, 1],
      ['requests.balance', 'requests.new.total', 2, 1],
      ['crossyear.carry', 'requests.carried_in.legal', 1, 0],
      ['crossyear.carry', 'requests.carried_in.total', 1, 0],
    ]);
    // 本年新收 → 0 would also balance the column, but would leave the carry wrong.
    expect(f[0].fix).toEqual({ cell: 'requests.carried_in.legal', value: 0, resolves: 4 });
    expect(f[2].fix).toEqual({ cell: 'requests.carried_in.legal', value: 0, resolves: 4 });
  });

  test('a change that also settles a failing ≤ relation counts it as resolved', () => {
    // 规章: 1 in force last year, 5 issued, none repealed, 3 in force: 1 + 5 − 0 ≠ 3, and 5 > 3 + 0.
    const previous = handReport('gov-2021', 2021, { 'proactive.rules.in_force': 1 });
    const current = handReport('gov-2021', 2022, { 'proactive.rules.issued': 5, 'proactive.rules.in_force': 3 });
    const f = validate(current, { previous }).findings;
    expect(f.map((x) => [x.rule, x.expected, x.actual])).toEqual([
      ['proactive.issued_le_stock', 5, 3],
      ['crossyear.in_force', 6, 3],
    ]);
    // 本年制发件数 2: 1 + 2 − 0 = 3 in force, and 2 ≤ 3. A ≤ relation never gets a fix of its own.
    expect(f.map((x) => x.fix)).toEqual([undefined, { cell: 'proactive.rules.issued', value: 2, resolves: 2 }]);
  });
});

describe('suggested values respect each cell’s kind (a made-up format with money and a signed change)', () => {
  const MADE_UP: FormatDef = {
    id: 'test-kinds',
    name: '测试格式',
    notice: '测试',
    years: { from: 2040 },
    yearHint: '2040 年度起用测试格式',
    tables: [
      {
        id: 'fees',
        layout: 'sections',
        title: '收费',
        shortTitle: '收费',
        labelHeader: '项目',
        sections: [
          {
            caption: '收费金额',
            columns: [
              { id: 'a', label: '甲', kind: 'money' },
              { id: 'b', label: '乙', kind: 'money' },
              { id: 'sum', label: '合计', kind: 'money' },
            ],
            rows: [{ id: 'x', label: '收费' }],
          },
          {
            caption: '事项',
            columns: [
              { id: 'prev', label: '上年' },
              { id: 'change', label: '增减', kind: 'signed' },
              { id: 'now', label: '本年' },
            ],
            rows: [{ id: 'items', label: '事项' }],
          },
        ],
      },
    ],
    relations: [
      { rule: 'fees.sum', severity: 'error', table: 'fees', each: { axis: 'row', ids: ['x'] }, left: ['a', 'b'], op: '=', right: ['sum'] },
      { rule: 'items.change', severity: 'error', table: 'fees', each: { axis: 'row', ids: ['items'] }, left: ['prev', 'change'], op: '=', right: ['now'] },
    ],
    shares: [],
    keyFigures: [],
    keyRates: [],
  };
  const registry = new FormatRegistry([MADE_UP]);
  const format = registry.byId('test-kinds')!;
  const report = (cells: Record<string, number>): Report => ({
    source: 'hand',
    office: '测试',
    year: 2040,
    format: format.id,
    readings: format.cells.map((c) => ({ value: cells[c.id] ?? 0, status: 'number' as const })),
  });
  const fixes = (cells: Record<string, number>) => validate(report(cells), { registry }).findings.map((f) => [f.rule, f.fix]);

  test('money may be fractional', () => {
    expect(fixes({ 'fees.x.a': 0.25, 'fees.x.b': 0.5, 'fees.x.sum': 1 })).toEqual([['fees.sum', { cell: 'fees.x.a', value: 0.5, resolves: 1 }]]);
  });

  test('money may not go below 0', () => {
    expect(fixes({ 'fees.x.b': 0.5 })).toEqual([['fees.sum', { cell: 'fees.x.b', value: 0, resolves: 1 }]]);
  });

  test('a signed change may go below 0; a count may not', () => {
    // 2 + 5 ≠ 1: 上年 would have to be −4, 增减 −1 is valid.
    expect(fixes({ 'fees.items.prev': 2, 'fees.items.change': 5, 'fees.items.now': 1 })).toEqual([['items.change', { cell: 'fees.items.change', value: -1, resolves: 1 }]]);
  });
});
