/** What every browser test starts with: Debian's Chromium, the built web page served locally, the pane harness. */
import { spawn, type ChildProcess } from 'child_process';
import { existsSync, readFileSync, writeFileSync } from 'fs';
import { createServer } from 'http';
import type { AddressInfo } from 'net';
import { extname, join, normalize } from 'path';
import { build, type Plugin } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT } from './cli';

/** Headless Chromium with no network chatter of its own (this machine has no outside network). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** What a page does while a test drives it: uncaught errors, the paths it requests, the workers it starts. */
export function watchPage(page: Page): { failures: string[]; requests: string[]; workers: string[] } {
  const seen = { failures: [] as string[], requests: [] as string[], workers: [] as string[] };
  page.on('pageerror', (e) => seen.failures.push(e.message));
  page.on('request', (r) => seen.requests.push(new URL(r.url()).pathname));
  // A worker's address: blob: when the page starts it from code it holds.
  page.on('worker', (w) => seen.workers.push(w.url().startsWith('blob:') ? 'blob:' : new URL(w.url()).pathname));
  return seen;
}

/** `scripts/serve.mjs` over dist/web on a free port; resolves with its address. */
export async function startWebServer(): Promise<{ server: ChildProcess; url: string }> {
  const server = spawn(process.execPath, [join(ROOT, 'scripts/serve.mjs')], { env: { ...process.env, PORT: '0' }, cwd: ROOT });
  const url = await new Promise<string>((resolve, reject) => {
    server.stdout!.on('data', (d: Buffer) => {
      const m = /http:\/\/localhost:\d+\//.exec(d.toString());
      if (m) resolve(m[0]);
    });
    server.on('exit', () => reject(new Error('server exited')));
  });
  return { server, url };
}

/**
 * esbuild's side of scripts/bundled-assets.js (webpack's): a `?source` import as its text, a
 * .bcmap as a data: URL, so the harnesses load PDF.js's worker and maps as the built pages do.
 */
const bundledAssets: Plugin = {
  name: 'bundled-assets',
  setup(b) {
    b.onResolve({ filter: /\?source$/ }, (args) => ({ path: require.resolve(args.path.replace(/\?source$/, ''), { paths: [args.resolveDir] }), namespace: 'source' }));
    b.onLoad({ filter: /.*/, namespace: 'source' }, (args) => ({ contents: readFileSync(args.path, 'utf8'), loader: 'text' }));
  },
};

/** Bundles the real pane over the fake Excel host (test/e2e/addin-harness.tsx) into `dir`; returns its page. */
export function buildPaneHarness(dir: string): Promise<string> {
  return buildHarness(dir, 'addin-harness.tsx');
}

/** Bundles a React harness from test/e2e into `dir` with a page that runs it; returns the page's path. */
export async function buildHarness(dir: string, entry: string): Promise<string> {
  await build({
    entryPoints: [join(ROOT, 'test', 'e2e', entry)],
    outfile: join(dir, 'harness.js'),
    bundle: true,
    format: 'iife',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  const page = join(dir, 'index.html');
  writeFileSync(page, '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"></head><body><div id="root"></div><script src="harness.js"></script></body></html>');
  return page;
}

/**
 * The pane harness as the add-in ships it where PDFs are concerned: PDF.js split into a chunk
 * loaded on first use, its worker's code and character maps in chunks of their own, served over
 * HTTP as the add-in is. Resolves with the page's address and a stop.
 */
export async function servePaneHarnessWithPdf(dir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  await build({
    entryPoints: [join(ROOT, 'test', 'e2e', 'addin-harness.tsx')],
    outdir: dir,
    bundle: true,
    splitting: true,
    format: 'esm',
    jsx: 'automatic',
    plugins: [bundledAssets],
    loader: { '.bcmap': 'dataurl' },
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"></head><body><div id="root"></div><script type="module" src="addin-harness.js"></script></body></html>',
  );
  const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };
  const server = createServer((req, res) => {
    const rel = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname)).replace(/^\/+/, '') || 'index.html';
    const file = join(dir, rel);
    if (rel.startsWith('..') || !existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': types[extname(rel)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}
