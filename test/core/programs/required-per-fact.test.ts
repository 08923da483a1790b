/**
 * requiredPerFact (issue 13, for AAPC's "more CEUs per additional credential"): the required credits
 * grow with a number fact of the profile, up to a count. A made-up program, numbers by hand.
 */
import { evaluateLog, loadProgram, type Program, type ProgramInput } from '../../../src/core';
import { day } from '../helpers';

function made(extra: Partial<ProgramInput>): Program {
  const input: ProgramInput = {
    id: 'MADE-UP',
    name: 'A made-up certification',
    body: 'Made-up body',
    required: 20,
    approvedMeaning: 'approved by the body',
    formats: [{ id: 'course', label: 'Course', perHour: 1 }],
    proof: { acceptable: ['Certificate'] },
    cycle: {
      windowEnd: { from: 'cycleStart', years: 2, days: -1 },
      deadline: { from: 'windowEnd' },
      phases: [{ status: 'EXPIRED', summary: 'expired' }],
    },
    facts: [{ id: 'extraBadges', label: 'Extra badges', type: 'number' }],
    requiredPerFact: { fact: 'extraBadges', credits: 5, maxCount: 3 },
    ...extra,
  };
  const loaded = loadProgram(input);
  if (!loaded.ok) throw new Error(loaded.message);
  return loaded.program;
}

const CELLS = [
  ['Date', 'Format', 'Hours'],
  ['2024-03-01', 'Course', 12],
];

function required(program: Program, profile: Record<string, number | boolean>) {
  const result = evaluateLog(program, CELLS, { cycleStart: day('2024-01-01'), asOf: day('2024-06-01'), profile });
  if (!result.ok) throw new Error(result.message);
  return [result.evaluation.required, result.evaluation.needed];
}

test('5 more credits per extra badge, counted up to 3 badges; blank, negative and fractional counts', () => {
  const p = made({});
  expect(required(p, {})).toEqual([20, 8]);
  expect(required(p, { extraBadges: 1 })).toEqual([25, 13]);
  expect(required(p, { extraBadges: 3 })).toEqual([35, 23]);
  // Past maxCount: 20 + 3 x 5.
  expect(required(p, { extraBadges: 9 })).toEqual([35, 23]);
  // Whole units only: 2.7 badges are 2.
  expect(required(p, { extraBadges: 2.7 })).toEqual([30, 18]);
  expect(required(p, { extraBadges: -2 })).toEqual([20, 8]);
});

test('a fraction-of-required cap follows the grown requirement', () => {
  const p = made({ caps: [{ id: 'half', label: 'Courses', limit: { fractionOfRequired: 0.4 } }] });
  // 20 required: 8 of 12 count; 30 required (2 badges): 12 of 12.
  const earned = (badges: number) => {
    const r = evaluateLog(p, CELLS, {
      cycleStart: day('2024-01-01'),
      asOf: day('2024-06-01'),
      profile: { extraBadges: badges },
    });
    if (!r.ok) throw new Error(r.message);
    return r.evaluation.earned;
  };
  expect(earned(0)).toBe(8);
  expect(earned(2)).toBe(12);
});

test('pro-rating a first cycle never asks for more than the grown requirement', () => {
  const p = made({
    facts: [
      { id: 'extraBadges', label: 'Extra badges', type: 'number' },
      { id: 'firstCycle', label: 'First cycle', type: 'boolean' },
    ],
    proRating: { creditsPerMonth: 2 },
  });
  // 23 whole months x 2 = 46, above 20 + 2 x 5 = 30: 30.
  expect(required(p, { extraBadges: 2, firstCycle: true })).toEqual([30, 18]);
});

test('the fact must be a declared number fact, and maxCount is required', () => {
  const undeclared = loadProgram({ ...made({}), facts: [] });
  expect(!undeclared.ok && undeclared.message).toMatch(
    /requiredPerFact\.fact: needs a number fact 'extraBadges' declared in facts/,
  );
  const noMax = loadProgram({ ...made({}), requiredPerFact: { fact: 'extraBadges', credits: 5 } } as ProgramInput);
  expect(!noMax.ok && noMax.message).toMatch(/requiredPerFact\.maxCount/);
});
