/**
 * A season in a folder, end to end through `nianbao consolidate --notices`: 县财政局 (A) sent a
 * report with an error and then a corrected one, 县交通运输局 (B) one with errors, 城关镇 (C) on
 * the roster nothing. The summary counts A's corrected version once and never its first; B gets a
 * notice naming each error cell with its value and fix; A gets none; A's row says 已整改 and lists
 * the cells it changed; the circular lists C as 未报送 with its days overdue. Every letter is read
 * back with our own reader and rendered by LibreOffice (one page kept in test-artifacts/season).
 */
import ExcelJS from 'exceljs';
import { execFileSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { basename, join } from 'path';
import { nianbao, ROOT } from '../helpers/cli';
import { readLetter } from '../helpers/read-letter';
import { A, A_UNASKED, A_WRONG, B, B_WRONG, C, cellsA, cellsB, FORMAT, daysSince, reportWorkbook, versionA2, versionB, writeSeason, type SeasonFolder } from '../helpers/season';

const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p)) ?? 'soffice';
const ARTIFACTS = join(ROOT, 'test-artifacts', 'season');
const dir = mkdtempSync(join(tmpdir(), 'nianbao-season-'));
let season: SeasonFolder;
let run: ReturnType<typeof nianbao>;
const out = () => join(dir, '某县汇总.xlsx');
const letters = () => join(dir, '退回意见');

const label = (id: string) => {
  const c = FORMAT.cells[FORMAT.index.get(id)!];
  const table = FORMAT.def.tables.find((t) => t.id === c.table)!;
  return `「${table.shortTitle}」表「${c.rowLabel}」×「${c.columnLabel}」`;
};

async function sheet(file: string, name: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name} in ${wb.worksheets.map((w) => w.name).join(', ')}`);
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(row.getCell(c).text);
    rows.push(cells);
  });
  return rows;
}

beforeAll(async () => {
  season = await writeSeason(dir);
  run = nianbao(['consolidate', season.submissions, '--roster', season.roster, '--office', '某县', '--out', out(), '--notices', letters(), '--json']);
}, 120000);

test('the run ends with code 1 (B has errors) and writes the workbook, B’s notice and the circular, nothing for A', () => {
  expect(run.stderr).toBe('');
  expect(run.code).toBe(1);
  expect(readdirSync(letters()).sort()).toEqual([`${B}退回意见.docx`, '报送情况通报.docx'].sort());
  expect(JSON.parse(run.stdout).notices).toEqual([join(letters(), `${B}退回意见.docx`), join(letters(), '报送情况通报.docx')]);
});

test('the summary counts A’s corrected version once and never its first', () => {
  const [summary, ...members] = JSON.parse(run.stdout).reports;
  expect([...summary.members].sort()).toEqual([A, B].sort());
  expect(members.map((m: { source: string }) => basename(m.source)).sort()).toEqual([`${A}（修改后）.xlsx`, `${B}.xlsx`].sort());
  for (const c of FORMAT.cells) expect(summary.cells[c.id]).toBeCloseTo((versionA2[c.id] ?? 0) + (versionB[c.id] ?? 0), 6);
  // The first version's wrong total is nowhere in the sum.
  expect(summary.cells[A_WRONG]).toBe(cellsA[A_WRONG] + cellsB[A_WRONG]);
  const superseded = summary.findings.filter((f: { rule: string }) => f.rule === 'summary.version_superseded');
  expect(superseded).toHaveLength(1);
  expect(superseded[0].message).toContain(`未计入：${season.files.a1}（2025-01-15 09:05）`);
});

test('B’s notice names each error cell in words, with the value as submitted and the fix', () => {
  const text = readLetter(readFileSync(join(letters(), `${B}退回意见.docx`)));
  expect(text.paragraphs[1]).toBe(`${B}：`);
  expect(text.paragraphs[2]).toContain(`（${B}.xlsx，报送时间 2025-01-18 14:40）`);
  const errors = text.lines.slice(text.lines.indexOf('一、需要改正的错误（3 项）'), text.lines.indexOf('二、需要核实的问题（1 项）'));
  const cited = errors
    .filter((l) => /^\d+ \| /.test(l))
    .map((l) => l.split(' | '))
    .map((r) => [r[1], r[2], r[4]]);
  expect(cited).toEqual([
    ['「一、本年新收」×「自然人」', String(cellsB[B_WRONG] + 2), `将「一、本年新收」×「自然人」改为 ${cellsB[B_WRONG]}，可同时解决 2 项`],
    ['「一、本年新收」×「自然人」', String(cellsB[B_WRONG] + 2), `将「一、本年新收」×「自然人」改为 ${cellsB[B_WRONG]}，可同时解决 2 项`],
    ['「行政复议」×「结果维持」', '（空白）', `将「行政复议」×「结果维持」改为 ${cellsB['appeals.review.upheld']}`],
  ]);
});

test('A’s row in 汇总明细 says 已整改, names the version not counted and lists the cells it changed', async () => {
  const rows = await sheet(out(), '某县2024汇总明细');
  const header = rows[2];
  const row = rows.find((r) => r[1] === A)!;
  const at = (h: string) => row[header.indexOf(h)];
  expect(at('状态')).toBe('通过');
  expect(at('报送时间')).toBe(`2025-01-22 10:30，第 2 版（${season.files.a2}）；未计入：${season.files.a1}（2025-01-15 09:05）`);
  expect(at('整改情况')).toMatch(/^已整改（改正 \d+ 项）；改动 2 个单元格，其中 1 个不在退回意见所列问题中：/);
  expect(at('整改情况')).toContain(`${label(A_UNASKED)} ${cellsA[A_UNASKED]}→${cellsA[A_UNASKED] + 3}（未要求修改）`);
  expect(at('整改情况')).toContain(`${label(A_WRONG)} ${cellsA[A_WRONG] + 1}→${cellsA[A_WRONG]}`);
  expect(rows.find((r) => r[1] === B)![header.indexOf('整改情况')]).toBe('');
});

test('the 整改情况 sheet lists every changed cell: 单位, 单元格, 原值, 新值, and whether the notice asked for it', async () => {
  const rows = await sheet(out(), '某县2024整改情况');
  expect(rows[2].slice(0, 7)).toEqual(['序号', '单位', '整改情况', '单元格', '原值', '新值', '是否退回意见所列']);
  expect(
    rows
      .slice(3)
      .map((r) => r.slice(1, 7))
      .sort(),
  ).toEqual(
    [
      [A, '已整改', label(A_UNASKED), String(cellsA[A_UNASKED]), String(cellsA[A_UNASKED] + 3), '否'],
      [A, '已整改', label(A_WRONG), String(cellsA[A_WRONG] + 1), String(cellsA[A_WRONG]), '是'],
    ].sort(),
  );
});

test('the circular lists C as 未报送 with its days overdue; as a sheet too', async () => {
  const text = readLetter(readFileSync(join(letters(), '报送情况通报.docx')));
  expect(text.rows.find((r) => r[1] === C)).toEqual(['1', C, '2025-03-31', `逾期 ${daysSince('2025-03-31')} 天`]);
  expect(text.paragraphs.some((p) => p.startsWith('二、未报送的单位（1 个）'))).toBe(true);
  const rows = await sheet(out(), '某县2024报送情况');
  const header = rows.findIndex((r) => r[0] === '序号');
  const c = rows.slice(header).find((r) => r[1] === C)!;
  expect(c.slice(2, 6)).toEqual(['未报送', '2025-03-31', `逾期 ${daysSince('2025-03-31')} 天`, String(daysSince('2025-03-31'))]);
  expect(Object.fromEntries(rows.slice(3, header - 1).map((r) => [r[0], r[1]]))).toMatchObject({ 应报: '3', 已报: '2', 通过: '1', 有错误: '1', 未报送: '1', 逾期未报送: '1' });
});

describe('rendered by LibreOffice', () => {
  const rendered: Record<string, string> = {};
  beforeAll(() => {
    rmSync(ARTIFACTS, { recursive: true, force: true });
    mkdirSync(ARTIFACTS, { recursive: true });
    for (const name of [`${B}退回意见`, '报送情况通报']) {
      execFileSync(soffice, ['--headless', '--convert-to', 'pdf', '--outdir', ARTIFACTS, join(letters(), `${name}.docx`)], { timeout: 120000 });
      rendered[name] = join(ARTIFACTS, `${name}.pdf`);
    }
    // One page kept to look at.
    execFileSync('pdftoppm', ['-r', '70', '-png', '-f', '1', '-l', '1', rendered[`${B}退回意见`], join(ARTIFACTS, 'notice')]);
  }, 240000);

  test.each([`${B}退回意见`, '报送情况通报'])('%s: A4 pages with the text a reader needs', (name) => {
    const info = execFileSync('pdfinfo', [rendered[name]], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+595\.\d* x 841\.\d*|Page size:\s+595\.\d* x 842\.\d*/);
    const text = execFileSync('pdftotext', ['-layout', rendered[name], '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain(name === '报送情况通报' ? '报送情况的通报' : '退回意见');
    expect(text).toContain('（单位名称）');
    if (name !== '报送情况通报') for (const cell of ['「一、本年新收」×「自然人」', '「行政复议」×「结果维持」']) expect(text).toContain(cell);
    else expect(text).toContain(C);
  });

  test('a page image is kept for a look', () => {
    const png = readdirSync(ARTIFACTS).find((f) => f.startsWith('notice') && f.endsWith('.png'))!;
    expect(statSync(join(ARTIFACTS, png)).size).toBeGreaterThan(5000);
  });
});

describe('the next round', () => {
  test('letters written before are kept unless --force; nothing else is written then', () => {
    const again = nianbao(['consolidate', season.submissions, '--roster', season.roster, '--office', '某县', '--out', join(dir, 'again.xlsx'), '--notices', letters()]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`${letters()} 中已有 ${B}退回意见.docx、报送情况通报.docx，其中可能已有补写的内容`);
    expect(existsSync(join(dir, 'again.xlsx'))).toBe(false);
  });

  test('B sends a corrected version: no notice for B now, and the old one left in the folder is pointed out', async () => {
    const fixed = join(season.submissions, `${B}（第二次）.xlsx`);
    writeFileSync(fixed, await reportWorkbook(B, cellsB));
    const t = new Date(2025, 0, 25, 8, 0);
    utimesSync(fixed, t, t);
    // The letters folder inside the submissions folder is not read as submissions.
    const inside = join(season.submissions, '退回意见');
    const r = nianbao(['consolidate', season.submissions, '--roster', season.roster, '--office', '某县', '--out', out(), '--notices', inside, '--force']);
    expect(r.code).toBe(0);
    expect(readdirSync(inside)).toEqual(['报送情况通报.docx']);
    writeFileSync(join(inside, `${B}退回意见.docx`), readFileSync(join(letters(), `${B}退回意见.docx`)));
    const twice = nianbao(['consolidate', season.submissions, '--roster', season.roster, '--office', '某县', '--out', out(), '--notices', inside, '--force']);
    expect(twice.code).toBe(0);
    expect(twice.stderr).toBe(`提示：${inside} 中的 ${B}退回意见.docx 是之前生成的，本次这些单位无需退回，请勿再发出\n`);
    expect(twice.stdout).toContain('已在');
    expect(twice.stdout).toContain('（没有需要退回的单位）报送情况通报');
    const rows = await sheet(out(), '某县2024汇总明细');
    const header = rows[2];
    expect(rows.find((row) => row[1] === B)![header.indexOf('整改情况')]).toMatch(/^已整改（改正 4 项）；改动 2 个单元格：/);
  });

  test('a due date that cannot be read is refused before anything is written', () => {
    const r = nianbao(['consolidate', season.submissions, '--out', join(dir, 'x.xlsx'), '--notices', join(dir, 'x'), '--resubmit-by', '尽快']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('错误：重新报送截止日期“尽快”无法识别，请写成 2025-02-12 或 2月12日。\n');
    expect(existsSync(join(dir, 'x'))).toBe(false);
  });
});
