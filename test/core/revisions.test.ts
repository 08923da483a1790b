/**
 * The revisions of shared/rules.md (second version, 2026-11-30), one describe each. Every describe
 * quotes the sentence it enforces: from rules.md, and where rules.md cites one, the certifying body's.
 */
import {
  cycleDates,
  evaluateLog,
  isoFromDay,
  loadProgram,
  programFacts,
  PROGRAMS,
  serialFromDay,
  type Evaluation,
  type Program,
  type ProfileFacts,
} from '../../src/core';
import { resolveDate } from '../../src/core/cycle';
import { nismPrograms } from '../../src/core/programs/nism';
import { recertDeadline, recertStatus } from '../../src/functions/functions';
import { day, log, program, type Row } from './helpers';

function evaluate(
  p: string | Program,
  cycleStart: string,
  rows: Row[],
  asOf: string,
  profile: Partial<ProfileFacts> = {},
): Evaluation {
  const rules = typeof p === 'string' ? program(p) : p;
  const result = evaluateLog(rules, log(rows), { cycleStart: day(cycleStart), asOf: day(asOf), profile });
  if (!result.ok) throw new Error(result.message);
  return result.evaluation;
}

const iso = (d: number | undefined) => (d === undefined ? undefined : isoFromDay(d));

/** A made-up program: NISM's data with some fields replaced. */
function madeUp(changes: Record<string, unknown>): Program {
  const result = loadProgram({ ...nismPrograms[0]!, id: 'MADE-UP', ...changes });
  if (!result.ok) throw new Error(result.message);
  return result.program;
}

describe('revision 1: credit earned after the deadline', () => {
  // rules.md: "A phase after the deadline can let credit earned in it count (ACSM's grace period does; a
  // granted NISM or NAMSS extension does). Reinstatement counts only credit earned in the lapsed cycle."
  const rows: Row[] = [
    { date: '2025-02-01', format: 'Contact hours', hours: 40 },
    { date: '2028-03-01', format: 'Contact hours', hours: 5 }, // in ACSM's grace period
  ];

  test('ACSM: credit earned in the grace period counts toward a renewal made in it', () => {
    const ev = evaluate('ACSM-CPT', '2024-01-15', rows, '2028-04-01');
    expect(ev.status.keyword).toBe('GRACE');
    expect(ev.entries.map((e) => e.state)).toEqual(['counted', 'counted']);
    expect(ev.earned).toBe(45);
    expect(ev.needed).toBe(0);
  });

  test('ACSM: before the deadline a grace-period date is planned, not outside the window', () => {
    const ev = evaluate('ACSM-CPT', '2024-01-15', rows, '2027-12-01');
    expect(ev.entries.map((e) => e.state)).toEqual(['counted', 'planned']);
  });

  test('ACSM: once lapsed, reinstatement counts only the CECs of the lapsed cycle', () => {
    const ev = evaluate('ACSM-CPT', '2024-01-15', rows, '2028-08-01');
    expect(ev.status.keyword).toBe('LAPSED');
    expect(ev.entries.map((e) => e.state)).toEqual(['counted', 'outside-window']);
    expect(ev.earned).toBe(40);
    expect(ev.entries[1]!.reasons[0]).toBe('Dated 2028-03-01, after the last day to earn credits (2027-12-31)');
  });

  test('the phase rule is program data (creditCounts), not a special case of one body', () => {
    const grace = program('ACSM-CPT').cycle.phases.find((p) => p.status === 'GRACE')!;
    expect(grace.creditCounts).toBe(true);
    // Among the seed programs only ACSM's grace accepts late credit (issue 13's SHRM and NASM do too).
    for (const p of PROGRAMS.filter((x) => /^(NISM|NAMSS)-/.test(x.id)))
      expect(p.cycle.phases.some((x) => x.creditCounts)).toBe(false);
  });
});

describe('revision 2: extensions are granted, not automatic', () => {
  // rules.md: "NISM's 3-month extension ($100) and NAMSS's extension ($50, to 1 June R+1) apply only when
  // the profile says one was granted ("Extension granted" = yes). Then the deadline moves to the
  // extension's end, credit earned up to it counts, and the statuses run as before a deadline."
  // NISM: "Should you need more time, you also have the option to request a 3-month extension, which
  // will cost $100." NAMSS: "Once approved for an extension, you will have until June 1, 2023 to submit
  // your remaining CEs to renew your certification."
  const nismRows: Row[] = [
    { date: '2025-04-01', format: 'Webinar', hours: 4 },
    { date: '2027-04-20', format: 'Conference', hours: 3 }, // after the expiry, 2027-03-14
  ];

  test('NISM without the fact: past the deadline, late credit does not count', () => {
    const ev = evaluate('NISM-SMS', '2025-03-14', nismRows, '2027-05-01');
    expect(ev.status.keyword).toBe('LAPSED');
    expect(iso(ev.cycle.deadline)).toBe('2027-03-14');
    expect(ev.earned).toBe(4);
  });

  test('NISM with "Extension granted": deadline at the extension end, late credit counts, IN PROGRESS', () => {
    const ev = evaluate('NISM-SMS', '2025-03-14', nismRows, '2027-05-01', { extensionGranted: true });
    expect(iso(ev.cycle.deadline)).toBe('2027-06-14');
    expect(ev.status.line).toBe('IN PROGRESS: 7 of 20 credits, 13 to go by 2027-06-14');
    expect(ev.earned).toBe(7);
    // "NISM's re-exam during the extension is $195."
    expect(ev.fees.find((f) => f.id === 'reexam')).toMatchObject({ amount: 195, now: true });
    // After the extension's end every window has closed.
    expect(evaluate('NISM-SMS', '2025-03-14', nismRows, '2027-06-15', { extensionGranted: true }).status.keyword).toBe(
      'EXPIRED',
    );
  });

  test('NAMSS: the extension runs to 1 June R+1 only when granted', () => {
    const rows: Row[] = [{ date: '2026-02-01', hours: 30, approved: true }];
    const plain = evaluate('NAMSS-CPCS', '2022-12-02', rows, '2026-03-01');
    expect(plain.status.keyword).toBe('LAPSED');
    expect(plain.earned).toBe(0);
    const granted = evaluate('NAMSS-CPCS', '2022-12-02', rows, '2026-03-01', { extensionGranted: true });
    expect(iso(granted.cycle.deadline)).toBe('2026-06-01');
    expect(granted.status.keyword).toBe('READY');
    expect(granted.earned).toBe(30);
  });

  test('NAMSS extension eligibility: half of the required credits (15 single, 22.5 dual)', () => {
    // rules.md: "at least half of the required credits backed by a certificate (15 single, 22.5 dual)".
    const minCredits = (id: string) => cycleDates(program(id), day('2022-12-02')).extension!.minCredits;
    expect(minCredits('NAMSS-CPCS')).toBe(15);
    expect(minCredits('NAMSS-CPMSM')).toBe(15);
    expect(minCredits('NAMSS-DUAL')).toBe(22.5);
  });

  test('"Extension granted" is a fact of the programs that have an extension, and only of them', () => {
    const asks = (id: string) => programFacts(program(id)).some((f) => f.id === 'extensionGranted');
    expect(asks('NISM-SMS')).toBe(true);
    expect(asks('NAMSS-DUAL')).toBe(true);
    expect(asks('ACSM-CPT')).toBe(false);
  });
});

describe("revision 3: the certificate's own expiration date wins", () => {
  // rules.md: "Every program accepts an "Expires" date in the profile (printed on the certificate or in
  // the body's portal); when given, it replaces the computed expiry/deadline and every date derived
  // from it."
  test('for every program the deadline becomes the Expires date, or is derived from it', () => {
    for (const p of PROGRAMS) {
      const expires = day('2027-10-31');
      const dates = cycleDates(p, day('2024-03-01'), { expires });
      expect([p.id, iso(dates.windowEnd)]).toEqual([p.id, '2027-10-31']);
      const d = p.cycle.deadline;
      const sameDay = d.from === 'windowEnd' && !d.years && !d.months && !d.days && !d.month && !d.day;
      // A program whose deadline falls after its window (ISACA reports by 15 January) derives it from Expires.
      const derived = sameDay ? expires : resolveDate(d, { cycleStart: day('2024-03-01'), windowEnd: expires });
      expect([p.id, iso(dates.deadline)]).toEqual([p.id, iso(derived)]);
      expect(programFacts(p)[0]!.label).toBe('Expires');
    }
  });

  test('dates derived from the expiry move with it (NAMSS application, grace and reinstatement)', () => {
    const dates = cycleDates(program('NAMSS-CPCS'), day('2022-12-02'), { expires: day('2026-12-01') });
    expect(iso(dates.applicationOpens)).toBe('2026-08-01');
    expect(dates.phases.map((p) => [p.status, iso(p.through)])).toEqual([
      ['GRACE', '2026-12-31'],
      ['LAPSED', '2027-06-01'],
      ['EXPIRED', undefined],
    ]);
  });

  test('credit earned up to the Expires date counts', () => {
    const rows: Row[] = [{ date: '2027-06-01', format: 'Webinar', hours: 2 }];
    expect(evaluate('NISM-SMS', '2025-03-14', rows, '2027-06-10').earned).toBe(0);
    expect(evaluate('NISM-SMS', '2025-03-14', rows, '2027-06-10', { expires: day('2027-06-30') }).earned).toBe(2);
  });
});

describe('revision 4: ACSM dates', () => {
  // rules.md: "Certifications expire on 31 December of year(cycle start) + 3 (acsm.org: "the expiration
  // date (December 31st)"; grace "ends June 30 each year"). Renewal opens 1 January of the expiry year.
  // GRACE runs 1 January to 30 June after expiry; credit earned in it counts; late fee $80. Then LAPSED
  // until 3 years after expiry: reinstatement ($165) [...]. Then EXPIRED (retake the exam)."
  test('expiry, opening, grace, reinstatement and the exam route', () => {
    const dates = cycleDates(program('ACSM-EP'), day('2024-06-15'));
    expect(iso(dates.windowEnd)).toBe('2027-12-31');
    expect(iso(dates.deadline)).toBe('2027-12-31');
    expect(iso(dates.applicationOpens)).toBe('2027-01-01');
    expect(dates.phases.map((p) => [p.status, iso(p.from), iso(p.through)])).toEqual([
      ['GRACE', '2028-01-01', '2028-06-30'],
      ['LAPSED', '2028-07-01', '2030-12-31'],
      ['EXPIRED', '2031-01-01', undefined],
    ]);
  });

  test('the late fee is $80 in GRACE, reinstatement $165 in LAPSED', () => {
    const rows: Row[] = [{ date: '2025-02-01', format: 'CEC', hours: 10 }];
    const grace = evaluate('ACSM-CPT', '2024-01-15', rows, '2028-02-01');
    expect(grace.status.line).toMatch(/^GRACE: .*renew by 2028-06-30 with the \$80 late fee/);
    const lapsed = evaluate('ACSM-CPT', '2024-01-15', rows, '2029-01-01');
    expect(lapsed.status.line).toMatch(/^LAPSED: .*reinstatement \(\$165\) until 2030-12-31/);
  });
});

describe('revision 5: ACSM credits', () => {
  // rules.md: "No rounding to 0.5 (no source; it loses credit): round to 2 decimals like the others.
  // Committee service earns 8 CECs per year of service (Hours = years of service), at most 8 per
  // calendar year and 24 per cycle, for service from 1 January 2023. CPR, AED and First Aid
  // certifications earn 5 CECs each (whatever the Hours), at most 5 per calendar year, for
  // certifications completed from 1 January 2025; earlier ones earn nothing, with that reason. A CEU
  // amount of 5 or more on one entry is flagged ("looks like contact hours: 8 CEU = 80 CECs")."
  const start = '2022-06-01'; // expiry 2025-12-31, grace to 2026-06-30

  test('no rounding to 0.5: 2 decimals', () => {
    const ev = evaluate(
      'ACSM-CPT',
      start,
      [
        { date: '2023-01-10', format: 'CEU', hours: 0.27 },
        { date: '2023-01-11', format: 'Contact hours', hours: 1.26 },
      ],
      '2024-01-01',
    );
    expect(ev.entries.map((e) => e.counted)).toEqual([2.7, 1.26]);
    expect(program('ACSM-CPT').rounding).toEqual({ step: 0.01, mode: 'nearest' });
  });

  test('committee service: 8 per year of service, 8 per calendar year, 24 per cycle, from 2023', () => {
    const committee = (date: string, years = 1): Row => ({ date, format: 'Committee service', hours: years });
    const ev = evaluate(
      'ACSM-CPT',
      start,
      [
        committee('2022-09-01'), // before 2023: nothing
        committee('2023-02-01'),
        committee('2023-10-01'), // 2023 already has its 8
        committee('2024-01-10'),
        committee('2025-03-01'),
        committee('2026-02-01'), // grace period, a new calendar year, but the cycle has its 24
      ],
      '2026-03-01',
    );
    expect(ev.entries.map((e) => e.counted)).toEqual([0, 8, 0, 8, 8, 0]);
    expect(ev.entries[0]).toMatchObject({ state: 'ineligible' });
    expect(ev.entries[0]!.reasons).toEqual([
      'Committee service earns CECs only for activities from 2023-01-01: this one was completed 2022-09-01',
    ]);
    expect(ev.caps.find((c) => c.capId === 'committee-cycle')).toMatchObject({ limit: 24, counted: 24 });
    expect(ev.caps.find((c) => c.label === 'Committee service, 2023')).toMatchObject({ claimed: 16, counted: 8 });
  });

  test('CPR/AED: 5 per certification whatever the hours, 5 per calendar year, from 2025', () => {
    const ev = evaluate(
      'ACSM-CPT',
      start,
      [
        { date: '2024-11-01', format: 'CPR/AED course', hours: 4 },
        { date: '2025-02-01', format: 'CPR/AED course', hours: 2 },
        { date: '2025-08-01', format: 'First Aid', hours: 8 },
      ],
      '2025-12-01',
    );
    expect(ev.entries.map((e) => [e.state, e.claimed, e.counted])).toEqual([
      ['ineligible', 5, 0],
      ['counted', 5, 5],
      ['counted', 5, 0],
    ]);
    expect(ev.entries[0]!.reasons[0]).toBe(
      'CPR/AED course earns CECs only for activities from 2025-01-01: this one was completed 2024-11-01',
    );
  });

  test('5 CEU or more on one entry is flagged as looking like contact hours', () => {
    const ev = evaluate(
      'ACSM-CPT',
      start,
      [
        { date: '2023-03-01', format: 'CEU', hours: 8 },
        { date: '2023-03-02', format: 'CEU', hours: 0.8 },
      ],
      '2024-01-01',
    );
    expect(ev.entries.map((e) => e.flags.map((f) => f.message))).toEqual([
      ['Looks like contact hours: 8 CEU = 80 CECs; enter the CEUs on the certificate (0.1 CEU = 1 CEC)'],
      [],
    ]);
    expect(ev.entries[0]!.counted).toBe(80); // a warning only
  });

  test('the interpretations are written in the sources', () => {
    const sources = program('ACSM-CPT').sources.join('\n');
    expect(sources).toMatch(/Interpretation: committee service/);
    expect(sources).toMatch(/Interpretation: credit earned in the grace period/);
  });
});

describe('revision 6: rules dated by the activity', () => {
  // rules.md: "A format, cap or multiplier can carry the dates it applies from/to; the activity's date
  // decides which version applies (point 5 is the first use)."
  test("a format's effectiveFrom/effectiveTo is decided by each entry's date, not the cycle's", () => {
    const p = madeUp({
      formats: nismPrograms[0]!.formats!.map((f) =>
        f.id === 'webinar' ? { ...f, effectiveFrom: '2025-06-01', effectiveTo: '2025-12-31' } : f,
      ),
    });
    const ev = evaluate(
      p,
      '2025-03-14',
      ['2025-05-31', '2025-06-01', '2025-12-31', '2026-01-01'].map((date) => ({ date, format: 'Webinar', hours: 1 })),
      '2026-06-01',
    );
    expect(ev.entries.map((e) => e.state)).toEqual(['ineligible', 'counted', 'counted', 'ineligible']);
    expect(ev.entries[3]!.reasons[0]).toBe(
      'Webinar earns credits only for activities from 2025-06-01 to 2025-12-31: this one was completed 2026-01-01',
    );
  });

  test('a program whose dates are the wrong way round is refused at load', () => {
    const bad = loadProgram({
      ...nismPrograms[0]!,
      formats: nismPrograms[0]!.formats!.map((f) =>
        f.id === 'webinar' ? { ...f, effectiveFrom: '2026-01-01', effectiveTo: '2025-01-01' } : f,
      ),
    });
    expect(bad.ok).toBe(false);
  });
});

describe('revision 7: periods', () => {
  // rules.md: "Per-year caps and minimums can run by calendar year or by cycle year. A cycle year never
  // includes an extra day: the expiry date belongs to the last cycle year, not to a new one."
  // (Calendar-year caps: see revision 5's committee service and CPR/AED.)
  const p = madeUp({
    perEntryCap: undefined,
    caps: [
      {
        id: 'yearly',
        label: 'Webinar, cycle year {year}',
        limit: 2,
        appliesTo: { formats: ['webinar'] },
        period: 'cycleYear',
      },
    ],
    minimums: [{ id: 'annual', label: 'annual', credits: 1, period: 'cycleYear' }],
  });

  test('an entry on the expiry date gets no fresh per-year allowance', () => {
    const ev = evaluate(
      p,
      '2025-03-14',
      [
        { date: '2026-04-01', format: 'Webinar', hours: 2 }, // cycle year 2 uses its 2
        { date: '2027-03-14', format: 'Webinar', hours: 2 }, // the expiry date: still cycle year 2
      ],
      '2027-03-14',
    );
    expect(ev.entries.map((e) => e.cycleYear)).toEqual([2, 2]);
    expect(ev.entries.map((e) => e.counted)).toEqual([2, 0]);
    expect(ev.caps.map((c) => c.label)).toEqual(['Webinar, cycle year 2']);
  });

  test('an entry on the expiry date counts toward the last cycle year of an annual minimum', () => {
    const ev = evaluate(
      p,
      '2025-03-14',
      [
        { date: '2025-05-01', format: 'Conference', hours: 1 },
        { date: '2027-03-14', format: 'Conference', hours: 1 },
      ],
      '2027-03-14',
    );
    expect(ev.minimums[0]).toMatchObject({ required: 2, counted: 2, shortfall: 0 });
  });
});

describe('revision 8: NISM', () => {
  // rules.md: "Grovo training is exempt from the per-entry cap as well as the per-format cap ("capped
  // categories and large courses at 5 CEUs with the exception of Grovo training"). A Subject area cell
  // may name several areas (separated by `;` `,` `/` or a line break); it is eligible when at least one
  // is on the list. A blank Subject area counts but is flagged at risk ("NISM requires one of the
  // subject areas"). An unlisted one still does not count."
  // NISM: "We've also capped categories and large courses at 5 CEUs with the exception of Grovo training
  // (because the content is so varied)."
  test('Grovo is exempt from the per-entry cap too', () => {
    const ev = evaluate(
      'NISM-SMS',
      '2025-03-14',
      [
        { date: '2025-04-01', format: 'Online asynchronous course', provider: 'Grovo', hours: 70, approved: true },
        { date: '2025-04-02', format: 'Online asynchronous course', provider: 'Coursera', hours: 70, approved: true },
      ],
      '2026-01-01',
    );
    expect(ev.entries.map((e) => [e.claimed, e.counted])).toEqual([
      [7, 7],
      [5, 5],
    ]);
    expect(ev.entries[0]!.reasons).toEqual(['Exempt from the per-entry cap of 5 credits: all 7 count']);
    expect(ev.entries[1]!.reasons[0]).toBe('Capped at 5 credits per entry (7 computed)');
  });

  test('a Subject area cell may name several areas; eligible when one is listed', () => {
    const ev = evaluate(
      'NISM-SMS',
      '2025-03-14',
      [
        { date: '2025-04-01', format: 'Webinar', hours: 1, subject: 'Cooking; Social Media Marketing' },
        { date: '2025-04-02', format: 'Webinar', hours: 1, subject: 'community management, cooking' },
        { date: '2025-04-03', format: 'Webinar', hours: 1, subject: 'Baking / Research & Analysis' },
        { date: '2025-04-04', format: 'Webinar', hours: 1, subject: 'Cooking\nBaking' },
        { date: '2025-04-05', format: 'Webinar', hours: 1, subject: 'Cooking' },
      ],
      '2026-01-01',
    );
    expect(ev.entries.map((e) => e.state)).toEqual(['counted', 'counted', 'counted', 'ineligible', 'ineligible']);
  });

  test('a blank Subject area counts but is at risk', () => {
    const ev = evaluate(
      'NISM-SMS',
      '2025-03-14',
      [{ date: '2025-04-01', format: 'Webinar', hours: 2, subject: '' }],
      '2026-01-01',
    );
    expect(ev.entries[0]!.state).toBe('counted');
    expect(ev.entries[0]!.flags).toContainEqual({
      rule: 'subject-given',
      severity: 'at-risk',
      message: 'NISM requires one of the subject areas: add the Subject area',
    });
    expect(ev.atRisk).toBe(2);
  });

  test('the reading of the Grovo sentence is written in the sources as an interpretation', () => {
    expect(program('NISM-SMS').sources.join('\n')).toMatch(/Interpretation: "capped categories .* Grovo/);
  });
});

describe('revision 10: profile facts in the cell functions', () => {
  // rules.md: "RECERT_STATUS, CREDITS_EARNED, CREDITS_NEEDED take an optional last argument profile, and
  // RECERT_DEADLINE takes it as its third: a two-column range of name/value rows (the CE Profile table
  // works as is). Names are matched ignoring case and spaces; at least Expires (a date) and Extension
  // granted (yes/no) must be understood."
  test('Expires and Extension granted from name/value rows', () => {
    const start = '2025-03-14';
    expect(recertDeadline('NISM-SMS', start, [['expires', '2027-05-31']])).toBe(serialFromDay(day('2027-05-31')));
    expect(recertDeadline('NISM-SMS', start, [['ExtensionGranted', 'YES']])).toBe(serialFromDay(day('2027-06-14')));
    const cells = log([{ date: '2025-04-01', format: 'Webinar', hours: 2 }]);
    expect(recertStatus('NISM-SMS', start, cells, '2027-04-01', [['Extension granted', true]])).toBe(
      'IN PROGRESS: 2 of 20 credits, 18 to go by 2027-06-14',
    );
  });
});
