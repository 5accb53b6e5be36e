/**
 * Every sample report, through the real `nianbao validate --json`, gives exactly
 * the findings listed by hand in the samples' README.
 */
import { join } from 'path';
import { nianbao, ROOT } from '../helpers/cli';

const SAMPLES = join(ROOT, 'test/fixtures/sample-reports.json');

interface OutFinding {
  rule: string;
  severity: string;
  cells: string[];
  message: string;
  expected?: number;
  actual?: number;
  fix?: { cell: string; value: number; resolves: number };
}
interface OutReport {
  source: string;
  office: string;
  year: number;
  format: string;
  cells: Record<string, number | null>;
  raw: Record<string, string>;
  findings: OutFinding[];
}

const run = nianbao(['validate', SAMPLES, '--json']);
const doc = JSON.parse(run.stdout) as { reports: OutReport[] };
const byId = (id: string) => doc.reports.find((r) => r.source.endsWith(`#${id}`))!;

test('exit code 1: some samples carry errors', () => {
  expect(run.stderr).toBe('');
  expect(run.code).toBe(1);
  expect(doc.reports).toHaveLength(7);
});

test('every report lists every cell id of its format', () => {
  for (const r of doc.reports) expect(Object.keys(r.cells)).toHaveLength(r.format === 'gov-2019' ? 198 : 200);
});

test('阜新 2020: the （七）总计 row breaks three sums, one fix resolves all', () => {
  const r = byId('seed000_fuxin_szfb_2020');
  expect(r.findings.map((f) => f.rule).sort()).toEqual(['requests.balance', 'requests.results_sum', 'requests.row_sum']);
  const balance = r.findings.find((f) => f.rule === 'requests.balance')!;
  expect(balance).toMatchObject({ severity: 'error', expected: 0, actual: 1 });
  expect(balance.cells).toEqual(['requests.total.nonprofit', 'requests.new.nonprofit', 'requests.carried_in.nonprofit', 'requests.carried_out.nonprofit']);
  expect(balance.message).toBe('「社会公益组织」列：一、本年新收 + 二、上年结转 = 0，应等于（七）总计 + 四、结转下年度 = 1');
  const rowSum = r.findings.find((f) => f.rule === 'requests.row_sum')!;
  expect([rowSum.expected, rowSum.actual]).toEqual([61, 60]);
  expect(rowSum.message).toContain('「（七）总计」行');
  const results = r.findings.find((f) => f.rule === 'requests.results_sum')!;
  expect([results.expected, results.actual]).toEqual([0, 1]);
  for (const f of r.findings) {
    expect(f.fix).toEqual({ cell: 'requests.total.nonprofit', value: 0, resolves: 3 });
    expect(f.cells[0]).toBe('requests.total.nonprofit');
  }
});

test('益阳 2020: 13 blanks and the arithmetic errors of the README', () => {
  const r = byId('seed001_yiyang_szfb_2020');
  const blanks = r.findings
    .filter((f) => f.rule === 'cell.blank')
    .map((f) => f.cells[0])
    .sort();
  expect(blanks).toEqual(
    [
      ...['business', 'research', 'nonprofit', 'legal', 'org_other'].map((c) => `requests.granted.${c}`),
      'requests.denied.third_party.business',
      'requests.denied.internal.business',
      'requests.rejected.repeat.research',
      ...['business', 'research', 'nonprofit', 'legal', 'org_other'].map((c) => `requests.total.${c}`),
    ].sort(),
  );
  const arithmetic = r.findings
    .filter((f) => f.rule !== 'cell.blank')
    .map((f) => `${f.rule} ${f.message.slice(0, f.message.indexOf('：'))} ${f.expected}/${f.actual}`)
    .sort();
  expect(arithmetic).toEqual(
    [
      'requests.balance 「自然人」列 39/42',
      'requests.balance 「商业企业」列 3/0',
      'requests.results_sum 「自然人」列 43/42',
      'requests.results_sum 「法律服务机构」列 3/0',
      'requests.results_sum 「总计」列 43/42',
      'requests.row_sum 「（三）不予公开／6.属于四类过程性信息」行 3/0',
    ].sort(),
  );
  expect(r.findings.filter((f) => f.severity === 'error')).toHaveLength(6);
});

test('吴忠 2020: only the money cell with its unit, read as 万元', () => {
  const r = byId('seed004_wuzhong_city_2020');
  expect(r.findings).toHaveLength(1);
  expect(r.findings[0]).toMatchObject({ rule: 'cell.unit_text', severity: 'warning', cells: ['proactive.procurement.amount'] });
  expect(r.findings[0].message).toContain('84933.6787（万元）');
  expect(r.cells['proactive.procurement.amount']).toBe(84933.6787);
  expect(r.raw['proactive.procurement.amount']).toBe('84933.6787（万元）');
});

test('平潭 2019: a blank and an unreadable amount, nothing else', () => {
  const r = byId('pingtan_2019');
  expect(r.findings.map((f) => `${f.rule} ${f.cells.join(',')}`).sort()).toEqual(['cell.blank proactive.procurement.projects', 'cell.not_number proactive.procurement.amount']);
  expect(r.cells['proactive.procurement.amount']).toBeNull();
  expect(r.raw['proactive.procurement.amount']).toBe('75394432.52元?');
});

test.each(['pingtan_2021', 'pingtan_2022', 'suqian_city_2023'])('%s is clean', (id) => {
  expect(byId(id).findings).toEqual([]);
});
