/**
 * Several status cells (RECERT_STATUS, CREDITS_EARNED, CREDITS_NEEDED) usually read the same log in
 * one recalculation. Excel hands each call its own copy of the range, so an unchanged log is
 * recognised by its content: the cells are compared with a private copy of the last few logs, which
 * costs one pass over the values instead of a whole evaluation. A private copy (not the caller's
 * array) is kept so that an array changed in place can never return a stale answer.
 *
 * Only the cells the result depends on are compared: the header row, and in data rows the columns
 * the totals read (`inputs`). Those are copied into one flat array, row after row, so that the
 * comparison reads the kept values in order and keeping them is a single allocation. A result that
 * may depend on every cell (`inputs` not given) keeps a copy of every row instead.
 */
import type { Program } from '../core/schema';

/** Logs up to this many data rows are remembered (see `remember`). */
export const MAX_ROWS_REMEMBERED = 50_000;

interface Remembered<T> {
  program: Program;
  cycleStart: number;
  asOf: number;
  /** The profile facts given with the log, as text ('' when none). */
  facts: string;
  /** Rows, the header row included. */
  rows: number;
  header: unknown[];
  /** Columns of data rows compared; undefined: every column (`copies` holds every row). */
  inputs: readonly number[] | undefined;
  /** Data row r's value in inputs[j] is at `(r - 1) * inputs.length + j`. */
  values: unknown[];
  copies: unknown[][] | undefined;
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
 * with fewer repeats its last column): a loop over a list of column indices costs more per cell
 * than reading the cell, and this comparison is all an unchanged log costs.
 */
function sameInputs(cells: readonly unknown[], inputs: readonly number[], values: readonly unknown[]): boolean {
  const k = inputs.length;
  if (k === 0) return true;
  const last = k - 1;
  const o1 = Math.min(1, last);
  const o2 = Math.min(2, last);
  const o3 = Math.min(3, last);
  const o4 = Math.min(4, last);
  const o5 = Math.min(5, last);
  const o6 = Math.min(6, last);
  const o7 = Math.min(7, last);
  const c0 = inputs[0]!;
  const c1 = inputs[o1]!;
  const c2 = inputs[o2]!;
  const c3 = inputs[o3]!;
  const c4 = inputs[o4]!;
  const c5 = inputs[o5]!;
  const c6 = inputs[o6]!;
  const c7 = inputs[o7]!;
  for (let r = cells.length - 1; r >= 1; r--) {
    const row: unknown = cells[r];
    if (!Array.isArray(row)) return false;
    const at = (r - 1) * k;
    if (
      row[c0] !== values[at] ||
      row[c1] !== values[at + o1] ||
      row[c2] !== values[at + o2] ||
      row[c3] !== values[at + o3] ||
      row[c4] !== values[at + o4] ||
      row[c5] !== values[at + o5] ||
      row[c6] !== values[at + o6] ||
      row[c7] !== values[at + o7]
    )
      return false;
    for (let j = 8; j < k; j++) if (row[inputs[j]!] !== values[at + j]) return false;
  }
  return true;
}

function sameCopies(cells: readonly unknown[], copies: readonly unknown[][]): boolean {
  for (let r = cells.length - 1; r >= 1; r--) {
    const row: unknown = cells[r];
    if (!Array.isArray(row) || !sameRow(row, copies[r - 1]!)) return false;
  }
  return true;
}

/** Whether `cells` holds the remembered values; a value that is not an array of rows never matches. */
function matches<T>(e: Remembered<T>, cells: unknown): boolean {
  if (!Array.isArray(cells) || cells.length !== e.rows) return false;
  const header: unknown = cells[0];
  if (!Array.isArray(header) || !sameRow(header, e.header)) return false;
  return e.inputs === undefined ? sameCopies(cells, e.copies!) : sameInputs(cells, e.inputs, e.values);
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
   * (besides the header row); undefined when it may depend on every cell.
   */
  remember(
    program: Program,
    cycleStart: number,
    asOf: number,
    cells: readonly (readonly unknown[])[],
    result: T,
    inputs?: readonly number[],
    facts = '',
  ): T {
    // A very large log is not kept: copying it costs a good part of evaluating it again, and the
    // copies would stay alive between recalculations.
    if (cells.length > MAX_ROWS_REMEMBERED + 1) return result;
    const rows = cells.length;
    const values: unknown[] = [];
    let copies: unknown[][] | undefined;
    if (inputs === undefined) {
      copies = new Array<unknown[]>(Math.max(0, rows - 1));
      for (let r = 1; r < rows; r++) copies[r - 1] = cells[r]!.slice();
    } else {
      const k = inputs.length;
      for (let r = 1; r < rows; r++) {
        const row = cells[r]!;
        for (let j = 0; j < k; j++) values.push(row[inputs[j]!]);
      }
    }
    this.entries.unshift({
      program,
      cycleStart,
      asOf,
      facts,
      rows,
      header: rows > 0 ? cells[0]!.slice() : [],
      inputs: inputs && [...inputs],
      values,
      copies,
      result,
    });
    if (this.entries.length > this.capacity) this.entries.length = this.capacity;
    return result;
  }

  clear(): void {
    this.entries.length = 0;
  }
}
