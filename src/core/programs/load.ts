/**
 * Loading a program definition: parsed and checked by the schema (zod), every rule version checked as
 * the whole program it makes. The built-in programs go through here in the tests and at build time
 * (builtin.ts); a program a user supplies goes through here when it loads. The evaluation itself
 * never parses (versions.ts merges versions already parsed here), so the cell functions need no zod.
 */
import { ProgramSchema, type Program } from '../schema';

export type ProgramLoad = { ok: true; program: Program } | { ok: false; message: string };

function issuesOf(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  return error.issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`).join('; ');
}

/**
 * Every version checked as the program it makes (the changes of it and all earlier versions over the
 * base), and kept with its changes parsed, sorted by date: merging parsed changes over the parsed base
 * gives exactly that program, with no parse at evaluation time.
 */
function parsedVersions(program: Program): { versions: Program['versions']; problems: string[] } {
  const problems: string[] = [];
  const sorted = [...program.versions].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  const versions = sorted.map((v, i) => {
    const changes = Object.assign({}, ...sorted.slice(0, i + 1).map((x) => x.changes));
    const result = ProgramSchema.safeParse({ ...program, ...changes, versions: [] });
    if (!result.success) {
      problems.push(`version from ${v.effectiveFrom}: ${issuesOf(result.error)}`);
      return v;
    }
    const merged = result.data as Record<string, unknown>;
    const parsed: Record<string, unknown> = {};
    for (const key of Object.keys(v.changes)) parsed[key] = merged[key];
    return { ...v, changes: parsed };
  });
  return { versions, problems };
}

/** Parses one program definition; the message lists each invalid path. */
export function loadProgram(input: unknown): ProgramLoad {
  const parsed = ProgramSchema.safeParse(input);
  if (parsed.success) {
    const { versions, problems } = parsedVersions(parsed.data);
    if (problems.length === 0) return { ok: true, program: { ...parsed.data, versions } };
    return { ok: false, message: `program ${parsed.data.id} is invalid: ${problems.join('; ')}` };
  }
  const id = typeof input === 'object' && input && 'id' in input ? String((input as { id: unknown }).id) : '?';
  return { ok: false, message: `program ${id} is invalid: ${issuesOf(parsed.error)}` };
}
