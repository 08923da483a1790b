/**
 * `npm run test:unit`: everything but the end-to-end tests that drive Chromium (the preview, the pane
 * under its CSP) or LibreOffice (interop). Those run in `npm run test:e2e`; `npm test` runs both.
 */
const base = require('./jest.config');

module.exports = {
  ...base,
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/', '<rootDir>/test/cli/interop\\.test\\.ts$'],
  // describeBrowser (test/e2e/browser.ts) skips its block, in files that also hold unit tests.
  globals: { CE_LEDGER_SKIP_BROWSER: true },
};
