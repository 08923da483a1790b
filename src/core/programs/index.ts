/**
 * The program registry: every program file is checked by the schema when this module loads, and
 * looked up by id in any case. The engine receives a parsed `Program`; it never names one.
 */
import { ProgramSchema, type Program } from '../schema';
import { versionProblems } from '../versions';
import { nismPrograms } from './nism';
import { namssPrograms } from './namss';
import { acsmPrograms } from './acsm';

export type ProgramLoad = { ok: true; program: Program } | { ok: false; message: string };

/** Parses one program definition; the message lists each invalid path. */
export function loadProgram(input: unknown): ProgramLoad {
  const parsed = ProgramSchema.safeParse(input);
  if (parsed.success) {
    const versionIssues = versionProblems(parsed.data);
    if (versionIssues.length === 0) return { ok: true, program: parsed.data };
    return { ok: false, message: `program ${parsed.data.id} is invalid: ${versionIssues.join('; ')}` };
  }
  const details = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
  const id = typeof input === 'object' && input && 'id' in input ? String((input as { id: unknown }).id) : '?';
  return { ok: false, message: `program ${id} is invalid: ${details}` };
}

function loadAll(): Program[] {
  return [...nismPrograms, ...namssPrograms, ...acsmPrograms].map((input) => {
    const result = loadProgram(input);
    if (!result.ok) throw new Error(result.message);
    return result.program;
  });
}

export const PROGRAMS: readonly Program[] = loadAll();
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

/** Replaces the custom programs; one with a built-in program's id is left out. */
export function setCustomPrograms(programs: readonly Program[]): void {
  custom.clear();
  for (const p of programs) if (!byKey.has(p.id.toUpperCase())) custom.set(p.id.toUpperCase(), p);
  asTyped.clear();
}

export function customPrograms(): Program[] {
  return [...custom.values()];
}

/** Built-in programs, then custom ones. */
export function allPrograms(): Program[] {
  return [...PROGRAMS, ...custom.values()];
}
