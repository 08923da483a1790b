import type { ProgramInput } from '../schema';

/** NCCPA's CME requirement for a certified PA (PA-C), one two-year cycle of the ten-year process. */
export const nccpaProgram: ProgramInput = {
  id: 'NCCPA-PAC',
  name: 'Physician Assistant - Certified (PA-C)',
  body: 'National Commission on Certification of Physician Assistants (NCCPA)',
  sources: [
    'Cycle start: 1 May of the year the certification was issued (its issue date for a first cycle).',
    'Interpretation: the extra self-assessment and PI-CME credit is Category 1 and counts toward the 50.',
  ],
  required: 100,
  creditUnit: 'CME credits',
  approvedMeaning: 'Category 1: designated by AAPA, AMA PRA or another body NCCPA accepts (the certificate says so)',
  categories: [
    {
      id: 'category-1',
      label: 'Category 1',
      aliases: ['Cat 1', 'Category I', 'AMA PRA Category 1', 'AAPA Category 1'],
    },
    { id: 'category-2', label: 'Category 2', aliases: ['Cat 2', 'Category II'] },
    { id: 'self-assessment', label: 'Self-assessment', aliases: ['SA-CME', 'SA'] },
    { id: 'pi-cme', label: 'PI-CME', aliases: ['Performance improvement', 'PI'] },
  ],
  formats: [
    { id: 'cme', label: 'CME', aliases: ['CME activity', 'Credits'], perHour: 1 },
    {
      id: 'self-assessment',
      label: 'Self-assessment CME',
      aliases: ['SA-CME activity'],
      perHour: 1,
      categories: ['category-1', 'self-assessment'],
      hoursHelp: 'The Category 1 credits on the certificate: NCCPA adds 50%.',
    },
    {
      id: 'pi-cme',
      label: 'PI-CME activity',
      aliases: ['Performance improvement CME'],
      perHour: 1,
      categories: ['category-1', 'pi-cme'],
      hoursHelp: 'The PI-CME credits on the certificate: NCCPA doubles the first 20 of each cycle.',
    },
  ],
  defaultFormat: 'cme',
  minimums: [{ id: 'category-1', label: 'Category 1', credits: 50, filter: { categories: ['category-1'] } }],
  multipliers: [
    { label: 'self-assessment CME (+50%)', when: { categories: ['self-assessment'] }, factor: 1.5 },
    { label: 'first 20 PI-CME credits doubled', when: { categories: ['pi-cme'] }, factor: 2, upTo: 20 },
  ],
  proof: {
    requiredFor: { categories: ['category-1'] },
    acceptable: ['Certificate', 'Transcript'],
    retention: 'Keep Category 1 certificates or transcripts with their accreditation statements: NCCPA audits them.',
  },
  cycle: {
    // 31 December of the certification expiration year, two years after the year the cycle starts.
    windowEnd: { from: 'cycleStart', years: 2, month: 12, day: 31 },
    deadline: { from: 'windowEnd' },
    phases: [
      {
        status: 'EXPIRED',
        summary: 'certification expired {deadline}: contact NCCPA about regaining certification',
      },
    ],
  },
  fees: [
    {
      id: 'maintenance',
      label: 'Certification maintenance fee',
      amount: null,
      statuses: ['IN PROGRESS', 'COMPLETE', 'READY'],
    },
  ],
  renewalFeeId: 'maintenance',
  checklist: [
    { check: 'totalCredits', id: 'credits', label: '100 CME credits logged' },
    { check: 'minimum', id: 'category-1', label: 'At least 50 Category 1 credits', minimum: 'category-1' },
    { check: 'noRowProblems', id: 'rows', label: 'Every row of the log is valid' },
    { check: 'proof', id: 'proof', label: 'Category 1 certificates kept for an audit' },
    {
      check: 'submitBy',
      id: 'log-by',
      label: 'Log CME and pay the fee by {deadline}, 11:59 p.m. PT',
      through: 'deadline',
    },
  ],
};
