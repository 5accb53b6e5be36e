// Runs one `nianbao` command in this process and prints its wall time and peak memory (for `npm run bench`).
const { run } = require('../dist/cli/nianbao.js');
const t0 = process.hrtime.bigint();
run(process.argv.slice(2), { stdout: () => undefined, stderr: (s) => process.stderr.write(s) }).then((code) => {
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  process.stdout.write(JSON.stringify({ code, ms, peakMb: process.resourceUsage().maxRSS / 1024 }) + '\n');
});
