import type { ProgramInput } from '../schema';

export const aapcPrograms: ProgramInput[] = [
  {
    id: 'AAPC-CPC',
    name: 'AAPC Certified Professional Coder (CPC)',
    body: 'AAPC',
    sources: [
      'AAPC "CEU Information - Members" and the AAPC CEU FAQ: 36 CEUs every two years for one certification, 40, 44, 48 and 52 for two, three, four and five or more; see the pages listed with the program.',
      'An older capture of the same AAPC page (before 2015) gives 48, 60, 72 and 80 for two to five certifications; the current figures are used.',
      'Interpretation: "4 more CEUs for each additional credential, counted up to 4" is requiredPerFact on the profile fact "Additional AAPC credentials".',
      'AAPC "CEU policies": CEUs come only from the AAPC Approved CEU Vendor List (Approved = yes, the index number on the certificate), count once per course, must be earned inside the two-year period and not before certification.',
      'Not modelled: the 8 specialty CEUs for each specialty credential (16 for CPMA, CPCO, CDEO, CPPM, CIRCC); CEUs of the renewal month applying to either period; the pro-rated first submission (AAPC gives no rate).',
    ],
    required: 36,
    creditUnit: 'CEUs',
    rounding: { step: 0.01, mode: 'nearest' },
    approvedMeaning: 'Pre-approved by AAPC (the certificate carries an AAPC index number)',
    headerWords: { approved: ['AAPC approved', 'Index number', 'AAPC index'] },
    formats: [
      { id: 'webinar', label: 'Webinar', aliases: ['Live webinar', 'Recorded webinar'], perHour: 1 },
      { id: 'workshop', label: 'Workshop', aliases: ['Boot camp', 'Seminar'], perHour: 1 },
      { id: 'conference', label: 'Conference', aliases: ['AAPC conference'], perHour: 1 },
      { id: 'chapter', label: 'Local chapter meeting', aliases: ['Chapter meeting', 'Chapter'], perHour: 1 },
      { id: 'quiz', label: 'Quiz', aliases: ['Magazine quiz', 'AAPC the Magazine', 'Codify quiz'], perHour: 1 },
      { id: 'on-demand', label: 'On-demand course', aliases: ['On demand', 'Online course', 'Course'], perHour: 1 },
    ],
    defaultFormat: 'on-demand',
    facts: [
      {
        id: 'additionalCredentials',
        label: 'Additional AAPC credentials',
        type: 'number',
        help: 'How many AAPC credentials you hold besides the CPC: each asks for 4 more CEUs (at most 16 more, for four or more).',
      },
    ],
    requiredPerFact: {
      fact: 'additionalCredentials',
      credits: 4,
      maxCount: 4,
      note: 'Two certifications 40 CEUs, three 44, four 48, five or more 52.',
    },
    eligibility: [
      {
        type: 'requiresApproval',
        id: 'approved-vendor',
        appliesTo: {},
        message: 'Not from the AAPC Approved CEU Vendor List',
        petition: 'Ask the vendor for the AAPC index number; AAPC approves events in advance, not afterwards.',
      },
    ],
    uniqueBy: {
      fields: ['activity'],
      appliesTo: {},
      note: 'CEUs may be earned once per course, class or workshop, however many times it is completed.',
    },
    proof: {
      requiredFor: {},
      acceptable: ['Certificate'],
      minAssessmentScore: 70,
      retention:
        'Upload each certificate (index number, sponsor, title, CEUs and date) to the CEU Tracker: 25% of submissions are verified.',
    },
    cycle: {
      windowEnd: { from: 'cycleStart', years: 2, days: -1 },
      deadline: { from: 'windowEnd' },
      phases: [
        {
          status: 'EXPIRED',
          summary:
            'CEUs were due on {deadline}: buy a CEU extension ({fee:extension}) in the CEU Tracker or contact AAPC',
        },
      ],
    },
    fees: [{ id: 'extension', label: 'CEU extension', amount: 50, statuses: ['IN PROGRESS', 'EXPIRED'] }],
    checklist: [
      {
        check: 'totalCredits',
        id: 'credits',
        label: 'The required CEUs counted (36, plus 4 per additional credential)',
      },
      {
        check: 'eligible',
        id: 'approved',
        label: 'Every CEU from the AAPC Approved CEU Vendor List',
        rule: 'approved-vendor',
      },
      { check: 'noRowProblems', id: 'rows', label: 'Every row of the log is valid' },
      { check: 'allInWindow', id: 'window', label: 'All CEUs earned inside the two-year period' },
      { check: 'proof', id: 'proof', label: 'Certificates uploaded to the CEU Tracker' },
      { check: 'submitBy', id: 'submit', label: 'Submit the CEUs by {deadline}', through: 'deadline' },
      { check: 'attestation', id: 'dues', label: 'AAPC membership dues paid (every year)' },
    ],
  },
];
