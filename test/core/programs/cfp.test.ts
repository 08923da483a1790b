/**
 * CFP: one worked example per rule, from CFP Board's "Continuing Education Policies" page
 * (http://www.cfp.net/.../continuing-education-policies), numbers worked out by hand.
 */
import { isoFromDay } from '../../../src/core';
import { minimum, refusal, run } from './run';

const START = '2025-04-01'; // the day after a reporting period that ended 2025-03-31
const MARCH = { birthMonth: 3 };

describe('CFP', () => {
  test('"30 hours of CE each reporting period: 2 hours of CFP Board-approved Ethics CE, 28 hours of General CE"', () => {
    const ev = run(
      'CFP',
      START,
      [
        { date: '2025-06-01', hours: 16 },
        { date: '2026-02-01', hours: 12, category: 'General' },
        { date: '2026-05-01', format: 'Ethics program', hours: 2, approved: true },
      ],
      '2026-06-01',
      MARCH,
    );
    expect(ev.earned).toBe(30);
    expect(minimum(ev, 'ethics').counted).toBe(2);
    expect(ev.needed).toBe(0);
    expect(ev.status.met).toBe(true);
  });

  test('"two of the required hours must be obtained from a pre-approved CFP Board Ethics CE program. Exceptions are not made."', () => {
    const ev = run(
      'CFP',
      START,
      [
        { date: '2025-06-01', hours: 30 },
        // Ethics, but not from a CFP Board-approved program: 2 hours of General CE, no Ethics.
        { date: '2026-01-10', hours: 2, category: 'Ethics', approved: false },
      ],
      '2026-06-01',
      MARCH,
    );
    expect(ev.earned).toBe(32);
    expect(minimum(ev, 'ethics')).toMatchObject({ counted: 0, shortfall: 2 });
    expect(ev.needed).toBe(2);
    expect(ev.status.met).toBe(false);
  });

  test('"the current reporting period, which ends on the last day of the CFP® professional\'s renewal month"', () => {
    const ev = run(
      'CFP',
      START,
      [
        { date: '2027-03-31', hours: 10 },
        // A day after the period: "Any CE hours in excess ... may not be applied to subsequent reporting periods."
        { date: '2027-04-01', hours: 5 },
      ],
      '2027-04-02',
      MARCH,
    );
    expect(isoFromDay(ev.cycle.windowEnd)).toBe('2027-03-31');
    expect(isoFromDay(ev.cycle.deadline)).toBe('2027-03-31');
    expect(ev.earned).toBe(10);
    expect(ev.entries[1]!.state).toBe('outside-window');
  });

  test('a birth month in February ends the period on 28 or 29 February', () => {
    const ev = run('CFP', '2026-03-01', [], '2026-04-01', { birthMonth: 2 });
    expect(isoFromDay(ev.cycle.deadline)).toBe('2028-02-29');
  });

  test('college course: 1 semester credit = 15 CE hours, 1 quarter credit = 10 (2012 third-party page, unconfirmed)', () => {
    const ev = run(
      'CFP',
      START,
      [
        { date: '2025-09-01', format: 'College course (semester credits)', hours: 1 },
        { date: '2026-01-15', format: 'College course (quarter credits)', hours: 1 },
      ],
      '2026-06-01',
      MARCH,
    );
    expect(ev.earned).toBe(25);
  });

  test('without the birth month the status says the profile lacks it instead of guessing a date', () => {
    expect(refusal('CFP', START, [{ date: '2025-06-01', hours: 3 }], '2026-06-01')).toMatch(
      /^Birth month is not in the profile/,
    );
  });
});
