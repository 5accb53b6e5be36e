import { readFileSync } from 'fs';
import { join } from 'path';
import { formats } from '../../src/formats';
import { reportsFromJsonText } from '../../src/model/report-json';
import { validate } from '../../src/rules/engine';

const reports = reportsFromJsonText(
  readFileSync(join(__dirname, '../fixtures/sample-reports.json'), 'utf8'),
  'sample-reports.json',
  formats,
);

test('scratch', () => {
  for (const r of reports) {
    const v = validate(r);
    console.log(r.source + "\n" + v.findings.filter((f) => f.rule !== "cell.blank").map((f) => [f.rule, f.cells.join(","), f.message, JSON.stringify(f.fix)].join(" | ")).join("\n") + "\nblank:" + v.findings.filter((f) => f.rule === "cell.blank").length);
  }
  expect(reports.length).toBe(7);
});
