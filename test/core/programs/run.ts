/** Runs a built-in program over a small log with Category and Grade columns, checking the cell totals agree. */
import { evaluateLog, evaluateTotals, type Evaluation, type ProfileFacts } from '../../../src/core';
import { day, program } from '../helpers';

export interface Row {
  date: string;
  activity?: string;
  provider?: string;
  format?: string;
  hours?: number | string;
  approved?: boolean;
  category?: string;
  grade?: string;
}

const HEADER = ['Date', 'Activity', 'Provider', 'Format', 'Hours', 'Approved', 'Category', 'Grade', 'Proof'];

export function cells(rows: Row[]): unknown[][] {
  return [
    HEADER,
    ...rows.map((r, i) => [
      r.date,
      r.activity ?? `Course ${i + 1}`,
      r.provider ?? 'Acme Learning',
      r.format ?? '',
      r.hours ?? 1,
      r.approved ?? false,
      r.category ?? '',
      r.grade ?? '',
      'Certificate',
    ]),
  ];
}

export function run(
  id: string,
  cycleStart: string,
  rows: Row[],
  asOf: string,
  profile: Partial<ProfileFacts> = {},
): Evaluation {
  const options = { cycleStart: day(cycleStart), asOf: day(asOf), profile };
  const result = evaluateLog(program(id), cells(rows), options);
  if (!result.ok) throw new Error(result.message);
  const totals = evaluateTotals(program(id), cells(rows), options);
  if (!totals.ok) throw new Error(totals.message);
  expect({ earned: totals.earned, needed: totals.needed }).toEqual({
    earned: result.evaluation.earned,
    needed: result.evaluation.needed,
  });
  return result.evaluation;
}

/** The message an evaluation stops with (e.g. a profile fact the dates need is missing). */
export function refusal(id: string, cycleStart: string, rows: Row[], asOf: string, profile = {}): string {
  const result = evaluateLog(program(id), cells(rows), { cycleStart: day(cycleStart), asOf: day(asOf), profile });
  if (result.ok) throw new Error('the evaluation did not stop');
  return result.message;
}

export function minimum(ev: Evaluation, id: string) {
  const m = ev.minimums.find((x) => x.id === id);
  if (!m) throw new Error(`no minimum ${id}`);
  return m;
}
