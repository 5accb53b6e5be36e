/**
 * A sheet plan written into a WPS worksheet. Each kind of content is one host call for many
 * cells: every value and formula in one Formula array, and each style, merge, validation and
 * conditional format over a multi-area address; never a call per cell.
 */
import { address, compactRanges } from '../../layout/a1';
import { FONT, MARK_FILL, META_COLUMN, STYLES, type PlanCell, type PlanChart, type SheetPlan, type StyleName } from '../../layout/sheet-plan';
import { BAR_COLOR } from '../../charts/style';
import { sheetRef } from '../../layout/summary-formulas';
import { columnAreas, groupBy, rowAreas, unionChunks } from './areas';
import type { WpsCapabilities } from './capabilities';
import { toBgr } from './colors';
import { XL, type EtApplicationLike, type EtWorksheetLike } from './et';
import { planGrid } from '../../layout/plan-grid';

/** A link to another sheet as a HYPERLINK formula: written with the values, no call of its own. */
function linkFormula(sheet: string, text: string): string {
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  return `=HYPERLINK(${quote(`#${sheetRef(sheet)}!A1`)},${quote(text)})`;
}

/** Every value and formula of the plan, as one grid from A1; links as HYPERLINK formulas. */
function writeGrid(ws: EtWorksheetLike, plan: SheetPlan) {
  const { grid, rows, columns } = planGrid(plan, (pc) => (pc.link && pc.value !== undefined && pc.value !== null ? linkFormula(pc.link, String(pc.value)) : undefined));
  ws.Range(`A1:${address(rows, columns)}`).Formula = grid;
  return { rows, columns };
}

function alignment(h: 'left' | 'center' | 'right' | undefined): number {
  return h === 'center' ? XL.hAlignCenter : h === 'right' ? XL.hAlignRight : XL.hAlignLeft;
}

/**
 * The cells as the fewest runs: along rows or down columns, whichever is fewer, so that a
 * list of many rows costs as many areas as it has columns.
 */
function fewestRanges(cells: { row: number; col: number }[]): string[] {
  const across = compactRanges([...cells].sort((a, b) => a.row - b.row || a.col - b.col));
  const down = compactRanges([...cells].sort((a, b) => a.col - b.col || a.row - b.row));
  return down.length < across.length ? down : across;
}

/** Each style over the cells that carry it; what every cell shares (font, vertical centring) once for the whole grid. */
function writeStyles(ws: EtWorksheetLike, cells: PlanCell[], extent: { rows: number; columns: number }) {
  const all = ws.Range(`A1:${address(extent.rows, extent.columns)}`);
  all.Font.Name = FONT;
  all.VerticalAlignment = XL.vAlignCenter;
  const byStyle = new Map<StyleName, { row: number; col: number }[]>();
  for (const pc of cells) byStyle.set(pc.style, [...(byStyle.get(pc.style) ?? []), { row: pc.row, col: pc.col }]);
  for (const [name, list] of byStyle) {
    const s = STYLES[name];
    for (const chunk of unionChunks(fewestRanges(list))) {
      const r = ws.Range(chunk);
      const font = r.Font;
      font.Size = s.size ?? 10;
      font.Bold = !!s.bold;
      if (s.color) font.Color = toBgr(s.color);
      if (s.fill) r.Interior.Color = toBgr(s.fill);
      r.HorizontalAlignment = alignment(s.hAlign);
      r.WrapText = !!s.wrap;
      r.Locked = s.locked !== false;
      if (s.numFmt) r.NumberFormat = s.numFmt;
      if (s.border) {
        // LineStyle on Borders draws every edge of every cell, the inside ones too.
        const borders = r.Borders;
        borders.LineStyle = XL.continuous;
        borders.Color = 0;
      }
    }
  }
}

function writeMerges(ws: EtWorksheetLike, plan: SheetPlan) {
  // Merge() merges each area of a multi-area range on its own.
  const areas = plan.merges.map((m) => `${address(m.top, m.left)}:${address(m.bottom, m.right)}`);
  for (const chunk of unionChunks(areas)) ws.Range(chunk).Merge(false);
}

function writeSizes(ws: EtWorksheetLike, plan: SheetPlan) {
  const widths = groupBy(
    plan.columnWidths.map((w, i) => [i + 1, w] as [number, number]).filter(([c]) => c !== META_COLUMN),
    (w) => String(w),
  );
  for (const { value, keys } of widths.values()) for (const chunk of unionChunks(columnAreas(keys))) ws.Range(chunk).ColumnWidth = value;
  const heights = groupBy(
    Object.entries(plan.rowHeights).map(([r, h]) => [Number(r), h] as [number, number]),
    (h) => String(h),
  );
  for (const { value, keys } of heights.values()) for (const chunk of unionChunks(rowAreas(keys))) ws.Range(chunk).RowHeight = value;
  if (plan.hiddenRows?.length) for (const chunk of unionChunks(rowAreas(plan.hiddenRows))) ws.Range(chunk).EntireRow.Hidden = true;
  ws.Range(address(1, META_COLUMN)).EntireColumn.Hidden = true;
}

function writeValidation(ws: EtWorksheetLike, plan: SheetPlan) {
  for (const v of plan.validations) {
    for (const chunk of unionChunks(v.ranges)) {
      const dv = ws.Range(chunk).Validation;
      // Adding validation where some exists is refused: clear first.
      dv.Delete();
      const type = v.rule.type === 'decimal' ? XL.validateDecimal : XL.validateWholeNumber;
      if (v.rule.max === undefined) dv.Add(type, XL.validAlertStop, XL.greaterEqual, v.rule.min);
      else dv.Add(type, XL.validAlertStop, XL.between, v.rule.min, v.rule.max);
      dv.ErrorTitle = v.title;
      dv.ErrorMessage = v.message;
      dv.IgnoreBlank = true;
      dv.ShowError = true;
    }
  }
}

function writeConditionalFormats(ws: EtWorksheetLike, plan: SheetPlan) {
  // The same check painting several ranges: one condition over all of them.
  const groups = groupBy(
    plan.conditionalFormats.map((cf) => [cf.range, cf] as const),
    (cf) => `${cf.severity}|${cf.formula}`,
  );
  for (const { value, keys } of groups.values())
    for (const chunk of unionChunks(keys)) {
      const condition = ws.Range(chunk).FormatConditions.Add(XL.expression, undefined, `=${value.formula}`);
      condition.Interior.Color = toBgr(MARK_FILL[value.severity]);
    }
}

/** Gridlines and frozen rows belong to the window: the sheet is shown for a moment to set them. */
function writeView(app: EtApplicationLike, ws: EtWorksheetLike, plan: SheetPlan, caps: WpsCapabilities) {
  ws.Activate();
  const window = app.ActiveWindow;
  if (!window) return;
  window.DisplayGridlines = false;
  if (plan.freezeRows && caps.freezePanes) {
    window.SplitColumn = 0;
    window.SplitRow = plan.freezeRows;
    window.FreezePanes = true;
  }
}

function writePage(ws: EtWorksheetLike) {
  const page = ws.PageSetup;
  page.Orientation = XL.landscape;
  page.Zoom = false;
  page.FitToPagesWide = 1;
  page.FitToPagesTall = false;
}

/** ET's default row: 13.5 points. A column of width w characters: (7w + 5) pixels of 0.75 points. */
const DEFAULT_ROW_PT = 13.5;
const columnPoints = (w: number) => Math.trunc(w * 7 + 5) * 0.75;

/**
 * A native chart over the plan's cells, placed from the plan's own widths and heights (no host
 * call to measure): horizontal bars, the first category on top, each figure at its bar.
 */
function writeChart(ws: EtWorksheetLike, plan: SheetPlan, c: PlanChart) {
  const x = (col: number) => plan.columnWidths.slice(0, col - 1).reduce((s, w) => s + columnPoints(w), 0);
  const y = (row: number) => Array.from({ length: row - 1 }, (_, i) => plan.rowHeights[i + 1] ?? DEFAULT_ROW_PT).reduce((s, h) => s + h, 0);
  const left = x(c.anchor.left);
  const top = y(c.anchor.top);
  const chart = ws.ChartObjects!().Add(left, top, x(c.anchor.right + 1) - left, y(c.anchor.bottom + 1) - top).Chart;
  chart.ChartType = XL.barClustered;
  chart.SetSourceData(ws.Range(`${c.categories.split(':')[0]}:${c.values.split(':')[1] ?? c.values}`), XL.columns);
  chart.HasTitle = true;
  chart.ChartTitle.Text = c.title;
  chart.HasLegend = false;
  chart.Axes(XL.category).ReversePlotOrder = true;
  chart.Axes(XL.value).Delete();
  const series = chart.SeriesCollection(1);
  series.Name = c.seriesName;
  series.HasDataLabels = true;
  series.DataLabels().NumberFormat = c.numFmt;
  series.Format.Fill.ForeColor.RGB = toBgr(BAR_COLOR.slice(1));
}

/** Writes a plan into an empty worksheet. */
export function writePlan(app: EtApplicationLike, ws: EtWorksheetLike, plan: SheetPlan, caps: WpsCapabilities): void {
  const extent = writeGrid(ws, plan);
  writeMerges(ws, plan);
  writeStyles(ws, plan.cells, extent);
  writeSizes(ws, plan);
  if (caps.validation) writeValidation(ws, plan);
  if (caps.conditionalFormats) writeConditionalFormats(ws, plan);
  // Notes on imported cells (why a value is not a number); without comments the cell's own text still fails validation.
  if (caps.comments) for (const pc of plan.cells) if (pc.note) ws.Range(address(pc.row, pc.col)).AddComment(pc.note);
  if (plan.autoFilter) ws.Range(plan.autoFilter).AutoFilter();
  if (caps.charts) for (const c of plan.charts ?? []) writeChart(ws, plan, c);
  writePage(ws);
  writeView(app, ws, plan, caps);
}
