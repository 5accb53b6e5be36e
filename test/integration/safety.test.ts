/**
 * Safety: names from submissions never become formula code, the built pages allow no
 * inline script nor other origins, the bundle calls no network, and an interrupted
 * command never leaves a truncated output.
 */
import { execFileSync, spawn } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { formats } from '../../src/formats';
import { nianbao, ROOT } from '../helpers/cli';
import { seeded, validCells } from '../helpers/random-report';

const dir = mkdtempSync(join(tmpdir(), 'safety-'));
const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p)) ?? 'soffice';

const HOSTILE_NAMES = ['=HYPERLINK("http://evil.invalid","点我")', "+cmd|' /C calc'!A0", "某县'财政局", '[1]Sheet1!A1', '@SUM(1+1)', '-2+3', '名 称！全角＝号'];

test('hostile office names stay text; summary formulas quote every sheet name and compute in LibreOffice', async () => {
  const format = formats.byId('gov-2021')!;
  const folder = join(dir, 'members');
  mkdirSync(folder);
  const cells = HOSTILE_NAMES.map((_, i) => validCells(format, seeded(100 + i)));
  HOSTILE_NAMES.forEach((office, i) => writeFileSync(join(folder, `m${i}.json`), JSON.stringify({ office, year: 2023, format: 'gov-2021', cells: cells[i] })));
  const out = join(dir, 'summary.xlsx');
  const run = nianbao(['consolidate', folder, '--out', out, '--office', '=1+1', '--formulas']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const summary = wb.worksheets[0];
  // After the summary, 汇总明细 and 图表 come the members' own sheets.
  const memberSheets = wb.worksheets.slice(3).map((w) => w.name);
  expect(wb.worksheets[2].name).toBe('=1+12023图表');
  expect(memberSheets).toHaveLength(HOSTILE_NAMES.length);
  const quoted = memberSheets.map((n) => `'${n.replace(/'/g, "''")}'`);
  let formulas = 0;
  for (const ws of wb.worksheets)
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        if (!cell.formula) {
          // A text that looks like a formula is stored as text.
          if (typeof cell.value === 'string' && /^[=+\-@]/.test(cell.value)) expect(cell.type).toBe(ExcelJS.ValueType.String);
          return;
        }
        expect(ws).toBe(summary);
        formulas++;
        // Nothing but quoted member references joined by +.
        const refs = cell.formula.split(/\+(?=')/);
        expect(refs).toHaveLength(memberSheets.length);
        refs.forEach((r, i) => expect(r.startsWith(`${quoted[i]}!`)).toBe(true));
      }),
    );
  expect(formulas).toBe(format.cells.length);
  const texts = wb.worksheets.flatMap((ws) => {
    const out: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => typeof c.value === 'string' && out.push(c.value)));
    return out;
  });
  for (const name of HOSTILE_NAMES) expect(texts.some((t) => t.includes(name))).toBe(true);

  // LibreOffice recalculates every summary formula to the sum of the members.
  const lo = join(dir, 'lo');
  execFileSync(soffice, ['--headless', '--calc', '--convert-to', 'xlsx', '--outdir', lo, out], { timeout: 120000 });
  const re = new ExcelJS.Workbook();
  await re.xlsx.readFile(join(lo, 'summary.xlsx'));
  const recalculated = re.worksheets[0];
  let checked = 0;
  summary.eachRow((row) =>
    row.eachCell((cell) => {
      if (!cell.formula) return;
      expect(Number(recalculated.getCell(cell.address).result)).toBe(Number(cell.result));
      checked++;
    }),
  );
  expect(checked).toBe(format.cells.length);
});

function csp(html: string): Record<string, string[]> {
  const m = /http-equiv=["']?Content-Security-Policy["']? content="([^"]+)"/.exec(html);
  if (!m) throw new Error('no CSP');
  return Object.fromEntries(
    m[1]
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((p) => p[0])
      .map(([k, ...v]) => [k, v]),
  );
}

test('every page has a Content-Security-Policy with no inline script and no origin but its own and office.js', () => {
  const web = join(ROOT, 'dist/web');
  const pages = readdirSync(web).filter((f) => f.endsWith('.html'));
  expect(pages.sort()).toEqual(['commands.html', 'dialog.html', 'help.html', 'index.html', 'taskpane.html', 'web-help.html']);
  for (const page of pages) {
    const html = readFileSync(join(web, page), 'utf8');
    const p = csp(html);
    expect({ page, default: p['default-src'] }).toEqual({ page, default: ["'self'"] });
    // A missing directive falls back to default-src, as browsers do.
    for (const src of p['script-src'] ?? p['default-src']) expect(["'self'", 'https://appsforoffice.microsoft.com']).toContain(src);
    for (const src of p['connect-src'] ?? p['default-src']) expect(["'self'", 'https://appsforoffice.microsoft.com']).toContain(src);
    expect(p['object-src'] ?? p['default-src']).not.toContain('*');
    // Every <script> loads a file: none carries inline code.
    for (const tag of html.match(/<script\b[^>]*>[\s\S]*?<\/script>/g) ?? []) expect(tag).toMatch(/^<script\b[^>]*\bsrc=[^>]*>\s*<\/script>$/);
  }
});

/**
 * PDF.js (its lazily loaded chunk and its worker) carries code that loads a document from a URL.
 * We only ever hand it the bytes of a file the user chose, and the pages' connect-src 'self'
 * stops any request to another origin; its other URLs are XML namespaces, examples in URL
 * parsing and its own repository.
 */
/** PDF.js's chunks: itself (found by a message of its own), and its worker's code. */
const isPdfJs = (f: string, js: string) => /^pdf-worker\.[0-9a-f]+\.js$/.test(f) || js.includes('The worker has been disabled.');
const PDFJS_HOSTS = ['ns.adobe.com', 'www.apache.org', 'www.xfa.org', 'example.com', 'foo.bar', 'a', 'x'];

test('PDF.js is its own chunk and worker, loaded only when a PDF is opened: no page starts it', () => {
  const web = join(ROOT, 'dist/web');
  const chunks = readdirSync(web).filter((f) => f.endsWith('.js') && isPdfJs(f, readFileSync(join(web, f), 'utf8')));
  // PDF.js itself, and its worker's code: apart from every page's start-up scripts.
  expect(chunks.filter((f) => f.startsWith('pdf-worker.'))).toHaveLength(1);
  expect(chunks.length).toBe(2);
  for (const page of readdirSync(web).filter((f) => f.endsWith('.html')))
    expect({ page, pdfjs: /pdfjs\.|pdf-worker|pdf-cmap/.test(readFileSync(join(web, page), 'utf8')) }).toEqual({ page, pdfjs: false });
  // Its character maps, each a chunk of its own loaded when a PDF names it.
  expect(readdirSync(web).filter((f) => /^pdf-cmap-.+\.js$/.test(f)).length).toBeGreaterThan(100);
});

test('the production bundle has no source maps and calls no network: its only URLs are XML namespaces and library doc links', () => {
  const web = join(ROOT, 'dist/web');
  const scripts = readdirSync(web).filter((f) => f.endsWith('.js') || f.endsWith('.mjs'));
  expect(readdirSync(web).filter((f) => f.endsWith('.map'))).toEqual([]);
  const NAMESPACES = ['schemas.openxmlformats.org', 'schemas.microsoft.com', 'www.w3.org', 'purl.org', 'purl.oclc.org'];
  // Links quoted in libraries' error messages (the Word writer cites a Microsoft answer on list levels).
  const DOC_LINKS = ['github.com', 'stuk.github.io', 'reactjs.org', 'react.dev', 'fb.me', 'answers.microsoft.com'];
  for (const f of scripts) {
    const js = readFileSync(join(web, f), 'utf8');
    expect({ f, map: js.includes('sourceMappingURL') }).toEqual({ f, map: false });
    expect({ f, abs: /\/(home|root|work|Users)\/[\w.-]+\//.test(js) }).toEqual({ f, abs: false });
    const pdfjs = isPdfJs(f, js);
    // A method of that name is no call: PDF.js's character-map reader has one (ports/browser/pdfjs-runtime.ts).
    const calls = js.replace(/async fetch\(/g, '');
    for (const api of pdfjs ? ['WebSocket', 'sendBeacon', 'EventSource'] : ['fetch(', 'XMLHttpRequest', 'WebSocket', 'sendBeacon', 'EventSource'])
      expect({ f, api, used: calls.includes(api) }).toEqual({ f, api, used: false });
    for (const url of js.match(/https?:\/\/[a-zA-Z0-9.-]+/g) ?? []) {
      const host = url.replace(/^https?:\/\//, '');
      expect({ f, host, allowed: [...NAMESPACES, ...DOC_LINKS, ...(pdfjs ? PDFJS_HOSTS : [])].includes(host) }).toEqual({ f, host, allowed: true });
    }
  }
});

test('an interrupted consolidate never leaves a truncated output: the old file or a complete new one', async () => {
  const format = formats.byId('gov-2021')!;
  const folder = join(dir, 'many');
  mkdirSync(folder);
  for (let i = 0; i < 300; i++) writeFileSync(join(folder, `m${i}.json`), JSON.stringify({ office: `单位${i}`, year: 2023, format: 'gov-2021', cells: validCells(format, seeded(i)) }));
  const out = join(dir, 'kept.xlsx');
  writeFileSync(out, 'the previous output');
  for (const delay of [150, 400, 800, 1500, 2500]) {
    const child = spawn(process.execPath, [join(ROOT, 'bin/nianbao.js'), 'consolidate', folder, '--out', out, '--office', '某市']);
    const exited = new Promise((r) => child.on('exit', r));
    await new Promise((r) => setTimeout(r, delay));
    child.kill('SIGKILL');
    await exited;
    const now = readFileSync(out);
    if (now.toString() === 'the previous output') continue;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(now).buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['某市2023汇总', '某市2023汇总明细', '某市2023图表']);
    writeFileSync(out, 'the previous output');
  }
  expect(
    readdirSync(dir)
      .filter((f) => f.startsWith('kept.xlsx') && f !== 'kept.xlsx')
      .every((f) => f.endsWith('.tmp')),
  ).toBe(true);
}, 120000);

test('an --out equal to an input is refused, and the input is untouched', () => {
  const input = join(dir, 'one.json');
  const format = formats.byId('gov-2021')!;
  const text = JSON.stringify({ office: '甲', year: 2023, format: 'gov-2021', cells: validCells(format, seeded(1)) });
  writeFileSync(input, text);
  for (const cmd of [
    ['consolidate', input, '--out', input],
    ['import', input, '--out', input],
  ]) {
    const run = nianbao(cmd);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('与输入文件相同');
    expect(readFileSync(input, 'utf8')).toBe(text);
  }
});
