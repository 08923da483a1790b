/** Invariants of the rules over random valid logs, for every program. */
import fc from 'fast-check';
import {
  evaluateLog,
  loadProgram,
  PROGRAMS,
  serialFromDay,
  evaluateTotals,
  type Evaluation,
  type Program,
  type StatusKeyword,
} from '../../src/core';
import { RANDOM_HEADER, RANDOM_START, validRow } from './helpers';

const HEADER = RANDOM_HEADER;
const START = RANDOM_START;

const rowArbitrary = validRow;

const programAndRows = fc
  .constantFrom(...PROGRAMS)
  .chain((program) =>
    fc.tuple(
      fc.constant(program),
      fc.array(rowArbitrary(program), { maxLength: 25 }),
      fc.integer({ min: START - 30, max: START + 5 * 366 }),
    ),
  );

function evaluate(program: Program, rows: unknown[][], asOf: number): Evaluation {
  // A birth month for the programs whose cycle ends in it (issue 13); the others ignore the fact.
  const profile = { attestations: {}, birthMonth: 6 };
  const result = evaluateLog(program, [HEADER, ...rows], { cycleStart: START, asOf, profile });
  if (!result.ok) throw new Error(result.message);
  return result.evaluation;
}

const RUNS = 300;

test('adding an activity never lowers the counted credits', () => {
  fc.assert(
    fc.property(programAndRows, ([program, rows, asOf]) => {
      fc.pre(rows.length > 0);
      const without = evaluate(program, rows.slice(1), asOf);
      const withIt = evaluate(program, rows, asOf);
      expect(withIt.earned).toBeGreaterThanOrEqual(without.earned);
    }),
    { numRuns: RUNS },
  );
});

test('counted never exceeds claimed, per entry and in total', () => {
  fc.assert(
    fc.property(programAndRows, ([program, rows, asOf]) => {
      const ev = evaluate(program, rows, asOf);
      for (const e of ev.entries) {
        expect(e.counted).toBeLessThanOrEqual(e.claimed);
        expect(e.counted).toBeGreaterThanOrEqual(0);
      }
      expect(ev.earned).toBeLessThanOrEqual(ev.claimed + ev.carriedOver);
    }),
    { numRuns: RUNS },
  );
});

test('needed is 0 exactly when the total and every minimum are met', () => {
  fc.assert(
    fc.property(programAndRows, ([program, rows, asOf]) => {
      const ev = evaluate(program, rows, asOf);
      const met = ev.earned >= ev.required && ev.minimums.every((m) => m.shortfall === 0);
      expect(ev.needed === 0).toBe(met);
      expect(ev.needed).toBeGreaterThanOrEqual(0);
    }),
    { numRuns: RUNS },
  );
});

const ORDER: StatusKeyword[] = ['IN PROGRESS', 'COMPLETE', 'READY', 'GRACE', 'LAPSED', 'EXPIRED'];

test('moving asOf forward never moves the status backward within a cycle', () => {
  fc.assert(
    fc.property(programAndRows, fc.integer({ min: 0, max: 800 }), ([program, rows, asOf], later) => {
      const before = evaluate(program, rows, asOf).status.keyword;
      const after = evaluate(program, rows, asOf + later).status.keyword;
      expect(ORDER.indexOf(after)).toBeGreaterThanOrEqual(ORDER.indexOf(before));
    }),
    { numRuns: RUNS },
  );
});

test('row order never changes the totals or the status', () => {
  fc.assert(
    fc.property(programAndRows, fc.nat(), ([program, rows, asOf], seed) => {
      const shuffled = [...rows];
      let s = seed;
      for (let i = shuffled.length - 1; i > 0; i--) {
        s = (s * 1103515245 + 12345) % 2147483648;
        const j = s % (i + 1);
        [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
      }
      const a = evaluate(program, rows, asOf);
      const b = evaluate(program, shuffled, asOf);
      expect([b.earned, b.claimed, b.needed, b.atRisk, b.status.line]).toEqual([
        a.earned,
        a.claimed,
        a.needed,
        a.atRisk,
        a.status.line,
      ]);
      const byCap = (ev: typeof a) => ev.caps.map((c) => `${c.label}:${c.counted}/${c.claimed}`);
      expect(byCap(b)).toEqual(byCap(a));
    }),
    { numRuns: RUNS },
  );
});

/** Numbers a cell can hold that no activity has: huge, tiny, infinite, not a number, as numbers and as text. */
const hostileNumber = fc.oneof(
  fc.double(),
  fc.constantFrom(
    1e308,
    Number.MAX_VALUE,
    5e-324,
    1e-320,
    -0,
    10_000,
    10_000.000001,
    1e6,
    2_958_466,
    -1,
    Infinity,
    -Infinity,
    NaN,
  ),
  fc.constantFrom('1e308', '1e309', '-1e308', '99999999999999999999', '1e-400', 'Infinity', 'NaN'),
  fc.double({ min: 0, max: 12, noNaN: true }),
);

/** A made-up program at the edge of what the schema allows: one entry can earn the most any may. */
function edgeProgram(): Program {
  const base = PROGRAMS[0]!;
  const result = loadProgram({
    ...base,
    id: 'TEST-EDGE',
    perEntryCap: undefined,
    entryLimits: { hours: 1_000_000, selfStudyHours: 1_000_000 },
    formats: [{ id: 'webinar', label: 'Webinar', perHour: 500, perSelfStudyHour: 500 }],
    defaultFormat: 'webinar',
    caps: [],
    minimums: [{ id: 'all', label: 'any', credits: 1_000_000, filter: {} }],
    multipliers: [],
    eligibility: [],
    atRisk: [],
    checklist: [],
    versions: [],
  });
  if (!result.ok) throw new Error(result.message);
  return result.program;
}

test('totals are always finite and the status line never says Infinity or NaN, whatever numbers the cells hold', () => {
  const programs = [...PROGRAMS, edgeProgram()];
  const hostileRow = (program: Program) =>
    fc.tuple(
      fc.oneof(fc.integer({ min: START - 20, max: START + 3 * 366 }).map(serialFromDay), hostileNumber),
      fc.constant('Activity'),
      fc.constant(''),
      fc.constantFrom(...program.formats.map((f) => f.label)),
      fc.oneof(hostileNumber, fc.constant(1_000_000)),
      hostileNumber,
      fc.constant(''),
      fc.boolean(),
      fc.constant('Certificate'),
      hostileNumber,
      fc.constant('A'),
      fc.constant('Denver, CO'),
    );
  fc.assert(
    fc.property(
      fc
        .constantFrom(...programs)
        .chain((program) =>
          fc.tuple(
            fc.constant(program),
            fc.array(hostileRow(program), { maxLength: 30 }),
            fc.integer({ min: START, max: START + 4 * 366 }),
            fc.oneof(fc.double(), fc.constant(1e308)),
          ),
        ),
      ([program, rows, asOf, carry]) => {
        const options = { cycleStart: START, asOf, profile: { carryOverCredits: carry, birthMonth: 6 } };
        const detailed = evaluateLog(program, [HEADER, ...rows], options);
        const lean = evaluateTotals(program, [HEADER, ...rows], options);
        if (!detailed.ok || !lean.ok) throw new Error('log refused');
        const ev = detailed.evaluation;
        const numbers = [
          ev.earned,
          ev.claimed,
          ev.needed,
          ev.required,
          ev.atRisk,
          ev.carriedOver,
          ...ev.entries.flatMap((e) => [e.raw, e.claimed, e.counted]),
          ...ev.minimums.flatMap((m) => [m.required, m.counted, m.shortfall]),
          ...ev.categories.flatMap((c) => [c.claimed, c.counted, c.clipped]),
          ...ev.caps.flatMap((c) => [c.limit, c.claimed, c.counted, c.clipped]),
          lean.earned,
          lean.needed,
          lean.required,
        ];
        expect(numbers.filter((n) => !Number.isFinite(n))).toEqual([]);
        for (const line of [ev.status.line, lean.line]) expect(line).not.toMatch(/Infinity|NaN/);
        expect([lean.earned, lean.needed]).toEqual([ev.earned, ev.needed]);
      },
    ),
    { numRuns: RUNS },
  );
});
