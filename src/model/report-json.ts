/** Reports in the contract's JSON form (spec/contract.md), both ways. */
import type { FormatRegistry } from '../formats';
import type { Finding } from './finding';
import { LEVELS, type Level, type Report } from './report';
import { readCell } from './values';
import { UserError } from './user-error';

/** A refused input: a file or JSON that cannot be read as reports, said in Chinese. */
export class InputError extends UserError {}

export interface ReportJson {
  source: string;
  office: string;
  year: number;
  format: string;
  level?: string;
  members?: string[];
  descendants?: string[];
  cells: Record<string, number | null>;
  raw: Record<string, string>;
  findings: Finding[];
  confirmed?: { rule: string; cells: string[]; explanation: string }[];
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Reads one report object. A cell may be a number, null, or its raw text; `raw` overrides with the text as written. */
export function reportFromJson(obj: unknown, source: string, registry: FormatRegistry): Report {
  if (!isRecord(obj)) throw new InputError('不是报表对象');
  const year = typeof obj.year === 'number' ? obj.year : Number(obj.year);
  if (!Number.isInteger(year)) throw new InputError('缺少报告年度（year）');
  const office = typeof obj.office === 'string' ? obj.office : '';
  const formatId = typeof obj.format === 'string' ? obj.format : registry.forYear(year)?.id;
  if (!formatId) throw new InputError(`${year} 年度没有法定表格格式，且未注明格式（format）`);
  const format = registry.byId(formatId);
  if (!format) throw new InputError(`未知的表格格式“${formatId}”`);
  if (!isRecord(obj.cells)) throw new InputError('缺少单元格数据（cells）');
  const cells = obj.cells;
  const raw = isRecord(obj.raw) ? obj.raw : {};
  const unknown = Object.keys(cells).filter((k) => !format.index.has(k));
  if (unknown.length) throw new InputError(`含有${format.def.name}格式中不存在的单元格编号：${unknown.slice(0, 5).join('、')}`);

  const readings = format.cells.map((c) => {
    if (typeof raw[c.id] === 'string') return readCell(raw[c.id], c.kind);
    if (!(c.id in cells)) return undefined;
    return readCell(cells[c.id], c.kind);
  });
  const level = typeof obj.level === 'string' && (LEVELS as string[]).includes(obj.level) ? (obj.level as Level) : undefined;
  const members = Array.isArray(obj.members) ? obj.members.filter((m): m is string => typeof m === 'string') : undefined;
  const descendants = Array.isArray(obj.descendants) ? obj.descendants.filter((m): m is string => typeof m === 'string') : undefined;
  const confirmed = isRecord(obj.confirmed) ? (Object.fromEntries(Object.entries(obj.confirmed).filter(([, v]) => typeof v === 'string')) as Record<string, string>) : undefined;
  return { source, office, year, format: format.id, level, members, descendants, readings, confirmed };
}

/** Reads a JSON document: one report object or `{"reports": [...]}`. */
export function reportsFromJsonText(text: string, source: string, registry: FormatRegistry): Report[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new InputError('不是有效的 JSON 文件');
  }
  if (isRecord(doc) && Array.isArray(doc.reports)) {
    return doc.reports.map((r, i) => {
      const id = isRecord(r) && typeof r.id === 'string' ? r.id : String(i + 1);
      return reportFromJson(r, `${source}#${id}`, registry);
    });
  }
  return [reportFromJson(doc, source, registry)];
}

/** A finding as the contract prints it: the optional fields (expected, actual, fix, quote, place) only when present. */
export function findingToJson(f: Finding): Finding {
  const out: Finding = { rule: f.rule, severity: f.severity, cells: f.cells, message: f.message };
  if (f.expected !== undefined) out.expected = f.expected;
  if (f.actual !== undefined) out.actual = f.actual;
  if (f.fix !== undefined) out.fix = f.fix;
  if (f.quote !== undefined) out.quote = f.quote;
  if (f.place !== undefined) {
    const place: NonNullable<Finding['place']> = { paragraph: f.place.paragraph };
    if (f.place.section !== undefined) place.section = f.place.section;
    if (f.place.page !== undefined) place.page = f.place.page;
    out.place = place;
  }
  return out;
}

export function reportToJson(report: Report, findings: Finding[], registry: FormatRegistry, confirmed: { finding: Finding; explanation: string }[] = []): ReportJson {
  const format = registry.formatOf(report);
  const cells: Record<string, number | null> = {};
  const raw: Record<string, string> = {};
  for (const c of format.cells) {
    const r = report.readings[c.index];
    if (!r) continue;
    cells[c.id] = r.value;
    if (r.raw !== undefined) raw[c.id] = r.raw;
  }
  const out: ReportJson = {
    source: report.source,
    office: report.office,
    year: report.year,
    format: report.format,
    cells,
    raw,
    findings: findings.map(findingToJson),
  };
  if (report.level) out.level = report.level;
  if (report.members) out.members = report.members;
  if (report.descendants) out.descendants = report.descendants;
  if (confirmed.length) out.confirmed = confirmed.map((c) => ({ rule: c.finding.rule, cells: c.finding.cells, explanation: c.explanation }));
  return out;
}
