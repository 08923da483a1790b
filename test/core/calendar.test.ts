/** Dates to remember as iCalendar: read back with an iCalendar parser (ical.js), not compared as strings. */
import ICAL from 'ical.js';
import { calendarText, credentialEvents, type CalendarCredential } from '../../src/core/calendar';
import { cycleDates } from '../../src/core/cycle';
import { findProgram, type Program } from '../../src/core';
import { day } from './helpers';

const STAMP = new Date(Date.UTC(2026, 5, 1, 12, 30, 0));

function credential(id: string, cycleStart: string, needed?: number): CalendarCredential {
  const program = findProgram(id)!;
  return { program, cycle: cycleDates(program, day(cycleStart)), needed };
}

interface ReadEvent {
  uid: string;
  summary: string;
  description: string;
  start: string;
  end: string;
  allDay: boolean;
  alarms: string[];
  stamp: string;
}

/** Parses with ical.js (which throws on malformed content lines) and reads each VEVENT. */
function parse(ics: string): { calendar: InstanceType<typeof ICAL.Component>; events: ReadEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const events = calendar.getAllSubcomponents('vevent').map((c) => {
    const event = new ICAL.Event(c);
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      start: event.startDate.toString(),
      end: event.endDate.toString(),
      allDay: event.startDate.isDate,
      alarms: c.getAllSubcomponents('valarm').map((a) => String(a.getFirstPropertyValue('trigger'))),
      stamp: (c.getFirstPropertyValue('dtstamp') as InstanceType<typeof ICAL.Time>).toString(),
    };
  });
  return { calendar, events };
}

test('application opening, deadline, grace end and reminders 90/30/7 days before the deadline', () => {
  // ACSM-CPT from 2024-05-01: certifications expire on 31 December of the third year (rules revision 3),
  // so the deadline is 2027-12-31, the application opens on 1 January 2027 and grace runs to 30 June 2028.
  const ics = calendarText([credential('ACSM-CPT', '2024-05-01', 12)], { stamp: STAMP });
  const { calendar, events } = parse(ics);
  expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
  expect(calendar.getFirstPropertyValue('prodid')).toBe('-//CE Ledger//Dates to remember//EN');
  expect(events.map((e) => [e.start, e.summary])).toEqual([
    ['2027-01-01', 'ACSM-CPT: renewal application opens'],
    ['2027-10-02', 'ACSM-CPT: renewal deadline in 90 days'],
    ['2027-12-01', 'ACSM-CPT: renewal deadline in 30 days'],
    ['2027-12-24', 'ACSM-CPT: renewal deadline in 7 days'],
    ['2027-12-31', 'ACSM-CPT: renewal deadline'],
    ['2028-06-30', 'ACSM-CPT: grace period ends'],
  ]);
  for (const e of events) {
    expect(e.allDay).toBe(true);
    expect(day(e.end) - day(e.start)).toBe(1);
    expect(e.stamp).toBe('2026-06-01T12:30:00Z');
  }
  expect(events.filter((e) => e.alarms.length).map((e) => e.alarms)).toEqual([['PT9H'], ['PT9H'], ['PT9H'], ['PT9H']]);
  expect(events[1]!.description).toBe(
    'ACSM Certified Personal Trainer: the renewal deadline is 2027-12-31. 12 CECs still to earn when this file was made.',
  );
  expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
});

test('NAMSS dates fall on the days the body names; a window that ends before the deadline gets its own event', () => {
  // NAMSS from 2022-01-15: application from 1 August, deadline 1 December, late until 31 December 2025.
  const namss = parse(calendarText([credential('NAMSS-CPCS', '2022-01-15')], { stamp: STAMP })).events;
  expect(namss.filter((e) => !/in \d+ days/.test(e.summary)).map((e) => [e.start, e.summary])).toEqual([
    ['2025-08-01', 'NAMSS-CPCS: renewal application opens'],
    ['2025-12-01', 'NAMSS-CPCS: renewal deadline'],
    ['2025-12-31', 'NAMSS-CPCS: grace period ends'],
  ]);
  const nism = findProgram('NISM-SMS')!;
  const program: Program = {
    ...nism,
    cycle: { ...nism.cycle, deadline: { from: 'windowEnd', years: 0, months: 0, days: 30 } },
  };
  const events = parse(
    calendarText([{ program, cycle: cycleDates(program, day('2025-03-14')) }], { stamp: STAMP }),
  ).events;
  expect(events.filter((e) => !/in \d+ days/.test(e.summary)).map((e) => [e.start, e.summary])).toEqual([
    ['2027-03-14', 'NISM-SMS: last day to earn credits'],
    ['2027-04-13', 'NISM-SMS: renewal deadline'],
    ['2027-04-27', 'NISM-SMS: grace period ends'],
  ]);
});

test('valid per RFC 5545: CRLF lines of at most 75 octets, escaped text, required properties in every event', () => {
  const program: Program = {
    ...findProgram('NISM-SMS')!,
    id: 'MY-ÉTUDE',
    name: 'Évaluation; continue, avec \\ barre — et un nom très long pour dépasser soixante-quinze octets sur une ligne',
  };
  const ics = calendarText([{ program, cycle: cycleDates(program, day('2025-03-14')) }], { stamp: STAMP });
  expect(ics.endsWith('\r\n')).toBe(true);
  expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  const { calendar, events } = parse(ics);
  for (const c of calendar.getAllSubcomponents('vevent'))
    for (const property of ['uid', 'dtstamp', 'dtstart', 'dtend', 'summary'])
      expect(c.hasProperty(property)).toBe(true);
  // Folded and escaped text reads back whole.
  expect(events.find((e) => e.summary.endsWith('renewal deadline'))!.description).toBe(
    `${program.name}: last day to renew without a penalty.`,
  );
});

test('reminders already past are left out; two files of the same cycle share their UIDs', () => {
  const acsm = credential('ACSM-CPT', '2024-05-01');
  const late = credentialEvents(acsm, day('2027-12-10'));
  expect(late.filter((e) => /in \d+ days/.test(e.summary)).map((e) => e.summary)).toEqual([
    'ACSM-CPT: renewal deadline in 7 days',
  ]);
  expect(late.map((e) => e.summary)).toContain('ACSM-CPT: renewal application opens');
  const a = parse(calendarText([acsm], { stamp: STAMP })).events.map((e) => e.uid);
  const b = parse(calendarText([acsm], { stamp: new Date() })).events.map((e) => e.uid);
  expect(b).toEqual(a);
  const two = parse(calendarText([acsm, credential('NISM-SMS', '2025-03-14')], { stamp: STAMP })).events;
  expect(new Set(two.map((e) => e.uid)).size).toBe(two.length);
});
