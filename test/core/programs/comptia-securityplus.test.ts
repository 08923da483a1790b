/**
 * COMPTIA-SECURITYPLUS: worked examples of each rule, numbers computed by hand from the pages named in
 * src/core/programs/sources.ts (CompTIA "How to Earn CEUs"; the 2019 Phoenix TS table of the CE
 * activity chart).
 */
import { day, program } from '../helpers';
import { capLimit } from '../../../src/core/caps';
import { run } from './run';

const START = '2024-03-01';
const AS_OF = '2026-06-01';

describe('COMPTIA-SECURITYPLUS', () => {
  test('"50 qualifying Continuing Education Units (CEUs) every three years"', () => {
    const ev = run('COMPTIA-SECURITYPLUS', START, [{ date: '2024-04-01', hours: 12 }], AS_OF);
    expect(ev.required).toBe(50);
    expect(ev.cycle.windowEnd).toBe(day('2027-02-28'));
    expect(ev.needed).toBe(38);
  });

  test('webinars and conferences each at most 20% of the total ("Attend a Live Webinar 10 CEUs Max")', () => {
    const p = program('COMPTIA-SECURITYPLUS');
    expect(p.caps.filter((c) => c.id === 'webinar' || c.id === 'conference').map((c) => capLimit(c, 50))).toEqual([
      10, 10,
    ]);
    const ev = run(
      'COMPTIA-SECURITYPLUS',
      START,
      [
        { date: '2024-04-01', format: 'Webinar', hours: 6 },
        { date: '2024-05-01', format: 'Webinar', hours: 7 },
        { date: '2024-06-01', format: 'Conference', hours: 12 },
        { date: '2024-07-01', format: 'Training', hours: 30 },
      ],
      AS_OF,
    );
    // Webinars 6 + 4 of 7 = 10; conference 10 of 12; training 30: 50, the requirement met.
    expect(ev.entries.map((e) => e.counted)).toEqual([6, 4, 10, 30]);
    expect(ev.earned).toBe(50);
    expect(ev.status.met).toBe(true);
  });

  test('the other maximums of the 2019 table: college 40, teaching 20, article 16', () => {
    const ev = run(
      'COMPTIA-SECURITYPLUS',
      START,
      [
        { date: '2024-04-01', format: 'College course', hours: 45 },
        { date: '2024-05-01', format: 'Teach a course', hours: 25 },
        { date: '2024-06-01', format: 'Article', hours: 20 },
      ],
      AS_OF,
    );
    expect(ev.entries.map((e) => e.counted)).toEqual([40, 20, 16]);
  });

  test('work experience at most 3 CEUs per cycle year (9 per cycle)', () => {
    const ev = run(
      'COMPTIA-SECURITYPLUS',
      START,
      [
        { date: '2024-04-01', format: 'Work experience', hours: 2 },
        { date: '2024-09-01', format: 'Work experience', hours: 2 },
        { date: '2025-04-01', format: 'Work experience', hours: 2 },
      ],
      AS_OF,
    );
    // Cycle year 1: 2 + 1 of 2; cycle year 2: 2.
    expect(ev.entries.map((e) => e.counted)).toEqual([2, 1, 2]);
    expect(ev.earned).toBe(5);
  });

  test('after the expiry date the certification has expired; later activity does not count', () => {
    const ev = run('COMPTIA-SECURITYPLUS', START, [{ date: '2027-03-10', hours: 50 }], '2027-04-01');
    expect(ev.status.keyword).toBe('EXPIRED');
    expect(ev.earned).toBe(0);
  });
});
