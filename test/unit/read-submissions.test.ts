/**
 * The pane's and the web page's 导入报送 read files through the file-reader port: each file
 * gives its reports or says why not; a refusal is said in its own words, a bug as a bug.
 */
import { pastedSubmission, readSubmissions } from '../../src/app/imports';
import { readInputs } from '../../src/app/read-inputs';
import { readers } from '../helpers/read-file';
import { formats } from '../../src/formats';
import { UserError } from '../../src/model/user-error';
import { inputFile, type InputFile } from '../../src/ports/file-reader';
import { seeded, validCells } from '../helpers/random-report';

const format = formats.forYear(2023)!;
const json = (office: string) => new TextEncoder().encode(JSON.stringify({ office, year: 2023, format: format.id, cells: validCells(format, seeded(7)) }));

test('each file: its reports, or why it gave none', async () => {
  const gone: InputFile = { name: '已删除.xlsx', read: () => Promise.reject(new UserError('浏览器无法读取该文件（可能已被移动或删除），请重新选择。')) };
  const bug: InputFile = { name: '出错.json', read: () => Promise.reject(new TypeError('bytes is undefined')) };
  const log = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const items = await readSubmissions([inputFile('甲局.json', json('甲局')), gone, inputFile('旧.xls', new Uint8Array([1])), bug], { readers });
  expect(items.map((i) => [i.file, i.report?.office ?? null, i.problem ?? null])).toEqual([
    ['甲局.json', '甲局', null],
    ['已删除.xlsx', null, '浏览器无法读取该文件（可能已被移动或删除），请重新选择。'],
    ['旧.xls', null, '不支持旧版 .xls 文件，请在 Excel 或 WPS 中另存为 .xlsx 后再试'],
    ['出错.json', null, '程序内部错误，请将以下信息发给维护人员：TypeError: bytes is undefined'],
  ]);
  expect(log).toHaveBeenCalledTimes(1);
  log.mockRestore();
});

test('pasted text is read as a .txt file would be', async () => {
  const [item] = await readSubmissions([pastedSubmission('随便写的几句话')], { readers });
  expect(item.file).toBe('粘贴的文本.txt');
  expect(item.report).toBeUndefined();
  expect(item.problem).toBeTruthy();
});

test('files read several at once still come back in their order, refusals in place', async () => {
  // Each file's bytes arrive later the earlier it is in the list: read in order of arrival, they would come back reversed.
  const late = (name: string, ms: number, bytes: Uint8Array): InputFile => ({ name, read: () => new Promise((r) => setTimeout(() => r(bytes), ms)) });
  let inFlight = 0;
  let most = 0;
  const counted = (f: InputFile): InputFile => ({
    name: f.name,
    read: async () => {
      most = Math.max(most, ++inFlight);
      try {
        return await f.read();
      } finally {
        inFlight--;
      }
    },
  });
  const files = [late('甲局.json', 40, json('甲局')), late('旧.xls', 30, new Uint8Array([1])), late('乙局.json', 20, json('乙局')), late('丙局.json', 10, json('丙局'))].map(counted);
  const read = await readInputs(files, { readers: { ...readers, parallel: 3 } });
  expect(most).toBe(3);
  expect(read.reports.map((r) => r.office)).toEqual(['甲局', '乙局', '丙局']);
  expect(read.messages).toEqual(['旧.xls：不支持旧版 .xls 文件，请在 Excel 或 WPS 中另存为 .xlsx 后再试']);
  expect(read.failed).toBe(true);
  // Without `parallel`, one at a time.
  most = 0;
  await readInputs(files, { readers });
  expect(most).toBe(1);
});
