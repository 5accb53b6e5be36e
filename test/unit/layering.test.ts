/**
 * The layering is enforced by `npm run lint`: a planted violation in each layer fails it,
 * and the same code in a layer that may hold it passes.
 */
import { spawnSync } from 'child_process';
import { join } from 'path';
import { ROOT } from '../helpers/cli';

/** ESLint as `npm run lint` runs it, on code given as the named file (which need not exist). */
async function messages(code: string, filePath: string): Promise<string[]> {
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--stdin', '--stdin-filename', filePath, '--format', 'json'], {
    cwd: ROOT,
    input: code,
    encoding: 'utf8',
  });
  const [result] = JSON.parse(r.stdout) as { messages: { ruleId: string; message: string }[] }[];
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

test.each([
  ['src/rules/planted.ts', "import { OfficeWorkbookPort } from '../ports/office/office-workbook';\nexport const x = OfficeWorkbookPort;\n", 'no-restricted-imports'],
  ['src/model/planted.ts', "import { readFileSync } from 'fs';\nexport const x = readFileSync;\n", 'no-restricted-imports'],
  ['src/import/planted.ts', "import ExcelJS from 'exceljs';\nexport const x = ExcelJS;\n", 'no-restricted-imports'],
  ['src/layout/planted.ts', "import { validateSheets } from '../app/operations';\nexport const x = validateSheets;\n", 'no-restricted-imports'],
  ['src/app/planted.ts', "import { ExceljsWorkbookPort } from '../ports/exceljs/exceljs-workbook';\nexport const x = ExceljsWorkbookPort;\n", 'no-restricted-imports'],
  ['src/app/planted2.ts', 'export const run = () => Excel.run(async () => undefined);\n', 'no-restricted-globals'],
  ['src/taskpane/components/Planted.tsx', 'export const ready = () => Office.onReady();\n', 'no-restricted-globals'],
  ['src/app/planted4.ts', 'export const sheet = () => (window as unknown as { Application: { ActiveSheet: unknown } }).Application.ActiveSheet;\n', 'no-restricted-syntax'],
  ['src/taskpane/components/Planted2.tsx', 'export const sheet = () => (Application as { ActiveSheet: unknown }).ActiveSheet;\n', 'no-restricted-globals'],
  ['src/ports/office/planted.ts', 'export const book = () => (window as unknown as { Application: { ActiveWorkbook: unknown } }).Application.ActiveWorkbook;\n', 'no-restricted-syntax'],
  ['src/taskpane/wps.tsx', 'export const ready = () => Office.onReady();\n', 'no-restricted-globals'],
  ['src/app/planted5.ts', "import { WpsWorkbookPort } from '../ports/wps/wps-workbook';\nexport const x = WpsWorkbookPort;\n", 'no-restricted-imports'],
])('%s: a planted violation fails lint', async (file, code, rule) => {
  const found = await messages(code, file);
  expect(found.some((m) => m.startsWith(`${rule}:`))).toBe(true);
});

test.each([
  ['src/ports/office/planted.ts', 'export const run = () => Excel.run(async () => undefined);\n'],
  ['src/cli/planted.ts', "import { readFileSync } from 'fs';\nimport { ExceljsWorkbookPort } from '../ports/exceljs/exceljs-workbook';\nexport const x = [readFileSync, ExceljsWorkbookPort];\n"],
  ['src/app/planted3.ts', "import type { WorkbookPort } from '../ports/workbook-port';\nexport type X = WorkbookPort;\n"],
  ['src/ports/wps/planted.ts', 'export const book = () => (window as unknown as { Application: { ActiveWorkbook: unknown } }).Application.ActiveWorkbook;\n'],
  ['src/commands/wps-planted.ts', 'export const book = () => (window as unknown as { Application: { ActiveWorkbook: unknown } }).Application.ActiveWorkbook;\n'],
])('%s: allowed where it belongs', async (file, code) => {
  expect(await messages(code, file)).toEqual([]);
});
