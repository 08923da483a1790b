import fc from 'fast-check';
import { dayFromIso, findProgram, evaluateLog, serialFromDay, type Evaluation, type Program } from '../../src/core';

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

/** The random logs' header (with Grade), shared by the property tests over every program. */
export const RANDOM_HEADER = [...HEADER.slice(0, 10), 'Grade', 'Location'];
/** The random logs' cycle start. */
export const RANDOM_START = day('2024-01-15');

/** A valid row of RANDOM_HEADER for `p`: a date around the cycle, one of its formats, plausible values. */
export function validRow(p: Program): fc.Arbitrary<unknown[]> {
  return fc
    .tuple(
      fc.integer({ min: RANDOM_START - 200, max: RANDOM_START + 4 * 366 }),
      fc.constantFrom('Advanced analytics', 'Basics of posting', 'Governance summit', 'Kinesiology'),
      fc.constantFrom('NISM', 'Grovo', 'HubSpot', 'Acme Learning', ''),
      fc.constantFrom(...p.formats.map((f) => f.label)),
      fc.double({ min: 0, max: 12, noNaN: true }).map((h) => Math.round(h * 4) / 4),
      fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 60 })),
      fc.constantFrom('', 'Social Media Strategy', 'Cooking', ...(p.subjects ?? [])),
      fc.boolean(),
      fc.constantFrom('', 'Certificate', 'Assessment', 'Transcript', 'Assignment; Publication'),
      fc.integer({ min: 0, max: 100 }),
      fc.constantFrom('', 'A', 'C', 'C-', 'F'),
      fc.constantFrom('', 'Denver, CO'),
    )
    .map(([d, ...rest]) => [serialFromDay(d), ...rest] as unknown[]);
}
