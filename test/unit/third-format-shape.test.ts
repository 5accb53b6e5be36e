/**
 * A third version shaped unlike the shipped two (a four-column section, an eight-column
 * requests table whose applicant group has an id, one more key figure) goes through the
 * template, validation, import from a clerk's own layout and consolidation, with nothing
 * added but its definition, registered here only.
 */
import { consolidateSheets } from '../../src/app/consolidate-sheets';
import { formats } from '../../src/formats';
import { consolidate } from '../../src/consolidate/consolidate';
import { recognize } from '../../src/import/recognize/index';
import { gridFromSheet } from '../../src/import/sheet-grid';
import { address } from '../../src/layout/a1';
import { buildOverviewPlan } from '../../src/layout/overview-plan';
import { buildSheetPlan, META_BACKUP_ROW, META_COLUMN, type SheetPlan } from '../../src/layout/sheet-plan';
import type { Report } from '../../src/model/report';
import { decodeMeta } from '../../src/model/sheet-meta';
import type { CellContent, SheetData } from '../../src/model/sheet-data';
import { reportFromOurSheet } from '../../src/layout/sheet-report';
import { readCell } from '../../src/model/values';
import { ExceljsWorkbookPort } from '../../src/ports/exceljs/exceljs-workbook';
import { validate } from '../../src/rules/engine';
import { APPLICANT_COLUMNS, cells2030, RESULT_ROWS, TEST_2030 } from '../helpers/format-2030';

const format = formats.register(TEST_2030);

const readings = (cells: Record<string, number>) => format.cells.map((c) => readCell(cells[c.id], c.kind));
const valuesOf = (r: Report) => Object.fromEntries(format.cells.map((c) => [c.id, r.readings[c.index]?.value]));

/** Nothing of a plan but its metadata in the hidden column P, nor (on a report sheet) in row 60. */
function clearOfMeta(plan: SheetPlan, backupRow: boolean) {
  const intruders = plan.cells.filter((c) => c.style !== 'meta' && (c.col === META_COLUMN || (backupRow && c.row === META_BACKUP_ROW)));
  expect(intruders.map((c) => address(c.row, c.col))).toEqual([]);
  expect(plan.merges.filter((m) => m.left <= META_COLUMN && m.right >= META_COLUMN)).toEqual([]);
}

describe('the template', () => {
  const plan = buildSheetPlan(format, { office: '某县财政局', year: 2030 });

  test('is the year’s format', () => {
    expect(formats.forYear(2030)).toBe(format);
    expect(formats.forYear(2029)!.id).toBe('gov-2021');
  });

  test('lays the four-column section out in four slots before the metadata column', () => {
    const cols = ['issued', 'revised', 'repealed', 'in_force'].map((c) => plan.addresses[`proactive.rules.${c}`].replace(/\d+$/, ''));
    expect(cols).toEqual(['G', 'I', 'K', 'M']);
    const row = Number(plan.addresses['proactive.rules.in_force'].replace(/^[A-Z]+/, ''));
    expect(plan.merges).toContainEqual({ top: row, left: 13, bottom: row, right: 15 });
  });

  test('names the grouped columns by the group’s id and keeps all eight columns within A:O', () => {
    expect(format.index.has('requests.new.org.individual')).toBe(true);
    const row = plan.addresses['requests.new.natural'].replace(/^[A-Z]+/, '');
    expect(['natural', ...APPLICANT_COLUMNS.slice(1), 'total'].map((c) => plan.addresses[`requests.new.${c}`])).toEqual(['H', 'I', 'J', 'K', 'L', 'M', 'N', 'O'].map((c) => `${c}${row}`));
    clearOfMeta(plan, true);
  });

  test('is written, read back and validated: the totals are live formulas, a broken sum is found', async () => {
    const cells = cells2030(1);
    const port = ExceljsWorkbookPort.empty();
    const filled = buildSheetPlan(format, { office: '某县财政局', year: 2030, readings: readings(cells) });
    await port.writeSheet(filled);
    const back = await ExceljsWorkbookPort.fromBuffer(await port.toBuffer());
    const [sheet] = await back.readSheets([filled.name]);
    expect(sheet.formulas?.get(filled.addresses['requests.total.org.legal'])).toMatch(/^SUM\(/);
    expect(decodeMeta(sheet.cells.get(address(1, META_COLUMN)))).toMatchObject({ format: 'test-2030', year: 2030 });
    const read = reportFromOurSheet(sheet, formats, 'x');
    if (!('report' in read)) throw new Error(read.problem);
    expect(valuesOf(read.report)).toEqual(cells);
    expect(validate(read.report).findings.filter((f) => f.severity !== 'info')).toEqual([]);

    const broken = readings({ ...cells, 'requests.granted.org.individual': cells['requests.granted.org.individual'] + 1 });
    const findings = validate({ ...read.report, readings: broken }).findings.filter((f) => f.severity === 'error');
    expect(findings.map((f) => f.rule).sort()).toEqual(['requests.results_sum', 'requests.row_sum']);
    expect(findings.find((f) => f.rule === 'requests.row_sum')!.message).toMatch(/^「（一）予以公开」行：/);
  });
});

/** The tables as a clerk types them into a sheet: no merges, group labels only on their first row. */
function clerkGrid(office: string, cells: Record<string, number>): CellContent[][] {
  const v = (id: string) => cells[id];
  const columns = [...APPLICANT_COLUMNS, 'total'];
  const requestRow = (labels: string[], row: string) => [...labels, ...Array(3 - labels.length).fill(''), ...columns.map((c) => v(`requests.${row}.${c}`))];
  return [
    [`${office}2030年政府信息公开工作年度报告`],
    ['二、主动公开政府信息情况'],
    ['第二十条第（一）项'],
    ['信息内容', '本年制发件数', '本年修订件数', '本年废止件数', '现行有效件数'],
    ['规章', ...['issued', 'revised', 'repealed', 'in_force'].map((c) => v(`proactive.rules.${c}`))],
    ['行政规范性文件', ...['issued', 'revised', 'repealed', 'in_force'].map((c) => v(`proactive.normative.${c}`))],
    ['第二十条第（五）项'],
    ['信息内容', '本年处理决定数量'],
    ['行政许可', v('proactive.licensing.decisions')],
    ['第二十条第（八）项'],
    ['信息内容', '本年收费金额（单位：万元）'],
    ['行政事业性收费', v('proactive.fees.amount')],
    [],
    ['三、收到和处理政府信息公开申请情况'],
    ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '', '', '申请人情况'],
    ['', '', '', '自然人', '法人或其他组织', '', '', '', '', '', '总计'],
    ['', '', '', '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '个体工商户', '其他', ''],
    requestRow(['一、本年新收政府信息公开申请数量'], 'new'),
    requestRow(['二、上年结转政府信息公开申请数量'], 'carried_in'),
    requestRow(['三、本年度办理结果', '（一）予以公开'], 'granted'),
    requestRow(['', '（二）部分公开'], 'partial'),
    requestRow(['', '（三）不予公开', '1.属于国家秘密'], 'denied.secret'),
    requestRow(['', '', '2.其他依法不予公开情形'], 'denied.other'),
    requestRow(['', '（四）其他处理'], 'other'),
    requestRow(['', '（五）总计'], 'total'),
    requestRow(['四、结转下年度继续办理'], 'carried_out'),
    [],
    ['四、政府信息公开行政复议、行政诉讼情况'],
    ['行政复议', '', '', '', '', '行政诉讼'],
    ['', '', '', '', '', '未经复议直接起诉', '', '', '', '', '复议后起诉'],
    [...Array(3)].flatMap(() => ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']),
    ['review', 'suit_direct', 'suit_after_review'].flatMap((g) => ['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => v(`appeals.${g}.${c}`))),
  ];
}

function sheetOf(name: string, rows: CellContent[][]): SheetData {
  const cells = new Map<string, CellContent>();
  rows.forEach((row, r) => row.forEach((x, c) => x !== '' && x !== undefined && cells.set(address(r + 1, c + 1), x)));
  return { name, meta: null, cells, notes: new Map(), fills: new Map() };
}

describe('import from a clerk’s layout, and consolidation', () => {
  const offices = ['某县财政局', '某县教育局', '某县民政局'];
  const cells = offices.map((_, i) => cells2030(10 + i));
  const imported = offices.map((office, i) => {
    const { reports, problems } = recognize(gridFromSheet(sheetOf('Sheet1', clerkGrid(office, cells[i])), `${office}.xlsx`), { registry: formats });
    expect(problems).toEqual([]);
    expect(reports).toHaveLength(1);
    return reports[0];
  });

  test('every figure is read, by its labels, in the new format, without drift', () => {
    imported.forEach((r, i) => {
      expect([r.format, r.office, r.year]).toEqual(['test-2030', offices[i], 2030]);
      expect(valuesOf(r)).toEqual(cells[i]);
      expect(validate(r).findings).toEqual([]);
    });
    expect(imported[0].provenance!['requests.denied.other.org.individual']).toEqual({ source: '某县财政局.xlsx', sheet: 'Sheet1', address: 'I23' });
  });

  test('the summary sums cell by cell and keeps the relations', () => {
    const result = consolidate(imported, { office: '某县', registry: formats });
    if (!result.ok) throw new Error(result.findings.map((f) => f.message).join());
    const sum = (id: string) => cells.reduce((t, c) => t + c[id], 0);
    for (const id of ['requests.total.org.individual', 'proactive.rules.revised', 'appeals.suit_after_review.total']) expect(result.summary.readings[format.index.get(id)!]!.value).toBe(sum(id));
    expect(validate(result.summary).findings.filter((f) => f.severity !== 'info')).toEqual([]);
    for (const row of RESULT_ROWS) expect(result.summary.readings[format.index.get(`requests.${row}.total`)!]!.value).toBe(sum(`requests.${row}.total`));
  });

  test('the overview shows the eighth key figure and steps over the metadata column', () => {
    const result = consolidate(imported, { office: '某县', registry: formats });
    if (!result.ok) throw new Error('refused');
    const plan = buildOverviewPlan(
      '某县2030汇总明细',
      { office: '某县', year: 2030, format: format.id, sheet: '某县2030汇总' },
      result.members.map((status) => ({ status })),
      formats,
      { today: '2031-02-01' },
    );
    clearOfMeta(plan, false);
    const at = new Map(plan.cells.map((c) => [address(c.row, c.col), c.value]));
    expect(at.get('M3')).toBe('现行有效规范性文件');
    expect(['N3', 'O3', 'Q3'].map((a) => at.get(a))).toEqual(['错误', '警告', '出错说明']);
    const rows = [4, 5, 6].map((r) => at.get(`M${r}`));
    expect(rows.sort()).toEqual(cells.map((c) => c['proactive.normative.in_force']).sort());
  });

  test('the workbook use-case consolidates the imported sheets: summary and overview written, metadata intact', async () => {
    const port = ExceljsWorkbookPort.empty();
    const names: string[] = [];
    for (const r of imported) {
      const plan = buildSheetPlan(format, { office: r.office, year: 2030, totals: 'values', readings: r.readings });
      await port.writeSheet(plan);
      names.push(plan.name);
    }
    const result = await consolidateSheets(port, { members: names, office: '某县', today: '2031-02-01' });
    expect(result.ok).toBe(true);
    const back = await ExceljsWorkbookPort.fromBuffer(await port.toBuffer());
    const infos = await back.listSheets();
    expect(infos.find((s) => s.name === result.overviewSheet)!.meta).toMatchObject({ role: 'overview', format: 'test-2030' });
    const [summary] = await back.readSheets([result.summarySheet!]);
    const read = reportFromOurSheet(summary, formats, 'x');
    if (!('report' in read)) throw new Error(read.problem);
    expect(read.report.readings[format.index.get('requests.new.org.individual')!]!.value).toBe(cells.reduce((t, c) => t + c['requests.new.org.individual'], 0));
  });
});
