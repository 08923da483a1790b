import type { ProgramInput } from '../schema';

interface Variant {
  id: string;
  name: string;
  required: number;
  renewalFee: number;
}

const variants: Variant[] = [
  { id: 'ACSM-GEI', name: 'ACSM Certified Group Exercise Instructor', required: 45, renewalFee: 60 },
  { id: 'ACSM-CPT', name: 'ACSM Certified Personal Trainer', required: 45, renewalFee: 60 },
  { id: 'ACSM-EP', name: 'ACSM Certified Exercise Physiologist', required: 60, renewalFee: 70 },
  { id: 'ACSM-CEP', name: 'ACSM Certified Clinical Exercise Physiologist', required: 60, renewalFee: 70 },
];

function acsmProgram(v: Variant): ProgramInput {
  return {
    id: v.id,
    name: v.name,
    body: 'American College of Sports Medicine (ACSM)',
    sources: ['ACSM "Earning and Tracking Continuing Education" (shared/seeds 003) and shared/rules.md.'],
    required: v.required,
    creditUnit: 'CECs',
    rounding: { step: 0.5, mode: 'floor' },
    approvedMeaning: 'From an ACSM Approved CEC Provider (information only)',
    formats: [
      { id: 'cec', label: 'CEC', aliases: ['CECs', 'Continuing education credit'], perHour: 1 },
      { id: 'cme', label: 'CME', aliases: ['CMEs'], perHour: 1 },
      { id: 'contact-hours', label: 'Contact hours', aliases: ['Contact hour', 'Hours'], perHour: 1 },
      {
        id: 'ceu',
        label: 'CEU',
        aliases: ['CEUs', 'Decimal CEU'],
        perHour: 10,
        hoursHelp: 'The CEUs on the certificate (decimal units: 0.1 CEU = 1 CEC).',
      },
      {
        id: 'college',
        label: 'College course',
        aliases: ['College', 'University course', 'Academic course'],
        perHour: 10,
        hoursHelp: 'Semester credit hours; needs a grade of C or better (record it in Grade).',
      },
      { id: 'committee', label: 'Committee service', aliases: ['Committee'], perHour: 1 },
      { id: 'cpr', label: 'CPR/AED course', aliases: ['CPR', 'AED', 'CPR/AED', 'CPR course'], perHour: 1 },
    ],
    defaultFormat: 'contact-hours',
    caps: [
      {
        id: 'committee',
        label: 'Committee service, cycle year {year}',
        limit: 8,
        appliesTo: { formats: ['committee'] },
        period: 'cycleYear',
      },
      {
        id: 'cpr',
        label: 'CPR/AED course, cycle year {year}',
        limit: 5,
        appliesTo: { formats: ['cpr'] },
        period: 'cycleYear',
      },
    ],
    eligibility: [
      {
        type: 'minimumGrade',
        id: 'grade',
        formats: ['college'],
        grade: 'C',
        message: 'College courses count only with a grade of C or better',
        missingMessage: 'No grade recorded: college courses need a grade of C or better',
      },
    ],
    proof: {
      requiredFor: {},
      acceptable: ['Certificate', 'Attendance letter', 'Transcript'],
      minAssessmentScore: 70,
      retention: 'Keep certificates until 1 year after renewal; if audited, send them within 30 days.',
      keepUntil: { from: 'deadline', years: 1 },
    },
    cycle: {
      windowEnd: { from: 'cycleStart', years: 3 },
      deadline: { from: 'windowEnd' },
      applicationOpens: { from: 'windowEnd', years: -1 },
      phases: [
        {
          status: 'GRACE',
          through: { from: 'deadline', months: 6 },
          summary: 'certification inactive since {deadline}; renew by {through} with the {fee:late} late fee',
        },
        {
          status: 'LAPSED',
          summary: 'certification lapsed ({previousThrough}); reinstatement {fee:reinstatement}',
        },
      ],
    },
    fees: [
      {
        id: 'renewal',
        label: 'Renewal fee',
        amount: v.renewalFee,
        statuses: ['IN PROGRESS', 'COMPLETE', 'READY', 'GRACE'],
      },
      { id: 'late', label: 'Late fee', amount: 80, statuses: ['GRACE'] },
      { id: 'reinstatement', label: 'Reinstatement fee', amount: 165, statuses: ['LAPSED'] },
    ],
    renewalFeeId: 'renewal',
    profileFields: ['cprValidUntil'],
    checklist: [
      { check: 'totalCredits', id: 'credits', label: `${v.required} CECs counted` },
      { check: 'noRowProblems', id: 'rows', label: 'Every row of the log is valid' },
      {
        check: 'profileDate',
        id: 'cpr',
        label: 'Current CPR/AED certification on the renewal date',
        field: 'cprValidUntil',
        onOrAfter: 'deadline',
      },
      { check: 'attestation', id: 'scope', label: 'All content within the scope of my certification' },
      { check: 'proof', id: 'proof', label: 'Certificates kept for audit (until 1 year after renewal)' },
      { check: 'applicationOpen', id: 'final-year', label: 'Renewal in the final year (from {applicationOpens})' },
      { check: 'submitBy', id: 'renew-by', label: 'Renew by {deadline}', through: 'deadline' },
      { check: 'attestation', id: 'fee', label: 'Renewal fee paid ({fee:renewal})' },
    ],
  };
}

export const acsmPrograms: ProgramInput[] = variants.map(acsmProgram);
