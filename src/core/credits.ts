/** Credits for one activity: the format's conversion, multipliers, the per-entry cap, then rounding. */
import { inForceOn, matchesFilter, type FilterSubject } from './filters';
import { memoByObject } from './memo';
import { roundCredits, roundToStep, scaleOf } from './rounding';
import type { Format, Program, Rounding } from './schema';

export interface CreditComputation {
  /** Before the per-entry cap and rounding. */
  raw: number;
  /** After the per-entry cap and rounding: what `CE_CREDITS` returns. */
  credits: number;
  /** The per-entry cap, when it clipped this activity. */
  cappedAt: number | undefined;
}

/**
 * The per-entry cap of an entry of this format; undefined when there is none or the entry is exempt
 * (`perEntryCapExempt`, which needs the entry's provider and approval: without them none is exempt).
 */
export function perEntryCap(program: Program, format: Format, subject?: FilterSubject): number | undefined {
  if (subject && program.perEntryCapExempt && matchesFilter(subject, program.perEntryCapExempt)) return undefined;
  return format.perEntryCap ?? program.perEntryCap;
}

/**
 * Before the per-entry cap and rounding: the format's conversion and the multipliers. A multiplier
 * limited to the first `upTo` credits applies after the others, to at most `upTo` of them: for one
 * activity on its own as here, or (with `withoutLimited`, left out) by the pass across the cycle.
 */
export function rawCredits(
  program: Program,
  format: Format,
  hours: number,
  selfStudyHours: number,
  subject?: FilterSubject,
  withoutLimited = false,
): number {
  let raw = format.perEntry ?? hours * format.perHour + selfStudyHours * format.perSelfStudyHour;
  const who = subject ?? { formatId: format.id, approved: false, provider: '' };
  let limited = false;
  for (const m of program.multipliers) {
    if (m.upTo !== undefined) limited = true;
    else if (matchesFilter(who, m.when) && inForceOn(m, subject?.date)) raw *= m.factor;
  }
  if (!limited || withoutLimited) return raw;
  for (const m of program.multipliers) {
    if (m.upTo !== undefined && matchesFilter(who, m.when) && inForceOn(m, subject?.date)) {
      const part = Math.min(raw, m.upTo);
      raw += part * (m.factor - 1);
    }
  }
  return raw;
}

export function creditsFor(
  program: Program,
  format: Format,
  hours: number,
  selfStudyHours: number,
  subject?: FilterSubject,
): CreditComputation {
  const raw = rawCredits(program, format, hours, selfStudyHours, subject);
  const cap = perEntryCap(program, format, subject);
  const cappedAt = cap !== undefined && raw > cap ? cap : undefined;
  return { raw, credits: roundCredits(cappedAt ?? raw, program.rounding), cappedAt };
}

/** `creditsFor(...).credits` without the details (`CE_CREDITS`). */
export function entryCredits(
  program: Program,
  format: Format,
  hours: number,
  selfStudyHours: number,
  subject?: FilterSubject,
): number {
  return creditsFromRaw(program, format, rawCredits(program, format, hours, selfStudyHours, subject), subject);
}

/** The per-entry cap and rounding applied to raw credits. */
export function creditsFromRaw(program: Program, format: Format, raw: number, subject?: FilterSubject): number {
  const cap = perEntryCap(program, format, subject);
  return roundCredits(cap !== undefined && raw > cap ? cap : raw, program.rounding);
}

/**
 * One format's credit arithmetic with every number it reads at hand, in one object shape: program
 * data's objects differ in shape from format to format (their optional fields), and reading them
 * where credits are worked out per cell or per row costs more than the arithmetic itself.
 */
export interface CreditRule {
  format: Format;
  perHour: number;
  perSelfStudyHour: number;
  /** Credits per entry whatever its hours (`perEntry`); undefined when hours decide. */
  fixed: number | undefined;
  /** The per-entry cap; Infinity when there is none. */
  cap: number;
  step: number;
  mode: Rounding['mode'];
  /** `scaleOf(step)`. */
  scale: number;
  /** Some multiplier may apply: it looks at the entry, so `creditsByRule` alone is not the answer. */
  multiplied: boolean;
}

const creditRules = memoByObject((program: Program) =>
  memoByObject((format: Format): CreditRule => ({
    format,
    perHour: format.perHour,
    perSelfStudyHour: format.perSelfStudyHour,
    fixed: format.perEntry,
    cap: perEntryCap(program, format) ?? Infinity,
    step: program.rounding.step,
    mode: program.rounding.mode,
    scale: scaleOf(program.rounding.step),
    multiplied: program.multipliers.length > 0,
  })),
);

/** The credit rule of a program's format (the same object every time). */
export function creditRule(program: Program, format: Format): CreditRule {
  return creditRules(program)(format);
}

/** `creditsFromRaw` by a format's rule. */
export function creditsFromRawByRule(rule: CreditRule, raw: number): number {
  return roundToStep(raw > rule.cap ? rule.cap : raw, rule.step, rule.mode, rule.scale);
}

/** `entryCredits` by a format's rule, for a rule without multipliers (`rule.multiplied` false). */
export function creditsByRule(rule: CreditRule, hours: number, selfStudyHours: number): number {
  return creditsFromRawByRule(rule, rule.fixed ?? hours * rule.perHour + selfStudyHours * rule.perSelfStudyHour);
}
