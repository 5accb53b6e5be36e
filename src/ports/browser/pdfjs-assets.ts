/**
 * PDF.js's worker code and character maps, bundled into chunks the page loads with its own
 * scripts: they need no fetch and no file beside the page, so a page opened from disk (file://)
 * reads PDFs as one served over http does. Each loads only when a PDF needs it.
 */

/** The worker's code, as text. */
export async function workerSource(): Promise<string> {
  return (await import(/* webpackChunkName: "pdf-worker" */ 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?source')).default;
}

/** One packed character map (UniGB-UCS2-H…), only the one a PDF asks for. */
export async function cMapBytes(name: string): Promise<Uint8Array> {
  if (!/^[\w-]+$/.test(name)) throw new Error(`Unknown CMap ${name}`);
  const { default: dataUrl } = await import(/* webpackChunkName: "pdf-cmap-[request]" */ `pdfjs-dist/cmaps/${name}.bcmap`);
  const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
  return Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
}
