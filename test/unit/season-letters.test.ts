/**
 * The season's letters, made in memory and read back with the product's own Word reader: the
 * 退回意见 names the office, the year, the submission checked (file and time), every problem under
 * its table with the cell in words, the value as submitted, what it should satisfy and the fix;
 * the warnings it may explain; the deadline; the blank signature. The circular gives the counts,
 * the units by status with deadlines and days overdue, and who resubmitted and fixed what.
 */
import { unzipSync } from 'fflate';
import { consolidate } from '../../src/consolidate/consolidate';
import { daysBetween, parseRosterText } from '../../src/consolidate/roster';
import { seasonOf } from '../../src/consolidate/season';
import { letterDownload, noticeFiles, noticeFileName, resubmitDate, seasonFiles } from '../../src/app/season-documents';
import { UserError } from '../../src/model/user-error';
import { reportFromCells } from '../helpers/random-report';
import { readLetter } from '../helpers/read-letter';
import { A, A_UNASKED, B, B_BLANK, B_WRONG, C, cellsA, cellsB, FORMAT, ROSTER_TEXT, TIMES, versionA1, versionA2, versionB, YEAR } from '../helpers/season';

/** After every deadline: C is overdue. */
const TODAY = '2025-04-10';
const DUE = '2025-04-17';
const pad = (n: number) => String(n).padStart(2, '0');
const shown = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;

function season() {
  const r = (office: string, cells: Record<string, number | null>, source: string, at: Date) => reportFromCells(FORMAT, cells, { office, year: YEAR, source, submitted: at.toISOString() });
  const reports = [r(A, versionA2, `报送/${A}（修改后）.xlsx`, TIMES.a2), r(B, versionB, `报送/${B}.xlsx`, TIMES.b), r(A, versionA1, `报送/${A}.xlsx`, TIMES.a1)];
  const result = consolidate(reports, { office: '某县', roster: parseRosterText(ROSTER_TEXT).entries });
  if (!result.ok) throw new Error('refused');
  return { result, season: seasonOf(result, { office: '某县', year: YEAR, today: TODAY }) };
}

test('only B is owed a notice: A fixed everything, C sent nothing', async () => {
  const files = await noticeFiles(season().season, { resubmitBy: DUE });
  expect(files.map((f) => [f.name, f.office])).toEqual([[`${B}退回意见.docx`, B]]);
});

describe('B’s notice', () => {
  let text: ReturnType<typeof readLetter>;
  beforeAll(async () => {
    const [file] = await noticeFiles(season().season, { resubmitBy: DUE });
    text = readLetter(file.bytes);
  });

  test('names the office, the year, the submission checked and the deadline', () => {
    // The title breaks after the year: the reader reads the break as a space.
    expect(text.paragraphs.slice(0, 3)).toEqual([
      `关于${B}${YEAR}年度 政府信息公开工作年度报告的退回意见`,
      `${B}：`,
      expect.stringContaining(`你单位报送的 ${YEAR} 年度政府信息公开工作年度报告（${B}.xlsx，报送时间 ${shown(TIMES.b)}）经审核`),
    ]);
    expect(text.paragraphs[2]).toContain('于2025年4月17日前重新报送');
    expect(text.paragraphs).toContain('请于2025年4月17日前重新报送改正后的报表。');
  });

  test('each error cell in words, with the value as submitted and the one-cell fix, under its table', () => {
    const wrong = text.rows.filter((r) => r[1] === '「一、本年新收」×「自然人」');
    // Its row sum and its column's balance both break: two errors, each pointing at the cell, each with the fix back to the right value.
    expect(wrong.length).toBe(2);
    for (const row of wrong) {
      expect(row[2]).toBe(String(cellsB[B_WRONG] + 2));
      expect(row[4]).toBe(`将「一、本年新收」×「自然人」改为 ${cellsB[B_WRONG]}，可同时解决 2 项`);
    }
    expect(wrong.map((r) => r[3])).toEqual([
      expect.stringMatching(/^「一、本年新收」行：.*应等于总计 = /),
      expect.stringMatching(/^「自然人」列：一、本年新收 \+ 二、上年结转 = .*应等于（七）总计 \+ 四、结转下年度 = /),
    ]);
    const upheld = text.rows.filter((r) => r[1] === '「行政复议」×「结果维持」');
    expect(upheld.map((r) => [r[2], r[4]])).toEqual([
      ['（空白）', `将「行政复议」×「结果维持」改为 ${cellsB[B_BLANK]}`],
      ['（空白）', '—'],
    ]);
    // Grouped by table: the requests table's title comes before its rows, the appeals table's before its own.
    const at = (s: string) => text.lines.findIndex((l) => l.includes(s));
    expect(at('（一）收到和处理政府信息公开申请情况')).toBeLessThan(at('「一、本年新收」×「自然人」'));
    expect(at('（二）政府信息公开行政复议、行政诉讼情况')).toBeGreaterThan(at('「一、本年新收」×「自然人」'));
    expect(at('（二）政府信息公开行政复议、行政诉讼情况')).toBeLessThan(at('「行政复议」×「结果维持」'));
  });

  test('errors and warnings apart; the warning may be explained instead', () => {
    expect(text.paragraphs).toContain('一、需要改正的错误（3 项）');
    expect(text.paragraphs).toContain('二、需要核实的问题（1 项）');
    expect(text.paragraphs.some((p) => p.includes('数据无误的，可逐项写明理由（出错说明）'))).toBe(true);
    const warning = text.lines.slice(text.lines.indexOf('二、需要核实的问题（1 项）'));
    expect(warning.find((l) => l.includes('「行政复议」×「结果维持」'))).toContain('为空白');
  });

  test('ends with room for the issuing office’s name and the date', () => {
    expect(text.paragraphs.slice(-2)).toEqual(['（单位名称）', '年　　月　　日']);
  });
});

test('a resubmission that still has a problem is told what it fixed and what it did not', async () => {
  const half = { ...versionA1, [A_UNASKED]: cellsA[A_UNASKED] + 1, 'appeals.review.upheld': null };
  const r = (cells: Record<string, number | null>, at: Date, source: string) => reportFromCells(FORMAT, cells, { office: A, year: YEAR, source, submitted: at.toISOString() });
  const result = consolidate([r(versionA1, TIMES.a1, 'a1.xlsx'), r(half, TIMES.a2, 'a2.xlsx')], { office: '某县' });
  if (!result.ok) throw new Error('refused');
  const [file] = await noticeFiles(seasonOf(result, { office: '某县', year: YEAR, today: TODAY }), { resubmitBy: DUE });
  const text = readLetter(file.bytes);
  expect(text.paragraphs[2]).toContain('这是你单位报送的第 2 个版本，与上一版相比已改正 0 项，仍有 3 项未改正，新增 2 项。');
  const again = text.rows.filter((row) => row[3].endsWith('（上次退回时已指出，仍未改正）'));
  expect(again.map((row) => row[1])).toEqual(expect.arrayContaining(['「（七）总计」×「自然人」']));
  expect(again).toHaveLength(3);
});

describe('the circular', () => {
  let text: ReturnType<typeof readLetter>;
  beforeAll(async () => {
    const files = await seasonFiles(season().season, { resubmitBy: DUE });
    text = readLetter(files.find((f) => f.name === '报送情况通报.docx')!.bytes);
  });

  test('the counts: 应报 3, 已报 2, 通过 1, 有错误 1, 未报送 1, 逾期 1', () => {
    expect(text.paragraphs[2]).toBe(
      `截至2025年4月10日，应报送 ${YEAR} 年度政府信息公开工作年度报告的单位 3 个，已报送 2 个，其中审核通过 1 个、有错误 1 个、有警告需核实 0 个；未报送 1 个，其中已逾期 1 个。现将有关情况通报如下。`,
    );
    const counts = Object.fromEntries(
      text.rows.slice(1, 7).flatMap((r) => [
        [r[0], r[1]],
        [r[2], r[3]],
      ]),
    );
    expect(counts).toMatchObject({ 应报: '3', 已报: '2', 通过: '1', 有错误: '1', 未报送: '1', 逾期未报送: '1', 逾期报送: '0', 重新报送: '1' });
  });

  test('C as 未报送 with its deadline and days overdue; A and B with their first submission times; B with its errors', () => {
    const row = (office: string) => text.rows.find((r) => r[1] === office)!;
    expect(row(C)).toEqual(['1', C, '2025-03-31', `逾期 ${daysBetween('2025-03-31', TODAY)} 天`]);
    expect(row(B).slice(2)).toEqual([shown(TIMES.b), '2025-01-31', '按时报送', '3', '1']);
    // A's deadline was 2025-01-20 and its first version came on the 15th: in time.
    expect(row(A).slice(2)).toEqual([shown(TIMES.a1), '2025-01-20', '按时报送', '0', '0']);
  });

  test('who resubmitted and whether they fixed what was asked', () => {
    const again = text.rows.filter((r) => r.length === 5 && r[1] === A);
    expect(again).toEqual([['1', A, '2', shown(TIMES.a2), '已整改（改正 3 项）；改动 2 个单元格，其中 1 个不在退回意见所列问题中']]);
  });
});

test('the pane’s download: all letters in one .zip, a single notice, the circular; an office that needs none is refused with a reason', async () => {
  const { season: s } = season();
  const all = await letterDownload(s, { kind: 'all' }, DUE);
  expect(all.name).toBe(`${YEAR}年度退回意见和报送情况通报.zip`);
  expect(Object.keys(unzipSync(all.bytes)).sort()).toEqual([`${B}退回意见.docx`, '报送情况通报.docx'].sort());
  const one = await letterDownload(s, { kind: 'notice', office: B });
  expect(one.name).toBe(noticeFileName(B));
  expect(readLetter(one.bytes).paragraphs[1]).toBe(`${B}：`);
  await expect(letterDownload(s, { kind: 'notice', office: A })).rejects.toThrow(`「${A}」的报表没有错误或未说明的警告，无需退回。`);
  await expect(letterDownload(s, { kind: 'notice', office: C })).rejects.toThrow(`「${C}」没有报表，无需退回。`);
});

test('the due date: a week after today by default; a date that cannot be read, or is past, is refused in Chinese', () => {
  expect(resubmitDate(undefined, '2025-01-28')).toBe('2025-02-04');
  expect(resubmitDate('2月12日', '2025-02-05')).toBe('2025-02-12');
  expect(() => resubmitDate('下周', TODAY)).toThrow(UserError);
  expect(() => resubmitDate('下周', TODAY)).toThrow('重新报送截止日期“下周”无法识别，请写成 2025-02-12 或 2月12日。');
  expect(() => resubmitDate('2025-04-01', TODAY)).toThrow('重新报送截止日期 2025-04-01 早于今天（2025-04-10），请改为今天以后的日期。');
});

test('a notice’s file name never holds what a file system refuses', () => {
  expect(noticeFileName('县/财政局: 办 公室')).toBe('县财政局办公室退回意见.docx');
  expect(noticeFileName('  ')).toBe('单位退回意见.docx');
});

test('the counts add up: 已报 splits into 通过, 有错误 and 有警告; a unit not on the roster is counted apart', () => {
  const r = (office: string, cells: Record<string, number | null>, at: Date) => reportFromCells(FORMAT, cells, { office, year: YEAR, source: `${office}.xlsx`, submitted: at.toISOString() });
  const result = consolidate([r(A, cellsA, TIMES.a2), r(B, versionB, TIMES.b), r('县审计局', cellsB, TIMES.b)], { office: '某县', roster: parseRosterText(ROSTER_TEXT).entries });
  if (!result.ok) throw new Error('refused');
  const s = seasonOf(result, { office: '某县', year: YEAR, today: TODAY });
  expect(s.counts).toMatchObject({ expected: 3, reported: 2, passed: 1, withErrors: 1, withWarnings: 0, missing: 1, overdue: 1, unlisted: 1, resubmitted: 0 });
  // 县财政局's deadline was 2025-01-20 and its report came on the 22nd: two days late. 县交通运输局's came in time.
  expect(s.counts.lateReported).toBe(1);
  expect(s.units.filter((u) => u.member).map((u) => [u.office, u.lateBy])).toEqual([
    [B, 0],
    [A, 2],
    ['县审计局', undefined],
  ]);
});
