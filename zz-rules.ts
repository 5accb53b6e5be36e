import { readFileSync } from 'fs';
import { nodeReaders } from './src/ports/node/readers';
const [file, page, y0, y1] = process.argv.slice(2);
(async () => {
  const pages = await nodeReaders.pdf(new Uint8Array(readFileSync(file)));
  const p = pages[Number(page) - 1];
  const lo = Number(y0), hi = Number(y1);
  for (const r of p.rules) {
    const ya = Math.min(r.y1, r.y2), yb = Math.max(r.y1, r.y2);
    if (yb < lo || ya > hi) continue;
    console.log(r.x1 === r.x2 ? `V x=${r.x1.toFixed(1)} y=${ya.toFixed(1)}..${yb.toFixed(1)}` : `H y=${r.y1.toFixed(1)} x=${Math.min(r.x1,r.x2).toFixed(1)}..${Math.max(r.x1,r.x2).toFixed(1)}`);
  }
})();
