// Bundles the command line into dist/cli/nianbao.js and its chunks (run by `npm ci` and `npm pack` through "prepare").
// Everything it needs is bundled or copied beside it, so an installed package needs no download:
// `npm install -g ./nianbao-0.1.0.tgz --offline` works on a machine without network.
import { build } from 'esbuild';
import { cpSync, mkdirSync, rmSync, writeFileSync, readFileSync } from 'fs';
import { dirname, join } from 'path';
import { createRequire } from 'module';

const OUT = 'dist/cli';

// An ES module split in chunks: each command loads only what it needs (validating parses no
// exceljs, Word or charts). The banner gives bundled CommonJS code its require and paths.
rmSync(OUT, { recursive: true, force: true });
await build({
  // The command, and the worker thread its PDF pool starts beside it (src/ports/node/pdf-threads.ts).
  entryPoints: { nianbao: 'src/cli/nianbao.ts', 'pdf-thread': 'src/ports/node/pdf-thread.ts' },
  outdir: OUT,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  banner: {
    js: [
      "import { createRequire as __nianbaoRequire } from 'module';",
      "import { fileURLToPath as __nianbaoPath } from 'url';",
      "import { dirname as __nianbaoDir } from 'path';",
      'const require = __nianbaoRequire(import.meta.url);',
      'const __filename = __nianbaoPath(import.meta.url);',
      'const __dirname = __nianbaoDir(__filename);',
    ].join(' '),
  },
  // PDF.js is an ES module loaded on demand with its worker and character maps: copied whole below.
  external: ['pdfjs-dist', 'pdfjs-dist/*'],
  // ECharts (the figures of a drafted report) checks this for its development warnings.
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
});
writeFileSync(join(OUT, 'package.json'), JSON.stringify({ type: 'module' }, null, 2) + '\n');

// Node finds a package in a node_modules folder beside the bundle before any other.
const pdfjs = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const target = join(OUT, 'node_modules', 'pdfjs-dist');
rmSync(target, { recursive: true, force: true });
mkdirSync(join(target, 'legacy', 'build'), { recursive: true });
for (const f of ['pdf.mjs', 'pdf.worker.mjs']) cpSync(join(pdfjs, 'legacy', 'build', f), join(target, 'legacy', 'build', f));
for (const d of ['cmaps', 'standard_fonts', 'wasm']) cpSync(join(pdfjs, d), join(target, d), { recursive: true });
cpSync(join(pdfjs, 'LICENSE'), join(target, 'LICENSE'));
const { name, version, license } = JSON.parse(readFileSync(join(pdfjs, 'package.json'), 'utf8'));
writeFileSync(
  join(target, 'package.json'),
  JSON.stringify(
    { name, version, license, exports: { './package.json': './package.json', './legacy/build/pdf.mjs': './legacy/build/pdf.mjs', './legacy/build/pdf.worker.mjs': './legacy/build/pdf.worker.mjs' } },
    null,
    2,
  ),
);

// resvg's WebAssembly (the figures' PNG for Word): its JavaScript is bundled, the .wasm is read from beside it.
const resvg = dirname(createRequire(import.meta.url).resolve('@resvg/resvg-wasm/index_bg.wasm'));
const resvgTarget = join(OUT, 'node_modules', '@resvg', 'resvg-wasm');
rmSync(resvgTarget, { recursive: true, force: true });
mkdirSync(resvgTarget, { recursive: true });
for (const f of ['package.json', 'index_bg.wasm']) cpSync(join(resvg, f), join(resvgTarget, f));
