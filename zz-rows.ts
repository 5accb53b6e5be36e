import { readFileSync } from 'fs';
import { nodeReaders } from './src/ports/node/readers';
import { layoutPages, rowsOfPages } from './src/import/pdf';
const [file, pat] = process.argv.slice(2);
(async () => {
  const pages = layoutPages(await nodeReaders.pdf(new Uint8Array(readFileSync(file))), 200000);
  const rows = rowsOfPages(pages);
  const re = new RegExp(pat);
  rows.forEach((r, i) => {
    if (!r.cells.some((c) => re.test(c.text))) return;
    for (const k of [i - 1, i, i + 1]) if (rows[k]) console.log(k, rows[k].aligned ? 'A' : '-', rows[k].cells.map((c) => `${c.x}${c.copy ? 'c' : ''}:${c.text}`).join(' | '));
  });
})();
