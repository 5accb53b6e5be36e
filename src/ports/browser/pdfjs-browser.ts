/** PDF.js in a browser (the pane, the web page): loaded on first use, parsing in its own worker beside the page. */
import type { PdfJs, PdfJsHost } from '../pdfjs/pdf-pages';

/** PDF.js's worker script, as webpack.config.js copies it beside the pages. */
export const PDF_WORKER_FILE = 'pdf.worker.min.js';
/** The character maps' folder, as webpack.config.js copies it beside the pages. */
export const PDF_CMAPS_FOLDER = 'pdf-cmaps/';

let loading: Promise<PdfJs> | undefined;

function load(): Promise<PdfJs> {
  loading ??= (async () => {
    const pdfjs = await import(/* webpackChunkName: "pdfjs" */ 'pdfjs-dist/legacy/build/pdf.mjs');
    // The parsing runs in PDF.js's worker, off the page's thread.
    if (!pdfjs.GlobalWorkerOptions.workerSrc) pdfjs.GlobalWorkerOptions.workerSrc = new URL(PDF_WORKER_FILE, document.baseURI).href;
    return pdfjs;
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}

export const browserPdfJs: PdfJsHost = { load, cMapUrl: () => new URL(PDF_CMAPS_FOLDER, document.baseURI).href };
