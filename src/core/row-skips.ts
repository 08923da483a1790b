/**
 * Rows inside a log that are not activities: a totals row ("Total", "TOTAL HOURS", a table's totals
 * row), a row whose Status says the activity did not happen (Cancelled, Not completed, Registered,
 * Planned). Such a row is skipped with its reason, not reported as a problem and never counted.
 */
import type { ColumnMap } from './columns';

/** Status words that mean the activity was not completed (rules §1, Status). */
const NOT_DONE =
  /^(cancel+ed|canceled|cancel+ation|not\s+completed?|incomplete|registered|planned|scheduled|upcoming|withdrawn|dropped|no[\s-]?show|did\s+not\s+attend|waitlist(ed)?|tentative)\b/i;
const TOTAL_LABEL = /^\s*(grand\s+|sub-?\s*)?totals?\b|^\s*sum\b|^\s*running\s+total\b/i;

export interface SkipReason {
  /** One line: why the row counts for nothing. */
  reason: string;
}

function textOf(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** What the Status cell says when it rules the row out; undefined when it is blank or says done. */
export function statusSkip(value: unknown): string | undefined {
  // A yes/no Status ("Completed?" as a checkbox) that says no: not completed.
  if (value === false) return 'Status says FALSE: the activity did not count as completed';
  const text = textOf(value);
  if (/^(no|n|false)$/i.test(text)) return `Status says "${text}": the activity did not count as completed`;
  if (text === '' || !NOT_DONE.test(text)) return undefined;
  return `Status says "${text.length > 30 ? text.slice(0, 30) + '…' : text}": the activity did not count as completed`;
}

function isDateLike(value: unknown): boolean {
  return (
    typeof value === 'number' ||
    value instanceof Date ||
    (typeof value === 'string' && /\d/.test(value) && !TOTAL_LABEL.test(value))
  );
}

/** A totals row: a "Total" label in a text cell and no date of its own. */
export function isTotalsRow(row: readonly unknown[], map: ColumnMap): boolean {
  if (map.date !== undefined && isDateLike(row[map.date])) return false;
  return row.some((v) => typeof v === 'string' && TOTAL_LABEL.test(v));
}

/** Why a (non-empty) row is skipped, if it is. */
export function skipReason(row: readonly unknown[], map: ColumnMap): string | undefined {
  if (isTotalsRow(row, map)) return 'a totals row (its label says Total): not an activity';
  return map.status === undefined ? undefined : statusSkip(row[map.status]);
}
