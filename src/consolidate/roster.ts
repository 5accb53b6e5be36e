/**
 * The roster (报送名单): the units that must report, their level, their deadline, and
 * the vertically managed ones that are listed but never expected or summed. Parsed
 * from text (one unit per line) or from a sheet's rows; names compared with a
 * similarity that knows how units abbreviate their names.
 */

export type RosterLevel = '部门' | '乡镇' | '街道' | '本级';
const ROSTER_LEVELS: RosterLevel[] = ['部门', '乡镇', '街道', '本级'];

/** A deadline as written: a full date, or a month and day in the year after the reporting year. */
export interface DeadlineSpec {
  year?: number;
  month: number;
  day: number;
}

export interface RosterEntry {
  name: string;
  level: RosterLevel;
  /** False when the level was inferred from the name. */
  levelGiven: boolean;
  deadline?: DeadlineSpec;
  /** 不纳入汇总: vertically managed, listed but never expected and never summed. */
  excluded: boolean;
  /** Where it was written: 第 N 行. */
  line: number;
}

export interface ParsedRoster {
  entries: RosterEntry[];
  /** One Chinese message per bad line; a roster with errors is not used. */
  errors: string[];
}

export const ROSTER_HEADERS = ['单位', '层级', '截止日期', '不纳入汇总'];
/** What a roster's header row says above the units. */
export const HEADER_WORDS = new Set(['单位', '单位名称', '名称', '报送单位']);
const LEVEL_ALIASES: Record<string, RosterLevel> = {
  部门: '部门',
  乡镇: '乡镇',
  乡: '乡镇',
  镇: '乡镇',
  街道: '街道',
  本级: '本级',
  本级政府: '本级',
};
const EXCLUDE_WORDS = new Set(['不纳入汇总', '不纳入', '垂直管理', '垂管', '是', 'Y', 'y', '√', '1']);
const INCLUDE_WORDS = new Set(['纳入', '纳入汇总', '否', 'N', 'n', '0']);
/**
 * The tier a unit sits at (县级部门, 市级部门): said, but not a level of the roster's; the level
 * then follows from the name (a government is a government at any tier).
 */
const TIER_WORDS = new Set(['省级', '市级', '地市级', '县级', '区级']);
/**
 * Words that, typed after a unit with spaces, can only be a field: a level, a tier, an exclusion
 * marker. One-character forms (乡, 镇, 是, 1) are left out: 「城关 镇」 is a name typed with a space.
 */
const FIELD_WORDS = new Set([...Object.keys(LEVEL_ALIASES).filter((w) => w.length > 1), ...TIER_WORDS, ...[...EXCLUDE_WORDS, ...INCLUDE_WORDS].filter((w) => w.length > 1)]);

/** Statutory defaults (条例第五十条): departments by 1月31日, governments by 3月31日. */
const DEFAULT_DEADLINE: Record<RosterLevel, DeadlineSpec> = {
  部门: { month: 1, day: 31 },
  乡镇: { month: 3, day: 31 },
  街道: { month: 3, day: 31 },
  本级: { month: 3, day: 31 },
};

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Reads 2025-01-31, 2025/1/31, 2025.1.31, 2025年1月31日, 1月31日, 1-31, or a spreadsheet date serial. */
export function parseDeadline(input: string | number): DeadlineSpec | null {
  if (typeof input === 'number') {
    // Excel date serial (1900 system): 30000 is 1982, 80000 is 2119.
    if (!Number.isInteger(input) || input < 30000 || input > 80000) return null;
    const d = new Date(Date.UTC(1899, 11, 30) + input * 86400000);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
  }
  const s = input.trim().replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const full = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s);
  const short = /^(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s);
  const [year, month, day] = full ? [Number(full[1]), Number(full[2]), Number(full[3])] : short ? [undefined, Number(short[1]), Number(short[2])] : [NaN, NaN, NaN];
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(day) || day < 1) return null;
  if (day > daysIn(year ?? 2024, month)) return null;
  return year === undefined ? { month, day } : { year, month, day };
}

/** Governments are named as such; everything else is a department. */
export function inferLevel(name: string): RosterLevel {
  const n = name.replace(/[（(][^）)]*[）)]$/, '');
  if (/街道(办事处)?$/.test(n)) return '街道';
  if (/[乡镇](人民政府)?$/.test(n)) return '乡镇';
  if (/(人民政府|人民政府办公室|政府办公室|政府办)$/.test(n)) return '本级';
  return '部门';
}

type Cell = string | number | boolean | null | undefined;

function cellText(c: Cell): string {
  return c === null || c === undefined ? '' : String(c).trim();
}

/**
 * Parses rows (unit first; level, deadline and 不纳入汇总 after it, told apart by what
 * they say). `lineOf` names a row for messages, e.g. 第 3 行.
 */
export function parseRosterRows(rows: Cell[][], lineOf: (i: number) => number, spaced: Set<number> = new Set()): ParsedRoster {
  const entries: RosterEntry[] = [];
  const errors: string[] = [];
  const seen = new Map<string, number>();
  rows.forEach((row, i) => {
    const line = lineOf(i);
    const name = cellText(row[0]).replace(/\s+/g, '');
    const rest = row
      .slice(1)
      .map((c) => (typeof c === 'number' ? c : cellText(c)))
      .filter((c) => c !== '');
    if (!name) {
      const where = spaced.has(i) ? '行首应为单位名称' : '第一列为空';
      if (rest.length) errors.push(`第 ${line} 行：没有单位名称（${where}），却填了“${rest.join('、')}”。`);
      return;
    }
    if (name.startsWith('#') || name.startsWith('＃')) return;
    if (HEADER_WORDS.has(name) && i === 0) return;
    let level: RosterLevel | undefined;
    let deadline: DeadlineSpec | undefined;
    let excluded: boolean | undefined;
    for (const c of rest) {
      const text = String(c);
      // A tier (县级, 市级) is read and set aside: the level comes from the name.
      if (TIER_WORDS.has(text)) continue;
      const asLevel = LEVEL_ALIASES[text];
      const asDeadline = typeof c === 'number' || /\d/.test(text) ? parseDeadline(c) : null;
      const marker = EXCLUDE_WORDS.has(text) ? true : INCLUDE_WORDS.has(text) ? false : undefined;
      const twice = asLevel && level !== undefined ? '层级' : asDeadline && deadline !== undefined ? '截止日期' : marker !== undefined && excluded !== undefined ? '是否纳入汇总' : '';
      if (twice) errors.push(`第 ${line} 行（${name}）：“${text}”又填了一次${twice}，每行只能填一个。`);
      else if (asLevel) level = asLevel;
      else if (asDeadline) deadline = asDeadline;
      else if (marker !== undefined) excluded = marker;
      else if (/\d/.test(text)) errors.push(`第 ${line} 行（${name}）：截止日期“${text}”无法识别，请写成 2025-01-31 或 1月31日。`);
      else errors.push(`第 ${line} 行（${name}）：“${text}”无法识别。层级可填 ${ROSTER_LEVELS.join('、')}；截止日期如 2025-01-31 或 1月31日；垂直管理单位填“不纳入汇总”。`);
    }
    const first = seen.get(name);
    if (first !== undefined) {
      errors.push(`第 ${line} 行：“${name}”与第 ${first} 行重复。`);
      return;
    }
    seen.set(name, line);
    entries.push({ name, level: level ?? inferLevel(name), levelGiven: level !== undefined, ...(deadline ? { deadline } : {}), excluded: excluded ?? false, line });
  });
  return { entries, errors };
}

/** A word typed after a unit's name that cannot be part of one: a date, a level or tier word, an exclusion marker. */
function isFieldWord(word: string): boolean {
  return FIELD_WORDS.has(word) || (/\d/.test(word) && parseDeadline(word) !== null);
}

/**
 * A line typed with spaces, as people type (「县财政局  部门  2025-01-20」): the name is the words
 * up to the first that cannot be part of a name; everything after it is a field, never glued
 * into the name. A header typed so is a header.
 */
function spacedRow(line: string): string[] {
  const words = line.trim().split(/\s+/);
  if (words.length < 2) return [line];
  if (words.every((w) => HEADER_WORDS.has(w) || ROSTER_HEADERS.includes(w))) return words;
  const first = words.findIndex(isFieldWord);
  if (first < 0) return [line];
  // A line that starts with a field has no name: said as such, never read as one.
  return [words.slice(0, first).join(''), ...words.slice(first)];
}

/** A .txt roster: one unit per line; optional fields after a tab, a comma, or a run of spaces. */
export function parseRosterText(text: string): ParsedRoster {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const spaced = new Set<number>();
  const rows = lines.map((l, i) => {
    if (/[\t,，]/.test(l)) return l.split(/\t|,|，/);
    spaced.add(i);
    return spacedRow(l);
  });
  return parseRosterRows(rows, (i) => i + 1, spaced);
}

/** The roster as text in the same form, for the pane's text box. */
export function rosterToText(entries: RosterEntry[]): string {
  return entries
    .map((e) =>
      rosterCells(e)
        .filter((c, i) => i === 0 || c !== '')
        .join('\t'),
    )
    .join('\n');
}

/** The roster's four columns for one entry, as written to a sheet or text. */
export function rosterCells(e: RosterEntry): string[] {
  return [e.name, e.levelGiven ? e.level : '', e.deadline ? deadlineText(e.deadline) : '', e.excluded ? '不纳入汇总' : ''];
}

const pad = (n: number) => String(n).padStart(2, '0');

export function deadlineText(d: DeadlineSpec): string {
  return d.year === undefined ? `${d.month}月${d.day}日` : `${d.year}-${pad(d.month)}-${pad(d.day)}`;
}

/** The unit's deadline for a reporting year, as YYYY-MM-DD: the one written, else the statutory one. */
export function dueDate(e: RosterEntry, reportYear: number): string {
  const d = e.deadline ?? DEFAULT_DEADLINE[e.level];
  return `${d.year ?? reportYear + 1}-${pad(d.month)}-${pad(d.day)}`;
}

/** Today's date as YYYY-MM-DD in local time. */
export function isoDate(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400000);
}

// ---------------------------------------------------------------------------
// Names: the same unit is written many ways (县发改局 / 汤原县发展和改革局).

/** How a name is compared for identity: width, spaces and bracket forms do not count. */
export function canonicalName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[【\[]/g, '(')
    .replace(/[】\]]/g, ')');
}

/** Common abbreviations of unit names, short → full. */
const ABBREVIATIONS: [string, string][] = [
  ['发改', '发展和改革'],
  ['人社', '人力资源和社会保障'],
  ['住建', '住房和城乡建设'],
  ['市场监管', '市场监督管理'],
  ['卫健', '卫生健康'],
  ['卫计', '卫生和计划生育'],
  ['医保', '医疗保障'],
  ['自然资源和规划', '自然资源'],
  ['自规', '自然资源'],
  ['生态环境', '环境保护'],
  ['环保', '环境保护'],
  ['交通', '交通运输'],
  ['文广旅', '文化广电和旅游'],
  ['文广新旅', '文化广电和旅游'],
  ['文旅', '文化和旅游'],
  ['教体', '教育和体育'],
  ['科技', '科学技术'],
  ['工信', '工业和信息化'],
  ['经信', '经济和信息化'],
  ['国资', '国有资产监督管理'],
  ['退役军人', '退役军人事务'],
  ['应急', '应急管理'],
  ['城管', '城市管理'],
  ['综合执法', '综合行政执法'],
  ['政务服务', '政务服务和数据管理'],
  ['行政审批', '行政审批服务'],
  ['管委会', '管理委员会'],
];

/** One suffix that varies for one unit: 局 / 委 / 办 / 委员会 / 办公室, a government's own name. */
const SUFFIX = /(委员会|办公室|办事处|管理局|政府|局|委|办|中心)$/;
/** Words that start with a place character but are not a place: 市场, 区域, 县域. */
const NOT_PLACE = /^(市场|区域|县域|市政|区划)/;
/** A place character ending these is part of the unit's own name: 经济开发区, 综合实验区. */
const NOT_PLACE_BEFORE = /(开发|实验|园)$/;

function stripSuffixes(s: string): string {
  for (let m = SUFFIX.exec(s); m && s.length - m[0].length >= 2; m = SUFFIX.exec(s)) s = s.slice(0, s.length - m[0].length);
  return s;
}

/** The distinctive part of a unit's name: without place prefix, bracketed notes, suffix variants; abbreviations expanded. */
export function nameCore(name: string): string {
  let s = canonicalName(name)
    .replace(/\([^)]*\)/g, '')
    .replace(/人民政府/g, '政府');
  // Place prefixes (黑龙江省汤原县…, 县…), one at a time, as long as a name is left.
  for (let stripped = true; stripped;) {
    stripped = false;
    for (let i = 0; i < Math.min(s.length, 9); i++) {
      if (!'省市县区旗'.includes(s[i]) || NOT_PLACE.test(s.slice(i)) || NOT_PLACE_BEFORE.test(s.slice(0, i)) || s.slice(i - 1, i + 1) === '城市') continue;
      const rest = s.slice(i + 1);
      if (stripSuffixes(rest).length >= 2) {
        s = rest;
        stripped = true;
      }
      break;
    }
  }
  // An expansion is skipped when the full form is already there; a short form that contains its full one shrinks.
  for (const [short, full] of ABBREVIATIONS) if (s.includes(short) && (short.includes(full) || !s.includes(full))) s = s.replace(short, full);
  return stripSuffixes(s);
}

function lcs(a: string, b: string): number {
  const A = [...a];
  const B = [...b];
  let prev = new Array(B.length + 1).fill(0);
  for (const x of A) {
    const cur = [0];
    for (let j = 1; j <= B.length; j++) cur[j] = x === B[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    prev = cur;
  }
  return prev[B.length];
}

/** 0..1: 1 for the same distinctive part; otherwise the longest common subsequence over both lengths. */
export function nameSimilarity(a: string, b: string): number {
  const x = nameCore(a);
  const y = nameCore(b);
  if (!x || !y) return 0;
  if (x === y) return 1;
  const lx = [...x].length;
  const ly = [...y].length;
  return (2 * lcs(x, y)) / (lx + ly);
}

/** Below this a name is not offered as the likely one: 民政局 is not 财政局. */
export const SIMILAR_ENOUGH = 0.6;

/** The closest name among candidates, if close enough. */
export function closestName(name: string, candidates: string[]): { name: string; score: number } | undefined {
  let best: { name: string; score: number } | undefined;
  for (const c of candidates) {
    const score = nameSimilarity(name, c);
    if (score >= SIMILAR_ENOUGH && (!best || score > best.score)) best = { name: c, score };
  }
  return best;
}

// ---------------------------------------------------------------------------
// Matching the reports received against the roster.

export interface RosterMatch {
  /** Roster entries expected (not excluded), each with the index of its report among the offices, if any. */
  expected: { entry: RosterEntry; report?: number; likely?: string }[];
  /** Excluded entries, with the index of a report that came anyway. */
  excluded: { entry: RosterEntry; report?: number }[];
  /** Offices (indices) not on the roster, with the likely roster name. */
  unlisted: { report: number; likely?: string }[];
}

/** Matches offices to roster entries by name (width and spaces aside); near misses are suggested, never assumed. */
export function matchRoster(entries: RosterEntry[], offices: string[]): RosterMatch {
  const byName = new Map<string, number>();
  offices.forEach((o, i) => {
    const k = canonicalName(o);
    if (!byName.has(k)) byName.set(k, i);
  });
  const taken = new Set<number>();
  const pick = (e: RosterEntry) => {
    const i = byName.get(canonicalName(e.name));
    if (i !== undefined) taken.add(i);
    return i;
  };
  const expected = entries.filter((e) => !e.excluded).map((entry) => ({ entry, report: pick(entry) }) as RosterMatch['expected'][number]);
  const excluded = entries.filter((e) => e.excluded).map((entry) => ({ entry, report: pick(entry) }));
  const missingNames = expected.filter((x) => x.report === undefined).map((x) => x.entry.name);
  const allNames = entries.map((e) => e.name);
  const unlisted: RosterMatch['unlisted'] = [];
  offices.forEach((o, report) => {
    if (taken.has(report)) return;
    // A unit that has not reported is the likelier meaning of a near miss than one that has.
    const likely = closestName(o, missingNames) ?? closestName(o, allNames);
    unlisted.push({ report, ...(likely ? { likely: likely.name } : {}) });
  });
  const unlistedOffices = unlisted.map((u) => offices[u.report]);
  for (const x of expected)
    if (x.report === undefined) {
      const likely = closestName(x.entry.name, unlistedOffices);
      if (likely) x.likely = likely.name;
    }
  return { expected, excluded, unlisted };
}
