/**
 * Evaluates a whole log against a program at a date: the pass (pass.ts), whose table gives every
 * figure, and its explanation: the entries with their reasons and flags, cap usage, categories,
 * status, checklist and hints that the pane, the summary sheet and the command line show.
 * RECERT_STATUS of a met log asks only how many checklist items are open (`evaluateActionLine`): the
 * same pass and the same verdicts per entry (`judgeEntry`), without the words, so that functions.js
 * need not carry them.
 */
import { capLimit, describeCap } from './caps';
import { evaluateChecklist, type ChecklistEntry, type ChecklistInput } from './checklist';
import { cycleAnniversaries, cycleYearAt } from './cycle';
import { ruleTypeReasons, ruleTypeVerdict } from './explain-rules';
import { phaseAt, type CycleDates } from './cycle';
import { isoFromDay, partsOf, type DayNumber } from './dates';
import { perEntryCap } from './credits';
import { matchesFilter } from './filters';
import { rowFates } from './fates';
import { atRiskFlags, eligibility, proofState, subjectOf, type Flag, type ProofState } from './judgments';
import type { Cells, LogEntry, LogError } from './log';
import {
  clipCaps,
  clipSteps,
  COUNTED,
  entryAt,
  INELIGIBLE,
  OUTSIDE_WINDOW,
  PLANNED,
  passRows,
  startPass,
  totalsOf,
  WHY_CARRY,
  type Clip,
  type Pass,
  type TableTotals,
} from './pass';
import type { EvaluateOptions } from './plan';
import { clean, formatCredits } from './rounding';
import type { ColumnKey } from './columns';
import type { EntryFilter, Program } from './schema';
import { describeFee, fillTemplate } from './template';
import type {
  CapUsage,
  CategoryTotal,
  EntryResult,
  EntryState,
  Evaluation,
  EvaluationStatus,
  KeyDate,
  ProofIssue,
} from './evaluation';

export type { EvaluateOptions } from './plan';

export type EvaluateResult = { ok: true; evaluation: Evaluation } | LogError;

export function evaluateLog(program: Program, cells: Cells, options: EvaluateOptions): EvaluateResult {
  const pass = startPass(program, cells, options, true);
  if ('ok' in pass) return pass;
  passRows(pass, 1, cells.length);
  const steps = finishSteps(pass);
  for (;;) {
    const next = steps.next();
    if (next.done) return { ok: true, evaluation: next.value };
  }
}

/**
 * What follows the rows: caps clip the table, the totals come off it, then the explanation. A
 * generator that yields between its parts, so a caller with a large log can let other work run in
 * between (`evaluateLogInSteps`); run to the end without stopping, it is what `evaluateLog` does.
 */
export function* finishSteps(pass: Pass): Generator<void, Evaluation, void> {
  yield* clipSteps(pass);
  yield;
  const totals = totalsOf(pass);
  return yield* explainSteps(pass, totals);
}

const STATES: readonly EntryState[] = ['counted', 'planned', 'outside-window', 'ineligible'];

/** Who a cap's exemption lets through, in words: a provider's name, "approved entries". */
function exemptWho(program: Program, filter: EntryFilter | undefined): string {
  if (!filter) return '';
  const parts: string[] = [];
  if (filter.providerMatches) parts.push(filter.providerMatches.join(' or '));
  if (filter.formats)
    parts.push(filter.formats.map((id) => program.formats.find((f) => f.id === id)?.label ?? id).join(' or '));
  if (filter.approved !== undefined) parts.push(filter.approved ? 'approved entries' : 'entries not approved');
  if (filter.providerNotMatches) parts.push(`providers other than ${filter.providerNotMatches.join(' or ')}`);
  return parts.join(', ');
}

/**
 * Per cap group, the counted credits of entries the cap applies to but exempts: they sit in the same
 * format and period as the group without being held by it.
 */
function exemptCredits(pass: Pass): { counted: number[]; claimed: number[] } {
  const { plan, table } = pass;
  const exempt = pass.groups.map(() => 0);
  const claimed = pass.groups.map(() => 0);
  const groupAt = new Map(pass.groups.map((g, i) => [`${g.cap}:${g.key}`, i]));
  plan.caps.forEach(({ cap, byFormat, byYear }, k) => {
    if (!cap.exempt) return;
    for (let i = 0; i < table.n; i++) {
      if (table.state[i] !== COUNTED || table.capGroup[k]![i]! >= 0 || !(table.counted[i]! > 0)) continue;
      const subject = subjectOf(entryAt(pass, i));
      if (!matchesFilter(subject, cap.appliesTo) || !matchesFilter(subject, cap.exempt)) continue;
      const key = (byFormat ? table.format[i]! : 0) * plan.yearSlots + (byYear ? table.year[i]! : 0);
      const g = groupAt.get(`${k}:${key}`);
      if (g === undefined) continue;
      exempt[g] = clean(exempt[g]! + table.counted[i]!);
      claimed[g] = clean(claimed[g]! + table.claimed[i]!);
    }
  });
  return { counted: exempt, claimed };
}

function capUsages(pass: Pass): CapUsage[] {
  const { plan, table } = pass;
  const { program, required } = plan;
  const exempt = exemptCredits(pass);
  return pass.groups.map((g, index) => {
    const { cap, limit, byFormat, byYear, byCalendarYear } = plan.caps[g.cap]!;
    const formatId = byFormat ? program.formats[Math.floor(g.key / plan.yearSlots)]!.id : undefined;
    const cycleYear = byYear ? g.key % plan.yearSlots : undefined;
    const calendarYear = byCalendarYear ? partsOf(plan.calendarStarts[(g.key % plan.yearSlots) - 1]!).year : undefined;
    const firstFormat = program.formats[table.format[g.first]!]!;
    const label = cap.label
      .replace('{format}', firstFormat.label)
      .replace('{year}', String(cycleYear ?? calendarYear ?? ''));
    const f = formatCredits;
    return {
      capId: cap.id,
      label,
      ...(calendarYear === undefined ? {} : { calendarYear }),
      limit,
      describe: describeCap(cap, required, program.creditUnit),
      formatId,
      cycleYear,
      claimed: g.claimed,
      counted: g.counted,
      clipped: clean(g.claimed - g.counted),
      full: g.counted >= limit,
      exempt: exempt.counted[index]!,
      exemptWho: exemptWho(program, cap.exempt),
      exemption:
        exempt.counted[index]! > 0
          ? `${label}: ${f(clean(g.claimed + exempt.claimed[index]!))} claimed, ${f(g.counted)} counted under the cap + ${f(exempt.counted[index]!)} exempt (${exemptWho(program, cap.exempt)})`
          : '',
    };
  });
}

/** What the rules decided about entry `i` on its own: the verdicts the checklist reads, and what the reasons need. */
interface Judged {
  entry: LogEntry;
  flags: Flag[];
  /** The eligibility rule the entry fails, whether or not it is why the entry does not count. */
  excluded: { rule: string; message: string } | undefined;
  ineligibleRule: string | undefined;
  proof: { state: ProofState; message: string | undefined };
}

/** Entry `i`'s verdicts: eligibility, the newer rule types, at-risk flags and proof (flags in that order). */
function judgeEntry(pass: Pass, i: number): Judged {
  const { program } = pass.plan;
  const entry = entryAt(pass, i);
  const flags: Flag[] = [];
  const excluded = eligibility(program, entry, flags);
  const verdict = ruleTypeVerdict(pass, i);
  flags.push(...verdict.flags);
  const ineligibleRule =
    (pass.table.state[i] === INELIGIBLE && excluded ? excluded.rule : undefined) ?? verdict.ineligibleRule;
  atRiskFlags(program, entry, flags);
  const proof = proofState(program, entry);
  if (proof.state === 'missing' || proof.state === 'insufficient') {
    flags.push({ rule: 'proof', severity: 'at-risk', message: proof.message! });
  }
  return { entry, flags, excluded, ineligibleRule, proof };
}

/** Entry `i` of the table explained: its reasons (window, eligibility, caps), flags and proof. */
function explainEntry(
  pass: Pass,
  i: number,
  caps: readonly CapUsage[],
  clips: readonly Clip[] | undefined,
): EntryResult {
  const { plan, table } = pass;
  const { program, dates } = plan;
  const iso = (d: DayNumber) => isoFromDay(d);
  const { entry, flags, excluded, ineligibleRule, proof } = judgeEntry(pass, i);
  const raw = table.raw[i]!;
  const cap = perEntryCap(program, entry.format, subjectOf(entry));
  const reasons: string[] = [];
  // An entry exempt from the per-entry cap claims more than it (explain-rules.ts says why).
  const perEntryCapped = cap !== undefined && raw > cap && table.claimed[i]! <= cap;
  if (perEntryCapped)
    reasons.push(`Capped at ${formatCredits(cap)} ${program.creditUnit} per entry (${formatCredits(raw)} computed)`);
  const code = table.state[i]!;
  if (code === OUTSIDE_WINDOW) {
    reasons.push(
      entry.date < dates.cycleStart
        ? `Dated ${iso(entry.date)}, before the cycle started (${iso(dates.cycleStart)})`
        : `Dated ${iso(entry.date)}, after the last day to earn credits (${iso(plan.earningEnd)})`,
    );
  } else if (code === PLANNED) {
    reasons.push(`Planned for ${iso(entry.date)}: counts once completed`);
  }
  if (code === INELIGIBLE && excluded) reasons.push(excluded.message);
  reasons.push(...ruleTypeReasons(pass, i));
  for (const c of clips ?? []) {
    const usage = caps[c.group]!;
    reasons.push(
      c.take === 0
        ? `${usage.label} is at its cap of ${usage.describe}: nothing more counts`
        : `${usage.label} cap of ${usage.describe} reached: ${formatCredits(c.take)} of ${formatCredits(c.before)} counted`,
    );
  }
  const minimums: string[] = [];
  if (code === COUNTED) plan.minimumRules.forEach((m, k) => table.inMinimum[k]![i] && minimums.push(m.id));
  return {
    entry,
    raw,
    claimed: table.claimed[i]!,
    perEntryCapped,
    counted: table.counted[i]!,
    state: STATES[code]!,
    ineligibleRule,
    cycleYear: table.year[i]!,
    minimums,
    reasons,
    flags,
    proof: proof.state,
    proofMessage: proof.message,
  };
}

/**
 * RECERT_STATUS of a log: the status line, with the checklist items still open when the requirements
 * are met. The same pass and the same verdicts as `evaluateLog`, without the reasons, hints, key dates
 * and row fates that only the pane, the summary and the command line show.
 */
export function evaluateActionLine(program: Program, cells: Cells, options: EvaluateOptions): ActionLineResult {
  const pass = startPass(program, cells, options, true);
  if ('ok' in pass) return pass;
  passRows(pass, 1, cells.length);
  clipCaps(pass);
  const { plan, table } = pass;
  const totals = totalsOf(pass);
  const { keyword, line, needed, values } = totals.status;
  const entries: ChecklistEntry[] = new Array(table.n);
  const proofIssues: { row: number }[] = [];
  for (let i = 0; i < table.n; i++) {
    const { entry, flags, ineligibleRule, proof } = judgeEntry(pass, i);
    const state = STATES[table.state[i]!]!;
    entries[i] = { entry, state, counted: table.counted[i]!, flags, ineligibleRule, proof: proof.state };
    if (state === 'counted' && (proof.state === 'missing' || proof.state === 'insufficient'))
      proofIssues.push({ row: entry.row });
  }
  const input: ChecklistInput = {
    program,
    asOf: plan.asOf,
    cycle: plan.dates,
    required: plan.required,
    earned: totals.earned,
    minimums: totals.minimums,
    rowsRead: pass.rowsRead,
    columns: recognisedColumns(pass),
    entries,
    problems: pass.problems,
    proofIssues,
  };
  const openItems = evaluateChecklist(input, plan.profile, values).filter((c) => c.blocking).length;
  return { ok: true, line: actionLine({ keyword, line, met: needed === 0 }, openItems) };
}

export type ActionLineResult = { ok: true; line: string } | LogError;

/** The log's columns that were recognised (canonical keys). */
function recognisedColumns(pass: Pass): ColumnKey[] {
  return (Object.keys(pass.map) as ColumnKey[]).filter((k) => pass.map[k] !== undefined);
}

/** The explanation of a clipped table: read only by the pane, the summary and the command line. */
function* explainSteps(pass: Pass, totals: TableTotals): Generator<void, Evaluation, void> {
  const { plan, table } = pass;
  const { program, asOf, profile, dates, required, carriedOver } = plan;
  const iso = (d: DayNumber) => isoFromDay(d);
  const { earned, minimums } = totals;
  const { keyword, detail, line, needed, bindingMinimum, values } = totals.status;
  const unit = program.creditUnit;

  const caps = capUsages(pass);
  const clipsOf: Clip[][] = [];
  for (const c of pass.clips) (clipsOf[c.entry] ??= []).push(c);
  const entries: EntryResult[] = new Array(table.n);
  for (let i = 0; i < table.n; i++) entries[i] = explainEntry(pass, i, caps, clipsOf[i]);
  const counting = entries.filter((e) => e.state === 'counted');
  // A row of the previous cycle that may carry over is claimed too: what carries is part of `earned`.
  let carryClaimed = 0;
  for (let i = 0; i < table.n; i++) if (table.why[i] === WHY_CARRY) carryClaimed += table.claimed[i]!;
  const claimed = clean(counting.reduce((sum, e) => sum + e.claimed, carryClaimed));
  const atRisk = clean(
    counting.reduce((sum, e) => sum + (e.flags.some((f) => f.severity === 'at-risk') ? e.counted : 0), 0),
  );

  yield;
  const categories: CategoryTotal[] = [];
  for (const format of program.formats) {
    const ofFormat = counting.filter((e) => e.entry.format.id === format.id);
    const formatCaps = program.caps.filter((c) =>
      matchesFilter({ formatId: format.id, approved: false, provider: '' }, { formats: c.appliesTo.formats }),
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
      cap: formatCaps
        .map((c) => describeCap(c, required, unit) + (c.exempt ? ' (some providers exempt)' : ''))
        .join('; '),
      capLimit: single ? capLimit(single, required) : undefined,
    });
  }

  yield;
  const proofIssues: ProofIssue[] = entries
    // Only entries that count need proof now: a planned activity cannot have it yet.
    .filter((e) => e.state === 'counted' && (e.proof === 'missing' || e.proof === 'insufficient'))
    .map((e) => ({
      row: e.entry.row,
      state: e.proof as 'missing' | 'insufficient',
      message: e.proofMessage!,
      activity: e.entry.activity,
    }));

  const keyDates: KeyDate[] = [
    { id: 'cycleStart', label: 'Cycle started', day: dates.cycleStart },
    ...(dates.applicationOpens !== undefined
      ? [{ id: 'applicationOpens', label: 'Application opens', day: dates.applicationOpens }]
      : []),
    { id: 'windowEnd', label: 'Last day to earn credits', day: dates.windowEnd },
    { id: 'deadline', label: deadlineLabel(dates), day: dates.deadline },
    ...(dates.extension
      ? [{ id: 'extensionRequestBy', label: `${dates.extension.label}: request by`, day: dates.extension.requestBy }]
      : []),
    ...dates.phases
      .filter((p) => p.through !== undefined)
      .map((p) => ({
        id: `${p.status.toLowerCase()}-ends`,
        label: `${titleCase(p.status)} ends${withoutPenalty(p.summary) ? ': last day without penalty' : ''}`,
        day: p.through!,
      })),
  ].map((d) => ({ ...d, iso: iso(d.day) }));

  const draft = {
    program,
    asOf,
    cycle: dates,
    status: { keyword, detail, line, met: needed === 0, openItems: 0, actionLine: line },
    required,
    earned,
    claimed,
    atRisk,
    carriedOver,
    needed,
    bindingMinimum,
    minimums,
    entries,
    problems: pass.problems,
    rowsRead: pass.rowsRead,
    caps,
    categories,
    proofIssues,
    fees: program.fees.map((f) => ({ ...f, now: f.statuses.includes(keyword), display: describeFee(f) })),
    keyDates,
    daysToDeadline: dates.deadline - asOf,
    unknownHeaders: pass.unknownHeaders,
    columns: recognisedColumns(pass),
    rows: rowFates(program, entries, pass.problems, pass.skipped, (row) => activityAt(pass, row)),
  };
  yield;
  const checklist = evaluateChecklist(draft, profile, values);
  const openItems = checklist.filter((c) => c.blocking).length;
  const status: EvaluationStatus = { ...draft.status, openItems, actionLine: actionLine(draft.status, openItems) };
  yield;
  return { ...draft, status, checklist, hints: hintsFor(draft, values, openItems) };
}

/** The activity's title on a sheet row, read from the cells (for rows that are no entry). */
function activityAt(pass: Pass, row: number): string {
  const column = pass.map.activity;
  const cells = pass.cells[row - pass.firstRow];
  if (column === undefined || !cells) return '';
  const v = cells[column];
  return typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '';
}

/**
 * The status line with what is left to do when the requirements are met and the application is
 * (or will be) open: success only when nothing blocks it.
 */
export function actionLine(status: Pick<EvaluationStatus, 'keyword' | 'line' | 'met'>, openItems: number): string {
  const waiting = status.met && (status.keyword === 'READY' || status.keyword === 'COMPLETE');
  if (!waiting || openItems === 0) return status.line;
  return `${status.line}; ${openItems} ${openItems === 1 ? 'item' : 'items'} open`;
}

/** A phase whose summary says its renewal is still without penalty (a grace period). */
function withoutPenalty(summary: string): boolean {
  return /without penalty/i.test(summary);
}

/**
 * The deadline's name among the key dates: "without penalty" only when no later phase is, so that the
 * status line and the key dates never give that name to two dates.
 */
function deadlineLabel(dates: CycleDates): string {
  return dates.phases.some((p) => withoutPenalty(p.summary)) ? 'Deadline' : 'Deadline without penalty';
}

function titleCase(status: string): string {
  return status.charAt(0) + status.slice(1).toLowerCase();
}

function hintsFor(
  ev: Omit<Evaluation, 'checklist' | 'hints'>,
  values: Record<string, string>,
  openItems: number,
): string[] {
  const hints: string[] = [];
  const unit = ev.program.creditUnit;
  const { keyword } = ev.status;
  if (ev.problems.length) {
    const rows = new Set(ev.problems.map((p) => p.row)).size;
    hints.push(`Fix ${rows} ${rows === 1 ? 'row' : 'rows'} with problems: they count for nothing until fixed.`);
  }
  // Past the deadline the phase's own words say what to do and by when: the hints repeat them, dates and all.
  const phase = phaseAt(ev.cycle, ev.asOf);
  const phaseText = phase ? fillTemplate(phase.summary, values, ev.program.fees) : '';
  if (ev.asOf < ev.cycle.cycleStart && keyword === 'IN PROGRESS') {
    hints.push(`The cycle starts ${values.cycleStart}: activities count from that day.`);
  } else if (ev.needed > 0 && (keyword === 'IN PROGRESS' || keyword === 'GRACE' || keyword === 'LAPSED')) {
    const total = Math.max(0, clean(ev.required - ev.earned));
    const by = keyword === 'IN PROGRESS' ? ` by ${values.deadline}` : '';
    let text = `${values.needed} ${unit} to go${by}`;
    if (ev.bindingMinimum)
      text = `${formatCredits(ev.bindingMinimum.shortfall)} more ${ev.bindingMinimum.label} ${unit} needed${by}${total > 0 ? ` (${formatCredits(total)} overall)` : ''}`;
    if (phaseText) text += `; ${phaseText}`;
    const full = ev.caps.filter((c) => c.full);
    if (full.length) {
      const names = full.map((c) => c.label);
      text += `; ${names.join(', ')} ${names.length === 1 ? 'is' : 'are'} at ${names.length === 1 ? 'its' : 'their'} cap, so further ${names.length === 1 ? 'entries of that kind' : 'entries of those kinds'} won't count`;
    }
    hints.push(text + '.');
    const ext = ev.cycle.extension;
    if (ext && !ev.cycle.extensionGranted && keyword === 'IN PROGRESS' && ev.daysToDeadline <= 120) {
      hints.push(
        ev.earned >= ext.minCredits
          ? `With ${values.earned} ${unit} you can ask for the ${ext.label.toLowerCase()} by ${isoFromDay(ext.requestBy)} (${describeFee(ev.program.fees.find((f) => f.id === ext.feeId)!)}).`
          : `An extension needs at least ${formatCredits(ext.minCredits)} ${unit} by ${isoFromDay(ext.requestBy)}.`,
      );
    }
  } else if (keyword === 'COMPLETE') {
    hints.push(`Requirements met. The application opens ${values.applicationOpens}.`);
  } else if (keyword === 'READY') {
    hints.push(
      openItems > 0
        ? `Requirements met: resolve ${openItems === 1 ? 'the open checklist item' : `the ${openItems} open checklist items`}, then apply by ${values.deadline}.`
        : `Requirements met: apply by ${values.deadline}.`,
    );
  } else if (phaseText) {
    hints.push(`${ev.needed > 0 ? `${values.needed} ${unit} short` : 'Requirements met'}; ${phaseText}.`);
  }
  const pace = paceHint(ev);
  if (pace) hints.push(pace);
  const missing = ev.proofIssues.filter((p) => p.state === 'missing').length;
  const weak = ev.proofIssues.length - missing;
  if (missing || weak) {
    const parts = [missing ? `${missing} missing` : '', weak ? `${weak} insufficient` : '']
      .filter(Boolean)
      .join(' and ');
    hints.push(`Proof: ${parts}; add it before you apply.`);
  }
  const unapproved = ev.entries.filter(
    (e) => e.counted > 0 && e.flags.some((f) => f.severity === 'at-risk' && f.rule !== 'proof'),
  ).length;
  if (unapproved)
    hints.push(
      `${unapproved} counted ${unapproved === 1 ? 'entry is' : 'entries are'} at risk at review (see the flags).`,
    );
  return hints;
}

/** The years of the cycle begun so far that are below the pace the program suggests (`suggestedPace`). */
function paceHint(ev: Omit<Evaluation, 'checklist' | 'hints'>): string | undefined {
  const pace = ev.program.suggestedPace;
  // Once the requirements are met, the pace no longer matters.
  if (!pace || ev.needed === 0) return undefined;
  const anniversaries = cycleAnniversaries(ev.cycle.cycleStart, ev.cycle.cycleYears);
  const current = cycleYearAt(anniversaries, Math.min(ev.asOf, ev.cycle.windowEnd) as DayNumber);
  const perYear = new Array<number>(current + 1).fill(0);
  for (const e of ev.entries)
    if (e.state === 'counted' && e.cycleYear >= 1 && e.cycleYear <= current) perYear[e.cycleYear]! += e.counted;
  const behind: string[] = [];
  for (let year = 1; year <= current; year++)
    if (clean(perYear[year]!) < pace.creditsPerCycleYear)
      behind.push(`year ${year} has ${formatCredits(clean(perYear[year]!))}${year === current ? ' so far' : ''}`);
  if (behind.length === 0) return undefined;
  const unit = ev.program.creditUnit;
  return `Suggested pace, not required: ${formatCredits(pace.creditsPerCycleYear)} ${unit} each cycle year; ${behind.join(', ')}.`;
}
