/**
 * Statutory pieces shared word for word by gov-2019 and gov-2021:
 * the requests table's columns and most rows, and the appeals table.
 */
import type { HeaderNode, HeaderRowTable, KeyFigureDef, KeyRateDef, MatrixRow, RelationDef, ShareDef } from './types';

export const REQUEST_COLUMNS: HeaderNode[] = [
  {
    label: '申请人情况',
    children: [
      { label: '自然人', id: 'natural' },
      {
        label: '法人或其他组织',
        children: [
          { label: '商业企业', id: 'business' },
          { label: '科研机构', id: 'research' },
          { label: '社会公益组织', id: 'nonprofit' },
          { label: '法律服务机构', id: 'legal' },
          { label: '其他', id: 'org_other', short: '其他（法人或其他组织）' },
        ],
      },
      { label: '总计', id: 'total' },
    ],
  },
];

export const PROACTIVE_TITLES = { title: '二、主动公开政府信息情况', shortTitle: '主动公开', labelHeader: '信息内容' };
export const REQUESTS_TITLE = '三、收到和处理政府信息公开申请情况';
export const REQUESTS_SHORT_TITLE = '依申请公开';
export const REQUESTS_CORNER = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

const RESULTS = '三、本年度办理结果';
const DENIED = '（三）不予公开';
const UNABLE = '（四）无法提供';
const REJECTED = '（五）不予处理';

function leaf(id: string, parent: string, label: string): MatrixRow {
  return { id, path: [RESULTS, parent, label], short: `${parent}／${label}` };
}

export const REQUEST_ROWS_HEAD: MatrixRow[] = [
  { id: 'new', path: ['一、本年新收政府信息公开申请数量'], short: '一、本年新收' },
  { id: 'carried_in', path: ['二、上年结转政府信息公开申请数量'], short: '二、上年结转' },
  { id: 'granted', path: [RESULTS, '（一）予以公开'], short: '（一）予以公开' },
  {
    id: 'partial',
    path: [RESULTS, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'],
    short: '（二）部分公开',
  },
  leaf('denied.secret', DENIED, '1.属于国家秘密'),
  leaf('denied.law', DENIED, '2.其他法律行政法规禁止公开'),
  leaf('denied.security', DENIED, '3.危及“三安全一稳定”'),
  leaf('denied.third_party', DENIED, '4.保护第三方合法权益'),
  leaf('denied.internal', DENIED, '5.属于三类内部事务信息'),
  leaf('denied.process', DENIED, '6.属于四类过程性信息'),
  leaf('denied.enforcement', DENIED, '7.属于行政执法案卷'),
  leaf('denied.query', DENIED, '8.属于行政查询事项'),
  leaf('unable.not_held', UNABLE, '1.本机关不掌握相关政府信息'),
  leaf('unable.needs_creation', UNABLE, '2.没有现成信息需要另行制作'),
  leaf('unable.unclear', UNABLE, '3.补正后申请内容仍不明确'),
  leaf('rejected.petition', REJECTED, '1.信访举报投诉类申请'),
  leaf('rejected.repeat', REJECTED, '2.重复申请'),
  leaf('rejected.publication', REJECTED, '3.要求提供公开出版物'),
  leaf('rejected.excessive', REJECTED, '4.无正当理由大量反复申请'),
  leaf('rejected.confirm', REJECTED, '5.要求行政机关确认或重新出具已获取信息'),
];

export const OTHER_HANDLING = '（六）其他处理';

export function otherLeaf(id: string, label: string): MatrixRow {
  return leaf(id, OTHER_HANDLING, label);
}

export const REQUEST_ROWS_TAIL: MatrixRow[] = [
  { id: 'total', path: [RESULTS, '（七）总计'], short: '（七）总计' },
  { id: 'carried_out', path: ['四、结转下年度继续办理'], short: '四、结转下年度' },
];

const APPEAL_LEAVES: HeaderNode[] = [
  { label: '结果维持', id: 'upheld' },
  { label: '结果纠正', id: 'corrected' },
  { label: '其他结果', id: 'other' },
  { label: '尚未审结', id: 'pending' },
  { label: '总计', id: 'total' },
];

export const APPEALS_TABLE: HeaderRowTable = {
  id: 'appeals',
  layout: 'header-row',
  title: '四、政府信息公开行政复议、行政诉讼情况',
  shortTitle: '复议诉讼',
  // Printed titles vary around the two words: 「行政复议、行政诉讼情况」「政府信息公开行政复议和行政诉讼情况」.
  titleCue: { words: ['行政复议', '行政诉讼'], end: '情况' },
  columns: [
    { label: '行政复议', id: 'review', children: APPEAL_LEAVES },
    {
      label: '行政诉讼',
      children: [
        { label: '未经复议直接起诉', id: 'suit_direct', children: APPEAL_LEAVES },
        { label: '复议后起诉', id: 'suit_after_review', children: APPEAL_LEAVES },
      ],
    },
  ],
};

const APPLICANTS = ['natural', 'business', 'research', 'nonprofit', 'legal', 'org_other'];

/** Relations of the requests and appeals tables; `resultRows` differ between versions. */
export function sharedRelations(resultRows: string[]): RelationDef[] {
  return [
    {
      rule: 'requests.row_sum',
      severity: 'error',
      table: 'requests',
      each: { axis: 'row' },
      left: APPLICANTS,
      op: '=',
      right: ['total'],
      formula: true,
      leftLabel: '自然人至其他（法人或其他组织）六列之和',
      rightLabel: '总计',
    },
    {
      rule: 'requests.results_sum',
      severity: 'error',
      table: 'requests',
      each: { axis: 'column' },
      left: resultRows,
      op: '=',
      right: ['total'],
      formula: true,
      leftLabel: '（一）至（六）各项办理结果之和',
      rightLabel: '（七）总计',
    },
    {
      rule: 'requests.balance',
      severity: 'error',
      table: 'requests',
      each: { axis: 'column' },
      left: ['new', 'carried_in'],
      op: '=',
      right: ['total', 'carried_out'],
    },
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
    {
      rule: 'crossyear.carry',
      severity: 'error',
      table: 'requests',
      each: { axis: 'column' },
      left: ['carried_in'],
      op: '=',
      right: [{ id: 'carried_out', previous: true }],
      acrossFormats: true,
    },
  ];
}

export const DENIED_TO_REJECTED = REQUEST_ROWS_HEAD.slice(2).map((r) => r.id);

/** requests.other_share: 其他处理 among all results; `part` is the format's 其他 cells. */
export function otherShare(part: string[]): ShareDef {
  return {
    rule: 'requests.other_share',
    severity: 'warning',
    table: 'requests',
    part,
    whole: 'total.total',
    setting: 'otherShareMax',
    advice: '请核实“其他处理”的归类是否准确。',
  };
}

/** The key figures both versions share, first in display order: requests and appeals. */
export const SHARED_KEY_FIGURES: KeyFigureDef[] = [
  { label: '新收申请', sum: ['requests.new.total'] },
  { label: '办结', sum: ['requests.total.total'] },
  { label: '结转下年', sum: ['requests.carried_out.total'] },
  { label: '行政复议', sum: ['appeals.review.total'] },
  { label: '行政诉讼', sum: ['appeals.suit_direct.total', 'appeals.suit_after_review.total'] },
];

/** 纠错率: corrections among decided appeals, worth a look when it rises. */
export const KEY_RATES: KeyRateDef[] = [
  { label: '复议纠错率（%）', part: ['appeals.review.corrected'], whole: ['appeals.review.total'] },
  {
    label: '诉讼纠错率（%）',
    part: ['appeals.suit_direct.corrected', 'appeals.suit_after_review.corrected'],
    whole: ['appeals.suit_direct.total', 'appeals.suit_after_review.total'],
  },
];

/** 行政许可 and 行政处罚 decisions: in the 同比 sheet only, the overview has no room for them. */
export const DECISION_FIGURES: KeyFigureDef[] = [
  { label: '行政许可', sum: ['proactive.licensing.decisions'], comparisonOnly: true },
  { label: '行政处罚', sum: ['proactive.penalty.decisions'], comparisonOnly: true },
];
