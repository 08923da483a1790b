/** Log parsing (rules.md section 1): headers, coercion and row problems with row, column and reason. */
import {
  dayFromIso,
  findHeaderRow,
  isoFromDay,
  parseLog,
  suggestColumnForHeader,
  type ParsedLog,
} from '../../src/core';
import { program } from './helpers';

const nism = program('NISM-SMS');
const acsm = program('ACSM-CPT');

function parse(cells: unknown[][], p = nism, firstRow = 1): ParsedLog {
  const result = parseLog(cells, p, { firstRow });
  if (!result.ok) throw new Error(result.message);
  return result;
}

describe('headers', () => {
  test('common tracker names, any case and punctuation, in any order', () => {
    const parsed = parse([
      ['CE HOURS', 'course_title', 'Completion Date', 'Type', 'Certificate', 'My own column'],
      [2, 'Advanced analytics', '2025-04-01', 'webinar', 'yes', 'kept'],
    ]);
    expect(parsed.map).toMatchObject({ hours: 0, activity: 1, date: 2, format: 3, proof: 4 });
    expect(parsed.unknownHeaders).toEqual(['My own column']);
    expect(parsed.entries[0]).toMatchObject({ hours: 2, activity: 'Advanced analytics', proof: ['Certificate'] });
    expect(parsed.entries[0]!.format.id).toBe('webinar');
  });

  test('an exact canonical name wins over an alias for the same column', () => {
    const parsed = parse([
      ['Type', 'Format', 'Date', 'Hours'],
      ['Conference', 'Webinar', '2025-04-01', 1],
    ]);
    expect(parsed.entries[0]!.format.id).toBe('webinar');
  });

  test.each([
    [
      [
        ['Activity', 'Hours'],
        ['x', 1],
      ],
      /no Date column/,
    ],
    [
      [
        ['Date', 'Activity'],
        ['2025-01-01', 'x'],
      ],
      /no Hours \(or Self-study hours\) column/,
    ],
    [[[45000, 'Webinar', 2]], /the first row looks like data, not headers/],
    [[], /the range is empty/],
  ])('a log without a usable header row is refused with a reason', (cells, message) => {
    const result = parseLog(cells as unknown[][], nism);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toMatch(message);
      expect(result.message).toMatch(/^log: /);
    }
  });

  test('findHeaderRow skips a title and blank lines above the headers', () => {
    expect(
      findHeaderRow([['My CEU tracker 2025'], [], ['Date', 'Course title', 'CE hours'], ['2025-01-01', 'x', 1]]),
    ).toBe(2);
    expect(findHeaderRow([['nothing here'], [1, 2, 3]])).toBeUndefined();
  });

  test('close matches are suggested for headers no alias names', () => {
    expect(suggestColumnForHeader('Hours (live)')).toBe('hours');
    expect(suggestColumnForHeader('Provder')).toBe('provider');
    expect(suggestColumnForHeader('Completion dte')).toBe('date');
    expect(suggestColumnForHeader('Favourite colour')).toBeUndefined();
  });
});

describe('values', () => {
  const header = ['Date', 'Format', 'Hours', 'Self-study hours', 'Approved', 'Proof', 'Score'];

  test('dates: Excel serials, ISO text, and the row number in the sheet', () => {
    const parsed = parse(
      [header, [45748, 'Webinar', 1], ['2025-04-02', 'Webinar', 1], [45749.75, 'Webinar', 1]],
      nism,
      5,
    );
    expect(parsed.entries.map((e) => isoFromDay(e.date))).toEqual(['2025-04-01', '2025-04-02', '2025-04-02']);
    expect(parsed.entries.map((e) => e.row)).toEqual([6, 7, 8]);
  });

  test('numeric text, yes/no spellings, percent scores', () => {
    const parsed = parse([
      header,
      ['2025-04-01', 'Webinar', ' 1.5 ', '', 'yes', 'Assessment', '85%'],
      ['2025-04-01', 'Webinar', 1, 0, 'x', 'certificate', 0.9],
      ['2025-04-01', 'Webinar', 1, null, 'N', '', 75],
      ['2025-04-01', 'Webinar', 1, '', true, 'Assignment; Publication', ''],
      ['2025-04-01', 'Webinar', 1, '', 0, 'none', ''],
    ]);
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries.map((e) => e.hours)).toEqual([1.5, 1, 1, 1, 1]);
    expect(parsed.entries.map((e) => e.approved)).toEqual([true, true, false, true, false]);
    expect(parsed.entries.map((e) => e.score)).toEqual([85, 90, 75, undefined, undefined]);
    expect(parsed.entries[3]!.proof).toEqual(['Assignment', 'Publication']);
    expect(parsed.entries[4]!.proof).toEqual([]);
  });

  test('fully empty rows are skipped; blank format takes the program default', () => {
    const parsed = parse(
      [
        ['Date', 'Format', 'Hours'],
        ['', '', ''],
        [null, null, null],
        ['2025-04-01', '', 2],
      ],
      acsm,
    );
    expect(parsed.rowsRead).toBe(1);
    expect(parsed.entries[0]!.format.label).toBe('Contact hours');
  });

  test.each([
    [
      ['2025-13-01', 'Webinar', 1],
      'Date',
      'Date "2025-13-01" is not a date: enter a date, or text such as 2025-03-14, 3/14/2025, 14-Mar-2025 or Mar 14, 2025',
    ],
    [
      ['2/30/2025', 'Webinar', 1],
      'Date',
      'Date "2/30/2025" is not a date: enter a date, or text such as 2025-03-14, 3/14/2025, 14-Mar-2025 or Mar 14, 2025',
    ],
    [
      ['3/14/1899', 'Webinar', 1],
      'Date',
      'Date "3/14/1899" is outside Excel\'s dates: enter a date from 1900-01-01 to 9999-12-31',
    ],
    [['', 'Webinar', 1], 'Date', 'Date is missing: enter the date the activity was completed'],
    [[60, 'Webinar', 1], 'Date', 'Date 60 is not a valid Excel date'],
    [
      ['2025-04-01', 'Podcast', 1],
      'Format',
      expect.stringMatching(/^Format "Podcast" is not one of the NISM-SMS formats: use Webinar, In-person class/),
    ],
    [['2025-04-01', '', 1], 'Format', expect.stringMatching(/^Format is missing: choose one of Webinar/)],
    [['2025-04-01', 'Webinar', -2], 'Hours', 'Hours -2 is negative: it must be 0 or more'],
    [
      ['2025-04-01', 'Webinar', 'two'],
      'Hours',
      'Hours "two" is not a number: enter a number such as 1.5, or with a unit: "1.5 hrs", "90 min", "2 CEUs"',
    ],
    [['2025-04-01', 'Webinar', ''], 'Hours', 'Hours is missing: enter the hours (0 if none)'],
    [
      ['2025-04-01', 'Webinar', 1, '', 'maybe'],
      'Approved',
      'Approved "maybe" is not yes or no: use TRUE/FALSE, yes/no, y/n, 1/0 or x',
    ],
    [
      ['2025-04-01', 'Webinar', 1, '', '', 'photo'],
      'Proof',
      expect.stringMatching(/^Proof "photo" is not a kind of proof: use Certificate, Assessment/),
    ],
    [['2025-04-01', 'Webinar', 1, '', '', '', 140], 'Score', 'Score 140 is outside 0–100'],
  ])('a bad value is reported with row, column and reason: %p', (row, column, message) => {
    const parsed = parse([header, ['2025-04-01', 'Webinar', 1], row]);
    expect(parsed.entries).toHaveLength(1);
    expect(parsed.problems).toEqual([{ row: 3, column, columnIndex: header.indexOf(column), message }]);
  });

  test('every bad cell of a row is reported, and the row counts for nothing', () => {
    const parsed = parse([header, ['soon', 'Juggling', -1, 'lots']]);
    expect(parsed.entries).toEqual([]);
    expect(parsed.problems.map((p) => p.column)).toEqual(['Date', 'Format', 'Hours', 'Self-study hours']);
  });

  test('a grade must be a letter grade', () => {
    const result = parse(
      [
        ['Date', 'Format', 'Hours', 'Grade'],
        ['2025-04-01', 'College course', 1, 'excellent'],
      ],
      acsm,
    );
    expect(result.problems[0]!.message).toBe(
      'Grade "excellent" is not a letter grade: use A, B, C, D or F (with + or -), or Pass',
    );
  });

  test('the fictitious 1900-02-29 and serials around it', () => {
    const parsed = parse(
      [
        ['Date', 'Hours', 'Format'],
        [59, 1, 'CEC'],
        [61, 1, 'CEC'],
      ],
      acsm,
    );
    expect(parsed.entries.map((e) => isoFromDay(e.date))).toEqual(['1900-02-28', '1900-03-01']);
    expect(dayFromIso('2025-02-29')).toBeUndefined();
  });
});

test('an approval column named after any certifying body is recognised', () => {
  for (const name of ['NAMSS approved', 'NISM pre-approved', 'ACME Approved']) {
    expect(
      parse([
        ['Date', 'Hours', name, 'Format'],
        ['2025-04-01', 1, 'yes', 'Webinar'],
      ]).entries[0]!.approved,
    ).toBe(true);
  }
});
