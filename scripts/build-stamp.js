/*
 * Every webpack build writes dist/.build-stamp.json: its mode and the time it started. `npm test` reads
 * it (test/global-setup.js) to test a production build only: after `npm start` or `npm run build:dev`,
 * dist/ holds a development build that is newer than every source but is not what ships.
 */
'use strict';

const fs = require('fs');
const path = require('path');

const STAMP_FILE = '.build-stamp.json';

/** Emits STAMP_FILE into the output with the build's mode and start time. */
class BuildStampPlugin {
  constructor(mode) {
    this.mode = mode;
  }

  apply(compiler) {
    let started = new Date();
    // The start time, not the end: a source saved during the build leaves the build stale.
    const markStart = () => {
      started = new Date();
    };
    compiler.hooks.run.tap('BuildStampPlugin', markStart);
    compiler.hooks.watchRun.tap('BuildStampPlugin', markStart);
    compiler.hooks.thisCompilation.tap('BuildStampPlugin', (compilation) => {
      const { Compilation, sources } = compiler.webpack;
      compilation.hooks.processAssets.tap(
        { name: 'BuildStampPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_REPORT },
        () => {
          const stamp = { mode: this.mode, started: started.toISOString() };
          compilation.emitAsset(STAMP_FILE, new sources.RawSource(`${JSON.stringify(stamp)}\n`));
        },
      );
    });
  }
}

/** The stamp in distDir, or null when there is none or it cannot be read. */
function readStamp(distDir) {
  try {
    const stamp = JSON.parse(fs.readFileSync(path.join(distDir, STAMP_FILE), 'utf8'));
    const started = Date.parse(stamp.started);
    if (typeof stamp.mode !== 'string' || !Number.isFinite(started)) return null;
    return { mode: stamp.mode, startedMs: started };
  } catch {
    return null;
  }
}

/**
 * Why dist/ must be rebuilt before the tests, or null when it holds an up-to-date production build.
 * `missing` lists the outputs the tests need that are absent; `newestSourceMs` is the newest source mtime.
 */
function rebuildReason({ stamp, missing, newestSourceMs }) {
  if (missing.length > 0) return `${missing.join(', ')} missing`;
  if (!stamp) return `no ${STAMP_FILE} (built before stamps, or not by webpack)`;
  if (stamp.mode !== 'production') return `dist/ holds a ${stamp.mode} build`;
  if (newestSourceMs > stamp.startedMs) return 'a source changed since the last build';
  return null;
}

module.exports = { BuildStampPlugin, STAMP_FILE, readStamp, rebuildReason };
