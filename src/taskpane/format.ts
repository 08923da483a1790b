/** Display helpers: they format figures from the Evaluation, they never compute rules. */
import { formatCredits } from '../core';

export const credits = (n: number): string => formatCredits(n);

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function countdown(days: number, deadlineIso: string): string {
  if (days > 0) return `${plural(days, 'day')} to the deadline (${deadlineIso})`;
  if (days === 0) return `The deadline is today (${deadlineIso})`;
  return `The deadline passed ${plural(-days, 'day')} ago (${deadlineIso})`;
}
