/**
 * The totals of a log without the details: what RECERT_STATUS, CREDITS_EARNED and CREDITS_NEEDED
 * show. These run on Excel's recalculation path, once per status cell per edit, so this is one pass
 * over the rows that keeps a few numbers per counted entry (in typed arrays) and builds no entry
 * objects, reasons, flags or proof messages: those are for the pane and the summary (`evaluateLog`).
 *
 * It applies the same rules through the same functions as `evaluateLog` (one definition of a valid
 * row, of an entry's credits and eligibility, of a minimum's result and of the status line), and the
 * tests hold the two to the same totals on random logs. The one place where the detailed evaluation
 * needs more than totals is a cap that clips: which entries it clips follows the fill order (date,
 * then content). When every entry of a clipped group counts toward the same minimums and falls in
 * the same groups of later caps, which entries are clipped cannot change any total, so the pass
 * clips in row order; otherwise it hands the log to `evaluateLog`.
 */
import { capLimit } from './caps';
import type { ColumnMap } from './columns';
import { entryCredits } from './credits';
import { cycleAnniversaries, cycleDates, cycleYearAt } from './cycle';
import type { DayNumber } from './dates';
import { carriedOverCredits, describeStatus, evaluateLog, minimumResult, requiredCredits, type EvaluateOptions } from './evaluate';
import type { MinimumResult } from './evaluation';
import { containsAnyPhrase, type FilterSubject } from './filters';
import { eligibility, type EligibilityFacts, type Flag } from './judgments';
import { emptyFacts, formatLookup, isEmptyRow, readDate, readHeader, readRow, readText, type Cells, type LogError } from './log';
import type { ProfileFacts } from './profile';
import { clean } from './rounding';
import type { EntryFilter, Format, Program, StatusKeyword } from './schema';
import { programForCycle } from './versions';

export interface Totals {
  ok: true;
  keyword: StatusKeyword;
  /** The RECERT_STATUS line. */
  line: string;
  required: number;
  earned: number;
  needed: number;
  /**
   * The columns (0-based) of data rows these totals depend on, besides the header row; undefined
   * when they may depend on every cell. An edit anywhere else (an activity's title, a note) cannot
   * change them.
   */
  inputs: readonly number[] | undefined;
}

export type TallyResult = Totals | LogError;

function usesProvider(filter: EntryFilter | undefined): boolean {
  return !!filter && (filter.providerMatches !== undefined || filter.providerNotMatches !== undefined);
}

/**
 * An entry filter read once for the pass: `matchesFilter` (src/core/filters.ts) with the format test
 * turned into a lookup by format index. The equivalence tests hold the two to the same totals.
 */
interface FilterPlan {
  formats: Uint8Array;
  /** -1: either; 0: not approved; 1: approved. */
  approved: number;
  providerMatches: readonly string[] | undefined;
  providerNotMatches: readonly string[] | undefined;
}

function planFilter(program: Program, filter: EntryFilter | undefined): FilterPlan {
  return {
    formats: Uint8Array.from(program.formats, (f) => (!filter?.formats || filter.formats.includes(f.id) ? 1 : 0)),
    approved: filter?.approved === undefined ? -1 : filter.approved ? 1 : 0,
    providerMatches: filter?.providerMatches,
    providerNotMatches: filter?.providerNotMatches,
  };
}

function passes(plan: FilterPlan, formatIndex: number, approved: boolean, provider: string): boolean {
  if (plan.formats[formatIndex] === 0) return false;
  if (plan.approved >= 0 && plan.approved !== (approved ? 1 : 0)) return false;
  if (plan.providerMatches && !containsAnyPhrase(provider, plan.providerMatches)) return false;
  if (plan.providerNotMatches && containsAnyPhrase(provider, plan.providerNotMatches)) return false;
  return true;
}

/**
 * The column map as an object of one fixed shape. The header match builds it key by key in header
 * order, so its hidden class depends on the log; optimised code specialised to such a class is thrown
 * away whenever the garbage collector frees it, which then happens on every recalculation.
 */
function ofOneShape(map: ColumnMap): ColumnMap {
  return {
    date: map.date,
    activity: map.activity,
    provider: map.provider,
    format: map.format,
    hours: map.hours,
    selfStudyHours: map.selfStudyHours,
    subject: map.subject,
    approved: map.approved,
    proof: map.proof,
    score: map.score,
    grade: map.grade,
    location: map.location,
    proofLink: map.proofLink,
    credits: map.credits,
    status: map.status,
    notes: map.notes,
  } satisfies Required<Record<keyof ColumnMap, number | undefined>>;
}

/** The totals `evaluateLog` would give for the same log, in one lean pass. */
export function tallyLog(program: Program, cells: Cells, options: EvaluateOptions): TallyResult {
  const rules = programForCycle(program, options.cycleStart);
  const header = readHeader(cells);
  if ('ok' in header) return header;
  const totals = tallyRows(rules, cells, ofOneShape(header.map), options);
  if (totals) return totals;
  const full = evaluateLog(program, cells, options);
  if (!full.ok) return full;
  const e = full.evaluation;
  // The fill order of a clipping cap looks at every cell of its entries.
  return { ok: true, keyword: e.status.keyword, line: e.status.line, required: e.required, earned: e.earned, needed: e.needed, inputs: undefined };
}

/** What a pass asks of a program's rules, worked out once per program. */
interface TallyPlan {
  formatIndex: Map<Format, number>;
  caps: { applies: FilterPlan; exempt: FilterPlan | undefined; byFormat: boolean; byYear: boolean }[];
  minimums: FilterPlan[];
  annualMinimums: boolean;
  needsYear: boolean;
  needsProvider: boolean;
  needsSubject: boolean;
  /** Per format index: whether any eligibility rule looks at entries of that format. */
  judged: boolean[];
  multiplied: boolean;
}

const plans = new WeakMap<Program, TallyPlan>();

function planFor(program: Program): TallyPlan {
  let plan = plans.get(program);
  if (plan) return plan;
  const { caps, minimums } = program;
  const annualMinimums = minimums.some((m) => m.period === 'cycleYear');
  plan = {
    formatIndex: new Map(program.formats.map((f, i) => [f, i])),
    caps: caps.map((c) => ({
      applies: planFilter(program, c.appliesTo),
      exempt: c.exempt ? planFilter(program, c.exempt) : undefined,
      byFormat: c.groupBy === 'format',
      byYear: c.period === 'cycleYear',
    })),
    minimums: minimums.map((m) => planFilter(program, m.filter)),
    annualMinimums,
    needsYear: annualMinimums || caps.some((c) => c.period === 'cycleYear'),
    needsProvider:
      program.multipliers.some((m) => usesProvider(m.when)) ||
      caps.some((c) => usesProvider(c.appliesTo) || usesProvider(c.exempt)) ||
      minimums.some((m) => usesProvider(m.filter)),
    needsSubject: program.eligibility.some((r) => r.type === 'subjectInList'),
    judged: program.formats.map((f) => program.eligibility.some((r) => r.type !== 'minimumGrade' || r.formats.includes(f.id))),
    multiplied: program.multipliers.length > 0,
  };
  plans.set(program, plan);
  return plan;
}

/**
 * The pass's figures per counted entry, in typed arrays. Plain functions over them, no closures made
 * per call: optimised code that refers to an object made by one call is thrown away once that object
 * is collected, and this runs on every recalculation.
 */
interface Entries {
  counted: Float64Array;
  year: Int32Array;
  capGroup: Int32Array[];
  inMinimum: Uint8Array[];
}

/**
 * Entries a and b of a group of cap k count toward the same minimums (in the same cycle year, when a
 * minimum is annual) and fall in the same groups of every later cap: clipping one rather than the
 * other cannot change a total.
 */
function sameDownstream(e: Entries, plan: TallyPlan, k: number, a: number, b: number): boolean {
  if (plan.annualMinimums && e.year[a] !== e.year[b]) return false;
  for (let m = 0; m < e.inMinimum.length; m++) if (e.inMinimum[m]![a] !== e.inMinimum[m]![b]) return false;
  for (let later = k + 1; later < e.capGroup.length; later++) if (e.capGroup[later]![a] !== e.capGroup[later]![b]) return false;
  return true;
}

/**
 * The typed arrays of the last pass, reused: a pass writes each slot before it reads it, passes never
 * overlap (they are synchronous), and a fresh set per call would be megabytes of buffers for the
 * garbage collector on every recalculation of a big log. They only grow.
 */
let scratch: Entries = { counted: new Float64Array(0), year: new Int32Array(0), capGroup: [], inMinimum: [] };

function entriesFor(rows: number, caps: number, minimums: number): Entries {
  if (scratch.counted.length < rows) {
    const size = Math.max(rows, Math.ceil(scratch.counted.length * 1.5));
    scratch = { counted: new Float64Array(size), year: new Int32Array(size), capGroup: [], inMinimum: [] };
  }
  const size = scratch.counted.length;
  while (scratch.capGroup.length < caps) scratch.capGroup.push(new Int32Array(size));
  while (scratch.inMinimum.length < minimums) scratch.inMinimum.push(new Uint8Array(size));
  return { counted: scratch.counted, year: scratch.year, capGroup: scratch.capGroup.slice(0, caps), inMinimum: scratch.inMinimum.slice(0, minimums) };
}

function tallyRows(program: Program, cells: Cells, map: ColumnMap, options: EvaluateOptions): Totals | undefined {
  const { asOf, cycleStart } = options;
  const profile: ProfileFacts = { attestations: {}, ...options.profile };
  const dates = cycleDates(program, cycleStart);
  const required = requiredCredits(program, dates, profile);
  const formats = formatLookup(program);
  const plan = planFor(program);
  const { caps, minimums } = program;
  const { needsYear, needsProvider, needsSubject, judged, multiplied, formatIndex } = plan;
  const capPlans = plan.caps;
  const minimumPlans = plan.minimums;
  const anniversaries = cycleAnniversaries(dates.cycleStart, needsYear ? dates.cycleYears : -1);

  // Per counted entry: its credits (lowered by caps), cycle year, group in each cap, minimums it counts toward.
  const e = entriesFor(Math.max(0, cells.length - 1), caps.length, minimums.length);
  const { counted, year, capGroup, inMinimum } = e;
  const yearSlots = dates.cycleYears + 2;
  let n = 0;

  const dateColumn = map.date!;
  const firstDay = dates.cycleStart;
  const lastDay = Math.min(dates.windowEnd, asOf);
  const providerColumn = needsProvider ? map.provider : undefined;
  const subjectColumn = needsSubject ? map.subject : undefined;

  const facts = emptyFacts();
  const subject: FilterSubject = { formatId: '', approved: false, provider: '' };
  const eligible: EligibilityFacts = { subject: '', format: program.formats[0]!, grade: undefined };
  const noFlags: Flag[] = [];

  for (let r = 1; r < cells.length; r++) {
    const row = cells[r];
    if (!row) continue;
    // A row dated outside the window, or still planned, counts for nothing whatever its other cells
    // say: the date is checked first, so such rows cost one cell.
    const day = readDate(row[dateColumn]);
    if (typeof day === 'number' && (day < firstDay || day > lastDay)) continue;
    if (isEmptyRow(row) || !readRow(row, map, formats, facts)) continue;
    const date = facts.date;
    const format = facts.format!;
    const approved = facts.approved;
    const provider = providerColumn === undefined ? '' : readText(row[providerColumn]);
    const fi = formatIndex.get(format)!;
    if (judged[fi]) {
      eligible.format = format;
      eligible.grade = facts.grade;
      eligible.subject = subjectColumn === undefined ? '' : readText(row[subjectColumn]);
      if (noFlags.length) noFlags.length = 0;
      if (eligibility(program, eligible, noFlags)) continue;
    }
    let credits: number;
    if (multiplied) {
      subject.formatId = format.id;
      subject.approved = approved;
      subject.provider = provider;
      credits = entryCredits(program, format, facts.hours, facts.selfStudyHours, subject);
    } else credits = entryCredits(program, format, facts.hours, facts.selfStudyHours);
    counted[n] = credits;
    const y = needsYear ? cycleYearAt(anniversaries, date) : 0;
    if (needsYear) year[n] = y;
    for (let k = 0; k < capPlans.length; k++) {
      const cap = capPlans[k]!;
      const member = credits > 0 && passes(cap.applies, fi, approved, provider) && !(cap.exempt && passes(cap.exempt, fi, approved, provider));
      capGroup[k]![n] = member ? (cap.byFormat ? fi : 0) * yearSlots + (cap.byYear ? y : 0) : -1;
    }
    for (let m = 0; m < minimumPlans.length; m++) inMinimum[m]![n] = passes(minimumPlans[m]!, fi, approved, provider) ? 1 : 0;
    n++;
  }

  for (let k = 0; k < caps.length; k++) {
    const limit = capLimit(caps[k]!, required);
    const groups = capGroup[k]!;
    const claimed = new Float64Array(program.formats.length * yearSlots);
    for (let i = 0; i < n; i++) {
      const g = groups[i]!;
      if (g >= 0) claimed[g] = clean(claimed[g]! + counted[i]!);
    }
    // Every group over its limit is clipped in one pass, in row order: first checking that the entry
    // agrees downstream with the group's first entry that counts (else which entries are clipped could
    // change a total: the detailed evaluation decides), then filling the group's allowance.
    const used = new Float64Array(claimed.length);
    const first = new Int32Array(claimed.length).fill(-1);
    for (let i = 0; i < n; i++) {
      const g = groups[i]!;
      if (g < 0 || claimed[g]! <= limit) continue;
      const c = counted[i]!;
      if (c !== 0) {
        if (first[g]! < 0) first[g] = i;
        else if (!sameDownstream(e, plan, k, first[g]!, i)) return undefined;
      }
      const room = Math.max(0, clean(limit - used[g]!));
      const take = Math.min(c, room);
      used[g] = clean(used[g]! + take);
      if (take < c) counted[i] = clean(take);
    }
  }


  const carriedOver = carriedOverCredits(program, profile);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += counted[i]!;
  const earned = clean(sum + carriedOver);

  const minimumResults: MinimumResult[] = minimums.map((m, index) => {
    const member = inMinimum[index]!;
    const perYear = new Array<number>(dates.cycleYears + 1).fill(0);
    let total = 0;
    for (let i = 0; i < n; i++) {
      if (!member[i]) continue;
      total += counted[i]!;
      const y = needsYear ? year[i]! : 0;
      if (y >= 1 && y <= dates.cycleYears) perYear[y]! += counted[i]!;
    }
    return minimumResult(m, dates.cycleYears, total, perYear);
  });

  const status = describeStatus(program, dates, asOf as DayNumber, required, earned, minimumResults);
  // What readRow checks, and the free text the rules look at. Whether a row counts as empty (all
  // its cells blank) does not matter: a row whose checked cells are blank has no date, so it counts
  // for nothing either way.
  const read = [map.date, map.format, map.hours, map.selfStudyHours, map.approved, map.proof, map.score, map.grade, map.credits, map.status];
  // Credits as awarded go through the program's multipliers, which may look at the provider.
  if (needsProvider || map.credits !== undefined) read.push(map.provider);
  if (needsSubject) read.push(map.subject);
  const inputs = [...new Set(read.filter((c): c is number => c !== undefined))].sort((a, b) => a - b);
  return { ok: true, keyword: status.keyword, line: status.line, required, earned, needed: status.needed, inputs };
}
