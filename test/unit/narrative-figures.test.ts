/** narrative.figure_mismatch: figures the text states against the tables, and the statements it must not compare. */
import { checkNarrative } from '../../src/narrative/check';
import { officeLevel } from '../../src/narrative/figures';
import { reportText, tables } from '../helpers/narrative-text';
import type { HandCells } from '../helpers/hand-report';

const mismatches = (text: string, cells: HandCells = {}, year = 2023, office?: string) =>
  checkNarrative({ document: reportText(text, year), report: tables(cells, year, office) }).filter((f) => f.rule.startsWith('narrative.'));

describe('figures tied to their cells', () => {
  test.each([
    ['本年度共收到政府信息公开申请35件。', ['requests.new.total'], 34, 35],
    ['全年新收申请三十五件。', ['requests.new.total'], 34, 35],
    ['全年受理政府信息公开申请３５件。', ['requests.new.total'], 34, 35],
    ['全年共受理依申请公开35件。', ['requests.new.total'], 34, 35],
    ['本年度新收政府信息公开申请数量为35件。', ['requests.new.total'], 34, 35],
    ['共收到35件政府信息公开申请。', ['requests.new.total'], 34, 35],
    ['上年结转政府信息公开申请5件。', ['requests.carried_in.total'], 4, 5],
    ['全年共办结申请31件。', ['requests.total.total'], 30, 31],
    ['答复政府信息公开申请31件。', ['requests.total.total'], 30, 31],
    ['结转下年度继续办理9件。', ['requests.carried_out.total'], 8, 9],
    ['另有9件顺延到下年度答复。', ['requests.carried_out.total'], 8, 9],
    ['结转至2024年7件。', ['requests.carried_out.total'], 8, 7],
    ['其中予以公开13件。', ['requests.granted.total'], 12, 13],
    ['部分公开4件。', ['requests.partial.total'], 3, 4],
    ['予以公开及部分公开16件。', ['requests.granted.total', 'requests.partial.total'], 15, 16],
    ['因政府信息公开引起的行政复议案件3件。', ['appeals.review.total'], 2, 3],
    ['政府信息公开行政诉讼案件4起。', ['appeals.suit_direct.total', 'appeals.suit_after_review.total'], 3, 4],
  ])('%s', (text, cells, expected, actual) => {
    const f = mismatches(text);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'narrative.figure_mismatch', severity: 'warning', cells, expected, actual, place: { section: '一', paragraph: 5 } });
    expect(f[0].quote).toBe(text.replace(/３５/, '35'));
    expect(f[0].message).toContain(f[0].quote!.slice(0, 10));
  });

  test.each([
    ['本年度共收到政府信息公开申请34件，办结30件，8件结转下年度继续办理。'],
    ['全年新收申请三十四件。'],
    ['全年受理政府信息公开申请３４件。'],
    // Received counted with last year's carried-over requests.
    ['本年度共收到政府信息公开申请38件。'],
    ['全年办理政府信息公开申请38件。'],
    ['办结30件（含上年度结转申请4件，另有8件顺延到下年度答复）。'],
    ['本年度因政府信息公开引起的行政复议2件、行政诉讼3件。'],
    ['信息公开类行政复议2件，诉讼3件，均获维持。'],
  ])('agrees with the tables: %s', (text) => {
    expect(mismatches(text)).toEqual([]);
  });

  test('a share of the closed total, or of the received, within the printed rounding', () => {
    expect(mismatches('予以公开12件，占40%。')).toEqual([]); // 12 / 30
    expect(mismatches('予以公开12件，占35.3%。')).toEqual([]); // 12 / 34
    expect(mismatches('予以公开及部分公开15件，占比50.0%。')).toEqual([]);
    expect(mismatches('予以公开12件，占办结总数的40%。')).toEqual([]);
    // A share of another whole is not read.
    expect(mismatches('予以公开12件，占予以公开和部分公开总数的80%。')).toEqual([]);
    expect(mismatches('予以公开12件，占全部申请的45%。')).toHaveLength(1);
    const f = mismatches('予以公开12件，占45%。');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'narrative.figure_mismatch', cells: ['requests.granted.total', 'requests.total.total'], expected: 40, actual: 45 });
  });

  test('money: 政府集中采购 in 元 or 万元 against the 万元 cell (gov-2019)', () => {
    const cells = { 'proactive.procurement.amount': 25.1 };
    expect(mismatches('本年度政府集中采购项目12项，采购总金额251000元。', cells, 2020)).toEqual([]);
    expect(mismatches('本年度政府集中采购总金额25.1万元。', cells, 2020)).toEqual([]);
    const f = mismatches('本年度政府集中采购总金额30万元。', cells, 2020);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ cells: ['proactive.procurement.amount'], expected: 25.1, actual: 30 });
  });

  test('a blank or unreadable cell is not compared', () => {
    expect(mismatches('予以公开13件。', { 'requests.granted.total': null })).toEqual([]);
    expect(mismatches('予以公开13件。', { 'requests.granted.total': '若干' })).toEqual([]);
  });
});

describe('statements that are not about the office’s own year are not compared', () => {
  test.each([
    // 其中 / 含: a part, not the total.
    ['本年度受理申请38件，其中新收申请34件，上年结转4件。'],
    ['共办结申请30件，其中依法答复25件。'],
    ['办结30件（其中网上答复20件）。'],
    // Comparisons with last year.
    ['收到申请较上年增长6件。'],
    ['申请数量同比增加6件。'],
    ['收到申请34件，较去年减少10件。'],
    // Other years.
    ['上年度共收到申请28件。'],
    ['2022年，全县共收到申请28件。'],
    ['去年，受理申请28件。'],
    ['截至2023年底，累计受理申请500件。'],
    // Other levels and sub-units.
    ['全市共受理政府信息公开申请500件。'],
    ['县教育局受理政府信息公开申请5件。'],
    ['各乡镇共受理申请5件。'],
    // Approximations, and counts that are not requests.
    ['收到申请30余件。'],
    ['收到申请约30件。'],
    ['办结人大代表建议25件、政协提案31件。'],
    ['收到群众诉求348件，办结率100%。'],
    ['全年办理人大代表建议25件，办结25件。'],
    ['主动予以公开文件20件。'],
    ['对重大行政决策予以公开征求意见事项12件。'],
    ['全年办理行政复议案件120件，公开行政复议决定书30份。'],
    ['办结历史遗留问题12件。'],
    // Part of the year.
    ['1—11月，共受理申请30件。'],
    ['上半年受理政府信息公开申请20件。'],
    ['2023年第一季度收到申请9件。'],
  ])('%s', (text) => {
    expect(mismatches(text)).toEqual([]);
  });

  test('January to December is the whole year and is compared', () => {
    expect(mismatches('2023年1月至12月，共受理政府信息公开申请35件。')).toHaveLength(1);
  });

  test('全县 is the county’s own figure and is compared', () => {
    expect(mismatches('全县共受理政府信息公开申请35件。')).toHaveLength(1);
  });

  test('a clause after 同比 still states this year’s figure', () => {
    expect(mismatches('收到申请35件，同比增长17.6%。')).toHaveLength(1);
  });

  test.each([
    ['a department', '测试县交通运输局'],
    ['a government’s general office', '测试县人民政府办公室'],
    ['an unknown office', '（未注明单位）'],
  ])('全县 figures in the report of %s are not its own', (_, office) => {
    expect(mismatches('全县共受理政府信息公开申请35件。', {}, 2023, office)).toEqual([]);
    // Its own words are compared.
    expect(mismatches('本机关共受理政府信息公开申请35件。', {}, 2023, office)).toHaveLength(1);
  });

  test.each([
    ['淮安市洪泽区人民政府', '区'],
    ['上海市人民政府办公厅', null],
    ['平潭综合实验区', '区'],
    ['吴忠市（全市汇总）', '市'],
    ['某某县交通运输局', null],
    ['某某街道办事处', '街道'],
    ['某某镇人民政府', '镇'],
  ])('the level of %s', (office, level) => {
    expect(officeLevel(office)).toBe(level);
  });

  test('the office’s own organ is not a sub-unit', () => {
    const f = mismatches('县政府办公室代表县政府共受理政府信息公开申请35件。', {}, 2023, '测试县人民政府办公室');
    expect(f).toHaveLength(1);
  });
});

test('no tables: no narrative figure finding, structure still checked', () => {
  const f = checkNarrative({ document: reportText('本年度共收到政府信息公开申请35件。') });
  expect(f).toEqual([]);
});

test('a long run-on sentence is read in linear time (each clause’s context built once)', () => {
  const text = '本年度共收到政府信息公开申请34件，其中，'.repeat(20000) + '。';
  const started = Date.now();
  const f = checkNarrative({ document: reportText(text), report: tables() });
  // Quadratic context building took about a minute here; linear takes about a second.
  expect(Date.now() - started).toBeLessThan(20000);
  expect(f.filter((x) => x.rule === 'narrative.figure_mismatch')).toEqual([]);
});
