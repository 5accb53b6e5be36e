import { readFileSync } from 'fs';
import { nodeReaders } from './src/ports/node/readers';
const [file, page, pat] = process.argv.slice(2);
(async () => {
  const pages = await nodeReaders.pdf(new Uint8Array(readFileSync(file)));
  const p = pages[Number(page) - 1];
  const re = new RegExp(pat);
  const items = p.text.filter((t) => re.test(t.str));
  for (const it of items) {
    const line = p.text.filter((t) => Math.abs(t.y - it.y) < 2).sort((a, b) => a.x - b.x);
    console.log(line.map((t) => `[${JSON.stringify(t.str)} x=${t.x.toFixed(1)} w=${t.w.toFixed(1)} y=${t.y.toFixed(1)} h=${t.h.toFixed(1)}]`).join(' '));
  }
  const vs = p.rules.filter((r) => r.x1 === r.x2).map((r) => r.x1.toFixed(1));
  console.log('vertical rules x:', [...new Set(vs)].sort((a, b) => +a - +b).join(' '));
})();
