/**
 * From a workbook snapshot to an Evaluation: which program and cycle (flags first, then the CE Profile
 * sheet), which sheet holds the log (the named one, else the one that looks most like a CE log), then
 * the core's `evaluateLog`. Shared by the summary button and the command line, so both read a workbook
 * the same way. Problems are returned as data with a one-line message.
 */
import {
  dayFromIso,
  dayFromSerial,
  evaluateLog,
  findHeaderRow,
  findProgram,
  matchHeaders,
  missingRequiredColumns,
  profileFacts,
  type DayNumber,
  type Evaluation,
  type Program,
  type ProfileFacts,
} from '../core';
import { cellAddress, type CellValue, type RangeRef, type SheetData, type WorkbookSnapshot } from '../workbook/port';
import { PROFILE_SHEET, readProfile, type ProfileRead } from '../workbook/profile-sheet';

/** The workbook-scoped defined name that marks the summary sheet CE Ledger made. */
export const SUMMARY_MARKER = 'CE_LEDGER_SUMMARY';
/** The hidden sheet where the xlsx adapter keeps long validation lists (kept in step with xlsx.ts; not imported, so the pane bundle stays free of exceljs). */
export const LISTS_SHEET = 'CE Lists';

export interface LogLocation {
  sheet: string;
  /** The log rectangle in sheet coordinates, header row first. */
  range: RangeRef;
  cells: CellValue[][];
  table: string | undefined;
}

export interface WorkbookEvaluationOptions {
  /** Program id; default: the CE Profile sheet's. */
  program?: string;
  /** Default: the CE Profile sheet's. */
  cycleStart?: DayNumber;
  asOf: DayNumber;
  /** The sheet that holds the log; default: the sheet that looks like a CE log. */
  sheet?: string;
  /** Profile facts given to the command (Expires, Extension granted); they win over the sheet's. */
  facts?: Partial<ProfileFacts>;
}

export type WorkbookEvaluationFailure = {
  ok: false;
  reason: 'no-log' | 'no-sheet' | 'unknown-program' | 'no-program' | 'no-cycle-start' | 'bad-log';
  message: string;
};

export type WorkbookEvaluation =
  | {
      ok: true;
      evaluation: Evaluation;
      program: Program;
      cycleStart: DayNumber;
      log: LogLocation;
      profile: ProfileRead;
    }
  | WorkbookEvaluationFailure;

/** The workbook-scoped defined name that marks the entries sheet of the summary CE Ledger made. */
export const ENTRIES_MARKER = 'CE_LEDGER_ENTRIES';

/** The sheet a marker name points at, when that sheet still exists. */
export function markedSheet(snapshot: WorkbookSnapshot, markerName: string): string | undefined {
  const marker = snapshot.names.find((n) => n.name.toUpperCase() === markerName);
  if (!marker) return undefined;
  return snapshot.sheetNames.find((s) => s.toLowerCase() === marker.sheet.toLowerCase());
}

/** The sheet the add-in's summary marker points at, when that sheet still exists. */
export function markedSummarySheet(snapshot: WorkbookSnapshot): string | undefined {
  return markedSheet(snapshot, SUMMARY_MARKER);
}

/** How much a header row looks like a CE log: its recognised columns, or -1 when a required one is missing. */
export function headerScore(row: readonly unknown[]): number {
  const { map } = matchHeaders(row);
  return missingRequiredColumns(map).length ? -1 : Object.keys(map).length;
}

function rectangle(sheet: SheetData, range: RangeRef): CellValue[][] {
  const cells: CellValue[][] = [];
  for (let r = range.row; r < range.row + range.rows; r++) {
    const source = sheet.values[r - sheet.row] ?? [];
    const row: CellValue[] = [];
    for (let c = range.col; c < range.col + range.cols; c++) row.push(source[c - sheet.col] ?? '');
    cells.push(row);
  }
  return cells;
}

/** A log's rectangle past this many cells is refused: a stray value far from the log would make it billions. */
export const MAX_LOG_CELLS = 10_000_000;

interface Candidate {
  sheet: SheetData;
  range: RangeRef;
  table: string | undefined;
  score: number;
}

/** The best log on one sheet, with its score (number of recognised columns); undefined when none. */
function logOnSheet(sheet: SheetData): Candidate | undefined {
  let best: Candidate | undefined;
  for (const table of sheet.tables) {
    const score = headerScore(rectangle(sheet, { ...table.range, rows: 1 })[0] ?? []);
    if (score > (best?.score ?? -1)) best = { sheet, range: table.range, table: table.name, score };
  }
  if (best) return best;
  const header = findHeaderRow(sheet.values);
  if (header === undefined) return undefined;
  const width = sheet.values.reduce((w, row) => Math.max(w, row.length), 0);
  const range: RangeRef = { row: sheet.row + header, col: sheet.col, rows: sheet.values.length - header, cols: width };
  return { sheet, range, table: undefined, score: headerScore(sheet.values[header]!) };
}

/** The chosen log's cells, unless its rectangle is past MAX_LOG_CELLS. */
function located(found: Candidate): LogLocation | WorkbookEvaluationFailure {
  const { sheet, range } = found;
  if (range.rows * range.cols > MAX_LOG_CELLS) {
    const where = `${cellAddress(range.row, range.col)}:${cellAddress(range.row + range.rows - 1, range.col + range.cols - 1)}`;
    return {
      ok: false,
      reason: 'bad-log',
      message: `sheet "${sheet.name}": the log's range ${where} is ${(range.rows * range.cols).toLocaleString('en-US')} cells, over the bound of ${MAX_LOG_CELLS.toLocaleString('en-US')}: delete the stray cells below or to the right of the log`,
    };
  }
  return { sheet: sheet.name, range, cells: rectangle(sheet, range), table: found.table };
}

/**
 * Finds the log: on the named sheet, else on the sheet with the most recognised columns (tab order
 * breaks ties). The profile sheet, the lists sheet and the add-in's own summary are never the log.
 */
export function findLog(snapshot: WorkbookSnapshot, sheetName?: string): LogLocation | WorkbookEvaluationFailure {
  if (sheetName !== undefined) {
    const name = snapshot.sheetNames.find((s) => s.toLowerCase() === sheetName.toLowerCase());
    const sheet = name ? snapshot.sheets[name] : undefined;
    if (
      !sheet &&
      name !== undefined &&
      (name === markedSummarySheet(snapshot) || name === markedSheet(snapshot, ENTRIES_MARKER))
    ) {
      return {
        ok: false,
        reason: 'no-log',
        message: `sheet "${name}" is the summary CE Ledger made; it holds no CE log`,
      };
    }
    if (!sheet)
      return {
        ok: false,
        reason: 'no-sheet',
        message: `no sheet named "${sheetName}" (sheets: ${snapshot.sheetNames.join(', ')})`,
      };
    const found = logOnSheet(sheet);
    if (!found)
      return {
        ok: false,
        reason: 'no-log',
        message: `sheet "${sheet.name}" has no CE log: no header row with Date and Hours (or Self-study hours) columns`,
      };
    return located(found);
  }
  const skip = new Set(
    [PROFILE_SHEET, LISTS_SHEET, markedSummarySheet(snapshot) ?? '', markedSheet(snapshot, ENTRIES_MARKER) ?? ''].map(
      (s) => s.toLowerCase(),
    ),
  );
  let best: Candidate | undefined;
  for (const name of snapshot.sheetNames) {
    const sheet = snapshot.sheets[name];
    if (!sheet || skip.has(name.toLowerCase())) continue;
    const found = logOnSheet(sheet);
    if (found && found.score > (best?.score ?? -1)) best = found;
  }
  if (!best)
    return {
      ok: false,
      reason: 'no-log',
      message: 'no CE log found: no sheet has a header row with Date and Hours (or Self-study hours) columns',
    };
  return located(best);
}

function dateOf(value: unknown): DayNumber | undefined {
  if (typeof value === 'number') return dayFromSerial(value);
  if (typeof value === 'string') return dayFromIso(value);
  return undefined;
}

/** Reads program, cycle and log from the snapshot (which must hold every sheet) and evaluates. */
export function evaluateWorkbook(snapshot: WorkbookSnapshot, options: WorkbookEvaluationOptions): WorkbookEvaluation {
  const profile = readProfile(snapshot);
  const programId =
    options.program ??
    profile.profile?.program ??
    (typeof profile.input.program === 'string' ? profile.input.program : undefined);
  if (programId === undefined || programId.trim() === '') {
    return {
      ok: false,
      reason: 'no-program',
      message: `no program: give --program ID or fill in the ${PROFILE_SHEET} sheet`,
    };
  }
  const program = findProgram(programId);
  if (!program)
    return {
      ok: false,
      reason: 'unknown-program',
      message: `unknown program "${programId}" (see: ce-ledger programs)`,
    };
  const cycleStart = options.cycleStart ?? profile.profile?.cycleStart ?? dateOf(profile.input.cycleStart);
  if (cycleStart === undefined) {
    return {
      ok: false,
      reason: 'no-cycle-start',
      message: `no cycle start: give --cycle-start YYYY-MM-DD or fill in the ${PROFILE_SHEET} sheet`,
    };
  }
  const log = findLog(snapshot, options.sheet);
  if ('ok' in log) return log;
  const facts = profile.profile;
  const result = evaluateLog(program, log.cells, {
    cycleStart,
    asOf: options.asOf,
    firstRow: log.range.row + 1,
    // Facts given to the command (--expires, --extension-granted) win over the sheet's.
    profile: { ...(facts ? profileFacts(facts) : { attestations: {} }), ...options.facts },
  });
  if (!result.ok) return { ok: false, reason: 'bad-log', message: `sheet "${log.sheet}": ${result.message}` };
  return { ok: true, evaluation: result.evaluation, program, cycleStart, log, profile };
}
