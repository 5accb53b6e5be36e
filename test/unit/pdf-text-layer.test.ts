/**
 * The text layer of a published PDF as a flipbook's text pages or a PDF viewer's copy give it:
 * the pieces of a table row parted by single spaces, header words stacked one per line, a row
 * of figures with no label. Built from the wild corpus's real reports, checked against their
 * hand-checked figures.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { formats } from '../../src/formats';
import { gridFromText } from '../../src/import/text-grid';
import { readReports } from '../helpers/read-file';
import type { Report } from '../../src/model/report';

const WILD = join(__dirname, '..', 'fixtures', 'wild');

interface Wild {
  text: string;
  office: string;
  year: number;
  format: string;
  cells: Record<string, number | null>;
}

function wild(slug: string): Wild {
  const source = JSON.parse(readFileSync(join(WILD, slug, 'source.json'), 'utf8'));
  const { cells } = JSON.parse(readFileSync(join(WILD, slug, 'figures.json'), 'utf8'));
  return { text: readFileSync(join(WILD, slug, source.extraction), 'utf8'), office: source.office, year: source.year, format: source.format, cells };
}

/** Every run of spaces one space, as the text layer has it without pdftotext's layout. */
const singleSpaced = (text: string) =>
  text
    .split('\n')
    .map((l) => l.replace(/[ \u3000]+/g, ' ').trim())
    .join('\n');

async function readOne(name: string, text: string): Promise<Report> {
  const { reports, problems } = await readReports(name, new TextEncoder().encode(text), formats);
  expect(problems).toEqual([]);
  expect(reports).toHaveLength(1);
  return reports[0];
}

function figures(r: Report): Record<string, number | null> {
  const f = formats.byId(r.format)!;
  return Object.fromEntries(f.cells.map((c) => [c.id, r.readings[c.index]?.status === 'invalid' ? NaN : (r.readings[c.index]?.value ?? null)]));
}

test.each(['huaian-city-2024', 'hongze-district-2023', 'hongze-district-2024'])('%s with single spaces: every figure, the office and the year', async (slug) => {
  const w = wild(slug);
  const r = await readOne(`${slug}.txt`, singleSpaced(w.text));
  expect({ format: r.format, office: r.office, year: r.year }).toEqual({ format: w.format, office: w.office, year: w.year });
  // A report printing the single （六）其他处理 row has no figures for its three sub-rows: none is invented.
  const read = figures(r);
  expect(Object.fromEntries(Object.keys(w.cells).map((id) => [id, read[id]]))).toEqual(w.cells);
  expect(Object.entries(read).filter(([id, v]) => !(id in w.cells) && v !== null)).toEqual([]);
});

test('the appeals table as a flipbook page prints it: header characters stacked, the 15 figures on one line in order', async () => {
  // Header lines verbatim from the 2020 report of 威海市文登区审计局 (flipbook page 9); its figures
  // were all 0, so the figures here are those of 洪泽区 2024, which tell the columns apart.
  const flipbookTable = [
    '四、政府信息公开行政复议、行政诉讼情况',
    '行政复议 行政诉讼',
    '未经复议直接起诉 复议后起诉',
    '结 结 其 尚',
    '结 结 其 尚 结 结 其 尚',
    '果 果 他 未',
    '总计 果 果 他 未 总 果 果 他 未 总',
    '维 纠 结 审',
    '维 纠 结 审 计 维 纠 结 审 计',
    '持 正 果 结',
    '持 正 果 结 持 正 果 结',
    '1 1 0 0 2 1 0 0 0 1 2 0 1 0 3',
  ].join('\n');
  const w = wild('hongze-district-2024');
  const text = w.text.replace(/ *四、政府信息公开行政复议、行政诉讼情况[\s\S]*?(?= *五、存在的主要问题)/, `${flipbookTable}\n`);
  expect(text).toContain('1 1 0 0 2 1 0 0 0 1 2 0 1 0 3');
  const r = await readOne('洪泽区.txt', text);
  const appeals = Object.fromEntries(Object.entries(figures(r)).filter(([id]) => id.startsWith('appeals.')));
  expect(appeals).toEqual(Object.fromEntries(Object.entries(w.cells).filter(([id]) => id.startsWith('appeals.'))));
});

test('a short label with one figure is a row; a line of prose ending in a figure stays prose', () => {
  const cellsOf = (line: string) => gridFromText(`${line}\n其他\n`, 'x.txt').rows[0].cells.map((c) => c.text);
  expect(cellsOf('行政许可 9487')).toEqual(['行政许可', '9487']);
  expect(cellsOf('0 0 1 0 0 0 1')).toEqual(['0', '0', '1', '0', '0', '0', '1']);
  expect(cellsOf('规范依申请公开办理环节,全年办理答复政府信息公开申请 7')).toEqual(['规范依申请公开办理环节,全年办理答复政府信息公开申请 7']);
  expect(cellsOf('全年共收到申请，共计 7')).toEqual(['全年共收到申请，共计 7']);
});
