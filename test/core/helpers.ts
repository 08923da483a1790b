import { dayFromIso, findProgram, evaluateLog, type Evaluation, type Program } from '../../src/core';

export function program(id: string): Program {
  const p = findProgram(id);
  if (!p) throw new Error(`no program ${id}`);
  return p;
}

export function day(iso: string): number {
  const d = dayFromIso(iso);
  if (d === undefined) throw new Error(`bad date ${iso}`);
  return d;
}

export const HEADER = [
  'Date',
  'Activity',
  'Provider',
  'Format',
  'Hours',
  'Self-study hours',
  'Subject area',
  'Approved',
  'Proof',
  'Score',
  'Location',
];

export interface Row {
  date: string;
  activity?: string;
  provider?: string;
  format?: string;
  hours?: number | string;
  self?: number | string;
  subject?: string;
  approved?: boolean | string;
  proof?: string;
  score?: number | string;
  location?: string;
}

export function log(rows: Row[]): unknown[][] {
  return [
    HEADER,
    ...rows.map((r) => [
      r.date,
      r.activity ?? 'Advanced social media analytics',
      r.provider ?? 'NISM',
      r.format ?? '',
      r.hours ?? '',
      r.self ?? '',
      // A listed area: NISM flags a blank one at risk (rules revision 8).
      r.subject ?? 'Social Media Strategy',
      r.approved ?? '',
      r.proof ?? 'Certificate',
      r.score ?? '',
      r.location ?? 'Denver, CO',
    ]),
  ];
}

export function evaluate(id: string, cycleStart: string, rows: Row[] | unknown[][], asOf: string): Evaluation {
  const cells = Array.isArray(rows[0]) ? (rows as unknown[][]) : log(rows as Row[]);
  const result = evaluateLog(program(id), cells, { cycleStart: day(cycleStart), asOf: day(asOf) });
  if (!result.ok) throw new Error(result.message);
  return result.evaluation;
}
