/** What every browser test starts with: Debian's Chromium, the built web page served locally, the pane harness. */
import { spawn, type ChildProcess } from 'child_process';
import { writeFileSync } from 'fs';
import { join } from 'path';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { ROOT } from './cli';

/** Headless Chromium with no network chatter of its own (this machine has no outside network). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
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
