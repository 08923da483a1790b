/**
 * Reads a CE log (a rectangle of cell values whose first row holds headers) into entries and row
 * problems. Nothing here throws on user data: every bad cell becomes a problem naming its row, column
 * and what to type instead, and its row counts for nothing until fixed.
 */
import {
  COLUMN_BY_KEY,
  matchHeaders,
  missingRequiredColumns,
  normalizeName,
  type ColumnKey,
  type ColumnMap,
  type ColumnWords,
  type HeaderMatch,
  withCategoryAsFormat,
} from './columns';
import { inForceOn, matchesFilter } from './filters';
import { skipReason } from './row-skips';
import { AMBIGUOUS_COMMA, AMBIGUOUS_COMMA_HELP, AMOUNT_FORMS, amountFromText, numberFromText } from './text-amounts';
import { columnDateOrder, isoOfParts, textDateParts, type ColumnDateOrder, type DateOrder } from './text-dates';
import {
  dayFromIso,
  dayFromJsDate,
  dayFromSerial,
  EXCEL_DATE_RANGE,
  isIsoOutOfRange,
  isSerialOutOfRange,
  type DayNumber,
} from './dates';
import { excerpt, quote } from './excerpt';
import { PROOF_KINDS } from './keywords';
import { memoByText } from './memo';
import type { Format, ProofKind, Program } from './schema';

export type { DateOrder } from './text-dates';

export type Cell = unknown;
export type Cells = readonly (readonly Cell[])[];

export interface LogEntry {
  /** The row number in the sheet (the header row is `firstRow`). */
  row: number;
  date: DayNumber;
  activity: string;
  provider: string;
  format: Format;
  hours: number;
  selfStudyHours: number;
  subject: string;
  approved: boolean;
  proof: readonly ProofKind[];
  /** 0–100, when given. */
  score: number | undefined;
  /** Letter grade (A–F, P for pass), when given. */
  grade: string | undefined;
  location: string;
  proofLink: string;
  notes: string;
  /** Credits as awarded (rules revision 9), when the log records them: they replace the format's conversion. */
  credits?: number;
  /** The program's category ids of the entry (the Category column, or its format's), when it has categories. */
  categories?: readonly string[];
}

export interface RowProblem {
  row: number;
  /** Canonical column name ("Hours"), or "Row" for a problem with the whole row. */
  column: string;
  /** 0-based column within the log range; undefined for a whole-row problem. */
  columnIndex: number | undefined;
  message: string;
}

export interface ParsedLog {
  ok: true;
  /** The sheet row number of the header row. */
  headerRow: number;
  headers: string[];
  map: ColumnMap;
  unknownHeaders: string[];
  entries: LogEntry[];
  problems: RowProblem[];
  /** Data rows that were not fully empty. */
  rowsRead: number;
  /** Rows that are not activities (blank inside the log, totals, Status not completed), each with why. */
  skipped: { row: number; reason: string }[];
  /** Readings worth a look that change no total's validity: ambiguous text dates, Credits and Hours disagreeing. */
  notices: { row: number | undefined; message: string }[];
  /** How text dates in the Date column were read. */
  dateOrder: ColumnDateOrder;
}

export interface LogError {
  ok: false;
  message: string;
}

export interface ParseOptions {
  /** Sheet row number of the range's first row (its header row). Default 1. */
  firstRow?: number;
  /** Order of day and month in text dates such as 03/04/2025 when no value settles it. Default mdy. */
  dateOrder?: DateOrder;
}

export class Bad {
  private text: string | undefined;
  /** A function makes the message when first read: a pass that only asks whether a row counts never does. */
  constructor(private readonly make: string | (() => string)) {}
  get message(): string {
    if (this.text === undefined) this.text = typeof this.make === 'string' ? this.make : this.make();
    return this.text;
  }
}

function isBlank(value: Cell): boolean {
  return value === null || value === undefined || value === '' || (typeof value === 'string' && value.trim() === '');
}

/** Excel passes empty cells as "", null or (in some hosts) 0; a row of such cells is skipped. */
function isEmptyRow(row: readonly Cell[]): boolean {
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (!(isBlank(v) || v === 0 || v === false)) return false;
  }
  return true;
}

/** A cell's value as a message quotes it: text cut short (see excerpt.ts), TRUE/FALSE as Excel shows them. */
function describe(value: Cell): string {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return quote(value);
  if (value instanceof Date)
    return Number.isFinite(value.getTime()) ? value.toISOString().split('T')[0]! : 'an invalid date';
  return excerpt(String(value));
}

const OUTSIDE_EXCEL = `is outside Excel's dates: enter ${EXCEL_DATE_RANGE}`;

/** Thousands separated, as the limits read in a message: 10,000. */
function amount(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 6 });
}

const NUMERIC_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

const DATE_HELP = 'enter a date, or text such as 2025-03-14, 3/14/2025, 14-Mar-2025 or Mar 14, 2025';

export function readDate(value: Cell, order: DateOrder = 'mdy'): DayNumber | undefined | Bad {
  if (typeof value === 'number') {
    if (value === 0) return undefined;
    const day = dayFromSerial(value);
    if (day !== undefined) return day;
    if (isSerialOutOfRange(value)) return new Bad(`${describe(value)} ${OUTSIDE_EXCEL} (serials 1 to 2958465)`);
    return new Bad(`${describe(value)} is not a valid Excel date`);
  }
  if (value instanceof Date) {
    const day = dayFromJsDate(value);
    if (day !== undefined) return day;
    return Number.isFinite(value.getTime())
      ? new Bad(`${describe(value)} ${OUTSIDE_EXCEL}`)
      : new Bad('is not a valid date');
  }
  if (typeof value === 'string') return dateTexts[order](value);
  if (isBlank(value)) return undefined;
  return new Bad(`${describe(value)} is not a date: ${DATE_HELP}`);
}

function dateText(value: string, order: DateOrder): DayNumber | undefined | Bad {
  const text = value.trim();
  if (text === '') return undefined;
  const iso = dayFromIso(text);
  if (iso !== undefined) return iso;
  if (isIsoOutOfRange(text)) return new Bad(`${describe(text)} ${OUTSIDE_EXCEL}`);
  if (NUMERIC_TEXT.test(text)) return readDate(Number(text));
  const parts = textDateParts(text, order);
  if (parts) {
    const day = dayFromIso(isoOfParts(parts));
    if (day !== undefined) return day;
    if (parts.year < 1900 || parts.year > 9999) return new Bad(`${describe(text)} ${OUTSIDE_EXCEL}`);
  }
  return new Bad(`${describe(value)} is not a date: ${DATE_HELP}`);
}
/**
 * Text cells repeat down a log ("Certificate", "Yes", "B+"), and Excel hands every recalculation
 * fresh copies of them: each reader of text keeps what it made of each exact text (memoByText), so a
 * 10,000-row log costs a handful of parses per column, not one per row.
 */
const dateTexts: Record<DateOrder, (text: string) => DayNumber | undefined | Bad> = {
  mdy: memoByText((text) => dateText(text, 'mdy')),
  dmy: memoByText((text) => dateText(text, 'dmy')),
  ymd: memoByText((text) => dateText(text, 'ymd')),
};

/** A number from 0 to `most` (the program's limit for one entry) from a number or numeric text; undefined when blank. */
export function readAmount(value: Cell, most: number): number | undefined | Bad {
  let n: number;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string') {
    const text = value.trim();
    if (text === '') return undefined;
    if (NUMERIC_TEXT.test(text)) n = Number(text);
    else {
      const read = numberFromText(text) ?? amountFromText(text);
      if (read === AMBIGUOUS_COMMA) return new Bad(`${describe(value)} ${AMBIGUOUS_COMMA_HELP}`);
      if (read === undefined) return new Bad(`${describe(value)} is not a number: enter ${AMOUNT_FORMS}`);
      n = read;
    }
  } else if (isBlank(value)) return undefined;
  else return new Bad(`${describe(value)} is not a number: enter ${AMOUNT_FORMS}`);
  if (Number.isNaN(n)) return new Bad(`${describe(value)} is not a number: enter ${AMOUNT_FORMS}`);
  if (n < 0) return new Bad(() => `${describe(value)} is negative: it must be 0 or more`);
  // Numeric text past the largest double ("1e400") reads as Infinity: too many hours, like 1e308.
  if (!(n <= most)) return new Bad(`${describe(value)} is more than one entry can hold: enter 0 to ${amount(most)}`);
  return n === 0 ? 0 : n; // -0 reads as 0
}

const YES = new Set(['true', 'yes', 'y', '1', 'x', '✓', '✔']);
const NO = new Set(['false', 'no', 'n', '0']);

export function readYesNo(value: Cell): boolean | Bad {
  if (typeof value === 'boolean') return value;
  if (isBlank(value)) return false;
  if (typeof value === 'number') {
    if (value === 1) return true;
    if (value === 0) return false;
    return new Bad(`${describe(value)} is not yes or no: use TRUE/FALSE, yes/no, y/n, 1/0 or x`);
  }
  return typeof value === 'string' ? yesNoTexts(value) : yesNoText(value);
}

function yesNoText(value: Cell): boolean | Bad {
  const text = String(value).trim().toLowerCase();
  if (YES.has(text)) return true;
  if (NO.has(text)) return false;
  return new Bad(`${describe(value)} is not yes or no: use TRUE/FALSE, yes/no, y/n, 1/0 or x`);
}
const yesNoTexts = memoByText<boolean | Bad>(yesNoText);

const PROOF_NAMES = new Map<string, ProofKind | 'none'>();
for (const kind of PROOF_KINDS) PROOF_NAMES.set(normalizeName(kind), kind);
const proofAliases: [string, ProofKind | 'none'][] = [
  ['cert', 'Certificate'],
  ['certificates', 'Certificate'],
  ['completion certificate', 'Certificate'],
  ['certificate of completion', 'Certificate'],
  ['CE certificate', 'Certificate'],
  ['yes', 'Certificate'],
  ['y', 'Certificate'],
  ['true', 'Certificate'],
  ['x', 'Certificate'],
  ['quiz', 'Assessment'],
  ['test', 'Assessment'],
  ['exam', 'Assessment'],
  ['assessment score', 'Assessment'],
  ['progress', 'Progress tracking'],
  ['screenshot', 'Progress tracking'],
  ['activity tracking', 'Progress tracking'],
  ['letter', 'Attendance letter'],
  ['letter of attendance', 'Attendance letter'],
  ['published', 'Publication'],
  ['article', 'Publication'],
  ['no', 'none'],
  ['n', 'none'],
  ['false', 'none'],
  ['none', 'none'],
];
for (const [name, kind] of proofAliases) PROOF_NAMES.set(normalizeName(name), kind);
const PROOF_HELP = `use ${PROOF_KINDS.join(', ')} (several separated by ;), or leave blank for none`;

const NO_PROOF: readonly ProofKind[] = Object.freeze([]);
const CERTIFICATE: readonly ProofKind[] = Object.freeze(['Certificate'] as ProofKind[]);

/** The kinds of proof a cell names; the arrays returned are shared and frozen. */
export function readProof(value: Cell): readonly ProofKind[] | Bad {
  if (value === '') return NO_PROOF;
  if (typeof value === 'string') return proofTexts(value);
  if (isBlank(value)) return NO_PROOF;
  if (typeof value === 'boolean') return value ? CERTIFICATE : NO_PROOF;
  if (typeof value === 'number') {
    if (value === 1) return CERTIFICATE;
    if (value === 0) return NO_PROOF;
    return new Bad(`${describe(value)} is not a kind of proof: ${PROOF_HELP}`);
  }
  return proofText(String(value));
}

function proofText(value: string): readonly ProofKind[] | Bad {
  if (value.trim() === '') return NO_PROOF;
  const kinds: ProofKind[] = [];
  for (const part of value.split(/[;,/+]|\band\b/i)) {
    if (part.trim() === '') continue;
    const kind = PROOF_NAMES.get(normalizeName(part));
    if (kind === undefined) return new Bad(`${describe(part.trim())} is not a kind of proof: ${PROOF_HELP}`);
    if (kind !== 'none' && !kinds.includes(kind)) kinds.push(kind);
  }
  return Object.freeze(kinds);
}
const proofTexts = memoByText<readonly ProofKind[] | Bad>(proofText);

/** 0–100, or a fraction 0–1 (a percent-formatted cell) scaled to 0–100. */
export function readScore(value: Cell): number | undefined | Bad {
  if (value === '') return undefined;
  let n: number;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string') {
    const text = value.trim();
    if (text === '') return undefined;
    const percent = text.endsWith('%');
    const digits = percent ? text.slice(0, -1).trim() : text;
    if (!NUMERIC_TEXT.test(digits)) return new Bad(`${describe(value)} is not a score: enter 0–100 or a percentage`);
    n = Number(digits);
    if (percent) {
      if (n < 0 || n > 100) return new Bad(`${describe(value)} is outside 0–100%`);
      return n;
    }
  } else if (isBlank(value)) return undefined;
  else return new Bad(`${describe(value)} is not a score: enter 0–100 or a percentage`);
  if (!Number.isFinite(n) || n < 0 || n > 100) return new Bad(`${describe(value)} is outside 0–100`);
  return n <= 1 ? Math.round(n * 100 * 1e6) / 1e6 : n;
}

const GRADE = /^([A-DF])([+-]?)$/i;

export function readGrade(value: Cell): string | undefined | Bad {
  if (isBlank(value)) return undefined;
  return typeof value === 'string' ? gradeTexts(value) : gradeText(value);
}

function gradeText(value: Cell): string | Bad {
  const text = String(value).trim();
  if (/^(p|pass|passed)$/i.test(text)) return 'P';
  const m = GRADE.exec(text);
  if (!m) return new Bad(`${describe(value)} is not a letter grade: use A, B, C, D or F (with + or -), or Pass`);
  return m[1]!.toUpperCase() + m[2];
}
const gradeTexts = memoByText<string | Bad>(gradeText);

/** A free-text cell as text: trimmed, "" when blank, a date as yyyy-mm-dd. */
export function readText(value: Cell): string {
  if (typeof value === 'string') return value.trim();
  if (isBlank(value)) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
}

/** Finds a program's format by label, alias or id, in any case; blank gives the default format. */
export class FormatLookup {
  private readonly byName = new Map<string, Format>();
  /** The default format, for a blank format cell. */
  readonly fallback: Format | undefined;
  readonly help: string;

  constructor(readonly program: Program) {
    for (const f of program.formats) {
      for (const name of [f.label, f.id, ...f.aliases]) this.byName.set(normalizeName(name), f);
    }
    this.fallback = program.formats.find((f) => f.id === program.defaultFormat);
    this.help = program.formats.map((f) => f.label).join(', ');
  }

  private readonly asTyped = new Map<string, Format | undefined>();

  find(name: string): Format | undefined {
    const known = this.asTyped.get(name);
    if (known !== undefined || this.asTyped.has(name)) return known;
    const format = this.byName.get(normalizeName(name));
    if (this.asTyped.size > 256) this.asTyped.clear();
    this.asTyped.set(name, format);
    return format;
  }

  private readonly cellTexts = memoByText<Format | Bad>((text) => this.readTrimmed(text.trim()));

  read(value: Cell): Format | Bad {
    return typeof value === 'string' ? this.cellTexts(value) : this.readTrimmed(readText(value));
  }

  /** Per text as typed, the index of `read`'s format in the program's formats; -1 when it is refused. */
  private readonly cellIndexes = memoByText<number>((text) => {
    const format = this.read(text);
    return format instanceof Bad ? -1 : this.program.formats.indexOf(format);
  });

  /** The index in the program's formats of the format a cell names (`read`); -1 when it is refused. */
  readIndex(value: Cell): number {
    if (typeof value === 'string') return this.cellIndexes(value);
    const format = this.read(value);
    return format instanceof Bad ? -1 : this.program.formats.indexOf(format);
  }

  private readTrimmed(text: string): Format | Bad {
    if (text === '') {
      return this.fallback ?? new Bad(`is missing: choose one of ${this.help}`);
    }
    return (
      this.find(text) ?? new Bad(`${describe(text)} is not one of the ${this.program.id} formats: use ${this.help}`)
    );
  }
}

const lookups = new WeakMap<Program, FormatLookup>();
let lastLookup: FormatLookup | undefined;
export function formatLookup(program: Program): FormatLookup {
  if (lastLookup?.program === program) return lastLookup;
  let lookup = lookups.get(program);
  if (!lookup) {
    lookup = new FormatLookup(program);
    lookups.set(program, lookup);
  }
  lastLookup = lookup;
  return lookup;
}

/**
 * The order text dates of a log are read in, per header map (readRow's signature stays the map):
 * set by readHeader from the Date column's values and the option.
 */
const dateOrders = new WeakMap<ColumnMap, ColumnDateOrder>();
const DEFAULT_ORDER: ColumnDateOrder = { order: 'mdy', decidedBy: 'setting', ambiguousExample: undefined };

/**
 * The Date column a map was read with, until its order is first asked for: only text dates need an
 * order, and looking for them reads every row, which a column of date serials need never pay.
 */
interface PendingOrder {
  cells: Cells;
  column: number;
  setting: DateOrder | undefined;
}
const pendingOrders = new WeakMap<ColumnMap, PendingOrder>();

export function dateOrderOf(map: ColumnMap): ColumnDateOrder {
  const known = dateOrders.get(map);
  if (known) return known;
  const pending = pendingOrders.get(map);
  if (!pending) return DEFAULT_ORDER;
  pendingOrders.delete(map);
  const { cells, column, setting } = pending;
  const texts: string[] = [];
  for (let r = 1; r < cells.length; r++) {
    const v = cells[r]?.[column];
    if (typeof v === 'string') texts.push(v);
  }
  const order = columnDateOrder(texts, setting);
  if (order.order === 'mdy' && order.ambiguousExample === undefined) return DEFAULT_ORDER;
  dateOrders.set(map, order);
  return order;
}

/** Columns whose cells readRow checks against fixed forms (a format's name is program data: not here). */
const CHECKED_COLUMNS = ['date', 'hours', 'selfStudyHours', 'approved', 'proof', 'score', 'grade', 'credits'] as const;

/** Per column, 1 when readRow checks its cells (a value they cannot hold makes the row invalid). */
let lastTypedMap: ColumnMap | undefined;
let lastTyped = new Uint8Array(0);
function typedColumnsOf(map: ColumnMap): Uint8Array {
  if (map !== lastTypedMap) {
    const columns = CHECKED_COLUMNS.map((key) => map[key]).filter((c): c is number => c !== undefined);
    lastTyped = new Uint8Array(Math.max(0, ...columns) + 1);
    for (const c of columns) lastTyped[c] = 1;
    lastTypedMap = map;
  }
  return lastTyped;
}

/** `copy` (a copy of `map`, such as the pass's map of one fixed shape) reads text dates in map's order. */
export function withDateOrderOf(copy: ColumnMap, map: ColumnMap): ColumnMap {
  const order = dateOrders.get(map);
  if (order) dateOrders.set(copy, order);
  const pending = pendingOrders.get(map);
  if (pending) pendingOrders.set(copy, pending);
  return copy;
}

/**
 * A Date cell of the log `map` was read with. Only a text that reads as two different days month
 * first and day first needs the column's order (which reads the whole column): any other text reads
 * the same in every order (both readings refused give the same message).
 */
export function readLogDate(value: Cell, map: ColumnMap): DayNumber | undefined | Bad {
  if (typeof value !== 'string') return readDate(value);
  const monthFirst = dateTexts.mdy(value);
  const dayFirst = dateTexts.dmy(value);
  if (monthFirst === dayFirst || (monthFirst instanceof Bad && dayFirst instanceof Bad)) return monthFirst;
  return dateTexts[dateOrderFor(map)](value);
}

/** `dateOrderOf(map).order`, asked once per row: the last map's answer needs no lookup. */
let lastOrderMap: ColumnMap | undefined;
let lastOrder: DateOrder = 'mdy';
function dateOrderFor(map: ColumnMap): DateOrder {
  if (map !== lastOrderMap) {
    lastOrder = dateOrderOf(map).order;
    lastOrderMap = map;
  }
  return lastOrder;
}

export interface HeaderOptions {
  dateOrder?: DateOrder;
  /** A program's own header words ("Board approved"). */
  words?: ColumnWords;
}

/** Checks the header row; the message says what is missing and what the first row must hold. */
export function readHeader(
  cells: Cells,
  options: HeaderOptions = {},
): { map: ColumnMap; headers: string[]; unknownHeaders: string[] } | LogError {
  const first = cells[0];
  if (!first || first.length === 0) {
    return {
      ok: false,
      message: 'log: the range is empty; select the whole log including its header row (Date, Activity, Hours, …)',
    };
  }
  const headers = first.map(readText);
  const match = headerMatch(headers, options.words);
  const missing = missingRequiredColumns(match.map);
  if (missing.length) {
    const looksLikeData = first.some((v) => typeof v === 'number' || v instanceof Date);
    const what = looksLikeData ? 'the first row looks like data, not headers' : `no ${missing.join(' or ')} column`;
    return {
      ok: false,
      message: `log: ${what}. Select the log including its header row, which needs Date and Hours (or Self-study hours) columns`,
    };
  }
  // A map of its own per read: the date order of this log's cells is kept per map object.
  const map = { ...match.map };
  // Only text dates can settle an order, read from the column when first asked for (dateOrderOf).
  pendingOrders.set(map, { cells, column: map.date!, setting: options.dateOrder });
  return { map, headers, unknownHeaders: match.unknown.map((u) => u.header) };
}

/**
 * The last header row's match, reused while the header row and the program's words stay the same: a
 * status cell reads the same log on every recalculation (the match is not changed by its readers).
 */
let lastHeaders: readonly string[] = [];
let lastWords: ColumnWords | undefined;
let lastMatch: HeaderMatch | undefined;
function headerMatch(headers: readonly string[], words: ColumnWords | undefined): HeaderMatch {
  if (lastMatch === undefined || words !== lastWords || !sameTexts(headers, lastHeaders)) {
    lastMatch = matchHeaders(headers, words);
    lastHeaders = headers.slice();
    lastWords = words;
  }
  return lastMatch;
}

function sameTexts(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function at(row: readonly Cell[], index: number | undefined): Cell {
  return index === undefined ? undefined : row[index];
}

/** What a valid row says, apart from its free text; filled in place by `readRow`. */
export interface RowFacts {
  date: DayNumber;
  format: Format | undefined;
  hours: number;
  selfStudyHours: number;
  approved: boolean;
  proof: readonly ProofKind[];
  score: number | undefined;
  grade: string | undefined;
  /** Credits as awarded, when the row gives them (hours then hold their equivalent in the format). */
  credits?: number;
  /** Set when the row's Credits and Hours disagree (Credits wins). */
  creditsNote?: string;
  /** Set when the row is not an activity (totals row, Status not completed): it counts for nothing, without a problem. */
  skipped?: string;
}

export function emptyFacts(): RowFacts {
  return {
    date: 0,
    format: undefined,
    hours: 0,
    selfStudyHours: 0,
    approved: false,
    proof: NO_PROOF,
    score: undefined,
    grade: undefined,
  };
}

/** The multipliers a program applies to this row's credits (1 when none). */
function multiplierFor(program: Program, format: Format, approved: boolean, provider: string, date: DayNumber): number {
  let factor = 1;
  for (const m of program.multipliers)
    // Awarded credits already hold a multiplier limited to the first credits of a cycle: the pass adds none to them.
    if (
      m.upTo === undefined &&
      matchesFilter({ formatId: format.id, approved, provider }, m.when) &&
      inForceOn(m, date)
    )
      factor *= m.factor;
  return factor;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * Credits as awarded become the row's amounts (rules revision 9): the amount in the format that its
 * conversion turns back into exactly those credits, so every pass that converts hours (the cell
 * functions, the pane, the command line) counts the awarded credits and never converts them again.
 * The per-entry cap still applies. A message when the format earns nothing to convert through.
 */
function applyAwarded(
  facts: RowFacts,
  awarded: number,
  given: boolean,
  program: Program,
  provider: string,
): string | undefined {
  const format = facts.format!;
  const factor = multiplierFor(program, format, facts.approved, provider, facts.date);
  if (format.perEntry !== undefined) {
    // A format that earns a fixed amount per entry earns it whatever the certificate says.
    const fixed = round2(format.perEntry * factor);
    facts.creditsNote =
      fixed !== round2(awarded)
        ? `Credits ${amount(awarded)}: the ${format.label} format earns ${amount(fixed)} ${program.creditUnit} per entry, which counts`
        : undefined;
    return undefined;
  }
  if (given) {
    const fromHours = round2((facts.hours * format.perHour + facts.selfStudyHours * format.perSelfStudyHour) * factor);
    facts.creditsNote =
      fromHours !== round2(awarded)
        ? `Credits ${amount(awarded)} and Hours (${amount(fromHours)} ${program.creditUnit} by the ${format.label} rule) disagree: Credits, as awarded, counts`
        : undefined;
  }
  facts.credits = awarded;
  if (awarded === 0) {
    facts.hours = 0;
    facts.selfStudyHours = 0;
  } else if (format.perHour > 0 && factor > 0) {
    facts.hours = awarded / (format.perHour * factor);
    facts.selfStudyHours = 0;
  } else if (format.perSelfStudyHour > 0 && factor > 0) {
    facts.hours = 0;
    facts.selfStudyHours = awarded / (format.perSelfStudyHour * factor);
  } else return `${amount(awarded)} cannot count: the ${format.label} format earns no ${program.creditUnit}`;
  return undefined;
}

/** True when every cell of the row is empty ("", null, 0 or FALSE): such a row is skipped. */
export { isEmptyRow };

/**
 * Reads the checked cells of one (non-empty) data row into `facts`. The one definition of a valid
 * row: the detailed parse and the totals-only pass both use it. With `report`, every problem of the
 * row is reported (column key and message); without, it stops at the first. False when the row has
 * a problem and so counts for nothing. `day`: what the Date cell has already been read as.
 */
export function readRow(
  row: readonly Cell[],
  map: ColumnMap,
  formats: FormatLookup,
  facts: RowFacts,
  report?: (key: ColumnKey, message: string) => void,
  day?: DayNumber,
): boolean {
  let ok = true;
  facts.credits = undefined;
  facts.creditsNote = undefined;
  const dateCell = at(row, map.date);
  // A row dated by a number is never a totals row (row-skips.ts), so only a Status column makes it
  // worth a look: the look for a totals label reads every text cell of the row.
  facts.skipped =
    map.status === undefined &&
    (typeof dateCell === 'number' || !hasTotalLabel(row, report ? undefined : typedColumnsOf(map)))
      ? undefined
      : skipReason(row, map);
  if (facts.skipped !== undefined) return false;
  const date = day ?? readLogDate(dateCell, map);
  if (date instanceof Bad) {
    if (!report) return false;
    report('date', date.message);
    ok = false;
  } else if (date === undefined) {
    if (!report) return false;
    report('date', 'is missing: enter the date the activity was completed');
    ok = false;
  } else facts.date = date;

  const format = formats.read(at(row, map.format));
  if (format instanceof Bad) {
    if (!report) return false;
    report('format', format.message);
    ok = false;
  } else facts.format = format;

  const limits = formats.program.entryLimits;
  const hours = readAmount(at(row, map.hours), limits.hours);
  const selfStudy = readAmount(at(row, map.selfStudyHours), limits.selfStudyHours);
  let hoursReported = false;
  if (hours instanceof Bad) {
    if (!report) return false;
    report('hours', hours.message);
    hoursReported = true;
  }
  if (selfStudy instanceof Bad) {
    if (!report) return false;
    report('selfStudyHours', selfStudy.message);
    hoursReported = true;
  }
  const awardedCell = at(row, map.credits);
  const fixedCredits = !(format instanceof Bad) && format.perEntry !== undefined;
  if (
    hours === undefined &&
    selfStudy === undefined &&
    !fixedCredits &&
    (map.credits === undefined || isBlank(awardedCell))
  ) {
    if (!report) return false;
    report(map.hours !== undefined ? 'hours' : 'selfStudyHours', 'is missing: enter the hours (0 if none)');
    hoursReported = true;
  }
  if (hoursReported) ok = false;
  else {
    facts.hours = (hours as number | undefined) ?? 0;
    facts.selfStudyHours = (selfStudy as number | undefined) ?? 0;
  }

  const approved = readYesNo(at(row, map.approved));
  if (approved instanceof Bad) {
    if (!report) return false;
    report('approved', approved.message);
    ok = false;
  } else facts.approved = approved;

  const proof = readProof(at(row, map.proof));
  if (proof instanceof Bad) {
    if (!report) return false;
    report('proof', proof.message);
    ok = false;
  } else facts.proof = proof;

  const score = readScore(at(row, map.score));
  if (score instanceof Bad) {
    if (!report) return false;
    report('score', score.message);
    ok = false;
  } else facts.score = score;

  const grade = readGrade(at(row, map.grade));
  if (grade instanceof Bad) {
    if (!report) return false;
    report('grade', grade.message);
    ok = false;
  } else facts.grade = grade;

  if (map.credits !== undefined && ok) {
    const awarded = readAmount(awardedCell, limits.hours);
    if (awarded instanceof Bad) {
      if (!report) return false;
      report('credits', awarded.message);
      ok = false;
    } else if (awarded !== undefined) {
      const given = hours !== undefined || selfStudy !== undefined;
      const problem = applyAwarded(facts, awarded, given, formats.program, readText(at(row, map.provider)));
      if (problem) {
        if (!report) return false;
        report('credits', problem);
        ok = false;
      }
    }
  }
  return ok;
}

/** An amount cell as `readAmount` reads it, NaN where it refuses the cell: numbers and blank text in line. */
function amountOrNaN(value: Cell, most: number): number | undefined {
  if (typeof value === 'number') return value >= 0 && value <= most ? (value === 0 ? 0 : value) : NaN;
  if (value === '' || value === undefined || value === null) return undefined;
  const n = readAmount(value, most);
  return n instanceof Bad ? NaN : n;
}

/**
 * `readRow` without a report, for a row whose Date cell has read as `day`: the same answer and facts,
 * with the format as its index in the program's formats (-1: the row does not count). A row dated
 * by a number without Status or awarded Credits (what a log mostly holds) is read in line, with its
 * numbers, booleans, blank text and texts seen before; any other by `readRow` itself.
 */
export function readDatedRow(
  row: readonly Cell[],
  map: ColumnMap,
  formats: FormatLookup,
  facts: RowFacts,
  day: DayNumber,
): number {
  const program = formats.program;
  if (map.status !== undefined || typeof at(row, map.date) !== 'number' || !isBlank(at(row, map.credits)))
    return readRow(row, map, formats, facts, undefined, day) ? program.formats.indexOf(facts.format!) : -1;
  // A row dated by a number is never a totals row (row-skips.ts); without a Status column nothing
  // else skips it, and a blank Credits cell is as good as none.
  facts.credits = facts.creditsNote = facts.skipped = undefined;
  facts.date = day;
  const fi = formats.readIndex(at(row, map.format));
  if (fi < 0) return -1;
  const format = (facts.format = program.formats[fi]!);
  const limits = program.entryLimits;
  const hours = amountOrNaN(at(row, map.hours), limits.hours);
  const selfStudy = amountOrNaN(at(row, map.selfStudyHours), limits.selfStudyHours);
  // Hours and self-study hours both blank: the row is missing its hours, unless its format earns a fixed amount.
  if (Number.isNaN(hours) || Number.isNaN(selfStudy) || (hours ?? selfStudy ?? format.perEntry) === undefined)
    return -1;
  facts.hours = hours ?? 0;
  facts.selfStudyHours = selfStudy ?? 0;
  // Blank text, mostly: read in line.
  const approvedCell = at(row, map.approved);
  const proofCell = at(row, map.proof);
  const scoreCell = at(row, map.score);
  const gradeCell = at(row, map.grade);
  const approved = typeof approvedCell === 'boolean' ? approvedCell : readYesNo(approvedCell);
  const proof = proofCell === '' || proofCell === undefined ? NO_PROOF : readProof(proofCell);
  const score = scoreCell === '' || scoreCell === undefined ? undefined : readScore(scoreCell);
  const grade = gradeCell === '' || gradeCell === undefined ? undefined : readGrade(gradeCell);
  if (approved instanceof Bad || proof instanceof Bad || score instanceof Bad || grade instanceof Bad) return -1;
  facts.approved = approved;
  facts.proof = proof;
  facts.score = score;
  facts.grade = grade;
  return fi;
}

/**
 * Cheap first look for a totals row, so a log without a Status column pays little per row. `typed`
 * (flags by column) leaves out the columns whose cells readRow checks: a totals label there makes
 * the row invalid anyway, so a caller that only asks whether the row counts need not look.
 */
function hasTotalLabel(row: readonly Cell[], typed?: Uint8Array): boolean {
  for (let i = 0; i < row.length; i++) {
    if (typed !== undefined && i < typed.length && typed[i] === 1) continue;
    const v = row[i];
    if (typeof v === 'string' && mayBeTotalLabel(v) && /^\s*(grand\s+|sub-?\s*|running\s+)?(totals?|sum)\b/i.test(v))
      return true;
  }
  return false;
}

/**
 * Whether a text could start with a totals label (Grand, Sub, Running, Total, Sum) by its first three
 * characters, so that most texts are ruled out without the pattern, which costs more than the rest
 * of reading the row. Leading white space or a character past ASCII: the pattern decides.
 */
function mayBeTotalLabel(text: string): boolean {
  if (text.length < 3) return false;
  const a = text.charCodeAt(0);
  if (a <= 32 || a > 127) return true;
  const b = text.charCodeAt(1) | 32;
  const c = text.charCodeAt(2) | 32;
  switch (a | 32) {
    case 103: // g: grand
      return b === 114 && c === 97;
    case 115: // s: sub, sum
      return b === 117 && (c === 98 || c === 109);
    case 114: // r: running
      return b === 117 && c === 110;
    case 116: // t: total
      return b === 111 && c === 116;
    default:
      return false;
  }
}

/** Parses every data row into an entry or row problems. */
export function parseLog(cells: Cells, program: Program, options: ParseOptions = {}): ParsedLog | LogError {
  const firstRow = options.firstRow ?? 1;
  const header = readHeader(cells, { dateOrder: options.dateOrder, words: program.headerWords });
  if ('ok' in header) return header;
  const map = withCategoryAsFormat(header.map, program.categories.length > 0);
  const formats = formatLookup(program);
  const entries: LogEntry[] = [];
  const problems: RowProblem[] = [];
  let rowsRead = 0;
  const skipped: ParsedLog['skipped'] = [];
  const notices: ParsedLog['notices'] = [];
  const dateOrder = dateOrderOf(map);
  if (dateOrder.ambiguousExample !== undefined) {
    const [first, second] = dateOrder.order === 'dmy' ? ['day', 'month'] : ['month', 'day'];
    notices.push({
      row: undefined,
      message: `Dates such as ${quote(dateOrder.ambiguousExample)} were read ${first} first (${dateOrder.order}): no date in the column has a ${first === 'day' ? 'first' : 'second'} part over 12 to tell. If they are ${second} first, set the date order (--date-order ${dateOrder.order === 'dmy' ? 'mdy' : 'dmy'})`,
    });
  }

  const facts = emptyFacts();
  let blankSince: number | undefined;

  for (let r = 1; r < cells.length; r++) {
    const row = cells[r];
    if (!row || isEmptyRow(row)) {
      blankSince ??= r;
      continue;
    }
    // Blank rows followed by more of the log are inside it: say they were passed over.
    if (blankSince !== undefined) {
      for (let b = blankSince; b < r; b++) skipped.push({ row: firstRow + b, reason: 'a blank row inside the log' });
      blankSince = undefined;
    }
    rowsRead++;
    const rowNumber = firstRow + r;
    const report = (key: ColumnKey, message: string) => {
      const name = COLUMN_BY_KEY[key].header;
      problems.push({ row: rowNumber, column: name, columnIndex: map[key], message: `${name} ${message}` });
    };
    if (!readRow(row, map, formats, facts, report)) {
      if (facts.skipped !== undefined) skipped.push({ row: rowNumber, reason: facts.skipped });
      continue;
    }
    if (facts.creditsNote) notices.push({ row: rowNumber, message: facts.creditsNote });

    entries.push({
      row: rowNumber,
      date: facts.date,
      activity: readText(at(row, map.activity)),
      provider: readText(at(row, map.provider)),
      format: facts.format!,
      hours: facts.hours,
      selfStudyHours: facts.selfStudyHours,
      subject: readText(at(row, map.subject)),
      approved: facts.approved,
      proof: facts.proof,
      score: facts.score,
      grade: facts.grade,
      location: readText(at(row, map.location)),
      proofLink: readText(at(row, map.proofLink)),
      notes: readText(at(row, map.notes)),
      ...(facts.credits === undefined ? {} : { credits: facts.credits }),
    });
  }

  return {
    ok: true,
    headerRow: firstRow,
    headers: header.headers,
    map,
    unknownHeaders: header.unknownHeaders,
    entries,
    problems,
    rowsRead,
    skipped,
    notices,
    dateOrder,
  };
}
