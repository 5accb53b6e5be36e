/**
 * Cell findings and the report's form: each rule's id, severity, cell and message for
 * one hand-made cell, and the year/format check. Messages follow spec/rules.md.
 */
import type { FormatId } from '../../src/formats/types';
import { FormatRegistry } from '../../src/formats';
import { GOV_2019 } from '../../src/formats/gov-2019';
import { GOV_2021 } from '../../src/formats/gov-2021';
import { countBySeverity, validate } from '../../src/rules/engine';
import { clipText, fixAction, relationMessage, shareMessage, yearMismatchMessage } from '../../src/rules/messages';
import type { Finding } from '../../src/model/finding';
import { DEPENDENT_TEXT } from '../../src/layout/sheet-report';
import { handReport } from '../helpers/hand-report';
import { UserError } from '../../src/model/user-error';

describe('one cell, one finding', () => {
  test.each([
    ['gov-2021', 'proactive.penalty.decisions', null, { rule: 'cell.blank', severity: 'warning', message: '「行政处罚」×「本年处理决定数量」为空白。法定表格要求没有数据时填 0，计算时按 0 处理。' }],
    [
      'gov-2021',
      'proactive.penalty.decisions',
      '若干',
      { rule: 'cell.not_number', severity: 'error', message: '「行政处罚」×「本年处理决定数量」的内容“若干”不是数字，未计入任何合计，相关勾稽关系无法核对。请改为数字。' },
    ],
    [
      'gov-2021',
      'proactive.fees.amount',
      '38.41 万',
      {
        rule: 'cell.unit_text',
        severity: 'warning',
        message: '「行政事业性收费」×「本年收费金额（单位：万元）」写作“38.41 万”，已读取为 38.41 万元，请确认单位无误，并在表中直接填写以万元为单位的数字。',
      },
    ],
    [
      'gov-2021',
      'proactive.licensing.decisions',
      '22（其中网上办理16件）',
      {
        rule: 'cell.annotated',
        severity: 'warning',
        message: '「行政许可」×「本年处理决定数量」写作“22（其中网上办理16件）”，已按 22（括号中的“其中网上办理16件”是说明，未计入） 读取。法定表格只填数字，请确认并把说明移到正文。',
      },
    ],
    ['gov-2021', 'proactive.coercion.decisions', '１２', { rule: 'cell.normalised', severity: 'info', message: '「行政强制」×「本年处理决定数量」写作“１２”，已读取为 12（已去除全角字符）。' }],
    ['gov-2021', 'proactive.coercion.decisions', -3, { rule: 'cell.negative', severity: 'error', message: '「行政强制」×「本年处理决定数量」为负数 -3，该项应为不小于 0 的件数。', actual: -3 }],
    ['gov-2021', 'proactive.coercion.decisions', 2.5, { rule: 'cell.not_integer', severity: 'error', message: '「行政强制」×「本年处理决定数量」为小数 2.5，该项应为整数件数。', actual: 2.5 }],
    ['gov-2019', 'proactive.procurement.projects', '-1', { rule: 'cell.negative', severity: 'error', message: '「政府集中采购」×「采购项目数量」为负数 -1，该项应为不小于 0 的件数。', actual: -1 }],
  ] as const)('%s %s = %p', (formatId, cell, value, finding) => {
    const r = handReport(formatId, formatId === 'gov-2019' ? 2020 : 2022, { [cell]: value });
    expect(validate(r).findings).toEqual([{ cells: [cell], ...finding }]);
  });

  test('a long unreadable text is cut in the message', () => {
    const text = '详见附件一《本机关二〇二二年度政府信息公开工作统计表》及其说明材料，共计三页内容，请查阅';
    expect(text.length).toBeGreaterThan(40);
    const [f] = validate(handReport('gov-2021', 2022, { 'proactive.penalty.decisions': text })).findings;
    expect(f.message).toBe(`「行政处罚」×「本年处理决定数量」的内容“${text.slice(0, 40)}…（共 ${text.length} 字）”不是数字，未计入任何合计，相关勾稽关系无法核对。请改为数字。`);
  });

  test('a negative count that is also fractional is reported once, as negative', () => {
    expect(validate(handReport('gov-2021', 2022, { 'proactive.penalty.decisions': -1.5 })).findings.map((f) => f.rule)).toEqual(['cell.negative']);
  });

  test('money may be fractional; the signed change may be negative', () => {
    expect(validate(handReport('gov-2021', 2022, { 'proactive.fees.amount': 0.123456 })).findings).toEqual([]);
    expect(validate(handReport('gov-2019', 2020, { 'proactive.procurement.amount': 12.5, 'proactive.fees.prev_items': 3, 'proactive.fees.change': -3 })).findings).toEqual([]);
  });

  test('a negative amount of money is still an error', () => {
    const f = validate(handReport('gov-2021', 2022, { 'proactive.fees.amount': -0.5 })).findings;
    expect(f.map((x) => [x.rule, x.severity, x.actual])).toEqual([['cell.negative', 'error', -0.5]]);
  });

  test('a fractional change is still an error', () => {
    const f = validate(handReport('gov-2019', 2020, { 'proactive.fees.prev_items': 3, 'proactive.fees.change': 0.5 })).findings;
    expect(f.map((x) => [x.rule, x.cells[0]])).toEqual([['cell.not_integer', 'proactive.fees.change']]);
  });

  test('a unit-text or normalised cell is still checked as a count', () => {
    const f = validate(handReport('gov-2021', 2022, { 'proactive.licensing.decisions': '2.5件' })).findings;
    expect(f.map((x) => x.rule)).toEqual(['cell.normalised', 'cell.not_integer']);
  });

  test('a total over an unreadable part is not reported again: the error is at the part', () => {
    const format = new FormatRegistry().byId('gov-2021')!;
    const withDependent = handReport('gov-2021', 2022, { 'requests.granted.natural': '若干' });
    withDependent.readings[format.index.get('requests.granted.total')!] = { value: null, status: 'invalid', raw: DEPENDENT_TEXT, dependsOn: ['requests.granted.natural'] };
    expect(validate(withDependent).findings.map((f) => `${f.rule} ${f.cells}`)).toEqual(['cell.not_number requests.granted.natural']);
  });
});

describe('format.missing_cells', () => {
  const format = new FormatRegistry().byId('gov-2021')!;
  const without = (ids: string[]) => {
    const r = handReport('gov-2021', 2022);
    for (const id of ids) r.readings[format.index.get(id)!] = undefined;
    return r;
  };

  test('up to 8 missing cells are all named', () => {
    const ids = ['appeals.review.upheld', 'appeals.review.corrected'];
    expect(validate(without(ids)).findings).toEqual([
      {
        rule: 'format.missing_cells',
        severity: 'error',
        cells: ids,
        message: '表格缺少 2 个单元格，未能读取：「行政复议」×「结果维持」、「行政复议」×「结果纠正」。请核对表格是否缺行、缺列。',
      },
    ]);
  });

  test('more than 8: the first 8 and 等', () => {
    const ids = format.cells
      .filter((c) => c.row === 'carried_out')
      .map((c) => c.id)
      .concat(['appeals.review.upheld', 'appeals.review.total']);
    expect(ids).toHaveLength(9);
    const [f] = validate(without(ids)).findings;
    expect(f.cells).toEqual(ids);
    expect(f.message).toBe(
      '表格缺少 9 个单元格，未能读取：「四、结转下年度」×「自然人」、「四、结转下年度」×「商业企业」、「四、结转下年度」×「科研机构」、「四、结转下年度」×「社会公益组织」、「四、结转下年度」×「法律服务机构」、「四、结转下年度」×「其他（法人或其他组织）」、「四、结转下年度」×「总计」、「行政复议」×「结果维持」 等。请核对表格是否缺行、缺列。',
    );
  });

  test('exactly 8 are all named, without 等', () => {
    const ids = format.cells
      .filter((c) => c.row === 'carried_out')
      .map((c) => c.id)
      .concat(['appeals.review.upheld']);
    const [f] = validate(without(ids)).findings;
    expect(f.message.endsWith('「行政复议」×「结果维持」。请核对表格是否缺行、缺列。')).toBe(true);
  });

  test('cells the importer already reported are not reported twice', () => {
    const imported: Finding = { rule: 'format.missing_cells', severity: 'error', cells: ['appeals.review.upheld'], message: '导入时未找到' };
    const r = { ...without(['appeals.review.upheld']), importFindings: [imported] };
    expect(validate(r).findings).toEqual([imported]);
  });

  test('a row printed undivided is reported by the importer; only the other missing cells are added', () => {
    const undivided: Finding = { rule: 'format.undivided_row', severity: 'error', cells: ['appeals.review.upheld'], message: '未分列' };
    const r = { ...without(['appeals.review.upheld', 'appeals.review.other']), importFindings: [undivided] };
    const f = validate(r).findings;
    expect(f.map((x) => [x.rule, x.cells])).toEqual([
      ['format.undivided_row', ['appeals.review.upheld']],
      ['format.missing_cells', ['appeals.review.other']],
    ]);
  });

  test('other import findings do not hide missing cells', () => {
    const drift: Finding = { rule: 'format.label_drift', severity: 'warning', cells: ['appeals.review.upheld'], message: '标签不同' };
    const r = { ...without(['appeals.review.upheld']), importFindings: [drift] };
    expect(validate(r).findings.map((x) => x.rule)).toEqual(['format.label_drift', 'format.missing_cells']);
  });
});

describe('format.year_mismatch', () => {
  test('the gov-2019 layout for a 2022 report', () => {
    expect(validate(handReport('gov-2019', 2022)).findings).toEqual([
      {
        rule: 'format.year_mismatch',
        severity: 'error',
        cells: [],
        message: '2022 年度报告应使用2021 年版格式，但本表使用的是2019 年版（试行）格式。请按 2022 年度的格式重新生成表格。',
      },
    ]);
  });

  test('the gov-2021 layout for 2020', () => {
    expect(validate(handReport('gov-2021', 2020)).findings.map((f) => f.rule)).toEqual(['format.year_mismatch']);
  });

  test('a year before any format', () => {
    expect(validate(handReport('gov-2019', 2018)).findings).toEqual([
      { rule: 'format.year_mismatch', severity: 'error', cells: [], message: '2018 年度没有法定表格格式：年度报告格式自 2019 年度起施行。请核对报告年度。' },
    ]);
  });

  // A format the registry does not know is no mismatch with the year: the report cannot be read at all.
  test('an unknown format id is refused as a failure, not reported as a finding', () => {
    const r = { ...handReport('gov-2021', 2022, { 'proactive.penalty.decisions': '若干' }), format: 'gov-2099' as FormatId };
    expect(() => validate(r)).toThrow(UserError);
    expect(() => validate(r)).toThrow('未知的表格格式“gov-2099”：本工具只认识2019 年版（试行）、2021 年版格式，无法校验。');
  });

  test('a registry passed in is the one used', () => {
    const only2019 = new FormatRegistry([GOV_2019]);
    expect(() => validate(handReport('gov-2021', 2022), { registry: only2019 })).toThrow('未知的表格格式“gov-2021”：本工具只认识2019 年版（试行）格式，无法校验。');
    const both = new FormatRegistry([GOV_2019, GOV_2021]);
    expect(validate(handReport('gov-2021', 2022), { registry: both }).findings).toEqual([]);
  });

  test('import findings come first, then the cells', () => {
    const drift: Finding = { rule: 'format.label_drift', severity: 'warning', cells: [], message: '标签不同' };
    const r = { ...handReport('gov-2021', 2022, { 'proactive.penalty.decisions': null }), importFindings: [drift] };
    expect(validate(r).findings.map((f) => f.rule)).toEqual(['format.label_drift', 'cell.blank']);
  });
});

describe('countBySeverity', () => {
  test('counts each severity', () => {
    const f = (severity: Finding['severity']): Finding => ({ rule: 'x', severity, cells: [], message: '' });
    expect(countBySeverity([f('error'), f('warning'), f('error'), f('info')])).toEqual({ error: 2, warning: 1, info: 1 });
    expect(countBySeverity([])).toEqual({ error: 0, warning: 0, info: 0 });
  });
});

describe('message wording', () => {
  test('a relation without a scope has no heading', () => {
    expect(relationMessage('', '=', 'a', 1, 'b', 2)).toBe('a = 1，应等于b = 2');
    expect(relationMessage('', '<=', 'a', 3, 'b', 2)).toBe('a = 3，不应大于b = 2');
    expect(relationMessage('', '<=', '0', 0, 'b', -2)).toBe('b = -2，不应小于 0');
  });

  test('a share of nothing is 0%', () => {
    const advice = GOV_2021.shares[0].advice;
    expect(shareMessage('「其他」', 1, '「总计」', 0, 0.1, advice)).toBe('「其他」为 1 件，占「总计」 0 件的 0%，超过 10%。请核实“其他处理”的归类是否准确。');
    expect(shareMessage('「其他」', 1, '「总计」', 3, 0.1, advice)).toContain('占「总计」 3 件的 33.3%，超过 10%');
  });

  test('clipText keeps up to the limit and says how long the text was', () => {
    expect(clipText('一二三', 3)).toBe('一二三');
    expect(clipText('一二三四', 3)).toBe('一二三…（共 4 字）');
    expect(clipText('a'.repeat(40))).toBe('a'.repeat(40));
    expect(clipText('a'.repeat(41))).toBe(`${'a'.repeat(40)}…（共 41 字）`);
  });

  test('yearMismatchMessage names the due format, or the first year', () => {
    expect(yearMismatchMessage(2018, 'X', undefined, 2019)).toBe('2018 年度没有法定表格格式：年度报告格式自 2019 年度起施行。请核对报告年度。');
    expect(yearMismatchMessage(2022, 'X', 'Y', 2019)).toBe('2022 年度报告应使用Y格式，但本表使用的是X格式。请按 2022 年度的格式重新生成表格。');
  });

  test('fixAction: a new value, or the formula restored', () => {
    expect(fixAction({ cell: 'c', value: 0, resolves: 3 }, '「（七）总计」×「社会公益组织」')).toBe('将「（七）总计」×「社会公益组织」改为 0');
    expect(fixAction({ cell: 'c', value: 12, resolves: 1, restoreFormula: true }, '「（七）总计」×「总计」')).toBe('恢复「（七）总计」×「总计」的合计公式（结果为 12）');
  });
});
