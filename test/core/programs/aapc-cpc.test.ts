/**
 * AAPC-CPC: worked examples of each rule, numbers computed by hand from the pages named in
 * src/core/programs/sources.ts (AAPC "CEU Information - Members", the CEU FAQ, "CEU policies").
 */
import { day } from '../helpers';
import { run, type Row } from './run';

const START = '2024-05-01';
const AS_OF = '2025-06-01';

const approved = (r: Row): Row => ({ approved: true, ...r });

describe('AAPC-CPC', () => {
  test('"One Certification: 36 CEUs every two years"', () => {
    const ev = run('AAPC-CPC', START, [approved({ date: '2024-06-01', hours: 10 })], AS_OF);
    expect(ev.required).toBe(36);
    expect(ev.cycle.windowEnd).toBe(day('2026-04-30'));
    expect(ev.needed).toBe(26);
  });

  test.each([
    [0, 36],
    [1, 40], // "Two Certifications: 40 CEUs every two years"
    [2, 44], // "Three Certifications: 44"
    [3, 48], // "Four Certifications: 48"
    [4, 52], // "Five or More Certifications: 52"
    [7, 52],
  ])('%i additional AAPC credentials: %i CEUs required', (extra, required) => {
    const ev = run('AAPC-CPC', START, [approved({ date: '2024-06-01', hours: 10 })], AS_OF, {
      additionalCredentials: extra,
    });
    expect(ev.required).toBe(required);
    expect(ev.needed).toBe(required - 10);
  });

  test('40 CEUs meet the requirement of two certifications, 36 do not', () => {
    const rows = [approved({ date: '2024-06-01', hours: 20 }), approved({ date: '2025-01-01', hours: 16 })];
    expect(run('AAPC-CPC', START, rows, AS_OF).status.met).toBe(true);
    const two = run('AAPC-CPC', START, rows, AS_OF, { additionalCredentials: 1 });
    expect(two.status.met).toBe(false);
    expect(two.needed).toBe(4);
  });

  test('"CEUs must come from the AAPC Approved CEU Vendor List": an entry without approval counts nothing', () => {
    const ev = run(
      'AAPC-CPC',
      START,
      [approved({ date: '2024-06-01', hours: 5 }), { date: '2024-07-01', hours: 3, approved: false }],
      AS_OF,
    );
    expect(ev.earned).toBe(5);
    expect(ev.entries[1]!.counted).toBe(0);
    expect(ev.entries[1]!.reasons.join(' ')).toMatch(/AAPC Approved CEU Vendor List/);
  });

  test('"CEUs may only be earned once per course": the same course again counts nothing', () => {
    const ev = run(
      'AAPC-CPC',
      START,
      [
        approved({ date: '2024-06-01', activity: 'E/M coding update', hours: 2 }),
        approved({ date: '2024-09-01', activity: 'E/M Coding Update', hours: 2 }),
      ],
      AS_OF,
    );
    expect(ev.earned).toBe(2);
  });

  test('"CEUs earned prior to certification will not be accepted"', () => {
    const ev = run('AAPC-CPC', START, [approved({ date: '2024-04-15', hours: 8 })], AS_OF);
    expect(ev.earned).toBe(0);
  });
});
