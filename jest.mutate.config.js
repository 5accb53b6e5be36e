/**
 * Jest for mutation runs (npm run mutate): only the fast, pure unit tests of the
 * mutated modules, with no LibreOffice, browser or CLI process.
 */
const base = require('./jest.config');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  testMatch: [
    '<rootDir>/test/unit/values.test.ts',
    '<rootDir>/test/unit/crossyear.test.ts',
    '<rootDir>/test/unit/rules-properties.test.ts',
    '<rootDir>/test/unit/rules-*.test.ts',
    '<rootDir>/test/unit/confirmations.test.ts',
    '<rootDir>/test/unit/consolidate-*.test.ts',
    '<rootDir>/test/unit/key-figures.test.ts',
    '<rootDir>/test/unit/value-reading.test.ts',
    '<rootDir>/test/unit/fix-suggestions.test.ts',
    '<rootDir>/test/unit/messages.test.ts',
  ],
};
