/**
 * Resubmissions (重新报送): several reports of one office and year are versions of one
 * submission, not two members. The latest by submission time is counted; the others are
 * superseded, never summed and never dropped without a word. The latest is held against the
 * version before it: which problems were fixed, which remain, which are new, and every cell
 * whose value changed, asked for or not.
 */
import type { FormatRegistry } from '../formats';
import type { CompiledFormat } from '../formats/compile';
import { findingKey, type Finding } from '../model/finding';
import { UNKNOWN_OFFICE, type Report } from '../model/report';
import type { Reading } from '../model/values';
import { cellLabel, readingText } from '../rules/messages';
import { canonicalName } from './roster';

/** A report's submission time in ms, when it has a readable one. */
export function submittedMs(r: Report): number | undefined {
  if (!r.submitted) return undefined;
  const t = Date.parse(r.submitted);
  return Number.isFinite(t) ? t : undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A submission time as a clerk reads it, in this computer's time zone: 2025-01-20 10:31. */
export function timeText(iso: string): string {
  const d = new Date(iso);
  if (!Number.isFinite(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The calendar day of a submission time, YYYY-MM-DD in this computer's time zone (deadlines are days). */
export function dayOf(iso: string): string {
  return timeText(iso).slice(0, 10);
}

/** A report as named in a list of versions: its source and, when known, its time. */
export function versionText(r: Report): string {
  return r.submitted ? `${r.source}（${timeText(r.submitted)}）` : `${r.source}（报送时间不明）`;
}

/** Which reports are versions of one another: the same office (width and spaces aside) and year. */
export function versionKey(r: Report): string | undefined {
  const office = canonicalName(r.office);
  // Reports nothing names are never taken for versions of one another.
  if (!office || r.office === UNKNOWN_OFFICE) return undefined;
  return `${office}|${r.year}`;
}

export interface VersionPick {
  /** The reports to count, in the order given: one per office and year where the latest is known. */
  counted: Report[];
  /** Offices sent more than once whose latest is known: each oldest first, the last one counted. */
  groups: Report[][];
  /** Offices sent more than once whose latest cannot be told (a time missing, or two latest at once): all kept, so the duplicate is refused. */
  ambiguous: Report[][];
}

/** The latest version of each office and year, by submission time; a tie or a missing time is never guessed. */
export function pickVersions(reports: Report[]): VersionPick {
  const byKey = new Map<string, Report[]>();
  for (const r of reports) {
    const k = versionKey(r);
    if (k === undefined) continue;
    byKey.set(k, [...(byKey.get(k) ?? []), r]);
  }
  const superseded = new Set<Report>();
  const groups: Report[][] = [];
  const ambiguous: Report[][] = [];
  for (const list of byKey.values()) {
    if (list.length < 2) continue;
    const times = list.map(submittedMs);
    const latest = Math.max(...times.map((t) => t ?? -Infinity));
    if (times.some((t) => t === undefined) || times.filter((t) => t === latest).length > 1) {
      ambiguous.push(list);
      continue;
    }
    const ordered = [...list].sort((a, b) => submittedMs(a)! - submittedMs(b)!);
    ordered.slice(0, -1).forEach((r) => superseded.add(r));
    groups.push(ordered);
  }
  return { counted: reports.filter((r) => !superseded.has(r)), groups, ambiguous };
}

/**
 * Why the versions of one office and year cannot be ordered, in words, as `pickVersions` judges
 * them: the versions without a time, else those that share the latest time; undefined when none
 * has a time.
 */
export function whyUnordered(versions: Report[]): string | undefined {
  const times = versions.map(submittedMs);
  if (times.every((t) => t === undefined)) return undefined;
  const untimed = versions.filter((_, i) => times[i] === undefined);
  if (untimed.length) return `${untimed.map((r) => r.source).join('、')}没有报送时间，无法判断哪一份是新版本`;
  const latest = Math.max(...(times as number[]));
  const tied = versions.filter((_, i) => times[i] === latest);
  const who = tied.length < versions.length ? tied.map((r) => r.source).join('、') : tied.length === 2 ? '两份' : `${tied.length}份`;
  return `${who}的报送时间相同（${timeText(tied[0].submitted!)}），无法判断哪一份是新版本`;
}

// ---------------------------------------------------------------------------
// What a resubmission fixed.

/** 整改情况 of an office that sent more than one version, as the overview says it. */
export type RectificationState = '已整改' | '部分整改' | '未整改' | '新增问题' | '无需整改';

/** One cell whose value differs between the version before and the latest. */
export interface CellChange {
  cell: string;
  /** In words, with its table: 「依申请公开」表「（七）总计」×「自然人」. */
  label: string;
  before: string;
  after: string;
  /** The cell was among those the version before was asked about (its errors and unexplained warnings). */
  asked: boolean;
}

export interface Rectification {
  state: RectificationState;
  /** Problems the version before was asked about that are gone. */
  fixed: Finding[];
  /** Warnings asked about that now carry an 出错说明. */
  explained: Finding[];
  /** Problems asked about that are still there. */
  remaining: Finding[];
  /** Problems the version before did not have. */
  added: Finding[];
  changes: CellChange[];
}

/** What a notice asks about: errors, and warnings without 出错说明 (a confirmed one is not among the findings). */
function asked(findings: Finding[]): Finding[] {
  return findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
}

/** A cell in words with its table, so a list of cells from several tables reads unambiguously. */
function cellInWords(format: CompiledFormat, cellId: string): string {
  const c = format.cells[format.index.get(cellId)!];
  const table = format.def.tables.find((t) => t.id === c.table);
  return `${table ? `「${table.shortTitle}」表` : ''}${cellLabel(c)}`;
}

function sameReading(a: Reading | undefined, b: Reading | undefined): boolean {
  if (!a || !b) return a === b;
  return a.status === b.status && a.value === b.value && (a.raw ?? '') === (b.raw ?? '');
}

interface Checked {
  report: Report;
  findings: Finding[];
  confirmed: { finding: Finding; explanation: string }[];
}

/** The latest version held against the one before: problems fixed, explained, remaining and new; every changed cell. */
export function rectify(before: Checked, latest: Checked, registry: FormatRegistry): Rectification {
  const was = asked(before.findings);
  const now = asked(latest.findings);
  const nowKeys = new Set(now.map(findingKey));
  const wasKeys = new Set(was.map(findingKey));
  const explainedKeys = new Set(latest.confirmed.map((c) => findingKey(c.finding)));
  const remaining = was.filter((f) => nowKeys.has(findingKey(f)));
  const explained = was.filter((f) => !nowKeys.has(findingKey(f)) && explainedKeys.has(findingKey(f)));
  const fixed = was.filter((f) => !nowKeys.has(findingKey(f)) && !explainedKeys.has(findingKey(f)));
  const added = now.filter((f) => !wasKeys.has(findingKey(f)));
  const resolved = fixed.length + explained.length;
  const state: RectificationState = !was.length ? (added.length ? '新增问题' : '无需整改') : !remaining.length ? (added.length ? '新增问题' : '已整改') : resolved ? '部分整改' : '未整改';
  return { state, fixed, explained, remaining, added, changes: changedCells(before.report, latest.report, was, registry) };
}

/** Every cell whose value differs, in the latest version's cell order; cells of one format only are compared by id. */
function changedCells(before: Report, latest: Report, was: Finding[], registry: FormatRegistry): CellChange[] {
  const format = registry.formatOf(latest);
  const old = registry.formatOf(before);
  const askedCells = new Set(was.flatMap((f) => [...f.cells, ...(f.fix ? [f.fix.cell] : [])]));
  const out: CellChange[] = [];
  for (const c of format.cells) {
    const j = old.index.get(c.id);
    const a = j === undefined ? undefined : before.readings[j];
    const b = latest.readings[c.index];
    if (sameReading(a, b)) continue;
    out.push({ cell: c.id, label: cellInWords(format, c.id), before: j === undefined ? '（无此格）' : readingText(a), after: readingText(b), asked: askedCells.has(c.id) });
  }
  return out;
}

/** The rectification in a line: 已整改（改正 3 项）；改动 4 个单元格，其中 1 个未要求修改. */
export function rectificationText(r: Rectification): string {
  const parts: string[] = [];
  if (r.fixed.length) parts.push(`改正 ${r.fixed.length} 项`);
  if (r.explained.length) parts.push(`说明 ${r.explained.length} 项`);
  if (r.remaining.length) parts.push(`仍有 ${r.remaining.length} 项未改正`);
  if (r.added.length) parts.push(`新增 ${r.added.length} 项问题`);
  const unasked = r.changes.filter((c) => !c.asked).length;
  const cells = r.changes.length ? `改动 ${r.changes.length} 个单元格${unasked ? `，其中 ${unasked} 个不在退回意见所列问题中` : ''}` : '与上一版相比没有改动任何单元格';
  return `${r.state}${parts.length ? `（${parts.join('，')}）` : ''}；${cells}`;
}
