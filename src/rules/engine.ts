/**
 * The rule engine: cell checks, the format's relations, shares and cross-year
 * relations, then single-cell fix suggestions. It never changes a value.
 */
import type { CompiledFormat, CompiledRelation } from '../formats/compile';
import { formats as defaultRegistry, type FormatRegistry } from '../formats';
import { numericValues, type Report } from '../model/report';
import { UserError } from '../model/user-error';
import { carryOverText, cellLabel, cellMessages, formatSwitchMessage, relationMessage, shareMessage, yearMismatchMessage } from './messages';
import { suggestFixes, type Evaluated } from './fixes';
import { DEFAULT_SETTINGS, type RuleSettings } from './types';
import { findingKey, type Finding } from '../model/finding';

export interface ValidateOptions {
  previous?: Report;
  settings?: Partial<RuleSettings>;
  registry?: FormatRegistry;
}

export interface Validation {
  findings: Finding[];
  /** Warnings the office confirmed, with their explanation: no longer raised, still shown. */
  confirmed: { finding: Finding; explanation: string }[];
}

const EPS = 1e-6;

function sumSide(side: CompiledRelation['left'], cur: Float64Array, prev: Float64Array | null): number {
  let s = 0;
  for (const t of side) s += t.coef * (t.previous ? prev![t.index] : cur[t.index]);
  return s;
}

export function holds(op: '=' | '<=', L: number, R: number): boolean {
  return op === '=' ? Math.abs(L - R) <= EPS : L <= R + EPS;
}

/** Previous-year values laid out in the current format's cell order, matched by cell id. */
function alignPrevious(format: CompiledFormat, prevFormat: CompiledFormat, prev: Report): Float64Array {
  const prevValues = numericValues(prevFormat, prev);
  const out = new Float64Array(format.cells.length).fill(NaN);
  for (const c of format.cells) {
    const j = prevFormat.index.get(c.id);
    if (j !== undefined) out[c.index] = prevValues[j];
  }
  return out;
}

function cellFindings(format: CompiledFormat, report: Report, out: Finding[]): void {
  const missing: string[] = [];
  for (const c of format.cells) {
    const r = report.readings[c.index];
    if (!r) {
      missing.push(c.id);
      continue;
    }
    const base = { cells: [c.id] };
    switch (r.status) {
      case 'blank':
        out.push({ rule: 'cell.blank', severity: 'warning', ...base, message: cellMessages.blank(c) });
        continue;
      case 'invalid':
        // A total over an unreadable cell: the one error is at that cell.
        if (r.dependsOn) continue;
        out.push({ rule: 'cell.not_number', severity: 'error', ...base, message: cellMessages.notNumber(c, r) });
        continue;
      case 'unit':
        out.push({ rule: 'cell.unit_text', severity: 'warning', ...base, message: cellMessages.unitText(c, r) });
        break;
      case 'annotated':
        out.push({ rule: 'cell.annotated', severity: 'warning', ...base, message: cellMessages.annotated(c, r) });
        break;
      case 'normalised':
        out.push({ rule: 'cell.normalised', severity: 'info', ...base, message: cellMessages.normalised(c, r) });
        break;
    }
    const v = r.value;
    if (c.kind !== 'signed' && v < 0) out.push({ rule: 'cell.negative', severity: 'error', ...base, message: cellMessages.negative(c, v), actual: v });
    else if (c.kind !== 'money' && !Number.isInteger(v)) out.push({ rule: 'cell.not_integer', severity: 'error', ...base, message: cellMessages.notInteger(c, v), actual: v });
  }
  // Cells the importer already reported (not found, or a group printed undivided) are not reported twice.
  const reported = new Set(report.importFindings?.filter((f) => f.rule === 'format.missing_cells' || f.rule === 'format.undivided_row').flatMap((f) => f.cells));
  const unreported = missing.filter((id) => !reported.has(id));
  if (unreported.length && !report.importFindings?.some((f) => f.rule === 'format.missing_cells')) {
    const labels = unreported.map((id) => cellLabel(format.cells[format.index.get(id)!]));
    out.push({
      rule: 'format.missing_cells',
      severity: 'error',
      cells: unreported,
      message: cellMessages.missing(labels, unreported.length),
    });
  }
}

function relationCells(format: CompiledFormat, rel: CompiledRelation): string[] {
  const order = rel.formula ? [...rel.right, ...rel.left] : [...rel.left, ...rel.right];
  const ids: string[] = [];
  for (const t of order) if (!t.previous) ids.push(format.cells[t.index].id);
  return [...new Set(ids)];
}

export function validate(report: Report, options: ValidateOptions = {}): Validation {
  const registry = options.registry ?? defaultRegistry;
  const settings = { ...DEFAULT_SETTINGS, ...options.settings };
  const format = registry.byId(report.format);
  const findings: Finding[] = [];
  // Not a finding about the report: nothing here knows how to read it.
  if (!format) throw new UserError(`未知的表格格式“${report.format}”：本工具只认识${registry.all.map((f) => f.def.name).join('、')}格式，无法校验。`, { code: 'unknown_format' });

  const due = registry.forYear(report.year);
  if (due?.id !== format.id) {
    findings.push({
      rule: 'format.year_mismatch',
      severity: 'error',
      cells: [],
      message: yearMismatchMessage(report.year, format.def.name, due?.def.name, registry.firstYear),
    });
  }

  if (report.importFindings) findings.push(...report.importFindings);
  cellFindings(format, report, findings);

  const cur = numericValues(format, report);
  let prev: Float64Array | null = null;
  let sameFormat = true;
  if (options.previous) {
    const prevFormat = registry.byId(options.previous.format);
    if (prevFormat) {
      prev = alignPrevious(format, prevFormat, options.previous);
      sameFormat = prevFormat.id === format.id;
      if (!sameFormat)
        findings.push({
          rule: 'crossyear.format_switch',
          severity: 'info',
          cells: [],
          message: formatSwitchMessage(prevFormat.def.name, format.def.name, carryOverText(format)),
        });
    }
  }

  const evaluated: Evaluated[] = [];
  for (const rel of format.relations) {
    if (rel.crossYear && (!prev || (!sameFormat && !rel.acrossFormats))) continue;
    const L = sumSide(rel.left, cur, prev);
    const R = sumSide(rel.right, cur, prev);
    // A relation touching unreadable text cannot be checked; cell.not_number already says so.
    if (Number.isNaN(L) || Number.isNaN(R)) continue;
    const ok = holds(rel.op, L, R);
    const ev: Evaluated = { rel, L, R, ok };
    evaluated.push(ev);
    if (!ok) {
      ev.finding = {
        rule: rel.rule,
        severity: rel.severity,
        cells: relationCells(format, rel),
        message: relationMessage(rel.scope, rel.op, rel.leftLabel, L, rel.rightLabel, R),
        expected: L,
        actual: R,
      };
      findings.push(ev.finding);
    }
  }

  for (const share of format.shares) {
    const part = share.part.reduce((s, i) => s + cur[i], 0);
    const whole = cur[share.whole];
    const max = settings[share.setting];
    if (Number.isNaN(part) || Number.isNaN(whole) || whole <= 0 || part <= max * whole + EPS) continue;
    const partCell = format.cells[share.part[0]];
    const wholeCell = format.cells[share.whole];
    findings.push({
      rule: share.rule,
      severity: share.severity,
      cells: [...share.part, share.whole].map((i) => format.cells[i].id),
      message: shareMessage(cellLabel(partCell), part, `「${wholeCell.rowLabel}」`, whole, max, share.advice),
      expected: Math.floor(max * whole),
      actual: part,
    });
  }

  suggestFixes(format, cur, evaluated, { formulaCells: report.formulaCells, liveTotals: report.liveTotals, overwrittenTotals: report.overwrittenTotals });

  const confirmed: Validation['confirmed'] = [];
  const kept: Finding[] = [];
  for (const f of findings) {
    const explanation = f.severity === 'warning' ? report.confirmed?.[findingKey(f)] : undefined;
    if (explanation !== undefined) confirmed.push({ finding: f, explanation });
    else kept.push(f);
  }
  return { findings: kept, confirmed };
}

export function countBySeverity(findings: Finding[]): { error: number; warning: number; info: number } {
  const n = { error: 0, warning: 0, info: 0 };
  for (const f of findings) n[f.severity]++;
  return n;
}
