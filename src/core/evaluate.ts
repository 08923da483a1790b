/** Evaluates a whole log against a program at a date: the one place where the rules are applied. */
import { applyCapsSteps, capLimit, describeCap } from './caps';
import { evaluateChecklist } from './checklist';
import { cycleAnniversaries, cycleDates, cycleYearAt, phaseAt, statusAt, type CycleDates } from './cycle';
import { isoFromDay, type DayNumber } from './dates';
import { creditsFor } from './credits';
import { matchesFilter } from './filters';
import { atRiskFlags, eligibility, proofState, subjectOf, type Flag } from './judgments';
import { parseLog, type Cells, type LogEntry, type LogError, type ParsedLog } from './log';
import type { ProfileFacts } from './profile';
import { clean, formatCredits } from './rounding';
import type { Minimum, Program, StatusKeyword } from './schema';
import { describeFee, fillTemplate } from './template';
import { programForCycle } from './versions';
import type { CategoryTotal, EntryResult, Evaluation, KeyDate, MinimumResult, ProofIssue } from './evaluation';

export interface EvaluateOptions {
  cycleStart: DayNumber;
  asOf: DayNumber;
  /** Sheet row number of the log's header row (default 1). */
  firstRow?: number;
  profile?: Partial<ProfileFacts>;
}

export type EvaluateResult = { ok: true; evaluation: Evaluation } | LogError;

export function evaluateLog(program: Program, cells: Cells, options: EvaluateOptions): EvaluateResult {
  const rules = programForCycle(program, options.cycleStart);
  const parsed = parseLog(cells, rules, { firstRow: options.firstRow });
  if (!parsed.ok) return parsed;
  return { ok: true, evaluation: evaluateParsed(rules, parsed, options) };
}

export function requiredCredits(program: Program, dates: CycleDates, profile: ProfileFacts): number {
  if (!program.proRating || !profile.firstCycle) return program.required;
  let months = 0;
  // Whole months from the cycle start to the window end.
  const start = new Date(dates.cycleStart * 86_400_000);
  const end = new Date(dates.windowEnd * 86_400_000);
  months = (end.getUTCFullYear() - start.getUTCFullYear()) * 12 + end.getUTCMonth() - start.getUTCMonth();
  if (end.getUTCDate() < start.getUTCDate()) months--;
  return Math.min(program.required, Math.ceil(clean(Math.max(0, months) * program.proRating.creditsPerMonth)));
}

/**
 * Credits brought from the previous cycle, up to the program's maximum. The profile's schema refuses
 * anything but a finite number >= 0; a host that skips it still gets a finite total.
 */
export function carriedOverCredits(program: Program, profile: ProfileFacts): number {
  const given = profile.carryOverCredits ?? 0;
  if (!program.carryOver || !(given > 0)) return 0;
  return Math.min(given, program.carryOver.maxCredits);
}

export function evaluateParsed(program: Program, parsed: ParsedLog, options: EvaluateOptions): Evaluation {
  const context = evaluationContext(program, options);
  const entries = parsed.entries.map((entry) => judgeEntry(program, context, entry));
  return finishEvaluation(program, parsed, entries, context);
}

/** What every entry's judgment and the totals depend on, apart from the entries. */
export interface EvaluationContext {
  asOf: DayNumber;
  profile: ProfileFacts;
  dates: CycleDates;
  required: number;
  /** The cycle's anniversaries, for each entry's cycle year (`cycleYearAt`). */
  anniversaries: DayNumber[];
}

export function evaluationContext(program: Program, options: EvaluateOptions): EvaluationContext {
  const profile: ProfileFacts = { attestations: {}, ...options.profile };
  const dates = cycleDates(program, options.cycleStart);
  return {
    asOf: options.asOf,
    profile,
    dates,
    required: requiredCredits(program, dates, profile),
    anniversaries: cycleAnniversaries(dates.cycleStart, dates.cycleYears),
  };
}

/**
 * One entry on its own: its credits, whether it counts (window, planned, eligibility) and its flags.
 * Caps and minimums, which depend on the other entries, come later (`finishEvaluation`).
 */
export function judgeEntry(program: Program, context: EvaluationContext, entry: LogEntry): EntryResult {
  const { dates, asOf } = context;
  const iso = (d: DayNumber) => isoFromDay(d);
  const flags: Flag[] = [];
  const { raw, credits, cappedAt } = creditsFor(program, entry.format, entry.hours, entry.selfStudyHours, subjectOf(entry));
  const reasons: string[] = [];
  if (cappedAt !== undefined) reasons.push(`Capped at ${formatCredits(cappedAt)} ${program.creditUnit} per entry (${formatCredits(raw)} computed)`);
  let state: EntryResult['state'] = 'counted';
  let ineligibleRule: string | undefined;
  if (entry.date < dates.cycleStart || entry.date > dates.windowEnd) {
    state = 'outside-window';
    reasons.push(`Completed ${iso(entry.date)}, outside the cycle window ${iso(dates.cycleStart)} – ${iso(dates.windowEnd)}`);
  } else if (entry.date > asOf) {
    state = 'planned';
    reasons.push(`Planned for ${iso(entry.date)}: counts once completed`);
  }
  const excluded = eligibility(program, entry, flags);
  if (excluded && state === 'counted') {
    state = 'ineligible';
    ineligibleRule = excluded.rule;
    reasons.push(excluded.message);
  }
  atRiskFlags(program, entry, flags);
  const proof = proofState(program, entry);
  if (proof.state === 'missing' || proof.state === 'insufficient') {
    flags.push({ rule: 'proof', severity: 'at-risk', message: proof.message! });
  }
  return {
    entry,
    raw,
    claimed: credits,
    counted: state === 'counted' ? credits : 0,
    state,
    ineligibleRule,
    cycleYear: cycleYearAt(context.anniversaries, entry.date),
    minimums: [],
    reasons,
    flags,
    proof: proof.state,
    proofMessage: proof.message,
  };
}

/** The log's facts other than its entries, as `finishEvaluation` needs them. */
export type ParsedFacts = Pick<ParsedLog, 'problems' | 'rowsRead' | 'unknownHeaders'>;

/** Everything that needs all the entries: caps, totals, minimums, status, categories, checklist, hints. */
export function finishEvaluation(program: Program, parsed: ParsedFacts, entries: EntryResult[], context: EvaluationContext): Evaluation {
  const steps = finishSteps(program, parsed, entries, context);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * `finishEvaluation` as a generator that yields between its passes over the entries, so a caller with
 * a large log can let other work run in between (`evaluateLogInSteps`); run to the end without
 * stopping, it is `finishEvaluation`. What each pass computes never depends on when it resumes.
 */
export function* finishSteps(
  program: Program,
  parsed: ParsedFacts,
  entries: EntryResult[],
  context: EvaluationContext,
): Generator<void, Evaluation, void> {
  const { asOf, profile, dates, required } = context;
  const iso = (d: DayNumber) => isoFromDay(d);

  const caps = yield* applyCapsSteps(program, required, entries);
  yield;
  const counting = entries.filter((e) => e.state === 'counted');
  const carriedOver = carriedOverCredits(program, profile);
  const earned = clean(counting.reduce((sum, e) => sum + e.counted, 0) + carriedOver);
  const claimed = clean(counting.reduce((sum, e) => sum + e.claimed, 0));
  const atRisk = clean(
    counting.reduce((sum, e) => sum + (e.flags.some((f) => f.severity === 'at-risk') ? e.counted : 0), 0),
  );

  yield;
  const minimums: MinimumResult[] = program.minimums.map((m) => {
    const matching = counting.filter((e) => matchesFilter(subjectOf(e.entry), m.filter));
    for (const e of matching) e.minimums.push(m.id);
    const perYear = new Array<number>(dates.cycleYears + 1).fill(0);
    let total = 0;
    for (const e of matching) {
      total += e.counted;
      if (e.cycleYear >= 1 && e.cycleYear <= dates.cycleYears) perYear[e.cycleYear]! += e.counted;
    }
    return minimumResult(m, dates.cycleYears, total, perYear);
  });

  const { keyword, detail, line, needed, bindingMinimum, values } = describeStatus(program, dates, asOf, required, earned, minimums);
  const phase = phaseAt(dates, asOf);
  const unit = program.creditUnit;

  yield;
  const categories: CategoryTotal[] = [];
  for (const format of program.formats) {
    const ofFormat = counting.filter((e) => e.entry.format.id === format.id);
    const formatCaps = program.caps.filter(
      (c) => matchesFilter({ formatId: format.id, approved: false, provider: '' }, { formats: c.appliesTo.formats }),
    );
    if (ofFormat.length === 0 && formatCaps.length === 0) continue;
    const claimedHere = clean(ofFormat.reduce((s, e) => s + e.claimed, 0));
    const countedHere = clean(ofFormat.reduce((s, e) => s + e.counted, 0));
    const single = formatCaps.length === 1 && formatCaps[0]!.period === 'cycle' ? formatCaps[0] : undefined;
    categories.push({
      formatId: format.id,
      label: format.label,
      entries: ofFormat.length,
      claimed: claimedHere,
      counted: countedHere,
      clipped: clean(claimedHere - countedHere),
      cap: formatCaps.map((c) => describeCap(c, required, unit) + (c.exempt ? ' (some providers exempt)' : '')).join('; '),
      capLimit: single ? capLimit(single, required) : undefined,
    });
  }

  yield;
  const proofIssues: ProofIssue[] = entries
    // Only entries that count need proof now: a planned activity cannot have it yet.
    .filter((e) => e.state === 'counted' && (e.proof === 'missing' || e.proof === 'insufficient'))
    .map((e) => ({ row: e.entry.row, state: e.proof as 'missing' | 'insufficient', message: e.proofMessage!, activity: e.entry.activity }));

  const keyDates: KeyDate[] = [
    { id: 'cycleStart', label: 'Cycle started', day: dates.cycleStart },
    ...(dates.applicationOpens !== undefined ? [{ id: 'applicationOpens', label: 'Application opens', day: dates.applicationOpens }] : []),
    { id: 'windowEnd', label: 'Last day to earn credits', day: dates.windowEnd },
    { id: 'deadline', label: 'Deadline without penalty', day: dates.deadline },
    ...(dates.extension ? [{ id: 'extensionRequestBy', label: `${dates.extension.label}: request by`, day: dates.extension.requestBy }] : []),
    ...dates.phases
      .filter((p) => p.through !== undefined)
      .map((p) => ({ id: `${p.status.toLowerCase()}-ends`, label: `${titleCase(p.status)} ends`, day: p.through! })),
  ].map((d) => ({ ...d, iso: iso(d.day) }));

  const draft = {
    program,
    asOf,
    cycle: dates,
    status: { keyword, detail, line },
    required,
    earned,
    claimed,
    atRisk,
    carriedOver,
    needed,
    bindingMinimum,
    minimums,
    entries,
    problems: parsed.problems,
    rowsRead: parsed.rowsRead,
    caps,
    categories,
    proofIssues,
    fees: program.fees.map((f) => ({ ...f, now: f.statuses.includes(keyword), display: describeFee(f) })),
    keyDates,
    daysToDeadline: dates.deadline - asOf,
    unknownHeaders: parsed.unknownHeaders,
  };
  yield;
  const checklist = evaluateChecklist(draft, profile, values);
  yield;
  return { ...draft, checklist, hints: hintsFor(draft, values) };
}

/**
 * A minimum's result from the credits counted toward it: over the cycle, or (an annual minimum) in
 * each cycle year on its own, `perYear[year]` for years 1..cycleYears.
 */
export function minimumResult(m: Minimum, cycleYears: number, total: number, perYear: readonly number[]): MinimumResult {
  if (m.period === 'cycle') {
    const counted = clean(total);
    return { id: m.id, label: m.label, required: m.credits, counted, shortfall: Math.max(0, clean(m.credits - counted)), period: m.period };
  }
  let shortfall = 0;
  let counted = 0;
  for (let year = 1; year <= cycleYears; year++) {
    const inYear = clean(perYear[year] ?? 0);
    counted += inYear;
    shortfall += Math.max(0, m.credits - inYear);
  }
  return { id: m.id, label: m.label, required: m.credits * cycleYears, counted: clean(counted), shortfall: clean(shortfall), period: m.period };
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
      detail = asOf < dates.cycleStart
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
      if (!met) detail += bindingMinimum ? `; ${values.needed} ${bindingMinimum.label} ${unit} short` : `; ${values.needed} ${unit} short`;
  }
  return { keyword, detail, line: `${keyword}: ${detail}`, needed, bindingMinimum, values };
}

function titleCase(status: string): string {
  return status.charAt(0) + status.slice(1).toLowerCase();
}

function hintsFor(ev: Omit<Evaluation, 'checklist' | 'hints'>, values: Record<string, string>): string[] {
  const hints: string[] = [];
  const unit = ev.program.creditUnit;
  const { keyword } = ev.status;
  if (ev.problems.length) {
    const rows = new Set(ev.problems.map((p) => p.row)).size;
    hints.push(`Fix ${rows} ${rows === 1 ? 'row' : 'rows'} with problems: they count for nothing until fixed.`);
  }
  if (ev.needed > 0 && (keyword === 'IN PROGRESS' || keyword === 'GRACE' || keyword === 'LAPSED')) {
    const total = Math.max(0, clean(ev.required - ev.earned));
    let text = `${values.needed} ${unit} to go`;
    if (keyword === 'IN PROGRESS') text += ` by ${values.deadline}`;
    if (ev.bindingMinimum) text = `${formatCredits(ev.bindingMinimum.shortfall)} more ${ev.bindingMinimum.label} ${unit} needed${total > 0 ? ` (${formatCredits(total)} overall)` : ''}`;
    const full = ev.caps.filter((c) => c.full);
    if (full.length) {
      const names = full.map((c) => c.label);
      text += `; ${names.join(', ')} ${names.length === 1 ? 'is' : 'are'} at ${names.length === 1 ? 'its' : 'their'} cap, so further ${names.length === 1 ? 'entries of that kind' : 'entries of those kinds'} won't count`;
    }
    hints.push(text + '.');
    const ext = ev.cycle.extension;
    if (ext && keyword === 'IN PROGRESS' && ev.daysToDeadline <= 120) {
      hints.push(
        ev.earned >= ext.minCredits
          ? `With ${values.earned} ${unit} you can ask for the ${ext.label.toLowerCase()} by ${isoFromDay(ext.requestBy)} (${describeFee(ev.program.fees.find((f) => f.id === ext.feeId)!)}).`
          : `An extension needs at least ${formatCredits(ext.minCredits)} ${unit} by ${isoFromDay(ext.requestBy)}.`,
      );
    }
  } else if (keyword === 'COMPLETE') {
    hints.push(`Requirements met. The application opens ${values.applicationOpens}.`);
  } else if (keyword === 'READY') {
    hints.push(`Requirements met: apply by ${values.deadline}.`);
  }
  const missing = ev.proofIssues.filter((p) => p.state === 'missing').length;
  const weak = ev.proofIssues.length - missing;
  if (missing || weak) {
    const parts = [missing ? `${missing} missing` : '', weak ? `${weak} insufficient` : ''].filter(Boolean).join(' and ');
    hints.push(`Proof: ${parts}; add it before you apply.`);
  }
  const unapproved = ev.entries.filter((e) => e.counted > 0 && e.flags.some((f) => f.severity === 'at-risk' && f.rule !== 'proof')).length;
  if (unapproved) hints.push(`${unapproved} counted ${unapproved === 1 ? 'entry is' : 'entries are'} at risk at review (see the flags).`);
  return hints;
}
