/**
 * The reporting season at a glance (报送情况): every unit that must report or did, with its state,
 * deadline, submission times and versions; the counts of the status circular; and who is owed a
 * 退回意见. The overview sheet, the status sheet, the circular and the notices all read this.
 */
import type { Report } from '../model/report';
import type { Completeness, MemberStatus, VersionHistory } from './consolidate';
import { daysBetween, dueDate, type RosterEntry } from './roster';
import { dayOf, submittedMs } from './versions';

export type UnitState = '未报送' | '有错误' | '有警告' | '已确认' | '通过' | '不纳入汇总';

/** What needs acting on first: missing, then errors, warnings. */
const STATE_ORDER: UnitState[] = ['未报送', '有错误', '有警告', '已确认', '通过', '不纳入汇总'];

function memberState(s: MemberStatus): UnitState {
  return s.errors ? '有错误' : s.warnings ? '有警告' : s.confirmed.length ? '已确认' : '通过';
}

/** A 退回意见 is owed by an errors, or a warning without 出错说明 (confirmed ones are not among the findings). */
function needsNotice(s: MemberStatus): boolean {
  return s.errors > 0 || s.warnings > 0;
}

export interface SeasonUnit {
  office: string;
  state: UnitState;
  /** Its report as counted (the latest version). */
  member?: MemberStatus;
  entry?: RosterEntry;
  /** What the roster match says about it: a near miss, not on the roster, left out. */
  notes: string[];
  /** Its versions, when it sent more than one. */
  history?: VersionHistory;
  /** Its deadline, YYYY-MM-DD, when on the roster. */
  due?: string;
  /** Days past the deadline as of today (negative: days left), when on the roster. */
  pastDue?: number;
  /** Days its first version came after the deadline (0 when in time), when on the roster and its time is known. */
  lateBy?: number;
}

export interface SeasonCounts {
  /** On the roster and expected (不纳入汇总 aside); undefined without a roster. */
  expected?: number;
  /** Reported: with a roster, the units on it that did; 通过, 有错误 and 有警告 split these. */
  reported: number;
  passed: number;
  withErrors: number;
  withWarnings: number;
  missing?: number;
  /** Missing and past the deadline. */
  overdue?: number;
  /** Reported, but after the deadline. */
  lateReported: number;
  unlisted: number;
  excluded: number;
  resubmitted: number;
}

export interface Season {
  /** The consolidating office, as the summary names it. */
  office: string;
  year: number;
  /** YYYY-MM-DD: what deadlines are judged against. */
  today: string;
  rosterGiven: boolean;
  /** One per unit, what needs acting on first. */
  units: SeasonUnit[];
  versions: VersionHistory[];
  counts: SeasonCounts;
}

/** Every version of a unit's report: the latest and those it superseded. */
export function versionsOf(u: SeasonUnit): Report[] {
  return u.member ? [u.member.report, ...(u.history?.older ?? [])] : [];
}

/** When the unit first reported, where known: its earliest version's time. */
export function firstSubmitted(u: SeasonUnit): string | undefined {
  const timed = versionsOf(u).filter((r) => submittedMs(r) !== undefined);
  if (!timed.length) return undefined;
  return timed.reduce((a, b) => (submittedMs(b)! < submittedMs(a)! ? b : a)).submitted;
}

function unitsOf(members: MemberStatus[], completeness: Completeness | undefined): SeasonUnit[] {
  const fromMember = (member: MemberStatus): SeasonUnit => ({ office: member.report.office, state: memberState(member), member, notes: [] });
  if (!completeness) return members.map(fromMember);
  const units: SeasonUnit[] = [];
  for (const x of completeness.expected) {
    if (x.member) units.push({ ...fromMember(x.member), entry: x.entry });
    else units.push({ office: x.entry.name, state: '未报送', entry: x.entry, notes: x.likely ? [`成员「${x.likely}」名称相近，如是同一单位请统一名称`] : [] });
  }
  for (const x of completeness.unlisted) units.push({ ...fromMember(x.member), notes: [`不在报送名单中${x.likely ? `，可能是名单中的「${x.likely}」` : ''}`] });
  for (const x of completeness.excluded)
    units.push({ office: x.entry.name, state: '不纳入汇总', entry: x.entry, notes: [x.member ? '垂直管理等不纳入汇总的单位：报表已收到，未计入汇总' : '垂直管理等不纳入汇总的单位'] });
  return units;
}

export function seasonOf(result: { members: MemberStatus[]; completeness?: Completeness; versions: VersionHistory[] }, at: { office: string; year: number; today: string }): Season {
  const units = unitsOf(result.members, result.completeness);
  const histories = new Map(result.versions.map((v) => [v.latest, v]));
  for (const u of units) {
    u.history = u.member && histories.get(u.member);
    if (!u.entry) continue;
    u.due = dueDate(u.entry, at.year);
    u.pastDue = daysBetween(u.due, at.today);
    const first = firstSubmitted(u);
    if (first) u.lateBy = Math.max(0, daysBetween(u.due, dayOf(first)));
  }
  const order = (u: SeasonUnit) => u.entry?.line ?? Number.MAX_SAFE_INTEGER;
  units.sort((a, b) => STATE_ORDER.indexOf(a.state) - STATE_ORDER.indexOf(b.state) || order(a) - order(b) || a.office.localeCompare(b.office, 'zh'));
  const c = result.completeness;
  const missing = units.filter((u) => u.state === '未报送');
  // 已报 and what it splits into count the same units: with a roster, those on it (名单外 are counted apart).
  const reported = units.filter((u) => u.member && (!c || u.entry)).map((u) => u.member!);
  const counts: SeasonCounts = {
    ...(c ? { expected: c.expected.length, missing: missing.length, overdue: missing.filter((u) => (u.pastDue ?? 0) > 0).length } : {}),
    reported: reported.length,
    passed: reported.filter((m) => !m.errors && !m.warnings).length,
    withErrors: reported.filter((m) => m.errors).length,
    withWarnings: reported.filter((m) => !m.errors && m.warnings).length,
    lateReported: units.filter((u) => u.member && (u.lateBy ?? 0) > 0).length,
    unlisted: c?.unlisted.length ?? 0,
    excluded: c?.excluded.length ?? 0,
    resubmitted: result.versions.length,
  };
  return { office: at.office, year: at.year, today: at.today, rosterGiven: !!c, units, versions: result.versions, counts };
}

/** Where a unit stands against its deadline, in words: 逾期 3 天 / 剩 5 天 for one missing; 按时报送 / 逾期 2 天报送 for one that reported. */
export function standingText(u: SeasonUnit): string | undefined {
  if (u.state === '不纳入汇总' || u.pastDue === undefined) return undefined;
  if (u.state === '未报送') return u.pastDue > 0 ? `逾期 ${u.pastDue} 天` : `剩 ${-u.pastDue} 天`;
  if (u.lateBy === undefined) return '已报送';
  return u.lateBy > 0 ? `逾期 ${u.lateBy} 天报送` : '按时报送';
}

/** Days overdue: a missing unit's days past its deadline, or how late a unit's first version came; undefined when unknown. */
export function overdueDays(u: SeasonUnit): number | undefined {
  if (u.state === '不纳入汇总') return undefined;
  if (u.state === '未报送') return u.pastDue === undefined ? undefined : Math.max(0, u.pastDue);
  return u.lateBy;
}

/** The circular's counts as label and number, in the order a circular states them; counts without a roster left out. */
export function countLines(c: SeasonCounts): [string, number][] {
  const lines: [string, number | undefined][] = [
    ['应报', c.expected],
    ['已报', c.reported],
    ['通过', c.passed],
    ['有错误', c.withErrors],
    ['有警告', c.withWarnings],
    ['未报送', c.missing],
    ['逾期未报送', c.overdue],
    ['逾期报送', c.lateReported],
    ['重新报送', c.resubmitted],
    ['名单外', c.unlisted],
    ['不纳入汇总', c.excluded],
  ];
  return lines.filter((l): l is [string, number] => l[1] !== undefined);
}

/** A week: long enough to correct and re-approve a report, short enough to stay inside the statutory deadlines. */
const RESUBMIT_DAYS = 7;

/** The day corrected versions are due by default: RESUBMIT_DAYS after today (YYYY-MM-DD). */
export function defaultResubmitBy(today: string): string {
  const d = new Date(Date.parse(`${today}T00:00:00Z`) + RESUBMIT_DAYS * 86400000);
  return d.toISOString().slice(0, 10);
}

/** The units owed a 退回意见: counted members with an error or an unexplained warning. */
export function noticeUnits(season: Season): SeasonUnit[] {
  return season.units.filter((u) => u.member && u.state !== '不纳入汇总' && needsNotice(u.member));
}
