/**
 * Layout features of published reports, one test each, on the real figures of
 * 宿迁市 2023 (gov-2021): the format chosen by evidence, the undivided （六）其他处理
 * row, a year inside a header, annotated counts, footnote rows and local extra rows.
 */
import { originText } from '../../src/model/report';
import ExcelJS from 'exceljs';
import { readFileSync } from 'fs';
import { join } from 'path';
import { formats } from '../../src/formats';
import { readReports } from '../helpers/read-file';
import { validate } from '../../src/rules/engine';
import { clerkLayout, insertRow, rowOf, toHtml, type Cell, type Layout } from '../helpers/clerk-layouts';

const fixture = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'sample-reports.json'), 'utf8')) as {
  reports: { id: string; office: string; year: number; format: string; cells: Record<string, number | null> }[];
};
const suqian = fixture.reports.find((r) => r.id === 'suqian_city_2023')!;
const f2021 = formats.byId('gov-2021')!;
const OTHER = ['other.no_correction', 'other.unpaid', 'other.misc'];
const COLUMNS = ['natural', 'business', 'research', 'nonprofit', 'legal', 'org_other', 'total'];

function layout(cells: Record<string, Cell> = suqian.cells): Layout {
  return clerkLayout(f2021, cells, { office: '宿迁市人民政府', year: 2023, labelColumns: 1 });
}

async function read(L: Layout) {
  const { reports, problems } = await readReports('宿迁.html', new TextEncoder().encode(toHtml(L)), formats);
  expect(problems).toEqual([]);
  expect(reports).toHaveLength(1);
  const r = reports[0];
  return { report: r, findings: validate(r).findings, cells: Object.fromEntries(f2021.cells.map((c) => [c.id, r.readings[c.index]?.value])) };
}

/** Replaces the three 2021 sub-rows of （六）其他处理 by one row, as a 2019-style table prints it. */
function undivided(subtotal: (col: string) => number): Layout {
  const L = layout();
  const first = rowOf(L, '申请人无正当理由逾期不补正');
  L.rows.splice(first, 3, ['（六）其他处理', ...COLUMNS.map(subtotal)]);
  // The group's vertical label merges end above; merges below move up by the two rows removed.
  L.merges = L.merges
    .filter((m) => m[0] < first || m[0] > first + 2)
    .map((m) => (m[0] > first + 2 ? [m[0] - 2, m[1], m[2] - 2, m[3]] : m[2] >= first ? [m[0], m[1], Math.min(m[2], first - 1), m[3]] : m) as Layout['merges'][number]);
  return L;
}

const sumOther = (col: string) => OTHER.reduce((t, r) => t + (suqian.cells[`requests.${r}.${col}`] ?? 0), 0);

test('the published figures read exactly, in the 2021 format', async () => {
  const { report, findings, cells } = await read(layout());
  expect(report.format).toBe('gov-2021');
  expect(cells).toEqual(Object.fromEntries(f2021.cells.map((c) => [c.id, suqian.cells[c.id]])));
  expect(findings).toEqual([]);
});

test('a 2023 report printing the undivided （六）其他处理 row stays in the 2021 format: the sub-rows are named, not invented', async () => {
  const { report, findings, cells } = await read(undivided(sumOther));
  expect(report.format).toBe('gov-2021');
  expect(findings.map((f) => [f.rule, f.message])).toEqual([['format.undivided_row', expect.any(String)]]);
  expect(findings[0].severity).toBe('error');
  expect(findings[0].cells).toHaveLength(21);
  expect(findings[0].message).toContain('「2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请」');
  for (const r of OTHER) for (const c of COLUMNS) expect(cells[`requests.${r}.${c}`]).toBeUndefined();
  // Everything else is exact.
  for (const c of f2021.cells.filter((x) => !OTHER.some((r) => x.id.startsWith(`requests.${r}.`)))) expect(cells[c.id]).toBe(suqian.cells[c.id]);
});

test('the undivided row’s subtotal is still checked against （七）总计', async () => {
  const wrong = (col: string) => sumOther(col) + (col === 'natural' || col === 'total' ? 2 : 0);
  const { findings } = await read(undivided(wrong));
  const sums = findings.filter((f) => f.rule === 'requests.results_sum');
  expect(sums.map((f) => f.cells[0])).toEqual(['requests.total.natural', 'requests.total.total']);
  expect(sums[0].expected).toBe(suqian.cells['requests.total.natural']! + 2);
  expect(sums[0].actual).toBe(suqian.cells['requests.total.natural']);
});

test('a year inside a header (本年(2023)制发件数) is read as the statutory header', async () => {
  const L = layout();
  for (const row of L.rows) row.forEach((c, i) => (row[i] = c === '本年制发件数' ? '本年(2023)制发件数' : c === '现行有效件数' ? '现行有效件数（2023年）' : c));
  expect(L.rows.some((r) => r.includes('本年(2023)制发件数'))).toBe(true);
  const { cells, findings } = await read(L);
  expect(cells['proactive.rules.issued']).toBe(suqian.cells['proactive.rules.issued']);
  expect(cells['proactive.normative.in_force']).toBe(suqian.cells['proactive.normative.in_force']);
  expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
});

test('an annotated count, 「N（其中修订16件）」, is read as N with a warning quoting the note', async () => {
  const n = suqian.cells['proactive.normative.issued']!;
  const { cells, findings } = await read(layout({ ...suqian.cells, 'proactive.normative.issued': `${n}（其中修订16件）` }));
  expect(cells['proactive.normative.issued']).toBe(n);
  expect(findings.map((f) => [f.rule, f.severity, f.cells[0]])).toEqual([['cell.annotated', 'warning', 'proactive.normative.issued']]);
  expect(findings[0].message).toContain('其中修订16件');
});

test('a footnote row and a local extra row are ignored, each with a note; the figures stay exact', async () => {
  const L = layout();
  insertRow(L, rowOf(L, '四、结转下年度继续办理') + 1, ['注：本表“本年新收”含上年度结转数量。']);
  insertRow(L, rowOf(L, '规范性文件') + 1, ['其他主动公开文件', 12, 3, 40]);
  const { cells, findings } = await read(L);
  expect(cells).toEqual(Object.fromEntries(f2021.cells.map((c) => [c.id, suqian.cells[c.id]])));
  expect(findings.map((f) => [f.rule, f.severity])).toEqual([
    ['format.row_ignored', 'info'],
    ['format.row_ignored', 'info'],
  ]);
  expect(findings.map((f) => f.message).join()).toMatch(/「其他主动公开文件」不是法定表格中的行.*脚注「注：本表“本年新收”含上年度结转数量。」/);
});

test('a 2022 report typed into the 2019 template is read as the 2019 format and called out', async () => {
  const f2019 = formats.byId('gov-2019')!;
  const L = clerkLayout(f2019, fixture.reports.find((r) => r.id === 'seed000_fuxin_szfb_2020')!.cells, { office: '阜新市人民政府办公室', year: 2022, labelColumns: 1 });
  const { reports } = await readReports('阜新.html', new TextEncoder().encode(toHtml(L)), formats);
  expect(reports[0].format).toBe('gov-2019');
  expect(validate(reports[0]).findings.map((f) => f.rule)).toContain('format.year_mismatch');
});

test('a workbook with the three tables on separate sheets (表二、表三、表四) is read as one report', async () => {
  const L = layout();
  const starts = ['二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况'].map((t) => rowOf(L, t));
  const wb = new ExcelJS.Workbook();
  ['表二', '表三', '表四'].forEach((name, i) => {
    const ws = wb.addWorksheet(name);
    const from = i === 0 ? 0 : starts[i];
    const to = i < 2 ? starts[i + 1] : L.rows.length;
    L.rows.slice(from, to).forEach((row, r) => row.forEach((v, c) => v !== null && v !== '' && (ws.getCell(r + 1, c + 1).value = v)));
  });
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const { reports, problems } = await readReports('宿迁市2023年报.xlsx', bytes, formats);
  expect(problems).toEqual([]);
  expect(reports).toHaveLength(1);
  const r = reports[0];
  expect([r.office, r.year, r.format]).toEqual(['宿迁市人民政府', 2023, 'gov-2021']);
  expect(r.source).toBe('宿迁市2023年报.xlsx#表二（与表三、表四合并为一份）');
  expect(Object.fromEntries(f2021.cells.map((c) => [c.id, r.readings[c.index]?.value]))).toEqual(Object.fromEntries(f2021.cells.map((c) => [c.id, suqian.cells[c.id]])));
  expect(originText(r.provenance!['appeals.review.total'])).toMatch(/^宿迁市2023年报\.xlsx#表四!/);
  expect(validate(r).findings).toEqual([]);
});

test('two complete reports on two sheets stay two reports', async () => {
  const wb = new ExcelJS.Workbook();
  for (const [name, office] of [
    ['甲', '宿迁市甲局'],
    ['乙', '宿迁市乙局'],
  ]) {
    const L = clerkLayout(f2021, suqian.cells, { office, year: 2023, labelColumns: 1 });
    const ws = wb.addWorksheet(name);
    L.rows.forEach((row, r) => row.forEach((v, c) => v !== null && v !== '' && (ws.getCell(r + 1, c + 1).value = v)));
  }
  const { reports } = await readReports('两局.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()), formats);
  expect(reports.map((r) => r.office)).toEqual(['宿迁市甲局', '宿迁市乙局']);
});

/** The table as `pdftotext -layout` prints it: columns padded with spaces, blanks as spaces. */
function layoutText(L: Layout): string {
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u2e80-\ua4cf\uff00-\uff60]/.test(ch) ? 2 : 1), 0);
  const texts = L.rows.map((r) => r.map((c) => (c === null ? '' : String(c))));
  const cols = Math.max(...texts.map((r) => r.length));
  const w = Array.from({ length: cols }, (_, i) => Math.max(4, ...texts.map((r) => (r.length > 1 ? width(r[i] ?? '') : 0))));
  return texts.map((r) => (r.length === 1 ? r[0] : r.map((t, i) => (i === 0 ? t + ' '.repeat(w[0] - width(t)) : ' '.repeat(w[i] - width(t)) + t)).join('   ')).trimEnd()).join('\n');
}

test('text laid out in columns by spaces reads exactly, a blank column included', async () => {
  const blanked = Object.fromEntries(Object.entries(suqian.cells).map(([id, v]) => [id, id.startsWith('requests.') && id.endsWith('.research') ? null : v]));
  const text = layoutText(layout(blanked));
  expect(text).toMatch(/规章 {3,}\d+ {3,}\d+ {3,}\d+/);
  const { reports, problems } = await readReports('宿迁.txt', new TextEncoder().encode(text), formats);
  expect(problems).toEqual([]);
  const r = reports[0];
  expect(r.format).toBe('gov-2021');
  expect(Object.fromEntries(f2021.cells.map((c) => [c.id, r.readings[c.index]?.value]))).toEqual(blanked);
  expect(originText(r.provenance!['proactive.rules.issued'])).toMatch(/^宿迁\.txt!第\d+行第2格$/);
  // 宿迁 had no application from 科研机构: blanks there are 0s, so only the blanks are reported.
  expect(Object.entries(suqian.cells).filter(([id, v]) => id.endsWith('.research') && v !== 0)).toEqual([]);
  const findings = validate(r).findings;
  expect(new Set(findings.map((f) => f.rule))).toEqual(new Set(['cell.blank']));
  expect(findings).toHaveLength(Object.keys(suqian.cells).filter((id) => id.startsWith('requests.') && id.endsWith('.research')).length);
});

test('a markdown table reads exactly, blanks at their columns', async () => {
  const blanked = { ...suqian.cells, 'requests.granted.legal': null, 'proactive.rules.repealed': null };
  const L = layout(blanked);
  const md = L.rows
    .map((r, i) => {
      if (r.length === 1) return String(r[0] ?? '');
      const row = `| ${r.map((c) => (c === null ? '' : String(c))).join(' | ')} |`;
      return i > 0 && L.rows[i - 1].length === 1 ? `${row}\n|${r.map(() => ' --- ').join('|')}|` : row;
    })
    .join('\n');
  expect(md).toContain('| --- |');
  const { reports } = await readReports('宿迁.md.txt', new TextEncoder().encode(md), formats);
  expect(Object.fromEntries(f2021.cells.map((c) => [c.id, reports[0].readings[c.index]?.value]))).toEqual(blanked);
  expect(validate(reports[0]).findings.map((f) => [f.rule, f.cells[0]])).toEqual(
    expect.arrayContaining([
      ['cell.blank', 'proactive.rules.repealed'],
      ['cell.blank', 'requests.granted.legal'],
    ]),
  );
});

test('an appeals table turned round (groups as rows, results as columns, in the clerk’s order) reads exactly', async () => {
  const L = layout();
  const at = rowOf(L, '四、政府信息公开行政复议、行政诉讼情况');
  const results = [
    ['结果纠正', 'corrected'],
    ['结果维持', 'upheld'],
    ['其他结果', 'other'],
    ['尚未审结', 'pending'],
    ['总计', 'total'],
  ];
  const groups = [
    ['行政复议', 'review'],
    ['行政诉讼（未经复议直接起诉）', 'suit_direct'],
    ['行政诉讼（复议后起诉）', 'suit_after_review'],
  ];
  L.rows.splice(at + 1);
  L.merges = L.merges.filter((m) => m[0] <= at);
  L.rows.push(['类别', ...results.map(([label]) => label)]);
  for (const [label, id] of groups) L.rows.push([label, ...results.map(([, r]) => suqian.cells[`appeals.${id}.${r}`])]);
  const { cells, findings } = await read(L);
  expect(cells).toEqual(Object.fromEntries(f2021.cells.map((c) => [c.id, suqian.cells[c.id]])));
  expect(findings).toEqual([]);
});

test('a row label wrapped over two lines, its figures on the second line, is read as one row', async () => {
  const fuxinText = readFileSync(join(__dirname, '..', 'fixtures', 'samples', 'fuxin-2020.txt'), 'utf8');
  const fuxin = fixture.reports.find((r) => r.id === 'seed000_fuxin_szfb_2020')!;
  const wrapped = fuxinText.replace('(二) 部分公开 (区分处理的, 只计这一情形, 不计其他情形)\t', '(二) 部分公开 (区分处理的, 只计这一情形, 不计\n其他情形)\t');
  expect(wrapped).not.toBe(fuxinText);
  const { reports } = await readReports('阜新.txt', new TextEncoder().encode(wrapped), formats);
  const f2019 = formats.byId('gov-2019')!;
  expect(Object.fromEntries(f2019.cells.map((c) => [c.id, reports[0].readings[c.index]?.value]))).toEqual(fuxin.cells);
  expect(originText(reports[0].provenance!['requests.partial.natural'])).toMatch(/第\d+行/);
});

test.each([
  ['1、', (n: number) => `${n}、`],
  ['（1）', (n: number) => `（${n}）`],
  ['①', (n: number) => String.fromCharCode(0x2460 + n - 1)],
  ['none', () => ''],
])('sub-rows numbered %s read exactly', async (_name, number) => {
  const L = clerkLayout(f2021, suqian.cells, { office: '宿迁市人民政府', year: 2023, labelColumns: 3 });
  let changed = 0;
  for (const row of L.rows)
    row.forEach((c, i) => {
      const m = typeof c === 'string' ? /^(\d)\.(.+)$/.exec(c) : null;
      if (m) {
        row[i] = `${number(Number(m[1]))}${m[2]}`;
        changed++;
      }
    });
  expect(changed).toBeGreaterThan(15);
  const { cells, findings } = await read(L);
  expect(cells).toEqual(Object.fromEntries(f2021.cells.map((c) => [c.id, suqian.cells[c.id]])));
  expect(findings).toEqual([]);
});
