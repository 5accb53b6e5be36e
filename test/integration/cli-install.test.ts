/**
 * The packed command line installs without network and works anywhere: `npm pack`, then
 * `npm install -g --offline` of the tarball into an empty prefix, run from an unrelated folder.
 */
import { spawnSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { ROOT } from '../helpers/cli';

const npm = (args: string[], cwd: string) => spawnSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false' } });

test('npm pack, install the tarball offline into a fresh prefix, run nianbao from another folder', () => {
  const work = mkdtempSync(join(tmpdir(), 'nianbao-install-'));
  const packed = npm(['pack', ROOT, '--pack-destination', work], work);
  expect(packed.status).toBe(0);
  const tgz = readdirSync(work).find((f) => f.endsWith('.tgz'))!;
  expect(tgz).toBe('nianbao-0.1.0.tgz');

  const prefix = join(work, 'prefix');
  const installed = npm(['install', '-g', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', join(work, tgz)], work);
  expect({ code: installed.status, err: installed.status ? installed.stderr.slice(-600) : '' }).toEqual({ code: 0, err: '' });
  // Nothing but the package itself: every dependency is bundled into it.
  const pkg = join(prefix, 'lib', 'node_modules', 'nianbao');
  expect(JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')).dependencies).toBeUndefined();
  expect(existsSync(join(pkg, 'node_modules'))).toBe(false);

  const elsewhere = join(work, '某县');
  mkdirSync(elsewhere);
  const bin = join(prefix, 'bin', 'nianbao');
  const run = (args: string[]) => spawnSync(bin, args, { cwd: elsewhere, encoding: 'utf8', env: { ...process.env, NODE_PATH: '' } });
  const help = run(['--help']);
  expect(help.status).toBe(0);
  expect(help.stdout).toMatch(/^用法： nianbao \[选项\] <命令>/);
  const made = run(['template', '--year', '2024', '--office', '某县人民政府办公室', '--out', '模板.xlsx']);
  expect({ code: made.status, err: made.stderr }).toEqual({ code: 0, err: '' });
  expect(existsSync(join(elsewhere, '模板.xlsx'))).toBe(true);
  const checked = run(['validate', '模板.xlsx', '--json']);
  expect(checked.status).toBe(0);
  const doc = JSON.parse(checked.stdout) as { reports: { office: string; year: number; findings: { rule: string }[] }[] };
  expect(doc.reports.map((r) => [r.office, r.year])).toEqual([['某县人民政府办公室', 2024]]);
  expect(doc.reports[0].findings.every((f) => f.rule === 'cell.blank')).toBe(true);
}, 180000);
