/**
 * A format's credit rule (what CE_CREDITS and the pass compute credits with) gives exactly the
 * credits of the program's rules: the conversion, the per-entry cap and the rounding.
 */
import fc from 'fast-check';
import { creditRule, creditsByRule, creditsFor, entryCredits } from '../../src/core/credits';
import { PROGRAMS } from '../../src/core/programs';
import { loadProgram } from '../../src/core/programs/load';
import { nismPrograms } from '../../src/core/programs/nism';

test('every built-in format: the rule gives the credits creditsFor gives', () => {
  const formats = PROGRAMS.flatMap((p) => p.formats.map((f) => [p, f] as const));
  fc.assert(
    fc.property(
      fc.constantFrom(...formats),
      fc.double({ min: 0, max: 200, noNaN: true }),
      fc.double({ min: 0, max: 200, noNaN: true }),
      ([program, format], hours, selfStudy) => {
        const rule = creditRule(program, format);
        expect(rule.multiplied).toBe(program.multipliers.length > 0);
        expect(creditsByRule(rule, hours, selfStudy)).toBe(creditsFor(program, format, hours, selfStudy).credits);
      },
    ),
    { numRuns: 2000 },
  );
});

test('a rule knows its cap and rounding, and says when multipliers need the entry', () => {
  const loaded = loadProgram({
    ...nismPrograms[0]!,
    id: 'TEST-RULE',
    rounding: { step: 0.25, mode: 'floor' },
    multipliers: [{ label: 'Double', when: { approved: true }, factor: 2 }],
  });
  if (!loaded.ok) throw new Error(loaded.message);
  const program = loaded.program;
  const webinar = program.formats.find((f) => f.id === 'webinar')!;
  const rule = creditRule(program, webinar);
  expect(rule).toBe(creditRule(program, webinar));
  expect(rule).toMatchObject({ cap: 5, step: 0.25, mode: 'floor', scale: 100, multiplied: true });
  // Without the entry the rule is the conversion alone; entryCredits applies a multiplier only for an entry it fits.
  expect(creditsByRule(rule, 1.9, 0)).toBe(1.75);
  expect(entryCredits(program, webinar, 1.9, 0, { formatId: 'webinar', approved: true, provider: '' })).toBe(3.75);
  expect(creditsByRule(rule, 9, 0)).toBe(5);
});
