#!/usr/bin/env node
/*
 * `npm start` / `npm run preview`.
 *
 * Windows and Mac (where Excel can run): build for development, start the webpack dev server (https,
 * with office-addin-dev-certs' localhost certificate) in the background, then sideload the add-in with
 * office-addin-debugging. That tool is fetched by npx on demand, at the exact version in
 * scripts/office-addin-debugging.js, and is never a dependency: only machines with Excel need it.
 *
 * Linux, or `--preview` anywhere: build for development and serve dist/ on 127.0.0.1 (port 3000, or
 * $PORT; the next free port if taken) until Ctrl+C or `npm stop`. The preview page needs no Office.
 *
 * Options: --preview  force the preview server; --no-build  serve the dist/ already built.
 */
'use strict';

const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const net = require('net');
const path = require('path');
const { devServerServer, loadDevCertificates } = require('./dev-https');
const { startServer } = require('./serve-dist');

const repoRoot = path.join(__dirname, '..');
const distDir = path.join(repoRoot, 'dist');
const tmpDir = path.join(repoRoot, '.tmp');
const PREVIEW_PID_FILE = path.join(tmpDir, 'preview.pid');
const DEV_SERVER_PID_FILE = path.join(tmpDir, 'dev-server.pid');
const DEV_SERVER_PORT = Number(process.env.npm_package_config_dev_server_port || 3000);
const isWindows = process.platform === 'win32';
const npmCommand = isWindows ? 'npm.cmd' : 'npm';
const npxCommand = isWindows ? 'npx.cmd' : 'npx';
const { OFFICE_ADDIN_DEBUGGING } = require('./office-addin-debugging');

function run(command, args) {
  console.log(`> ${[command, ...args].join(' ')}`);
  // shell on Windows: npm.cmd and npx.cmd cannot be spawned directly there.
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit', shell: isWindows });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}`);
}

function buildForDevelopment() {
  const webpackCli = require.resolve('webpack-cli/bin/cli.js', { paths: [repoRoot] });
  run(process.execPath, [webpackCli, '--mode', 'development']);
}

function waitForPort(port, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = net.connect({ port, host: 'localhost' });
      socket.once('connect', () => {
        socket.destroy();
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`nothing listens on port ${port} after ${timeoutMs / 1000} s`));
        else setTimeout(attempt, 500);
      });
    };
    attempt();
  });
}

async function startInExcel() {
  // In the foreground, before the dev server goes to the background: the first run creates the localhost
  // certificate and the system asks to trust it, and a refusal must be seen here rather than as a dev
  // server that never listens.
  const certificate = devServerServer(await loadDevCertificates());
  if (certificate instanceof Error) throw certificate;
  run(npmCommand, ['run', 'build:dev']);
  fs.mkdirSync(tmpDir, { recursive: true });
  console.log(`> ${npmCommand} run dev-server (in the background)`);
  const devServer = spawn(npmCommand, ['run', 'dev-server'], {
    cwd: repoRoot,
    detached: true,
    stdio: 'ignore',
    shell: isWindows,
  });
  devServer.unref();
  fs.writeFileSync(DEV_SERVER_PID_FILE, String(devServer.pid));
  await waitForPort(DEV_SERVER_PORT, 120_000);
  const appType = process.env.npm_package_config_app_type_to_debug || 'desktop';
  run(npxCommand, [
    '--yes',
    OFFICE_ADDIN_DEBUGGING,
    'start',
    'manifest.xml',
    appType,
    '--dev-server-port',
    String(DEV_SERVER_PORT),
  ]);
  console.log('CE Ledger is sideloaded into Excel. Stop with: npm stop');
}

/** The pid of a preview that start.js already runs, or null. `npm stop` can only stop one. */
function runningPreviewPid() {
  try {
    const pid = Number(fs.readFileSync(PREVIEW_PID_FILE, 'utf8').trim());
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

async function startPreview({ build }) {
  const running = runningPreviewPid();
  if (running !== null) throw new Error(`a preview is already running (pid ${running}); stop it first with: npm stop`);
  if (build) buildForDevelopment();
  if (!fs.existsSync(path.join(distDir, 'preview.html'))) {
    throw new Error('dist/preview.html is missing: run without --no-build (or npm run build:dev) first');
  }
  const requested = process.env.PORT === undefined || process.env.PORT === '' ? 3000 : Number(process.env.PORT);
  if (!Number.isInteger(requested) || requested < 0 || requested > 65535)
    throw new Error(`PORT=${process.env.PORT} is not a port`);
  const server = await startServer({ root: distDir, port: requested, home: '/preview.html' });

  fs.mkdirSync(tmpDir, { recursive: true });
  fs.writeFileSync(PREVIEW_PID_FILE, String(process.pid));
  console.log(`CE Ledger preview: ${server.url}/preview.html`);
  console.log('Press Ctrl+C (or run npm stop) to stop.');

  let stopping = false;
  const stop = async (signal) => {
    if (stopping) return;
    stopping = true;
    try {
      if (fs.readFileSync(PREVIEW_PID_FILE, 'utf8').trim() === String(process.pid)) fs.unlinkSync(PREVIEW_PID_FILE);
    } catch {
      // already removed
    }
    await server.close();
    console.log(`CE Ledger preview stopped (${signal}).`);
    process.exit(0);
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

async function main() {
  const args = process.argv.slice(2);
  const wantsPreview = args.includes('--preview');
  const build = !args.includes('--no-build');
  const canRunExcel = process.platform === 'win32' || process.platform === 'darwin';
  if (canRunExcel && !wantsPreview) {
    await startInExcel();
    return;
  }
  if (!canRunExcel && !wantsPreview)
    console.log(`Excel does not run on ${process.platform}: starting the preview instead.`);
  await startPreview({ build });
}

main().catch((error) => {
  console.error(`start: ${error.message}`);
  process.exit(1);
});
