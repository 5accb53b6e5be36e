/**
 * A workbook written as exceljs writes it, zipped by fflate. exceljs renders every part; its
 * own zip step (JSZip: a text re-encode, a JavaScript CRC and deflate) cost more than the
 * rendering for a consolidation of hundreds of member sheets. Identical differential styles
 * (a conditional format's fill, one per rule in exceljs) are shared, as Excel shares them:
 * 500 members' sheets otherwise write some 30 000 copies of two fills into styles.xml.
 */
import type ExcelJS from 'exceljs';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { addChartParts, plannedCharts } from './chart-parts';

type Appender = { append(data: string | Uint8Array, options: { name: string; base64?: boolean }): void };
type Model = Record<string, unknown> & {
  styles?: { model?: { dxfs?: unknown[] } };
  worksheets?: { id?: number; rows?: unknown[]; conditionalFormattings?: { rules?: { dxfId?: number }[] }[] }[];
};

/** The steps of exceljs's XLSX.write (lib/xlsx/xlsx.js), in its order, minus its zip. */
const STEPS = [
  'addContentTypes',
  'addOfficeRels',
  'addWorkbookRels',
  'addWorksheets',
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

/** Shares identical differential styles and points each conditional format's rule at the shared one. */
function shareDxfs(model: Model): void {
  const dxfs = model.styles?.model?.dxfs;
  if (!dxfs?.length) return;
  const first = new Map<string, number>();
  const unique: unknown[] = [];
  const remap = dxfs.map((d) => {
    const key = JSON.stringify(d);
    let i = first.get(key);
    if (i === undefined) {
      i = unique.push(d) - 1;
      first.set(key, i);
    }
    return i;
  });
  model.styles!.model!.dxfs = unique;
  for (const ws of model.worksheets ?? []) for (const cf of ws.conditionalFormattings ?? []) for (const rule of cf.rules ?? []) if (rule.dxfId !== undefined) rule.dxfId = remap[rule.dxfId];
}

/** The plan's native charts added beside each worksheet that has some (exceljs writes none). */
function addCharts(workbook: ExcelJS.Workbook, parts: Record<string, Uint8Array>, partOf: (ws: ExcelJS.Worksheet) => string | undefined): void {
  for (const ws of workbook.worksheets) {
    const charts = plannedCharts.get(ws);
    const part = charts?.length && partOf(ws);
    if (part && parts[part]) addChartParts(parts, part, ws.name, charts!, (addr) => ws.getCell(addr).value);
  }
}

export async function writeXlsx(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  const xlsx = workbook.xlsx as unknown as Internals;
  // An exceljs without these internals (a future version) writes its own way; the charts are added to what it wrote.
  if (typeof xlsx.prepareModel !== 'function' || STEPS.some((s) => typeof xlsx[s] !== 'function')) {
    const written = unzipSync(new Uint8Array(await workbook.xlsx.writeBuffer()));
    addCharts(workbook, written, (ws) => `xl/worksheets/sheet${workbook.worksheets.indexOf(ws) + 1}.xml`);
    return zipSync(written, { level: 3 });
  }
  const parts: Zippable = {};
  // The getter builds a new model each time: taken once, as exceljs's write does.
  const model = workbook.model as unknown as Model;
  const sheets = new Map((model.worksheets ?? []).map((w) => [`xl/worksheets/sheet${w.id}.xml`, w]));
  const zip: Appender = {
    append(data, options) {
      parts[options.name] = options.base64 && typeof data === 'string' ? base64Bytes(data) : typeof data === 'string' ? strToU8(data) : new Uint8Array(data);
      // A sheet's rows are rendered once: let them go (hundreds of member sheets otherwise stay in memory twice).
      const rendered = sheets.get(options.name);
      if (rendered) rendered.rows = [];
    },
  };
  xlsx.prepareModel(model, {});
  shareDxfs(model);
  for (const step of STEPS) await xlsx[step](zip, model);
  const ids = new Map((model.worksheets ?? []).map((w) => [(w as { name?: string }).name, w.id]));
  addCharts(workbook, parts as Record<string, Uint8Array>, (ws) => (ids.has(ws.name) ? `xl/worksheets/sheet${ids.get(ws.name)}.xml` : undefined));
  // Level 3: a quarter less time than the default 6 on a 500-member consolidation, for 3 % more bytes.
  return zipSync(parts, { level: 3 });
}
