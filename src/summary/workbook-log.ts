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
  findProgram,
  profileFacts,
  type DateOrder,
  type DayNumber,
  type Evaluation,
  type Program,
  type ProfileFacts,
} from '../core';
import { evaluateCredentials, type Credential, type CredentialResult } from '../core/credentials';
import { locateLog, type LocatedLog } from '../workbook/log-locator';
import type { WorkbookSnapshot } from '../workbook/port';
import {
  PROFILE_SHEET,
  readCredentials,
  readDateOrder,
  readProfile,
  type ProfileRead,
} from '../workbook/profile-sheet';

export {
  ENTRIES_MARKER,
  headerScore,
  LISTS_SHEET,
  markedSheet,
  markedSummarySheet,
  MAX_LOG_CELLS,
  SUMMARY_MARKER,
} from '../workbook/log-locator';

/** The log as the summary and the command line read it (see workbook/log-locator.ts). */
export type LogLocation = LocatedLog;

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
  /** The sheets that hold the log (--sheet, several times); default: those that carry the log's header. */
  sheets?: readonly string[];
  /** Order of day and month in text dates no value settles. Default mdy. */
  dateOrder?: DateOrder;
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

/**
 * Finds the log (workbook/log-locator.ts): on the named sheets, else on the sheet that looks most like
 * a CE log together with the sheets that carry the same header. The profile sheet, the lists sheet, the
 * add-in's own summary and a dashboard of totals are never the log.
 */
export function findLog(
  snapshot: WorkbookSnapshot,
  sheet?: string | readonly string[],
): LogLocation | WorkbookEvaluationFailure {
  const sheets = sheet === undefined ? undefined : typeof sheet === 'string' ? [sheet] : sheet;
  return locateLog(snapshot, { sheets });
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
  const log = findLog(snapshot, options.sheets?.length ? options.sheets : options.sheet);
  if ('ok' in log) return log;
  const facts = profile.profile;
  const result = evaluateLog(program, log.cells, {
    cycleStart,
    asOf: options.asOf,
    firstRow: log.range.row + 1,
    // --date-order wins over the profile sheet's (the pane's setting).
    dateOrder: options.dateOrder ?? readDateOrder(snapshot),
    // Facts given to the command (--expires, --extension-granted) win over the sheet's.
    profile: { ...(facts ? profileFacts(facts) : { attestations: {} }), ...options.facts },
  });
  if (!result.ok) {
    // An invalid profile is left out whole: say why, or "not in the profile" would hide a value typed wrong.
    const unread = profile.problems.map((p) => `${p.field}: ${p.message}`).join('; ');
    const why = unread ? ` (the ${PROFILE_SHEET} sheet was not used: ${unread})` : '';
    return { ok: false, reason: 'bad-log', message: `sheet "${log.sheet}": ${result.message}${why}` };
  }
  return { ok: true, evaluation: result.evaluation, program, cycleStart, log, profile };
}

export interface CredentialsEvaluation {
  /** Every credential, the first (the Program / Cycle start rows, or the options) first; undefined when there is one. */
  results: CredentialResult[] | undefined;
  /** Further credentials that could not be read ("Credential 3 program": why): named, never silently dropped. */
  unread: { field: string; message: string }[];
}

/**
 * The CE Profile's further credentials ("Credential 2 program", …) evaluated on the same log as the
 * first, as `check` reports them: the first credential is the one `evaluateWorkbook` found, with the
 * facts given to the command; a further credential that cannot be read is returned in `unread`.
 */
export function evaluateCredentialsOf(
  snapshot: WorkbookSnapshot,
  result: Extract<WorkbookEvaluation, { ok: true }>,
  options: { asOf: DayNumber; dateOrder?: DateOrder; facts?: Partial<ProfileFacts> },
): CredentialsEvaluation | WorkbookEvaluationFailure {
  const further = readCredentials(snapshot);
  if (further.credentials.length === 0) return { results: undefined, unread: further.problems };
  const first: Credential = {
    name: '',
    certificantNumber: '',
    extensionGranted: false,
    facts: {},
    attestations: {},
    ...result.profile.profile,
    program: result.program.id,
    cycleStart: result.cycleStart,
  };
  const evaluated = evaluateCredentials([first, ...further.credentials], result.log.cells, {
    asOf: options.asOf,
    firstRow: result.log.range.row + 1,
    dateOrder: options.dateOrder ?? readDateOrder(snapshot),
    firstCredentialFacts: options.facts,
  });
  if (!evaluated.ok)
    return { ok: false, reason: 'bad-log', message: `sheet "${result.log.sheet}": ${evaluated.message}` };
  return { results: evaluated.results, unread: further.problems };
}
