import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { formats } from '../../src/formats';
import { reportFromJson } from '../../src/model/report-json';
import { validate } from '../../src/rules/engine';
import { nianbao } from '../helpers/cli';
import { seeded, validCells } from '../helpers/random-report';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-bad-'));
const f2021 = formats.byId('gov-2021')!;
const CJK = /[\u4e00-\u9fff]/;
const NO_STACK = /at .*\(|Error:|TypeError|undefined/;

function jsonReport(overrides: Record<string, unknown>, year = 2023) {
  return { office: '某县人民政府办公室', year, cells: { ...validCells(f2021, seeded(7)), ...overrides } };
}

test('text in a count cell is an error and is never summed as 0', () => {
  const r = reportFromJson(jsonReport({ 'requests.granted.natural': '若干' }), 'x', formats);
  const v = validate(r);
  const bad = v.findings.filter((f) => f.rule === 'cell.not_number');
  expect(bad).toHaveLength(1);
  expect(bad[0].message).toContain('若干');
  expect(bad[0].severity).toBe('error');
  // The sums it feeds are not checked with a 0 in its place.
  expect(v.findings.filter((f) => f.rule === 'requests.results_sum' || f.rule === 'requests.row_sum')).toEqual([]);
});

test('negative and fractional counts are errors; signed and money cells are exempt', () => {
  const r = reportFromJson(jsonReport({ 'appeals.review.upheld': -1, 'appeals.review.pending': 1.5, 'proactive.fees.amount': 3.25 }), 'x', formats);
  const rules = validate(r).findings.map((f) => `${f.rule} ${f.cells[0]}`);
  expect(rules).toContain('cell.negative appeals.review.upheld');
  expect(rules).toContain('cell.not_integer appeals.review.pending');
  expect(rules.filter((x) => x.includes('proactive.fees.amount'))).toEqual([]);
});

test('a year before 2019 gets a Chinese refusal, from the engine and from the command line', () => {
  const v = validate(reportFromJson({ ...jsonReport({}), year: 2018, format: 'gov-2019', cells: {} }, 'x', formats));
  const mismatch = v.findings.find((f) => f.rule === 'format.year_mismatch')!;
  expect(mismatch.message).toMatch(/2018 年度没有法定表格格式/);
  const cli = nianbao(['template', '--year', '2018', '--out', join(dir, 'x.xlsx')]);
  expect(cli.code).toBe(2);
  expect(cli.stderr).toMatch(CJK);
  expect(cli.stderr).toContain('2018');
  expect(cli.stderr).not.toMatch(NO_STACK);
});

test.each([
  ['garbage.xlsx', 'this is not a zip'],
  ['empty.json', ''],
  ['broken.json', '{"office": '],
  ['wrong.json', '{"hello": 1}'],
  ['unknown.pdf', '%PDF-1.4'],
])('an unreadable file %s exits 2 with a Chinese message naming it', (name, content) => {
  const file = join(dir, name);
  writeFileSync(file, content);
  const r = nianbao(['validate', file]);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain(name);
  expect(r.stderr).toMatch(CJK);
  expect(r.stderr).not.toMatch(NO_STACK);
});

test('a missing file and bad options exit 2 in Chinese', () => {
  for (const args of [['validate', join(dir, 'nope.xlsx')], ['template', '--out', 'x.xlsx'], ['frobnicate'], ['validate']]) {
    const r = nianbao(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(CJK);
    expect(r.stderr).not.toMatch(NO_STACK);
  }
});

test('a report whose cells are missing gets format.missing_cells, not zeros', () => {
  const cells = validCells(f2021, seeded(3));
  delete cells['requests.new.legal'];
  const v = validate(reportFromJson({ office: 'x', year: 2022, cells }, 'x', formats));
  const m = v.findings.find((f) => f.rule === 'format.missing_cells')!;
  expect(m.cells).toEqual(['requests.new.legal']);
  expect(m.message).toContain('「一、本年新收」×「法律服务机构」');
});
