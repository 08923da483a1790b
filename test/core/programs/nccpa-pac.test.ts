/**
 * NCCPA-PAC: one worked example per rule, from NCCPA's "About CME Requirements" page
 * (https://www.nccpa.net/ContinuingMedicalEducation), numbers worked out by hand.
 */
import { isoFromDay } from '../../../src/core';
import { minimum, run } from './run';

const START = '2025-05-01'; // 1 May of the year the certification was issued; it expires in 2027

describe('NCCPA-PAC', () => {
  test('"at least 100 CME credits, including at least 50 Category 1 CME credits"', () => {
    const met = run(
      'NCCPA-PAC',
      START,
      [
        { date: '2025-09-01', hours: 50, category: 'Category 1' },
        { date: '2026-03-01', hours: 50, category: 'Category 2' },
      ],
      '2026-06-01',
    );
    expect(met.earned).toBe(100);
    expect(met.needed).toBe(0);
    const short = run(
      'NCCPA-PAC',
      START,
      [
        { date: '2025-09-01', hours: 40, category: 'Cat 1' },
        { date: '2026-03-01', hours: 60, category: 'Category II' },
      ],
      '2026-06-01',
    );
    expect(short.earned).toBe(100);
    expect(minimum(short, 'category-1')).toMatchObject({ counted: 40, shortfall: 10 });
    expect(short.needed).toBe(10);
  });

  test('"a self-assessment activity worth 10 credits will be converted to 15 credits by NCCPA"', () => {
    const ev = run(
      'NCCPA-PAC',
      START,
      [{ date: '2025-09-01', format: 'Self-assessment CME', hours: 10 }],
      '2026-01-01',
    );
    expect(ev.earned).toBe(15);
    expect(minimum(ev, 'category-1').counted).toBe(15);
    expect(ev.needed).toBe(85);
  });

  test('"the first 20 PI-CME credits logged during every two-year cycle will be doubled"', () => {
    const ev = run(
      'NCCPA-PAC',
      START,
      [
        { date: '2025-09-01', format: 'PI-CME activity', hours: 15 },
        // 5 of these 10 are still within the first 20: 5 × 2 + 5 = 15.
        { date: '2026-02-01', format: 'PI-CME activity', hours: 10 },
        // Beyond the first 20: counted once.
        { date: '2026-06-01', hours: 4, category: 'PI-CME; Category 1' },
      ],
      '2026-09-01',
    );
    expect(ev.entries.map((e) => e.counted)).toEqual([30, 15, 4]);
    expect(ev.earned).toBe(49);
    expect(minimum(ev, 'category-1').counted).toBe(49);
  });

  test('"earning and logging window begins May 1 ... through December 31 of the certification expiration year"', () => {
    const ev = run(
      'NCCPA-PAC',
      START,
      [
        { date: '2027-12-31', hours: 60, category: 'Category 1' },
        { date: '2028-01-02', hours: 40, category: 'Category 1' },
      ],
      '2028-01-05',
    );
    expect(isoFromDay(ev.cycle.deadline)).toBe('2027-12-31');
    expect(ev.earned).toBe(60);
    expect(ev.entries[1]!.state).toBe('outside-window');
    expect(ev.status.keyword).toBe('EXPIRED');
  });
});
