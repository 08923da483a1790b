import type { ProgramInput } from '../schema';

export const isacaPrograms: ProgramInput[] = [
  {
    id: 'ISACA-CISA',
    name: 'ISACA Certified Information Systems Auditor (CISA)',
    body: 'ISACA',
    sources: [
      'ISACA CISA CPE policy: at least 20 CPE hours each annual reporting period and 120 in the three-year period; see the pages listed with the program.',
      'Interpretation: the annual and three-year periods run in calendar years; enter 1 January of the first year of the three-year period as the cycle start.',
      'One CPE hour is 50 minutes of active participation, claimed in quarter hours: Minutes are divided by 50 and clock hours multiplied by 60/50, each rounded down to a quarter.',
      'The same CPE hours may be reported for each ISACA certification held (CISA, CISM, CRISC, CGEIT): one log serves them all.',
      'Interpretation: reporting and the maintenance fee are due by 15 January after each year; after the deadline of the last year ISACA may revoke the certification (no grace period is modelled).',
    ],
    required: 120,
    creditUnit: 'CPE hours',
    rounding: { step: 0.25, mode: 'floor' },
    approvedMeaning: 'Offered by ISACA or an ISACA chapter (information only)',
    formats: [
      {
        id: 'cpe',
        label: 'CPE hours',
        aliases: ['CPE', 'CPEs', 'Certificate CPE'],
        perHour: 1,
        hoursHelp: 'The CPE hours on the certificate.',
      },
      {
        id: 'minutes',
        label: 'Minutes',
        aliases: ['Minutes of participation', 'Mins'],
        perHour: 0.02,
        hoursHelp: 'Minutes of active participation: 50 minutes = 1 CPE hour, claimed in quarter hours.',
      },
      {
        id: 'clock-hours',
        label: 'Clock hours',
        aliases: ['Hours', 'Hours attended'],
        perHour: 1.2,
        hoursHelp: 'Hours by the clock: each 50 minutes is 1 CPE hour, claimed in quarter hours.',
      },
      {
        id: 'volunteer',
        label: 'Volunteer service',
        aliases: ['Volunteering', 'ISACA volunteer'],
        perHour: 1,
        hoursHelp: 'CPE hours of ISACA or chapter volunteer work (at most 20 each year).',
      },
    ],
    defaultFormat: 'cpe',
    minimums: [{ id: 'annual', label: 'annual', credits: 20, period: 'calendarYear' }],
    caps: [
      {
        id: 'volunteer',
        label: 'Volunteer service, {year}',
        limit: 20,
        appliesTo: { formats: ['volunteer'] },
        period: 'calendarYear',
      },
    ],
    proof: {
      requiredFor: {},
      acceptable: ['Certificate', 'Attendance letter', 'Transcript', 'Publication'],
      minAssessmentScore: 70,
      retention:
        'Keep proof of each activity for 12 months after the end of the three-year period: ISACA audits a share.',
      keepUntil: { from: 'windowEnd', months: 12 },
    },
    cycle: {
      // 31 December of the third calendar year: the day before 1 January three years on.
      windowEnd: { from: 'cycleStart', years: 3, month: 1, day: 1, days: -1 },
      deadline: { from: 'windowEnd', years: 1, month: 1, day: 15 },
      phases: [
        {
          status: 'EXPIRED',
          summary: 'the reporting deadline passed on {deadline}: ISACA may revoke the certification; contact ISACA',
        },
      ],
    },
    fees: [
      {
        id: 'maintenance',
        label: 'Annual maintenance fee (set by ISACA; lower for members)',
        amount: null,
        statuses: ['IN PROGRESS', 'COMPLETE', 'READY'],
      },
    ],
    renewalFeeId: 'maintenance',
    checklist: [
      { check: 'totalCredits', id: 'credits', label: '120 CPE hours in the three-year period' },
      { check: 'minimum', id: 'annual', label: '20 CPE hours in every year', minimum: 'annual' },
      { check: 'noRowProblems', id: 'rows', label: 'Every row of the log is valid' },
      { check: 'allInWindow', id: 'window', label: 'All CPE hours inside the three-year period' },
      { check: 'proof', id: 'proof', label: 'Proof kept until 12 months after the period ends' },
      { check: 'submitBy', id: 'report', label: 'Report the CPE hours by {deadline}', through: 'deadline' },
      { check: 'attestation', id: 'fee', label: 'Annual maintenance fee paid each year' },
    ],
  },
];
