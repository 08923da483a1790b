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
import { creditsFor, formatLookup, serialFromDay, tallyLog, today, type TallyResult, type Totals } from '../core';
import { cycleDates } from '../core/cycle';
import { programForCycle } from '../core/versions';
import { isNotGiven, readDate, readHours, readLogRange, readProgram } from './arguments';
import { CellError, guard } from './errors';
import { RecentEvaluations } from './recent-evaluations';

const recent = new RecentEvaluations<TallyResult>();

function totals(program: unknown, cycleStart: unknown, log: unknown, asOf: unknown): Totals {
  const rules = readProgram(program);
  const start = readDate(cycleStart, 'cycleStart');
  let day: number;
  try {
    day = readDate(asOf, 'asOf', true) ?? today();
  } catch (e) {
    readLogRange(log); // a bad log range is reported before a bad asOf
    throw e;
  }
  // An unchanged log (another status cell read it in this recalculation) is answered from memory:
  // one pass comparing cells, which also proves the argument is a range.
  let result = recent.find(rules, start, day, log);
  if (!result) {
    const cells = readLogRange(log);
    result = tallyLog(rules, cells, { cycleStart: start, asOf: day });
    // A log refused for its header row depends on that row alone.
    recent.remember(rules, start, day, cells, result, result.ok ? result.inputs : []);
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
  return guard(() => {
    const rules = readProgram(program);
    const h = readHours(hours, 'hours');
    const s = readHours(selfStudyHours, 'selfStudyHours');
    const lookup = formatLookup(rules);
    const name = Array.isArray(format) ? format[0]?.[0] : format;
    if (isNotGiven(name) || name === 0) {
      const fallback = rules.formats.find((f) => f.id === rules.defaultFormat);
      if (fallback) return creditsFor(rules, fallback, h, s).credits;
      if (h === 0 && s === 0) return 0;
      throw new CellError('#VALUE!', `format: enter a format, one of ${lookup.help}`);
    }
    const found = lookup.find(String(name));
    if (!found) throw new CellError('#VALUE!', `format: "${String(name)}" is not one of the ${rules.id} formats; use ${lookup.help}`);
    return creditsFor(rules, found, h, s).credits;
  });
}

/**
 * Renewal status of a CE log: a keyword (IN PROGRESS, COMPLETE, READY, GRACE, LAPSED, EXPIRED), a colon and one line of detail.
 * @customfunction RECERT_STATUS
 * @param program Program id, e.g. "NISM-SMS" (any case).
 * @param cycleStart Date the current cycle started (certification or last renewal).
 * @param log The whole CE log including its header row, e.g. CELog[#All].
 * @param [asOf] Date to evaluate at; default today. Pass TODAY() to keep it current.
 * @returns Status line, e.g. "IN PROGRESS: 12 of 20 credits, 8 to go by 2027-03-14".
 */
export function recertStatus(program: any, cycleStart: any, log: any[][], asOf?: any): string {
  return guard(() => totals(program, cycleStart, log, asOf).line);
}

/**
 * Credits that count toward renewal after every rule: window, eligibility and caps.
 * @customfunction CREDITS_EARNED
 * @param program Program id, e.g. "NISM-SMS" (any case).
 * @param cycleStart Date the current cycle started (certification or last renewal).
 * @param log The whole CE log including its header row, e.g. CELog[#All].
 * @param [asOf] Date to evaluate at; default today. Activities after it are planned, not counted.
 * @returns Counted credits.
 */
export function creditsEarned(program: any, cycleStart: any, log: any[][], asOf?: any): number {
  return guard(() => totals(program, cycleStart, log, asOf).earned);
}

/**
 * Credits still needed: the largest shortfall over the total and every minimum (such as NAMSS-approved credits).
 * @customfunction CREDITS_NEEDED
 * @param program Program id, e.g. "NAMSS-CPCS" (any case).
 * @param cycleStart Date the current cycle started (certification or last renewal).
 * @param log The whole CE log including its header row, e.g. CELog[#All].
 * @param [asOf] Date to evaluate at; default today.
 * @returns Credits still needed; 0 when every requirement is met.
 */
export function creditsNeeded(program: any, cycleStart: any, log: any[][], asOf?: any): number {
  return guard(() => totals(program, cycleStart, log, asOf).needed);
}

/**
 * Last day to renew without a penalty, as a date serial (format the cell as a date).
 * @customfunction RECERT_DEADLINE
 * @param program Program id, e.g. "ACSM-CPT" (any case).
 * @param cycleStart Date the current cycle started (certification or last renewal).
 * @returns The deadline as an Excel date serial.
 */
export function recertDeadline(program: any, cycleStart: any): number {
  return guard(() => {
    const rules = readProgram(program);
    const start = readDate(cycleStart, 'cycleStart');
    return serialFromDay(cycleDates(programForCycle(rules, start), start).deadline);
  });
}

if (typeof CustomFunctions !== 'undefined' && typeof CustomFunctions.associate === 'function') {
  CustomFunctions.associate('CE_CREDITS', ceCredits);
  CustomFunctions.associate('RECERT_STATUS', recertStatus);
  CustomFunctions.associate('CREDITS_EARNED', creditsEarned);
  CustomFunctions.associate('CREDITS_NEEDED', creditsNeeded);
  CustomFunctions.associate('RECERT_DEADLINE', recertDeadline);
}
