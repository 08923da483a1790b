/**
 * Several status cells (RECERT_STATUS, CREDITS_EARNED, CREDITS_NEEDED) usually read the same log in
 * one recalculation. Excel hands each call its own copy of the range, so an unchanged log is
 * recognised by its content: the cells are compared with a private copy of the last few logs, which
 * costs one pass over the values instead of a whole evaluation. A private copy (not the caller's
 * array) is kept so that an array changed in place can never return a stale answer.
 *
 * Only the cells the result depends on are compared: the header row, and in data rows the columns
 * the totals read (`inputs`; every column when it is not given). Those cells are kept row after row
 * in blocks of `ROWS_PER_BLOCK` rows, which the comparison reads straight through (a slice per row
 * would be one more object to reach per row; one array for the whole log would be made outside the
 * young generation, where filling it costs more than the slices did). With every column compared,
 * the copy is a slice of each row.
 */
import type { Program } from '../core/schema';

/** Logs up to this many data rows are remembered (see `remember`). */
export const MAX_ROWS_REMEMBERED = 50_000;

/** Data rows per block of kept cells: a block of a dozen columns stays a small object. */
const ROWS_PER_BLOCK = 512;

interface Remembered<T> {
  program: Program;
  cycleStart: number;
  asOf: number;
  /** The profile facts given with the log, as text ('' when none). */
  facts: string;
  /** The header row, copied. */
  header: unknown[];
  /** Rows of the log, header included. */
  length: number;
  /** Every row, header first, copied: when every column is compared (inputs undefined). */
  cells: unknown[][] | undefined;
  /** Columns of data rows compared; undefined: every column. */
  inputs: readonly number[] | undefined;
  /** Data row r's cell in inputs[j]: block (r - 1) / ROWS_PER_BLOCK, at ((r - 1) % ROWS_PER_BLOCK) * inputs.length + j. */
  kept: unknown[][] | undefined;
  /** With inputs: per row, 1 when only its first input (the Date cell) is compared. */
  inert: Uint8Array | undefined;
  result: T;
}

function sameRow(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let c = 0; c < a.length; c++) if (a[c] !== b[c]) return false;
  return true;
}

/**
 * Whether the data rows hold the kept values of `inputs` (bottom up: a log grows and is edited at the
 * bottom). The first eight columns are held in locals and compared without an inner loop (a log
 * with fewer compares its last column again): a loop over a list of column indices costs more per
 * cell than reading the cell, and this comparison is all an unchanged log costs. Cells are compared
 * as the same value (Object.is): a column mixes numbers, text and booleans, for which `!==` takes its
 * generic path; the two differ only for NaN (the same value, so the same result) and -0 (evaluated
 * again).
 */
function sameInputs(
  cells: readonly unknown[],
  blocks: readonly unknown[][],
  inputs: readonly number[],
  inert: Uint8Array | undefined,
): boolean {
  const k = inputs.length;
  if (k === 0) return true;
  const last = k - 1;
  const j1 = Math.min(1, last);
  const j2 = Math.min(2, last);
  const j3 = Math.min(3, last);
  const j4 = Math.min(4, last);
  const j5 = Math.min(5, last);
  const j6 = Math.min(6, last);
  const j7 = Math.min(7, last);
  const c0 = inputs[0]!;
  const c1 = inputs[j1]!;
  const c2 = inputs[j2]!;
  const c3 = inputs[j3]!;
  const c4 = inputs[j4]!;
  const c5 = inputs[j5]!;
  const c6 = inputs[j6]!;
  const c7 = inputs[j7]!;
  for (let b = blocks.length - 1; b >= 0; b--) {
    const kept = blocks[b]!;
    const first = b * ROWS_PER_BLOCK + 1;
    for (let r = Math.min(cells.length - 1, first + ROWS_PER_BLOCK - 1); r >= first; r--) {
      const row: unknown = cells[r];
      if (!Array.isArray(row)) return false;
      const at = (r - first) * k;
      if (inert !== undefined && inert[r] === 1) {
        if (!Object.is(row[c0], kept[at])) return false;
        continue;
      }
      if (
        !Object.is(row[c0], kept[at]) ||
        !Object.is(row[c1], kept[at + j1]) ||
        !Object.is(row[c2], kept[at + j2]) ||
        !Object.is(row[c3], kept[at + j3]) ||
        !Object.is(row[c4], kept[at + j4]) ||
        !Object.is(row[c5], kept[at + j5]) ||
        !Object.is(row[c6], kept[at + j6]) ||
        !Object.is(row[c7], kept[at + j7])
      )
        return false;
      for (let j = 8; j < k; j++) if (!Object.is(row[inputs[j]!], kept[at + j])) return false;
    }
  }
  return true;
}

function sameRows(cells: readonly unknown[], kept: readonly unknown[][]): boolean {
  for (let r = cells.length - 1; r >= 1; r--) {
    const row: unknown = cells[r];
    if (!Array.isArray(row) || !sameRow(row, kept[r]!)) return false;
  }
  return true;
}

/** Whether `cells` holds the remembered values; a value that is not an array of rows never matches. */
function matches<T>(e: Remembered<T>, cells: unknown): boolean {
  if (!Array.isArray(cells) || cells.length !== e.length) return false;
  const header: unknown = cells[0];
  if (!Array.isArray(header) || !sameRow(header, e.header)) return false;
  return e.inputs === undefined ? sameRows(cells, e.cells!) : sameInputs(cells, e.kept!, e.inputs, e.inert);
}

function copyRows(cells: readonly (readonly unknown[])[]): unknown[][] {
  const copy = new Array<unknown[]>(cells.length);
  for (let r = 0; r < cells.length; r++) copy[r] = cells[r]!.slice();
  return copy;
}

/**
 * The cells of `inputs` of every data row, row after row in blocks (see `sameInputs`): the first eight
 * without an inner loop, as there (with fewer, the last is written again to its own place).
 */
function keptInputs(cells: readonly (readonly unknown[])[], inputs: readonly number[]): unknown[][] {
  const k = inputs.length;
  const blocks: unknown[][] = [];
  if (k === 0) return blocks;
  const last = k - 1;
  const j1 = Math.min(1, last);
  const j2 = Math.min(2, last);
  const j3 = Math.min(3, last);
  const j4 = Math.min(4, last);
  const j5 = Math.min(5, last);
  const j6 = Math.min(6, last);
  const j7 = Math.min(7, last);
  const c0 = inputs[0]!;
  const c1 = inputs[j1]!;
  const c2 = inputs[j2]!;
  const c3 = inputs[j3]!;
  const c4 = inputs[j4]!;
  const c5 = inputs[j5]!;
  const c6 = inputs[j6]!;
  const c7 = inputs[j7]!;
  for (let first = 1; first < cells.length; first += ROWS_PER_BLOCK) {
    const end = Math.min(cells.length, first + ROWS_PER_BLOCK);
    const kept = new Array<unknown>((end - first) * k);
    for (let r = first, at = 0; r < end; r++, at += k) {
      const row = cells[r]!;
      kept[at] = row[c0];
      kept[at + j1] = row[c1];
      kept[at + j2] = row[c2];
      kept[at + j3] = row[c3];
      kept[at + j4] = row[c4];
      kept[at + j5] = row[c5];
      kept[at + j6] = row[c6];
      kept[at + j7] = row[c7];
      for (let j = 8; j < k; j++) kept[at + j] = row[inputs[j]!];
    }
    blocks.push(kept);
  }
  return blocks;
}

export class RecentEvaluations<T> {
  private readonly entries: Remembered<T>[] = [];

  constructor(private readonly capacity = 2) {}

  /** The remembered result for exactly these arguments, if any (`cells` may be anything). */
  find(program: Program, cycleStart: number, asOf: number, cells: unknown, facts = ''): T | undefined {
    for (let i = 0; i < this.entries.length; i++) {
      const e = this.entries[i]!;
      if (
        e.program === program &&
        e.cycleStart === cycleStart &&
        e.asOf === asOf &&
        e.facts === facts &&
        matches(e, cells)
      ) {
        if (i > 0) this.entries.unshift(...this.entries.splice(i, 1));
        return e.result;
      }
    }
    return undefined;
  }

  /**
   * Keeps `result` for these arguments. `inputs`: the columns of data rows the result depends on
   * (besides the header row); undefined when it may depend on every cell. `inert` (with `inputs`):
   * per row, 1 when its other inputs do not matter while its first (the Date cell) stays the same.
   */
  remember(
    program: Program,
    cycleStart: number,
    asOf: number,
    cells: readonly (readonly unknown[])[],
    result: T,
    inputs?: readonly number[],
    facts = '',
    inert?: Uint8Array,
  ): T {
    // A very large log is not kept: copying it costs a good part of evaluating it again, and the
    // copies would stay alive between recalculations.
    if (cells.length > MAX_ROWS_REMEMBERED + 1) return result;
    const columns = inputs && [...inputs];
    this.entries.unshift({
      program,
      cycleStart,
      asOf,
      facts,
      header: cells[0]!.slice(),
      length: cells.length,
      cells: columns ? undefined : copyRows(cells),
      inputs: columns,
      kept: columns && keptInputs(cells, columns),
      inert: inert?.length === cells.length ? inert : undefined,
      result,
    });
    if (this.entries.length > this.capacity) this.entries.length = this.capacity;
    return result;
  }

  clear(): void {
    this.entries.length = 0;
  }
}
