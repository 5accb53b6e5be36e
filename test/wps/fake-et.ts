/**
 * A stateful in-memory fake of the WPS 表格 (ET) object model, as window.Application exposes it
 * to a WPS加载项. Shaped after the host, not after our adapter: the names and behaviours are
 * those of the wps-jsapi description (lib.et.d.ts: EtApplication, EtWorkbook, EtSheets,
 * EtWorksheet, EtRange, EtInterior, EtFont, EtBorders, EtComment, EtValidation,
 * EtFormatConditions, EtHyperlinks, EtWindow, EtPageSetup) and of the Excel object model
 * that ET reproduces:
 *
 * - collections are 1-based: Worksheets.Item(1) is the first sheet; a missing item throws
 *   (下标越界, error 9);
 * - Value2 of a multi-cell range is a 2-D array of rows, of a single cell a scalar; an empty
 *   cell is undefined; an error cell is the COM error code (e.g. -2146826273 for #VALUE!);
 * - colours are BGR integers (red is 255, blue 16711680); a cell without fill reads
 *   Interior.Color 16777215 with Interior.Pattern xlNone (-4142); a mixed range reads null;
 * - assigning a value parses it as typed input ('=' starts a formula, a leading apostrophe
 *   keeps text, numeric text becomes a number); an array smaller than the range leaves #N/A;
 * - merged areas: Merge() keeps the top-left value, writing part of a merged area throws;
 * - a range address is limited to 255 characters; several areas are separated by commas;
 * - refusals throw an EtError carrying the COM-style error number (1004 for an operation the
 *   application refuses: an invalid or duplicate sheet name, a protected sheet, a comment on a
 *   cell that has one, validation added where one exists);
 * - Worksheets.Add activates the new sheet; Delete asks the user unless DisplayAlerts is off
 *   (the fake records the question and answers yes).
 *
 * Every property read, property write and method call crossing into the host is counted
 * (`calls`), as each costs a trip across WPS's JavaScript bridge. Formulas are computed by the
 * fake's own evaluator (fake-formula.ts).
 */
import { evaluateFormula, isErrorText, type Scalar } from '../helpers/fake-formula';

/** A refusal of the host, as the JavaScript bridge raises it: an Error with the COM error number. */
export class EtError extends Error {
  constructor(
    readonly number: number,
    message: string,
  ) {
    super(message);
  }
}

const APP_ERROR = 1004;
const OUT_OF_RANGE = 9;
const NO_SUCH_MEMBER = 438;

/** Excel/ET constants used by the model. */
export const XL = {
  none: -4142,
  solid: 1,
  center: -4108,
  left: -4131,
  right: -4152,
  continuous: 1,
  expression: 2,
  landscape: 2,
} as const;

/** COM error codes of cell error values, as Value2 returns them. */
export const CELL_ERROR_CODES: Record<string, number> = {
  '#NULL!': -2146826288,
  '#DIV/0!': -2146826281,
  '#VALUE!': -2146826273,
  '#REF!': -2146826265,
  '#NAME?': -2146826259,
  '#NUM!': -2146826252,
  '#N/A': -2146826246,
};

export const WHITE_BGR = 0xffffff;
export const bgr = (rrggbb: string) => {
  const n = parseInt(rrggbb, 16);
  return ((n & 0xff) << 16) | (n & 0xff00) | ((n >> 16) & 0xff);
};
export const rgbHex = (b: number) => [b & 0xff, (b >> 8) & 0xff, (b >> 16) & 0xff].map((x) => x.toString(16).padStart(2, '0').toUpperCase()).join('');

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;
const MAX_ADDRESS = 255;

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}
function colLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
export const a1 = (row: number, col: number) => `${colLetters(col)}${row}`;

/** One area of an address: A1, A1:C3, A:C (whole columns), 3:5 (whole rows). */
function parseArea(text: string): Rect | null {
  const t = text.trim().replace(/\$/g, '');
  let m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/i.exec(t);
  if (m) {
    const r1 = Number(m[2]);
    const c1 = colNumber(m[1]);
    const r2 = m[4] ? Number(m[4]) : r1;
    const c2 = m[3] ? colNumber(m[3]) : c1;
    return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
  }
  m = /^([A-Z]{1,3}):([A-Z]{1,3})$/i.exec(t);
  if (m) return { top: 1, bottom: MAX_ROWS, left: Math.min(colNumber(m[1]), colNumber(m[2])), right: Math.max(colNumber(m[1]), colNumber(m[2])) };
  m = /^(\d+):(\d+)$/.exec(t);
  if (m) return { left: 1, right: MAX_COLS, top: Math.min(Number(m[1]), Number(m[2])), bottom: Math.max(Number(m[1]), Number(m[2])) };
  return null;
}

function parseAddress(text: unknown): Rect[] {
  if (typeof text !== 'string' || text.length === 0 || text.length > MAX_ADDRESS) throw new EtError(APP_ERROR, "方法 'Range' 作用于对象 '_Worksheet' 时失败");
  const areas = text.split(',').map(parseArea);
  if (areas.some((r) => !r || r.top < 1 || r.left < 1 || r.bottom > MAX_ROWS || r.right > MAX_COLS)) throw new EtError(APP_ERROR, "方法 'Range' 作用于对象 '_Worksheet' 时失败");
  return areas as Rect[];
}

const rectAddress = (r: Rect) => (r.top === r.bottom && r.left === r.right ? a1(r.top, r.left) : `${a1(r.top, r.left)}:${a1(r.bottom, r.right)}`);
const intersects = (a: Rect, b: Rect) => a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
const contains = (outer: Rect, inner: Rect) => outer.top <= inner.top && outer.left <= inner.left && outer.bottom >= inner.bottom && outer.right >= inner.right;
function* cellsOf(r: Rect): Generator<[number, number]> {
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) yield [row, col];
}

class CellModel {
  value: number | string | boolean | undefined = undefined;
  formula: string | null = null;
  /** Text entered with a leading apostrophe. */
  prefixed = false;
  fill: number | null = null;
  font: { name: string; size: number; bold: boolean; color: number } = { name: '宋体', size: 11, bold: false, color: 0 };
  hAlign: number = 1;
  vAlign: number = XL.center;
  wrap = false;
  locked = true;
  numberFormat = 'General';
  borders = new Set<string>();
  borderColor = 0;
}

export interface ValidationRule {
  type: number;
  alertStyle: number;
  operator: number;
  formula1: string;
  formula2?: string;
  errorTitle: string;
  errorMessage: string;
  ignoreBlank: boolean;
  showError: boolean;
}

export interface FormatConditionModel {
  areas: Rect[];
  type: number;
  formula1: string;
  color: number | null;
}

/** An embedded chart as the host keeps it: what the adapter set up, recorded. */
export interface ChartModel {
  left: number;
  top: number;
  width: number;
  height: number;
  chartType?: number;
  source?: string;
  plotBy?: number;
  hasTitle?: boolean;
  title?: string;
  hasLegend?: boolean;
  categoriesReversed?: boolean;
  valueAxisDeleted?: boolean;
  seriesName?: string;
  hasDataLabels?: boolean;
  labelFormat?: string;
  fill?: number;
}

export class SheetModel {
  charts: ChartModel[] = [];
  cells = new Map<string, CellModel>();
  merges: Rect[] = [];
  comments = new Map<string, string>();
  validations = new Map<string, ValidationRule>();
  formatConditions: FormatConditionModel[] = [];
  hyperlinks: { anchor: string; address: string; subAddress: string; text: string }[] = [];
  hiddenRows = new Set<number>();
  hiddenColumns = new Set<number>();
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  protected = false;
  frozenRows = 0;
  gridlines = true;
  pageSetup: Record<string, unknown> = {};
  autoFilter: string | null = null;
  selection = 'A1';
  constructor(
    public name: string,
    readonly book: BookModel,
  ) {}

  cell(addr: string): CellModel {
    let c = this.cells.get(addr);
    if (!c) this.cells.set(addr, (c = new CellModel()));
    return c;
  }

  mergeAt(row: number, col: number): Rect | undefined {
    return this.merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
  }

  /** What the cell shows: a constant, or its formula computed. */
  shown(addr: string): Scalar {
    return this.book.valueOf(this, addr);
  }
}

export class BookModel {
  sheets: SheetModel[] = [];
  active = 0;
  private computing = new Set<string>();
  constructor(public name: string) {}

  sheet(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  valueOf(sheet: SheetModel, addr: string): Scalar {
    const c = sheet.cells.get(addr);
    if (!c || (c.value === undefined && c.formula === null)) return null;
    if (c.formula === null) return c.value as Scalar;
    const key = `${sheet.name}!${addr}`;
    if (this.computing.has(key)) return '#REF!';
    this.computing.add(key);
    try {
      return evaluateFormula(c.formula, sheet.name, {
        hasSheet: (name) => !!this.sheet(name),
        valueOf: (name, row, col) => {
          const s = name === null ? sheet : this.sheet(name)!;
          return this.valueOf(s, a1(row, col));
        },
      });
    } finally {
      this.computing.delete(key);
    }
  }
}

/** Members a given WPS build may lack; a fake built with `lacks` hides them. */
export type LackableMember = 'AddComment' | 'Validation' | 'FormatConditions' | 'FreezePanes' | 'ChartObjects';

export interface TaskPaneModel {
  ID: number;
  url: string;
  title?: string;
  Visible: boolean;
  DockPosition: number;
  deleted: boolean;
}

/**
 * The host. `app` is window.Application as an add-in sees it: every object it hands out is a
 * counting proxy over the models above.
 */
export class FakeEt {
  calls = 0;
  /** Calls by member name, to see where they go. */
  readonly byMember = new Map<string, number>();
  book: BookModel | null;
  displayAlerts = true;
  screenUpdating = true;
  /** Questions the host would have put to the user (DisplayAlerts on), each answered yes. */
  readonly prompts: string[] = [];
  /** A cell being edited: the host refuses changes until the edit ends. */
  editMode = false;
  /** Fails the call that would pass this count, as a host failing halfway through a write. */
  failAtCall: number | null = null;
  readonly lacks: Set<LackableMember>;
  readonly taskPanes: TaskPaneModel[] = [];
  readonly storage = new Map<string, unknown>();
  private sheetCounter = 1;
  readonly app: EtApplication;

  constructor(options: { lacks?: LackableMember[]; empty?: boolean } = {}) {
    this.lacks = new Set(options.lacks ?? []);
    this.book = options.empty ? null : new BookModel('工作簿1');
    if (this.book) this.book.sheets.push(new SheetModel('Sheet1', this.book));
    this.app = this.wrap(new EtApplication(this));
  }

  /** The model of a sheet by name (tests look at the host's state through this). */
  sheet(name: string): SheetModel {
    const s = this.book?.sheet(name);
    if (!s) throw new Error(`fake: no sheet ${name}`);
    return s;
  }

  get sheets(): SheetModel[] {
    return this.book?.sheets ?? [];
  }

  get activeSheet(): SheetModel | undefined {
    return this.book ? this.book.sheets[this.book.active] : undefined;
  }

  activate(name: string) {
    this.book!.active = this.book!.sheets.indexOf(this.sheet(name));
  }

  newSheetName(): string {
    let name: string;
    do name = `Sheet${++this.sheetCounter}`;
    while (this.book!.sheet(name));
    return name;
  }

  /** Counts the host calls of one operation. */
  async count(f: () => unknown): Promise<number> {
    const before = this.calls;
    await f();
    return this.calls - before;
  }

  refuseWhileEditing() {
    if (this.editMode) throw new EtError(APP_ERROR, '单元格正处于编辑状态，无法执行此操作');
  }

  /** The counting proxy: a property read or write, or a method call, is one trip into the host. */
  wrap<T extends object>(target: T): T {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the proxy's traps run with their own `this`
    const host = this;
    const tally = (name: string) => {
      host.calls++;
      if (host.failAtCall !== null && host.calls >= host.failAtCall) {
        host.failAtCall = null;
        throw new EtError(APP_ERROR, '发生意外错误（模拟）');
      }
      host.byMember.set(name, (host.byMember.get(name) ?? 0) + 1);
    };
    const out = (v: unknown) => (v instanceof HostObject ? host.wrap(v) : v);
    const hidden = (prop: string) => host.lacks.has(prop as LackableMember);
    const proxy = new Proxy(target, {
      get(t, prop, receiver) {
        // Engine probes (Symbol.toPrimitive, then for await) are not host calls.
        if (typeof prop === 'symbol' || prop === 'then' || prop === 'toJSON') return Reflect.get(t, prop, receiver);
        if (hidden(prop)) {
          tally(prop);
          return undefined;
        }
        const v = Reflect.get(t, prop, t);
        if (typeof v === 'function') {
          return (...args: unknown[]) => {
            tally(prop);
            return out(
              (v as (...a: unknown[]) => unknown).apply(
                t,
                args.map((a) => (a && typeof a === 'object' && unproxied.has(a) ? unproxied.get(a) : a)),
              ),
            );
          };
        }
        tally(prop);
        return out(v);
      },
      set(t, prop, value) {
        if (typeof prop === 'symbol') return false;
        tally(prop);
        const desc = findDescriptor(t, prop);
        if (hidden(prop) || !desc || (!desc.set && !desc.writable)) throw new EtError(NO_SUCH_MEMBER, `对象不支持该属性或方法：${prop}`);
        Reflect.set(t, prop, value, t);
        return true;
      },
      has(t, prop) {
        if (typeof prop === 'string' && hidden(prop)) return false;
        return Reflect.has(t, prop);
      },
    });
    unproxied.set(proxy, target);
    return proxy;
  }
}

/** Proxies handed to the caller, mapped back to their objects when passed in again (Hyperlinks.Add(Anchor)). */
const unproxied = new WeakMap<object, object>();

function findDescriptor(o: object, prop: string): PropertyDescriptor | undefined {
  for (let p: object | null = o; p; p = Object.getPrototypeOf(p)) {
    const d = Object.getOwnPropertyDescriptor(p, prop);
    if (d) return d;
  }
  return undefined;
}

/** Marks the objects that live in the host: handed out as counting proxies. */
abstract class HostObject {
  constructor(protected readonly host: FakeEt) {}
}

class TaskPane extends HostObject {
  constructor(
    host: FakeEt,
    private readonly model: TaskPaneModel,
  ) {
    super(host);
  }
  get ID() {
    return this.model.ID;
  }
  get Visible() {
    return this.model.Visible;
  }
  set Visible(v: boolean) {
    this.model.Visible = !!v;
  }
  get DockPosition() {
    return this.model.DockPosition;
  }
  set DockPosition(v: number) {
    this.model.DockPosition = v;
  }
  Navigate(url: string) {
    this.model.url = url;
  }
  Delete() {
    this.model.deleted = true;
  }
}

class PluginStorage extends HostObject {
  getItem(key: string) {
    return this.host.storage.get(key);
  }
  setItem(key: string, value: unknown) {
    this.host.storage.set(key, value);
  }
}

class EtApplication extends HostObject {
  readonly Name = 'WPS 表格';
  readonly Version = '11.1';
  readonly Build = 11664;

  get ActiveWorkbook(): EtWorkbook | null {
    return this.host.book ? new EtWorkbook(this.host, this.host.book) : null;
  }
  get ActiveSheet(): EtWorksheet | null {
    const s = this.host.activeSheet;
    return s ? new EtWorksheet(this.host, s) : null;
  }
  get Worksheets(): EtSheets | null {
    return this.host.book ? new EtSheets(this.host, this.host.book) : null;
  }
  get Sheets(): EtSheets | null {
    return this.Worksheets;
  }
  get ActiveCell(): EtRange | null {
    const s = this.host.activeSheet;
    if (!s) return null;
    const first = parseAddress(s.selection)[0];
    return new EtRange(this.host, s, [{ top: first.top, left: first.left, bottom: first.top, right: first.left }]);
  }
  get Selection(): EtRange | null {
    const s = this.host.activeSheet;
    return s ? new EtRange(this.host, s, parseAddress(s.selection)) : null;
  }
  get ActiveWindow(): EtWindow | null {
    return this.host.book ? new EtWindow(this.host) : null;
  }
  get DisplayAlerts() {
    return this.host.displayAlerts;
  }
  set DisplayAlerts(v: boolean) {
    this.host.displayAlerts = !!v;
  }
  get ScreenUpdating() {
    return this.host.screenUpdating;
  }
  set ScreenUpdating(v: boolean) {
    this.host.screenUpdating = !!v;
  }
  get PluginStorage() {
    return new PluginStorage(this.host);
  }
  Range(address: string): EtRange {
    const s = this.host.activeSheet;
    if (!s) throw new EtError(APP_ERROR, '没有活动工作表');
    return new EtRange(this.host, s, parseAddress(address));
  }
  CreateTaskPane(url: string, title?: string): TaskPane {
    const model: TaskPaneModel = { ID: this.host.taskPanes.length + 1, url, title, Visible: false, DockPosition: 2, deleted: false };
    this.host.taskPanes.push(model);
    return new TaskPane(this.host, model);
  }
  GetTaskPane(id: number): TaskPane {
    const model = this.host.taskPanes.find((t) => t.ID === id && !t.deleted);
    if (!model) throw new EtError(OUT_OF_RANGE, '下标越界');
    return new TaskPane(this.host, model);
  }
}

class EtWorkbook extends HostObject {
  constructor(
    host: FakeEt,
    private readonly model: BookModel,
  ) {
    super(host);
  }
  get Name() {
    return this.model.name;
  }
  get Worksheets() {
    return new EtSheets(this.host, this.model);
  }
  get Sheets() {
    return new EtSheets(this.host, this.model);
  }
  get ActiveSheet() {
    return new EtWorksheet(this.host, this.model.sheets[this.model.active]);
  }
}

class EtSheets extends HostObject {
  constructor(
    host: FakeEt,
    private readonly model: BookModel,
  ) {
    super(host);
  }
  get Count() {
    return this.model.sheets.length;
  }
  Item(index: number | string): EtWorksheet {
    const s = typeof index === 'number' ? this.model.sheets[index - 1] : this.model.sheet(String(index));
    if (!s || (typeof index === 'number' && (index < 1 || !Number.isInteger(index)))) throw new EtError(OUT_OF_RANGE, '下标越界');
    return new EtWorksheet(this.host, s);
  }
  /** New sheet(s) before `Before`, after `After`, or before the active sheet; the new sheet becomes active. */
  Add(Before?: EtWorksheet, After?: EtWorksheet, Count = 1): EtWorksheet {
    this.host.refuseWhileEditing();
    let at = this.model.active;
    if (Before) at = this.model.sheets.indexOf(Before.model);
    else if (After) at = this.model.sheets.indexOf(After.model) + 1;
    let last: SheetModel | null = null;
    for (let i = 0; i < Count; i++) {
      last = new SheetModel(this.host.newSheetName(), this.model);
      this.model.sheets.splice(at + i, 0, last);
    }
    this.model.active = this.model.sheets.indexOf(last!);
    return new EtWorksheet(this.host, last!);
  }
}

const INVALID_NAME = /[:\\/?*[\]]/;

class EtWorksheet extends HostObject {
  constructor(
    host: FakeEt,
    readonly model: SheetModel,
  ) {
    super(host);
  }
  private live(): SheetModel {
    if (!this.model.book.sheets.includes(this.model)) throw new EtError(APP_ERROR, '对象已被删除');
    return this.model;
  }
  get Name() {
    return this.live().name;
  }
  set Name(v: string) {
    this.host.refuseWhileEditing();
    const s = this.live();
    const name = String(v);
    if (name.length === 0 || name.length > 31 || INVALID_NAME.test(name) || name.startsWith("'") || name.endsWith("'"))
      throw new EtError(APP_ERROR, '工作表名称无效：名称不能为空、不能超过 31 个字符，不能包含 : \\ / ? * [ ]，首尾不能是单引号');
    if (s.book.sheets.some((x) => x !== s && x.name.toLowerCase() === name.toLowerCase())) throw new EtError(APP_ERROR, '工作表名称已被占用，请输入其他名称');
    s.name = name;
  }
  get Index() {
    return this.live().book.sheets.indexOf(this.model) + 1;
  }
  get ProtectContents() {
    return this.live().protected;
  }
  get Visible() {
    return -1;
  }
  get Comments() {
    return new EtComments(this.host, this.live());
  }
  get Hyperlinks() {
    return new EtHyperlinks(this.host, this.live());
  }
  get PageSetup() {
    return new EtPageSetup(this.host, this.live());
  }
  Protect() {
    this.live().protected = true;
  }
  Unprotect() {
    this.live().protected = false;
  }
  Range(address: string, cell2?: string): EtRange {
    const areas = parseAddress(cell2 === undefined ? address : `${address}:${cell2}`);
    return new EtRange(this.host, this.live(), areas);
  }
  ChartObjects() {
    return new EtChartObjects(this.host, this.live());
  }
  Activate() {
    const s = this.live();
    s.book.active = s.book.sheets.indexOf(s);
  }
  Select() {
    this.Activate();
  }
  Delete() {
    this.host.refuseWhileEditing();
    const s = this.live();
    const book = s.book;
    if (book.sheets.length === 1) throw new EtError(APP_ERROR, '工作簿中至少应含有一张可视工作表');
    if (this.host.displayAlerts) this.host.prompts.push(`删除工作表“${s.name}”？`);
    const i = book.sheets.indexOf(s);
    const wasActive = book.active === i;
    book.sheets.splice(i, 1);
    if (wasActive) book.active = Math.min(i, book.sheets.length - 1);
    else if (book.active > i) book.active--;
  }
}

class EtChartObjects extends HostObject {
  constructor(
    host: FakeEt,
    private readonly sheet: SheetModel,
  ) {
    super(host);
  }
  get Count() {
    return this.sheet.charts.length;
  }
  Add(Left: number, Top: number, Width: number, Height: number) {
    this.host.refuseWhileEditing();
    if (this.sheet.protected) throw new EtError(APP_ERROR, '不能在受保护的工作表上插入图表');
    const model: ChartModel = { left: Left, top: Top, width: Width, height: Height };
    this.sheet.charts.push(model);
    return new EtChartObject(this.host, this.sheet, model);
  }
}

class EtChartObject extends HostObject {
  constructor(
    host: FakeEt,
    private readonly sheet: SheetModel,
    private readonly model: ChartModel,
  ) {
    super(host);
  }
  get Chart() {
    return new EtChart(this.host, this.sheet, this.model);
  }
}

class EtChart extends HostObject {
  constructor(
    host: FakeEt,
    private readonly sheet: SheetModel,
    private readonly model: ChartModel,
  ) {
    super(host);
  }
  SetSourceData(Source: EtRange, PlotBy?: number) {
    if (!(Source instanceof EtRange) || Source.sheet !== this.sheet) throw new EtError(APP_ERROR, '参数 Source 无效');
    this.model.source = rectAddress(Source.areas[0]);
    this.model.plotBy = PlotBy;
  }
  get ChartType() {
    return this.model.chartType ?? 51;
  }
  set ChartType(v: number) {
    this.model.chartType = v;
  }
  get HasTitle() {
    return !!this.model.hasTitle;
  }
  set HasTitle(v: boolean) {
    this.model.hasTitle = !!v;
  }
  get ChartTitle() {
    const model = this.model;
    if (!model.hasTitle) throw new EtError(APP_ERROR, '图表没有标题');
    return this.host.wrap(
      new (class extends HostObject {
        get Text() {
          return model.title ?? '';
        }
        set Text(v: string) {
          model.title = String(v);
        }
      })(this.host),
    );
  }
  get HasLegend() {
    return this.model.hasLegend ?? true;
  }
  set HasLegend(v: boolean) {
    this.model.hasLegend = !!v;
  }
  SeriesCollection(Index: number) {
    if (Index !== 1 || !this.model.source) throw new EtError(OUT_OF_RANGE, '下标越界');
    const model = this.model;
    const host = this.host;
    return new (class extends HostObject {
      get Name() {
        return model.seriesName ?? '';
      }
      set Name(v: string) {
        model.seriesName = String(v);
      }
      get HasDataLabels() {
        return !!model.hasDataLabels;
      }
      set HasDataLabels(v: boolean) {
        model.hasDataLabels = !!v;
      }
      DataLabels() {
        if (!model.hasDataLabels) throw new EtError(APP_ERROR, '没有数据标签');
        return host.wrap(
          new (class extends HostObject {
            get NumberFormat() {
              return model.labelFormat ?? 'General';
            }
            set NumberFormat(v: string) {
              model.labelFormat = String(v);
            }
          })(host),
        );
      }
      get Format() {
        return { Fill: { ForeColor: new globalThis.Proxy({} as { RGB: number }, { set: (_t, _k, v) => ((model.fill = v), true) }) } };
      }
    })(this.host);
  }
  Axes(Type: number) {
    const model = this.model;
    return new (class extends HostObject {
      get ReversePlotOrder() {
        return Type === 1 && !!model.categoriesReversed;
      }
      set ReversePlotOrder(v: boolean) {
        if (Type === 1) model.categoriesReversed = !!v;
      }
      Delete() {
        if (Type === 2) model.valueAxisDeleted = true;
      }
    })(this.host);
  }
}

class EtComments extends HostObject {
  constructor(
    host: FakeEt,
    private readonly sheet: SheetModel,
  ) {
    super(host);
  }
  get Count() {
    return this.sheet.comments.size;
  }
}

class EtHyperlinks extends HostObject {
  constructor(
    host: FakeEt,
    private readonly sheet: SheetModel,
  ) {
    super(host);
  }
  get Count() {
    return this.sheet.hyperlinks.length;
  }
  Add(Anchor: EtRange, Address: string, SubAddress?: string, _ScreenTip?: string, TextToDisplay?: string) {
    if (!(Anchor instanceof EtRange)) throw new EtError(APP_ERROR, '参数 Anchor 无效');
    const anchor = rectAddress(Anchor.areas[0]);
    this.sheet.hyperlinks.push({ anchor, address: Address ?? '', subAddress: SubAddress ?? '', text: TextToDisplay ?? '' });
    if (TextToDisplay !== undefined) Anchor.Value2 = TextToDisplay;
  }
}

class EtPageSetup extends HostObject {
  constructor(
    host: FakeEt,
    private readonly sheet: SheetModel,
  ) {
    super(host);
  }
  private prop(k: string, v?: number | boolean): number | boolean {
    if (v !== undefined) this.sheet.pageSetup[k] = v;
    return this.sheet.pageSetup[k] as number | boolean;
  }
  get Orientation() {
    return this.prop('Orientation') ?? 1;
  }
  set Orientation(v: number | boolean) {
    this.prop('Orientation', v);
  }
  get Zoom() {
    return this.prop('Zoom') ?? 100;
  }
  set Zoom(v: number | boolean) {
    this.prop('Zoom', v);
  }
  get FitToPagesWide() {
    return this.prop('FitToPagesWide') ?? 1;
  }
  set FitToPagesWide(v: number | boolean) {
    this.prop('FitToPagesWide', v);
  }
  get FitToPagesTall() {
    return this.prop('FitToPagesTall') ?? 1;
  }
  set FitToPagesTall(v: number | boolean) {
    this.prop('FitToPagesTall', v);
  }
}

class EtWindow extends HostObject {
  private get sheet(): SheetModel {
    return this.host.activeSheet!;
  }
  get DisplayGridlines() {
    return this.sheet.gridlines;
  }
  set DisplayGridlines(v: boolean) {
    this.sheet.gridlines = !!v;
  }
  get SplitRow() {
    return this.sheet.frozenRows;
  }
  set SplitRow(v: number) {
    this.sheet.frozenRows = v;
  }
  get SplitColumn() {
    return 0;
  }
  set SplitColumn(_v: number) {}
  get FreezePanes() {
    return this.sheet.frozenRows > 0;
  }
  set FreezePanes(v: boolean) {
    if (!v) this.sheet.frozenRows = 0;
  }
}

/** Typed input: what a cell holds after a value is assigned to it. */
function assign(c: CellModel, v: unknown) {
  c.prefixed = false;
  if (v === undefined || v === null || v === '') {
    c.value = undefined;
    c.formula = null;
  } else if (typeof v === 'string' && v.startsWith('=') && v.length > 1) {
    c.formula = v.slice(1);
    c.value = undefined;
  } else if (typeof v === 'string' && v.startsWith("'")) {
    c.formula = null;
    c.value = v.slice(1);
    c.prefixed = true;
  } else if (typeof v === 'string' && /^\s*[+-]?\d+(\.\d+)?([eE][+-]?\d+)?\s*$/.test(v)) {
    c.formula = null;
    c.value = Number(v);
  } else if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') {
    c.formula = null;
    c.value = v;
  } else throw new EtError(APP_ERROR, '类型不匹配');
}

/** A value as Value2 hands it out: empty is undefined, an error is its COM code. */
function outward(v: Scalar): unknown {
  if (v === null) return undefined;
  if (isErrorText(v)) return CELL_ERROR_CODES[v];
  return v;
}

class EtRange extends HostObject {
  constructor(
    host: FakeEt,
    readonly sheet: SheetModel,
    readonly areas: Rect[],
  ) {
    super(host);
  }

  private get first(): Rect {
    return this.areas[0];
  }
  private *cells(): Generator<[number, number]> {
    for (const a of this.areas) yield* cellsOf(a);
  }
  private live(): SheetModel {
    if (!this.sheet.book.sheets.includes(this.sheet)) throw new EtError(APP_ERROR, '对象已被删除');
    return this.sheet;
  }
  /** Changing cells: refused on a protected sheet and while a cell is being edited. */
  private writable(): SheetModel {
    const s = this.live();
    this.host.refuseWhileEditing();
    if (s.protected) throw new EtError(APP_ERROR, '您试图更改的单元格或图表受保护，因而是只读的');
    return s;
  }
  private grid<T>(f: (row: number, col: number) => T): T | T[][] {
    const r = this.first;
    if (r.top === r.bottom && r.left === r.right) return f(r.top, r.left);
    return Array.from({ length: r.bottom - r.top + 1 }, (_, i) => Array.from({ length: r.right - r.left + 1 }, (_, j) => f(r.top + i, r.left + j)));
  }
  private write(v: unknown, put: (c: CellModel, x: unknown) => void) {
    const s = this.writable();
    for (const area of this.areas) {
      // One cell may be written (the top-left of a merged area takes it); a larger part of a merged area may not.
      const single = area.top === area.bottom && area.left === area.right;
      for (const m of s.merges) if (!single && intersects(m, area) && !contains(area, m)) throw new EtError(APP_ERROR, '不能对合并单元格作部分更改');
      const rows = Array.isArray(v) ? (Array.isArray(v[0]) ? (v as unknown[][]) : [v as unknown[]]) : null;
      for (const [row, col] of cellsOf(area)) {
        const merge = s.mergeAt(row, col);
        if (merge && (merge.top !== row || merge.left !== col)) continue;
        const c = s.cell(a1(row, col));
        const line = rows?.[row - area.top];
        if (rows && (!line || col - area.left >= line.length)) {
          // Past the end of the array given: the host fills #N/A.
          assign(c, '=NA()');
          continue;
        }
        const x = rows ? line![col - area.left] : v;
        put(c, x);
      }
    }
  }

  get Value2(): unknown {
    const s = this.live();
    return this.grid((row, col) => outward(s.shown(a1(row, col))));
  }
  set Value2(v: unknown) {
    this.write(v, assign);
  }
  get Formula(): unknown {
    const s = this.live();
    return this.grid((row, col) => {
      const c = s.cells.get(a1(row, col));
      if (!c) return '';
      if (c.formula !== null) return `=${c.formula}`;
      return c.value === undefined ? '' : String(c.value);
    });
  }
  set Formula(v: unknown) {
    this.write(v, assign);
  }
  get Text(): unknown {
    const v = this.live().shown(a1(this.first.top, this.first.left));
    return v === null ? '' : String(v);
  }
  get Row() {
    return this.first.top;
  }
  get Column() {
    return this.first.left;
  }
  get Count() {
    return this.areas.reduce((n, a) => n + (a.bottom - a.top + 1) * (a.right - a.left + 1), 0);
  }
  get Worksheet() {
    return new EtWorksheet(this.host, this.live());
  }
  Address(RowAbsolute = true, ColumnAbsolute = true): string {
    const fmt = (row: number, col: number) => `${ColumnAbsolute ? '$' : ''}${colLetters(col)}${RowAbsolute ? '$' : ''}${row}`;
    return this.areas.map((r) => (r.top === r.bottom && r.left === r.right ? fmt(r.top, r.left) : `${fmt(r.top, r.left)}:${fmt(r.bottom, r.right)}`)).join(',');
  }
  get Interior() {
    return new EtInterior(this.host, this);
  }
  get Font() {
    return new EtFont(this.host, this);
  }
  get Borders() {
    return new EtBorders(this.host, this);
  }
  /** Each cell of the range, for the style objects. */
  forEachCell(f: (c: CellModel) => void, write = true) {
    const s = write ? this.writable() : this.live();
    for (const [row, col] of this.cells()) f(s.cell(a1(row, col)));
  }
  /** One value for the whole range, or null when its cells differ (typed as T: the host's typings say so too). */
  common<T>(f: (c: CellModel) => T): T {
    const s = this.live();
    let seen: { v: T } | null = null;
    for (const [row, col] of this.cells()) {
      const v = f(s.cells.get(a1(row, col)) ?? new CellModel());
      if (seen && seen.v !== v) return null as T;
      seen = { v };
    }
    return seen ? seen.v : (null as T);
  }
  get HorizontalAlignment() {
    return this.common((c) => c.hAlign);
  }
  set HorizontalAlignment(v: number) {
    this.forEachCell((c) => (c.hAlign = v));
  }
  get VerticalAlignment() {
    return this.common((c) => c.vAlign);
  }
  set VerticalAlignment(v: number) {
    this.forEachCell((c) => (c.vAlign = v));
  }
  get WrapText() {
    return this.common((c) => c.wrap);
  }
  set WrapText(v: boolean) {
    this.forEachCell((c) => (c.wrap = !!v));
  }
  get Locked() {
    return this.common((c) => c.locked);
  }
  set Locked(v: boolean) {
    this.forEachCell((c) => (c.locked = !!v));
  }
  get NumberFormat() {
    return this.common((c) => c.numberFormat);
  }
  set NumberFormat(v: string) {
    this.forEachCell((c) => (c.numberFormat = String(v)));
  }
  get ColumnWidth() {
    const s = this.live();
    return s.columnWidths.get(this.first.left) ?? 8.38;
  }
  set ColumnWidth(v: number) {
    const s = this.writable();
    for (const a of this.areas) for (let c = a.left; c <= a.right; c++) s.columnWidths.set(c, v);
  }
  get RowHeight() {
    return this.live().rowHeights.get(this.first.top) ?? 13.5;
  }
  set RowHeight(v: number) {
    const s = this.writable();
    for (const a of this.areas) for (let r = a.top; r <= a.bottom; r++) s.rowHeights.set(r, v);
  }
  get EntireRow() {
    return new EtRange(
      this.host,
      this.sheet,
      this.areas.map((a) => ({ top: a.top, bottom: a.bottom, left: 1, right: MAX_COLS })),
    );
  }
  get EntireColumn() {
    return new EtRange(
      this.host,
      this.sheet,
      this.areas.map((a) => ({ top: 1, bottom: MAX_ROWS, left: a.left, right: a.right })),
    );
  }
  private get wholeRows() {
    return this.areas.every((a) => a.left === 1 && a.right === MAX_COLS);
  }
  private get wholeColumns() {
    return this.areas.every((a) => a.top === 1 && a.bottom === MAX_ROWS);
  }
  get Hidden(): boolean {
    const s = this.live();
    if (this.wholeRows) return this.areas.every((a) => [...Array(a.bottom - a.top + 1).keys()].every((i) => s.hiddenRows.has(a.top + i)));
    if (this.wholeColumns) return this.areas.every((a) => [...Array(a.right - a.left + 1).keys()].every((i) => s.hiddenColumns.has(a.left + i)));
    throw new EtError(APP_ERROR, '只能对整行或整列设置隐藏');
  }
  set Hidden(v: boolean) {
    const s = this.writable();
    if (!this.wholeRows && !this.wholeColumns) throw new EtError(APP_ERROR, '只能对整行或整列设置隐藏');
    for (const a of this.areas) {
      const [set, from, to] = this.wholeRows ? [s.hiddenRows, a.top, a.bottom] : [s.hiddenColumns, a.left, a.right];
      for (let i = from; i <= to; i++) {
        if (v) set.add(i);
        else set.delete(i);
      }
    }
  }
  get MergeCells(): boolean {
    const s = this.live();
    const inMerge = (row: number, col: number) => !!s.mergeAt(row, col);
    let all = true;
    let any = false;
    for (const [row, col] of this.cells()) {
      if (inMerge(row, col)) any = true;
      else all = false;
    }
    return all ? true : any ? (null as unknown as boolean) : false;
  }
  get MergeArea() {
    const s = this.live();
    const m = s.mergeAt(this.first.top, this.first.left);
    return new EtRange(this.host, s, [m ?? { top: this.first.top, left: this.first.left, bottom: this.first.top, right: this.first.left }]);
  }
  /** Merges each area (each row of it with Across); keeps the top-left value, asking first when others would be lost. */
  Merge(Across = false) {
    const s = this.writable();
    for (const area of this.areas) {
      const parts = Across ? Array.from({ length: area.bottom - area.top + 1 }, (_, i) => ({ ...area, top: area.top + i, bottom: area.top + i })) : [area];
      for (const p of parts) {
        if (p.top === p.bottom && p.left === p.right) continue;
        const filled = [...cellsOf(p)].filter(([r, c]) => {
          const cell = s.cells.get(a1(r, c));
          return cell && (cell.value !== undefined || cell.formula !== null);
        });
        if (filled.length > 1 && this.host.displayAlerts) this.host.prompts.push('合并单元格时，仅保留左上角的值');
        for (const [r, c] of filled) if (r !== p.top || c !== p.left) assign(s.cell(a1(r, c)), undefined);
        s.merges = s.merges.filter((m) => !intersects(m, p));
        s.merges.push(p);
      }
    }
  }
  UnMerge() {
    const s = this.writable();
    s.merges = s.merges.filter((m) => !this.areas.some((a) => intersects(m, a)));
  }
  get Comment(): EtComment | null {
    const s = this.live();
    const addr = a1(this.first.top, this.first.left);
    return s.comments.has(addr) ? new EtComment(this.host, s, addr) : null;
  }
  AddComment(Text?: string): EtComment {
    const s = this.writable();
    if (this.Count !== 1) throw new EtError(APP_ERROR, '只能对单个单元格添加批注');
    const addr = a1(this.first.top, this.first.left);
    if (s.comments.has(addr)) throw new EtError(APP_ERROR, '该单元格已有批注');
    s.comments.set(addr, Text === undefined ? '' : String(Text));
    return new EtComment(this.host, s, addr);
  }
  ClearComments() {
    const s = this.writable();
    for (const [row, col] of this.cells()) s.comments.delete(a1(row, col));
  }
  get Validation() {
    return new EtValidation(this.host, this);
  }
  get FormatConditions() {
    return new EtFormatConditions(this.host, this);
  }
  addressesOf(): string[] {
    return [...this.cells()].map(([r, c]) => a1(r, c));
  }
  Select() {
    const s = this.live();
    if (s.book.sheets[s.book.active] !== s) throw new EtError(APP_ERROR, 'Range 类的 Select 方法无效');
    s.selection = this.Address(false, false);
  }
  Activate() {
    this.Select();
  }
  AutoFilter() {
    const s = this.writable();
    s.autoFilter = s.autoFilter ? null : rectAddress(this.first);
  }
}

class EtInterior extends HostObject {
  constructor(
    host: FakeEt,
    private readonly range: EtRange,
  ) {
    super(host);
  }
  get Color() {
    return this.range.common((c) => c.fill ?? WHITE_BGR);
  }
  set Color(v: number) {
    if (typeof v !== 'number' || v < 0 || v > 0xffffff) throw new EtError(APP_ERROR, '颜色值无效');
    this.range.forEachCell((c) => (c.fill = v));
  }
  get Pattern() {
    return this.range.common((c) => (c.fill === null ? XL.none : XL.solid));
  }
  set Pattern(v: number) {
    if (v === XL.none) this.range.forEachCell((c) => (c.fill = null));
    else this.range.forEachCell((c) => (c.fill ??= WHITE_BGR));
  }
  get ColorIndex() {
    return this.range.common((c) => (c.fill === null ? XL.none : 0));
  }
  set ColorIndex(v: number) {
    if (v !== XL.none) throw new EtError(APP_ERROR, 'fake: only xlNone is modelled for ColorIndex');
    this.range.forEachCell((c) => (c.fill = null));
  }
}

class EtFont extends HostObject {
  constructor(
    host: FakeEt,
    private readonly range: EtRange,
  ) {
    super(host);
  }
  get Name() {
    return this.range.common((c) => c.font.name);
  }
  set Name(v: string) {
    this.range.forEachCell((c) => (c.font = { ...c.font, name: v }));
  }
  get Size() {
    return this.range.common((c) => c.font.size);
  }
  set Size(v: number) {
    this.range.forEachCell((c) => (c.font = { ...c.font, size: v }));
  }
  get Bold() {
    return this.range.common((c) => c.font.bold);
  }
  set Bold(v: boolean) {
    this.range.forEachCell((c) => (c.font = { ...c.font, bold: !!v }));
  }
  get Color() {
    return this.range.common((c) => c.font.color);
  }
  set Color(v: number) {
    this.range.forEachCell((c) => (c.font = { ...c.font, color: v }));
  }
}

const EDGES = ['EdgeLeft', 'EdgeTop', 'EdgeBottom', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'];
/** xlEdgeLeft = 7 … xlInsideHorizontal = 12. */
const EDGE_INDEX: Record<number, string> = { 7: 'EdgeLeft', 8: 'EdgeTop', 9: 'EdgeBottom', 10: 'EdgeRight', 11: 'InsideVertical', 12: 'InsideHorizontal' };

class EtBorders extends HostObject {
  constructor(
    host: FakeEt,
    private readonly range: EtRange,
  ) {
    super(host);
  }
  get LineStyle() {
    return this.range.common((c) => (c.borders.size === EDGES.length ? XL.continuous : XL.none));
  }
  /** Every edge of every cell, inside ones included. */
  set LineStyle(v: number) {
    this.range.forEachCell((c) => (c.borders = v === XL.none ? new Set() : new Set(EDGES)));
  }
  get Color() {
    return this.range.common((c) => c.borderColor);
  }
  set Color(v: number) {
    this.range.forEachCell((c) => (c.borderColor = v));
  }
  get Weight() {
    return 2;
  }
  set Weight(_v: number) {}
  Item(index: number) {
    const edge = EDGE_INDEX[index];
    if (!edge) throw new EtError(APP_ERROR, '下标越界');
    return new EtBorder(this.host, this.range, edge);
  }
}

class EtBorder extends HostObject {
  constructor(
    host: FakeEt,
    private readonly range: EtRange,
    private readonly edge: string,
  ) {
    super(host);
  }
  get LineStyle() {
    return this.range.common((c) => (c.borders.has(this.edge) ? XL.continuous : XL.none));
  }
  set LineStyle(v: number) {
    this.range.forEachCell((c) => (v === XL.none ? c.borders.delete(this.edge) : c.borders.add(this.edge)));
  }
}

class EtComment extends HostObject {
  constructor(
    host: FakeEt,
    private readonly sheet: SheetModel,
    private readonly addr: string,
  ) {
    super(host);
  }
  /** Reads the text; with an argument, replaces it. */
  Text(Text?: string): string {
    if (Text !== undefined) this.sheet.comments.set(this.addr, String(Text));
    return this.sheet.comments.get(this.addr) ?? '';
  }
  Delete() {
    this.sheet.comments.delete(this.addr);
  }
  get Author() {
    return 'Administrator';
  }
}

class EtValidation extends HostObject {
  constructor(
    host: FakeEt,
    private readonly range: EtRange,
  ) {
    super(host);
  }
  private rules(): ValidationRule[] {
    const s = this.range.sheet;
    const rules = this.range.addressesOf().map((a) => s.validations.get(a));
    if (rules.some((r) => !r)) throw new EtError(APP_ERROR, '没有可修改的数据有效性');
    return rules as ValidationRule[];
  }
  Add(Type: number, AlertStyle = 1, Operator = 1, Formula1?: unknown, Formula2?: unknown) {
    this.range.forEachCell(() => undefined);
    const s = this.range.sheet;
    const addrs = this.range.addressesOf();
    if (addrs.some((a) => s.validations.has(a))) throw new EtError(APP_ERROR, '所选区域已有数据有效性，请先删除');
    if (Formula1 === undefined) throw new EtError(APP_ERROR, '缺少 Formula1');
    const rule: ValidationRule = { type: Type, alertStyle: AlertStyle, operator: Operator, formula1: String(Formula1), errorTitle: '', errorMessage: '', ignoreBlank: true, showError: true };
    if (Formula2 !== undefined) rule.formula2 = String(Formula2);
    for (const a of addrs) s.validations.set(a, rule);
  }
  Delete() {
    this.range.forEachCell(() => undefined);
    for (const a of this.range.addressesOf()) this.range.sheet.validations.delete(a);
  }
  get Type() {
    return this.rules()[0].type;
  }
  get Formula1() {
    return this.rules()[0].formula1;
  }
  get ErrorTitle() {
    return this.rules()[0].errorTitle;
  }
  set ErrorTitle(v: string) {
    for (const r of this.rules()) r.errorTitle = v;
  }
  get ErrorMessage() {
    return this.rules()[0].errorMessage;
  }
  set ErrorMessage(v: string) {
    for (const r of this.rules()) r.errorMessage = v;
  }
  get IgnoreBlank() {
    return this.rules()[0].ignoreBlank;
  }
  set IgnoreBlank(v: boolean) {
    for (const r of this.rules()) r.ignoreBlank = !!v;
  }
  get ShowError() {
    return this.rules()[0].showError;
  }
  set ShowError(v: boolean) {
    for (const r of this.rules()) r.showError = !!v;
  }
}

class EtFormatConditions extends HostObject {
  constructor(
    host: FakeEt,
    private readonly range: EtRange,
  ) {
    super(host);
  }
  private mine(): FormatConditionModel[] {
    return this.range.sheet.formatConditions.filter((f) => f.areas.some((a) => this.range.areas.some((b) => intersects(a, b))));
  }
  get Count() {
    return this.mine().length;
  }
  Item(index: number) {
    const f = this.mine()[index - 1];
    if (!f) throw new EtError(OUT_OF_RANGE, '下标越界');
    return new EtFormatCondition(this.host, f);
  }
  /** xlExpression (2) with a formula starting '='; other types are not modelled. */
  Add(Type: number, _Operator?: number, Formula1?: string) {
    this.range.forEachCell(() => undefined);
    if (Type !== XL.expression) throw new Error('fake: only xlExpression conditions are modelled');
    if (typeof Formula1 !== 'string' || !Formula1.startsWith('=')) throw new EtError(APP_ERROR, '公式无效');
    const model: FormatConditionModel = { areas: this.range.areas.map((a) => ({ ...a })), type: Type, formula1: Formula1, color: null };
    this.range.sheet.formatConditions.push(model);
    return new EtFormatCondition(this.host, model);
  }
  Delete() {
    this.range.forEachCell(() => undefined);
    const mine = new Set(this.mine());
    this.range.sheet.formatConditions = this.range.sheet.formatConditions.filter((f) => !mine.has(f));
  }
}

class EtFormatCondition extends HostObject {
  constructor(
    host: FakeEt,
    private readonly model: FormatConditionModel,
  ) {
    super(host);
  }
  get Formula1() {
    return this.model.formula1;
  }
  get Type() {
    return this.model.type;
  }
  get Interior() {
    return new FormatConditionInterior(this.host, this.model);
  }
}

class FormatConditionInterior extends HostObject {
  constructor(
    host: FakeEt,
    private readonly model: FormatConditionModel,
  ) {
    super(host);
  }
  get Color(): number {
    return this.model.color as number;
  }
  set Color(v: number) {
    this.model.color = v;
  }
}
