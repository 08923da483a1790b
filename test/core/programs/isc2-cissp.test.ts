/**
 * ISC2-CISSP: worked examples of each rule, numbers computed by hand from the pages named in
 * src/core/programs/sources.ts (ISC2 chapter page, Intrinsec Security, Balanced Security quoting the
 * Certification Maintenance Handbook, Phoenix TS on the 90 days, ISC2 Community on the rollover).
 */
import { day } from '../helpers';
import { minimum, run } from './run';

const START = '2024-03-01';
const AS_OF = '2026-06-01';

describe('ISC2-CISSP', () => {
  test('"120 CPEs over the three-year cycle"', () => {
    const ev = run('ISC2-CISSP', START, [{ date: '2024-04-01', hours: 20 }], AS_OF);
    expect(ev.required).toBe(120);
    expect(ev.cycle.windowEnd).toBe(day('2027-02-28'));
    expect(ev.earned).toBe(20);
    expect(ev.needed).toBe(100);
  });

  test('"at least 90 Group A": 80 Group A and 35 Group B leave 10 Group A short', () => {
    const ev = run(
      'ISC2-CISSP',
      START,
      [
        { date: '2024-04-01', format: 'Conference', hours: 80 },
        { date: '2024-05-01', format: 'Professional development', hours: 35 },
      ],
      AS_OF,
    );
    // Group B keeps 30 of 35: 80 + 30 = 110.
    expect(ev.earned).toBe(110);
    expect(minimum(ev, 'group-a')).toMatchObject({ required: 90, counted: 80, shortfall: 10 });
    expect(ev.needed).toBe(10);
  });

  test('"the remaining 30 may be Group A or Group B": Group B beyond 30 does not count', () => {
    const ev = run(
      'ISC2-CISSP',
      START,
      [
        { date: '2024-04-01', hours: 95 },
        // A course marked Group B in the Category column is Group B, whatever its format's default.
        { date: '2024-05-01', hours: 25, category: 'Group B' },
        { date: '2024-06-01', format: 'Professional development', hours: 15 },
      ],
      AS_OF,
    );
    expect(ev.entries.map((e) => e.counted)).toEqual([95, 25, 5]);
    expect(ev.earned).toBe(125);
    expect(ev.needed).toBe(0);
    expect(ev.status.met).toBe(true);
  });

  test('40 a year is suggested, not required: a hint for a year below it, never a shortfall', () => {
    // Cycle year 1 (from 2024-03-01): 30; cycle year 2 (from 2025-03-01): 10 so far.
    const behind = run(
      'ISC2-CISSP',
      START,
      [
        { date: '2024-04-01', hours: 30 },
        { date: '2025-04-01', hours: 10 },
      ],
      '2025-06-01',
    );
    expect(behind.needed).toBe(80);
    expect(behind.minimums.map((m) => m.id)).toEqual(['group-a']);
    expect(behind.hints).toContain(
      'Suggested pace, not required: 40 CPEs each cycle year; year 1 has 30, year 2 has 10 so far.',
    );
    // 120 Group A in the first year meet the requirement: no yearly minimum, and no pace hint.
    const early = run('ISC2-CISSP', START, [{ date: '2024-04-01', hours: 120 }], AS_OF);
    expect(early.needed).toBe(0);
    expect(early.status.met).toBe(true);
    expect(early.hints.join(' ')).not.toMatch(/Suggested pace/);
  });

  test('rollover: "up to 40 Group A CPEs earned in the last six months" of the previous cycle count', () => {
    const ev = run(
      'ISC2-CISSP',
      START,
      [
        // 7 months before the cycle start: outside the six months.
        { date: '2023-08-01', hours: 10 },
        // Inside them: 50 Group A, of which 40 carry over.
        { date: '2024-01-10', hours: 50 },
        // Group B in the six months does not carry over.
        { date: '2024-02-10', format: 'Professional development', hours: 5 },
        { date: '2024-04-01', hours: 10 },
      ],
      AS_OF,
    );
    expect(ev.earned).toBe(50);
    expect(minimum(ev, 'group-a').counted).toBe(50);
  });

  test('the 90 days after the cycle are for submitting: CPEs earned in them do not count', () => {
    const rows = [
      { date: '2026-01-10', hours: 110 },
      { date: '2027-03-15', hours: 10 },
    ];
    const ev = run('ISC2-CISSP', START, rows, '2027-04-01');
    expect(ev.status.keyword).toBe('GRACE');
    expect(ev.earned).toBe(110);
    expect(run('ISC2-CISSP', START, rows, '2027-06-01').status.keyword).toBe('EXPIRED');
  });
});
