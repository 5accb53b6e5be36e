/**
 * A stateful in-memory fake of the slice of the Excel JavaScript API we use.
 * Like Excel: writes and loads are queued and carried out at context.sync();
 * reading a property that was not loaded and synced throws; syncs are counted.
 */
import { address, parseAddress } from '../../src/layout/a1';
import { evaluateFormula } from '../helpers/fake-formula';

class FakeCell {
  value: string | number | boolean = '';
  formula: string | null = null;
  fill: string | null = null;
  numberFormat = 'General';
  font: Record<string, unknown> = {};
  locked = true;
  borders = new Set<string>();
}

export interface FakeConditionalFormat {
  range: string;
  formula: string;
  fill: string;
}

/** Formulas referring to formulas deeper than this show an error (Excel's own limit is far higher; the fakes' books are small). */
const MAX_CHAIN = 64;

/** A chart as the adapter set it up: what Excel would draw, recorded. */
export interface FakeChart {
  type: string;
  /** The source range on its sheet, and how its series run. */
  source: string;
  seriesBy: string;
  title?: string;
  position?: [string, string];
  legendVisible?: boolean;
  showValue?: boolean;
  numberFormat?: string;
  categoriesReversed?: boolean;
  valueAxisVisible?: boolean;
  seriesName?: string;
  gapWidth?: number;
  fill?: string;
}

export class FakeSheet {
  cells = new Map<string, FakeCell>();
  charts: FakeChart[] = [];
  hyperlinks = new Map<string, { documentReference: string; textToDisplay: string }>();
  /** Cell notes (ExcelApi 1.18), by address. */
  notes = new Map<string, string>();
  frozenRows = 0;
  autoFilter: string | null = null;
  pageLayout: Record<string, unknown> = {};
  /** The workbook, for references to other sheets. */
  book: FakeExcel | null = null;
  merges: string[] = [];
  conditionalFormats: FakeConditionalFormat[] = [];
  validations = new Map<string, unknown>();
  hiddenColumns = new Set<number>();
  hiddenRows = new Set<number>();
  protected = false;
  gridlines = true;
  constructor(public name: string) {}

  cell(addr: string): FakeCell {
    let c = this.cells.get(addr);
    if (!c) {
      c = new FakeCell();
      this.cells.set(addr, c);
    }
    return c;
  }

  /** What Excel shows: constants, or formulas computed by the fakes' own engine (never the product's). */
  shown(addr: string, depth = 0): string | number | boolean {
    const c = this.cells.get(addr);
    if (!c) return '';
    if (c.formula === null) return c.value;
    // A cycle or a runaway chain shows an error, as Excel shows one.
    if (depth > MAX_CHAIN) return '#REF!';
    const find = (name: string) => (name === this.name ? this : this.book?.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase()));
    const v = evaluateFormula(c.formula.replace(/^=/, ''), this.name, {
      hasSheet: (name) => !!find(name),
      valueOf: (name, row, col) => {
        const x = (name === null ? this : find(name))?.shown(address(row, col), depth + 1);
        return x === undefined || x === '' ? null : x;
      },
    });
    return v === null ? '' : v;
  }
}

/** Shaped like OfficeExtension.Error: a code, and debugInfo carrying it again with where it failed. */
export class ExcelError extends Error {
  readonly debugInfo: { code: string; message: string; errorLocation: string };
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
    this.debugInfo = { code, message, errorLocation: 'fake' };
  }
}

function cellsOf(range: string): string[] {
  const [a, b] = range.split(':');
  const p = parseAddress(a);
  const q = parseAddress(b ?? a);
  const out: string[] = [];
  for (let r = p.row; r <= q.row; r++) for (let c = p.col; c <= q.col; c++) out.push(address(r, c));
  return out;
}

function dims(range: string): { rows: number; cols: number; top: number; left: number } {
  const [a, b] = range.split(':');
  const p = parseAddress(a);
  const q = parseAddress(b ?? a);
  return { rows: q.row - p.row + 1, cols: q.col - p.col + 1, top: p.row, left: p.col };
}

type Op = () => void;

/** The base of every proxy: loaded properties become readable only after a sync. */
class Proxy {
  protected loaded = new Map<string, unknown>();
  constructor(protected readonly ctx: FakeContext) {}

  protected read<T>(prop: string): T {
    if (!this.loaded.has(prop))
      throw new ExcelError(
        'PropertyNotLoaded',
        `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    return this.loaded.get(prop) as T;
  }

  protected queueLoad(props: string[], snapshot: (prop: string) => unknown) {
    this.ctx.queue.push(() => {
      for (const p of props) {
        const v = snapshot(p);
        this.ctx.responseBytes += JSON.stringify(v ?? null).length;
        this.loaded.set(p, v);
      }
    });
  }
}

function propList(arg: string | string[] | Record<string, unknown> | undefined): string[] {
  if (!arg) throw new Error('empty load() loads everything: not allowed in this project');
  if (typeof arg === 'string') return arg.split(',').map((s) => s.trim());
  if (Array.isArray(arg)) return arg;
  return Object.keys(arg);
}

class FakeFill extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly range: FakeRange,
  ) {
    super(ctx);
  }
  get color(): string {
    return this.read('color');
  }
  set color(v: string) {
    this.ctx.queue.push(() => this.range.each((c) => (c.fill = v.replace('#', '').toUpperCase())));
  }
  clear() {
    this.ctx.queue.push(() => this.range.each((c) => (c.fill = null)));
  }
  load(props: string) {
    this.queueLoad(propList(props), () => {
      const fills = new Set(this.range.addresses().map((a) => this.range.sheet().cells.get(a)?.fill ?? null));
      if (fills.size !== 1) return null;
      const f = [...fills][0];
      return f ? `#${f}` : '#FFFFFF';
    });
    return this;
  }
}

class FakeFormat {
  readonly fill: FakeFill;
  readonly font: Record<string, unknown>;
  readonly protection: { locked: boolean };
  readonly borders: { getItem: (edge: string) => { style: string; color: string } };
  constructor(ctx: FakeContext, range: FakeRange) {
    this.fill = new FakeFill(ctx, range);
    const write = (f: (c: FakeCell) => void) => ctx.queue.push(() => range.each(f));
    this.font = new globalThis.Proxy(
      {},
      {
        set: (_t, k, v) => (write((c) => (c.font[String(k)] = v)), true),
        get: (_t, k) => {
          throw new ExcelError('PropertyNotLoaded', `font.${String(k)} not loaded`);
        },
      },
    );
    this.protection = new globalThis.Proxy({} as { locked: boolean }, {
      set: (_t, _k, v) => (write((c) => (c.locked = v)), true),
    });
    this.borders = {
      getItem: (edge: string) =>
        new globalThis.Proxy({} as { style: string; color: string }, {
          set: (_t, k) => (k === 'style' && write((c) => c.borders.add(edge)), true),
        }),
    };
  }
  set horizontalAlignment(_v: string) {}
  set verticalAlignment(_v: string) {}
  set wrapText(_v: boolean) {}
  set columnWidth(_v: number) {}
  set rowHeight(_v: number) {}
}

class FakeRange extends Proxy {
  readonly format: FakeFormat;
  readonly conditionalFormats: { add: (type: string) => { custom: { rule: { formula: string }; format: { fill: { color: string } } } } };
  readonly dataValidation: Record<string, unknown>;

  constructor(
    ctx: FakeContext,
    readonly sheet: () => FakeSheet,
    readonly addr: string,
  ) {
    super(ctx);
    this.format = new FakeFormat(ctx, this);
    this.conditionalFormats = {
      add: (type: string) => {
        if (type !== 'Custom') throw new Error(`unsupported conditional format ${type}`);
        const cf = { custom: { rule: { formula: '' }, format: { fill: { color: '' } } } };
        ctx.queue.push(() => this.guard().conditionalFormats.push({ range: this.addr, formula: cf.custom.rule.formula, fill: cf.custom.format.fill.color }));
        return cf;
      },
    };
    this.dataValidation = new globalThis.Proxy(
      {},
      {
        set: (_t, k, v) => (ctx.queue.push(() => k === 'rule' && this.addresses().forEach((a) => this.guard().validations.set(a, v))), true),
      },
    );
  }

  /** The sheet, refusing writes to a protected one as Excel does. */
  guard(): FakeSheet {
    const s = this.sheet();
    if (s.protected) throw new ExcelError('AccessDenied', 'The cell or chart you are trying to change is protected.');
    return s;
  }

  addresses(): string[] {
    return cellsOf(this.addr);
  }

  each(f: (c: FakeCell) => void) {
    const s = this.guard();
    for (const a of this.addresses()) f(s.cell(a));
  }

  private grid<T>(f: (addr: string) => T): T[][] {
    const d = dims(this.addr);
    return Array.from({ length: d.rows }, (_, r) => Array.from({ length: d.cols }, (_, c) => f(address(d.top + r, d.left + c))));
  }

  private writeGrid(v: unknown[][], f: (c: FakeCell, x: unknown) => void) {
    const d = dims(this.addr);
    if (v.length !== d.rows || v.some((row) => row.length !== d.cols))
      throw new ExcelError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range ${this.addr}.`);
    this.ctx.requestBytes += JSON.stringify(v).length;
    this.ctx.queue.push(() => {
      const s = this.guard();
      v.forEach((row, r) => row.forEach((x, c) => f(s.cell(address(d.top + r, d.left + c)), x)));
    });
  }

  get values(): unknown[][] {
    return this.read('values');
  }
  set values(v: unknown[][]) {
    this.writeGrid(v, (c, x) => {
      if (typeof x === 'string' && x.startsWith('=')) {
        c.formula = x.slice(1);
      } else {
        c.formula = null;
        c.value = typeof x === 'string' && x.startsWith("'") ? x.slice(1) : (x as string | number);
      }
    });
  }
  get formulas(): unknown[][] {
    return this.read('formulas');
  }
  set formulas(v: unknown[][]) {
    this.values = v;
  }
  set numberFormat(v: unknown[][]) {
    this.writeGrid(v, (c, x) => (c.numberFormat = String(x)));
  }
  set rowHidden(v: boolean) {
    this.ctx.queue.push(() => {
      const row = parseAddress(this.addr.split(':')[0]).row;
      if (v) this.guard().hiddenRows.add(row);
    });
  }
  set columnHidden(v: boolean) {
    this.ctx.queue.push(() => {
      const col = parseAddress(this.addr.split(':')[0]).col;
      if (v) this.guard().hiddenColumns.add(col);
    });
  }

  load(props: string | string[]) {
    this.queueLoad(propList(props), (p) => {
      if (p === 'values') return this.grid((a) => this.sheet().shown(a));
      if (p === 'formulas')
        return this.grid((a) => {
          const c = this.sheet().cells.get(a);
          return !c ? '' : c.formula !== null ? `=${c.formula}` : c.value;
        });
      if (p === 'address') return `${/^[\w]+$/.test(this.sheet().name) ? this.sheet().name : `'${this.sheet().name.replace(/'/g, "''")}'`}!${this.addr}`;
      throw new Error(`fake: load of ${p} not modelled`);
    });
    return this;
  }

  set hyperlink(v: { documentReference: string; textToDisplay: string }) {
    this.ctx.queue.push(() => this.guard().hyperlinks.set(this.addr, v));
  }

  merge(_across: boolean) {
    this.ctx.queue.push(() => this.guard().merges.push(this.addr));
  }

  select() {
    this.ctx.queue.push(() => {
      this.ctx.excel.selection = { sheet: this.sheet().name, address: this.addr };
    });
  }

  getCellProperties(_spec: unknown) {
    const result = { value: [] as { format: { fill: { color: string } } }[][] };
    this.ctx.queue.push(() => {
      result.value = this.grid((a) => ({ format: { fill: { color: `#${this.sheet().cells.get(a)?.fill ?? 'FFFFFF'}` } } }));
      this.ctx.responseBytes += JSON.stringify(result.value).length;
    });
    return result;
  }
}

/** A note proxy from getItemOrNullObject: isNullObject and content readable after load and sync. */
class FakeNote extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly current: () => string | undefined,
  ) {
    super(ctx);
  }
  load(props: string) {
    this.queueLoad([...propList(props), 'isNullObject'], (p) => (p === 'isNullObject' ? this.current() === undefined : this.current()));
    return this;
  }
  get isNullObject(): boolean {
    return this.read('isNullObject');
  }
  get content(): string {
    return this.read('content');
  }
}

class FakeWorksheet extends Proxy {
  readonly protection: { load: (p: string) => void; readonly protected: boolean };
  constructor(
    ctx: FakeContext,
    readonly resolve: () => FakeSheet,
  ) {
    super(ctx);
    const load = (p: string) => this.queueLoad([`protection.${p}`], () => this.resolve().protected);
    const read = () => this.read<boolean>('protection.protected');
    this.protection = {
      load,
      get protected() {
        return read();
      },
    };
  }
  get name(): string {
    return this.read('name');
  }
  set name(v: string) {
    this.ctx.queue.push(() => {
      const s = this.resolve();
      if (this.ctx.excel.sheets.some((x) => x !== s && x.name.toLowerCase() === v.toLowerCase()))
        throw new ExcelError('ItemAlreadyExists', 'A resource with the same name or identifier already exists.');
      s.name = v;
    });
  }
  /** ExcelApi 1.18 notes: one per cell; adding over an existing note fails, as deleting a missing one does. */
  get notes() {
    const ctx = this.ctx;
    const sheet = () => this.resolve();
    const addrOf = (cell: string | FakeRange) => (typeof cell === 'string' ? cell : cell.addr);
    return {
      add: (cell: string | FakeRange, content: string) =>
        ctx.queue.push(() => {
          const a = addrOf(cell);
          if (sheet().notes.has(a)) throw new ExcelError('InvalidArgument', 'The cell already has a note.');
          sheet().notes.set(a, content);
        }),
      getItem: (addr: string) => ({
        delete: () =>
          ctx.queue.push(() => {
            if (!sheet().notes.delete(addr)) throw new ExcelError('ItemNotFound', `The requested resource doesn't exist.`);
          }),
      }),
      getItemOrNullObject: (addr: string) => new FakeNote(ctx, () => sheet().notes.get(addr)),
    };
  }
  /** ExcelApi 1.9 page layout: recorded, not rendered. */
  readonly pageLayout = new globalThis.Proxy({} as Record<string, unknown>, {
    set: (_t, k, v) => (this.ctx.queue.push(() => (this.resolve().pageLayout[String(k)] = v)), true),
  });
  readonly freezePanes = { freezeRows: (n: number) => this.ctx.queue.push(() => (this.resolve().frozenRows = n)) };
  readonly autoFilter = {
    apply: (range: FakeRange) => this.ctx.queue.push(() => (this.resolve().autoFilter = range.addr)),
  };
  load(props: string) {
    this.queueLoad(propList(props), (p) => {
      if (p === 'name') return this.resolve().name;
      throw new Error(`fake: load of ${p} not modelled`);
    });
    return this;
  }
  getRange(addr: string) {
    return new FakeRange(this.ctx, this.resolve, addr);
  }
  /** ExcelApi 1.1 charts: what the adapter sets is recorded on the chart, which joins the sheet at sync. */
  get charts() {
    const ctx = this.ctx;
    const sheet = () => this.resolve();
    return {
      add: (type: string, source: FakeRange, seriesBy: string) => {
        const chart: FakeChart = { type, source: source.addr, seriesBy };
        ctx.queue.push(() => {
          if (source.sheet() !== sheet()) throw new ExcelError('InvalidArgument', 'fake: a chart over another sheet is not modelled');
          sheet().charts.push(chart);
        });
        const set = <K extends keyof FakeChart>(key: K) => ({ set: (_t: object, _k: string | symbol, v: FakeChart[K]) => ((chart[key] = v), true) });
        return {
          title: new globalThis.Proxy({}, set('title')),
          legend: new globalThis.Proxy({}, set('legendVisible')),
          dataLabels: new globalThis.Proxy({}, { set: (_t, k, v) => (k === 'showValue' ? (chart.showValue = v) : (chart.numberFormat = v), true) }),
          axes: {
            categoryAxis: new globalThis.Proxy({}, set('categoriesReversed')),
            valueAxis: new globalThis.Proxy({}, set('valueAxisVisible')),
          },
          setPosition: (from: string, to: string) => (chart.position = [from, to]),
          series: {
            getItemAt: (i: number) => {
              if (i !== 0) throw new Error('fake: one series');
              return {
                set name(v: string) {
                  chart.seriesName = v;
                },
                set gapWidth(v: number) {
                  chart.gapWidth = v;
                },
                format: { fill: { setSolidColor: (c: string) => (chart.fill = c) } },
              };
            },
          },
        };
      },
    };
  }
  set showGridlines(v: boolean) {
    this.ctx.queue.push(() => (this.resolve().gridlines = v));
  }
  activate() {
    this.ctx.queue.push(() => (this.ctx.excel.active = this.ctx.excel.sheets.indexOf(this.resolve())));
  }
  delete() {
    this.ctx.queue.push(() => {
      const s = this.resolve();
      this.ctx.excel.sheets.splice(this.ctx.excel.sheets.indexOf(s), 1);
    });
  }
}

class FakeWorksheets extends Proxy {
  private itemsSnapshot: FakeWorksheet[] | null = null;
  get items(): FakeWorksheet[] {
    if (!this.itemsSnapshot) this.read('items');
    return this.itemsSnapshot!;
  }
  load(props: string) {
    if (!props.startsWith('items/')) throw new Error('fake: load items/<prop> only');
    const inner = props.slice('items/'.length);
    this.ctx.queue.push(() => {
      this.itemsSnapshot = this.ctx.excel.sheets.map((s) => {
        const ws = new FakeWorksheet(this.ctx, () => s);
        (ws as unknown as { loaded: Map<string, unknown> }).loaded.set(inner, (s as unknown as Record<string, unknown>)[inner]);
        return ws;
      });
      this.loaded.set('items', true);
    });
    return this;
  }
  private byName(name: string): FakeSheet {
    const s = this.ctx.excel.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!s) throw new ExcelError('ItemNotFound', `The requested resource doesn't exist.`);
    return s;
  }
  getItem(name: string) {
    // Like Excel, the proxy stands for the sheet object, which keeps its identity when renamed.
    let sheet: FakeSheet | null = null;
    return new FakeWorksheet(this.ctx, () => (sheet ??= this.byName(name)));
  }
  getActiveWorksheet() {
    return new FakeWorksheet(this.ctx, () => this.ctx.excel.sheets[this.ctx.excel.active]);
  }
  add(name: string) {
    let created: FakeSheet | null = null;
    this.ctx.queue.push(() => {
      if (this.ctx.excel.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw new ExcelError('ItemAlreadyExists', 'A resource with the same name or identifier already exists.');
      created = new FakeSheet(name);
      created.book = this.ctx.excel;
      this.ctx.excel.sheets.push(created);
    });
    return new FakeWorksheet(this.ctx, () => created ?? this.byName(name));
  }
}

class FakeContext {
  queue: Op[] = [];
  /** Rough payload sizes of the current batch: written values plus ~60 bytes per operation, and loaded results. */
  requestBytes = 0;
  responseBytes = 0;
  readonly workbook: { worksheets: FakeWorksheets; getSelectedRange: () => FakeRange };
  constructor(readonly excel: FakeExcel) {
    this.workbook = {
      worksheets: new FakeWorksheets(this),
      getSelectedRange: () => {
        const sel = excel.selection ?? { sheet: excel.sheets[excel.active].name, address: 'A1' };
        return new FakeRange(this, () => excel.sheet(sel.sheet), sel.address);
      },
    };
  }
  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    this.excel.syncs++;
    const request = this.requestBytes + ops.length * 60;
    this.requestBytes = 0;
    this.excel.maxRequestBytes = Math.max(this.excel.maxRequestBytes, request);
    if (this.excel.cellEditMode) throw new ExcelError('InvalidOperationInCellEditMode', 'cell edit mode');
    if (this.excel.failAtSync === this.excel.syncs) {
      // As a real batch can: the first half of the work is done, then it fails.
      for (const op of ops.slice(0, Math.floor(ops.length / 2))) op();
      throw new ExcelError('GeneralException', 'simulated failure');
    }
    this.responseBytes = 0;
    for (const op of ops) op();
    this.excel.maxResponseBytes = Math.max(this.excel.maxResponseBytes, this.responseBytes);
  }
}

export class FakeExcel {
  sheets: FakeSheet[] = [Object.assign(new FakeSheet('Sheet1'), { book: this })];
  active = 0;
  syncs = 0;
  /** The largest request and response of any batch so far (Excel on the web refuses over 5 MB). */
  maxRequestBytes = 0;
  maxResponseBytes = 0;
  failAtSync: number | null = null;
  cellEditMode = false;
  selection: { sheet: string; address: string } | null = null;

  /** Excel.run: a fresh context per batch; unsynced work is dropped, as in Excel. */
  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const ctx = new FakeContext(this);
    return batch(ctx as unknown as Excel.RequestContext);
  };

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  /** Counts the syncs of one operation. */
  async count(f: () => Promise<unknown>): Promise<number> {
    const before = this.syncs;
    await f();
    return this.syncs - before;
  }
}
