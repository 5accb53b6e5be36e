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
  ['src/rules/planted.ts', "import { OfficeWorkbookPort } from '../ports/office/office-workbook';\nexport const x = OfficeWorkbookPort;\n", 'no-restricted-imports', '不依赖端口'],
  ['src/model/planted.ts', "import { readFileSync } from 'fs';\nexport const x = readFileSync;\n", 'no-restricted-imports', 'Node 内置模块'],
  ['src/import/planted.ts', "import ExcelJS from 'exceljs';\nexport const x = ExcelJS;\n", 'no-restricted-imports', '宿主的库'],
  ['src/import/planted2.ts', "import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';\nexport const x = getDocument;\n", 'no-restricted-imports', '宿主的库'],
  ['src/layout/planted.ts', "import { validateSheets } from '../app/validate-sheets';\nexport const x = validateSheets;\n", 'no-restricted-imports', '不依赖端口'],
  // The floor: model/ imports only the formats; rules/ never reaches the readers above it.
  ['src/model/planted2.ts', "import { buildSheetPlan } from '../layout/sheet-plan';\nexport const x = buildSheetPlan;\n", 'no-restricted-imports', 'model/ 只依赖 formats'],
  ['src/model/planted3.ts', "import type { Validation } from '../rules/engine';\nexport type X = Validation;\n", 'no-restricted-imports', 'model/ 只依赖 formats'],
  ['src/rules/planted2.ts', "import { recognize } from '../import/recognize';\nexport const x = recognize;\n", 'no-restricted-imports', 'rules/ 只依赖'],
  ['src/consolidate/planted.ts', "import { buildSheetPlan } from '../layout/sheet-plan';\nexport const x = buildSheetPlan;\n", 'no-restricted-imports', 'consolidate/ 只依赖'],
  ['src/layout/planted2.ts', "import { draftReport } from '../draft/draft';\nexport const x = draftReport;\n", 'no-restricted-imports', 'layout/ 只依赖'],
  // Charts are worked out below the layout and the draft that place them.
  ['src/charts/planted.ts', "import { buildSheetPlan } from '../layout/sheet-plan';\nexport const x = buildSheetPlan;\n", 'no-restricted-imports', 'charts/ 只依赖'],
  ['src/charts/planted2.ts', 'export const d = () => document.createElement("canvas");\n', 'no-restricted-globals', '宿主的全局对象'],
  ['src/formats/planted.ts', "import { readCell } from '../model/values';\nexport const x = readCell;\n", 'no-restricted-imports', 'formats/ 只依赖'],
  // Host globals: the core and the use-cases run in every face.
  ['src/import/planted3.ts', 'export const base = () => document.baseURI;\n', 'no-restricted-globals', '宿主的全局对象'],
  ['src/import/planted4.ts', 'export const node = () => process.versions.node;\n', 'no-restricted-globals', '宿主的全局对象'],
  ['src/import/planted5.ts', 'export const here = () => __filename;\n', 'no-restricted-globals', '宿主的全局对象'],
  ['src/narrative/planted.ts', 'export const w = () => window.innerWidth;\n', 'no-restricted-globals', '宿主的全局对象'],
  ['src/app/planted4.ts', 'export const url = () => new URL("x", "http://h/");\n', 'no-restricted-globals', '宿主的全局对象'],
  ['src/import/planted6.ts', 'export const m = (p: { getBuiltinModule(n: string): unknown }) => p.getBuiltinModule("path");\n', 'no-restricted-properties', 'Node 内置模块'],
  // Use-cases take adapters injected by the face.
  ['src/app/planted.ts', "import { ExceljsWorkbookPort } from '../ports/exceljs/exceljs-workbook';\nexport const x = ExceljsWorkbookPort;\n", 'no-restricted-imports', '不引用具体的适配器'],
  ['src/app/planted5.ts', "import { nodeReaders } from '../ports/node/readers';\nexport const x = nodeReaders;\n", 'no-restricted-imports', '不引用具体的适配器'],
  ['src/app/planted6.ts', "import { browserReaders } from '../ports/browser/readers';\nexport const x = browserReaders;\n", 'no-restricted-imports', '不引用具体的适配器'],
  ['src/app/planted2.ts', 'export const run = () => Excel.run(async () => undefined);\n', 'no-restricted-globals', 'Office.js'],
  ['src/ports/exceljs/planted.ts', "import { validateSheets } from '../../app/validate-sheets';\nexport const x = validateSheets;\n", 'no-restricted-imports', '适配器不依赖用例'],
  ['src/taskpane/components/Planted.tsx', 'export const ready = () => Office.onReady();\n', 'no-restricted-globals', 'Office.js'],
  ['src/taskpane/planted.ts', "import { nodeReaders } from '../ports/node/readers';\nexport const x = nodeReaders;\n", 'no-restricted-imports', 'Node 的适配器'],
  ['src/cli/planted2.ts', "import { browserReaders } from '../ports/browser/readers';\nexport const x = browserReaders;\n", 'no-restricted-imports', '浏览器或 Office 的适配器'],
  // WPS's object model only in the WPS adapter and face; Office.js never there.
  ['src/app/planted8.ts', 'export const sheet = () => (window as unknown as { Application: { ActiveSheet: unknown } }).Application.ActiveSheet;\n', 'no-restricted-syntax', 'WPS 的对象模型'],
  ['src/taskpane/components/Planted2.tsx', 'export const sheet = () => (Application as { ActiveSheet: unknown }).ActiveSheet;\n', 'no-restricted-globals', 'WPS 的对象模型'],
  [
    'src/ports/office/planted.ts',
    'export const book = () => (window as unknown as { Application: { ActiveWorkbook: unknown } }).Application.ActiveWorkbook;\n',
    'no-restricted-syntax',
    'WPS 的对象模型',
  ],
  ['src/taskpane/wps.tsx', 'export const ready = () => Office.onReady();\n', 'no-restricted-globals', 'Office.js'],
  ['src/app/planted9.ts', "import { WpsWorkbookPort } from '../ports/wps/wps-workbook';\nexport const x = WpsWorkbookPort;\n", 'no-restricted-imports', '不引用具体的适配器'],
])('%s: a planted violation fails lint', async (file, code, rule, why) => {
  const found = await messages(code, file);
  expect(found.filter((m) => m.startsWith(`${rule}:`) && m.includes(why))).not.toEqual([]);
});

test.each([
  ['src/ports/office/planted.ts', 'export const run = () => Excel.run(async () => undefined);\n'],
  ['src/cli/planted.ts', "import { readFileSync } from 'fs';\nimport { ExceljsWorkbookPort } from '../ports/exceljs/exceljs-workbook';\nexport const x = [readFileSync, ExceljsWorkbookPort];\n"],
  ['src/app/planted3.ts', "import type { WorkbookPort } from '../ports/workbook-port';\nexport type X = WorkbookPort;\n"],
  ['src/app/planted7.ts', "import type { InputFile } from '../ports/file-reader';\nexport type X = InputFile;\n"],
  ['src/ports/node/planted.ts', "import { readFileSync } from 'fs';\nimport { readCell } from '../../model/values';\nexport const x = [readFileSync, readCell, process.cwd, __filename];\n"],
  ['src/ports/browser/planted.ts', 'export const base = () => new URL("w.js", document.baseURI).href;\n'],
  [
    'src/import/planted7.ts',
    "import { layoutPage } from './pdf/page-layout';\nimport { readCell } from '../model/values';\nimport { narrativeOf } from '../narrative/planted';\nexport const x = [layoutPage, readCell, narrativeOf];\n",
  ],
  ['src/model/planted4.ts', "import type { CompiledFormat } from '../formats/compile';\nexport type X = CompiledFormat;\n"],
  ['src/ports/wps/planted.ts', 'export const book = () => (window as unknown as { Application: { ActiveWorkbook: unknown } }).Application.ActiveWorkbook;\n'],
  ['src/commands/wps-planted.ts', 'export const book = () => (window as unknown as { Application: { ActiveWorkbook: unknown } }).Application.ActiveWorkbook;\n'],
])('%s: allowed where it belongs', async (file, code) => {
  expect(await messages(code, file)).toEqual([]);
});
