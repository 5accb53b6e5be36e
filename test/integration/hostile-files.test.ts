/**
 * The hostile corpus, generated into test/fixtures/hostile by test/helpers/hostile-corpus.ts:
 * each file through the real `nianbao validate`, with its exact expected outcome, in bounded
 * time and memory. Then a time-boxed byte-mutation fuzz of real files.
 */
import { join } from 'path';
import { readFileSync } from 'fs';
import { spawnSync } from 'child_process';
import fc from 'fast-check';
import { formats } from '../../src/formats';
import { readReports } from '../helpers/read-file';
import { InputError } from '../../src/model/report-json';
import { ROOT } from '../helpers/cli';
import { makeHostileCorpus, type HostileCase } from '../helpers/hostile-corpus';
import { clerkLayout, toDocx, toHtml, toXlsx } from '../helpers/clerk-layouts';
import { seeded, validCells } from '../helpers/random-report';

const DIR = join(ROOT, 'test/fixtures/hostile');
let cases: HostileCase[] = [];

beforeAll(async () => {
  cases = await makeHostileCorpus(DIR);
}, 120000);

/** Runs the CLI in a child process with a memory ceiling, and measures it. */
function measured(file: string) {
  const r = spawnSync(process.execPath, ['--max-old-space-size=500', join(ROOT, 'scripts/measure-cli.mjs'), 'validate', file, '--json'], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    timeout: 60000,
  });
  const lines = r.stdout.trimEnd().split('\n');
  const stats = JSON.parse(lines.pop() ?? '{}') as { code: number; ms: number; peakMb: number };
  return { ...stats, stdout: lines.join('\n'), stderr: r.stderr, signal: r.signal };
}

test('every hostile file gets its exact outcome, within seconds and under 500 MB', () => {
  expect(cases.length).toBeGreaterThanOrEqual(21);
  for (const c of cases) {
    const m = measured(join(DIR, c.file));
    expect({ file: c.file, code: m.code, signal: m.signal }).toEqual({ file: c.file, code: c.code, signal: null });
    expect({ file: c.file, said: (c.code === 2 ? m.stderr : m.stdout).includes(c.says) }).toEqual({ file: c.file, said: true });
    if (c.code === 2) expect(JSON.parse(m.stdout)).toEqual({ reports: [] });
    if (c.rule) expect({ file: c.file, rule: m.stdout.includes(`"rule": "${c.rule}"`) || m.stdout.includes(`"rule":"${c.rule}"`) }).toEqual({ file: c.file, rule: true });
    if (c.warns) expect({ file: c.file, warns: m.stderr.includes(c.warns) }).toEqual({ file: c.file, warns: true });
    expect({ file: c.file, fast: m.ms < 20000, small: m.peakMb < 500 }).toEqual({ file: c.file, fast: true, small: true });
  }
}, 600000);

test('hostile markup in a file stays text: never a tag, never a formula', () => {
  const run = spawnSync(process.execPath, [join(ROOT, 'bin/nianbao.js'), 'validate', join(DIR, 'script.html'), '--json'], { encoding: 'utf8' });
  const report = JSON.parse(run.stdout).reports[0];
  expect(report.office).toBe('<img src=x onerror=alert(1)>某县');
});

test('the pane renders nothing from a file as HTML', () => {
  const grep = spawnSync('grep', ['-rlE', 'dangerouslySetInnerHTML|innerHTML|outerHTML|insertAdjacentHTML|document\\.write', join(ROOT, 'src')], { encoding: 'utf8' });
  expect(grep.stdout).toBe('');
});

test('fuzz: random byte mutations of real files are read or refused with a message, never a crash', async () => {
  const format = formats.byId('gov-2021')!;
  const layout = clerkLayout(format, validCells(format, seeded(21)), { office: '某县', year: 2023 });
  const seeds: [string, Uint8Array][] = [
    ['a.xlsx', new Uint8Array(await toXlsx(layout))],
    ['a.docx', new Uint8Array(toDocx(layout))],
    ['a.html', new TextEncoder().encode(toHtml(layout))],
    ['a.txt', new Uint8Array(readFileSync(join(ROOT, 'test/fixtures/samples/yiyang-2020.txt')))],
  ];
  const started = Date.now();
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...seeds), fc.array(fc.record({ at: fc.nat(), byte: fc.nat(255), cut: fc.boolean() }), { minLength: 1, maxLength: 8 }), async ([name, original], edits) => {
      let bytes = new Uint8Array(original);
      for (const e of edits) {
        if (e.cut) bytes = bytes.subarray(0, e.at % (bytes.length + 1));
        else if (bytes.length) bytes[e.at % bytes.length] = e.byte;
      }
      try {
        const r = await readReports(name, bytes, formats);
        for (const rep of r.reports) expect(rep.readings.length).toBe(formats.byId(rep.format)!.cells.length);
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
      }
    }),
    { numRuns: 400, interruptAfterTimeLimit: 45000 },
  );
  expect(Date.now() - started).toBeLessThan(60000);
}, 90000);
