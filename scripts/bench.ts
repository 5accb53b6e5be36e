/** Prints the figures of spec/contract.md: throughput of the core and sync counts of the add-in. */
import { formats } from '../src/formats';
import { validate } from '../src/rules/engine';
import { reportFromCells, seeded, validCells } from '../test/helpers/random-report';
import type { Report } from '../src/model/report';
import { addinSyncBenchmarks } from '../test/office/sync-bench';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function validateThroughput(): number {
  const format = formats.byId('gov-2021')!;
  const rand = seeded(42);
  const reports: Report[] = [];
  for (let i = 0; i < 2000; i++) {
    const cells: Record<string, number | null> = validCells(format, rand);
    // A realistic mix: some reports carry errors, so findings and fixes are computed too.
    if (i % 3 === 0) cells['requests.total.legal'] = (cells['requests.total.legal'] ?? 0) + 1;
    if (i % 7 === 0) cells['requests.new.natural'] = null;
    reports.push(reportFromCells(format, cells));
  }
  for (const r of reports) validate(r);
  const runs: number[] = [];
  for (let k = 0; k < 5; k++) {
    const t0 = process.hrtime.bigint();
    for (let rep = 0; rep < 5; rep++) for (const r of reports) validate(r);
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    runs.push((reports.length * 5) / s);
  }
  return Math.round(median(runs));
}

async function main() {
  const metrics: Record<string, number> = {};
  metrics['validate.reports_per_s'] = validateThroughput();
  Object.assign(metrics, await addinSyncBenchmarks());
  if (process.argv.includes('--json')) {
    process.stdout.write(JSON.stringify({ metrics }) + '\n');
    return;
  }
  const width = Math.max(...Object.keys(metrics).map((k) => k.length));
  process.stdout.write('指标'.padEnd(width - 1) + '  数值\n');
  for (const [k, v] of Object.entries(metrics)) process.stdout.write(`${k.padEnd(width)}  ${v}\n`);
}

main().catch((e) => {
  process.stderr.write(`基准测试失败：${(e as Error).message}\n`);
  process.exit(1);
});
