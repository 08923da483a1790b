import type { ProgramInput } from '../schema';

interface Variant {
  id: string;
  name: string;
  required: number;
  approved: number;
  extensionCredits: number;
  note?: string;
}

const variants: Variant[] = [
  {
    id: 'NAMSS-CPCS',
    name: 'NAMSS Certified Provider Credentialing Specialist (CPCS)',
    required: 30,
    approved: 15,
    extensionCredits: 15,
  },
  {
    id: 'NAMSS-CPMSM',
    name: 'NAMSS Certified Professional Medical Services Management (CPMSM)',
    required: 30,
    approved: 15,
    extensionCredits: 15,
  },
  {
    id: 'NAMSS-DUAL',
    name: 'NAMSS dual certification (CPCS and CPMSM)',
    required: 45,
    approved: 25,
    extensionCredits: 22.5,
  },
  {
    id: 'NAMSS-DUAL-FIRST',
    name: 'NAMSS dual certification, recertifying as dual for the first time',
    required: 30,
    approved: 15,
    extensionCredits: 15,
    note: 'Interpretation: an extension asks for half of the required certificates; with 30 required that is 15.',
  },
];

function namssProgram(v: Variant): ProgramInput {
  return {
    id: v.id,
    name: v.name,
    body: 'National Association Medical Staff Services (NAMSS)',
    sources: [
      'NAMSS recertification resources FAQ (shared/seeds 002).',
      'The extension to 1 June ($50) applies only when the profile says it was granted (revision 2); it asks for at least half of the required credits backed by a certificate (15 single, 22.5 dual).',
      ...(v.note ? [v.note] : []),
    ],
    required: v.required,
    creditUnit: 'credits',
    rounding: { step: 0.01, mode: 'nearest' },
    approvedMeaning: 'NAMSS-approved (certificate carries the NAMSS logo)',
    headerWords: { approved: ['NAMSS approved', 'NAMSS logo', 'NAMSS CE'] },
    formats: [
      { id: 'live-event', label: 'Live event', aliases: ['Live', 'Live program', 'Seminar', 'Workshop'], perHour: 1 },
      { id: 'webinar', label: 'Webinar', aliases: ['Live webinar', 'Webinar recording'], perHour: 1 },
      { id: 'conference', label: 'Conference', aliases: ['Conference recording'], perHour: 1 },
      {
        id: 'on-demand',
        label: 'On-demand course',
        aliases: ['On demand', 'Online course', 'Virtual course', 'Education Zone'],
        perHour: 1,
      },
      { id: 'podcast-quiz', label: 'Podcast quiz', aliases: ['Podcast', 'Synergy quiz', 'Quiz'], perHour: 1 },
      { id: 'other', label: 'Other', aliases: [], perHour: 1 },
    ],
    defaultFormat: 'other',
    minimums: [{ id: 'approved', label: 'NAMSS-approved', credits: v.approved, filter: { approved: true } }],
    atRisk: [
      {
        type: 'fieldRequired',
        id: 'location',
        field: 'location',
        message: 'Location missing: give the city and state (for a virtual activity, where you accessed it from)',
      },
    ],
    proof: {
      requiredFor: {},
      acceptable: ['Certificate'],
      minAssessmentScore: 70,
      retention: 'NAMSS asks for the CE certificates themselves; tracking tables are not accepted in their place.',
    },
    cycle: {
      windowEnd: { from: 'cycleStart', years: 3, month: 12, day: 1 },
      deadline: { from: 'windowEnd' },
      // Derived from the deadline, so that a certificate's own Expires date moves them too (revision 3).
      applicationOpens: { from: 'deadline', month: 8, day: 1 },
      phases: [
        {
          status: 'GRACE',
          through: { from: 'deadline', month: 12, day: 31 },
          summary: 'deadline {deadline} passed; apply by {through} with the {fee:late} late fee',
        },
        {
          status: 'LAPSED',
          through: { from: 'deadline', years: 1, month: 6, day: 1 },
          summary:
            'certification lapsed; reinstatement until {through} (documents, renewal fee and {fee:reinstatement})',
        },
        {
          status: 'EXPIRED',
          summary: 'past the reinstatement window ({previousThrough}): apply as a new candidate and pass the exam',
        },
      ],
      extension: {
        label: 'Extension to June 1',
        requestBy: { from: 'windowEnd' },
        runsTo: { from: 'deadline', years: 1, month: 6, day: 1 },
        minCredits: v.extensionCredits,
        feeId: 'extension',
        note: 'Send at least half of the required CE certificates by the deadline; tracking tables are not accepted.',
      },
    },
    fees: [
      {
        id: 'renewal',
        label: 'Recertification fee (amount set by NAMSS)',
        amount: null,
        statuses: ['IN PROGRESS', 'COMPLETE', 'READY', 'GRACE', 'LAPSED'],
      },
      { id: 'extension', label: 'Extension fee', amount: 50, statuses: ['IN PROGRESS'] },
      { id: 'late', label: 'Late fee', amount: 50, statuses: ['GRACE'] },
      {
        id: 'reinstatement',
        label: 'Reinstatement fee (plus the recertification fee)',
        amount: 100,
        statuses: ['LAPSED'],
      },
    ],
    renewalFeeId: 'renewal',
    checklist: [
      { check: 'totalCredits', id: 'credits', label: `${v.required} credits counted` },
      { check: 'minimum', id: 'approved', label: `${v.approved} NAMSS-approved credits`, minimum: 'approved' },
      { check: 'noRowProblems', id: 'rows', label: 'Every row of the log is valid' },
      { check: 'allInWindow', id: 'window', label: 'All credits earned inside the recertification window' },
      { check: 'proof', id: 'certificates', label: 'A CE certificate for every entry' },
      { check: 'atRiskClear', id: 'location', label: 'A location for every entry', rule: 'location' },
      { check: 'applicationOpen', id: 'open', label: 'Application open (from {applicationOpens})' },
      { check: 'submitBy', id: 'submit', label: 'Submit by {deadline}', through: 'deadline' },
      { check: 'attestation', id: 'fee', label: 'Recertification fee paid' },
    ],
  };
}

export const namssPrograms: ProgramInput[] = variants.map(namssProgram);
