/**
 * PDF.js in a browser (the pane, the web page, WPS): loaded on first use, parsing in a worker the
 * page starts from code it holds, with character maps from its own chunks. Nothing is fetched
 * beside the page, so it works from file:// as over http.
 */
import type { PdfJs, PdfJsHost } from '../pdfjs/pdf-pages';

let loading: Promise<typeof import('./pdfjs-runtime')> | undefined;
let runtime: typeof import('./pdfjs-runtime') | undefined;

async function load(): Promise<PdfJs> {
  loading ??= import(/* webpackChunkName: "pdfjs" */ './pdfjs-runtime');
  loading.catch(() => (loading = undefined));
  runtime = await loading;
  return runtime.startedPdfJs();
}

export const browserPdfJs: PdfJsHost = {
  load,
  // Asked for after load(): the reader class comes with PDF.js.
  cMaps: () => ({ CMapReaderFactory: runtime!.BundledCMapReader, useWorkerFetch: false }),
  blockedAdvice: '请用新版 Chrome、Edge，或 360、奇安信浏览器的“极速模式”打开本页；从磁盘打开本页时，请确认它所在的整个文件夹已完整复制；也可以用命令行 nianbao 读取该 PDF。',
};
