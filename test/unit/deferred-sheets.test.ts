/**
 * A port that defers its plans (the command line's consolidation: each member sheet rendered
 * only as the file is written) writes the same workbook as one that renders every sheet at
 * once: the same sheets, cells, styles, merges, validation, conditional formats, notes, columns
 * and views, as exceljs and our reader read them back, with the same charts. Reading or editing a
 * deferred sheet renders it first. Both zips, fflate's and Node zlib's, pass Info-ZIP's own test.
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { consolidateReports } from '../../src/app/consolidate-files';
import { formats } from '../../src/formats';
import type { Report } from '../../src/model/report';
import { ExceljsWorkbookPort } from '../../src/ports/exceljs/exceljs-workbook';
import { zlibDeflater } from '../../src/ports/node/zlib-deflater';
import { readWorkbookContents } from '../../src/ports/xlsx/read-sheets';
import { reportFromCells, seeded, validCells } from '../helpers/random-report';

const format = formats.forYear(2024)!;
const UNREAD = 'proactive.normative.in_force';

function members(): Report[] {
  return ['县财政局', '县教育局', '城关镇'].map((office, i) => {
    const r = reportFromCells(format, validCells(format, seeded(70 + i)), { office, year: 2024, source: `${office}.xlsx` });
    // One cell read as text: its sheet carries the text and a note saying so.
    if (i === 1) r.readings[format.index.get(UNREAD)!] = { value: null, status: 'invalid', raw: '约三十件' };
    return r;
  });
}

async function consolidated(options: { deferPlans?: boolean; deflater?: typeof zlibDeflater }): Promise<{ port: ExceljsWorkbookPort; bytes: Uint8Array }> {
  const port = ExceljsWorkbookPort.empty(options);
  const result = await consolidateReports(port, [{ file: 'members', reports: members() }], { office: '某县', today: '2025-01-10' });
  expect(result.ok).toBe(true);
  return { port, bytes: await port.toBuffer() };
}

/** Every sheet as exceljs reads it back, style by style, with shared-string and style numbering left out. */
async function sheetsOf(bytes: Uint8Array): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const m = ws.model as unknown as {
      name: string;
      rows: { cells: Record<string, unknown>[] }[];
      merges: unknown;
      dataValidations: unknown;
      conditionalFormattings: unknown;
      cols: unknown;
      views: unknown;
    };
    const rows = m.rows.map((r) => ({ ...r, cells: r.cells.map((c) => ({ ...c, style: JSON.stringify(c.style), ssId: undefined, sharedString: undefined })) }));
    return JSON.stringify({ name: m.name, rows, merges: m.merges, validations: m.dataValidations, formats: m.conditionalFormattings, cols: m.cols, views: m.views });
  });
}

/** The package's own lists (content types, the workbook's relationships and sheets), each as a sorted set of its elements. */
function packageLists(bytes: Uint8Array): string[][] {
  const parts = unzipSync(bytes);
  return ['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml'].map((n) =>
    [...new TextDecoder().decode(parts[n]).matchAll(/<(Override|Default|Relationship|sheet|definedName)\b[^>]*>/g)].map((m) => m[0]).sort(),
  );
}

function partNames(bytes: Uint8Array): string[] {
  return Object.keys(unzipSync(bytes)).sort();
}

function zipTest(bytes: Uint8Array): string {
  const file = join(mkdtempSync(join(tmpdir(), 'nianbao-zip-')), 'book.xlsx');
  writeFileSync(file, bytes);
  return execFileSync('unzip', ['-t', file], { encoding: 'utf8' });
}

test('deferred plans write the same workbook as plans rendered at once', async () => {
  const eager = await consolidated({});
  const deferred = await consolidated({ deferPlans: true });
  const [a, b] = await Promise.all([sheetsOf(eager.bytes), sheetsOf(deferred.bytes)]);
  expect(a.length).toBe(eager.port.workbook.worksheets.length);
  expect(b).toEqual(a);
  expect(partNames(deferred.bytes)).toEqual(partNames(eager.bytes));
  // Excel, unlike exceljs, refuses a part the content types do not name (a member's comments).
  expect(packageLists(deferred.bytes)).toEqual(packageLists(eager.bytes));
  expect(packageLists(deferred.bytes)[0].filter((t) => t.includes('/xl/comments')).length).toBeGreaterThan(0);
  // The charts (written beside exceljs's parts) and the member's note came along.
  expect(partNames(deferred.bytes).filter((n) => n.startsWith('xl/charts/')).length).toBeGreaterThan(0);
  expect(a.join('').includes('约三十件')).toBe(true);
  expect(readWorkbookContents(deferred.bytes).sheets).toEqual(readWorkbookContents(eager.bytes).sheets);
  // Identical differential styles stay shared when each sheet registers its own as it is written.
  const dxfs = (bytes: Uint8Array) => (new TextDecoder().decode(unzipSync(bytes)['xl/styles.xml']).match(/<dxf>/g) ?? []).length;
  expect(dxfs(deferred.bytes)).toBe(dxfs(eager.bytes));
  expect(dxfs(deferred.bytes)).toBeLessThanOrEqual(4);
});

test('a deferred sheet is rendered before it is read or edited', async () => {
  const eager = await consolidated({});
  const deferred = ExceljsWorkbookPort.empty({ deferPlans: true });
  await consolidateReports(deferred, [{ file: 'members', reports: members() }], { office: '某县', today: '2025-01-10' });
  const names = await deferred.sheetNames();
  expect(names).toEqual(await eager.port.sheetNames());
  const member = names.find((n) => n.startsWith('县教育局'))!;
  // The place holder is empty until the sheet is asked for.
  expect(deferred.workbook.getWorksheet(member)!.actualRowCount).toBe(0);
  expect(await deferred.readSheets([member])).toEqual(await eager.port.readSheets([member]));
  expect(deferred.workbook.getWorksheet(member)!.actualRowCount).toBe(eager.port.workbook.getWorksheet(member)!.actualRowCount);
  expect(await deferred.listSheets()).toEqual(await eager.port.listSheets());
  expect(await sheetsOf(await deferred.toBuffer())).toEqual(await sheetsOf(eager.bytes));
});

test('a deferred sheet edited before the write keeps the edit', async () => {
  const port = ExceljsWorkbookPort.empty({ deferPlans: true });
  await consolidateReports(port, [{ file: 'members', reports: members() }], { office: '某县', today: '2025-01-10' });
  const member = (await port.sheetNames()).find((n) => n.startsWith('城关镇'))!;
  await port.setValues(member, { Q1: '改过' });
  const back = readWorkbookContents(await port.toBuffer()).sheets.find((s) => s.name === member)!;
  expect(back.cells.get('Q1')).toBe('改过');
  expect([...back.cells.values()].filter((v) => typeof v === 'number').length).toBeGreaterThan(50);
});

test('the zips written by fflate and by Node zlib pass Info-ZIP’s CRC test and read back alike', async () => {
  expect(zlibDeflater).toBeDefined();
  const fflate = await consolidated({ deferPlans: true });
  const zlib = await consolidated({ deferPlans: true, deflater: zlibDeflater });
  for (const { bytes } of [fflate, zlib]) expect(zipTest(bytes)).toMatch(/No errors detected/);
  expect(await sheetsOf(zlib.bytes)).toEqual(await sheetsOf(fflate.bytes));
});
