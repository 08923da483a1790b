/**
 * The real command: compiled with tsconfig.cli.json into a temporary directory and run through
 * bin/ce-ledger.js as a child process, as `npx ce-ledger` would after `npm run build:cli`.
 */
import { spawn, spawnSync } from 'child_process';
import { createHash } from 'crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';
import ExcelJS from 'exceljs';
import type { CellValue } from '../../src/workbook/port';
import { LOG_HEADERS, profileRows, serial } from '../summary/fixtures';
import { tempDir, writeWorkbook } from './helpers';

const repo = resolve(__dirname, '..', '..');
const sample = join(repo, 'assets', 'sample-tracker.xlsx');
let dir: string;

function cli(root: string, args: string[]) {
  return spawnSync(process.execPath, [join(root, 'bin', 'ce-ledger.js'), ...args], {
    encoding: 'utf8',
    cwd: root,
    timeout: 60_000,
  });
}

beforeAll(() => {
  dir = tempDir('ce-bin-');
  const tsc = spawnSync(
    process.execPath,
    [
      join(repo, 'node_modules', 'typescript', 'bin', 'tsc'),
      '-p',
      join(repo, 'tsconfig.cli.json'),
      '--outDir',
      join(dir, 'dist', 'cli'),
    ],
    {
      encoding: 'utf8',
      cwd: repo,
      timeout: 180_000,
    },
  );
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
  expect(json).toMatchObject({
    status: 'IN PROGRESS',
    program: 'NISM-SMS',
    required: 20,
    deadline: '2027-03-14',
    entries: 40,
  });
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

describe('a summary ended while it writes', () => {
  /** Big enough that making the output takes a while, so the signal lands while the temporary file exists. */
  const ROWS = 4000;
  let work: string;
  let big: string;
  const temps = () => readdirSync(work).filter((f) => f.includes('.ce-ledger-'));
  const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

  beforeAll(async () => {
    work = join(dir, 'signals');
    mkdirSync(work);
    const rows: CellValue[][] = [LOG_HEADERS];
    for (let i = 0; i < ROWS; i++) {
      rows.push([
        serial('2025-04-10') + (i % 300),
        `Activity ${i}`,
        'NISM',
        'Webinar',
        1,
        '',
        'Social Media Marketing',
        'yes',
        'Certificate',
        '',
        `https://example.com/proof/${i}.pdf`,
        '',
      ]);
    }
    big = join(work, 'big.xlsx');
    await writeWorkbook(big, { 'CE Profile': profileRows(), 'CE Log': rows });
  }, 120_000);

  /**
   * Runs `summary big.xlsx -o <out>` and sends `signal` as soon as its temporary file appears (no timing:
   * the signal follows what is seen on disk). Resolves with how the process ended.
   */
  function summaryKilled(
    out: string,
    signal: NodeJS.Signals,
    extra: string[] = [],
  ): Promise<{ code: number | null; signal: NodeJS.Signals | null; sawTemp: boolean; stderr: string }> {
    return new Promise((done, fail) => {
      const child = spawn(
        process.execPath,
        [join(dir, 'bin', 'ce-ledger.js'), 'summary', big, '-o', out, '--as-of', '2026-06-01', ...extra],
        { cwd: work },
      );
      let stderr = '';
      let sawTemp = false;
      child.stderr.on('data', (d) => (stderr += String(d)));
      const poll = setInterval(() => {
        if (!sawTemp && temps().length > 0) {
          sawTemp = true;
          child.kill(signal);
        }
      }, 2);
      child.on('error', fail);
      child.on('exit', (code, sig) => {
        clearInterval(poll);
        done({ code, signal: sig, sawTemp, stderr });
      });
    });
  }

  test('SIGTERM: exit 143, no temporary file, no output', async () => {
    const out = join(work, 'fresh.xlsx');
    const r = await summaryKilled(out, 'SIGTERM');
    expect(r.sawTemp).toBe(true);
    expect(r.code).toBe(143);
    expect(temps()).toEqual([]);
    expect(existsSync(out)).toBe(false);
  }, 120_000);

  test('SIGINT over an existing output with --force: exit 130, the old output intact, no temporary file', async () => {
    const out = join(work, 'existing.xlsx');
    writeFileSync(out, 'the previous summary');
    const before = sha(out);
    const r = await summaryKilled(out, 'SIGINT', ['--force']);
    expect(r.sawTemp).toBe(true);
    expect(r.code).toBe(130);
    expect(temps()).toEqual([]);
    expect(sha(out)).toBe(before);
  }, 120_000);

  test('SIGKILL leaves a temporary file; the next run removes it and writes a complete output', async () => {
    const out = join(work, 'after-kill.xlsx');
    const killed = await summaryKilled(out, 'SIGKILL');
    expect(killed.signal).toBe('SIGKILL');
    const left = temps();
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(/^\.after-kill\.xlsx\.ce-ledger-\d+-[0-9a-z]+\.tmp$/);
    const again = spawnSync(
      process.execPath,
      [join(dir, 'bin', 'ce-ledger.js'), 'summary', big, '-o', out, '--as-of', '2026-06-01'],
      { encoding: 'utf8', cwd: work, timeout: 120_000 },
    );
    expect(again.stderr).toBe('');
    expect(again.status).toBe(0);
    expect(temps()).toEqual([]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['CE Profile', 'CE Log', 'CE Summary', 'CE Entries']);
  }, 180_000);
});
