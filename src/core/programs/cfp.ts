import type { ProgramInput } from '../schema';

/** CFP Board's continuing-education requirement for CFP® professionals. */
export const cfpProgram: ProgramInput = {
  id: 'CFP',
  name: 'CERTIFIED FINANCIAL PLANNER (CFP®)',
  body: 'Certified Financial Planner Board of Standards (CFP Board)',
  sources: [
    'The period ends on the last day of the renewal (birth) month: the profile asks for Birth month (1-12).',
    'Not modelled: the prorated first period (no formula given); no carry-over, as CFP Board says.',
  ],
  required: 30,
  creditUnit: 'CE hours',
  approvedMeaning: 'A CFP Board-registered (pre-accepted) program; Ethics CE must be CFP Board-approved',
  categories: [
    { id: 'ethics', label: 'Ethics', aliases: ['CFP Board Ethics', 'Ethics CE', 'Code and Standards'] },
    { id: 'general', label: 'General', aliases: ['General CE'] },
  ],
  formats: [
    { id: 'ce-program', label: 'CE program', aliases: ['Course', 'Webinar', 'Seminar', 'Self-study'], perHour: 1 },
    {
      id: 'ethics-program',
      label: 'Ethics program',
      aliases: ['Ethics course', 'CFP Board Ethics program'],
      perHour: 1,
      categories: ['ethics'],
      hoursHelp: 'The CE hours of a CFP Board-approved Ethics CE program (mark it Approved).',
    },
    {
      id: 'college-semester',
      label: 'College course (semester credits)',
      aliases: ['College semester course'],
      perHour: 15,
      hoursHelp: 'Semester credit hours of the course: 1 semester credit = 15 CE hours.',
    },
    {
      id: 'college-quarter',
      label: 'College course (quarter credits)',
      aliases: ['College quarter course'],
      perHour: 10,
      hoursHelp: 'Quarter credit hours of the course: 1 quarter credit = 10 CE hours.',
    },
  ],
  defaultFormat: 'ce-program',
  minimums: [
    {
      id: 'ethics',
      label: 'CFP Board-approved Ethics',
      credits: 2,
      filter: { categories: ['ethics'], approved: true },
    },
  ],
  proof: {
    requiredFor: {},
    acceptable: ['Certificate', 'Attendance letter', 'Transcript'],
    retention: 'Keep completion records for the reporting period in case CFP Board asks for them.',
  },
  cycle: {
    // The reporting period ends on the last day of the birth month, two years on.
    windowEnd: { from: 'cycleStart', years: 2, monthFromFact: 'birthMonth', day: 31 },
    deadline: { from: 'windowEnd' },
    phases: [
      {
        status: 'LAPSED',
        summary: 'the reporting period ended {deadline}: contact CFP Board about reporting late CE and renewal',
      },
    ],
  },
  facts: [
    {
      id: 'birthMonth',
      label: 'Birth month',
      type: 'number',
      max: 12,
      help: 'Your birth month as a number (1 = January ... 12 = December): the reporting period ends on its last day.',
    },
  ],
  checklist: [
    { check: 'totalCredits', id: 'credits', label: '30 CE hours reported' },
    { check: 'minimum', id: 'ethics', label: '2 hours of CFP Board-approved Ethics CE', minimum: 'ethics' },
    { check: 'noRowProblems', id: 'rows', label: 'Every row of the log is valid' },
    { check: 'allInWindow', id: 'window', label: 'All CE earned within this reporting period (no carry-over)' },
    { check: 'submitBy', id: 'report-by', label: 'Report CE by {deadline}', through: 'deadline' },
  ],
};
