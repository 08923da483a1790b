/**
 * The CE log's canonical columns and the names existing trackers use for them. Matching ignores case,
 * spaces, punctuation and order, so "Completion date", "completion_date" and "COMPLETION DATE" are one.
 */
import { bestByWords, MIN_WORD_SCORE, scoreHeader } from './header-vocabulary';

export const COLUMN_KEYS = [
  'date',
  'activity',
  'provider',
  'format',
  'hours',
  'selfStudyHours',
  'subject',
  'approved',
  'proof',
  'score',
  'grade',
  'location',
  'proofLink',
  'credits',
  'status',
  'notes',
  'category',
] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];

export interface ColumnDef {
  key: ColumnKey;
  /** The canonical header, as written when CE Ledger adds the column. */
  header: string;
  aliases: string[];
}

export const COLUMNS: readonly ColumnDef[] = [
  {
    key: 'date',
    header: 'Date',
    aliases: [
      'Completion date',
      'Date completed',
      'Completed',
      'Completed on',
      'Activity date',
      'Date of completion',
      'Date earned',
      'End date',
      'Event date',
    ],
  },
  {
    key: 'activity',
    header: 'Activity',
    aliases: [
      'Course title',
      'Title',
      'Course',
      'Course name',
      'Activity title',
      'Activity name',
      'Event',
      'Event title',
      'Event name',
      'Program title',
      'Session',
      'Description',
    ],
  },
  {
    key: 'provider',
    header: 'Provider',
    aliases: [
      'Sponsor',
      'Organization',
      'Organisation',
      'Organizer',
      'Host',
      'Provided by',
      'Sponsoring organization',
      'Provider name',
      'Presenter',
    ],
  },
  {
    key: 'format',
    header: 'Format',
    aliases: [
      'Type',
      'Activity type',
      'Delivery',
      'Delivery format',
      'CE type',
      'CEU type',
      'Credit type',
      'Method',
      'Kind',
    ],
  },
  {
    key: 'hours',
    header: 'Hours',
    aliases: [
      'CE hours',
      'CEU hours',
      'Credit hours',
      'Contact hours',
      'Live hours',
      'Presented hours',
      'Hours earned',
      'Units',
      'Amount',
    ],
  },
  {
    key: 'selfStudyHours',
    header: 'Self-study hours',
    aliases: [
      'Self study',
      'Self-study',
      'Self-directed hours',
      'Self directed hours',
      'Self-paced hours',
      'Study hours',
      'Research hours',
      'Writing hours',
      'Async hours',
    ],
  },
  {
    key: 'subject',
    header: 'Subject area',
    aliases: ['Subject', 'Topic', 'Topic area', 'Content area', 'Domain', 'Subject areas'],
  },
  {
    key: 'approved',
    header: 'Approved',
    aliases: ['Pre-approved', 'Preapproved', 'Approved provider', 'Is approved', 'Pre-approval'],
  },
  {
    key: 'proof',
    header: 'Proof',
    aliases: [
      'Proof type',
      'Certificate',
      'Evidence',
      'Documentation',
      'Proof of completion',
      'Verification',
      'Proof held',
    ],
  },
  { key: 'score', header: 'Score', aliases: ['Assessment score', 'Quiz score', 'Test score', 'Exam score', 'Score %'] },
  { key: 'grade', header: 'Grade', aliases: ['Letter grade', 'Course grade', 'Final grade'] },
  {
    key: 'location',
    header: 'Location',
    aliases: ['City and state', 'City/state', 'City, state', 'City', 'Venue', 'Place', 'Accessed from'],
  },
  {
    key: 'proofLink',
    header: 'Proof link',
    aliases: [
      'Proof file',
      'Certificate link',
      'Certificate file',
      'Link',
      'URL',
      'File',
      'File path',
      'Attachment',
      'Document link',
    ],
  },
  {
    // Credits as awarded (rules revision 9): already in the program's unit, never converted again.
    key: 'credits',
    header: 'Credits',
    aliases: [
      'CE credits',
      'CECs',
      'CEC',
      'CEUs',
      'CEU',
      'PDUs',
      'PDU',
      'CPEs',
      'CPE',
      'CMEs',
      'Credits earned',
      'Credits awarded',
      'CE credits claimed',
      'Credits claimed',
    ],
  },
  { key: 'status', header: 'Status', aliases: ['Completion status', 'Attendance', 'Progress'] },
  { key: 'notes', header: 'Notes', aliases: ['Note', 'Comments', 'Comment', 'Remarks'] },
  {
    // The program's own categories (talent-triangle areas, Group A/B, Ethics), several per entry.
    key: 'category',
    header: 'Category',
    aliases: [
      'Categories',
      'Group',
      'CPE group',
      'Talent triangle',
      'Talent triangle area',
      'PDU category',
      'CME category',
      'CE category',
      'Credit category',
      'Category 1 or 2',
    ],
  },
];

/**
 * Before programs had categories, "Category" named the Format column. For a program without
 * categories, a log with a Category column and no Format column still reads its formats from it.
 */
export function withCategoryAsFormat(map: ColumnMap, programHasCategories: boolean): ColumnMap {
  if (programHasCategories || map.format !== undefined || map.category === undefined) return map;
  const { category, ...rest } = map;
  return { ...rest, format: category };
}

/**
 * Headers never read as a log column: the credits CE Ledger computes into the log itself are its
 * own output, and reading them back as credits awarded would turn every formula into an input.
 */
export function isIgnoredHeader(normalized: string): boolean {
  return normalized.startsWith('celedger');
}

export const COLUMN_BY_KEY: Readonly<Record<ColumnKey, ColumnDef>> = Object.fromEntries(
  COLUMNS.map((c) => [c.key, c]),
) as Record<ColumnKey, ColumnDef>;

/** "Completion Date!" → "completiondate": the form headers and names are compared in. */
export function normalizeName(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]/g, '');
}

const exactNames = new Map<string, ColumnKey>();
const aliasNames = new Map<string, ColumnKey>();
for (const c of COLUMNS) {
  exactNames.set(normalizeName(c.header), c.key);
  for (const a of c.aliases) {
    const n = normalizeName(a);
    if (!aliasNames.has(n)) aliasNames.set(n, c.key);
  }
}

/** Extra header words a program's data adds ("Board approved"), by column. */
export type ColumnWords = Partial<Record<ColumnKey, readonly string[]>>;

/**
 * How strongly a header names a column: its canonical name, then a program's own words, then a known
 * alias, then "<Body> approved", then the words of the header (scored in header-vocabulary.ts).
 */
const EXACT = 1000;
const PROGRAM_WORDS = 600;
const ALIAS = 500;
const BODY_APPROVED = 400;

/** The header's text without filler ("(Y/N)", "?"), as aliases are compared. */
function contentName(header: string): string {
  return normalizeName(header.replace(/\(\s*y\s*\/\s*n\s*\)/gi, ' ').replace(/\?/g, ' '));
}

/** Columns a yes/no question can be: "Was it approved?", "Certificate?", "Completed?". */
const YES_NO_KEYS: ReadonlySet<ColumnKey> = new Set<ColumnKey>(['approved', 'proof', 'status']);
const QUESTION = /\?\s*$|\(\s*y\s*\/\s*n\s*\)/i;
const DONE_WORDS = /\b(completed?|attended|finished|done|taken)\b/i;
const QUESTION_STATUS = 300;

/**
 * A header asked as a question holds yes or no: never a date or an amount. "Completed?" (a
 * checkbox) is whether the activity was completed, a Status; "Date completed" stays a Date.
 */
function headerChoice(header: string, extra?: ColumnWords): { key: ColumnKey; score: number } | undefined {
  const choice = choiceByName(header, extra);
  if (!QUESTION.test(header) || (choice && YES_NO_KEYS.has(choice.key))) return choice;
  return DONE_WORDS.test(header) ? { key: 'status', score: QUESTION_STATUS } : undefined;
}

function choiceByName(header: string, extra?: ColumnWords): { key: ColumnKey; score: number } | undefined {
  const n = normalizeName(header);
  if (n === '' || isIgnoredHeader(n)) return undefined;
  const exact = exactNames.get(n);
  if (exact) return { key: exact, score: EXACT };
  const c = contentName(header);
  if (extra) {
    for (const key of Object.keys(extra) as ColumnKey[]) {
      if (extra[key]!.some((w) => normalizeName(w) === n || normalizeName(w) === c))
        return { key, score: PROGRAM_WORDS };
    }
  }
  const alias = aliasNames.get(n) ?? aliasNames.get(c) ?? exactNames.get(c);
  if (alias) return { key: alias, score: ALIAS };
  // "<Body> approved" is how trackers name the approval column after their certifying body.
  if (/^[a-z]{2,8}(pre)?approved$/.test(c)) return { key: 'approved', score: BODY_APPROVED };
  const [best, second] = scoreHeader(header);
  if (!best || best.score < MIN_WORD_SCORE) return undefined;
  if (second && second.score === best.score && second.known === best.known) return undefined;
  return { key: best.key, score: best.score };
}

const choices = new Map<string, { key: ColumnKey; score: number } | undefined>();
function cachedChoice(header: string, extra?: ColumnWords): { key: ColumnKey; score: number } | undefined {
  if (extra) return headerChoice(header, extra);
  if (choices.has(header)) return choices.get(header);
  const choice = headerChoice(header);
  if (choices.size > 4096) choices.clear();
  choices.set(header, choice);
  return choice;
}

/** The canonical column a header names: by name, alias or its words. */
export function columnForHeader(header: string, extra?: ColumnWords): ColumnKey | undefined {
  return cachedChoice(header, extra)?.key;
}

/**
 * A close match for a header nothing names ("Hrs", "Completion dt", "Certifcate"), for suggesting a
 * mapping the user confirms; never used silently by the cell functions.
 */
export function suggestColumnForHeader(header: string): ColumnKey | undefined {
  const direct = columnForHeader(header);
  if (direct) return direct;
  const n = normalizeName(header);
  if (n.length < 3 || isIgnoredHeader(n)) return undefined;
  const byWords = bestByWords(header, true);
  if (byWords) return byWords;
  let best: { key: ColumnKey; distance: number } | undefined;
  for (const [name, key] of [...exactNames, ...aliasNames]) {
    const d = editDistance(n, name);
    const allowed = Math.max(1, Math.floor(name.length / 4));
    if (d <= allowed && (!best || d < best.distance)) best = { key, distance: d };
  }
  if (best) return best.key;
  // A header that contains a canonical name ("dateofwebinar", "hourslive") is a likely match.
  for (const c of COLUMNS) {
    const name = normalizeName(c.header);
    if (name.length >= 4 && n.includes(name)) return c.key;
  }
  return undefined;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diagonal = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = prev[j]!;
      prev[j] = Math.min(above + 1, prev[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return prev[b.length]!;
}

/** Which column of the rectangle holds each canonical column. */
export type ColumnMap = Partial<Record<ColumnKey, number>>;

export interface HeaderMatch {
  map: ColumnMap;
  /** Headers not recognised, with their column index (kept in the sheet, ignored by the rules). */
  unknown: { index: number; header: string }[];
  /** Headers that name a column already taken by an earlier header. */
  duplicates: { index: number; header: string; key: ColumnKey }[];
}

/**
 * Maps a header row to canonical columns. Each header names at most one column (its best), and each
 * column goes to the header that names it most strongly: a canonical name beats an alias, an alias
 * beats words, more words beat fewer; on a tie the leftmost header wins. So a sheet with both "Type"
 * and "Format" reads Format from "Format", and "Credits" next to "CE hours" keeps both.
 */
export function matchHeaders(headers: readonly unknown[], extra?: ColumnWords): HeaderMatch {
  const map: ColumnMap = {};
  const unknown: HeaderMatch['unknown'] = [];
  const duplicates: HeaderMatch['duplicates'] = [];
  const texts = headers.map((h) => (h === null || h === undefined ? '' : String(h)));
  const wanted: { index: number; key: ColumnKey; score: number }[] = [];
  texts.forEach((text, index) => {
    const choice = text.trim() === '' ? undefined : cachedChoice(text, extra);
    if (choice) wanted.push({ index, ...choice });
  });
  wanted.sort((a, b) => b.score - a.score || a.index - b.index);
  const claimed = new Set<number>();
  for (const w of wanted) {
    if (map[w.key] === undefined) {
      map[w.key] = w.index;
      claimed.add(w.index);
    }
  }
  const keyOf = new Map(wanted.map((w) => [w.index, w.key]));
  texts.forEach((text, index) => {
    if (claimed.has(index) || text.trim() === '') return;
    const key = keyOf.get(index);
    if (key) duplicates.push({ index, header: text, key });
    else unknown.push({ index, header: text });
  });
  return { map, unknown, duplicates };
}

/** A header row needs Date and at least one of Hours / Self-study hours / Credits (as awarded). */
export function missingRequiredColumns(map: ColumnMap): string[] {
  const missing: string[] = [];
  if (map.date === undefined) missing.push('Date');
  if (map.hours === undefined && map.selfStudyHours === undefined && map.credits === undefined)
    missing.push('Hours (or Self-study hours)');
  return missing;
}

/**
 * Finds the header row in the first rows of a sheet (trackers often start with a title and a blank
 * line): the row that names the most canonical columns, among those that have the required ones.
 */
export function findHeaderRow(cells: readonly (readonly unknown[])[], scanRows = 30): number | undefined {
  let best: { row: number; score: number } | undefined;
  const limit = Math.min(cells.length, scanRows);
  for (let r = 0; r < limit; r++) {
    const { map } = matchHeaders(cells[r] ?? []);
    if (missingRequiredColumns(map).length) continue;
    const score = Object.keys(map).length;
    if (!best || score > best.score) best = { row: r, score };
  }
  return best?.row;
}
