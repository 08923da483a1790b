/**
 * SHRM-CP (and SHRM-SCP, the same rules): one worked example per rule, from SHRM's recertification
 * pages named in src/core/programs/sources.ts, numbers worked out by hand.
 */
import { cycleDates, isoFromDay } from '../../../src/core';
import { day, program } from '../helpers';
import { refusal, run } from './run';

const JULY = { birthMonth: 7 };
const START = '2022-04-29'; // SHRM's FAQ example of an early recertification: cycle to 2025-07-31

describe.each(['SHRM-CP', 'SHRM-SCP'])('%s', (id) => {
  test('"Candidate\'s birth month is July; passes the exam on May 3, 2019; cycle end date: July 31, 2022; cycle expiration: September 30, 2022"', () => {
    const dates = cycleDates(program(id), day('2019-05-03'), JULY);
    expect(isoFromDay(dates.windowEnd)).toBe('2022-07-31');
    expect(isoFromDay(dates.deadline)).toBe('2022-07-31');
    expect(isoFromDay(dates.phases[0]!.through!)).toBe('2022-09-30');
    // "Credential holder recertifies on April 28 2022: NEW 3-year cycle is April 29, 2022 – July 31, 2025".
    expect(isoFromDay(cycleDates(program(id), day(START), JULY).windowEnd)).toBe('2025-07-31');
    // A birth month after the start month (recertifyhr.com: October birthday, exam January 2023).
    expect(isoFromDay(cycleDates(program(id), day('2023-01-20'), { birthMonth: 10 }).windowEnd)).toBe('2026-10-31');
  });

  test('"Earn 60 PDCs within your 3-year recertification cycle"', () => {
    const ev = run(
      id,
      START,
      [
        { date: '2022-09-01', hours: 24 },
        { date: '2023-09-01', format: 'IACET CEU', hours: 2.4 }, // 1 CEU = 10 PDC: 24
        { date: '2024-09-01', format: 'CLE', hours: 12 },
      ],
      '2024-10-01',
      JULY,
    );
    expect(ev.earned).toBe(60);
    expect(ev.needed).toBe(0);
  });

  test('"a program that lasts 1 hour and 5 minutes will be awarded 1 PDC; ... 1 hour and 20 minutes will be awarded 1.25 PDCs"', () => {
    const ev = run(
      id,
      START,
      [
        { date: '2022-09-01', hours: 65 / 60 },
        { date: '2022-10-01', hours: 80 / 60 },
      ],
      '2023-01-01',
      JULY,
    );
    expect(ev.entries.map((e) => e.counted)).toEqual([1, 1.25]);
  });

  test('"20-PDC limit in Advance Your Organization, 30-PDC limit in Advance Your Profession" (2019)', () => {
    const ev = run(
      id,
      '2019-05-03',
      [
        { date: '2019-09-01', format: 'Work project, 20 PDCs' },
        { date: '2020-03-01', format: 'Work project, 10 PDCs' },
        // Presentations: 2 PDCs per hour, at most 20 each; 12 h = 24 → 20, then 8 h = 16: 36 → 30.
        { date: '2020-06-01', format: 'Presentation', hours: 12 },
        { date: '2020-09-01', format: 'Presentation', hours: 8 },
      ],
      '2021-01-01',
      JULY,
    );
    expect(ev.entries.map((e) => e.claimed)).toEqual([20, 10, 20, 16]);
    expect(ev.entries.map((e) => e.counted)).toEqual([20, 0, 20, 10]);
    expect(ev.earned).toBe(50);
  });

  test('Advance Your Organization "increased to 30" with the 2021 handbook (chapter page; start date unconfirmed)', () => {
    const ev = run(
      id,
      '2022-04-29',
      [
        { date: '2022-09-01', format: 'Work project, 20 PDCs' },
        { date: '2023-03-01', format: 'Work project, 20 PDCs' },
      ],
      '2023-06-01',
      JULY,
    );
    expect(ev.earned).toBe(30);
  });

  test('self-paced: "30 PDC maximum" (2017-2018 pages) vs "No PDC maximum" (newer page): dated to end 2018-12-31', () => {
    const old = run(id, '2016-05-03', [{ date: '2017-06-01', format: 'E-learning', hours: 35 }], '2018-01-01', JULY);
    expect(old.earned).toBe(30);
    const now = run(id, START, [{ date: '2023-06-01', format: 'E-learning', hours: 35 }], '2024-01-01', JULY);
    expect(now.earned).toBe(35);
  });

  test('"any PDCs that SHRM certification-holders earn during their grace period ... may be applied toward their recertification requirement"', () => {
    const rows = [
      { date: '2024-06-01', hours: 50 },
      // After the end date 2025-07-31, inside the grace period (to 2025-09-30).
      { date: '2025-08-20', hours: 10 },
    ];
    const grace = run(id, START, rows, '2025-09-01', JULY);
    expect(grace.status.keyword).toBe('GRACE');
    expect(grace.earned).toBe(60);
    expect(grace.fees.find((f) => f.id === 'late')!.now).toBe(true);
    const expired = run(id, START, rows, '2025-10-01', JULY);
    expect(expired.status.keyword).toBe('EXPIRED');
    expect(expired.earned).toBe(50);
  });

  test('"If you earn more than 60 PDCs during your cycle, you may carry over up to 20 excess PDCs to your new cycle"', () => {
    const ev = run(id, START, [{ date: '2023-01-10', hours: 30 }], '2023-06-01', {
      ...JULY,
      carryOverCredits: 20,
    });
    expect(ev.carriedOver).toBe(20);
    expect(ev.earned).toBe(50);
  });

  test('"You may submit your completed recertification record one year into your 3-year cycle"', () => {
    const rows = [{ date: '2022-06-01', hours: 60 }];
    expect(run(id, START, rows, '2023-01-01', JULY).status.keyword).toBe('COMPLETE');
    expect(run(id, START, rows, '2023-05-01', JULY).status.keyword).toBe('READY');
  });

  test('without the birth month the status says so instead of showing a date', () => {
    expect(refusal(id, START, [{ date: '2022-06-01', hours: 6 }], '2023-01-01')).toMatch(
      /^Birth month is not in the profile/,
    );
  });
});
