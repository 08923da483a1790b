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
}

export interface CycleDates {
  cycleStart: DayNumber;
  windowEnd: DayNumber;
  deadline: DayNumber;
  applicationOpens: DayNumber | undefined;
  phases: PhaseDates[];
  extension:
    | { label: string; requestBy: DayNumber; runsTo: DayNumber; minCredits: number; feeId: string; note?: string }
    | undefined;
  /** Number of cycle years the earning window spans. */
  cycleYears: number;
}

type Anchors = { cycleStart: DayNumber; windowEnd?: DayNumber; deadline?: DayNumber };

export function resolveDate(rule: DateRule, anchors: Anchors): DayNumber {
  const base = anchors[rule.from];
  if (base === undefined) throw new Error(`date rule refers to ${rule.from} before it is known`);
  let day = addMonths(base, (rule.years ?? 0) * 12 + (rule.months ?? 0));
  if (rule.month !== undefined || rule.day !== undefined) {
    const p = partsOf(day);
    const month = rule.month ?? p.month;
    day = dayFromParts(p.year, month, Math.min(rule.day ?? p.day, daysInMonth(p.year, month)));
  }
  return addDays(day, rule.days ?? 0);
}

export function cycleDates(program: Program, cycleStart: DayNumber): CycleDates {
  const c = program.cycle;
  const anchors: Anchors = { cycleStart };
  const windowEnd = resolveDate(c.windowEnd, anchors);
  anchors.windowEnd = windowEnd;
  const deadline = resolveDate(c.deadline, anchors);
  anchors.deadline = deadline;
  let from = deadline + 1;
  const phases: PhaseDates[] = c.phases.map((p) => {
    const through = p.through ? resolveDate(p.through, anchors) : undefined;
    const phase = { status: p.status, from, through, summary: p.summary };
    if (through !== undefined) from = through + 1;
    return phase;
  });
  return {
    cycleStart,
    windowEnd,
    deadline,
    applicationOpens: c.applicationOpens ? resolveDate(c.applicationOpens, anchors) : undefined,
    phases,
    extension: c.extension
      ? {
          label: c.extension.label,
          requestBy: resolveDate(c.extension.requestBy, anchors),
          runsTo: resolveDate(c.extension.runsTo, anchors),
          minCredits: c.extension.minCredits,
          feeId: c.extension.feeId,
          note: c.extension.note,
        }
      : undefined,
    // The window includes its last day, which opens no cycle year of its own.
    cycleYears: Math.max(1, cycleYearOf(cycleStart, windowEnd - 1)),
  };
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

/** The anniversaries of a cycle start, years 0 to `years + 1`: what `cycleYearAt` needs. */
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
  if (day >= anniversaries[last]!) return cycleYearOf(cycleStart, day);
  let k = 1;
  while (anniversaries[k]! <= day) k++;
  return k;
}
