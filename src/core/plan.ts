/**
 * A program compiled for one evaluation: its rules for the cycle, the cycle's dates, and every rule
 * that looks at entries turned into lookups by format index, so that the pass (pass.ts) asks each row
 * only for the facts the rules need. Compiling is the one place that reads a rule's data for the pass;
 * a new rule type adds a compile case here, a case in the pass and one in the explanation.
 */
import { calendarYearStarts, capLimit } from './caps';
import { categoryLookup, filterCategoryMask, type CategoryLookup } from './categories';
import { creditRule, type CreditRule } from './credits';
import { cycleAnniversaries, cycleDates, earningEnd, type CycleDates } from './cycle';
import { addMonths, type DayNumber } from './dates';
import { inForceSpan } from './filters';
import { formatLookup, type DateOrder, type FormatLookup } from './log';
import { factBoolean, factNumber, type ProfileFacts } from './facts';
import { clean } from './rounding';
import type { Cap, EntryFilter, Format, Minimum, Program } from './schema';
import { programForCycle } from './versions';

export interface EvaluateOptions {
  cycleStart: DayNumber;
  asOf: DayNumber;
  /** Sheet row number of the log's header row (default 1). */
  firstRow?: number;
  profile?: Partial<ProfileFacts>;
  /** Order of day and month in text dates such as 03/04/2025 when no value in the column settles it. Default mdy. */
  dateOrder?: DateOrder;
}

/** An entry filter as the pass reads it: the format test is a lookup by format index. */
export interface FilterPlan {
  formats: Uint8Array;
  /** -1: either; 0: not approved; 1: approved. */
  approved: number;
  providerMatches: readonly string[] | undefined;
  providerNotMatches: readonly string[] | undefined;
  /** Bits of the categories of which the entry needs one; 0: any. */
  categories: number;
}

export interface CapPlan {
  cap: Cap;
  limit: number;
  applies: FilterPlan;
  exempt: FilterPlan | undefined;
  byFormat: boolean;
  byYear: boolean;
  /** The allowance renews each calendar year. */
  byCalendarYear: boolean;
  /** First and last activity day the cap limits (effectiveFrom/effectiveTo). */
  from: number;
  to: number;
}

/** What does not depend on the date or the profile: compiled once per program (version). */
interface RulesPlan {
  formats: FormatLookup;
  formatIndex: Map<Format, number>;
  /** Per format index, its rank when format ids are compared as text (the fill order of caps). */
  formatRank: Int32Array;
  caps: Omit<CapPlan, 'limit'>[];
  /** Per format index, the indexes of the caps whose filter takes entries of that format. */
  capsOfFormat: number[][];
  minimums: FilterPlan[];
  annualMinimums: boolean;
  /** Some minimum asks for its amount in every calendar year. */
  calendarMinimums: boolean;
  /** Some cap or minimum counts per cycle year. */
  needsYear: boolean;
  /** Some cap or minimum counts per calendar year. */
  needsCalendarYear: boolean;
  /** Some multiplier, cap or minimum looks at the provider. */
  needsProvider: boolean;
  /** Some eligibility rule looks at the subject. */
  needsSubject: boolean;
  /** Per format index: 1 when some eligibility rule looks at entries of that format. */
  judged: Uint8Array;
  /**
   * When every eligibility rule looks at the subject alone (subjectInList): per Subject cell as typed,
   * whether it makes an entry ineligible. Subjects repeat down a log; a log of all different ones
   * only starts the memory over.
   */
  subjectRefused: Map<string, boolean> | undefined;
  multiplied: boolean;
  /** Per format index, its credit rule (the numbers the pass computes credits with). */
  creditRules: CreditRule[];
  /** The program's categories, when it has any: every entry's are read (the Category column). */
  categories: CategoryLookup | undefined;
  /** Per format index, the first and last activity day it earns credit (effectiveFrom/effectiveTo). */
  formatFrom: Int32Array;
  formatTo: Int32Array;
  /** Entries no per-entry cap limits, when the program names some. */
  perEntryExempt: FilterPlan | undefined;
  /** Entries that count only when approved (eligibility `requiresApproval`), with the rule's index. */
  approvalNeeded: { rule: number; applies: FilterPlan }[];
  /** Multipliers limited to the first credits of a cycle (upTo), by index in program.multipliers. */
  limited: { index: number; upTo: number; factor: number; applies: FilterPlan; from: number; to: number }[];
  /** Carry-over from the log's previous cycle: which entries, up to how much, toward which minimums. */
  carryRules: { max: number; months: number; applies: FilterPlan; minimums: Uint8Array } | undefined;
  /** Entries that count once per course (uniqueBy), and the fields that name the course. */
  unique: { applies: FilterPlan; activity: boolean; provider: boolean; format: boolean } | undefined;
}

export interface Plan extends Omit<RulesPlan, 'caps'> {
  /** The program's rules in force for the cycle. */
  program: Program;
  asOf: DayNumber;
  profile: ProfileFacts;
  dates: CycleDates;
  required: number;
  carriedOver: number;
  /** The cycle's anniversaries, for each entry's cycle year (`cycleYearAt`). */
  anniversaries: DayNumber[];
  /** Last day whose credit counts at `asOf` (`earningEnd`: the window's end, or a grace period's). */
  earningEnd: DayNumber;
  /** Last day an entry counts: `earningEnd`, or `asOf` when earlier (later entries are planned). */
  lastDay: DayNumber;
  /** Slots per format in a cap group key: cycle years 0 to cycleYears + 1 (or calendar years, if more). */
  yearSlots: number;
  /** The first days of the calendar years of the window (`calendarYearAt`). */
  calendarStarts: DayNumber[];
  /** Calendar years the window touches. */
  calendarYears: number;
  caps: CapPlan[];
  minimumRules: readonly Minimum[];
  /** The first day of the previous cycle's months whose credits may carry over (carryOverFromLog). */
  carryFrom: DayNumber | undefined;
}

function usesProvider(filter: EntryFilter | undefined): boolean {
  return !!filter && (filter.providerMatches !== undefined || filter.providerNotMatches !== undefined);
}

export function planFilter(program: Program, filter: EntryFilter | undefined): FilterPlan {
  return {
    formats: Uint8Array.from(program.formats, (f) => (!filter?.formats || filter.formats.includes(f.id) ? 1 : 0)),
    approved: filter?.approved === undefined ? -1 : filter.approved ? 1 : 0,
    providerMatches: filter?.providerMatches,
    providerNotMatches: filter?.providerNotMatches,
    categories: filterCategoryMask(program, filter),
  };
}

const compiled = new WeakMap<Program, RulesPlan>();

function compileRules(program: Program): RulesPlan {
  let plan = compiled.get(program);
  if (plan) return plan;
  const { caps, minimums } = program;
  const annualMinimums = minimums.some((m) => m.period === 'cycleYear');
  const ids = program.formats.map((f) => f.id);
  const sorted = [...ids].sort((a, b) => (a === b ? 0 : a < b ? -1 : 1));
  plan = {
    formats: formatLookup(program),
    formatIndex: new Map(program.formats.map((f, i) => [f, i])),
    formatRank: Int32Array.from(ids, (id) => sorted.indexOf(id)),
    capsOfFormat: [],
    caps: caps.map((c) => ({
      cap: c,
      applies: planFilter(program, c.appliesTo),
      exempt: c.exempt ? planFilter(program, c.exempt) : undefined,
      byFormat: c.groupBy === 'format',
      byYear: c.period === 'cycleYear',
      byCalendarYear: c.period === 'calendarYear',
      from: inForceSpan(c)[0],
      to: inForceSpan(c)[1],
    })),
    minimums: minimums.map((m) => planFilter(program, m.filter)),
    annualMinimums,
    calendarMinimums: minimums.some((m) => m.period === 'calendarYear'),
    needsYear: annualMinimums || caps.some((c) => c.period === 'cycleYear'),
    needsCalendarYear: [...caps, ...minimums].some((r) => r.period === 'calendarYear'),
    needsProvider:
      usesProvider(program.perEntryCapExempt) ||
      program.multipliers.some((m) => usesProvider(m.when)) ||
      program.eligibility.some((r) => r.type === 'requiresApproval' && usesProvider(r.appliesTo)) ||
      caps.some((c) => usesProvider(c.appliesTo) || usesProvider(c.exempt)) ||
      minimums.some((m) => usesProvider(m.filter)) ||
      usesProvider(program.perEntryCapExempt) ||
      usesProvider(program.carryOverFromLog?.appliesTo) ||
      !!program.uniqueBy?.fields.includes('provider') ||
      usesProvider(program.uniqueBy?.appliesTo),
    needsSubject: program.eligibility.some((r) => r.type === 'subjectInList'),
    judged: Uint8Array.from(program.formats, (f) =>
      program.eligibility.some(
        (r) => r.type === 'subjectInList' || (r.type === 'minimumGrade' && r.formats.includes(f.id)),
      )
        ? 1
        : 0,
    ),
    subjectRefused:
      program.eligibility.length > 0 && program.eligibility.every((r) => r.type === 'subjectInList')
        ? new Map()
        : undefined,
    multiplied: program.multipliers.length > 0,
    creditRules: program.formats.map((f) => creditRule(program, f)),
    categories: categoryLookup(program),
    formatFrom: Int32Array.from(program.formats, (f) => inForceSpan(f)[0]),
    formatTo: Int32Array.from(program.formats, (f) => inForceSpan(f)[1]),
    perEntryExempt: program.perEntryCapExempt ? planFilter(program, program.perEntryCapExempt) : undefined,
    approvalNeeded: program.eligibility.flatMap((r, rule) =>
      r.type === 'requiresApproval' ? [{ rule, applies: planFilter(program, r.appliesTo) }] : [],
    ),
    limited: program.multipliers.flatMap((m, index) =>
      m.upTo === undefined
        ? []
        : [
            {
              index,
              upTo: m.upTo,
              factor: m.factor,
              applies: planFilter(program, m.when),
              from: inForceSpan(m)[0],
              to: inForceSpan(m)[1],
            },
          ],
    ),
    carryRules: program.carryOverFromLog && {
      max: program.carryOverFromLog.maxCredits,
      months: program.carryOverFromLog.lastMonths,
      applies: planFilter(program, program.carryOverFromLog.appliesTo),
      minimums: Uint8Array.from(minimums, (m) => (program.carryOverFromLog!.countsToward.includes(m.id) ? 1 : 0)),
    },
    unique: program.uniqueBy && {
      applies: planFilter(program, program.uniqueBy.appliesTo),
      activity: program.uniqueBy.fields.includes('activity'),
      provider: program.uniqueBy.fields.includes('provider'),
      format: program.uniqueBy.fields.includes('format'),
    },
  };
  const capPlans = plan.caps;
  plan.capsOfFormat = program.formats.map((_, fi) => capPlans.flatMap((c, k) => (c.applies.formats[fi] ? [k] : [])));
  compiled.set(program, plan);
  return plan;
}

/** The program's required credits, with `requiredPerFact` for each whole unit of its fact (up to `maxCount`). */
function baseRequired(program: Program, profile: ProfileFacts): number {
  const per = program.requiredPerFact;
  if (!per) return program.required;
  const count = Math.min(per.maxCount, Math.max(0, Math.floor(factNumber(profile, per.fact) ?? 0)));
  return clean(program.required + count * per.credits);
}

export function requiredCredits(program: Program, dates: CycleDates, profile: ProfileFacts): number {
  const full = baseRequired(program, profile);
  if (!program.proRating || factBoolean(profile, program.proRating.fact) !== true) return full;
  let months = 0;
  // Whole months from the cycle start to the window end.
  const start = new Date(dates.cycleStart * 86_400_000);
  const end = new Date(dates.windowEnd * 86_400_000);
  months = (end.getUTCFullYear() - start.getUTCFullYear()) * 12 + end.getUTCMonth() - start.getUTCMonth();
  if (end.getUTCDate() < start.getUTCDate()) months--;
  return Math.min(full, Math.ceil(clean(Math.max(0, months) * program.proRating.creditsPerMonth)));
}

/**
 * Credits brought from the previous cycle, up to the program's maximum. The profile's schema refuses
 * anything but a finite number >= 0; a host that skips it still gets a finite total.
 */
export function carriedOverCredits(program: Program, profile: ProfileFacts): number {
  if (!program.carryOver) return 0;
  const given = factNumber(profile, program.carryOver.fact) ?? 0;
  if (!(given > 0)) return 0;
  return Math.min(given, program.carryOver.maxCredits);
}

/** The last plan compiled without a profile: status cells ask again and again for the same one. */
let last: { program: Program; cycleStart: DayNumber; asOf: DayNumber; plan: Plan } | undefined;

/** The program compiled for a cycle and a date. A plan is never changed once made. */
export function compilePlan(program: Program, options: EvaluateOptions): Plan {
  if (options.profile === undefined) {
    if (last && last.program === program && last.cycleStart === options.cycleStart && last.asOf === options.asOf)
      return last.plan;
    const plan = compile(program, options);
    last = { program, cycleStart: options.cycleStart, asOf: options.asOf, plan };
    return plan;
  }
  return compile(program, options);
}

function compile(program: Program, options: EvaluateOptions): Plan {
  const rules = programForCycle(program, options.cycleStart);
  const base = compileRules(rules);
  const profile: ProfileFacts = { attestations: {}, ...options.profile };
  const dates = cycleDates(rules, options.cycleStart, profile);
  const earnedBy = earningEnd(dates, options.asOf);
  const lastDay = Math.min(earnedBy, options.asOf) as DayNumber;
  const required = requiredCredits(rules, dates, profile);
  const calendarStarts = calendarYearStarts(dates.cycleStart, Math.max(dates.windowEnd, earnedBy) as DayNumber);
  // One object literal with every field (no spread): the pass's optimised code is specialised to the
  // plan's hidden class, which a spread may make differ from call to call.
  return {
    formats: base.formats,
    formatIndex: base.formatIndex,
    formatRank: base.formatRank,
    capsOfFormat: base.capsOfFormat,
    minimums: base.minimums,
    annualMinimums: base.annualMinimums,
    calendarMinimums: base.calendarMinimums,
    needsYear: base.needsYear,
    needsCalendarYear: base.needsCalendarYear,
    needsProvider: base.needsProvider,
    needsSubject: base.needsSubject,
    judged: base.judged,
    subjectRefused: base.subjectRefused,
    multiplied: base.multiplied,
    creditRules: base.creditRules,
    categories: base.categories,
    formatFrom: base.formatFrom,
    formatTo: base.formatTo,
    perEntryExempt: base.perEntryExempt,
    approvalNeeded: base.approvalNeeded,
    unique: base.unique,
    carryRules: base.carryRules,
    limited: base.limited,
    program: rules,
    asOf: options.asOf,
    profile,
    dates,
    required,
    carriedOver: carriedOverCredits(rules, profile),
    anniversaries: cycleAnniversaries(dates.cycleStart, dates.cycleYears),
    earningEnd: earnedBy,
    lastDay,
    yearSlots: Math.max(dates.cycleYears, calendarStarts.length - 1) + 2,
    calendarStarts,
    calendarYears: calendarStarts.length - 1,
    caps: base.caps.map((c) => ({
      cap: c.cap,
      limit: capLimit(c.cap, required),
      applies: c.applies,
      exempt: c.exempt,
      byFormat: c.byFormat,
      byYear: c.byYear,
      byCalendarYear: c.byCalendarYear,
      from: c.from,
      to: c.to,
    })),
    minimumRules: rules.minimums,
    carryFrom: base.carryRules && addMonths(dates.cycleStart, -base.carryRules.months),
  };
}
