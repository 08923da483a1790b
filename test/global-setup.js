/**
 * Some tests load what the build produced (dist/functions.js, the preview page). `npm test` must pass on
 * a fresh clone without a separate build step, so this builds dist/ once when it is missing or older
 * than its sources; CI builds first, and then this does nothing.
 */
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const outputs = ['dist/functions.js', 'dist/functions.json', 'dist/taskpane.html', 'dist/preview.html', 'dist/manifest.xml'];
const sources = ['src', 'assets', 'manifest.xml', 'webpack.config.js', 'package.json'];

function newest(p) {
  const full = path.join(root, p);
  if (!fs.existsSync(full)) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(full).map((name) => newest(path.join(p, name))));
}

module.exports = async function buildIfStale() {
  // webpack leaves unchanged outputs untouched, so a stamp written after each build dates it.
  const stamp = path.join(root, 'dist', '.test-build-stamp');
  const complete = outputs.every((o) => fs.existsSync(path.join(root, o)));
  const outputsTime = complete ? Math.min(...outputs.map(newest)) : 0;
  const built = complete ? Math.max(outputsTime, fs.existsSync(stamp) ? fs.statSync(stamp).mtimeMs : 0) : 0;
  if (built > 0 && built >= Math.max(...sources.map(newest))) return;
  process.stdout.write('\n[global-setup] dist/ is missing or stale: running webpack --mode production\n');
  // The stamp carries the build's start time: a source saved during the build makes it stale.
  const started = new Date();
  try {
    execFileSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    fs.writeFileSync(stamp, started.toISOString());
    fs.utimesSync(stamp, started, started);
  } catch (error) {
    // The tests that read dist/ fail with their own message; the rest still run.
    process.stdout.write(`[global-setup] the build failed (${error.message.split('\n')[0]}); tests that load dist/ will fail\n`);
  }
};
