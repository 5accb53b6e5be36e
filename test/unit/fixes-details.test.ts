/**
 * Fix suggestions, the finer points, on one-row made-up tables: a ≤ relation with room to
 * spare, a change that moves a relation twice over, an overwritten total whose formula gives
 * a value other than 0, last year's cells in a cross-year relation, and a live total whose
 * own sum cannot be checked. The relations are evaluated here as the engine does (holds()),
 * then suggestFixes is called directly; expected fixes are worked out by hand.
 */
import { compileFormat, type CompiledFormat } from '../../src/formats/compile';
import type { RelationDef, SectionColumn } from '../../src/formats/types';
import type { Fix } from '../../src/model/finding';
import { holds } from '../../src/rules/engine';
import { suggestFixes, type Evaluated, type FixLimits } from '../../src/rules/fixes';

type Rel = Pick<RelationDef, 'rule' | 'left' | 'op' | 'right' | 'formula'>;

/** A made-up format of one row, t.x.<column>, with the relations given (each over that row). */
function table(columns: SectionColumn[], relations: Rel[]): CompiledFormat {
  return compileFormat({
    id: 'test-fixes',
    name: '测试格式',
    notice: '测试',
    years: { from: 2040 },
    yearHint: '2040 年度起用测试格式',
    tables: [{ id: 't', layout: 'sections', title: '测试表', shortTitle: '测试', labelHeader: '项目', sections: [{ caption: '数字', columns, rows: [{ id: 'x', label: '本行' }] }] }],
    relations: relations.map((r) => ({ severity: 'error', table: 't', each: { axis: 'row', ids: ['x'] }, ...r })),
    shares: [],
    keyFigures: [],
    keyRates: [],
  });
}

const id = (column: string) => `t.x.${column}`;

/**
 * Evaluates every relation as the engine does (skipping one that touches an unreadable cell,
 * NaN here), gives each failing one a finding, suggests fixes and returns each failing rule's fix.
 */
function fixes(format: CompiledFormat, values: Record<string, number>, options: { previous?: Record<string, number>; limits?: FixLimits } = {}): [string, Fix | undefined][] {
  const vector = (v: Record<string, number>) => Float64Array.from(format.cells.map((c) => v[c.column] ?? 0));
  const cur = vector(values);
  const prev = vector(options.previous ?? {});
  const side = (terms: Evaluated['rel']['left']) => terms.reduce((s, t) => s + t.coef * (t.previous ? prev : cur)[t.index], 0);
  const evaluated: Evaluated[] = [];
  for (const rel of format.relations) {
    const [L, R] = [side(rel.left), side(rel.right)];
    if (Number.isNaN(L) || Number.isNaN(R)) continue;
    const ok = holds(rel.op, L, R);
    const cells = [...rel.left, ...rel.right].filter((t) => !t.previous).map((t) => format.cells[t.index].id);
    evaluated.push({ rel, L, R, ok, ...(ok ? {} : { finding: { rule: rel.rule, severity: 'error' as const, cells, message: '' } }) });
  }
  suggestFixes(format, cur, evaluated, options.limits);
  return evaluated.filter((ev) => !ev.ok).map((ev) => [ev.rel.rule, ev.finding!.fix]);
}

describe('a ≤ relation the changed cell takes part in', () => {
  // 甲 + 乙 = 合计, and 甲 may not exceed 上限.
  const format = table(
    [
      { id: 'a', label: '甲' },
      { id: 'b', label: '乙' },
      { id: 'sum', label: '合计' },
      { id: 'cap', label: '上限' },
    ],
    [
      { rule: 'sum', left: ['a', 'b'], op: '=', right: ['sum'] },
      { rule: 'cap', left: ['a'], op: '<=', right: ['cap'] },
    ],
  );

  test('with room to spare after the change, or exactly met, it does not stand in the way', () => {
    // 1 + 1 ≠ 3: 甲 → 2 is still under 5, and exactly 2 ≤ 2.
    expect(fixes(format, { a: 1, b: 1, sum: 3, cap: 5 })).toEqual([['sum', { cell: id('a'), value: 2, resolves: 1 }]]);
    expect(fixes(format, { a: 1, b: 1, sum: 3, cap: 2 })).toEqual([['sum', { cell: id('a'), value: 2, resolves: 1 }]]);
  });

  test('when the change would break it, the next cell is suggested instead', () => {
    // 甲 → 2 would exceed 上限 1; 乙 → 2 breaks nothing.
    expect(fixes(format, { a: 1, b: 1, sum: 3, cap: 1 })).toEqual([['sum', { cell: id('b'), value: 2, resolves: 1 }]]);
  });

  test('a failing ≤ relation on its own gets no fix', () => {
    expect(fixes(format, { a: 3, b: 0, sum: 3, cap: 1 })).toEqual([['cap', undefined]]);
  });
});

describe('a cell whose live subtotal sits on the same side of a relation', () => {
  // 小计 = 甲 + 乙 is a live formula; the check counts 甲 and 小计 against 核对数.
  const format = table(
    [
      { id: 'a', label: '甲' },
      { id: 'b', label: '乙' },
      { id: 'sub', label: '小计' },
      { id: 'check', label: '核对数' },
    ],
    [
      { rule: 'sub', left: ['a', 'b'], op: '=', right: ['sub'], formula: true },
      { rule: 'check', left: ['a', 'sub'], op: '=', right: ['check'] },
    ],
  );

  test('moves the relation by two per unit, so the cell changes by half the difference', () => {
    // 1 + 1 ≠ 4: 甲 → 2 makes 小计 2 as well, and 2 + 2 = 4.
    const limits = { formulaCells: [id('sub')], liveTotals: [id('sub')] };
    expect(fixes(format, { a: 1, b: 0, sub: 1, check: 4 }, { limits })).toEqual([['check', { cell: id('a'), value: 2, resolves: 1 }]]);
  });
});

describe('an overwritten total', () => {
  // 合计 = 甲 + 乙 by formula, and 合计 must equal 另报合计 reported elsewhere.
  const format = table(
    [
      { id: 'a', label: '甲' },
      { id: 'b', label: '乙' },
      { id: 'total', label: '合计' },
      { id: 'other', label: '另报合计' },
    ],
    [
      { rule: 'total', left: ['a', 'b'], op: '=', right: ['total'], formula: true },
      { rule: 'other', left: ['total'], op: '=', right: ['other'] },
    ],
  );
  const limits = { overwrittenTotals: [id('total')] };

  test('is restored to what its formula gives (3 here), which resolves both findings', () => {
    // 合计 written as 5 over 2 + 1; 另报合计 says 3.
    const restore = { cell: id('total'), value: 3, resolves: 2, restoreFormula: true };
    expect(fixes(format, { a: 2, b: 1, total: 5, other: 3 }, { limits })).toEqual([
      ['total', restore],
      ['other', restore],
    ]);
  });

  test('is not restored when its formula would not give the value the other relation needs', () => {
    // 另报合计 says 4, the formula gives 3: 甲 → 4 makes the formula give the written 5, and 另报合计 → 5 agrees with it.
    expect(fixes(format, { a: 2, b: 1, total: 5, other: 4 }, { limits })).toEqual([
      ['total', { cell: id('a'), value: 4, resolves: 1 }],
      ['other', { cell: id('other'), value: 5, resolves: 1 }],
    ]);
  });

  test('is not restored when one of its parts is unreadable: what the formula gives is unknown', () => {
    // 乙 read as text (NaN): the sum is not checked, and 另报合计 → 5 is the one change known to resolve 5 ≠ 3.
    expect(fixes(format, { a: 2, b: NaN, total: 5, other: 3 }, { limits })).toEqual([['other', { cell: id('other'), value: 5, resolves: 1 }]]);
  });
});

describe('a cross-year relation', () => {
  // 新收 + 上年结转 = 办结 + 结转下年; 上年结转 = last year's 结转下年. 办结 holds a formula.
  const format = table(
    [
      { id: 'new', label: '新收' },
      { id: 'in', label: '上年结转' },
      { id: 'done', label: '办结' },
      { id: 'out', label: '结转下年' },
    ],
    [
      { rule: 'balance', left: ['new', 'in'], op: '=', right: ['done', 'out'] },
      { rule: 'carry', left: ['in'], op: '=', right: [{ id: 'out', previous: true }] },
    ],
  );

  test("names last year's 结转下年, which this year's change does not move: it does not hold back a change of this year's", () => {
    // 0 + 3 ≠ 1 + 1, and 3 carried in where last year carried out 0. 新收 would have to be −1,
    // 上年结转 → 2 leaves the carry wrong; 结转下年 → 2 balances the row.
    const limits = { formulaCells: [id('done')] };
    expect(fixes(format, { new: 0, in: 3, done: 1, out: 1 }, { previous: { out: 0 }, limits })).toEqual([
      ['balance', { cell: id('out'), value: 2, resolves: 1 }],
      ['carry', undefined],
    ]);
  });
});

describe('a live total whose own sum cannot be checked', () => {
  // 小计 = 甲 + 乙 is live, 乙 is unreadable (so 小计 is too); 甲 must equal 丙.
  const format = table(
    [
      { id: 'a', label: '甲' },
      { id: 'b', label: '乙' },
      { id: 'sub', label: '小计' },
      { id: 'c', label: '丙' },
    ],
    [
      { rule: 'sub', left: ['a', 'b'], op: '=', right: ['sub'], formula: true },
      { rule: 'same', left: ['a'], op: '=', right: ['c'] },
    ],
  );

  test('does not stop a fix to one of its parts', () => {
    const limits = { formulaCells: [id('sub')], liveTotals: [id('sub')] };
    expect(fixes(format, { a: 2, b: NaN, sub: NaN, c: 3 }, { limits })).toEqual([['same', { cell: id('a'), value: 3, resolves: 1 }]]);
  });
});
