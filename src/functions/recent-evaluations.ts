/**
 * Several status cells (RECERT_STATUS, CREDITS_EARNED, CREDITS_NEEDED) usually read the same log in
 * one recalculation. Excel hands each call its own copy of the range, so an unchanged log is
 * recognised by comparing cells with a private copy of the last few logs, which costs one pass over
 * the values instead of a whole evaluation. A private copy (not the caller's array) is kept so that
 * an array changed in place can never return a stale answer.
 */
import type { Program } from '../core';

interface Remembered<T> {
  program: Program;
  cycleStart: number;
  asOf: number;
  cells: unknown[][];
  result: T;
}

function sameCells(a: readonly (readonly unknown[])[], b: readonly (readonly unknown[])[]): boolean {
  if (a.length !== b.length) return false;
  for (let r = 0; r < a.length; r++) {
    const x = a[r]!;
    const y = b[r]!;
    if (x.length !== y.length) return false;
    for (let c = 0; c < x.length; c++) if (x[c] !== y[c]) return false;
  }
  return true;
}

function copyOf(cells: readonly (readonly unknown[])[]): unknown[][] {
  const copy = new Array<unknown[]>(cells.length);
  for (let r = 0; r < cells.length; r++) copy[r] = cells[r]!.slice();
  return copy;
}

export class RecentEvaluations<T> {
  private readonly entries: Remembered<T>[] = [];

  constructor(private readonly capacity = 2) {}

  get(program: Program, cycleStart: number, asOf: number, cells: readonly (readonly unknown[])[], compute: () => T): T {
    for (let i = 0; i < this.entries.length; i++) {
      const e = this.entries[i]!;
      if (e.program === program && e.cycleStart === cycleStart && e.asOf === asOf && sameCells(cells, e.cells)) {
        if (i > 0) this.entries.unshift(...this.entries.splice(i, 1));
        return e.result;
      }
    }
    const result = compute();
    this.entries.unshift({ program, cycleStart, asOf, cells: copyOf(cells), result });
    if (this.entries.length > this.capacity) this.entries.length = this.capacity;
    return result;
  }

  clear(): void {
    this.entries.length = 0;
  }
}
