/**
 * The fixed lists of names that program data, log cells and the engine share. Kept apart from the
 * schema (schema.ts builds its enums from them) so that modules reading logs use them without
 * loading the schema library: the cell functions' bundle carries no zod.
 */
export const STATUS_KEYWORDS = ['IN PROGRESS', 'COMPLETE', 'READY', 'GRACE', 'LAPSED', 'EXPIRED'] as const;

export const PROOF_KINDS = [
  'Certificate',
  'Assessment',
  'Assignment',
  'Progress tracking',
  'Transcript',
  'Attendance letter',
  'Publication',
] as const;
