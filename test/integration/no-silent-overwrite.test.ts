/**
 * Nothing a clerk made is replaced without her say: --out refusals, the same
 * office imported twice, 修改单位与年度 within a format, errors listed first.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { generateTemplate } from '../../src/app/generate';
import { renameReport } from '../../src/app/rename-report';
import { errorsFirst, writeImported } from '../../src/app/imports';
import { formats } from '../../src/formats';
import { canonicalPlan } from '../../src/layout/sheet-report';
import { ExceljsWorkbookPort } from '../../src/ports/exceljs/exceljs-workbook';
import type { Finding } from '../../src/model/finding';
import { nianbao } from '../helpers/cli';
import { reportFromCells, seeded, validCells } from '../helpers/random-report';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-overwrite-'));
const format = formats.forYear(2023)!;
const plan = canonicalPlan(format);

describe('--out of template, import and consolidate', () => {
  const out = join(dir, '年报.xlsx');

  test('a blank template may be regenerated; a filled one is refused unless --force', async () => {
    expect(nianbao(['template', '--year', '2023', '--office', '某县', '--out', out]).code).toBe(0);
    expect(nianbao(['template', '--year', '2023', '--office', '某县', '--out', out]).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    wb.worksheets[0].getCell(plan.addresses['requests.new.natural']).value = 5;
    await wb.xlsx.writeFile(out);
    const refused = nianbao(['template', '--year', '2024', '--office', '某县', '--out', out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('已填写数据');
    expect(refused.stderr).toContain('--force');
    const kept = new ExcelJS.Workbook();
    await kept.xlsx.readFile(out);
    expect(kept.worksheets[0].getCell(plan.addresses['requests.new.natural']).value).toBe(5);
    expect(nianbao(['template', '--year', '2024', '--office', '某县', '--out', out, '--force']).code).toBe(0);
  });

  test('import and consolidate refuse a file that is not their own kind', () => {
    const json = join(dir, 'r.json');
    writeFileSync(json, JSON.stringify({ office: '某局', year: 2023, format: 'gov-2021', cells: validCells(format, seeded(3)) }));
    const template = join(dir, 'tpl.xlsx');
    expect(nianbao(['template', '--year', '2023', '--office', '某县', '--out', template]).code).toBe(0);
    const imp = nianbao(['import', json, '--out', template]);
    expect(imp.code).toBe(2);
    expect(imp.stderr).toContain('不是本工具生成的导入结果');
    const other = join(dir, 'notes.xlsx');
    writeFileSync(other, readFileSync(template));
    const con = nianbao(['consolidate', json, '--out', other, '--office', '某县']);
    expect(con.code).toBe(2);
    expect(con.stderr).toContain('不是本工具生成的汇总结果');
    // Their own kind is rewritten.
    const imported = join(dir, 'imp.xlsx');
    expect(nianbao(['import', json, '--out', imported]).code).toBe(0);
    expect(nianbao(['import', json, '--out', imported]).code).toBe(0);
    const summary = join(dir, 'sum.xlsx');
    expect(nianbao(['consolidate', json, '--out', summary, '--office', '某县']).code).toBe(0);
    expect(nianbao(['consolidate', json, '--out', summary, '--office', '某县']).code).toBe(0);
  });
});

test('importing an office and year the workbook holds asks first; replace keeps one sheet, keep writes a second', async () => {
  const port = ExceljsWorkbookPort.empty();
  const report = { ...reportFromCells(format, validCells(format, seeded(5))), office: '县教育局', year: 2023, source: '县教育局.docx' };
  expect(await writeImported(port, [{ report }])).toEqual({ written: ['县教育局2023年报'] });
  expect(await writeImported(port, [{ report }])).toEqual({ duplicates: [{ office: '县教育局', year: 2023, existing: '县教育局2023年报' }] });
  expect(await port.sheetNames()).toEqual(['县教育局2023年报']);
  expect(await writeImported(port, [{ report }], 'replace')).toEqual({ written: ['县教育局2023年报'] });
  expect(await port.sheetNames()).toEqual(['县教育局2023年报']);
  expect(await writeImported(port, [{ report }], 'keep')).toEqual({ written: ['县教育局2023年报(2)'] });
  // Two chosen entries of one office are duplicates of each other too.
  const other = ExceljsWorkbookPort.empty();
  expect(await writeImported(other, [{ report }, { report: { ...report, source: '另一份.xlsx' } }])).toEqual({
    duplicates: [{ office: '县教育局', year: 2023, existing: '县教育局.docx' }],
  });
  // An unknown office must be given, and a year must keep the report's format.
  await expect(writeImported(other, [{ report, office: ' ' }])).rejects.toThrow('未能识别填报单位');
  await expect(writeImported(other, [{ report, year: 2020 }])).rejects.toThrow('不能改为 2020 年度');
});

test('修改单位与年度 changes title, metadata and a name we gave together; another format is refused', async () => {
  const port = ExceljsWorkbookPort.empty();
  await generateTemplate(port, { office: '政府', year: 2023 });
  expect(await renameReport(port, '政府2023年报', { office: '某县人民政府办公室', year: 2024 })).toBe('某县人民政府办公室2024年报');
  const [sheet] = await port.readSheets(['某县人民政府办公室2024年报']);
  expect(sheet.meta).toMatchObject({ office: '某县人民政府办公室', year: 2024, format: 'gov-2021' });
  expect(sheet.cells.get('A1')).toBe('某县人民政府办公室2024年政府信息公开工作年度报告（法定表格）');
  expect(String(sheet.cells.get('A2'))).toContain('报告年度：2024年');
  await expect(renameReport(port, '某县人民政府办公室2024年报', { office: '某县', year: 2020 })).rejects.toThrow('请为该年度重新生成表格');
  // A name the clerk chose stays.
  await port.renameSheet('某县人民政府办公室2024年报', '我的表');
  expect(await renameReport(port, '我的表', { office: '某县', year: 2024 })).toBe('我的表');
});

test('lists show errors first, the order within each kept', () => {
  const f = (rule: string, severity: Finding['severity']): Finding => ({ rule, severity, cells: [], message: rule });
  expect(errorsFirst([f('a', 'warning'), f('b', 'info'), f('c', 'error'), f('d', 'warning'), f('e', 'error')]).map((x) => x.rule)).toEqual(['c', 'e', 'a', 'd', 'b']);
});
