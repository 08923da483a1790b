/**
 * The pane's controller, without React: reads the workbook through the port, evaluates the log with
 * the core, and refreshes when the workbook changes (debounced, so a paste of 500 cells is one
 * refresh). The React pane only renders its state and calls its methods, so everything here is
 * testable in Jest against the memory adapter or the fake Excel host.
 *
 * Evaluation runs in steps (`evaluateLogInSteps`), yielding to the event loop between chunks of rows,
 * so the pane (and, in the shared runtime, the custom functions) stays responsive on a large log; a
 * refresh asked for meanwhile cancels it and starts over from a fresh read.
 */
import {
  checkProfile,
  evaluateLogInSteps,
  findProgram,
  isCancelled,
  normalizeName,
  today,
  type DayNumber,
  type Evaluation,
  type Profile,
  type ProfileInput,
  type Program,
  type RowProblem,
} from '../core';
import {
  applyConversion,
  cellsOf,
  CONVERSION_READ,
  conversionPlan,
  conversionSnapshot,
  findLog,
  headerSnapshot,
  isLogTable,
  newLogPlan,
  programForLists,
  proposeConversion,
  type ConversionOptions,
  type ConversionPlan,
  type ConversionProposal,
  type LogLocation,
  type ProposalResult,
} from './log-sheet';
import { locateLog, notLogSheets, rowName, rowOrigin, type RowSource } from './log-locator';
import { shapeOf, structureChange, unreadableLog, type LogShape, type StructureNotice } from './log-structure';
import type { CellValue, RangeRef, WorkbookPort, WorkbookSnapshot } from './port';
import type { DateOrder } from '../core/text-dates';
import {
  DATE_ORDER_FIELD,
  dateOrderOps,
  PROFILE_FIELDS,
  PROFILE_SHEET,
  profileOps,
  readDateOrder,
  readCredentials,
  credentialAttestationOps,
  readProfile,
  type ProfileRead,
} from './profile-sheet';
import {
  credentialOverview,
  credentialResult,
  credentialRuns,
  type CredentialOverview,
  type CredentialResult,
} from '../core/credentials';
import type { CalendarCredential } from '../core/calendar';

export interface PaneState {
  /** A refresh is running (the first one, or after a change). */
  loading: boolean;
  /** Incremented after each completed refresh. */
  version: number;
  /** Reading the workbook failed. */
  error?: string;
  profile: ProfileRead;
  program?: Program;
  log?: LogLocation;
  /** The log could not be read (no header row and the like). */
  logError?: string;
  /**
   * The log as the command line reads it: the pane's table and the sheets that carry its header (a
   * sheet per year), each with its row count. The evaluation numbers a later sheet's rows on from the
   * first sheet's; `rowName` and the select methods say and select a row on its own sheet.
   */
  reading?: RowSource;
  /** The order of day and month for text dates no value settles, as the profile sheet keeps it. */
  dateOrder?: DateOrder;
  /**
   * The log's structure changed since the last good read (a column lost its header, the header row
   * was cleared, the log moved or is gone). When `blocking`, no evaluation is shown: its figures
   * would be wrong.
   */
  structure?: StructureNotice;
  /** The workbook's CE logs (tables whose header row makes them one), as last listed. */
  logs: LogLocation[];
  evaluation?: Evaluation;
  sheetNames: string[];
  activeSheet?: string;
  asOf: DayNumber;
  /**
   * How far the running evaluation of a large log has got (more than `progressFromRows` rows); the
   * last evaluation stays in `evaluation` meanwhile. Undefined otherwise.
   */
  progress?: { rowsDone: number; rowsTotal: number };
  /**
   * One line per credential when the CE Profile lists more than one ("Credential 2 program", …);
   * undefined for a single credential. `evaluation` is the one of `shownCredential`.
   */
  credentials?: CredentialOverview[];
  /**
   * With several credentials, the index (in `credentials`) of the one the dashboard shows: the user's
   * choice, or the first when the profile no longer has that many. Under a body's `highestLevel` mode
   * a covered credential's `evaluation` is the covering credential's (its overview line says which).
   */
  shownCredential?: number;
  /** Every credential's dates for the calendar file, as its overview line gives them; one for a single credential. */
  calendar?: CalendarCredential[];
  /**
   * Further credentials of the CE Profile that could not be read ("Credential 3 program: …"): left out
   * of the overview, so the pane says so rather than drop them without a word.
   */
  credentialProblems?: { field: string; message: string }[];
}

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface ControllerOptions {
  /** The date to evaluate at (the preview fixes it); default today. */
  asOf?: DayNumber;
  debounceMs?: number;
  timers?: Timers;
  /** Awaited between chunks of the evaluation (default `yieldToEventLoop`). */
  pause?: () => Promise<void>;
  /** Log rows evaluated between two pauses (default: the core's `DEFAULT_STEP_ROWS`). */
  chunkRows?: number;
  /** Progress is shown for logs of more than this many rows (default 5,000); smaller ones just update. */
  progressFromRows?: number;
}

/**
 * Resolves in a new task, after what is queued (input, rendering, timers): a message to itself where
 * MessageChannel exists (no 4 ms clamp on nested timers), else a zero-delay timer.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof MessageChannel === 'function') {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(undefined);
    } else {
      setTimeout(resolve, 0);
    }
  });
}

const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

const PROFILE_NAMES = new Set([...PROFILE_FIELDS.map((f) => f.name.toUpperCase()), DATE_ORDER_FIELD.name]);

/**
 * The sheets that hold the profile's cells: the profile sheet and the sheets of its names (a field's
 * or an attestation's), which the user may have moved. Other CE_ names (the summary's marker) are not
 * the profile's: their sheets are not read.
 */
function profileSheets(snapshot: WorkbookSnapshot | undefined): string[] {
  const out = new Map<string, string>([[PROFILE_SHEET.toLowerCase(), PROFILE_SHEET]]);
  for (const n of snapshot?.names ?? []) {
    const name = n.name.toUpperCase();
    if (PROFILE_NAMES.has(name) || name.startsWith('CE_ATTEST_')) {
      if (!out.has(n.sheet.toLowerCase())) out.set(n.sheet.toLowerCase(), n.sheet);
    }
  }
  return [...out.values()];
}

/** Whether a read included `sheet` (a sheet that does not exist counts as read: there is nothing to read). */
function isRead(snapshot: WorkbookSnapshot, sheet: string): boolean {
  const s = sheet.toLowerCase();
  if (!snapshot.sheetNames.some((n) => n.toLowerCase() === s)) return true;
  return Object.keys(snapshot.sheets).some((n) => n.toLowerCase() === s);
}

/** The table named `name` among the sheets read (a header snapshot holds every table's header row). */
function tableNamed(
  snapshot: WorkbookSnapshot,
  name: string,
): { sheet: string; range: RangeRef; header: CellValue[]; isLog: boolean } | undefined {
  for (const sheet of Object.values(snapshot.sheets)) {
    const table = sheet.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
    if (table)
      return {
        sheet: sheet.name,
        range: table.range,
        header: cellsOf(sheet, { ...table.range, rows: 1 })[0] ?? [],
        isLog: isLogTable(sheet, table),
      };
  }
  return undefined;
}

/** Every CE log table among the sheets read, in workbook order. */
function logsIn(snapshot: WorkbookSnapshot): LogLocation[] {
  const out: LogLocation[] = [];
  const seen = new Set<string>();
  for (const sheet of Object.values(snapshot.sheets)) {
    for (const table of sheet.tables) {
      if (seen.has(table.name.toLowerCase()) || !isLogTable(sheet, table)) continue;
      seen.add(table.name.toLowerCase());
      out.push({ sheet: sheet.name, table: table.name, range: table.range });
    }
  }
  const order = (name: string) => snapshot.sheetNames.findIndex((n) => n.toLowerCase() === name.toLowerCase());
  return out.sort((a, b) => order(a.sheet) - order(b.sheet));
}

/**
 * Each credential's dates for the calendar file: a credential covered by another of its body's has
 * that one's deadline and credits to go, as its overview line says.
 */
function calendarOf(results: readonly CredentialResult[]): CalendarCredential[] {
  return results.map((r) => {
    const e = results[r.coveredBy ?? -1]?.evaluation ?? r.evaluation;
    return { program: r.program, cycle: e.cycle, needed: e.needed };
  });
}

interface LogRead {
  snapshot: WorkbookSnapshot;
  log: LogLocation | undefined;
  /** The known log's table as read now; undefined when there is no known log or the table is gone. */
  knownNow?: { sheet: string; range: RangeRef; header: CellValue[]; isLog: boolean };
  /** The workbook's CE logs, when this read listed every table. */
  logs?: LogLocation[];
  /** No log found: a CE Ledger table (CELog…) whose header no longer makes it one, as news for the pane. */
  unreadable?: StructureNotice;
}

export type SaveResult = { ok: true } | { ok: false; problems: { field: string; message: string }[] };

/** Rows of each other sheet the conversion looks at for the log's header (a title and notes above it fit). */
const YEAR_SHEET_LOOK = 40;

export class PaneController {
  private state: PaneState;
  private listeners = new Set<() => void>();
  private snapshot: WorkbookSnapshot | undefined;
  /** The log found by the last read: known before its evaluation ends, so a refresh superseding it reads just that. */
  private readLog: LogLocation | undefined;
  private stopListening: (() => void) | undefined;
  private timer: unknown;
  private running: Promise<void> | undefined;
  private again = false;
  /** The running refresh's evaluation: set to cancel it when a newer refresh supersedes it. */
  private current: { cancelled: boolean } | undefined;
  /** The log the user converted or created in this session, shown even if another CELog exists. */
  private preferredTable: string | undefined;
  /**
   * The log as the last good read saw it. The pane stays on this table whatever else the workbook
   * holds (switching logs is the user's choice), and a change to its header row is named, not guessed.
   */
  private known: LogShape | undefined;
  /** News about the log (it moved) kept on screen until the user dismisses it or chooses a log. */
  private news: StructureNotice | undefined;
  private readonly debounceMs: number;
  private readonly timers: Timers;
  private readonly pause: () => Promise<void>;
  private readonly chunkRows: number | undefined;
  private readonly progressFromRows: number;
  /** The other sheets of the last log read (a sheet per year), read with the log's on every refresh. */
  private partSheets: string[] = [];
  /**
   * The log the user chose in the chooser or started anew: read alone (as --sheet reads one sheet), not
   * with the other logs that carry its header. A converted sheet or the log found on opening is read with them.
   */
  private aloneTable: string | undefined;
  /** The credential the user chose to see in the dashboard (an index of the profile's credentials). */
  private chosenCredential = 0;
  /**
   * The further credential whose checklist the dashboard shows (its "Credential N" number and program),
   * where its attestations are written; undefined when it is the profile's own (the first).
   */
  private checklistOf: { n: number; programId: string } | undefined;

  constructor(
    private readonly port: WorkbookPort,
    options: ControllerOptions = {},
  ) {
    this.debounceMs = options.debounceMs ?? 300;
    this.timers = options.timers ?? realTimers;
    this.pause = options.pause ?? yieldToEventLoop;
    this.chunkRows = options.chunkRows;
    this.progressFromRows = options.progressFromRows ?? 5_000;
    this.state = {
      loading: true,
      version: 0,
      profile: { problems: [], exists: false, input: {} },
      sheetNames: [],
      logs: [],
      asOf: options.asOf ?? today(),
    };
  }

  // ---- for React (useSyncExternalStore) ----

  getState = (): PaneState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(patch: Partial<PaneState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of [...this.listeners]) l();
  }

  // ---- lifecycle ----

  async start(): Promise<void> {
    await this.refresh();
    if (!this.stopListening) {
      this.stopListening = await this.port.onChange(() => this.changed());
    }
  }

  stop(): void {
    this.stopListening?.();
    this.stopListening = undefined;
    if (this.timer !== undefined) this.timers.clear(this.timer);
    this.timer = undefined;
    if (this.current) this.current.cancelled = true;
  }

  /** A change in the workbook: refresh once things are quiet for `debounceMs`. */
  changed(): void {
    if (this.timer !== undefined) this.timers.clear(this.timer);
    this.timer = this.timers.set(() => {
      this.timer = undefined;
      void this.refresh();
    }, this.debounceMs);
  }

  /**
   * Reads and evaluates. A refresh asked for while one runs supersedes it: the running evaluation is
   * cancelled at its next pause and one more read and evaluation follow; the promise resolves when
   * the workbook's latest state is shown.
   */
  refresh(): Promise<void> {
    if (this.running) {
      this.again = true;
      if (this.current) this.current.cancelled = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.refreshOnce();
        } while (this.again);
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  private async refreshOnce(): Promise<void> {
    if (!this.state.loading) this.set({ loading: true });
    const signal = { cancelled: false };
    this.current = signal;
    try {
      const read = await this.readLogAndProfile();
      const { snapshot, knownNow } = read;
      let { log } = read;
      this.snapshot = snapshot;
      this.readLog = log;
      // Superseded while reading: the next read is fresher, so do not evaluate this one.
      if (signal.cancelled) return;
      const sheetExists = (name: string) => snapshot.sheetNames.some((n) => n.toLowerCase() === name.toLowerCase());
      const change = this.known
        ? structureChange(this.known, knownNow, knownNow ? undefined : log, sheetExists(this.known.log.sheet))
        : read.unreadable;
      if (change && !change.blocking) this.news = change;
      const logs = read.logs ? { logs: read.logs } : {};
      if (change?.blocking) {
        // The known log stays the baseline: once its header is typed back, the next read shows it again.
        if (!knownNow) log = undefined;
        this.readLog = log;
        const patch = await this.evaluate(snapshot, undefined, signal);
        if (!patch) return;
        this.set({
          ...patch,
          ...logs,
          log,
          structure: change,
          progress: undefined,
          loading: false,
          error: undefined,
          version: this.state.version + 1,
        });
        return;
      }
      const patch = await this.evaluate(snapshot, log, signal);
      if (!patch) return; // cancelled: the refresh that superseded it shows its own result
      if (log && patch.evaluation) {
        const sheet = snapshot.sheets[log.sheet];
        if (sheet) this.known = shapeOf(log, cellsOf(sheet, { ...log.range, rows: 1 })[0] ?? []);
      }
      this.set({
        ...patch,
        ...logs,
        structure: this.news,
        progress: undefined,
        loading: false,
        error: undefined,
        version: this.state.version + 1,
      });
    } catch (error) {
      this.set({
        loading: false,
        progress: undefined,
        error: error instanceof Error ? error.message : String(error),
        version: this.state.version + 1,
      });
    } finally {
      if (this.current === signal) this.current = undefined;
    }
  }

  /**
   * Reads the log's sheet and the profile's, never another sheet's cells, so a refresh costs the same
   * whatever else the workbook holds. A known log is one read. Otherwise (first open, after a
   * conversion, the log moved or removed) the log is found by the tables' header rows, read without
   * any sheet, and its sheet is read next; the profile's sheets ride with both reads.
   */
  private async readLogAndProfile(): Promise<LogRead> {
    const known = this.readLog;
    const knownTable = this.known?.log.table;
    let snapshot: WorkbookSnapshot | undefined;
    let log: LogLocation | undefined;
    let knownNow: LogRead['knownNow'];
    let logs: LogLocation[] | undefined;
    let unreadable: StructureNotice | undefined;
    // The pane's log by its table's name when it has one, whatever its header says now; else the best log.
    const pick = (s: WorkbookSnapshot, at?: string): LogLocation | undefined => {
      if (knownTable) {
        knownNow = tableNamed(s, knownTable);
        if (knownNow) return { sheet: knownNow.sheet, table: knownTable, range: knownNow.range };
      }
      const found = findLog(s, this.preferredTable);
      return at === undefined || found?.sheet.toLowerCase() === at.toLowerCase() ? found : undefined;
    };
    if (known && this.snapshot) {
      snapshot = await this.port.read({ sheets: [known.sheet, ...this.partSheets, ...profileSheets(this.snapshot)] });
      log = pick(snapshot);
    }
    if (!snapshot || !log) {
      const located = await this.port.read({ sheets: profileSheets(snapshot ?? this.snapshot), tableHeaders: true });
      if (!located.tables) {
        // A host that cannot list header rows: every sheet, the only other way to see every table.
        const all = await this.port.read({ sheets: 'all' });
        return { snapshot: all, log: pick(all), knownNow, logs: logsIn(all) };
      }
      snapshot = located;
      const headers = headerSnapshot(located);
      logs = logsIn(headers);
      const found = pick(headers);
      if (found) {
        // With the sheets of the other CE log tables: those that carry the log's header (a sheet per
        // year) are read with it, as the command line reads them. Sheets without a log table are not
        // read, so a refresh still costs the log's cells, whatever else the workbook holds.
        const others = logs.map((l) => l.sheet).filter((name) => name.toLowerCase() !== found.sheet.toLowerCase());
        snapshot = await this.port.read({ sheets: [found.sheet, ...new Set(others), ...profileSheets(located)] });
        log = pick(snapshot, found.sheet);
      } else if (!knownTable) {
        unreadable = unreadableLog(located.tables);
      }
    }
    // The profile's names can point to a sheet this read left out (a named cell moved meanwhile): once more.
    const read = snapshot;
    if (profileSheets(read).some((s) => !isRead(read, s))) {
      snapshot = await this.port.read({
        sheets: [...(log ? [log.sheet, ...this.partSheets] : []), ...profileSheets(read)],
      });
      if (log) log = pick(snapshot, log.sheet);
    }
    return { snapshot, log, knownNow, logs, unreadable };
  }

  /** The pane's state from a snapshot; undefined when `signal` was cancelled before the end. */
  private async evaluate(
    snapshot: WorkbookSnapshot,
    log: LogLocation | undefined,
    signal: { cancelled: boolean },
  ): Promise<Partial<PaneState> | undefined> {
    const profile = readProfile(snapshot);
    const program = profile.profile ? findProgram(profile.profile.program) : undefined;
    const base: Partial<PaneState> = {
      profile,
      program,
      log,
      sheetNames: snapshot.sheetNames,
      activeSheet: snapshot.activeSheet,
      evaluation: undefined,
      logError: undefined,
      reading: undefined,
      dateOrder: readDateOrder(snapshot),
      credentials: undefined,
      shownCredential: undefined,
      calendar: undefined,
      credentialProblems: undefined,
    };
    if (!profile.profile || !program || !log) return base;
    const sheet = snapshot.sheets[log.sheet];
    if (!sheet) return base;
    const p = profile.profile;
    // The log as the command line reads it: the pane's table first, then the sheets with its header.
    const single = this.aloneTable?.toLowerCase() === log.table.toLowerCase();
    const found = locateLog(snapshot, { preferredTable: log.table, tablesOnly: true, single });
    const ours = (part: { sheet: string; table?: string }) =>
      part.sheet === log.sheet && part.table?.toLowerCase() === log.table.toLowerCase();
    const located = !('ok' in found) && found.parts.some(ours) ? found : undefined;
    this.partSheets = located ? located.parts.filter((part) => !ours(part)).map((part) => part.sheet) : [];
    base.reading = located && { sheet: located.sheet, range: located.range, parts: located.parts };
    const cells = located ? located.cells : cellsOf(sheet, log.range);
    // Several credentials: the dashboard shows the chosen one, reading the log as it does (without the
    // entries marked for others only), with its body's shared credit applied, as the command line does.
    const further = readCredentials(snapshot);
    if (further.problems.length) base.credentialProblems = further.problems;
    const credentials = [p, ...further.credentials];
    const firstRow = (located ? located.range.row : log.range.row) + 1;
    const planned = credentialRuns(credentials, cells, { asOf: this.state.asOf, firstRow, dateOrder: base.dateOrder });
    if (!planned.ok) return { ...base, logError: planned.message };
    const { runs } = planned;
    if (this.chosenCredential >= runs.length) this.chosenCredential = 0;
    const shown = this.chosenCredential;
    // A credential covered by another of its body's has that one's status: its evaluation is shown.
    const target = runs[shown]!.coveredBy ?? shown;
    const evaluations: Evaluation[] = [];
    for (const i of [target, ...runs.keys()].filter((i, k) => k === 0 || i !== target)) {
      const run = runs[i]!;
      const result = await evaluateLogInSteps(run.program, run.cells, run.options, {
        pause: this.pause,
        chunkRows: this.chunkRows,
        signal,
        onProgress: (rowsDone, rowsTotal) => {
          if (i === target && rowsTotal > this.progressFromRows && !signal.cancelled)
            this.set({ progress: { rowsDone, rowsTotal } });
        },
      });
      if (isCancelled(result)) return undefined;
      if (!result.ok)
        return { ...base, logError: runs.length > 1 ? `${run.program.id}: ${result.message}` : result.message };
      evaluations[i] = result.evaluation;
    }
    const results: CredentialResult[] = runs.map((run, i) => credentialResult(run, evaluations[i]!));
    const overview = runs.length > 1 ? credentialOverview(results) : undefined;
    this.checklistOf =
      target === 0 ? undefined : { n: further.numbers[target - 1]!, programId: runs[target]!.program.id };
    return {
      ...base,
      evaluation: evaluations[target],
      credentials: overview,
      shownCredential: overview ? shown : undefined,
      calendar: calendarOf(results),
    };
  }

  // ---- actions ----

  /**
   * Shows credential `index` (of `state.credentials`) in the dashboard; the choice holds over refreshes
   * until the profile no longer has that many credentials.
   */
  async chooseCredential(index: number): Promise<void> {
    if (!Number.isInteger(index) || index < 0) return;
    this.chosenCredential = index;
    await this.refresh();
  }

  /** The pane follows another log: the next read looks for it, and the old log's shape is no baseline. */
  private forgetLog(): void {
    this.known = undefined;
    this.news = undefined;
  }

  /**
   * Shows the CE log in `table` (one of `state.logs`). The pane stays on it until the user chooses
   * another, converts a sheet or starts a new log.
   */
  async chooseLog(table: string): Promise<void> {
    this.preferredTable = table;
    this.aloneTable = table;
    this.forgetLog();
    this.readLog = undefined;
    await this.refresh();
  }

  /**
   * The log as it is now becomes the baseline: after a column lost its header on purpose (the user
   * removed a column they do not keep), its rows are read with the columns the header now names.
   */
  async acceptStructure(): Promise<void> {
    const table = this.known?.log.table;
    if (table) this.preferredTable = table;
    this.forgetLog();
    await this.refresh();
  }

  /** Hides the news about the log (it moved); a change that blocks the figures stays until mended. */
  dismissNotice(): void {
    this.news = undefined;
    if (this.state.structure && !this.state.structure.blocking) this.set({ structure: undefined });
  }

  /** Lists the workbook's CE logs (every table's header row, no other cells) into `state.logs`. */
  async listLogs(): Promise<LogLocation[]> {
    const listed = await this.port.read({ sheets: [], tableHeaders: true });
    const logs = logsIn(listed.tables ? headerSnapshot(listed) : await this.port.read({ sheets: 'all' }));
    this.set({ logs });
    return logs;
  }

  /** Checks the form's values with the core's schema; writes the profile only when they are valid. */
  async saveProfile(input: ProfileInput): Promise<SaveResult> {
    const checked = checkProfile({
      ...input,
      attestations: input.attestations ?? this.state.profile.profile?.attestations ?? {},
    });
    if (!checked.ok) return { ok: false, problems: checked.problems };
    await this.writeProfile(checked.profile);
    return { ok: true };
  }

  /** Ticks a manual checklist item of the credential the dashboard shows, in that credential's own cell. */
  async setAttestation(id: string, done: boolean): Promise<void> {
    const current = this.state.profile.profile;
    if (!current) throw new Error('Save the profile first');
    const further = this.checklistOf;
    if (further) {
      const snapshot = await this.port.read({ sheets: profileSheets(this.snapshot) });
      await this.port.apply(credentialAttestationOps(further.n, further.programId, id, done, snapshot));
      await this.refresh();
      return;
    }
    await this.writeProfile({ ...current, attestations: { ...current.attestations, [id]: done } });
  }

  private async writeProfile(profile: Profile): Promise<void> {
    // The profile's own cells are found in a fresh read of the sheets that hold them.
    const snapshot = await this.port.read({ sheets: profileSheets(this.snapshot) });
    await this.port.apply(profileOps(profile, snapshot));
    await this.refresh();
  }

  /**
   * A row of the evaluation as the user finds it: "Row 5", or on a log kept a sheet per year its own
   * sheet and row ("2025" row 3), since the evaluation numbers later sheets' rows on from the first.
   */
  rowName = (row: number): string => {
    const reading = this.state.reading;
    return reading ? rowName(reading, row, 'row').replace(/^row/, 'Row') : `Row ${row}`;
  };

  /** Where a row of the evaluation is: its sheet, 0-based sheet row, and the log's columns there. */
  private rowPlace(
    row: number,
  ): { sheet: string; row: number; col: number; cols: number; columns?: number[] } | undefined {
    const log = this.state.log;
    if (!log) return undefined;
    const reading = this.state.reading;
    if (!reading || reading.parts.length < 2)
      return { sheet: log.sheet, row: row - 1, col: log.range.col, cols: log.range.cols };
    const at = rowOrigin(reading, row);
    const part = reading.parts.find((x) => x.sheet === at.sheet) ?? reading.parts[0]!;
    return { sheet: at.sheet, row: at.row - 1, col: part.range.col, cols: part.range.cols, columns: part.columns };
  }

  /** Selects the cell of a row problem (or the whole row for a row-level problem), on the row's own sheet. */
  async selectProblem(problem: RowProblem): Promise<void> {
    const at = this.rowPlace(problem.row);
    if (!at) return;
    const index = problem.columnIndex === undefined ? -1 : (at.columns?.[problem.columnIndex] ?? problem.columnIndex);
    if (index < 0) await this.port.select(at.sheet, { row: at.row, col: at.col, rows: 1, cols: at.cols });
    else await this.port.select(at.sheet, { row: at.row, col: at.col + index, rows: 1, cols: 1 });
  }

  /** Selects a log row by its row number in the evaluation, on its own sheet. */
  async selectRow(rowNumber: number): Promise<void> {
    const at = this.rowPlace(rowNumber);
    if (!at) return;
    await this.port.select(at.sheet, { row: at.row, col: at.col, rows: 1, cols: at.cols });
  }

  /** Keeps the order of day and month for text dates no value settles in the profile sheet, and refreshes. */
  async setDateOrder(order: DateOrder): Promise<void> {
    if (!this.state.profile.exists) throw new Error('Save the profile first: the date order is kept in its sheet');
    const snapshot = await this.port.read({ sheets: profileSheets(this.snapshot) });
    await this.port.apply(dateOrderOps(order, snapshot));
    await this.refresh();
  }

  async proposeConversion(sheet: string): Promise<ProposalResult> {
    const snapshot = await this.port.read({ sheets: [sheet] });
    return proposeConversion({ ...snapshot, names: this.snapshot?.names ?? snapshot.names }, sheet);
  }

  /** The plan for the confirmation step; nothing is written. */
  async planConversion(proposal: ConversionProposal, options: ConversionOptions): Promise<ConversionPlan> {
    const program = this.listsProgram();
    if (!program)
      return {
        ok: false,
        ops: [],
        renames: [],
        added: [],
        table: '',
        problems: ['Save your profile first: the lists come from your program'],
        notes: [],
      };
    // Formulas too: a formula that shows nothing beside the log would still be in the new columns' way.
    // Of the other sheets only the tables (the new table's name must differ from theirs), not their cells.
    const snapshot = await conversionSnapshot(this.port, proposal.sheet);
    const plan = conversionPlan(proposal, options, program, snapshot);
    if (!plan.ok || proposal.existingLog) return plan;
    const siblings = await this.yearSheets(proposal.sheet, snapshot);
    if (siblings.length === 0) return plan;
    return { ...plan, siblings };
  }

  /** The sheets other than `sheet` that carry its log's header and are not tables yet (a sheet per year). */
  private async yearSheets(sheet: string, chosen: WorkbookSnapshot): Promise<{ sheet: string; rows: number }[]> {
    const listed = this.snapshot ?? (await this.port.read({ sheets: [] }));
    const never = notLogSheets(listed);
    const others = listed.sheetNames.filter(
      (n) => n.toLowerCase() !== sheet.toLowerCase() && !never.has(n.toLowerCase()),
    );
    if (others.length === 0) return [];
    // First a look at the other sheets' first rows, then in full only those whose header is the log's:
    // a large sheet of something else costs a look, not its cells.
    const heads = await this.port.read({ sheets: others, formulas: true, headRows: YEAR_SHEET_LOOK });
    const looked = locateLog({ ...heads, sheets: { ...heads.sheets, ...chosen.sheets } }, { around: sheet });
    if ('ok' in looked) return [];
    const candidates = looked.parts.map((part) => part.sheet).filter((n) => n.toLowerCase() !== sheet.toLowerCase());
    if (candidates.length === 0) return [];
    const read = await this.port.read({ ...CONVERSION_READ, sheets: [sheet, ...candidates] });
    const found = locateLog(read, { around: sheet });
    if ('ok' in found) return [];
    return found.parts
      .filter((part) => part.sheet.toLowerCase() !== sheet.toLowerCase() && part.table === undefined && part.rows > 0)
      .map((part) => ({ sheet: part.sheet, rows: part.rows }));
  }

  /**
   * Writes a confirmed plan, then the plan's other year sheets with the same choices (a column maps as
   * the column of the same header does), and refreshes. Says which of those were converted, and which
   * not and why; the chosen sheet's own failure throws, as before.
   */
  async convert(plan: ConversionPlan): Promise<{ converted: string[]; notConverted: string[] }> {
    const program = this.listsProgram();
    if (!program) throw new Error('Save your profile first: the lists come from your program');
    // Checked again against a fresh read: nothing is written unless the plan still holds.
    await applyConversion(this.port, plan, program);
    const converted: string[] = [];
    const notConverted: string[] = [];
    const basis = plan.basis;
    for (const { sheet } of basis ? (plan.siblings ?? []) : []) {
      const why = await this.convertLike(sheet, basis!, program).catch((error: unknown) =>
        error instanceof Error ? error.message : String(error),
      );
      if (why === undefined) converted.push(sheet);
      else notConverted.push(`"${sheet}": ${why}`);
    }
    this.preferredTable = plan.table;
    this.aloneTable = undefined;
    this.forgetLog();
    this.snapshot = undefined;
    this.readLog = undefined;
    this.set({ log: undefined });
    await this.refresh();
    return { converted, notConverted };
  }

  /** Converts `sheet` as `basis` converted its own sheet; undefined when done, else why not. */
  private async convertLike(
    sheet: string,
    basis: NonNullable<ConversionPlan['basis']>,
    program: Program,
  ): Promise<string | undefined> {
    const proposed = await this.proposeConversion(sheet);
    if (!proposed.ok) return proposed.message;
    const { proposal } = proposed;
    if (proposal.existingLog) return undefined;
    const byHeader = new Map(
      basis.proposal.columns.map((c) => [normalizeName(c.header), basis.options.mapping[c.index]] as const),
    );
    const mapping: ConversionOptions['mapping'] = {};
    for (const c of proposal.columns) {
      const name = normalizeName(c.header);
      mapping[c.index] = name !== '' && byHeader.has(name) ? byHeader.get(name) : c.key;
    }
    const options: ConversionOptions = { ...basis.options, mapping };
    const plan = conversionPlan(proposal, options, program, await conversionSnapshot(this.port, sheet));
    if (!plan.ok) return plan.problems.join(' ');
    await applyConversion(this.port, plan, program);
    return undefined;
  }

  /**
   * The program a new or converted log's lists come from: the profile's, with the formats and subject
   * areas of the further credentials the CE Profile lists (their entries go in the same log).
   */
  private listsProgram(): Program | undefined {
    const program = this.state.program;
    if (!program || !this.snapshot) return program;
    const others = readCredentials(this.snapshot)
      .credentials.map((c) => findProgram(c.program))
      .filter((p): p is Program => p !== undefined && p.id !== program.id);
    return programForLists(program, others);
  }

  async startNewLog(options: { credits: boolean }): Promise<string> {
    const program = this.listsProgram();
    if (!program) throw new Error('Save your profile first: the lists come from your program');
    // Every table's name (the new one must differ from all of them) and every sheet's, but no cells.
    const listed = await this.port.read({ sheets: [], tableHeaders: true });
    const snapshot = listed.tables ? headerSnapshot(listed) : await this.port.read({ sheets: 'all' });
    const plan = newLogPlan(snapshot, program, options);
    await this.port.apply(plan.ops);
    this.preferredTable = plan.table;
    this.aloneTable = plan.table;
    this.forgetLog();
    this.snapshot = undefined;
    this.readLog = undefined;
    this.set({ log: undefined });
    await this.refresh();
    return plan.sheet;
  }
}
