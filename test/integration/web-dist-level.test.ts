/**
 * The web page and the Excel pane for the oldest browsers the clerks have (README: 浏览器版本): every
 * script of dist/web and dist/portable, and PDF.js's worker carried in them as text, parses on that
 * Chromium; a page that cannot run them says so instead of staying blank.
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { ROOT } from '../helpers/cli';
import { embeddedCode, newerThan } from '../helpers/es-level';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { WEB_CHROMIUM } = require('../../scripts/browser-target') as { WEB_CHROMIUM: number };

test.each(['dist/web', 'dist/portable'])(`every script of %s parses on Chromium ${WEB_CHROMIUM}`, (dir) => {
  const scripts = readdirSync(join(ROOT, dir)).filter((f) => f.endsWith('.js'));
  expect(scripts.length).toBeGreaterThan(20);
  for (const f of scripts) expect({ f, newer: newerThan(readFileSync(join(ROOT, dir, f), 'utf8'), WEB_CHROMIUM) }).toEqual({ f, newer: [] });
  const worker = scripts.filter((f) => f.startsWith('pdf-worker.')).flatMap((f) => embeddedCode(readFileSync(join(ROOT, dir, f), 'utf8')));
  expect(worker).toHaveLength(1);
  expect(newerThan(worker[0], WEB_CHROMIUM, 'module')).toEqual([]);
});

test('a browser that cannot run the scripts (too old, or 360 in its IE mode) is told what to use, and asked for its Chromium mode', () => {
  for (const page of ['dist/web/index.html', 'dist/portable/年报助手.html', 'dist/web/taskpane.html']) {
    const html = readFileSync(join(ROOT, page), 'utf8');
    // The build minifies the page: attribute quotes may go.
    expect(html).toMatch(/<meta name="?renderer"? content="?webkit"?>/);
    expect(html).toMatch(/<div id="?root"?><p[^>]*>正在加载年报助手……如果这句话一直没有消失，说明浏览器版本过旧/);
  }
});
