// `node scripts/run-ts.mjs ENTRY.ts [args]`: bundles a TypeScript script (bench, hostile table) and runs it.
import { build } from 'esbuild';
import { spawnSync } from 'child_process';
import { basename } from 'path';

const [entry, ...args] = process.argv.slice(2);
const outfile = `dist/bench/${basename(entry, '.ts')}.js`;
await build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', packages: 'external', logLevel: 'warning' });
const r = spawnSync(process.execPath, [outfile, ...args], { stdio: 'inherit' });
process.exit(r.status ?? 1);
