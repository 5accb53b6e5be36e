/**
 * The Office.js adapter: the only code that touches `Excel.*`. Each method is
 * one Excel.run that loads everything it needs, syncs, computes, then writes in
 * one batch.
 */
import { address, compactRanges, parseAddress } from '../../layout/a1';
import { READ_COLUMNS, READ_ROWS, VALUE_ADDRESSES, WIDE_COLUMNS, WIDE_ROWS } from '../../layout/read-extent';
import { constant, planGrid } from '../../layout/plan-grid';
import { FONT, MARK_FILL, META_BACKUP_ROW, META_COLUMN, META_ROW, STYLES, metaAddresses, type PlanCell, type PlanChart, type SheetPlan, type StyleName } from '../../layout/sheet-plan';
import { BAR_COLOR } from '../../charts/style';
import { encodeMeta, findMeta, type SheetMeta } from '../../model/sheet-meta';
import { sheetRef } from '../../layout/summary-formulas';
import {
  type CellContent,
  type CellWrite,
  type SheetData,
  type SheetHighlights,
  type SheetInfo,
  type WorkbookPort,
  type ReadSheetsOptions,
  type WriteSheetsOptions,
  TEMP_SHEET_PREFIX,
} from '../workbook-port';
import type { OfficeCapabilities } from './capabilities';
import { fromHost } from './errors';
import { UserError } from '../../model/user-error';

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

const META_ADDRESS = address(META_ROW, META_COLUMN);
const META_BACKUP_ADDRESS = address(META_BACKUP_ROW, 1);

interface Extent {
  rows: number;
  columns: number;
}
const REPORT: Extent = { rows: READ_ROWS, columns: READ_COLUMNS };
const WIDE: Extent = { rows: WIDE_ROWS, columns: WIDE_COLUMNS };
/** Budget per batch, under Excel on the web's 5 MB payload limit with room to spare. */
const BATCH_BYTES = 4_000_000;

/** A rough size of writing one sheet: its values and formulas, and about 200 bytes per formatting call. */
function writeCost(plan: SheetPlan): number {
  const values = plan.lastRow * META_COLUMN * 4 + plan.cells.reduce((n, c) => n + (c.formula?.length ?? String(c.value ?? '').length), 0);
  const calls = plan.cells.length + plan.merges.length + plan.validations.length * 4 + plan.conditionalFormats.length * 3;
  return values + calls * 200;
}
const NO_FILL = '#FFFFFF';

function toContent(v: unknown): CellContent {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}

function hex(color: string | null): string | null {
  if (!color || color.toUpperCase() === NO_FILL) return null;
  return color.replace('#', '').toUpperCase();
}

export class OfficeWorkbookPort implements WorkbookPort {
  constructor(
    private readonly excelRun: ExcelRun,
    readonly caps: OfficeCapabilities,
  ) {}

  private async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    try {
      return await this.excelRun(batch);
    } catch (e) {
      throw fromHost(e);
    }
  }

  async selectedCell(): Promise<{ sheet: string; address: string } | null> {
    return this.run(async (context) => {
      const range = context.workbook.getSelectedRange().load('address');
      await context.sync();
      const m = /^(.*)!\$?([A-Z]+)\$?(\d+)/.exec(range.address);
      if (!m) return null;
      return { sheet: m[1].replace(/^'|'$/g, '').replace(/''/g, "'"), address: `${m[2]}${m[3]}` };
    });
  }

  async sheetNames(): Promise<string[]> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      await context.sync();
      return sheets.items.map((s) => s.name);
    });
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      await context.sync();
      const metas = sheets.items.map((s) => [s.getRange(META_ADDRESS).load('values'), s.getRange(META_BACKUP_ADDRESS).load('values')]);
      await context.sync();
      return sheets.items.map((s, i) => {
        const m = findMeta(metas[i][0].values[0][0], metas[i][1].values[0][0], () => []);
        return { name: s.name, meta: m?.meta ?? null, ...(m?.dropped.length ? { metaDropped: m.dropped } : {}) };
      });
    });
  }

  async activeSheet(): Promise<string | null> {
    return this.run(async (context) => {
      const ws = context.workbook.worksheets.getActiveWorksheet();
      ws.load('name');
      await context.sync();
      return ws.name;
    });
  }

  /** Queues the loads for one sheet; the caller syncs once for all the sheets of a chunk. */
  private queueRead(ws: Excel.Worksheet, extent: Extent, marks: boolean) {
    ws.load('name');
    ws.protection.load('protected');
    // Formulas too: totals of our sheets are recomputed from their inputs, never taken from a cached result.
    const grid = ws.getRange(`A1:${address(extent.rows, extent.columns)}`).load('values, formulas');
    const notes = marks ? this.queueNotes(ws) : () => new Map<string, string>();
    if (!marks) return { ws, grid, notes, extent, fills: () => [] as (string | null)[], fillAddresses: [] as string[] };
    if (this.caps.api19) {
      const props = grid.getCellProperties({ format: { fill: { color: true } } });
      return { ws, grid, notes, extent, fills: () => props.value.flat().map((p) => p.format?.fill?.color ?? null), fillAddresses: null };
    }
    const ranges = VALUE_ADDRESSES.map((a) => ws.getRange(a).format.fill.load('color'));
    return { ws, grid, notes, extent, fills: () => ranges.map((r) => r.color), fillAddresses: VALUE_ADDRESSES };
  }

  /** A rough size of one sheet's read, to keep each batch under Excel on the web's 5 MB limit. */
  private readCost(extent: Extent, marks: boolean): number {
    const cells = extent.rows * extent.columns;
    // Values and formulas together: measured about 8.5 bytes a cell for filled reports (200 sheets, 1.7 MB); 16 leaves twice that.
    let bytes = cells * 16;
    if (marks) bytes += this.caps.api19 ? cells * 48 : VALUE_ADDRESSES.length * 160;
    if (marks && this.caps.notes) bytes += VALUE_ADDRESSES.length * 120;
    return bytes;
  }

  /** The user's notes on the value cells, queued in the same batch as the values (ExcelApi 1.18). */
  private queueNotes(ws: Excel.Worksheet): () => Map<string, string> {
    if (!this.caps.notes) return () => new Map();
    const items = VALUE_ADDRESSES.map((a) => [a, ws.notes.getItemOrNullObject(a).load('content')] as const);
    return () => new Map(items.filter(([, n]) => !n.isNullObject).map(([a, n]) => [a, n.content]));
  }

  private toSheetData(q: ReturnType<OfficeWorkbookPort['queueRead']>): SheetData {
    const cells = new Map<string, CellContent>();
    const formulas = new Map<string, string>();
    const formulaGrid = q.grid.formulas;
    q.grid.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const content = toContent(v);
        if (content !== null) cells.set(address(r + 1, c + 1), content);
        const f = formulaGrid[r]?.[c];
        if (typeof f === 'string' && f.startsWith('=')) formulas.set(address(r + 1, c + 1), f.slice(1));
      }),
    );
    const fills = new Map<string, string>();
    const colors = q.fills();
    colors.forEach((color, i) => {
      const addr = q.fillAddresses ? q.fillAddresses[i] : address(Math.floor(i / q.extent.columns) + 1, (i % q.extent.columns) + 1);
      const h = hex(color);
      if (h) fills.set(addr, h);
    });
    const values = q.grid.values;
    const m = findMeta(values[META_ROW - 1]?.[META_COLUMN - 1], values[META_BACKUP_ROW - 1]?.[0], () => values.flat());
    return {
      name: q.ws.name,
      meta: m?.meta ?? null,
      ...(m?.dropped.length ? { metaDropped: m.dropped } : {}),
      cells,
      formulas,
      notes: q.notes(),
      fills,
      protected: q.ws.protection.protected,
    };
  }

  /**
   * One batch for the sheet list (when needed), then one per chunk of sheets: a single chunk
   * unless the payload would pass Excel on the web's 5 MB request limit.
   */
  async readSheets(which: string[] | 'reports' | 'active', options: ReadSheetsOptions = {}): Promise<SheetData[]> {
    const marks = options.marks !== false;
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      let targets: Excel.Worksheet[];
      if (which === 'active') targets = [sheets.getActiveWorksheet()];
      else if (which === 'reports') {
        sheets.load('items/name');
        await context.sync();
        targets = sheets.items;
      } else targets = which.map((n) => sheets.getItem(n));
      // The active sheet may be a clerk's own layout: read it wider.
      const extent = which === 'active' ? WIDE : options.rows ? { rows: options.rows, columns: READ_COLUMNS } : REPORT;
      const cost = this.readCost(extent, marks);
      const data: SheetData[] = [];
      for (let i = 0; i < targets.length;) {
        const chunk: Excel.Worksheet[] = [];
        for (let bytes = 0; i < targets.length && (chunk.length === 0 || bytes + cost <= BATCH_BYTES); i++, bytes += cost) chunk.push(targets[i]);
        const queued = chunk.map((ws) => this.queueRead(ws, extent, marks));
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one batch per chunk; more than one only past the 5 MB limit
        await context.sync();
        data.push(...queued.map((q) => this.toSheetData(q)));
      }
      return which === 'reports' ? data.filter((d) => d.meta) : data;
    });
  }

  async writeSheet(plan: SheetPlan, options: { replace?: string; activate?: boolean } = {}): Promise<void> {
    await this.writeSheets([plan], { replace: options.replace ? { [plan.name]: options.replace } : {}, activate: options.activate ? plan.name : undefined });
  }

  /**
   * Two batches: every sheet is first written in full under a temporary name; only then are
   * the sheets it supersedes deleted and the new ones renamed. A failure in the first batch
   * is undone, so the workbook never holds a half-written sheet under a real name.
   */
  async writeSheets(plans: SheetPlan[], options: WriteSheetsOptions = {}): Promise<void> {
    const stamp = Date.now().toString(36);
    const temps = plans.map((_, i) => `${TEMP_SHEET_PREFIX}${stamp}${i}`);
    try {
      await this.run(async (context) => {
        const sheets = context.workbook.worksheets;
        // Usually one batch; several only when the sheets together would pass the 5 MB limit.
        for (let i = 0; i < plans.length;) {
          for (let bytes = 0, first = true; i < plans.length && (first || bytes + writeCost(plans[i]) <= BATCH_BYTES); i++, first = false) {
            bytes += writeCost(plans[i]);
            this.writeContent(sheets.add(temps[i]), plans[i]);
          }
          // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one batch per chunk; more than one only past the 5 MB limit
          await context.sync();
        }
      });
    } catch (e) {
      await this.removeTemps().catch(() => undefined);
      // A bug stays a bug: only Excel's refusals are worded for the clerk.
      if (!(e instanceof UserError)) throw e;
      throw new UserError(`写入没有完成，已撤销，工作簿保持原样。${e.message}`, { cause: e, code: e.code });
    }
    try {
      await this.renameInto(plans, temps, options);
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      throw new UserError(`新工作表已完整写入，但改名时出错（${e.message}）。请再汇总一次或再生成一次，多余的临时工作表会被清理。`, { cause: e, code: e.code });
    }
  }

  private async renameInto(plans: SheetPlan[], temps: string[], options: WriteSheetsOptions): Promise<void> {
    await this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      for (const name of options.remove ?? []) sheets.getItem(name).delete();
      plans.forEach((plan, i) => {
        const old = options.replace?.[plan.name];
        if (old) sheets.getItem(old).delete();
        const ws = sheets.getItem(temps[i]);
        ws.name = plan.name;
        if (options.activate === plan.name) ws.activate();
      });
      await context.sync();
    });
  }

  /** Deletes sheets left under a temporary name by a failed write. */
  private async removeTemps(): Promise<void> {
    await this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      await context.sync();
      for (const ws of sheets.items) if (ws.name.startsWith(TEMP_SHEET_PREFIX)) ws.delete();
      await context.sync();
    });
  }

  private writeContent(ws: Excel.Worksheet, plan: SheetPlan) {
    ws.showGridlines = false;
    this.writeGrid(ws, plan);
    for (const m of plan.merges) ws.getRange(`${address(m.top, m.left)}:${address(m.bottom, m.right)}`).merge(false);
    this.writeStyles(ws, plan.cells);
    plan.columnWidths.forEach((w, i) => {
      if (i + 1 !== META_COLUMN) ws.getRange(`${address(1, i + 1)}`).format.columnWidth = Math.round(w * 5.6 + 4);
    });
    for (const [r, h] of Object.entries(plan.rowHeights)) ws.getRange(`A${r}`).format.rowHeight = h;
    for (const r of plan.hiddenRows ?? []) ws.getRange(`A${r}`).rowHidden = true;
    ws.getRange(`${address(1, META_COLUMN)}`).columnHidden = true;
    this.writeValidation(ws, plan);
    for (const cf of plan.conditionalFormats) {
      const format = ws.getRange(cf.range).conditionalFormats.add('Custom');
      format.custom.rule.formula = `=${cf.formula}`;
      format.custom.format.fill.color = `#${MARK_FILL[cf.severity]}`;
    }
    for (const pc of plan.cells)
      if (pc.link && pc.value !== undefined && pc.value !== null) ws.getRange(address(pc.row, pc.col)).hyperlink = { documentReference: `${sheetRef(pc.link)}!A1`, textToDisplay: String(pc.value) };
    // Notes need ExcelApi 1.18; below it the cell's text itself (未读取, the original text) still fails validation.
    if (this.caps.notes) for (const pc of plan.cells) if (pc.note) ws.notes.add(ws.getRange(address(pc.row, pc.col)), pc.note);
    if (plan.freezeRows) ws.freezePanes.freezeRows(plan.freezeRows);
    for (const c of plan.charts ?? []) this.writeChart(ws, c);
    if (this.caps.api19) {
      if (plan.autoFilter) ws.autoFilter.apply(ws.getRange(plan.autoFilter));
      ws.pageLayout.orientation = 'Landscape';
      ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    }
  }

  /**
   * A native chart over the plan's cells, in the same batch as the cells: horizontal bars, the
   * first category on top, each figure written at its bar, no value axis. Excel draws an empty
   * cell as a gap, never as 0.
   */
  private writeChart(ws: Excel.Worksheet, c: PlanChart) {
    const source = ws.getRange(`${c.categories.split(':')[0]}:${c.values.split(':')[1] ?? c.values}`);
    const chart = ws.charts.add('BarClustered', source, 'Columns');
    chart.title.text = c.title;
    chart.legend.visible = false;
    chart.setPosition(address(c.anchor.top, c.anchor.left), address(c.anchor.bottom, c.anchor.right));
    chart.dataLabels.showValue = true;
    chart.dataLabels.numberFormat = c.numFmt;
    chart.axes.categoryAxis.reversePlotOrder = true;
    chart.axes.valueAxis.visible = false;
    const series = chart.series.getItemAt(0);
    series.name = c.seriesName;
    series.gapWidth = 60;
    series.format.fill.setSolidColor(BAR_COLOR);
  }

  /** All values and formulas in one write: constants escaped, formulas with '='; links are added after. */
  private writeGrid(ws: Excel.Worksheet, plan: SheetPlan) {
    const { grid, rows, columns } = planGrid(plan);
    ws.getRange(`A1:${address(rows, columns)}`).formulas = grid;
  }

  private writeStyles(ws: Excel.Worksheet, cells: PlanCell[]) {
    const byStyle = new Map<StyleName, { row: number; col: number }[]>();
    for (const pc of cells) byStyle.set(pc.style, [...(byStyle.get(pc.style) ?? []), { row: pc.row, col: pc.col }]);
    for (const [name, list] of byStyle) {
      const s = STYLES[name];
      list.sort((a, b) => a.row - b.row || a.col - b.col);
      for (const addr of compactRanges(list)) {
        const r = ws.getRange(addr);
        r.format.font.name = FONT;
        r.format.font.size = s.size ?? 10;
        r.format.font.bold = !!s.bold;
        if (s.color) r.format.font.color = `#${s.color}`;
        if (s.fill) r.format.fill.color = `#${s.fill}`;
        r.format.horizontalAlignment = s.hAlign === 'center' ? 'Center' : s.hAlign === 'right' ? 'Right' : 'Left';
        r.format.verticalAlignment = 'Center';
        r.format.wrapText = !!s.wrap;
        r.format.protection.locked = s.locked !== false;
        if (s.numFmt) {
          const { row: r0, col: c0 } = parseAddress(addr.split(':')[0]);
          const { row: r1, col: c1 } = parseAddress(addr.split(':')[1] ?? addr);
          r.numberFormat = Array.from({ length: r1 - r0 + 1 }, () => Array(c1 - c0 + 1).fill(s.numFmt));
        }
        if (s.border)
          for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const) {
            if (edge.startsWith('Inside') && !addr.includes(':')) continue;
            const b = r.format.borders.getItem(edge);
            b.style = 'Continuous';
            b.color = '#000000';
          }
      }
    }
  }

  private writeValidation(ws: Excel.Worksheet, plan: SheetPlan) {
    for (const v of plan.validations) {
      const bounds: Excel.BasicDataValidation =
        v.rule.max === undefined ? { formula1: v.rule.min, operator: 'GreaterThanOrEqualTo' } : { formula1: v.rule.min, formula2: v.rule.max, operator: 'Between' };
      for (const addr of v.ranges) {
        const dv = ws.getRange(addr).dataValidation;
        dv.rule = v.rule.type === 'decimal' ? { decimal: bounds } : { wholeNumber: bounds };
        dv.errorAlert = { showAlert: true, style: 'Stop', title: v.title, message: v.message };
        dv.ignoreBlanks = true;
      }
    }
  }

  async applyHighlights(sheets: SheetHighlights[]): Promise<void> {
    if (sheets.length === 0) return;
    await this.run(async (context) => {
      for (const h of sheets) {
        const ws = context.workbook.worksheets.getItem(h.name);
        for (const [addr, color] of Object.entries(h.fills)) {
          const range = ws.getRange(addr);
          if (color) range.format.fill.color = `#${color}`;
          else range.format.fill.clear();
        }
        if (this.caps.notes) {
          // Notes (ExcelApi 1.18): a cell holds one, so an existing note goes before a new one is added.
          for (const addr of h.existingNotes) ws.notes.getItem(addr).delete();
          for (const [addr, text] of Object.entries(h.notes)) if (text !== null) ws.notes.add(ws.getRange(addr), text);
        }
        this.writeMeta(ws, h.meta);
      }
      await context.sync();
    });
  }

  private writeMeta(ws: Excel.Worksheet, meta: SheetMeta) {
    const text = encodeMeta(meta);
    for (const addr of metaAddresses(meta)) ws.getRange(addr).values = [[text]];
  }

  async setValues(name: string, values: Record<string, CellWrite>, meta?: SheetMeta): Promise<void> {
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(name);
      for (const [addr, v] of Object.entries(values))
        if (v !== null && typeof v === 'object') ws.getRange(addr).formulas = [[`=${v.formula}`]];
        else ws.getRange(addr).values = [[constant(v)]];
      if (meta) this.writeMeta(ws, meta);
      await context.sync();
    });
  }

  async renameSheet(from: string, to: string): Promise<void> {
    await this.run(async (context) => {
      context.workbook.worksheets.getItem(from).name = to;
      await context.sync();
    });
  }

  async select(name: string, addresses: string[]): Promise<void> {
    if (addresses.length === 0) return;
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(name);
      ws.activate();
      ws.getRange(addresses[0]).select();
      await context.sync();
    });
  }
}
