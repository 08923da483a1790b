import type { ProgramInput } from '../schema';

const cap = (id: string, label: string, limit: number | { fractionOfRequired: number }) => ({
  id,
  label,
  limit,
  appliesTo: { formats: [id] },
});

export const comptiaPrograms: ProgramInput[] = [
  {
    id: 'COMPTIA-SECURITYPLUS',
    name: 'CompTIA Security+',
    body: 'CompTIA',
    sources: [
      'CompTIA "How to Earn CEUs" for the total and the cycle; the per-activity maximums from a 2019 table of CompTIA\'s CE activity chart (Phoenix TS): see the pages listed with the program.',
      'Interpretation: webinars and conferences are each capped at 20% of the required CEUs (10 of 50), as fractions, so a program copied for another CompTIA certification scales them.',
      'Interpretation: work experience counts at most 3 CEUs per cycle year (9 per cycle in the table).',
      'Interpretation: Hours holds the CEUs of the activity (one per hour of training, or the CEUs CompTIA gives a certification or a college course).',
      "At least half of an activity's content must relate to the exam objectives: a checklist attestation, not a number the log holds.",
    ],
    required: 50,
    creditUnit: 'CEUs',
    rounding: { step: 0.01, mode: 'nearest' },
    approvedMeaning: 'From a CompTIA authorized partner (information only)',
    formats: [
      {
        id: 'training',
        label: 'Training course',
        aliases: ['Course', 'Training', 'CompTIA training', 'Online course'],
        perHour: 1,
      },
      {
        id: 'certification',
        label: 'Non-CompTIA certification',
        aliases: ['Certification', 'Industry certification'],
        perHour: 1,
        hoursHelp: 'The CEUs CompTIA gives this certification.',
      },
      {
        id: 'college',
        label: 'College course',
        aliases: ['College', 'University course', 'ACE course'],
        perHour: 1,
        hoursHelp: 'The CEUs CompTIA gives the course (at most 40 per cycle).',
      },
      { id: 'teaching', label: 'Teach a course', aliases: ['Teaching', 'Instructor'], perHour: 1 },
      { id: 'webinar', label: 'Live webinar', aliases: ['Webinar'], perHour: 1 },
      { id: 'conference', label: 'Conference', aliases: ['Industry conference'], perHour: 1 },
      { id: 'work-experience', label: 'Work experience', aliases: ['Work', 'Job experience'], perHour: 1 },
      { id: 'association', label: 'IT association member', aliases: ['Association', 'Membership'], perHour: 1 },
      { id: 'board', label: 'IT board or chapter participant', aliases: ['Board', 'Chapter'], perHour: 1 },
      { id: 'article', label: 'Publish an article', aliases: ['Article', 'White paper', 'Blog post'], perHour: 1 },
      { id: 'book', label: 'Publish a book', aliases: ['Book'], perHour: 1 },
    ],
    defaultFormat: 'training',
    caps: [
      cap('webinar', 'Live webinars', { fractionOfRequired: 0.2 }),
      cap('conference', 'Conferences', { fractionOfRequired: 0.2 }),
      cap('college', 'College courses', 40),
      cap('teaching', 'Teaching', 20),
      { ...cap('work-experience', 'Work experience', 3), period: 'cycleYear' },
      cap('association', 'IT association membership', 6),
      cap('board', 'IT board or chapter participation', 9),
      cap('article', 'Articles, white papers and blog posts', 16),
      cap('book', 'Books', 40),
    ],
    proof: {
      requiredFor: {},
      acceptable: ['Certificate', 'Transcript', 'Attendance letter', 'Publication'],
      minAssessmentScore: 70,
      retention: 'Upload proof of each activity with its submission: CompTIA reviews every one.',
    },
    cycle: {
      windowEnd: { from: 'cycleStart', years: 3, days: -1 },
      deadline: { from: 'windowEnd' },
      phases: [{ status: 'EXPIRED', summary: 'expired on {deadline}: pass the current exam to certify again' }],
    },
    fees: [
      {
        id: 'ce-fee',
        label: 'CE fee ($50 a year, for the 3-year cycle)',
        amount: 150,
        statuses: ['IN PROGRESS', 'COMPLETE', 'READY'],
      },
    ],
    renewalFeeId: 'ce-fee',
    checklist: [
      { check: 'totalCredits', id: 'credits', label: '50 CEUs counted' },
      { check: 'noRowProblems', id: 'rows', label: 'Every row of the log is valid' },
      { check: 'allInWindow', id: 'window', label: 'Every activity inside the 3-year cycle' },
      {
        check: 'attestation',
        id: 'objectives',
        label: 'At least half of each activity relates to the Security+ exam objectives',
      },
      { check: 'proof', id: 'proof', label: 'Proof of each activity uploaded' },
      {
        check: 'submitBy',
        id: 'submit',
        label: 'Submit before the certification expires ({deadline})',
        through: 'deadline',
      },
      { check: 'attestation', id: 'fee', label: 'CE fee paid ({fee:ce-fee})' },
    ],
  },
];
