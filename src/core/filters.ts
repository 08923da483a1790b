/** Entry filters: which entries a cap, minimum, multiplier or rule is about. */
import { dayFromIso, type DayNumber } from './dates';
import type { EntryFilter } from './schema';

export interface FilterSubject {
  formatId: string;
  approved: boolean;
  provider: string;
  /** The entry's category ids (the Category column, or its format's); none when absent. */
  categories?: readonly string[];
  /** The activity's date, for rules in force on some dates only; absent (one activity on its own): any. */
  date?: DayNumber;
}

/** A rule with the dates it is in force for (schema `InForce`). */
export interface Dated {
  effectiveFrom?: string | undefined;
  effectiveTo?: string | undefined;
}

/** Below and above every day a log can hold. */
export const ALWAYS_FROM = -2_147_483_648;
export const ALWAYS_TO = 2_147_483_647;

const spans = new WeakMap<Dated, readonly [number, number]>();

/** The first and last day a rule is in force (ALWAYS_FROM / ALWAYS_TO for an open end). */
export function inForceSpan(rule: Dated): readonly [number, number] {
  let span = spans.get(rule);
  if (!span) {
    span = [
      rule.effectiveFrom === undefined ? ALWAYS_FROM : dayFromIso(rule.effectiveFrom)!,
      rule.effectiveTo === undefined ? ALWAYS_TO : dayFromIso(rule.effectiveTo)!,
    ];
    spans.set(rule, span);
  }
  return span;
}

/** Whether a rule is in force on a day; any rule is when the day is not known. */
export function inForceOn(rule: Dated, day: DayNumber | undefined): boolean {
  if (day === undefined || (rule.effectiveFrom === undefined && rule.effectiveTo === undefined)) return true;
  const [from, to] = inForceSpan(rule);
  return day >= from && day <= to;
}

const phraseCache = new Map<string, RegExp>();

/** Whole-word, case-insensitive: "ACME" matches "Acme Online" but not "Pacmen Inc". */
export function containsPhrase(text: string, phrase: string): boolean {
  let re = phraseCache.get(phrase);
  if (!re) {
    const escaped = phrase
      .trim()
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace(/\s+/g, '\\s+');
    re = new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'iu');
    phraseCache.set(phrase, re);
  }
  return re.test(text);
}

/** Per list of phrases (a program's rule data, so the same array every time), the answer per text. */
const answers = new WeakMap<readonly string[], Map<string, boolean>>();

let lastPhrases: readonly string[] | undefined;
let lastAnswers = new Map<string, boolean>();
let otherPhrases: readonly string[] | undefined;
let otherAnswers = new Map<string, boolean>();

export function containsAnyPhrase(text: string, phrases: readonly string[]): boolean {
  // A log asks about the same rules row after row, often two in turn (a cap and its exemption): the
  // last two lists' answers are at hand.
  let known: Map<string, boolean> | undefined;
  if (phrases === lastPhrases) known = lastAnswers;
  else {
    if (phrases === otherPhrases) known = otherAnswers;
    else {
      known = answers.get(phrases);
      if (!known) answers.set(phrases, (known = new Map()));
    }
    otherPhrases = lastPhrases;
    otherAnswers = lastAnswers;
    lastPhrases = phrases;
    lastAnswers = known;
  }
  let answer = known.get(text);
  if (answer === undefined) {
    answer = false;
    for (const p of phrases) {
      if (containsPhrase(text, p)) {
        answer = true;
        break;
      }
    }
    // Providers and titles repeat down a log; a log of all different texts only starts over.
    if (known.size >= 1024) known.clear();
    known.set(text, answer);
  }
  return answer;
}

export function matchesFilter(subject: FilterSubject, filter: EntryFilter | undefined): boolean {
  if (!filter) return true;
  if (filter.formats && !filter.formats.includes(subject.formatId)) return false;
  if (filter.approved !== undefined && subject.approved !== filter.approved) return false;
  if (filter.providerMatches && !containsAnyPhrase(subject.provider, filter.providerMatches)) return false;
  if (filter.providerNotMatches && containsAnyPhrase(subject.provider, filter.providerNotMatches)) return false;
  if (filter.categories && !filter.categories.some((c) => subject.categories?.includes(c))) return false;
  return true;
}
