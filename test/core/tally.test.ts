/**
 * The totals-only pass (evaluateTotals, behind the status cell functions) against the detailed evaluation
 * (evaluateLog, behind the pane and the summary): the same totals and status line on random logs,
 * for every seed program and for made-up programs whose caps, minimums and multipliers overlap.
 */
import fc from 'fast-check';
import {
  evaluateLog,
  loadProgram,
  PROGRAMS,
  serialFromDay,
  evaluateTotals,
  type Program,
  type ProgramInput,
  type Totals,
} from '../../src/core';
import { nismPrograms } from '../../src/core/programs/nism';
import { day } from './helpers';

const HEADER = ['Date', 'Activity', 'Provider', 'Format', 'Hours', 'Self-study hours', 'Subject area', 'Approved', 'Proof', 'Score', 'Grade', 'Location', 'Notes'];
const START = day('2024-01-15');
const RUNS = 400;

/** A cell that is usually valid and sometimes a typing mistake, so problem rows are in the mix. */
function sometimesBad<T>(good: fc.Arbitrary<T>, ...bad: unknown[]): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 12, arbitrary: good }, { weight: 1, arbitrary: fc.constantFrom(...bad) });
}

function rowArbitrary(program: Program) {
  return fc
    .tuple(
      sometimesBad(fc.integer({ min: START - 200, max: START + 4 * 366 }).map(serialFromDay), '2025-13-02', 'yesterday', '', '0025-03-14', 2958466, -1),
      fc.constantFrom('Advanced analytics', 'Basics of posting', 'Governance summit', ''),
      fc.constantFrom('NISM', 'Grovo', 'Grovo Academy', 'HubSpot', 'Acme Learning', ' Acme ', ''),
      sometimesBad(fc.constantFrom(...program.formats.map((f) => f.label), ...program.formats.map((f) => f.id.toUpperCase())), 'Lunch & learn'),
      sometimesBad(fc.integer({ min: 0, max: 48 }).map((q) => q / 4), -2, 'two', '', 1e308, '1e308', 10_000.5),
      sometimesBad(fc.oneof(fc.constant(''), fc.integer({ min: 0, max: 60 })), 1e308, 20_000),
      fc.constantFrom('', 'Social Media Strategy', 'Cooking', ...(program.subjects ?? [])),
      sometimesBad(fc.boolean(), 'maybe'),
      sometimesBad(fc.constantFrom('', 'Certificate', 'Assessment', 'Transcript', 'Assignment; Publication'), 'a photo'),
      sometimesBad(fc.oneof(fc.constant(''), fc.integer({ min: 0, max: 100 })), 140),
      sometimesBad(fc.constantFrom('', 'A', 'C', 'C-', 'F', 'Pass'), 'G'),
      fc.constantFrom('', 'Denver, CO'),
      fc.constantFrom('', 'see email'),
    )
    .map((cells) => [...cells] as unknown[]);
}

function logFor(program: Program, maxLength = 30) {
  return fc.tuple(
    fc.array(rowArbitrary(program), { maxLength }),
    fc.integer({ min: START - 30, max: START + 5 * 366 }),
    fc.record({ carryOverCredits: fc.integer({ min: 0, max: 10 }), firstCycle: fc.boolean() }),
  );
}

function totalsOfEvaluation(program: Program, cells: unknown[][], asOf: number, profile = {}) {
  const result = evaluateLog(program, cells, { cycleStart: START, asOf, profile });
  if (!result.ok) throw new Error(result.message);
  const e = result.evaluation;
  return { keyword: e.status.keyword, line: e.status.line, required: e.required, earned: e.earned, needed: e.needed };
}

function tally(program: Program, cells: unknown[][], asOf: number, profile = {}): Totals {
  const result = evaluateTotals(program, cells, { cycleStart: START, asOf, profile });
  if (!result.ok) throw new Error(result.message);
  return result;
}

function expectSameTotals(program: Program, cells: unknown[][], asOf: number, profile = {}): Totals {
  const t = tally(program, cells, asOf, profile);
  expect({ keyword: t.keyword, line: t.line, required: t.required, earned: t.earned, needed: t.needed }).toEqual(
    totalsOfEvaluation(program, cells, asOf, profile),
  );
  return t;
}

test('every seed program: the same totals and status line as the detailed evaluation', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...PROGRAMS).chain((program) => fc.tuple(fc.constant(program), logFor(program))),
      ([program, [rows, asOf, profile]]) => {
        expectSameTotals(program, [HEADER, ...rows], asOf, profile);
      },
    ),
    { numRuns: RUNS },
  );
});

/** A NISM variant with overlapping caps, minimums (cycle and annual), multipliers and provider rules. */
function overlappingProgram(): Program {
  const base: ProgramInput = nismPrograms[0]!;
  const result = loadProgram({
    ...base,
    id: 'TEST-OVERLAP',
    required: 12,
    perEntryCap: 4,
    caps: [
      { id: 'per-format', label: '{format}', limit: 3, appliesTo: {}, groupBy: 'format', period: 'cycle', exempt: { providerMatches: ['Grovo'] } },
      { id: 'online', label: 'Online, year {year}', limit: { fractionOfRequired: 0.25 }, appliesTo: { formats: ['webinar', 'async', 'sync'] }, period: 'cycleYear' },
    ],
    minimums: [
      { id: 'approved', label: 'approved', credits: 4, filter: { approved: true }, period: 'cycle' },
      { id: 'acme', label: 'Acme', credits: 1, filter: { providerMatches: ['Acme'] }, period: 'cycleYear' },
    ],
    multipliers: [{ label: 'HubSpot bonus', when: { providerMatches: ['HubSpot'] }, factor: 1.5 }],
    carryOver: { maxCredits: 5 },
    proRating: { creditsPerMonth: 0.25 },
    profileFields: ['carryOverCredits', 'firstCycle'],
  });
  if (!result.ok) throw new Error(result.message);
  return result.program;
}

test('overlapping caps, minimums and multipliers: the same totals, by the lean pass or the detailed one', () => {
  const program = overlappingProgram();
  let lean = 0;
  let detailed = 0;
  fc.assert(
    fc.property(logFor(program, 40), ([rows, asOf, profile]) => {
      const t = expectSameTotals(program, [HEADER, ...rows], asOf, profile);
      if (t.inputs) lean++;
      else detailed++;
    }),
    { numRuns: 600 },
  );
  // Both ways were taken: clipping that cannot change a total (most logs), and clipping that can
  // (about 3% of these logs).
  expect(lean).toBeGreaterThan(100);
  expect(detailed).toBeGreaterThan(3);
});

test('an edit outside the columns the totals read never changes the totals', () => {
  const programs = [...PROGRAMS, overlappingProgram()];
  fc.assert(
    fc.property(
      fc.constantFrom(...programs).chain((program) =>
        fc.tuple(fc.constant(program), logFor(program), fc.nat(), fc.nat(), fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(''))),
      ),
      ([program, [rows, asOf, profile], rowPick, columnPick, value]) => {
        fc.pre(rows.length > 0);
        const cells = [HEADER, ...rows];
        const before = tally(program, cells, asOf, profile);
        fc.pre(before.inputs !== undefined);
        const others = HEADER.map((_, c) => c).filter((c) => !before.inputs!.includes(c));
        fc.pre(others.length > 0);
        const edited = cells.map((r) => [...r]);
        edited[1 + (rowPick % rows.length)]![others[columnPick % others.length]!] = value;
        const after = totalsOfEvaluation(program, edited, asOf, profile);
        expect(after).toEqual({ keyword: before.keyword, line: before.line, required: before.required, earned: before.earned, needed: before.needed });
      },
    ),
    { numRuns: RUNS },
  );
});

test('the columns read are named by the header, wherever they sit', () => {
  const nism = PROGRAMS.find((p) => p.id === 'NISM-SMS')!;
  const t = tally(nism, [HEADER, [serialFromDay(START + 10), 'Webinar on analytics', 'Grovo', 'Webinar', 2, '', 'Social Media Strategy', true, 'Certificate', '', '', '', '']], START + 20);
  // Date, Provider (the Grovo exemption), Format, Hours, Self-study hours, Subject area (eligibility),
  // Approved, Proof, Score, Grade; not Activity, Location or Notes.
  expect(t.inputs).toEqual([0, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  expect(t.earned).toBe(2);
});

test('a refused header is the same refusal', () => {
  const nism = PROGRAMS[0]!;
  const result = evaluateTotals(nism, [['When', 'What']], { cycleStart: START, asOf: START });
  const detailed = evaluateLog(nism, [['When', 'What']], { cycleStart: START, asOf: START });
  expect(result.ok).toBe(false);
  expect(result).toEqual(detailed);
});
