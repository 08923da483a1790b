/**
 * Reads cell-function arguments as Excel passes them: an omitted optional argument is null, an empty
 * cell is 0, "" or null, dates are serials (ISO text accepted), ranges are arrays of rows. Every
 * refusal names the argument and what it accepts.
 */
// Straight from the core's modules, not its index: under CommonJS (Node, Jest) each name read through
// an `export *` index is a getter call, and these run once per cell.
import { dayFromIso, dayFromSerial, type DayNumber } from '../core/dates';
import { findProgram, programIds } from '../core/programs';
import type { Program } from '../core/schema';
import { CellError } from './errors';

export function isNotGiven(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** A single-cell range arrives as [[value]]; take the value. */
function scalar(value: unknown): unknown {
  if (Array.isArray(value) && value.length === 1 && Array.isArray(value[0]) && value[0].length === 1) return value[0][0];
  return value;
}

export function readProgram(value: unknown): Program {
  const v = scalar(value);
  if (isNotGiven(v) || v === 0) {
    throw new CellError('#VALUE!', `program: enter a program id, one of ${programIds().join(', ')}`);
  }
  const program = typeof v === 'string' ? findProgram(v) : undefined;
  if (!program) {
    throw new CellError('#VALUE!', `program: "${String(v)}" is not a known program; use one of ${programIds().join(', ')}`);
  }
  return program;
}

/** A number >= 0; blank (or an omitted optional argument) reads as 0. */
export function readHours(value: unknown, name: string): number {
  const v = scalar(value);
  if (isNotGiven(v) || v === false) return 0;
  let n: number;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'string' && /^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i.test(v)) n = Number(v);
  else throw new CellError('#VALUE!', `${name}: "${String(v)}" is not a number; enter hours as a number, 0 or more`);
  if (!Number.isFinite(n)) throw new CellError('#NUM!', `${name}: the number is out of range; enter hours as a number, 0 or more`);
  if (n < 0) throw new CellError('#NUM!', `${name}: ${n} is negative; enter hours as a number, 0 or more`);
  return n === 0 ? 0 : n;
}

/** An Excel date serial or yyyy-mm-dd text; undefined when not given (and `optional`). */
export function readDate(value: unknown, name: string, optional: true): DayNumber | undefined;
export function readDate(value: unknown, name: string, optional?: false): DayNumber;
export function readDate(value: unknown, name: string, optional = false): DayNumber | undefined {
  const v = scalar(value);
  if (isNotGiven(v) || v === 0) {
    if (optional) return undefined;
    throw new CellError('#VALUE!', `${name}: enter a date (a date cell, or text as yyyy-mm-dd)`);
  }
  let day: DayNumber | undefined;
  if (typeof v === 'number') day = dayFromSerial(v);
  else if (typeof v === 'string') day = dayFromIso(v);
  else if (v instanceof Date) day = Math.floor(v.getTime() / 86_400_000);
  if (day === undefined) {
    throw new CellError('#VALUE!', `${name}: "${String(v)}" is not a date; use a date cell, or text as yyyy-mm-dd`);
  }
  return day;
}

/** The log range including its header row, as a rectangle of rows. */
export function readLogRange(value: unknown): unknown[][] {
  if (!Array.isArray(value) || value.length === 0 || !value.every((row) => Array.isArray(row))) {
    throw new CellError('#VALUE!', 'log: select the whole log range including its header row, e.g. CELog[#All]');
  }
  return value as unknown[][];
}
