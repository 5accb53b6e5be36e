/**
 * A converter's Markdown parts rows of figures from their labels. They are placed by the statutory
 * order only when the count of rows, each row's count of figures and the order of the loose labels
 * all agree; otherwise nothing is placed and the cells stay missing.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { formats } from '../../src/formats';
import type { GridCell, GridRow } from '../../src/import/grid';
import { formatSpecs, type RowSpec } from '../../src/import/row-specs';
import { rowsByOrder, type UnlabelledRow } from '../../src/import/recognize/rows-by-order';
import { validate } from '../../src/rules/engine';
import { readReportsAndText } from '../helpers/read-file';
import { WILD, wildFigures } from '../helpers/wild-outcome';

const specs = formatSpecs(formats.byId('gov-2021')!);
const spec = (id: string): RowSpec => specs.rows.find((r) => r.id === id)!;
const figures = (...texts: string[]): UnlabelledRow => {
  const values: GridCell[] = texts.map((text, x) => ({ text, x, at: `第${x + 1}列` }));
  const row: GridRow = { cells: values, aligned: true, apart: true };
  return { row, values };
};
const INTERNAL = spec('denied.internal');
const NOT_HELD = spec('unable.not_held');
const LOOSE = ['5.属于三类内部事务信息', '（四）无法提供', '1.本机关不掌握相关政府信息'];

describe('rows placed by order', () => {
  test('two unread rows, two rows of seven, labels in that order: each row to its label', () => {
    const placed = rowsByOrder([INTERNAL, NOT_HELD], [figures('1', '0', '0', '0', '0', '0', '1'), figures('4', '0', '0', '0', '0', '0', '4')], LOOSE);
    expect(placed?.map((p) => [p.spec.id, p.values.map((v) => v.text).join(' ')])).toEqual([
      ['denied.internal', '1 0 0 0 0 0 1'],
      ['unable.not_held', '4 0 0 0 0 0 4'],
    ]);
  });

  test('a count of rows that differs places nothing', () => {
    expect(rowsByOrder([INTERNAL, NOT_HELD], [figures('1', '0', '0', '0', '0', '0', '1')], LOOSE)).toBeNull();
    expect(rowsByOrder([], [], LOOSE)).toBeNull();
  });

  test('a row short of its figures places nothing', () => {
    expect(rowsByOrder([INTERNAL, NOT_HELD], [figures('1', '0', '0', '0', '0', '1'), figures('4', '0', '0', '0', '0', '0', '4')], LOOSE)).toBeNull();
  });

  test('labels standing in another order, or missing, place nothing', () => {
    const rows = [figures('1', '0', '0', '0', '0', '0', '1'), figures('4', '0', '0', '0', '0', '0', '4')];
    expect(rowsByOrder([INTERNAL, NOT_HELD], rows, [LOOSE[2], LOOSE[0]])).toBeNull();
    expect(rowsByOrder([INTERNAL, NOT_HELD], rows, [LOOSE[0]])).toBeNull();
  });

  test("a label's characters scattered far apart are not that label", () => {
    const scattered = ['5.属于' + '其他'.repeat(20) + '三类内部事务信息'];
    expect(rowsByOrder([INTERNAL], [figures('1', '0', '0', '0', '0', '0', '1')], scattered)).toBeNull();
    expect(rowsByOrder([INTERNAL], [figures('1', '0', '0', '0', '0', '0', '1')], ['5.属于三类', '内部事务信息'])).not.toBeNull();
  });
});

test('a converter text whose rows lost their labels (上海 科委 2024): placed, said, and every figure as printed', async () => {
  const slug = 'shanghai-stcsm-2024';
  const { reports } = await readReportsAndText(`${slug}.txt`, readFileSync(join(WILD, slug, 'extract.md')), formats);
  expect(reports).toHaveLength(1);
  const r = reports[0];
  const format = formats.byId(r.format)!;
  const { cells, lost_in_extraction: lost = {} } = wildFigures(slug);
  for (const [id, want] of Object.entries(cells)) {
    if (id in lost) continue;
    expect([id, r.readings[format.index.get(id)!]?.value]).toEqual([id, want]);
  }
  const said = validate(r).findings.filter((f) => f.rule === 'format.rows_by_order');
  expect(said.length).toBeGreaterThan(0);
  expect(said.flatMap((f) => f.cells)).toEqual(expect.arrayContaining(['requests.denied.internal.total', 'requests.unable.not_held.total']));
  // The cell the converter dropped is missing, never made up.
  expect(r.readings[format.index.get('requests.carried_out.total')!]?.value ?? null).toBeNull();
});
