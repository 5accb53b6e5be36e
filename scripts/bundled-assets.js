/**
 * PDF.js's worker code as text and its character maps as data: URLs, each a chunk loaded when a
 * PDF needs it (src/ports/browser/pdfjs-assets.ts): nothing is fetched beside the page, so it
 * reads PDFs from file:// as over http. Shared by the web and the WPS builds.
 */
const BUNDLED_ASSETS = [
  { resourceQuery: /source/, type: 'asset/source' },
  { test: /\.bcmap$/, type: 'asset/inline', generator: { dataUrl: { mimetype: 'application/octet-stream' } } },
];

module.exports = { BUNDLED_ASSETS };
