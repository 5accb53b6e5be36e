/**
 * PDF.js as the page runs it, loaded in one chunk with PDF.js itself on first use. It parses in a
 * worker the page starts itself from code it holds (a blob: URL of a classic script), so it works
 * from file:// as over http. A browser that refuses the worker is said to, never the file.
 */
import type { PdfJs } from '../pdfjs/pdf-pages';
import { cMapBytes, workerSource } from './pdfjs-assets';
import { classicWorker } from './pdfjs-worker-script';

/** PDF.js's character-map reader: the maps come from the page's own chunks, read on the main thread. */
export class BundledCMapReader {
  async fetch({ name }: { name: string }): Promise<{ cMapData: Uint8Array; isCompressed: boolean }> {
    return { cMapData: await cMapBytes(name), isCompressed: true };
  }
}

let started: Promise<PdfJs> | undefined;

/** PDF.js with its worker running, one for the page's life: parsing off the page's thread. */
export function startedPdfJs(): Promise<PdfJs> {
  started ??= (async () => {
    // The same chunk as this module: PDF.js and what runs it arrive together.
    const pdfjs = await import(/* webpackChunkName: "pdfjs" */ 'pdfjs-dist/legacy/build/pdf.mjs');
    const url = URL.createObjectURL(new Blob([classicWorker(await workerSource())], { type: 'text/javascript' }));
    pdfjs.GlobalWorkerOptions.workerPort = new Worker(url);
    return pdfjs;
  })();
  started.catch(() => (started = undefined));
  return started;
}
