/**
 * evaluateLogInSteps: the same result as evaluateLog on random logs, whatever the chunk size and the
 * sheet row of the header; pauses about once per chunk; progress from 0 to every row; a cancelled
 * signal stops it at the next pause. Behaviour only: nothing here measures time.
 */
import fc from 'fast-check';
import {
  DEFAULT_STEP_ROWS,
  evaluateLog,
  evaluateLogInSteps,
  isCancelled,
  PROGRAMS,
  serialFromDay,
  type EvaluateOptions,
  type Program,
} from '../../src/core';
import { day, program, RANDOM_HEADER, RANDOM_START, validRow } from './helpers';

const HEADER = RANDOM_HEADER;
const START = RANDOM_START;

/** Valid rows as in the invariants, plus blank rows and rows with problems, so row numbers matter. */
function rowArbitrary(p: Program) {
  const valid = validRow(p);
  const blank = fc.constant(HEADER.map(() => ''));
  const bad = fc
    .tuple(fc.constantFrom('not a date', '', '2024-13-45'), fc.constantFrom(-1, 'lots', ''))
    .map(([d, h]) => [d, 'Bad row', 'NISM', 'Webinar', h, '', '', 'maybe', 'Postcard', 140, 'Z', '']);
  return fc.oneof({ weight: 8, arbitrary: valid }, { weight: 1, arbitrary: blank }, { weight: 1, arbitrary: bad });
}

const cases = fc.constantFrom(...PROGRAMS).chain((p) =>
  fc.record({
    program: fc.constant(p),
    rows: fc.array(rowArbitrary(p), { maxLength: 40 }),
    asOf: fc.integer({ min: START - 30, max: START + 5 * 366 }),
    firstRow: fc.integer({ min: 1, max: 50 }),
    chunkRows: fc.integer({ min: 1, max: 12 }),
  }),
);

test('gives a result deep-equal to evaluateLog on random logs, for any chunk size and header row', async () => {
  await fc.assert(
    fc.asyncProperty(cases, async ({ program: p, rows, asOf, firstRow, chunkRows }) => {
      const cells = [HEADER, ...rows];
      // A birth month for the programs whose cycle ends in it (issue 13); the others ignore the fact.
      const options: EvaluateOptions = { cycleStart: START, asOf, firstRow, profile: { birthMonth: 6 } };
      let pauses = 0;
      const stepped = await evaluateLogInSteps(p, cells, options, { pause: async () => void pauses++, chunkRows });
      expect(stepped).toEqual(evaluateLog(p, cells, options));
      // About once per chunk of rows, a few more between the passes over all the entries, and one after
      // each group a cap clips (sorting a big group in fill order is the longest step).
      const chunks = Math.ceil(rows.length / chunkRows);
      const clipped = stepped.ok ? stepped.evaluation.caps.filter((c) => c.clipped > 0).length : 0;
      expect(pauses).toBeGreaterThanOrEqual(Math.max(0, chunks - 1));
      expect(pauses).toBeLessThanOrEqual(chunks + 6 + clipped);
    }),
    { numRuns: 300 },
  );
});

const nism = program('NISM-SMS');
const asOf = day('2026-01-01');

function nismLog(n: number): unknown[][] {
  const formats = nism.formats.map((f) => f.label);
  return [
    HEADER,
    ...Array.from({ length: n }, (_, i) => [
      serialFromDay(START + (i % 700)),
      `Activity ${i}`,
      i % 3 ? 'Other' : 'NISM',
      formats[i % formats.length],
      (i % 4) + 0.5,
      '',
      '',
      i % 2 === 0,
      'Certificate',
      '',
      '',
      '',
    ]),
  ];
}

test(`pauses about once per ${DEFAULT_STEP_ROWS.toLocaleString('en-US')} rows by default, and reports progress from 0 to every row`, async () => {
  const cells = nismLog(10_000);
  let pauses = 0;
  const progress: [number, number][] = [];
  const result = await evaluateLogInSteps(
    nism,
    cells,
    { cycleStart: START, asOf },
    { pause: async () => void pauses++, onProgress: (done, total) => progress.push([done, total]) },
  );
  expect(result).toEqual(evaluateLog(nism, cells, { cycleStart: START, asOf }));
  expect(pauses).toBeGreaterThanOrEqual(10_000 / DEFAULT_STEP_ROWS - 1);
  const clipped = result.ok ? result.evaluation.caps.filter((c) => c.clipped > 0).length : 0;
  expect(clipped).toBeGreaterThan(0);
  expect(pauses).toBeLessThanOrEqual(10_000 / DEFAULT_STEP_ROWS + 6 + clipped);
  expect(progress[0]).toEqual([0, 10_000]);
  expect(progress[progress.length - 1]).toEqual([10_000, 10_000]);
  expect(progress.length).toBe(10_000 / DEFAULT_STEP_ROWS + 1);
  for (let i = 1; i < progress.length; i++) expect(progress[i]![0]).toBeGreaterThan(progress[i - 1]![0]);
});

test('a log of one chunk or less is never paused', async () => {
  const cells = nismLog(50);
  const pause = jest.fn(async () => undefined);
  const result = await evaluateLogInSteps(nism, cells, { cycleStart: START, asOf }, { pause, chunkRows: 50 });
  expect(result.ok).toBe(true);
  expect(pause).not.toHaveBeenCalled();
});

test('stops at the next pause once its signal is cancelled, and says so', async () => {
  const cells = nismLog(100);
  const signal = { cancelled: false };
  let pauses = 0;
  const progress: number[] = [];
  const result = await evaluateLogInSteps(
    nism,
    cells,
    { cycleStart: START, asOf },
    {
      chunkRows: 10,
      signal,
      onProgress: (done) => progress.push(done),
      pause: async () => {
        if (++pauses === 3) signal.cancelled = true;
      },
    },
  );
  expect(isCancelled(result)).toBe(true);
  expect(result.ok).toBe(false);
  expect(pauses).toBe(3);
  expect(progress).toEqual([0, 10, 20, 30]);
  // Already cancelled: nothing is done at all.
  const before = await evaluateLogInSteps(
    nism,
    cells,
    { cycleStart: START, asOf },
    { pause: async () => undefined, signal: { cancelled: true }, onProgress: () => progress.push(-1) },
  );
  expect(isCancelled(before)).toBe(true);
  expect(progress).not.toContain(-1);
});

test('a log it cannot read gives the same message as evaluateLog', async () => {
  const pause = async () => undefined;
  for (const cells of [
    [],
    [[]],
    [
      ['Activity', 'Provider'],
      ['x', 'y'],
    ],
    [[45_000, 'x', 2]],
  ]) {
    const stepped = await evaluateLogInSteps(nism, cells, { cycleStart: START, asOf }, { pause, chunkRows: 1 });
    expect(stepped).toEqual(evaluateLog(nism, cells, { cycleStart: START, asOf }));
    expect(stepped.ok).toBe(false);
  }
});
