/**
 * The reporting season unit by unit, built by hand so every expected value can be worked out on
 * paper: each unit's state, notes, deadline standing and days overdue; the order units are listed
 * in; the circular's counts and their labels; who is owed a 退回意见; the versions and the first
 * submission time of a unit that resubmitted.
 */
import type { Completeness, MemberStatus, VersionHistory } from '../../src/consolidate/consolidate';
import type { RosterEntry } from '../../src/consolidate/roster';
import { countLines, firstSubmitted, noticeUnits, overdueDays, seasonOf, standingText, versionsOf, type SeasonCounts, type SeasonUnit } from '../../src/consolidate/season';
import type { Rectification } from '../../src/consolidate/versions';
import { formats } from '../../src/formats';
import type { Report } from '../../src/model/report';
import { reportFromCells } from '../helpers/random-report';

const F = formats.byId('gov-2021')!;
const YEAR = 2024;
/** Local time, so the day a clerk sees is the day written here whatever the machine's zone. */
const on = (month: number, day: number, hour = 9) => new Date(2025, month - 1, day, hour).toISOString();

function report(office: string, submitted?: string, source = `${office}.xlsx`): Report {
  return reportFromCells(F, {}, { office, year: YEAR, source, ...(submitted ? { submitted } : {}) });
}

function member(office: string, findings: { errors?: number; warnings?: number; confirmed?: number; submitted?: string } = {}): MemberStatus {
  const confirmed = Array.from({ length: findings.confirmed ?? 0 }, () => ({ finding: { rule: 'x', severity: 'warning' as const, cells: [], message: '' }, explanation: '数据无误' }));
  return { report: report(office, findings.submitted), findings: [], errors: findings.errors ?? 0, warnings: findings.warnings ?? 0, confirmed };
}

function entry(name: string, line: number, more: Partial<RosterEntry> = {}): RosterEntry {
  return { name, level: '部门', levelGiven: true, excluded: false, line, ...more };
}

function history(latest: MemberStatus, older: Report[]): VersionHistory {
  return { office: latest.report.office, year: YEAR, latest, older, rectification: { state: '已整改', fixed: [], explained: [], remaining: [], added: [], changes: [] } as Rectification };
}

const unit = (state: SeasonUnit['state'], more: Partial<SeasonUnit> = {}): SeasonUnit => ({ office: '某单位', state, notes: [], ...more });

/**
 * A county season judged on 2025-02-10. 部门 are due 2025-01-31, 乡镇 2025-03-31.
 * On the roster (line: unit): 2 县财政局 errors, in time (01-15); 3 县教育局 a warning, 3 days late (02-03);
 * 4 县民政局 a confirmed warning, time unknown; 5 县司法局 passes, first sent 01-20 and again 02-05;
 * 6 城关镇 missing, 49 days left; 7 县审计局 missing, 10 days overdue; 8 县统计局 missing, due today;
 * 9 某县税务局 不纳入汇总, nothing sent. Not on the roster: 县审计所 (passes, likely 县审计局) and 县档案馆 (a warning).
 */
const TODAY = '2025-02-10';
function countySeason() {
  const fin = member('县财政局', { errors: 2, submitted: on(1, 15) });
  const edu = member('县教育局', { warnings: 1, submitted: on(2, 3) });
  const civ = member('县民政局', { confirmed: 1 });
  const justiceFirst = report('县司法局', on(1, 20), '县司法局（首次）.xlsx');
  const justice = member('县司法局', { submitted: on(2, 5) });
  const auditOffice = member('县审计所');
  const archive = member('县档案馆', { warnings: 1 });
  const completeness: Completeness = {
    year: YEAR,
    expected: [
      { entry: entry('县财政局', 2), member: fin },
      { entry: entry('县教育局', 3), member: edu },
      { entry: entry('县民政局', 4), member: civ },
      { entry: entry('县司法局', 5), member: justice },
      { entry: entry('城关镇', 6, { level: '乡镇' }) },
      { entry: entry('县审计局', 7), likely: '县审计所' },
      { entry: entry('县统计局', 8, { deadline: { year: 2025, month: 2, day: 10 } }) },
    ],
    unlisted: [{ member: auditOffice, likely: '县审计局' }, { member: archive }],
    excluded: [{ entry: entry('某县税务局', 9, { excluded: true }) }],
  };
  const versions = [history(justice, [justiceFirst])];
  const season = seasonOf({ members: [fin, edu, civ, justice, auditOffice, archive], completeness, versions }, { office: '某县', year: YEAR, today: TODAY });
  return { season, justice, justiceFirst, versions };
}

describe('a season with a roster', () => {
  const { season, justice, justiceFirst, versions } = countySeason();
  const byOffice = (office: string) => season.units.find((u) => u.office === office)!;

  test('keeps the office, year, day judged and the versions, and says a roster was given', () => {
    expect([season.office, season.year, season.today, season.rosterGiven]).toEqual(['某县', YEAR, TODAY, true]);
    expect(season.versions).toBe(versions);
  });

  test('lists missing units first, then errors, warnings, confirmed, passed and 不纳入汇总; within a state roster units by line, unlisted ones after', () => {
    expect(season.units.map((u) => [u.office, u.state])).toEqual([
      ['城关镇', '未报送'],
      ['县审计局', '未报送'],
      ['县统计局', '未报送'],
      ['县财政局', '有错误'],
      ['县教育局', '有警告'],
      ['县档案馆', '有警告'],
      ['县民政局', '已确认'],
      ['县司法局', '通过'],
      ['县审计所', '通过'],
      ['某县税务局', '不纳入汇总'],
    ]);
  });

  test('notes a near-miss name on a missing unit, an unlisted member with or without a likely roster name, and an excluded unit that sent nothing', () => {
    expect(byOffice('县审计局').notes).toEqual(['成员「县审计所」名称相近，如是同一单位请统一名称']);
    expect(byOffice('城关镇').notes).toEqual([]);
    expect(byOffice('县统计局').notes).toEqual([]);
    expect(byOffice('县审计所').notes).toEqual(['不在报送名单中，可能是名单中的「县审计局」']);
    expect(byOffice('县档案馆').notes).toEqual(['不在报送名单中']);
    expect(byOffice('某县税务局').notes).toEqual(['垂直管理等不纳入汇总的单位']);
    expect(byOffice('县财政局').notes).toEqual([]);
  });

  test('gives roster units their deadline and days past it; unlisted units have neither', () => {
    expect(byOffice('县财政局')).toMatchObject({ due: '2025-01-31', pastDue: 10 });
    expect(byOffice('城关镇')).toMatchObject({ due: '2025-03-31', pastDue: -49 });
    expect(byOffice('县统计局')).toMatchObject({ due: '2025-02-10', pastDue: 0 });
    expect(byOffice('县档案馆').due).toBeUndefined();
    expect(byOffice('县档案馆').pastDue).toBeUndefined();
  });

  test('judges lateness by the first version sent, and leaves it unknown when the time is', () => {
    expect(byOffice('县财政局').lateBy).toBe(0);
    expect(byOffice('县教育局').lateBy).toBe(3);
    // 县司法局's counted version came on 02-05, five days late, but its first came on 01-20.
    expect(byOffice('县司法局').lateBy).toBe(0);
    expect(byOffice('县司法局').history).toBe(versions[0]);
    expect(versionsOf(byOffice('县司法局'))).toEqual([justice.report, justiceFirst]);
    expect(byOffice('县民政局').lateBy).toBeUndefined();
  });

  test('counts: 应报 7, 已报 4 (the roster units that sent), split 2 passed / 1 errors / 1 warnings; 3 missing, 1 of them overdue; 1 late, 2 unlisted, 1 excluded, 1 resubmitted', () => {
    expect(season.counts).toEqual({
      expected: 7,
      reported: 4,
      passed: 2,
      withErrors: 1,
      withWarnings: 1,
      missing: 3,
      overdue: 1,
      lateReported: 1,
      unlisted: 2,
      excluded: 1,
      resubmitted: 1,
    });
  });

  test('the circular states every count in its order, labelled', () => {
    expect(countLines(season.counts)).toEqual([
      ['应报', 7],
      ['已报', 4],
      ['通过', 2],
      ['有错误', 1],
      ['有警告', 1],
      ['未报送', 3],
      ['逾期未报送', 1],
      ['逾期报送', 1],
      ['重新报送', 1],
      ['名单外', 2],
      ['不纳入汇总', 1],
    ]);
  });

  test('each unit’s standing against its deadline in words', () => {
    expect(season.units.map((u) => [u.office, standingText(u)])).toEqual([
      ['城关镇', '剩 49 天'],
      ['县审计局', '逾期 10 天'],
      ['县统计局', '剩 0 天'],
      ['县财政局', '按时报送'],
      ['县教育局', '逾期 3 天报送'],
      ['县档案馆', undefined],
      ['县民政局', '已报送'],
      ['县司法局', '按时报送'],
      ['县审计所', undefined],
      ['某县税务局', undefined],
    ]);
  });

  test('each unit’s days overdue: a missing unit’s days past the deadline (never below 0), a reported unit’s lateness', () => {
    expect(season.units.map((u) => [u.office, overdueDays(u)])).toEqual([
      ['城关镇', 0],
      ['县审计局', 10],
      ['县统计局', 0],
      ['县财政局', 0],
      ['县教育局', 3],
      ['县档案馆', undefined],
      ['县民政局', undefined],
      ['县司法局', 0],
      ['县审计所', undefined],
      ['某县税务局', undefined],
    ]);
  });

  test('a 退回意见 is owed for errors alone or for an unexplained warning alone, listed or not; not for a confirmed warning, a pass or a missing report', () => {
    expect(noticeUnits(season).map((u) => u.office)).toEqual(['县财政局', '县教育局', '县档案馆']);
  });
});

describe('a season without a roster', () => {
  const members = [member('县财政局'), member('城关镇'), member('县教育局', { errors: 1, submitted: on(3, 1) }), member('安乐镇')];
  const season = seasonOf({ members, versions: [] }, { office: '某县', year: YEAR, today: TODAY });

  test('says no roster was given, and lists units by state, then by name in pinyin order', () => {
    expect(season.rosterGiven).toBe(false);
    expect(season.units.map((u) => [u.office, u.state])).toEqual([
      ['县教育局', '有错误'],
      ['安乐镇', '通过'],
      ['城关镇', '通过'],
      ['县财政局', '通过'],
    ]);
  });

  test('has no deadlines, so no standing, no lateness and nobody late', () => {
    for (const u of season.units) {
      expect([u.due, u.pastDue, u.lateBy, standingText(u)]).toEqual([undefined, undefined, undefined, undefined]);
    }
    expect(overdueDays(season.units[0])).toBeUndefined();
  });

  test('counts every member as reported and leaves out what needs a roster, keeping the zero counts', () => {
    expect(season.counts).toEqual({ reported: 4, passed: 3, withErrors: 1, withWarnings: 0, lateReported: 0, unlisted: 0, excluded: 0, resubmitted: 0 });
    expect(countLines(season.counts)).toEqual([
      ['已报', 4],
      ['通过', 3],
      ['有错误', 1],
      ['有警告', 0],
      ['逾期报送', 0],
      ['重新报送', 0],
      ['名单外', 0],
      ['不纳入汇总', 0],
    ]);
  });
});

describe('a 不纳入汇总 unit that sent a report anyway', () => {
  const tax = member('某县税务局', { errors: 1, submitted: on(2, 8) });
  const fin = member('县财政局', { errors: 1, submitted: on(1, 15) });
  const completeness: Completeness = {
    year: YEAR,
    expected: [{ entry: entry('县财政局', 2), member: fin }],
    unlisted: [],
    excluded: [{ entry: entry('某县税务局', 3, { excluded: true }), member: tax }],
  };
  const season = seasonOf({ members: [fin, tax], completeness, versions: [] }, { office: '某县', year: YEAR, today: TODAY });
  const taxUnit = season.units.find((u) => u.office === '某县税务局')!;

  test('is noted as received but not summed, and stays 不纳入汇总 whatever its report says', () => {
    expect(taxUnit.state).toBe('不纳入汇总');
    expect(taxUnit.notes).toEqual(['垂直管理等不纳入汇总的单位：报表已收到，未计入汇总']);
  });

  test('is not counted as reported and carries no report of its own, so no lateness, standing or days overdue', () => {
    expect(season.counts).toMatchObject({ expected: 1, reported: 1, withErrors: 1, lateReported: 0, excluded: 1 });
    expect(taxUnit.member).toBeUndefined();
    expect(taxUnit).toMatchObject({ due: '2025-01-31', pastDue: 10 });
    expect(taxUnit.lateBy).toBeUndefined();
    expect(standingText(taxUnit)).toBeUndefined();
    expect(overdueDays(taxUnit)).toBeUndefined();
  });

  test('is owed no 退回意见 for its errors; a counted unit with errors is', () => {
    expect(noticeUnits(season).map((u) => u.office)).toEqual(['县财政局']);
  });

  test('is never addressed a 退回意见, even in a season handed over with its report attached', () => {
    const attached = { ...season, units: season.units.map((u) => (u === taxUnit ? { ...u, member: tax } : u)) };
    expect(noticeUnits(attached).map((u) => u.office)).toEqual(['县财政局']);
  });
});

test('within a state, roster units follow their roster line even when handed over in another order', () => {
  const completeness: Completeness = { year: YEAR, expected: [{ entry: entry('丙局', 7) }, { entry: entry('甲局', 3) }, { entry: entry('乙局', 5) }], unlisted: [], excluded: [] };
  const season = seasonOf({ members: [], completeness, versions: [] }, { office: '某县', year: YEAR, today: TODAY });
  expect(season.units.map((u) => u.office)).toEqual(['甲局', '乙局', '丙局']);
});

test('a unit’s state: errors before warnings, warnings before confirmed ones, and 通过 with none', () => {
  const states = seasonOf(
    { members: [member('甲', { errors: 1, warnings: 1, confirmed: 1 }), member('乙', { warnings: 1, confirmed: 1 }), member('丙', { confirmed: 2 }), member('丁')], versions: [] },
    { office: '某县', year: YEAR, today: TODAY },
  ).units.map((u) => [u.office, u.state]);
  expect(states).toEqual([
    ['甲', '有错误'],
    ['乙', '有警告'],
    ['丙', '已确认'],
    ['丁', '通过'],
  ]);
});

describe('standing in words', () => {
  test('a missing unit: 逾期 N 天 once past the deadline, 剩 N 天 before it and on the day', () => {
    expect(standingText(unit('未报送', { pastDue: 3 }))).toBe('逾期 3 天');
    expect(standingText(unit('未报送', { pastDue: 0 }))).toBe('剩 0 天');
    expect(standingText(unit('未报送', { pastDue: -5 }))).toBe('剩 5 天');
  });

  test('a reported unit: 逾期 N 天报送 when late, 按时报送 when not, 已报送 when its time is unknown', () => {
    expect(standingText(unit('通过', { pastDue: 10, lateBy: 2 }))).toBe('逾期 2 天报送');
    expect(standingText(unit('有错误', { pastDue: 10, lateBy: 0 }))).toBe('按时报送');
    expect(standingText(unit('有警告', { pastDue: -3 }))).toBe('已报送');
  });

  test('none for a 不纳入汇总 unit or one without a deadline', () => {
    expect(standingText(unit('不纳入汇总', { pastDue: 4, lateBy: 4 }))).toBeUndefined();
    expect(standingText(unit('未报送'))).toBeUndefined();
    expect(standingText(unit('通过', { lateBy: 2 }))).toBeUndefined();
  });
});

describe('days overdue', () => {
  test('a missing unit: its days past the deadline, 0 before it, unknown without a deadline', () => {
    expect(overdueDays(unit('未报送', { pastDue: 4 }))).toBe(4);
    expect(overdueDays(unit('未报送', { pastDue: -3 }))).toBe(0);
    expect(overdueDays(unit('未报送'))).toBeUndefined();
  });

  test('a reported unit: how late its first version came, not how long ago the deadline was', () => {
    expect(overdueDays(unit('有错误', { pastDue: 20, lateBy: 2 }))).toBe(2);
    expect(overdueDays(unit('通过', { pastDue: 20, lateBy: 0 }))).toBe(0);
    expect(overdueDays(unit('通过', { pastDue: 20 }))).toBeUndefined();
  });

  test('none for a 不纳入汇总 unit', () => {
    expect(overdueDays(unit('不纳入汇总', { pastDue: 4, lateBy: 4 }))).toBeUndefined();
  });
});

describe('versions and the first submission', () => {
  test('a unit without a report has no versions and no first submission', () => {
    const u = unit('未报送', { pastDue: 1 });
    expect(versionsOf(u)).toEqual([]);
    expect(firstSubmitted(u)).toBeUndefined();
  });

  test('a unit that sent once has that one version', () => {
    const m = member('甲局', { submitted: on(1, 10) });
    expect(versionsOf(unit('通过', { member: m }))).toEqual([m.report]);
    expect(firstSubmitted(unit('通过', { member: m }))).toBe(on(1, 10));
  });

  test('the first submission is the earliest time among the versions, wherever it is listed', () => {
    const m = member('甲局', { submitted: on(2, 5) });
    const older = [report('甲局', on(1, 10), 'a.xlsx'), report('甲局', on(1, 20), 'b.xlsx')];
    const u = unit('通过', { member: m, history: history(m, older) });
    expect(versionsOf(u)).toEqual([m.report, ...older]);
    expect(firstSubmitted(u)).toBe(on(1, 10));
  });

  test('versions without a time are passed over; with no time at all the first submission is unknown', () => {
    const untimed = member('甲局');
    expect(firstSubmitted(unit('通过', { member: untimed, history: history(untimed, [report('甲局', on(1, 20), 'a.xlsx'), report('甲局', undefined, 'b.xlsx')]) }))).toBe(on(1, 20));
    expect(firstSubmitted(unit('通过', { member: untimed, history: history(untimed, [report('甲局', undefined, 'a.xlsx')]) }))).toBeUndefined();
  });
});

test('countLines leaves out only the counts that are missing, in the circular’s order', () => {
  const counts: SeasonCounts = { expected: 5, reported: 4, passed: 1, withErrors: 2, withWarnings: 1, missing: 1, overdue: 0, lateReported: 3, unlisted: 0, excluded: 2, resubmitted: 1 };
  expect(countLines(counts).map(([label]) => label)).toEqual(['应报', '已报', '通过', '有错误', '有警告', '未报送', '逾期未报送', '逾期报送', '重新报送', '名单外', '不纳入汇总']);
  expect(countLines({ ...counts, expected: undefined, missing: undefined, overdue: undefined }).map(([label, n]) => `${label}${n}`)).toEqual([
    '已报4',
    '通过1',
    '有错误2',
    '有警告1',
    '逾期报送3',
    '重新报送1',
    '名单外0',
    '不纳入汇总2',
  ]);
});
