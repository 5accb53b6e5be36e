/**
 * Tables broken by a page break, as the three real PDFs of the wild corpus break them (the
 * positions below are theirs, from 淮安市 2024 pages 3–4 and 洪泽区 2024 pages 2–3): the first row
 * of a continuation is joined to the row above it only when it is the rest of that row's wrapped
 * label, in the same cell; a caption or a header row is a row of its own.
 */
import { layoutPages, rowsOfPages } from '../../src/import/pdf';
import type { PdfRule, PdfText } from '../../src/import/pdf/types';
import type { RawPdfPage } from '../../src/import/readers';

const LEFT = 73.4;
const SPLIT = 243.8;
const RIGHT = 519.4;
const text = (str: string, x: number, y: number, w = str.length * 10): PdfText => ({ str, x, y, w, h: 10 });
const h = (y: number): PdfRule => ({ x1: LEFT, x2: RIGHT, y1: y, y2: y });
const v = (x: number, y1: number, y2: number): PdfRule => ({ x1: x, x2: x, y1, y2 });

/** A two-column part of table 二 (信息内容 | 本年处理决定数量) between rule lines at `ys` (top first); `caption` rows span the table. */
function part(number: number, rows: { label: string; value?: string; caption?: boolean }[]): RawPdfPage {
  const top = 762;
  const ys = rows.map((_, i) => top - 35.7 * i);
  ys.push(top - 35.7 * rows.length);
  const items: PdfText[] = [];
  const rules: PdfRule[] = ys.map(h);
  rules.push(v(LEFT, ys[ys.length - 1], top), v(RIGHT, ys[ys.length - 1], top));
  rows.forEach((r, i) => {
    const baseline = ys[i] - 21.6;
    if (r.label) items.push(text(r.label, r.caption ? 250 : 78.8, baseline));
    if (r.value) items.push(text(r.value, 249.2, baseline, r.value.length * 5.5));
    if (!r.caption) rules.push(v(SPLIT, ys[i + 1], ys[i]));
  });
  return { number, height: 842, text: items, rules };
}

const rowsOf = (...pages: RawPdfPage[]) => rowsOfPages(layoutPages(pages, 10000)).map((r) => [...new Set(r.cells.map((c) => c.text))].join(' | '));

test('a header row under a caption that ends the page is its own row (淮安市 2024)', () => {
  const rows = rowsOf(
    part(3, [
      { label: '信息内容', value: '本年处理决定数量' },
      { label: '行政许可', value: '447228' },
      { label: '第二十条第（六）项', caption: true },
    ]),
    part(4, [
      { label: '信息内容', value: '本年处理决定数量' },
      { label: '行政处罚', value: '3985758' },
      { label: '行政强制', value: '88283' },
    ]),
  );
  expect(rows).toEqual(['信息内容 | 本年处理决定数量', '行政许可 | 447228', '第二十条第（六）项', '信息内容 | 本年处理决定数量', '行政处罚 | 3985758', '行政强制 | 88283']);
});

test('a caption that starts the page is not the rest of the label above it (洪泽区 2024)', () => {
  const rows = rowsOf(
    part(2, [
      { label: '信息内容', value: '本年处理决定数量' },
      { label: '行政许可', value: '9487' },
    ]),
    part(3, [
      { label: '第二十条第（六）项', caption: true },
      { label: '信息内容', value: '本年处理决定数量' },
      { label: '行政处罚', value: '2190' },
    ]),
  );
  expect(rows).toEqual(['信息内容 | 本年处理决定数量', '行政许可 | 9487', '第二十条第（六）项', '信息内容 | 本年处理决定数量', '行政处罚 | 2190']);
});

test('the rest of a wrapped label, alone in the same cell on the next page, is joined to it', () => {
  const rows = rowsOf(
    part(2, [
      { label: '信息内容', value: '本年处理决定数量' },
      { label: '其他对外管理服务', value: '12' },
    ]),
    part(3, [{ label: '事项' }, { label: '行政事业性收费', value: '3.5' }]),
  );
  expect(rows).toEqual(['信息内容 | 本年处理决定数量', '其他对外管理服务事项 | 12', '行政事业性收费 | 3.5']);
});

test('one text run drawn across the rule between a label and its figure is cut at the rule, by its characters positions', () => {
  // As a PDF writer may draw 「行政处罚」, the gap and 3985758 as one run: 4 wide, 26 spaces, 7 narrow characters of 5 pt.
  const page = part(4, [{ label: '信息内容', value: '本年处理决定数量' }, { label: '' }, { label: '行政强制', value: '88283' }]);
  page.text.push({ str: `行政处罚${' '.repeat(26)}3985758`, x: 78.8, y: 762 - 35.7 - 21.6, w: (8 + 26 + 7) * 5, h: 10 });
  expect(rowsOf(page)).toEqual(['信息内容 | 本年处理决定数量', '行政处罚 | 3985758', '行政强制 | 88283']);
});

test('a run across cells merged for want of a rule is never cut', () => {
  const page = part(4, [
    { label: '信息内容', value: '本年处理决定数量' },
    { label: '', caption: true },
  ]);
  page.text.push({ str: `第二十条${' '.repeat(26)}第（六）项`, x: 78.8, y: 762 - 35.7 - 21.6, w: (8 + 26 + 10) * 5, h: 10 });
  const rows = rowsOf(page);
  expect(rows).toHaveLength(2);
  expect(rows[1].replace(/ +/g, ' ')).toBe('第二十条 第（六）项');
});
