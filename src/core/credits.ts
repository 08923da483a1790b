/** Credits for one activity: the format's conversion, multipliers, the per-entry cap, then rounding. */
import { inForceOn, matchesFilter, type FilterSubject } from './filters';
import { roundCredits } from './rounding';
import type { Format, Program } from './schema';

export interface CreditComputation {
  /** Before the per-entry cap and rounding. */
  raw: number;
  /** After the per-entry cap and rounding: what `CE_CREDITS` returns. */
  credits: number;
  /** The per-entry cap, when it clipped this activity. */
  cappedAt: number | undefined;
}

export function perEntryCap(program: Program, format: Format): number | undefined {
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
  const cap = perEntryCap(program, format);
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
  return creditsFromRaw(program, format, rawCredits(program, format, hours, selfStudyHours, subject));
}

/** The per-entry cap and rounding applied to raw credits. */
export function creditsFromRaw(program: Program, format: Format, raw: number): number {
  const cap = perEntryCap(program, format);
  return roundCredits(cap !== undefined && raw > cap ? cap : raw, program.rounding);
}
