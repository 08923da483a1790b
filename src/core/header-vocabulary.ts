/**
 * Which canonical column a tracker's header means, by its words. Real trackers name a column in many
 * ways ("Date Completed", "date_of_activity", "Type of Activity", "Board Approved (Y/N)", "Certificate
 * on file"): no list of whole names keeps up, so a header is cut into words (camelCase, snake_case,
 * punctuation), and each column's vocabulary scores them. The head word of the phrase (the last word,
 * or the word before "of"/"on"/"by"; parentheses only qualify) counts double: "Activity type" is a
 * Format, "Type of activity" too, "Activity date" a Date.
 */

export type VocabularyKey =
  | 'date'
  | 'activity'
  | 'provider'
  | 'format'
  | 'hours'
  | 'selfStudyHours'
  | 'subject'
  | 'approved'
  | 'proof'
  | 'score'
  | 'grade'
  | 'location'
  | 'proofLink'
  | 'credits'
  | 'status'
  | 'notes';

/** Word weights per column: 10 a word that names the column on its own, less a word that only leans. */
export const WORDS: Readonly<Record<VocabularyKey, Readonly<Record<string, number>>>> = {
  date: {
    date: 10,
    dated: 8,
    dt: 8,
    when: 8,
    day: 6,
    completed: 5,
    completion: 4,
    finished: 4,
    attended: 3,
    earned: 1,
    activity: 1,
    event: 1,
    end: 1,
    log: 1,
  },
  activity: {
    activity: 6,
    title: 8,
    course: 7,
    program: 5,
    programme: 5,
    event: 6,
    session: 6,
    name: 3,
    description: 5,
    training: 5,
    webinar: 4,
    class: 5,
    module: 5,
    presentation: 4,
    what: 6,
    seminar: 4,
    workshop: 4,
    lecture: 4,
  },
  provider: {
    provider: 10,
    sponsor: 10,
    sponsored: 6,
    host: 8,
    hosted: 6,
    organization: 8,
    organisation: 8,
    organizer: 8,
    organiser: 8,
    org: 6,
    presenter: 6,
    presented: 6,
    speaker: 5,
    by: 1,
    vendor: 7,
    company: 6,
    institution: 6,
    school: 5,
    offered: 4,
    provided: 6,
    association: 5,
    society: 4,
    source: 4,
    who: 4,
    accreditor: 4,
  },
  format: {
    format: 10,
    type: 8,
    delivery: 8,
    kind: 8,
    method: 6,
    modality: 8,
    mode: 6,
    medium: 5,
    category: 2,
    live: 1,
  },
  hours: {
    hours: 10,
    hour: 10,
    hrs: 10,
    hr: 8,
    h: 4,
    duration: 8,
    time: 4,
    length: 5,
    contact: 3,
    ce: 1,
    live: 2,
    presented: 1,
    earned: 1,
    units: 6,
    unit: 6,
    amount: 6,
    qty: 5,
    quantity: 5,
    minutes: 3,
  },
  selfStudyHours: {
    self: 10,
    study: 8,
    selfstudy: 16,
    paced: 6,
    directed: 6,
    async: 8,
    asynchronous: 8,
    independent: 6,
    homework: 6,
    prework: 6,
    reading: 4,
    writing: 4,
    research: 4,
    hours: 4,
    hrs: 4,
  },
  subject: {
    subject: 10,
    topic: 8,
    domain: 7,
    area: 3,
    content: 4,
    competency: 6,
    field: 4,
    focus: 4,
    specialty: 5,
    areas: 3,
  },
  approved: {
    approved: 10,
    approval: 9,
    preapproved: 10,
    preapproval: 9,
    pre: 2,
    accredited: 8,
    accreditation: 6,
    endorsed: 6,
    recognized: 5,
    recognised: 5,
  },
  proof: {
    proof: 10,
    certificate: 10,
    certificates: 10,
    cert: 10,
    certs: 10,
    documentation: 10,
    documented: 8,
    evidence: 10,
    verification: 8,
    verified: 6,
    transcript: 8,
    receipt: 6,
    on: 0,
    file: 2,
    received: 2,
    attached: 2,
    kept: 2,
    saved: 2,
  },
  score: {
    score: 10,
    percent: 6,
    percentage: 6,
    result: 5,
    mark: 5,
    marks: 5,
    quiz: 3,
    test: 3,
    exam: 3,
    assessment: 3,
    pct: 5,
  },
  grade: { grade: 10, letter: 3 },
  location: {
    location: 10,
    city: 8,
    state: 3,
    venue: 8,
    place: 6,
    where: 6,
    accessed: 4,
    country: 5,
    address: 5,
    site: 5,
  },
  proofLink: {
    link: 10,
    url: 10,
    hyperlink: 10,
    path: 6,
    file: 5,
    attachment: 8,
    folder: 6,
    scan: 4,
    pdf: 4,
    location: 1,
  },
  credits: {
    credits: 10,
    credit: 6,
    cec: 10,
    cecs: 10,
    ceu: 10,
    ceus: 10,
    pdu: 10,
    pdus: 10,
    cpe: 10,
    cpes: 10,
    cme: 10,
    cmes: 10,
    cle: 10,
    cles: 10,
    awarded: 4,
    granted: 3,
    claimed: 2,
    earned: 1,
    points: 6,
    pts: 6,
  },
  status: { status: 10, state: 2, completed: 2, attendance: 4, outcome: 5, progress: 5 },
  notes: {
    notes: 10,
    note: 10,
    comment: 10,
    comments: 10,
    remarks: 10,
    remark: 10,
    memo: 8,
    notes2: 4,
    misc: 4,
    other: 2,
  },
};

/** Words that say nothing about a column ("Y/N", "the", "#"). */
const FILLER = new Set([
  'y',
  'n',
  'yn',
  'the',
  'a',
  'an',
  'of',
  'on',
  'by',
  'for',
  'to',
  'from',
  'at',
  'if',
  'is',
  'was',
  'in',
  'and',
  'or',
  'no',
  'yes',
  'my',
  'your',
  'x',
]);
/** A phrase's head comes before these ("Date of activity", "Certificate on file", "Hours per session"). */
const BEFORE_HEAD = new Set(['of', 'on', 'for', 'from', 'per', 'at', 'in', 'if', 'to']);

/** "Board Approved (Y/N)" → ["board", "approved", "y", "n"]; "logDate" → ["log", "date"]; "CE_hours" → ["ce", "hours"]. */
export function headerWords(header: string): string[] {
  return wordsOf(header);
}

function wordsOf(text: string): string[] {
  return text
    .replace(/([A-Z]{2,})s\b/g, (_, acronym: string) => `${acronym.toLowerCase()}s`)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/\bpre[\s-]+(approved|approval)\b/g, 'pre$1')
    .replace(/\bself[\s_-]+(study|paced|directed)\b/g, 'selfstudy $1')
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

/** The head word of a header: the word before "of"/"on"/…, else the last word outside parentheses. */
function headOf(header: string): string | undefined {
  const outside = header.replace(/\([^)]*\)?/g, ' ').replace(/\[[^\]]*\]?/g, ' ');
  const words = wordsOf(outside.trim() === '' ? header : outside);
  const cut = words.findIndex((w, i) => i > 0 && BEFORE_HEAD.has(w));
  const before = (cut > 0 ? words.slice(0, cut) : words).filter((w) => !FILLER.has(w));
  return before[before.length - 1];
}

export interface WordScore {
  key: VocabularyKey;
  score: number;
  /** Words of the header this column knows. */
  known: number;
}

/** Every column the header's words lean to, best first. Typos: with `fuzzy`, a word one edit off a known one counts at half. */
export function scoreHeader(header: string, fuzzy = false): WordScore[] {
  const words = wordsOf(header).filter((w) => !FILLER.has(w));
  const head = headOf(header);
  const result: WordScore[] = [];
  for (const key of Object.keys(WORDS) as VocabularyKey[]) {
    const vocab = WORDS[key];
    let score = 0;
    let known = 0;
    for (const w of words) {
      let weight: number | undefined = vocab[w];
      if (weight === undefined && fuzzy && w.length >= 4) weight = fuzzyWeight(w, vocab);
      if (weight === undefined) continue;
      known++;
      score += w === head ? weight * 2 : weight;
    }
    if (score > 0) result.push({ key, score, known });
  }
  return result.sort((a, b) => b.score - a.score || b.known - a.known);
}

function fuzzyWeight(word: string, vocab: Readonly<Record<string, number>>): number | undefined {
  let best: number | undefined;
  for (const [known, weight] of Object.entries(vocab)) {
    if (known.length < 4 || weight < 5) continue;
    if (withinOneEdit(word, known)) best = Math.max(best ?? 0, weight / 2);
  }
  return best;
}

/** One insertion, deletion, substitution or swap of neighbours. */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Below this a header is not taken for the column: a lone leaning word ("Earned", "Other") is not enough. */
export const MIN_WORD_SCORE = 8;

/** The column a header's words name, when one scores clearly; ties go to the column that knows more of its words. */
export function bestByWords(header: string, fuzzy = false): VocabularyKey | undefined {
  const [first, second] = scoreHeader(header, fuzzy);
  if (!first || first.score < MIN_WORD_SCORE) return undefined;
  if (second && second.score === first.score && second.known === first.known) return undefined;
  return first.key;
}
