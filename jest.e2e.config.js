/**
 * `npm run test:e2e`: the end-to-end tests, which need Chromium and LibreOffice (see .ci/run): the preview
 * in headless Chromium, the pane page under its CSP, and the summary recalculated by LibreOffice. The
 * other tests in those files run here too.
 */
const base = require('./jest.config');

module.exports = {
  ...base,
  testMatch: [
    '<rootDir>/test/e2e/**/*.test.ts',
    '<rootDir>/test/cli/interop.test.ts',
    '<rootDir>/test/reliability/security.test.ts',
  ],
};
