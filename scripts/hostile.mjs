// `npm run hostile`: bundles scripts/hostile-table.ts and runs it.
import { build } from 'esbuild';
import { spawnSync } from 'child_process';

await build({
  entryPoints: ['scripts/hostile-table.ts'],
  outfile: 'dist/bench/hostile.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  logLevel: 'warning',
});
const r = spawnSync(process.execPath, ['dist/bench/hostile.js'], { stdio: 'inherit' });
process.exit(r.status ?? 1);
