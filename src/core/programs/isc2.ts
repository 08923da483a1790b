import type { ProgramInput } from '../schema';

const GROUP_A = ['group-a'];

export const isc2Programs: ProgramInput[] = [
  {
    id: 'ISC2-CISSP',
    name: 'ISC2 Certified Information Systems Security Professional (CISSP)',
    body: 'ISC2 (International Information System Security Certification Consortium)',
    sources: [
      'ISC2 CPE requirements for the CISSP as the ISC2 Certification Maintenance Handbook states them, read through chapter and practitioner pages quoting it (see the pages listed with the program).',
      'Interpretation: "120 CPEs, of which at least 90 Group A; the other 30 Group A or B" is a Group A minimum of 90 and a Group B cap of 30.',
      'The 40 CPEs a year are suggested by the current handbook, not required; older pages (about 2017) call them a yearly minimum. They are a suggested pace here (a hint), not a rule.',
      'Interpretation: every format is Group A unless the Category cell says Group B; "Professional development (Group B)" is Group B by default.',
      'Interpretation: the CPEs must be earned by the end of the cycle; the 90 days after it are for submitting them and paying the AMF (GRACE, in which new credit does not count).',
      'Interpretation: the handbook lets up to 40 Group A CPEs earned in the last 6 months of a cycle, above the 120 it needed, count in the next; the log cannot tell whether the previous cycle needed them, so rows of those 6 months count here up to 40: leave them out of this log if the previous cycle used them.',
    ],
    required: 120,
    creditUnit: 'CPEs',
    rounding: { step: 0.01, mode: 'nearest' },
    approvedMeaning: 'Offered by ISC2 or an ISC2 CPE Submitter Partner (information only)',
    headerWords: { category: ['CPE group', 'Group'] },
    categories: [
      { id: 'group-a', label: 'Group A', aliases: ['A', 'Group A CPE', 'Domain-related'] },
      { id: 'group-b', label: 'Group B', aliases: ['B', 'Group B CPE', 'General professional development'] },
    ],
    formats: [
      {
        id: 'course',
        label: 'Education course',
        aliases: ['Course', 'Training', 'Class', 'Seminar', 'Online course'],
        perHour: 1,
        categories: GROUP_A,
      },
      { id: 'conference', label: 'Conference', aliases: ['Chapter meeting', 'Event'], perHour: 1, categories: GROUP_A },
      { id: 'webinar', label: 'Webinar', aliases: ['Podcast', 'Virtual event'], perHour: 1, categories: GROUP_A },
      {
        id: 'reading',
        label: 'Reading',
        aliases: ['Book', 'Article', 'White paper', 'Magazine'],
        perHour: 1,
        categories: GROUP_A,
      },
      {
        id: 'teaching',
        label: 'Preparing or presenting',
        aliases: ['Teaching', 'Presentation', 'Lecturing'],
        perHour: 1,
        categories: GROUP_A,
      },
      { id: 'writing', label: 'Publishing', aliases: ['Writing', 'Authoring'], perHour: 1, categories: GROUP_A },
      {
        id: 'volunteering',
        label: 'Volunteer service',
        aliases: ['Volunteering', 'Volunteer'],
        perHour: 1,
        categories: GROUP_A,
      },
      {
        id: 'professional-development',
        label: 'Professional development (Group B)',
        aliases: ['Professional development', 'Non-security training'],
        perHour: 1,
        categories: ['group-b'],
        hoursHelp: 'Training that develops you professionally outside the CISSP domains (at most 30 CPEs per cycle).',
      },
    ],
    defaultFormat: 'course',
    minimums: [{ id: 'group-a', label: 'Group A', credits: 90, filter: { categories: GROUP_A } }],
    caps: [{ id: 'group-b', label: 'Group B', limit: 30, appliesTo: { categories: ['group-b'] } }],
    suggestedPace: {
      creditsPerCycleYear: 40,
      note: 'ISC2 suggests 40 CPEs a year; the Certification Maintenance Handbook does not require them.',
    },
    carryOverFromLog: {
      maxCredits: 40,
      lastMonths: 6,
      appliesTo: { categories: GROUP_A },
      countsToward: ['group-a'],
      note: 'Only Group A CPEs earned in the last 6 months of the previous cycle that it did not need (above its 120) may count: keep in the log only those.',
    },
    proof: {
      requiredFor: {},
      acceptable: ['Certificate', 'Attendance letter', 'Transcript', 'Publication'],
      minAssessmentScore: 70,
      retention: 'Keep proof of every CPE claimed: ISC2 audits a share of submissions.',
    },
    cycle: {
      windowEnd: { from: 'cycleStart', years: 3, days: -1 },
      deadline: { from: 'windowEnd' },
      phases: [
        {
          status: 'GRACE',
          through: { from: 'deadline', days: 90 },
          summary:
            'the cycle ended on {deadline}; submit the CPEs earned by then and pay the AMF by {through} (credit earned now does not count)',
        },
        {
          status: 'EXPIRED',
          summary: 'past the 90-day grace period ({previousThrough}): certification suspended; contact ISC2',
        },
      ],
    },
    fees: [
      {
        id: 'amf',
        label: 'Annual maintenance fee (per year)',
        amount: 135,
        statuses: ['IN PROGRESS', 'COMPLETE', 'READY', 'GRACE'],
      },
    ],
    renewalFeeId: 'amf',
    checklist: [
      { check: 'totalCredits', id: 'credits', label: '120 CPEs counted' },
      { check: 'minimum', id: 'group-a', label: '90 Group A CPEs', minimum: 'group-a' },
      { check: 'noRowProblems', id: 'rows', label: 'Every row of the log is valid' },
      { check: 'allInWindow', id: 'window', label: 'All CPEs earned by the end of the cycle' },
      { check: 'proof', id: 'proof', label: 'Proof kept for audit' },
      { check: 'submitBy', id: 'submit', label: 'Submit the CPEs by {through}', through: 'GRACE' },
      { check: 'attestation', id: 'fee', label: 'Annual maintenance fee paid each year ({fee:amf})' },
    ],
  },
];
