#!/usr/bin/env node
/*
 * `npm stop`: undoes `npm start`.
 * Windows and Mac: office-addin-debugging stop (unregisters the add-in), then ends the dev server
 * that start.js left in the background. Linux: ends the preview server whose pid start.js wrote to
 * .tmp/preview.pid. Only processes recorded by start.js are signalled.
 */
'use strict';

const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const repoRoot = path.join(__dirname, '..');
const tmpDir = path.join(repoRoot, '.tmp');
const PREVIEW_PID_FILE = path.join(tmpDir, 'preview.pid');
const DEV_SERVER_PID_FILE = path.join(tmpDir, 'dev-server.pid');
const isWindows = process.platform === 'win32';
const { OFFICE_ADDIN_DEBUGGING } = require('./office-addin-debugging');

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** Guards against a recycled pid: where /proc exists, the process must be node or npm running our scripts. */
function looksLikeOurs(pid) {
  const cmdlineFile = `/proc/${pid}/cmdline`;
  if (!fs.existsSync(cmdlineFile)) return true; // no /proc (Mac, Windows): trust the pid file
  const cmdline = fs.readFileSync(cmdlineFile, 'utf8').split('\0').join(' ');
  return /start\.js|dev-server|webpack/.test(cmdline);
}

async function waitForExit(pid, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  return !isAlive(pid);
}

/** Ends the process recorded in pidFile (and its group when it leads one); removes the file. */
async function stopRecorded(pidFile, what, { group = false } = {}) {
  let pid;
  try {
    pid = Number(fs.readFileSync(pidFile, 'utf8').trim());
  } catch {
    console.log(`No ${what} recorded (${path.relative(repoRoot, pidFile)} not found).`);
    return;
  }
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) {
    console.log(`The ${what} (pid ${pid}) is not running; removing the stale pid file.`);
    fs.rmSync(pidFile, { force: true });
    return;
  }
  if (!looksLikeOurs(pid)) {
    console.log(`pid ${pid} from ${path.relative(repoRoot, pidFile)} is no longer the ${what}; leaving it alone.`);
    fs.rmSync(pidFile, { force: true });
    return;
  }
  // A detached dev server leads its own process group: signal the group so webpack goes too.
  const target = group && !isWindows ? -pid : pid;
  if (isWindows && group) {
    spawnSync('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'inherit' });
  } else {
    process.kill(target, 'SIGTERM');
  }
  if (!(await waitForExit(pid, 5000))) {
    console.log(`The ${what} (pid ${pid}) did not stop on SIGTERM; sending SIGKILL.`);
    process.kill(target, 'SIGKILL');
  }
  fs.rmSync(pidFile, { force: true });
  console.log(`Stopped the ${what} (pid ${pid}).`);
}

async function main() {
  if (process.platform === 'win32' || process.platform === 'darwin') {
    const npx = isWindows ? 'npx.cmd' : 'npx';
    console.log(`> ${npx} --yes ${OFFICE_ADDIN_DEBUGGING} stop manifest.xml`);
    const result = spawnSync(npx, ['--yes', OFFICE_ADDIN_DEBUGGING, 'stop', 'manifest.xml'], {
      cwd: repoRoot,
      stdio: 'inherit',
      shell: isWindows,
    });
    await stopRecorded(DEV_SERVER_PID_FILE, 'dev server', { group: true });
    if (result.status !== 0) process.exitCode = result.status || 1;
  }
  // A preview can run on any platform (npm run preview).
  await stopRecorded(PREVIEW_PID_FILE, 'preview server');
}

main().catch((error) => {
  console.error(`stop: ${error.message}`);
  process.exit(1);
});
