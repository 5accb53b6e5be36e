/**
 * A made-up third version, for tests only, shaped unlike the two shipped ones: a section of
 * four columns, a requests table of eight columns whose applicant group has an id (its cells
 * are requests.<row>.org.<column>), and one more key figure for the overview. It is data only:
 * nothing in the engine knows it.
 */
import { APPEALS_TABLE, KEY_RATES, SHARED_KEY_FIGURES } from '../../src/formats/statutory-parts';
import type { FormatDef, HeaderNode, MatrixRow } from '../../src/formats/types';

const ORG = ['business', 'research', 'nonprofit', 'legal', 'individual', 'org_other'];

const APPLICANTS: HeaderNode[] = [
  {
    label: '申请人情况',
    children: [
      { label: '自然人', id: 'natural' },
      {
        label: '法人或其他组织',
        id: 'org',
        children: [
          { label: '商业企业', id: 'business' },
          { label: '科研机构', id: 'research' },
          { label: '社会公益组织', id: 'nonprofit' },
          { label: '法律服务机构', id: 'legal' },
          { label: '个体工商户', id: 'individual' },
          { label: '其他', id: 'org_other', short: '其他（法人或其他组织）' },
        ],
      },
      { label: '总计', id: 'total' },
    ],
  },
];

const RESULTS = '三、本年度办理结果';
const DENIED = '（三）不予公开';

const ROWS: MatrixRow[] = [
  { id: 'new', path: ['一、本年新收政府信息公开申请数量'], short: '一、本年新收' },
  { id: 'carried_in', path: ['二、上年结转政府信息公开申请数量'], short: '二、上年结转' },
  { id: 'granted', path: [RESULTS, '（一）予以公开'], short: '（一）予以公开' },
  { id: 'partial', path: [RESULTS, '（二）部分公开'], short: '（二）部分公开' },
  { id: 'denied.secret', path: [RESULTS, DENIED, '1.属于国家秘密'], short: `${DENIED}／1.属于国家秘密` },
  { id: 'denied.other', path: [RESULTS, DENIED, '2.其他依法不予公开情形'], short: `${DENIED}／2.其他依法不予公开情形` },
  { id: 'other', path: [RESULTS, '（四）其他处理'], short: '（四）其他处理' },
  { id: 'total', path: [RESULTS, '（五）总计'], short: '（五）总计' },
  { id: 'carried_out', path: ['四、结转下年度继续办理'], short: '四、结转下年度' },
];

export const RESULT_ROWS = ['granted', 'partial', 'denied.secret', 'denied.other', 'other'];
export const APPLICANT_COLUMNS = ['natural', ...ORG.map((c) => `org.${c}`)];

export const TEST_2030: FormatDef = {
  id: 'test-2030',
  name: '2030 年版（测试）',
  notice: '测试通知',
  years: { from: 2030 },
  yearHint: '2030 年度起用测试格式',
  tables: [
    {
      id: 'proactive',
      layout: 'sections',
      title: '二、主动公开政府信息情况',
      shortTitle: '主动公开',
      labelHeader: '信息内容',
      sections: [
        {
          caption: '第二十条第（一）项',
          columns: [
            { id: 'issued', label: '本年制发件数' },
            { id: 'revised', label: '本年修订件数' },
            { id: 'repealed', label: '本年废止件数' },
            { id: 'in_force', label: '现行有效件数' },
          ],
          rows: [
            { id: 'rules', label: '规章' },
            { id: 'normative', label: '行政规范性文件' },
          ],
        },
        {
          caption: '第二十条第（五）项',
          columns: [{ id: 'decisions', label: '本年处理决定数量' }],
          rows: [{ id: 'licensing', label: '行政许可' }],
        },
        {
          caption: '第二十条第（八）项',
          columns: [{ id: 'amount', label: '本年收费金额（单位：万元）', kind: 'money' }],
          rows: [{ id: 'fees', label: '行政事业性收费' }],
        },
      ],
    },
    {
      id: 'requests',
      layout: 'matrix',
      title: '三、收到和处理政府信息公开申请情况',
      shortTitle: '依申请公开',
      corner: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
      columns: APPLICANTS,
      rows: ROWS,
    },
    APPEALS_TABLE,
  ],
  relations: [
    { rule: 'requests.row_sum', severity: 'error', table: 'requests', each: { axis: 'row' }, left: APPLICANT_COLUMNS, op: '=', right: ['total'], formula: true },
    { rule: 'requests.results_sum', severity: 'error', table: 'requests', each: { axis: 'column' }, left: RESULT_ROWS, op: '=', right: ['total'], formula: true },
    { rule: 'requests.balance', severity: 'error', table: 'requests', each: { axis: 'column' }, left: ['new', 'carried_in'], op: '=', right: ['total', 'carried_out'] },
    {
      rule: 'appeals.group_sum',
      severity: 'error',
      table: 'appeals',
      each: { axis: 'row', ids: ['review', 'suit_direct', 'suit_after_review'] },
      left: ['upheld', 'corrected', 'other', 'pending'],
      op: '=',
      right: ['total'],
      formula: true,
    },
  ],
  shares: [],
  keyFigures: [
    ...SHARED_KEY_FIGURES,
    { label: '规范性文件', sum: ['proactive.normative.issued'] },
    { label: '收费（万元）', sum: ['proactive.fees.amount'], money: true },
    { label: '现行有效规范性文件', sum: ['proactive.normative.in_force'] },
  ],
  keyRates: KEY_RATES,
};

/** Values that keep every relation, from a seed. */
export function cells2030(seed: number): Record<string, number> {
  let a = seed;
  const next = (n: number) => {
    a = (a * 1103515245 + 12345) % 2147483648;
    return a % n;
  };
  const v: Record<string, number> = {};
  for (const row of ['rules', 'normative']) for (const col of ['issued', 'revised', 'repealed', 'in_force']) v[`proactive.${row}.${col}`] = next(30);
  v['proactive.licensing.decisions'] = next(500);
  v['proactive.fees.amount'] = next(100000) / 100;
  const rows = ['new', 'carried_in', ...RESULT_ROWS, 'total', 'carried_out'];
  for (const col of APPLICANT_COLUMNS) {
    let total = 0;
    for (const row of RESULT_ROWS) total += v[`requests.${row}.${col}`] = next(9);
    v[`requests.total.${col}`] = total;
    const out = next(4);
    const carriedIn = next(total + out + 1);
    v[`requests.carried_out.${col}`] = out;
    v[`requests.carried_in.${col}`] = carriedIn;
    v[`requests.new.${col}`] = total + out - carriedIn;
  }
  for (const row of rows) v[`requests.${row}.total`] = APPLICANT_COLUMNS.reduce((s, c) => s + v[`requests.${row}.${c}`], 0);
  for (const g of ['review', 'suit_direct', 'suit_after_review']) {
    let t = 0;
    for (const c of ['upheld', 'corrected', 'other', 'pending']) t += v[`appeals.${g}.${c}`] = next(5);
    v[`appeals.${g}.total`] = t;
  }
  return v;
}
