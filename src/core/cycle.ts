/** A cycle's dates (earning window, deadline, application opening, phases after the deadline). */
import { addDays, addMonths, addYears, daysInMonth, dayFromParts, partsOf, type DayNumber } from './dates';
import type { DateRule, Phase, Program, StatusKeyword } from './schema';

export interface PhaseDates {
  status: Phase['status'];
  /** First day of the phase. */
  from: DayNumber;
  /** Last day; undefined for an open-ended last phase. */
  through: DayNumber | undefined;
  summary: string;
  /** Credit earned in the phase counts toward a renewal made in it. */
  creditCounts: boolean;
}

/** The profile's facts that move a cycle's dates (profile.ts). */
export interface DateFacts {
  /** The certificate's own expiration date: replaces the computed expiry and every date derived from it. */
  expires?: DayNumber;
  /** The program's extension was granted: the deadline moves to its end. */
  extensionGranted?: boolean;
  /** The program's own facts, by id: a date rule may take its month from one (`monthFromFact`). */
  [fact: string]: unknown;
}

/**
 * A date rule takes its month from a profile fact that is not given (or not a month): the cycle's dates
 * are unknown, so the evaluation stops with this message instead of showing a made-up date.
 */
export class MissingDateFactError extends Error {
  constructor(
    readonly fact: string,
    label: string,
    given: unknown,
  ) {
    super(
      given === undefined
        ? `${label} is not in the profile, and this program's dates depend on it: enter it (a month, 1-12) in the profile`
        : `${label} in the profile is ${String(given)}, not a month: enter a whole number from 1 to 12`,
    );
    this.name = 'MissingDateFactError';
  }
}

/** Reads the month a date rule names by fact id; throws MissingDateFactError when it is not a month. */
export type MonthOf = (fact: string) => number;

function monthReader(program: Program, facts: DateFacts): MonthOf {
  return (id) => {
    const given = facts[id];
    if (typeof given === 'number' && Number.isInteger(given) && given >= 1 && given <= 12) return given;
    const label = program.facts.find((f) => f.id === id)?.label ?? id;
    throw new MissingDateFactError(id, label, given);
  };
}

export interface CycleDates {
  cycleStart: DayNumber;
  /** The cycle's last day (the expiry), or the end of a granted extension. */
  windowEnd: DayNumber;
  /** Where windowEnd comes from: the program's rule, the profile's Expires date, or a granted extension. */
  windowEndFrom: 'rule' | 'expires' | 'extension';
  deadline: DayNumber;
  applicationOpens: DayNumber | undefined;
  phases: PhaseDates[];
  extension:
    | { label: string; requestBy: DayNumber; runsTo: DayNumber; minCredits: number; feeId: string; note?: string }
    | undefined;
  /** The extension was granted (the profile says so): deadline and window run to its end. */
  extensionGranted: boolean;
  /** Number of cycle years the earning window spans. */
  cycleYears: number;
}

type Anchors = { cycleStart: DayNumber; windowEnd?: DayNumber; deadline?: DayNumber };

export function resolveDate(rule: DateRule, anchors: Anchors, monthOf?: MonthOf): DayNumber {
  const base = anchors[rule.from];
  if (base === undefined) throw new Error(`date rule refers to ${rule.from} before it is known`);
  let day = addMonths(base, (rule.years ?? 0) * 12 + (rule.months ?? 0));
  if (rule.month !== undefined || rule.day !== undefined || rule.monthFromFact !== undefined) {
    const p = partsOf(day);
    let month = rule.month ?? p.month;
    if (rule.monthFromFact !== undefined) {
      if (!monthOf) throw new Error(`date rule needs the profile fact ${rule.monthFromFact}`);
      month = monthOf(rule.monthFromFact);
    }
    day = dayFromParts(p.year, month, Math.min(rule.day ?? p.day, daysInMonth(p.year, month)));
  }
  return addDays(day, rule.days ?? 0);
}

export function cycleDates(program: Program, cycleStart: DayNumber, facts: DateFacts = {}): CycleDates {
  const c = program.cycle;
  const anchors: Anchors = { cycleStart };
  const monthOf = monthReader(program, facts);
  const resolve = (rule: DateRule) => resolveDate(rule, anchors, monthOf);
  const windowEnd = facts.expires ?? resolve(c.windowEnd);
  anchors.windowEnd = windowEnd;
  const deadline = resolve(c.deadline);
  anchors.deadline = deadline;
  let from = deadline + 1;
  const phases: PhaseDates[] = c.phases.map((p) => {
    const through = p.through ? resolve(p.through) : undefined;
    const phase = { status: p.status, from, through, summary: p.summary, creditCounts: p.creditCounts ?? false };
    if (through !== undefined) from = through + 1;
    return phase;
  });
  const extension = c.extension
    ? {
        label: c.extension.label,
        requestBy: resolve(c.extension.requestBy),
        runsTo: resolve(c.extension.runsTo),
        minCredits: c.extension.minCredits,
        feeId: c.extension.feeId,
        note: c.extension.note,
      }
    : undefined;
  const dates: CycleDates = {
    cycleStart,
    windowEnd,
    windowEndFrom: facts.expires !== undefined ? 'expires' : 'rule',
    deadline,
    applicationOpens: c.applicationOpens ? resolve(c.applicationOpens) : undefined,
    phases,
    extension,
    extensionGranted: false,
    cycleYears: cycleYearsOf(cycleStart, windowEnd),
  };
  return facts.extensionGranted && extension && extension.runsTo > deadline ? extended(dates, extension.runsTo) : dates;
}

/**
 * A granted extension (rules revision 2): the deadline moves to its end, credit earned up to it counts,
 * and the phases that ended by then are gone; the next one starts the day after.
 */
function extended(dates: CycleDates, runsTo: DayNumber): CycleDates {
  const kept = dates.phases.filter((p) => p.through === undefined || p.through > runsTo);
  const phases = kept.map((p, i) => (i === 0 ? { ...p, from: runsTo + 1 } : p));
  const windowEnd = Math.max(dates.windowEnd, runsTo);
  return {
    ...dates,
    windowEnd,
    windowEndFrom: windowEnd > dates.windowEnd ? 'extension' : dates.windowEndFrom,
    deadline: runsTo,
    // The last phase stays, open-ended, when every bounded one ended within the extension.
    phases: phases.length
      ? phases
      : [{ ...dates.phases[dates.phases.length - 1]!, from: runsTo + 1, through: undefined }],
    extensionGranted: true,
    cycleYears: cycleYearsOf(dates.cycleStart, windowEnd),
  };
}

/** Cycle years the window spans: its last day opens no cycle year of its own (rules revision 7). */
function cycleYearsOf(cycleStart: DayNumber, windowEnd: DayNumber): number {
  return Math.max(1, cycleYearOf(cycleStart, windowEnd - 1));
}

/**
 * The last day whose credit counts at `asOf`: the window's end, or the end of the phases right after
 * the deadline in which earned credit counts (a grace period) while `asOf` has not passed them. Once
 * past them (reinstatement), only credit earned in the cycle's own window counts (rules revision 1).
 */
export function earningEnd(dates: CycleDates, asOf: DayNumber): DayNumber {
  let end = dates.windowEnd;
  for (const p of dates.phases) {
    if (!p.creditCounts) break;
    if (p.through === undefined) return Math.max(end, asOf);
    end = Math.max(end, p.through);
  }
  return asOf > end ? dates.windowEnd : end;
}

/** 1 for the first 12 months from the cycle start, 2 for the next, and so on (0 before the start). */
export function cycleYearOf(cycleStart: DayNumber, day: DayNumber): number {
  if (day < cycleStart) return 0;
  let years = partsOf(day).year - partsOf(cycleStart).year;
  if (addYears(cycleStart, years) > day) years--;
  return years + 1;
}

/** The phase in force after the deadline; the last phase when every bounded one has ended. */
export function phaseAt(dates: CycleDates, asOf: DayNumber): PhaseDates | undefined {
  if (asOf <= dates.deadline) return undefined;
  return (
    dates.phases.find((p) => p.through === undefined || asOf <= p.through) ?? dates.phases[dates.phases.length - 1]
  );
}

/** The status keyword at `asOf`, given whether the requirements are met. */
export function statusAt(dates: CycleDates, asOf: DayNumber, met: boolean): StatusKeyword {
  const phase = phaseAt(dates, asOf);
  if (phase) return phase.status;
  if (!met) return 'IN PROGRESS';
  if (dates.applicationOpens !== undefined && asOf < dates.applicationOpens) return 'COMPLETE';
  return 'READY';
}

/** The anniversaries of a cycle start, years 0 to `years + 1`: what `cycleYearAt` needs (`years`: the cycle's). */
export function cycleAnniversaries(cycleStart: DayNumber, years: number): DayNumber[] {
  const anniversaries: DayNumber[] = [];
  for (let k = 0; k <= years + 1; k++) anniversaries.push(addYears(cycleStart, k));
  return anniversaries;
}

/**
 * `cycleYearOf` for many days of one cycle, from anniversaries worked out once (`cycleAnniversaries`):
 * a comparison or two per day instead of date arithmetic.
 */
export function cycleYearAt(anniversaries: readonly DayNumber[], day: DayNumber): number {
  const cycleStart = anniversaries[0]!;
  const last = anniversaries.length - 1;
  if (day < cycleStart) return 0;
  // The cycle's last cycle year runs to its end (and any late credit after it): the expiry date, an
  // anniversary, would otherwise open a year of its own, with a fresh per-year allowance and no
  // annual minimum (rules revision 7).
  if (day >= anniversaries[last - 1]!) return last - 1;
  let k = 1;
  while (anniversaries[k]! <= day) k++;
  return k;
}
