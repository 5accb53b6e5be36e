/** Reads a report back from a sheet we generated, using its metadata and the format's layout. */
import type { CompiledFormat } from '../formats/compile';
import type { FormatRegistry } from '../formats';
import { buildSheetPlan, type SheetPlan } from './sheet-plan';
import type { SheetData } from '../model/sheet-data';
import type { CellOrigin, Report } from '../model/report';
import type { Finding } from '../model/finding';
import { readCell, type Reading } from '../model/values';
import { address } from './a1';

const plans = new WeakMap<CompiledFormat, SheetPlan>();

/** The canonical layout of a format; addresses and labels do not depend on office or year. */
export function canonicalPlan(format: CompiledFormat): SheetPlan {
  let plan = plans.get(format);
  if (!plan) {
    plan = buildSheetPlan(format, { office: '', year: format.def.years.from });
    plans.set(format, plan);
  }
  return plan;
}

const squash = (s: unknown) => String(s ?? '').replace(/\s+/g, '');

/** Checks that the statutory labels are still where we put them (rows not inserted or deleted). */
function layoutProblem(plan: SheetPlan, sheet: SheetData): string | null {
  for (const pc of plan.cells) {
    if (typeof pc.value !== 'string' || !['caption', 'header', 'label'].includes(pc.style)) continue;
    const found = sheet.cells.get(address(pc.row, pc.col));
    if (squash(found) !== squash(pc.value)) return `表格结构已改变：第 ${pc.row} 行应为“${pc.value}”，实际为“${found ?? '空白'}”。请勿在表格中插入或删除行列。`;
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
  const provenance: Record<string, CellOrigin> = {};
  const readings = format.cells.map((c) => {
    const addr = plan.addresses[c.id];
    provenance[c.id] = { source: sheet.name, sheet: sheet.name, address: addr };
    return readCell(sheet.cells.get(addr) ?? null, c.kind);
  });
  const totals = readTotals(format, plan, sheet, readings, meta.totals !== 'values');
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
      ...(meta.submitted ? { submitted: meta.submitted } : {}),
      ...(meta.source ? { submission: meta.source } : {}),
      ...(sheet.metaDropped?.length ? { importFindings: [metaFinding(sheet.name, sheet.metaDropped)] } : {}),
      ...(totals.formulaCells.length ? { formulaCells: totals.formulaCells } : {}),
      ...(totals.live.length ? { liveTotals: totals.live } : {}),
      ...(totals.overwritten.length ? { overwrittenTotals: totals.overwritten } : {}),
    },
  };
}

/** Metadata that failed its schema came from someone else's file: say what was ignored. */
function metaFinding(sheet: string, dropped: string[]): Finding {
  return {
    rule: 'format.meta_invalid',
    severity: 'warning',
    cells: [],
    message: `工作表“${sheet}”的隐藏元数据中有无效内容，已忽略：${dropped.slice(0, 5).join('、')}${dropped.length > 5 ? ` 等 ${dropped.length} 项` : ''}。请核对报送单位的出错说明和汇总成员。`,
  };
}

const normalFormula = (f: string) => f.replace(/[\s$=]/g, '').toUpperCase();

/** Our SUM formula of a total cell, by cell id, as the template writes it. */
export function totalFormula(format: CompiledFormat, cellId: string): string | undefined {
  const plan = canonicalPlan(format);
  const addr = plan.addresses[cellId];
  return plan.cells.find((pc) => pc.cellId === cellId && address(pc.row, pc.col) === addr)?.formula;
}

/**
 * Totals of our sheets are computed from their inputs, never taken from a cached
 * result: another program's recalculation counts text as 0. A total whose cell
 * holds our formula gets the sum of its parts, or stays unreadable (dependsOn)
 * when a part cannot be read. A total the clerk overwrote with a constant is
 * read as written and reported, so a fix restores the formula.
 */
function readTotals(format: CompiledFormat, plan: SheetPlan, sheet: SheetData, readings: Reading[], formulasExpected: boolean) {
  const formulaCells: string[] = [];
  const overwritten: string[] = [];
  const computed = new Set<number>();
  for (const target of format.totals.keys()) {
    const id = format.cells[target].id;
    const addr = plan.addresses[id];
    const held = sheet.formulas?.get(addr);
    const ours = totalFormula(format, id);
    // A host that cannot tell formulas apart: compute every total rather than trust a cached number.
    if (!sheet.formulas) {
      computed.add(target);
      formulaCells.push(id);
    } else if (held !== undefined) {
      formulaCells.push(id);
      if (ours && normalFormula(held) === normalFormula(ours)) computed.add(target);
    } else if (formulasExpected) overwritten.push(id);
  }
  const memo = new Map<number, Reading>();
  const compute = (i: number): Reading => {
    if (!computed.has(i)) return readings[i];
    const known = memo.get(i);
    if (known) return known;
    let sum = 0;
    const unreadable: string[] = [];
    for (const p of format.totals.get(i)!) {
      const r = compute(p);
      if (r.dependsOn) unreadable.push(...r.dependsOn);
      else if (r.status === 'invalid') unreadable.push(format.cells[p].id);
      else sum += r.value ?? 0;
    }
    const reading: Reading = unreadable.length
      ? { value: null, status: 'invalid', raw: DEPENDENT_TEXT, dependsOn: [...new Set(unreadable)] }
      : { value: Math.round(sum * 1e8) / 1e8, status: 'number' };
    memo.set(i, reading);
    return reading;
  };
  for (const i of computed) readings[i] = compute(i);
  return { formulaCells, overwritten, live: [...computed].map((i) => format.cells[i].id) };
}

export const DEPENDENT_TEXT = '（依赖的单元格无法读取）';
