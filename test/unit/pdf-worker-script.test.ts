/** PDF.js's worker module, as the page runs it from a blob: URL: a classic script that parses and starts itself. */
import { readFileSync } from 'fs';
import { parse } from 'acorn';
import { classicWorker } from '../../src/ports/browser/pdfjs-worker-script';

const worker = readFileSync(require.resolve('pdfjs-dist/legacy/build/pdf.worker.min.mjs'), 'utf8');

test('the installed PDF.js worker becomes a classic script: no export, no import.meta, and it still starts itself', () => {
  const script = classicWorker(worker);
  expect(() => parse(script, { ecmaVersion: 2022, sourceType: 'script' })).not.toThrow();
  // As a module it would not parse as a classic script at all.
  expect(() => parse(worker, { ecmaVersion: 2022, sourceType: 'script' })).toThrow();
  expect(script).not.toMatch(/import\.meta|export\s*\{/);
  expect(script).toContain('initializeFromPort(self)');
});

test('a worker that no longer ends as this expects is refused loudly, never run half-changed', () => {
  expect(() => classicWorker('export { Other };')).toThrow(/update pdfjs-worker-script/);
});
