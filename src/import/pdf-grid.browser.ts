/**
 * The web page's stand-in for the PDF reader (webpack.config.js swaps it in). PDF.js carries
 * network code (fetch, XMLHttpRequest) that the page's bundle must not contain, so PDFs are
 * read by the command line; the page says so.
 */
import { InputError } from '../model/report-json';
import type { Grid } from './grid';
import type { PdfPage } from './pdf-layout';

const REFUSAL = '网页版暂不读取 PDF：请用命令行 nianbao 读取该 PDF，或提供报告的 Word 原件、网页版本';

export async function gridFromPdf(_bytes: Uint8Array, _source: string): Promise<Grid> {
  throw new InputError(REFUSAL);
}

export async function pagesFromPdf(_bytes: Uint8Array): Promise<PdfPage[]> {
  throw new InputError(REFUSAL);
}
