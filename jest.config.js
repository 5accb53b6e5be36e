/**
 * Three projects: `unit` runs in-process only (the core, the adapters on their fake hosts);
 * `integration` spawns the command line, LibreOffice, poppler or ESLint, or reads the build;
 * `e2e` drives the faces in headless Chromium. `npm test` runs all three.
 */
const transform = {
  '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2020' } }],
};
const project = (name, roots) => ({ displayName: name, testEnvironment: 'node', roots: roots.map((r) => `<rootDir>/${r}`), testMatch: ['**/*.test.ts', '**/*.test.tsx'], transform });

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 60000,
  projects: [project('unit', ['test/unit', 'test/office', 'test/wps']), project('integration', ['test/integration']), project('e2e', ['test/e2e'])],
};
