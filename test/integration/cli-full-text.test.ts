/**
 * `nianbao validate` on a whole published report (.docx, .html, .pdf): the tables' findings
 * and the text's (structure.*, narrative.*), with the quote and the place; a text without its
 * tables; a file of tables only; `--previous` given as last year's full text. Through the real
 * binary, on reports drafted by `nianbao report` and faults planted in them.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { formats } from '../../src/formats';
import { buildSheetPlan } from '../../src/layout/sheet-plan';
import type { Report } from '../../src/model/report';
import { ExceljsWorkbookPort } from '../../src/ports/exceljs/exceljs-workbook';
import { clerkLayout } from '../helpers/clerk-layouts';
import { nianbao } from '../helpers/cli';
import { toPdf, wordDocument } from '../helpers/pdf-files';
import { reportFromCells, seeded, validCells } from '../helpers/random-report';

interface OutFinding {
  rule: string;
  severity: string;
  cells: string[];
  message: string;
  quote?: string;
  place?: { section?: string; paragraph: number; page?: number };
}
interface OutReport {
  office: string;
  year: number;
  format: string;
  cells: Record<string, number | null>;
  findings: OutFinding[];
}

const dir = mkdtempSync(join(tmpdir(), 'nianbao-fulltext-'));
const format = formats.byId('gov-2021')!;
const OFFICE = '某某县交通运输局';
const thisYear = reportFromCells(format, validCells(format, seeded(8)), { office: OFFICE, year: 2024 });
const lastYear = reportFromCells(format, validCells(format, seeded(5)), { office: OFFICE, year: 2023 });

const STATUTORY_FIVE = '五、存在的主要问题及改进情况';
const RENAMED_FIVE = '五、存在的主要问题及整改措施';
const SIX = '六、其他需要报告的事项';

async function draft(report: Report, out: string, html = false): Promise<string> {
  const port = ExceljsWorkbookPort.empty();
  await port.writeSheet(buildSheetPlan(format, { office: report.office, year: report.year, readings: report.readings }));
  const xlsx = join(dir, `${report.year}.xlsx`);
  writeFileSync(xlsx, await port.toBuffer());
  const r = nianbao(['report', xlsx, '--out', join(dir, out), '--force', ...(html ? ['--html'] : [])]);
  expect(r.code).toBe(0);
  return join(dir, out);
}

/** The drafted Word file with its body's XML changed. */
function editDocx(from: string, to: string, edit: (xml: string) => string): string {
  const zip = unzipSync(readFileSync(from));
  const xml = strFromU8(zip['word/document.xml']);
  const changed = edit(xml);
  expect(changed).not.toBe(xml);
  zip['word/document.xml'] = strToU8(changed);
  writeFileSync(join(dir, to), zipSync(zip));
  return join(dir, to);
}

function editText(from: string, to: string, edit: (text: string) => string): string {
  const text = readFileSync(from, 'utf8');
  const changed = edit(text);
  expect(changed).not.toBe(text);
  writeFileSync(join(dir, to), changed);
  return join(dir, to);
}

function validateJson(...args: string[]): { code: number; reports: OutReport[]; stderr: string } {
  const r = nianbao(['validate', ...args, '--json']);
  return { code: r.code, reports: r.stdout ? (JSON.parse(r.stdout) as { reports: OutReport[] }).reports : [], stderr: r.stderr };
}

const rules = (r: OutReport) => r.findings.map((f) => f.rule);
const figures = (r: Report) => Object.fromEntries(format.cells.map((c) => [c.id, r.readings[c.index]!.value]));

let docx: string;
let html: string;
let previousDocx: string;

beforeAll(async () => {
  docx = await draft(thisYear, '年报.docx');
  html = await draft(thisYear, '年报.html', true);
  previousDocx = await draft(lastYear, '上年年报.docx');
}, 60000);

test('a drafted report: its tables read to the sheet’s figures, and no error in the tables or the text', () => {
  for (const file of [docx, html]) {
    const { code, reports, stderr } = validateJson(file);
    expect(stderr).toBe('');
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ office: OFFICE, year: 2024, format: 'gov-2021' });
    expect(reports[0].cells).toEqual(figures(thisYear));
    expect(reports[0].findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(code).toBe(0);
    // Every text finding says where it is, in the section the paragraph belongs to.
    for (const f of reports[0].findings.filter((x) => /^(structure|narrative)\./.test(x.rule))) expect(f.place?.paragraph).toBeGreaterThan(0);
  }
});

test('a renamed part title: a warning quoting it, with its place, in JSON and in the human output; warnings only exit 0', () => {
  const planted = editText(html, 'renamed.html', (t) => t.replace(STATUTORY_FIVE, RENAMED_FIVE));
  const { code, reports } = validateJson(planted);
  expect(code).toBe(0);
  const f = reports[0].findings.find((x) => x.rule === 'structure.section_title')!;
  expect(f).toMatchObject({ severity: 'warning', cells: [] });
  expect(f.message).toContain('存在的主要问题及整改措施');
  expect(f.quote).toContain('存在的主要问题及整改措施');
  expect(f.place!.section).toBe('五');
  // The heading's paragraph: after the title lines, the opening and parts 一 to 四.
  expect(f.place!.paragraph).toBeGreaterThan(10);
  // Tables' findings are still there beside it: the same figures, no other change.
  expect(reports[0].cells).toEqual(figures(thisYear));

  const human = nianbao(['validate', planted]);
  expect(human.code).toBe(0);
  expect(human.stdout).toContain(f.message);
  expect(human.stdout).toContain(`原文位置：第五部分 第${f.place!.paragraph}段`);
  expect(human.stdout).toContain('（structure.section_title）');
});

test('a figure in the text that differs from the table: a warning quoting the sentence and naming the cell', () => {
  const n = thisYear.readings[format.index.get('requests.new.total')!]!.value as number;
  const sentence = `本年度新收政府信息公开申请${n}件`;
  const planted = editText(html, 'figure.html', (t) => t.replace(sentence, `本年度新收政府信息公开申请${n + 1}件`));
  const { code, reports } = validateJson(planted);
  expect(code).toBe(0);
  const f = reports[0].findings.find((x) => x.rule === 'narrative.figure_mismatch')!;
  expect(f.severity).toBe('warning');
  expect(f.cells).toContain('requests.new.total');
  expect(f.quote).toContain(`本年度新收政府信息公开申请${n + 1}件`);
  expect(f.place!.section).toBe('一');
});

test('a missing part: an error naming it, exit 1', () => {
  const planted = editDocx(docx, 'missing.docx', (xml) => xml.replace(SIX, ''));
  const { code, reports } = validateJson(planted);
  expect(code).toBe(1);
  const f = reports[0].findings.find((x) => x.rule === 'structure.section_missing')!;
  expect(f.severity).toBe('error');
  expect(f.message).toContain('其他需要报告的事项');
  expect(reports[0].cells).toEqual(figures(thisYear));
});

test('a text without its tables: said plainly (format.missing_cells), every cell absent, and its text still checked', () => {
  const planted = editText(html, 'no-tables.html', (t) => t.replace(/<table[\s\S]*?<\/table>/g, '').replace(STATUTORY_FIVE, RENAMED_FIVE));
  const { code, reports, stderr } = validateJson(planted);
  expect(stderr).toBe('');
  expect(code).toBe(1);
  expect(reports).toHaveLength(1);
  expect(reports[0]).toMatchObject({ office: OFFICE, year: 2024, format: 'gov-2021', cells: {} });
  const missing = reports[0].findings.find((f) => f.rule === 'format.missing_cells')!;
  expect(missing.severity).toBe('error');
  expect(missing.message).toContain('没有找到年报的表格');
  expect(missing.cells).toHaveLength(format.cells.length);
  expect(rules(reports[0])).toContain('structure.section_title');
  // Nothing checked against figures that were never read.
  expect(rules(reports[0]).filter((r) => /^(requests|proactive|appeals|cell)\./.test(r))).toEqual([]);
});

test('a text without tables and without a year: refused, naming --year; with --year it is checked', () => {
  const planted = editText(html, '无年份.html', (t) => t.replace(/<table[\s\S]*?<\/table>/g, '').replace(/2024/g, ''));
  const refused = nianbao(['validate', planted]);
  expect(refused.code).toBe(2);
  expect(refused.stderr).toContain('没有找到年报表格');
  expect(refused.stderr).toContain('--year');
  const given = validateJson(planted, '--year', '2024');
  expect(given.reports[0]).toMatchObject({ year: 2024, format: 'gov-2021' });
  expect(given.code).toBe(1);
});

test('a Word file of tables only (title and captions around them) gets the tables’ findings, no text findings', () => {
  const file = join(dir, '表格.docx');
  writeFileSync(file, wordDocument(clerkLayout(format, validCells(format, seeded(8)), { office: OFFICE, year: 2024 }), { borders: true }));
  const { code, reports } = validateJson(file);
  expect(code).toBe(0);
  expect(reports).toHaveLength(1);
  expect(rules(reports[0]).filter((r) => /^(structure|narrative)\./.test(r))).toEqual([]);
});

test('--previous as last year’s full text: the cross-year checks as with its workbook', async () => {
  const port = ExceljsWorkbookPort.empty();
  await port.writeSheet(buildSheetPlan(format, { office: OFFICE, year: 2023, readings: lastYear.readings }));
  const previousXlsx = join(dir, '上年.xlsx');
  writeFileSync(previousXlsx, await port.toBuffer());
  const withText = validateJson(docx, '--previous', previousDocx);
  const withSheet = validateJson(docx, '--previous', previousXlsx);
  const crossYear = (r: OutReport) => r.findings.filter((f) => f.rule.startsWith('crossyear.'));
  // Random figures of two years: last year's 结转下年度 is not this year's 上年结转.
  expect(crossYear(withSheet.reports[0]).length).toBeGreaterThan(0);
  expect(crossYear(withText.reports[0])).toEqual(crossYear(withSheet.reports[0]));
  expect(withText.stderr).toBe('');
});

test('--previous as last year’s full text also compares the text: a report that only changed its years is flagged', () => {
  // Last year's page as this year's with the years put back one: the same sentences.
  const copy = editText(html, '上年年报.html', (t) => t.replace(/2024/g, '2023'));
  const { reports } = validateJson(html, '--previous', copy);
  const f = reports[0].findings.find((x) => x.rule === 'narrative.copied')!;
  expect(f.severity).toBe('warning');
  expect(f.message).toContain('与上一年度报告相同');
  // Not said without last year's text, nor against a different report.
  expect(rules(validateJson(html).reports[0])).not.toContain('narrative.copied');
  expect(rules(validateJson(html, '--previous', previousDocx).reports[0])).not.toContain('narrative.copied');
});

test('a PDF printed from the Word file: the same figures, and the text finding with its page', () => {
  const planted = editDocx(docx, 'renamed.docx', (xml) => xml.replace(STATUTORY_FIVE, RENAMED_FIVE));
  const [pdf] = toPdf([planted], dir);
  const { code, reports } = validateJson(pdf);
  expect(code).toBe(0);
  expect(reports[0].cells).toEqual(figures(thisYear));
  const f = reports[0].findings.find((x) => x.rule === 'structure.section_title')!;
  expect(f.place!.section).toBe('五');
  // Part 五 follows the three tables, which fill the pages after the first two.
  expect(f.place!.page).toBeGreaterThan(2);
}, 120000);
