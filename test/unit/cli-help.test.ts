/** The command line's help is Chinese throughout: usage line, option texts, defaults, required options. */
import { run } from '../../src/cli/nianbao';

async function help(args: string[]): Promise<string> {
  let out = '';
  const code = await run(args, { stdout: (s) => (out += s), stderr: (s) => (out += s) });
  expect(code).toBe(0);
  return out;
}

/** Latin words a Chinese help may keep: the program's name, flags, file types, placeholders. */
const ALLOWED = new Set(['nianbao', 'help', 'template', 'validate', 'consolidate', 'import', 'report', 'YYYY', 'JSON', 'xlsx', 'docx', 'html', 'txt', 'pdf', 'json']);

test.each([[['--help']], [['help', 'template']], [['validate', '--help']], [['consolidate', '-h']], [['help', 'import']]])('nianbao %j is all Chinese', async (args) => {
  const text = await help(args);
  expect(text).toMatch(/^用法： nianbao/);
  for (const english of ['[options]', '[command]', 'default:', 'Usage', 'Options', 'Arguments', 'Commands', 'display help']) expect(text).not.toContain(english);
  // Every Latin word outside an option flag is one of the allowed names.
  const words = text
    .split('\n')
    .flatMap((line) => line.replace(/--?[a-z][a-z-]*/g, '').match(/[A-Za-z]{2,}/g) ?? [])
    .filter((w) => !ALLOWED.has(w));
  expect(words).toEqual([]);
});

test('defaults and required options are said in Chinese', async () => {
  const consolidate = await help(['help', 'consolidate']);
  // No default office: without one the sheets are named by year alone (2024年度汇总).
  expect(consolidate).toMatch(/--office <名称>\s+汇总单位\n/);
  expect(consolidate).toMatch(/--out <文件\.xlsx>\s+输出文件（必填）/);
  const template = await help(['help', 'template']);
  // An empty default says nothing rather than 「(default: "")」.
  expect(template).toMatch(/--office <名称>\s+填报单位\n/);
  expect(template).toMatch(/--year <YYYY>\s+报告年度（必填）/);
});

test('descriptions line up: Chinese characters count two columns', async () => {
  const text = await help(['--help']);
  const rows = text.split('\n').filter((l) => /^ {2}(template|validate|consolidate|import|report|help) /.test(l));
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u2e80-\uffef]/.test(ch) ? 2 : 1), 0);
  const starts = rows.map((l) => width(/^ {2}\S+(?: \S+)*?\s{2,}/.exec(l)![0]));
  expect(new Set(starts).size).toBe(1);
});
