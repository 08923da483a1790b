/**
 * The rule types of rules issue 12 point 3, each on a small made-up program with numbers worked out by
 * hand. Every case is checked through both users of the one pass: the Evaluation (pane, summary,
 * command line) and the totals the status cell functions show.
 */
import fc from 'fast-check';
import {
  creditsFor,
  evaluateLog,
  evaluateTotals,
  loadProgram,
  type Evaluation,
  type Program,
  type ProgramInput,
} from '../../src/core';
import { day } from './helpers';

const HEADER = ['Date', 'Activity', 'Provider', 'Format', 'Hours', 'Approved', 'Category', 'Proof'];

interface Row {
  date: string;
  activity?: string;
  provider?: string;
  format?: string;
  hours?: number | string;
  approved?: boolean;
  category?: string;
}

function cells(rows: Row[]): unknown[][] {
  return [
    HEADER,
    ...rows.map((r, i) => [
      r.date,
      r.activity ?? `Course ${i + 1}`,
      r.provider ?? 'Acme Learning',
      r.format ?? 'Course',
      r.hours ?? 1,
      r.approved ?? false,
      r.category ?? '',
      'Certificate',
    ]),
  ];
}

/** A made-up program: 3-year cycle from the cycle start, 1 credit per hour, a course and a seminar format. */
function made(extra: Partial<ProgramInput>): Program {
  const input: ProgramInput = {
    id: 'MADE-UP',
    name: 'A made-up certification',
    body: 'Made-up body',
    required: 20,
    approvedMeaning: 'approved by the body',
    formats: [
      { id: 'course', label: 'Course', perHour: 1 },
      { id: 'seminar', label: 'Seminar', perHour: 1 },
    ],
    defaultFormat: 'course',
    proof: { acceptable: ['Certificate'] },
    cycle: {
      windowEnd: { from: 'cycleStart', years: 3, days: -1 },
      deadline: { from: 'windowEnd' },
      phases: [{ status: 'EXPIRED', summary: 'expired' }],
    },
    ...extra,
  };
  const loaded = loadProgram(input);
  if (!loaded.ok) throw new Error(loaded.message);
  return loaded.program;
}

const START = '2024-03-01';
const AS_OF = '2027-02-01';

/** The Evaluation, after checking that the cell functions' totals agree with it. */
function run(program: Program, rows: Row[], asOf = AS_OF, start = START): Evaluation {
  const options = { cycleStart: day(start), asOf: day(asOf) };
  const result = evaluateLog(program, cells(rows), options);
  if (!result.ok) throw new Error(result.message);
  const totals = evaluateTotals(program, cells(rows), options);
  if (!totals.ok) throw new Error(totals.message);
  expect({ earned: totals.earned, needed: totals.needed }).toEqual({
    earned: result.evaluation.earned,
    needed: result.evaluation.needed,
  });
  return result.evaluation;
}

function minimum(ev: Evaluation, id: string) {
  const m = ev.minimums.find((x) => x.id === id);
  if (!m) throw new Error(`no minimum ${id}`);
  return m;
}

describe('categories as a dimension', () => {
  // Three talent-triangle-like areas, >= 8 in each; a Group B-like cap of 6 on "leadership".
  const program = made({
    categories: [
      { id: 'technical', label: 'Ways of working', aliases: ['Technical'] },
      { id: 'power', label: 'Power skills', aliases: ['Leadership'] },
      { id: 'business', label: 'Business acumen', aliases: ['Strategic'] },
    ],
    formats: [
      { id: 'course', label: 'Course', perHour: 1 },
      { id: 'seminar', label: 'Seminar', perHour: 1, categories: ['business'] },
    ],
    minimums: [
      { id: 'technical', label: 'Ways of working', credits: 8, filter: { categories: ['technical'] } },
      { id: 'power', label: 'Power skills', credits: 8, filter: { categories: ['power'] } },
      { id: 'business', label: 'Business acumen', credits: 8, filter: { categories: ['business'] } },
    ],
    caps: [{ id: 'power-cap', label: 'Power skills', limit: 6, appliesTo: { categories: ['power'] } }],
  });

  test('each entry counts toward every category it names; a blank cell takes the format’s categories', () => {
    const ev = run(program, [
      { date: '2024-05-01', hours: 5, category: 'Technical' },
      // Two areas in one cell: 4 toward each of them.
      { date: '2024-06-01', hours: 4, category: 'Ways of working; Strategic' },
      // Blank: a seminar is business acumen by its format.
      { date: '2024-07-01', format: 'Seminar', hours: 3 },
      { date: '2024-08-01', hours: 2, category: 'power skills' },
    ]);
    expect(ev.earned).toBe(14);
    expect(minimum(ev, 'technical').counted).toBe(9);
    expect(minimum(ev, 'business').counted).toBe(7);
    expect(minimum(ev, 'power').counted).toBe(2);
    // Short 6 overall, 1 business, 6 power: the largest shortfall.
    expect(ev.needed).toBe(6);
    expect(ev.entries[1]!.entry.categories).toEqual(['technical', 'business']);
    expect(ev.entries[2]!.entry.categories).toEqual(['business']);
  });

  test('a cap over a category clips only entries in it, and a minimum counts what is left', () => {
    const ev = run(program, [
      { date: '2024-05-01', hours: 4, category: 'Leadership' },
      { date: '2024-06-01', hours: 4, category: 'Leadership / Technical' },
      { date: '2024-07-01', hours: 3, category: 'Technical' },
    ]);
    // Power skills: 4 + 4 = 8 claimed, 6 allowed: the second entry keeps 2.
    expect(ev.entries.map((e) => e.counted)).toEqual([4, 2, 3]);
    expect(ev.earned).toBe(9);
    expect(minimum(ev, 'power').counted).toBe(6);
    expect(minimum(ev, 'technical').counted).toBe(5);
    expect(ev.entries[1]!.reasons.join(' ')).toMatch(/Power skills cap of 6 credits per cycle reached: 2 of 4 counted/);
  });

  test('separators ; , / and line breaks; an unknown name is passed over and flagged', () => {
    const ev = run(program, [
      { date: '2024-05-01', hours: 2, category: 'technical,strategic' },
      { date: '2024-05-02', hours: 2, category: 'Leadership\nBusiness acumen' },
      { date: '2024-05-03', hours: 2, category: 'Ethics' },
    ]);
    expect(ev.entries.map((e) => e.entry.categories)).toEqual([['technical', 'business'], ['power', 'business'], []]);
    // The unknown one still counts toward the total, and toward no area.
    expect(ev.earned).toBe(6);
    expect(minimum(ev, 'business').counted).toBe(4);
    expect(ev.entries[2]!.flags.map((f) => f.message).join(' ')).toMatch(
      /"Ethics" is not one of the MADE-UP categories/,
    );
  });

  test('a program without categories still reads formats from a Category column (its old meaning)', () => {
    const plain = made({});
    const rows = [
      ['Date', 'Category', 'Hours'],
      ['2024-05-01', 'Seminar', 2],
      ['2024-05-02', 'Course', 3],
    ];
    const result = evaluateLog(plain, rows, { cycleStart: day(START), asOf: day(AS_OF) });
    if (!result.ok) throw new Error(result.message);
    expect(result.evaluation.entries.map((e) => e.entry.format.id)).toEqual(['seminar', 'course']);
  });

  test('a rule naming an undeclared category is refused at load, with its path', () => {
    const bad = loadProgram({
      ...program,
      minimums: [{ id: 'x', label: 'X', credits: 1, filter: { categories: ['ethics'] } }],
    });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toMatch(/minimums\.0\.filter\.categories: unknown category id 'ethics'/);
  });
});

describe('calendarYear periods', () => {
  // Cycle 2024-03-01 to 2027-02-28 touches the calendar years 2024, 2025, 2026 and 2027.
  const program = made({
    minimums: [{ id: 'yearly', label: 'yearly', credits: 5, period: 'calendarYear' }],
    caps: [
      {
        id: 'seminars',
        label: 'Seminars {year}',
        limit: 3,
        period: 'calendarYear',
        appliesTo: { formats: ['seminar'] },
      },
    ],
  });
  const rows: Row[] = [
    { date: '2024-04-01', format: 'Seminar', hours: 2 },
    { date: '2024-06-01', hours: 3 },
    // The same cycle year as the two above, but a new calendar year from 1 January.
    { date: '2024-12-31', format: 'Seminar', hours: 2 },
    { date: '2025-01-01', format: 'Seminar', hours: 2 },
    { date: '2025-06-01', hours: 4 },
    { date: '2026-06-01', hours: 5 },
    { date: '2027-01-15', hours: 5 },
  ];

  test('a cap renews on 1 January: 2 + 1 seminar credits in 2024, 2 more in 2025', () => {
    const ev = run(program, rows);
    expect(ev.entries.map((e) => e.counted)).toEqual([2, 3, 1, 2, 4, 5, 5]);
    expect(ev.earned).toBe(22);
    const seminars = ev.caps.filter((c) => c.capId === 'seminars');
    expect(seminars.map((c) => [c.label, c.calendarYear, c.claimed, c.counted])).toEqual([
      ['Seminars 2024', 2024, 4, 3],
      ['Seminars 2025', 2025, 2, 2],
    ]);
    expect(seminars[0]!.describe).toBe('3 credits per calendar year');
    expect(ev.entries[2]!.reasons.join(' ')).toMatch(
      /Seminars 2024 cap of 3 credits per calendar year reached: 1 of 2/,
    );
  });

  test('a minimum asks for its amount in each calendar year the window touches, the last one too', () => {
    const met = run(program, rows);
    expect(minimum(met, 'yearly')).toMatchObject({ required: 20, counted: 22, shortfall: 0, period: 'calendarYear' });
    expect(met.needed).toBe(0);
    // Without the 2027 entry: 17 earned (3 short of 20), but 2027 is 5 short of its own 5.
    const short = run(program, rows.slice(0, -1));
    expect(short.earned).toBe(17);
    expect(minimum(short, 'yearly').shortfall).toBe(5);
    expect(short.needed).toBe(5);
  });

  test('the same cap by cycle year lets the three seminar entries of cycle year 1 share one allowance', () => {
    const byCycleYear = made({
      caps: [{ id: 'seminars', label: 'Seminars', limit: 3, period: 'cycleYear', appliesTo: { formats: ['seminar'] } }],
    });
    const ev = run(byCycleYear, rows);
    // 2024-04-01, 2024-12-31 and 2025-01-01 are all before 2025-03-01: 6 claimed, 3 counted.
    expect(ev.entries.map((e) => e.counted)).toEqual([2, 3, 1, 0, 4, 5, 5]);
  });
});

describe('effectiveFrom / effectiveTo on formats, caps and multipliers', () => {
  const program = made({
    formats: [
      { id: 'course', label: 'Course', perHour: 1 },
      { id: 'seminar', label: 'Seminar', perHour: 1 },
      { id: 'cpr', label: 'CPR/AED course', perHour: 1, effectiveFrom: '2025-01-01' },
    ],
    caps: [
      { id: 'seminars', label: 'Seminars', limit: 2, appliesTo: { formats: ['seminar'] }, effectiveTo: '2024-12-31' },
    ],
    multipliers: [
      {
        label: 'Approved seminars',
        when: { formats: ['seminar'], approved: true },
        factor: 1.5,
        effectiveFrom: '2025-01-01',
      },
    ],
  });
  const rows: Row[] = [
    { date: '2024-06-01', format: 'CPR/AED course', hours: 3 },
    { date: '2025-02-01', format: 'CPR/AED course', hours: 3 },
    { date: '2024-05-01', format: 'Seminar', hours: 2, approved: true },
    { date: '2024-09-01', format: 'Seminar', hours: 1 },
    { date: '2025-03-01', format: 'Seminar', hours: 2, approved: true },
    { date: '2025-04-01', format: 'Seminar', hours: 2 },
  ];

  test('the activity’s date decides which rules apply', () => {
    const ev = run(program, rows);
    // CPR before 2025: nothing; the 2024 seminar cap of 2 fills with the first seminar; from 2025 the
    // cap is gone and approved seminars earn 1.5 per hour.
    expect(ev.entries.map((e) => e.counted)).toEqual([0, 3, 2, 0, 3, 2]);
    expect(ev.entries.map((e) => e.claimed)).toEqual([3, 3, 2, 1, 3, 2]);
    expect(ev.earned).toBe(10);
    expect(ev.caps.map((c) => [c.capId, c.claimed, c.counted])).toEqual([['seminars', 3, 2]]);
    expect(ev.caps[0]!.describe).toBe('2 credits per cycle (activities to 2024-12-31)');
  });

  test('an activity before its format is in force is not counted, and the reason says from when', () => {
    const first = run(program, rows).entries[0]!;
    expect(first.state).toBe('ineligible');
    expect(first.ineligibleRule).toBe('format-dates');
    expect(first.reasons).toContain(
      'CPR/AED course earns credits only for activities from 2025-01-01: this one was completed 2024-06-01',
    );
  });

  test('a rule whose dates run backwards is refused at load', () => {
    const bad = loadProgram({
      ...program,
      caps: [{ id: 'x', label: 'X', limit: 1, effectiveFrom: '2025-01-01', effectiveTo: '2024-01-01' }],
    });
    expect(!bad.ok && bad.message).toMatch(/caps\.0: effectiveFrom is after effectiveTo/);
  });
});

describe('fixed credits per entry', () => {
  const program = made({
    formats: [
      { id: 'course', label: 'Course', perHour: 1 },
      { id: 'cpr', label: 'CPR/AED course', perHour: 0, perEntry: 5 },
    ],
    caps: [{ id: 'cpr', label: 'CPR/AED {year}', limit: 5, period: 'calendarYear', appliesTo: { formats: ['cpr'] } }],
  });

  test('5 per certification whatever the Hours, blank Hours included; the yearly cap still applies', () => {
    const ev = run(program, [
      { date: '2024-04-01', format: 'CPR/AED course', hours: '' },
      { date: '2024-10-01', format: 'CPR/AED course', hours: 8 },
      { date: '2025-02-01', format: 'CPR/AED course', hours: 1 },
      { date: '2025-03-01', hours: 2 },
    ]);
    expect(ev.problems).toEqual([]);
    expect(ev.entries.map((e) => e.claimed)).toEqual([5, 5, 5, 2]);
    expect(ev.entries.map((e) => e.counted)).toEqual([5, 0, 5, 2]);
    expect(ev.earned).toBe(12);
    expect(ev.entries[1]!.reasons).toContain('CPR/AED course earns 5 credits per entry, whatever the hours');
  });

  test('CE_CREDITS of one such activity is the fixed amount', () => {
    const cpr = program.formats.find((f) => f.id === 'cpr')!;
    expect(creditsFor(program, cpr, 3, 0).credits).toBe(5);
    expect(creditsFor(program, cpr, 0, 0).credits).toBe(5);
  });

  test('Credits as awarded that differ from the fixed amount are noted, and the fixed amount counts', () => {
    const rows = [
      ['Date', 'Format', 'Hours', 'Credits'],
      ['2024-04-01', 'CPR/AED course', '', 4],
    ];
    const result = evaluateLog(program, rows, { cycleStart: day(START), asOf: day(AS_OF) });
    if (!result.ok) throw new Error(result.message);
    expect(result.evaluation.problems).toEqual([]);
    expect(result.evaluation.earned).toBe(5);
  });
});

describe('exemptions from the per-entry cap', () => {
  // Like NISM's Grovo training: exempt from the per-entry cap and from the per-format cap.
  const program = made({
    perEntryCap: 5,
    perEntryCapExempt: { providerMatches: ['Grovo'] },
    caps: [
      { id: 'per-format', label: '{format}', limit: 5, groupBy: 'format', exempt: { providerMatches: ['Grovo'] } },
    ],
  });

  test('an exempt entry keeps all its credits; others are capped at 5 each and 5 per format', () => {
    const ev = run(program, [
      { date: '2024-05-01', provider: 'Grovo', hours: 8 },
      { date: '2024-06-01', provider: 'Acme Learning', hours: 8 },
      { date: '2024-07-01', provider: 'Acme Learning', hours: 2 },
    ]);
    expect(ev.entries.map((e) => [e.claimed, e.counted])).toEqual([
      [8, 8],
      [5, 5],
      [2, 0],
    ]);
    expect(ev.earned).toBe(13);
    expect(ev.entries[0]!.reasons).toEqual(['Exempt from the per-entry cap of 5 credits: all 8 count']);
    expect(ev.entries[1]!.reasons).toEqual(['Capped at 5 credits per entry (8 computed)']);
  });

  test('without the exemption the same entry is capped at 5', () => {
    const plain = made({ perEntryCap: 5 });
    const ev = run(plain, [{ date: '2024-05-01', provider: 'Grovo', hours: 8 }]);
    expect(ev.entries[0]!.counted).toBe(5);
  });
});

describe('approval required', () => {
  const program = made({
    eligibility: [
      {
        type: 'requiresApproval',
        id: 'board-approval',
        appliesTo: { formats: ['seminar'] },
        message: 'Seminar not approved by the board',
        petition: 'petition the board with the agenda and the speakers’ CVs before you apply',
      },
    ],
    checklist: [{ check: 'eligible', id: 'approved', label: 'Every seminar approved', rule: 'board-approval' }],
  });
  const rows: Row[] = [
    { date: '2024-05-01', format: 'Seminar', hours: 3, approved: true },
    { date: '2024-06-01', format: 'Seminar', hours: 2 },
    // Courses need no approval.
    { date: '2024-07-01', hours: 4 },
  ];

  test('an unapproved entry it applies to does not count, and the reason says how to petition', () => {
    const ev = run(program, rows);
    expect(ev.entries.map((e) => [e.state, e.counted])).toEqual([
      ['counted', 3],
      ['ineligible', 0],
      ['counted', 4],
    ]);
    expect(ev.earned).toBe(7);
    expect(ev.entries[1]!.ineligibleRule).toBe('board-approval');
    expect(ev.entries[1]!.reasons).toEqual([
      'Seminar not approved by the board: petition the board with the agenda and the speakers’ CVs before you apply',
    ]);
    // Not "at risk": nothing of it is counted, so nothing of it is at risk.
    expect(ev.atRisk).toBe(0);
  });

  test('the checklist names the rows that wait for approval', () => {
    const item = run(program, rows).checklist.find((c) => c.id === 'approved')!;
    expect(item.done).toBe(false);
    expect(item.rows).toEqual([3]);
  });
});

describe('uniqueBy: the same course counts once per cycle', () => {
  const program = made({ uniqueBy: { fields: ['activity'] } });
  const rows: Row[] = [
    { date: '2024-05-01', activity: 'Ethics for Planners', hours: 2 },
    { date: '2025-05-01', activity: 'ETHICS for planners!', hours: 2 },
    { date: '2024-04-01', activity: 'Risk Management', hours: 3 },
    // Earlier than the row above, though lower in the log: this copy is the one that counts.
    { date: '2024-03-15', activity: 'Risk management', hours: 3 },
    { date: '2024-06-01', activity: 'Risk management, part 2', hours: 1 },
  ];

  test('titles compared ignoring case and punctuation; the earliest copy counts', () => {
    const ev = run(program, rows);
    expect(ev.entries.map((e) => e.counted)).toEqual([2, 0, 0, 3, 1]);
    expect(ev.earned).toBe(6);
    expect(ev.entries[2]!.ineligibleRule).toBe('duplicate');
    expect(ev.entries[2]!.reasons).toEqual([
      'Duplicate: the same course as row 5 (2024-03-15), which counts; each course counts once per cycle',
    ]);
    expect(ev.entries[1]!.reasons[0]).toMatch(/same course as row 2 \(2024-05-01\)/);
  });

  test('with provider among the fields, the same title from two providers is two courses', () => {
    const byProvider = made({ uniqueBy: { fields: ['activity', 'provider'] } });
    const ev = run(byProvider, [
      { date: '2024-05-01', activity: 'Ethics', provider: 'Acme', hours: 2 },
      { date: '2024-06-01', activity: 'Ethics', provider: 'Other Co', hours: 2 },
      { date: '2024-07-01', activity: 'Ethics', provider: 'ACME', hours: 2 },
    ]);
    expect(ev.entries.map((e) => e.counted)).toEqual([2, 2, 0]);
  });

  test('two copies on the same day: the one that earns more counts, wherever the rows sit', () => {
    const rows: Row[] = [
      { date: '2024-05-01', activity: 'Ethics', hours: 1 },
      { date: '2024-05-01', activity: 'Ethics', hours: 3 },
    ];
    expect(run(program, rows).entries.map((e) => e.counted)).toEqual([0, 3]);
    expect(run(program, [...rows].reverse()).entries.map((e) => e.counted)).toEqual([3, 0]);
  });

  test('a copy that cannot count (planned) does not make the counted one a duplicate', () => {
    const ev = run(
      program,
      [
        { date: '2027-01-20', activity: 'Ethics', hours: 2 },
        { date: '2024-05-01', activity: 'Ethics', hours: 2 },
      ],
      '2027-01-10',
    );
    expect(ev.entries.map((e) => [e.state, e.counted])).toEqual([
      ['planned', 0],
      ['counted', 2],
    ]);
  });
});

describe('a multiplier for the first N base credits only', () => {
  // Like NCCPA's "the first 20 PI-CME credits count double".
  const program = made({
    formats: [
      { id: 'course', label: 'Course', perHour: 1 },
      { id: 'pi', label: 'PI-CME', perHour: 1 },
    ],
    multipliers: [{ label: 'PI-CME', when: { formats: ['pi'] }, factor: 2, upTo: 20 }],
  });

  test('the first 20 base credits of the cycle, in date order, are doubled', () => {
    const ev = run(program, [
      { date: '2024-07-01', format: 'PI-CME', hours: 5 },
      { date: '2024-05-01', format: 'PI-CME', hours: 8 },
      { date: '2024-06-01', format: 'PI-CME', hours: 10 },
      { date: '2024-08-01', format: 'PI-CME', hours: 3 },
      { date: '2024-04-01', hours: 4 },
    ]);
    // By date: 8 (all doubled: 16), 10 (20), 5 (2 of 5 doubled: 7), 3 (none left: 3); the course 4.
    expect(ev.entries.map((e) => e.counted)).toEqual([7, 16, 20, 3, 4]);
    expect(ev.earned).toBe(50);
    expect(ev.entries[0]!.reasons).toEqual(['PI-CME: ×2 on 2 of 5 (the first 20 credits of the cycle)']);
    expect(ev.entries[3]!.reasons).toEqual([
      'PI-CME: ×2 applies to the first 20 credits of the cycle, already used by earlier entries',
    ]);
  });

  test('CE_CREDITS of one activity doubles at most 20 of its credits', () => {
    const pi = program.formats.find((f) => f.id === 'pi')!;
    expect(creditsFor(program, pi, 30, 0).credits).toBe(50);
    expect(creditsFor(program, pi, 6, 0).credits).toBe(12);
  });

  test('credits as awarded are taken as they are, and use none of the allowance', () => {
    const rows = [
      ['Date', 'Format', 'Hours', 'Credits'],
      ['2024-05-01', 'PI-CME', '', 16],
      ['2024-06-01', 'PI-CME', 15, ''],
    ];
    const result = evaluateLog(program, rows, { cycleStart: day(START), asOf: day(AS_OF) });
    if (!result.ok) throw new Error(result.message);
    expect(result.evaluation.entries.map((e) => e.counted)).toEqual([16, 30]);
  });
});

describe('carry-over with conditions', () => {
  // Approved credits of the previous cycle's last 6 months carry over, at most 5, and count toward
  // the seminar minimum when they are seminars.
  const program = made({
    minimums: [{ id: 'seminars', label: 'seminar', credits: 4, filter: { formats: ['seminar'] } }],
    carryOverFromLog: { maxCredits: 5, lastMonths: 6, appliesTo: { approved: true }, countsToward: ['seminars'] },
  });
  const rows: Row[] = [
    { date: '2023-08-15', format: 'Seminar', hours: 3, approved: true },
    { date: '2023-10-01', format: 'Seminar', hours: 3, approved: true },
    { date: '2024-01-10', hours: 4, approved: true },
    { date: '2024-02-01', format: 'Seminar', hours: 2 },
    { date: '2024-05-01', format: 'Seminar', hours: 1 },
    { date: '2024-06-01', hours: 10 },
  ];

  test('only the last 6 months, only approved, at most 5, earliest first', () => {
    const ev = run(program, rows);
    // 2023-08-15 is before 2023-09-01; 3 + 2 of 4 carry over; the unapproved seminar does not.
    expect(ev.entries.map((e) => e.counted)).toEqual([0, 3, 2, 0, 1, 10]);
    expect(ev.earned).toBe(16);
    expect(ev.needed).toBe(4);
    expect(ev.entries[2]!.reasons).toContain(
      'Carried over from the previous cycle: 2 of 4 count (earned in the last 6 months before the cycle start; at most 5 credits carry over)',
    );
  });

  test('carried credits count toward the minimums named, when they match them', () => {
    const ev = run(program, rows);
    // The carried seminar's 3 and the 2024 seminar's 1; the carried course is not a seminar.
    expect(minimum(ev, 'seminars')).toMatchObject({ counted: 4, shortfall: 0 });
    const notNamed = made({
      minimums: program.minimums,
      carryOverFromLog: { maxCredits: 5, lastMonths: 6, appliesTo: { approved: true } },
    });
    expect(minimum(run(notNamed, rows), 'seminars')).toMatchObject({ counted: 1, shortfall: 3 });
  });

  test('a minimum it names must exist', () => {
    const bad = loadProgram({ ...program, carryOverFromLog: { maxCredits: 5, lastMonths: 6, countsToward: ['x'] } });
    expect(!bad.ok && bad.message).toMatch(/carryOverFromLog\.countsToward: unknown minimum 'x'/);
  });
});

describe('part of an entry’s hours toward a topic minimum', () => {
  const program = made({
    categories: [
      { id: 'ethics', label: 'Ethics' },
      { id: 'general', label: 'General' },
    ],
    formats: [
      { id: 'course', label: 'Course', perHour: 1 },
      { id: 'seminar', label: 'Seminar', perHour: 0.5 },
    ],
    minimums: [{ id: 'ethics', label: 'ethics', credits: 4, filter: { categories: ['ethics'] } }],
  });

  test('hours given with a category count, at the format’s rate, toward its minimum; the rest toward the total', () => {
    const ev = run(program, [
      { date: '2024-05-01', hours: 8, category: 'General; Ethics 1.5' },
      // A seminar earns 0.5 per hour: its 2 ethics hours are 1 credit.
      { date: '2024-06-01', format: 'Seminar', hours: 4, category: 'Ethics (2 hours)' },
      // No hours given: all of it is ethics.
      { date: '2024-07-01', hours: 1, category: 'Ethics' },
    ]);
    expect(ev.earned).toBe(11);
    expect(minimum(ev, 'ethics')).toMatchObject({ counted: 3.5, shortfall: 0.5 });
    expect(ev.needed).toBe(9);
    expect(ev.entries[0]!.entry.categories).toEqual(['ethics', 'general']);
    expect(ev.entries[0]!.reasons).toEqual([
      '1.5 of 8 credits count toward the ethics minimum (the hours given for it under Category)',
    ]);
    expect(ev.entries[1]!.reasons).toEqual([
      '1 of 2 credits count toward the ethics minimum (the hours given for it under Category)',
    ]);
  });

  test('a category name with a digit is read whole before an amount is looked for', () => {
    const numbered = made({
      categories: [
        { id: 'cat-1', label: 'Category 1' },
        { id: 'cat-2', label: 'Category 2' },
      ],
      minimums: [{ id: 'cat-1', label: 'Category 1', credits: 10, filter: { categories: ['cat-1'] } }],
    });
    const ev = run(numbered, [
      { date: '2024-05-01', hours: 5, category: 'Category 1 2h; Category 2' },
      { date: '2024-06-01', hours: 3, category: 'Category 1' },
    ]);
    expect(ev.entries.map((e) => e.entry.categories)).toEqual([['cat-1', 'cat-2'], ['cat-1']]);
    expect(minimum(ev, 'cat-1').counted).toBe(5);
  });
});

describe('every rule type together', () => {
  const program = made({
    perEntryCap: 6,
    perEntryCapExempt: { providerMatches: ['Grovo'] },
    categories: [
      { id: 'a', label: 'A' },
      { id: 'b', label: 'B' },
      { id: 'ethics', label: 'Ethics' },
    ],
    formats: [
      { id: 'course', label: 'Course', perHour: 1, categories: ['a'] },
      { id: 'seminar', label: 'Seminar', perHour: 0.5 },
      { id: 'cpr', label: 'CPR', perHour: 0, perEntry: 5, effectiveFrom: '2025-01-01' },
      { id: 'pi', label: 'PI', perHour: 1 },
    ],
    caps: [
      { id: 'b', label: 'B', limit: 6, appliesTo: { categories: ['b'] } },
      { id: 'cpr', label: 'CPR {year}', limit: 5, period: 'calendarYear', appliesTo: { formats: ['cpr'] } },
      {
        id: 'old-seminars',
        label: 'Seminars',
        limit: 2,
        appliesTo: { formats: ['seminar'] },
        effectiveTo: '2025-06-30',
      },
    ],
    minimums: [
      { id: 'a', label: 'A', credits: 8, filter: { categories: ['a'] } },
      { id: 'ethics', label: 'ethics', credits: 2, filter: { categories: ['ethics'] } },
      { id: 'yearly', label: 'yearly', credits: 3, period: 'calendarYear' },
    ],
    multipliers: [
      { label: 'PI', when: { formats: ['pi'] }, factor: 2, upTo: 6 },
      {
        label: 'Approved courses',
        when: { formats: ['course'], approved: true },
        factor: 1.5,
        effectiveFrom: '2025-01-01',
      },
    ],
    eligibility: [
      {
        type: 'requiresApproval',
        id: 'seminar-approval',
        appliesTo: { formats: ['seminar'] },
        message: 'No',
        petition: 'ask',
      },
    ],
    uniqueBy: { fields: ['activity'] },
    carryOverFromLog: { maxCredits: 4, lastMonths: 6, appliesTo: { categories: ['ethics'] }, countsToward: ['ethics'] },
  });
  const start = day(START);
  const rowArb = fc.record({
    date: fc
      .integer({ min: start - 240, max: start + 3 * 366 + 30 })
      .map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10)),
    activity: fc.constantFrom('Ethics', 'ETHICS!', 'Risk', 'Leading teams', 'Audit basics'),
    provider: fc.constantFrom('Grovo', 'Acme', 'Other Co'),
    format: fc.constantFrom('Course', 'Seminar', 'CPR', 'PI', ''),
    hours: fc.oneof(
      fc.integer({ min: 0, max: 20 }).map((h) => h / 2),
      fc.constant(''),
    ),
    approved: fc.boolean(),
    category: fc.constantFrom('', 'A', 'B; Ethics 1', 'Ethics', 'A/B', 'Ethics 2h; A', 'Zzz', 'B'),
    key: fc.integer(),
  });

  test('the cell functions and the Evaluation agree, and the order of the rows changes no total', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 25 }), (rows) => {
        const ev = run(program, rows);
        const shuffled = run(
          program,
          [...rows].sort((x, y) => x.key - y.key),
        );
        expect(shuffled.earned).toBe(ev.earned);
        expect(shuffled.needed).toBe(ev.needed);
        expect(shuffled.minimums).toEqual(ev.minimums);
      }),
      { numRuns: 150 },
    );
  });
});
