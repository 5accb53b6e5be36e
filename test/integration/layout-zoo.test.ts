/**
 * The layout zoo: submissions built the way clerks build them, each with exactly what
 * must be read or flagged. Files are real .xlsx/.docx/.html bytes read back by the product.
 */
import { originText } from '../../src/model/report';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { formats } from '../../src/formats';
import { readReports } from '../helpers/read-file';
import type { Report } from '../../src/model/report';
import { validate } from '../../src/rules/engine';
import { nianbao } from '../helpers/cli';
import { append, clerkLayout, insertRow, removeColumn, rowOf, toDocx, toHtml, toXlsx, type Cell, type Layout } from '../helpers/clerk-layouts';
import { seeded, validCells } from '../helpers/random-report';

const F2019 = formats.byId('gov-2019')!;
const F2021 = formats.byId('gov-2021')!;
const cells2021 = validCells(F2021, seeded(7));
const cells2019 = validCells(F2019, seeded(8));

function valuesOf(r: Report): Record<string, number | null | string> {
  const f = formats.byId(r.format)!;
  const out: Record<string, number | null | string> = {};
  for (const c of f.cells) {
    const rd = r.readings[c.index];
    if (rd) out[c.id] = rd.status === 'invalid' ? rd.raw! : rd.value;
  }
  return out;
}

async function readOne(name: string, bytes: Uint8Array | string): Promise<Report> {
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  const { reports, problems } = await readReports(name, data, formats);
  expect(problems).toEqual([]);
  expect(reports).toHaveLength(1);
  return reports[0];
}

const rules = (r: Report) =>
  validate(r)
    .findings.map((f) => f.rule)
    .sort();

test('1. merged label cells over three columns (.xlsx): every cell read, nothing flagged', async () => {
  const L = clerkLayout(F2021, cells2021, { office: '汤原县交通运输局', year: 2022 });
  const r = await readOne('汤原县交通运输局.xlsx', await toXlsx(L));
  expect(r).toMatchObject({ office: '汤原县交通运输局', year: 2022, format: 'gov-2021' });
  expect(valuesOf(r)).toEqual(cells2021);
  expect(rules(r)).toEqual([]);
  expect(originText(r.provenance!['requests.denied.secret.natural'])).toMatch(/^汤原县交通运输局\.xlsx!D\d+$/);
});

test('2. labels joined in one column (.xlsx): every cell read, nothing flagged', async () => {
  const L = clerkLayout(F2021, cells2021, { office: '某县', year: 2023, labelColumns: 1 });
  const r = await readOne('某县.xlsx', await toXlsx(L));
  expect(valuesOf(r)).toEqual(cells2021);
  expect(rules(r)).toEqual([]);
});

test('3. an extra subtotal row is verified, not double counted; a wrong one is flagged', async () => {
  const L = clerkLayout(F2021, cells2021, { office: '某县', year: 2022 });
  const at = rowOf(L, '1.本机关不掌握相关政府信息');
  const cols = ['natural', 'business', 'research', 'nonprofit', 'legal', 'org_other', 'total'];
  const sum = (c: string) => ['not_held', 'needs_creation', 'unclear'].reduce((s, r) => s + (cells2021[`requests.unable.${r}.${c}`] as number), 0);
  insertRow(L, at, ['', '（四）无法提供小计', '', ...cols.map(sum)]);
  let r = await readOne('subtotal.xlsx', await toXlsx(L));
  expect(valuesOf(r)).toEqual(cells2021);
  expect(rules(r)).toEqual([]);

  L.rows[at][3] = sum('natural') + 5;
  r = await readOne('subtotal.xlsx', await toXlsx(L));
  expect(valuesOf(r)).toEqual(cells2021);
  const f = validate(r).findings;
  expect(f.map((x) => x.rule)).toEqual(['format.subtotal_mismatch']);
  expect(f[0]).toMatchObject({ severity: 'warning', expected: sum('natural'), actual: sum('natural') + 5 });
  expect(f[0].cells).toEqual(['requests.unable.not_held.natural', 'requests.unable.needs_creation.natural', 'requests.unable.unclear.natural']);
});

test('4. a column lost in copy-paste: the other columns are read, the lost one is named as missing', async () => {
  const L = clerkLayout(F2021, cells2021, { office: '某县', year: 2022 });
  const top = rowOf(L, '申请人情况');
  const bottom = rowOf(L, '四、结转下年度继续办理');
  removeColumn(L, 3 + 4, top, bottom); // 法律服务机构
  const r = await readOne('lost-column.xlsx', await toXlsx(L));
  const legal = F2021.cells.filter((c) => c.table === 'requests' && c.column === 'legal').map((c) => c.id);
  const want = { ...cells2021 } as Record<string, unknown>;
  for (const id of legal) delete want[id];
  expect(valuesOf(r)).toEqual(want);
  const missing = validate(r).findings.filter((f) => f.rule === 'format.missing_cells');
  expect(missing).toHaveLength(1);
  expect(missing[0].cells.sort()).toEqual(legal.sort());
});

test('5. a row with 6 values where 7 are due (text) is not shifted: its cells are reported missing', async () => {
  const lines = ['某县2022年政府信息公开工作年度报告', '三、收到和处理政府信息公开申请情况'];
  const f = F2021;
  const rows = (f.def.tables[1] as { rows: { id: string; path: string[] }[] }).rows;
  for (const row of rows) {
    const vals = ['natural', 'business', 'research', 'nonprofit', 'legal', 'org_other', 'total'].map((c) => String(cells2021[`requests.${row.id}.${c}`]));
    if (row.id === 'granted') vals.splice(2, 1);
    lines.push([row.path[row.path.length - 1], ...vals].join('\t'));
  }
  const { reports } = await readReports('short-row.txt', new TextEncoder().encode(lines.join('\n')), formats, {});
  const r = reports[0];
  expect(r.readings[f.index.get('requests.granted.natural')!]).toBeUndefined();
  const missing = validate(r).findings.find((x) => x.rule === 'format.missing_cells')!;
  expect(missing.message).toContain('一行有 6 个数，应为 7 个');
  for (const c of ['natural', 'business', 'research', 'nonprofit', 'legal', 'org_other', 'total']) expect(missing.cells).toContain(`requests.granted.${c}`);
  // The next row is still read where it belongs.
  expect(r.readings[f.index.get('requests.partial.total')!]?.value).toBe(cells2021['requests.partial.total']);
});

test('6. a sign written after the number ("3-") is flagged, never read as 3 or -3; a true minus sign is read', async () => {
  const c: Record<string, Cell> = { ...cells2019 };
  c['proactive.licensing.change'] = '3-';
  c['proactive.penalty.change'] = '−2';
  const want: Record<string, Cell> = { ...cells2019, 'proactive.penalty.change': -2 };
  const L = clerkLayout(F2019, { ...c, 'proactive.penalty.prev_items': Math.max(2, cells2019['proactive.penalty.prev_items']) }, { office: '某县', year: 2020 });
  want['proactive.penalty.prev_items'] = Math.max(2, cells2019['proactive.penalty.prev_items']);
  const r = await readOne('sign.xlsx', await toXlsx(L));
  expect(valuesOf(r)).toEqual({ ...want, 'proactive.licensing.change': '3-' });
  const f = validate(r).findings;
  expect(f.filter((x) => x.severity === 'error').map((x) => [x.rule, x.cells[0]])).toEqual([['cell.not_number', 'proactive.licensing.change']]);
});

test('7. text in numeric cells is flagged as not a number and never summed as 0', async () => {
  const L = clerkLayout(F2021, { ...cells2021, 'requests.granted.natural': '十二', 'requests.new.total': '见附件' }, { office: '某县', year: 2022 });
  const r = await readOne('text.xlsx', await toXlsx(L));
  const f = validate(r).findings;
  expect(
    f
      .filter((x) => x.rule === 'cell.not_number')
      .map((x) => x.cells[0])
      .sort(),
  ).toEqual(['requests.granted.natural', 'requests.new.total']);
  // Relations touching them are not checked, so nothing else is raised.
  expect(f.map((x) => x.rule).sort()).toEqual(['cell.not_number', 'cell.not_number']);
});

test('8. the 2019 layout used for a 2022 report: read as gov-2019 and flagged', async () => {
  const L = clerkLayout(F2019, cells2019, { office: '某县', year: 2022 });
  const r = await readOne('old-layout.xlsx', await toXlsx(L));
  expect(r.format).toBe('gov-2019');
  expect(valuesOf(r)).toEqual(cells2019);
  expect(rules(r)).toEqual(['format.year_mismatch']);
});

test('9. two reports on one sheet: both read, each with its own office', async () => {
  const other = validCells(F2021, seeded(99));
  const L = append(clerkLayout(F2021, cells2021, { office: '甲乡', year: 2022 }), clerkLayout(F2021, other, { office: '乙镇', year: 2022 }));
  const { reports } = await readReports('two.xlsx', await toXlsx(L), formats);
  expect(reports.map((r) => r.office)).toEqual(['甲乡', '乙镇']);
  expect(valuesOf(reports[0])).toEqual(cells2021);
  expect(valuesOf(reports[1])).toEqual(other);
});

test('10. a .docx with the tables (gridSpan and vMerge): every cell read', async () => {
  const L = clerkLayout(F2021, cells2021, { office: '某市生态环境局', year: 2022 });
  const r = await readOne('某市生态环境局.docx', toDocx(L));
  expect(r.office).toBe('某市生态环境局');
  expect(valuesOf(r)).toEqual(cells2021);
  expect(rules(r)).toEqual([]);
  expect(originText(r.provenance!['appeals.review.total'])).toMatch(/表\d+ 第\d+行第\d+格/);
});

test('11. an .html page (colspan and rowspan): every cell read', async () => {
  const L = clerkLayout(F2019, cells2019, { office: '某区', year: 2020 });
  const r = await readOne('page.html', toHtml(L));
  expect(valuesOf(r)).toEqual(cells2019);
  expect(rules(r)).toEqual([]);
});

test('12. hidden rows are read like any other, and their provenance says so', async () => {
  const L = clerkLayout(F2021, cells2021, { office: '某县', year: 2022 });
  const hidden = rowOf(L, '2.重复申请');
  L.hidden.push(hidden);
  const r = await readOne('hidden.xlsx', await toXlsx(L));
  expect(valuesOf(r)).toEqual(cells2021);
  expect(originText(r.provenance!['requests.rejected.repeat.total'])).toContain('隐藏行');
});

test('13. missing zeros: the blank cells are named, the rest read', async () => {
  const c: Record<string, Cell> = { ...cells2021 };
  for (const id of ['appeals.review.other', 'requests.denied.query.legal']) c[id] = null;
  const L = clerkLayout(F2021, c, { office: '某县', year: 2022 });
  const r = await readOne('blanks.xlsx', await toXlsx(L));
  const blanks = validate(r)
    .findings.filter((f) => f.rule === 'cell.blank')
    .map((f) => f.cells[0]);
  expect(blanks.sort()).toEqual(['appeals.review.other', 'requests.denied.query.legal']);
});

test('14. typos in labels are read with a label_drift warning quoting both', async () => {
  const L = clerkLayout(F2021, cells2021, { office: '某县', year: 2022 });
  const i = rowOf(L, '1.信访举报投诉类申请');
  L.rows[i] = L.rows[i].map((x) => (x === '1.信访举报投诉类申请' ? '1.信访举报报投诉类申请' : x));
  const j = rowOf(L, '信息内容');
  L.rows[j][0] = '信息内筒';
  const r = await readOne('typo.xlsx', await toXlsx(L));
  expect(valuesOf(r)).toEqual(cells2021);
  const drift = validate(r).findings.filter((f) => f.rule === 'format.label_drift');
  expect(drift.map((f) => f.message)).toEqual(expect.arrayContaining([expect.stringContaining('「1.信访举报报投诉类申请」'), expect.stringContaining('「信息内筒」')]));
  expect(rules(r)).toEqual(['format.label_drift', 'format.label_drift']);
});

test('15. a totally unrelated sheet: "no report found", exit 2, nothing guessed', async () => {
  const L: Layout = {
    rows: [['2022年部门预算'], ['科目', '金额', '备注'], ...Array.from({ length: 40 }, (_, i) => [`支出项目${i + 1}`, i * 13, '']), ['总计', 9999, '']],
    merges: [],
    hidden: [],
  };
  const dir = mkdtempSync(join(tmpdir(), 'zoo-'));
  const file = join(dir, '预算.xlsx');
  writeFileSync(file, await toXlsx(L));
  const run = nianbao(['validate', file]);
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toContain('未找到可识别的报表');
});

test("16. the product's own template with its metadata deleted is recognised by its labels", async () => {
  const run = nianbao(['import', join(__dirname, '../fixtures/samples/wuzhong-2020.txt'), '--out', join(mkdtempSync(join(tmpdir(), 'zoo-')), 'x.xlsx')]);
  expect(run.code).toBe(0);
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(run.stdout.match(/写入 (.+\.xlsx)/)![1]);
  const ws = wb.worksheets[0];
  ws.getCell('P1').value = null;
  const r = await readOne('stripped.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
  expect(r.format).toBe('gov-2019');
  expect(r.year).toBe(2020);
  expect(r.readings.every((x) => x !== undefined)).toBe(true);
  expect(r.readings[F2019.index.get('appeals.suit_direct.total')!]?.value).toBe(8);
});

test('17. an amount column headed in 元 is converted to 万元 and flagged, never taken as 万元', async () => {
  const L = clerkLayout(F2019, { ...cells2019, 'proactive.procurement.amount': 251000 }, { office: '某县', year: 2020 });
  const h = rowOf(L, '采购总金额');
  L.rows[h] = L.rows[h].map((x) => (x === '采购总金额' ? '采购总金额（元）' : x));
  const r = await readOne('yuan.xlsx', await toXlsx(L));
  const rd = r.readings[F2019.index.get('proactive.procurement.amount')!]!;
  expect(rd).toMatchObject({ value: 25.1, status: 'unit' });
  const f = validate(r).findings;
  expect(f.map((x) => x.rule)).toEqual(['cell.unit_text']);
  expect(f[0].message).toContain('25.1 万元');
});
