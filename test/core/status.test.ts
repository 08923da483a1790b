/** Every status of every program, on both sides of each boundary (rules.md section 5). */
import { addYears, evaluateLog, isoFromDay, loadProgram, PROGRAMS, serialFromDay, type Program } from '../../src/core';
import { day, evaluate, type Row } from './helpers';

const nismMet: Row[] = [
  { date: '2025-06-01', format: 'Webinar', hours: 5, approved: true },
  { date: '2025-09-01', format: 'In-person class', hours: 5, approved: true },
  { date: '2026-01-10', format: 'Conference', hours: 5, approved: true },
  { date: '2026-05-05', format: 'Online synchronous course', hours: 5, approved: true },
];
const nismShort: Row[] = nismMet.slice(0, 2);

const namssMet = (required: number, approved: number): Row[] => [
  { date: '2023-03-01', format: 'Webinar', hours: approved, approved: true },
  { date: '2024-03-01', format: 'Conference', hours: required - approved, approved: false },
];
const acsmMet = (required: number): Row[] => [{ date: '2025-02-01', format: 'Contact hours', hours: required }];

function status(id: string, start: string, rows: Row[], asOf: string): string {
  return evaluate(id, start, rows, asOf).status.keyword;
}

describe('NISM-SMS statuses (cycle 2025-03-14, expiry 2027-03-14)', () => {
  const start = '2025-03-14';
  test.each([
    ['2027-03-14', nismShort, 'IN PROGRESS'],
    ['2027-03-14', nismMet, 'READY'],
    ['2025-03-14', nismShort, 'IN PROGRESS'],
    ['2027-03-15', nismMet, 'GRACE'],
    ['2027-03-15', nismShort, 'GRACE'],
    ['2027-03-28', nismShort, 'GRACE'], // 14 days of grace
    ['2027-03-29', nismShort, 'LAPSED'],
    ['2027-06-14', nismShort, 'LAPSED'], // expiry + 3 months
    ['2027-06-15', nismShort, 'EXPIRED'],
    ['2030-01-01', nismMet, 'EXPIRED'],
  ])('at %s → %s', (asOf, rows, expected) => {
    expect(status('NISM-SMS', start, rows, asOf)).toBe(expected);
  });

  test('the status line matches the documented form', () => {
    const ev = evaluate('NISM-SMS', start, nismShort, '2026-01-01');
    expect(ev.status.line).toBe('IN PROGRESS: 10 of 20 credits, 10 to go by 2027-03-14');
    expect(evaluate('NISM-SMS', start, nismMet, '2027-01-01').status.line).toBe(
      'READY: 20 of 20 credits; apply by 2027-03-14 ($135)',
    );
  });

  test('phase lines name the dates and fees', () => {
    expect(evaluate('NISM-SMS', start, nismMet, '2027-03-20').status.detail).toBe(
      'certification expired 2027-03-14; apply by 2027-03-28 without penalty',
    );
    expect(evaluate('NISM-SMS', start, nismShort, '2027-04-01').status.detail).toBe(
      'grace period over; a 3-month extension ($100) runs until 2027-06-14; 10 credits short',
    );
    expect(evaluate('NISM-SMS', start, nismShort, '2027-07-01').status.detail).toContain('re-take the exam ($395)');
  });
});

describe.each([
  ['NAMSS-CPCS', 30, 15],
  ['NAMSS-CPMSM', 30, 15],
  ['NAMSS-DUAL', 45, 25],
  ['NAMSS-DUAL-FIRST', 30, 15],
])('%s statuses (cycle 2022-12-02, renewal year 2025)', (id, required, approved) => {
  const start = '2022-12-02';
  const met = namssMet(required, approved);
  const short: Row[] = met.slice(0, 1);
  test.each([
    ['2025-07-31', 'met', 'COMPLETE'],
    ['2025-08-01', 'met', 'READY'],
    ['2025-12-01', 'met', 'READY'],
    ['2025-12-01', 'short', 'IN PROGRESS'],
    ['2025-12-02', 'met', 'GRACE'],
    ['2025-12-31', 'short', 'GRACE'],
    ['2026-01-01', 'met', 'LAPSED'],
    ['2026-06-01', 'short', 'LAPSED'],
    ['2026-06-02', 'met', 'EXPIRED'],
  ])('at %s with the log %s → %s', (asOf, which, expected) => {
    expect(status(id, start, which === 'met' ? met : short, asOf)).toBe(expected);
  });

  test('the grace line carries the $50 late fee', () => {
    expect(evaluate(id, start, met, '2025-12-10').status.line).toBe(
      'GRACE: deadline 2025-12-01 passed; apply by 2025-12-31 with the $50 late fee',
    );
  });
});

describe.each([
  ['ACSM-GEI', 45, '$60'],
  ['ACSM-CPT', 45, '$60'],
  ['ACSM-EP', 60, '$70'],
  ['ACSM-CEP', 60, '$70'],
])('%s statuses (cycle 2024-01-15, expiry 2027-12-31)', (id, required, fee) => {
  // Revision 4: ACSM certifications expire on 31 December of year(cycle start) + 3; renewal opens on
  // 1 January of the expiry year; GRACE to 30 June; LAPSED until expiry + 3 years; then EXPIRED.
  const start = '2024-01-15';
  const met = acsmMet(required);
  const short = acsmMet(required - 1);
  test.each([
    ['2026-12-31', 'met', 'COMPLETE'], // before the final year
    ['2027-01-01', 'met', 'READY'],
    ['2027-12-31', 'met', 'READY'],
    ['2027-12-31', 'short', 'IN PROGRESS'],
    ['2028-01-01', 'met', 'GRACE'],
    ['2028-06-30', 'short', 'GRACE'],
    ['2028-07-01', 'short', 'LAPSED'],
    ['2030-12-31', 'met', 'LAPSED'], // reinstatement until expiry + 3 years
    ['2031-01-01', 'met', 'EXPIRED'],
  ])('at %s with the log %s → %s', (asOf, which, expected) => {
    expect(status(id, start, which === 'met' ? met : short, asOf)).toBe(expected);
  });

  test(`READY names the ${fee} renewal fee`, () => {
    expect(evaluate(id, start, met, '2027-06-01').status.line).toBe(
      `READY: ${required} of ${required} CECs; apply by 2027-12-31 (${fee})`,
    );
  });
});

describe('29 February cycle starts', () => {
  test.each([
    ['NISM-SMS', '2024-02-29', '2026-02-28'],
    ['ACSM-CPT', '2024-02-29', '2027-12-31'], // 31 December (revision 4)
    ['NAMSS-CPCS', '2024-02-29', '2027-12-01'],
    ['NISM-SMS', '2028-02-29', '2030-02-28'],
  ])('%s starting %s has its deadline on %s', (id, start, deadline) => {
    const ev = evaluate(
      id,
      start,
      [{ date: start, format: 'Webinar', hours: 1 }].map((r) => (id.startsWith('ACSM') ? { ...r, format: 'CEC' } : r)),
      start,
    );
    expect(isoFromDay(ev.cycle.deadline)).toBe(deadline);
  });

  test('adding 4 years to 29 February lands on 29 February again', () => {
    expect(isoFromDay(addYears(day('2024-02-29'), 4))).toBe('2028-02-29');
  });

  test('the NISM grace period after a 28 February expiry runs 14 days into March', () => {
    const rows: Row[] = [{ date: '2025-01-01', format: 'Webinar', hours: 1 }];
    expect(status('NISM-SMS', '2024-02-29', rows, '2026-03-14')).toBe('GRACE');
    expect(status('NISM-SMS', '2024-02-29', rows, '2026-03-15')).toBe('LAPSED');
  });
});

describe('deadline serials', () => {
  test('the deadline is the same calendar date as an Excel serial', () => {
    const ev = evaluate('NISM-SMS', '2025-03-14', nismShort, '2026-01-01');
    expect(serialFromDay(ev.cycle.deadline)).toBe(46460); // 2027-03-14 in Excel
  });
});

describe('the status line, the hints and the key dates name each date the same way', () => {
  /** The program with nothing left to earn, so that its met statuses are reached with an empty log. */
  const metVersion = (p: Program): Program => {
    const none = <T extends object>(rules: T) => ({
      ...rules,
      required: 0,
      minEntries: undefined,
      minimums: (rules as Partial<Program>).minimums?.map((m) => ({ ...m, credits: 0 })),
    });
    const loaded = loadProgram({
      ...none(p),
      id: `${p.id}-MET`,
      versions: p.versions.map((v) => ({ ...v, changes: none(v.changes) })),
    } as never);
    if (!loaded.ok) throw new Error(loaded.message);
    return loaded.program;
  };
  const DATE = /\d{4}-\d{2}-\d{2}/g;
  const START = '2025-03-14';
  /** Programs whose dates hang on a birth month need one; the others ignore it. */
  const PROFILE = { birthMonth: 7 };

  /** The days to look at: around the cycle start, the application opening, the deadline and every phase's end. */
  function daysOf(p: Program): number[] {
    const ev = evaluateLog(p, [['Date', 'Activity', 'Format', 'Hours']], {
      cycleStart: day(START),
      asOf: day(START),
      profile: PROFILE,
    });
    if (!ev.ok) throw new Error(ev.message);
    const c = ev.evaluation.cycle;
    const marks = [c.cycleStart, c.deadline, c.applicationOpens, ...c.phases.map((ph) => ph.through)];
    return marks.flatMap((d) => (d === undefined ? [] : [d - 1, d, d + 1])).concat(c.deadline + 5000);
  }

  const cases = PROGRAMS.flatMap((p) => [p, metVersion(p)]).flatMap((p) =>
    daysOf(p).map((asOf) => [p.id, isoFromDay(asOf as never), p, asOf] as const),
  );
  const seen = new Set<string>();

  test.each(cases)('%s as of %s', (_id, _iso, p, asOf) => {
    const result = evaluateLog(p, [['Date', 'Activity', 'Format', 'Hours']], {
      cycleStart: day(START),
      asOf,
      profile: PROFILE,
    });
    if (!result.ok) throw new Error(result.message);
    const ev = result.evaluation;
    seen.add(ev.status.keyword);
    const hints = ev.hints.join(' ').toLowerCase();
    // Each date of the line comes in a hint with the same words before it ("apply by 2027-03-28").
    for (const m of ev.status.line.matchAll(DATE)) {
      // The words of the date's own clause just before it, and the date: "go by 2027-03-14".
      const clause = ev.status.line.slice(0, m.index).split(/[;:,]/).pop()!;
      const words = clause.trimEnd().split(/\s+/).filter(Boolean).slice(-2).join(' ');
      const phrase = `${words}${clause.endsWith(' ') && words ? ' ' : ''}${m[0]}`;
      expect(hints).toContain(phrase.toLowerCase());
    }
    // "Without penalty" names one date: the same in the line, the hints and the key dates.
    const penaltyFree = (texts: string[]) =>
      new Set(texts.filter((t) => /without penalty/i.test(t)).flatMap((t) => t.match(DATE) ?? []));
    const inWords = penaltyFree([...ev.status.line.split(';'), ...ev.hints.flatMap((h) => h.split(';'))]);
    const inKeyDates = penaltyFree(ev.keyDates.map((k) => `${k.label} ${k.iso}`));
    for (const d of inWords) expect([...inKeyDates]).toContain(d);
    expect(inKeyDates.size).toBeLessThanOrEqual(1);
  });

  afterAll(() => {
    // Every status was looked at.
    expect([...seen].sort()).toEqual(['COMPLETE', 'EXPIRED', 'GRACE', 'IN PROGRESS', 'LAPSED', 'READY']);
  });
});
