/** The text check finds a report's format in the registry it is given, not only among the shipped ones. */
import { FormatRegistry } from '../../src/formats';
import { checkNarrative } from '../../src/narrative/check';
import { reportText } from '../helpers/narrative-text';
import { reportFromCells } from '../helpers/random-report';
import { TEST_2030 } from '../helpers/format-2030';

test('a figure in the text is compared with a report of a format only the given registry knows', () => {
  const registry = new FormatRegistry();
  const format = registry.register(TEST_2030);
  const report = reportFromCells(format, { 'requests.new.total': 34 }, { year: 2030, office: '测试县人民政府' });
  const document = reportText('本年度共收到政府信息公开申请35件。', 2030);
  const found = checkNarrative({ document, report, registry }).filter((f) => f.rule === 'narrative.figure_mismatch');
  expect(found.map((f) => [f.cells, f.expected, f.actual])).toEqual([[['requests.new.total'], 34, 35]]);
  // The shipped formats do not know it: no table to compare with, so nothing is said.
  expect(checkNarrative({ document, report }).filter((f) => f.rule === 'narrative.figure_mismatch')).toEqual([]);
});
