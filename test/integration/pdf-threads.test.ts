/**
 * The command line reads PDFs on worker threads (dist/cli/pdf-thread.js, built by build:cli):
 * a folder read there says exactly what the same folder read on the main thread says, file by
 * file in order, refusals included; a thread that dies fails its own file as the machine's, not
 * the file's, and the next file is still read.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { formats } from '../../src/formats';
import { UserError } from '../../src/model/user-error';
import { PdfThreads } from '../../src/ports/node/pdf-threads';
import { clerkLayout } from '../helpers/clerk-layouts';
import { nianbao, ROOT } from '../helpers/cli';
import { toPdf, wordDocument } from '../helpers/pdf-files';
import { seeded, validCells } from '../helpers/random-report';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-threads-'));
const HOSTILE = join(ROOT, 'test', 'fixtures', 'hostile');

beforeAll(() => {
  const f = formats.byId('gov-2021')!;
  const docs = [1, 2, 3].map((i) => {
    const file = join(dir, `县${i}.docx`);
    writeFileSync(file, wordDocument(clerkLayout(f, validCells(f, seeded(40 + i)), { office: `第${i}县人民政府`, year: 2024 }), { borders: true }));
    return file;
  });
  toPdf(docs, join(dir, 'pdfs'));
  for (const d of ['scanned.pdf', 'encrypted.pdf', 'garbage.pdf']) copyFileSync(join(HOSTILE, d), join(dir, 'pdfs', d));
}, 180000);

test('a folder of PDFs read on threads says what the main thread says, in the same order', async () => {
  expect(existsSync(join(ROOT, 'dist', 'cli', 'pdf-thread.js'))).toBe(true);
  const folder = join(dir, 'pdfs');
  const threaded = nianbao(['validate', folder, '--json'], ROOT, { NIANBAO_PDF_THREADS: '3' });
  const here = nianbao(['validate', folder, '--json'], ROOT, { NIANBAO_PDF_THREADS: '1' });
  expect(threaded.code).toBe(here.code);
  expect(threaded.stdout).toBe(here.stdout);
  expect(threaded.stderr).toBe(here.stderr);
  const reports = (JSON.parse(threaded.stdout) as { reports: { office: string }[] }).reports;
  expect(reports.map((r) => r.office)).toEqual(['第1县人民政府', '第2县人民政府', '第3县人民政府']);
  // The three refusals, each naming its file, in the folder's order.
  const refused = threaded.stderr.split('\n').filter((l) => l.startsWith('错误：'));
  expect(refused.map((l) => l.split('：')[1].replace(/^.*\//, ''))).toEqual(readdirSync(folder).filter((n) => /^(encrypted|garbage|scanned)\.pdf$/.test(n)));
  expect(threaded.stderr).toContain('扫描件');
}, 120000);

test('a thread that dies fails its file as the machine’s, and the next file is still read', async () => {
  // A stand-in thread script: dies on a file starting with byte 0, answers no pages otherwise.
  const script = join(dir, 'dying-thread.js');
  writeFileSync(
    script,
    "const { parentPort } = require('worker_threads');\nparentPort.on('message', ({ id, bytes }) => { if (bytes[0] === 0) process.exit(3); parentPort.postMessage({ id, pages: [] }); });\n",
  );
  const threads = new PdfThreads(script, 1);
  const dead = await threads.read(new Uint8Array([0])).catch((e: unknown) => e);
  expect(dead).toBeInstanceOf(UserError);
  expect((dead as UserError).code).toBe('environment');
  expect((dead as UserError).message).toMatch(/^无法读取该 PDF：读取它的线程意外退出.*这不是文件的问题/);
  await expect(threads.read(new Uint8Array([1]))).resolves.toEqual([]);
});

test('a refusal crosses from the thread as the same kind of error, with its code', async () => {
  const threads = new PdfThreads(join(ROOT, 'dist', 'cli', 'pdf-thread.js'), 2);
  const [scanned, fine] = await Promise.all([
    threads.read(new Uint8Array(readFileSync(join(HOSTILE, 'scanned.pdf')))).catch((e: unknown) => e),
    threads.read(new Uint8Array(readFileSync(join(dir, 'pdfs', '县1.pdf')))),
  ]);
  expect(scanned).toBeInstanceOf(UserError);
  expect((scanned as Error).constructor.name).toBe('InputError');
  expect((scanned as Error).message).toContain('扫描件');
  expect((fine as { text: unknown[] }[]).length).toBeGreaterThan(0);
  expect((fine as { text: unknown[] }[])[0].text.length).toBeGreaterThan(50);
});
