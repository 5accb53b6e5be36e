/**
 * The fake WPS opening and saving .xlsx files, as WPS does: opening keeps each cell's value,
 * formula, solid fill, comment, merges and hidden rows and columns; saving writes them back
 * with each formula's result as WPS computed it (WPS, like Excel, stores the results).
 */
import ExcelJS from 'exceljs';
import { FakeEt, BookModel, SheetModel, bgr, rgbHex } from './fake-et';
import { isErrorText } from '../helpers/fake-formula';

function textOf(v: unknown): string | number | boolean | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown };
  if (Array.isArray(o.richText)) return o.richText.map((t) => t.text).join('');
  if (o.text !== undefined) return String(o.text);
  return undefined;
}

/** WPS opens an .xlsx: a fresh host holding its sheets. */
export async function openInEt(bytes: Uint8Array): Promise<FakeEt> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const et = new FakeEt();
  const book = (et.book = new BookModel('工作簿'));
  for (const ws of wb.worksheets) {
    const s = new SheetModel(ws.name, book);
    book.sheets.push(s);
    ws.eachRow({ includeEmpty: false }, (row) => {
      if (row.hidden) s.hiddenRows.add(row.number);
      row.eachCell({ includeEmpty: false }, (cell) => {
        const c = s.cell(cell.address);
        // A merged area's value lives in its top-left cell only.
        if (cell.isMerged && cell.master !== cell) c.value = undefined;
        else if (cell.formula) c.formula = cell.formula;
        else c.value = textOf(cell.value);
        const fill = cell.fill as ExcelJS.FillPattern | undefined;
        if (fill?.type === 'pattern' && fill.pattern === 'solid' && fill.fgColor?.argb) c.fill = bgr(fill.fgColor.argb.slice(-6));
        const note = cell.note as unknown;
        if (typeof note === 'string') s.comments.set(cell.address, note);
        else if (note && typeof note === 'object' && Array.isArray((note as { texts?: unknown[] }).texts))
          s.comments.set(cell.address, (note as { texts: { text: string }[] }).texts.map((t) => t.text).join(''));
      });
    });
    for (const range of Object.values((ws as unknown as { _merges: Record<string, { range: string }> })._merges ?? {}).map((m) => m.range)) {
      const [a, b] = range.split(':');
      const p = ws.getCell(a);
      const q = ws.getCell(b);
      s.merges.push({ top: Number(p.row), left: Number(p.col), bottom: Number(q.row), right: Number(q.col) });
    }
    ws.columns?.forEach((col, i) => {
      if (col.hidden) s.hiddenColumns.add(i + 1);
    });
  }
  const views = wb.views as { activeTab?: number }[] | undefined;
  book.active = Math.min(views?.[0]?.activeTab ?? 0, book.sheets.length - 1);
  return et;
}

/** WPS saves as .xlsx: values, formulas with their computed results, fills, comments, merges, hidden rows and columns. */
export async function saveFromEt(et: FakeEt): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of et.sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const [addr, c] of s.cells) {
      const cell = ws.getCell(addr);
      if (c.formula !== null) {
        const result = s.shown(addr);
        cell.value = { formula: c.formula, result: isErrorText(result) ? { error: result } : (result ?? undefined) } as ExcelJS.CellFormulaValue;
      } else if (c.value !== undefined) cell.value = c.value;
      if (c.fill !== null) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${rgbHex(c.fill)}` } };
      if (c.numberFormat !== 'General') cell.numFmt = c.numberFormat;
      if (c.font.bold || c.font.size !== 11) cell.font = { name: c.font.name, size: c.font.size, bold: c.font.bold };
    }
    for (const [addr, text] of s.comments) ws.getCell(addr).note = text;
    for (const m of s.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
    for (const r of s.hiddenRows) ws.getRow(r).hidden = true;
    for (const c of s.hiddenColumns) ws.getColumn(c).hidden = true;
    for (const [c, w] of s.columnWidths) if (!s.hiddenColumns.has(c)) ws.getColumn(c).width = w;
  }
  wb.views = [{ activeTab: et.book?.active ?? 0 } as ExcelJS.WorkbookView];
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
