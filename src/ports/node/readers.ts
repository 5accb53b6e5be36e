/** How the command line (and tests) read files: our lean .xlsx reader, and PDF.js loaded when a PDF needs it. */
import type { FileReaders } from '../../import/readers';
import { pdfPages } from '../pdfjs/pdf-pages';
import { readWorkbookContents } from '../xlsx/read-sheets';
import { nodePdfJs } from './pdfjs-node';

export const nodeReaders: FileReaders = {
  workbook: async (bytes, parts) => readWorkbookContents(bytes, parts),
  pdf: (bytes) => pdfPages(bytes, nodePdfJs),
};
