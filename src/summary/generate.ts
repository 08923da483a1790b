/**
 * The "Create submission summary" action, for any host (the pane's button, the ribbon command, the
 * command line): a read of just the log's sheet and the profile's, the core's evaluation, one apply of
 * the summary's operations.
 */
import { today, type DateOrder, type DayNumber, type Evaluation, type ProfileFacts } from '../core';
import type { CredentialResult } from '../core/credentials';
import type { WorkbookPort, WorkbookSnapshot } from '../workbook/port';
import { isProfileName, PROFILE_SHEET } from '../workbook/profile-sheet';
import { rowName } from '../workbook/log-locator';
import { summaryOps, type SummaryLayout } from './summary-sheet';
import {
  ENTRIES_MARKER,
  evaluateCredentialsOf,
  evaluateWorkbook,
  headerScore,
  LISTS_SHEET,
  markedSheet,
  markedSummarySheet,
  SUMMARY_MARKER,
  type WorkbookEvaluationFailure,
} from './workbook-log';

export interface GenerateSummaryOptions {
  /** Program id; default: the CE Profile sheet's. */
  program?: string;
  /** Default: the CE Profile sheet's. */
  cycleStart?: DayNumber;
  /** Default: today. */
  asOf?: DayNumber;
  /** The sheet that holds the log; default: the sheet that looks like a CE log. */
  sheet?: string;
  /** Profile facts that win over the CE Profile sheet's (the command line's --expires, --extension-granted). */
  facts?: Partial<ProfileFacts>;
  /** The sheets that hold the log (a sheet per year); default: those that carry the log's header. */
  sheets?: readonly string[];
  /**
   * The user's corrections, made to the snapshot as read (in memory, the command line's --map); what
   * it returns is the order of day and month for text dates (--date-order).
   */
  adjust?: (snapshot: WorkbookSnapshot) => DateOrder | undefined;
  /** Read merged areas too, so a merged cell gives its value to each row it covers (a file: no extra cost). */
  layout?: boolean;
  /**
   * Asked before an older summary CE Ledger made is replaced (its sheet name given); nothing is
   * written when it answers false. Without it the older summary is replaced (the command line writes a copy).
   */
  confirmReplace?: (sheet: string) => Promise<boolean>;
}

export type GenerateSummaryResult =
  | {
      ok: true;
      sheet: string;
      /** The sheet of the entries table. */
      entriesSheet: string;
      /** The first credential's. */
      evaluation: Evaluation;
      /** Every credential, the first first, when the CE Profile lists several (a section each). */
      credentials: CredentialResult[] | undefined;
      /** Further credentials of the CE Profile that could not be read, named on the summary too. */
      unread: { field: string; message: string }[];
      layout: SummaryLayout;
      keptUserSheet: string | undefined;
      logSheet: string;
      /** Every sheet the log was read from, the log's own first (a sheet per year: several). */
      logSheets: string[];
      /** The older summary sheet that was replaced, if any. */
      replaced: string | undefined;
    }
  | WorkbookEvaluationFailure
  | { ok: false; reason: 'cancelled'; message: string };

/** The profile sheet and the sheets its named cells were moved to. */
function profileSheets(snapshot: WorkbookSnapshot): string[] {
  const out = new Map<string, string>([[PROFILE_SHEET.toLowerCase(), PROFILE_SHEET]]);
  for (const n of snapshot.names) {
    const name = n.name.toUpperCase();
    if (isProfileName(name) && !out.has(n.sheet.toLowerCase())) out.set(n.sheet.toLowerCase(), n.sheet);
  }
  return [...out.values()];
}

/**
 * The snapshot the summary needs: the log's sheet and the profile's. The log is found by the tables'
 * header rows, without reading any sheet; a log that is no table (or a host that cannot list header
 * rows) costs a read of every sheet, the only other way to find it. The old summary is never read.
 */
async function readForSummary(
  port: WorkbookPort,
  named: readonly string[],
  layout: boolean,
): Promise<WorkbookSnapshot> {
  const skip = { skipSheetsOfNames: [SUMMARY_MARKER, ENTRIES_MARKER], ...(layout ? { layout } : {}) };
  const listed = await port.read({ sheets: [PROFILE_SHEET], tableHeaders: true, ...skip });
  const profile = profileSheets(listed);
  if (named.length) return port.read({ sheets: [...named, ...profile], ...skip });
  if (!listed.tables) return port.read({ sheets: 'all', ...skip });
  const never = new Set(
    [PROFILE_SHEET, LISTS_SHEET, markedSummarySheet(listed) ?? '', markedSheet(listed, ENTRIES_MARKER) ?? ''].map((s) =>
      s.toLowerCase(),
    ),
  );
  const order = (name: string) => listed.sheetNames.findIndex((s) => s.toLowerCase() === name.toLowerCase());
  const logs = listed.tables
    .filter((t) => !never.has(t.sheet.toLowerCase()))
    .map((t) => ({ sheet: t.sheet, score: headerScore(t.header) }))
    .filter((t) => t.score >= 0)
    .sort((a, b) => b.score - a.score || order(a.sheet) - order(b.sheet));
  if (!logs.length) return port.read({ sheets: 'all', ...skip });
  // Every sheet with a log table: the locator takes those that carry the same header as the best.
  return port.read({ sheets: [...new Set(logs.map((l) => l.sheet)), ...profile], ...skip });
}

export async function generateSummary(
  port: WorkbookPort,
  options: GenerateSummaryOptions = {},
): Promise<GenerateSummaryResult> {
  const named = options.sheets?.length ? options.sheets : options.sheet !== undefined ? [options.sheet] : [];
  const snapshot = await readForSummary(port, named, options.layout === true);
  const dateOrder = options.adjust?.(snapshot);
  const asOf = options.asOf ?? today();
  const result = evaluateWorkbook(snapshot, {
    program: options.program,
    cycleStart: options.cycleStart,
    asOf,
    sheets: named,
    dateOrder,
    facts: options.facts,
  });
  if (!result.ok) return result;
  // Further credentials of the profile, evaluated as `check` evaluates them.
  const credentials = evaluateCredentialsOf(snapshot, result, { asOf, dateOrder, facts: options.facts });
  if ('ok' in credentials) return credentials;
  const evaluation = credentials.results?.[0]?.evaluation ?? result.evaluation;
  const replaced = markedSummarySheet(snapshot);
  if (replaced && options.confirmReplace && !(await options.confirmReplace(replaced))) {
    return { ok: false, reason: 'cancelled', message: `nothing written: the summary on sheet "${replaced}" was kept` };
  }
  const person = result.profile.profile ?? {
    name: typeof result.profile.input.name === 'string' ? result.profile.input.name : '',
    certificantNumber:
      typeof result.profile.input.certificantNumber === 'string' ? result.profile.input.certificantNumber : '',
  };
  const plan = summaryOps(evaluation, person, snapshot, {
    charts: port.capabilities.charts,
    logSheet: result.log.sheet,
    ...(credentials.results ? { credentials: credentials.results } : {}),
    ...(credentials.unread.length ? { unread: credentials.unread } : {}),
    ...(result.log.parts.length > 1 ? { logRow: (row: number) => rowName(result.log, row) } : {}),
  });
  await port.apply(plan.ops);
  return {
    ok: true,
    sheet: plan.sheet,
    entriesSheet: plan.entriesSheet,
    evaluation,
    credentials: credentials.results,
    unread: credentials.unread,
    layout: plan.layout,
    keptUserSheet: plan.keptUserSheet,
    logSheet: result.log.sheet,
    logSheets: result.log.parts.map((part) => part.sheet),
    replaced,
  };
}
