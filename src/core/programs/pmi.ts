import type { ProgramInput } from '../schema';

interface Variant {
  id: string;
  name: string;
  required: number;
  education: number;
  perArea: number;
  givingBack: number;
  practitioner: number;
}

// PMI's Continuing Certification Requirements table: the same structure at two sizes.
const variants: Variant[] = [
  {
    id: 'PMI-PMP',
    name: 'PMI Project Management Professional (PMP)',
    required: 60,
    education: 35,
    perArea: 8,
    givingBack: 25,
    practitioner: 8,
  },
  {
    id: 'PMI-ACP',
    name: 'PMI Agile Certified Practitioner (PMI-ACP)',
    required: 30,
    education: 18,
    perArea: 4,
    givingBack: 12,
    practitioner: 4,
  },
];

const EDUCATION = ['course', 'webinar', 'conference', 'self-directed', 'reading', 'informal'];
const GIVING_BACK = ['volunteer', 'content', 'presentation', 'sharing', 'practitioner'];

function pmiProgram(v: Variant): ProgramInput {
  const area = (id: string, label: string) => ({
    id,
    label: `${label} (Education)`,
    credits: v.perArea,
    filter: { formats: EDUCATION, categories: [id] },
  });
  return {
    id: v.id,
    name: v.name,
    body: 'Project Management Institute (PMI)',
    sources: [
      'PMI "Maintain Your Certification" and the Continuing Certification Requirements (CCR) table as repeated by PMI chapters and training vendors (see the pages listed with the program).',
      'The cycle begins the day the exam is passed and ends on the same date three years later: enter the exam date as the cycle start.',
      'Interpretation: Education formats are course, webinar, conference, self-directed learning, reading and informal learning; Giving Back formats are volunteering, creating content, giving a presentation, sharing knowledge and working as a practitioner.',
      'Interpretation: PMI lets one activity be split across talent-triangle areas; the engine counts a row toward every area its Category cell names, so split such an activity into one row per area.',
      'Interpretation: PDUs are claimed in quarter hours (0.25 PDU = 15 minutes), rounded down per entry.',
      'Interpretation: during the one-year suspension after the cycle end, PDUs earned still count toward that renewal (shown as GRACE).',
    ],
    required: v.required,
    creditUnit: 'PDUs',
    rounding: { step: 0.25, mode: 'floor' },
    approvedMeaning: 'From a PMI Authorized Training Partner (information only)',
    headerWords: { category: ['Talent Triangle', 'Skill area', 'PMI Talent Triangle'] },
    categories: [
      {
        id: 'ways-of-working',
        label: 'Ways of Working',
        aliases: ['Technical', 'Technical Project Management', 'Technical PM', 'WoW'],
      },
      { id: 'power-skills', label: 'Power Skills', aliases: ['Leadership'] },
      {
        id: 'business-acumen',
        label: 'Business Acumen',
        aliases: ['Strategic', 'Strategic and Business Management', 'Strategic & Business Management'],
      },
    ],
    formats: [
      {
        id: 'course',
        label: 'Course or training',
        aliases: ['Course', 'Training', 'Class', 'Online course'],
        perHour: 1,
      },
      { id: 'webinar', label: 'Online or digital media', aliases: ['Webinar', 'Podcast', 'Video'], perHour: 1 },
      { id: 'conference', label: 'Organization meetings', aliases: ['Conference', 'Chapter meeting'], perHour: 1 },
      { id: 'self-directed', label: 'Self-directed learning', aliases: ['Self-study', 'Self directed'], perHour: 1 },
      { id: 'reading', label: 'Read', aliases: ['Reading', 'Book', 'Article'], perHour: 1 },
      { id: 'informal', label: 'Informal learning', aliases: ['Mentoring received', 'Coaching'], perHour: 1 },
      { id: 'volunteer', label: 'Volunteer', aliases: ['Volunteering'], perHour: 1 },
      { id: 'content', label: 'Create content', aliases: ['Author', 'Writing', 'Blog'], perHour: 1 },
      { id: 'presentation', label: 'Give a presentation', aliases: ['Presentation', 'Speaking'], perHour: 1 },
      { id: 'sharing', label: 'Share knowledge', aliases: ['Mentoring', 'Teaching'], perHour: 1 },
      {
        id: 'practitioner',
        label: 'Working as a practitioner',
        aliases: ['Work experience', 'Practitioner'],
        perHour: 1,
        hoursHelp: `PDUs for working as a practitioner (at most ${v.practitioner} per cycle).`,
      },
    ],
    defaultFormat: 'course',
    minimums: [
      { id: 'education', label: 'Education', credits: v.education, filter: { formats: EDUCATION } },
      area('ways-of-working', 'Ways of Working'),
      area('power-skills', 'Power Skills'),
      area('business-acumen', 'Business Acumen'),
    ],
    caps: [
      // The inner allowance first: Giving Back then sees what working as a practitioner keeps.
      {
        id: 'practitioner',
        label: 'Working as a practitioner',
        limit: v.practitioner,
        appliesTo: { formats: ['practitioner'] },
      },
      { id: 'giving-back', label: 'Giving Back', limit: v.givingBack, appliesTo: { formats: GIVING_BACK } },
    ],
    proof: {
      requiredFor: {},
      acceptable: ['Certificate', 'Attendance letter', 'Transcript', 'Publication'],
      minAssessmentScore: 70,
      retention: 'Keep documentation of every PDU claimed: PMI audits a share of renewals.',
    },
    cycle: {
      windowEnd: { from: 'cycleStart', years: 3 },
      deadline: { from: 'windowEnd' },
      phases: [
        {
          status: 'GRACE',
          through: { from: 'deadline', years: 1 },
          summary: 'certification suspended since {deadline}; earn and report the PDUs and renew by {through}',
          creditCounts: true,
        },
        { status: 'EXPIRED', summary: 'suspension ended ({previousThrough}): the certification has expired' },
      ],
    },
    fees: [
      {
        id: 'renewal',
        label: 'Renewal fee (non-member; PMI members $60)',
        amount: 150,
        statuses: ['IN PROGRESS', 'COMPLETE', 'READY', 'GRACE'],
      },
    ],
    renewalFeeId: 'renewal',
    checklist: [
      { check: 'totalCredits', id: 'credits', label: `${v.required} PDUs counted` },
      { check: 'minimum', id: 'education', label: `${v.education} Education PDUs`, minimum: 'education' },
      { check: 'minimum', id: 'wow', label: `${v.perArea} Ways of Working PDUs`, minimum: 'ways-of-working' },
      { check: 'minimum', id: 'power', label: `${v.perArea} Power Skills PDUs`, minimum: 'power-skills' },
      { check: 'minimum', id: 'business', label: `${v.perArea} Business Acumen PDUs`, minimum: 'business-acumen' },
      { check: 'noRowProblems', id: 'rows', label: 'Every row of the log is valid' },
      { check: 'proof', id: 'proof', label: 'Documentation kept for audit' },
      { check: 'submitBy', id: 'renew-by', label: 'Renew by {deadline}', through: 'deadline' },
      { check: 'attestation', id: 'fee', label: 'Renewal fee paid ({fee:renewal})' },
    ],
  };
}

export const pmiPrograms: ProgramInput[] = variants.map(pmiProgram);
