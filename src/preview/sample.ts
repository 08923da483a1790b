/**
 * The preview's sample workbook: a realistic NISM-SMS tracker two thirds of the way through its
 * cycle, with the mistakes real trackers have (each marked in Notes). Kept as data so the end-to-end
 * tests, the preview and a generated `assets/sample-tracker.xlsx` all show the same log.
 *
 * Dates are written as ISO text here and become Excel serials in `sampleWorkbook()`, except the bad
 * one, which stays text as a user would have typed it.
 */
import { dayFromIso, isoFromDay, serialFromDay } from '../core';
import type { CellValue } from '../workbook/port';

export const SAMPLE_PROGRAM = 'NISM-SMS';
export const SAMPLE_CYCLE_START = '2025-03-14';
/** The "today" the end-to-end tests use (`preview.html?asOf=2026-11-23`). */
export const SAMPLE_AS_OF = '2026-11-23';
export const SAMPLE_NAME = 'Jordan Rivera';
export const SAMPLE_CERTIFICANT_NO = 'SMS-004217';

export const SAMPLE_LOG_SHEET = 'CE Log';
export const SAMPLE_LOG_TABLE = 'CELog';

export const SAMPLE_HEADERS = [
  'Date',
  'Activity',
  'Provider',
  'Format',
  'Hours',
  'Self-study hours',
  'Subject area',
  'Approved',
  'Proof',
  'Score',
  'Location',
  'Proof link',
  'Notes',
] as const;

type Row = [
  date: string,
  activity: string,
  provider: string,
  format: string,
  hours: number | string,
  selfStudy: number | string,
  subject: string,
  approved: boolean | string,
  proof: string,
  score: number | string,
  location: string,
  proofLink: string,
  notes: string,
];

const series = (part: number, date: string, topic: string): Row => [
  date,
  `Strategy webinar series ${part}: ${topic}`,
  'NISM',
  'Webinar',
  1,
  '',
  'Social Media Strategy',
  true,
  'Certificate',
  '',
  'Online (Denver, CO)',
  `certs/nism-webinar-${part}.pdf`,
  '',
];

/** The log rows, in the order a person would have typed them. */
export const SAMPLE_ROWS: readonly Row[] = [
  [
    '2025-01-20',
    'Hootsuite basics',
    'Hootsuite Academy',
    'Webinar',
    1,
    '',
    'Social Media Marketing',
    false,
    'Certificate',
    '',
    'Online (Denver, CO)',
    '',
    'Previous cycle: before the cycle start',
  ],
  series(1, '2025-03-20', 'audience research'),
  series(2, '2025-04-17', 'channel selection'),
  [
    '2025-04-29',
    'Grovo: Writing for LinkedIn',
    'Grovo',
    'Webinar',
    0.5,
    '',
    'Social Media Marketing',
    true,
    'Progress tracking',
    '',
    'Online (Denver, CO)',
    '',
    '',
  ],
  series(3, '2025-05-15', 'content calendars'),
  [
    '2025-05-06',
    'Social Media Marketing World 2025',
    'Social Media Examiner',
    'Conference',
    3,
    '',
    'Social Media Marketing',
    true,
    'Certificate',
    '',
    'San Diego, CA',
    'certs/smmw-2025.pdf',
    '8 h on site; 3 h of sessions',
  ],
  series(4, '2025-06-12', 'paid social basics for managers'),
  [
    '2025-06-20',
    'Grovo: Scheduling posts',
    'Grovo',
    'Webinar',
    0.5,
    '',
    'Community Management',
    true,
    'Progress tracking',
    '',
    'Online (Denver, CO)',
    '',
    '',
  ],
  [
    '2025-07-10',
    'Compliance & governance essentials',
    'Coursera',
    'Online asynchronous course',
    25,
    '',
    'Compliance & Governance',
    false,
    'Certificate',
    '',
    'Online (Denver, CO)',
    'certs/coursera-compliance.pdf',
    'Forgot to ask NISM first',
  ],
  series(5, '2025-07-17', 'measurement'),
  series(6, '2025-08-14', 'crisis response'),
  [
    '2025-08-22',
    'Grovo: Community guidelines',
    'Grovo',
    'Webinar',
    0.5,
    '',
    'Community Management',
    true,
    'Progress tracking',
    '',
    'Online (Denver, CO)',
    '',
    '',
  ],
  [
    '2025-09-15',
    'Live campaign management course',
    'HubSpot Academy',
    'Online synchronous course',
    2,
    '',
    'Project & Campaign Management',
    true,
    'Assessment',
    60,
    'Online (Denver, CO)',
    '',
    'Quiz retake pending',
  ],
  series(7, '2025-09-18', 'influencer programs'),
  [
    '2025-10-01',
    'Moderation practices study',
    'Self',
    'Research & writing',
    1,
    5,
    'Research & Analysis',
    true,
    'Assignment; Publication',
    '',
    'Denver, CO',
    'docs/moderation-study.pdf',
    'Focus group plus write-up',
  ],
  series(8, '2025-10-16', 'employee advocacy'),
  [
    '2025-11-12',
    'Graphic design for social',
    'AIGA',
    'In-person class',
    3,
    '',
    'Graphic Design',
    true,
    'Certificate',
    '',
    'Boulder, CO',
    '',
    '',
  ],
  series(9, '2025-11-20', 'social listening'),
  [
    '2025-12-03',
    'Marketing podcast episode',
    'Marketing Over Coffee',
    'Podcast',
    1,
    '',
    'Social Media Marketing',
    false,
    '',
    '',
    'Online (Denver, CO)',
    '',
    '',
  ],
  series(10, '2025-12-11', 'reporting to executives'),
  [
    '2026-01-14',
    'Analytics deep dive',
    'NISM',
    'In-person class',
    -2,
    '',
    'Research & Analysis',
    true,
    'Certificate',
    '',
    'Denver, CO',
    '',
    'Typo in hours',
  ],
  series(11, '2026-01-22', 'video strategy'),
  [
    '2025-13-02',
    'Brand voice workshop',
    'NISM',
    'In-person class',
    2,
    '',
    'Social Media Strategy',
    true,
    'Certificate',
    '',
    'Denver, CO',
    '',
    'Date typed wrong',
  ],
  series(12, '2026-02-19', 'governance frameworks'),
  [
    '2026-03-05',
    'Grovo: Responding to reviews',
    'Grovo',
    'Webinar',
    0.5,
    '',
    'Community Management',
    true,
    'Progress tracking',
    '',
    'Online (Denver, CO)',
    '',
    '',
  ],
  series(13, '2026-03-19', 'accessibility in social'),
  [
    '2026-04-08',
    'LinkedIn Ads live course',
    'LinkedIn Learning',
    'Online synchronous course',
    1.5,
    '',
    'Social Media Marketing',
    true,
    '',
    '',
    'Online (Denver, CO)',
    '',
    'Certificate not saved yet',
  ],
  series(14, '2026-04-16', 'community metrics'),
  [
    '2026-05-12',
    'Social media law update',
    'NISM',
    'Webinar',
    1,
    '',
    'Compliance & Governance',
    true,
    '',
    '',
    'Online (Denver, CO)',
    '',
    '',
  ],
  series(15, '2026-05-21', 'campaign retrospectives'),
  [
    '2026-06-09',
    'Udemy: Advanced Meta ads',
    'Udemy',
    'Online asynchronous course',
    10,
    '',
    'Paid advertising',
    true,
    'Certificate',
    '',
    'Online (Denver, CO)',
    'certs/udemy-meta.pdf',
    '',
  ],
  series(16, '2026-06-18', 'platform policy changes'),
  [
    '2026-07-14',
    'Community roundtable',
    'NISM',
    'Webinar',
    1,
    '',
    'Community Management',
    true,
    '',
    '',
    'Online (Denver, CO)',
    '',
    '',
  ],
  [
    '2026-08-20',
    'Grovo: Measuring engagement',
    'Grovo',
    'Webinar',
    0.5,
    '',
    'Research & Analysis',
    true,
    'Progress tracking',
    '',
    'Online (Denver, CO)',
    '',
    '',
  ],
  [
    '2026-12-09',
    'Crisis simulation lab',
    'NISM',
    'In-person class',
    2,
    '',
    'Social Media Strategy',
    true,
    '',
    '',
    'Denver, CO',
    '',
    '',
  ],
  [
    '2026-09-24',
    'Short-form video trends',
    'Later Media',
    'Webinar',
    1,
    '',
    'Social Media Marketing',
    false,
    'Certificate',
    '',
    'Online (Denver, CO)',
    '',
    '',
  ],
  [
    '2026-10-06',
    'Customer care on social',
    'Sprout Social',
    'Webinar',
    1,
    '',
    'Community Management',
    false,
    '',
    '',
    'Online (Denver, CO)',
    '',
    'Over the webinar cap anyway',
  ],
  [
    '2026-12-01',
    'Grovo: Team workflows',
    'Grovo',
    'Webinar',
    0.5,
    '',
    'Project & Campaign Management',
    true,
    'Progress tracking',
    '',
    'Online (Denver, CO)',
    '',
    '',
  ],
  [
    '2027-01-15',
    'Community Management Summit',
    'CMX',
    'Conference',
    5,
    '',
    'Community Management',
    true,
    '',
    '',
    'San Francisco, CA',
    '',
    'Registered; planned',
  ],
  [
    '2027-02-10',
    'Strategy capstone review',
    'NISM',
    'Online synchronous course',
    2,
    '',
    'Social Media Strategy',
    true,
    '',
    '',
    'Online (Denver, CO)',
    '',
    'Planned',
  ],
];

function toCell(value: string | number | boolean, column: number): CellValue {
  if (column === 0 && typeof value === 'string') {
    const day = dayFromIso(value);
    return day === undefined ? value : serialFromDay(day);
  }
  return value;
}

/** The most rows `preview.html?rows=N` generates (a large team's log; the grid shows it by pages). */
export const MAX_GENERATED_ROWS = 100_000;

/** A small seeded generator (mulberry32), so `?rows=N` always shows the same log. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GENERATED_FORMATS = [
  'Webinar',
  'Webinar',
  'Webinar',
  'In-person class',
  'Online asynchronous course',
  'Online synchronous course',
  'Online blended course',
  'Conference',
  'Research & writing',
] as const;
const GENERATED_PROVIDERS = [
  'NISM',
  'NISM',
  'NISM',
  'Grovo',
  'Hootsuite Academy',
  'Coursera',
  'HubSpot Academy',
  'LinkedIn Learning',
  'Social Media Examiner',
] as const;
const GENERATED_SUBJECTS = [
  'Social Media Strategy',
  'Compliance & Governance',
  'Social Media Marketing',
  'Project & Campaign Management',
  'Community Management',
  'Research & Analysis',
  'Graphic Design',
] as const;
const GENERATED_TOPICS = [
  'audience research',
  'channel selection',
  'content calendars',
  'measurement',
  'crisis response',
  'influencer programs',
  'employee advocacy',
  'social listening',
  'reporting to executives',
  'video strategy',
  'governance frameworks',
  'accessibility in social',
] as const;
const GENERATED_PLACES = [
  'Online (Denver, CO)',
  'Online (Denver, CO)',
  'Denver, CO',
  'Boulder, CO',
  'San Diego, CA',
  'Chicago, IL',
] as const;

/**
 * A deterministic NISM-SMS log of `count` rows for `preview.html?rows=N` (pane start with a large
 * log, as the benchmarks measure it). Rows run in date order from a month before the cycle start to
 * a few months past the evaluation date, with the sample's vocabulary, and about 1 row in 100 carries
 * a typing mistake (negative hours or a date typed wrong, marked in Notes) as real trackers do.
 */
export function generatedSampleRows(count: number): Row[] {
  const next = seeded(20250314);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const first = dayFromIso('2025-02-12')!;
  const span = dayFromIso('2027-02-28')! - first;
  const rows: Row[] = [];
  for (let i = 0; i < count; i++) {
    const day = first + Math.floor((i * span) / Math.max(1, count)) + Math.floor(next() * 3);
    const format = pick(GENERATED_FORMATS);
    const provider = format === 'Webinar' && next() < 0.2 ? 'Grovo' : pick(GENERATED_PROVIDERS);
    const hours =
      format === 'Online asynchronous course' ? 5 + Math.round(next() * 20) : Math.round(next() * 6) / 2 + 0.5;
    const selfStudy =
      format === 'Online blended course' || format === 'Research & writing' ? Math.round(next() * 20) : '';
    const proof = provider === 'Grovo' ? 'Progress tracking' : next() < 0.85 ? 'Certificate' : '';
    const mistake = next() < 0.01 ? (next() < 0.5 ? 'hours' : 'date') : undefined;
    const iso = isoFromDay(day);
    rows.push([
      mistake === 'date' ? iso.replace(/-(\d\d)-/, '-13-') : iso,
      `${format} ${i + 1}: ${pick(GENERATED_TOPICS)}`,
      provider,
      format,
      mistake === 'hours' ? -hours : hours,
      selfStudy,
      pick(GENERATED_SUBJECTS),
      provider === 'NISM' || provider === 'Grovo' || next() < 0.7,
      proof,
      '',
      pick(GENERATED_PLACES),
      proof === 'Certificate' && next() < 0.5 ? `certs/entry-${i + 1}.pdf` : '',
      mistake === 'hours' ? 'Typo in hours' : mistake === 'date' ? 'Date typed wrong' : '',
    ]);
  }
  return rows;
}

/**
 * The log sheet's values: headers, then the rows (dates as serials, the bad dates as text). Without
 * `rows`, the hand-written sample above; with it, a generated log of that many rows.
 */
export function sampleLogValues(rows?: number): CellValue[][] {
  const data = rows === undefined ? SAMPLE_ROWS : generatedSampleRows(rows);
  return [[...SAMPLE_HEADERS], ...data.map((row) => row.map(toCell))];
}

/** An old tracker with its own headers, for trying "Use this sheet as my CE log". */
export const SAMPLE_OLD_TRACKER_SHEET = 'Old tracker';
export function sampleOldTrackerValues(): CellValue[][] {
  const rows: [string, string, number, string, string, string][] = [
    ['2023-04-02', 'Intro to social analytics', 2, 'NISM', 'Webinar', 'yes'],
    ['2023-06-18', 'Community leadership day', 4, 'CMX', 'Conference', 'yes'],
    ['2024-01-09', 'Policy refresher', 1, 'NISM', 'Online synchronous course', ''],
  ];
  return [
    ['CE activities (kept before CE Ledger)'],
    [],
    ['Done', 'Course title', 'Time spent', 'Sponsor', 'Type', 'Paperwork'],
    ...rows.map(([date, ...rest]) => [serialFromDay(dayFromIso(date)!), ...rest] as CellValue[]),
  ];
}
