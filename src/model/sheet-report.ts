/** Reads a report back from a sheet we generated, using its metadata and the format's layout. */
import type { CompiledFormat } from '../formats/compile';
import type { FormatRegistry } from '../formats';
import { buildSheetPlan, type SheetPlan } from '../layout/sheet-plan';
import type { SheetData } from '../ports/workbook-port';
import type { Report } from './report';
import { readCell } from './values';
import { address } from '../layout/a1';

const plans = new Map<string, SheetPlan>();

/** The canonical layout of a format; addresses and labels do not depend on office or year. */
export function canonicalPlan(format: CompiledFormat): SheetPlan {
  let plan = plans.get(format.id);
  if (!plan) {
    plan = buildSheetPlan(format, { office: '', year: format.def.years.from });
    plans.set(format.id, plan);
  }
  return plan;
}

const squash = (s: unknown) => String(s ?? '').replace(/\s+/g, '');

/** Checks that the statutory labels are still where we put them (rows not inserted or deleted). */
export function layoutProblem(plan: SheetPlan, sheet: SheetData): string | null {
  for (const pc of plan.cells) {
    if (typeof pc.value !== 'string' || !['caption', 'header', 'label'].includes(pc.style)) continue;
    const found = sheet.cells.get(address(pc.row, pc.col));
    if (squash(found) !== squash(pc.value))
      return `表格结构已改变：第 ${pc.row} 行应为“${pc.value}”，实际为“${found ?? '空白'}”。请勿在表格中插入或删除行列。`;
  }
  return null;
}

export type SheetReport = { report: Report; plan: SheetPlan } | { problem: string };

export function reportFromOurSheet(sheet: SheetData, registry: FormatRegistry, source: string): SheetReport {
  const meta = sheet.meta;
  if (!meta) return { problem: '不是本工具生成的报表' };
  if (meta.role) return { problem: '这是汇总明细表，不是报表' };
  const format = registry.byId(meta.format);
  if (!format) return { problem: `未知的表格格式“${meta.format}”` };
  const plan = canonicalPlan(format);
  const problem = layoutProblem(plan, sheet);
  if (problem) return { problem };
  const provenance: Record<string, string> = {};
  const readings = format.cells.map((c) => {
    const addr = plan.addresses[c.id];
    provenance[c.id] = `${sheet.name}!${addr}`;
    return readCell(sheet.cells.get(addr) ?? null, c.kind);
  });
  return {
    plan,
    report: {
      source,
      office: meta.office,
      year: meta.year,
      format: format.id,
      level: meta.level,
      members: meta.members,
      descendants: meta.descendants,
      readings,
      confirmed: meta.confirmed,
      provenance,
    },
  };
}
