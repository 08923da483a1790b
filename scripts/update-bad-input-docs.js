/*
 * npm run docs:bad-input: regenerates docs/bad-input.md from the code's own messages by running the
 * bad-input test with UPDATE_DOCS set. Runs the jest command line once, in a child process, so that
 * jest's workers never re-run this script (an in-process `require('jest').run` from `node -e` did).
 */
'use strict';
const { spawnSync } = require('child_process');

const result = spawnSync(
  process.execPath,
  [require.resolve('jest/bin/jest'), 'test/core/bad-input.test.ts', '--maxWorkers=1'],
  { stdio: 'inherit', env: { ...process.env, UPDATE_DOCS: '1' } },
);
process.exit(result.status ?? 1);
