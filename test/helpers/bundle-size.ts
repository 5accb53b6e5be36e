/**
 * What each built page (dist/web) loads before it can start: the scripts its HTML names, gzipped.
 * Shared by the budget test and `npm run bench`. Scripts loaded on demand (the file readers, the
 * Word writer) are not named in the HTML and so are not counted.
 */
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { gzipSync } from 'zlib';

/** The pages with a start-up budget, under the names the bench reports them by. */
export const PAGES = { taskpane: 'taskpane.html', commands: 'commands.html', page: 'index.html' } as const;
export type PageName = keyof typeof PAGES;

/** Gzip KB (1024 bytes) of start-up scripts each page may load. */
export const BUDGET_KB: Record<PageName, number> = { taskpane: 250, commands: 60, page: 300 };

/** The `src` of every `<script>` in a page, in order; HtmlWebpackPlugin's minified output leaves them unquoted. */
export function scriptSources(html: string): string[] {
  const out: string[] = [];
  for (const tag of html.matchAll(/<script\b([^>]*)>/gi)) {
    const src = /(?:^|\s)src\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i.exec(tag[1]);
    if (src) out.push(src[1] ?? src[2] ?? src[3]);
  }
  return out;
}

/** office.js is Microsoft's, from its CDN or copied as published (OFFICE_JS=local): not ours to budget. */
export function isOwnScript(src: string): boolean {
  return !/^([a-z][a-z0-9+.-]*:)?\/\//i.test(src) && !/^(\.\/)?office\//.test(src);
}

export interface StartScripts {
  page: string;
  files: { src: string; bytes: number; gzipBytes: number }[];
  gzipBytes: number;
}

/** Our scripts `page` loads at start, with their sizes; throws when the page or one of them is missing. */
export function startScripts(webDir: string, page: string): StartScripts {
  const htmlPath = join(webDir, page);
  if (!existsSync(htmlPath)) throw new Error(`${htmlPath} 不存在：请先运行 npm run build`);
  const files = scriptSources(readFileSync(htmlPath, 'utf8'))
    .filter(isOwnScript)
    .map((src) => {
      const path = join(webDir, src.split(/[?#]/)[0]);
      if (!existsSync(path)) throw new Error(`${page} 引用的 ${src} 不存在`);
      const bytes = readFileSync(path);
      // zlib's default level (6), as a web server compresses on the fly.
      return { src, bytes: bytes.length, gzipBytes: gzipSync(bytes).length };
    });
  return { page, files, gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0) };
}

/** KB to one decimal. */
export const kb = (bytes: number): number => Math.round((bytes / 1024) * 10) / 10;
