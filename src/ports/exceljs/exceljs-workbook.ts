/** The exceljs adapter: executes sheet plans and highlights on an .xlsx workbook in memory. */
import { environmentFailure, MEMORY_ADVICE } from '../environment';
import ExcelJS from 'exceljs';
import { MARK_FILL, META_BACKUP_ROW, META_COLUMN, META_ROW, STYLES, FONT, metaAddresses, type SheetPlan, type PlanStyle } from '../../layout/sheet-plan';
import { parseAddress } from '../../layout/a1';
import { encodeMeta, findMeta, type DecodedMeta, type SheetMeta } from '../../model/sheet-meta';
import { type CellContent, type CellWrite, type SheetData, type SheetHighlights, type SheetInfo, type WorkbookPort, type WriteSheetsOptions } from '../workbook-port';
import { sheetRef } from '../../layout/summary-formulas';
import { FormulaEvaluator, type FormulaLimits, type FormulaSource } from './formula';
import { UNCOMPUTED } from '../../model/uncomputed';
import { UserError } from '../../model/user-error';
import { writeXlsx, type Deflater } from './write-package';
import { plannedCharts } from './chart-parts';

/** Worksheet parts a read-only load skips. */
const READ_ONLY_SKIPS = [
  'dataValidations',
  'conditionalFormatting',
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'printOptions',
  'drawing',
  'picture',
  'tableParts',
  'extLst',
  'rowBreaks',
  'colBreaks',
];

interface PortOptions {
  deferPlans?: boolean;
  deflater?: Deflater;
}

const SHEET_NAME_RULE = '名称最长 31 个字符，不能含 * ? : / \\ [ ]，不能以单引号开头或结尾。';

const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };

function argb(hex: string): string {
  return `FF${hex}`;
}

function excelStyle(s: PlanStyle): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {
    font: { name: FONT, size: s.size ?? 10, bold: !!s.bold, ...(s.color ? { color: { argb: argb(s.color) } } : {}) },
    alignment: { horizontal: s.hAlign ?? 'left', vertical: 'middle', wrapText: !!s.wrap },
    protection: { locked: s.locked !== false },
  };
  if (s.fill) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(s.fill) } };
  if (s.border) style.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  if (s.numFmt) style.numFmt = s.numFmt;
  return style;
}

/** A worksheet's data validations by address or range (exceljs's typings leave them out). */
function validations(ws: ExcelJS.Worksheet): { add(address: string, rule: ExcelJS.DataValidation): void } {
  return (ws as unknown as { dataValidations: { add(address: string, rule: ExcelJS.DataValidation): void } }).dataValidations;
}

/** A cell's text as the user sees it: rich text (as LibreOffice writes CJK text) read as its plain text. */
function cellText(v: unknown): unknown {
  if (v && typeof v === 'object' && Array.isArray((v as { richText?: unknown }).richText)) return (v as { richText: { text?: unknown }[] }).richText.map((t) => String(t.text ?? '')).join('');
  return v;
}

/** The sheet's metadata wherever a copy of it survived. */
function sheetMeta(ws: ExcelJS.Worksheet): DecodedMeta | null {
  return findMeta(cellText(ws.getCell(META_ROW, META_COLUMN).value), cellText(ws.getCell(META_BACKUP_ROW, 1).value), function* () {
    const rows = Math.min(ws.rowCount, META_BACKUP_ROW + 20);
    for (let r = 1; r <= rows; r++) {
      const row = ws.getRow(r);
      for (let c = 1; c <= Math.min(row.cellCount, 40); c++) yield cellText(row.getCell(c).value);
    }
  });
}

/**
 * What a cell shows, with formulas computed when the file carries no result (a template filled
 * by a program that does not recalculate), through one bounded evaluator per read: each formula
 * computed once, cycles caught, a budget and a depth over the whole read.
 */
export class FormulaReader {
  readonly evaluator: FormulaEvaluator;
  private sheets: Map<string, ExcelJS.Worksheet> | undefined;

  constructor(limits: Partial<FormulaLimits> = {}) {
    this.evaluator = new FormulaEvaluator((sheet, addr) => this.source(sheet, addr), limits);
  }

  /** Set once the read hit a bound: the reader says so. */
  get overLimit(): boolean {
    return this.evaluator.overLimit;
  }

  content(ws: ExcelJS.Worksheet, cell: ExcelJS.Cell): CellContent {
    const v = stored(cell);
    if (v !== null && typeof v === 'object') {
      this.sheets ??= new Map(ws.workbook.worksheets.map((w) => [w.name.toLowerCase(), w]));
      return this.evaluator.compute(ws.name, cell.address, v.formula);
    }
    return v;
  }

  /** A referenced cell, without creating it: a range over empty cells costs no memory. Sheet names match as in Excel, ignoring case. */
  private source(sheet: string, addr: string): FormulaSource | undefined {
    const ws = this.sheets?.get(sheet.toLowerCase());
    const { row, col } = parseAddress(addr);
    // Beyond Excel's grid: not a reference we compute.
    if (!ws || row < 1 || row > 1_048_576 || col > 16_384) return undefined;
    const cell = ws.findRow(row)?.findCell(col);
    return cell ? stored(cell) : null;
  }
}

/** What a cell holds: its shown value, or a formula with no stored result still to compute. */
function stored(cell: ExcelJS.Cell): CellContent | { formula: string } {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  const o = v as Record<string, unknown>;
  if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((t) => t.text).join('');
  if ('error' in o) return String(o.error);
  if ('formula' in o || 'sharedFormula' in o) {
    // cell.result, not value.result: exceljs drops a cached result of 0 from the value object.
    const r = cell.result as unknown;
    if (typeof r === 'number' || typeof r === 'string' || typeof r === 'boolean') return r;
    if (r && typeof r === 'object' && 'error' in r) return String((r as { error: unknown }).error);
    const formula = cell.formula;
    return typeof formula === 'string' ? { formula } : UNCOMPUTED.unsupported;
  }
  if ('text' in o) return String(o.text);
  return UNCOMPUTED.unsupported;
}

export class ExceljsWorkbookPort implements WorkbookPort {
  /**
   * `deferPlans`: a sheet written from a plan stays a plan, an empty place holder in the
   * workbook, until it is read or edited; saving renders each in turn and lets it go. A
   * consolidation's hundreds of member sheets are then never held in memory together.
   * `deflater`: the host's own deflate for saving (Node's zlib), faster than fflate's.
   */
  constructor(
    readonly workbook: ExcelJS.Workbook,
    private readonly options: PortOptions = {},
  ) {}
  private formulas: FormulaReader | undefined;
  private readonly deferred = new Map<ExcelJS.Worksheet, SheetPlan>();
  /** The style objects of deferred sheets rendered for writing only: shared, so exceljs registers each once. */
  private readonly writeOnlyStyles = new Map<string, ExcelJS.Style>();

  /** The last read's formulas hit the evaluation bounds: some cells read as 公式计算超出限制. */
  get formulasOverLimit(): boolean {
    return this.formulas?.overLimit ?? false;
  }

  /**
   * `readOnly` skips the parts reading never needs (validation, formats, page setup): such a
   * workbook must not be saved. `ignoreNodes` skips other worksheet elements (ports/xlsx's view
   * of a clerk's workbook, whose drawings stay in her package).
   */
  static async fromBuffer(data: ArrayBuffer | Uint8Array, options: { readOnly?: boolean; ignoreNodes?: string[] } = {}): Promise<ExceljsWorkbookPort> {
    const wb = new ExcelJS.Workbook();
    const ignoreNodes = [...(options.readOnly ? READ_ONLY_SKIPS : []), ...(options.ignoreNodes ?? [])];
    try {
      await wb.xlsx.load(data as ArrayBuffer, (ignoreNodes.length ? { ignoreNodes } : {}) as Partial<ExcelJS.XlsxReadOptions>);
    } catch (e) {
      throw (
        environmentFailure(e, '该 Excel 文件', MEMORY_ADVICE) ?? new UserError('无法打开该 Excel 文件：文件可能已损坏，或不是 .xlsx 格式（.xls 请先另存为 .xlsx）。', { cause: e, code: 'unreadable' })
      );
    }
    return new ExceljsWorkbookPort(wb);
  }

  static empty(options: PortOptions = {}): ExceljsWorkbookPort {
    const wb = new ExcelJS.Workbook();
    wb.creator = '政府信息公开年报助手';
    return new ExceljsWorkbookPort(wb, options);
  }

  async toBuffer(): Promise<Uint8Array> {
    const deferred = {
      content: (ws: ExcelJS.Worksheet) => {
        const plan = this.deferred.get(ws);
        if (!plan) return undefined;
        const scratch = new ExcelJS.Workbook().addWorksheet(ws.name, sheetOptions(plan));
        renderPlan(scratch, plan, this.writeOnlyStyles);
        return scratch;
      },
      renderAll: () => this.renderDeferred(),
    };
    return writeXlsx(this.workbook, { deferred, deflater: this.options.deflater });
  }

  /** Every deferred plan rendered in its place: what reads and edits see is the workbook whole. */
  private renderDeferred(): void {
    for (const [ws, plan] of this.deferred) renderPlan(ws, plan);
    this.deferred.clear();
  }

  private sheet(name: string): ExcelJS.Worksheet {
    // Every deferred sheet, not only this one: a formula read here may refer to any sheet.
    this.renderDeferred();
    const ws = this.workbook.getWorksheet(name);
    if (!ws) throw new UserError(`找不到工作表“${name}”，可能已被删除或改名。请刷新后重试。`, { code: 'ItemNotFound' });
    return ws;
  }

  async sheetNames(): Promise<string[]> {
    return this.workbook.worksheets.map((ws) => ws.name);
  }

  async listSheets(): Promise<SheetInfo[]> {
    this.renderDeferred();
    return this.workbook.worksheets.map((ws) => {
      const m = sheetMeta(ws);
      return { name: ws.name, meta: m?.meta ?? null, ...(m?.dropped.length ? { metaDropped: m.dropped } : {}) };
    });
  }

  async readSheets(which: string[] | 'reports' | 'active'): Promise<SheetData[]> {
    // A file in memory costs nothing to read whole: every option is moot here.
    let names: string[];
    if (which === 'reports') names = (await this.listSheets()).filter((s) => s.meta).map((s) => s.name);
    else if (which === 'active') names = [(await this.activeSheet()) ?? this.workbook.worksheets[0]?.name].filter(Boolean);
    else names = which;
    const reader = (this.formulas = new FormulaReader());
    return names.map((name) => {
      const ws = this.sheet(name);
      const cells = new Map<string, CellContent>();
      const notes = new Map<string, string>();
      const fills = new Map<string, string>();
      const formulas = new Map<string, string>();
      const hiddenRows: number[] = [];
      ws.eachRow({ includeEmpty: false }, (row) => {
        if (row.hidden) hiddenRows.push(row.number);
        row.eachCell({ includeEmpty: false }, (cell) => {
          const fill = cell.fill as ExcelJS.FillPattern | undefined;
          const color = fill?.type === 'pattern' && fill.pattern === 'solid' ? fill.fgColor?.argb : undefined;
          if (color) fills.set(cell.address, color.slice(-6).toUpperCase());
          if (cell.isMerged && cell.master !== cell) return;
          if (cell.formula) formulas.set(cell.address, cell.formula);
          // A formula we cannot compute reads as a marker text: flagged at its cell, never a 0.
          cells.set(cell.address, reader.content(ws, cell));
          const note = cell.note as unknown;
          if (typeof note === 'string') notes.set(cell.address, note);
          else if (note && typeof note === 'object' && Array.isArray((note as { texts?: unknown[] }).texts))
            notes.set(cell.address, (note as { texts: { text: string }[] }).texts.map((t) => t.text).join(''));
        });
      });
      // Not ws.model: building it caches each cell's note in its value model, so a later removal would not stick.
      const merges = Object.values((ws as unknown as { _merges: Record<string, { range: string }> })._merges ?? {}).map((m) => m.range);
      const m = sheetMeta(ws);
      return { name, meta: m?.meta ?? null, ...(m?.dropped.length ? { metaDropped: m.dropped } : {}), cells, formulas, notes, fills, merges, hiddenRows };
    });
  }

  async writeSheet(plan: SheetPlan, options: { replace?: string; activate?: boolean } = {}): Promise<void> {
    await this.writeSheets([plan], { replace: options.replace ? { [plan.name]: options.replace } : {}, activate: options.activate ? plan.name : undefined });
  }

  /**
   * All or nothing, as the port promises: the sheet list is kept before the first change and put
   * back if any sheet fails. Sheets are only added or dropped from the list, never edited in
   * place, so restoring the list restores the workbook.
   */
  async writeSheets(plans: SheetPlan[], options: WriteSheetsOptions = {}): Promise<void> {
    for (const plan of plans) {
      const old = options.replace?.[plan.name];
      if (!old && this.workbook.getWorksheet(plan.name)) throw new UserError(`已有名为“${plan.name}”的工作表。请换一个名称。`, { code: 'ItemAlreadyExists' });
    }
    // exceljs keeps its sheets in a sparse array by id; removing one only drops it from there.
    const book = this.workbook as unknown as { _worksheets: (ExcelJS.Worksheet | undefined)[] };
    const sheets = [...book._worksheets];
    const views = this.workbook.views;
    try {
      for (const name of options.remove ?? []) {
        const ws = this.workbook.getWorksheet(name);
        if (ws) this.workbook.removeWorksheet(ws.id);
      }
      for (const plan of plans) {
        const old = options.replace?.[plan.name];
        const existing = old ? this.workbook.getWorksheet(old) : undefined;
        if (existing) this.workbook.removeWorksheet(existing.id);
        const ws = this.writeOne(plan);
        if (options.activate === plan.name) this.workbook.views = [{ activeTab: this.workbook.worksheets.indexOf(ws) } as ExcelJS.WorkbookView];
      }
    } catch (e) {
      book._worksheets = sheets;
      this.workbook.views = views;
      if (e instanceof UserError) throw e;
      throw new UserError(`写入没有完成，已撤销，工作簿保持原样。（${e instanceof Error ? e.message : String(e)}）`, { cause: e, code: 'WriteFailed' });
    }
  }

  private writeOne(plan: SheetPlan): ExcelJS.Worksheet {
    checkSheetName(plan.name);
    const ws = this.workbook.addWorksheet(plan.name, sheetOptions(plan));
    // A sheet with charts is rendered at once: its charts are written from its cells.
    if (this.options.deferPlans && !plan.charts?.length) {
      this.deferred.set(ws, plan);
      return ws;
    }
    renderPlan(ws, plan);
    // exceljs models no charts: they are written beside its output (write-package.ts).
    if (plan.charts?.length) plannedCharts.set(ws, plan.charts);
    return ws;
  }

  async applyHighlights(sheets: SheetHighlights[]): Promise<void> {
    for (const h of sheets) {
      const ws = this.sheet(h.name);
      for (const [addr, color] of Object.entries(h.fills)) {
        const cell = ws.getCell(addr);
        // A fresh style object: exceljs shares style objects between cells read from a file.
        cell.style = {
          ...cell.style,
          fill: color ? { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(color) } } : { type: 'pattern', pattern: 'none' },
        } as ExcelJS.Style;
      }
      for (const [addr, note] of Object.entries(h.notes)) {
        const cell = ws.getCell(addr);
        // exceljs's note setter always creates a Note; removing one means dropping its comment object.
        if (note === null) {
          const c = cell as unknown as { _comment?: unknown; _value?: { model?: { comment?: unknown } } };
          c._comment = undefined;
          if (c._value?.model) delete c._value.model.comment;
        } else cell.note = note;
      }
      this.writeMeta(ws, h.meta);
    }
  }

  private writeMeta(ws: ExcelJS.Worksheet, meta: SheetMeta) {
    const text = encodeMeta(meta);
    for (const addr of metaAddresses(meta)) ws.getCell(addr).value = text;
    if (!ws.getColumn(META_COLUMN).hidden) ws.getColumn(META_COLUMN).hidden = true;
    if (!meta.role && !ws.getRow(META_BACKUP_ROW).hidden) ws.getRow(META_BACKUP_ROW).hidden = true;
  }

  async setValues(name: string, values: Record<string, CellWrite>, meta?: SheetMeta): Promise<void> {
    const ws = this.sheet(name);
    for (const [addr, v] of Object.entries(values)) ws.getCell(addr).value = v !== null && typeof v === 'object' ? ({ formula: v.formula } as ExcelJS.CellFormulaValue) : v;
    if (meta) this.writeMeta(ws, meta);
  }

  async selectedCell(): Promise<{ sheet: string; address: string } | null> {
    // A file has no live selection; the web page asks for the address instead.
    return null;
  }

  async renameSheet(from: string, to: string): Promise<void> {
    if (this.workbook.getWorksheet(to)) throw new UserError(`已有名为“${to}”的工作表。请换一个名称。`, { code: 'ItemAlreadyExists' });
    const ws = this.sheet(from);
    try {
      ws.name = to;
    } catch (e) {
      throw new UserError(`工作表不能命名为“${to}”：${SHEET_NAME_RULE}`, { cause: e, code: 'InvalidArgument' });
    }
  }

  async select(name: string, addresses: string[]): Promise<void> {
    const ws = this.sheet(name);
    ws.views = [{ ...(ws.views?.[0] ?? {}), activeCell: addresses[0] } as ExcelJS.WorksheetView];
    // Selecting a cell shows its sheet, as in Excel: the file opens there.
    this.workbook.views = [{ ...(this.workbook.views?.[0] ?? {}), activeTab: this.workbook.worksheets.indexOf(ws) } as ExcelJS.WorkbookView];
  }

  async activeSheet(): Promise<string | null> {
    const views = this.workbook.views as { activeTab?: number }[] | undefined;
    const idx = views?.[0]?.activeTab ?? 0;
    return this.workbook.worksheets[idx]?.name ?? null;
  }
}

/** A name Excel accepts for a sheet, or a refusal saying why. */
function checkSheetName(name: string): void {
  if (/[*?:/\\[\]]|^'|'$/.test(name) || name.length > 31) throw new UserError(`工作表不能命名为“${name}”：${SHEET_NAME_RULE}`, { code: 'InvalidArgument' });
}

/** How a planned sheet is viewed and printed: frozen header, no grid lines, landscape on A4, one page wide. */
function sheetOptions(plan: SheetPlan): Partial<ExcelJS.AddWorksheetOptions> {
  return {
    views: [plan.freezeRows ? { state: 'frozen', ySplit: plan.freezeRows, showGridLines: false } : { showGridLines: false }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
  };
}

/**
 * A sheet plan rendered into a worksheet. `styles`: one style object per kind of cell, as exceljs itself shares them between cells read
 * from a file (a sheet of hundreds of cells, times hundreds of members, otherwise holds a copy
 * per cell). exceljs's setters (cell.font = …) change a cell's style object in place, so a sheet
 * that may be edited gets its own; sheets rendered only to be written share one set.
 */
function renderPlan(ws: ExcelJS.Worksheet, plan: SheetPlan, styles = new Map<string, ExcelJS.Style>()): void {
  plan.columnWidths.forEach((w, i) => {
    if (i + 1 !== META_COLUMN) ws.getColumn(i + 1).width = w;
  });
  ws.getColumn(META_COLUMN).hidden = true;
  for (const [r, h] of Object.entries(plan.rowHeights)) ws.getRow(Number(r)).height = h;
  for (const r of plan.hiddenRows ?? []) ws.getRow(r).hidden = true;
  for (const pc of plan.cells) {
    const cell = ws.getCell(pc.row, pc.col);
    // The value we computed travels as the cached result, so readers need not recalculate.
    if (pc.formula) cell.value = { formula: pc.formula, result: typeof pc.value === 'number' ? pc.value : undefined } as ExcelJS.CellFormulaValue;
    else if (pc.link && pc.value !== undefined && pc.value !== null) cell.value = { text: String(pc.value), hyperlink: `#${sheetRef(pc.link)}!A1` } as ExcelJS.CellHyperlinkValue;
    else if (pc.value !== undefined) cell.value = pc.value;
    if (pc.note) cell.note = pc.note;
    let style = styles.get(pc.style);
    if (!style) styles.set(pc.style, (style = excelStyle(STYLES[pc.style]) as ExcelJS.Style));
    cell.style = style;
  }
  for (const m of plan.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
  for (const v of plan.validations) {
    const rule: ExcelJS.DataValidation = {
      type: v.rule.type,
      ...(v.rule.max === undefined ? { operator: 'greaterThanOrEqual', formulae: [v.rule.min] } : { operator: 'between', formulae: [v.rule.min, v.rule.max] }),
      allowBlank: true,
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: v.title,
      error: v.message,
      showInputMessage: false,
    };
    // A range at once, as Excel keeps it: set cell by cell, exceljs squeezes them back into ranges at every write.
    for (const range of v.ranges) validations(ws).add(range, rule);
  }
  plan.conditionalFormats.forEach((cf) =>
    ws.addConditionalFormatting({
      ref: cf.range,
      rules: [
        {
          type: 'expression',
          priority: 10,
          formulae: [cf.formula],
          style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(MARK_FILL[cf.severity]) } } },
        },
      ],
    }),
  );
  if (plan.autoFilter) ws.autoFilter = plan.autoFilter;
}
