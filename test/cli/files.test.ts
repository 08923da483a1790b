/**
 * Files on disk: the input is never written whatever name, link or spelling the output is given, and a
 * write leaves either the old target or the complete new one, never a temporary file. Real files in a
 * temporary directory; the signal cases, which need a process of their own, are in bin.test.ts.
 */
import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import {
  chmodSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { cleanStaleTemps, tempPathFor, writeSafely, WriteRefused } from '../../src/cli/safe-write';
import { CYCLE_START, nismLog, profileRows } from '../summary/fixtures';
import { run, tempDir, writeWorkbook } from './helpers';

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const temps = (path: string) => readdirSync(path).filter((f) => f.includes('.ce-ledger-'));

let dir: string;
let input: string;
let inputSha: string;

beforeAll(async () => {
  dir = tempDir('ce-files-');
  mkdirSync(join(dir, 'real'));
  input = join(dir, 'real', 'in.xlsx');
  await writeWorkbook(input, { 'CE Profile': profileRows(), 'CE Log': nismLog() });
  inputSha = sha(input);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  // Every case must leave the input as it was and no temporary file of ours anywhere.
  expect(sha(input)).toBe(inputSha);
  expect(temps(dir)).toEqual([]);
  expect(temps(join(dir, 'real'))).toEqual([]);
});

/** A one-line refusal, exit 2, nothing on stdout. */
function expectRefused(r: { code: number; stdout: string; stderr: string }, reason: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(reason);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
}

describe('summary never writes its input, whatever the output is called', () => {
  test('a symlink to the input, even with --force', async () => {
    symlinkSync(input, join(dir, 'link.xlsx'));
    const r = await run(['summary', 'real/in.xlsx', '-o', 'link.xlsx', '--force'], dir);
    expectRefused(
      r,
      /link\.xlsx is the input file .*in\.xlsx \(the same file under another name, a link or another case\)/,
    );
    // Without --force the reason is the same: it is the input, not merely an existing file.
    expectRefused(await run(['summary', 'real/in.xlsx', '-o', 'link.xlsx'], dir), /is the input file/);
  });

  test('the input read through a symlink, the output its real name', async () => {
    symlinkSync(input, join(dir, 'via-link.xlsx'));
    expectRefused(await run(['summary', 'via-link.xlsx', '-o', 'real/in.xlsx', '--force'], dir), /is the input file/);
  });

  test('a symlinked directory', async () => {
    symlinkSync(join(dir, 'real'), join(dir, 'alias'), 'dir');
    expectRefused(
      await run(['summary', 'real/in.xlsx', '-o', 'alias/in.xlsx', '--force'], dir),
      /alias\/in\.xlsx is the input file/,
    );
    expectRefused(await run(['summary', 'alias/in.xlsx', '-o', 'real/./in.xlsx', '--force'], dir), /is the input file/);
  });

  test('a hard link', async () => {
    linkSync(input, join(dir, 'hard.xlsx'));
    expectRefused(
      await run(['summary', 'real/in.xlsx', '-o', 'hard.xlsx', '--force'], dir),
      /hard\.xlsx is the input file/,
    );
    // The hard link shares the input's content: it is unchanged too.
    expect(sha(join(dir, 'hard.xlsx'))).toBe(inputSha);
  });

  test('the same path spelled differently', async () => {
    expectRefused(
      await run(['summary', 'real/in.xlsx', '-o', './real/../real/in.xlsx', '--force'], dir),
      /is the input file/,
    );
  });

  test('an output that links to another file replaces the link, and the file it pointed at is kept', async () => {
    const other = join(dir, 'other.txt');
    writeFileSync(other, 'not mine to change');
    symlinkSync(other, join(dir, 'to-other.xlsx'));
    const r = await run(
      ['summary', 'real/in.xlsx', '-o', 'to-other.xlsx', '--force', '--cycle-start', CYCLE_START],
      dir,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(other, 'utf8')).toBe('not mine to change');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'to-other.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toContain('CE Summary');
  });
});

describe('writing through a temporary file', () => {
  test('an overwritten output keeps its permissions', async () => {
    const out = join(dir, 'private.xlsx');
    writeFileSync(out, 'old');
    chmodSync(out, 0o600);
    expect((await run(['template', '-o', 'private.xlsx', '--program', 'NISM-SMS', '--force'], dir)).code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    expect(statSync(out).mode & 0o777).toBe(0o600);
  });

  test('a directory that does not exist, and a directory as the output: one line, exit 2', async () => {
    expectRefused(
      await run(['template', '-o', 'nowhere/new.xlsx', '--program', 'NISM-SMS'], dir),
      /the directory .*nowhere does not exist/,
    );
    expectRefused(
      await run(['template', '-o', 'real', '--program', 'NISM-SMS', '--force'], dir),
      /real is a directory/,
    );
  });

  test('an output that is a symlink loop: one line, exit 2', async () => {
    symlinkSync(join(dir, 'loop-b.xlsx'), join(dir, 'loop-a.xlsx'));
    symlinkSync(join(dir, 'loop-a.xlsx'), join(dir, 'loop-b.xlsx'));
    expectRefused(
      await run(['summary', 'real/in.xlsx', '-o', 'loop-a.xlsx', '--force'], dir),
      /cannot use .*loop-a\.xlsx: ELOOP/,
    );
  });

  test('a failure while writing leaves the old target and no temporary file', async () => {
    const target = join(dir, 'kept.xlsx');
    writeFileSync(target, 'the old content');
    const failing = writeSafely(
      target,
      async (file) => {
        await file.writeFile('half of the new');
        expect(temps(dir)).toHaveLength(1);
        throw new Error('disk full');
      },
      { force: true },
    );
    await expect(failing).rejects.toThrow(new WriteRefused(`cannot write ${target}: disk full`));
    expect(readFileSync(target, 'utf8')).toBe('the old content');
  });

  test('writeSafely refuses an input passed under another name before making anything', async () => {
    symlinkSync(input, join(dir, 'guard.xlsx'));
    let produced = false;
    const write = writeSafely(join(dir, 'guard.xlsx'), async () => void (produced = true), {
      force: true,
      inputs: [input],
    });
    await expect(write).rejects.toThrow(/is the input file/);
    expect(produced).toBe(false);
  });
});

describe('stale temporary files', () => {
  /** The pid of a process that has ended. */
  function deadPid(): number {
    const child = spawnSync(process.execPath, ['-e', '0']);
    return child.pid!;
  }

  test('the next write removes ours whose process is gone, and leaves the rest', async () => {
    const dead = tempPathFor(join(dir, 'out.xlsx'), deadPid());
    const otherDead = tempPathFor(join(dir, 'something else.xlsx'), deadPid());
    // A writer that is still running (this test's parent process) keeps its file.
    const live = tempPathFor(join(dir, 'out.xlsx'), process.ppid);
    const notOurs = join(dir, '.out.xlsx.12345.tmp');
    for (const f of [dead, otherDead, live, notOurs]) writeFileSync(f, 'partial');
    const r = await run(['template', '-o', 'out.xlsx', '--program', 'NISM-SMS'], dir);
    expect(r.code).toBe(0);
    expect(readdirSync(dir)).not.toContain(dead.slice(dir.length + 1));
    expect(readdirSync(dir)).not.toContain(otherDead.slice(dir.length + 1));
    expect(readFileSync(live, 'utf8')).toBe('partial');
    expect(readFileSync(notOurs, 'utf8')).toBe('partial');
    rmSync(live);
    rmSync(notOurs);
  });

  test('only regular files are removed', async () => {
    const name = tempPathFor(join(dir, 'x.xlsx'), deadPid());
    mkdirSync(name);
    expect(await cleanStaleTemps(dir)).toEqual([]);
    expect(statSync(name).isDirectory()).toBe(true);
    rmSync(name, { recursive: true });
  });
});
