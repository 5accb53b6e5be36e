/**
 * One file holding several published reports (a county's 汇编): each report's text is checked
 * against its own tables, exactly as if it came alone; where the text cannot be divided by the
 * reports' titles, it is not checked at all, and the user is told why.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { readers } from '../helpers/read-file';
import { checkFullText, checkFullTextFile, lastYearOf, readFullText, type LastYear } from '../../src/app/check-full-text';
import { reportPlan } from '../../src/app/imports';
import { ExceljsWorkbookPort } from '../../src/ports/exceljs/exceljs-workbook';
import type { Finding } from '../../src/model/finding';

const WILD = join(__dirname, '..', 'fixtures', 'wild');
/** The reports as published, but for one figure of 淮安 2024's text that its tables contradict (3119 → 3219). */
const text = (slug: string) => readFileSync(join(WILD, slug, 'extract.pdftotext.txt'), 'utf8').replace('全市共受理政府信息公开申请 3119 件', '全市共受理政府信息公开申请 3219 件');
const file = (name: string, content: string) => ({ name, bytes: new TextEncoder().encode(content) });

/** A finding without where it was found: line and paragraph numbers shift when reports are put together. */
const gist = (f: Finding) => `${f.severity} ${f.rule} ${f.cells.join(',')} ${f.quote ?? ''}`;

async function checkedAlone(slug: string) {
  const read = await readFullText(file(`${slug}.txt`, text(slug)), { readers });
  const [c] = checkFullText(read);
  return { office: c.report.office, year: c.report.year, narrative: c.narrative.map(gist), findings: c.findings.map(gist) };
}

test.each([
  ['hongze-district-2023', 'huaian-city-2024'],
  ['huaian-city-2024', 'hongze-district-2024'],
])('%s then %s in one file: each report checked as if it came alone', async (a, b) => {
  const alone = [await checkedAlone(a), await checkedAlone(b)];
  // The planted fault is 淮安's, and only 淮安's.
  expect(alone.map((r) => r.narrative.some((f) => f.includes('3219')))).toEqual(alone.map((r) => r.office === '淮安市人民政府'));
  const read = await readFullText(file('汇编.txt', `${text(a)}\n\n${text(b)}`), { readers });
  expect(read.problems).toEqual([]);
  const together = checkFullText(read).map((c) => ({ office: c.report.office, year: c.report.year, narrative: c.narrative.map(gist), findings: c.findings.map(gist) }));
  expect(together).toEqual(alone);
});

test('reports whose titles do not name them (the year given over the titles’): the text is not checked, and the user is told why', async () => {
  const read = await readFullText(file('汇编.txt', `${text('hongze-district-2023')}\n\n${text('huaian-city-2024')}`), { readers, year: 2024 });
  expect(read.reports.map((r) => [r.office, r.year])).toEqual([
    ['洪泽区人民政府', 2024],
    ['淮安市人民政府', 2024],
  ]);
  expect(read.problems).toEqual(['文件中有 2 份年报，未能按各自的标题把正文分开，正文未检查（表格照常校验）。请把各份年报分成单独的文件再检查全文。']);
  const checked = checkFullText(read);
  expect(checked.map((c) => c.narrative)).toEqual([[], []]);
  // The tables are still checked: 洪泽 2023 prints its appeals 总计 as 0 over non-zero parts.
  expect(checked[0].findings.some((f) => f.rule === 'appeals.group_sum')).toBe(true);
});

test('last year’s file of several reports: a report’s text is compared only with its own office’s of last year', async () => {
  const thisYear = await readFullText(file('洪泽区2024.txt', text('hongze-district-2024')), { readers });
  // Another office whose last year's text happens to be this year's 洪泽 text word for word.
  const other = text('hongze-district-2024').replace(/淮安市洪泽区人民政府\s*\n\s*2024\s*年政府信息公开工作年度报告/, '某某县人民政府\n2023 年政府信息公开工作年度报告');
  expect(other).toContain('某某县人民政府');
  const last = await readFullText(file('2023汇编.txt', `${text('hongze-district-2023')}\n\n${other}`), { readers });
  expect(last.reports.map((r) => r.office)).toEqual(['洪泽区人民政府', '某某县人民政府']);
  const alone = await readFullText(file('洪泽区2023.txt', text('hongze-district-2023')), { readers });

  const copied = (previous: LastYear) => checkFullText(thisYear, { previous })[0].narrative.filter((f) => f.rule === 'narrative.copied');
  expect(copied(lastYearOf(last))).toEqual(copied(lastYearOf(alone)));
  expect(copied(lastYearOf(last))).toEqual([]);
  // Against the whole file, 某某县's text would pass for 洪泽's own copied from last year.
  expect(copied({ reports: last.reports, document: last.document })).toHaveLength(1);
});

test('检查全文 in the pane of a file of several reports: the one the workbook has a sheet for, and a note that there are others', async () => {
  const huaian = (await readFullText(file('淮安.txt', text('huaian-city-2024')), { readers })).reports[0];
  const port = ExceljsWorkbookPort.empty();
  await port.writeSheets([reportPlan(huaian, { office: huaian.office, year: huaian.year, name: '淮安市人民政府2024年报' })]);
  const result = await checkFullTextFile(port, readers, file('汇编.txt', `${text('hongze-district-2023')}\n\n${text('huaian-city-2024')}`));
  expect([result.report.office, result.report.year, result.sheet?.sheet]).toEqual(['淮安市人民政府', 2024, '淮安市人民政府2024年报']);
  expect(result.problems).toEqual(['文件中有 2 份年报，这里检查的是“淮安市人民政府”2024 年度的一份；其余各份请分成单独的文件检查，或用命令行 nianbao validate 逐份检查。']);
  // The planted figure is in 淮安's text: found against 淮安's sheet.
  expect(result.narrative.some((f) => f.quote?.includes('3219'))).toBe(true);

  const none = await checkFullTextFile(ExceljsWorkbookPort.empty(), readers, file('汇编.txt', `${text('hongze-district-2023')}\n\n${text('huaian-city-2024')}`));
  expect([none.report.office, none.sheet]).toEqual(['洪泽区人民政府', undefined]);
  expect(none.narrative.some((f) => f.quote?.includes('3219'))).toBe(false);
});
