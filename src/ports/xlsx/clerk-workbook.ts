/**
 * A workbook the clerk gave us, written back into her own package (issue 21).
 *
 * exceljs edits the workbook in memory, but it models only cells, styles, merges, validation,
 * conditional formats and images: writing its output would drop charts, pivot tables, macros,
 * custom XML and whatever else the clerk's program put there. So exceljs is given a view of the
 * package that holds only what it models (the drawings, charts and the like never reach it, so
 * they cannot crash it either), and on download we write into the ORIGINAL package:
 *
 * - every part we did not change is carried byte for byte;
 * - a sheet whose cells, rows, columns or notes we changed is patched in place: only the changed
 *   `<c>` elements, row and column attributes and its notes are replaced, everything else in its
 *   XML (drawings, tables, extensions we do not know) is kept as written;
 * - a sheet changed in a way a patch cannot express (its merges, validation or formats), and a
 *   sheet we add, is taken whole from exceljs's output;
 * - styles and shared strings we need are appended to the clerk's own tables; workbook.xml,
 *   its relationships and [Content_Types].xml are edited to stay consistent; the calculation
 *   chain (a cache) is dropped and Excel asked to recalculate on open.
 *
 * What cannot be carried (a sheet we rewrite or replace that holds a chart, say) is listed by
 * plan() before anything is written, so the page can ask; for each such sheet the clerk may keep
 * her sheet untouched and have our version added as a new sheet instead.
 */
import { environmentFailure, MEMORY_ADVICE } from '../environment';
import ExcelJS from 'exceljs';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { UserError } from '../../model/user-error';
import { ExceljsWorkbookPort } from '../exceljs/exceljs-workbook';
import { parseRelationships, relativeTarget, relsPartOf, workbookPartOf, ZipEntries, type Relationship } from './opc';
import { SharedStringsMerger, StylesMerger } from './styles-merge';
import { attr, decodeUtf8, escapeXml, parseXml } from './xml';
import { adopt, encodeUtf8, locate, Splices, unprefixed, withAttributes, type Located } from './xml-edit';

const CT = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  sharedStrings: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
};
const REL_TYPE = (kind: string) => `http://schemas.openxmlformats.org/officeDocument/2006/relationships/${kind}`;

/** Worksheet elements the exceljs view skips: what they point to is not in the view, and is carried from the original. */
const VIEW_SKIPS = ['drawing', 'legacyDrawing', 'legacyDrawingHF', 'picture', 'tableParts', 'extLst', 'oleObjects', 'controls'];

/** Worksheet children in schema order (CT_Worksheet), to insert `<cols>` and `<legacyDrawing>` where they belong. */
const WORKSHEET_ORDER = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection', 'protectedRanges', 'scenarios', 'autoFilter',
  'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions',
  'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing',
  'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst',
]; // prettier-ignore

/** Workbook children after `definedNames`, to insert `<calcPr>` or `<definedNames>` in schema order. */
const AFTER_CALC_PR = ['oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'];

/** What the clerk is told a part is, by the relationship that reaches it from her sheet. */
const PART_NAMES: Record<string, string> = {
  chart: '图表',
  image: '图片',
  drawing: '图形',
  vmlDrawing: '表单控件或旧式图形',
  table: '表格（套用表格格式）',
  pivotTable: '数据透视表',
  threadedComment: '对话式批注',
  printerSettings: '打印机设置',
  ctrlProp: '表单控件',
  control: '控件',
  slicer: '切片器',
  timeline: '日程表',
  oleObject: '嵌入对象',
  package: '嵌入对象',
  customProperty: '自定义属性',
  webextension: '加载项内容',
};

const XLSM_MAIN = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';

interface OriginalSheet {
  name: string;
  part: string;
  relId: string;
}

interface Snapshot {
  cells: Map<string, string>;
  styles: Map<string, string>;
  rows: Map<number, string>;
  cols: string;
  structure: string;
  notes: Map<string, string>;
}

/** One sheet of the clerk's, or one we add, and what writing it back will do. */
interface Disposition {
  ws?: ExcelJS.Worksheet;
  original?: OriginalSheet;
  mode: 'untouched' | 'patch' | 'rewrite' | 'removed' | 'added';
  changedCells: Set<string>;
  /** Of those, the cells whose style changed (the others keep the clerk's own style index). */
  restyled?: Set<string>;
  changedRows: Set<number>;
  colsChanged: boolean;
  notesChanged: boolean;
  renamed: boolean;
  /** What of the clerk's would be lost, in Chinese. */
  losses: string[];
}

/** A sheet that cannot be written back whole, told to the clerk before the download. */
export interface SheetLoss {
  /** The sheet as she knows it. */
  sheet: string;
  /** What would be lost. */
  parts: string[];
  /** What our version is called when she keeps her sheet untouched. */
  keptAs: string;
}

export interface WriteBackPlan {
  losses: SheetLoss[];
  /** The workbook holds macros (.xlsm): they are carried, and the file keeps its .xlsm name and type. */
  macros: boolean;
}

const cellKey = (v: unknown) => JSON.stringify(v ?? null);

function noteText(note: unknown): string {
  if (note === undefined || note === null) return '';
  return typeof note === 'string' ? note : JSON.stringify(note);
}

function snapshot(ws: ExcelJS.Worksheet): Snapshot {
  const cells = new Map<string, string>();
  const styles = new Map<string, string>();
  const notes = new Map<string, string>();
  const rows = new Map<number, string>();
  const rowList = (ws as unknown as { _rows: (ExcelJS.Row | undefined)[] })._rows ?? [];
  for (const row of rowList) {
    if (!row) continue;
    rows.set(row.number, JSON.stringify([row.hidden, row.height ?? null, row.outlineLevel ?? 0]));
    for (const cell of (row as unknown as { _cells: (ExcelJS.Cell | undefined)[] })._cells ?? []) {
      if (!cell) continue;
      const note = noteText(cell.note);
      cells.set(cell.address, cellKey([cell.value, cell.style]));
      styles.set(cell.address, cellKey(cell.style));
      if (note) notes.set(cell.address, note);
    }
  }
  const cols = JSON.stringify((ws.columns ?? []).map((c) => [c.width ?? null, !!c.hidden, c.outlineLevel ?? 0]));
  const merges = Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges ?? {}).sort();
  const structure = JSON.stringify([
    merges,
    (ws as unknown as { dataValidations: { model: unknown } }).dataValidations?.model ?? null,
    (ws as unknown as { conditionalFormattings?: unknown }).conditionalFormattings ?? null,
    ws.autoFilter ?? null,
    ws.state,
  ]);
  return { cells, styles, rows, cols, structure, notes };
}

/** The parts of a zip, by name, as bytes; in the zip's own order. */
type Parts = Map<string, Uint8Array>;

function readAll(bytes: Uint8Array): { parts: Parts; zip: ZipEntries } {
  const zip = ZipEntries.open(bytes);
  zip.load(zip.names.filter((n) => !n.endsWith('/')));
  const parts: Parts = new Map();
  for (const n of zip.names) if (!n.endsWith('/')) parts.set(n, zip.bytesOf(n)!);
  return { parts, zip };
}

function text(parts: Parts, name: string): string | undefined {
  const b = parts.get(name);
  return b && decodeUtf8(b);
}

function sheetsOf(workbookXml: string, rels: Relationship[]): OriginalSheet[] {
  const byId = new Map(rels.map((r) => [r.id, r]));
  const out: OriginalSheet[] = [];
  parseXml(workbookXml, {
    open(name, attrs) {
      if (name !== 'sheet') return;
      const rel = byId.get(attr(attrs, 'id') ?? '');
      if (rel?.part) out.push({ name: attr(attrs, 'name') ?? '', part: rel.part, relId: rel.id });
    },
  });
  return out;
}

const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

function relsXml(rels: { id: string; type: string; target: string; external?: boolean }[]): string {
  return `${XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels
    .map((r) => `<Relationship Id="${escapeXml(r.id)}" Type="${escapeXml(r.type)}" Target="${escapeXml(r.target)}"${r.external ? ' TargetMode="External"' : ''}/>`)
    .join('')}</Relationships>`;
}

/**
 * The package as exceljs may see it: the workbook, its styles, shared strings and theme, each
 * worksheet with its notes and links, at the places exceljs expects them. Everything else is
 * left out (and carried from the original on download).
 */
function exceljsView(parts: Parts, zip: ZipEntries, workbook: string, sheets: OriginalSheet[]): Uint8Array {
  const view: Zippable = {};
  // exceljs matches element names as written: a part with prefixed SpreadsheetML is given to it unprefixed.
  const xmlOf = (part: string) => {
    const bytes = zip.bytesOf(part)!;
    const xml = decodeUtf8(bytes);
    const plain = unprefixed(xml);
    return plain === xml ? bytes : strToU8(plain);
  };
  const wbRels = zip.relationships(workbook);
  const keep = wbRels.filter((r) => ['styles', 'sharedStrings', 'theme'].includes(r.kind) && r.part && zip.has(r.part));
  const rels: { id: string; type: string; target: string }[] = [];
  for (const r of keep) {
    const target = r.kind === 'theme' ? 'theme/theme1.xml' : `${r.kind}.xml`;
    view[`xl/${target}`] = r.kind === 'theme' ? zip.bytesOf(r.part!)! : xmlOf(r.part!);
    rels.push({ id: r.id, type: r.type, target });
  }
  const overrides: string[] = [];
  sheets.forEach((s, i) => {
    if (!zip.has(s.part)) return;
    const n = i + 1;
    view[`xl/worksheets/sheet${n}.xml`] = xmlOf(s.part);
    overrides.push(`<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="${CT.worksheet}"/>`);
    rels.push({ id: s.relId, type: REL_TYPE('worksheet'), target: `worksheets/sheet${n}.xml` });
    const sheetRels = zip.relationships(s.part).filter((r) => (r.kind === 'comments' && r.part && zip.has(r.part)) || (r.kind === 'hyperlink' && !r.part));
    if (!sheetRels.length) return;
    view[`xl/worksheets/_rels/sheet${n}.xml.rels`] = strToU8(
      relsXml(
        sheetRels.map((r) => {
          if (r.kind !== 'comments') return { id: r.id, type: r.type, target: r.target, external: true };
          view[`xl/comments${n}.xml`] = xmlOf(r.part!);
          return { id: r.id, type: r.type, target: `../comments${n}.xml` };
        }),
      ),
    );
  });
  // Chart sheets are not worksheets: exceljs never sees them (they are carried on download).
  const listed = new Set(sheets.map((s) => s.relId));
  const wbXml = unprefixed(text(parts, workbook)!).replace(/<(\w+:)?sheet\b[^>]*\/>/g, (m) => {
    const id = /\s[\w]+:id\s*=\s*"([^"]*)"/.exec(m)?.[1];
    return id && !listed.has(id) ? '' : m;
  });
  view['xl/workbook.xml'] = strToU8(wbXml);
  view['xl/_rels/workbook.xml.rels'] = strToU8(relsXml(rels));
  view['_rels/.rels'] = strToU8(relsXml([{ id: 'rId1', type: REL_TYPE('officeDocument'), target: 'xl/workbook.xml' }]));
  view['[Content_Types].xml'] = strToU8(
    `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides.join('')}</Types>`,
  );
  return zipSync(view, { level: 0 });
}

/** How a part reached from a sheet is named to the clerk: a drawing by what it holds. */
function describe(zip: ZipEntries, parts: Parts, rel: Relationship): string | null {
  if (rel.kind === 'comments' || rel.kind === 'hyperlink') return null;
  if (rel.kind === 'vmlDrawing') return rel.part && vmlHasOnlyNotes(text(parts, zip.nameOf(rel.part) ?? '') ?? '') ? null : PART_NAMES.vmlDrawing;
  if (rel.kind === 'drawing' && rel.part) {
    const kinds = new Set(zip.relationships(rel.part).map((r) => r.kind));
    return kinds.has('chart') || kinds.has('chartEx') ? `${PART_NAMES.chart}${kinds.has('image') ? '、图片' : ''}` : kinds.has('image') ? PART_NAMES.image : PART_NAMES.drawing;
  }
  return PART_NAMES[rel.kind] ?? `其他内容（${rel.kind}）`;
}

/** A VML part holding notes' shapes only (no form controls, no WordArt). */
function vmlHasOnlyNotes(vml: string): boolean {
  const types = [...vml.matchAll(/ObjectType\s*=\s*["']([^"']*)["']/g)].map((m) => m[1]);
  const shapes = (vml.match(/<v:shape\b/g) ?? []).length;
  return types.every((t) => t === 'Note') && shapes === types.length;
}

/** A sheet name not taken (case-insensitive), within Excel's 31 characters. */
function freeName(base: string, taken: Set<string>): string {
  for (let i = 1; ; i++) {
    const suffix = i === 1 ? '（年报助手）' : `（年报助手${i}）`;
    const name = base.slice(0, 31 - suffix.length) + suffix;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

export class ClerkWorkbook {
  private readonly snapshots = new Map<ExcelJS.Worksheet, Snapshot>();
  private readonly origin = new Map<ExcelJS.Worksheet, OriginalSheet>();

  private constructor(
    private readonly original: Uint8Array,
    readonly port: ExceljsWorkbookPort,
    private readonly sheets: OriginalSheet[],
    private readonly macros: boolean,
  ) {
    for (const ws of port.workbook.worksheets) {
      const o = sheets.find((s) => s.name === ws.name);
      if (!o) continue;
      this.origin.set(ws, o);
      this.snapshots.set(ws, snapshot(ws));
    }
  }

  /** Opens the clerk's .xlsx/.xlsm; a UserError when it is not one. */
  static async open(bytes: Uint8Array): Promise<ClerkWorkbook> {
    let view: Uint8Array;
    let sheets: OriginalSheet[];
    let macros: boolean;
    try {
      const { parts, zip } = readAll(bytes);
      const workbook = workbookPartOf(zip);
      if (!workbook) throw new Error('no workbook');
      sheets = sheetsOf(text(parts, workbook) ?? '', zip.relationships(workbook)).filter((s) => zip.relationships(workbook).find((r) => r.id === s.relId)?.kind === 'worksheet');
      macros = (text(parts, '[Content_Types].xml') ?? '').includes(XLSM_MAIN) || zip.relationships(workbook).some((r) => r.kind === 'vbaProject');
      view = exceljsView(parts, zip, workbook, sheets);
    } catch (e) {
      throw environmentFailure(e, '该 Excel 文件', MEMORY_ADVICE) ?? new UserError('无法打开该 Excel 文件：文件已损坏，或不是 .xlsx 格式（.xls 请先另存为 .xlsx）。', { cause: e, code: 'unreadable' });
    }
    const port = await ExceljsWorkbookPort.fromBuffer(view, { ignoreNodes: VIEW_SKIPS });
    return new ClerkWorkbook(bytes, port, sheets, macros);
  }

  /** What writing back will do, and what of the clerk's it cannot carry. */
  plan(): WriteBackPlan {
    const ds = this.dispositions(this.readOriginal());
    return { losses: this.lossesOf(ds), macros: this.macros };
  }

  private lossesOf(ds: Disposition[]): SheetLoss[] {
    const taken = new Set([...this.port.workbook.worksheets.map((w) => w.name), ...this.sheets.map((s) => s.name)].map((n) => n.toLowerCase()));
    return ds
      .filter((d) => d.losses.length && d.original)
      .map((d) => {
        const keptAs = freeName(d.ws?.name ?? d.original!.name, taken);
        taken.add(keptAs.toLowerCase());
        return { sheet: d.original!.name, parts: d.losses, keptAs };
      });
  }

  private readOriginal() {
    const { parts, zip } = readAll(this.original);
    return { parts, zip };
  }

  private dispositions(orig: { parts: Parts; zip: ZipEntries }): Disposition[] {
    const out: Disposition[] = [];
    const present = new Set(this.port.workbook.worksheets);
    for (const [ws, o] of this.origin) {
      if (present.has(ws)) continue;
      out.push({ original: o, mode: 'removed', changedCells: new Set(), changedRows: new Set(), colsChanged: false, notesChanged: false, renamed: false, losses: this.partsLost(orig, o, false) });
    }
    for (const ws of this.port.workbook.worksheets) {
      const o = this.origin.get(ws);
      const before = this.snapshots.get(ws);
      if (!o || !before) {
        out.push({ ws, mode: 'added', changedCells: new Set(), changedRows: new Set(), colsChanged: false, notesChanged: false, renamed: false, losses: [] });
        continue;
      }
      const now = snapshot(ws);
      const changedCells = new Set<string>();
      for (const [a, k] of now.cells) if (before.cells.get(a) !== k) changedCells.add(a);
      for (const a of before.cells.keys()) if (!now.cells.has(a)) changedCells.add(a);
      const changedRows = new Set<number>();
      for (const [r, k] of now.rows) if ((before.rows.get(r) ?? JSON.stringify([false, null, 0])) !== k) changedRows.add(r);
      const notesChanged = now.notes.size !== before.notes.size || [...now.notes].some(([a, n]) => before.notes.get(a) !== n);
      const colsChanged = now.cols !== before.cols;
      const renamed = ws.name !== o.name;
      const restyled = new Set([...changedCells].filter((a) => (now.styles.get(a) ?? 'null') !== (before.styles.get(a) ?? 'null')));
      const d: Disposition = { ws, original: o, mode: 'untouched', changedCells, restyled, changedRows, colsChanged, notesChanged, renamed, losses: [] };
      if (now.structure !== before.structure) {
        d.mode = 'rewrite';
        d.losses = this.partsLost(orig, o, true);
      } else if (changedCells.size || changedRows.size || colsChanged || notesChanged) {
        d.mode = 'patch';
        if (notesChanged) d.losses = this.notesLost(orig, o);
      }
      out.push(d);
    }
    return out;
  }

  /** What of a sheet's own parts (and, rewritten, its XML exceljs does not model) would not survive. */
  private partsLost(orig: { parts: Parts; zip: ZipEntries }, o: OriginalSheet, rewritten: boolean): string[] {
    const lost = new Set<string>();
    for (const rel of orig.zip.relationships(o.part)) {
      const what = describe(orig.zip, orig.parts, rel);
      if (what) lost.add(what);
    }
    if (rewritten) {
      const xml = text(orig.parts, orig.zip.nameOf(o.part) ?? '') ?? '';
      if (/<(\w+:)?extLst\b/.test(xml)) lost.add('迷你图、数据条等扩展格式');
      if (/<(\w+:)?(protectedRanges|scenarios|customSheetViews|ignoredErrors|smartTags|cellWatches|webPublishItems)\b/.test(xml)) lost.add('工作表的其他设置');
    }
    return [...lost];
  }

  /** Notes are rewritten from exceljs: what shares their parts and would not survive. */
  private notesLost(orig: { parts: Parts; zip: ZipEntries }, o: OriginalSheet): string[] {
    const lost: string[] = [];
    for (const rel of orig.zip.relationships(o.part)) {
      if (rel.kind === 'threadedComment') lost.push(PART_NAMES.threadedComment);
      if (rel.kind === 'vmlDrawing' && rel.part && !vmlHasOnlyNotes(text(orig.parts, orig.zip.nameOf(rel.part) ?? '') ?? '')) lost.push(PART_NAMES.vmlDrawing);
    }
    return lost;
  }

  /**
   * The clerk's package with our changes. `keep` names sheets (from plan().losses) she keeps
   * untouched: our version of each is added as a new sheet, named as the plan said.
   */
  async write(keep: string[] = []): Promise<Uint8Array> {
    const orig = this.readOriginal();
    const ds = this.dispositions(orig);
    const losses = this.lossesOf(ds);
    const kept = new Map(losses.filter((l) => keep.includes(l.sheet)).map((l) => [l.sheet, l.keptAs]));
    // Our version of a kept sheet goes to exceljs's output under its new name, then back.
    const renames: [ExcelJS.Worksheet, string][] = [];
    for (const d of ds) {
      const keptAs = d.original && kept.get(d.original.name);
      if (!keptAs) continue;
      if (d.mode === 'removed') {
        // Replaced by a sheet of the same name: that one takes the new name.
        const successor = ds.find((x) => x.mode === 'added' && x.ws!.name.toLowerCase() === d.original!.name.toLowerCase());
        if (successor) renames.push([successor.ws!, keptAs]);
        d.mode = 'untouched';
        d.losses = [];
      } else {
        renames.push([d.ws!, keptAs]);
        ds.push({ ws: d.ws, mode: 'added', changedCells: new Set(), changedRows: new Set(), colsChanged: false, notesChanged: false, renamed: false, losses: [] });
        d.mode = 'untouched';
        d.renamed = false;
      }
    }
    const names = new Map<ExcelJS.Worksheet, string>();
    for (const [ws, name] of renames) {
      names.set(ws, ws.name);
      ws.name = name;
    }
    let output: Uint8Array;
    try {
      output = await this.port.toBuffer();
    } finally {
      for (const [ws, name] of names) ws.name = name;
    }
    return new Writer(orig.parts, orig.zip, readAll(output), this.sheets, ds, renames).write();
  }
}

/** One write back: the clerk's parts, exceljs's output, and the edits between them. */
class Writer {
  private readonly out: Parts;
  private readonly workbook: string;
  private readonly styles: StylesMerger | null;
  private readonly strings: SharedStringsMerger;
  private readonly exSheets: Map<string, string>;
  private readonly contentTypes: { add: Map<string, string>; remove: Set<string>; defaults: Map<string, string> } = { add: new Map(), remove: new Set(), defaults: new Map() };
  private readonly wbRelsAdd: { id: string; type: string; target: string }[] = [];
  private readonly wbRelsRemove = new Set<string>();
  private readonly stylesPart: string | undefined;
  private sharedStringsPart: string | undefined;
  private recalc = false;

  constructor(
    parts: Parts,
    private readonly zip: ZipEntries,
    private readonly ex: { parts: Parts; zip: ZipEntries },
    private readonly sheets: OriginalSheet[],
    private readonly ds: Disposition[],
    private readonly renames: [ExcelJS.Worksheet, string][],
  ) {
    this.out = new Map(parts);
    this.workbook = workbookPartOf(zip)!;
    const wbRels = zip.relationships(this.workbook);
    this.stylesPart = wbRels.find((r) => r.kind === 'styles')?.part ?? undefined;
    this.sharedStringsPart = wbRels.find((r) => r.kind === 'sharedStrings')?.part ?? undefined;
    const exStyles = text(ex.parts, 'xl/styles.xml');
    const mine = this.stylesPart && text(parts, zip.nameOf(this.stylesPart) ?? '');
    this.styles = exStyles && mine ? new StylesMerger(mine, exStyles) : null;
    this.strings = new SharedStringsMerger(this.sharedStringsPart ? text(parts, zip.nameOf(this.sharedStringsPart) ?? '') : undefined, text(ex.parts, 'xl/sharedStrings.xml'));
    this.exSheets = new Map(sheetsOf(text(ex.parts, 'xl/workbook.xml')!, ex.zip.relationships('xl/workbook.xml')).map((s) => [s.name, s.part]));
  }

  private exName(ws: ExcelJS.Worksheet): string {
    return this.renames.find(([w]) => w === ws)?.[1] ?? ws.name;
  }

  private exSheetXml(ws: ExcelJS.Worksheet): { part: string; xml: string } {
    const part = this.exSheets.get(this.exName(ws));
    const xml = part && text(this.ex.parts, part);
    if (!part || xml === undefined) throw new Error(`exceljs wrote no sheet for ${ws.name}`);
    return { part, xml };
  }

  write(): Uint8Array {
    const before = this.reachable(this.out);
    const added: { name: string; part: string }[] = [];
    for (const d of this.ds) {
      if (d.mode === 'patch') this.patch(d);
      else if (d.mode === 'rewrite') this.rewrite(d);
      else if (d.mode === 'added') added.push({ name: this.exName(d.ws!), part: this.addSheet(d.ws!) });
      if (d.mode === 'removed' || d.mode === 'added' || d.mode === 'rewrite') this.recalc = true;
    }
    this.editWorkbook(added);
    if (this.styles?.changed) this.out.set(this.zip.nameOf(this.stylesPart!)!, encodeUtf8(this.styles.result()));
    if (this.strings.changed) {
      if (!this.sharedStringsPart) {
        this.sharedStringsPart = this.freePart('xl/sharedStrings', '.xml');
        this.wbRelsAdd.push({ id: '', type: REL_TYPE('sharedStrings'), target: relativeTarget(this.workbook, this.sharedStringsPart) });
        this.contentTypes.add.set(this.sharedStringsPart, CT.sharedStrings);
      }
      this.out.set(this.zip.nameOf(this.sharedStringsPart) ?? this.sharedStringsPart, encodeUtf8(this.strings.result()));
    }
    // The calculation chain is a cache of formula cells: stale once sheets change, and Excel rebuilds it.
    const chain = this.zip.relationships(this.workbook).find((r) => r.kind === 'calcChain');
    if (this.recalc && chain?.part) this.wbRelsRemove.add(chain.id);
    this.editWorkbookRels();
    this.dropUnreachable(before);
    this.editContentTypes();
    return this.zipUp();
  }

  // --- sheets -------------------------------------------------------------------------

  /** exceljs's XML for a cell, with its style and shared string moved into the clerk's tables. */
  private remapCell(cellXml: string): string {
    let xml = cellXml.replace(/^<c\b[^>]*>/, (tag) => tag.replace(/\ss="(\d+)"/, (_m, i: string) => ` s="${this.styles ? this.styles.xf(Number(i)) : 0}"`));
    if (/^<c\b[^>]*\st="s"/.test(xml)) xml = xml.replace(/<v>(\d+)<\/v>/, (_m, i: string) => `<v>${this.strings.index(Number(i))}</v>`);
    return xml;
  }

  /** A whole sheet of exceljs's with every style, shared string and differential style moved. */
  private remapSheet(xml: string): string {
    return xml
      .replace(/<c\b[^>]*\/>|<c\b[^>]*>[\s\S]*?<\/c>/g, (c) => this.remapCell(c))
      .replace(/<row\b[^>]*>/g, (tag) => tag.replace(/\ss="(\d+)"/, (_m, i: string) => ` s="${this.styles ? this.styles.xf(Number(i)) : 0}"`))
      .replace(/<col\b[^>]*>/g, (tag) => tag.replace(/\sstyle="(\d+)"/, (_m, i: string) => ` style="${this.styles ? this.styles.xf(Number(i)) : 0}"`))
      .replace(/\sdxfId="(\d+)"/g, (_m, i: string) => ` dxfId="${this.styles ? this.styles.dxf(Number(i)) : 0}"`);
  }

  private patch(d: Disposition): void {
    const o = d.original!;
    const partName = this.zip.nameOf(o.part)!;
    const xml = text(this.out, partName)!;
    const ex = this.exSheetXml(d.ws!);
    const els = locate(xml, 3);
    const root = els[0];
    const exEls = locate(ex.xml, 3);
    const exCells = new Map<string, string>();
    const exRows = new Map<number, Located>();
    for (const e of exEls) {
      if (e.depth === 2 && e.name === 'row') exRows.set(Number(e.attrs.r), e);
      if (e.depth === 3 && e.name === 'c') exCells.set(e.attrs.r, ex.xml.slice(e.start, e.end));
    }
    const sheetData = els.find((e) => e.depth === 1 && e.name === 'sheetData');
    if (!sheetData) throw new Error('no sheetData');
    const rows = els.filter((e) => e.depth === 2 && e.name === 'row' && e.start > sheetData.start && e.end <= sheetData.end);
    const rowByNumber = new Map<number, Located>();
    let last = 0;
    for (const r of rows) {
      last = Number(attr(r.attrs, 'r')) || last + 1;
      rowByNumber.set(last, r);
    }
    const cellsOf = new Map<Located, { col: number; el: Located }[]>();
    const cellByAddr = new Map<string, Located>();
    for (const r of rows) cellsOf.set(r, []);
    for (const e of els) {
      if (e.depth !== 3 || e.name !== 'c') continue;
      const row = rows.find((r) => r.start < e.start && r.end >= e.end);
      const a = e.attrs.r?.toUpperCase();
      if (!row || !a) continue;
      cellByAddr.set(a, e);
      cellsOf.get(row)!.push({ col: colOf(a), el: e });
    }
    const edits = new Splices();
    const inserts = new Map<number, { key: number; text: string }[]>();
    const insertAt = (at: number, key: number, t: string) => inserts.set(at, [...(inserts.get(at) ?? []), { key, text: t }]);
    const newRows = new Map<number, { key: number; text: string }[]>();
    for (const a of d.changedCells) {
      const mine = cellByAddr.get(a);
      const theirs = exCells.get(a);
      let t = theirs ? this.remapCell(theirs) : '';
      // A cell whose style we did not change keeps the clerk's own style index.
      const styleKept = mine && theirs && !d.restyled?.has(a);
      if (styleKept) t = t.replace(/^<c\b[^>]*>/, (tag) => withAttributes(tag, { s: attr(mine.attrs, 's') ?? null }));
      if (mine) {
        edits.replace(mine.start, mine.end, adopt(t, root.attrs));
        continue;
      }
      if (!t) continue;
      const { row, col } = { row: Number(/\d+$/.exec(a)![0]), col: colOf(a) };
      const r = rowByNumber.get(row);
      if (!r) {
        newRows.set(row, [...(newRows.get(row) ?? []), { key: col, text: t }]);
        continue;
      }
      const after = cellsOf.get(r)!.find((c) => c.col > col);
      if (after) insertAt(after.el.start, col, t);
      else if (r.selfClosing) insertAt(-r.start - 1, col, t);
      else insertAt(xml.lastIndexOf('</', r.end - 1), col, t);
    }
    for (const n of d.changedRows) if (!rowByNumber.has(n) && !newRows.has(n) && exRows.has(n)) newRows.set(n, []);
    // Row attributes we set: hidden and height; the rest of the clerk's row tag is kept.
    for (const n of d.changedRows) {
      const r = rowByNumber.get(n);
      if (!r) continue;
      const tag = xml.slice(r.start, r.startTagEnd);
      const row = d.ws!.findRow(n);
      const next = withAttributes(tag, rowAttributes(row));
      if (r.selfClosing && inserts.has(-r.start - 1)) continue;
      if (next !== tag) edits.replace(r.start, r.startTagEnd, next);
    }
    for (const [at, list] of inserts) {
      const body = adopt(
        list
          .sort((x, y) => x.key - y.key)
          .map((x) => x.text)
          .join(''),
        root.attrs,
      );
      if (at >= 0) edits.insert(at, body);
      else {
        const r = rows.find((x) => x.start === -at - 1)!;
        const tag = withAttributes(xml.slice(r.start, r.startTagEnd), d.changedRows.has(Number(attr(r.attrs, 'r'))) ? rowAttributes(d.ws!.findRow(Number(attr(r.attrs, 'r')))) : {});
        edits.replace(r.start, r.end, `${tag.replace(/\s*\/>$/, '>')}${body}</${qualified(xml, r)}>`);
      }
    }
    if (newRows.size) {
      for (const [n, list] of [...newRows].sort((x, y) => x[0] - y[0])) {
        const row = d.ws!.findRow(n);
        const attrs = rowAttributes(row);
        const tag = `<row r="${n}"${Object.entries(attrs)
          .filter(([, v]) => v !== null)
          .map(([k, v]) => ` ${k}="${v}"`)
          .join('')}>`;
        const body = adopt(`${tag}${list
          .sort((x, y) => x.key - y.key)
          .map((x) => x.text)
          .join('')}</row>`, root.attrs); // prettier-ignore
        const next = rows.find((r) => Number(attr(r.attrs, 'r')) > n);
        if (next) edits.insert(next.start, body);
        else if (sheetData.selfClosing) edits.replace(sheetData.start, sheetData.end, `<${qualified(xml, sheetData)}>${body}</${qualified(xml, sheetData)}>`);
        else edits.insert(xml.lastIndexOf('</', sheetData.end - 1), body);
      }
    }
    if (d.colsChanged) this.patchCols(xml, els, ex, edits, root);
    if (d.notesChanged) this.patchNotes(d, xml, els, edits, root, ex.part);
    if (d.changedCells.size) this.recalc = true;
    this.out.set(partName, encodeUtf8(edits.apply(xml)));
  }

  private patchCols(xml: string, els: Located[], ex: { xml: string }, edits: Splices, root: Located) {
    const mine = els.find((e) => e.depth === 1 && e.name === 'cols');
    const theirs = locate(ex.xml, 1).find((e) => e.depth === 1 && e.name === 'cols');
    const t = theirs ? adopt(this.remapSheet(ex.xml.slice(theirs.start, theirs.end)), root.attrs) : '';
    if (mine) edits.replace(mine.start, mine.end, t);
    else if (t) edits.insert(insertionPoint(els, 'cols', xml), t);
  }

  /** The sheet's notes as exceljs wrote them: its comments and VML parts replace or join the clerk's. */
  private patchNotes(d: Disposition, xml: string, els: Located[], edits: Splices, root: Located, exPart: string) {
    const o = d.original!;
    const rels = this.zip.relationships(o.part);
    const exRels = this.ex.zip.relationships(exPart);
    const exComments = exRels.find((r) => r.kind === 'comments')?.part;
    const exVml = exRels.find((r) => r.kind === 'vmlDrawing')?.part;
    const comments = rels.find((r) => r.kind === 'comments');
    const vml = rels.find((r) => r.kind === 'vmlDrawing');
    const legacy = els.find((e) => e.depth === 1 && e.name === 'legacyDrawing');
    const relsPart = relsPartOf(o.part);
    const relsName = this.zip.nameOf(relsPart) ?? relsPart;
    let relsText = text(this.out, relsName);
    const relList = relsText ? parseRelationships(relsText, o.part) : [];
    const drop = (id: string) => (relsText = relsText?.replace(new RegExp(`<(\\w+:)?Relationship\\b[^>]*\\sId="${id}"[^>]*/>`), ''));
    if (!exComments || !exVml) {
      // Every note removed: so are the parts that held them.
      if (comments) drop(comments.id);
      if (vml) drop(vml.id);
      if (legacy) edits.replace(legacy.start, legacy.end, '');
      if (relsText !== undefined) this.out.set(relsName, encodeUtf8(relsText));
      return;
    }
    const commentsXml = this.ex.parts.get(this.ex.zip.nameOf(exComments)!)!;
    const vmlXml = this.ex.parts.get(this.ex.zip.nameOf(exVml)!)!;
    const ids = new Set(relList.map((r) => r.id));
    const newId = () => {
      let i = 1;
      while (ids.has(`rId${i}`)) i++;
      ids.add(`rId${i}`);
      return `rId${i}`;
    };
    let add = '';
    if (comments?.part) this.out.set(this.zip.nameOf(comments.part) ?? comments.part, commentsXml);
    else {
      const part = this.freePart('xl/comments', '.xml');
      this.out.set(part, commentsXml);
      this.contentTypes.add.set(part, CT.comments);
      add += `<Relationship Id="${newId()}" Type="${REL_TYPE('comments')}" Target="${relativeTarget(o.part, part)}"/>`;
    }
    if (vml?.part && legacy) this.out.set(this.zip.nameOf(vml.part) ?? vml.part, vmlXml);
    else {
      const part = this.freePart('xl/drawings/vmlDrawing', '.vml');
      this.out.set(part, vmlXml);
      this.contentTypes.defaults.set('vml', CT.vml);
      const id = newId();
      add += `<Relationship Id="${id}" Type="${REL_TYPE('vmlDrawing')}" Target="${relativeTarget(o.part, part)}"/>`;
      const el = adopt(`<legacyDrawing r:id="${id}"/>`, root.attrs);
      if (legacy) edits.replace(legacy.start, legacy.end, el);
      else edits.insert(insertionPoint(els, 'legacyDrawing', xml), el);
    }
    if (add) {
      relsText = relsText ? relsText.replace(/<\/(\w+:)?Relationships>\s*$/, (m) => add + m) : relsXml([]).replace('</Relationships>', `${add}</Relationships>`);
      this.out.set(relsName, encodeUtf8(relsText));
    }
  }

  /** A sheet changed beyond what a patch expresses: exceljs's XML replaces the clerk's, with its own notes and links. */
  private rewrite(d: Disposition): void {
    const o = d.original!;
    const ex = this.exSheetXml(d.ws!);
    this.out.set(this.zip.nameOf(o.part)!, encodeUtf8(this.remapSheet(ex.xml)));
    const relsPart = relsPartOf(o.part);
    this.out.delete(this.zip.nameOf(relsPart) ?? relsPart);
    this.copySheetRels(ex.part, o.part);
  }

  private addSheet(ws: ExcelJS.Worksheet): string {
    const ex = this.exSheetXml(ws);
    const part = this.freePart('xl/worksheets/sheet', '.xml');
    this.out.set(part, encodeUtf8(this.remapSheet(ex.xml)));
    this.contentTypes.add.set(part, CT.worksheet);
    this.copySheetRels(ex.part, part);
    return part;
  }

  /**
   * exceljs's relationships of a sheet (notes, links, the drawing of its charts), its parts copied
   * under free names, each with its content type and, in turn, its own relationships (a drawing's charts).
   */
  private copySheetRels(exPart: string, part: string): void {
    this.copyRels(exPart, part, new Map());
  }

  private copyRels(exPart: string, part: string, copied: Map<string, string>): void {
    const rels = this.ex.zip.relationships(exPart);
    if (!rels.length) return;
    const list = rels.map((r) => {
      if (!r.part) return { id: r.id, type: r.type, target: r.target, external: true };
      let to = copied.get(r.part);
      if (!to) {
        const stem = r.kind === 'comments' ? 'xl/comments' : r.kind === 'vmlDrawing' ? 'xl/drawings/vmlDrawing' : r.part.replace(/\d*\.[^./]*$/, '');
        to = this.freePart(stem, r.part.slice(r.part.lastIndexOf('.')));
        copied.set(r.part, to);
        this.out.set(to, this.ex.parts.get(this.ex.zip.nameOf(r.part)!)!);
        if (r.kind === 'comments') this.contentTypes.add.set(to, CT.comments);
        else if (r.kind === 'vmlDrawing') this.contentTypes.defaults.set('vml', CT.vml);
        else {
          const type = this.exContentType(r.part);
          if (type) this.contentTypes.add.set(to, type);
        }
        this.copyRels(r.part, to, copied);
      }
      return { id: r.id, type: r.type, target: relativeTarget(part, to) };
    });
    this.out.set(relsPartOf(part), encodeUtf8(relsXml(list)));
  }

  /** A part's content type as exceljs's package declares it (an override, else its extension's default). */
  private exContentType(part: string): string | undefined {
    const types = text(this.ex.parts, '[Content_Types].xml') ?? '';
    const override = new RegExp(`<Override\\b[^>]*PartName="/${escapeRegExp(part)}"[^>]*ContentType="([^"]*)"`, 'i').exec(types);
    if (override) return override[1];
    return undefined;
  }

  // --- workbook -------------------------------------------------------------------------

  private editWorkbook(added: { name: string; part: string }[]): void {
    const xml = text(this.out, this.workbook)!;
    const els = locate(xml, 2);
    const root = els[0];
    const edits = new Splices();
    const sheetEls = els.filter((e) => e.depth === 2 && e.name === 'sheet');
    const oldOrder = sheetEls.map((e) => attr(e.attrs, 'id') ?? '');
    const removed = new Set<string>();
    for (const d of this.ds) {
      const o = d.original;
      if (!o) continue;
      const el = sheetEls.find((e) => attr(e.attrs, 'id') === o.relId);
      if (!el) continue;
      if (d.mode === 'removed') {
        removed.add(o.relId);
        this.wbRelsRemove.add(o.relId);
        edits.replace(el.start, el.end, '');
      } else if (d.ws && (d.renamed || (d.ws.state !== 'visible') !== /\sstate\s*=\s*"(hidden|veryHidden)"/.test(xml.slice(el.start, el.startTagEnd)))) {
        // (A replaced sheet the clerk kept has no worksheet of ours: it stays as it was.)
        const tag = xml.slice(el.start, el.startTagEnd);
        const next = withAttributes(tag, { name: escapeXml(d.ws!.name), state: d.ws!.state === 'visible' ? null : d.ws!.state });
        if (next !== tag) edits.replace(el.start, el.startTagEnd, next);
      }
    }
    const ids = new Set(this.zip.relationships(this.workbook).map((r) => r.id));
    let maxSheetId = Math.max(0, ...sheetEls.map((e) => Number(e.attrs.sheetId) || 0));
    const newIndex: number[] = [];
    const survivors = oldOrder.filter((id) => !removed.has(id));
    let entries = '';
    for (const a of added) {
      let i = this.wbRelsAdd.length + 1;
      while (ids.has(`rId${i}`)) i++;
      const id = `rId${i}`;
      ids.add(id);
      this.wbRelsAdd.push({ id, type: REL_TYPE('worksheet'), target: relativeTarget(this.workbook, a.part) });
      const ws = this.ds.find((d) => d.mode === 'added' && d.ws && (this.renames.find(([w]) => w === d.ws)?.[1] ?? d.ws.name) === a.name)?.ws;
      entries += `<sheet name="${escapeXml(a.name)}" sheetId="${++maxSheetId}"${ws && ws.state !== 'visible' ? ` state="${ws.state}"` : ''} r:id="${id}"/>`;
      newIndex.push(survivors.length + newIndex.length);
    }
    const sheetsEl = els.find((e) => e.depth === 1 && e.name === 'sheets')!;
    if (entries) edits.insert(xml.lastIndexOf('</', sheetsEl.end - 1), adopt(entries, root.attrs));
    // Sheet-local names follow their sheet's new position; those of a removed sheet go with it.
    const position = new Map(oldOrder.map((id, i) => [i, survivors.indexOf(id)]));
    for (const e of els.filter((x) => x.depth === 2 && x.name === 'definedName')) {
      const local = e.attrs.localSheetId;
      if (local === undefined) continue;
      const to = position.get(Number(local));
      if (to === undefined) continue;
      if (to < 0) edits.replace(e.start, e.end, '');
      else if (to !== Number(local)) edits.replace(e.start, e.startTagEnd, withAttributes(xml.slice(e.start, e.startTagEnd), { localSheetId: String(to) }));
    }
    // Names exceljs writes for the sheets we add (a filter's range), at those sheets' positions.
    const exWb = text(this.ex.parts, 'xl/workbook.xml') ?? '';
    const exNames = locate(exWb, 2).filter((e) => e.depth === 2 && e.name === 'definedName' && e.attrs.localSheetId !== undefined);
    const exOrder = sheetsOf(exWb, this.ex.zip.relationships('xl/workbook.xml')).map((s) => s.name);
    let names = '';
    for (const e of exNames) {
      const sheet = exOrder[Number(e.attrs.localSheetId)];
      const k = added.findIndex((a) => a.name === sheet);
      if (k < 0) continue;
      names += withAttributes(exWb.slice(e.start, e.startTagEnd), { localSheetId: String(newIndex[k]) }) + exWb.slice(e.startTagEnd, e.end);
    }
    const definedNames = els.find((e) => e.depth === 1 && e.name === 'definedNames');
    if (names) {
      if (definedNames && !definedNames.selfClosing) edits.insert(xml.lastIndexOf('</', definedNames.end - 1), adopt(names, root.attrs));
      else if (definedNames) edits.replace(definedNames.start, definedNames.end, adopt(`<definedNames>${names}</definedNames>`, root.attrs));
      else edits.insert(sheetsEl.end, adopt(`<definedNames>${names}</definedNames>`, root.attrs));
    }
    // The active tab stays on the sheet it showed.
    for (const v of els.filter((e) => e.depth === 2 && e.name === 'workbookView')) {
      const active = Number(v.attrs.activeTab ?? 0);
      const to = position.get(active);
      const first = Number(v.attrs.firstSheet ?? 0);
      const firstTo = position.get(first);
      const changes: Record<string, string | null> = {};
      if (to !== undefined && to !== active) changes.activeTab = String(Math.max(0, to));
      if (firstTo !== undefined && firstTo !== first) changes.firstSheet = String(Math.max(0, firstTo));
      if (Object.keys(changes).length) edits.replace(v.start, v.startTagEnd, withAttributes(xml.slice(v.start, v.startTagEnd), changes));
    }
    if (this.recalc) {
      const calc = els.find((e) => e.depth === 1 && e.name === 'calcPr');
      if (calc) edits.replace(calc.start, calc.startTagEnd, withAttributes(xml.slice(calc.start, calc.startTagEnd), { fullCalcOnLoad: '1' }));
      else {
        const next = els.find((e) => e.depth === 1 && AFTER_CALC_PR.includes(e.name));
        edits.insert(next ? next.start : xml.lastIndexOf('</'), adopt('<calcPr fullCalcOnLoad="1"/>', root.attrs));
      }
    }
    if (edits.size) this.out.set(this.workbook, encodeUtf8(edits.apply(xml)));
  }

  private editWorkbookRels(): void {
    if (!this.wbRelsAdd.length && !this.wbRelsRemove.size) return;
    const part = relsPartOf(this.workbook);
    const name = this.zip.nameOf(part) ?? part;
    let xml = text(this.out, name)!;
    for (const id of this.wbRelsRemove) xml = xml.replace(new RegExp(`<(\\w+:)?Relationship\\b[^>]*\\sId="${id}"[^>]*/>`), '');
    const ids = new Set(parseRelationships(xml, this.workbook).map((r) => r.id));
    const add = this.wbRelsAdd
      .map((r) => {
        let id = r.id;
        if (!id) {
          let i = 1;
          while (ids.has(`rId${i}`)) i++;
          id = `rId${i}`;
        }
        ids.add(id);
        return `<Relationship Id="${id}" Type="${r.type}" Target="${escapeXml(r.target)}"/>`;
      })
      .join('');
    xml = xml.replace(/<\/(\w+:)?Relationships>\s*$/, (m) => add + m);
    this.out.set(name, encodeUtf8(xml));
  }

  // --- the package ----------------------------------------------------------------------

  /** A part name not taken (ignoring case): stem1.ext, stem2.ext… */
  private freePart(stem: string, ext: string): string {
    const taken = new Set([...this.out.keys()].map((n) => n.toLowerCase()));
    for (let i = 1; ; i++) if (!taken.has(`${stem}${i}${ext}`.toLowerCase())) return `${stem}${i}${ext}`;
  }

  /** Parts reached from the package's relationships, following each part's own. */
  private reachable(parts: Parts): Set<string> {
    const lower = new Map([...parts.keys()].map((n) => [n.toLowerCase(), n]));
    const seen = new Set<string>();
    const walk = (part: string) => {
      const rels = lower.get(relsPartOf(part).toLowerCase());
      if (!rels) return;
      seen.add(rels);
      for (const r of parseRelationships(text(parts, rels) ?? '', part)) {
        const n = r.part && lower.get(r.part.toLowerCase());
        if (n && !seen.has(n)) {
          seen.add(n);
          walk(n);
        }
      }
    };
    walk('');
    return seen;
  }

  /** Parts that only a removed or rewritten sheet reached go with it; parts no one reached before are carried. */
  private dropUnreachable(before: Set<string>): void {
    const now = this.reachable(this.out);
    for (const n of before) {
      if (now.has(n) || n === '[Content_Types].xml') continue;
      this.out.delete(n);
      this.contentTypes.remove.add(n);
    }
  }

  private editContentTypes(): void {
    const name = '[Content_Types].xml';
    let xml = text(this.out, name)!;
    const before = xml;
    for (const part of this.contentTypes.remove) xml = xml.replace(new RegExp(`<(\\w+:)?Override\\b[^>]*PartName="/${escapeRegExp(part)}"[^>]*/>`, 'i'), '');
    let add = '';
    for (const [part, type] of this.contentTypes.add) add += `<Override PartName="/${escapeXml(part)}" ContentType="${type}"/>`;
    for (const [ext, type] of this.contentTypes.defaults) if (!new RegExp(`Extension="${ext}"`, 'i').test(xml)) add = `<Default Extension="${ext}" ContentType="${type}"/>` + add;
    if (add) xml = xml.replace(/<\/(\w+:)?Types>\s*$/, (m) => add + m);
    if (xml !== before) this.out.set(name, encodeUtf8(xml));
  }

  private zipUp(): Uint8Array {
    const z: Zippable = {};
    for (const [n, data] of this.out) z[n] = /\.(png|jpe?g|gif|bin|emf|wmf)$/i.test(n) ? [data, { level: 0 }] : data;
    return zipSync(z, { level: 6 });
  }
}

function colOf(a: string): number {
  let n = 0;
  for (const ch of /^[A-Z]+/.exec(a)?.[0] ?? '') n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

function rowAttributes(row: ExcelJS.Row | undefined): Record<string, string | null> {
  const height = row?.height;
  return {
    hidden: row?.hidden ? '1' : null,
    ht: height ? String(height) : null,
    customHeight: height ? '1' : null,
  };
}

function qualified(xml: string, el: Located): string {
  return /^<([^\s/>]+)/.exec(xml.slice(el.start, el.startTagEnd))![1];
}

/** Where a worksheet child goes: before the first present child that the schema puts after it. */
function insertionPoint(els: Located[], name: string, xml: string): number {
  const after = WORKSHEET_ORDER.slice(WORKSHEET_ORDER.indexOf(name) + 1);
  const next = els.find((e) => e.depth === 1 && after.includes(e.name));
  return next ? next.start : xml.lastIndexOf('</');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
