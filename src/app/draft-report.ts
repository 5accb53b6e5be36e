/**
 * 生成年报全文: the whole report drafted from a validated report, as .docx or .html.
 * A report with errors is refused: a draft of wrong figures is worse than none.
 */
import { formats as defaultRegistry, type FormatRegistry } from '../formats';
import { draftReport } from '../draft/draft';
import { figures, placeholders, type DraftDocument, type FigureImage } from '../draft/model';
import { reportCharts } from '../charts/report-charts';
import type { ChartSet } from '../charts/spec';
import type { RasterizeSvg } from '../ports/rasterizer';
import { validate } from '../rules/engine';
import { renderHtml } from '../draft/render-html';
import type { Report } from '../model/report';
import { reportFromOurSheet } from '../layout/sheet-report';
import { checkReport } from './check-report';
import type { Finding } from '../model/finding';
import { TEMP_SHEET_PREFIX, type WorkbookPort } from '../ports/workbook-port';
import { UserError } from '../model/user-error';

export type DraftKind = 'docx' | 'html';

export const DRAFT_TYPES: Record<DraftKind, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html;charset=utf-8',
};

export interface DraftOptions {
  kind: DraftKind;
  /** Draft even over errors (the command line's --force). */
  force?: boolean;
  /** The other reports beside it, so a summary is checked against its members as in 一键校验. */
  siblings?: Report[];
  registry?: FormatRegistry;
  /** Figures (图1、图2…) drawn from the figures; true unless the office wants none. */
  charts?: boolean;
  /** The same office's report of the year before: the two-year figure. */
  previous?: Report;
  /** How this face turns a chart into the PNG a .docx carries beside its SVG; without it a .docx gets no figures. */
  rasterize?: RasterizeSvg;
}

/** PNG pixels per SVG pixel: 2 gives about 190 dpi at the printed size. */
const PNG_SCALE = 2;

export interface DraftedFile {
  name: string;
  type: string;
  bytes: Uint8Array;
  document: DraftDocument;
  /** The 【待填写：…】 places left for the clerk. */
  placeholders: string[];
  /** Errors drafted over (only with force). */
  errors: Finding[];
  /** The figures placed, and why others were not (errors, figures of nothing, no Chinese font to draw with). */
  charts: { drawn: number; withheld: string[] };
}

/** Refused because the figures have errors; `errors` says which. */
export class DraftRefused extends UserError {
  constructor(
    readonly report: Report,
    readonly errors: Finding[],
  ) {
    super(`${report.office} ${report.year} 年度的表格还有 ${errors.length} 个错误，为避免公布错误的数字，未生成年报全文。请先改正：${errors.map((e) => `\n  ✖ ${e.message}`).join('')}`);
  }
}

function draftErrors(report: Report, siblings: Report[] = [], registry: FormatRegistry = defaultRegistry): Finding[] {
  return checkReport(report, { siblings, registry }).findings.filter((f) => f.severity === 'error');
}

/** A name without the characters file systems refuse (and without spaces). */
export function safeFileName(s: string): string {
  return s.replace(/[\\/:*?"<>|\s]+/g, '');
}

/** A file name from the report's title, without characters file systems refuse. */
function draftFileName(document: DraftDocument, kind: DraftKind): string {
  return `${safeFileName(document.title)}.${kind}`;
}

export async function draftReportFile(report: Report, options: DraftOptions): Promise<DraftedFile> {
  const registry = options.registry ?? defaultRegistry;
  const format = registry.byId(report.format);
  if (!format) throw new UserError(`无法识别表格格式“${report.format}”`);
  const errors = draftErrors(report, options.siblings, registry);
  if (errors.length && !options.force) throw new DraftRefused(report, errors);
  const set: ChartSet = options.charts === false ? { charts: [], withheld: [] } : reportCharts({ format, report, findings: errors }, previousChecked(options.previous, registry));
  let document = draftReport(report, format, { charts: set.charts });
  let images = new Map<number, FigureImage>();
  const withheld = [...set.withheld];
  if (set.charts.length) {
    try {
      images = await drawFigures(document, options.kind === 'docx' ? (options.rasterize ?? noRasterizer) : undefined);
    } catch (e) {
      // A figure that cannot be drawn leaves the report without figures, never without its text.
      withheld.push(`图表未能绘制，年报全文中未插入图表（${e instanceof Error ? e.message : String(e)}）。`);
      document = draftReport(report, format);
      images = new Map();
    }
  }
  let bytes: Uint8Array;
  if (options.kind === 'docx') {
    // The Word writer is loaded only when a report is drafted: the pages stay small.
    const { renderDocx } = await import('../draft/render-docx');
    bytes = await renderDocx(document, images);
  } else bytes = new TextEncoder().encode(renderHtml(document, images));
  return {
    name: draftFileName(document, options.kind),
    type: DRAFT_TYPES[options.kind],
    bytes,
    document,
    placeholders: placeholders(document),
    errors,
    charts: { drawn: figures(document).length, withheld },
  };
}

const noRasterizer: RasterizeSvg = async () => {
  throw new UserError('此处不能把图表转换为 Word 所需的图片');
};

/** Last year's report with its errors, for the two-year figure. */
function previousChecked(previous: Report | undefined, registry: FormatRegistry) {
  const format = previous && registry.byId(previous.format);
  if (!previous || !format) return undefined;
  return { format, report: previous, findings: validate(previous, { registry }).findings };
}

/**
 * Each figure drawn as SVG (the charting library loads only now), and as PNG for Word when a
 * rasterizer is given; a .docx needs both, so without one it throws and gets no figures.
 */
async function drawFigures(document: DraftDocument, rasterize: RasterizeSvg | undefined): Promise<Map<number, FigureImage>> {
  const { renderChartSvg } = await import(/* webpackChunkName: "charts" */ '../charts/render-svg');
  const out = new Map<number, FigureImage>();
  for (const f of figures(document)) {
    const drawn = renderChartSvg(f.chart);
    const image: FigureImage = { ...drawn };
    if (rasterize !== undefined) image.png = await rasterize(drawn.svg, { width: drawn.width, height: drawn.height, scale: PNG_SCALE });
    out.set(f.number, image);
  }
  return out;
}

/** The sheet a report was read from: the part of its source after 「#」, when the workbook has several. */
function sheetOf(report: Report): string | undefined {
  const at = report.source.lastIndexOf('#');
  return at < 0 ? undefined : report.source.slice(at + 1);
}

/** One report out of a file's: the named sheet's, or the only one; else the names to choose from. */
export function pickReport(reports: Report[], sheet?: string): { report: Report } | { choices: string[]; wanted?: string } {
  const choices = reports.map((r) => sheetOf(r) ?? r.office);
  if (sheet !== undefined) {
    const found = reports.filter((r) => sheetOf(r) === sheet || (reports.length === 1 && sheetOf(r) === undefined));
    return found.length === 1 ? { report: found[0] } : { choices, wanted: sheet };
  }
  return reports.length === 1 ? { report: reports[0] } : { choices };
}

/** The pane's 生成年报全文: the sheet read afresh (what was typed since 一键校验 counts), then drafted; last year's sheet of the office, when the workbook has it, gives the two-year figure. */
export async function draftSheet(port: WorkbookPort, sheet: string, options: Partial<Pick<DraftOptions, 'kind' | 'charts' | 'rasterize'>> = {}): Promise<DraftedFile> {
  const registry = defaultRegistry;
  const sheets = (await port.readSheets('reports')).filter((s) => s.meta && !s.meta.role && !s.name.startsWith(TEMP_SHEET_PREFIX));
  const reports = sheets.flatMap((s) => {
    const r = reportFromOurSheet(s, registry, s.name);
    return 'report' in r ? [{ name: s.name, report: r.report }] : [];
  });
  const mine = reports.find((r) => r.name === sheet);
  if (!mine) throw new UserError(`工作表“${sheet}”不是本工具生成的年报表格，无法生成年报全文。`);
  const lastYear = reports.filter((r) => r.report.office === mine.report.office && r.report.year === mine.report.year - 1);
  return draftReportFile(mine.report, {
    kind: options.kind ?? 'docx',
    siblings: reports.map((r) => r.report),
    registry,
    charts: options.charts,
    rasterize: options.rasterize,
    ...(lastYear.length === 1 ? { previous: lastYear[0].report } : {}),
  });
}
