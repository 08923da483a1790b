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
  const program = byKey.get(id.trim().toUpperCase());
  if (asTyped.size > 256) asTyped.clear();
  asTyped.set(id, program);
  return program;
}

export function programIds(): string[] {
  return PROGRAMS.map((p) => p.id);
}
