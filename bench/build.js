/*
 * The builds scenarios 5 and 6 measure, made fresh at the start of each run (never dist/, which the
 * tests build and other work may be changing):
 *   .tmp/bench-dist      the add-in, `webpack --mode production` with the project's webpack.config.js
 *   .tmp/bench-baseline  bench/baseline (React + one Fluent button), same settings
 */
'use strict';

const { spawnSync } = require('child_process');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const WEBPACK = require.resolve('webpack-cli/bin/cli.js');
const DIST = path.join(ROOT, '.tmp', 'bench-dist');
const BASELINE = path.join(ROOT, '.tmp', 'bench-baseline');

function webpack(args) {
  const r = spawnSync(process.execPath, [WEBPACK, ...args], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`webpack ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
}

function build() {
  webpack(['--mode', 'production', '--output-path', DIST]);
  webpack(['--mode', 'production', '--config', path.join(__dirname, 'webpack.baseline.js')]);
}

module.exports = { build, DIST, BASELINE };

if (require.main === module) build();
