/** narrative.contradiction, narrative.year and narrative.copied on hand-written snippets. */
import { checkNarrative } from '../../src/narrative/check';
import type { ReportDocument } from '../../src/narrative/document';
import { findingToJson } from '../../src/model/report-json';
import { handReport, type HandCells } from '../helpers/hand-report';
import { reportText, tables } from '../helpers/narrative-text';

const found = (text: string, cells: HandCells = {}, rule = 'narrative.contradiction', year = 2023) =>
  checkNarrative({ document: reportText(text, year), report: tables(cells, year) }).filter((f) => f.rule === rule);

describe('narrative.contradiction', () => {
  test.each([['所有申请均已按时办结。'], ['全部申请均已在法定期限内办结。'], ['本年度收到申请34件，均已办结。'], ['受理的申请已全部办结。'], ['申请办结率达100%。']])(
    '「%s」 while requests are carried forward',
    (text) => {
      const f = found(text, { 'requests.carried_out.total': 8 });
      expect(f).toHaveLength(1);
      expect(f[0]).toMatchObject({ severity: 'warning', cells: ['requests.carried_out.total'], quote: text });
      expect(f[0].message).toContain('结转下年度');
    },
  );

  test('the same words with nothing carried forward, or about something else, give nothing', () => {
    expect(found('所有申请均已按时办结。', { 'requests.carried_out.total': 0 })).toEqual([]);
    expect(found('人大代表建议和政协提案均已办结。', { 'requests.carried_out.total': 8 })).toEqual([]);
    expect(found('上年度结转的申请均已办结。', { 'requests.carried_out.total': 8 })).toEqual([]);
    expect(found('申请均在法定期限内予以答复。', { 'requests.carried_out.total': 8 })).toEqual([]);
    expect(found('全年收到行政复议申请3件，均已办结。', { 'requests.carried_out.total': 8 })).toEqual([]);
  });

  test('未发生行政复议、行政诉讼 while cases are counted', () => {
    const text = '本年度未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。';
    expect(found(text, { 'appeals.review.total': 0, 'appeals.suit_direct.total': 0, 'appeals.suit_after_review.total': 0 })).toEqual([]);
    const review = found(text, { 'appeals.review.total': 1, 'appeals.suit_direct.total': 0, 'appeals.suit_after_review.total': 0 });
    expect(review.map((f) => f.cells)).toEqual([['appeals.review.total']]);
    const suits = found(text, { 'appeals.review.total': 0, 'appeals.suit_direct.total': 0, 'appeals.suit_after_review.total': 2 });
    expect(suits.map((f) => f.cells)).toEqual([['appeals.suit_direct.total', 'appeals.suit_after_review.total']]);
    expect(suits[0].message).toContain('行政诉讼');
  });

  test('无行政复议 negates only what it names; 未被纠正 is not 未发生', () => {
    expect(found('无政府信息公开行政复议案件。', { 'appeals.review.total': 2 })).toHaveLength(1);
    expect(found('无政府信息公开行政复议案件。', { 'appeals.review.total': 0 })).toEqual([]);
    expect(found('政府信息公开行政复议案件均为零。', { 'appeals.review.total': 2 })).toHaveLength(1);
    expect(found('因政府信息公开申请行政复议2件，没有被行政复议纠正的案件。', { 'appeals.review.total': 2 })).toEqual([]);
  });

  test('未收取信息处理费 while requests were closed for an unpaid fee notice (gov-2021)', () => {
    for (const text of ['本年度未收取信息处理费。', '2023年，无收取信息处理费情况。', '全年收取政府信息公开信息处理费0元。']) {
      const f = found(text, { 'requests.other.unpaid.total': 1 });
      expect(f).toHaveLength(1);
      expect(f[0].cells).toEqual(['requests.other.unpaid.total']);
    }
    expect(found('本年度未收取信息处理费。', { 'requests.other.unpaid.total': 0 })).toEqual([]);
    expect(found('全年收取信息处理费300元。', { 'requests.other.unpaid.total': 1 })).toEqual([]);
    expect(found('群众到查阅点查阅政府信息，不收取任何费用。', { 'requests.other.unpaid.total': 1 })).toEqual([]);
    expect(found('严格执行信息处理费管理办法，本年度未收取任何费用。', { 'requests.other.unpaid.total': 1 })).toHaveLength(1);
    // gov-2019 has no such row.
    expect(found('本年度未收取信息处理费。', {}, 'narrative.contradiction', 2020)).toEqual([]);
  });
});

describe('narrative.year', () => {
  const doc = (period: string, title = '测试县人民政府2023年政府信息公开工作年度报告'): ReportDocument => {
    const d = reportText('本年度共收到政府信息公开申请34件。');
    d.paragraphs[0] = { text: title };
    d.paragraphs[1] = { text: period };
    return d;
  };
  const year = (d: ReportDocument) => checkNarrative({ document: d, report: tables() }).filter((f) => f.rule === 'narrative.year');

  test('a 统计期限 naming another year', () => {
    const period = '本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。';
    const f = year(doc(period));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', cells: [], quote: period, place: { paragraph: 2 } });
    expect(f[0].message).toContain('2022');
  });

  test('the title naming another year', () => {
    expect(year(doc('本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。', '测试县人民政府2022年政府信息公开工作年度报告'))).toHaveLength(1);
  });

  test('the right year, and other years in other sentences, give nothing', () => {
    const d = doc('本报告所列数据统计期限为2023年1月1日至2023年12月31日。');
    d.paragraphs[3] = { text: '（一）主动公开情况。2022年12月印发的实施方案在2023年全面落实。' };
    expect(year(d)).toEqual([]);
  });
});

describe('narrative.copied', () => {
  const TITLES = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];
  /** Six headings, and the sentences under 一 and 五, one paragraph each. */
  const long = (year: number, words: string[]): ReportDocument => ({
    source: 'test',
    paragraphs: [...TITLES.slice(0, 4), ...words.map((w) => `${year}年，${w}。`), ...TITLES.slice(4)].map((text) => ({ text })),
  });
  const WORDS = [
    '本机关持续深化政务公开工作并取得成效',
    '进一步规范依申请公开的受理和答复流程',
    '加强政府网站和政务新媒体的日常监管',
    '组织全县政务公开业务培训两次',
    '完善信息发布的保密审查制度',
    '及时更新政府信息公开指南和目录',
  ];

  test('last year’s text with only the years changed', () => {
    const f = checkNarrative({ document: long(2023, WORDS), previous: long(2022, WORDS) }).filter((x) => x.rule === 'narrative.copied');
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe('warning');
    expect(f[0].message).toContain('上一年度');
    expect(f[0].quote).toBeDefined();
  });

  test('a text that shares fewer than 60% of its sentences gives nothing', () => {
    const other = ['全面推行行政执法公示制度', '新建政务公开专区三个', '开展政策解读活动十二场', '回应社会关切问题四十条'];
    const now = long(2023, [...WORDS.slice(0, 3), ...other]);
    expect(checkNarrative({ document: now, previous: long(2022, WORDS) }).filter((x) => x.rule === 'narrative.copied')).toEqual([]);
  });

  test('no previous report: no copied check', () => {
    expect(checkNarrative({ document: long(2023, WORDS) }).filter((x) => x.rule === 'narrative.copied')).toEqual([]);
  });
});

test('JSON: quote and place only when present', () => {
  const [f] = checkNarrative({ document: reportText('本年度共收到政府信息公开申请35件。'), report: tables() });
  const json = JSON.parse(JSON.stringify(findingToJson(f)));
  expect(Object.keys(json)).toEqual(['rule', 'severity', 'cells', 'message', 'expected', 'actual', 'quote', 'place']);
  expect(json.place).toEqual({ section: '一', paragraph: 5 });
  const plain = findingToJson({ rule: 'requests.balance', severity: 'error', cells: ['requests.new.total'], message: 'x' });
  expect(Object.keys(JSON.parse(JSON.stringify(plain)))).toEqual(['rule', 'severity', 'cells', 'message']);
  expect(handReport('gov-2021', 2023).format).toBe('gov-2021');
});

test('a report whose tables were not read (every cell missing): the year is checked, no figure compared', () => {
  const report = { ...tables(), readings: tables().readings.map(() => undefined) };
  const doc = reportText('本年度共收到政府信息公开申请35件，所有申请均已按时办结。');
  doc.paragraphs[1] = { text: '本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。' };
  expect(checkNarrative({ document: doc, report }).map((f) => f.rule)).toEqual(['narrative.year']);
});
