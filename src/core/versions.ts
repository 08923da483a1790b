/**
 * Rule versions by date: a program may change its numbers for cycles that start on or after a date.
 * The engine always evaluates the version in force for the cycle's start.
 *
 * A program's versions arrive parsed, sorted by date and each checked as the whole program it makes
 * (programs/load.ts), so the version in force is the base with the changes merged over it: no parse
 * here, and no schema library on the evaluation path.
 */
import { dayFromIso, type DayNumber } from './dates';
import type { Program } from './schema';

const resolved = new WeakMap<Program, Map<number, Program>>();

function merge(program: Program, upTo: number): Program {
  const changes = Object.assign({}, ...program.versions.slice(0, upTo + 1).map((v) => v.changes)) as Partial<Program>;
  return { ...program, ...changes, versions: program.versions };
}

export function programForCycle(program: Program, cycleStart: DayNumber): Program {
  if (program.versions.length === 0) return program;
  let index = -1;
  program.versions.forEach((v, i) => {
    if (dayFromIso(v.effectiveFrom)! <= cycleStart) index = i;
  });
  if (index < 0) return program;
  let cache = resolved.get(program);
  if (!cache) resolved.set(program, (cache = new Map()));
  let result = cache.get(index);
  if (!result) {
    result = merge(program, index);
    cache.set(index, result);
  }
  return result;
}
