/**
 * Rule versions by date: a program may change its numbers for cycles that start on or after a date.
 * The engine always evaluates the version in force for the cycle's start.
 */
import { dayFromIso, type DayNumber } from './dates';
import { ProgramSchema, type Program } from './schema';

const resolved = new WeakMap<Program, Map<number, Program>>();

function merge(program: Program, upTo: number): Program {
  const changes = Object.assign({}, ...program.versions.slice(0, upTo + 1).map((v) => v.changes));
  return ProgramSchema.parse({ ...program, ...changes, versions: program.versions });
}

/** Checks every version as a whole program; messages name the version that is wrong. */
export function versionProblems(program: Program): string[] {
  const problems: string[] = [];
  const sorted = sortedVersions(program);
  sorted.forEach((v, i) => {
    const changes = Object.assign({}, ...sorted.slice(0, i + 1).map((x) => x.changes));
    const result = ProgramSchema.safeParse({ ...program, ...changes, versions: [] });
    if (!result.success) {
      problems.push(
        `version from ${v.effectiveFrom}: ${result.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`,
      );
    }
  });
  return problems;
}

function sortedVersions(program: Program) {
  return [...program.versions].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
}

export function programForCycle(program: Program, cycleStart: DayNumber): Program {
  if (program.versions.length === 0) return program;
  const sorted = sortedVersions(program);
  let index = -1;
  sorted.forEach((v, i) => {
    if (dayFromIso(v.effectiveFrom)! <= cycleStart) index = i;
  });
  if (index < 0) return program;
  let cache = resolved.get(program);
  if (!cache) resolved.set(program, (cache = new Map()));
  let result = cache.get(index);
  if (!result) {
    result = merge({ ...program, versions: sorted }, index);
    cache.set(index, result);
  }
  return result;
}
