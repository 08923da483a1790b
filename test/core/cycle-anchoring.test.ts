/**
 * A cycle that ends on the last day of the certificant's birth month (issue 13): a date rule takes its
 * month from a number fact of the profile (`monthFromFact`), and `day: 31` is clamped to the month's
 * last day. A made-up program, dates worked out by hand.
 */
import {
  cycleDates,
  evaluateLog,
  isoFromDay,
  loadProgram,
  type Program,
  type ProgramInput,
  type ProfileFacts,
} from '../../src/core';
import { day } from './helpers';

function made(extra: Partial<ProgramInput> = {}): Program {
  const input: ProgramInput = {
    id: 'MADE-UP-BIRTH',
    name: 'A made-up certification renewed in the birth month',
    body: 'Made-up body',
    required: 10,
    approvedMeaning: 'approved by the body',
    formats: [{ id: 'course', label: 'Course', perHour: 1 }],
    proof: { acceptable: ['Certificate'] },
    facts: [{ id: 'birthMonth', label: 'Birth month', type: 'number', max: 12 }],
    cycle: {
      // Two years on, then the last day of the birth month of that year.
      windowEnd: { from: 'cycleStart', years: 2, monthFromFact: 'birthMonth', day: 31 },
      deadline: { from: 'windowEnd' },
      phases: [{ status: 'EXPIRED', summary: 'expired' }],
    },
    ...extra,
  };
  const loaded = loadProgram(input);
  if (!loaded.ok) throw new Error(loaded.message);
  return loaded.program;
}

const program = made();
const end = (start: string, birthMonth: number) =>
  isoFromDay(cycleDates(program, day(start), { birthMonth }).windowEnd);

describe('the window ends on the last day of the birth month', () => {
  test('February: 28 days, or 29 in a leap year', () => {
    expect(end('2024-03-01', 2)).toBe('2026-02-28');
    expect(end('2026-03-01', 2)).toBe('2028-02-29');
  });

  test('a birth month before the start month ends that month of the later year, a shorter first cycle', () => {
    expect(end('2025-06-15', 3)).toBe('2027-03-31');
  });

  test('a birth month after the start month ends that month, a longer first cycle', () => {
    expect(end('2025-06-15', 11)).toBe('2027-11-30');
  });

  test('a renewal cycle starting the day after the last one ended ends exactly two years later', () => {
    // 2027-03-31 was the end: the next cycle starts 2027-04-01 and ends 2029-03-31.
    expect(end('2027-04-01', 3)).toBe('2029-03-31');
  });
});

const LOG = [
  ['Date', 'Activity', 'Format', 'Hours', 'Proof'],
  ['2025-07-01', 'Course one', 'Course', 4, 'Certificate'],
];

function evaluate(profile: Partial<ProfileFacts>) {
  return evaluateLog(program, LOG, { cycleStart: day('2025-06-15'), asOf: day('2026-01-01'), profile });
}

describe('without the birth month there is no date to show', () => {
  test('the evaluation stops with a plain message naming the fact', () => {
    expect(evaluate({})).toEqual({
      ok: false,
      message: expect.stringMatching(/^Birth month is not in the profile.*enter it \(a month, 1-12\)/),
    });
  });

  test('a number that is not a month is refused the same way', () => {
    expect(evaluate({ birthMonth: 13 })).toEqual({ ok: false, message: expect.stringMatching(/13, not a month/) });
    expect(evaluate({ birthMonth: 2.5 })).toEqual({ ok: false, message: expect.stringMatching(/2\.5, not a month/) });
  });

  test('with the fact the evaluation has its deadline; with Expires the fact is not needed', () => {
    const withMonth = evaluate({ birthMonth: 3 });
    if (!withMonth.ok) throw new Error(withMonth.message);
    expect(withMonth.evaluation.earned).toBe(4);
    expect(isoFromDay(cycleDates(program, day('2025-06-15'), { birthMonth: 3 }).deadline)).toBe('2027-03-31');
    const withExpires = evaluate({ expires: day('2027-05-31') });
    expect(withExpires.ok).toBe(true);
  });
});

describe('the schema checks a month fact', () => {
  test.each([
    [{ facts: [] }, /cycle\.windowEnd\.monthFromFact: needs a number fact 'birthMonth' declared in facts/],
    [
      { facts: [{ id: 'birthMonth', label: 'Birth month', type: 'date' as const }] },
      /needs a number fact 'birthMonth'/,
    ],
    [
      {
        cycle: {
          windowEnd: { from: 'cycleStart' as const, years: 2, month: 3, monthFromFact: 'birthMonth', day: 31 },
          deadline: { from: 'windowEnd' as const },
          phases: [{ status: 'EXPIRED' as const, summary: 'expired' }],
        },
      },
      /cycle\.windowEnd\.month: give month or monthFromFact, not both/,
    ],
  ])('%p', (extra, message) => {
    expect(() => made(extra)).toThrow(message);
  });
});
