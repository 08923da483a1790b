/**
 * The fate of every row of a log: each non-blank data row is counted, partly counted, not counted or
 * skipped, with the plain reason why. Made by the explanation from what the pass decided (entries,
 * row problems, skipped rows); it decides nothing itself, so the counted credits over the rows add up
 * to the earned total (less any carry-over, which is not a row).
 */
import { clean, formatCredits } from './rounding';
import type { EntryResult } from './evaluation';
import type { RowProblem } from './log';
import type { Program } from './schema';

export type Fate = 'counted' | 'partly counted' | 'not counted' | 'skipped';

/** Which rule gave a row less than it claims. */
export type FateCause =
  | 'before-cycle'
  | 'after-window'
  | 'planned'
  | 'ineligible'
  | 'not-approved'
  | 'duplicate'
  | 'invalid'
  | 'cap'
  | 'per-entry-cap'
  | 'carry-over'
  | 'skipped';

/** The reasons the explanation gives a row of the previous cycle that may carry over (explain-rules.ts). */
const CARRIED = 'Carried over from the previous cycle';
const NOT_CARRIED = 'Not carried over';

export interface RowFate {
  /** The row number in the sheet. */
  row: number;
  fate: Fate;
  /** What kept it from counting in full; undefined when counted. */
  cause: FateCause | undefined;
  /** The activity's credits on its own (after the per-entry cap): the entry's `claimed`, 0 for a row that is no entry. */
  claimed: number;
  /** What counts toward the requirement. */
  counted: number;
  /** Credits its amounts compute to before the per-entry cap (equal to `claimed` when no cap clipped it). */
  computed: number;
  /** Why, in plain words: never empty unless the row counts in full (a row carried over in full says so). */
  reasons: string[];
  activity: string;
  /** Index of the row's entry in `Evaluation.entries`; undefined for an invalid or skipped row. */
  entry: number | undefined;
  /** 0-based column (within the log) of the first bad value of an invalid row. */
  columnIndex: number | undefined;
}

/** A row that is no activity (totals, cancelled, a note), with why. */
export interface SkippedRow {
  row: number;
  reason: string;
}

function entryFate(program: Program, e: EntryResult, index: number): RowFate {
  // Read from the entry's explanation, not asked of the rules again.
  const perEntryClipped = e.perEntryCapped;
  const computed = perEntryClipped ? clean(e.raw) : e.claimed;
  let fate: Fate = 'counted';
  let cause: FateCause | undefined;
  let reasons = e.reasons;
  switch (e.state) {
    case 'outside-window':
      if (e.reasons.some((r) => r.startsWith(CARRIED) || r.startsWith(NOT_CARRIED))) {
        // Earned before the cycle and allowed to carry over: it counts for what the carry-over took.
        fate = e.counted <= 0 ? 'not counted' : e.counted < e.claimed ? 'partly counted' : 'counted';
        cause = fate === 'counted' ? undefined : 'carry-over';
        if (e.counted > 0) reasons = e.reasons.filter((r) => !r.startsWith('Dated '));
        break;
      }
      fate = 'not counted';
      cause = e.reasons.some((r) => r.includes('before the cycle')) ? 'before-cycle' : 'after-window';
      break;
    case 'planned':
      fate = 'not counted';
      cause = 'planned';
      break;
    case 'ineligible':
      fate = 'not counted';
      cause =
        e.ineligibleRule === 'duplicate'
          ? 'duplicate'
          : program.eligibility.some((r) => r.id === e.ineligibleRule && r.type === 'requiresApproval')
            ? 'not-approved'
            : 'ineligible';
      break;
    default:
      if (e.counted < e.claimed) {
        fate = e.counted > 0 ? 'partly counted' : 'not counted';
        cause = 'cap';
      } else if (perEntryClipped && e.counted > 0) {
        fate = 'partly counted';
        cause = 'per-entry-cap';
      }
  }
  // Outside the window, planned or ineligible, the per-entry cap is beside the point.
  if (fate === 'not counted' && cause !== 'cap') reasons = reasons.filter((r) => !r.startsWith('Capped at'));
  const carried = cause === undefined && e.state === 'outside-window';
  return {
    row: e.entry.row,
    fate,
    cause,
    claimed: e.claimed,
    counted: e.counted,
    computed,
    reasons: fate === 'counted' && !carried ? [] : reasons,
    activity: e.entry.activity,
    entry: index,
    columnIndex: undefined,
  };
}

/** Every non-blank data row's fate, in row order. */
export function rowFates(
  program: Program,
  entries: readonly EntryResult[],
  problems: readonly RowProblem[],
  skipped: readonly SkippedRow[],
  activityAt: (row: number) => string,
): RowFate[] {
  const fates: RowFate[] = entries.map((e, i) => entryFate(program, e, i));
  const invalid = new Map<number, RowFate>();
  for (const p of problems) {
    let fate = invalid.get(p.row);
    if (!fate) {
      fate = {
        row: p.row,
        fate: 'not counted',
        cause: 'invalid',
        claimed: 0,
        counted: 0,
        computed: 0,
        reasons: [],
        activity: activityAt(p.row),
        entry: undefined,
        columnIndex: p.columnIndex,
      };
      invalid.set(p.row, fate);
      fates.push(fate);
    }
    fate.reasons.push(p.message);
  }
  for (const s of skipped)
    fates.push({
      row: s.row,
      fate: 'skipped',
      cause: 'skipped',
      claimed: 0,
      counted: 0,
      computed: 0,
      reasons: [capitalize(s.reason)],
      activity: activityAt(s.row),
      entry: undefined,
      columnIndex: undefined,
    });
  return fates.sort((a, b) => a.row - b.row);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "3 of 5 counted" for a row that counts in part, "0 of 3" for one a cap cut to nothing. */
export function fateAmount(f: RowFate): string {
  if (f.fate === 'partly counted' || (f.fate === 'not counted' && f.cause === 'cap'))
    return `${formatCredits(f.counted)} of ${formatCredits(f.computed)} counted`;
  return f.claimed > 0 && f.fate === 'not counted' ? `${formatCredits(f.claimed)} not counted` : '';
}
