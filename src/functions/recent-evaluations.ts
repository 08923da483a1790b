/**
 * Several status cells (RECERT_STATUS, CREDITS_EARNED, CREDITS_NEEDED) usually read the same log in
 * one recalculation. Excel hands each call its own copy of the range, so an unchanged log is
 * recognised by comparing cells with a private copy of the last few logs, which costs one pass over
 * the values instead of a whole evaluation. A private copy (not the caller's array) is kept so that
 * an array changed in place can never return a stale answer.
 *
 * Only the cells the result depends on are compared: the header row, and in data rows the columns
 * the totals read (`inputs`; every column when it is not given). The copy is a slice of each row
 * (one block copy per row, the cheapest copy there is).
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

/** Whether `cells` holds the remembered values; a value that is not an array of rows never matches. */
function matches<T>(e: Remembered<T>, cells: unknown): boolean {
  const kept = e.cells;
  if (!Array.isArray(cells) || cells.length !== kept.length) return false;
  const header: unknown = cells[0];
  if (!Array.isArray(header) || !sameRow(header, kept[0]!)) return false;
  const inputs = e.inputs;
  // Bottom up: a log grows at the bottom, so that is where a new entry or an edit usually is.
  for (let r = cells.length - 1; r >= 1; r--) {
    const row: unknown = cells[r];
    if (!Array.isArray(row)) return false;
    const old = kept[r]!;
    if (inputs === undefined) {
      if (!sameRow(row, old)) return false;
    } else {
      for (let j = 0; j < inputs.length; j++) {
        const c = inputs[j]!;
        if (row[c] !== old[c]) return false;
      }
    }
  }
  return true;
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
    // A very large log is not kept: copying it costs a third of evaluating it again, and ~100 MB of
    // copies would stay alive between recalculations for a log that big.
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
