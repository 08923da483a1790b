/**
 * Realistic generated CE logs, as Excel passes a range to a custom function: a header row, dates as
 * serials, booleans for TRUE/FALSE, numbers for hours, "" for empty cells. Each program family has its
 * own columns and formats; about 1 row in 100 has a typing mistake (negative hours, a date typed as
 * bad text, an unknown format) so the problem path is exercised as it is in real trackers. Seeded, so
 * every run measures the same logs.
 */
import { dayFromIso, serialFromDay } from '../../src/core';
import { seeded } from '../../src/preview/sample';

export type Cells = unknown[][];

export interface BenchLog {
  family: 'NISM' | 'NAMSS' | 'ACSM';
  program: string;
  /** Excel serial of the cycle start. */
  cycleStart: number;
  /** Excel serial of the evaluation date. */
  asOf: number;
  cells: Cells;
  /** Column index of Hours (what the floor loop sums). */
  hoursColumn: number;
}

/** The preview's seeded generator (mulberry32): every run measures the same logs. */
const rng = seeded;

const serial = (iso: string) => serialFromDay(dayFromIso(iso)!);

function pick<T>(r: () => number, items: readonly T[]): T {
  return items[Math.floor(r() * items.length)]!;
}

const TOPICS = [
  'audience research',
  'channel selection',
  'content calendars',
  'measurement',
  'crisis response',
  'influencer programs',
  'employee advocacy',
  'social listening',
  'reporting',
  'video strategy',
  'governance',
  'accessibility',
];
const CITIES = [
  'Denver, CO',
  'Boulder, CO',
  'Austin, TX',
  'Chicago, IL',
  'Online (Denver, CO)',
  'San Diego, CA',
  'Columbus, OH',
];

function nism(rows: number, r: () => number): { headers: string[]; rows: Cells } {
  const headers = [
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
  ];
  const formats = [
    'Webinar',
    'Webinar',
    'Webinar',
    'In-person class',
    'Online asynchronous course',
    'Online synchronous course',
    'Online blended course',
    'Conference',
    'Research & writing',
  ];
  const providers = [
    'NISM',
    'NISM',
    'Grovo',
    'Hootsuite Academy',
    'Coursera',
    'HubSpot Academy',
    'LinkedIn Learning',
    'Social Media Examiner',
  ];
  const subjects = [
    'Social Media Strategy',
    'Compliance & Governance',
    'Social Media Marketing',
    'Project & Campaign Management',
    'Community Management',
    'Research & Analysis',
    'Graphic Design',
  ];
  const proofs = ['Certificate', 'Certificate', 'Progress tracking', 'Assessment', 'Assignment; Publication', ''];
  const start = serial('2025-03-14');
  const out: Cells = [];
  for (let i = 0; i < rows; i++) {
    const format = pick(r, formats);
    const self = format === 'Online blended course' || format === 'Research & writing' ? Math.round(r() * 20) : '';
    const hours = format === 'Online asynchronous course' ? 5 + Math.round(r() * 30) : Math.round(r() * 8) / 2 + 0.5;
    const proof = pick(r, proofs);
    out.push([
      start - 30 + Math.floor(r() * 800),
      `${format} ${i + 1}: ${pick(r, TOPICS)}`,
      pick(r, providers),
      format,
      hours,
      self,
      pick(r, subjects),
      r() < 0.8,
      proof,
      proof === 'Assessment' ? 50 + Math.round(r() * 50) : '',
      pick(r, CITIES),
      r() < 0.5 ? `certs/entry-${i + 1}.pdf` : '',
      r() < 0.1 ? 'Follow up with the provider' : '',
    ]);
  }
  return { headers, rows: out };
}

function namss(rows: number, r: () => number): { headers: string[]; rows: Cells } {
  const headers = [
    'Completion date',
    'Course title',
    'Sponsor',
    'Type',
    'CE hours',
    'NAMSS approved',
    'Certificate',
    'Location',
    'Notes',
  ];
  const formats = ['Live event', 'Webinar', 'Webinar', 'Conference', 'On-demand course', 'Podcast quiz', 'Other', ''];
  const sponsors = [
    'NAMSS',
    'NAMSS',
    'State MSS association',
    'HCPro',
    'Joint Commission',
    'Hospital education office',
  ];
  const start = serial('2022-12-02');
  const out: Cells = [];
  for (let i = 0; i < rows; i++) {
    out.push([
      start - 20 + Math.floor(r() * 1120),
      `Credentialing ${pick(r, ['bylaws', 'privileging', 'NCQA standards', 'peer review', 'FPPE/OPPE', 'delegation'])} session ${i + 1}`,
      pick(r, sponsors),
      pick(r, formats),
      Math.round(r() * 12) / 4 + 0.25,
      r() < 0.6,
      r() < 0.9 ? 'Certificate' : '',
      r() < 0.95 ? pick(r, CITIES) : '',
      r() < 0.05 ? 'Certificate requested' : '',
    ]);
  }
  return { headers, rows: out };
}

function acsm(rows: number, r: () => number): { headers: string[]; rows: Cells } {
  const headers = ['Date', 'Activity', 'Provider', 'Format', 'Hours', 'Grade', 'Approved provider', 'Proof', 'Notes'];
  const formats = [
    'CEC',
    'CEC',
    'CEC',
    'CME',
    'Contact hours',
    'CEU',
    'College course',
    'Committee service',
    'CPR/AED course',
  ];
  const start = serial('2024-02-29');
  const out: Cells = [];
  for (let i = 0; i < rows; i++) {
    const format = pick(r, formats);
    const hours =
      format === 'CEU'
        ? Math.round(r() * 20) / 10 + 0.1
        : format === 'College course'
          ? pick(r, [1, 2, 3, 4])
          : Math.round(r() * 16) / 2 + 0.5;
    out.push([
      start - 40 + Math.floor(r() * 1150),
      `${format} ${i + 1}: ${pick(r, ['resistance training', 'older adults', 'cardiac rehab', 'nutrition basics', 'program design', 'motivational interviewing'])}`,
      pick(r, ['ACSM', 'ACSM', 'NASM', 'Red Cross', 'State University', 'Fitness Summit']),
      format,
      hours,
      format === 'College course' ? pick(r, ['A', 'B', 'C', 'D', '']) : '',
      r() < 0.7,
      pick(r, ['Certificate', 'Certificate', 'Attendance letter', 'Transcript', '']),
      r() < 0.05 ? 'Waiting for transcript' : '',
    ]);
  }
  return { headers, rows: out };
}

/** About 1 row in 100 carries a typing mistake, as real trackers do. */
function addMistakes(rows: Cells, hoursColumn: number, formatColumn: number, r: () => number): void {
  for (let i = 0; i < rows.length; i++) {
    if (r() >= 0.01) continue;
    const kind = Math.floor(r() * 3);
    const row = rows[i]!;
    if (kind === 0) row[hoursColumn] = -2;
    else if (kind === 1) row[0] = '2025-13-02';
    else row[formatColumn] = 'Lunch & learn';
  }
}

export const FAMILIES = ['NISM', 'NAMSS', 'ACSM'] as const;

export function makeLog(family: BenchLog['family'], rows: number, seed = 1): BenchLog {
  const r = rng(seed * 7919 + rows);
  const { headers, rows: data } =
    family === 'NISM' ? nism(rows, r) : family === 'NAMSS' ? namss(rows, r) : acsm(rows, r);
  const hoursColumn = headers.findIndex((h) => h === 'Hours' || h === 'CE hours');
  addMistakes(data, hoursColumn, 3, r);
  const program = family === 'NISM' ? 'NISM-SMS' : family === 'NAMSS' ? 'NAMSS-CPCS' : 'ACSM-CPT';
  const cycleStart = serial(family === 'NISM' ? '2025-03-14' : family === 'NAMSS' ? '2022-12-02' : '2024-02-29');
  const asOf = serial(family === 'NISM' ? '2026-11-23' : family === 'NAMSS' ? '2025-09-15' : '2026-11-23');
  return { family, program, cycleStart, asOf, cells: [headers, ...data], hoursColumn };
}

/** A fresh copy of the range, as Excel hands each call its own arrays. */
export function copyCells(cells: Cells): Cells {
  const out = new Array<unknown[]>(cells.length);
  for (let i = 0; i < cells.length; i++) out[i] = cells[i]!.slice();
  return out;
}

/**
 * A fresh copy with an edit at the bottom of the log: the last row's Hours become 0.5, 1 or 1.5
 * more than generated, by `tag` modulo 3. The totals depend on Hours, so the recent-evaluations
 * memory (which keeps the last two logs) compares the cells, finds the difference in the last row and
 * evaluates: consecutive tags never give a log it still remembers.
 */
export function editedCopy(log: BenchLog, tag: number): Cells {
  const out = copyCells(log.cells);
  const last = out[out.length - 1]!;
  const hours = log.cells[log.cells.length - 1]![log.hoursColumn];
  last[log.hoursColumn] = (typeof hours === 'number' ? Math.max(0, hours) : 1) + 0.5 * (1 + (tag % 3));
  return out;
}

/** The floor: one plain loop over the array that sums the Hours column. */
export function floorSum(cells: Cells, hoursColumn: number): number {
  let sum = 0;
  for (let i = 1; i < cells.length; i++) {
    const v = cells[i]![hoursColumn];
    if (typeof v === 'number') sum += v;
  }
  return sum;
}
