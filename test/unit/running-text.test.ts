/**
 * Pages saved by web archivers and crawlers: metadata lines in front (标题:, 发布机构:), the whole
 * report on one line, cells run together (「规章000行政规范性文件417…」). Read on the corpus's real
 * crawler texts: the tables by their labels in the running text, the office from the 标题: line,
 * and figures run together split only when they split one way; never guessed.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { formats } from '../../src/formats';
import type { GridCell } from '../../src/import/grid';
import { splitRuns } from '../../src/import/recognize/digit-runs';
import type { Report } from '../../src/model/report';
import { validate } from '../../src/rules/engine';
import { readReportsAndText } from '../helpers/read-file';
import { WILD, wildFigures } from '../helpers/wild-outcome';

const run = (...texts: string[]): GridCell[] => texts.map((text, x) => ({ text, x, at: 'A1', run: true }));
const texts = (r: ReturnType<typeof splitRuns>) => (r && 'cells' in r ? r.cells.map((c) => c.text) : r);

describe('figures run together', () => {
  test('split when exactly one split gives the row its count', () => {
    expect(texts(splitRuns(run('1000001'), 7))).toEqual(['1', '0', '0', '0', '0', '0', '1']);
    expect(texts(splitRuns(run('417'), 3))).toEqual(['4', '1', '7']);
    // A figure of several digits never starts with 0: 「1001」 in three is 10 | 0 | 1 only (1 | 00 | 1 and 1 | 0 | 01 are no figures).
    expect(texts(splitRuns(run('1001'), 3))).toEqual(['10', '0', '1']);
    // A space the page kept is a boundary.
    expect(texts(splitRuns(run('10', '001'), 5))).toEqual(['1', '0', '0', '0', '1']);
  });

  test('never split by guessing: more than one split is ambiguous, none is impossible', () => {
    // 「行政许可8801」 for 88 | 0 | 1: 8 | 80 | 1 fits as well.
    expect(splitRuns(run('8801'), 3)).toEqual({ ambiguous: '8801' });
    expect(splitRuns(run('2159165'), 3)).toEqual({ ambiguous: '2159165' });
    expect(splitRuns(run('000000'), 7)).toEqual({ impossible: '000000' });
  });

  test('cells a table or a tab kept apart are never split, nor rows with enough figures', () => {
    const apart: GridCell[] = ['11', '39', '4', '52', '68', '229'].map((text, x) => ({ text, x, at: 'A1' }));
    expect(splitRuns(apart, 7)).toBeNull();
    expect(splitRuns(run('1', '0', '2'), 3)).toBeNull();
  });
});

async function read(slug: string): Promise<Report> {
  const { reports } = await readReportsAndText(`${slug}.txt`, readFileSync(join(WILD, slug, 'extract.txt')), formats);
  expect(reports).toHaveLength(1);
  return reports[0];
}

const value = (r: Report, id: string) => r.readings[formats.byId(r.format)!.index.get(id)!];

test('a crawler page of one line (平潭 公安局 2022): every figure, and the office from its 标题: line', async () => {
  const r = await read('pingtan-police-2022');
  expect([r.office, r.year, r.format]).toEqual(['平潭综合实验区公安局', 2022, 'gov-2021']);
  const { cells } = wildFigures('pingtan-police-2022');
  for (const [id, want] of Object.entries(cells)) expect([id, value(r, id)?.value]).toEqual([id, want]);
  expect(validate(r).findings.filter((f) => f.severity === 'error')).toEqual([]);
});

test('figures that split more than one way are unreadable, named, and never counted (平潭 管委会办公室 2023)', async () => {
  const r = await read('pingtan-office-2023');
  const found = validate(r).findings.filter((f) => f.rule === 'cell.ambiguous');
  const normative = found.find((f) => f.cells[0].startsWith('proactive.normative'))!;
  expect(normative.message).toContain('“2159165”');
  expect(normative.cells).toEqual(['proactive.normative.issued', 'proactive.normative.repealed', 'proactive.normative.in_force']);
  for (const id of normative.cells) expect(value(r, id)).toMatchObject({ status: 'invalid', value: null, raw: '2159165' });
  // No other error for those cells: one finding for the row, not one per cell.
  expect(validate(r).findings.filter((f) => f.rule === 'cell.not_number')).toEqual([]);
  // The figures that do split one way are read (「规章000」).
  expect(value(r, 'proactive.rules.issued')?.value).toBe(0);
});

test('a label worded otherwise in running text is read loosely with its figures and said (平潭 君山片区 2024)', async () => {
  const r = await read('pingtan-junshan-2024');
  const drift = validate(r).findings.filter((f) => f.rule === 'format.label_drift');
  expect(drift.map((f) => f.cells[0])).toEqual(['requests.denied.law.natural', 'requests.other.no_correction.natural', 'requests.other.unpaid.natural']);
  // The numbering after figures belongs to the next label: 「…国家秘密0000000」「2.其他法律和…0000000」.
  expect(value(r, 'requests.denied.secret.total')?.value).toBe(0);
  expect(value(r, 'requests.granted.total')?.value).toBe(1);
  // The appeals row 「010010000000000」 splits one way: 行政复议 结果纠正 1, 总计 1.
  expect(value(r, 'appeals.review.corrected')?.value).toBe(1);
  expect(value(r, 'appeals.review.total')?.value).toBe(1);
});
