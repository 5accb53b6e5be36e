/**
 * 清除标记 in a real .xlsx: the notes we wrote are removed from the file, and the
 * clerk's own note and fill come back exactly, after saving and reopening.
 */
import ExcelJS from 'exceljs';
import { formats } from '../../src/formats';
import { canonicalPlan } from '../../src/layout/sheet-report';
import { ExceljsWorkbookPort } from '../../src/ports/exceljs/exceljs-workbook';
import { clearSheets } from '../../src/app/sheet-actions';
import { generateTemplate } from '../../src/app/generate';
import { validateSheets } from '../../src/app/validate-sheets';
import { seeded, validCells } from '../helpers/random-report';

const SHEET = '甲局2023年报';
const format = formats.forYear(2023)!;
const plan = canonicalPlan(format);
/** Has the clerk's own note and fill before we mark it. */
const noted = plan.addresses['requests.new.natural'];
/** Has neither: after clearing it must carry no note at all. */
const bare = plan.addresses['appeals.review.upheld'];
const USER_NOTE = '已与台账核对';
const USER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFCCE5FF' } } as ExcelJS.Fill;

async function reopen(data: Uint8Array | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as ArrayBuffer);
  return wb;
}

function noteText(cell: ExcelJS.Cell): string | undefined {
  const note = cell.note as unknown;
  if (note === undefined || note === null) return undefined;
  if (typeof note === 'string') return note;
  return (note as { texts: { text: string }[] }).texts.map((t) => t.text).join('');
}

async function markedWorkbook(): Promise<{ marked: Uint8Array; original: ExcelJS.Workbook }> {
  const port = ExceljsWorkbookPort.empty();
  await generateTemplate(port, { office: '甲局', year: 2023 });
  const ws = port.workbook.getWorksheet(SHEET)!;
  const cells = validCells(format, seeded(7));
  for (const c of format.cells) if (!format.totals.has(c.index)) ws.getCell(plan.addresses[c.id]).value = cells[c.id];
  // One applicant too many breaks the 自然人 balance; a negative count is an error in a cell with no note.
  ws.getCell(noted).value = cells['requests.new.natural'] + 1;
  ws.getCell(bare).value = -1;
  ws.getCell(noted).fill = USER_FILL;
  ws.getCell(noted).note = USER_NOTE;
  const original = await reopen(await port.toBuffer());

  const results = await validateSheets(await ExceljsWorkbookPort.fromBuffer(await port.toBuffer()), { sheets: [SHEET], paint: false });
  expect(results[0].findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['requests.balance', 'cell.negative']));

  const painting = await ExceljsWorkbookPort.fromBuffer(await port.toBuffer());
  await validateSheets(painting, { sheets: [SHEET] });
  return { marked: await painting.toBuffer(), original };
}

test('validation writes notes into the file: ours over the clerk’s, which is quoted', async () => {
  const { marked } = await markedWorkbook();
  const ws = (await reopen(marked)).getWorksheet(SHEET)!;
  expect(noteText(ws.getCell(noted))).toMatch(/^年报助手校验：\n【错误】/);
  expect(noteText(ws.getCell(noted))).toContain(`——原批注：${USER_NOTE}`);
  expect(noteText(ws.getCell(bare))).toBe('年报助手校验：\n【错误】「行政复议」×「结果维持」为负数 -1，该项应为不小于 0 的件数。');
  expect((ws.getCell(noted).fill as ExcelJS.FillPattern).fgColor?.argb).not.toBe('FFCCE5FF');
});

test('清除标记 removes our notes from the saved file and restores the clerk’s note and fill exactly', async () => {
  const { marked, original } = await markedWorkbook();
  const port = await ExceljsWorkbookPort.fromBuffer(marked);
  expect(await clearSheets(port)).toBe(1);
  const cleared = await reopen(await port.toBuffer());
  const after = cleared.getWorksheet(SHEET)!;
  const before = original.getWorksheet(SHEET)!;

  expect(noteText(after.getCell(bare))).toBeUndefined();
  expect(after.getCell(bare).note).toBeUndefined();
  expect(noteText(after.getCell(noted))).toBe(USER_NOTE);
  expect(after.getCell(noted).note).toEqual(before.getCell(noted).note);
  expect(after.getCell(noted).fill).toEqual(before.getCell(noted).fill);
  expect(after.getCell(bare).fill).toEqual(before.getCell(bare).fill);

  // No other cell gained or kept a note: the clerk's is the only one left in the sheet.
  const notes: string[] = [];
  after.eachRow((row) => row.eachCell((cell) => void (noteText(cell) !== undefined && notes.push(cell.address))));
  expect(notes).toEqual([noted]);

  // The marks record is gone, so a second clear has nothing to do.
  const again = await ExceljsWorkbookPort.fromBuffer(await port.toBuffer());
  expect((await again.listSheets()).find((s) => s.name === SHEET)?.meta?.marks).toBeUndefined();
  expect(await clearSheets(again)).toBe(0);
});
