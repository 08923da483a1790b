/**
 * functions.js ships the built-in programs without the texts no cell function returns
 * (scripts/slim-programs.js, applied by the build to functions.js only). The proof that this changes
 * nothing a user sees: random logs, profiles and arguments through every cell function, once with the
 * full programs and once with the slimmed ones, give the same values and the same error messages.
 */
import fc from 'fast-check';
import { serialFromDay } from '../../src/core/dates';
import { BUILTIN_PROGRAMS } from '../../src/core/programs/builtin';
import type { Program } from '../../src/core/schema';
import { day, RANDOM_HEADER, RANDOM_START } from '../core/helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { slimPrograms } = require('../../scripts/slim-programs') as {
  slimPrograms: (programs: readonly Program[]) => Program[];
};

type CellFunctions = typeof import('../../src/functions/functions');

/** A fresh copy of the cell functions whose registry holds `programs` as its built-in programs. */
function functionsWith(programs: readonly Program[]): CellFunctions {
  let fns: CellFunctions | undefined;
  jest.isolateModules(() => {
    jest.doMock('../../src/core/programs/builtin', () => ({ BUILTIN_PROGRAMS: programs }));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    fns = require('../../src/functions/functions') as CellFunctions;
  });
  jest.dontMock('../../src/core/programs/builtin');
  return fns!;
}

const SLIM = slimPrograms(BUILTIN_PROGRAMS);
const full = functionsWith(BUILTIN_PROGRAMS);
const slim = functionsWith(SLIM);

const HEADER = [...RANDOM_HEADER, 'Category'];
const START = RANDOM_START;
/** Cycle starts before, between and after the built-in programs' dated rule versions. */
const SHIFTS = [0, day('2019-07-31') - START, day('2026-02-01') - START];

/** Mostly `usual`, now and then `odd` (a bad value: a row problem or an error). */
function rarely<T, U>(usual: fc.Arbitrary<T>, odd: fc.Arbitrary<U>): fc.Arbitrary<T | U> {
  return fc.oneof({ arbitrary: usual, weight: 12 }, { arbitrary: odd, weight: 1 });
}

function rowOf(program: Program) {
  const categories = program.categories.map((c) => c.label);
  return fc
    .tuple(
      fc.integer({ min: START - 400, max: START + 5 * 366 }),
      fc.constantFrom('Advanced analytics', 'Basics of posting', 'Governance summit', 'Kinesiology', ''),
      fc.constantFrom('NISM', 'Grovo', 'HubSpot', 'Acme Learning', 'ISC2', ''),
      rarely(
        fc.constantFrom(...program.formats.flatMap((f) => [f.label, ...f.aliases])),
        fc.constantFrom('Podcast', ''),
      ),
      rarely(
        fc.integer({ min: 1, max: 160 }).map((q) => q / 4),
        fc.constantFrom(0, 'lots'),
      ),
      fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 60 })),
      fc.constantFrom('', 'Social Media Strategy', 'Cooking', ...(program.subjects ?? [])),
      rarely(fc.constantFrom(true, false, 'yes'), fc.constant('maybe')),
      rarely(
        fc.constantFrom('', 'Certificate', 'Assessment', 'Transcript', 'Assignment; Publication'),
        fc.constant('Receipt'),
      ),
      fc.integer({ min: 0, max: 100 }),
      fc.constantFrom('', 'A', 'C', 'C-', 'F'),
      fc.constantFrom('', 'Denver, CO'),
      fc.constantFrom('', 'Astrology', ...categories, categories.slice(0, 2).join('; ')),
      fc.oneof(fc.constant(''), fc.integer({ min: 0, max: 40 })),
    )
    .map(([d, ...rest]) => [d - START, ...rest] as unknown[]);
}

/** Name/value rows as a CE Profile sheet holds them: the program's own facts, the common ones, junk. */
function profileOf(program: Program) {
  const value = fc.oneof(
    fc.constant(''),
    fc.integer({ min: 0, max: 14 }),
    fc.integer({ min: START - 2500, max: START + 9 * 366 }).map(serialFromDay),
    fc.boolean(),
    fc.constantFrom('yes', 'soon', '2025-13-45'),
  );
  const names = [...program.facts.map((f) => f.label), 'Expires', 'Extension granted', 'Favourite colour'];
  return fc.oneof(
    fc.constant(undefined),
    fc.uniqueArray(fc.tuple(fc.constantFrom(...names), value), { selector: ([n]) => n, maxLength: 4 }),
  );
}

function callsFor(program: Program) {
  return fc.record({
    shift: fc.constantFrom(...SHIFTS),
    id: rarely(fc.constantFrom(program.id, program.id.toLowerCase()), fc.constant('NO-SUCH-PROGRAM')),
    rows: fc.array(rowOf(program), { maxLength: 30 }),
    header: rarely(
      fc.constantFrom(HEADER, [...HEADER, 'Credits']),
      fc.constantFrom(HEADER.slice(0, 5), ['Activity', 'Notes']),
    ),
    asOf: rarely(fc.integer({ min: -30, max: 7 * 366 }), fc.constantFrom(null, 'not a date')),
    profile: profileOf(program),
    format: fc.constantFrom(...program.formats.map((f) => f.label), 'Podcast', '', null, 7),
    hours: fc.oneof(fc.double({ min: 0, max: 50, noNaN: true }), fc.constantFrom(-1, 'abc', null)),
    selfStudy: fc.oneof(fc.integer({ min: 0, max: 30 }), fc.constant(null)),
  });
}

interface Call {
  /** Days from START to the cycle start; row dates and a numeric asOf are days from the cycle start. */
  shift: number;
  id: string;
  rows: unknown[][];
  header: string[];
  asOf: unknown;
  profile: [string, unknown][] | undefined;
  format: unknown;
  hours: unknown;
  selfStudy: unknown;
}

/** What a call shows in its cell: the value, or the error's code and message. */
function shown(call: () => unknown): unknown {
  try {
    return { value: call() };
  } catch (e) {
    const error = e as { code?: string; message?: string };
    return { error: error.code, message: error.message };
  }
}

/** Every cell function on one set of arguments. */
function outputs(fns: CellFunctions, c: Call): unknown[] {
  const at = (days: number) => serialFromDay(START + c.shift + days);
  const start = at(0);
  const asOf = typeof c.asOf === 'number' ? at(c.asOf) : c.asOf;
  const rows = c.rows.map(([d, ...rest]) => [at(d as number), ...rest]);
  const log = [c.header, ...rows.map((r) => r.slice(0, c.header.length))];
  const profile = c.profile as unknown[][] | undefined;
  return [
    shown(() => fns.ceCredits(c.id, c.format, c.hours, c.selfStudy)),
    shown(() => fns.recertStatus(c.id, start, log, asOf, profile)),
    shown(() => fns.creditsEarned(c.id, start, log, asOf, profile)),
    shown(() => fns.creditsNeeded(c.id, start, log, asOf, profile)),
    shown(() => fns.recertDeadline(c.id, start, profile)),
  ];
}

describe('every cell function answers the same with the slimmed built-in programs as with the full ones', () => {
  test.each(BUILTIN_PROGRAMS.map((p) => [p.id, p] as const))('%s', (_id, program) => {
    fc.assert(
      fc.property(callsFor(program), (c) => {
        expect(outputs(slim, c)).toEqual(outputs(full, c));
      }),
      { numRuns: 200 },
    );
  });

  test('the random calls reach the lines that matter: met logs with open items, phases, and errors', () => {
    const seen = new Set<string>();
    for (const program of BUILTIN_PROGRAMS) {
      for (const c of fc.sample(callsFor(program), { numRuns: 60, seed: 12 })) {
        for (const out of outputs(full, c) as { value?: unknown; message?: string }[]) {
          const text = String(out.value ?? out.message ?? '');
          if (/open$/.test(text)) seen.add('open items');
          if (/^(GRACE|LAPSED|EXPIRED):/.test(text)) seen.add('phase');
          if (/ more .* needed by /.test(text)) seen.add('minimum');
          if (/is not one of the .* formats/.test(text)) seen.add('format help');
          if (/^profile: /.test(text)) seen.add('profile');
        }
      }
    }
    expect([...seen].sort()).toEqual(['format help', 'minimum', 'open items', 'phase', 'profile']);
  });
});

test('slimming only texts that reach an output is noticed: the comparison can fail', () => {
  // Over-slimmed: the phase summaries and minimum labels, which status lines quote, emptied too.
  const over = functionsWith(
    SLIM.map((p) => ({
      ...p,
      minimums: p.minimums.map((m) => ({ ...m, label: '' })),
      cycle: { ...p.cycle, phases: p.cycle.phases.map((ph) => ({ ...ph, summary: '' })) },
    })),
  );
  let differs = 0;
  for (const program of BUILTIN_PROGRAMS) {
    for (const c of fc.sample(callsFor(program), { numRuns: 30, seed: 7 })) {
      if (JSON.stringify(outputs(over, c)) !== JSON.stringify(outputs(full, c))) differs++;
    }
  }
  expect(differs).toBeGreaterThan(0);
});

test('the slimmed programs hold no sources, notes or help, and far less text', () => {
  const text = JSON.stringify(SLIM);
  for (const program of BUILTIN_PROGRAMS) {
    for (const source of program.sources) expect(text).not.toContain(source);
    for (const f of program.formats) if (f.hoursHelp) expect(text).not.toContain(f.hoursHelp);
  }
  expect(text.length).toBeLessThan(JSON.stringify(BUILTIN_PROGRAMS).length * 0.75);
  // The data the engine reads is all there: same ids, formats and rules.
  SLIM.forEach((p, i) => {
    const whole = BUILTIN_PROGRAMS[i]!;
    expect(p.id).toBe(whole.id);
    expect(p.formats.map((f) => [f.id, f.label, f.aliases, f.perHour])).toEqual(
      whole.formats.map((f) => [f.id, f.label, f.aliases, f.perHour]),
    );
    expect(p.cycle.phases.map((ph) => ph.summary)).toEqual(whole.cycle.phases.map((ph) => ph.summary));
  });
});
