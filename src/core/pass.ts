/**
 * The one evaluation of a log: a pass over the rows into a column-wise table of entries (typed
 * arrays), caps clipping that table, and the totals read straight off it. The cell functions stop
 * there (`evaluateTotals`); the pane, the summary and the command line add the explanation
 * (evaluate.ts: reasons, flags, status detail, hints, checklist), which reads the same table and
 * decides nothing the totals depend on. The stepwise evaluation (evaluate-steps.ts) is this pass run a
 * chunk of rows at a time.
 *
 * Two modes of the same pass: `detail` keeps every valid row (also those outside the window, planned
 * or ineligible, which the explanation lists) and reports row problems; without it (totals only) a
 * row that cannot count is skipped as early as possible, and only the facts the rules need are read.
 */
import { COLUMN_BY_KEY, normalizeName, withCategoryAsFormat, type ColumnKey, type ColumnMap } from './columns';
import { calendarYearAt } from './caps';
import { creditsFromRaw, creditsFromRawByRule, rawCredits } from './credits';
import { cycleYearAt, MissingDateFactError } from './cycle';
import type { DayNumber } from './dates';
import { describeStatus, minimumResult, type StatusDescription } from './status';
import type { MinimumResult } from './evaluation';
import { containsAnyPhrase, type FilterSubject } from './filters';
import { eligibility, type EligibilityFacts, type Flag } from './judgments';
import {
  emptyFacts,
  isEmptyRow,
  readHeader,
  readDatedRow,
  readLogDate,
  readRow,
  readText,
  type Cells,
  type LogEntry,
  type LogError,
  type RowFacts,
  type RowProblem,
  withDateOrderOf,
} from './log';
import { compilePlan, type EvaluateOptions, type FilterPlan, type Plan } from './plan';
import { clean, roundCredits } from './rounding';
import type { Format, Program, StatusKeyword } from './schema';

export const COUNTED = 0;
export const PLANNED = 1;
export const OUTSIDE_WINDOW = 2;
export const INELIGIBLE = 3;

/**
 * Why one of the newer rule types kept an entry from counting (table.why; table.whyRef says which
 * rule or entry): read by the explanation (explain-rules.ts).
 */
export const WHY_NONE = 0;
/** Its format earns nothing on the activity's date (effectiveFrom/effectiveTo). */
export const WHY_FORMAT_NOT_IN_FORCE = 1;
/** Not approved, and the program's approval is required (whyRef: the eligibility rule's index). */
export const WHY_NOT_APPROVED = 2;
/** A later copy of a course that counts once (uniqueBy; whyRef: the table index of the copy that counts). */
export const WHY_DUPLICATE = 3;
/** Earned before the cycle start, and may carry over (carryOverFromLog): `counted` is what does. */
export const WHY_CARRY = 4;

/**
 * One slot per entry kept by the pass, in row order. `capGroup[k]` is the entry's group in cap k (-1:
 * not capped by it); `inMinimum[m]` is 1 when its counted credits go toward minimum m.
 */
export interface EntryTable {
  n: number;
  /** Index of the entry's row in the cells (0 is the header row). */
  row: Int32Array;
  date: Int32Array;
  format: Int32Array;
  /** Before the per-entry cap and rounding. */
  raw: Float64Array;
  /** After the per-entry cap and rounding: the activity's credits on their own. */
  claimed: Float64Array;
  /** What counts after the window, eligibility and caps. */
  counted: Float64Array;
  state: Uint8Array;
  year: Int32Array;
  /** The entry's calendar year, 1 for the cycle start's (plan.calendarStarts). */
  calYear: Int32Array;
  /** Bits of the entry's categories (plan.categories); 0 when the program has none. */
  cats: Int32Array;
  /** Bit k: limited multiplier k (plan.limited) applies to the entry. */
  boosted: Int32Array;
  /** 1: no per-entry cap limits the entry (perEntryCapExempt). */
  capFree: Uint8Array;
  /** A WHY_ code, and the rule or entry it refers to. */
  why: Uint8Array;
  whyRef: Int32Array;
  capGroup: Int32Array[];
  inMinimum: Uint8Array[];
}

/** A group of a cap, once clipped. */
export interface CapGroup {
  cap: number;
  key: number;
  /** The group's first entry (table index), whose format names a group of all formats. */
  first: number;
  claimed: number;
  counted: number;
}

/** A clipped entry, for the explanation: in group `group` (index into the groups), `take` of `before` counted. */
export interface Clip {
  entry: number;
  group: number;
  take: number;
  before: number;
}

/** Limited multiplier `k` (plan.limited) on table entry `entry`: `part` of its `base` credits multiplied. */
export interface Boost {
  entry: number;
  k: number;
  base: number;
  part: number;
}

export interface Pass {
  plan: Plan;
  cells: Cells;
  map: ColumnMap;
  detail: boolean;
  firstRow: number;
  headers: string[];
  unknownHeaders: string[];
  table: EntryTable;
  problems: RowProblem[];
  /** Rows that are not activities (totals, Status not completed), with why: kept by a detailed pass. */
  skipped: { row: number; reason: string }[];
  rowsRead: number;
  /** Entries as the explanation and the fill order of caps read them, made when first asked for. */
  entries: (LogEntry | undefined)[];
  groups: CapGroup[];
  clips: Clip[];
  /** Whether a cap's fill order compared entries (so the totals may depend on every cell). */
  ordered: boolean;
  /** What limited multipliers did to each entry they apply to (a detailed pass only). */
  boosts: Boost[];
  /** Per table index, the course an entry is (uniqueBy), for entries that count so far. */
  courses: (string | undefined)[];
  /**
   * Per table index (sparse), the credits of the entry that go toward each minimum when its Category
   * cell gives the hours spent on the minimum's categories (-1: all its counted credits).
   */
  parts: (Float64Array | undefined)[];
  /** Credits carried over from the log's previous cycle (carryOverFromLog), once settled. */
  carried: number;
  /** Whether the rules across entries that come before the caps have run (`settle`). */
  settled: boolean;
  /** Totals only: 1 for each data row skipped on its Date cell alone (see `Totals.inert`). */
  inert: Uint8Array | undefined;
}

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
  /**
   * With `inputs` (the Date column first): 1 per data row (by index in the cells) that its Date cell
   * alone made count for nothing (no date, or one outside the window or after asOf). While that cell
   * holds the same value, no other cell of the row can change the totals.
   */
  inert: Uint8Array | undefined;
}

export type TotalsResult = Totals | LogError;

/** The totals off a clipped table, and everything the explanation reuses from them. */
export interface TableTotals {
  earned: number;
  minimums: MinimumResult[];
  status: StatusDescription;
}

function passes(plan: FilterPlan, formatIndex: number, approved: boolean, provider: string, cats: number): boolean {
  if (plan.formats[formatIndex] === 0) return false;
  if (plan.categories !== 0 && (plan.categories & cats) === 0) return false;
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
function ofOneShape(given: ColumnMap, programHasCategories: boolean): ColumnMap {
  const map = withCategoryAsFormat(given, programHasCategories);
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
    category: map.category,
  } satisfies Required<Record<keyof ColumnMap, number | undefined>>;
}

function newTable(size: number, caps: number, minimums: number): EntryTable {
  return {
    n: 0,
    row: new Int32Array(size),
    date: new Int32Array(size),
    format: new Int32Array(size),
    raw: new Float64Array(size),
    claimed: new Float64Array(size),
    counted: new Float64Array(size),
    state: new Uint8Array(size),
    year: new Int32Array(size),
    calYear: new Int32Array(size),
    cats: new Int32Array(size),
    boosted: new Int32Array(size),
    capFree: new Uint8Array(size),
    why: new Uint8Array(size),
    whyRef: new Int32Array(size),
    capGroup: Array.from({ length: caps }, () => new Int32Array(size)),
    inMinimum: Array.from({ length: minimums }, () => new Uint8Array(size)),
  };
}

/**
 * The table of the last totals-only pass, reused: that pass writes each slot before it reads it,
 * such passes never overlap (they are synchronous and keep nothing), and a fresh table per call would
 * be megabytes of buffers for the garbage collector on every recalculation of a big log. It only
 * grows. A detailed pass, whose table the explanation reads later (perhaps after pauses), has its own.
 */
let scratch = newTable(0, 0, 0);

function scratchTable(rows: number, caps: number, minimums: number): EntryTable {
  if (scratch.row.length < rows) {
    const size = Math.max(rows, Math.ceil(scratch.row.length * 1.5));
    scratch = newTable(size, 0, 0);
  }
  const size = scratch.row.length;
  while (scratch.capGroup.length < caps) scratch.capGroup.push(new Int32Array(size));
  while (scratch.inMinimum.length < minimums) scratch.inMinimum.push(new Uint8Array(size));
  const t = scratch;
  return {
    n: 0,
    row: t.row,
    date: t.date,
    format: t.format,
    raw: t.raw,
    claimed: t.claimed,
    counted: t.counted,
    state: t.state,
    year: t.year,
    calYear: t.calYear,
    cats: t.cats,
    boosted: t.boosted,
    capFree: t.capFree,
    why: t.why,
    whyRef: t.whyRef,
    capGroup: t.capGroup.slice(0, caps),
    inMinimum: t.inMinimum.slice(0, minimums),
  };
}

/** Reads the header and compiles the plan; the rows are read by `passRows`. */
export function startPass(program: Program, cells: Cells, options: EvaluateOptions, detail: boolean): Pass | LogError {
  const header = readHeader(cells, { dateOrder: options.dateOrder, words: program.headerWords });
  if ('ok' in header) return header;
  let plan: Plan;
  try {
    plan = compilePlan(program, options);
  } catch (e) {
    // The cycle's dates need a profile fact that is missing: say so rather than guess a date.
    if (e instanceof MissingDateFactError) return { ok: false, message: e.message };
    throw e;
  }
  const rows = Math.max(0, cells.length - 1);
  const caps = plan.caps.length;
  const minimums = plan.minimums.length;
  return {
    plan,
    cells,
    map: withDateOrderOf(ofOneShape(header.map, plan.categories !== undefined), header.map),
    detail,
    firstRow: options.firstRow ?? 1,
    headers: header.headers,
    unknownHeaders: header.unknownHeaders,
    table: detail ? newTable(rows, caps, minimums) : scratchTable(rows, caps, minimums),
    problems: [],
    skipped: [],
    rowsRead: 0,
    entries: [],
    groups: [],
    clips: [],
    ordered: false,
    boosts: [],
    courses: [],
    parts: [],
    carried: 0,
    settled: false,
    inert: detail ? undefined : new Uint8Array(cells.length),
  };
}

/**
 * What the pass reads a row into, made once: a pass is synchronous, so passes never share them, and
 * objects made per call send the pass's optimised code back to the interpreter on every call (their
 * allocation sites change with garbage collections).
 */
const rowFacts = emptyFacts();
const rowSubject: FilterSubject = {
  formatId: '',
  approved: false,
  provider: '',
  categories: undefined,
  date: undefined,
};
const rowEligibility: EligibilityFacts = {
  subject: '',
  format: undefined as unknown as EligibilityFacts['format'],
  date: 0,
  grade: undefined,
};
const rowFlags: Flag[] = [];

/** Reads rows `from` to `to` - 1 of the cells (row 0 is the header) into the table. */
export function passRows(pass: Pass, from: number, to: number): void {
  pass.table.n = readRows(pass, from, to);
}

/**
 * The loop of `passRows`; returns the table's new length. Nothing but the return follows the loop: on
 * a long log the first call runs its end in code compiled for the loop, which learns nothing about
 * what follows, so a property written there would send the next call's optimised code back.
 */
function readRows(pass: Pass, from: number, to: number): number {
  const { plan, cells, map, detail, table } = pass;
  const { program, formats, formatIndex, judged, multiplied, needsYear, anniversaries, creditRules } = plan;
  const {
    counted,
    claimed,
    raw,
    row: rowOf,
    date: dateOf,
    format: formatOf,
    state: stateOf,
    year,
    calYear,
    cats: catsOf,
    why: whyOf,
    whyRef,
    boosted,
    capFree,
    capGroup,
    inMinimum,
  } = table;
  const categories = plan.categories;
  const categoryColumn = categories === undefined ? undefined : map.category;
  const capPlans = plan.caps;
  const minimumPlans = plan.minimums;
  const yearSlots = plan.yearSlots;
  const firstDay = plan.dates.cycleStart;
  const windowEnd = plan.earningEnd;
  const asOf = plan.asOf;
  const lastDay = plan.lastDay;
  const dateColumn = map.date!;
  const providerColumn = plan.needsProvider ? map.provider : undefined;
  const subjectColumn = plan.needsSubject ? map.subject : undefined;
  const withYear = detail || needsYear;
  const withCalendarYear = detail || plan.needsCalendarYear;
  const { formatFrom, formatTo, perEntryExempt, approvalNeeded, unique, limited } = plan;
  const withoutLimited = limited.length > 0;
  const carryRules = plan.carryRules;
  const carryFrom = plan.carryFrom ?? firstDay;
  const earliest = Math.min(carryFrom, firstDay);
  const courses = pass.courses;
  const calendarStarts = plan.calendarStarts;
  const inert = pass.inert;
  const subjectRefused = plan.subjectRefused;

  const facts = rowFacts;
  const subject = rowSubject;
  const eligible = rowEligibility;
  const noFlags = rowFlags;
  let n = table.n;
  // No cap group, unless a cap takes the entry (see below).
  for (let k = 0; k < capPlans.length; k++) capGroup[k]!.fill(-1, n, n + to - from);
  const capsOfFormat = plan.capsOfFormat;

  for (let r = from; r < to; r++) {
    const row = cells[r];
    if (!row) continue;
    let fi: number;
    if (!detail) {
      // A row dated outside the window, or still planned, counts for nothing whatever its other cells
      // say (so does one without a date): the date is checked first, so such rows cost one cell.
      const day = readLogDate(row[dateColumn], map);
      if (typeof day !== 'number' || day < earliest || day > lastDay) {
        inert![r] = 1;
        continue;
      }
      fi = readDatedRow(row, map, formats, facts, day);
      if (fi < 0) continue;
    } else {
      if (isEmptyRow(row)) continue;
      pass.rowsRead++;
      if (!readRow(row, map, formats, facts)) {
        reportProblems(pass, row, r);
        continue;
      }
      fi = formatIndex.get(facts.format!)!;
    }
    const day = facts.date;
    const format = facts.format!;
    const approved = facts.approved;
    const provider = providerColumn === undefined ? '' : readText(row[providerColumn]);
    const cats =
      categories === undefined
        ? 0
        : categories.read(categoryColumn === undefined ? undefined : row[categoryColumn], fi);
    let state = day < firstDay || day > windowEnd ? OUTSIDE_WINDOW : day > asOf ? PLANNED : COUNTED;
    // A candidate to carry over meets the same rules as an entry that counts, then waits for `settle`.
    // It must be done by asOf, as any entry that counts (the totals alone skip a row dated after it).
    const carry =
      carryRules !== undefined &&
      day >= carryFrom &&
      day < firstDay &&
      day <= asOf &&
      passes(carryRules.applies, fi, approved, provider, cats);
    if (carry) state = COUNTED;
    if (state === COUNTED && judged[fi]) {
      const cell = subjectColumn === undefined ? '' : row[subjectColumn];
      let refused = subjectRefused !== undefined && typeof cell === 'string' ? subjectRefused.get(cell) : undefined;
      if (refused === undefined) {
        eligible.format = format;
        eligible.date = day;
        eligible.grade = facts.grade;
        eligible.subject = readText(cell);
        if (noFlags.length) noFlags.length = 0;
        refused = eligibility(program, eligible, noFlags) !== undefined;
        if (subjectRefused !== undefined && typeof cell === 'string') {
          if (subjectRefused.size >= 1024) subjectRefused.clear();
          subjectRefused.set(cell, refused);
        }
      }
      if (refused) state = INELIGIBLE;
    }
    let why = WHY_NONE;
    let ref = 0;
    if (state === COUNTED && (day < formatFrom[fi]! || day > formatTo[fi]!)) {
      state = INELIGIBLE;
      why = WHY_FORMAT_NOT_IN_FORCE;
      ref = fi;
    }
    if (state === COUNTED && !approved) {
      for (let k = 0; k < approvalNeeded.length; k++) {
        if (passes(approvalNeeded[k]!.applies, fi, approved, provider, cats)) {
          state = INELIGIBLE;
          why = WHY_NOT_APPROVED;
          ref = approvalNeeded[k]!.rule;
          break;
        }
      }
    }
    if (carry) {
      why = state === COUNTED ? WHY_CARRY : WHY_NONE;
      state = OUTSIDE_WINDOW;
    }
    if (state !== COUNTED && !detail && why !== WHY_CARRY) continue;
    let before: number;
    const rule = creditRules[fi]!;
    if (multiplied) {
      subject.formatId = format.id;
      subject.approved = approved;
      subject.provider = provider;
      subject.categories = categories === undefined ? undefined : categories.idsOf(cats);
      subject.date = day;
      before = rawCredits(program, format, facts.hours, facts.selfStudyHours, subject, withoutLimited);
    } else before = rule.fixed ?? facts.hours * rule.perHour + facts.selfStudyHours * rule.perSelfStudyHour;
    // Whether the per-entry cap spares the entry changes its credits only when they reach the cap; the
    // totals alone ask no more (the explanation, and the limited multipliers that change them later, do).
    const free =
      perEntryExempt !== undefined &&
      (detail || withoutLimited || before > rule.cap) &&
      passes(perEntryExempt, fi, approved, provider, cats);
    const credits = free ? roundCredits(before, program.rounding) : creditsFromRawByRule(rule, before);
    capFree[n] = free ? 1 : 0;
    let bits = 0;
    // Credits as awarded already hold whatever the limited multipliers gave them.
    if (withoutLimited && state === COUNTED && facts.credits === undefined) {
      for (let k = 0; k < limited.length; k++) {
        const m = limited[k]!;
        if (day >= m.from && day <= m.to && passes(m.applies, fi, approved, provider, cats)) bits |= 1 << k;
      }
    }
    boosted[n] = bits;
    // The explanation lists every entry: a detailed pass keeps it now rather than read the row again.
    if (detail) pass.entries[n] = logEntry(pass, row, r, facts, cats);
    rowOf[n] = r;
    dateOf[n] = day;
    formatOf[n] = fi;
    raw[n] = before;
    claimed[n] = credits;
    stateOf[n] = state;
    catsOf[n] = cats;
    whyOf[n] = why;
    whyRef[n] = ref;
    if (unique !== undefined)
      courses[n] =
        state === COUNTED && passes(unique.applies, fi, approved, provider, cats)
          ? courseOf(row, map, unique, fi)
          : undefined;
    const y = withYear ? cycleYearAt(anniversaries, day as DayNumber) : 0;
    year[n] = y;
    const cy = withCalendarYear ? calendarYearAt(calendarStarts, day as DayNumber) : 0;
    calYear[n] = cy;
    if (state === COUNTED) {
      counted[n] = credits;
      // Only the caps that take entries of the format: the others' groups were set to none above.
      const mine = capsOfFormat[fi]!;
      for (let j = 0; j < mine.length; j++) {
        const k = mine[j]!;
        const cap = capPlans[k]!;
        const member =
          credits > 0 &&
          day >= cap.from &&
          day <= cap.to &&
          passes(cap.applies, fi, approved, provider, cats) &&
          !(cap.exempt && passes(cap.exempt, fi, approved, provider, cats));
        capGroup[k]![n] = member
          ? (cap.byFormat ? fi : 0) * yearSlots + (cap.byYear ? y : cap.byCalendarYear ? cy : 0)
          : -1;
      }
      for (let m = 0; m < minimumPlans.length; m++)
        inMinimum[m]![n] = passes(minimumPlans[m]!, fi, approved, provider, cats) ? 1 : 0;
    } else if (why === WHY_CARRY) {
      counted[n] = 0;
      for (let k = 0; k < capPlans.length; k++) capGroup[k]![n] = -1;
      for (let m = 0; m < minimumPlans.length; m++)
        inMinimum[m]![n] = carryRules!.minimums[m] && passes(minimumPlans[m]!, fi, approved, provider, cats) ? 1 : 0;
    } else {
      counted[n] = 0;
      for (let k = 0; k < capPlans.length; k++) capGroup[k]![n] = -1;
      for (let m = 0; m < minimumPlans.length; m++) inMinimum[m]![n] = 0;
    }
    if (categoryColumn !== undefined) {
      const given = categories!.hoursIn(row[categoryColumn]);
      if (given !== undefined) pass.parts[n] = minimumParts(plan, inMinimum, n, cats, given, format);
    }
    n++;
  }
  return n;
}

/**
 * What of entry n goes toward each minimum over categories for which its Category cell gives hours:
 * those hours at the format's rate (a fixed-credit format: as credits). -1 where all of it goes.
 */
function minimumParts(
  plan: Plan,
  inMinimum: Uint8Array[],
  n: number,
  cats: number,
  given: Float64Array,
  format: Format,
): Float64Array | undefined {
  let parts: Float64Array | undefined;
  const rate = format.perEntry !== undefined ? 1 : format.perHour;
  for (let m = 0; m < plan.minimums.length; m++) {
    const shared = plan.minimums[m]!.categories & cats;
    if (!inMinimum[m]![n] || shared === 0) continue;
    let hours = 0;
    let whole = false;
    for (let b = 0; b < given.length; b++) {
      if ((shared & (1 << b)) === 0) continue;
      if (Number.isNaN(given[b]!)) whole = true;
      else hours += given[b]!;
    }
    if (whole) continue;
    parts ??= new Float64Array(plan.minimums.length).fill(-1);
    parts[m] = clean(hours * rate);
  }
  return parts;
}

/** The course an entry is, for uniqueBy: its fields normalised; undefined when its title is blank. */
function courseOf(
  row: readonly unknown[],
  map: ColumnMap,
  unique: NonNullable<Plan['unique']>,
  fi: number,
): string | undefined {
  let key = '';
  if (unique.activity) {
    const title = normalizeName(readText(map.activity === undefined ? undefined : row[map.activity]));
    if (title === '') return undefined;
    key += title;
  }
  if (unique.provider) key += '|' + normalizeName(readText(map.provider === undefined ? undefined : row[map.provider]));
  if (unique.format) key += '|' + fi;
  return key;
}

/**
 * The rules across entries that come before the caps: a course that counts once keeps its earliest
 * copy; multipliers limited to the first credits of a cycle; carry-over from the previous cycle.
 * Runs once, after the last row.
 */
function settle(pass: Pass): void {
  if (pass.settled) return;
  pass.settled = true;
  if (pass.plan.unique) dropDuplicates(pass);
  if (pass.plan.limited.length) applyLimited(pass);
  if (pass.plan.carryRules) applyCarry(pass);
}

/** Candidates to carry over count, earliest first, up to the program's most. */
function applyCarry(pass: Pass): void {
  const { table } = pass;
  const order: number[] = [];
  for (let i = 0; i < table.n; i++) if (table.why[i] === WHY_CARRY) order.push(i);
  sortInFillOrder(pass, order);
  let left = pass.plan.carryRules!.max;
  let carried = 0;
  for (const i of order) {
    const take = Math.min(table.claimed[i]!, left);
    left = clean(left - take);
    table.counted[i] = take;
    carried += take;
  }
  pass.carried = clean(carried);
}

/**
 * Multipliers limited to the first credits of a cycle: the entries that count take the allowance in
 * date order (then row order), each multiplying what is left of it; their credits are worked out again.
 */
function applyLimited(pass: Pass): void {
  const { table, plan, detail } = pass;
  const { raw, boosted, state } = table;
  const order: number[] = [];
  for (let i = 0; i < table.n; i++) if (boosted[i] !== 0 && state[i] === COUNTED) order.push(i);
  if (order.length === 0) return;
  sortInFillOrder(pass, order);
  plan.limited.forEach((m, k) => {
    let left = m.upTo;
    for (const i of order) {
      if ((boosted[i]! & (1 << k)) === 0) continue;
      const base = raw[i]!;
      const part = Math.min(base, left);
      left = clean(left - part);
      raw[i] = base + part * (m.factor - 1);
      if (detail) pass.boosts.push({ entry: i, k, base, part });
    }
  });
  const { program } = plan;
  for (const i of order) {
    const format = program.formats[table.format[i]!]!;
    const credits = table.capFree[i]
      ? roundCredits(raw[i]!, program.rounding)
      : creditsFromRaw(program, format, raw[i]!);
    table.claimed[i] = credits;
    table.counted[i] = credits;
  }
}

function dropDuplicates(pass: Pass): void {
  const { table, courses } = pass;
  const order: number[] = [];
  for (let i = 0; i < table.n; i++) if (courses[i] !== undefined) order.push(i);
  // On the same day, the copy that earns more counts: which one does not depend on where the rows sit.
  sortInFillOrder(pass, order);
  const firstOf = new Map<string, number>();
  for (const i of order) {
    const course = courses[i]!;
    const first = firstOf.get(course);
    if (first === undefined) {
      firstOf.set(course, i);
      continue;
    }
    table.state[i] = INELIGIBLE;
    table.why[i] = WHY_DUPLICATE;
    table.whyRef[i] = first;
    table.counted[i] = 0;
    for (const groups of table.capGroup) groups[i] = -1;
    for (const member of table.inMinimum) member[i] = 0;
  }
}

function reportProblems(pass: Pass, row: readonly unknown[], r: number): void {
  const rowNumber = pass.firstRow + r;
  const { map, problems } = pass;
  const facts = emptyFacts();
  readRow(row, map, pass.plan.formats, facts, (key: ColumnKey, message: string) => {
    const name = COLUMN_BY_KEY[key].header;
    problems.push({ row: rowNumber, column: name, columnIndex: map[key], message: `${name} ${message}` });
  });
  if (facts.skipped !== undefined) pass.skipped.push({ row: rowNumber, reason: facts.skipped });
}

/** Entry `i` of the table as a log entry: its row read again, with its free text (kept by a detailed pass). */
export function entryAt(pass: Pass, i: number): LogEntry {
  let entry = pass.entries[i];
  if (entry) return entry;
  const r = pass.table.row[i]!;
  const row = pass.cells[r]!;
  const facts = emptyFacts();
  readRow(row, pass.map, pass.plan.formats, facts);
  entry = logEntry(pass, row, r, facts, pass.table.cats[i]!);
  pass.entries[i] = entry;
  return entry;
}

function logEntry(pass: Pass, row: readonly unknown[], r: number, facts: RowFacts, cats: number): LogEntry {
  const { map } = pass;
  const categories = pass.plan.categories;
  const text = (c: number | undefined) => (c === undefined ? '' : readText(row[c]));
  return {
    row: pass.firstRow + r,
    date: facts.date,
    activity: text(map.activity),
    provider: text(map.provider),
    format: facts.format!,
    hours: facts.hours,
    selfStudyHours: facts.selfStudyHours,
    subject: text(map.subject),
    approved: facts.approved,
    proof: facts.proof,
    score: facts.score,
    grade: facts.grade,
    location: text(map.location),
    proofLink: text(map.proofLink),
    notes: text(map.notes),
    ...(categories === undefined ? {} : { categories: categories.idsOf(cats) }),
  };
}

function compare(p: string | number, q: string | number): number {
  return p === q ? 0 : p < q ? -1 : 1;
}

/**
 * The order in which a cap's group fills its allowance: date order; on the same date, an order by
 * content, so that which of two same-day entries is clipped (and so whether the counted credits are
 * at risk) never depends on where the rows sit.
 */
function fillOrder(pass: Pass, a: number, b: number): number {
  const t = pass.table;
  if (t.date[a] !== t.date[b]) return t.date[a]! - t.date[b]!;
  const rank = pass.plan.formatRank;
  if (t.format[a] !== t.format[b]) return rank[t.format[a]!]! - rank[t.format[b]!]!;
  if (t.claimed[a] !== t.claimed[b]) return t.claimed[b]! - t.claimed[a]!;
  if (t.cats[a] !== t.cats[b]) return t.cats[a]! - t.cats[b]!;
  const x = entryAt(pass, a);
  const y = entryAt(pass, b);
  return (
    compare(x.activity, y.activity) ||
    compare(x.provider, y.provider) ||
    compare(Number(x.approved), Number(y.approved)) ||
    compare(x.proof.join(';'), y.proof.join(';')) ||
    compare(x.score ?? -1, y.score ?? -1) ||
    compare(x.grade ?? '', y.grade ?? '') ||
    compare(x.subject, y.subject) ||
    compare(x.location, y.location) ||
    x.row - y.row
  );
}

/**
 * Entries a and b of a group of cap k count toward the same minimums (in the same cycle year, when a
 * minimum is annual) and fall in the same groups of every later cap: clipping one rather than the
 * other cannot change a total.
 */
function sameDownstream(pass: Pass, k: number, a: number, b: number): boolean {
  const t = pass.table;
  if (pass.plan.annualMinimums && t.year[a] !== t.year[b]) return false;
  if (pass.plan.calendarMinimums && t.calYear[a] !== t.calYear[b]) return false;
  if (pass.parts[a] !== undefined || pass.parts[b] !== undefined) return false;
  for (let m = 0; m < t.inMinimum.length; m++) if (t.inMinimum[m]![a] !== t.inMinimum[m]![b]) return false;
  for (let later = k + 1; later < t.capGroup.length; later++)
    if (t.capGroup[later]![a] !== t.capGroup[later]![b]) return false;
  return true;
}

/**
 * Entries in the order the rules across entries take them (the fill order of caps: date, then
 * content), so that which entry takes an allowance never depends on where the rows sit.
 */
function sortInFillOrder(pass: Pass, order: number[]): void {
  if (order.length < 2) return;
  order.sort((a, b) => fillOrder(pass, a, b));
  // The order may have compared any cell of the rows.
  pass.ordered = true;
}

/** One cap's groups while it clips: per group key, what it claims, what it has used, its first entry. */
interface CapWork {
  k: number;
  limit: number;
  claimed: Float64Array;
  used: Float64Array;
  first: Int32Array;
  groupIndex: Int32Array;
  /** Group keys over the limit whose entries must fill in fill order. */
  sorted: number[];
}

/** Lets entry i of a group fill what is left of the group's allowance. */
function fill(pass: Pass, w: CapWork, i: number, g: number): void {
  const counted = pass.table.counted;
  const c = counted[i]!;
  const room = Math.max(0, clean(w.limit - w.used[g]!));
  const take = Math.min(c, room);
  w.used[g] = clean(w.used[g]! + take);
  if (take < c) {
    if (pass.detail) pass.clips.push({ entry: i, group: w.groupIndex[g]!, take, before: c });
    counted[i] = clean(take);
  }
}

/**
 * Cap k's groups: what each claims, and every group over its limit clipped in row order, except those
 * left in `sorted` for the fill order: all of them for the explanation's per-entry figures; for the
 * totals alone, only a group whose entries do not all agree downstream (else which entries are
 * clipped cannot change a total).
 */
function startCap(pass: Pass, k: number): CapWork {
  const { plan, table, detail } = pass;
  const { counted } = table;
  const n = table.n;
  const slots = plan.program.formats.length * plan.yearSlots;
  const limit = plan.caps[k]!.limit;
  const groups = table.capGroup[k]!;
  const claimed = new Float64Array(slots);
  const first = new Int32Array(slots).fill(-1);
  for (let i = 0; i < n; i++) {
    const g = groups[i]!;
    if (g < 0) continue;
    if (first[g]! < 0) first[g] = i;
    claimed[g] = clean(claimed[g]! + counted[i]!);
  }
  const w: CapWork = {
    k,
    limit,
    claimed,
    used: new Float64Array(slots),
    first,
    groupIndex: new Int32Array(slots).fill(-1),
    sorted: [],
  };
  let over = false;
  for (let g = 0; g < slots; g++) {
    if (first[g]! < 0) continue;
    w.groupIndex[g] = pass.groups.length;
    pass.groups.push({ cap: k, key: g, first: first[g]!, claimed: claimed[g]!, counted: claimed[g]! });
    if (claimed[g]! > limit) over = true;
  }
  if (!over) return w;
  const order = new Uint8Array(slots);
  const firstCounting = new Int32Array(slots).fill(-1);
  for (let i = 0; i < n; i++) {
    const g = groups[i]!;
    if (g < 0 || claimed[g]! <= limit || order[g] === 1) continue;
    if (detail) order[g] = 1;
    else if (counted[i] !== 0) {
      if (firstCounting[g]! < 0) firstCounting[g] = i;
      else if (!sameDownstream(pass, k, firstCounting[g]!, i)) order[g] = 1;
    }
  }
  for (let i = 0; i < n; i++) {
    const g = groups[i]!;
    if (g >= 0 && claimed[g]! > limit && order[g] === 0) fill(pass, w, i, g);
  }
  for (let g = 0; g < slots; g++) if (order[g] === 1) w.sorted.push(g);
  return w;
}

/** Group g of a cap, filled in fill order. */
function fillInOrder(pass: Pass, w: CapWork, g: number): void {
  const groups = pass.table.capGroup[w.k]!;
  const n = pass.table.n;
  const members: number[] = [];
  for (let i = w.first[g]!; i < n; i++) if (groups[i] === g) members.push(i);
  members.sort((a, b) => fillOrder(pass, a, b));
  pass.ordered = true;
  for (const i of members) fill(pass, w, i, g);
}

function finishCap(pass: Pass, w: CapWork): void {
  for (let g = 0; g < w.first.length; g++) {
    if (w.first[g]! >= 0 && w.claimed[g]! > w.limit) pass.groups[w.groupIndex[g]!]!.counted = w.used[g]!;
  }
}

/**
 * Every cap in turn lowers `counted` of the entries of each group over its limit, filling the
 * allowance in fill order. Yields after each group it sorts (the long part on a big log), for the
 * stepwise evaluation; `clipCaps` runs it without stopping.
 */
export function* clipSteps(pass: Pass): Generator<void, void, void> {
  settle(pass);
  for (let k = 0; k < pass.plan.caps.length; k++) {
    const w = startCap(pass, k);
    for (const g of w.sorted) {
      fillInOrder(pass, w, g);
      yield;
    }
    finishCap(pass, w);
  }
}

export function clipCaps(pass: Pass): void {
  settle(pass);
  for (let k = 0; k < pass.plan.caps.length; k++) {
    const w = startCap(pass, k);
    for (const g of w.sorted) fillInOrder(pass, w, g);
    finishCap(pass, w);
  }
}

/** The sum of what counts. (Loops end in a return: see `readRows`.) */
function countedSum(table: EntryTable): number {
  const { counted, state } = table;
  const n = table.n;
  let sum = 0;
  for (let i = 0; i < n; i++) if (state[i] === COUNTED) sum += counted[i]!;
  return sum;
}

/**
 * What counts toward minimum m, over the cycle (returned) and per year (into `perYear`): cycle years,
 * or calendar years with `calendar`.
 */
function minimumSum(
  table: EntryTable,
  m: number,
  perYear: number[],
  cycleYears: number,
  calendar: boolean,
  parts: readonly (Float64Array | undefined)[],
): number {
  const { counted } = table;
  const someParts = parts.length > 0;
  const year = calendar ? table.calYear : table.year;
  const member = table.inMinimum[m]!;
  const n = table.n;
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (!member[i]) continue;
    let c = counted[i]!;
    if (someParts) {
      const part = parts[i]?.[m];
      if (part !== undefined && part >= 0 && part < c) c = part;
    }
    total += c;
    const y = year[i]!;
    if (y >= 1 && y <= cycleYears) perYear[y]! += c;
  }
  return total;
}

/** Earned, the minimums and the status from the clipped table: the only place the totals are made. */
export function totalsOf(pass: Pass): TableTotals {
  const { plan, table } = pass;
  const { dates, required, program } = plan;
  const earned = clean(countedSum(table) + plan.carriedOver + pass.carried);
  const minimums: MinimumResult[] = [];
  for (let m = 0; m < plan.minimumRules.length; m++) {
    const rule = plan.minimumRules[m]!;
    const calendar = rule.period === 'calendarYear';
    const years = calendar ? plan.calendarYears : dates.cycleYears;
    const perYear = new Array<number>(years + 1).fill(0);
    const total = minimumSum(table, m, perYear, years, calendar, pass.parts);
    minimums.push(minimumResult(rule, years, total, perYear));
  }
  return { earned, minimums, status: describeStatus(program, dates, plan.asOf, required, earned, minimums) };
}

/** The totals of a log, what RECERT_STATUS, CREDITS_EARNED and CREDITS_NEEDED show: the pass without the explanation. */
export function evaluateTotals(program: Program, cells: Cells, options: EvaluateOptions): TotalsResult {
  const pass = startPass(program, cells, options, false);
  if ('ok' in pass) return pass;
  passRows(pass, 1, cells.length);
  clipCaps(pass);
  const { earned, status } = totalsOf(pass);
  return {
    ok: true,
    keyword: status.keyword,
    line: status.line,
    required: pass.plan.required,
    earned,
    needed: status.needed,
    inputs: pass.ordered ? undefined : inputsOf(pass),
    inert: pass.ordered ? undefined : pass.inert,
  };
}

/**
 * What readRow checks, and the free text the rules look at. Whether a row counts as empty (all its
 * cells blank) does not matter: a row whose checked cells are blank has no date, so it counts for
 * nothing either way.
 */
function inputsOf(pass: Pass): number[] {
  const { map, plan } = pass;
  const read = [
    map.date,
    map.format,
    map.hours,
    map.selfStudyHours,
    map.approved,
    map.proof,
    map.score,
    map.grade,
    map.credits,
    map.status,
  ];
  // Credits as awarded go through the program's multipliers, which may look at the provider.
  if (plan.needsProvider || map.credits !== undefined) read.push(map.provider);
  if (plan.needsSubject) read.push(map.subject);
  if (plan.categories) read.push(map.category);
  if (plan.unique?.activity) read.push(map.activity);
  // The Date column first (see Totals.inert), then the others in column order.
  const others = read.filter((c): c is number => c !== undefined && c !== map.date);
  return [map.date!, ...new Set(others.sort((a, b) => a - b))];
}
