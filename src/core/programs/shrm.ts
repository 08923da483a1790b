import type { ProgramInput } from '../schema';

interface Variant {
  id: string;
  name: string;
}

const variants: Variant[] = [
  { id: 'SHRM-CP', name: 'SHRM Certified Professional (SHRM-CP)' },
  { id: 'SHRM-SCP', name: 'SHRM Senior Certified Professional (SHRM-SCP)' },
];

/** Both credentials have the same recertification rules (SHRM Recertification Requirements Handbook). */
function shrmProgram(v: Variant): ProgramInput {
  return {
    id: v.id,
    name: v.name,
    body: 'Society for Human Resource Management (SHRM)',
    sources: [
      'The cycle ends on the last day of the birth month: the profile asks for Birth month (1-12).',
      "Grace period to the last day of the second month after the end date, as in SHRM's own example.",
      'Self-paced cap of 30 kept for activities to 2018-12-31 only; Advance Your Organization 20, then 30 from 2021.',
    ],
    required: 60,
    creditUnit: 'PDCs',
    rounding: { step: 0.25, mode: 'nearest' },
    approvedMeaning: 'A SHRM Recertification Provider activity with an Activity ID (information only)',
    categories: [
      { id: 'education', label: 'Advance Your Education', aliases: ['Education', 'AYE'] },
      { id: 'organization', label: 'Advance Your Organization', aliases: ['Organization', 'AYO'] },
      { id: 'profession', label: 'Advance Your Profession', aliases: ['Profession', 'AYP'] },
    ],
    formats: [
      {
        id: 'instructor-led',
        label: 'Instructor-led program',
        aliases: ['Conference', 'Seminar', 'Workshop', 'Webinar', 'Virtual class', 'Course'],
        perHour: 1,
        categories: ['education'],
        hoursHelp: 'Hours of the program (PDCs in quarter hours).',
      },
      {
        id: 'self-paced',
        label: 'Self-paced program',
        aliases: ['E-learning', 'Webcast', 'Podcast', 'Recorded webinar', 'Self-paced'],
        perHour: 1,
        categories: ['education'],
      },
      {
        id: 'ceu',
        label: 'IACET CEU',
        aliases: ['CEU', 'CEUs'],
        perHour: 10,
        categories: ['education'],
        hoursHelp: 'The IACET CEUs on the certificate: 1 CEU = 10 PDCs.',
      },
      { id: 'cle', label: 'CLE', aliases: ['Continuing legal education'], perHour: 1, categories: ['education'] },
      {
        id: 'work-project-10',
        label: 'Work project, 10 PDCs',
        aliases: ['Work project 10'],
        perHour: 0,
        perEntry: 10,
        categories: ['organization'],
        hoursHelp: 'A completed HR work project of 50+ hours (40+ from the 2021 handbook).',
      },
      {
        id: 'work-project-20',
        label: 'Work project, 20 PDCs',
        aliases: ['Work project 20'],
        perHour: 0,
        perEntry: 20,
        categories: ['organization'],
        hoursHelp: 'A completed HR work project of 100+ hours (80+ from the 2021 handbook).',
      },
      {
        id: 'work-project-30',
        label: 'Work project, 30 PDCs',
        aliases: ['Work project 30'],
        perHour: 0,
        perEntry: 30,
        categories: ['organization'],
        effectiveFrom: '2021-01-01',
        hoursHelp: 'A completed HR work project of 120+ hours (from the 2021 handbook).',
      },
      {
        id: 'presentation',
        label: 'Presentation',
        aliases: ['Presenting', 'Teaching'],
        perHour: 2,
        perEntryCap: 20,
        categories: ['profession'],
        hoursHelp: 'Hours of presentation time, preparation included: 2 PDCs per hour, at most 20 per presentation.',
      },
      {
        id: 'volunteer',
        label: 'SHRM volunteer leadership',
        aliases: ['Volunteering', 'Chapter board', 'Board member'],
        perHour: 5,
        categories: ['profession'],
        hoursHelp: 'Years of service as a board member, leader or committee member: 5 PDCs per year.',
      },
    ],
    defaultFormat: 'instructor-led',
    caps: [
      {
        id: 'self-paced',
        label: 'Self-paced programs',
        limit: 30,
        appliesTo: { formats: ['self-paced'] },
        effectiveTo: '2018-12-31',
        note: 'On the 2017-2018 pages; the newer page sets no maximum.',
      },
      {
        id: 'organization',
        label: 'Advance Your Organization',
        limit: 20,
        appliesTo: { categories: ['organization'] },
        effectiveTo: '2020-12-31',
      },
      {
        id: 'organization-2021',
        label: 'Advance Your Organization',
        limit: 30,
        appliesTo: { categories: ['organization'] },
        effectiveFrom: '2021-01-01',
      },
      { id: 'profession', label: 'Advance Your Profession', limit: 30, appliesTo: { categories: ['profession'] } },
    ],
    carryOver: {
      maxCredits: 20,
      note: 'Up to 20 PDCs above the 60 of the last cycle, added to Advance Your Education.',
    },
    proof: {
      requiredFor: {},
      acceptable: ['Certificate', 'Attendance letter', 'Transcript'],
      retention: 'Keep documentation of every activity: SHRM audits recertification applications.',
    },
    cycle: {
      // The last day of the birth month, three years after the cycle start.
      windowEnd: { from: 'cycleStart', years: 3, monthFromFact: 'birthMonth', day: 31 },
      deadline: { from: 'windowEnd' },
      applicationOpens: { from: 'cycleStart', years: 1 },
      phases: [
        {
          status: 'GRACE',
          // SHRM's example: a cycle ending 31 July expires 30 September.
          through: { from: 'deadline', months: 2, day: 31 },
          summary:
            'past the end date {deadline}; recertify by {through} (the expiration date) with the {fee:late} late fee',
          creditCounts: true,
        },
        { status: 'EXPIRED', summary: 'credential expired {previousThrough}: retake the exam to hold it again' },
      ],
    },
    fees: [
      {
        id: 'renewal',
        label: 'Recertification application fee',
        amount: null,
        statuses: ['IN PROGRESS', 'COMPLETE', 'READY', 'GRACE'],
      },
      { id: 'late', label: 'Late fee', amount: 50, statuses: ['GRACE'] },
    ],
    renewalFeeId: 'renewal',
    facts: [
      {
        id: 'birthMonth',
        label: 'Birth month',
        type: 'number',
        max: 12,
        help: 'Your birth month as a number (1 = January ... 12 = December): the cycle ends on its last day.',
      },
      {
        id: 'carryOverCredits',
        label: 'Carry-over credits',
        type: 'number',
        max: 20,
        help: 'PDCs carried over from your last cycle (at most 20).',
      },
    ],
    checklist: [
      { check: 'totalCredits', id: 'credits', label: '60 PDCs entered' },
      { check: 'noRowProblems', id: 'rows', label: 'Every row of the log is valid' },
      { check: 'allInWindow', id: 'window', label: 'Every activity within the 3-year cycle' },
      { check: 'proof', id: 'proof', label: 'Documentation kept for an audit' },
      {
        check: 'applicationOpen',
        id: 'one-year',
        label: 'Apply one year or more into the cycle (from {applicationOpens})',
      },
      { check: 'submitBy', id: 'recertify-by', label: 'Recertify by {deadline} (the end date)', through: 'deadline' },
      { check: 'attestation', id: 'fee', label: 'Recertification fee paid ({fee:renewal})' },
    ],
  };
}

export const shrmPrograms: ProgramInput[] = variants.map(shrmProgram);
