/**
 * PMI-PMP and PMI-ACP: worked examples of each rule, numbers computed by hand from the pages named in
 * src/core/programs/sources.ts (PMI "Maintain Your Certification", the CCR table as ProjectVictor and
 * Master of Project repeat it, Solarity on quarter hours).
 */
import { day } from '../helpers';
import { minimum, run, type Row } from './run';

const START = '2024-03-15'; // the exam date
const AS_OF = '2026-06-01';

const rows = (n: number, r: Omit<Row, 'date'>): Row[] =>
  Array.from({ length: n }, (_, i) => ({ date: `2025-0${(i % 9) + 1}-10`, ...r }));

describe('PMI-PMP', () => {
  test('"60 PDUs every three years"; the cycle "ends on the same date three years later"', () => {
    const ev = run('PMI-PMP', START, [{ date: '2024-04-01', hours: 10, category: 'Ways of Working' }], AS_OF);
    expect(ev.required).toBe(60);
    expect(ev.cycle.windowEnd).toBe(day('2027-03-15'));
    expect(ev.earned).toBe(10);
  });

  test('Education at least 35 with 8 in each talent-triangle area (ProjectVictor table: "Minimum 35", "8 in each area")', () => {
    // 30 Ways of Working + 30 volunteering: Giving Back keeps 25, so 55 counted.
    const ev = run(
      'PMI-PMP',
      START,
      [
        { date: '2024-05-01', format: 'Course', hours: 30, category: 'Ways of Working' },
        { date: '2024-06-01', format: 'Volunteer', hours: 30 },
      ],
      AS_OF,
    );
    expect(ev.earned).toBe(55);
    expect(minimum(ev, 'education')).toMatchObject({ required: 35, counted: 30, shortfall: 5 });
    expect(minimum(ev, 'ways-of-working')).toMatchObject({ required: 8, counted: 30, shortfall: 0 });
    expect(minimum(ev, 'power-skills')).toMatchObject({ counted: 0, shortfall: 8 });
    expect(minimum(ev, 'business-acumen')).toMatchObject({ counted: 0, shortfall: 8 });
    // Short 5 overall, 5 Education, 8 in two areas: the largest shortfall is 8.
    expect(ev.needed).toBe(8);
    expect(ev.status.met).toBe(false);
  });

  test('area PDUs come from Education only: a Giving Back row marked Power Skills is no area credit', () => {
    const ev = run(
      'PMI-PMP',
      START,
      [{ date: '2024-05-01', format: 'Volunteer', hours: 6, category: 'Power Skills' }],
      AS_OF,
    );
    expect(ev.earned).toBe(6);
    expect(minimum(ev, 'power-skills').counted).toBe(0);
  });

  test('the old area names still count ("Power Skills (Previously Leadership)", PMI Manitoba)', () => {
    const ev = run(
      'PMI-PMP',
      START,
      [
        { date: '2024-05-01', hours: 3, category: 'Leadership' },
        { date: '2024-05-02', hours: 2, category: 'Technical Project Management' },
        { date: '2024-05-03', hours: 4, category: 'Strategic and Business Management' },
      ],
      AS_OF,
    );
    expect(minimum(ev, 'power-skills').counted).toBe(3);
    expect(minimum(ev, 'ways-of-working').counted).toBe(2);
    expect(minimum(ev, 'business-acumen').counted).toBe(4);
  });

  test('Giving Back at most 25 ("Maximum 25"), of which working as a practitioner at most 8', () => {
    const ev = run(
      'PMI-PMP',
      START,
      [
        { date: '2024-05-01', format: 'Working as a practitioner', hours: 10 },
        { date: '2024-06-01', format: 'Volunteer', hours: 12 },
        { date: '2024-07-01', format: 'Create content', hours: 9 },
      ],
      AS_OF,
    );
    // Practitioner 10 -> 8; then 8 + 12 = 20, content keeps 5 of 9: Giving Back 25.
    expect(ev.entries.map((e) => e.counted)).toEqual([8, 12, 5]);
    expect(ev.earned).toBe(25);
  });

  test('PDUs in quarter hours (Solarity: 0.25 PDU = 15 minutes), rounded down per entry', () => {
    const ev = run(
      'PMI-PMP',
      START,
      [
        { date: '2024-05-01', hours: 1.4, category: 'Power Skills' },
        { date: '2024-05-02', hours: 0.2, category: 'Power Skills' },
        { date: '2024-05-03', hours: 0.75, category: 'Power Skills' },
      ],
      AS_OF,
    );
    expect(ev.entries.map((e) => e.claimed)).toEqual([1.25, 0, 0.75]);
    expect(ev.earned).toBe(2);
  });

  test('a complete cycle: 12 + 12 + 11 Education across the areas and 25 Giving Back meet every rule', () => {
    const ev = run(
      'PMI-PMP',
      START,
      [
        ...rows(3, { hours: 4, category: 'Ways of Working' }),
        ...rows(3, { hours: 4, category: 'Power Skills' }),
        { date: '2025-10-01', hours: 11, category: 'Business Acumen' },
        { date: '2025-11-01', format: 'Give a presentation', hours: 25 },
      ],
      AS_OF,
    );
    expect(ev.earned).toBe(60);
    expect(minimum(ev, 'education').counted).toBe(35);
    expect(ev.needed).toBe(0);
    expect(ev.status.met).toBe(true);
  });

  test('PDUs earned in the one-year suspension still count; after it the certification has expired', () => {
    const late: Row[] = [
      { date: '2026-01-10', hours: 50, category: 'Ways of Working; Power Skills; Business Acumen' },
      { date: '2027-06-01', format: 'Volunteer', hours: 10 },
    ];
    const inSuspension = run('PMI-PMP', START, late, '2027-07-01');
    expect(inSuspension.status.keyword).toBe('GRACE');
    expect(inSuspension.earned).toBe(60);
    const after = run('PMI-PMP', START, late, '2028-04-01');
    expect(after.status.keyword).toBe('EXPIRED');
  });
});

describe('PMI-ACP', () => {
  test('"30 PDUs in each 3-year cycle": Education at least 18 with 4 per area, Giving Back at most 12', () => {
    const ev = run(
      'PMI-ACP',
      START,
      [
        { date: '2024-05-01', hours: 6, category: 'Ways of Working' },
        { date: '2024-06-01', hours: 5, category: 'Power Skills' },
        { date: '2024-07-01', hours: 3, category: 'Business Acumen' },
        { date: '2024-08-01', format: 'Volunteer', hours: 16 },
      ],
      AS_OF,
    );
    expect(ev.required).toBe(30);
    // Giving Back keeps 12 of 16: 14 + 12 = 26.
    expect(ev.earned).toBe(26);
    expect(minimum(ev, 'education')).toMatchObject({ required: 18, counted: 14, shortfall: 4 });
    expect(minimum(ev, 'business-acumen')).toMatchObject({ required: 4, counted: 3, shortfall: 1 });
    expect(ev.needed).toBe(4);
  });

  test('working as a practitioner at most 4 ("a maximum of four PDUs can be claimed from your project experience")', () => {
    const ev = run('PMI-ACP', START, [{ date: '2024-05-01', format: 'Practitioner', hours: 7 }], AS_OF);
    expect(ev.earned).toBe(4);
  });
});
