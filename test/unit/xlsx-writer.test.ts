/**
 * The exceljs adapter writes through exceljs's own renderers, zipped by fflate, with identical
 * differential styles shared: the same parts as exceljs's writeBuffer, the same sheets read
 * back, and every conditional format's rule still pointing at the fill it had.
 */
import ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';
import { formats } from '../../src/formats';
import { canonicalPlan } from '../../src/layout/sheet-report';
import { ExceljsWorkbookPort } from '../../src/ports/exceljs/exceljs-workbook';
import { generateTemplate } from '../../src/app/generate';
import { consolidateSheets } from '../../src/app/consolidate-sheets';
import { readWorkbookContents } from '../../src/ports/xlsx/read-sheets';
import { seeded, validCells } from '../helpers/random-report';

const format = formats.forYear(2023)!;
const plan = canonicalPlan(format);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);

/** Each conditional format's rules as (range, formula, the dxf XML it points at). */
function rules(parts: Record<string, Uint8Array>): string[] {
  const dxfs = [...dec(parts['xl/styles.xml']).matchAll(/<dxf>[\s\S]*?<\/dxf>/g)].map((m) => m[0]);
  const out: string[] = [];
  for (const [name, data] of Object.entries(parts)) {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) continue;
    for (const m of dec(data).matchAll(/<conditionalFormatting sqref="([^"]+)"><cfRule[^>]*dxfId="(\d+)"[^>]*><formula>([^<]*)<\/formula>/g)) out.push(`${name} ${m[1]} ${m[3]} ${dxfs[Number(m[2])]}`);
  }
  return out.sort();
}

test('the same parts and sheets as exceljs writes, with differential styles shared', async () => {
  const port = ExceljsWorkbookPort.empty();
  const members: string[] = [];
  for (const [office, seed] of [
    ['甲局', 1],
    ['乙局', 2],
    ['丙局', 3],
  ] as const) {
    await generateTemplate(port, { office, year: 2023 });
    const cells = validCells(format, seeded(seed));
    const ws = port.workbook.getWorksheet(`${office}2023年报`)!;
    for (const c of format.cells) if (!format.totals.has(c.index)) ws.getCell(plan.addresses[c.id]).value = cells[c.id];
    members.push(`${office}2023年报`);
  }
  expect((await consolidateSheets(port, { members, office: '某县', mode: 'formula' })).ok).toBe(true);
  const ours = unzipSync(await port.toBuffer());
  const theirs = unzipSync(new Uint8Array(await port.workbook.xlsx.writeBuffer()));
  // JSZip also lists folders, which a package has no use for.
  const files = (p: Record<string, Uint8Array>) =>
    Object.keys(p)
      .filter((n) => !n.endsWith('/'))
      .sort();
  // Ours adds the 图表 sheet's native charts, which exceljs does not write: its drawing, its charts, and the sheet's link to them.
  const extra = files(ours).filter((n) => !(n in theirs));
  expect(extra.filter((n) => !/^xl\/(charts\/chart|drawings\/(_rels\/)?drawing)\d+\.xml(\.rels)?$/.test(n))).toEqual(['xl/worksheets/_rels/sheet6.xml.rels']);
  expect(dec(ours['xl/worksheets/_rels/sheet6.xml.rels'])).toMatch(/^[^]*relationships\/drawing" Target="\.\.\/drawings\/drawing1\.xml"\/><\/Relationships>$/);
  expect(files(ours).filter((n) => !extra.includes(n))).toEqual(files(theirs));
  expect(rules(ours)).toEqual(rules(theirs));
  const count = (p: Record<string, Uint8Array>) => (dec(p['xl/styles.xml']).match(/<dxf>/g) ?? []).length;
  expect(count(theirs)).toBeGreaterThan(100);
  expect(count(ours)).toBeLessThanOrEqual(4);
  expect(readWorkbookContents(zipSync(ours)).sheets).toEqual(readWorkbookContents(zipSync(theirs)).sheets);
  // And exceljs itself reads ours back.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await port.toBuffer()) as unknown as ArrayBuffer);
  expect(wb.worksheets.map((w) => w.name)).toEqual(port.workbook.worksheets.map((w) => w.name));
});
