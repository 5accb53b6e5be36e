/**
 * compileFormat refuses a definition the report sheet cannot hold, naming the part, before any
 * layout could put a value in the hidden metadata column P or the backup row 60.
 */
import { FormatRegistry, formats } from '../../src/formats';
import { compileFormat } from '../../src/formats/compile';
import type { FormatDef, HeaderNode, MatrixTable, SectionsTable } from '../../src/formats/types';
import { buildSheetPlan, labelBands, META_BACKUP_ROW, META_COLUMN, sectionSlots } from '../../src/layout/sheet-plan';
import { TEST_2030 } from '../helpers/format-2030';

const sections = (def: FormatDef) => def.tables[0] as SectionsTable;
const matrix = (def: FormatDef) => def.tables[1] as MatrixTable;
const copy = (): FormatDef => structuredClone(TEST_2030);

test('the made-up third version fits', () => {
  expect(() => compileFormat(TEST_2030)).not.toThrow();
});

test('a section of ten columns: refused, naming the table and the section', () => {
  const def = copy();
  const s = sections(def).sections[1];
  s.columns = Array.from({ length: 10 }, (_, i) => ({ id: `c${i}`, label: `第${i}列` }));
  expect(() => compileFormat(def)).toThrow(
    'test-2030：表「二、主动公开政府信息情况」的「第二十条第（五）项」有 10 列，每节应有 1 至 9 列（第 16 列（P）是隐藏的元数据列）（table proactive, section 第二十条第（五）项: 10 columns, 1 to 9 fit before the metadata column P）',
  );
});

test('a requests table wider than the grid beside its label levels: refused', () => {
  const def = copy();
  const group = matrix(def).columns[0].children![1];
  group.children = [...group.children!, ...['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, label: `组织${id}` }))];
  expect(() => compileFormat(def)).toThrow('表「三、收到和处理政府信息公开申请情况」有 13 个数值列和 3 级行标签，报告表只有 15 列');
});

test('a header-row table of sixteen columns: refused', () => {
  const def = copy();
  const leaves: HeaderNode[] = Array.from({ length: 16 }, (_, i) => ({ id: `x${i}`, label: `列${i}` }));
  def.tables[2] = { id: 'appeals', layout: 'header-row', title: '四、复议诉讼', shortTitle: '复议诉讼', columns: [{ id: 'g', label: '组', children: leaves }] };
  def.relations = def.relations.filter((r) => r.table !== 'appeals');
  def.keyFigures = def.keyFigures.filter((f) => f.sum.every((id) => !id.startsWith('appeals.')));
  def.keyRates = [];
  expect(() => compileFormat(def)).toThrow('表「四、复议诉讼」有 16 个数值列，报告表只有 15 列');
});

test('a value column without an id: refused', () => {
  const def = copy();
  delete matrix(def).columns[0].children![0].id;
  expect(() => compileFormat(def)).toThrow('表「三、收到和处理政府信息公开申请情况」的列「申请人情况／自然人」缺少编号（id）');
});

test('tables reaching the backup row: refused, with the rows they take', () => {
  // 34 rows: title and subtitle 2; 主动公开 2 + (2 + 2) + (2 + 1) + (2 + 1) = 12; 依申请公开 2 + 3 + 9 = 14; 复议诉讼 2 + 3 + 1 = 6.
  const withRows = (n: number) => {
    const def = copy();
    const m = matrix(def);
    m.rows = [...m.rows, ...Array.from({ length: n }, (_, i) => ({ id: `extra${i}`, path: [`附加${i}`], short: `附加${i}` }))];
    return def;
  };
  expect(buildSheetPlan(compileFormat(withRows(23)), { office: '某单位', year: 2030 }).lastRow).toBe(57);
  expect(() => compileFormat(withRows(24))).toThrow('test-2030：各表共占 58 行，报告表的表格须在第 57 行以内（第 60 行是隐藏的元数据备份行）');
});

test('more key figures than the overview has columns for: refused, pointing at comparisonOnly', () => {
  const def = copy();
  def.keyFigures = [...def.keyFigures, ...['a', 'b', 'c'].map((x) => ({ label: `数字${x}`, sum: ['proactive.rules.issued'] }))];
  expect(() => compileFormat(def)).toThrow('有 11 个关键数字要在汇总明细表中各占一列，最多 10 个');
  def.keyFigures[def.keyFigures.length - 1].comparisonOnly = true;
  expect(() => compileFormat(def)).not.toThrow();
});

test('a key figure naming a cell the format lacks: refused', () => {
  const def = copy();
  def.keyFigures = [{ label: '采购', sum: ['proactive.procurement.amount'] }];
  expect(() => compileFormat(def)).toThrow('test-2030：关键数字「采购」引用了不存在的单元格 proactive.procurement.amount');
});

test('a registry takes a version once, compiling it as it comes', () => {
  const registry = new FormatRegistry([]);
  expect(registry.register(TEST_2030).id).toBe('test-2030');
  expect(() => registry.register(TEST_2030)).toThrow('表格格式“test-2030”已存在');
  const bad = copy();
  bad.id = 'test-bad';
  sections(bad).sections[0].columns = [];
  expect(() => registry.register(bad)).toThrow('每节应有 1 至 9 列');
  expect(registry.ids).toEqual(['test-2030']);
});

test('slots and bands derived from the definition give the shipped layouts', () => {
  expect(sectionSlots(3)).toEqual([
    [7, 9],
    [10, 12],
    [13, 15],
  ]);
  expect(sectionSlots(2)).toEqual([
    [7, 9],
    [10, 15],
  ]);
  expect(sectionSlots(1)).toEqual([[7, 15]]);
  expect(sectionSlots(4)).toEqual([
    [7, 8],
    [9, 10],
    [11, 12],
    [13, 15],
  ]);
  expect(labelBands(7, 3)).toEqual([
    [1, 2],
    [3, 5],
    [6, 8],
  ]);
  expect(labelBands(8, 3)).toEqual([
    [1, 2],
    [3, 4],
    [5, 7],
  ]);
});

test('the shipped formats leave column P and row 60 to the metadata', () => {
  for (const f of formats.all) {
    const plan = buildSheetPlan(f, { office: '某单位', year: f.def.years.from });
    const taken = plan.cells.filter((c) => c.style !== 'meta' && (c.col >= META_COLUMN || c.row >= META_BACKUP_ROW));
    expect(taken).toEqual([]);
    expect(plan.cells.filter((c) => c.style === 'meta').map((c) => [c.row, c.col])).toEqual([
      [1, META_COLUMN],
      [META_BACKUP_ROW, 1],
    ]);
  }
});
