/** Whole-log rules (rules.md sections 3 and 4): caps, minimums, eligibility, at-risk flags and proof. */
import { day, evaluate, type Row } from './helpers';

const AS_OF = '2026-06-01';
const NISM_START = '2025-03-14';

function nism(rows: Row[]) {
  return evaluate('NISM-SMS', NISM_START, rows, AS_OF);
}

describe('NISM-SMS caps', () => {
  test('webinars are capped at 5 credits per cycle: six 1-hour webinars count 5', () => {
    const rows: Row[] = Array.from({ length: 6 }, (_, i) => ({
      date: `2025-0${4 + i}-01`,
      format: 'Webinar',
      hours: 1,
      approved: true,
    }));
    const ev = nism(rows);
    expect(ev.claimed).toBe(6);
    expect(ev.earned).toBe(5);
    const cap = ev.caps.find((c) => c.formatId === 'webinar')!;
    expect(cap).toMatchObject({ limit: 5, claimed: 6, counted: 5, clipped: 1, full: true });
    // The latest webinar is the one clipped, and the reason says why.
    const last = ev.entries[5]!;
    expect(last.counted).toBe(0);
    expect(last.reasons.join(' ')).toMatch(/Webinar is at its cap of 5 credits per cycle/);
    expect(ev.hints.join(' ')).toMatch(/Webinar is at its cap, so further entries of that kind won't count/);
  });

  test('totals do not depend on row order; earlier entries fill the cap first', () => {
    const rows: Row[] = [
      { date: '2025-12-01', format: 'Webinar', hours: 3, approved: true },
      { date: '2025-04-01', format: 'Webinar', hours: 4, approved: true },
    ];
    const a = nism(rows);
    const b = nism([...rows].reverse());
    expect(a.earned).toBe(5);
    expect(b.earned).toBe(5);
    for (const ev of [a, b]) {
      const december = ev.entries.find((e) => e.entry.date === day('2025-12-01'))!;
      expect(december.counted).toBe(1); // April's 4 came first
    }
  });

  test('each format has its own 5-credit allowance', () => {
    const ev = nism([
      { date: '2025-04-01', format: 'Webinar', hours: 5 },
      { date: '2025-05-01', format: 'Conference', hours: 5 },
      { date: '2025-06-01', format: 'Conference', hours: 2 },
    ]);
    expect(ev.earned).toBe(10);
    expect(ev.categories.find((c) => c.formatId === 'conference')).toMatchObject({
      claimed: 7,
      counted: 5,
      clipped: 2,
      capLimit: 5,
    });
  });

  test('Grovo training is exempt from the per-format cap and from the per-entry cap (revision 8)', () => {
    const ev = nism([
      { date: '2025-04-01', format: 'Online asynchronous course', provider: 'Grovo', hours: 40, approved: true },
      {
        date: '2025-05-01',
        format: 'Online asynchronous course',
        provider: 'Grovo Learning',
        hours: 40,
        approved: true,
      },
      { date: '2025-06-01', format: 'Online asynchronous course', provider: 'grovo', hours: 70, approved: true },
      { date: '2025-07-01', format: 'Online asynchronous course', provider: 'Coursera', hours: 30, approved: true },
    ]);
    // 4 + 4 + 7 exempt from both caps, plus 3 under the async allowance.
    expect(ev.entries.map((e) => e.counted)).toEqual([4, 4, 7, 3]);
    expect(ev.earned).toBe(18);
  });

  test('a 6-hour webinar counts 5 (per-entry cap) and says so', () => {
    const ev = nism([{ date: '2025-04-01', format: 'Webinar', hours: 6 }]);
    expect(ev.entries[0]).toMatchObject({ raw: 6, claimed: 5, counted: 5 });
    expect(ev.entries[0]!.reasons[0]).toBe('Capped at 5 credits per entry (6 computed)');
  });
});

describe('NISM-SMS eligibility and risk', () => {
  test('a subject outside the NISM list is not counted; blank and listed subjects are', () => {
    const ev = nism([
      { date: '2025-04-01', format: 'Webinar', hours: 2, subject: 'Cooking' },
      { date: '2025-04-02', format: 'In-person class', hours: 2, subject: 'compliance and governance' },
      { date: '2025-04-03', format: 'Conference', hours: 2, subject: '' },
    ]);
    expect(ev.entries.map((e) => e.state)).toEqual(['ineligible', 'counted', 'counted']);
    expect(ev.entries[0]!.reasons[0]).toMatch(/not one of the NISM social media subject areas/);
    expect(ev.earned).toBe(4);
    expect(ev.checklist.find((c) => c.id === 'subjects')).toMatchObject({ done: false, rows: [2] });
  });

  test('a non-NISM course without pre-approval counts but is at risk; NISM courses need no approval', () => {
    const ev = nism([
      { date: '2025-04-01', format: 'Webinar', hours: 2, provider: 'HubSpot Academy', approved: false },
      { date: '2025-04-02', format: 'Conference', hours: 3, provider: 'NISM', approved: false },
      { date: '2025-04-03', format: 'In-person class', hours: 1, provider: 'Mechanism Inc', approved: true },
    ]);
    expect(ev.earned).toBe(6);
    expect(ev.atRisk).toBe(2);
    expect(ev.entries[0]!.flags.map((f) => f.rule)).toContain('pre-approval');
    expect(ev.entries[1]!.flags).toEqual([]);
    expect(ev.checklist.find((c) => c.id === 'approved')).toMatchObject({ done: false, rows: [2] });
  });

  test('rudimentary-looking titles raise a warning only', () => {
    const ev = nism([
      { date: '2025-04-01', format: 'Webinar', hours: 1, activity: 'Basics of Social Media' },
      { date: '2025-04-02', format: 'Webinar', hours: 1, activity: 'Social Media 101' },
      { date: '2025-04-03', format: 'Webinar', hours: 1, activity: 'Intermediate Social Media Marketing Techniques' },
    ]);
    expect(ev.entries.map((e) => e.flags.filter((f) => f.severity === 'warning').length)).toEqual([1, 1, 0]);
    expect(ev.earned).toBe(3);
    expect(ev.atRisk).toBe(0);
  });
});

describe('proof (rules.md section 4)', () => {
  test('NISM: non-NISM entries need proof; an assessment needs 70 or more', () => {
    const ev = nism([
      { date: '2025-04-01', format: 'Webinar', hours: 1, provider: 'HubSpot', proof: '' },
      { date: '2025-04-02', format: 'Webinar', hours: 1, provider: 'HubSpot', proof: 'Assessment', score: 65 },
      { date: '2025-04-03', format: 'Webinar', hours: 1, provider: 'HubSpot', proof: 'Assessment', score: 0.7 },
      { date: '2025-04-04', format: 'Conference', hours: 1, provider: 'NISM', proof: '' },
      { date: '2025-04-05', format: 'Conference', hours: 1, provider: 'HubSpot', proof: 'Progress tracking' },
      { date: '2025-04-06', format: 'Conference', hours: 1, provider: 'HubSpot', proof: 'Transcript' },
    ]);
    expect(ev.entries.map((e) => e.proof)).toEqual([
      'missing',
      'insufficient',
      'ok',
      'not-needed',
      'ok',
      'insufficient',
    ]);
    expect(ev.entries[1]!.proofMessage).toBe('Assessment score 65 is below 70: insufficient proof');
    expect(ev.proofIssues.map((p) => [p.row, p.state])).toEqual([
      [2, 'missing'],
      [3, 'insufficient'],
      [7, 'insufficient'],
    ]);
    expect(ev.earned).toBe(6); // at risk, not lost
  });

  test('NISM research & writing also needs a publication', () => {
    const ev = nism([
      { date: '2025-04-01', format: 'Research & writing', hours: 2, self: 35, provider: 'Self', proof: 'Assignment' },
      {
        date: '2025-04-02',
        format: 'Research & writing',
        hours: 1,
        self: 10,
        provider: 'Self',
        proof: 'Assignment; Publication',
      },
    ]);
    expect(ev.entries.map((e) => e.proof)).toEqual(['missing', 'ok']);
    expect(ev.entries[0]!.proofMessage).toMatch(/also needs proof of Publication/);
    expect(ev.entries.map((e) => e.counted)).toEqual([5, 0]); // 5 + 2 under one 5-credit format cap
  });

  test('NAMSS needs a certificate for every entry; ACSM accepts certificates, attendance letters and transcripts', () => {
    const namss = evaluate(
      'NAMSS-CPCS',
      '2022-12-02',
      [
        { date: '2023-01-10', hours: 1, proof: 'Certificate' },
        { date: '2023-01-11', hours: 1, proof: 'Transcript' },
        { date: '2023-01-12', hours: 1, proof: '' },
      ],
      '2024-01-01',
    );
    expect(namss.entries.map((e) => e.proof)).toEqual(['ok', 'insufficient', 'missing']);
    const acsm = evaluate(
      'ACSM-CPT',
      '2024-01-15',
      [
        { date: '2024-02-01', hours: 1, proof: 'Attendance letter' },
        { date: '2024-02-02', hours: 1, proof: 'Transcript' },
        { date: '2024-02-03', hours: 1, proof: 'Assignment' },
      ],
      '2025-01-01',
    );
    expect(acsm.entries.map((e) => e.proof)).toEqual(['ok', 'ok', 'insufficient']);
  });
});

describe('NAMSS minimums (all four variants)', () => {
  test('the worked example: CPCS with 10 approved and 25 other credits has earned 35 and needs 5', () => {
    const ev = evaluate(
      'NAMSS-CPCS',
      '2022-12-02',
      [
        { date: '2023-05-01', format: 'Webinar', hours: 10, approved: true },
        { date: '2024-05-01', format: 'Live event', hours: 25, approved: false },
      ],
      '2025-06-01',
    );
    expect(ev.earned).toBe(35);
    expect(ev.needed).toBe(5);
    expect(ev.bindingMinimum?.id).toBe('approved');
    expect(ev.status.line).toBe('IN PROGRESS: 35 of 30 credits, 5 more NAMSS-approved credits needed by 2025-12-01');
  });

  test.each([
    ['NAMSS-CPCS', 30, 15],
    ['NAMSS-CPMSM', 30, 15],
    ['NAMSS-DUAL', 45, 25],
    ['NAMSS-DUAL-FIRST', 30, 15],
  ])('%s needs %p credits with %p approved', (id, required, approved) => {
    const rows = (a: number, other: number): Row[] => [
      { date: '2023-05-01', hours: a, approved: true },
      { date: '2024-05-01', hours: other, approved: false },
    ];
    const exact = evaluate(id, '2022-12-02', rows(approved, required - approved), '2025-09-01');
    expect(exact).toMatchObject({ required, earned: required, needed: 0 });
    expect(exact.status.keyword).toBe('READY');
    const fewApproved = evaluate(id, '2022-12-02', rows(approved - 1, required + 5), '2025-09-01');
    expect(fewApproved.needed).toBe(1);
    expect(fewApproved.minimums[0]).toMatchObject({ required: approved, counted: approved - 1, shortfall: 1 });
    const fewTotal = evaluate(id, '2022-12-02', rows(approved, required - approved - 3), '2025-09-01');
    expect(fewTotal.needed).toBe(3);
  });

  test('credits outside the window (before the cycle start or after 1 Dec R) do not count', () => {
    const ev = evaluate(
      'NAMSS-CPCS',
      '2022-12-02',
      [
        { date: '2022-12-01', hours: 5, approved: true },
        { date: '2022-12-02', hours: 5, approved: true },
        { date: '2025-12-01', hours: 5, approved: true },
        { date: '2025-12-02', hours: 5, approved: true },
      ],
      '2026-01-15',
    );
    expect(ev.entries.map((e) => e.state)).toEqual(['outside-window', 'counted', 'counted', 'outside-window']);
    expect(ev.earned).toBe(10);
    expect(ev.checklist.find((c) => c.id === 'window')).toMatchObject({ done: false, rows: [2, 5] });
  });

  test('a missing location puts an entry at risk and fails the checklist item', () => {
    const ev = evaluate('NAMSS-CPCS', '2022-12-02', [{ date: '2023-01-10', hours: 2, location: '' }], '2024-01-01');
    expect(ev.atRisk).toBe(2);
    expect(ev.checklist.find((c) => c.id === 'location')).toMatchObject({ done: false, rows: [2] });
  });
});

describe('ACSM caps per calendar year and college grades', () => {
  const start = '2024-01-15';
  // Revision 5 replaced the first version's caps per cycle year and per-hour committee credit.
  test('committee service counts at most 8 CECs per calendar year, CPR/AED at most 5', () => {
    const ev = evaluate(
      'ACSM-CPT',
      start,
      [
        { date: '2024-03-01', format: 'Committee service', hours: 0.5 }, // 4 of 8
        { date: '2024-09-01', format: 'Committee service', hours: 1 }, // 2024: 4 of 8 count
        { date: '2025-01-10', format: 'Committee service', hours: 1 }, // a new calendar year, same cycle year
        { date: '2025-05-01', format: 'CPR/AED course', hours: 4 },
        { date: '2025-06-01', format: 'CPR/AED course', hours: 4 }, // 2025 already has its 5
        { date: '2026-06-01', format: 'CPR/AED course', hours: 4 },
      ],
      '2026-12-01',
    );
    expect(ev.entries.map((e) => e.counted)).toEqual([4, 4, 8, 5, 0, 5]);
    expect(ev.earned).toBe(26);
    const in2024 = ev.caps.find((c) => c.label === 'Committee service, 2024')!;
    expect(in2024).toMatchObject({ limit: 8, claimed: 12, counted: 8, clipped: 4 });
  });

  test('a college course needs a grade of C or better; without a grade it counts but is at risk', () => {
    const cells = [
      ['Date', 'Activity', 'Format', 'Hours', 'Grade', 'Proof'],
      [45400, 'Exercise physiology', 'College course', 3, 'B+', 'Transcript'],
      [45401, 'Kinesiology', 'College course', 1, 'C-', 'Transcript'],
      [45402, 'Biomechanics', 'College course', 1, '', 'Transcript'],
      [45403, 'Nutrition', 'College course', 1, 'C', 'Transcript'],
    ];
    const ev = evaluate('ACSM-EP', start, cells, '2026-01-01');
    expect(ev.entries.map((e) => e.state)).toEqual(['counted', 'ineligible', 'counted', 'counted']);
    expect(ev.entries.map((e) => e.counted)).toEqual([30, 0, 10, 10]);
    expect(ev.entries[2]!.flags[0]!.message).toMatch(/No grade recorded/);
  });

  test('the CPR/AED checklist item reads the valid-until date from the profile', () => {
    const base = evaluate('ACSM-CPT', start, [{ date: '2024-02-01', hours: 45 }], '2026-06-01');
    expect(base.checklist.find((c) => c.id === 'cpr')).toMatchObject({
      done: false,
      state: 'not checked',
      detail: 'not checked: enter CPR/AED valid until in the profile',
    });
  });
});

describe('planned activities', () => {
  test('activities after the as-of date are shown, not counted', () => {
    const ev = nism([
      { date: '2025-04-01', format: 'Webinar', hours: 2 },
      { date: '2026-09-01', format: 'Conference', hours: 3 },
    ]);
    expect(ev.entries.map((e) => e.state)).toEqual(['counted', 'planned']);
    expect(ev.earned).toBe(2);
    expect(ev.needed).toBe(18);
  });
});

test('on the same date, which entry a cap clips does not depend on row order', () => {
  const rows: Row[] = [
    { date: '2025-04-01', format: 'Webinar', hours: 4, provider: 'HubSpot', approved: false },
    { date: '2025-04-01', format: 'Webinar', hours: 4, provider: 'NISM', approved: true },
  ];
  const a = nism(rows);
  const b = nism([...rows].reverse());
  expect(a.atRisk).toBe(b.atRisk);
  expect(a.earned).toBe(5);
});

test('a planned activity is not listed as missing proof: it cannot have proof yet', () => {
  const ev = nism([{ date: '2026-09-01', format: 'Conference', hours: 2, provider: 'HubSpot', proof: '' }]);
  expect(ev.entries[0]!.state).toBe('planned');
  expect(ev.proofIssues).toEqual([]);
  // Nor is the proof item ticked: with no entry counting yet, there was nothing to check.
  expect(ev.checklist.find((c) => c.id === 'proof')).toMatchObject({ done: false, state: 'not checked' });
});

test('each entry names the minimums its counted credits go toward', () => {
  const ev = evaluate(
    'NAMSS-CPCS',
    '2022-12-02',
    [
      { date: '2023-05-01', hours: 10, approved: true },
      { date: '2024-05-01', hours: 25, approved: false },
    ],
    '2025-06-01',
  );
  expect(ev.entries.map((e) => e.minimums)).toEqual([['approved'], []]);
});
