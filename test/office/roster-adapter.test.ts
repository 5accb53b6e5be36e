/**
 * Roster and year on year through the Office adapter against the fake Excel host: the sync
 * budget of 汇总 holds with a roster and last year's summary, a long roster is read whole,
 * and a hand-made 报送名单 sheet is replaced only when the clerk says so.
 */
import { consolidateSheets } from '../../src/app/consolidate-sheets';
import { readRoster, saveRoster } from '../../src/app/roster-sheet';
import { decodeMeta } from '../../src/model/sheet-meta';
import { formats } from '../../src/formats';
import { canonicalPlan } from '../../src/layout/sheet-report';
import { officeHost, workbookOfReports } from './helpers';
import { FakeSheet } from './fake-excel';

const members = (excel: { sheets: { name: string }[] }, year: number) => excel.sheets.map((s) => s.name).filter((n) => n.endsWith(`${year}年报`));

test("with a roster and last year's summary, 汇总 costs the syncs it costs without: summary, overview and 同比 in one write", async () => {
  const { excel, port } = await workbookOfReports(150);
  // Last year's summary, made elsewhere and copied in: three of the same units.
  const older = await workbookOfReports(3, 2022);
  await consolidateSheets(older.port, { members: members(older.excel, 2022), office: '某市', mode: 'values' });
  excel.sheets.push(...older.excel.sheets.filter((s) => s.name === '某市2022汇总').map((s) => Object.assign(s, { book: excel })));
  const roster = [...Array.from({ length: 150 }, (_, i) => `第${i + 1}单位`), '第151单位\t部门\t2024-02-20', '某垂管局\t不纳入汇总'].join('\n');
  const names = members(excel, 2023);
  const plain = await excel.count(() => consolidateSheets(port, { members: names, office: '某县' }));
  const syncs = await excel.count(async () => {
    const r = await consolidateSheets(port, { members: names, office: '某市', roster, previous: '某市2022汇总', today: '2024-02-10' });
    expect(r.ok).toBe(true);
    expect(r.comparisonSheet).toBe('某市2023同比');
    expect(r.counts).toMatch(/^应报 151 个，已报 150 个，通过 \d+ 个；未报送 1 个；有错误 75 个；不纳入汇总 1 个（截至 2024-02-10）$/);
    // Units 4 to 150 joined since last year: each is named once.
    expect(r.findings.filter((f) => f.rule === 'summary.member_unlisted')).toHaveLength(147);
    expect(r.findings.filter((f) => f.rule === 'summary.member_missing').map((f) => f.message)).toEqual([
      '报送名单中的「第151单位」没有报表，截止日期 2024-02-20。请催报，或确认该单位是否应在名单中。',
    ]);
  });
  expect(syncs).toBe(plain);
  expect(syncs).toBeLessThanOrEqual(4);
  const overview = excel.sheet('某市2023汇总明细');
  expect([overview.shown('B4'), overview.shown('C4'), overview.shown('E4')]).toEqual(['第151单位', '未报送', '剩 10 天']);
  expect(decodeMeta(excel.sheet('某市2023同比').cells.get('P1')!.value)?.role).toBe('comparison');
  expect(excel.sheet('某市2023同比').shown('A4')).toBe('合计');
}, 60000);

test('a roster longer than a report sheet is read whole; a hand-made 报送名单 is replaced only when confirmed', async () => {
  const { port } = officeHost();
  const text = Array.from({ length: 150 }, (_, i) => `单位${i + 1}`).join('\n');
  expect(await saveRoster(port, text, 2024)).toEqual({ saved: 150 });
  const back = await readRoster(port);
  expect(back.entries.map((e) => e.name)).toEqual(Array.from({ length: 150 }, (_, i) => `单位${i + 1}`));
  expect(back.ours).toBe(true);
  // Saving again replaces our own sheet without asking.
  expect(await saveRoster(port, '单位1\n单位2', 2024)).toEqual({ saved: 2 });
  expect((await readRoster(port)).entries).toHaveLength(2);

  // A clerk's own sheet of that name: asked first, then replaced.
  const other = officeHost();
  other.excel.sheets.push(Object.assign(new FakeSheet('报送名单'), { book: other.excel }));
  other.excel.sheet('报送名单').cell('A1').value = '县财政局';
  other.excel.sheet('报送名单').cell('E1').value = '联系人：张三';
  expect(await other.port.readSheets(['报送名单'])).toHaveLength(1);
  expect((await readRoster(other.port)).entries.map((e) => [e.name, e.line])).toEqual([['县财政局', 1]]);
  expect(await saveRoster(other.port, '县财政局\n县发改局', 2024)).toEqual({ theirs: '报送名单' });
  expect(other.excel.sheet('报送名单').shown('E1')).toBe('联系人：张三');
  expect(await saveRoster(other.port, '县财政局\n县发改局', 2024, true)).toEqual({ saved: 2 });
  expect((await readRoster(other.port)).entries.map((e) => e.name)).toEqual(['县财政局', '县发改局']);
  // 150 units run far past the rows a report sheet is read to.
  expect(canonicalPlan(formats.forYear(2024)!).lastRow).toBeLessThan(150);
});

test('a roster with bad lines is refused before anything is read or written', async () => {
  const { excel, port } = await workbookOfReports(2);
  const before = excel.sheets.map((s) => s.name);
  await expect(consolidateSheets(port, { members: members(excel, 2023), office: '某县', roster: '第1单位\n第1单位' })).rejects.toThrow('第 2 行：“第1单位”与第 1 行重复。');
  expect(excel.sheets.map((s) => s.name)).toEqual(before);
});
