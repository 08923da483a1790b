/**
 * Several status cells (RECERT_STATUS, CREDITS_EARNED, CREDITS_NEEDED) usually read the same log in
 * one recalculation. Excel hands each call its own copy of the range, so an unchanged log is
 * recognised by its content: the cells are compared with a private copy of the last few logs, which
 * costs one pass over the values instead of a whole evaluation. A private copy (not the caller's
 * array) is kept so that an array changed in place can never return a stale answer.
 *
 * Only the cells the result depends on are compared: the header row, and in data rows the columns
 * the totals read (`inputs`; every column when it is not given). The copy is a slice of each row (one
 * block copy per row, the cheapest copy there is: copying only the compared cells costs several
 * times more).
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
  /** Every row, header first, copied. */
  cells: unknown[][];
  /** Columns of data rows compared; undefined: every column. */
  inputs: readonly number[] | undefined;
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
function sameInputs(cells: readonly unknown[], kept: readonly unknown[][], inputs: readonly number[]): boolean {
  const k = inputs.length;
  if (k === 0) return true;
  const last = k - 1;
  const c0 = inputs[0]!;
  const c1 = inputs[Math.min(1, last)]!;
  const c2 = inputs[Math.min(2, last)]!;
  const c3 = inputs[Math.min(3, last)]!;
  const c4 = inputs[Math.min(4, last)]!;
  const c5 = inputs[Math.min(5, last)]!;
  const c6 = inputs[Math.min(6, last)]!;
  const c7 = inputs[Math.min(7, last)]!;
  for (let r = cells.length - 1; r >= 1; r--) {
    const row: unknown = cells[r];
    if (!Array.isArray(row)) return false;
    const old = kept[r]!;
    if (
      row[c0] !== old[c0] ||
      row[c1] !== old[c1] ||
      row[c2] !== old[c2] ||
      row[c3] !== old[c3] ||
      row[c4] !== old[c4] ||
      row[c5] !== old[c5] ||
      row[c6] !== old[c6] ||
      row[c7] !== old[c7]
    )
      return false;
    for (let j = 8; j < k; j++) {
      const c = inputs[j]!;
      if (row[c] !== old[c]) return false;
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
  const kept = e.cells;
  if (!Array.isArray(cells) || cells.length !== kept.length) return false;
  const header: unknown = cells[0];
  if (!Array.isArray(header) || !sameRow(header, kept[0]!)) return false;
  return e.inputs === undefined ? sameRows(cells, kept) : sameInputs(cells, kept, e.inputs);
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
    const copy = new Array<unknown[]>(cells.length);
    for (let r = 0; r < cells.length; r++) copy[r] = cells[r]!.slice();
    this.entries.unshift({ program, cycleStart, asOf, facts, cells: copy, inputs: inputs && [...inputs], result });
    if (this.entries.length > this.capacity) this.entries.length = this.capacity;
    return result;
  }

  clear(): void {
    this.entries.length = 0;
  }
}
