/**
 * The 图表 sheet through the WPS adapter on the fake ET host: native charts (ChartObjects) over the
 * sheet's own cells, each figure under a chart what its specification says, placed beside the
 * table; a fixed number of host calls per chart whatever the number of members; and a build
 * without charts writes the figures only, and the pane says so.
 */
import { consolidateSheets } from '../../src/app/consolidate-sheets';
import { address, parseAddress } from '../../src/layout/a1';
import { FULL, missingFeatures } from '../../src/ports/wps/capabilities';
import { toBgr } from '../../src/ports/wps/colors';
import { workbookOfReports, wpsHost } from './helpers';
import { generateTemplate } from '../../src/app/generate';

const members = (et: { sheets: { name: string }[] }) => et.sheets.map((s) => s.name).filter((n) => n !== 'Sheet1');

test('native charts over the 图表 sheet’s cells, as the specifications say', async () => {
  const { et, port } = await workbookOfReports(4);
  const r = await consolidateSheets(port, { members: members(et), office: '某县', mode: 'values' });
  const sheet = et.sheet(r.chartsSheet!);
  expect(sheet.charts).toHaveLength(r.charts!.length);
  sheet.charts.forEach((chart, k) => {
    const spec = r.charts![k];
    expect(chart).toMatchObject({ chartType: 57, plotBy: 2, hasTitle: true, hasLegend: false, categoriesReversed: true, valueAxisDeleted: true, hasDataLabels: true, fill: toBgr('0072B2') });
    expect(chart.title).toBe(`图${k + 1}　${spec.title}（单位：${spec.unit}）`);
    const [a, b] = chart.source!.split(':').map(parseAddress);
    expect(b.col - a.col).toBe(1);
    const rows = Array.from({ length: b.row - a.row + 1 }, (_, i) => a.row + i);
    expect(rows.map((row) => sheet.shown(address(row, a.col)))).toEqual(spec.categories.map((c) => c.label));
    expect(rows.map((row) => sheet.shown(address(row, b.col)))).toEqual(spec.series[0].values.map((v) => (v.status === 'number' ? v.value : null)));
    // Right of the table's three columns, below the sheet's title.
    expect(chart.left).toBeGreaterThan(200);
    expect(chart.width).toBeGreaterThan(300);
    expect(chart.height).toBeGreaterThan(100);
  });
});

test('the charts cost the same host calls for 5 members as for 15', async () => {
  const calls = async (n: number) => {
    const host = await workbookOfReports(n);
    const ms = members(host.et);
    const withCharts = await host.et.count(() => consolidateSheets(host.port, { members: ms, office: '某县', mode: 'values' }));
    const again = await workbookOfReports(n);
    const without = await again.et.count(() => consolidateSheets(again.port, { members: members(again.et), office: '某县', mode: 'values', charts: false }));
    return withCharts - without;
  };
  const [few, many] = [await calls(5), await calls(15)];
  expect(few).toBeGreaterThan(0);
  expect(many).toBe(few);
});

test('a build without charts writes the figures, draws nothing, and the pane says what is missing', async () => {
  const { et, port } = wpsHost({ caps: { ...FULL, charts: false }, lacks: ['ChartObjects'] });
  for (let i = 0; i < 3; i++) await generateTemplate(port, { office: `第${i + 1}单位`, year: 2023 });
  const r = await consolidateSheets(port, { members: members(et), office: '某县', mode: 'values' });
  expect(r.chartsSheet).toBeDefined();
  const sheet = et.sheet(r.chartsSheet!);
  expect(sheet.charts).toEqual([]);
  expect(sheet.shown('A4')).toMatch(/^图1/);
  expect(missingFeatures({ ...FULL, charts: false })).toEqual(['图表（汇总的“图表”工作表只写入各图的数据，不画图）']);
});
