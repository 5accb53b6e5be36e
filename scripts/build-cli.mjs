// Bundles the command line into dist/cli/nianbao.js (run by `npm ci` through "prepare").
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/nianbao.ts'],
  outfile: 'dist/cli/nianbao.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  logLevel: 'warning',
});
