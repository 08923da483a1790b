/**
 * The pages the built-in programs' numbers come from, as title and address, and the numbers not yet
 * confirmed against those pages. Kept beside the program files (which another change may edit) so an
 * export (`ce-ledger programs --export ID`) can write sources the way a program file states them.
 */
import type { Source } from '../custom-programs';

export interface ProgramPages {
  sources: Source[];
  unconfirmed: string[];
}

const NISM: ProgramPages = {
  sources: [
    {
      title: 'NISM: Continuing Education (Maintaining Certification through Continuing Education)',
      url: 'https://nismonline.org/continuing-education-2/',
      supports: ['required: 20 hours', 'cycle: 2 years from certification', 're-certification fee: $135'],
    },
    {
      title: 'NISM: Changes to Continuing Education Credits (19 April 2018)',
      url: 'https://nismonline.org/changes-to-continuing-education-credits/',
      supports: ['per-entry and per-format cap: 5', 'Grovo exemption', 'asynchronous courses: 10 hours = 1 credit'],
    },
  ],
  unconfirmed: [
    'fees: re-examination $195 conflicts with the continuing-education page, which gives $270 (+$65 proctoring); the 3-month extension ($100) and the exam voucher ($395) come from the seed text',
    'minEntries 4: read from the cap of 5 per entry and 20 required; not stated as a rule on the page',
  ],
};

const NAMSS: ProgramPages = {
  sources: [
    {
      title: 'NAMSS: Recertification Resources (FAQ)',
      url: 'https://www.namss.org/Certification/Recertification/Recertification-Resources',
      supports: [
        'required: 30 (single), 45 (dual)',
        'NAMSS approved: 15 (single), 25 (dual)',
        'application opens 1 August',
      ],
    },
    {
      title: 'NAMSS: Recertification',
      url: 'https://namss.org/Certification/Recertification',
      supports: ['cycle: 3 years', 'report between 1 August and 1 December of the recertification year'],
    },
    {
      title: 'NAMSS: Extension Requests',
      url: 'https://www.namss.org/Certification/Recertification/Extension-Requests',
      supports: ['extension: 6 months', 'extension needs half the required credits (15 single, 25 dual)'],
      note: 'The page is dated by its COVID-19 notice; the rule is repeated in a NAMSS Gateway article of 18 November 2024.',
    },
  ],
  unconfirmed: [
    'fees: extension ($50), late ($50) and reinstatement ($100) amounts come from the seed text; NAMSS sets the recertification fee elsewhere',
  ],
};

const ACSM: ProgramPages = {
  sources: [
    {
      title: 'ACSM: Earning and Tracking Continuing Education for your ACSM Certification (20 May 2019)',
      url: 'https://www.acsm.org/blog-detail/acsm-certified-blog/2019/05/20/earning-and-tracking-continuing-education-for-your-acsm-certification',
      supports: [
        'cycle: 3 years',
        'required: 45 (GEI, CPT), 60 (EP, CEP)',
        'current CPR/AED',
        'audit proof within 30 days',
      ],
    },
    {
      title: 'ACSM: Random CEC Auditing Process',
      url: 'http://www.acsm.org/get-stay-certified/stay-certified/recertify-renew/audit',
      supports: ['keep proof for one year', 'inactive status: one year to complete'],
    },
  ],
  unconfirmed: [
    'fees: renewal ($60/$70), late ($80) and reinstatement ($165) amounts come from the seed text, not from a current ACSM fee page',
    'caps: committee service 8 and CPR/AED course 5 per cycle year come from the seed text',
    'grace: 6 months after the deadline, from the seed text',
  ],
};

const PMI: ProgramPages = {
  sources: [
    {
      title: 'PMI: Maintain Your Certification',
      url: 'https://www.pmi.org/certifications/certification-resources/maintain',
      supports: ['PMI-PMP required: 60 PDUs', 'PMI-ACP required: 30 PDUs', 'cycle: 3 years'],
    },
    {
      title: 'ProjectVictor: PMI Talent Triangle and PDU requirements (table per certification)',
      url: 'https://projectvictor.com/knowledge-base/?p=3765',
      supports: [
        'PMP: Education >= 35, 8 in each area, Giving Back <= 25, working as a practitioner <= 8',
        'ACP: Education >= 18, 4 in each area, Giving Back <= 12, working as a practitioner <= 4',
      ],
      note: 'A training vendor repeating the CCR table; the official CCR handbook was read only through copies.',
    },
    {
      title: 'PMI Manitoba Chapter: Professional Development Units (PDUs)',
      url: 'https://pmimanitoba.org/pdus',
      supports: [
        'talent-triangle areas renamed: Ways of Working, Power Skills, Business Acumen (old names kept as aliases)',
      ],
    },
    {
      title: 'CCR Certification Requirements Handbook (copy)',
      url: 'https://www.scribd.com/document/488341964/ccr-certification-requirements-handbook',
      supports: ['Education and Giving Back categories', 'cycle begins on the exam date'],
      note: 'A copy of an older edition, before the talent-triangle areas were renamed.',
    },
    {
      title: 'Solarity: Project management information (PDUs)',
      url: 'https://training.solarity.com/project-management-information',
      supports: ['PDUs in quarter hours (0.25 PDU = 15 minutes)'],
    },
    {
      title: 'Master of Project: PMI-ACP PDU Requirements',
      url: 'https://blog.masterofproject.com/pmi-acp-pdu-requirements',
      supports: [
        'ACP: 30 PDUs, Education >= 18, Giving Back <= 12, practitioner <= 4',
        'one-year suspension',
        'fee $60 / $150',
      ],
    },
  ],
  unconfirmed: [
    'Education, area and Giving Back numbers come from vendor and chapter pages repeating the CCR table, not from the current PMI handbook',
    'working as a practitioner <= 8 (PMP) / <= 4 (ACP): one vendor table each',
    'quarter-hour rounding down per entry: vendor pages, not the handbook',
    'PDUs earned in the one-year suspension count toward the renewal: interpretation of the suspension rule',
    'renewal fee $150 (members $60): from a vendor page',
    'carry-over of last-year surplus PDUs (prothoughts FAQ, low confidence) is not modelled',
  ],
};

const ISC2: ProgramPages = {
  sources: [
    {
      title: 'ISC2 Chapter US Military Germany: Earning CPEs',
      url: 'https://isc2chapter-usmilitarygermany.org/earning-cpes/',
      supports: ['CISSP required: 120 CPEs', 'cycle: 3 years', 'Group A >= 90'],
    },
    {
      title: 'Intrinsec Security: In pursuit of CPEs',
      url: 'https://intrinsecsecurity.com/blog/training-certifications/in-pursuit-of-cpes/',
      supports: ['the other 30 CPEs Group A or Group B (Group B cap 30)'],
    },
    {
      title: 'Balanced Security: You passed the CISSP, here is how to keep it',
      url: 'https://blog.balancedsec.com/p/you-passed-the-cissp-heres-how-to',
      supports: ['40 CPEs a year suggested, not required (quoting the Certification Maintenance Handbook)', 'AMF $135'],
      note: 'Older pages (Phoenix TS, about 2017) say at least 40 a year are required: the current handbook wording is followed.',
    },
    {
      title: 'Phoenix TS: CISSP requirements, how to earn and submit CPEs',
      url: 'https://phoenixts.com/blog/cissp-requirements-how-to-earn-submit',
      supports: ['90 days after the cycle end to submit; CPEs must be earned before it'],
    },
    {
      title: 'ISC2 Community: CISSP CPE rollover question',
      url: 'https://community.isc2.org/t5/CPE-Opportunities/CISSP-CPE-rollover-question/m-p/42492/highlight/true',
      supports: ['up to 40 Group A CPEs earned in the last 6 months, above the 120, roll over (handbook p. 11)'],
    },
  ],
  unconfirmed: [
    'every number is read from pages quoting the ISC2 Certification Maintenance Handbook; the handbook itself was not read',
    '40 CPEs a year: suggested (current handbook wording) versus required (older pages); kept as a reminder only',
    'AMF $135 a year: one practitioner page; other pages give $125',
    'rollover: whether the previous cycle needed the rows of its last 6 months is not checked (see the note)',
  ],
};

const COMPTIA: ProgramPages = {
  sources: [
    {
      title: 'CompTIA: How to Earn Continuing Education Units (CEUs) to Renew Your Certification',
      url: 'http://staging-certification.comptia.org/help/continuing-education/earn-continuing-education-units-to-renew-your-certification',
      supports: ['Security+ required: 50 CEUs', 'cycle: 3 years', 'at least 50% of the content on the exam objectives'],
      note: 'Read from a staging copy of the CompTIA site.',
    },
    {
      title: 'Phoenix TS: How to Earn CompTIA Security+ Continuing Education (CE) Units (25 March 2019)',
      url: 'https://phoenixts.com/blog/ce-requirements-comptia-security-plus/',
      supports: [
        'live webinars at most 10 CEUs and conferences at most 10 CEUs per cycle (20% of 50)',
        'college course 40, teaching 20, IT association 6, board or chapter 9, work experience 9, article 16, book 40',
      ],
      note: 'A 2019 training-vendor table of the CompTIA CE activity chart; the current chart was not read.',
    },
    {
      title: 'Eat Sip 365: What counts as Security+ continuing education',
      url: 'https://eatsip365.com/what-counts-as-security-continuing-education',
      supports: ['CE fee $50 a year ($150 per 3-year cycle)'],
    },
  ],
  unconfirmed: [
    'every per-activity maximum comes from a 2019 third-party table of the CompTIA CE activity chart',
    'work experience 3 CEUs per cycle year: the table gives 9 per cycle; the per-year split is read from older CompTIA wording',
    'the cycle ends the day before the third anniversary of the exam date (three years from it)',
    'CE fee $50 a year: a 2026 blog; a 2013 forum post gives $49',
  ],
};

const ISACA: ProgramPages = {
  sources: [
    {
      title: 'ISACA: CISA Continuing Professional Education Policy (2009 PDF, copy)',
      url: 'https://de.scribd.com/document/42585453/Cisa-Cpe-English',
      supports: ['at least 20 CPE hours each year', 'at least 120 CPE hours per three-year period'],
      note: 'A 2009 edition; Security Boulevard (2018) and my-cpe.com repeat the same numbers.',
    },
    {
      title: 'ISACA: CPE Quizzes and qualifying activities',
      url: 'https://www.isaca.org/resources/isaca-journal/cpe-quizzes',
      supports: ['50 minutes = 1 CPE hour', 'quarter-hour increments', 'volunteer service at most 20 CPE hours a year'],
    },
    {
      title: 'MY-CPE: CISA CPE requirements for license renewal',
      url: 'https://my-cpe.com/blogs/cisa-cpe-requirements-for-license-renewal',
      supports: ['annual period from 1 January', 'report and pay by 15 January'],
    },
    {
      title: 'ISACA Manila Chapter: Annual CPE audit begins',
      url: 'https://isaca-manila.org/news/annual-cpe-audit-begins/',
      supports: ['keep proof 12 months after the end of each three-year period'],
    },
  ],
  unconfirmed: [
    'the CPE policy read is the 2009 edition; later pages repeat 20 a year and 120 in three years',
    'reporting by 15 January and the calendar-year periods: a training-vendor page',
    'rounding down to the quarter hour (60 minutes = 1 CPE hour, not 1.2): read from "quarter-hour increments"',
    'maintenance fee amount not given (ISACA sets it; lower for members)',
  ],
};

const AAPC: ProgramPages = {
  sources: [
    {
      title: 'AAPC: CEU Information - Members',
      url: 'https://www.aapc.com/medical-coding-education/help/',
      supports: [
        'required: 36 CEUs every two years (one certification)',
        '40, 44, 48, 52 for two, three, four, five or more certifications',
        '8 specialty CEUs per specialty credential',
      ],
      note: 'An older capture of this page (before 2015) gives 48, 60, 72 and 80: superseded.',
    },
    {
      title: 'AAPC: Continuing Education FAQ',
      url: 'https://www.aapc.com/medical-coding-education/faq.aspx',
      supports: ['36 / 40 / 44 / 48 / 52 CEUs every two years by number of certifications'],
    },
    {
      title: 'AAPC: CEU policies',
      url: 'https://www.aapc.com/about-us/ceu-policies',
      supports: [
        'CEUs only from the AAPC Approved CEU Vendor List',
        'once per course',
        'earned within the two-year period; no carry-over; not before certification',
        '$50 CEU extension',
        '25% of submissions verified',
      ],
    },
    {
      title: 'AAPC: Maintain your certification',
      url: 'https://www.aapc.com/certifications/maintain-your-certification',
      supports: ['CEUs reported every two years on the membership due date', 'first submission pro-rated'],
    },
  ],
  unconfirmed: [
    'the two-year period is taken as two years from the cycle start; AAPC ties it to the membership due date: give Expires in the profile when they differ',
    'specialty CEU minimums, the renewal-month rule and the pro-rated first submission are not modelled',
  ],
};

const BY_BODY: Record<string, ProgramPages> = { NISM, NAMSS, ACSM };
BY_BODY.PMI = PMI;
BY_BODY.ISC2 = ISC2;
BY_BODY.COMPTIA = COMPTIA;
BY_BODY.ISACA = ISACA;
BY_BODY.AAPC = AAPC;

// Issue 13 (helper progsb): CFP, NCCPA, NASM and SHRM, added beside the seed bodies.
const CFP: ProgramPages = {
  sources: [
    {
      title: 'CFP Board: Continuing Education Policies',
      url: 'http://www.cfp.net/for-cfp-professionals/continuing-education/continuing-education-requirements/continuing-education-policies',
      supports: [
        'required: 30 hours each reporting period',
        'minimum: 2 hours of CFP Board-approved Ethics CE (28 General)',
        'reporting period ends on the last day of the renewal month',
        'no carry-over; one program is not split between periods',
        'first period prorated from initial certification',
      ],
      note: 'An older capture of the page; a 2016 version of it gives the same hours.',
    },
    {
      title: 'Boston Institute of Finance: CFP CE requirements',
      url: 'https://www.bostonifi.com/resources/blog/cfp-ce-requirements',
      supports: ['30 hours every two-year cycle, 2 of them CFP Board Ethics'],
    },
  ],
  unconfirmed: [
    'renewal month = birth month: third-party pages say birth month; the CFP Board page read says "renewal month"',
    'college courses at 15 CE hours per semester credit and 10 per quarter credit: from a 2012 third-party page',
    'the first period is prorated by CFP Board with a formula not on the pages read: not modelled (30 hours asked)',
    'after the period ends: what CFP Board does with late CE (the LAPSED phase wording) is not from a CFP Board page',
  ],
};

Object.assign(BY_BODY, { CFP });

const NCCPA: ProgramPages = {
  sources: [
    {
      title: 'NCCPA: About CME Requirements',
      url: 'https://www.nccpa.net/ContinuingMedicalEducation',
      supports: [
        'required: 100 CME credits each two-year cycle',
        'minimum: 50 Category 1',
        'self-assessment Category 1: +50%',
        'first 20 PI-CME credits each cycle doubled',
        'window: 1 May of the issue year to 31 December of the expiration year; deadline 11:59 p.m. PT 31 December',
      ],
    },
    {
      title: 'NCCPA: Q&A on self-assessment and PI-CME',
      url: 'https://www.nccpa.net/qanda',
      supports: ['a self-assessment activity worth 10 credits becomes 15', 'first 20 PI-CME credits doubled'],
      note: 'Announced August 2014 (Kentucky Academy of PAs news); the current requirements page repeats it.',
    },
  ],
  unconfirmed: [
    'certification maintenance fee: $180 (calibercred.com) vs $195 (eatsip365.com, 2026): left to NCCPA (no amount)',
    'no grace period after 31 December: none is named on the page read',
  ],
};

Object.assign(BY_BODY, { NCCPA });

const NASM: ProgramPages = {
  sources: [
    {
      title: 'NASM: Certified Personal Trainer Recertification/Renewal Process',
      url: 'http://nasm.org/recertify/personal-trainer-recertification',
      supports: [
        'required: 2.0 NASM-approved CEUs every two-year period',
        'CPR/AED certification: mandatory, counts 0.1 CEU',
        'courses not preapproved: by petition only ($25 each)',
        'late applications: up to 90 days with a late fee, to one year with an additional fee; courses completed within 90 days of expiry',
      ],
      note: 'An older capture of the same page says 1.9 CEUs plus a current CPR/AED certification (0.1): the same total.',
    },
    {
      title: 'Open Exam Prep: NASM-CPT continuing education and recertification',
      url: 'https://open-exam-prep.com/study-guides/nasm-cpt/11-professional-responsibility-scope-business-and-emergencies/continuing-education-recertification-and-credible-resources',
      supports: ['1 CEU = 10 contact hours (0.1 CEU per contact hour)'],
    },
    {
      title: 'NASM-CPT Recertification Guidelines (copy on scribd)',
      url: 'https://www.scribd.com/document/666597864/Nasm-Cpt-Recertification-Guidelines',
      supports: ['recertification fee $99', 'late fee $30 (to 90 days), $50 (to 1 year)'],
    },
  ],
  unconfirmed: [
    'fees: $99 recertification, $30 and $50 late fees come from a copy of the guidelines, not a current NASM fee page',
    '0.1 CEU per contact hour: a third-party study guide, consistent with NASM course listings',
    'credit earned within 90 days after expiry is not counted from day 91 on (the engine cannot keep it for the later late period)',
  ],
};

Object.assign(BY_BODY, { NASM });

const SHRM: ProgramPages = {
  sources: [
    {
      title: 'SHRM: Recertification At-a-Glance',
      url: 'https://shrm.org/certification/recertification/Pages/Recertification-At-a-Glance.aspx',
      supports: [
        'required: 60 PDCs within the 3-year cycle',
        'cycle ends on the last day of the birth month, 3 years after the exam',
        'example: exam 2019-05-03, birth month July: end 2022-07-31, expiration 2022-09-30',
        'apply one year into the cycle; up to 20 excess PDCs carry over',
      ],
    },
    {
      title: 'SHRM: Recertification FAQs',
      url: 'https://www.shrm.org/certification/faqs/Pages/faqs-recert.aspx',
      supports: ['early recertification: the new cycle starts the next day and keeps the birth-month end date'],
    },
    {
      title: 'SHRM: Major Changes to SHRM Recertification Policies Announced (2019)',
      url: 'https://www.shrm.org/resourcesandtools/hr-topics/behavioral-competencies/pages/major-changes-to-shrm-recertification-policies-announced.aspx',
      supports: [
        'grace period: 60 days; PDCs earned in it count',
        'late fee: $50',
        'Advance Your Organization: 20 PDC limit; Advance Your Profession: 30',
      ],
    },
    {
      title: 'SHRM: Advance Your Education (older page)',
      url: 'https://www.shrm.org/certification/recertification/qualifyingcreditactivities/pages/advance-your-education.aspx',
      supports: ['self-paced: 30 PDC maximum per 3-year period'],
      note: 'The newer Advance Your Education page says "No PDC maximum for instructor-led or self-paced activities".',
    },
    {
      title: 'SHRM: Advance Your Organization',
      url: 'https://www.shrm.org/certification/recertification/qualifying-credit-activities/Pages/Advance-Your-Organization.aspx',
      supports: ['20 PDC maximum', 'work projects: 10 PDCs (50+ hours), 20 PDCs (100+ hours)'],
    },
    {
      title: 'NC SHRM: Big changes to the SHRM recertification program (2021 handbook)',
      url: 'https://ncshrm.com/big-changes-to-the-shrm-recertification-program/',
      supports: [
        'PDCs in 15-minute increments (0.25)',
        'Advance Your Organization maximum raised to 30',
        'work projects: 10 (40+ hours), 20 (80+), 30 (120+)',
      ],
    },
    {
      title: 'SHRM Recertification Handbook (flipbook)',
      url: 'https://flipbooks.shrm.org/view/831074304/8',
      supports: [
        'Advance Your Profession: 30 PDC maximum',
        'presentations: 1 hour = 2 PDCs, at most 20',
        'volunteer leadership: 5 PDCs per year',
      ],
    },
  ],
  unconfirmed: [
    'self-paced cap of 30: older pages state it, the newer page says no maximum; kept for activities up to 2018-12-31, a date not stated on any page read',
    'Advance Your Organization 30 from 2021-01-01: a chapter page about the 2021 handbook; the exact start date is assumed',
    'grace period end: "60 days" in the policy text, the last day of the second month after the end date in SHRM\'s own example; the example is followed',
    'recertification application fee: not on the pages read (left to SHRM)',
  ],
};

Object.assign(BY_BODY, { SHRM });

/** The pages of a built-in program, by its id (the body is the id's first part). */
export function builtInPages(id: string): ProgramPages | undefined {
  return BY_BODY[id.split('-')[0]!.toUpperCase()];
}
