/**
 * Dates to remember, as an iCalendar file (RFC 5545): for each credential, the day the renewal
 * application opens, the last day to earn credits, the deadline, the end of the grace period, and
 * reminders 90, 30 and 7 days before the deadline. All-day events, so a date never moves with the
 * reader's time zone; each UID is made from the credential and the cycle, so importing a newer file
 * updates the events instead of doubling them.
 */
import type { CycleDates } from './cycle';
import { addDays, isoFromDay, type DayNumber } from './dates';
import type { Program } from './schema';

/** Days before the deadline on which a reminder falls. */
export const REMINDER_DAYS = [90, 30, 7] as const;

export interface CalendarCredential {
  program: Pick<Program, 'id' | 'name' | 'creditUnit'>;
  cycle: CycleDates;
  /** Credits still needed, when known: said in the reminders. */
  needed?: number;
}

export interface CalendarEvent {
  uid: string;
  day: DayNumber;
  summary: string;
  description: string;
  /** A reminder also raises an alarm on its day. */
  alarm: boolean;
}

export interface CalendarOptions {
  /** When the file is made, as UTC (DTSTAMP). */
  stamp: Date;
  /** Reminders dated before this day are left out (they could no longer remind anyone). */
  from?: DayNumber;
}

function uidOf(program: string, cycle: CycleDates, what: string): string {
  const slug = `${program}-${isoFromDay(cycle.cycleStart)}-${what}`.toLowerCase().replace(/[^a-z0-9-]/g, '-');
  return `${slug}@ce-ledger`;
}

/** The events of one credential, in date order. */
export function credentialEvents(credential: CalendarCredential, from?: DayNumber): CalendarEvent[] {
  const { program, cycle } = credential;
  const id = program.id;
  const deadline = isoFromDay(cycle.deadline);
  const events: CalendarEvent[] = [];
  const add = (what: string, day: DayNumber, summary: string, description: string, alarm = false) =>
    events.push({ uid: uidOf(id, cycle, what), day, summary: `${id}: ${summary}`, description, alarm });
  if (cycle.applicationOpens !== undefined)
    add(
      'application-opens',
      cycle.applicationOpens,
      'renewal application opens',
      `${program.name}: the renewal application can be submitted from today. Deadline: ${deadline}.`,
    );
  if (cycle.windowEnd !== cycle.deadline)
    add(
      'window-ends',
      cycle.windowEnd,
      'last day to earn credits',
      `${program.name}: activities after today do not count for this cycle. Deadline: ${deadline}.`,
    );
  const needed =
    credential.needed !== undefined && credential.needed > 0
      ? ` ${credential.needed} ${program.creditUnit} still to earn when this file was made.`
      : '';
  for (const days of REMINDER_DAYS) {
    const day = addDays(cycle.deadline, -days);
    if (from !== undefined && day < from) continue;
    add(
      `reminder-${days}`,
      day,
      `renewal deadline in ${days} days`,
      `${program.name}: the renewal deadline is ${deadline}.${needed}`,
      true,
    );
  }
  add('deadline', cycle.deadline, 'renewal deadline', `${program.name}: last day to renew without a penalty.`, true);
  const grace = cycle.phases.find((p) => p.status === 'GRACE' && p.through !== undefined);
  if (grace)
    add(
      'grace-ends',
      grace.through!,
      'grace period ends',
      `${program.name}: last day of the grace period after the ${deadline} deadline.`,
    );
  return events.sort((a, b) => a.day - b.day);
}

/** RFC 5545 TEXT: backslash, semicolon, comma and line breaks escaped. */
function text(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** UTF-8 octets of one character (code point). */
function octetsOf(ch: string): number {
  const code = ch.codePointAt(0)!;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}

/** Folds a content line at 75 octets (RFC 5545 3.1), never inside a UTF-8 character. */
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = octetsOf(ch);
    const limit = out.length === 0 ? 75 : 74; // continuation lines start with a space
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

const dateValue = (day: DayNumber) => isoFromDay(day).replace(/-/g, '');

function stampValue(stamp: Date): string {
  return stamp
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}

/** The iCalendar file for one or more credentials. */
export function calendarText(credentials: readonly CalendarCredential[], options: CalendarOptions): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//CE Ledger//Dates to remember//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${text('CE renewal dates')}`,
  ];
  const stamp = stampValue(options.stamp);
  for (const credential of credentials) {
    for (const event of credentialEvents(credential, options.from)) {
      lines.push(
        'BEGIN:VEVENT',
        `UID:${event.uid}`,
        `DTSTAMP:${stamp}`,
        `DTSTART;VALUE=DATE:${dateValue(event.day)}`,
        `DTEND;VALUE=DATE:${dateValue(event.day + 1)}`,
        `SUMMARY:${text(event.summary)}`,
        `DESCRIPTION:${text(event.description)}`,
        'TRANSP:TRANSPARENT',
      );
      if (event.alarm)
        // 9:00 on the day, in the reader's time zone (an all-day event starts at local midnight).
        lines.push(
          'BEGIN:VALARM',
          'ACTION:DISPLAY',
          `DESCRIPTION:${text(event.summary)}`,
          'TRIGGER:PT9H',
          'END:VALARM',
        );
      lines.push('END:VEVENT');
    }
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}
