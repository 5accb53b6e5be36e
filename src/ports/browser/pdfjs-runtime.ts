/**
 * PDF.js as the page runs it, loaded in one chunk with PDF.js itself on first use: its worker
 * started from code the page holds (a blob: URL), and a reader of the bundled character maps.
 */
import type { PdfJs } from '../pdfjs/pdf-pages';
import { cMapBytes, workerSource } from './pdfjs-assets';

/** PDF.js's character-map reader: the maps come from the page's own chunks, read on the main thread. */
export class BundledCMapReader {
  async fetch({ name }: { name: string }): Promise<{ cMapData: Uint8Array; isCompressed: boolean }> {
    return { cMapData: await cMapBytes(name), isCompressed: true };
  }
}

/** PDF.js with its worker set up: parsing runs off the page's thread, from file:// as over http. */
export async function startedPdfJs(): Promise<PdfJs> {
  // The same chunk as this module: PDF.js and what runs it arrive together.
  const pdfjs = await import(/* webpackChunkName: "pdfjs" */ 'pdfjs-dist/legacy/build/pdf.mjs');
  if (!pdfjs.GlobalWorkerOptions.workerSrc) pdfjs.GlobalWorkerOptions.workerSrc = URL.createObjectURL(new Blob([await workerSource()], { type: 'text/javascript' }));
  return pdfjs;
}
