/**
 * The program registry: the built-in programs (checked by the schema at build time and in the
 * tests: builtin.ts), looked up by id in any case. The engine receives a parsed `Program`; it never
 * names one. Loading a program a user supplies is load.ts, kept out of this module so that the cell
 * functions, which import the registry, carry no schema library.
 */
import type { Program } from '../schema';
import { BUILTIN_PROGRAMS } from './builtin';

export const PROGRAMS: readonly Program[] = BUILTIN_PROGRAMS;
const byKey = new Map(PROGRAMS.map((p) => [p.id.toUpperCase(), p]));

/** Cell functions ask with the same few strings over and over: remember them as typed. */
const asTyped = new Map<string, Program | undefined>();

export function findProgram(id: string): Program | undefined {
  const known = asTyped.get(id);
  if (known !== undefined || asTyped.has(id)) return known;
  const key = id.trim().toUpperCase();
  const program = byKey.get(key) ?? custom.get(key);
  if (asTyped.size > 256) asTyped.clear();
  asTyped.set(id, program);
  return program;
}

export function programIds(): string[] {
  return allPrograms().map((p) => p.id);
}

// Custom programs (issue 13): programs users wrote, checked by custom-programs.ts before they arrive
// here. The pane fills this from the workbook, the command line from the workbook and --program-file;
// in the shared runtime the cell functions read the same registry. A built-in id is never replaced.
const custom = new Map<string, Program>();
let generation = 0;

/** Changes whenever the custom programs do: what was read from the registry before may be out of date. */
export function registryGeneration(): number {
  return generation;
}

/** Replaces the custom programs; one with a built-in program's id is left out. */
export function setCustomPrograms(programs: readonly Program[]): void {
  custom.clear();
  for (const p of programs) if (!byKey.has(p.id.toUpperCase())) custom.set(p.id.toUpperCase(), p);
  asTyped.clear();
  generation++;
}

export function customPrograms(): Program[] {
  return [...custom.values()];
}

/** Built-in programs, then custom ones. */
export function allPrograms(): Program[] {
  return [...PROGRAMS, ...custom.values()];
}
