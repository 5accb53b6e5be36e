/**
 * Consolidation (逐级汇总): the summary of many reports, cell by cell by cell id.
 * Mixed formats, mixed years and double counting are refused; unreadable text is
 * never summed as 0, so the affected summary cells say which member broke them.
 */
import type { FormatRegistry } from '../formats';
import { formats as defaultRegistry } from '../formats';
import type { Level, Report } from '../model/report';
import { UserError } from '../model/user-error';
import { fmt, type Reading } from '../model/values';
import { validate, countBySeverity } from '../rules/engine';
import type { Finding } from '../model/finding';
import { deadlineText, dueDate, matchRoster, type RosterEntry } from './roster';
import { pickVersions, rectificationText, rectify, timeText, versionText, whyUnordered, type Rectification } from './versions';

export interface ConsolidateRequest {
  office: string;
  level?: Level;
  registry?: FormatRegistry;
  /** The units that must report: missing ones are named, unlisted ones questioned, excluded ones never summed. */
  roster?: RosterEntry[];
}

export interface MemberStatus {
  report: Report;
  findings: Finding[];
  errors: number;
  warnings: number;
  confirmed: { finding: Finding; explanation: string }[];
}

/** The roster held against the reports received. */
export interface Completeness {
  /** The reporting year the deadlines are for. */
  year: number;
  /** Expected units, in roster order, with their report (if any) and a likely misspelt member. */
  expected: { entry: RosterEntry; member?: MemberStatus; likely?: string }[];
  /** 不纳入汇总 units, with a report that came anyway (listed, never summed). */
  excluded: { entry: RosterEntry; member?: MemberStatus }[];
  /** Members not on the roster, with the likely roster name. */
  unlisted: { member: MemberStatus; likely?: string }[];
}

/** An office that sent more than one version: the latest counted, the others listed, what changed. */
export interface VersionHistory {
  office: string;
  year: number;
  /** The version counted: the latest. */
  latest: MemberStatus;
  /** The versions not counted, newest first. */
  older: Report[];
  /** The latest held against the version just before it. */
  rectification: Rectification;
}

export type Consolidation =
  | { ok: true; summary: Report; members: MemberStatus[]; findings: Finding[]; completeness?: Completeness; versions: VersionHistory[] }
  | { ok: false; findings: Finding[]; members: MemberStatus[]; completeness?: Completeness; versions: VersionHistory[] };

/** Every office a report stands for: itself and, for a summary, everything below it. */
export function officesOf(r: Report): string[] {
  return [r.office, ...(r.descendants ?? r.members ?? [])];
}

function refusals(members: Report[], registry: FormatRegistry): Finding[] {
  const out: Finding[] = [];
  const formatIds = [...new Set(members.map((m) => m.format))];
  if (formatIds.length > 1) {
    const by = formatIds.map(
      (f) =>
        `${registry.formatOf({ format: f }).def.name}格式：${members
          .filter((m) => m.format === f)
          .map((m) => m.office)
          .join('、')}`,
    );
    out.push({ rule: 'summary.format_mixed', severity: 'error', cells: [], message: `成员报表使用了不同的表格格式，不能相加（${by.join('；')}）。请只汇总同一格式的报表。` });
  }
  const years = [...new Set(members.map((m) => m.year))];
  if (years.length > 1) {
    const by = years.map(
      (y) =>
        `${y} 年度：${members
          .filter((m) => m.year === y)
          .map((m) => m.office)
          .join('、')}`,
    );
    out.push({ rule: 'summary.year_mixed', severity: 'error', cells: [], message: `成员报表的年度不同，不能相加（${by.join('；')}）。同一单位不同年度的报表不是两个成员。` });
  }
  const owner = new Map<string, Report>();
  for (const m of members) {
    for (const office of officesOf(m)) {
      const first = owner.get(office);
      if (!first) {
        owner.set(office, m);
        continue;
      }
      // Two versions of one year that cannot be ordered say why, so the clerk knows which to keep.
      const why = first.year === m.year ? whyUnordered(members.filter((r) => r.office === office && r.year === m.year)) : undefined;
      const message =
        first.office === office && m.office === office
          ? `「${office}」出现了两次（${first.source}、${m.source}），${why ? `${why}，` : ''}会被重复计算。请只保留一份。`
          : `「${office}」已包含在汇总表「${first.office === office ? m.office : first.office}」中，又作为单独成员出现，会被重复计算。请去掉其中之一。`;
      out.push({ rule: 'summary.duplicate_member', severity: 'error', cells: [], message });
    }
  }
  return out;
}

function memberStatus(report: Report, registry: FormatRegistry): MemberStatus {
  const v = validate(report, { registry });
  const n = countBySeverity(v.findings);
  return { report, findings: v.findings, errors: n.error, warnings: n.warning, confirmed: v.confirmed };
}

/** Sums cell by cell. A cell any member cannot give a number for stays unreadable and says why. */
export function sumReadings(members: Report[], cellCount: number): (Reading | undefined)[] {
  const out: (Reading | undefined)[] = new Array(cellCount);
  for (let i = 0; i < cellCount; i++) {
    let sum = 0;
    const broken: string[] = [];
    for (const m of members) {
      const r = m.readings[i];
      if (!r) broken.push(`${m.office}缺少此格`);
      else if (r.status === 'invalid') broken.push(`${m.office}为“${r.raw ?? ''}”`);
      else sum += r.value ?? 0;
    }
    out[i] = broken.length
      ? { value: null, status: 'invalid', raw: `无法汇总：${broken.slice(0, 3).join('，')}${broken.length > 3 ? ` 等 ${broken.length} 个成员` : ''}` }
      : { value: Math.round(sum * 1e8) / 1e8, status: 'number' };
  }
  return out;
}

function checkRoster(roster: RosterEntry[], statuses: MemberStatus[], year: number): { completeness: Completeness; findings: Finding[] } {
  const m = matchRoster(
    roster,
    statuses.map((s) => s.report.office),
  );
  const completeness: Completeness = {
    year,
    expected: m.expected.map((x) => ({ entry: x.entry, ...(x.report !== undefined ? { member: statuses[x.report] } : {}), ...(x.likely ? { likely: x.likely } : {}) })),
    excluded: m.excluded.map((x) => ({ entry: x.entry, ...(x.report !== undefined ? { member: statuses[x.report] } : {}) })),
    unlisted: m.unlisted.map((x) => ({ member: statuses[x.report], ...(x.likely ? { likely: x.likely } : {}) })),
  };
  const findings: Finding[] = [];
  for (const x of completeness.expected) {
    if (x.member) continue;
    const due = x.entry.deadline ? `，截止日期 ${deadlineText(x.entry.deadline)}` : `，截止日期 ${dueDate(x.entry, year)}（${x.entry.level}）`;
    const hint = x.likely ? `成员中的「${x.likely}」名称相近，如是同一单位，请统一名称。` : '请催报，或确认该单位是否应在名单中。';
    findings.push({ rule: 'summary.member_missing', severity: 'warning', cells: [], message: `报送名单中的「${x.entry.name}」没有报表${due}。${hint}` });
  }
  for (const x of completeness.unlisted) {
    const office = x.member.report.office;
    const hint = x.likely ? `可能是名单中的「${x.likely}」（名称写法不同），请统一名称。` : '请确认它是否应纳入汇总，应纳入的请加入名单。';
    findings.push({ rule: 'summary.member_unlisted', severity: 'warning', cells: [], message: `成员「${office}」不在报送名单中，已照常汇总。${hint}` });
  }
  return { completeness, findings };
}

export function consolidate(members: Report[], req: ConsolidateRequest): Consolidation {
  const registry = req.registry ?? defaultRegistry;
  const office = req.office.trim();
  // Nothing to sum is a request to refuse, not a finding about any report.
  if (!members.length) throw new UserError('没有可汇总的报表：请至少选择一份成员报表。', { code: 'no_members' });
  // An office's versions: only the latest goes on; two versions are never both summed.
  const picked = pickVersions(members);
  const all = picked.counted.map((m) => memberStatus(m, registry));
  const statusOf = new Map(all.map((s) => [s.report, s]));
  const versions: VersionHistory[] = picked.groups.map((g) => {
    const latest = statusOf.get(g[g.length - 1])!;
    const before = memberStatus(g[g.length - 2], registry);
    return { office: latest.report.office, year: latest.report.year, latest, older: g.slice(0, -1).reverse(), rectification: rectify(before, latest, registry) };
  });
  const checked = req.roster ? checkRoster(req.roster, all, members[0].year) : undefined;
  const completeness = checked?.completeness;
  // 不纳入汇总 units are listed, never summed, even when their report came.
  const left = new Set(completeness?.excluded.map((x) => x.member).filter((x) => x) ?? []);
  const statuses = all.filter((s) => !left.has(s));
  const summed = statuses.map((s) => s.report);
  if (!summed.length) throw new UserError('所选报表都属于报送名单中“不纳入汇总”的单位，没有可汇总的报表。', { code: 'no_members' });
  const refused = refusals(summed, registry);
  if (refused.length) return { ok: false, findings: refused, members: statuses, completeness, versions };
  const format = registry.formatOf(summed[0]);
  const summary: Report = {
    source: office,
    office,
    year: summed[0].year,
    format: format.id,
    level: req.level,
    members: summed.map((m) => m.office),
    descendants: [...new Set(summed.flatMap(officesOf))],
    readings: sumReadings(summed, format.cells.length),
  };
  const findings: Finding[] = statuses
    .filter((s) => s.errors > 0)
    .map((s) => ({
      rule: 'summary.member_invalid',
      severity: 'warning' as const,
      cells: [],
      message: `成员「${s.report.office}」有 ${s.errors} 个错误，汇总数已照原数相加，错误会带入汇总表。请该单位改正后重新汇总。`,
    }));
  findings.push(...(checked?.findings ?? []));
  findings.push(...versions.map(supersededFinding));
  return { ok: true, summary, members: statuses, findings, completeness, versions };
}

/** summary.version_superseded: every version not counted is named with its time, and what the latest changed. */
function supersededFinding(v: VersionHistory): Finding {
  const latest = v.latest.report;
  const when = latest.submitted ? `（报送时间 ${timeText(latest.submitted)}）` : '';
  return {
    rule: 'summary.version_superseded',
    severity: 'info',
    cells: [],
    message:
      `「${v.office}」报送了 ${v.older.length + 1} 个版本，计入最新的 ${latest.source}${when}；` +
      `未计入：${v.older.map(versionText).join('、')}。与上一版相比：${rectificationText(v.rectification)}。` +
      '如某个版本实为其他单位套用了本单位的表格，请核对单位名称。',
  };
}

/**
 * summary.mismatch: a summary whose members are all present is checked cell by cell
 * against the sum of their cells.
 */
export function checkSummary(summary: Report, all: Report[], registry: FormatRegistry = defaultRegistry): Finding[] {
  if (!summary.members?.length) return [];
  // A member sent in several versions is checked by the one a consolidation counts: the latest.
  const members = summary.members.map((o) => {
    const versions = all.filter((r) => r !== summary && r.office === o && r.year === summary.year && r.format === summary.format);
    const counted = pickVersions(versions).counted;
    return counted.length === 1 ? counted[0] : undefined;
  });
  if (members.some((m) => !m)) return [];
  const format = registry.formatOf(summary);
  const sums = sumReadings(members as Report[], format.cells.length);
  const out: Finding[] = [];
  for (const c of format.cells) {
    const want = sums[c.index];
    const have = summary.readings[c.index];
    if (!want || want.status === 'invalid' || !have || have.status === 'invalid') continue;
    const h = have.value ?? 0;
    if (Math.abs((want.value ?? 0) - h) > 1e-6)
      out.push({
        rule: 'summary.mismatch',
        severity: 'error',
        cells: [c.id],
        message: `汇总表「${c.rowLabel}」×「${c.columnLabel}」为 ${fmt(h)}，但 ${members.length} 个成员之和为 ${fmt(want.value)}。`,
        expected: want.value ?? 0,
        actual: h,
      });
  }
  return out;
}
