/**
 * Reads cell-function arguments as Excel passes them: an omitted optional argument is null, an empty
 * cell is 0, "" or null, dates are serials (ISO text accepted), ranges are arrays of rows. Every
 * refusal names the argument and what it accepts.
 */
// Straight from the core's modules, not its index: under CommonJS (Node, Jest) each name read through
// an `export *` index is a getter call, and these run once per cell.
import {
  dayFromIso,
  dayFromJsDate,
  dayFromSerial,
  EXCEL_DATE_RANGE,
  isIsoOutOfRange,
  isSerialOutOfRange,
  type DayNumber,
} from '../core/dates';
import { quote } from '../core/excerpt';
import { factsFromPairs, type ProfileFacts } from '../core/facts';
import { findProgram, programIds, registryGeneration } from '../core/programs';
import type { Program } from '../core/schema';
import { profileIn1900, serialIn1900 } from './date-system';
import { CellError } from './errors';

export function isNotGiven(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** A single-cell range arrives as [[value]]; take the value. */
function scalar(value: unknown): unknown {
  if (Array.isArray(value) && value.length === 1 && Array.isArray(value[0]) && value[0].length === 1)
    return value[0][0];
  return value;
}

export function readProgram(value: unknown): Program {
  const v = scalar(value);
  if (isNotGiven(v) || v === 0) {
    throw new CellError('#VALUE!', `program: enter a program id, one of ${programIds().join(', ')}`);
  }
  const program = typeof v === 'string' ? findProgram(v) : undefined;
  if (!program) {
    throw new CellError(
      '#VALUE!',
      `program: ${quote(String(v))} is not a known program; use one of ${programIds().join(', ')}`,
    );
  }
  return program;
}

/**
 * Changes whenever what a program id names may have (custom programs saved): a program read before
 * may be out of date. (A function of this module, not a re-export: under CommonJS that is a getter.)
 */
export function programsGeneration(): number {
  return registryGeneration();
}

/** A number from 0 to `most` (the program's limit for one entry); blank (or an omitted optional argument) reads as 0. */
export function readHours(value: unknown, name: string, most: number): number {
  // What CE_CREDITS gets row after row, answered first: a number in range, an omitted argument.
  if (typeof value === 'number' && value >= 0 && value <= most) return value === 0 ? 0 : value;
  if (value === null) return 0;
  const v = scalar(value);
  if (isNotGiven(v) || v === false) return 0;
  let n: number;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'string' && /^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i.test(v)) n = Number(v);
  else
    throw new CellError('#VALUE!', `${name}: ${quote(String(v))} is not a number; enter hours as a number, 0 or more`);
  if (Number.isNaN(n))
    throw new CellError('#NUM!', `${name}: the number is out of range; enter hours as a number, 0 or more`);
  if (n < 0) throw new CellError('#NUM!', `${name}: ${n} is negative; enter hours as a number, 0 or more`);
  // Numeric text past the largest double ("1e400") reads as Infinity: too many hours, like 1e308.
  if (!(n <= most)) {
    const shown = typeof v === 'string' ? quote(v.trim()) : String(n);
    throw new CellError(
      '#NUM!',
      `${name}: ${shown} is more than one entry can hold; enter 0 to ${most.toLocaleString('en-US')}`,
    );
  }
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
  let outside = false;
  if (typeof v === 'number') {
    const serial = serialIn1900(v);
    day = dayFromSerial(serial);
    outside = isSerialOutOfRange(serial);
  } else if (typeof v === 'string') {
    day = dayFromIso(v);
    outside = isIsoOutOfRange(v);
  } else if (v instanceof Date) {
    day = dayFromJsDate(v);
    outside = Number.isFinite(v.getTime());
  }
  if (day !== undefined) return day;
  const shown = quote(v instanceof Date && outside ? v.toISOString().split('T')[0]! : String(v));
  if (outside) throw new CellError('#NUM!', `${name}: ${shown} is outside Excel's dates; use ${EXCEL_DATE_RANGE}`);
  throw new CellError('#VALUE!', `${name}: ${shown} is not a date; use a date cell, or text as yyyy-mm-dd`);
}

/**
 * The optional `profile` argument (rules section 7): a two-column range of name/value rows, such as
 * the CE Profile sheet's labels and values. Names are matched to the program's facts ignoring case and
 * spaces (Expires, Extension granted, and the program's own); other rows are ignored. Undefined when
 * not given.
 */
export function readProfileFacts(value: unknown, program: Program): Partial<ProfileFacts> | undefined {
  if (isNotGiven(value) || value === 0) return undefined;
  if (!Array.isArray(value) || !value.every((row) => Array.isArray(row) && row.length >= 2)) {
    if (isNotGiven(scalar(value)) || scalar(value) === 0) return undefined;
    throw new CellError(
      '#VALUE!',
      "profile: select a two-column range of names and values, e.g. the CE Profile sheet's labels and values",
    );
  }
  const { facts, problems } = factsFromPairs(program, profileIn1900(value as unknown[][], program));
  if (problems.length) throw new CellError('#VALUE!', `profile: ${problems[0]}`);
  return facts;
}

/** A fixed text for a set of facts, to tell remembered results apart (empty when there are none). */
export function factsKey(facts: Partial<ProfileFacts> | undefined): string {
  if (!facts) return '';
  return Object.keys(facts)
    .sort()
    .map((k) => `${k}=${String(facts[k])}`)
    .join(';');
}

/** A plain loop: a callback per row costs a call per row of a long log. */
function everyIsArray(rows: readonly unknown[]): boolean {
  for (let r = 0; r < rows.length; r++) if (!Array.isArray(rows[r])) return false;
  return true;
}

/** The log range including its header row, as a rectangle of rows. */
export function readLogRange(value: unknown): unknown[][] {
  if (!Array.isArray(value) || value.length === 0 || !everyIsArray(value)) {
    throw new CellError('#VALUE!', 'log: select the whole log range including its header row, e.g. CELog[#All]');
  }
  return value as unknown[][];
}
