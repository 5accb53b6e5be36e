/**
 * A failure of the browser or the machine is never blamed on the user's file: she would ask the
 * sender for a new one for nothing. What PDF.js, exceljs and the page say in such cases is told
 * apart from a damaged file.
 */
import { InputError } from '../../src/model/report-json';
import { UserError } from '../../src/model/user-error';
import { environmentFailure } from '../../src/ports/environment';
import { refusal } from '../../src/ports/pdfjs/pdf-pages';

const host = { blockedAdvice: '请换用新版浏览器。' };
const named = (name: string, message: string) => Object.assign(new Error(message), { name });

test.each([
  ['a worker the browser refused', named('SecurityError', "Failed to construct 'Worker': Script at 'file:///x/pdf.worker.min.js' cannot be accessed from origin 'null'.")],
  ['PDF.js without its worker', new Error('Setting up fake worker failed: "Failed to fetch dynamically imported module: blob:null/1234".')],
  ['a chunk that did not load', named('ChunkLoadError', 'Loading chunk 4974 failed.')],
  ['a module the command line lacks', named('Error', "Cannot find module 'pdfjs-dist/legacy/build/pdf.mjs'")],
])('%s: the environment, not the file', (_what, e) => {
  const r = refusal(e, false, host);
  expect(r).not.toBeInstanceOf(InputError);
  expect(r.code).toBe('environment');
  expect(r.message).toContain('这不是文件的问题');
  expect(r.message).toContain('请换用新版浏览器。');
  expect(r.message).not.toContain('损坏');
});

test('memory running out is said as such, with what to try', () => {
  const r = environmentFailure(new RangeError('Array buffer allocation failed'), '该 Excel 文件', '可改用命令行。')!;
  expect(r.message).toMatch(/^无法读取该 Excel 文件：内存不足/);
  expect(r.message).toContain('可改用命令行。');
  expect(r.code).toBe('environment');
});

test('a damaged or encrypted PDF is still the file: said as such', () => {
  expect(refusal(named('InvalidPDFException', 'Invalid PDF structure.'), false, host).message).toBe('无法打开该 PDF 文件，文件已损坏或不是 PDF 格式');
  expect(refusal(named('UnknownErrorException', 'Bad XRef entry'), false, host)).toBeInstanceOf(InputError);
  expect(refusal(named('PasswordException', 'No password given'), false, host).message).toMatch(/已加密/);
  expect(refusal(new Error('x'), true, host).message).toMatch(/超过 \d+ 秒/);
});

test('a failure already said (a limit, a refusal) is passed on as it is', () => {
  const said = new InputError('PDF 超过 200 页');
  expect(refusal(said, false, host)).toBe(said);
  expect(environmentFailure(new UserError('x'), '该 PDF', '')).toBeNull();
  expect(environmentFailure(new TypeError('Cannot read properties of undefined'), '该 PDF', '')).toBeNull();
});
