// Runs one `nianbao` command in this process and prints its wall time and peak memory (for `npm run bench`).
import { createRequire } from 'module';

const { run } = createRequire(import.meta.url)('../dist/cli/nianbao.js');
const t0 = process.hrtime.bigint();
const code = await run(process.argv.slice(2), { stdout: () => undefined, stderr: (s) => process.stderr.write(s) });
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
process.stdout.write(JSON.stringify({ code, ms, peakMb: process.resourceUsage().maxRSS / 1024 }) + '\n');
