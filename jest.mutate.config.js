/**
 * Jest for mutation runs (npm run mutate): only the fast, pure unit tests of the
 * mutated modules (rules, value reader, consolidation), with no LibreOffice, browser,
 * CLI process or workbook library. The random property tests (rules-properties) stay
 * in `npm test`: their 1800 reports per run would triple the time of every mutant.
 */
// The unit project's settings, without its roots: only the listed tests run.
const { testTimeout, projects } = require('./jest.config');
const { transform, testEnvironment } = projects.find((p) => p.displayName === 'unit');

/** @type {import('jest').Config} */
module.exports = {
  testTimeout,
  testEnvironment,
  transform,
  testMatch: [
    '<rootDir>/test/unit/values.test.ts',
    '<rootDir>/test/unit/value-reading.test.ts',
    '<rootDir>/test/unit/crossyear.test.ts',
    '<rootDir>/test/unit/rules-relations.test.ts',
    '<rootDir>/test/unit/rules-crossyear.test.ts',
    '<rootDir>/test/unit/rules-cells.test.ts',
    '<rootDir>/test/unit/fix-suggestions.test.ts',
    '<rootDir>/test/unit/confirmations.test.ts',
    '<rootDir>/test/unit/consolidate-rules.test.ts',
    '<rootDir>/test/unit/roster.test.ts',
    '<rootDir>/test/unit/roster-words.test.ts',
    '<rootDir>/test/unit/comparison.test.ts',
    '<rootDir>/test/unit/key-figures.test.ts',
    '<rootDir>/test/unit/place-text.test.ts',
    '<rootDir>/test/unit/roster-spaces.test.ts',
    '<rootDir>/test/unit/versions.test.ts',
    '<rootDir>/test/unit/season-letters.test.ts',
    '<rootDir>/test/unit/season-units.test.ts',
    '<rootDir>/test/unit/versions-details.test.ts',
    '<rootDir>/test/unit/comparison-details.test.ts',
    '<rootDir>/test/unit/fixes-details.test.ts',
    '<rootDir>/test/unit/messages-readings.test.ts',
  ],
};
