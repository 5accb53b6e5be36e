import tseslint from 'typescript-eslint';
import officeAddins from 'eslint-plugin-office-addins';
import prettierOff from 'eslint-config-prettier';

const CORE = ['formats', 'model', 'rules', 'layout', 'import', 'consolidate', 'draft', 'narrative'];
const OFFICE_FACE = ['src/ports/office/**', 'src/commands/**', 'src/taskpane/addin.tsx'];
const WPS_FACE = ['src/ports/wps/**', 'src/taskpane/wps.tsx', 'src/commands/wps-*.ts'];
const OFFICE_MESSAGE = '只有 Office 适配器、功能区命令和加载项入口使用 Office.js。';
const OFFICE_GLOBALS = ['Office', 'Excel'].map((name) => ({ name, message: OFFICE_MESSAGE }));
const WPS_MESSAGE = '只有 WPS 适配器（src/ports/wps）和 WPS 的任务窗格、功能区入口使用 WPS 的对象模型（Application、wps）。';
const WPS_GLOBALS = ['Application', 'wps'].map((name) => ({ name, message: WPS_MESSAGE }));
// window.Application, also through type assertions: (window as unknown as X).Application.
const WINDOW = '/^(window|globalThis|self)$/';
const WPS_PROPERTIES = [
  {
    selector: `MemberExpression[property.name=/^(Application|wps)$/]:matches([object.name=${WINDOW}], [object.expression.name=${WINDOW}], [object.expression.expression.name=${WINDOW}])`,
    message: WPS_MESSAGE,
  },
];
const NODE_BUILTINS = ['fs', 'fs/*', 'path', 'os', 'child_process', 'url', 'module', 'util', 'stream', 'crypto', 'http', 'https', 'zlib', 'worker_threads', 'node:*'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-artifacts/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['src/ports/office/**/*.ts', 'src/commands/**/*.ts', 'src/taskpane/**/*.{ts,tsx}'],
    plugins: { 'office-addins': officeAddins },
    rules: {
      'office-addins/no-office-initialize': 'warn',
      'office-addins/no-context-sync-in-loop': 'error',
      'office-addins/call-sync-after-load': 'error',
      'office-addins/call-sync-before-read': 'error',
      'office-addins/load-object-before-read': 'error',
      'office-addins/no-empty-load': 'error',
      'office-addins/no-navigational-load': 'error',
      'office-addins/test-for-null-using-isNullObject': 'error',
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  // Layering: the core is pure, use-cases know no concrete host, and only the Office faces touch Office.js.
  {
    files: CORE.map((d) => `src/${d}/**/*.ts`),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/ports/**', '**/app/**', '**/taskpane/**', '**/cli/**', '**/commands/**', '**/io/**'],
              message: '核心（formats、model、rules、layout、import、consolidate）不依赖端口、用例或界面。',
            },
            { group: ['react', 'react-dom', '@fluentui/*', 'exceljs'], message: '核心不依赖界面或某个宿主的库。' },
            { group: NODE_BUILTINS, message: '核心不使用 Node 内置模块：它也在浏览器中运行。' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/app/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/ports/office/**', '**/ports/exceljs/**', '**/ports/wps/**'], message: '用例只通过 WorkbookPort 使用宿主，不引用具体的适配器。' },
            { group: ['react', 'react-dom', '@fluentui/*', ...NODE_BUILTINS], message: '用例不依赖界面或 Node 内置模块。' },
          ],
        },
      ],
    },
  },
  // Each host's globals in its own faces only: Office.js in the Office ones, WPS's Application and wps in the WPS ones.
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: [...OFFICE_FACE, ...WPS_FACE],
    rules: { 'no-restricted-globals': ['error', ...OFFICE_GLOBALS, ...WPS_GLOBALS], 'no-restricted-syntax': ['error', ...WPS_PROPERTIES] },
  },
  {
    files: OFFICE_FACE,
    ignores: WPS_FACE,
    rules: { 'no-restricted-globals': ['error', ...WPS_GLOBALS], 'no-restricted-syntax': ['error', ...WPS_PROPERTIES] },
  },
  { files: WPS_FACE, rules: { 'no-restricted-globals': ['error', ...OFFICE_GLOBALS] } },
  {
    files: ['bin/**/*.js', 'scripts/**/*.{js,mjs}', '*.js'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // Layout is Prettier's (npm run format); no lint rule argues with it.
  prettierOff,
);
