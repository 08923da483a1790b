/**
 * One evaluation path: the status cell functions and the Evaluation (pane, summary, command line) get
 * their totals from the same pass (src/core/pass.ts), and nothing else in src computes a status or a
 * minimum. Also what the totals-only use of the pass reads (the columns its totals depend on) and where
 * it may skip the fill order of a cap.
 */
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import {
  evaluateLog,
  evaluateLogInSteps,
  evaluateTotals,
  loadProgram,
  PROGRAMS,
  serialFromDay,
  type Program,
  type ProgramInput,
  type Totals,
} from '../../src/core';
import * as status from '../../src/core/status';
import { nismPrograms } from '../../src/core/programs/nism';
import { creditsEarned, creditsNeeded, recertStatus } from '../../src/functions/functions';
import { day, RANDOM_HEADER, RANDOM_START } from './helpers';

const HEADER = [...RANDOM_HEADER, 'Notes'];
const START = RANDOM_START;
const RUNS = 400;

/** A cell that is usually valid and sometimes a typing mistake, so problem rows are in the mix. */
function sometimesBad<T>(good: fc.Arbitrary<T>, ...bad: unknown[]): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 12, arbitrary: good }, { weight: 1, arbitrary: fc.constantFrom(...bad) });
}

function rowArbitrary(program: Program) {
  return fc
    .tuple(
      sometimesBad(
        fc.integer({ min: START - 200, max: START + 4 * 366 }).map(serialFromDay),
        '2025-13-02',
        'yesterday',
        '',
        '0025-03-14',
        2958466,
        -1,
      ),
      fc.constantFrom('Advanced analytics', 'Basics of posting', 'Governance summit', ''),
      fc.constantFrom('NISM', 'Grovo', 'Grovo Academy', 'HubSpot', 'Acme Learning', ' Acme ', ''),
      sometimesBad(
        fc.constantFrom(...program.formats.map((f) => f.label), ...program.formats.map((f) => f.id.toUpperCase())),
        'Lunch & learn',
      ),
      sometimesBad(
        fc.integer({ min: 0, max: 48 }).map((q) => q / 4),
        -2,
        'two',
        '',
        1e308,
        '1e308',
        10_000.5,
      ),
      sometimesBad(fc.oneof(fc.constant(''), fc.integer({ min: 0, max: 60 })), 1e308, 20_000),
      fc.constantFrom('', 'Social Media Strategy', 'Cooking', ...(program.subjects ?? [])),
      sometimesBad(fc.boolean(), 'maybe'),
      sometimesBad(
        fc.constantFrom('', 'Certificate', 'Assessment', 'Transcript', 'Assignment; Publication'),
        'a photo',
      ),
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
    fc.record({
      carryOverCredits: fc.integer({ min: 0, max: 10 }),
      firstCycle: fc.boolean(),
      birthMonth: fc.constant(6),
    }),
  );
}

function totalsOfEvaluation(program: Program, cells: unknown[][], asOf: number, profile = {}) {
  const result = evaluateLog(program, cells, { cycleStart: START, asOf, profile });
  if (!result.ok) throw new Error(result.message);
  const e = result.evaluation;
  return { keyword: e.status.keyword, line: e.status.line, required: e.required, earned: e.earned, needed: e.needed };
}

function totalsOnly(program: Program, cells: unknown[][], asOf: number, profile = {}): Totals {
  const result = evaluateTotals(program, cells, { cycleStart: START, asOf, profile });
  if (!result.ok) throw new Error(result.message);
  return result;
}

function expectSameTotals(program: Program, cells: unknown[][], asOf: number, profile = {}): Totals {
  const t = totalsOnly(program, cells, asOf, profile);
  expect({ keyword: t.keyword, line: t.line, required: t.required, earned: t.earned, needed: t.needed }).toEqual(
    totalsOfEvaluation(program, cells, asOf, profile),
  );
  return t;
}

/** A NISM variant with overlapping caps, minimums (cycle and annual), multipliers and provider rules. */
function overlappingProgram(): Program {
  const base: ProgramInput = nismPrograms[0]!;
  const result = loadProgram({
    ...base,
    id: 'TEST-OVERLAP',
    required: 12,
    perEntryCap: 4,
    caps: [
      {
        id: 'per-format',
        label: '{format}',
        limit: 3,
        appliesTo: {},
        groupBy: 'format',
        period: 'cycle',
        exempt: { providerMatches: ['Grovo'] },
      },
      {
        id: 'online',
        label: 'Online, year {year}',
        limit: { fractionOfRequired: 0.25 },
        appliesTo: { formats: ['webinar', 'async', 'sync'] },
        period: 'cycleYear',
      },
    ],
    minimums: [
      { id: 'approved', label: 'approved', credits: 4, filter: { approved: true }, period: 'cycle' },
      { id: 'acme', label: 'Acme', credits: 1, filter: { providerMatches: ['Acme'] }, period: 'cycleYear' },
    ],
    multipliers: [{ label: 'HubSpot bonus', when: { providerMatches: ['HubSpot'] }, factor: 1.5 }],
    carryOver: { maxCredits: 5 },
    proRating: { creditsPerMonth: 0.25 },
    facts: [
      { id: 'carryOverCredits', label: 'Carry-over credits', type: 'number' },
      { id: 'firstCycle', label: 'First cycle', type: 'boolean' },
    ],
  });
  if (!result.ok) throw new Error(result.message);
  return result.program;
}

test('a cap fills in row order only where the fill order cannot change a total', () => {
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
  // Both ways were taken: groups whose entries agree downstream, filled in row order (most logs), and
  // groups sorted in fill order because which entries are clipped changes a total (a few percent).
  expect(lean).toBeGreaterThan(100);
  expect(detailed).toBeGreaterThan(3);
});

test('a row that could carry over but is dated after asOf counts in neither path (asOf before the cycle start)', () => {
  const isc2 = PROGRAMS.find((p) => p.id === 'ISC2-CISSP')!;
  const row = (iso: string) => [serialFromDay(day(iso)), 'Advanced analytics', 'NISM', 'Education course', 0.25];
  const cells = [HEADER, row('2023-12-17')];
  // In the last 6 months before the cycle start (2024-01-15), but two days after asOf.
  const t = expectSameTotals(isc2, cells, day('2023-12-15'));
  expect(t.earned).toBe(0);
  // Dated by asOf, it carries over in both.
  expect(expectSameTotals(isc2, [HEADER, row('2023-12-14')], day('2023-12-15')).earned).toBe(0.25);
});

test('an edit outside the columns the totals read never changes the totals', () => {
  const programs = [...PROGRAMS, overlappingProgram()];
  fc.assert(
    fc.property(
      fc
        .constantFrom(...programs)
        .chain((program) =>
          fc.tuple(
            fc.constant(program),
            logFor(program),
            fc.nat(),
            fc.nat(),
            fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant('')),
          ),
        ),
      ([program, [rows, asOf, profile], rowPick, columnPick, value]) => {
        fc.pre(rows.length > 0);
        const cells = [HEADER, ...rows];
        const before = totalsOnly(program, cells, asOf, profile);
        fc.pre(before.inputs !== undefined);
        const others = HEADER.map((_, c) => c).filter((c) => !before.inputs!.includes(c));
        fc.pre(others.length > 0);
        const edited = cells.map((r) => [...r]);
        edited[1 + (rowPick % rows.length)]![others[columnPick % others.length]!] = value;
        const after = totalsOfEvaluation(program, edited, asOf, profile);
        expect(after).toEqual({
          keyword: before.keyword,
          line: before.line,
          required: before.required,
          earned: before.earned,
          needed: before.needed,
        });
      },
    ),
    { numRuns: RUNS },
  );
});

test('the columns read are named by the header, wherever they sit', () => {
  const nism = PROGRAMS.find((p) => p.id === 'NISM-SMS')!;
  const t = totalsOnly(
    nism,
    [
      HEADER,
      [
        serialFromDay(START + 10),
        'Webinar on analytics',
        'Grovo',
        'Webinar',
        2,
        '',
        'Social Media Strategy',
        true,
        'Certificate',
        '',
        '',
        '',
        '',
      ],
    ],
    START + 20,
  );
  // Date, Provider (the Grovo exemption), Format, Hours, Self-study hours, Subject area (eligibility),
  // Approved, Proof, Score, Grade; not Activity, Location or Notes.
  expect(t.inputs).toEqual([0, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  expect(t.earned).toBe(2);
});

test('a day-first column of text dates gives the same totals: a date is read in the column order before the window is checked', () => {
  const nism = PROGRAMS.find((p) => p.id === 'NISM-SMS')!;
  const row = (date: string, hours: number) => [
    date,
    'Strategy webinar',
    'NISM',
    'Webinar',
    hours,
    '',
    'Social Media Strategy',
    true,
    'Certificate',
    '',
    '',
    '',
    '',
  ];
  // 25/01/2024 settles the column as day first; 01/12/2024 is then 1 December (in the cycle), not 12 January (before it).
  const cells = [HEADER, row('25/01/2024', 2), row('01/12/2024', 3)];
  const asOf = day('2025-01-01');
  const t = expectSameTotals(nism, cells, asOf);
  expect(t.earned).toBe(5);
});

test('a refused header is the same refusal', () => {
  const nism = PROGRAMS[0]!;
  const result = evaluateTotals(nism, [['When', 'What']], { cycleStart: START, asOf: START });
  const detailed = evaluateLog(nism, [['When', 'What']], { cycleStart: START, asOf: START });
  expect(result.ok).toBe(false);
  expect(result).toEqual(detailed);
});

/** Every source file under src, with its text. */
function sources(dir = path.join(__dirname, '../../src')): { file: string; text: string }[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return sources(full);
    return /\.tsx?$/.test(d.name)
      ? [{ file: path.relative(path.join(__dirname, '../..'), full), text: fs.readFileSync(full, 'utf8') }]
      : [];
  });
}

/** The modules a file imports, as written ('../core/pass'). */
function importsOf(text: string): string[] {
  return [...text.matchAll(/^\s*(?:import|export)\b[^;]*?\sfrom\s+'([^']+)'/gms)].map((m) => m[1]!);
}

describe('one evaluation path', () => {
  const nism = PROGRAMS.find((p) => p.id === 'NISM-SMS')!;
  const cells = [
    HEADER,
    [
      serialFromDay(START + 10),
      'Analytics webinar',
      'Acme',
      'Webinar',
      6,
      '',
      'Social Media Strategy',
      true,
      'Certificate',
      '',
      '',
      '',
      '',
    ],
    [
      serialFromDay(START + 12),
      'Posting basics',
      'Grovo',
      'Webinar',
      3,
      '',
      'Social Media Strategy',
      false,
      '',
      '',
      '',
      '',
      '',
    ],
    [
      serialFromDay(START + 40),
      'Summit',
      'NISM',
      'Conference',
      8,
      '',
      'Social Media Strategy',
      true,
      'Certificate',
      '',
      '',
      '',
      '',
    ],
  ];
  const options = { cycleStart: START, asOf: START + 100 };

  /** Runs `run` with `describeStatus` (status.ts) watched; the function in src that called it, each time. */
  async function callersOf(run: () => unknown): Promise<string[]> {
    const callers: string[] = [];
    const original = status.describeStatus;
    const spy = jest.spyOn(status, 'describeStatus').mockImplementation((...args) => {
      const frame = (new Error().stack ?? '')
        .split('\n')
        .find((f) => f.includes(`${path.sep}src${path.sep}`) && !f.includes('status.ts'));
      callers.push(/at (?:Object\.)?(\w+)/.exec(frame ?? '')?.[1] ?? '?');
      return original(...args);
    });
    try {
      await run();
    } finally {
      spy.mockRestore();
    }
    return callers;
  }

  test('the cell functions and the Evaluation make their status and totals in the same function of the pass', async () => {
    // Distinct logs (different hours in the last row), so no call is answered from the cell functions' memory.
    const edited = (hours: number) =>
      cells.map((r, i) => (i === cells.length - 1 ? [...r.slice(0, 4), hours, ...r.slice(5)] : r));
    expect(
      await callersOf(() => recertStatus('NISM-SMS', serialFromDay(START), edited(7), serialFromDay(START + 100))),
    ).toEqual(['totalsOf']);
    expect(
      await callersOf(() => creditsEarned('NISM-SMS', serialFromDay(START), edited(9), serialFromDay(START + 100))),
    ).toEqual(['totalsOf']);
    expect(
      await callersOf(() => creditsNeeded('NISM-SMS', serialFromDay(START), edited(10), serialFromDay(START + 100))),
    ).toEqual(['totalsOf']);
    expect(await callersOf(() => evaluateLog(nism, cells, options))).toEqual(['totalsOf']);
    const stepped = await callersOf(() =>
      evaluateLogInSteps(nism, cells, options, { pause: async () => undefined, chunkRows: 1 }),
    );
    expect(stepped).toEqual(['totalsOf']);
    const full = evaluateLog(nism, cells, options);
    if (!full.ok) throw new Error(full.message);
    expect(recertStatus('NISM-SMS', serialFromDay(START), cells, serialFromDay(START + 100))).toBe(
      full.evaluation.status.line,
    );
    expect(creditsEarned('NISM-SMS', serialFromDay(START), cells, serialFromDay(START + 100))).toBe(
      full.evaluation.earned,
    );
  });

  test('nothing in src but the pass makes a status or a minimum, and the cell functions import no other rules module', () => {
    const files = sources();
    const statusUsers = files
      .filter((f) => importsOf(f.text).some((m) => /(^|\/)status$/.test(m) && !m.includes('taskpane')))
      .map((f) => f.file);
    expect(statusUsers).toEqual([path.join('src', 'core', 'pass.ts')]);
    // What the cell functions may take from the core: the pass, and for the one-activity and deadline
    // functions the credits of one activity and the cycle's dates; the rest is reading arguments. And
    // the explanation (evaluate), for RECERT_STATUS of a met log only: it counts the checklist items
    // still open, which the totals cannot tell (issue 11).
    const functions = files.find((f) => f.file === path.join('src', 'functions', 'functions.ts'))!;
    const core = importsOf(functions.text)
      .filter((m) => m.startsWith('../core/'))
      .map((m) => m.slice('../core/'.length));
    expect(
      core.filter(
        (m) =>
          !['pass', 'credits', 'cycle', 'dates', 'excerpt', 'log', 'memo', 'schema', 'versions', 'evaluate'].includes(
            m,
          ),
      ),
    ).toEqual([]);
    expect(core).toContain('pass');
    expect(files.map((f) => f.file)).not.toContain(path.join('src', 'core', 'tally.ts'));
  });
});
