/**
 * Host calls follow the sheets and their layout, never the number of cells: the same operation
 * over more cells costs the same calls. (npm run bench prints the figures as wps.calls.*.)
 */
import { consolidateSheets } from '../../src/app/consolidate-sheets';
import { saveRoster } from '../../src/app/roster-sheet';
import { generateTemplate } from '../../src/app/generate';
import { validateSheets } from '../../src/app/validate-sheets';
import { typeValues, workbookOfReports, wpsHost } from './helpers';
import { a1 } from './fake-et';

/** Calls to validate one report sheet whose clerk wrote `extra` cells of notes below and beside the tables. */
async function validateWithNotes(extra: number) {
  const { et, port } = wpsHost();
  await generateTemplate(port, { office: '甲局', year: 2023 });
  typeValues(et, '甲局2023年报', 2023, 1, { 'requests.total.legal': 99 });
  const s = et.sheet('甲局2023年报');
  for (let i = 0; i < extra; i++) s.cell(a1(70 + Math.floor(i / 20), 1 + (i % 20))).value = `备注${i}`;
  let findings = 0;
  const calls = await et.count(async () => (findings = (await validateSheets(port, { sheets: 'active' }))[0].findings.length));
  return { calls, findings };
}

test('validating a sheet costs the same calls with 10 or 2000 more cells on it', async () => {
  const few = await validateWithNotes(10);
  const many = await validateWithNotes(2000);
  expect(few.findings).toBeGreaterThan(0);
  expect(many).toEqual(few);
});

test('consolidating 20 members costs the same calls whether each member has few cells filled or all', async () => {
  const sparse = await workbookOfReports(20, 2023, false);
  const full = await workbookOfReports(20, 2023, true);
  const run = async (host: Awaited<ReturnType<typeof workbookOfReports>>) => {
    const members = host.et.sheets.map((s) => s.name).filter((n) => n !== 'Sheet1');
    // Without the 图表 sheet: which charts are drawn depends on the figures (a chart of nothing but 0 is left out); wps-charts.test.ts counts theirs.
    return host.et.count(() => consolidateSheets(host.port, { members, office: '某县', mode: 'values', charts: false }));
  };
  const [a, b] = [await run(sparse), await run(full)];
  expect(a).toBeGreaterThan(0);
  expect(b).toBe(a);
});

test('saving a roster of 10 units or of 300 costs the same calls', async () => {
  const calls = async (n: number) => {
    const { et, port } = wpsHost();
    const text = Array.from({ length: n }, (_, i) => `第${i + 1}单位`).join('\n');
    const c = await et.count(() => saveRoster(port, text, 2023));
    expect(et.sheets.find((s) => s.name === '报送名单')?.cells.size).toBeGreaterThan(n);
    return c;
  };
  expect(await calls(300)).toBe(await calls(10));
});

test('consolidating more members costs calls per member sheet, not per cell: 40 members cost about twice 20', async () => {
  const run = async (n: number) => {
    const host = await workbookOfReports(n, 2023, true);
    const members = host.et.sheets.map((s) => s.name).filter((x) => x !== 'Sheet1');
    return host.et.count(() => consolidateSheets(host.port, { members, office: '某县', mode: 'values' }));
  };
  const [twenty, forty] = [await run(20), await run(40)];
  // Each member sheet adds a fixed handful of calls (reading its name, protection, values and formulas).
  const perMember = (forty - twenty) / 20;
  expect(perMember).toBeGreaterThan(0);
  expect(perMember).toBeLessThan(40);
});
