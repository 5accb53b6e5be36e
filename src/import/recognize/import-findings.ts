/**
 * What reading found wrong with a report's tables as printed: subtotal rows that do not add up,
 * an undivided group, and the cells not found.
 */
import type { CompiledFormat } from '../../formats/compile';
import { cellLabel, relationMessage } from '../../rules/messages';
import type { Finding } from '../../model/finding';
import type { ReportInProgress } from './report-in-progress';
import { MISSING_NAMED, SUM_TOLERANCE } from './tuning';

export function subtotalFindings(format: CompiledFormat, d: ReportInProgress): Finding[] {
  const out: Finding[] = [];
  for (const s of d.subtotals) {
    s.values.forEach((r, col) => {
      if (r.value === null) return;
      let sum = 0;
      for (const row of s.rows) {
        const rd = d.readings[row.cells[col]];
        if (!rd || rd.status === 'invalid') return;
        sum += rd.value ?? 0;
      }
      if (Math.abs(sum - r.value) > SUM_TOLERANCE) {
        const cells = s.rows.map((row) => format.cells[row.cells[col]].id);
        out.push({
          rule: 'format.subtotal_mismatch',
          severity: 'warning',
          cells,
          message: `表中另有小计行「${s.label}」（${s.at}）在「${format.cells[s.rows[0].cells[col]].columnLabel}」列为 ${r.value}，但其各项之和为 ${sum}。小计行不计入报告，请核对。`,
          expected: sum,
          actual: r.value,
        });
      }
    });
  }
  return out;
}

/**
 * A group printed as one row where the format divides it (2021's （六）其他处理 printed the
 * 2019 way): its sub-rows are named as missing, never invented, and the printed subtotal is
 * still checked against the total.
 */
export function undividedFindings(format: CompiledFormat, d: ReportInProgress): { findings: Finding[]; cells: Set<number> } {
  const findings: Finding[] = [];
  const cells = new Set<number>();
  for (const s of d.subtotals) {
    const own = s.rows.flatMap((r) => r.cells);
    if (own.some((i) => d.readings[i] !== undefined)) continue;
    own.forEach((i) => cells.add(i));
    findings.push({
      rule: 'format.undivided_row',
      severity: 'error',
      cells: own.map((i) => format.cells[i].id),
      message: `表中「${s.label}」只有一行合计（${s.at}），${format.def.name}格式要求分为${s.rows.map((r) => `「${r.label}」`).join('')}${s.rows.length} 行填报。各分项的数无法从合计推出，未读取，请按分项补填。`,
    });
    s.values.forEach((sub, col) => {
      if (sub.value === null) return;
      const inGroup = new Set(s.rows.map((r) => r.cells[col]));
      for (const rel of format.relations) {
        if (!rel.formula || !s.rows.every((r) => rel.formula!.parts.includes(r.cells[col]))) continue;
        const { target, parts } = rel.formula;
        const total = d.readings[target];
        const rest = parts.filter((p) => !inGroup.has(p)).map((p) => d.readings[p]);
        if (!total || total.status === 'invalid' || rest.some((r) => !r || r.status === 'invalid')) continue;
        const sum = rest.reduce((t, r) => t + (r!.value ?? 0), sub.value!);
        if (Math.abs(sum - (total.value ?? 0)) <= 1e-6) continue;
        findings.push({
          rule: rel.rule,
          severity: rel.severity,
          cells: [format.cells[target].id, ...parts.filter((p) => !inGroup.has(p)).map((p) => format.cells[p].id)],
          message: relationMessage(rel.scope, rel.op, `${rel.leftLabel}（「${s.label}」按合计一行计）`, sum, rel.rightLabel, total.value ?? 0),
          expected: sum,
          actual: total.value ?? 0,
        });
      }
    });
  }
  return { findings, cells };
}

export function missingFinding(format: CompiledFormat, d: ReportInProgress, except: Set<number>): Finding | null {
  const missing = format.cells.filter((c) => d.readings[c.index] === undefined && !except.has(c.index));
  if (!missing.length) return null;
  const names = missing.slice(0, MISSING_NAMED).map(cellLabel).join('、');
  const more = missing.length > MISSING_NAMED ? ` 等 ${missing.length} 个单元格` : '';
  const why = d.issues.length ? `${d.issues.join('；')}。` : '';
  return {
    rule: 'format.missing_cells',
    severity: 'error',
    cells: missing.map((c) => c.id),
    message: `${why}找不到 ${names}${more}，请在原表中核对后补上。`,
  };
}
