import tseslint from 'typescript-eslint';
import officeAddins from 'eslint-plugin-office-addins';
import prettierOff from 'eslint-config-prettier';

/** The core's folders, each with the core folders it may import: lower layers never import higher ones. */
const LAYERS = {
  formats: [],
  model: ['formats'],
  rules: ['formats', 'model'],
  consolidate: ['formats', 'model', 'rules'],
  charts: ['formats', 'model', 'rules', 'consolidate'],
  layout: ['formats', 'model', 'rules', 'consolidate', 'charts'],
  draft: ['formats', 'model', 'rules', 'consolidate', 'layout', 'charts'],
  narrative: ['formats', 'model', 'rules', 'layout', 'draft'],
  import: ['formats', 'model', 'rules', 'layout', 'consolidate', 'draft', 'narrative'],
};
const CORE = Object.keys(LAYERS);
const above = (dir) => CORE.filter((d) => d !== dir && !LAYERS[dir].includes(d));
const ABOVE_CORE = ['ports', 'app', 'taskpane', 'cli', 'commands', 'io'];
/** What a host gives its code; the core reaches none of it. */
const OFFICE_MESSAGE = '只有 Office 适配器、功能区命令和加载项入口使用 Office.js。';
const OFFICE_GLOBALS = ['Office', 'Excel'].map((name) => ({ name, message: OFFICE_MESSAGE }));
const HOST_GLOBALS = ['document', 'window', 'navigator', 'location', 'self', 'process', '__filename', '__dirname', 'require', 'Buffer', 'localStorage', 'Worker', 'Blob', 'URL'];
const OFFICE_FACE = ['src/ports/office/**', 'src/commands/**', 'src/taskpane/addin.tsx'];
const WPS_FACE = ['src/ports/wps/**', 'src/taskpane/wps.tsx', 'src/commands/wps-*.ts'];
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
  // Each core folder imports only the folders below it (LAYERS); the rest of src is above the core.
  ...CORE.map((dir) => ({
    files: [`src/${dir}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ABOVE_CORE.flatMap((d) => [`**/${d}`, `**/${d}/**`]),
              message: '核心（formats、model、rules、layout、import、consolidate、charts、draft、narrative）不依赖端口、用例或界面。',
            },
            ...(above(dir).length
              ? [{ group: above(dir).flatMap((d) => [`**/${d}`, `**/${d}/**`]), message: `分层：${dir}/ 只依赖 ${LAYERS[dir].join('、') || '（无）'}，不依赖 ${above(dir).join('、')}。` }]
              : []),
            { group: ['react', 'react-dom', '@fluentui/*', 'exceljs', 'pdfjs-dist', 'pdfjs-dist/*'], message: '核心不依赖界面或某个宿主的库。' },
            { group: NODE_BUILTINS, message: '核心不使用 Node 内置模块：它也在浏览器中运行。' },
          ],
        },
      ],
    },
  })),
  {
    files: ['src/app/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/ports/*/**', '**/io/**'],
              message: '用例只通过端口接口（workbook-port、file-reader）使用宿主，不引用具体的适配器；适配器由界面注入。',
            },
            { group: ['**/taskpane/**', '**/cli/**', '**/commands/**'], message: '用例不依赖界面。' },
            { group: ['react', 'react-dom', '@fluentui/*', 'exceljs', 'pdfjs-dist', 'pdfjs-dist/*', ...NODE_BUILTINS], message: '用例不依赖界面、宿主的库或 Node 内置模块。' },
          ],
        },
      ],
    },
  },
  // Adapters implement the ports over the core: they know no use-case and no face.
  {
    files: ['src/ports/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/app/**', '**/taskpane/**', '**/cli/**', '**/commands/**'], message: '适配器不依赖用例或界面。' }] }] },
  },
  // Faces take the adapters of their own host only.
  {
    files: ['src/taskpane/**/*.{ts,tsx}', 'src/commands/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/ports/node/**', ...NODE_BUILTINS], message: '浏览器中的界面不使用 Node 的适配器或内置模块。' }] }] },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/ports/browser/**', '**/ports/office/**', 'react', 'react-dom', '@fluentui/*'], message: '命令行不使用浏览器或 Office 的适配器。' }] },
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
  // The core and the use-cases run in every face: no browser or Node globals (this block comes after the one above, which it extends).
  {
    files: [...CORE.map((d) => `src/${d}/**/*.ts`), 'src/app/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...OFFICE_GLOBALS, ...WPS_GLOBALS, ...HOST_GLOBALS.map((name) => ({ name, message: '核心和用例在每个界面中运行：宿主的全局对象只在 ports/ 中使用。' }))],
      'no-restricted-properties': ['error', { property: 'getBuiltinModule', message: '核心和用例不使用 Node 内置模块。' }],
    },
  },
  {
    files: ['bin/**/*.js', 'scripts/**/*.{js,mjs}', '*.js'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // Layout is Prettier's (npm run format); no lint rule argues with it.
  prettierOff,
);
