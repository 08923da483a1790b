/**
 * The cell functions with a program whose cycle ends on the last day of the birth month (SHRM-CP):
 * the `profile` range gives "Birth month" like any other fact; without it the cell is an error that
 * says what is missing, not a made-up date.
 */
import { recertDeadline, recertStatus } from '../../src/functions/functions';
import { CellError } from '../../src/functions/errors';
import { dayFromIso, serialFromDay } from '../../src/core';

const serial = (iso: string) => serialFromDay(dayFromIso(iso)!);

const LOG = [
  ['Date', 'Activity', 'Provider', 'Format', 'Hours', 'Category', 'Proof'],
  [serial('2022-09-01'), 'HR law update', 'SHRM', 'Seminar', 20, 'Advance Your Education', 'Certificate'],
];

function errorOf(fn: () => unknown): CellError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CellError);
    return e as CellError;
  }
  throw new Error('expected an Excel error');
}

test('RECERT_DEADLINE and RECERT_STATUS read Birth month from the profile range', () => {
  const profile = [
    ['Program', 'SHRM-CP'],
    ['Birth month', 7],
  ];
  expect(recertDeadline('SHRM-CP', serial('2022-04-29'), profile)).toBe(serial('2025-07-31'));
  expect(recertDeadline('SHRM-CP', serial('2022-04-29'), [['Birth month', '2']])).toBe(serial('2025-02-28'));
  expect(recertStatus('SHRM-CP', serial('2022-04-29'), LOG, serial('2023-06-01'), profile)).toBe(
    'IN PROGRESS: 20 of 60 PDCs, 40 to go by 2025-07-31',
  );
});

test('without Birth month the cells are errors that name the missing fact', () => {
  expect(errorOf(() => recertDeadline('SHRM-CP', serial('2022-04-29'))).message).toMatch(
    /Birth month is not in the profile/,
  );
  expect(errorOf(() => recertStatus('SHRM-CP', serial('2022-04-29'), LOG, serial('2023-06-01'))).message).toMatch(
    /Birth month is not in the profile/,
  );
});
