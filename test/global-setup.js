/**
 * Some tests load what the build produced (dist/functions.js, the preview page) and check what ships, so
 * they must see a production build. `npm test` must pass on a fresh clone and after `npm start` (which
 * leaves a development build in dist/) without a separate build step: this builds dist/ in production
 * mode when it is missing, older than its sources, or not a production build. Every webpack build
 * writes dist/.build-stamp.json with its mode and start time (scripts/build-stamp.js); CI builds
 * first, and then this does nothing.
 */
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { readStamp, rebuildReason } = require('../scripts/build-stamp');

const root = path.join(__dirname, '..');
const distDir = path.join(root, 'dist');
const outputs = [
  'dist/functions.js',
  'dist/functions.json',
  'dist/taskpane.html',
  'dist/preview.html',
  'dist/manifest.xml',
];
const sources = [
  'src',
  'assets',
  'manifest.xml',
  'webpack.config.js',
  'scripts/build-stamp.js',
  'scripts/builtin-programs-loader.js',
  'scripts/slim-programs.js',
  'package.json',
];

function newest(p) {
  const full = path.join(root, p);
  if (!fs.existsSync(full)) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(full).map((name) => newest(path.join(p, name))));
}

/** Why dist/ needs a production build now, or null. */
function productionBuildNeeded() {
  return rebuildReason({
    stamp: readStamp(distDir),
    missing: outputs.filter((o) => !fs.existsSync(path.join(root, o))),
    newestSourceMs: Math.max(...sources.map(newest)),
  });
}

async function buildIfStale() {
  const reason = productionBuildNeeded();
  if (reason === null) return;
  process.stdout.write(`\n[global-setup] ${reason}: running webpack --mode production\n`);
  try {
    execFileSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  } catch (error) {
    // The tests that read dist/ fail with their own message; the rest still run.
    process.stdout.write(
      `[global-setup] the build failed (${error.message.split('\n')[0]}); tests that load dist/ will fail\n`,
    );
  }
}

module.exports = buildIfStale;
module.exports.productionBuildNeeded = productionBuildNeeded;
