/**
 * How the command line ends on a failure: a UserError in its own words with exit code 2;
 * a bug as 程序内部错误 with its stack on stderr, never as a friendly guess.
 */
jest.mock('../../src/app/validate-files', () => ({
  validateFiles: () => {
    throw new TypeError("Cannot read properties of undefined (reading 'cells')");
  },
}));

import { run } from '../../src/cli/nianbao';

async function nianbao(args: string[]) {
  const out = { stdout: '', stderr: '' };
  const code = await run(args, { stdout: (s) => (out.stdout += s), stderr: (s) => (out.stderr += s) });
  return { code, ...out };
}

test('a bug: the message says so, the stack follows for the maintainers', async () => {
  const r = await nianbao(['validate', __filename]);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trim().split('\n');
  expect(lines[0]).toBe("TypeError: Cannot read properties of undefined (reading 'cells')");
  expect(lines.some((l) => /^\s+at /.test(l))).toBe(true);
  expect(lines[lines.length - 1]).toBe("程序内部错误，请将以下信息发给维护人员：TypeError: Cannot read properties of undefined (reading 'cells')");
});

test('a refusal: its own words, no stack', async () => {
  const r = await nianbao(['import', '/nonexistent/某局.docx', '--out', '/tmp/不会写出.xlsx']);
  expect(r.code).toBe(2);
  expect(r.stderr).toBe('错误：/nonexistent/某局.docx：文件不存在\n');
});
