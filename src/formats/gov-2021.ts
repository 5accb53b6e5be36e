import type { FormatDef } from './types';
import {
  APPEALS_TABLE,
  DECISION_FIGURES,
  KEY_RATES,
  DENIED_TO_REJECTED,
  otherLeaf,
  REQUEST_COLUMNS,
  REQUEST_ROWS_HEAD,
  otherShare,
  PROACTIVE_TITLES,
  REQUEST_ROWS_TAIL,
  REQUESTS_CORNER,
  REQUESTS_SHORT_TITLE,
  REQUESTS_TITLE,
  SHARED_KEY_FIGURES,
  sharedRelations,
} from './statutory-parts';

const DECISIONS = [{ id: 'decisions', label: '本年处理决定数量' }];

/** 国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》 */
export const GOV_2021: FormatDef = {
  id: 'gov-2021',
  name: '2021 年版',
  notice: '国办公开办函〔2021〕30号',
  years: { from: 2021 },
  yearHint: '2021 年度起用新格式',
  tables: [
    {
      id: 'proactive',
      layout: 'sections',
      ...PROACTIVE_TITLES,
      sections: [
        {
          caption: '第二十条第（一）项',
          columns: [
            { id: 'issued', label: '本年制发件数' },
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
          columns: DECISIONS,
          rows: [{ id: 'licensing', label: '行政许可' }],
        },
        {
          caption: '第二十条第（六）项',
          columns: DECISIONS,
          rows: [
            { id: 'penalty', label: '行政处罚' },
            { id: 'coercion', label: '行政强制' },
          ],
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
      title: REQUESTS_TITLE,
      shortTitle: REQUESTS_SHORT_TITLE,
      corner: REQUESTS_CORNER,
      columns: REQUEST_COLUMNS,
      rows: [
        ...REQUEST_ROWS_HEAD,
        otherLeaf('other.no_correction', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'),
        otherLeaf('other.unpaid', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'),
        otherLeaf('other.misc', '3.其他'),
        ...REQUEST_ROWS_TAIL,
      ],
    },
    APPEALS_TABLE,
  ],
  relations: [
    ...sharedRelations([...DENIED_TO_REJECTED, 'other.no_correction', 'other.unpaid', 'other.misc']),
    {
      rule: 'proactive.issued_le_stock',
      severity: 'warning',
      table: 'proactive',
      each: { axis: 'row', ids: ['rules', 'normative'] },
      left: ['issued'],
      op: '<=',
      right: ['in_force', 'repealed'],
    },
    {
      rule: 'crossyear.in_force',
      severity: 'warning',
      table: 'proactive',
      each: { axis: 'row', ids: ['rules', 'normative'] },
      left: [{ id: 'in_force', previous: true }, 'issued', { id: 'repealed', sign: -1 }],
      op: '=',
      right: ['in_force'],
    },
  ],
  shares: [otherShare(['other.misc.total'])],
  keyFigures: [...SHARED_KEY_FIGURES, { label: '规范性文件', sum: ['proactive.normative.issued'] }, ...DECISION_FIGURES, { label: '收费（万元）', sum: ['proactive.fees.amount'], money: true }],
  keyRates: KEY_RATES,
};
