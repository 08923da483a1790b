/** What is still needed, and the status line, from the totals alone (the pass's last step). */
import { phaseAt, statusAt, type CycleDates } from './cycle';
import { isoFromDay, type DayNumber } from './dates';
import type { MinimumResult } from './evaluation';
import { clean, formatCredits } from './rounding';
import type { Minimum, Program, StatusKeyword } from './schema';
import { describeFee, fillTemplate } from './template';

/**
 * A minimum's result from the credits counted toward it: over the cycle, or (an annual minimum) in
 * each cycle year on its own, `perYear[year]` for years 1..cycleYears.
 */
export function minimumResult(
  m: Minimum,
  cycleYears: number,
  total: number,
  perYear: readonly number[],
): MinimumResult {
  if (m.period === 'cycle') {
    const counted = clean(total);
    return {
      id: m.id,
      label: m.label,
      required: m.credits,
      counted,
      shortfall: Math.max(0, clean(m.credits - counted)),
      period: m.period,
    };
  }
  let shortfall = 0;
  let counted = 0;
  for (let year = 1; year <= cycleYears; year++) {
    const inYear = clean(perYear[year] ?? 0);
    counted += inYear;
    shortfall += Math.max(0, m.credits - inYear);
  }
  return {
    id: m.id,
    label: m.label,
    required: m.credits * cycleYears,
    counted: clean(counted),
    shortfall: clean(shortfall),
    period: m.period,
  };
}

export interface StatusDescription {
  keyword: StatusKeyword;
  detail: string;
  /** What RECERT_STATUS shows: the keyword, a colon and the detail. */
  line: string;
  /** The largest shortfall over the total and every minimum, to the cent. */
  needed: number;
  bindingMinimum: MinimumResult | undefined;
  /** The figures and dates of the line, as text, for templates and hints. */
  values: Record<string, string>;
}

/** The status, what is still needed and the one-line description, from the totals alone. */
export function describeStatus(
  program: Program,
  dates: CycleDates,
  asOf: DayNumber,
  required: number,
  earned: number,
  minimums: readonly MinimumResult[],
): StatusDescription {
  const iso = (d: DayNumber) => isoFromDay(d);
  const totalShortfall = Math.max(0, clean(required - earned));
  let needed = totalShortfall;
  let bindingMinimum: MinimumResult | undefined;
  for (const m of minimums) {
    if (m.shortfall > needed) {
      needed = m.shortfall;
      bindingMinimum = m;
    }
  }
  needed = Math.round(needed * 100) / 100;

  const met = needed === 0;
  const keyword = statusAt(dates, asOf, met);
  const phase = phaseAt(dates, asOf);
  const previousPhase = phase ? dates.phases[dates.phases.indexOf(phase) - 1] : undefined;
  const renewalFee = program.fees.find((f) => f.id === program.renewalFeeId);
  const unit = program.creditUnit;
  const values: Record<string, string> = {
    earned: formatCredits(earned),
    required: formatCredits(required),
    needed: formatCredits(needed),
    unit,
    deadline: iso(dates.deadline),
    cycleStart: iso(dates.cycleStart),
    windowEnd: iso(dates.windowEnd),
    applicationOpens: dates.applicationOpens !== undefined ? iso(dates.applicationOpens) : '',
    through: phase?.through !== undefined ? iso(phase.through) : '',
    previousThrough: previousPhase?.through !== undefined ? iso(previousPhase.through) : iso(dates.deadline),
  };
  const progress = `${values.earned} of ${values.required} ${unit}`;
  const shortfallText = bindingMinimum
    ? `${values.needed} more ${bindingMinimum.label} ${unit} needed`
    : `${values.needed} to go`;
  let detail: string;
  switch (keyword) {
    case 'IN PROGRESS':
      detail =
        asOf < dates.cycleStart
          ? `${progress}; the cycle starts ${values.cycleStart}`
          : `${progress}, ${shortfallText} by ${values.deadline}`;
      break;
    case 'COMPLETE':
      detail = `${progress}; the application opens ${values.applicationOpens}`;
      break;
    case 'READY':
      detail = `${progress}; apply by ${values.deadline}${renewalFee?.amount != null ? ` (${describeFee(renewalFee)})` : ''}`;
      break;
    default:
      detail = fillTemplate(phase!.summary, values, program.fees);
      if (!met)
        detail += bindingMinimum
          ? `; ${values.needed} ${bindingMinimum.label} ${unit} short`
          : `; ${values.needed} ${unit} short`;
  }
  return { keyword, detail, line: `${keyword}: ${detail}`, needed, bindingMinimum, values };
}
