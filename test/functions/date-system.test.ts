/**
 * The cell functions in a workbook of the 1904 date system: Excel passes its date cells 1462 days lower
 * and shows a returned serial the same way. Once the functions know the system (asked of Excel where
 * they run with its API), every answer is the one the same workbook gets in the 1900 system.
 */
import { dayFromIso, serialFromDay } from '../../src/core';
import { learnDateSystem, useDate1904, workbookDayOffset } from '../../src/functions/date-system';
import { creditsEarned, creditsNeeded, recertDeadline, recertStatus } from '../../src/functions/functions';
import { FakeExcel } from '../fakes/fake-excel';

const serial = (iso: string) => serialFromDay(dayFromIso(iso)!);

const header = ['Date', 'Activity', 'Provider', 'Format', 'Hours', 'Approved', 'Proof'];
const rows: [string, string, number][] = [
  ['2024-03-01', 'Webinar', 2],
  ['2024-12-31', 'Workshop', 3],
  ['2025-02-01', 'Conference', 6],
  ['2023-12-31', 'Before the cycle', 4],
];
/** The log as Excel passes it: dates as the workbook's serials (`lower` days below the 1900 system's). */
const log = (lower: number) => [
  header,
  ...rows.map(([d, a, h]) => [serial(d) - lower, a, 'NAMSS', 'Webinar', h, 'Yes', 'Certificate']),
];
const profile = (lower: number) => [
  ['Expires', serial('2026-06-30') - lower],
  ['Program', 'NAMSS-CPCS'],
];

afterEach(() => useDate1904(false));

test('in a 1904 workbook every function answers as the same workbook in the 1900 system', () => {
  const args = (lower: number) =>
    ['NAMSS-CPCS', serial('2024-01-01') - lower, log(lower), serial('2025-06-01') - lower, profile(lower)] as const;
  const in1900 = {
    earned: creditsEarned(...args(0)),
    needed: creditsNeeded(...args(0)),
    status: recertStatus(...args(0)),
    deadline: recertDeadline('NAMSS-CPCS', serial('2024-01-01'), profile(0)),
  };
  expect(in1900.earned).toBe(11);
  expect(in1900.status).toMatch(/2026-06-30/);

  // Read as 1900 serials, the 1904 workbook's dates fall four years early, and so does the line's deadline.
  expect(recertStatus(...args(1462))).toMatch(/by 2022-06-/);

  useDate1904(true);
  expect(workbookDayOffset()).toBe(1462);
  expect(creditsEarned(...args(1462))).toBe(in1900.earned);
  expect(creditsNeeded(...args(1462))).toBe(in1900.needed);
  expect(recertStatus(...args(1462))).toBe(in1900.status);
  // The deadline is returned as the 1904 workbook counts it, so that it shows the same date.
  expect(recertDeadline('NAMSS-CPCS', serial('2024-01-01') - 1462, profile(1462))).toBe(in1900.deadline - 1462);
  // A date typed as text is the same date in either system.
  expect(creditsEarned('NAMSS-CPCS', '2024-01-01', log(1462), '2025-06-01')).toBe(in1900.earned);
  // Without the log's Date column read in the workbook's system, the entries would fall before the cycle.
  useDate1904(false);
  expect(creditsEarned('NAMSS-CPCS', '2024-01-01', log(1462), '2025-06-01')).toBe(0);
});

test('the functions ask Excel for the date system once, and recalculate a 1904 workbook', async () => {
  const plain = new FakeExcel({ Sheet1: [] });
  expect(await learnDateSystem(plain.run)).toBe(false);
  expect(workbookDayOffset()).toBe(0);
  expect(plain.calculations).toEqual([]);

  const old = new FakeExcel({ Sheet1: [] });
  old.date1904 = true;
  expect(await learnDateSystem(old.run)).toBe(true);
  expect(workbookDayOffset()).toBe(1462);
  // Cells calculated before the answer used the 1900 system: one full recalculation redoes them.
  expect(old.calculations).toEqual(['Full']);
});

test('a host that cannot tell the date system leaves the functions in the 1900 system', async () => {
  const refusing = <T>(): Promise<T> => Promise.reject(new Error('InvalidOperation'));
  expect(await learnDateSystem(refusing)).toBe(false);
  expect(workbookDayOffset()).toBe(0);
});
