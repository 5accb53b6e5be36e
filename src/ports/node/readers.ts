/** How the command line (and tests) read files: exceljs and PDF.js, loaded when a file needs them. */
import type { FileReaders } from '../../import/readers';
import { pdfPages } from '../pdfjs/pdf-pages';
import { nodePdfJs } from './pdfjs-node';

export const nodeReaders: FileReaders = {
  workbook: async (bytes) => (await import('../exceljs/read-workbook')).readWorkbookContents(bytes),
  pdf: (bytes) => pdfPages(bytes, nodePdfJs),
};
