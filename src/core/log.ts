/**
 * Reads a CE log (a rectangle of cell values whose first row holds headers) into entries and row
 * problems. Nothing here throws on user data: every bad cell becomes a problem naming its row, column
 * and what to type instead, and its row counts for nothing until fixed.
 */
import { COLUMN_BY_KEY, matchHeaders, missingRequiredColumns, normalizeName, type ColumnKey, type ColumnMap } from './columns';
import { dayFromIso, dayFromJsDate, dayFromSerial, type DayNumber } from './dates';
import { PROOF_KINDS, type Format, type ProofKind, type Program } from './schema';

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
  proof: ProofKind[];
  /** 0–100, when given. */
  score: number | undefined;
  /** Letter grade (A–F, P for pass), when given. */
  grade: string | undefined;
  location: string;
  proofLink: string;
  notes: string;
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
}

export interface LogError {
  ok: false;
  message: string;
}

export interface ParseOptions {
  /** Sheet row number of the range's first row (its header row). Default 1. */
  firstRow?: number;
}

class Bad {
  constructor(readonly message: string) {}
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

function describe(value: Cell): string {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return `"${value.length > 40 ? value.slice(0, 37) + '…' : value}"`;
  return String(value);
}

const NUMERIC_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

export function readDate(value: Cell): DayNumber | undefined | Bad {
  if (typeof value === 'number') {
    if (value === 0) return undefined;
    const day = dayFromSerial(value);
    return day === undefined ? new Bad(`${describe(value)} is not a valid Excel date`) : day;
  }
  if (value instanceof Date) {
    const day = dayFromJsDate(value);
    return day === undefined ? new Bad('is not a valid date') : day;
  }
  if (typeof value === 'string') {
    const text = value.trim();
    if (text === '') return undefined;
    const iso = dayFromIso(text);
    if (iso !== undefined) return iso;
    if (NUMERIC_TEXT.test(text)) return readDate(Number(text));
    return new Bad(`${describe(value)} is not a date: enter a date, or text as yyyy-mm-dd`);
  }
  if (isBlank(value)) return undefined;
  return new Bad(`${describe(value)} is not a date: enter a date, or text as yyyy-mm-dd`);
}

/** A number >= 0 from a number or numeric text; undefined when blank. */
export function readAmount(value: Cell): number | undefined | Bad {
  let n: number;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string') {
    const text = value.trim();
    if (text === '') return undefined;
    if (!NUMERIC_TEXT.test(text)) return new Bad(`${describe(value)} is not a number: enter a number such as 1.5`);
    n = Number(text);
  } else if (isBlank(value)) return undefined;
  else return new Bad(`${describe(value)} is not a number: enter a number such as 1.5`);
  if (!Number.isFinite(n)) return new Bad(`${describe(value)} is out of range: enter a number such as 1.5`);
  if (n < 0) return new Bad(`${describe(value)} is negative: it must be 0 or more`);
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
  const text = String(value).trim().toLowerCase();
  if (YES.has(text)) return true;
  if (NO.has(text)) return false;
  return new Bad(`${describe(value)} is not yes or no: use TRUE/FALSE, yes/no, y/n, 1/0 or x`);
}

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

export function readProof(value: Cell): ProofKind[] | Bad {
  if (isBlank(value)) return [];
  if (typeof value === 'boolean') return value ? ['Certificate'] : [];
  if (typeof value === 'number') {
    if (value === 1) return ['Certificate'];
    if (value === 0) return [];
    return new Bad(`${describe(value)} is not a kind of proof: ${PROOF_HELP}`);
  }
  const kinds: ProofKind[] = [];
  for (const part of String(value).split(/[;,/+]|\band\b/i)) {
    if (part.trim() === '') continue;
    const kind = PROOF_NAMES.get(normalizeName(part));
    if (kind === undefined) return new Bad(`${describe(part.trim())} is not a kind of proof: ${PROOF_HELP}`);
    if (kind !== 'none' && !kinds.includes(kind)) kinds.push(kind);
  }
  return kinds;
}

/** 0–100, or a fraction 0–1 (a percent-formatted cell) scaled to 0–100. */
export function readScore(value: Cell): number | undefined | Bad {
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
  const text = String(value).trim();
  if (/^(p|pass|passed)$/i.test(text)) return 'P';
  const m = GRADE.exec(text);
  if (!m) return new Bad(`${describe(value)} is not a letter grade: use A, B, C, D or F (with + or -), or Pass`);
  return m[1]!.toUpperCase() + m[2];
}

function readText(value: Cell): string {
  if (isBlank(value)) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
}

/** Finds a program's format by label, alias or id, in any case; blank gives the default format. */
export class FormatLookup {
  private readonly byName = new Map<string, Format>();
  private readonly fallback: Format | undefined;
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
    if (this.asTyped.has(name)) return this.asTyped.get(name);
    const format = this.byName.get(normalizeName(name));
    if (this.asTyped.size > 256) this.asTyped.clear();
    this.asTyped.set(name, format);
    return format;
  }

  read(value: Cell): Format | Bad {
    const text = readText(value);
    if (text === '') {
      return this.fallback ?? new Bad(`is missing: choose one of ${this.help}`);
    }
    return this.find(text) ?? new Bad(`${describe(text)} is not one of the ${this.program.id} formats: use ${this.help}`);
  }
}

const lookups = new WeakMap<Program, FormatLookup>();
export function formatLookup(program: Program): FormatLookup {
  let lookup = lookups.get(program);
  if (!lookup) {
    lookup = new FormatLookup(program);
    lookups.set(program, lookup);
  }
  return lookup;
}

/** Checks the header row; the message says what is missing and what the first row must hold. */
export function readHeader(cells: Cells): { map: ColumnMap; headers: string[]; unknownHeaders: string[] } | LogError {
  const first = cells[0];
  if (!first || first.length === 0) {
    return { ok: false, message: 'log: the range is empty; select the whole log including its header row (Date, Activity, Hours, …)' };
  }
  const headers = first.map(readText);
  const match = matchHeaders(headers);
  const missing = missingRequiredColumns(match.map);
  if (missing.length) {
    const looksLikeData = first.some((v) => typeof v === 'number' || v instanceof Date);
    const what = looksLikeData ? 'the first row looks like data, not headers' : `no ${missing.join(' or ')} column`;
    return {
      ok: false,
      message: `log: ${what}. Select the log including its header row, which needs Date and Hours (or Self-study hours) columns`,
    };
  }
  return { map: match.map, headers, unknownHeaders: match.unknown.map((u) => u.header) };
}

/** Parses every data row into an entry or row problems. */
export function parseLog(cells: Cells, program: Program, options: ParseOptions = {}): ParsedLog | LogError {
  const firstRow = options.firstRow ?? 1;
  const header = readHeader(cells);
  if ('ok' in header) return header;
  const { map } = header;
  const formats = formatLookup(program);
  const entries: LogEntry[] = [];
  const problems: RowProblem[] = [];
  let rowsRead = 0;

  const at = (row: readonly Cell[], key: ColumnKey): Cell => {
    const index = map[key];
    return index === undefined ? undefined : row[index];
  };

  for (let r = 1; r < cells.length; r++) {
    const row = cells[r];
    if (!row || isEmptyRow(row)) continue;
    rowsRead++;
    const rowNumber = firstRow + r;
    let bad = false;
    const report = (key: ColumnKey, message: string) => {
      bad = true;
      const name = COLUMN_BY_KEY[key].header;
      problems.push({ row: rowNumber, column: name, columnIndex: map[key], message: `${name} ${message}` });
    };
    const check = <T>(key: ColumnKey, result: T | Bad): T | undefined => {
      if (result instanceof Bad) {
        report(key, result.message);
        return undefined;
      }
      return result;
    };

    const date = check('date', readDate(at(row, 'date')));
    if (date === undefined && !bad) report('date', 'is missing: enter the date the activity was completed');
    const format = check('format', formats.read(at(row, 'format')));
    const badBeforeHours = bad;
    bad = false;
    const hours = check('hours', readAmount(at(row, 'hours')));
    const selfStudy = check('selfStudyHours', readAmount(at(row, 'selfStudyHours')));
    const hoursReported = bad;
    bad = bad || badBeforeHours;
    if (hours === undefined && selfStudy === undefined && !hoursReported) {
      report(map.hours !== undefined ? 'hours' : 'selfStudyHours', 'is missing: enter the hours (0 if none)');
    }
    const approved = check('approved', readYesNo(at(row, 'approved')));
    const proof = check('proof', readProof(at(row, 'proof')));
    const score = check('score', readScore(at(row, 'score')));
    const grade = check('grade', readGrade(at(row, 'grade')));
    if (bad) continue;

    entries.push({
      row: rowNumber,
      date: date!,
      activity: readText(at(row, 'activity')),
      provider: readText(at(row, 'provider')),
      format: format!,
      hours: hours ?? 0,
      selfStudyHours: selfStudy ?? 0,
      subject: readText(at(row, 'subject')),
      approved: approved ?? false,
      proof: proof ?? [],
      score,
      grade,
      location: readText(at(row, 'location')),
      proofLink: readText(at(row, 'proofLink')),
      notes: readText(at(row, 'notes')),
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
  };
}
