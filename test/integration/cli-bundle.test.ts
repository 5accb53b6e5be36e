/**
 * The command line is split in chunks (dist/cli, built by build:cli): what every command loads
 * at start holds no exceljs, Word writer or charting library, which load only with the commands
 * that write workbooks, letters or drafts. Checked on the built files' static imports.
 */
import { existsSync, readFileSync } from 'fs';
import { dirname, join } from 'path';
import { ROOT } from '../helpers/cli';

const CLI = join(ROOT, 'dist', 'cli');
const HEAVY = ['exceljs', 'docx', 'echarts', 'zrender', '@resvg/resvg-wasm'];

const STATIC = /^(?:import|export)\b[^;]*?\bfrom\s*"(\.[^"]+)"/gm;
// A chunk name for webpack may sit in a comment inside the call.
const DYNAMIC = /\bimport\(\s*(?:\/\*[^]*?\*\/\s*)?"(\.[^"]+)"\s*\)/g;

/** The files a module loads: itself and its static imports (with `dynamic`, its imports on demand too), transitively. */
function loaded(file: string, dynamic = false, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const pattern of dynamic ? [STATIC, DYNAMIC] : [STATIC]) for (const m of code.matchAll(pattern)) loaded(join(dirname(file), m[1]), dynamic, seen);
  return seen;
}

/** The packages a built file carries, from esbuild's `// node_modules/NAME/...` markers. */
function packagesIn(files: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const f of files) for (const m of readFileSync(f, 'utf8').matchAll(/^\/\/ node_modules\/((?:@[^/]+\/)?[^/]+)\//gm)) out.add(m[1]);
  return out;
}

test('every command starts without exceljs, Word or the charts; the commands that need them load them', () => {
  const entry = join(CLI, 'nianbao.js');
  expect(existsSync(entry)).toBe(true);
  const atStart = packagesIn(loaded(entry));
  // What validating needs is there from the start.
  expect(atStart).toContain('commander');
  expect(atStart).toContain('fflate');
  for (const heavy of HEAVY) expect(atStart).not.toContain(heavy);
  // And the heavy ones are in chunks loaded on demand.
  const later = packagesIn(loaded(entry, true));
  for (const heavy of HEAVY) expect(later).toContain(heavy);
});
