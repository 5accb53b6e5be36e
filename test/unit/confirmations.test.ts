/**
 * Stored confirmations (出错说明) arrive inside submitted files. They may silence a
 * warning the office confirmed, never an error and never a note, and only the finding
 * they are keyed to.
 */
import { consolidate } from '../../src/consolidate/consolidate';
import { formats } from '../../src/formats';
import { reportFromJson } from '../../src/model/report-json';
import { validate } from '../../src/rules/engine';
import { findingKey } from '../../src/model/finding';
import { handReport, requestsTable } from '../helpers/hand-report';

// Keys written by hand: rule id, a colon, the cell ids sorted and joined by commas.
const STOCK_KEY = 'proactive.issued_le_stock:proactive.normative.in_force,proactive.normative.issued,proactive.normative.repealed';
const FLOOR_KEY = 'proactive.change_floor:proactive.licensing.change,proactive.licensing.prev_items';

describe('findingKey', () => {
  test('is the rule and the sorted cells, and leaves the finding’s own order alone', () => {
    const cells = ['b.z', 'a.y', 'c.x'];
    expect(findingKey({ rule: 'r.x', cells })).toBe('r.x:a.y,b.z,c.x');
    expect(cells).toEqual(['b.z', 'a.y', 'c.x']);
    expect(findingKey({ rule: 'r.x', cells: [] })).toBe('r.x:');
  });
});

describe('a confirmed warning is moved aside with its explanation', () => {
  const stock = { 'proactive.normative.issued': 6, 'proactive.normative.in_force': 3, 'proactive.normative.repealed': 2 };

  test('the warning leaves the findings and keeps its cells in their order', () => {
    const r = handReport('gov-2021', 2022, stock, { confirmed: { [STOCK_KEY]: '另有 1 件已失效未废止' } });
    const v = validate(r);
    expect(v.findings).toEqual([]);
    expect(v.confirmed).toEqual([
      {
        finding: {
          rule: 'proactive.issued_le_stock',
          severity: 'warning',
          cells: ['proactive.normative.issued', 'proactive.normative.in_force', 'proactive.normative.repealed'],
          message: '「行政规范性文件」行：本年制发件数 = 6，不应大于现行有效件数 + 本年废止件数 = 5',
          expected: 6,
          actual: 5,
        },
        explanation: '另有 1 件已失效未废止',
      },
    ]);
  });

  test('an empty explanation still counts as stored', () => {
    const v = validate(handReport('gov-2021', 2022, stock, { confirmed: { [STOCK_KEY]: '' } }));
    expect(v.findings).toEqual([]);
    expect(v.confirmed.map((c) => [c.finding.rule, c.explanation])).toEqual([['proactive.issued_le_stock', '']]);
  });

  test('a confirmation keyed to another row silences nothing', () => {
    const other = STOCK_KEY.replace(/normative/g, 'rules');
    const v = validate(handReport('gov-2021', 2022, stock, { confirmed: { [other]: '说明' } }));
    expect(v.findings.map((f) => f.rule)).toEqual(['proactive.issued_le_stock']);
    expect(v.confirmed).toEqual([]);
  });

  test('a confirmed blank is silenced; an unconfirmed blank beside it is not', () => {
    const r = handReport('gov-2021', 2022, { 'appeals.review.upheld': null, 'appeals.review.pending': null }, { confirmed: { 'cell.blank:appeals.review.upheld': '本年无此类案件' } });
    const v = validate(r);
    expect(v.findings.map((f) => `${f.rule} ${f.cells}`)).toEqual(['cell.blank appeals.review.pending']);
    expect(v.confirmed.map((c) => `${c.finding.rule} ${c.finding.cells} ${c.explanation}`)).toEqual(['cell.blank appeals.review.upheld 本年无此类案件']);
  });
});

describe('a confirmation keyed to an error does not hide it', () => {
  test('proactive.change_floor stays an error', () => {
    const r = handReport('gov-2019', 2020, { 'proactive.licensing.prev_items': 5, 'proactive.licensing.change': -6 }, { confirmed: { [FLOOR_KEY]: '已核实' } });
    const v = validate(r);
    expect(v.findings.map((f) => [f.rule, f.severity])).toEqual([['proactive.change_floor', 'error']]);
    expect(v.confirmed).toEqual([]);
  });

  test('requests.balance and cell.not_number stay errors', () => {
    const cells = { ...requestsTable({ natural: { results: { granted: 3 } } }), 'requests.new.natural': 4, 'proactive.penalty.decisions': '若干' };
    const confirmed = {
      'requests.balance:requests.carried_in.natural,requests.carried_out.natural,requests.new.natural,requests.total.natural': '已核实',
      'cell.not_number:proactive.penalty.decisions': '见附件',
    };
    const v = validate(handReport('gov-2021', 2022, cells, { confirmed }));
    const errors = v.findings.map((f) => [f.rule, f.severity, findingKey(f)]);
    expect(errors).toEqual(
      expect.arrayContaining([
        ['cell.not_number', 'error', 'cell.not_number:proactive.penalty.decisions'],
        ['requests.balance', 'error', 'requests.balance:requests.carried_in.natural,requests.carried_out.natural,requests.new.natural,requests.total.natural'],
      ]),
    );
    expect(v.confirmed).toEqual([]);
  });

  test('a note (info) is not a warning either: it cannot be confirmed away', () => {
    const previous = handReport('gov-2019', 2020);
    const v = validate(handReport('gov-2021', 2021, {}, { confirmed: { 'crossyear.format_switch:': '知道了' } }), { previous });
    expect(v.findings.map((f) => [f.rule, f.severity])).toEqual([['crossyear.format_switch', 'info']]);
    expect(v.confirmed).toEqual([]);
  });

  test('from a submitted JSON report: the error is kept and the member counts as invalid in consolidation', () => {
    const json = (office: string, confirmed: Record<string, string>) => ({
      office,
      year: 2020,
      format: 'gov-2019',
      cells: { ...Object.fromEntries(formats.byId('gov-2019')!.cells.map((c) => [c.id, 0])), 'proactive.licensing.prev_items': 5, 'proactive.licensing.change': -6 },
      confirmed,
    });
    const a = reportFromJson(json('甲局', { [FLOOR_KEY]: '已核实，无误' }), 'a.json', formats);
    expect(validate(a).findings.map((f) => f.rule)).toEqual(['proactive.change_floor']);
    const b = handReport('gov-2019', 2020, {}, { office: '乙局' });
    const result = consolidate([a, b], { office: '某县' });
    expect(result.ok).toBe(true);
    expect(result.members.map((m) => [m.report.office, m.errors, m.confirmed.length])).toEqual([
      ['甲局', 1, 0],
      ['乙局', 0, 0],
    ]);
    expect(result.findings.map((f) => [f.rule, f.severity])).toEqual([['summary.member_invalid', 'warning']]);
    expect(result.findings[0].message).toBe('成员「甲局」有 1 个错误，汇总数已照原数相加，错误会带入汇总表。请该单位改正后重新汇总。');
  });
});
