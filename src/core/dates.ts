/**
 * Calendar dates inside the core are whole day numbers (days since 1970-01-01, UTC), so comparisons
 * and windows are integer arithmetic and no time zone can move a date. Excel serials and ISO text are
 * converted only at the edges, here.
 */
export type DayNumber = number;

/**
 * Days a 1904-date-system workbook's serials are below the 1900 system's: DATE(1904,1,1) is serial
 * 1462 in the 1900 system and 0 in the 1904 one (File › Options › Advanced › "Use 1904 date system").
 */
export const DAYS_1900_TO_1904 = 1462;

const MS_PER_DAY = 86_400_000;
/** Day number of Excel's epoch: serial 0 is 1899-12-30 for every serial after the fictitious 1900-02-29. */
const EXCEL_EPOCH: DayNumber = Date.UTC(1899, 11, 30) / MS_PER_DAY;
/** Excel treats 1900 as a leap year; serial 60 is the fictitious 1900-02-29. */
const FICTITIOUS_LEAP_DAY_SERIAL = 60;
/** Largest serial Excel accepts (9999-12-31). */
export const MAX_EXCEL_SERIAL = 2_958_465;

export function dayFromParts(year: number, month: number, day: number): DayNumber {
  if (year >= 100) return Date.UTC(year, month - 1, day) / MS_PER_DAY;
  // Date.UTC reads years 0-99 as 1900-1999; setUTCFullYear takes the year as given.
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime() / MS_PER_DAY;
}

/** The first and last days Excel can hold: serials 1 and 2,958,465. */
export const FIRST_EXCEL_DAY: DayNumber = dayFromParts(1900, 1, 1);
export const LAST_EXCEL_DAY: DayNumber = dayFromParts(9999, 12, 31);
/** What a message about a date out of Excel's range says is accepted. */
export const EXCEL_DATE_RANGE = 'a date from 1900-01-01 to 9999-12-31';

/** True for a day Excel can hold as a date (1900-01-01 to 9999-12-31). */
export function isExcelDay(day: DayNumber): boolean {
  return day >= FIRST_EXCEL_DAY && day <= LAST_EXCEL_DAY;
}

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

export function partsOf(day: DayNumber): DateParts {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  // Arithmetic rather than Date.UTC, which would read years 0-99 as 1900-1999.
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
}

/**
 * Adds calendar years and months; a day that does not exist in the target month is clamped to its
 * last day, so 29 February plus one year is 28 February.
 */
export function addMonths(day: DayNumber, months: number): DayNumber {
  const p = partsOf(day);
  const total = p.year * 12 + (p.month - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  return dayFromParts(year, month, Math.min(p.day, daysInMonth(year, month)));
}

export function addYears(day: DayNumber, years: number): DayNumber {
  return addMonths(day, years * 12);
}

export function addDays(day: DayNumber, days: number): DayNumber {
  return day + days;
}

/** Both ends are inside. */
export function isWithin(day: DayNumber, start: DayNumber, end: DayNumber): boolean {
  return day >= start && day <= end;
}

/** True when a number is outside Excel's serials (1 to 2,958,465, time of day ignored). */
export function isSerialOutOfRange(serial: number): boolean {
  return !(serial >= 1 && serial < MAX_EXCEL_SERIAL + 1);
}

/**
 * Converts an Excel date serial (time of day ignored) to a day number; undefined when it is not a
 * date: outside 1 to 2,958,465 (9999-12-31), or the fictitious 1900-02-29.
 */
export function dayFromSerial(serial: number): DayNumber | undefined {
  if (isSerialOutOfRange(serial)) return undefined;
  const whole = Math.floor(serial);
  if (whole === FICTITIOUS_LEAP_DAY_SERIAL) return undefined;
  // Serials 1..59 count from 1899-12-31 because Excel inserts a day that never existed at 60.
  return whole < FICTITIOUS_LEAP_DAY_SERIAL ? EXCEL_EPOCH + whole + 1 : EXCEL_EPOCH + whole;
}

export function serialFromDay(day: DayNumber): number {
  const serial = day - EXCEL_EPOCH;
  // Up to 1900-02-28 (60 days after the epoch) serials are one less: the fictitious day comes later.
  return serial <= FICTITIOUS_LEAP_DAY_SERIAL ? serial - 1 : serial;
}

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Parses `yyyy-mm-dd` (a time part is ignored); undefined when the text is not a real calendar date
 * Excel can hold (years 1900 to 9999).
 */
export function dayFromIso(text: string): DayNumber | undefined {
  const m = ISO_DATE.exec(text.trim());
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return dayFromParts(year, month, day);
}

/**
 * True when text is shaped `yyyy-mm-dd` with a year before 1900 (the pattern allows no year past
 * 9999): a calendar date, but not one Excel can hold, so a message says so rather than "not a date".
 */
export function isIsoOutOfRange(text: string): boolean {
  const m = ISO_DATE.exec(text.trim());
  return !!m && Number(m[1]) < 1900;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function isoFromDay(day: DayNumber): string {
  const p = partsOf(day);
  return `${pad(p.year, 4)}-${pad(p.month, 2)}-${pad(p.day, 2)}`;
}

/**
 * A JS Date (as exceljs and some hosts give) read as a calendar date in UTC; undefined when invalid
 * or outside Excel's dates (1900-01-01 to 9999-12-31).
 */
export function dayFromJsDate(date: Date): DayNumber | undefined {
  const t = date.getTime();
  if (!Number.isFinite(t)) return undefined;
  const day = Math.floor(t / MS_PER_DAY);
  return isExcelDay(day) ? day : undefined;
}

/** Today's calendar date where the code runs (the user's local date, not UTC). */
export function today(now: Date = new Date()): DayNumber {
  return dayFromParts(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: DayNumber, to: DayNumber): number {
  return to - from;
}
