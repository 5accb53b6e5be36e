/** PDF.js on Node (the command line, tests): no worker thread of its own, character maps from the installed package. */
import { createRequire } from 'module';
import { dirname, join } from 'path';
import type { PdfJs, PdfJsHost } from '../pdfjs/pdf-pages';

/** Node has no DOMMatrix; PDF.js takes it from the optional canvas package, else needs a stand-in. Text extraction never uses it. */
class InertMatrix {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;
  multiplySelf() {
    return this;
  }
  preMultiplySelf() {
    return this;
  }
  translate() {
    return this;
  }
  scale() {
    return this;
  }
  invertSelf() {
    return this;
  }
}

/**
 * The legacy build's core-js replaces two built-ins on V8 before 12.2 (Node 20) for edge cases
 * neither PDF.js nor we rely on: Array.prototype.push (arrays with a frozen length) and JSON.parse
 * (a reviver's source text). Its push is a script, several times slower for every array in the
 * process; a third of reading a PDF went into it. The natives go back once PDF.js is loaded.
 */
function nativesPdfJsReplaces(): { restore: () => void } {
  const kept = [
    [Array.prototype, 'push'],
    [JSON, 'parse'],
  ].map(([owner, key]) => ({ owner, key, d: Object.getOwnPropertyDescriptor(owner, key as string)! }));
  return { restore: () => kept.forEach(({ owner, key, d }) => Object.defineProperty(owner, key as string, d)) };
}

let loading: Promise<PdfJs> | undefined;

function load(): Promise<PdfJs> {
  loading ??= (async () => {
    const g = globalThis as Record<string, unknown>;
    g.DOMMatrix ??= InertMatrix;
    // Loading warns on the console when the optional canvas package is absent; reading text needs no canvas.
    const warn = console.warn;
    console.warn = (...args: unknown[]) => {
      if (!(typeof args[0] === 'string' && args[0].startsWith('Warning: Cannot'))) warn(...args);
    };
    const natives = nativesPdfJsReplaces();
    try {
      const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
      // The worker's half too, now, so it runs in this thread (PDF.js takes globalThis.pdfjsWorker) and its polyfills land before the natives return.
      await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
      return pdfjs;
    } finally {
      console.warn = warn;
      natives.restore();
    }
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}

/** The installed pdfjs-dist's cmaps folder: beside the bundle for the installed command line (build-cli.mjs copies it there). */
function cMapUrl(): string | undefined {
  try {
    return join(dirname(createRequire(__filename).resolve('pdfjs-dist/package.json')), 'cmaps') + '/';
  } catch {
    return undefined;
  }
}

export const nodePdfJs: PdfJsHost = {
  load,
  cMaps: () => ({ cMapUrl: cMapUrl(), cMapPacked: true }),
  blockedAdvice: '请确认 nianbao 安装完整（在项目目录中运行 npm install，或重新安装安装包）后重试。',
};
