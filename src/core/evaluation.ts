/**
 * The Evaluation: everything the program's rules say about one log at one date. Cell functions, the
 * pane, the summary sheet and the command line all show parts of it; none of them recomputes a rule.
 */
import type { ColumnKey } from './columns';
import type { CycleDates } from './cycle';
import type { DayNumber } from './dates';
import type { RowFate } from './fates';
import type { Flag, ProofState } from './judgments';
import type { LogEntry, RowProblem } from './log';
import type { Fee, Program, StatusKeyword } from './schema';

export type EntryState = 'counted' | 'planned' | 'outside-window' | 'ineligible';

export interface EntryResult {
  entry: LogEntry;
  /** Before the per-entry cap and rounding. */
  raw: number;
  /** Credits for the activity on its own (after the per-entry cap and rounding): `CE_CREDITS`. */
  claimed: number;
  /** The per-entry cap cut `raw` down to `claimed` (an entry exempt from it never is). */
  perEntryCapped: boolean;
  /** What counts toward the requirement after eligibility and caps. */
  counted: number;
  state: EntryState;
  /** The eligibility rule that excluded the entry, when `state` is `ineligible`. */
  ineligibleRule: string | undefined;
  cycleYear: number;
  /** Ids of the program's minimums whose credits this entry's counted credits go toward. */
  minimums: string[];
  /** Why `counted` is below `claimed`, in plain words. */
  reasons: string[];
  flags: Flag[];
  proof: ProofState;
  proofMessage: string | undefined;
}

export interface CapUsage {
  capId: string;
  label: string;
  limit: number;
  /** Human description of the allowance ("5 per cycle", "8 per cycle year"). */
  describe: string;
  formatId: string | undefined;
  cycleYear: number | undefined;
  /** The calendar year of a group of a cap that renews each calendar year. */
  calendarYear?: number;
  claimed: number;
  counted: number;
  clipped: number;
  full: boolean;
  /**
   * Counted credits of entries that the cap would hold but its exemption lets through (a provider's
   * training, say), in the same format and period; they count on top of `counted`.
   */
  exempt: number;
  /** Who is exempt, in words (a provider's name); empty when the cap has no exemption. */
  exemptWho: string;
  /**
   * The group's figures with what its exemption let through, in one line ("Webinar: 22.5 claimed, 5
   * counted under the cap + 2.5 exempt (…)"); empty when nothing was exempt.
   */
  exemption: string;
}

export interface CategoryTotal {
  formatId: string;
  label: string;
  entries: number;
  claimed: number;
  counted: number;
  clipped: number;
  /** The caps that limit this format, described; empty when uncapped. */
  cap: string;
  /** Numeric cap when exactly one cycle-wide cap applies (for summary tables). */
  capLimit: number | undefined;
}

export interface MinimumResult {
  id: string;
  label: string;
  required: number;
  counted: number;
  shortfall: number;
  period: 'cycle' | 'cycleYear' | 'calendarYear';
}

export interface ChecklistResult {
  id: string;
  label: string;
  kind: 'auto' | 'manual';
  done: boolean;
  /** `not checked`: the log cannot tell (a column is missing, no entry counts yet): never a pass. */
  state: 'done' | 'open' | 'not checked';
  /** An automatic item that is not done and that the certificant can act on before applying. */
  blocking: boolean;
  /** What was found, or why the item could not be checked. */
  detail: string;
  /** Sheet rows that keep the item from being done. */
  rows: number[];
}

export interface FeeResult extends Fee {
  /** Applies in the current status. */
  now: boolean;
  display: string;
}

export interface KeyDate {
  id: string;
  label: string;
  day: DayNumber;
  iso: string;
}

export interface ProofIssue {
  row: number;
  state: 'missing' | 'insufficient';
  message: string;
  activity: string;
}

export interface Evaluation {
  program: Program;
  asOf: DayNumber;
  cycle: CycleDates;
  status: EvaluationStatus;
  required: number;
  /** Counted credits, after every rule (`CREDITS_EARNED`). */
  earned: number;
  /** Sum of per-activity credits of entries that are eligible, done, and in the window or carried over from the previous cycle's rows. */
  claimed: number;
  /** Of `earned`, the credits from entries with an at-risk flag. */
  atRisk: number;
  carriedOver: number;
  /** `CREDITS_NEEDED`: the largest shortfall over the total and every minimum. */
  needed: number;
  /** Minimum that decides `needed` when it is not the total. */
  bindingMinimum: MinimumResult | undefined;
  minimums: MinimumResult[];
  entries: EntryResult[];
  problems: RowProblem[];
  /** Data rows read (not counting fully empty ones). */
  rowsRead: number;
  caps: CapUsage[];
  categories: CategoryTotal[];
  proofIssues: ProofIssue[];
  checklist: ChecklistResult[];
  fees: FeeResult[];
  keyDates: KeyDate[];
  daysToDeadline: number;
  /** Short cap-aware advice, most important first. */
  hints: string[];
  unknownHeaders: string[];
  /** The log's columns that were recognised (canonical keys). */
  columns: ColumnKey[];
  /** Every non-blank data row with its fate and why, in row order; counted sums to `earned - carriedOver`. */
  rows: RowFate[];
}

export interface EvaluationStatus {
  keyword: StatusKeyword;
  detail: string;
  /** The keyword, a colon and the detail, from the totals alone. */
  line: string;
  /** Requirements met (nothing still needed). */
  met: boolean;
  /** Checklist items that keep the application from being ready (`blocking`). */
  openItems: number;
  /**
   * What RECERT_STATUS shows: `line`, and when the requirements are met but the application is not
   * ready, how many items are open ("READY: 20 of 20 credits; apply by 2027-03-14; 4 items open").
   */
  actionLine: string;
}
