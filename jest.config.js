/**
 * Jest runs the TypeScript sources directly through ts-jest. `npm test` runs everything with this config;
 * `npm run test:unit` and `npm run test:e2e` split it (jest.unit.config.js, jest.e2e.config.js).
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  globalSetup: '<rootDir>/test/global-setup.js',
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }],
  },
  moduleNameMapper: {
    // office-addin-manifest pulls an ESM-only dependency that Jest cannot load; office-addin-mock only needs it for manifests.
    '^office-addin-manifest$': '<rootDir>/test/stubs/office-addin-manifest.js',
  },
  // No test is about speed (speed is the benchmarks' job), so none may fail for being slow: Jest's 5 s
  // default failed tests that pass alone when the whole suite shares two cores.
  testTimeout: 120_000,
  maxWorkers: 2,
};
