// `npm run bench [-- --json]`: bundles scripts/bench.ts and runs it.
import { build } from 'esbuild';
import { spawnSync } from 'child_process';

await build({
  entryPoints: ['scripts/bench.ts'],
  outfile: 'dist/bench/bench.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  logLevel: 'warning',
});
const r = spawnSync(process.execPath, ['dist/bench/bench.js', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
