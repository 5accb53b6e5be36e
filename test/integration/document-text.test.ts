/**
 * The running text of a published report (.docx, .html, .pdf, .txt): its paragraphs in order,
 * the tables' cells left out. Read from real material: the wild corpus's published pages and
 * pdftotext extractions, and our own drafted report as Word, as a web page, as a PDF printed
 * by LibreOffice, and as text copied from a page.
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { formats } from '../../src/formats';
import { draftReportFile } from '../../src/app/draft-report';
import type { DraftDocument, Run } from '../../src/draft/model';
import { holdsReportText, isTableText, tableLabels } from '../../src/import/document-text';
import { readReportsAndText } from '../helpers/read-file';
import type { ReportDocument } from '../../src/narrative/document';
import { ROOT } from '../helpers/cli';
import { toPdf } from '../helpers/pdf-files';
import { reportFromCells, seeded, validCells } from '../helpers/random-report';

const WILD = join(__dirname, '..', 'fixtures', 'wild');
const dir = mkdtempSync(join(tmpdir(), 'nianbao-text-'));

const SECTIONS = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];

async function read(name: string, bytes: Uint8Array): Promise<ReportDocument> {
  const r = await readReportsAndText(name, bytes, formats);
  expect(r.reports).toHaveLength(1);
  return r.document!;
}

/** PDF.js is an ES module jest cannot load: the PDF is read in a process of its own. */
function readPdf(file: string): ReportDocument {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'run-ts.mjs'), join(ROOT, 'test', 'helpers', 'read-document.ts'), file], { cwd: ROOT, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  const out = JSON.parse(r.stdout) as { reports: number; document: ReportDocument };
  expect(out.reports).toBe(1);
  return out.document;
}

const texts = (d: ReportDocument) => d.paragraphs.map((p) => p.text);
const bare = (s: string) => s.replace(/[\s\p{P}\p{S}]/gu, '');

/** Each of the six headings is a paragraph of its own, in order. */
function expectSixHeadings(d: ReportDocument) {
  const at = SECTIONS.map((h) => texts(d).indexOf(h));
  expect(at.every((i) => i >= 0)).toBe(true);
  expect([...at].sort((a, b) => a - b)).toEqual(at);
}

/** No paragraph is a table's label, row of figures or header. */
function expectNoTableText(d: ReportDocument, labelsSeen: string[]) {
  for (const p of texts(d)) {
    expect(p).not.toMatch(/^[\d\s.,%-]+$/);
    for (const l of labelsSeen) expect(p.includes(l)).toBe(false);
  }
}

describe('wild corpus: a CMS page (平潭 2023)', () => {
  let doc: ReportDocument;
  beforeAll(async () => {
    doc = await read('pingtan-2023.html', readFileSync(join(WILD, 'pingtan-2023', 'extract.html')));
  });

  test('the six parts, each heading one paragraph, from <strong>&nbsp;一、总体情况</strong> and the like', () => expectSixHeadings(doc));

  test('sentences whole, as published, tables left out', () => {
    expect(texts(doc).some((p) => p.includes('本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。'))).toBe(true);
    expect(texts(doc).some((p) => p.includes('2023年全区接收通过邮寄、网络提交的各类政府信息公开申请共计81件，涉及自然人80件、商业企业1件。'))).toBe(true);
    expect(texts(doc)).toContain('2023年，无收取信息处理费情况。');
    expectNoTableText(doc, ['本年新收政府信息公开申请数量', '本年度办理结果', '信息内容', '社会公益组织', '尚未审结', '第二十条']);
  });

  test('the title first; the page’s time line outside the report is not its text', () => {
    expect(texts(doc)[0]).toBe('平潭综合实验区2023年度政府信息公开工作年度报告');
    expect(texts(doc).some((p) => p.startsWith('时间：'))).toBe(false);
    expect(holdsReportText(doc)).toBe(true);
  });
});

test('a whole CMS page: navigation, share buttons and footer around the report are not its text', async () => {
  const body = readFileSync(join(WILD, 'pingtan-2023', 'extract.html'), 'utf8');
  const chrome = {
    nav: '当前位置：首页 > 政务公开 > 政府信息公开年报',
    share: '【打印本页】【关闭窗口】分享到：微信 微博',
    footer: '主办单位：平潭综合实验区管委会办公室 承办单位：平潭综合实验区信息中心',
    record: '网站标识码：3500000000 闽ICP备12345678号',
  };
  const page = `<html><head><title>平潭综合实验区2023年度政府信息公开工作年度报告_平潭综合实验区</title></head><body>
<div class="top"><div class="nav"><a href="/">首页</a> | <a href="/zwgk/">政务公开</a></div><p>${chrome.nav}</p></div>
<div class="main"><div class="article">${body}</div><div class="share"><p>${chrome.share}</p></div></div>
<div class="footer"><p>${chrome.footer}</p><p>${chrome.record}</p></div></body></html>`;
  const whole = await read('page.html', new TextEncoder().encode(page));
  const bare = await read('pingtan-2023.html', readFileSync(join(WILD, 'pingtan-2023', 'extract.html')));
  for (const t of Object.values(chrome)) expect(texts(whole).some((p) => p.includes(t.slice(0, 8)))).toBe(false);
  expect(texts(whole)).not.toContain('首页 | 政务公开');
  // The report's own text, its title first, exactly as the body alone gives it (the page's time line aside).
  expect(texts(whole)[0]).toBe('平潭综合实验区2023年度政府信息公开工作年度报告');
  expect(texts(whole)).toEqual(texts(bare).filter((p) => !p.startsWith('时间：')));
  expectSixHeadings(whole);
});

describe('wild corpus: pdftotext output (洪泽区 2024) as .txt', () => {
  let doc: ReportDocument;
  beforeAll(async () => {
    doc = await read('hongze-2024.txt', readFileSync(join(WILD, 'hongze-district-2024', 'extract.pdftotext.txt')));
  });

  test('the six parts in order, the tables and running page numbers left out', () => {
    expectSixHeadings(doc);
    expectNoTableText(doc, ['本年新收政府信息公开申请数量', '勾稽关系', '部分公开（区分处理', '维持', '信息内容', '-1-', '-4-']);
  });

  test('lines cut at the page width joined back into their paragraphs, across a page break too', () => {
    expect(texts(doc).some((p) => p.includes('2024 年，区政府办代表区政府受理政府信息公开申请 17 件，均已在法定期限内予以答复。'))).toBe(true);
    const across = doc.paragraphs.find((p) => p.text.startsWith('针对存在问题'))!;
    expect(across.text).toContain('答复书模板，使各行政机关答复的方式');
    expect(across.text.endsWith('不断提高各单位政府信息公开工作人员的思想认识和业务工作水平。')).toBe(true);
    // The page it starts on: the fourth, by the form feeds between pages.
    expect(across.page).toBe(4);
    expect(doc.paragraphs.find((p) => p.text === '六、其他需要报告的事项')!.page).toBe(5);
  });
});

describe('our own drafted report', () => {
  const format = formats.byId('gov-2021')!;
  const report = reportFromCells(format, validCells(format, seeded(8)), { office: '某某县交通运输局', year: 2024 });
  let draft: DraftDocument;
  const files: Record<'docx' | 'html', Uint8Array> = {} as never;
  let pdf: string;
  beforeAll(async () => {
    for (const kind of ['docx', 'html'] as const) {
      const d = await draftReportFile(report, { kind });
      files[kind] = d.bytes;
      draft = d.document;
    }
    writeFileSync(join(dir, 'draft.docx'), files.docx);
    [pdf] = toPdf([join(dir, 'draft.docx')], dir);
  }, 180000);

  const joined = (runs: Run[]) => runs.map((r) => r.text).join('');
  /** The drafted text after the title: the opening, then each part's title, subheadings and paragraphs. */
  const expected = () => [
    joined(draft.opening),
    ...draft.sections.flatMap((s) => [s.title, ...s.blocks.flatMap((b) => (b.type === 'subheading' ? [b.text] : b.type === 'paragraph' ? [joined(b.runs)] : []))]),
  ];
  const body = (d: ReportDocument) => texts(d).slice(texts(d).indexOf(expected()[0]));

  test.each(['docx', 'html'] as const)('.%s: the paragraphs exactly as drafted, in order, no table cell among them', async (kind) => {
    const doc = await read(`draft.${kind}`, files[kind]);
    expect(bare(texts(doc).slice(0, texts(doc).indexOf(expected()[0])).join(''))).toBe(bare(draft.titleLines.join('')));
    expect(body(doc)).toEqual(expected());
    expect(holdsReportText(doc)).toBe(true);
  });

  test('.pdf printed by LibreOffice: the same paragraphs (lines joined, pages numbered), tables left out', () => {
    const doc = readPdf(pdf);
    const start = doc.paragraphs.findIndex((p) => bare(p.text) === bare(expected()[0]));
    expect(start).toBeGreaterThan(0);
    // Punctuation a PDF prints as a bare glyph (a 、 hung at the line's end) carries no text: compared without it.
    expect(doc.paragraphs.slice(start).map((p) => bare(p.text))).toEqual(expected().map(bare));
    const pages = doc.paragraphs.map((p) => p.page!);
    expect(pages[0]).toBe(1);
    expect([...pages].sort((a, b) => a - b)).toEqual(pages);
    // The tables fill pages 3 to 5: part 四's text comes after them.
    expect(doc.paragraphs.find((p) => p.text === SECTIONS[3])!.page).toBeGreaterThan(doc.paragraphs.find((p) => p.text === SECTIONS[2])!.page!);
  }, 60000);

  test('.txt copied from the page, tables as tab-separated rows: each line a paragraph, rows left out', async () => {
    const lines = [...draft.titleLines, joined(draft.opening)];
    for (const s of draft.sections) {
      lines.push(s.title);
      for (const b of s.blocks) {
        if (b.type === 'subheading') lines.push(b.text);
        else if (b.type === 'paragraph') lines.push(joined(b.runs));
        else if (b.type === 'table') for (const row of b.table.rows) lines.push(row.cells.map((c) => c.text).join('\t'));
      }
    }
    const doc = await read('draft.txt', new TextEncoder().encode(lines.join('\n')));
    expect(body(doc)).toEqual(expected());
    expect(doc.paragraphs.every((p) => p.page === undefined)).toBe(true);
  });
});

test('table text: labels, pieces of wrapped labels and figure rows; never a sentence or a part heading', () => {
  const labels = tableLabels(formats);
  for (const t of ['三、本年度办理结果', '（七）总计', '规章 0 0 0', '自然人 商业企业 科研机构', '危及“三安全一稳', '95', '第二十条第（一）项']) expect(isTableText(t, labels)).toBe(true);
  for (const t of SECTIONS) expect(isTableText(t, labels)).toBe(false);
  for (const t of ['无。', '2024 年，全市共受理政府信息公开申请 95 件。', '无', '（一）主动公开情况']) expect(isTableText(t, labels)).toBe(false);
});

test('the text of tables only, with their title and captions (阜新 2020), does not hold a report text', async () => {
  const { reports, document } = await readReportsAndText('tables.txt', readFileSync(join(__dirname, '..', 'fixtures', 'samples', 'fuxin-2020.txt')), formats);
  expect(reports).toHaveLength(1);
  expect(holdsReportText(document!)).toBe(false);
});

test('a report’s text: two parts that are never a table, even left empty; not a table’s note, however long', () => {
  const doc = (...ps: string[]): ReportDocument => ({ source: 'x', paragraphs: ps.map((text) => ({ text })) });
  expect(holdsReportText(doc('某县2024年政府信息公开工作年度报告', '一、总体情况', '二、主动公开政府信息情况', '五、存在的主要问题及改进情况', '无', '六、其他需要报告的事项', '无'))).toBe(true);
  const note = '填报说明：本表数据由各科室分别统计后汇总，统计期限为本年度一月一日至十二月三十一日，表中“其他”一栏包括来信、传真等方式提出的申请，金额单位为万元，保留两位小数。'.repeat(3);
  expect(note.length).toBeGreaterThan(200);
  expect(holdsReportText(doc('某县2024年政府信息公开工作年度报告', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', note))).toBe(false);
});
