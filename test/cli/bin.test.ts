/**
 * The real command: compiled with tsconfig.cli.json into a temporary directory and run through
 * bin/ce-ledger.js as a child process, as `npx ce-ledger` would after `npm run build:cli`.
 */
import { spawnSync } from 'child_process';
import { copyFileSync, mkdirSync, rmSync, symlinkSync } from 'fs';
import { join, resolve } from 'path';
import { tempDir } from './helpers';

const repo = resolve(__dirname, '..', '..');
const sample = join(repo, 'assets', 'sample-tracker.xlsx');
let dir: string;

function cli(root: string, args: string[]) {
  return spawnSync(process.execPath, [join(root, 'bin', 'ce-ledger.js'), ...args], { encoding: 'utf8', cwd: root, timeout: 60_000 });
}

beforeAll(() => {
  dir = tempDir('ce-bin-');
  const tsc = spawnSync(process.execPath, [join(repo, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(repo, 'tsconfig.cli.json'), '--outDir', join(dir, 'dist', 'cli')], {
    encoding: 'utf8',
    cwd: repo,
    timeout: 180_000,
  });
  if (tsc.status !== 0) throw new Error(`tsc failed: ${tsc.stdout}${tsc.stderr}`);
  mkdirSync(join(dir, 'bin'));
  copyFileSync(join(repo, 'bin', 'ce-ledger.js'), join(dir, 'bin', 'ce-ledger.js'));
  symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'), 'dir');
}, 200_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('check --json on the sample tracker, as a child process', () => {
  const r = cli(dir, ['check', sample, '--json', '--as-of', '2026-11-23']);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const json = JSON.parse(r.stdout);
  expect(json).toMatchObject({ status: 'IN PROGRESS', program: 'NISM-SMS', required: 20, deadline: '2027-03-14', entries: 40 });
  expect(json.problems.map((p: { row: number }) => p.row)).toEqual([20, 22, 24]);
});

test('unusable input: exit 2 and one line on stderr', () => {
  const r = cli(dir, ['check', join(dir, 'missing.xlsx')]);
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/^ce-ledger: .*missing\.xlsx: no such file$/)]);
});

test('summary writes the output file; --help exits 0', () => {
  const r = cli(dir, ['summary', sample, '-o', join(dir, 'summary.xlsx'), '--as-of', '2026-11-23']);
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/Wrote .*summary\.xlsx: sheet "CE Summary"/);
  expect(cli(dir, ['--help']).status).toBe(0);
});

test('without a build the shim says how to make one', () => {
  const bare = tempDir('ce-nobuild-');
  try {
    mkdirSync(join(bare, 'bin'));
    copyFileSync(join(repo, 'bin', 'ce-ledger.js'), join(bare, 'bin', 'ce-ledger.js'));
    const r = cli(bare, ['programs']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/not built yet: run `npm run build:cli`/);
  } finally {
    rmSync(bare, { recursive: true, force: true });
  }
});
