/**
 * Values and rows as real trackers hold them (issue 10, point 3–4, the rest): decimal commas, a yes/no
 * "Completed?" column, and the date order given to the evaluation itself.
 */
import { columnForHeader, dayFromIso, evaluateLog, parseLog, readAmount } from '../../src/core';
import { statusSkip } from '../../src/core/row-skips';
import { AMBIGUOUS_COMMA, numberFromText } from '../../src/core/text-amounts';
import { program } from './helpers';

const namss = program('NAMSS-CPCS');

describe('decimal commas, told from the text alone', () => {
  it.each([
    ['1,5', 1.5],
    ['0,25', 0.25],
    [',5', 0.5],
    ['1.250,5', 1250.5],
    ['1,250.5', 1250.5],
    ['12,0001', 12.0001],
    ['1.5', 1.5],
  ])('%s is %d', (text, n) => expect(numberFromText(text)).toBe(n));

  it('"1,250" could be 1.25 or 1250: refused with how to write either, never guessed', () => {
    expect(numberFromText('1,250')).toBe(AMBIGUOUS_COMMA);
    expect(String((readAmount('1,250', 10_000) as { message: string }).message)).toBe(
      '"1,250" could be thousands or a decimal comma: write it with a point (1.25) or without the comma (1250)',
    );
    expect(readAmount('1,5 hrs', 10_000)).toBe(1.5);
    expect(readAmount('2,5 CEUs', 10_000)).toBe(2.5);
  });
});

describe('a question header holds yes or no', () => {
  it.each([
    ['Completed?', 'status'],
    ['Attended?', 'status'],
    ['Date Completed', 'date'],
    ['Completed', 'date'],
    ['Was it NAMSS approved?', 'approved'],
    ['Certificate?', 'proof'],
    ['Hours?', undefined],
  ])('%s → %s', (header, key) => expect(columnForHeader(header)).toBe(key));

  it('an unchecked Completed? box skips its row, with why', () => {
    expect(statusSkip(false)).toMatch(/Status says FALSE: the activity did not count/);
    expect(statusSkip('No')).toMatch(/Status says "No"/);
    expect(statusSkip(true)).toBeUndefined();
    const parsed = parseLog(
      [
        ['Date', 'Hours', 'Completed?'],
        ['2024-03-01', 2, true],
        ['2024-04-01', 3, false],
      ],
      namss,
    );
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.entries.map((e) => e.hours)).toEqual([2]);
    expect(parsed.skipped.map((s) => s.row)).toEqual([3]);
  });
});

test('evaluateLog reads ambiguous text dates in the order it is given', () => {
  const cells = [
    ['Date', 'Hours'],
    ['12/11/2024', 1],
    ['03/04/2024', 1],
  ];
  const earned = (dateOrder?: 'mdy' | 'dmy') => {
    const r = evaluateLog(namss, cells, {
      cycleStart: dayFromIso('2024-01-01')!,
      asOf: dayFromIso('2024-11-20')!,
      dateOrder,
    });
    if (!r.ok) throw new Error(r.message);
    return r.evaluation.earned;
  };
  // Month first, 12/11 is 11 December: after the as-of date, so it counts nothing yet.
  expect(earned()).toBe(1);
  expect(earned('dmy')).toBe(2);
});
