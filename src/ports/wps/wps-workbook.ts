/**
 * The WPS adapter: the only code that touches the WPS 表格 object model (window.Application).
 * The host is synchronous and every member access crosses its JavaScript bridge, so each
 * method reads whole ranges (Value2 and Formula arrays), writes through multi-area addresses
 * and keeps host objects in locals: its cost in calls follows the sheets and the layout,
 * never the number of cells.
 */
import { META_BACKUP_ROW, META_COLUMN, metaAddresses, type SheetPlan } from '../../layout/sheet-plan';
import { READ_COLUMNS, READ_ROWS, WIDE_COLUMNS, WIDE_ROWS } from '../../layout/read-extent';
import { address } from '../../layout/a1';
import { encodeMeta, findMeta, type SheetMeta } from '../../model/sheet-meta';
import { UserError } from '../../model/user-error';
import { TEMP_SHEET_PREFIX, type CellWrite, type ReadSheetsOptions, type SheetData, type SheetHighlights, type SheetInfo, type WorkbookPort, type WriteSheetsOptions } from '../workbook-port';
import { groupBy, unionChunks } from './areas';
import type { WpsCapabilities } from './capabilities';
import { toBgr } from './colors';
import { fromHost } from './errors';
import { XL, type EtApplicationLike, type EtSheetsLike, type EtWorksheetLike } from './et';
import { asRows, readSheet, type Extent } from './read-sheet';
import { writePlan } from './write-plan';
import { constant } from '../../layout/plan-grid';

const REPORT: Extent = { rows: READ_ROWS, columns: READ_COLUMNS };
const WIDE: Extent = { rows: WIDE_ROWS, columns: WIDE_COLUMNS };
/** Enough of a sheet to find its metadata: the main copy (P1) and the backup row. */
const META_EXTENT = `A1:${address(META_BACKUP_ROW, META_COLUMN)}`;
const SHEET_NAME_RULE = '名称最长 31 个字符，不能含 * ? : / \\ [ ]，不能以单引号开头或结尾。';

function validSheetName(name: string): boolean {
  return name.length > 0 && name.length <= 31 && !/[*?:/\\[\]]|^'|'$/.test(name);
}

export class WpsWorkbookPort implements WorkbookPort {
  constructor(
    private readonly app: EtApplicationLike,
    readonly caps: WpsCapabilities,
  ) {}

  /** Runs one operation; a refusal of WPS becomes a UserError saying what was being done. */
  private run<T>(doing: string, f: () => T): T {
    try {
      return f();
    } catch (e) {
      throw fromHost(e, doing);
    }
  }

  private sheets(): EtSheetsLike {
    const book = this.app.ActiveWorkbook;
    if (!book) throw new UserError('WPS 中没有打开的工作簿。请先打开或新建一个工作簿。', { code: 'NoWorkbook' });
    return book.Worksheets;
  }

  private all(sheets: EtSheetsLike): EtWorksheetLike[] {
    const n = sheets.Count;
    return Array.from({ length: n }, (_, i) => sheets.Item(i + 1));
  }

  async sheetNames(): Promise<string[]> {
    return this.run('读取工作表列表', () => this.all(this.sheets()).map((ws) => ws.Name));
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.run('读取工作表列表', () =>
      this.all(this.sheets()).map((ws) => {
        const name = ws.Name;
        const values = asRows(ws.Range(META_EXTENT).Value2);
        const m = findMeta(values[0]?.[META_COLUMN - 1], values[META_BACKUP_ROW - 1]?.[0], () => values.flat());
        return { name, meta: m?.meta ?? null, ...(m?.dropped.length ? { metaDropped: m.dropped } : {}) };
      }),
    );
  }

  async activeSheet(): Promise<string | null> {
    return this.run('读取当前工作表', () => this.app.ActiveSheet?.Name ?? null);
  }

  async selectedCell(): Promise<{ sheet: string; address: string } | null> {
    return this.run('读取选中的单元格', () => {
      const cell = this.app.ActiveCell;
      if (!cell) return null;
      return { sheet: cell.Worksheet.Name, address: cell.Address(false, false) };
    });
  }

  async readSheets(which: string[] | 'reports' | 'active', options: ReadSheetsOptions = {}): Promise<SheetData[]> {
    const read = { marks: options.marks !== false, comments: this.caps.comments };
    return this.run('读取工作表', () => {
      if (which === 'active') {
        const ws = this.app.ActiveSheet;
        if (!ws) throw new UserError('WPS 中没有打开的工作簿。请先打开或新建一个工作簿。', { code: 'NoWorkbook' });
        // The active sheet may be a clerk's own layout: read it wider.
        return [readSheet(ws, WIDE, read)];
      }
      const sheets = this.sheets();
      if (which === 'reports')
        return this.all(sheets)
          .map((ws) => readSheet(ws, REPORT, read))
          .filter((d) => d.meta);
      const extent = options.rows ? { rows: options.rows, columns: READ_COLUMNS } : REPORT;
      return which.map((n) => readSheet(this.item(sheets, n), extent, read));
    });
  }

  /** A sheet by name; a missing one in the clerk's words (the host only says 下标越界). */
  private item(sheets: EtSheetsLike, name: string): EtWorksheetLike {
    try {
      return sheets.Item(name);
    } catch (e) {
      throw new UserError(`找不到工作表“${name}”，可能已被删除或改名。请刷新后重试。`, { cause: e, code: 'ItemNotFound' });
    }
  }

  async writeSheet(plan: SheetPlan, options: { replace?: string; activate?: boolean } = {}): Promise<void> {
    await this.writeSheets([plan], { replace: options.replace ? { [plan.name]: options.replace } : {}, activate: options.activate ? plan.name : undefined });
  }

  /**
   * Every sheet is first written in full under a temporary name; only then are the sheets it
   * supersedes deleted and the new ones renamed. A failure while writing deletes what was
   * written, so the workbook never holds a half-written sheet under a real name.
   */
  async writeSheets(plans: SheetPlan[], options: WriteSheetsOptions = {}): Promise<void> {
    for (const plan of plans) if (!validSheetName(plan.name)) throw new UserError(`工作表不能命名为“${plan.name}”：${SHEET_NAME_RULE}`, { code: 'InvalidArgument' });
    if (plans.length === 0 && !options.remove?.length) return;
    const stamp = Date.now().toString(36);
    const written: { ws: EtWorksheetLike; plan: SheetPlan }[] = [];
    await this.quietly(async (sheets, original) => {
      try {
        plans.forEach((plan, i) => {
          const ws = sheets.Add(undefined, sheets.Item(sheets.Count));
          written.push({ ws, plan });
          ws.Name = `${TEMP_SHEET_PREFIX}${stamp}${i}`;
          writePlan(this.app, ws, plan, this.caps);
        });
      } catch (e) {
        for (const { ws } of written) ws.Delete();
        original?.Activate();
        const refusal = fromHost(e, '写入工作表');
        if (!(refusal instanceof UserError)) throw refusal;
        throw new UserError(`写入没有完成，已撤销，工作簿保持原样。${refusal.message}`, { cause: refusal, code: refusal.code });
      }
      try {
        for (const name of options.remove ?? []) sheets.Item(name).Delete();
        let show = original;
        for (const { ws, plan } of written) {
          const old = options.replace?.[plan.name];
          if (old) sheets.Item(old).Delete();
          ws.Name = plan.name;
          if (options.activate === plan.name) show = ws;
        }
        show?.Activate();
      } catch (e) {
        const refusal = fromHost(e, '给新工作表改名');
        if (!(refusal instanceof UserError)) throw refusal;
        throw new UserError(`新工作表已完整写入，但改名时出错（${refusal.message}）。请再汇总一次或再生成一次，多余的临时工作表会被清理。`, { cause: refusal, code: refusal.code });
      }
    });
  }

  /**
   * Runs a change with the host's questions (deleting a sheet asks) and screen updates off,
   * restoring both afterwards; hands over the sheets and the sheet that was active.
   */
  private async quietly(f: (sheets: EtSheetsLike, original: EtWorksheetLike | null) => Promise<void>): Promise<void> {
    const sheets = this.run('准备写入', () => this.sheets());
    const app = this.app;
    const alerts = app.DisplayAlerts;
    const updating = app.ScreenUpdating;
    app.DisplayAlerts = false;
    app.ScreenUpdating = false;
    try {
      await f(sheets, app.ActiveSheet);
    } finally {
      app.DisplayAlerts = alerts;
      app.ScreenUpdating = updating;
    }
  }

  async applyHighlights(sheets: SheetHighlights[]): Promise<void> {
    if (sheets.length === 0) return;
    this.run('标记单元格', () => {
      const all = this.sheets();
      for (const h of sheets) {
        const ws = this.item(all, h.name);
        // One call per colour (and one to clear): the user's own fills come back as they were.
        for (const { value, keys } of groupBy(Object.entries(h.fills), (c) => c ?? '').values())
          for (const chunk of unionChunks(keys)) {
            const interior = ws.Range(chunk).Interior;
            if (value) interior.Color = toBgr(value);
            else interior.Pattern = XL.none;
          }
        if (this.caps.comments) {
          // A cell holds one comment: an existing one goes before a new one is added.
          for (const chunk of unionChunks(h.existingNotes)) ws.Range(chunk).ClearComments();
          for (const [addr, text] of Object.entries(h.notes)) if (text !== null) ws.Range(addr).AddComment(text);
        }
        this.writeMeta(ws, h.meta);
      }
    });
  }

  private writeMeta(ws: EtWorksheetLike, meta: SheetMeta) {
    // One value into both copies at once: a multi-area range takes a single value everywhere.
    ws.Range(metaAddresses(meta).join(',')).Value2 = encodeMeta(meta);
  }

  async setValues(name: string, values: Record<string, CellWrite>, meta?: SheetMeta): Promise<void> {
    this.run('写入单元格', () => {
      const ws = this.item(this.sheets(), name);
      // Cells given the same value (空白一律填 0) share one call.
      for (const { value, keys } of groupBy(Object.entries(values), (v) => JSON.stringify(v)).values())
        for (const chunk of unionChunks(keys)) {
          const range = ws.Range(chunk);
          if (value !== null && typeof value === 'object') range.Formula = `=${value.formula}`;
          else range.Value2 = constant(value);
        }
      if (meta) this.writeMeta(ws, meta);
    });
  }

  async renameSheet(from: string, to: string): Promise<void> {
    if (!validSheetName(to)) throw new UserError(`工作表不能命名为“${to}”：${SHEET_NAME_RULE}`, { code: 'InvalidArgument' });
    this.run(`把工作表改名为“${to}”（可能已有同名的工作表）`, () => {
      this.item(this.sheets(), from).Name = to;
    });
  }

  async select(name: string, addresses: string[]): Promise<void> {
    if (addresses.length === 0) return;
    this.run('定位单元格', () => {
      const ws = this.item(this.sheets(), name);
      // A range can be selected only on the active sheet.
      ws.Activate();
      ws.Range(addresses[0]).Select();
    });
  }
}
