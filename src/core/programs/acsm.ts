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
    // Issue 13: a holder of several ACSM certifications meets only the highest level's requirement.
    sharedCredentials: { mode: 'highestLevel' },
    sources: [
      'ACSM "Earning and Tracking Continuing Education" (shared/seeds 003) and shared/rules.md, revisions of 2026-11-30.',
      'acsm.org: certifications expire on "the expiration date (December 31st)"; the grace period "ends June 30 each year".',
      'No rounding step: ACSM names none, and flooring to 0.5 would lose credit (revision 5); credits round to 2 decimals.',
      'Several ACSM certifications: only the requirement of the one with the most CECs required is asked (issue 13; unconfirmed against an acsm.org page).',
      'Interpretation: committee service counts 8 CECs per year of service, entered as Hours = years of service, one row per year (at most 8 per calendar year).',
      'Interpretation: credit earned in the grace period counts toward a renewal made in it; after it (reinstatement) only the CECs earned from the cycle start to the expiry date count.',
    ],
    required: v.required,
    creditUnit: 'CECs',
    rounding: { step: 0.01, mode: 'nearest' },
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
      {
        id: 'committee',
        label: 'Committee service',
        aliases: ['Committee'],
        perHour: 8,
        effectiveFrom: '2023-01-01',
        hoursHelp:
          'Years of service (8 CECs per year; at most 8 per calendar year and 24 per cycle): one row per year.',
      },
      {
        id: 'cpr',
        label: 'CPR/AED course',
        aliases: ['CPR', 'AED', 'CPR/AED', 'CPR course', 'First Aid', 'CPR/AED/First Aid'],
        perHour: 1,
        perEntry: 5,
        effectiveFrom: '2025-01-01',
        hoursHelp: '5 CECs per CPR, AED or First Aid certification, whatever the hours (at most 5 per calendar year).',
      },
    ],
    defaultFormat: 'contact-hours',
    caps: [
      {
        id: 'committee',
        label: 'Committee service, {year}',
        limit: 8,
        appliesTo: { formats: ['committee'] },
        period: 'calendarYear',
      },
      {
        id: 'committee-cycle',
        label: 'Committee service',
        limit: 24,
        appliesTo: { formats: ['committee'] },
        period: 'cycle',
      },
      {
        id: 'cpr',
        label: 'CPR/AED course, {year}',
        limit: 5,
        appliesTo: { formats: ['cpr'] },
        period: 'calendarYear',
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
    atRisk: [
      {
        type: 'hoursAtLeast',
        id: 'ceu-units',
        formats: ['ceu'],
        hours: 5,
        message: 'Looks like contact hours: 8 CEU = 80 CECs; enter the CEUs on the certificate (0.1 CEU = 1 CEC)',
        severity: 'warning',
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
      // 31 December of year(cycle start) + 3 (revision 4).
      windowEnd: { from: 'cycleStart', years: 3, month: 12, day: 31 },
      deadline: { from: 'windowEnd' },
      applicationOpens: { from: 'windowEnd', month: 1, day: 1 },
      phases: [
        {
          status: 'GRACE',
          through: { from: 'deadline', months: 6 },
          summary: 'certification inactive since {deadline}; renew by {through} with the {fee:late} late fee',
          creditCounts: true,
        },
        {
          status: 'LAPSED',
          through: { from: 'deadline', years: 3 },
          summary:
            'certification lapsed ({previousThrough}); reinstatement ({fee:reinstatement}) until {through} counts only the CECs earned by {deadline}',
        },
        {
          status: 'EXPIRED',
          summary: 'past the reinstatement window ({previousThrough}): retake the exam',
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
    facts: [
      {
        id: 'cprValidUntil',
        label: 'CPR/AED valid until',
        type: 'date',
        help: 'The date on your current CPR/AED card (yyyy-mm-dd): it must be valid on the renewal date.',
      },
    ],
    checklist: [
      { check: 'totalCredits', id: 'credits', label: `${v.required} CECs counted` },
      { check: 'noRowProblems', id: 'rows', label: 'Every row of the log is valid' },
      {
        check: 'profileDate',
        id: 'cpr',
        label: 'Current CPR/AED certification on the renewal date',
        fact: 'cprValidUntil',
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
