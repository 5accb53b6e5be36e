/**
 * PDF.js ships its worker as an ES module, and a page opened from disk (file://) cannot start a
 * module worker from a blob: URL (its origin is opaque). As a classic script it can, in every
 * Chromium: the module's one export dropped (the worker starts itself on load) and its two
 * import.meta.url (for the image decoders' WebAssembly, which reading text never loads) made the
 * worker's own address.
 */

/** How the worker module ends: `export{WorkerMessageHandler};`. */
const EXPORT = /export\s*\{\s*WorkerMessageHandler\s*\};?\s*$/;

/** The worker's code as a classic script; throws when PDF.js changed what this relies on. */
export function classicWorker(moduleSource: string): string {
  if (!EXPORT.test(moduleSource)) throw new Error('PDF.js worker: its module no longer ends with export{WorkerMessageHandler}; update pdfjs-worker-script.ts');
  return moduleSource.replace(EXPORT, '').split('import.meta.url').join('self.location.href');
}
