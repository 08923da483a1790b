/**
 * ISACA-CISA: worked examples of each rule, numbers computed by hand from the pages named in
 * src/core/programs/sources.ts (the CISA CPE policy, ISACA on 50-minute CPE hours and volunteer
 * service, MY-CPE on the calendar-year periods, ISACA Manila on keeping proof).
 */
import { day } from '../helpers';
import { minimum, run } from './run';

const START = '2024-01-01';
const AS_OF = '2026-12-01';

describe('ISACA-CISA', () => {
  test('the three-year period runs from 1 January; report by 15 January after it', () => {
    const ev = run('ISACA-CISA', START, [{ date: '2024-02-01', hours: 5 }], AS_OF);
    expect(ev.required).toBe(120);
    expect(ev.cycle.windowEnd).toBe(day('2026-12-31'));
    expect(ev.cycle.deadline).toBe(day('2027-01-15'));
  });

  test('"a minimum of 20 CPE hours annually" besides "120 CPE hours for the three-year period"', () => {
    const ev = run(
      'ISACA-CISA',
      START,
      [
        { date: '2024-03-01', hours: 50 },
        { date: '2025-03-01', hours: 60 },
        { date: '2026-03-01', hours: 10 },
      ],
      AS_OF,
    );
    // 120 in total, but 2026 holds 10 of its 20.
    expect(ev.earned).toBe(120);
    // The minimum's result sums the three years: 20 x 3 = 60 asked; only 2026 is short, by 10.
    expect(minimum(ev, 'annual')).toMatchObject({ required: 60, period: 'calendarYear', shortfall: 10 });
    expect(ev.needed).toBe(10);
    expect(ev.status.met).toBe(false);
  });

  test('every year at 20 or more and 120 in total meet the requirement', () => {
    const ev = run(
      'ISACA-CISA',
      START,
      [
        { date: '2024-03-01', hours: 40 },
        { date: '2025-12-31', hours: 40 },
        { date: '2026-01-01', hours: 40 },
      ],
      AS_OF,
    );
    expect(minimum(ev, 'annual').shortfall).toBe(0);
    expect(ev.needed).toBe(0);
    expect(ev.status.met).toBe(true);
  });

  test('"one CPE hour = 50 minutes", claimed in quarter hours, rounded down', () => {
    const ev = run(
      'ISACA-CISA',
      START,
      [
        { date: '2024-03-01', format: 'Minutes', hours: 75 },
        { date: '2024-03-02', format: 'Minutes', hours: 60 },
        { date: '2024-03-03', format: 'Minutes', hours: 100 },
        { date: '2024-03-04', format: 'Clock hours', hours: 2.5 },
        { date: '2024-03-05', format: 'Clock hours', hours: 1 },
      ],
      AS_OF,
    );
    // 75/50 = 1.5; 60/50 = 1.2 -> 1; 100/50 = 2; 150 minutes -> 3; 60 minutes -> 1.
    expect(ev.entries.map((e) => e.claimed)).toEqual([1.5, 1, 2, 3, 1]);
    expect(ev.earned).toBe(8.5);
  });

  test('volunteer service at most 20 CPE hours each year', () => {
    const ev = run(
      'ISACA-CISA',
      START,
      [
        { date: '2024-03-01', format: 'Volunteer service', hours: 15 },
        { date: '2024-09-01', format: 'Volunteer service', hours: 10 },
        { date: '2025-03-01', format: 'Volunteer service', hours: 10 },
      ],
      AS_OF,
    );
    expect(ev.entries.map((e) => e.counted)).toEqual([15, 5, 10]);
  });

  test('activity after 31 December of the third year does not count toward the period', () => {
    const ev = run('ISACA-CISA', START, [{ date: '2027-01-05', hours: 20 }], '2027-01-10');
    expect(ev.earned).toBe(0);
  });
});
