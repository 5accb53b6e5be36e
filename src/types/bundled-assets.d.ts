/** Files the bundler hands over as data (webpack.config.js: `?source` as text, .bcmap inline as a data: URL). */
declare module '*?source' {
  const text: string;
  export default text;
}
declare module '*.bcmap' {
  const dataUrl: string;
  export default dataUrl;
}

/** PDF.js's worker half, imported on Node only so that it runs in the same thread (it sets globalThis.pdfjsWorker). */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs';
