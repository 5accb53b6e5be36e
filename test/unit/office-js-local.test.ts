/**
 * OFFICE_JS=local: the pages load office.js from the add-in's own folder and the CSP names no
 * outside origin; the copied files are the Excel host scripts and strings, not the debug builds.
 */
import { readdirSync } from 'fs';
import { join } from 'path';
import { ROOT } from '../helpers/cli';

type Config = { plugins: { userOptions?: { filename: string; templateParameters: { csp: string; officeJs: string } }; patterns?: { from: string; filter?: (f: string) => boolean }[] }[] };

/** The build's configurations: the Office add-in and web page first, then the WPS add-in. */
function configs(local: boolean): Config[] {
  const before = process.env.OFFICE_JS;
  if (local) process.env.OFFICE_JS = 'local';
  else delete process.env.OFFICE_JS;
  let c: Config | Config[] | undefined;
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    c = require(join(ROOT, 'webpack.config.js'))({}, { mode: 'production' });
  });
  if (before === undefined) delete process.env.OFFICE_JS;
  else process.env.OFFICE_JS = before;
  return Array.isArray(c) ? c : [c!];
}

const config = (local: boolean) => configs(local)[0];

const pages = (c: Config) => c.plugins.flatMap((p) => (p.userOptions ? [p.userOptions] : []));

test('by default the Office pages load office.js from Microsoft, which the CSP allows', () => {
  const taskpane = pages(config(false)).find((p) => p.filename === 'taskpane.html')!;
  expect(taskpane.templateParameters.officeJs).toBe('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
  expect(taskpane.templateParameters.csp).toContain('https://appsforoffice.microsoft.com');
});

test('OFFICE_JS=local: every page loads office.js from its own folder and allows no other origin', () => {
  const c = config(true);
  for (const p of pages(c)) {
    expect(p.templateParameters.officeJs).toMatch(/^(office\/office\.js)?$/);
    expect(p.templateParameters.csp).not.toMatch(/https?:/);
  }
  const copy = c.plugins.find((p) => p.patterns)!.patterns!;
  const dist = join(ROOT, 'node_modules', '@microsoft', 'office-js', 'dist');
  const filter = copy.find((p) => p.filter)!.filter!;
  const chosen = readdirSync(dist)
    .map((f) => join(dist, f))
    .filter(filter)
    .map((f) => f.slice(dist.length + 1));
  expect(chosen).toEqual(expect.arrayContaining(['office.js', 'excel-web-16.00.js', 'excel-win32-16.01.js', 'excel-mac-16.00.js', 'o15apptofilemappingtable.js']));
  expect(chosen.filter((f) => f.endsWith('.debug.js') || /^(word|powerpoint|outlook|onenote)/.test(f))).toEqual([]);
});

test('the WPS add-in loads no office.js, and its pages allow no other origin', () => {
  const all = configs(false);
  expect(all).toHaveLength(2);
  const wps = pages(all[1]);
  expect(wps.map((p) => p.filename)).toContain('taskpane.html');
  for (const p of wps) expect(`${p.templateParameters.officeJs ?? ''} ${p.templateParameters.csp}`).not.toMatch(/https?:|office\.js/);
});
