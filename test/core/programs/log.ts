/**
 * A log with a Category column for the program tests of issue 13 (PMI, ISC2, CompTIA, ISACA, AAPC),
 * evaluated through both users of the one pass: the Evaluation and the totals of the status cells.
 */
import { evaluateLog, evaluateTotals, type Evaluation } from '../../../src/core';
import type { MinimumResult } from '../../../src/core/evaluation';
import type { ProfileFacts } from '../../../src/core/facts';
import { day, program } from '../helpers';

const HEADER = ['Date', 'Activity', 'Provider', 'Format', 'Hours', 'Approved', 'Category', 'Proof'];

export interface Row {
  date: string;
  activity?: string;
  provider?: string;
  format?: string;
  hours?: number | string;
  approved?: boolean;
  category?: string;
}

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
      'Certificate',
    ]),
  ];
}

export function run(id: string, start: string, rows: Row[], asOf: string, profile?: Partial<ProfileFacts>): Evaluation {
  const options = { cycleStart: day(start), asOf: day(asOf), ...(profile ? { profile } : {}) };
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

export function minimum(ev: Evaluation, id: string): MinimumResult {
  const m = ev.minimums.find((x) => x.id === id);
  if (!m) throw new Error(`no minimum ${id}`);
  return m;
}
