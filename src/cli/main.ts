/**
 * The `ce-ledger` command line: check a tracker, write a copy with the summary sheet, write a fresh
 * template, list the programs. Everything goes through the xlsx WorkbookPort and the rules core.
 *
 * Exit codes: 0 when the workbook could be evaluated (whatever its status), 2 on unusable input, with
 * a one-line reason on stderr. The input file is never written, whatever name or link the output is given;
 * outputs are written through a temporary file in the same directory (safe-write.ts), and an existing
 * output needs --force.
 */
import { promises as fs } from 'fs';
import { basename, resolve } from 'path';
import {
  allPrograms,
  dayFromIso,
  dayFromSerial,
  EXCEL_DATE_RANGE,
  findProgram,
  isoFromDay,
  quote,
  today,
  type DateOrder,
  type DayNumber,
  type ProfileFacts,
} from '../core';
import { calendarText, type CalendarCredential } from '../core/calendar';
import { cycleDates, MissingDateFactError, type CycleDates } from '../core/cycle';
import { profileFacts } from '../core/profile';
import { programForCycle } from '../core/versions';
import { PROFILE_SHEET, readCredentials, readDateOrder, readProfile } from '../workbook/profile-sheet';
import { evaluateWorkbook, generateSummary } from '../summary';
import { evaluateCredentialsOf } from '../summary/workbook-log';
import { findSoffice, NO_SOFFICE, printableSummary, renderPdf } from '../summary/pdf';
import type { WorkbookSnapshot } from '../workbook/port';
import { XlsxWorkbook } from '../workbook/xlsx';
import { XlsxLimitError } from '../workbook/xlsx-limits';
import { optionText, optionValues, parseArgs, UsageError, type ParsedArgs } from './args';
import { applyCorrections, describeReading, MappingError, parseDateOrder, readingReport } from './log-reading';
import {
  exportProgram,
  ProgramFileError,
  programListing,
  readProgramFile,
  applyCustomPrograms,
  type LoadedFile,
} from './program-files';
import { checkJson, checkReport, credentialsJson, credentialsReport, programsReport } from './report';
import { credentialOverview, type Credential, type CredentialResult } from '../core/credentials';
import { PROGRAMS_SHEET, storeProgramOps } from '../workbook/custom-program-store';
import { refuseExisting, refuseInputAsOutput, writeSafely, WriteRefused } from './safe-write';
import { buildTemplate } from './template';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Progress lines are shown only on a terminal. */
  stderrIsTTY: boolean;
  cwd: string;
  /** Today's date, for tests; default: the local date. */
  today?: DayNumber;
  /** Files above this size get progress lines on a terminal (default 1 MB). */
  bigFileBytes?: number;
  /** The LibreOffice program for --pdf; null: not installed (tests); default: found as `findSoffice` does. */
  soffice?: string | null;
}

export const EXIT_OK = 0;
export const EXIT_UNUSABLE = 2;
const BIG_FILE_BYTES = 1_000_000;

export const USAGE = `Usage: ce-ledger <command> [options]

Commands:
  check FILE.xlsx [--sheet NAME]... [--program ID] [--cycle-start YYYY-MM-DD] [--as-of YYYY-MM-DD] [--json]
        [--map "HEADER=Column"]... [--date-order mdy|dmy|ymd] [--expires YYYY-MM-DD] [--extension-granted] [--all]
        [--program-file FILE.json]
      Status, totals, caps, problems, missing proof, the rows not counted and why, and the checklist of a
      CE log, and which column was read from which header (--map corrects it, --date-order reads text
      dates such as 03/04/2025). Long lists show their first 20 items; --all prints every one.
      --json adds "rows": each non-blank row's fate (counted, partly counted, not counted, skipped).
  summary FILE.xlsx -o OUT.xlsx [--pdf OUT.pdf] [same options as check] [--force]
      Writes a copy of FILE.xlsx with "CE Summary" and "CE Entries" sheets. FILE.xlsx is never modified.
      --pdf renders those two sheets to a PDF with LibreOffice (-o may then be left out).
  template -o NEW.xlsx --program ID [--cycle-start YYYY-MM-DD] [--force] [--program-file FILE.json]
      Writes a new tracker: a CE Profile sheet and an empty CE log table with validation lists.
  calendar [FILE.xlsx] -o OUT.ics [--program ID] [--cycle-start YYYY-MM-DD] [--as-of YYYY-MM-DD] [--force]
      Writes the dates to remember as an iCalendar file: the renewal application opening, the deadline,
      the end of the grace period and reminders 90, 30 and 7 days before the deadline (those already
      past are left out). Program and cycle start come from FILE.xlsx's profile unless given.
  programs [--json] [--export ID] [--program-file FILE.json]
      Lists the program ids with their names and requirements (--json: with cycle and sources).
      --export ID prints a program as a program file to start your own from (give it a new id).

--program-file FILE.json uses a program you wrote (see schemas/program.schema.json); --program (or the
CE Profile sheet) names it by its id, and template stores it in the new workbook. Programs stored in a
workbook by the pane's "Use my own program rules" are read from the workbook itself.

Program and cycle start come from the options, else from the workbook's "CE Profile" sheet; so do
the certificate's own expiration date (--expires, "Expires") and a granted extension
(--extension-granted, "Extension granted"), which move the deadline.
Further credentials are "Credential 2 program" and "Credential 2 cycle start" rows (3, 4, …) on that sheet:
check, summary and calendar report each; a Category cell naming program ids counts that entry only for those
credentials.
The log is on the sheets given with --sheet, else on the sheet that looks like a CE log and on every
other sheet with the same header (a sheet per year): they are read as one log.
Exit status: 0 when the workbook could be evaluated, 2 when the input is unusable.
`;

class Unusable extends Error {}

function parseDate(args: ParsedArgs, name: string): DayNumber | undefined {
  const text = optionText(args, name);
  if (text === undefined) return undefined;
  const day = dayFromIso(text);
  if (day === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(text.trim()))
    throw new Unusable(`bad date for --${name}: ${quote(text)} (use YYYY-MM-DD, ${EXCEL_DATE_RANGE})`);
  return day;
}

/** Profile facts given as options; they win over the CE Profile sheet's. */
function parseFacts(args: ParsedArgs): Partial<ProfileFacts> {
  const facts: Partial<ProfileFacts> = {};
  const expires = parseDate(args, 'expires');
  if (expires !== undefined) facts.expires = expires;
  if (args.options.has('extension-granted')) facts.extensionGranted = true;
  return facts;
}

function parseProgram(args: ParsedArgs): string | undefined {
  const id = optionText(args, 'program');
  if (id !== undefined && !findProgram(id))
    throw new Unusable(
      `unknown program "${id}" (known: ${allPrograms()
        .map((p) => p.id)
        .join(', ')})`,
    );
  return id;
}

/** --program-file, read and checked before any workbook is opened. */
async function programFile(args: ParsedArgs, io: CliIo): Promise<LoadedFile | undefined> {
  const file = args.options.get('program-file');
  if (file === undefined) return undefined;
  if (file === true) throw new UsageError('--program-file needs a file name');
  try {
    return await readProgramFile(resolve(io.cwd, file));
  } catch (e) {
    if (e instanceof ProgramFileError) throw new Unusable(e.message);
    throw e;
  }
}

/** The workbook's own custom programs and --program-file's become known; broken stored ones are said. */
function registerPrograms(io: CliIo, snapshot: WorkbookSnapshot | undefined, file: LoadedFile | undefined): void {
  for (const line of applyCustomPrograms(snapshot, file))
    io.stderr(`ce-ledger: a program stored in the workbook is not usable: ${line}\n`);
}

function oneFile(args: ParsedArgs, command: string): string {
  if (args.positional.length === 0) throw new UsageError(`${command} needs a FILE.xlsx`);
  if (args.positional.length > 1) throw new UsageError(`${command} takes one file, got ${args.positional.length}`);
  return args.positional[0]!;
}

function noPositional(args: ParsedArgs, command: string): void {
  if (args.positional.length) throw new UsageError(`${command} takes no file argument (use -o FILE)`);
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

async function openWorkbook(
  file: string,
  io: CliIo,
  forWriting = false,
): Promise<{ port: XlsxWorkbook; big: boolean }> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch {
    throw new Unusable(`${file}: no such file`);
  }
  if (!stat.isFile()) throw new Unusable(`${file}: not a file`);
  const handle = await fs.open(file, 'r');
  const head = Buffer.alloc(4);
  try {
    await handle.read(head, 0, 4, 0);
  } finally {
    await handle.close();
  }
  if (!head.equals(ZIP_MAGIC))
    throw new Unusable(
      `${file}: not an .xlsx workbook${/\.(xls|csv|ods)$/i.test(file) ? ' (save it as .xlsx first)' : ''}`,
    );
  const big = stat.size > (io.bigFileBytes ?? BIG_FILE_BYTES);
  if (big) progress(io, `reading ${basename(file)} (${Math.round(stat.size / 1024)} KB)…`);
  try {
    // The streaming reader, within the bounds of what one file may cost (src/workbook/xlsx-limits.ts).
    const port = await XlsxWorkbook.openFile(file);
    if (forWriting) port.assertLoadable();
    return { port, big };
  } catch (e) {
    if (e instanceof XlsxLimitError)
      throw new Unusable(`${file}: too big to ${e.bound === 'areaCells' ? 'copy' : 'read'}: ${e.message}`);
    throw new Unusable(
      `${file}: not a readable .xlsx workbook (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`,
    );
  }
}

function progress(io: CliIo, text: string): void {
  if (io.stderrIsTTY) io.stderr(`ce-ledger: ${text}\n`);
}

/** Writes a workbook through a temporary file; the content is made once that file is open. */
async function writeWorkbook(
  target: string,
  content: () => Promise<Buffer>,
  force: boolean,
  inputs: string[] = [],
): Promise<void> {
  await writeSafely(target, async (file) => file.writeFile(await content()), { force, inputs });
}

function outputPath(args: ParsedArgs, io: CliIo, command: string): string {
  const out = optionText(args, 'output');
  if (!out) throw new UsageError(`${command} needs -o OUT.xlsx`);
  return resolve(io.cwd, out);
}

async function check(args: ParsedArgs, io: CliIo): Promise<number> {
  const file = oneFile(args, 'check');
  const custom = await programFile(args, io);
  const cycleStart = parseDate(args, 'cycle-start');
  const asOf = parseDate(args, 'as-of') ?? io.today ?? today();
  const facts = parseFacts(args);
  const { port, big } = await openWorkbook(resolve(io.cwd, file), io);
  const snapshot = await port.read({ sheets: 'all', layout: true });
  registerPrograms(io, snapshot, custom);
  const program = parseProgram(args);
  const sheets = optionValues(args, 'sheet');
  const dateOrder = corrections(args, snapshot);
  if (big) progress(io, 'evaluating…');
  const result = evaluateWorkbook(snapshot, { program, cycleStart, asOf, sheets, dateOrder, facts });
  if (!result.ok) throw new Unusable(`${file}: ${result.message}`);
  const reading = describeReading(result.log, result.program, dateOrder ?? readDateOrder(snapshot));
  const several = furtherCredentials(io, snapshot, result, { asOf, dateOrder, facts });
  if (args.options.has('json')) {
    // The top-level fields stay the first credential's, so a one-credential reader reads on as before.
    const evaluation = several?.[0]?.evaluation ?? result.evaluation;
    const json = {
      ...checkJson(file, evaluation, result.log),
      ...reading,
      ...(several ? { credentials: credentialsJson(file, several, result.log) } : {}),
    };
    io.stdout(JSON.stringify(json, null, 2) + '\n');
  } else {
    const options = { all: args.options.has('all') };
    const report = several
      ? credentialsReport(file, several, result.log, options)
      : checkReport(file, result.evaluation, result.log, options);
    io.stdout(report + readingReport(reading));
  }
  return EXIT_OK;
}

/**
 * The CE Profile's further credentials ("Credential 2 program", …) evaluated on the same log, with the
 * first credential (the Program / Cycle start rows, or the options) first; undefined when there are
 * none. A further credential that cannot be read is said on stderr and left out: the others still show.
 */
function furtherCredentials(
  io: CliIo,
  snapshot: WorkbookSnapshot,
  result: Extract<ReturnType<typeof evaluateWorkbook>, { ok: true }>,
  options: { asOf: DayNumber; dateOrder: DateOrder | undefined; facts: Partial<ProfileFacts> },
): CredentialResult[] | undefined {
  const evaluated = evaluateCredentialsOf(snapshot, result, options);
  if ('ok' in evaluated) throw new Unusable(evaluated.message);
  sayUnread(io, evaluated.unread);
  return evaluated.results;
}

function sayUnread(io: CliIo, unread: readonly { field: string; message: string }[]): void {
  for (const p of unread) io.stderr(`ce-ledger: ${PROFILE_SHEET} "${p.field}": ${p.message}; left out\n`);
}

/** --map applied to the snapshot as read (in memory), and the --date-order given. */
function corrections(args: ParsedArgs, snapshot: WorkbookSnapshot): DateOrder | undefined {
  try {
    applyCorrections(snapshot, optionValues(args, 'map'));
    return parseDateOrder(optionText(args, 'date-order'));
  } catch (e) {
    if (e instanceof MappingError) throw new Unusable(e.message);
    throw e;
  }
}

async function summary(args: ParsedArgs, io: CliIo): Promise<number> {
  const file = oneFile(args, 'summary');
  const pdfText = args.options.get('pdf');
  if (pdfText === true || pdfText === '') throw new UsageError('--pdf needs a file name: --pdf OUT.pdf');
  const pdf = pdfText === undefined ? undefined : resolve(io.cwd, pdfText);
  const out = pdf && !optionText(args, 'output') ? undefined : outputPath(args, io, 'summary');
  const input = resolve(io.cwd, file);
  for (const target of [out, pdf]) if (target) await refuseInputAsOutput([input], target);
  // Before any work: without LibreOffice there is no PDF to make.
  const soffice = pdf ? (io.soffice === undefined ? findSoffice() : (io.soffice ?? undefined)) : undefined;
  if (pdf && !soffice) throw new Unusable(NO_SOFFICE);
  const custom = await programFile(args, io);
  const cycleStart = parseDate(args, 'cycle-start');
  const asOf = parseDate(args, 'as-of') ?? io.today ?? today();
  const facts = parseFacts(args);
  const force = args.options.has('force');
  for (const target of [out, pdf]) if (target) await refuseExisting(target, force);
  const { port, big } = await openWorkbook(input, io, true);
  registerPrograms(io, await port.read({ sheets: [PROGRAMS_SHEET] }), custom);
  const program = parseProgram(args);
  const result = await generateSummary(port, {
    program,
    cycleStart,
    asOf,
    sheets: optionValues(args, 'sheet'),
    adjust: (snapshot) => corrections(args, snapshot),
    layout: true,
    facts,
  });
  if (!result.ok) throw new Unusable(`${file}: ${result.message}`);
  sayUnread(io, result.unread);
  const beside = result.keptUserSheet ? ` (your own "${result.keptUserSheet}" sheet was kept)` : '';
  if (out) {
    if (big) progress(io, `writing ${basename(out)}…`);
    await writeWorkbook(out, () => port.toBuffer(), force, [input]);
    io.stdout(`Wrote ${out}: sheet "${result.sheet}", entries on "${result.entriesSheet}"${beside}\n`);
  }
  if (pdf && soffice) {
    if (big) progress(io, `rendering ${basename(pdf)} with LibreOffice…`);
    const document = await renderPdf(await printableSummary(await port.toBuffer(), result), soffice).catch(
      (e: Error) => {
        throw new Unusable(e.message);
      },
    );
    await writeWorkbook(pdf, async () => document, force, [input]);
    io.stdout(`Wrote ${pdf}: the sheets "${result.sheet}" and "${result.entriesSheet}" as PDF\n`);
  }
  // With several credentials, a line each; the last line stays the first credential's status.
  if (result.credentials) for (const o of credentialOverview(result.credentials)) io.stdout(`${o.summary}\n`);
  io.stdout(`${result.evaluation.status.actionLine}\n`);
  return EXIT_OK;
}

async function template(args: ParsedArgs, io: CliIo): Promise<number> {
  noPositional(args, 'template');
  const out = outputPath(args, io, 'template');
  const custom = await programFile(args, io);
  registerPrograms(io, undefined, custom);
  const id = parseProgram(args) ?? custom?.program.id;
  if (!id) throw new UsageError('template needs --program ID (see: ce-ledger programs)');
  const cycleStart = parseDate(args, 'cycle-start');
  const force = args.options.has('force');
  await refuseExisting(out, force);
  const program = findProgram(id)!;
  const port = await buildTemplate(program, cycleStart);
  // A custom program travels with the tracker, so the pane and the command line know it there.
  const carried = custom && custom.program === program;
  if (carried) await port.apply(storeProgramOps(await port.read({ sheets: [PROGRAMS_SHEET] }), program, custom.text));
  await writeWorkbook(out, () => port.toBuffer(), force);
  const sheets = `sheets "CE Profile" and "CE Log"${carried ? `, and "${PROGRAMS_SHEET}" (hidden) with the program` : ''}`;
  io.stdout(`Wrote ${out}: a ${program.id} tracker (${sheets})\n`);
  return EXIT_OK;
}

async function calendar(args: ParsedArgs, io: CliIo): Promise<number> {
  if (args.positional.length > 1) throw new UsageError(`calendar takes one file, got ${args.positional.length}`);
  const out = optionText(args, 'output');
  if (!out) throw new UsageError('calendar needs -o OUT.ics');
  const target = resolve(io.cwd, out);
  const input = args.positional[0] === undefined ? undefined : resolve(io.cwd, args.positional[0]);
  if (input) await refuseInputAsOutput([input], target);
  const custom = await programFile(args, io);
  registerPrograms(io, undefined, custom);
  const asOf = parseDate(args, 'as-of') ?? io.today ?? today();
  let id = optionText(args, 'program');
  let cycleStart = parseDate(args, 'cycle-start');
  let needed: number | undefined;
  let facts: Partial<ProfileFacts> = {};
  // The CE Profile's further credentials, with the credits each still needs when the log can be read.
  const further: { credential: Credential; number: number; needed: number | undefined }[] = [];
  if (input) {
    const snapshot = await (await openWorkbook(input, io)).port.read({ sheets: 'all' });
    registerPrograms(io, snapshot, custom);
    const profile = readProfile(snapshot);
    if (profile.profile) facts = profileFacts(profile.profile);
    id ??= profile.profile?.program ?? (typeof profile.input.program === 'string' ? profile.input.program : undefined);
    const start = profile.input.cycleStart;
    cycleStart ??= profile.profile?.cycleStart ?? (typeof start === 'number' ? dayFromSerial(start) : undefined);
    // With a log, the reminders say how many credits are still to earn.
    const result =
      id && cycleStart !== undefined ? evaluateWorkbook(snapshot, { program: id, cycleStart, asOf }) : undefined;
    if (result?.ok) needed = result.evaluation.needed;
    const read = readCredentials(snapshot);
    sayUnread(io, read.problems);
    if (read.credentials.length) {
      // Evaluated as check and summary evaluate them (marks in the Category cell), without a log: dates only.
      const evaluated = result?.ok ? evaluateCredentialsOf(snapshot, result, { asOf }) : undefined;
      const results = evaluated && !('ok' in evaluated) ? evaluated.results : undefined;
      if (results) needed = results[0]!.evaluation.needed;
      read.credentials.forEach((credential, i) =>
        further.push({ credential, number: read.numbers[i]!, needed: results?.[i + 1]?.evaluation.needed }),
      );
    }
  }
  id ??= custom?.program.id;
  if (!id) throw new Unusable('no program: give --program ID or a workbook whose CE Profile names one');
  const found = findProgram(id);
  if (!found) throw new Unusable(`unknown program "${id}" (see: ce-ledger programs)`);
  if (cycleStart === undefined)
    throw new Unusable('no cycle start: give --cycle-start YYYY-MM-DD or a workbook whose CE Profile has one');
  const program = programForCycle(found, cycleStart);
  let cycle: CycleDates;
  try {
    // The profile's facts move the dates (Expires, a birth month); an option wins over the sheet.
    cycle = cycleDates(program, cycleStart, { ...facts, ...parseFacts(args) });
  } catch (e) {
    if (e instanceof MissingDateFactError) throw new Unusable(e.message);
    throw e;
  }
  const credentials: CalendarCredential[] = [{ program, cycle, needed }];
  for (const { credential: c, number, needed: its } of further) {
    const own = programForCycle(findProgram(c.program)!, c.cycleStart);
    try {
      credentials.push({ program: own, cycle: cycleDates(own, c.cycleStart, profileFacts(c)), needed: its });
    } catch (e) {
      if (!(e instanceof MissingDateFactError)) throw e;
      io.stderr(`ce-ledger: ${PROFILE_SHEET} credential ${number} (${own.id}): ${e.message}; left out\n`);
    }
  }
  const text = calendarText(credentials, {
    stamp: new Date(),
    from: asOf,
  });
  await writeSafely(target, (file) => file.writeFile(text, 'utf8'), {
    force: args.options.has('force'),
    inputs: input ? [input] : [],
  });
  const events = text.split('BEGIN:VEVENT').length - 1;
  const which = credentials.map((c) => `${c.program.id} (deadline ${isoFromDay(c.cycle.deadline)})`).join(', ');
  io.stdout(`Wrote ${target}: ${events} dates for ${which}\n`);
  return EXIT_OK;
}

async function programs(args: ParsedArgs, io: CliIo): Promise<number> {
  noPositional(args, 'programs');
  registerPrograms(io, undefined, await programFile(args, io));
  const exported = optionText(args, 'export');
  if (exported !== undefined) {
    const file = exportProgram(exported);
    if (!file) throw new Unusable(`unknown program "${exported}" (see: ce-ledger programs)`);
    io.stdout(JSON.stringify(file, null, 2) + '\n');
  } else if (args.options.has('json')) {
    io.stdout(JSON.stringify(programListing(), null, 2) + '\n');
  } else {
    io.stdout(programsReport(allPrograms()));
  }
  return EXIT_OK;
}

const ALLOWED: Record<string, string[]> = {
  check: [
    'sheet',
    'program',
    'cycle-start',
    'as-of',
    'json',
    'map',
    'date-order',
    'expires',
    'extension-granted',
    'all',
    'program-file',
  ],
  summary: [
    'sheet',
    'program',
    'cycle-start',
    'as-of',
    'output',
    'pdf',
    'force',
    'map',
    'date-order',
    'expires',
    'extension-granted',
    'program-file',
  ],
  template: ['program', 'cycle-start', 'output', 'force', 'program-file'],
  programs: ['json', 'export', 'program-file'],
  calendar: ['program', 'cycle-start', 'as-of', 'output', 'force', 'program-file'],
};

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let args: ParsedArgs;
  try {
    args = parseArgs(argv);
    if (args.options.has('help') || args.command === 'help') {
      io.stdout(USAGE);
      return EXIT_OK;
    }
    if (!args.command) throw new UsageError('no command given');
    const allowed = ALLOWED[args.command];
    if (!allowed) throw new UsageError(`unknown command "${args.command}"`);
    for (const name of args.options.keys()) {
      if (!allowed.includes(name)) throw new UsageError(`${args.command} does not take --${name}`);
    }
    switch (args.command) {
      case 'check':
        return await check(args, io);
      case 'summary':
        return await summary(args, io);
      case 'template':
        return await template(args, io);
      case 'calendar':
        return await calendar(args, io);
      default:
        return await programs(args, io);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`ce-ledger: ${e.message}\n\n${USAGE}`);
      return EXIT_UNUSABLE;
    }
    if (e instanceof Unusable || e instanceof WriteRefused) {
      io.stderr(`ce-ledger: ${e.message}\n`);
      return EXIT_UNUSABLE;
    }
    throw e;
  }
}
