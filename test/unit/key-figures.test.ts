/** The key figures of the overview and the comparison, as each format's definition names them. */
import { formats } from '../../src/formats';
import { figureIds, keyFiguresOf, overviewFigures } from '../../src/consolidate/key-figures';

const F2019 = formats.byId('gov-2019')!;
const F2021 = formats.byId('gov-2021')!;

test("a format's overview has a column for each of its key figures but those kept for the comparison", () => {
  const all = F2021.def.keyFigures;
  const shown = overviewFigures(F2021);
  expect(shown.map((f) => f.label)).toEqual(all.filter((k) => !k.comparisonOnly).map((k) => k.label));
  expect(shown.length).toBeLessThan(all.length);
  expect(shown.find((f) => f.label === '规范性文件')!.sums).toEqual([['proactive.normative.issued']]);
  expect(shown.find((f) => f.label === '收费（万元）')).toMatchObject({ money: true });
});

test('figures of the same label in two formats are one figure with each format’s cells as an alternative, once', () => {
  const merged = keyFiguresOf([F2021, F2019]);
  expect(merged.find((f) => f.label === '规范性文件')!.sums).toEqual([['proactive.normative.issued'], ['proactive.normative.made']]);
  const shared = F2019.def.keyFigures.find((k) => F2021.def.keyFigures.some((x) => x.label === k.label && x.sum.join() === k.sum.join()))!;
  expect(merged.find((f) => f.label === shared.label)!.sums).toEqual([shared.sum]);
  expect(merged.filter((f) => f.label === shared.label)).toHaveLength(1);
  expect(merged.find((f) => f.label === '行政许可')).toMatchObject({ comparisonOnly: true });
});

test("a figure's cells in a format are the first alternative whose cells the format has, all of them", () => {
  const merged = keyFiguresOf([F2021, F2019]).find((f) => f.label === '规范性文件')!;
  expect(figureIds(F2019, merged)).toEqual(['proactive.normative.made']);
  expect(figureIds(F2021, merged)).toEqual(['proactive.normative.issued']);
  // Half of its cells in the 2019 format is none: the fees figure exists only from 2021.
  expect(figureIds(F2019, { label: '收费与申请', sums: [['requests.new.total', 'proactive.fees.amount']] })).toBeUndefined();
});
