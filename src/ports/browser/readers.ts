/** How the pane and the web page read files: our lean .xlsx reader and PDF.js, each loaded (its own chunk) when a file needs it. */
import type { FileReaders } from '../../import/readers';
import { browserPdfJs } from './pdfjs-browser';

export const browserReaders: FileReaders = {
  workbook: async (bytes, parts) => (await import(/* webpackChunkName: "xlsx-reader" */ '../xlsx/read-sheets')).readWorkbookContents(bytes, parts),
  pdf: async (bytes) => (await import(/* webpackChunkName: "pdf-reader" */ '../pdfjs/pdf-pages')).pdfPages(bytes, browserPdfJs),
};
