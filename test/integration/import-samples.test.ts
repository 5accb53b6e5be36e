/**
 * The table sections of the three published sample texts, through the real
 * `nianbao validate --json`: exactly the figures of reports.json, and the findings
 * the samples' README lists.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { nianbao, ROOT } from '../helpers/cli';

interface OutReport {
  office: string;
  year: number;
  format: string;
  cells: Record<string, number | null>;
  raw: Record<string, string>;
  findings: { rule: string; severity: string; cells: string[]; message: string; expected?: number; actual?: number }[];
}

const figures = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/sample-reports.json'), 'utf8')) as {
  reports: { id: string; office: string; cells: Record<string, number | null>; raw?: Record<string, string> }[];
};
const expected = (id: string) => figures.reports.find((r) => r.id.includes(id))!;

function read(name: string): { code: number; report: OutReport; stderr: string } {
  const run = nianbao(['validate', join(ROOT, 'test/fixtures/samples', name), '--json']);
  const doc = JSON.parse(run.stdout) as { reports: OutReport[] };
  expect(doc.reports).toHaveLength(1);
  return { code: run.code, report: doc.reports[0], stderr: run.stderr };
}

function rules(r: OutReport, except: string[] = []): string[] {
  return r.findings
    .map((f) => f.rule)
    .filter((x) => !except.includes(x))
    .sort();
}

test('阜新 2020 (tab-separated, labels broken by spaces): exact figures and the three errors', () => {
  const { code, report } = read('fuxin-2020.txt');
  expect(code).toBe(1);
  expect(report).toMatchObject({ office: '阜新市人民政府办公室', year: 2020, format: 'gov-2019' });
  expect(report.cells).toEqual(expected('fuxin').cells);
  expect(rules(report)).toEqual(['requests.balance', 'requests.results_sum', 'requests.row_sum']);
});

test('益阳 2020 (one cell per line with " |"): exact figures, 13 blanks, the arithmetic errors and the label drift', () => {
  const { code, report } = read('yiyang-2020.txt');
  expect(code).toBe(1);
  expect(report).toMatchObject({ office: '益阳市人民政府办公室', year: 2020, format: 'gov-2019' });
  expect(report.cells).toEqual(expected('yiyang').cells);
  expect(report.findings.filter((f) => f.rule === 'cell.blank')).toHaveLength(13);
  expect(rules(report, ['cell.blank'])).toEqual(
    [
      'format.label_drift',
      'format.label_drift',
      'format.label_drift',
      'requests.balance',
      'requests.balance',
      'requests.results_sum',
      'requests.results_sum',
      'requests.results_sum',
      'requests.row_sum',
    ].sort(),
  );
  const drift = report.findings.filter((f) => f.rule === 'format.label_drift').map((f) => f.message);
  expect(drift.some((m) => m.includes('本年新收到') && m.includes('一、本年新收政府信息公开申请数量'))).toBe(true);
  expect(drift.some((m) => m.includes('上年转结') && m.includes('二、上年结转政府信息公开申请数量'))).toBe(true);
  expect(drift.some((m) => m.includes('转结下年度') && m.includes('四、结转下年度继续办理'))).toBe(true);
  const driftCells = report.findings.find((f) => f.message.includes('上年转结'))!.cells;
  expect(driftCells).toContain('requests.carried_in.natural');
});

test('吴忠 2020 (tab-separated, signed values, money with its unit): exact figures, arithmetic passes', () => {
  const { code, report } = read('wuzhong-2020.txt');
  expect(code).toBe(0);
  expect(report).toMatchObject({ office: '吴忠市', year: 2020, format: 'gov-2019' });
  const want = expected('wuzhong');
  expect(report.cells).toEqual(want.cells);
  expect(report.raw).toEqual(want.raw);
  expect(rules(report)).toEqual(['cell.unit_text']);
  expect(report.findings[0].cells).toEqual(['proactive.procurement.amount']);
});
