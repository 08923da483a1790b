/** `ce-ledger calendar`: the dates to remember as an .ics file, read back with an iCalendar parser. */
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import ICAL from 'ical.js';
import { setCustomPrograms } from '../../src/core';
import { run, tempDir, writeWorkbook } from './helpers';

let dir: string;
beforeAll(async () => {
  dir = tempDir('ce-calendar-');
  expect(
    (await run(['template', '-o', 'acsm.xlsx', '--program', 'ACSM-CPT', '--cycle-start', '2024-05-01'], dir)).code,
  ).toBe(0);
});
afterEach(() => setCustomPrograms([]));

function events(file: string): [string, string][] {
  const calendar = new ICAL.Component(ICAL.parse(readFileSync(join(dir, file), 'utf8')));
  return calendar
    .getAllSubcomponents('vevent')
    .map((c) => new ICAL.Event(c))
    .map((e) => [e.startDate.toString(), e.summary] as [string, string]);
}

test("calendar FILE.xlsx -o OUT.ics writes the profile's dates; reminders already past are left out", async () => {
  // ACSM certifications expire on 31 December of the third year (rules revision 3): 2027-12-31.
  const r = await run(['calendar', 'acsm.xlsx', '-o', 'dates.ics', '--as-of', '2027-12-10'], dir);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/dates\.ics: 4 dates for ACSM-CPT \(deadline 2027-12-31\)/);
  expect(events('dates.ics')).toEqual([
    ['2027-01-01', 'ACSM-CPT: renewal application opens'],
    ['2027-12-24', 'ACSM-CPT: renewal deadline in 7 days'],
    ['2027-12-31', 'ACSM-CPT: renewal deadline'],
    ['2028-06-30', 'ACSM-CPT: grace period ends'],
  ]);
});

test('without a workbook, from --program and --cycle-start; a custom program from --program-file', async () => {
  const r = await run(['calendar', '-o', 'nism.ics', '--program', 'nism-sms', '--cycle-start', '2025-03-14'], dir);
  expect(r.code).toBe(0);
  expect(events('nism.ics').map(([start, summary]) => `${start} ${summary}`)).toContain(
    '2027-03-14 NISM-SMS: renewal deadline',
  );
  writeFileSync(join(dir, 'guild.json'), readFileSync(join(__dirname, '../fixtures/programs/guild-cpd.json')));
  const guild = await run(
    [
      'calendar',
      '-o',
      'guild.ics',
      '--program-file',
      'guild.json',
      '--cycle-start',
      '2025-01-01',
      '--as-of',
      '2025-01-01',
    ],
    dir,
  );
  expect(guild.code).toBe(0);
  expect(events('guild.ics')).toEqual([
    ['2026-10-01', 'GUILD-CPD: renewal application opens'],
    ['2026-10-03', 'GUILD-CPD: renewal deadline in 90 days'],
    ['2026-12-02', 'GUILD-CPD: renewal deadline in 30 days'],
    ['2026-12-25', 'GUILD-CPD: renewal deadline in 7 days'],
    ['2027-01-01', 'GUILD-CPD: renewal deadline'],
    ['2027-03-02', 'GUILD-CPD: grace period ends'],
  ]);
});

test('never overwrites the workbook or an existing file without --force; exit 2 with a reason', async () => {
  const before = readFileSync(join(dir, 'acsm.xlsx'));
  const self = await run(['calendar', 'acsm.xlsx', '-o', 'acsm.xlsx', '--force'], dir);
  expect(self.code).toBe(2);
  expect(readFileSync(join(dir, 'acsm.xlsx'))).toEqual(before);
  writeFileSync(join(dir, 'mine.ics'), 'my own calendar');
  const existing = await run(['calendar', 'acsm.xlsx', '-o', 'mine.ics'], dir);
  expect(existing.code).toBe(2);
  expect(readFileSync(join(dir, 'mine.ics'), 'utf8')).toBe('my own calendar');
  expect((await run(['calendar', 'acsm.xlsx', '-o', 'mine.ics', '--force'], dir)).code).toBe(0);
  expect(events('mine.ics').length).toBeGreaterThan(0);
  await writeWorkbook(join(dir, 'bare.xlsx'), { Notes: [['nothing here']] });
  const bare = await run(['calendar', 'bare.xlsx', '-o', 'bare.ics'], dir);
  expect(bare.code).toBe(2);
  expect(bare.stderr).toMatch(/no program: give --program ID/);
  expect((await run(['calendar', 'acsm.xlsx'], dir)).stderr).toMatch(/calendar needs -o OUT\.ics/);
});
