/**
 * Mutation testing of the rules, the value reader and consolidation: `npm run mutate`.
 * Not part of `npm test`: a full run takes many minutes.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'jest',
  // Each mutant runs only the tests that import its file and reach its code.
  jest: { configFile: 'jest.mutate.config.js', enableFindRelatedTests: true },
  coverageAnalysis: 'perTest',
  mutate: ['src/rules/**/*.ts', 'src/model/values*.ts', 'src/model/finding.ts', 'src/consolidate/**/*.ts'],
  concurrency: 2,
  checkers: [],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['dist', 'test-artifacts', 'coverage', 'reports', 'test/fixtures/hostile', 'test/fixtures/wild-originals', 'test/e2e', 'test/office'],
  timeoutMS: 10000,
  // Static mutants (values computed once when a module loads) rerun every test for each one: a
  // third of the mutants, five sixths of the time. They are left out, and counted as ignored.
  ignoreStatic: true,
  // A rerun tests only the mutants whose code or tests changed since the last run.
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  thresholds: { high: 95, low: 90, break: null },
};
