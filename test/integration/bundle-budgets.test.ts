/**
 * Start-up budgets of the built pages (dist/web, after `npm run build`): the gzip size of the
 * scripts each page's HTML loads, and the heavy libraries kept out of them until a file is
 * read or written. Sizes only, nothing timed.
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { BUDGET_KB, isOwnScript, PAGES, scriptSources, startScripts, type PageName } from '../helpers/bundle-size';
import { ROOT } from '../helpers/cli';

const WEB = join(ROOT, 'dist/web');

test('script sources are read quoted, single-quoted and unquoted, in order; a script without src has none', () => {
  const html = `<head><script src="https://cdn.example/office.js"></script><script defer src=addin.1234abcd.js></script>
    <script type="module" src='vendor.js' async></script><script>inline()</script><script data-src=x.js></script></head>`;
  expect(scriptSources(html)).toEqual(['https://cdn.example/office.js', 'addin.1234abcd.js', 'vendor.js']);
});

test('office.js is not ours to budget, from the CDN or copied beside the pages; our bundles are', () => {
  expect(isOwnScript('https://appsforoffice.microsoft.com/lib/1/hosted/office.js')).toBe(false);
  expect(isOwnScript('//appsforoffice.microsoft.com/lib/1/hosted/office.js')).toBe(false);
  expect(isOwnScript('office/office.js')).toBe(false);
  expect(isOwnScript('addin.6a8d37f4.js')).toBe(true);
  expect(isOwnScript('officeish.js')).toBe(true);
});

test.each(Object.keys(PAGES) as PageName[])('%s: the scripts loaded at start stay within the gzip budget', (name) => {
  const start = startScripts(WEB, PAGES[name]);
  expect(start.files.length).toBeGreaterThan(0);
  expect(start.gzipBytes).toBeLessThanOrEqual(BUDGET_KB[name] * 1024);
});

/** Strings found in one library's code only, so that a file holding them holds that library. */
const MARKERS = {
  exceljs: 'xl/workbook.xml',
  htmlparser2: 'onopentagname',
  docx: 'w:document',
  react: '__reactContainer',
  // ECharts' own property prefix, kept by minifying.
  echarts: '__ec_',
};

function builtScripts(): { file: string; js: string }[] {
  return readdirSync(WEB)
    .filter((f) => f.endsWith('.js'))
    .map((file) => ({ file, js: readFileSync(join(WEB, file), 'utf8') }));
}

function startCode(page: string): string {
  return startScripts(WEB, page)
    .files.map((f) => readFileSync(join(WEB, f.src), 'utf8'))
    .join('\n');
}

test('the file readers, the Word writer and the charting library are built as scripts of their own, loaded by no page at start', () => {
  const all = builtScripts();
  for (const lib of ['exceljs', 'htmlparser2', 'docx', 'echarts'] as const) {
    const holders = all.filter((s) => s.js.includes(MARKERS[lib])).map((s) => s.file);
    // The marker is found somewhere, so that its absence below means something.
    expect({ lib, built: holders.length > 0 }).toEqual({ lib, built: true });
    for (const page of Object.values(PAGES)) expect({ lib, page, atStart: startCode(page).includes(MARKERS[lib]) }).toEqual({ lib, page, atStart: false });
  }
});

test('the ribbon command starts without React; the pane and the web page start with it', () => {
  expect(startCode(PAGES.commands)).not.toContain(MARKERS.react);
  expect(startCode(PAGES.taskpane)).toContain(MARKERS.react);
  expect(startCode(PAGES.page)).toContain(MARKERS.react);
});
