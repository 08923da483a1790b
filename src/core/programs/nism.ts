import type { ProgramInput } from '../schema';

const NISM_PROVIDER = ['NISM', 'National Institute for Social Media'];

export const nismPrograms: ProgramInput[] = [
  {
    id: 'NISM-SMS',
    name: 'NISM Certified Social Media Strategist',
    body: 'National Institute for Social Media (NISM)',
    sources: [
      'NISM continuing education FAQ and the 2018 "Changes to Continuing Education Credits" post (shared/seeds 000, 001).',
      'Interpretation: "capped categories and large courses at 5 CEUs with the exception of Grovo training" is read as 5 credits per format per cycle, with entries whose provider names Grovo exempt.',
    ],
    required: 20,
    creditUnit: 'credits',
    rounding: { step: 0.01, mode: 'nearest' },
    perEntryCap: 5,
    minEntries: 4,
    approvedMeaning: 'Pre-approved by NISM',
    formats: [
      { id: 'webinar', label: 'Webinar', aliases: ['Webinars', 'Web seminar'], perHour: 1 },
      {
        id: 'in-person',
        label: 'In-person class',
        aliases: ['Live class', 'In person', 'Residential class', 'Classroom'],
        perHour: 1,
        hoursHelp: 'Only the hours where material is presented (no meals or pre-work).',
      },
      {
        id: 'async',
        label: 'Online asynchronous course',
        aliases: ['Asynchronous course', 'Async course', 'Self-paced course', 'Online async', 'Asynchronous'],
        perHour: 0.1,
        perSelfStudyHour: 0.1,
        hoursHelp: 'Estimated hours spent on course materials; 10 hours earn 1 credit.',
      },
      {
        id: 'sync',
        label: 'Online synchronous course',
        aliases: ['Synchronous course', 'Live online course', 'Online live', 'Synchronous'],
        perHour: 1,
      },
      {
        id: 'blended',
        label: 'Online blended course',
        aliases: ['Blended course', 'Blended', 'Hybrid course'],
        perHour: 1,
        perSelfStudyHour: 0.1,
        hoursHelp: 'Hours: live hours. Self-study hours: self-directed work (10 hours earn 1 credit).',
      },
      {
        id: 'conference',
        label: 'Conference',
        aliases: ['Conferences', 'Summit'],
        perHour: 1,
        hoursHelp: 'Presented hours only: leave out mixers, meals and breaks.',
      },
      {
        id: 'research',
        label: 'Research & writing',
        aliases: ['Research and writing', 'Research', 'Research & studies', 'Research and studies', 'Writing'],
        perHour: 1,
        perSelfStudyHour: 0.1,
        proofAlso: ['Publication'],
        hoursHelp: 'Hours: meetings or focus groups (1 credit each). Self-study hours: research and writing.',
      },
    ],
    subjects: [
      'Social Media Strategy',
      'Compliance & Governance',
      'Social Media Marketing',
      'Project & Campaign Management',
      'Community Management',
      'Research & Analysis',
    ],
    caps: [
      {
        id: 'per-format',
        label: '{format}',
        limit: 5,
        groupBy: 'format',
        period: 'cycle',
        exempt: { providerMatches: ['Grovo'] },
        note: 'Categories are capped at 5 credits per cycle; Grovo training is exempt.',
      },
    ],
    minimums: [],
    eligibility: [
      {
        type: 'subjectInList',
        id: 'subject',
        allowBlank: true,
        message: 'Subject area is not one of the NISM social media subject areas, so it will not be approved',
      },
    ],
    atRisk: [
      {
        type: 'approvalRequired',
        id: 'pre-approval',
        appliesTo: { providerNotMatches: NISM_PROVIDER },
        message: 'Not pre-approved by NISM: the submission may be nullified',
      },
      {
        type: 'titleMatches',
        id: 'rudimentary',
        phrases: ['basics', 'introduction to', 'intro to', '101', 'for beginners'],
        message: 'Title looks rudimentary: NISM may not approve basic-level content',
        severity: 'warning',
      },
    ],
    proof: {
      requiredFor: { providerNotMatches: NISM_PROVIDER },
      acceptable: ['Assessment', 'Assignment', 'Certificate', 'Progress tracking'],
      minAssessmentScore: 70,
      retention: 'Keep proof for every non-NISM activity: applications are randomly selected for full verification.',
    },
    cycle: {
      windowEnd: { from: 'cycleStart', years: 2 },
      deadline: { from: 'windowEnd' },
      phases: [
        {
          status: 'GRACE',
          through: { from: 'deadline', days: 14 },
          summary: 'certification expired {deadline}; apply by {through} without penalty',
        },
        {
          status: 'LAPSED',
          through: { from: 'deadline', months: 3 },
          summary: 'grace period over; a 3-month extension ({fee:extension}) runs until {through}',
        },
        {
          status: 'EXPIRED',
          summary: 'certification expired {deadline} and every window has closed: re-take the exam ({fee:voucher})',
        },
      ],
    },
    fees: [
      {
        id: 'renewal-ce',
        label: 'Re-certification by continuing education',
        amount: 135,
        statuses: ['IN PROGRESS', 'COMPLETE', 'READY', 'GRACE', 'LAPSED'],
      },
      {
        id: 'reexam',
        label: 'Re-certification by re-examination (during certification)',
        amount: 195,
        statuses: ['IN PROGRESS', 'COMPLETE', 'READY', 'GRACE'],
      },
      { id: 'extension', label: '3-month extension', amount: 100, statuses: ['LAPSED'] },
      { id: 'voucher', label: 'Exam voucher after expiry', amount: 395, statuses: ['LAPSED', 'EXPIRED'] },
    ],
    renewalFeeId: 'renewal-ce',
    checklist: [
      { check: 'totalCredits', id: 'credits', label: '20 credits counted' },
      { check: 'minEntries', id: 'entries', label: 'At least 4 separate entries' },
      { check: 'noRowProblems', id: 'rows', label: 'Every row of the log is valid' },
      { check: 'atRiskClear', id: 'approved', label: 'Every non-NISM activity pre-approved', rule: 'pre-approval' },
      { check: 'proof', id: 'proof', label: 'Proof held for every non-NISM activity' },
      { check: 'eligible', id: 'subjects', label: 'Subject areas from the NISM list', rule: 'subject' },
      {
        check: 'submitBy',
        id: 'apply-by',
        label: 'Apply before expiry (or within the 14-day grace)',
        through: 'GRACE',
      },
      { check: 'attestation', id: 'fee', label: 'Re-certification fee paid ({fee:renewal-ce})' },
    ],
  },
];
