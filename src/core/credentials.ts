/**
 * Several credentials, one log (issue 13, point 4). A profile lists one or more credentials, each a
 * program with its own cycle start, expiry, extension and facts; each is evaluated with `evaluateLog`
 * on its own, so every figure is the one that credential alone would show.
 *
 * Marking an entry for some credentials only: the Category cell is split as categories are (`;` `,`
 * `/` or a line break). A part that is a program id (a built-in or custom program, or a credential's)
 * is a credential mark, not a category. An entry with marks counts only for the credentials whose
 * program id it names; for every other credential its row is read as blank (listed in `otherRows`).
 * An entry without marks counts for every credential. Marks are read only when the profile lists
 * several credentials: a one-credential workbook is read exactly as before. The marks are taken out
 * of the cell before the evaluation, so what is left is read as categories (or as the format, in a
 * log whose Category column is its Format column) and a mark is never flagged as an unknown category.
 *
 * A program's declared category (Group A, Ethics) does not mark an entry: bodies share such names,
 * and a category a program lacks is already passed over with a notice, so reading it as a mark would
 * silently take credit away from another credential.
 *
 * How a body shares credit between its own credentials (credentials whose programs have the same
 * `body`) is program data, `sharedCredentials`: `each` (the default) evaluates each on its own;
 * `morePerCredential` raises each one's requirement by `extraPerCredential` for every further
 * credential of the body; `highestLevel` asks only the requirement of the credential with the most
 * credits required: the others are `coveredBy` it and their overview line shows its status and
 * figures. A program's own mode decides for its credential.
 */
import { normalizeName } from './columns';
import { isoFromDay } from './dates';
import { evaluateLog, type EvaluateOptions } from './evaluate';
import type { Evaluation } from './evaluation';
import { readHeader, type Cells, type LogError } from './log';
import { checkProfile, profileFacts, type Profile } from './profile';
import { findProgram } from './programs';
import { formatCredits } from './rounding';
import type { Program, StatusKeyword } from './schema';

/** One credential of a profile: a checked profile (program, cycle start, expiry, extension, facts). */
export type Credential = Profile;

export interface CredentialInput {
  program?: unknown;
  cycleStart?: unknown;
  expires?: unknown;
  extensionGranted?: unknown;
  facts?: Record<string, unknown>;
  /** The credential's own manual checklist items ticked (its "Credential N attested: …" rows). */
  attestations?: Record<string, boolean>;
}

export type CredentialCheck =
  { ok: true; credential: Credential } | { ok: false; problems: { field: string; message: string }[] };

/**
 * Checks credential number `n` (2, 3, …) as the profile is checked; a problem's field names the
 * credential ("Credential 2 program") so the user finds the row.
 */
export function checkCredential(input: CredentialInput, n: number): CredentialCheck {
  const checked = checkProfile({ ...input, attestations: input.attestations ?? {} });
  if (checked.ok) return { ok: true, credential: checked.profile };
  return {
    ok: false,
    problems: checked.problems.map((p) => ({ field: `Credential ${n} ${p.field}`, message: p.message })),
  };
}

const SEPARATORS = /[;,/\n\r]+/;

/** The program ids a Category cell names (normalised), and the cell without them. */
export function credentialMarks(value: unknown, credentialIds: readonly string[]): { marks: string[]; rest: unknown } {
  if (typeof value !== 'string' || value.trim() === '') return { marks: [], rest: value };
  const own = new Set(credentialIds.map(normalizeName));
  const marks: string[] = [];
  const rest: string[] = [];
  for (const part of value.split(SEPARATORS)) {
    const key = normalizeName(part);
    if (key !== '' && (own.has(key) || findProgram(part) !== undefined)) marks.push(key);
    else if (part.trim() !== '') rest.push(part.trim());
  }
  return marks.length === 0 ? { marks, rest: value } : { marks, rest: rest.join('; ') };
}

/**
 * The log as credential `index` reads it: rows marked for other credentials only become blank (same
 * row numbers), marks are taken out of the Category cells. `otherRows`: sheet rows left out.
 */
export function cellsForCredential(
  cells: Cells,
  credentials: readonly Credential[],
  index: number,
  firstRow = 1,
): { cells: Cells; otherRows: number[] } {
  const header = readHeader(cells);
  const column = 'ok' in header ? undefined : header.map.category;
  if (column === undefined) return { cells, otherRows: [] };
  const ids = credentials.map((c) => c.program);
  const mine = normalizeName(ids[index]!);
  const otherRows: number[] = [];
  const out = cells.map((row, r) => {
    if (r === 0) return row;
    const { marks, rest } = credentialMarks(row[column], ids);
    if (marks.length === 0) return row;
    if (!marks.includes(mine)) {
      otherRows.push(firstRow + r);
      return row.map(() => null);
    }
    const copy = row.slice();
    copy[column] = rest;
    return copy;
  });
  return { cells: out, otherRows };
}

export interface CredentialResult {
  credential: Credential;
  /** The program as evaluated (its requirement raised under `morePerCredential`). */
  program: Program;
  evaluation: Evaluation;
  /** Sheet rows whose Category marks them for other credentials only. */
  otherRows: number[];
  /** Under `highestLevel`: the index of the credential of the same body whose requirement covers this one. */
  coveredBy?: number;
  /** Under `morePerCredential`: credits added to the requirement for the body's further credentials. */
  addedCredits?: number;
}

const bodyKey = (p: Program) => normalizeName(p.body);

/** The program each credential is evaluated with, and which credential covers it (`highestLevel`). */
function sharing(programs: readonly Program[]): { program: Program; coveredBy?: number; addedCredits?: number }[] {
  return programs.map((program, i) => {
    const body = programs.map((_, j) => j).filter((j) => bodyKey(programs[j]!) === bodyKey(program));
    const mode = program.sharedCredentials?.mode ?? 'each';
    if (body.length < 2 || mode === 'each') return { program };
    if (mode === 'morePerCredential') {
      const addedCredits = (program.sharedCredentials?.extraPerCredential ?? 0) * (body.length - 1);
      return { program: { ...program, required: program.required + addedCredits }, addedCredits };
    }
    const top = body.reduce((best, j) => (programs[j]!.required > programs[best]!.required ? j : best), body[0]!);
    return top === i ? { program } : { program, coveredBy: top };
  });
}

export type CredentialsResult = { ok: true; results: CredentialResult[] } | LogError;

/** What one credential is evaluated with: its program (shared credit applied), its reading of the log, its options. */
export interface CredentialRun {
  credential: Credential;
  program: Program;
  cells: Cells;
  options: EvaluateOptions;
  otherRows: number[];
  coveredBy?: number;
  addedCredits?: number;
}

export type CredentialRuns = { ok: true; runs: CredentialRun[] } | LogError;

export type CredentialsOptions = Omit<EvaluateOptions, 'cycleStart' | 'profile'> & {
  firstCredentialFacts?: EvaluateOptions['profile'];
};

/**
 * How `evaluateCredentials` evaluates each credential, without evaluating: for a caller that evaluates
 * one of them apart (the pane evaluates the credential on screen in steps). A single credential reads
 * the log as it is: marks are read only when there are several.
 */
export function credentialRuns(
  credentials: readonly Credential[],
  cells: Cells,
  options: CredentialsOptions,
): CredentialRuns {
  const found: Program[] = [];
  for (let i = 0; i < credentials.length; i++) {
    const program = findProgram(credentials[i]!.program);
    if (!program)
      return { ok: false, message: `credential ${i + 1}: "${credentials[i]!.program}" is not a known program id` };
    found.push(program);
  }
  const shared = sharing(found);
  const runs = credentials.map((credential, i): CredentialRun => {
    const { program, coveredBy, addedCredits } = shared[i]!;
    const own =
      credentials.length > 1
        ? cellsForCredential(cells, credentials, i, options.firstRow ?? 1)
        : { cells, otherRows: [] };
    const facts = { ...profileFacts(credential), ...(i === 0 ? options.firstCredentialFacts : {}) };
    return {
      credential,
      program,
      cells: own.cells,
      options: {
        asOf: options.asOf,
        firstRow: options.firstRow,
        dateOrder: options.dateOrder,
        cycleStart: credential.cycleStart,
        profile: facts,
      },
      otherRows: own.otherRows,
      ...(coveredBy === undefined ? {} : { coveredBy }),
      ...(addedCredits === undefined ? {} : { addedCredits }),
    };
  });
  return { ok: true, runs };
}

/** A credential's result from its run and its evaluation. */
export function credentialResult(run: CredentialRun, evaluation: Evaluation): CredentialResult {
  const { credential, program, otherRows, coveredBy, addedCredits } = run;
  return {
    credential,
    program,
    evaluation,
    otherRows,
    ...(coveredBy === undefined ? {} : { coveredBy }),
    ...(addedCredits === undefined ? {} : { addedCredits }),
  };
}

/**
 * Evaluates one log for each credential. `firstCredentialFacts` (facts given on the command line) apply to the
 * first credential only, as they always have.
 */
export function evaluateCredentials(
  credentials: readonly Credential[],
  cells: Cells,
  options: CredentialsOptions,
): CredentialsResult {
  const planned = credentialRuns(credentials, cells, options);
  if (!planned.ok) return planned;
  const results: CredentialResult[] = [];
  for (const run of planned.runs) {
    const result = evaluateLog(run.program, run.cells, run.options);
    if (!result.ok) return result;
    results.push(credentialResult(run, result.evaluation));
  }
  return { ok: true, results };
}

export interface CredentialOverview {
  programId: string;
  name: string;
  keyword: StatusKeyword;
  /** The status line (RECERT_STATUS's words). */
  line: string;
  earned: number;
  required: number;
  unit: string;
  deadline: string;
  daysToDeadline: number;
  /** The credential's line in one sentence: "X-1: IN PROGRESS, 12 of 20 credits, deadline 2027-01-31". */
  summary: string;
  /** Sheet rows marked for other credentials only. */
  otherRows: number[];
  /** Under `highestLevel`: the program id whose requirement covers this credential (its figures are shown). */
  coveredBy?: string;
}

/**
 * One line per credential: what the pane's overview and `check` show above each credential's detail. A
 * credential covered by another of its body's shows the covering credential's status and figures.
 */
export function credentialOverview(results: readonly CredentialResult[]): CredentialOverview[] {
  return results.map((r) => {
    const cover = r.coveredBy === undefined ? undefined : results[r.coveredBy]!;
    const { program: shown, evaluation: e } = cover ?? r;
    const { program, otherRows } = r;
    const deadline = isoFromDay(e.cycle.deadline);
    const through = cover ? ` (through ${shown.id}: ${program.body} asks only the highest level's requirement)` : '';
    return {
      programId: program.id,
      name: program.name,
      keyword: e.status.keyword,
      line: e.status.line,
      earned: e.earned,
      required: e.required,
      unit: shown.creditUnit,
      deadline,
      daysToDeadline: e.daysToDeadline,
      summary: `${program.id}: ${e.status.keyword}, ${formatCredits(e.earned)} of ${formatCredits(e.required)} ${shown.creditUnit}, deadline ${deadline}${through}`,
      otherRows,
      ...(cover ? { coveredBy: shown.id } : {}),
    };
  });
}
