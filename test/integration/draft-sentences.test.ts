/**
 * The drafted report's structure and sentences, for two real reports: 宿迁市 2023 (gov-2021) and
 * 阜新市人民政府办公室 2020 (gov-2019). Expected figures are worked out by hand from the sheet's cells.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { spawnSync } from 'child_process';
import { formats } from '../../src/formats';
import { reportsFromJsonText } from '../../src/model/report-json';
import { draftReport } from '../../src/draft/draft';
import { figure, share } from '../../src/draft/figures';
import { PLACEHOLDER_PATTERN, placeholders, type DraftDocument } from '../../src/draft/model';
import { renderHtml } from '../../src/draft/render-html';
import { ROOT } from '../helpers/cli';

const all = reportsFromJsonText(readFileSync(join(ROOT, 'test/fixtures/sample-reports.json'), 'utf8'), 'sample-reports.json', formats);
const suqian = all.find((r) => r.office === '宿迁市（全市汇总）' && r.year === 2023)!;
const fuxin = all.find((r) => r.office === '阜新市人民政府办公室' && r.year === 2020)!;

function draft(r: typeof suqian): DraftDocument {
  return draftReport(r, formats.byId(r.format)!);
}

/** The paragraphs of a section (by its title's start), as plain text. */
function texts(doc: DraftDocument, title: string): string[] {
  const s = doc.sections.find((x) => x.title.startsWith(title))!;
  return s.blocks.flatMap((b) => (b.type === 'paragraph' ? [b.runs.map((r) => r.text).join('')] : []));
}

const SECTIONS = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];

describe.each([
  ['宿迁市 2023', () => suqian, 'gov-2021'],
  ['阜新 2020', () => fuxin, 'gov-2019'],
])('%s', (_name, get, formatId) => {
  test('six parts with their statutory titles, the title and the statistics period', () => {
    const r = get();
    expect(r.format).toBe(formatId);
    const doc = draft(r);
    expect(doc.sections.map((s) => s.title)).toEqual(SECTIONS);
    expect(doc.title).toBe(`${r.office}${r.year}年政府信息公开工作年度报告`);
    const opening = doc.opening.map((x) => x.text).join('');
    expect(opening).toContain('依据《中华人民共和国政府信息公开条例》');
    expect(opening).toContain(`本报告中所列数据的统计期限自${r.year}年1月1日起至${r.year}年12月31日止`);
    // The tables sit in 二–四, one each, in that order.
    const tables = doc.sections.map((s) => s.blocks.filter((b) => b.type === 'table').map((b) => (b.type === 'table' ? b.table.id : '')));
    expect(tables).toEqual([[], ['proactive'], ['requests'], ['appeals'], [], []]);
  });

  test('placeholders: marked the same way everywhere, in 一 and 五, and in the HTML highlighted', () => {
    const doc = draft(get());
    const list = placeholders(doc);
    for (const p of list) expect(p).toMatch(/^【待填写：[^】]+】$/);
    expect(texts(doc, '一、').some((t) => t.startsWith('【待填写：'))).toBe(true);
    expect(texts(doc, '五、')).toHaveLength(1);
    expect(texts(doc, '五、')[0]).toMatch(/^【待填写：.*存在的主要问题/);
    const html = renderHtml(doc);
    expect(html.match(PLACEHOLDER_PATTERN)).toHaveLength(list.length);
    expect((html.match(/<mark class="nb-placeholder">【待填写：/g) ?? []).length).toBe(list.length);
    expect(html).not.toMatch(/<script/i);
  });
});

describe('宿迁市 2023 sentences', () => {
  const doc = draft(suqian);
  const overview = texts(doc, '一、');

  test('依申请公开: received, carried over, results with shares of （七）总计, carried forward', () => {
    // 法人或其他组织 = 99 + 0 + 4 + 5 + 1 = 109; 自然人 3402; 3402 + 109 = 3511.
    expect(overview).toContain('本年度新收政府信息公开申请3511件（其中自然人3402件，法人或其他组织109件），上年结转政府信息公开申请96件。');
    // 不予公开 0+27+6+38+20+9+21+21 = 142; 无法提供 1047+28+3 = 1078; 不予处理 305+39+0+58+4 = 406;
    // 其他处理 40+10+291 = 341; 1191+328+142+1078+406+341 = 3486.
    // Shares of 3486: 1191 → 34.17%, 328 → 9.41%, 142 → 4.07%, 1078 → 30.92%, 406 → 11.65%, 341 → 9.78%.
    expect(overview).toContain(
      '本年度办理结果总计3486件，其中：予以公开1191件，占34.2%；部分公开328件，占9.4%；不予公开142件，占4.1%；' +
        '无法提供1078件，占30.9%；不予处理406件，占11.6%；其他处理341件，占9.8%。结转下年度继续办理121件。',
    );
  });

  test('行政复议 and 行政诉讼 counts', () => {
    // 诉讼 24 + 89 = 113.
    expect(texts(doc, '四、')).toEqual([
      '本年度政府信息公开行政复议案件440件（结果维持309件，结果纠正17件，其他结果88件，尚未审结26件）；' +
        '政府信息公开行政诉讼案件113件，其中未经复议直接起诉24件（结果维持1件，结果纠正1件，其他结果16件，尚未审结6件），' +
        '复议后起诉89件（结果维持13件，结果纠正0件，其他结果67件，尚未审结9件）。',
    ]);
  });

  test('六: （六）2 is 10, so the fee sentence is drafted with the fee figures left to fill in', () => {
    const six = texts(doc, '六、');
    expect(six[0]).toContain('“申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请”的共10件');
    expect(six[0]).toMatch(/【待填写：发出收费通知的件数和总金额，以及实际收取的总金额】/);
    expect(six[six.length - 1]).toMatch(/^【待填写：其他需要报告的事项/);
  });

  test('no procurement sentence: 第（九）项 is not in the 2021 format', () => {
    expect(texts(doc, '二、')).toEqual([]);
  });

  test('the tables carry the figures of the sheet, money as written', () => {
    const cells = doc.sections.flatMap((s) => s.blocks.flatMap((b) => (b.type === 'table' ? b.table.rows.flatMap((r) => r.cells) : [])));
    const byId = Object.fromEntries(cells.filter((c) => c.cellId).map((c) => [c.cellId!, c.text]));
    expect(Object.keys(byId)).toHaveLength(formats.byId('gov-2021')!.cells.length);
    expect(byId['proactive.fees.amount']).toBe('59237.2449');
    expect(byId['proactive.licensing.decisions']).toBe('1808595');
    expect(byId['requests.total.total']).toBe('3486');
    expect(byId['appeals.suit_after_review.other']).toBe('67');
  });
});

describe('阜新 2020 sentences', () => {
  const doc = draft(fuxin);

  test('依申请公开: 60 received, all 自然人; results 8 and 28 + 24 = 52 of 60', () => {
    const overview = texts(doc, '一、');
    expect(overview).toContain('本年度新收政府信息公开申请60件（其中自然人60件，法人或其他组织0件），上年结转政府信息公开申请0件。');
    // 8 / 60 = 13.33%; 52 / 60 = 86.67%; the groups with none carry no share.
    expect(overview).toContain('本年度办理结果总计60件，其中：予以公开8件，占13.3%；部分公开0件；不予公开0件；无法提供52件，占86.7%；不予处理0件；其他处理0件。结转下年度继续办理0件。');
  });

  test('行政诉讼 14, all brought directly: 4 upheld and 10 other results', () => {
    expect(texts(doc, '四、')).toEqual([
      '本年度政府信息公开行政复议案件0件；政府信息公开行政诉讼案件14件，其中未经复议直接起诉14件（结果维持4件，结果纠正0件，其他结果10件，尚未审结0件），复议后起诉0件。',
    ]);
  });

  test('procurement (第二十条第（九）项) in 二, and no fee sentence: the 2019 format has no （六）2', () => {
    expect(texts(doc, '二、')).toEqual(['本年度政府集中采购项目0项，采购总金额0万元。']);
    expect(texts(doc, '六、')).toHaveLength(1);
    expect(texts(doc, '六、')[0]).not.toContain('收费');
  });

  test('the procurement amount header states its unit', () => {
    const proactive = doc.sections[1].blocks.find((b) => b.type === 'table')!;
    const headers = proactive.type === 'table' ? proactive.table.rows.flatMap((r) => r.cells.filter((c) => c.role === 'header').map((c) => c.text)) : [];
    expect(headers).toContain('采购总金额（万元）');
  });
});

test('a sheet that names no office: the office is a placeholder in the title and the opening', () => {
  for (const office of ['', '（未注明单位）']) {
    const doc = draft({ ...fuxin, office });
    // On a line of its own, as a long office name would be.
    expect(doc.titleLines).toEqual(['【待填写：单位名称】', '2020年政府信息公开工作年度报告']);
    expect(doc.opening.map((r) => r.text).join('')).toContain('由【待填写：单位名称】编制。');
    expect(placeholders(doc).filter((p) => p === '【待填写：单位名称】')).toHaveLength(2);
    expect(renderHtml(doc)).toContain('<h1><mark class="nb-placeholder">【待填写：单位名称】</mark><br>2020年政府信息公开工作年度报告</h1>');
  }
});

describe('figures and shares', () => {
  test.each([
    [1, 8, '12.5%'],
    [1, 3, '33.3%'],
    [2, 3, '66.7%'],
    [1, 1, '100.0%'],
    [1, 2000, '0.1%'],
    [1, 2001, '0.0%'],
  ])('%i of %i is %s', (part, whole, want) => {
    expect(share(part, whole)).toBe(want);
  });

  test.each([
    [12, 'signed', '+12'],
    [-3, 'signed', '-3'],
    [0, 'signed', '0'],
    [38.41, 'money', '38.41'],
    [0.1 + 0.2, 'money', '0.3'],
    [1808595, 'count', '1808595'],
  ] as const)('%p as %s prints %s', (v, kind, want) => {
    expect(figure(v, kind)).toBe(want);
  });
});

test('layering: the draft core imports no Node module', () => {
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--stdin', '--stdin-filename', 'src/draft/planted.ts', '--format', 'json'], {
    cwd: ROOT,
    input: "import { readFileSync } from 'fs';\nexport const x = readFileSync;\n",
    encoding: 'utf8',
  });
  const [result] = JSON.parse(r.stdout) as { messages: { ruleId: string }[] }[];
  expect(result.messages.map((m) => m.ruleId)).toContain('no-restricted-imports');
});
