import type { FormatDef } from './types';
import {
  APPEALS_TABLE,
  DECISION_FIGURES,
  KEY_RATES,
  DENIED_TO_REJECTED,
  OTHER_HANDLING,
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

const ITEM_COLUMNS = [
  { id: 'prev_items', label: '上一年项目数量' },
  { id: 'change', label: '本年增/减', kind: 'signed' as const },
  { id: 'decisions', label: '处理决定数量' },
];

/** 国办公开办函〔2019〕60号《中华人民共和国政府信息公开工作年度报告格式（试行）》 */
export const GOV_2019: FormatDef = {
  id: 'gov-2019',
  name: '2019 年版（试行）',
  notice: '国办公开办函〔2019〕60号',
  years: { from: 2019, to: 2020 },
  yearHint: '2019、2020 年度用试行格式',
  tables: [
    {
      id: 'proactive',
      layout: 'sections',
      ...PROACTIVE_TITLES,
      sections: [
        {
          caption: '第二十条第（一）项',
          columns: [
            { id: 'made', label: '本年新制作数量' },
            { id: 'published', label: '本年新公开数量' },
            { id: 'public_total', label: '对外公开总数量' },
          ],
          rows: [
            { id: 'rules', label: '规章' },
            { id: 'normative', label: '规范性文件' },
          ],
        },
        {
          caption: '第二十条第（五）项',
          columns: ITEM_COLUMNS,
          rows: [
            { id: 'licensing', label: '行政许可' },
            { id: 'other_services', label: '其他对外管理服务事项' },
          ],
        },
        {
          caption: '第二十条第（六）项',
          columns: ITEM_COLUMNS,
          rows: [
            { id: 'penalty', label: '行政处罚' },
            { id: 'coercion', label: '行政强制' },
          ],
        },
        {
          caption: '第二十条第（八）项',
          columns: ITEM_COLUMNS.slice(0, 2),
          rows: [{ id: 'fees', label: '行政事业性收费' }],
        },
        {
          caption: '第二十条第（九）项',
          columns: [
            { id: 'projects', label: '采购项目数量' },
            { id: 'amount', label: '采购总金额', kind: 'money' },
          ],
          rows: [{ id: 'procurement', label: '政府集中采购' }],
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
      rows: [...REQUEST_ROWS_HEAD, { id: 'other', path: ['三、本年度办理结果', OTHER_HANDLING], short: OTHER_HANDLING }, ...REQUEST_ROWS_TAIL],
    },
    APPEALS_TABLE,
  ],
  relations: [
    ...sharedRelations([...DENIED_TO_REJECTED, 'other']),
    {
      rule: 'proactive.change_floor',
      severity: 'error',
      table: 'proactive',
      each: { axis: 'row', ids: ['licensing', 'other_services', 'penalty', 'coercion', 'fees'] },
      left: [],
      op: '<=',
      right: ['prev_items', 'change'],
    },
    {
      rule: 'proactive.published_le_total',
      severity: 'warning',
      table: 'proactive',
      each: { axis: 'row', ids: ['rules', 'normative'] },
      left: ['published'],
      op: '<=',
      right: ['public_total'],
    },
    {
      rule: 'crossyear.prev_items',
      severity: 'warning',
      table: 'proactive',
      each: { axis: 'row', ids: ['licensing', 'other_services', 'penalty', 'coercion', 'fees'] },
      left: [
        { id: 'prev_items', previous: true },
        { id: 'change', previous: true },
      ],
      op: '=',
      right: ['prev_items'],
    },
    {
      rule: 'crossyear.public_total',
      severity: 'warning',
      table: 'proactive',
      each: { axis: 'row', ids: ['rules', 'normative'] },
      left: [{ id: 'public_total', previous: true }, 'published'],
      op: '=',
      right: ['public_total'],
    },
  ],
  shares: [otherShare(['other.total'])],
  keyFigures: [...SHARED_KEY_FIGURES, { label: '规范性文件', sum: ['proactive.normative.made'] }, ...DECISION_FIGURES],
  keyRates: KEY_RATES,
};
