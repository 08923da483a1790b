/**
 * NASM-CPT: one worked example per rule, from NASM's "Certified Personal Trainer Recertification"
 * page (http://nasm.org/recertify/personal-trainer-recertification), numbers worked out by hand.
 */
import { isoFromDay } from '../../../src/core';
import { day } from '../helpers';
import { minimum, run } from './run';

const START = '2024-06-01'; // certified 2024-06-01: expires 2026-05-31

describe('NASM-CPT', () => {
  test('"earn 2.0 NASM-approved CEUs every two-year period. This includes 0.1 CEUs from the mandatory CPR/AED certification"', () => {
    const met = run(
      'NASM-CPT',
      START,
      [
        { date: '2024-09-01', hours: 19, approved: true },
        { date: '2025-03-01', format: 'CPR/AED', hours: 4 },
      ],
      '2025-06-01',
    );
    // 19 contact hours = 1.9 CEUs, the CPR/AED certification 0.1 whatever its hours.
    expect(met.earned).toBe(2);
    expect(met.needed).toBe(0);
    const noCpr = run('NASM-CPT', START, [{ date: '2024-09-01', hours: 20, approved: true }], '2025-06-01');
    expect(noCpr.earned).toBe(2);
    expect(minimum(noCpr, 'cpr').shortfall).toBe(0.1);
    expect(noCpr.needed).toBe(0.1);
  });

  test('the CPR/AED certification counts 0.1 CEU once per period, however many cards are logged', () => {
    const ev = run(
      'NASM-CPT',
      START,
      [
        { date: '2024-07-01', format: 'CPR', hours: 3 },
        { date: '2025-07-01', format: 'CPR', hours: 3 },
      ],
      '2025-08-01',
    );
    expect(ev.earned).toBe(0.1);
  });

  test('"One CEU equals 10 contact hours" (study guide): 5 contact hours = 0.5 CEU; a 0.5 CEU certificate = 0.5', () => {
    const ev = run(
      'NASM-CPT',
      START,
      [
        { date: '2024-09-01', hours: 5, approved: true },
        { date: '2024-10-01', format: 'CEU', hours: 0.5, approved: true },
      ],
      '2025-01-01',
    );
    expect(ev.entries.map((e) => e.counted)).toEqual([0.5, 0.5]);
    expect(ev.earned).toBe(1);
  });

  test('"Continuing education courses not preapproved with NASM can be reviewed by petition only"', () => {
    const ev = run('NASM-CPT', START, [{ date: '2024-09-01', hours: 6, approved: false }], '2025-01-01');
    expect(ev.entries[0]!.state).toBe('ineligible');
    expect(ev.earned).toBe(0);
  });

  test('"maintaining your current CPR/AED certification": the card must be valid on the recertification date', () => {
    const rows = [
      { date: '2024-09-01', hours: 19, approved: true },
      { date: '2025-03-01', format: 'CPR/AED', hours: 4 },
    ];
    const item = (validUntil: string) =>
      run('NASM-CPT', START, rows, '2026-01-01', { cprValidUntil: day(validUntil) }).checklist.find(
        (c) => c.id === 'cpr',
      )!;
    expect(item('2026-03-01').done).toBe(false); // expires before 2026-05-31
    expect(item('2027-03-01').done).toBe(true);
  });

  test('"Recertification/Renewal applications will be accepted ... if all continuing education courses have been completed before or within 90 days of the expiration date"', () => {
    const rows = [
      { date: '2025-03-01', hours: 15, approved: true },
      { date: '2025-04-01', format: 'CPR/AED', hours: 4 },
      // 45 days after the expiry 2026-05-31.
      { date: '2026-07-15', hours: 4, approved: true },
    ];
    const grace = run('NASM-CPT', START, rows, '2026-08-01');
    expect(isoFromDay(grace.cycle.deadline)).toBe('2026-05-31');
    expect(grace.status.keyword).toBe('GRACE');
    expect(grace.earned).toBe(2);
    // From day 91 (2026-08-30) the late period has another fee and only CEUs earned by the expiry count here.
    const later = run('NASM-CPT', START, rows, '2026-09-15');
    expect(later.status.keyword).toBe('LAPSED');
    expect(later.earned).toBe(1.6);
    expect(run('NASM-CPT', START, rows, '2027-06-01').status.keyword).toBe('EXPIRED');
  });
});
