import type { ProgramInput } from '../schema';

/** NASM's recertification requirement for a Certified Personal Trainer. */
export const nasmProgram: ProgramInput = {
  id: 'NASM-CPT',
  name: 'NASM Certified Personal Trainer',
  body: 'National Academy of Sports Medicine (NASM)',
  sources: [
    'Interpretation: from day 91 after expiry only CEUs earned by the expiry count (credit of the 90 days is not kept).',
  ],
  required: 2,
  creditUnit: 'CEUs',
  approvedMeaning: 'NASM-approved: a NASM course, an approved provider, or an accepted petition',
  formats: [
    {
      id: 'contact-hours',
      label: 'Contact hours',
      aliases: ['Contact hour', 'Hours', 'Course'],
      perHour: 0.1,
      hoursHelp: 'Contact hours of the course (10 hours = 1.0 CEU).',
    },
    {
      id: 'ceu',
      label: 'CEU',
      aliases: ['CEUs', 'NASM CEU'],
      perHour: 1,
      hoursHelp: 'The CEUs on the certificate (0.1 CEU = 1 contact hour).',
    },
    {
      id: 'cpr',
      label: 'CPR/AED certification',
      aliases: ['CPR', 'AED', 'CPR/AED', 'CPR course'],
      perHour: 0,
      perEntry: 0.1,
      hoursHelp: '0.1 CEU for a current CPR/AED certification, whatever the hours.',
    },
  ],
  defaultFormat: 'contact-hours',
  caps: [{ id: 'cpr', label: 'CPR/AED certification', limit: 0.1, appliesTo: { formats: ['cpr'] } }],
  minimums: [{ id: 'cpr', label: 'CPR/AED', credits: 0.1, filter: { formats: ['cpr'] } }],
  eligibility: [
    {
      type: 'requiresApproval',
      id: 'approved',
      appliesTo: { formats: ['contact-hours', 'ceu'] },
      message: 'Not NASM-approved: only preapproved courses or an accepted petition count',
      petition: 'Petition the course in the recertification portal ($25 per course), then mark it Approved.',
    },
  ],
  atRisk: [
    {
      type: 'hoursAtLeast',
      id: 'ceu-units',
      formats: ['ceu'],
      hours: 2.5,
      message: 'Looks like contact hours: enter the CEUs on the certificate (10 contact hours = 1.0 CEU)',
    },
  ],
  proof: {
    requiredFor: {},
    acceptable: ['Certificate', 'Transcript'],
    retention: 'Keep certificates and the CPR/AED card: NASM audits random applications.',
  },
  cycle: {
    windowEnd: { from: 'cycleStart', years: 2, days: -1 },
    deadline: { from: 'windowEnd' },
    phases: [
      {
        status: 'GRACE',
        through: { from: 'deadline', days: 90 },
        summary: 'credential expired {deadline}; recertify by {through} with the {fee:late} late fee',
        creditCounts: true,
      },
      {
        status: 'LAPSED',
        through: { from: 'deadline', years: 1 },
        summary: 'more than 90 days past expiry ({previousThrough}): recertify by {through} with the {fee:lapsed} fee',
      },
      { status: 'EXPIRED', summary: 'more than a year past expiry ({previousThrough}): retake the exam' },
    ],
  },
  fees: [
    {
      id: 'renewal',
      label: 'Recertification fee',
      amount: 99,
      statuses: ['IN PROGRESS', 'COMPLETE', 'READY', 'GRACE'],
    },
    { id: 'late', label: 'Late fee (up to 90 days)', amount: 30, statuses: ['GRACE'] },
    { id: 'lapsed', label: 'Late fee (91 days to 1 year)', amount: 50, statuses: ['LAPSED'] },
  ],
  renewalFeeId: 'renewal',
  facts: [
    {
      id: 'cprValidUntil',
      label: 'CPR/AED valid until',
      type: 'date',
      help: 'The date on your current CPR/AED card (yyyy-mm-dd): it must be current when you recertify.',
    },
  ],
  checklist: [
    { check: 'totalCredits', id: 'credits', label: '2.0 CEUs counted' },
    { check: 'minimum', id: 'cpr-ceu', label: 'CPR/AED certification logged (0.1 CEU)', minimum: 'cpr' },
    {
      check: 'profileDate',
      id: 'cpr',
      label: 'Current CPR/AED certification on the recertification date',
      fact: 'cprValidUntil',
      onOrAfter: 'deadline',
    },
    { check: 'eligible', id: 'approved', label: 'Every course NASM-approved or petitioned', rule: 'approved' },
    { check: 'noRowProblems', id: 'rows', label: 'Every row of the log is valid' },
    { check: 'proof', id: 'proof', label: 'Certificates kept for a random audit' },
    { check: 'submitBy', id: 'recertify-by', label: 'Recertify by {deadline}', through: 'deadline' },
    { check: 'attestation', id: 'fee', label: 'Recertification fee paid ({fee:renewal})' },
  ],
};
