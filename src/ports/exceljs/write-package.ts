/**
 * A workbook written as exceljs writes it, zipped as it goes. exceljs renders every part; its
 * own zip step (JSZip: a text re-encode, a JavaScript CRC and deflate) cost more than the
 * rendering for a consolidation of hundreds of member sheets, and held every part at once.
 * Here each sheet is rendered, deflated and let go in turn; a sheet still a plan (the port's
 * deferred sheets) is built, prepared and rendered only then, so hundreds of member sheets are
 * never in memory together. Identical differential styles (a conditional format's fill, one
 * per rule in exceljs) are shared, as Excel shares them: 500 members' sheets otherwise write
 * some 30 000 copies of two fills into styles.xml.
 */
import type ExcelJS from 'exceljs';
import { strToU8, unzipSync, Zip, ZipDeflate, zipSync, type ZipInputFile } from 'fflate';
import { addChartParts, plannedCharts } from './chart-parts';

const CONTENT_TYPES = '[Content_Types].xml';

type Appender = { append(data: string | Uint8Array, options: { name: string; base64?: boolean }): void };
type SheetModel = { id?: number; name?: string; state?: unknown; views?: unknown; rows?: unknown[]; conditionalFormattings?: { rules?: { dxfId?: number }[] }[] };
type Model = Record<string, unknown> & {
  styles?: { model?: { dxfs?: unknown[] } };
  worksheets?: SheetModel[];
  sheets?: unknown[];
  drawings?: unknown[];
  commentRefs?: unknown[];
};

/**
 * The steps of exceljs's XLSX.write (lib/xlsx/xlsx.js) minus its zip, the sheets first: every
 * later step (the content types, the workbook's relationships, the shared strings) then sees
 * what the sheets prepared as they were rendered.
 */
const STEPS = [
  'addWorksheets',
  'addContentTypes',
  'addOfficeRels',
  'addWorkbookRels',
  'addSharedStrings',
  'addDrawings',
  'addTables',
  'addThemes',
  'addStyles',
  'addMedia',
  'addApp',
  'addCore',
  'addWorkbook',
] as const;

type Internals = { prepareModel(model: Model, options: object): void } & Record<(typeof STEPS)[number], (zip: Appender, model: Model) => Promise<void> | void>;

function base64Bytes(text: string): Uint8Array {
  const bin = atob(text);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * Shares identical differential styles as sheets are prepared: the ones added since the last
 * call are folded into the first of their kind, and the given sheets' rules pointed at it.
 */
class SharedDxfs {
  private readonly first = new Map<string, number>();
  private kept = 0;

  constructor(private readonly model: Model) {}

  share(sheets: SheetModel[]): void {
    const dxfs = this.model.styles?.model?.dxfs;
    if (!dxfs || dxfs.length === this.kept) return;
    const from = this.kept;
    const remap = new Map<number, number>();
    for (let i = from; i < dxfs.length; i++) {
      const key = JSON.stringify(dxfs[i]);
      let j = this.first.get(key);
      if (j === undefined) {
        j = this.kept++;
        dxfs[j] = dxfs[i];
        this.first.set(key, j);
      }
      remap.set(i, j);
    }
    dxfs.length = this.kept;
    for (const ws of sheets)
      for (const cf of ws.conditionalFormattings ?? []) for (const rule of cf.rules ?? []) if (rule.dxfId !== undefined && rule.dxfId >= from) rule.dxfId = remap.get(rule.dxfId);
  }
}

/** Sheets not yet rendered (ExceljsWorkbookPort's deferred plans). */
export interface Deferred {
  /** A deferred sheet's content, in a worksheet of its own that is dropped once its model is taken; undefined for a rendered sheet. */
  content(ws: ExcelJS.Worksheet): ExcelJS.Worksheet | undefined;
  /** Renders every deferred sheet in its place, for a write that takes the workbook whole. */
  renderAll(): void;
}

/**
 * The workbook's model as exceljs's getter builds it, each sheet's model built once: the getter
 * builds every sheet's twice (for `worksheets` and `sheets`, which the write then overwrites).
 */
function bookModel(workbook: ExcelJS.Workbook): Model {
  const getter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(workbook), 'model')?.get;
  if (!getter) return workbook.model as unknown as Model;
  const model = getter.call(Object.create(workbook, { worksheets: { value: [] } })) as Model;
  model.worksheets = workbook.worksheets.map((ws) => ws.model as unknown as SheetModel);
  model.sheets = model.worksheets;
  return model;
}

/**
 * One more sheet prepared as prepareModel prepares each (its styles, shared strings, comments
 * and links registered with the workbook's), for a sheet the first preparation saw empty. A
 * deferred sheet has no tables or images, whose numbering prepareModel would restart.
 */
function prepareSheet(xlsx: Internals, model: Model, sheet: SheetModel): void {
  const one: Model = { properties: model.properties, media: model.media, definedNames: [], worksheets: [sheet] };
  for (const key of ['sharedStrings', 'styles'] as const) Object.defineProperty(one, key, { get: () => model[key], set: () => undefined, enumerable: true });
  xlsx.prepareModel(one, {});
  model.drawings?.push(...(one.drawings ?? []));
  model.commentRefs?.push(...(one.commentRefs ?? []));
}

/** A faster deflate where the host has one (Node's zlib): a part's raw deflate, and its CRC-32. */
export interface Deflater {
  deflateRaw(bytes: Uint8Array): Uint8Array;
  crc32(bytes: Uint8Array): number;
}

/** Level 3: a quarter less time than the default 6 on a 500-member consolidation, for 3 % more bytes. */
export const DEFLATE_LEVEL = 3;

/** A zip written as its parts come, each deflated at once, so the rendered XML does not pile up. */
class ZipOut {
  readonly names = new Set<string>();
  private readonly chunks: Uint8Array[] = [];
  private readonly zip = new Zip((err, chunk) => {
    if (err) throw err;
    this.chunks.push(chunk);
  });

  constructor(private readonly deflater?: Deflater) {}

  add(name: string, bytes: Uint8Array): void {
    this.names.add(name);
    if (this.deflater) {
      const file: ZipInputFile = { filename: name, size: bytes.length, crc: this.deflater.crc32(bytes), compression: 8 };
      this.zip.add(file);
      file.ondata!(null, this.deflater.deflateRaw(bytes) as Uint8Array<ArrayBuffer>, true);
      return;
    }
    const file = new ZipDeflate(name, { level: DEFLATE_LEVEL });
    this.zip.add(file);
    file.push(bytes, true);
  }

  finish(): Uint8Array {
    this.zip.end();
    const out = new Uint8Array(this.chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

/** The plan's native charts added beside each worksheet that has some (exceljs writes none). */
function addCharts(workbook: ExcelJS.Workbook, parts: Record<string, Uint8Array>, partOf: (ws: ExcelJS.Worksheet) => string | undefined, written: Set<string> = new Set()): void {
  for (const ws of workbook.worksheets) {
    const charts = plannedCharts.get(ws);
    const part = charts?.length && partOf(ws);
    if (part && parts[part]) addChartParts(parts, part, ws.name, charts!, (addr) => ws.getCell(addr).value, written);
  }
}

export async function writeXlsx(workbook: ExcelJS.Workbook, options: { deferred?: Deferred; deflater?: Deflater } = {}): Promise<Uint8Array> {
  const { deferred, deflater } = options;
  const xlsx = workbook.xlsx as unknown as Internals;
  // An exceljs without these internals (a future version) writes its own way; the charts are added to what it wrote.
  if (typeof xlsx.prepareModel !== 'function' || STEPS.some((s) => typeof xlsx[s] !== 'function')) {
    deferred?.renderAll();
    const written = unzipSync(new Uint8Array(await workbook.xlsx.writeBuffer()));
    addCharts(workbook, written, (ws) => `xl/worksheets/sheet${workbook.worksheets.indexOf(ws) + 1}.xml`);
    return zipSync(written, { level: DEFLATE_LEVEL });
  }
  const model = bookModel(workbook);
  const partOf = (ws: { id?: number }) => `xl/worksheets/sheet${ws.id}.xml`;
  const charted = new Set(workbook.worksheets.filter((ws) => plannedCharts.get(ws)?.length).map(partOf));
  const out = new ZipOut(deflater);
  // Held back until the end: what the charts change (the content types, a charted sheet and its relationships).
  const held: Record<string, Uint8Array> = {};
  const holds = (name: string) => name === CONTENT_TYPES || charted.has(name) || charted.has(name.replace('/_rels/', '/').replace(/\.rels$/, ''));
  const zip: Appender = {
    append(data, options) {
      const bytes = options.base64 && typeof data === 'string' ? base64Bytes(data) : typeof data === 'string' ? strToU8(data) : new Uint8Array(data);
      if (holds(options.name)) held[options.name] = bytes;
      else out.add(options.name, bytes);
    },
  };
  xlsx.prepareModel(model, {});
  const dxfs = new SharedDxfs(model);
  dxfs.share(model.worksheets ?? []);
  for (const step of STEPS) {
    if (step !== 'addWorksheets') {
      await xlsx[step](zip, model);
      continue;
    }
    // One sheet at a time, its rows let go once rendered: hundreds of member sheets otherwise stay in memory twice.
    for (const [i, ws] of workbook.worksheets.entries()) {
      const placeholder = model.worksheets![i];
      const content = deferred?.content(ws);
      let sheet = placeholder;
      if (content) {
        sheet = { ...(content.model as unknown as SheetModel), id: ws.id, name: ws.name, state: ws.state, views: ws.views };
        prepareSheet(xlsx, model, sheet);
        dxfs.share([sheet]);
      }
      await xlsx.addWorksheets(zip, { worksheets: [sheet] });
      placeholder.rows = [];
    }
  }
  addCharts(workbook, held, partOf, out.names);
  for (const [name, bytes] of Object.entries(held)) out.add(name, bytes);
  return out.finish();
}
