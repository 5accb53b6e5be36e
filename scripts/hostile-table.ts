/** Prints the hostile corpus's outcomes with time and peak memory: `npm run hostile`. */
import { spawnSync } from 'child_process';
import { join } from 'path';
import { makeHostileCorpus } from '../test/helpers/hostile-corpus';

async function main() {
  const dir = join(__dirname, '../../test/fixtures/hostile');
  const cases = await makeHostileCorpus(dir, join(__dirname, '../..'));
  process.stdout.write('| 文件 | 情形 | 结果 | 用时 | 峰值内存 |\n|---|---|---|---|---|\n');
  for (const c of cases) {
    const r = spawnSync(process.execPath, [join(__dirname, '../../scripts/measure-cli.mjs'), 'validate', join(dir, c.file)], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const m = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as { code: number; ms: number; peakMb: number };
    const said =
      r.stderr
        .trim()
        .split('\n')
        .pop()
        ?.replace(/^错误：[^：]+：/, '') ?? '';
    const read = c.rule ? `读取（退出码 ${m.code}），该格读作“${c.says}”，报不是数字${c.warns ? '，并提示计算超出上限' : ''}` : `读取（退出码 ${m.code}）`;
    const outcome = m.code === 2 ? `拒绝（退出码 2）：${said}` : read;
    process.stdout.write(`| ${c.file} | ${c.what} | ${outcome} | ${(m.ms / 1000).toFixed(2)} s | ${Math.round(m.peakMb)} MB |\n`);
  }
}

main().catch((e) => {
  process.stderr.write(`失败：${(e as Error).message}\n`);
  process.exit(1);
});
