/**
 * Dates typed as text the ways trackers type them: `3/14/2025`, `14/03/2025`, `14-Mar-2025`,
 * `Mar 14, 2025`, `June 10, 2025`, `2025/03/14`. Whether `03/04/2025` is the 3rd of April or the 4th
 * of March cannot be told from the value: a column decides it once (a value with a part over 12
 * settles the order for every row), else the order the user chose (default month first).
 */
import { dayFromIso, type DayNumber } from './dates';

export type DateOrder = 'mdy' | 'dmy' | 'ymd';
export const DATE_ORDERS: readonly DateOrder[] = ['mdy', 'dmy', 'ymd'];

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function monthOf(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return undefined;
  const i = MONTHS.indexOf(w.slice(0, 3));
  if (i < 0) return undefined;
  const full = [
    'january',
    'february',
    'march',
    'april',
    'may',
    'june',
    'july',
    'august',
    'september',
    'october',
    'november',
    'december',
  ][i]!;
  // "Mar", "March", "Sept": a prefix of the month's name; not "Marching".
  return full.startsWith(w) || (i === 8 && w === 'sept') ? i + 1 : undefined;
}

/** A two-digit year as Excel reads it: 00–29 are 2000s, 30–99 1900s. */
function fullYear(text: string): number {
  const n = Number(text);
  if (text.length > 2) return n;
  return n < 30 ? 2000 + n : 1900 + n;
}

export interface TextDateParts {
  year: number;
  month: number;
  day: number;
  /** True when the day/month order was taken from the setting, not from the value. */
  ambiguous: boolean;
}

const NUMERIC = /^(\d{1,4})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{1,4})$/;
const DAY_MONTH_YEAR = /^(\d{1,2})(?:st|nd|rd|th)?[\s/.-]+([a-z]+\.?)[\s/.,-]+(\d{2,4})$/i;
const MONTH_DAY_YEAR = /^([a-z]+\.?)[\s/.-]+(\d{1,2})(?:st|nd|rd|th)?,?[\s/.,-]+(\d{2,4})$/i;
const WEEKDAY = /^(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+/i;

/** The parts of a text date, before checking that the day exists; undefined when the text is no date form. */
export function textDateParts(text: string, order: DateOrder): TextDateParts | undefined {
  const t = text.trim().replace(WEEKDAY, '');
  let m = NUMERIC.exec(t);
  if (m) {
    const [a, b, c] = [m[1]!, m[2]!, m[3]!];
    if (a.length >= 3) return { year: Number(a), month: Number(b), day: Number(c), ambiguous: false };
    if (c.length === 3 || c.length === 1) return undefined;
    const x = Number(a);
    const y = Number(b);
    const year = fullYear(c);
    if (x > 12 && y <= 12) return { year, month: y, day: x, ambiguous: false };
    if (y > 12 && x <= 12) return { year, month: x, day: y, ambiguous: false };
    const ambiguous = x !== y;
    return order === 'dmy' ? { year, month: y, day: x, ambiguous } : { year, month: x, day: y, ambiguous };
  }
  m = DAY_MONTH_YEAR.exec(t);
  if (m) {
    const month = monthOf(m[2]!);
    return month ? { year: fullYear(m[3]!), month, day: Number(m[1]), ambiguous: false } : undefined;
  }
  m = MONTH_DAY_YEAR.exec(t);
  if (m) {
    const month = monthOf(m[1]!);
    return month ? { year: fullYear(m[3]!), month, day: Number(m[2]), ambiguous: false } : undefined;
  }
  return undefined;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** The parts as yyyy-mm-dd text, for the ISO reader to check (and its range messages to apply). */
export function isoOfParts(p: { year: number; month: number; day: number }): string {
  return `${pad(p.year, 4)}-${pad(p.month, 2)}-${pad(p.day, 2)}`;
}

/** The day a text date names, or undefined when it is no date form or no real day. */
export function readTextDate(text: string, order: DateOrder): DayNumber | undefined {
  const parts = textDateParts(text, order);
  return parts ? dayFromIso(isoOfParts(parts)) : undefined;
}

export interface ColumnDateOrder {
  order: DateOrder;
  /** How the order was decided: by a value with a part over 12, or by the setting. */
  decidedBy: 'values' | 'setting';
  /** The first value whose reading depends on the order, when the values did not decide it. */
  ambiguousExample: string | undefined;
}

/**
 * The order for a column of dates: a numeric text date with its first part over 12 makes it
 * day-first, one with its second part over 12 month-first; when values disagree, or none decides,
 * the setting holds.
 */
export function columnDateOrder(values: Iterable<unknown>, setting: DateOrder = 'mdy'): ColumnDateOrder {
  let dayFirst = false;
  let monthFirst = false;
  let example: string | undefined;
  for (const v of values) {
    if (typeof v !== 'string') continue;
    const m = NUMERIC.exec(v.trim().replace(WEEKDAY, ''));
    if (!m || m[1]!.length >= 3) continue;
    const x = Number(m[1]);
    const y = Number(m[2]);
    if (x > 12 && y <= 12) dayFirst = true;
    else if (y > 12 && x <= 12) monthFirst = true;
    else if (x !== y && example === undefined) example = v.trim();
  }
  if (setting !== 'ymd' && dayFirst !== monthFirst)
    return { order: dayFirst ? 'dmy' : 'mdy', decidedBy: 'values', ambiguousExample: undefined };
  return { order: setting, decidedBy: 'setting', ambiguousExample: example };
}
