// Runs one `nianbao` command in this process, then prints its wall time and peak memory as a last JSON line.
const { run } = await import('../dist/cli/nianbao.js');
const t0 = process.hrtime.bigint();
// NIANBAO_QUIET=1 drops the command's own output, so only the work is timed.
const quiet = process.env.NIANBAO_QUIET === '1';
const code = await run(process.argv.slice(2), { stdout: (s) => quiet || process.stdout.write(s), stderr: (s) => process.stderr.write(s) });
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
process.stdout.write(JSON.stringify({ code, ms, peakMb: process.resourceUsage().maxRSS / 1024 }) + '\n');
