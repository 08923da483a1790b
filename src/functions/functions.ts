/*
 * The CEU.* cell functions. Each is a thin wrapper: read the arguments as Excel passes them, ask the
 * rules core, return one number or line. Every rule lives in src/core; every refusal is an Excel error
 * whose message names the argument and what it accepts.
 *
 * "Today": when asOf is omitted, the functions use the current date of the computer running Excel at
 * the moment the cell is calculated. The functions are not volatile (a volatile status cell would
 * re-evaluate the whole log on every edit anywhere in the workbook), so a cell only moves to the next
 * day when it recalculates; pass TODAY() as asOf to have Excel keep it current.
 */
// Straight from the core's modules, not its index (see arguments.ts).
import { creditRule, creditsByRule, entryCredits, type CreditRule } from '../core/credits';
import { isExcelDay, isoFromDay, serialFromDay, today } from '../core/dates';
import { quote } from '../core/excerpt';
import { formatLookup, type FormatLookup } from '../core/log';
import type { Program } from '../core/schema';
import { evaluateActionLine } from '../core/evaluate';
import { evaluateTotals, type Totals, type TotalsResult } from '../core/pass';
import { cycleDates } from '../core/cycle';
import { programForCycle } from '../core/versions';
import {
  factsKey,
  isNotGiven,
  readDate,
  readHours,
  readLogRange,
  readProfileFacts,
  readProgram,
  programsGeneration,
} from './arguments';
import { learnDateSystem, logIn1900, serialOfWorkbook, workbookDayOffset } from './date-system';
import { CellError, checked, excelError } from './errors';
import { RecentEvaluations } from './recent-evaluations';

const recent = new RecentEvaluations<TotalsResult>();

/**
 * Requirements met before the deadline: the status line then also says how many checklist items are
 * open, which the totals alone cannot tell (it reads proof, approval, subjects: any cell).
 */
function awaitsApplication(t: Totals): boolean {
  return t.needed === 0 && (t.keyword === 'READY' || t.keyword === 'COMPLETE');
}

/**
 * Counting the open items takes a detailed pass and every entry's verdicts, several times the totals:
 * on a status cell of a long log, recalculated on every edit, that cost is not worth it. Up to this
 * many data rows the line counts them; above, it sends the reader to the pane's checklist instead, so a met status never
 * reads as if nothing were left to do.
 */
export const CHECKLIST_ROWS = 2_000;

function countsChecklist(t: Totals, cells: readonly unknown[]): boolean {
  return awaitsApplication(t) && cells.length - 1 <= CHECKLIST_ROWS;
}

/** RECERT_STATUS of a met log, once per remembered totals. */
const actionLines = new WeakMap<Totals, string>();

function totals(program: unknown, cycleStart: unknown, log: unknown, asOf: unknown, profile: unknown): Totals {
  const rules = readProgram(program);
  const start = readDate(cycleStart, 'cycleStart');
  let day: number;
  try {
    day = readDate(asOf, 'asOf', true) ?? today();
  } catch (e) {
    readLogRange(log); // a bad log range is reported before a bad asOf
    throw e;
  }
  const facts = readProfileFacts(profile, rules);
  // A 1904 workbook's dates read otherwise: its answers are remembered apart.
  const key = factsKey(facts) + (workbookDayOffset() ? '|1904' : '');
  // An unchanged log (another status cell read it in this recalculation) is answered from memory:
  // one pass comparing cells, which also proves the argument is a range.
  let result = recent.find(rules, start, day, log, key);
  if (!result) {
    const cells = readLogRange(log);
    result = evaluateTotals(rules, logIn1900(cells, rules.headerWords), {
      cycleStart: start,
      asOf: day,
      profile: facts && { ...facts, attestations: {} },
    });
    // A log refused for its header row depends on that row alone.
    // A met log's status line depends on every cell when it counts the open items (countsChecklist).
    const inputs = !result.ok ? [] : countsChecklist(result, cells) ? undefined : result.inputs;
    recent.remember(rules, start, day, cells, result, inputs, key, result.ok ? result.inert : undefined);
  }
  if (!result.ok) throw new CellError('#VALUE!', result.message);
  return result;
}

/**
 * Credits one CE activity earns under a program's rules (format conversion, per-entry cap, rounding).
 * @customfunction CE_CREDITS
 * @param program Program id, e.g. "NISM-SMS", "NAMSS-CPCS" or "ACSM-CPT" (any case).
 * @param format The activity's format, e.g. "Webinar" or "CEU", as listed for the program.
 * @param hours Hours on the certificate (meetings for research; units for CEU and college courses); 0 or more.
 * @param [selfStudyHours] Self-directed hours (asynchronous, blended, research and writing); 0 or more.
 * @returns Credits for this activity.
 */
export function ceCredits(program: any, format: any, hours: any, selfStudyHours?: any): number {
  try {
    // What a sheet's Credits column sends row after row is answered here: a program id and a format
    // text read before (one lookup for both), hours in range. Anything else takes the whole way.
    let known = typeof format === 'string' ? knownCalls.get(format) : undefined;
    while (known !== undefined && known.id !== program) known = known.next;
    if (known === undefined || readIn !== programsGeneration())
      return checked(creditsOfActivity(program, format, hours, selfStudyHours));
    const typed = known.typed;
    const limit = typed.hoursLimit;
    const h = typeof hours === 'number' && hours > 0 && hours <= limit ? hours : readHours(hours, 'hours', limit);
    const most = typed.selfStudyLimit;
    const s =
      selfStudyHours === null || selfStudyHours === undefined
        ? 0
        : typeof selfStudyHours === 'number' && selfStudyHours > 0 && selfStudyHours <= most
          ? selfStudyHours
          : readHours(selfStudyHours, 'selfStudyHours', most);
    return checked(creditsByRule(known.rule, h, s));
  } catch (e) {
    throw excelError(e);
  }
}

/** A program as typed in a cell, with what CE_CREDITS reads of it at hand (in one object shape). */
interface TypedProgram {
  rules: Program;
  lookup: FormatLookup;
  hoursLimit: number;
  selfStudyLimit: number;
}

function typedProgram(rules: Program): TypedProgram {
  return {
    rules,
    lookup: formatLookup(rules),
    hoursLimit: rules.entryLimits.hours,
    selfStudyLimit: rules.entryLimits.selfStudyHours,
  };
}

/**
 * A format text CE_CREDITS has read, with the program id it came with and what the two resolve to:
 * a rule whose credits depend on the hours alone (no multiplier). Several ids may come with the same
 * text ("Webinar"): a short chain.
 */
interface KnownCall {
  id: string;
  typed: TypedProgram;
  rule: CreditRule;
  next: KnownCall | undefined;
}

/** Per format text as typed; bounded (a sheet of ever different texts starts over). */
const knownCalls = new Map<string, KnownCall>();
const KNOWN_TEXTS = 1024;
const IDS_PER_TEXT = 8;

/** Per program id as typed, the program it names; bounded like `knownCalls`. */
const programsAsTyped = new Map<string, TypedProgram>();

/** The registry's generation the remembered programs were read in: saving a custom program may change what an id names. */
let readIn = programsGeneration();

function programAsTyped(program: unknown): TypedProgram {
  if (typeof program !== 'string') return typedProgram(readProgram(program));
  let typed = programsAsTyped.get(program);
  if (typed === undefined) {
    typed = typedProgram(readProgram(program));
    if (programsAsTyped.size >= KNOWN_TEXTS) programsAsTyped.clear();
    programsAsTyped.set(program, typed);
  }
  return typed;
}

function remember(id: string, text: string, typed: TypedProgram, rule: CreditRule): void {
  const first = knownCalls.get(text);
  let length = 0;
  for (let k = first; k !== undefined; k = k.next) length++;
  if (length >= IDS_PER_TEXT) return;
  if (first === undefined && knownCalls.size >= KNOWN_TEXTS) knownCalls.clear();
  knownCalls.set(text, { id, typed, rule, next: first });
}

/** CE_CREDITS the whole way: every argument read, and a call worth remembering remembered. */
function creditsOfActivity(program: unknown, format: unknown, hours: unknown, selfStudyHours: unknown): number {
  if (readIn !== programsGeneration()) {
    knownCalls.clear();
    programsAsTyped.clear();
    readIn = programsGeneration();
  }
  const typed = programAsTyped(program);
  const { rules, lookup } = typed;
  const h = readHours(hours, 'hours', typed.hoursLimit);
  const s = readHours(selfStudyHours, 'selfStudyHours', typed.selfStudyLimit);
  const name = Array.isArray(format) ? format[0]?.[0] : format;
  if (typeof name === 'string') {
    const found = name.trim() === '' ? lookup.fallback : lookup.find(name);
    const rule = found && creditRule(rules, found);
    if (rule && !rule.multiplied) {
      if (typeof program === 'string' && name === format) remember(program, name, typed, rule);
      return creditsByRule(rule, h, s);
    }
    if (rule) return entryCredits(rules, rule.format, h, s);
  }
  // No rule: a blank cell, a number, or a name that is not one of the program's formats.
  if (isNotGiven(name) || name === 0) {
    const fallback = lookup.fallback;
    if (fallback) return entryCredits(rules, fallback, h, s);
    if (h === 0 && s === 0) return 0;
    throw new CellError('#VALUE!', `format: enter a format, one of ${lookup.help}`);
  }
  const found = lookup.find(typeof name === 'string' ? name : String(name));
  if (!found)
    throw new CellError(
      '#VALUE!',
      `format: ${quote(String(name))} is not one of the ${rules.id} formats; use ${lookup.help}`,
    );
  return entryCredits(rules, found, h, s);
}

/**
 * Renewal status of a CE log: a keyword (IN PROGRESS, COMPLETE, READY, GRACE, LAPSED, EXPIRED), a colon and one line of detail; with the requirements met, it ends with the checklist items still open ("; 4 items open"), or on a log of over 2,000 rows with a pointer to the pane's checklist.
 * @customfunction RECERT_STATUS
 * @param program Program id, e.g. "NISM-SMS" (any case).
 * @param cycleStart Date the current cycle started (certification or last renewal).
 * @param log The whole CE log including its header row, e.g. CELog[#All].
 * @param [asOf] Date to evaluate at; default today. Pass TODAY() to keep it current.
 * @param [profile] Profile facts: two columns of names and values, e.g. the CE Profile sheet (Expires, Extension granted).
 * @returns Status line, e.g. "IN PROGRESS: 12 of 20 credits, 8 to go by 2027-03-14".
 */
export function recertStatus(program: any, cycleStart: any, log: any[][], asOf?: any, profile?: any[][]): string {
  try {
    const t = totals(program, cycleStart, log, asOf, profile);
    if (!awaitsApplication(t)) return checked(t.line);
    if (!countsChecklist(t, readLogRange(log))) return checked(`${t.line}; see the checklist in the task pane`);
    let line = actionLines.get(t);
    if (line === undefined) {
      const options = { cycleStart: readDate(cycleStart, 'cycleStart'), asOf: readDate(asOf, 'asOf', true) ?? today() };
      const rules = readProgram(program);
      const facts = readProfileFacts(profile, rules);
      const full = evaluateActionLine(rules, logIn1900(readLogRange(log), rules.headerWords), {
        ...options,
        profile: facts && { ...facts, attestations: {} },
      });
      line = full.ok ? full.line : t.line;
      actionLines.set(t, line);
    }
    return checked(line);
  } catch (e) {
    throw excelError(e);
  }
}

/**
 * Credits that count toward renewal after every rule: window, eligibility and caps.
 * @customfunction CREDITS_EARNED
 * @param program Program id, e.g. "NISM-SMS" (any case).
 * @param cycleStart Date the current cycle started (certification or last renewal).
 * @param log The whole CE log including its header row, e.g. CELog[#All].
 * @param [asOf] Date to evaluate at; default today. Activities after it are planned, not counted.
 * @param [profile] Profile facts: two columns of names and values, e.g. the CE Profile sheet (Expires, Extension granted).
 * @returns Counted credits.
 */
export function creditsEarned(program: any, cycleStart: any, log: any[][], asOf?: any, profile?: any[][]): number {
  try {
    return checked(totals(program, cycleStart, log, asOf, profile).earned);
  } catch (e) {
    throw excelError(e);
  }
}

/**
 * Credits still needed: the largest shortfall over the total and every minimum (such as NAMSS-approved credits).
 * @customfunction CREDITS_NEEDED
 * @param program Program id, e.g. "NAMSS-CPCS" (any case).
 * @param cycleStart Date the current cycle started (certification or last renewal).
 * @param log The whole CE log including its header row, e.g. CELog[#All].
 * @param [asOf] Date to evaluate at; default today.
 * @param [profile] Profile facts: two columns of names and values, e.g. the CE Profile sheet (Expires, Extension granted).
 * @returns Credits still needed; 0 when every requirement is met.
 */
export function creditsNeeded(program: any, cycleStart: any, log: any[][], asOf?: any, profile?: any[][]): number {
  try {
    return checked(totals(program, cycleStart, log, asOf, profile).needed);
  } catch (e) {
    throw excelError(e);
  }
}

/**
 * Last day to renew without a penalty, as a date serial (format the cell as a date).
 * @customfunction RECERT_DEADLINE
 * @param program Program id, e.g. "ACSM-CPT" (any case).
 * @param cycleStart Date the current cycle started (certification or last renewal).
 * @param [profile] Profile facts: two columns of names and values, e.g. the CE Profile sheet (Expires, Extension granted).
 * @returns The deadline as an Excel date serial.
 */
export function recertDeadline(program: any, cycleStart: any, profile?: any[][]): number {
  try {
    const rules = readProgram(program);
    const start = readDate(cycleStart, 'cycleStart');
    const facts = readProfileFacts(profile, rules);
    const deadline = cycleDates(programForCycle(rules, start), start, facts).deadline;
    if (!isExcelDay(deadline)) {
      throw new CellError(
        '#NUM!',
        `the deadline, ${isoFromDay(deadline)}, is after 9999-12-31, the last date Excel can show`,
      );
    }
    return checked(serialOfWorkbook(serialFromDay(deadline)));
  } catch (e) {
    throw excelError(e);
  }
}

if (typeof CustomFunctions !== 'undefined' && typeof CustomFunctions.associate === 'function') {
  CustomFunctions.associate('CE_CREDITS', ceCredits);
  CustomFunctions.associate('RECERT_STATUS', recertStatus);
  CustomFunctions.associate('CREDITS_EARNED', creditsEarned);
  CustomFunctions.associate('CREDITS_NEEDED', creditsNeeded);
  CustomFunctions.associate('RECERT_DEADLINE', recertDeadline);
}

// Where the functions run with the Excel API (the shared runtime), they ask the workbook's date system.
if (typeof Office !== 'undefined' && typeof Excel !== 'undefined' && typeof Excel.run === 'function') {
  void Office.onReady().then(() => learnDateSystem((batch) => Excel.run(batch)));
}
