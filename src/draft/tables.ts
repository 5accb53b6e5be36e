/**
 * The three statutory tables in the official layout, taken from the report sheet's own plan:
 * the same headers, merges and row labels, with the sheet's 15-column grid reduced to the
 * columns each table really uses (4 for 主动公开, 10 for 依申请公开, 15 for 复议诉讼).
 */
import type { CompiledFormat } from '../formats/compile';
import type { TableDef } from '../formats/types';
import { buildSheetPlan, GRID_COLUMNS, type Merge, type PlanCell } from '../layout/sheet-plan';
import type { Report } from '../model/report';
import { figure } from './figures';
import type { CellRole, DraftCell, DraftRow, DraftTable } from './model';

const FIGURE_WEIGHT = 1.3;
const ROLES: Partial<Record<PlanCell['style'], CellRole>> = { caption: 'caption', header: 'header', label: 'label' };

/** Money columns whose printed header names no unit: the unit the figures are held in is added. */
function moneyHeaders(t: TableDef): Set<string> {
  if (t.layout !== 'sections') return new Set();
  return new Set(t.sections.flatMap((s) => s.columns.filter((c) => c.kind === 'money' && !c.label.includes('万元')).map((c) => c.label)));
}

function valueText(cell: PlanCell, format: CompiledFormat): string {
  const v = cell.value;
  if (typeof v === 'number') return figure(v, format.cells[format.index.get(cell.cellId!)!].kind);
  return v === null || v === undefined ? '' : String(v);
}

interface Anchor {
  cell: PlanCell;
  span: Merge;
}

function tableFrom(t: TableDef, anchors: Anchor[], format: CompiledFormat): DraftTable {
  const bounds = new Set<number>([1, GRID_COLUMNS + 1]);
  for (const a of anchors) {
    bounds.add(a.span.left);
    bounds.add(a.span.right + 1);
  }
  const edges = [...bounds].sort((x, y) => x - y);
  const column = (gridCol: number) => edges.indexOf(gridCol);
  const rows = [...new Set(anchors.map((a) => a.cell.row))].sort((x, y) => x - y);
  const money = moneyHeaders(t);
  const out: DraftRow[] = rows.map((row) => ({
    header: false,
    cells: anchors
      .filter((a) => a.cell.row === row)
      .sort((x, y) => x.cell.col - y.cell.col)
      .map((a): DraftCell => {
        const role: CellRole = a.cell.cellId ? 'value' : (ROLES[a.cell.style] ?? 'label');
        let text = role === 'value' ? valueText(a.cell, format) : String(a.cell.value ?? '');
        if (role === 'header' && money.has(text)) text += '（万元）';
        return {
          text,
          colSpan: column(a.span.right + 1) - column(a.span.left),
          rowSpan: rows.indexOf(a.span.bottom) - rows.indexOf(row) + 1,
          role,
          align: role === 'label' ? 'left' : 'center',
          ...(a.cell.cellId ? { cellId: a.cell.cellId } : {}),
        };
      }),
  }));
  // Leading rows of headers only are the table's heading, repeated on every page it runs onto.
  for (const r of out) {
    if (!r.cells.every((c) => c.role === 'header')) break;
    r.header = true;
  }
  // Figure columns get more room than their grid share, so a 4- or 5-digit count stays on one line.
  const figureColumns = new Set(anchors.filter((a) => a.cell.cellId).map((a) => column(a.span.left)));
  const units = edges.slice(0, -1).map((e, i) => (edges[i + 1] - e) * (figureColumns.has(i) ? FIGURE_WEIGHT : 1));
  const sum = units.reduce((a, b) => a + b, 0);
  return { id: t.id, widths: units.map((u) => u / sum), rows: out };
}

/** The format's tables, in order, with the report's figures. */
export function draftTables(format: CompiledFormat, report: Report): DraftTable[] {
  const plan = buildSheetPlan(format, { office: report.office, year: report.year, totals: 'values', readings: report.readings });
  const covered = new Set<string>();
  const spans = new Map<string, Merge>();
  for (const m of plan.merges) {
    spans.set(`${m.top}:${m.left}`, m);
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r}:${c}`);
  }
  const titles = plan.cells.filter((c) => c.style === 'tableTitle' && c.value !== undefined).map((c) => c.row);
  if (titles.length !== format.def.tables.length) throw new Error(`${format.id}: the sheet plan has ${titles.length} tables, the format ${format.def.tables.length}`);
  return format.def.tables.map((t, k) => {
    const from = titles[k];
    const to = titles[k + 1] ?? plan.lastRow + 1;
    const anchors = plan.cells
      .filter((c) => c.row > from && c.row < to && c.col <= GRID_COLUMNS && c.style !== 'meta' && !covered.has(`${c.row}:${c.col}`))
      .filter((c) => c.cellId || c.value !== undefined)
      .map((cell) => ({ cell, span: spans.get(`${cell.row}:${cell.col}`) ?? { top: cell.row, left: cell.col, bottom: cell.row, right: cell.col } }));
    return tableFrom(t, anchors, format);
  });
}
