/**
 * `ce-ledger calendar` and `ce-ledger summary` on a workbook whose CE Profile lists two credentials
 * (issue 13, points 4 and 5): each credential's dates, each event naming its program, read back with an
 * iCalendar parser; the summary's command line names each credential.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import ICAL from 'ical.js';
import type { CellValue } from '../../src/workbook/port';
import { serial } from '../summary/fixtures';
import { run, tempDir, writeWorkbook } from './helpers';

const dir = tempDir('ce-cli-credentials-calendar-');

// The webinar counts for both; the course is marked for ISC2-CISSP only, the training for CompTIA only:
// ISC2-CISSP 10 + 8 = 18 of 120 CPEs (102 still to earn), COMPTIA-SECURITYPLUS 10 + 5 = 15 of 50 (35).
const LOG: CellValue[][] = [
  ['Date', 'Activity', 'Provider', 'Format', 'Hours', 'Category', 'Proof'],
  [serial('2025-03-10'), 'Threat modelling webinar', 'SANS', 'Webinar', 10, '', 'Certificate'],
  [serial('2025-04-15'), 'Architecture course', 'ISC2', 'Education course', 8, 'ISC2-CISSP', 'Certificate'],
  [serial('2025-05-20'), 'Cloud training', 'CompTIA', 'Training course', 5, 'COMPTIA-SECURITYPLUS', 'Certificate'],
];

const PROFILE: CellValue[][] = [
  ['CE Ledger profile'],
  ['Program', 'ISC2-CISSP'],
  ['Cycle start', serial('2025-01-01')],
  ['Name', 'Sam Ortiz'],
  ['Credential 2 program', 'COMPTIA-SECURITYPLUS'],
  ['Credential 2 cycle start', serial('2024-11-01')],
];

async function tracker(name: string, profile: CellValue[][]): Promise<string> {
  const file = join(dir, name);
  await writeWorkbook(file, { 'CE Log': LOG, 'CE Profile': profile });
  return file;
}

interface Event {
  start: string;
  summary: string;
  description: string;
  uid: string;
  alarm: boolean;
}

function events(file: string): Event[] {
  const calendar = new ICAL.Component(ICAL.parse(readFileSync(join(dir, file), 'utf8')));
  return calendar.getAllSubcomponents('vevent').map((c) => {
    const e = new ICAL.Event(c);
    return {
      start: e.startDate.toString(),
      summary: e.summary,
      description: e.description,
      uid: e.uid,
      alarm: c.getAllSubcomponents('valarm').length > 0,
    };
  });
}

test("calendar writes each credential's dates, every event naming its program", async () => {
  await tracker('two.xlsx', PROFILE);
  const r = await run(['calendar', 'two.xlsx', '-o', 'two.ics', '--as-of', '2025-06-01'], dir);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(
    /two\.ics: 9 dates for ISC2-CISSP \(deadline 2027-12-31\), COMPTIA-SECURITYPLUS \(deadline 2027-10-31\)/,
  );
  const all = events('two.ics');
  // Worked by hand: ISC2 cycles end 3 years after they start and leave 90 days of grace (2028 is a leap
  // year); CompTIA's certification expires at the end of its 3-year cycle, with no grace.
  expect(all.map((e) => [e.start, e.summary])).toEqual([
    ['2027-10-02', 'ISC2-CISSP: renewal deadline in 90 days'],
    ['2027-12-01', 'ISC2-CISSP: renewal deadline in 30 days'],
    ['2027-12-24', 'ISC2-CISSP: renewal deadline in 7 days'],
    ['2027-12-31', 'ISC2-CISSP: renewal deadline'],
    ['2028-03-30', 'ISC2-CISSP: grace period ends'],
    ['2027-08-02', 'COMPTIA-SECURITYPLUS: renewal deadline in 90 days'],
    ['2027-10-01', 'COMPTIA-SECURITYPLUS: renewal deadline in 30 days'],
    ['2027-10-24', 'COMPTIA-SECURITYPLUS: renewal deadline in 7 days'],
    ['2027-10-31', 'COMPTIA-SECURITYPLUS: renewal deadline'],
  ]);
  // Each event's text names its own program; reminders say the credits that credential still needs,
  // with the Category marks honoured; every event has its own UID and each reminder an alarm.
  for (const e of all) {
    const name = e.summary.startsWith('ISC2-CISSP')
      ? 'ISC2 Certified Information Systems Security Professional (CISSP)'
      : 'CompTIA Security+';
    expect(e.description.startsWith(`${name}:`)).toBe(true);
    expect(e.alarm).toBe(/deadline/.test(e.summary));
  }
  const reminder = (id: string) => all.find((e) => e.summary === `${id}: renewal deadline in 30 days`)!.description;
  expect(reminder('ISC2-CISSP')).toContain('102 CPEs still to earn');
  expect(reminder('COMPTIA-SECURITYPLUS')).toContain('35 CEUs still to earn');
  expect(new Set(all.map((e) => e.uid)).size).toBe(all.length);
});

test('a further credential that cannot be read is named on stderr; the others still get their dates', async () => {
  await tracker('bad.xlsx', [
    ...PROFILE,
    ['Credential 3 program', 'NO-SUCH-PROGRAM'],
    ['Credential 3 cycle start', serial('2025-01-01')],
  ]);
  const r = await run(['calendar', 'bad.xlsx', '-o', 'bad.ics', '--as-of', '2025-06-01'], dir);
  expect(r.code).toBe(0);
  expect(r.stderr).toBe('ce-ledger: CE Profile "Credential 3 program": is not a known program id; left out\n');
  expect([...new Set(events('bad.ics').map((e) => e.summary.split(':')[0]))]).toEqual([
    'ISC2-CISSP',
    'COMPTIA-SECURITYPLUS',
  ]);
});

test('one credential: the dates of that one only, as before', async () => {
  await tracker('one.xlsx', PROFILE.slice(0, 4));
  const r = await run(['calendar', 'one.xlsx', '-o', 'one.ics', '--as-of', '2025-06-01'], dir);
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/one\.ics: 5 dates for ISC2-CISSP \(deadline 2027-12-31\)\n$/);
  expect(events('one.ics').every((e) => e.summary.startsWith('ISC2-CISSP: '))).toBe(true);
});

test("summary names each credential's line; the last line stays the first credential's status", async () => {
  await tracker('sum.xlsx', PROFILE);
  const r = await run(['summary', 'sum.xlsx', '-o', 'sum-out.xlsx', '--as-of', '2025-06-01'], dir);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const lines = r.stdout.trim().split('\n');
  expect(lines).toContain('ISC2-CISSP: IN PROGRESS, 18 of 120 CPEs, deadline 2027-12-31');
  expect(lines).toContain('COMPTIA-SECURITYPLUS: IN PROGRESS, 15 of 50 CEUs, deadline 2027-10-31');
  expect(lines[lines.length - 1]).toMatch(/^(?!ISC2-CISSP:|COMPTIA)/);
});
