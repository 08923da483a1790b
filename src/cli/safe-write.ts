/**
 * Writing an output file so that the input is never written and no half file is ever left behind.
 *
 * Files are compared by identity (device and inode, through symlinks), not by their names: a symlink
 * to the input, a symlinked directory, a hard link or another spelling on a case-insensitive disk all
 * name the same file. The output is written to a temporary file in the target's own directory (a
 * rename across devices is not atomic), flushed to disk, and renamed over the target; the directory
 * is flushed too where the platform allows. The temporary file is removed on any error and on
 * SIGINT/SIGTERM/SIGHUP; one left by a process that died harder (SIGKILL, power loss) is recognised by
 * its name and removed by the next write into that directory once its process is gone.
 */
import { closeSync, promises as fs, rmSync } from 'fs';
import type { FileHandle } from 'fs/promises';
import { constants as osConstants } from 'os';
import { basename, dirname, join } from 'path';

/** A write the command line refuses: one line saying why, exit 2. */
export class WriteRefused extends Error {}

/** `.<target>.ce-ledger-<pid>-<random>.tmp`: the pid tells a later run whether the writer is gone. */
const TEMP_PATTERN = /^\..*\.ce-ledger-(\d+)-[0-9a-z]+\.tmp$/;
/** Keeps the temporary name within a file system's name limit when the target's own name is long. */
const TEMP_BASE_CHARS = 100;

export function tempPathFor(target: string, pid = process.pid): string {
  const random = Math.random().toString(36).slice(2, 10) || '0';
  return join(dirname(target), `.${basename(target).slice(0, TEMP_BASE_CHARS)}.ce-ledger-${pid}-${random}.tmp`);
}

const errorCode = (e: unknown): string | undefined =>
  e && typeof e === 'object' && 'code' in e ? String((e as { code: unknown }).code) : undefined;
/** "EACCES: permission denied", without the syscall and path node appends (the path is said already). */
const message = (e: unknown): string =>
  (e instanceof Error ? e.message.split('\n')[0]! : String(e))
    .replace(/^Error: /, '')
    .replace(/, \w+ '[^']*'( -> '[^']*')?$/, '');

interface Identity {
  dev: bigint;
  ino: bigint;
  real: string;
}

/** The file a path names after every symlink, or undefined when there is none. */
async function identity(path: string): Promise<Identity | undefined> {
  try {
    // bigint: Windows file ids do not fit in a double, and two files must never compare equal by rounding.
    const stat = await fs.stat(path, { bigint: true });
    return { dev: stat.dev, ino: stat.ino, real: await fs.realpath(path) };
  } catch (e) {
    if (errorCode(e) === 'ENOENT' || errorCode(e) === 'ENOTDIR') return undefined;
    // A symlink loop, a file we may not look at: nothing can be written safely through it.
    throw new WriteRefused(`cannot use ${path}: ${message(e)}`);
  }
}

function sameFile(a: Identity, b: Identity): boolean {
  if (a.ino !== 0n && b.ino !== 0n) return a.dev === b.dev && a.ino === b.ino;
  // Some file systems (FAT, some network shares) report no inode: the real paths decide, ignoring case
  // on the platforms whose disks usually ignore it.
  const fold = process.platform === 'win32' || process.platform === 'darwin';
  return fold ? a.real.toLowerCase() === b.real.toLowerCase() : a.real === b.real;
}

/** Refuses, whatever --force says, an output that is one of the inputs under another name. */
export async function refuseInputAsOutput(inputs: readonly string[], output: string): Promise<void> {
  const out = await identity(output);
  if (!out) return;
  for (const input of inputs) {
    const id = await identity(input);
    if (id && sameFile(id, out)) {
      const how = output === input ? '' : ' (the same file under another name, a link or another case)';
      throw new WriteRefused(
        `${output} is the input file ${input}${how}: choose another output, the input is never written`,
      );
    }
  }
}

/** Refuses an existing output without --force, before any work is done. */
export async function refuseExisting(output: string, force: boolean): Promise<void> {
  const existing = await fs.lstat(output).catch(() => undefined);
  if (!existing) return;
  if (!force) throw new WriteRefused(`${output} already exists (use --force to overwrite)`);
  if ((await fs.stat(output).catch(() => existing)).isDirectory())
    throw new WriteRefused(`${output} is a directory: give a file name with -o`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return errorCode(e) === 'EPERM';
  }
}

/**
 * Removes this program's temporary files in `dir` whose writer is gone. Best effort: a file that cannot
 * be removed is left for the next run. Returns the names removed.
 */
export async function cleanStaleTemps(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = TEMP_PATTERN.exec(name);
    if (!match) continue;
    const pid = Number(match[1]);
    const path = join(dir, name);
    // A temp of our own pid that this process is not writing was left by an earlier process with the same pid.
    if (pid === process.pid ? writing.has(path) : alive(pid)) continue;
    try {
      if (!(await fs.lstat(path)).isFile()) continue;
      await fs.rm(path, { force: true });
      removed.push(name);
    } catch {
      // Left for the next run.
    }
  }
  return removed;
}

// ---- temporary files being written, removed when a signal ends the process ----

/** Temporary path -> its open descriptor (closed first: Windows cannot remove an open file). */
const writing = new Map<string, number | undefined>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function removeTemps(): void {
  for (const [path, fd] of writing) {
    try {
      if (fd !== undefined) closeSync(fd);
    } catch {
      // Already closed.
    }
    try {
      rmSync(path, { force: true });
    } catch {
      // Nothing more can be done while exiting.
    }
  }
  writing.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  removeTemps();
  // The shell's convention for "ended by a signal": 128 + its number (130 for Ctrl-C, 143 for SIGTERM).
  process.exit(128 + (osConstants.signals[signal] ?? 0));
}

function track(path: string, fd: number | undefined): void {
  if (writing.size === 0) for (const s of SIGNALS) process.on(s, onSignal);
  writing.set(path, fd);
}

function untrack(path: string): void {
  if (!writing.delete(path)) return;
  if (writing.size === 0) for (const s of SIGNALS) process.off(s, onSignal);
}

export interface SafeWriteOptions {
  /** Replace an existing target (never one of `inputs`). */
  force: boolean;
  /** Files the write must never replace, whatever their name. */
  inputs?: readonly string[];
}

/**
 * Writes `target` through a temporary file: `produce` writes the content into the open temporary file,
 * which is then flushed, closed and renamed over the target. Throws WriteRefused with a one-line reason;
 * on any failure the target is as it was and no temporary file remains.
 */
export async function writeSafely(
  target: string,
  produce: (file: FileHandle) => Promise<void>,
  options: SafeWriteOptions,
): Promise<void> {
  const dir = dirname(target);
  const dirStat = await fs.stat(dir).catch(() => undefined);
  if (!dirStat) throw new WriteRefused(`cannot write ${target}: the directory ${dir} does not exist`);
  if (!dirStat.isDirectory()) throw new WriteRefused(`cannot write ${target}: ${dir} is not a directory`);
  await cleanStaleTemps(dir);
  const inputs = options.inputs ?? [];
  await refuseInputAsOutput(inputs, target);
  await refuseExisting(target, options.force);
  const existing = await fs.stat(target).catch(() => undefined);

  const temp = tempPathFor(target);
  let file: FileHandle | undefined;
  track(temp, undefined);
  try {
    // wx: never through a file or link someone else put at this name.
    file = await fs.open(temp, 'wx', 0o666);
    track(temp, file.fd);
    // An overwritten file keeps its permissions.
    if (existing?.isFile()) await file.chmod(existing.mode & 0o7777);
    await produce(file);
    await file.sync();
    await file.close();
    file = undefined;
    track(temp, undefined);
    // Checked again just before the rename: the target may have changed while the content was made.
    await refuseInputAsOutput(inputs, target);
    if (!options.force && (await fs.lstat(target).catch(() => undefined)))
      throw new WriteRefused(`${target} already exists (use --force to overwrite)`);
    await fs.rename(temp, target);
    untrack(temp);
    await syncDirectory(dir);
  } catch (e) {
    untrack(temp);
    await file?.close().catch(() => undefined);
    await fs.rm(temp, { force: true }).catch(() => undefined);
    if (e instanceof WriteRefused) throw e;
    // Windows refuses to replace a file another program holds open.
    const held =
      existing && ['EBUSY', 'EPERM', 'EACCES'].includes(errorCode(e) ?? '')
        ? ' (is it open in another program, such as Excel?)'
        : '';
    throw new WriteRefused(`cannot write ${target}: ${message(e)}${held}`);
  }
}

/** Makes the rename itself durable. Windows cannot open a directory for this; the rename stands anyway. */
async function syncDirectory(dir: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // Not supported here (EISDIR, EPERM, EINVAL on some platforms and file systems).
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
