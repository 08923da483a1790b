/**
 * What real trackers type (issue 10, points 2–4): text dates, amounts with units, credits as awarded,
 * totals rows and Status rows; and the property that no credit is ever converted twice.
 */
import fc from 'fast-check';
import { dayFromIso, evaluateLog, isoFromDay, parseLog, readAmount, readDate, type ParsedLog } from '../../src/core';
import { creditsEarned } from '../../src/functions/functions';
import { program } from './helpers';

const acsm = program('ACSM-CPT');
const namss = program('NAMSS-CPCS');

function parse(cells: unknown[][], p = namss, dateOrder?: 'mdy' | 'dmy' | 'ymd'): ParsedLog {
  const r = parseLog(cells, p, { dateOrder });
  if (!r.ok) throw new Error(r.message);
  return r;
}
const iso = (d: unknown) => isoFromDay(d as number);

describe('text dates', () => {
  it.each([
    ['3/14/2025', '2025-03-14'],
    ['14/03/2025', '2025-03-14'],
    ['14-Mar-2025', '2025-03-14'],
    ['Mar 14, 2025', '2025-03-14'],
    ['June 10, 2025', '2025-06-10'],
    ['10 June 2025', '2025-06-10'],
    ['2025/03/14', '2025-03-14'],
    ['Tue, Mar 4, 2025', '2025-03-04'],
    ['3/14/25', '2025-03-14'],
    ['Sept 2, 2024', '2024-09-02'],
  ])('%s is %s', (text, expected) => {
    expect(iso(readDate(text))).toBe(expected);
  });

  it('a column with a day over 12 reads all its dates day first; otherwise the option decides, and says so', () => {
    const dmy = parse([
      ['Date', 'Hours'],
      ['05/04/2025', 1],
      ['25/04/2025', 1],
    ]);
    expect(dmy.entries.map((e) => isoFromDay(e.date))).toEqual(['2025-04-05', '2025-04-25']);
    expect(dmy.notices).toEqual([]);
    const mdy = parse([
      ['Date', 'Hours'],
      ['05/04/2025', 1],
      ['06/07/2025', 1],
    ]);
    expect(mdy.entries.map((e) => isoFromDay(e.date))).toEqual(['2025-05-04', '2025-06-07']);
    expect(mdy.notices[0]!.message).toMatch(/"05\/04\/2025" were read month first \(mdy\).*--date-order dmy/);
    const chosen = parse(
      [
        ['Date', 'Hours'],
        ['05/04/2025', 1],
      ],
      namss,
      'dmy',
    );
    expect(isoFromDay(chosen.entries[0]!.date)).toBe('2025-04-05');
  });

  it('keeps the range check: a text date before 1900 is outside Excel', () => {
    expect((readDate('3/14/1899') as { message: string }).message).toMatch(/outside Excel's dates/);
  });
});

describe('amounts with units', () => {
  it.each([
    ['1.5 hrs', 1.5],
    ['90 min', 1.5],
    ['2 CEUs', 2],
    ['1h 30m', 1.5],
    ['1:30', 1.5],
    ['3 hours', 3],
    ['45 mins', 0.75],
    ['2 credits', 2],
  ])('%s is %p', (text, n) => {
    expect(readAmount(text, 100)).toBe(n);
  });
});

describe('rows that are not activities', () => {
  it('skips totals rows, Status rows and blank rows inside the log, each with a reason', () => {
    const parsed = parse([
      ['Date', 'Activity', 'Hours', 'Status'],
      ['2025-03-01', 'A', 2, 'Completed'],
      [null, null, null, null],
      ['2025-03-02', 'B', 3, 'Cancelled'],
      ['2025-03-03', 'C', 1, 'Registered'],
      ['2025-03-04', 'D', 4, ''],
      ['', 'TOTAL HOURS', 10, ''],
    ]);
    expect(parsed.entries.map((e) => e.activity)).toEqual(['A', 'D']);
    expect(parsed.problems).toEqual([]);
    expect(parsed.skipped.map((s) => [s.row, s.reason.split(':')[0]])).toEqual([
      [3, 'a blank row inside the log'],
      [4, 'Status says "Cancelled"'],
      [5, 'Status says "Registered"'],
      [7, 'a totals row (its label says Total)'],
    ]);
  });
});

describe('credits as awarded', () => {
  const cycleStart = dayFromIso('2024-01-01')!;
  const asOf = dayFromIso('2025-12-31')!;
  const earned = (cells: unknown[][]) => {
    const r = evaluateLog(acsm, cells, { cycleStart, asOf });
    if (!r.ok) throw new Error(r.message);
    return r.evaluation.earned;
  };

  it('a CECs column is never converted again, even on a CEU row; Hours that disagree are flagged and Credits wins', () => {
    const cells = [
      ['Date', 'Activity', 'Format', 'Hours', 'CECs'],
      ['2025-01-10', 'Course', 'CEU', 0.8, 8],
      ['2025-02-10', 'Webinar', 'CEC', 2, 3],
    ];
    expect(earned(cells)).toBe(11);
    const parsed = parse(cells, acsm);
    expect(parsed.notices.map((n) => n.row)).toEqual([3]);
    expect(parsed.notices[0]!.message).toMatch(/Credits 3 and Hours \(2 CEC.*\) disagree: Credits, as awarded, counts/);
    expect(creditsEarned('ACSM-CPT', '2024-01-01', cells as never, '2025-12-31')).toBe(11);
  });

  it('the cell functions see an edit to Credits or Status (their remembered results are keyed on the columns read)', () => {
    const cells: unknown[][] = [
      ['Date', 'Format', 'Hours', 'CECs', 'Status'],
      ['2025-01-10', 'CEC', '', 4, ''],
      ['2025-02-10', 'CEC', 2, '', ''],
    ];
    const at = () => creditsEarned('ACSM-CPT', '2024-01-01', cells.map((r) => [...r]) as never, '2025-12-31');
    expect(at()).toBe(6);
    cells[1]![3] = 6;
    expect(at()).toBe(8);
    cells[2]![4] = 'Cancelled';
    expect(at()).toBe(6);
  });

  it('property: a log recording each entry as raw units or as credits awarded gives the same totals', () => {
    const formats = acsm.formats.filter((f) => ['cec', 'cme', 'contact-hours', 'ceu'].includes(f.id));
    const entry = fc.record({
      format: fc.constantFrom(...formats),
      tenths: fc.integer({ min: 0, max: 60 }),
      day: fc.integer({ min: 0, max: 600 }),
      asCredits: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 12 }), (entries) => {
        const raw = [['Date', 'Format', 'Hours']];
        const mixed = [['Date', 'Format', 'Hours', 'CEUs']];
        for (const e of entries) {
          const date = isoFromDay(cycleStart + e.day);
          // Halves of a CEC: the program's rounding step, so neither way loses a fraction to it.
          const units = e.format.id === 'ceu' ? (e.tenths * 5) / 100 : (e.tenths * 5) / 10;
          const credits = Math.round(units * e.format.perHour * 100) / 100;
          raw.push([date, e.format.label, units] as never);
          mixed.push((e.asCredits ? [date, e.format.label, '', credits] : [date, e.format.label, units, '']) as never);
        }
        expect(earned(mixed)).toBe(earned(raw));
        // The raw log itself must count something whenever an entry has units: a property of 0 = 0 proves nothing.
        if (entries.some((e) => e.tenths > 0)) expect(earned(raw)).toBeGreaterThan(0);
        const total = earned(raw);
        expect(creditsEarned('ACSM-CPT', '2024-01-01', mixed as never, '2025-12-31')).toBe(total);
        expect(creditsEarned('ACSM-CPT', '2024-01-01', raw as never, '2025-12-31')).toBe(total);
      }),
      { numRuns: 60 },
    );
  });
});
