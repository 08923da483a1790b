/**
 * Numbers and dates at the edges (issue 15, point 5): a row may hold only so many hours (program
 * data says how many), totals stay finite, Excel's date range (1900-01-01 to 9999-12-31, serials 1 to
 * 2,958,465) is the only one accepted, and a message quotes a long bad value only in part.
 */
import {
  checkProfile,
  readFactValue,
  dayFromIso,
  dayFromJsDate,
  dayFromParts,
  dayFromSerial,
  daysInMonth,
  evaluateLog,
  excerpt,
  isoFromDay,
  loadProgram,
  MAX_EXCEL_SERIAL,
  parseLog,
  serialFromDay,
  evaluateTotals,
  type Program,
  type ProgramInput,
} from '../../src/core';
import { nismPrograms } from '../../src/core/programs/nism';
import { day, program } from './helpers';

const HEADER = ['Date', 'Activity', 'Format', 'Hours', 'Self-study hours', 'Proof', 'Score'];
const START = day('2025-03-14');
const AS_OF = day('2026-01-31');

function row(
  date: unknown,
  hours: unknown,
  extra: { format?: unknown; self?: unknown; score?: unknown; activity?: unknown } = {},
): unknown[] {
  return [
    date,
    extra.activity ?? 'Analytics webinar',
    extra.format ?? 'Webinar',
    hours,
    extra.self ?? '',
    'Certificate',
    extra.score ?? '',
  ];
}

const GOOD = row(serialFromDay(day('2025-05-01')), 2);

function problemsOf(p: Program, rows: unknown[][]) {
  const parsed = parseLog([HEADER, ...rows], p);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.problems.map((x) => `row ${x.row}, ${x.column}: ${x.message}`);
}

function bothTotals(p: Program, rows: unknown[][]) {
  const options = { cycleStart: START, asOf: AS_OF };
  const detailed = evaluateLog(p, [HEADER, ...rows], options);
  const lean = evaluateTotals(p, [HEADER, ...rows], options);
  if (!detailed.ok || !lean.ok) throw new Error('log refused');
  return { detailed: detailed.evaluation, lean };
}

describe('hours per entry have a range, from program data', () => {
  const nism = program('NISM-SMS');

  test('every seed program allows 10,000 hours and self-study hours per entry unless it says otherwise', () => {
    expect(nism.entryLimits).toEqual({ hours: 10_000, selfStudyHours: 10_000 });
  });

  test.each([
    ['1e308 as a number', 1e308, 'Hours 1e+308'],
    ['1e308 as text', '1e308', 'Hours "1e308"'],
    ['one hour too many', 10_001, 'Hours 10001'],
  ])('%s is a row problem naming row, column, value and what is accepted', (_what, hours, quoted) => {
    expect(problemsOf(nism, [GOOD, row(serialFromDay(day('2025-06-01')), hours)])).toEqual([
      `row 3, Hours: ${quoted} is more than one entry can hold: enter 0 to 10,000`,
    ]);
  });

  test('10,000 hours is accepted (the per-entry cap then applies)', () => {
    expect(problemsOf(nism, [row(serialFromDay(day('2025-06-01')), 10_000)])).toEqual([]);
  });

  test('self-study hours have their own limit', () => {
    const r = row(serialFromDay(day('2025-06-01')), 1, { format: 'Online blended course', self: 1e308 });
    expect(problemsOf(nism, [r])).toEqual([
      'row 2, Self-study hours: Self-study hours 1e+308 is more than one entry can hold: enter 0 to 10,000',
    ]);
  });

  test('1e308 hours: the row counts for nothing, totals stay finite, no Infinity in the status line (both passes)', () => {
    const rows = [
      GOOD,
      row(serialFromDay(day('2025-06-01')), 1e308),
      row(serialFromDay(day('2025-07-01')), 1e308, { format: 'Online blended course', self: 1e308 }),
    ];
    const { detailed, lean } = bothTotals(nism, rows);
    expect(detailed.earned).toBe(2);
    expect(detailed.claimed).toBe(2);
    expect(detailed.problems).toHaveLength(3);
    expect(lean.earned).toBe(2);
    expect(lean.needed).toBe(18);
    for (const line of [detailed.status.line, lean.line]) {
      expect(line).toMatch(/^IN PROGRESS: 2 of 20 credits/);
      expect(line).not.toMatch(/Infinity|NaN/);
    }
    for (const c of detailed.categories) expect([c.claimed, c.counted, c.clipped].every(Number.isFinite)).toBe(true);
  });

  test('a program sets its own limit; the schema refuses a limit or rate that could overflow', () => {
    const base: ProgramInput = nismPrograms[0]!;
    const small = loadProgram({ ...base, id: 'TEST-SMALL', entryLimits: { hours: 50 } });
    if (!small.ok) throw new Error(small.message);
    expect(small.program.entryLimits).toEqual({ hours: 50, selfStudyHours: 10_000 });
    expect(problemsOf(small.program, [row(serialFromDay(day('2025-06-01')), 60)])).toEqual([
      'row 2, Hours: Hours 60 is more than one entry can hold: enter 0 to 50',
    ]);

    const refusals: [Partial<ProgramInput>, RegExp][] = [
      [{ entryLimits: { hours: 0 } }, /entryLimits\.hours/],
      [{ entryLimits: { hours: 1e308 } }, /entryLimits\.hours/],
      [
        { formats: [{ id: 'webinar', label: 'Webinar', perHour: 1e300 }] },
        /formats\.0: one entry could earn .* at most 1000000000/,
      ],
      [
        { multipliers: Array.from({ length: 8 }, () => ({ label: 'x', when: {}, factor: 100 })) },
        /formats\.0: one entry could earn/,
      ],
      [{ required: 1e308 }, /required/],
      [
        { versions: [{ effectiveFrom: '0025-01-01', changes: { required: 10 } }] },
        /versions\.0\.effectiveFrom: a real date from 1900-01-01/,
      ],
    ];
    for (const [changes, message] of refusals) {
      const result = loadProgram({ ...base, id: 'TEST-BAD', ...changes } as ProgramInput);
      expect({ changes, ok: result.ok }).toEqual({ changes, ok: false });
      if (!result.ok) expect(result.message).toMatch(message);
    }
  });
});

describe("dates: only Excel's range, 1900-01-01 to 9999-12-31", () => {
  test('years 0000-0099 are not moved to 1900-1999 by the date arithmetic', () => {
    expect(isoFromDay(dayFromParts(25, 3, 14))).toBe('0025-03-14');
    expect(isoFromDay(dayFromParts(0, 2, 29))).toBe('0000-02-29');
    expect(daysInMonth(0, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2025, 12)).toBe(31);
  });

  test('ISO text: years before 1900 are refused; 1900-01-01 and 9999-12-31 are the ends', () => {
    for (const text of ['0025-03-14', '0000-01-01', '0099-12-31', '1899-12-31'])
      expect({ text, day: dayFromIso(text) }).toEqual({ text, day: undefined });
    expect(isoFromDay(dayFromIso('1900-01-01')!)).toBe('1900-01-01');
    expect(isoFromDay(dayFromIso('9999-12-31')!)).toBe('9999-12-31');
  });

  test("serials: 1 to 2,958,465; 0, negatives, fractions below 1 and 2,958,466 are refused; 60 is Excel's fictitious day", () => {
    expect(MAX_EXCEL_SERIAL).toBe(2_958_465);
    expect(isoFromDay(dayFromSerial(1)!)).toBe('1900-01-01');
    expect(isoFromDay(dayFromSerial(59)!)).toBe('1900-02-28');
    expect(dayFromSerial(60)).toBeUndefined();
    expect(isoFromDay(dayFromSerial(61)!)).toBe('1900-03-01');
    expect(isoFromDay(dayFromSerial(2_958_465)!)).toBe('9999-12-31');
    expect(isoFromDay(dayFromSerial(2_958_465.99)!)).toBe('9999-12-31');
    for (const serial of [2_958_466, 3e6, 0, 0.5, -1, -1e308, 1e308, Infinity, NaN]) {
      expect({ serial, day: dayFromSerial(serial) }).toEqual({ serial, day: undefined });
    }
    for (const serial of [1, 59, 61, 45_730, 2_958_465]) expect(serialFromDay(dayFromSerial(serial)!)).toBe(serial);
  });

  test('JS dates (exceljs, some hosts) outside the range are refused', () => {
    const year25 = new Date(0);
    year25.setUTCFullYear(25, 2, 14);
    expect(dayFromJsDate(year25)).toBeUndefined();
    expect(dayFromJsDate(new Date(Date.UTC(10000, 0, 1)))).toBeUndefined();
    expect(dayFromJsDate(new Date(Date.UTC(1899, 11, 31)))).toBeUndefined();
    expect(isoFromDay(dayFromJsDate(new Date(Date.UTC(9999, 11, 31)))!)).toBe('9999-12-31');
  });

  test('a date cell out of range is a row problem saying what is accepted, in both passes', () => {
    const nism = program('NISM-SMS');
    const year25 = new Date(0);
    year25.setUTCFullYear(25, 2, 14);
    const bad = [
      row('0025-03-14', 1),
      row(2_958_466, 1),
      row(-1, 1),
      row(0.5, 1),
      row(year25, 1),
      row(' 1899-12-31 ', 1),
    ];
    expect(problemsOf(nism, bad)).toEqual([
      `row 2, Date: Date "0025-03-14" is outside Excel's dates: enter a date from 1900-01-01 to 9999-12-31`,
      `row 3, Date: Date 2958466 is outside Excel's dates: enter a date from 1900-01-01 to 9999-12-31 (serials 1 to 2958465)`,
      `row 4, Date: Date -1 is outside Excel's dates: enter a date from 1900-01-01 to 9999-12-31 (serials 1 to 2958465)`,
      `row 5, Date: Date 0.5 is outside Excel's dates: enter a date from 1900-01-01 to 9999-12-31 (serials 1 to 2958465)`,
      `row 6, Date: Date 0025-03-14 is outside Excel's dates: enter a date from 1900-01-01 to 9999-12-31`,
      `row 7, Date: Date "1899-12-31" is outside Excel's dates: enter a date from 1900-01-01 to 9999-12-31`,
    ]);
    // A cycle starting in 1925 would count a row read as 1925-03-15 (the old reading of 0025-03-15).
    const options = { cycleStart: day('1925-03-14'), asOf: day('1926-01-01') };
    const cells = [HEADER, row('0025-03-15', 3)];
    const detailed = evaluateLog(program('NISM-SMS'), cells, options);
    const lean = evaluateTotals(program('NISM-SMS'), cells, options);
    expect(detailed.ok && detailed.evaluation.earned).toBe(0);
    expect(lean.ok && lean.earned).toBe(0);
  });

  test('profile dates out of range are refused with the range', () => {
    for (const cycleStart of ['0025-03-14', 2_958_466, -5]) {
      const result = checkProfile({ program: 'NISM-SMS', cycleStart });
      expect(result).toEqual({
        ok: false,
        problems: [
          { field: 'cycleStart', message: "is outside Excel's dates: enter a date from 1900-01-01 to 9999-12-31" },
        ],
      });
    }
    // Profile facts (issue 12): a program's own date fact and the Expires date every program has.
    const outside = "is outside Excel's dates: enter a date from 1900-01-01 to 9999-12-31";
    const cpr = checkProfile({ program: 'ACSM-CPT', cycleStart: '2025-03-14', facts: { cprValidUntil: '0026-01-01' } });
    expect(cpr).toEqual({ ok: false, problems: [{ field: 'cprValidUntil', message: outside }] });
    const expires = checkProfile({ program: 'NISM-SMS', cycleStart: '2025-03-14', expires: '0027-03-14' });
    expect(expires).toEqual({ ok: false, problems: [{ field: 'expires', message: outside }] });
    const carryOver = { id: 'carryOverCredits', label: 'Carry-over credits', type: 'number' as const };
    for (const value of [1e308, 1_000_001, -1, NaN]) {
      expect(readFactValue(carryOver, value)).toEqual({ ok: false, message: 'enter a number from 0 to 1,000,000' });
    }
    expect(checkProfile({ program: 'NISM-SMS', cycleStart: 2_958_465 }).ok).toBe(true);
  });
});

describe('a long bad value is quoted short', () => {
  const long = 'x'.repeat(5000);

  test('excerpt: at most 40 characters, on one line, never half an emoji', () => {
    expect(excerpt('3/14/2025')).toBe('3/14/2025');
    expect(excerpt('a'.repeat(40))).toBe('a'.repeat(40));
    expect(excerpt('a'.repeat(41))).toBe('a'.repeat(39) + '…');
    expect(excerpt('line one\n\n  line two')).toBe('line one line two');
    const emoji = excerpt('😀'.repeat(100));
    expect(Array.from(emoji)).toHaveLength(40);
    expect(emoji).toBe('😀'.repeat(39) + '…');
  });

  test('a 5,000-character value in any checked cell gives a problem of one short line', () => {
    const nism = program('NISM-SMS');
    const cells = [
      [long, 'a', 'Webinar', 1, '', 'Certificate', ''],
      ['2025-05-01', 'a', long, 1, '', 'Certificate', ''],
      ['2025-05-01', 'a', 'Webinar', long, '', 'Certificate', ''],
      ['2025-05-01', 'a', 'Online blended course', 1, long, 'Certificate', ''],
      ['2025-05-01', 'a', 'Webinar', 1, '', long, ''],
      ['2025-05-01', 'a', 'Webinar', 1, '', 'Assessment', long],
      ['2025-05-01', 'a', 'Webinar', '1'.repeat(5000), '', 'Certificate', ''],
    ];
    const problems = problemsOf(nism, cells);
    expect(problems).toHaveLength(cells.length);
    for (const p of problems) {
      expect(p).toMatch(/"(x{39}|1{39})…"/);
      expect(p).not.toMatch(/x{40}|1{40}/);
      expect(p.length).toBeLessThan(300);
    }
  });

  test('a 5,000-character subject outside the list is quoted short in the eligibility reason', () => {
    const nism = program('NISM-SMS');
    expect(nism.eligibility.some((r) => r.type === 'subjectInList')).toBe(true);
    const cells = [
      ['Date', 'Activity', 'Format', 'Hours', 'Subject area', 'Proof'],
      ['2025-05-01', 'a', 'Webinar', 1, long, 'Certificate'],
    ];
    const result = evaluateLog(nism, cells, { cycleStart: START, asOf: AS_OF });
    if (!result.ok) throw new Error(result.message);
    const reasons = result.evaluation.entries.flatMap((e) => e.reasons);
    expect(reasons.some((r) => r.includes(`"${'x'.repeat(39)}…"`))).toBe(true);
    for (const r of reasons) expect(r).not.toMatch(/x{40}/);
  });
});
