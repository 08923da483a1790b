/** A cap's allowance. The clipping itself is part of the pass (pass.ts). */
import { clean, formatCredits } from './rounding';
import type { Cap } from './schema';

export function capLimit(cap: Cap, required: number): number {
  return typeof cap.limit === 'number' ? cap.limit : clean(cap.limit.fractionOfRequired * required);
}

export function describeCap(cap: Cap, required: number, unit: string): string {
  const per = cap.period === 'cycleYear' ? 'cycle year' : cap.period === 'calendarYear' ? 'calendar year' : 'cycle';
  return `${formatCredits(capLimit(cap, required))} ${unit} per ${per}`;
}
