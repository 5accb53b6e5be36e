/**
 * The 图表 sheet through the Office adapter on the fake Excel host: native charts over the sheet's
 * own cells, set up in the same batches as the sheets (no extra sync), the figures under each chart
 * what the charts' specifications say, and none when switched off.
 */
import { consolidateSheets } from '../../src/app/consolidate-sheets';
import { parseAddress, address } from '../../src/layout/a1';
import { workbookOfReports } from './helpers';

const members = (excel: { sheets: { name: string }[] }) => excel.sheets.map((s) => s.name).filter((n) => n !== 'Sheet1');

/** A range's cells, top to bottom (one column or two). */
function rows(range: string): { row: number; left: number; right: number }[] {
  const [a, b] = range.split(':').map(parseAddress);
  return Array.from({ length: b.row - a.row + 1 }, (_, i) => ({ row: a.row + i, left: a.col, right: b.col }));
}

test('three native charts over the sheet’s cells, each figure under it as its specification says, without another sync', async () => {
  const { excel, port } = await workbookOfReports(4);
  const names = members(excel);
  const withCharts = await excel.count(() => consolidateSheets(port, { members: names, office: '某县' }));
  const r = await consolidateSheets(port, { members: names, office: '某县' });
  expect(r.chartsSheet).toBe('某县2023图表');
  const sheet = excel.sheet('某县2023图表');
  expect(sheet.charts).toHaveLength(r.charts!.length);
  expect(sheet.charts.map((c) => c.title)).toEqual(r.charts!.map((c, i) => `图${i + 1}　${c.title}（单位：${c.unit}）`));
  sheet.charts.forEach((chart, k) => {
    const spec = r.charts![k];
    expect(chart).toMatchObject({ type: 'BarClustered', seriesBy: 'Columns', legendVisible: false, showValue: true, categoriesReversed: true, valueAxisVisible: false, fill: '#0072B2' });
    const cells = rows(chart.source);
    expect(cells[0].right - cells[0].left).toBe(1);
    expect(cells.map((c) => sheet.shown(address(c.row, c.left)))).toEqual(spec.categories.map((x) => x.label));
    expect(cells.map((c) => sheet.shown(address(c.row, c.right)))).toEqual(spec.series[0].values.map((v) => (v.status === 'number' ? v.value : '')));
    // Beside the table (A:C), never over it.
    expect(parseAddress(chart.position![0]).col).toBeGreaterThan(3);
  });

  const without = await workbookOfReports(4);
  const syncs = await without.excel.count(() => consolidateSheets(without.port, { members: members(without.excel), office: '某县', charts: false }));
  expect(withCharts).toBe(syncs);
  expect(without.excel.sheets.some((s) => s.name.endsWith('图表'))).toBe(false);
});
