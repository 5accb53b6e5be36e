import tseslint from 'typescript-eslint';
import officeAddins from 'eslint-plugin-office-addins';
import prettierOff from 'eslint-config-prettier';

const CORE = ['formats', 'model', 'rules', 'layout', 'import', 'consolidate', 'draft', 'narrative'];
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
            { group: ['**/ports/office/**', '**/ports/exceljs/**'], message: '用例只通过 WorkbookPort 使用宿主，不引用具体的适配器。' },
            { group: ['react', 'react-dom', '@fluentui/*', ...NODE_BUILTINS], message: '用例不依赖界面或 Node 内置模块。' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/ports/office/**', 'src/commands/**', 'src/taskpane/addin.tsx'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'Office', message: '只有 Office 适配器、功能区命令和加载项入口使用 Office.js。' },
        { name: 'Excel', message: '只有 Office 适配器、功能区命令和加载项入口使用 Office.js。' },
      ],
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
