/**
 * Several status cells (RECERT_STATUS, CREDITS_EARNED, CREDITS_NEEDED) usually read the same log in
 * one recalculation. Excel hands each call its own copy of the range, so an unchanged log is
 * recognised by comparing cells with a private copy of the last few logs, which costs one pass over
 * the values instead of a whole evaluation. A private copy (not the caller's array) is kept so that
 * an array changed in place can never return a stale answer.
 *
 * Only the cells the result depends on are kept and compared: the header row, and in data rows the
 * columns the totals read (`inputs`; every column when it is not given). The copy is kept column by
 * column, so comparing walks each kept column in order.
 */
import type { Program } from '../core';

interface Remembered<T> {
  program: Program;
  cycleStart: number;
  asOf: number;
  header: unknown[];
  rows: number;
  /** Columns kept; undefined: whole rows are kept in `wholeRows`. */
  inputs: readonly number[] | undefined;
  /** columns[j][r - 1] is cell (r, inputs[j]). */
  columns: unknown[][];
  wholeRows: unknown[][];
  result: T;
}

function sameRow(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let c = 0; c < a.length; c++) if (a[c] !== b[c]) return false;
  return true;
}

/** Whether `cells` holds the remembered values; a value that is not an array of rows never matches. */
function matches<T>(e: Remembered<T>, cells: unknown): boolean {
  if (!Array.isArray(cells) || cells.length !== e.rows + 1) return false;
  const header: unknown = cells[0];
  if (!Array.isArray(header) || !sameRow(header, e.header)) return false;
  if (e.inputs === undefined) {
    for (let r = 1; r < cells.length; r++) {
      const row: unknown = cells[r];
      if (!Array.isArray(row) || !sameRow(row, e.wholeRows[r - 1]!)) return false;
    }
    return true;
  }
  for (let r = 1; r < cells.length; r++) if (!Array.isArray(cells[r])) return false;
  const rows = cells as unknown[][];
  for (let j = 0; j < e.inputs.length; j++) {
    const c = e.inputs[j]!;
    const kept = e.columns[j]!;
    for (let r = 1; r < rows.length; r++) if (rows[r]![c] !== kept[r - 1]) return false;
  }
  return true;
}

export class RecentEvaluations<T> {
  private readonly entries: Remembered<T>[] = [];

  constructor(private readonly capacity = 2) {}

  /** The remembered result for exactly these arguments, if any (`cells` may be anything). */
  find(program: Program, cycleStart: number, asOf: number, cells: unknown): T | undefined {
    for (let i = 0; i < this.entries.length; i++) {
      const e = this.entries[i]!;
      if (e.program === program && e.cycleStart === cycleStart && e.asOf === asOf && matches(e, cells)) {
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
  ): T {
    const rows = Math.max(0, cells.length - 1);
    const columns: unknown[][] = [];
    const wholeRows: unknown[][] = [];
    if (inputs === undefined) {
      for (let r = 1; r < cells.length; r++) wholeRows.push(cells[r]!.slice());
    } else {
      for (const c of inputs) {
        const kept: unknown[] = [];
        for (let r = 1; r < cells.length; r++) kept.push(cells[r]![c]);
        columns.push(kept);
      }
    }
    const header = cells.length ? cells[0]!.slice() : [];
    this.entries.unshift({ program, cycleStart, asOf, header, rows, inputs: inputs && [...inputs], columns, wholeRows, result });
    if (this.entries.length > this.capacity) this.entries.length = this.capacity;
    return result;
  }

  get(
    program: Program,
    cycleStart: number,
    asOf: number,
    cells: readonly (readonly unknown[])[],
    compute: () => T,
    inputsOf?: (result: T) => readonly number[] | undefined,
  ): T {
    const known = this.find(program, cycleStart, asOf, cells);
    if (known !== undefined) return known;
    const result = compute();
    return this.remember(program, cycleStart, asOf, cells, result, inputsOf?.(result));
  }

  clear(): void {
    this.entries.length = 0;
  }
}
