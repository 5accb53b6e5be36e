/**
 * A worksheet as a grid: merges spread as copies; an address that is no address (a damaged
 * file's XML, as a fuzzed byte makes it) is refused as the file's damage, never a crash.
 */
import { gridFromSheet } from '../../src/import/sheet-grid';
import type { SheetData } from '../../src/model/sheet-data';
import { InputError } from '../../src/model/report-json';

const sheet = (cells: [string, string | number][], merges: string[] = []): SheetData => ({ name: '表一', meta: null, cells: new Map(cells), notes: new Map(), fills: new Map(), merges });

test('a merged label is copied into every cell it spans', () => {
  const grid = gridFromSheet(
    sheet(
      [
        ['A1', '申请人情况'],
        ['A2', 5],
      ],
      ['A1:C1'],
    ),
    'a.xlsx',
  );
  expect(grid.rows[0].cells.map((c) => [c.text, c.x, c.copy ?? false])).toEqual([
    ['申请人情况', 0, false],
    ['申请人情况', 1, true],
    ['申请人情况', 2, true],
  ]);
  expect(grid.rows[1].cells.map((c) => c.text)).toEqual(['5']);
});

test.each([
  [
    'a cell',
    sheet([
      ['A1', '标题'],
      ['C2S', 3],
    ]),
  ],
  ['a merge', sheet([['C23', '标题']], ['C23</><MERGECELL REF=:D24'])],
  ['the end of a merge', sheet([['B3', '标题']], ['B3:>48'])],
])('an address that is no address in %s: the file is said to be damaged', (_, damaged) => {
  expect(() => gridFromSheet(damaged, 'a.xlsx')).toThrow(InputError);
  expect(() => gridFromSheet(damaged, 'a.xlsx')).toThrow(/工作表“表一”中有无法识别的单元格地址“.+”，文件已损坏/);
});
