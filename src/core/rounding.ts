/** Credit arithmetic without floating-point noise: 0.1 × 3 is 0.3, never 0.30000000000000004. */
import type { Rounding } from './schema';

/** Absorbs binary noise (2.4999999999 from 0.1 steps) before a floor or ceiling. */
const NOISE = 1e-9;

function decimalsOf(step: number): number {
  const text = String(step);
  if (text.includes('e-')) return Number(text.split('e-')[1]);
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** Clears accumulated float noise from a sum of rounded credits. */
export function clean(value: number): number {
  const r = Math.round(value * 1e6) / 1e6;
  return r === 0 ? 0 : r;
}

/**
 * 10^decimals of the step: multiplying by it and dividing again drops the noise of `whole * step`.
 * Worked out arithmetically (no text, no table), as it runs once per credit computed.
 */
export function scaleOf(step: number): number {
  // Program data has steps of at most 6 decimals, up to 1,000 (the schema checks both).
  let scale = 1;
  for (let d = 0; d < 6; d++) {
    const scaled = step * scale;
    // Float error of `scaled` is below 1e-15 of it; a wrong scale leaves a fraction of 1e-6 or more.
    if (Math.abs(scaled - Math.round(scaled)) < 1e-15 * scaled + 1e-12) return scale;
    scale *= 10;
  }
  return scale;
}

/** The same, from the step's decimal text: what scaleOf must agree with (a test holds them to it). */
export function scaleFromText(step: number): number {
  return 10 ** Math.min(decimalsOf(step), 12);
}

export function roundCredits(value: number, rounding: Rounding): number {
  return roundToStep(value, rounding.step, rounding.mode, scaleOf(rounding.step));
}

/** `roundCredits` with the step's scale (`scaleOf(step)`) worked out beforehand, for a caller that rounds often. */
export function roundToStep(value: number, step: number, mode: Rounding['mode'], scale: number): number {
  const units = value / step;
  let whole: number;
  if (mode === 'floor') whole = Math.floor(units + NOISE);
  else if (mode === 'ceil') whole = Math.ceil(units - NOISE);
  else whole = Math.round(units + NOISE);
  const result = Math.round(whole * step * scale) / scale;
  return result === 0 ? 0 : result;
}

/** "12", "12.5", "2.25": credits as people write them. */
export function formatCredits(value: number): string {
  const r = clean(value);
  return Number.isInteger(r) ? String(r) : String(Number(r.toFixed(2)));
}
