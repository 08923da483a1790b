/**
 * RECERT_STATUS counts the open checklist items without the whole explanation (evaluateActionLine:
 * the entries' verdicts, not their reasons, hints or row fates), so that functions.js need not carry
 * the explanation. The proof that it says what the pane says: random logs of every built-in program,
 * met and not, give the same line as `evaluateLog`'s status.actionLine, and the same refusal.
 */
import fc from 'fast-check';
import { evaluateActionLine, evaluateLog } from '../../src/core/evaluate';
import { serialFromDay } from '../../src/core/dates';
import { BUILTIN_PROGRAMS } from '../../src/core/programs/builtin';
import type { Program } from '../../src/core/schema';
import { RANDOM_HEADER, RANDOM_START } from '../core/helpers';

const HEADER = [...RANDOM_HEADER.slice(0, 11), 'Category'];
const START = RANDOM_START;

function rowOf(program: Program) {
  const categories = program.categories.map((c) => c.label);
  return fc.tuple(
    // Mostly inside a two- to five-year cycle; some before it (carry-over, outside the window) or planned.
    fc.integer({ min: -400, max: 5 * 366 }).map((d) => serialFromDay(START + d)),
    fc.constantFrom('Advanced analytics', 'Basics of posting', 'Intro to ethics', 'Governance summit', ''),
    fc.constantFrom('NISM', 'Grovo', 'HubSpot', 'ISC2', 'PMI', ''),
    fc.constantFrom(...program.formats.flatMap((f) => [f.label, ...f.aliases.slice(0, 1)]), 'Podcast', ''),
    fc.oneof(
      fc.integer({ min: 1, max: 80 }).map((q) => q / 2),
      fc.constantFrom(0, 'lots'),
    ),
    fc.oneof(fc.constant(''), fc.integer({ min: 0, max: 40 })),
    fc.constantFrom('', 'Cooking', ...(program.subjects ?? []).slice(0, 3)),
    fc.constantFrom(true, false, '', 'maybe'),
    fc.constantFrom('', 'Certificate', 'Assessment', 'Transcript', 'Assignment; Publication'),
    fc.oneof(fc.constant(''), fc.integer({ min: 0, max: 100 })),
    fc.constantFrom('', 'A', 'C', 'C-', 'F'),
    fc.constantFrom('', 'Astrology', ...categories, categories.slice(0, 2).join('; ')),
  );
}

function casesFor(program: Program) {
  return fc.record({
    rows: fc.array(rowOf(program), { maxLength: 40 }),
    columns: fc.constantFrom(HEADER.length, 9, 5),
    asOf: fc.integer({ min: -30, max: 7 * 366 }),
  });
}

function lines(program: Program, c: { rows: unknown[][]; columns: number; asOf: number }) {
  const cells = [HEADER.slice(0, c.columns), ...c.rows.map((r) => r.slice(0, c.columns))];
  const options = { cycleStart: START, asOf: START + c.asOf };
  const light = evaluateActionLine(program, cells, options);
  const full = evaluateLog(program, cells, options);
  return {
    light: light.ok ? light.line : light.message,
    full: full.ok ? full.evaluation.status.actionLine : full.message,
  };
}

describe('RECERT_STATUS counts the open items as the pane does', () => {
  test.each(BUILTIN_PROGRAMS.map((p) => [p.id, p] as const))('%s', (_id, program) => {
    fc.assert(
      fc.property(casesFor(program), (c) => {
        const { light, full } = lines(program, c);
        expect(light).toBe(full);
      }),
      { numRuns: 150 },
    );
  });

  test('the random logs reach met logs with several different counts of open items', () => {
    const counts = new Set<string>();
    let inProgress = 0;
    for (const program of BUILTIN_PROGRAMS) {
      for (const c of fc.sample(casesFor(program), { numRuns: 80, seed: 5 })) {
        const { full } = lines(program, c);
        const open = /; (\d+) items? open$/.exec(full);
        if (open) counts.add(open[1]!);
        if (/^IN PROGRESS:/.test(full)) inProgress++;
      }
    }
    // (A met log with nothing open: functions.test.ts, "RECERT_STATUS with the requirements met".)
    expect(counts.size).toBeGreaterThanOrEqual(3);
    expect(inProgress).toBeGreaterThan(0);
  });
});
