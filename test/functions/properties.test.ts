/**
 * Whatever Excel hands them, the cell functions return a finite number or text, or raise an Excel
 * error with a message — nothing else (issue: reliability). 2,000 generated cases per function.
 */
import fc from 'fast-check';
import { ceCredits, creditsEarned, creditsNeeded, recertDeadline, recertStatus } from '../../src/functions/functions';
import { CellError } from '../../src/functions/errors';
import { PROGRAMS } from '../../src/core';

const RUNS = 2000;

const excelNumber = fc.oneof(
  fc.double(),
  fc.constantFrom(0, -0, NaN, Infinity, -Infinity, 1e308, -1e308, 5e-324, 60, 45000, 2958466),
  fc.integer({ min: -100000, max: 3_000_000 }),
);
const excelText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom(
    '',
    ' ',
    '\t',
    '=1+1',
    '+SUM(A1)',
    '-2',
    '@x',
    '1,5',
    '1,000',
    '50%',
    '12%',
    ' 3 ',
    '2025-02-29',
    '2025-03-14',
    'TRUE',
    '#N/A',
    'x'.repeat(5000),
  ),
  fc.constantFrom(...PROGRAMS.map((p) => p.id), 'nism-sms', ' acsm-cpt ', 'NISM'),
  fc.constantFrom(...PROGRAMS.flatMap((p) => p.formats.map((f) => f.label))),
);
const excelScalar = fc.oneof(excelNumber, excelText, fc.boolean(), fc.constant(null));
const excelRange = fc.oneof(
  fc.array(fc.array(excelScalar, { maxLength: 8 }), { maxLength: 8 }),
  fc.array(excelScalar, { maxLength: 4 }).map((header) => [['Date', 'Format', 'Hours', ...header.map(String)]]),
  fc
    .array(fc.tuple(excelScalar, excelScalar, excelScalar, excelScalar, excelScalar), { maxLength: 12 })
    .map((rows) => [['Date', 'Format', 'Hours', 'Self-study hours', 'Proof'], ...rows]),
);
const excelArgument = fc.oneof(excelScalar, excelRange);

function outcome(call: () => unknown): void {
  let result: unknown;
  try {
    result = call();
  } catch (e) {
    expect(e).toBeInstanceOf(CellError);
    expect((e as CellError).message.length).toBeGreaterThan(5);
    expect(['#VALUE!', '#NUM!']).toContain((e as CellError).code);
    return;
  }
  if (typeof result === 'number') expect(Number.isFinite(result)).toBe(true);
  else expect(typeof result).toBe('string');
}

test('CE_CREDITS', () => {
  fc.assert(
    fc.property(excelArgument, excelArgument, excelArgument, fc.option(excelArgument), (p, f, h, s) =>
      outcome(() => ceCredits(p, f, h, s)),
    ),
    { numRuns: RUNS },
  );
});

test('RECERT_DEADLINE', () => {
  fc.assert(
    fc.property(excelArgument, excelArgument, (p, c) => outcome(() => recertDeadline(p, c))),
    { numRuns: RUNS },
  );
});

const statusFunctions: [string, (p: unknown, c: unknown, l: unknown[][], a?: unknown) => unknown][] = [
  ['RECERT_STATUS', recertStatus],
  ['CREDITS_EARNED', creditsEarned],
  ['CREDITS_NEEDED', creditsNeeded],
];

test.each(statusFunctions)('%s', (_name, fn) => {
  // Mostly valid program and cycle start, so that the log itself is what varies.
  const program = fc.oneof(fc.constantFrom(...PROGRAMS.map((p) => p.id)), excelArgument);
  const date = fc.oneof(fc.integer({ min: 40000, max: 50000 }), excelArgument);
  fc.assert(
    fc.property(program, date, excelRange, fc.option(date), (p, c, l, a) =>
      outcome(() => fn(p, c, l as unknown[][], a)),
    ),
    { numRuns: RUNS },
  );
});
