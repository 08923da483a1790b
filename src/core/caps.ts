/** A cap's allowance. The clipping itself is part of the pass (pass.ts). */
import { dayFromParts, partsOf, type DayNumber } from './dates';
import { clean, formatCredits } from './rounding';
import type { Cap } from './schema';

export function capLimit(cap: Cap, required: number): number {
  return typeof cap.limit === 'number' ? cap.limit : clean(cap.limit.fractionOfRequired * required);
}

export function describeCap(cap: Cap, required: number, unit: string): string {
  const per = cap.period === 'cycleYear' ? 'cycle year' : cap.period === 'calendarYear' ? 'calendar year' : 'cycle';
  const dated = [cap.effectiveFrom && `from ${cap.effectiveFrom}`, cap.effectiveTo && `to ${cap.effectiveTo}`]
    .filter(Boolean)
    .join(' ');
  return `${formatCredits(capLimit(cap, required))} ${unit} per ${per}${dated ? ` (activities ${dated})` : ''}`;
}

/**
 * The first days of the calendar years from `first`'s year to `last`'s year + 1: calendar year index
 * k (1-based) of a day is the k with jan1[k - 1] <= day < jan1[k].
 */
export function calendarYearStarts(first: DayNumber, last: DayNumber): DayNumber[] {
  const from = partsOf(first).year;
  const to = partsOf(last).year;
  const starts: DayNumber[] = [];
  for (let y = from; y <= to + 1; y++) starts.push(dayFromParts(y, 1, 1));
  return starts;
}

/** A day's calendar year index, 1 for the year of the cycle start (0 before it, clamped after the last). */
export function calendarYearAt(starts: readonly DayNumber[], day: DayNumber): number {
  if (day < starts[0]!) return 0;
  let k = 1;
  while (k < starts.length - 1 && starts[k]! <= day) k++;
  return k;
}
