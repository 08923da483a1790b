/**
 * Program files: a program written as JSON, by a user or exported from a built-in one. The file's
 * shape is the engine's `ProgramSchema` plus what an author needs and the engine does not: sources as
 * title and address, the numbers not yet confirmed, and `$schema` so an editor validates and completes
 * the file (schemas/program.schema.json is generated from `ProgramFileSchema`).
 *
 * A file is checked here, once, when it is loaded; the registry and the cell functions only ever hold
 * the parsed `Program`. Problems come back as data (a path and a plain message each), never thrown.
 */
import { z } from 'zod';
import { ProgramSchema, type Program } from './schema';
import { versionProblems } from './versions';

/** One page a number came from. */
export const SourceSchema = z
  .object({
    title: z.string().min(1).describe('The page or document title'),
    url: z
      .string()
      .regex(/^https?:\/\/\S+$/, 'an address starting with https:// or http://')
      .describe('Where the page can be read'),
    /** What the page gives: "required: 60", "cycle: 3 years"… */
    supports: z.array(z.string().min(1)).optional().describe('The rules and numbers this page gives'),
    note: z.string().min(1).optional().describe('How the page was read, or what it leaves open'),
  })
  .strict();
export type Source = z.infer<typeof SourceSchema>;

type RulesShape = Omit<typeof ProgramSchema.shape, 'sources'>;

/**
 * The shape of a program file. The engine's refinements (unknown format ids, unknown fees…) stay in
 * force: `safeExtend` keeps them. The cast only lets `sources` take pages as well as sentences.
 */
export const ProgramFileSchema = (ProgramSchema as unknown as z.ZodObject<RulesShape, z.core.$strict>).safeExtend({
  $schema: z.string().optional().describe('Address of program.schema.json, for editors'),
  sources: z
    .array(z.union([SourceSchema, z.string().min(1)]))
    .default([])
    .describe('Where the numbers come from: a page (title and url) or a sentence of interpretation'),
  unconfirmed: z
    .array(z.string().min(1))
    .default([])
    .describe('Numbers not confirmed against the body’s current pages, each with what is unsure'),
});
export type ProgramFile = z.input<typeof ProgramFileSchema>;

export interface ProgramFileProblem {
  /** Where in the file: "caps[0].limit", or "" for the file as a whole. */
  path: string;
  message: string;
}

export type ProgramFileLoad =
  | { ok: true; program: Program; sources: Source[]; unconfirmed: string[] }
  | { ok: false; problems: ProgramFileProblem[] };

/** "caps[0].limit" from ['caps', 0, 'limit']. */
export function problemPath(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`)).join('');
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return 'text';
  return `a ${typeof value}`;
}

/** zod's messages, in the words of someone editing a JSON file. */
function plainMessage(issue: z.core.$ZodIssue, input: unknown): ProgramFileProblem[] {
  const path = problemPath(issue.path);
  let value: unknown = input;
  for (const key of issue.path) value = value && typeof value === 'object' ? (value as never)[key] : undefined;
  if (issue.code === 'invalid_type') {
    const expected =
      issue.expected === 'array' ? 'a list' : `${issue.expected === 'object' ? 'an' : 'a'} ${issue.expected}`;
    const message = value === undefined ? `is required (${expected})` : `should be ${expected}, not ${typeName(value)}`;
    return [{ path, message }];
  }
  if (issue.code === 'unrecognized_keys')
    return issue.keys.map((key) => ({
      path: problemPath([...issue.path, key]),
      message: `is not a field here (check the spelling against program.schema.json)`,
    }));
  if (issue.code === 'invalid_union' && value && typeof value === 'object' && 'type' in value)
    return [
      { path, message: `has an unknown or incomplete rule type ${JSON.stringify((value as { type: unknown }).type)}` },
    ];
  if (issue.code === 'invalid_union' && value && typeof value === 'object' && 'check' in value)
    return [
      { path, message: `has an unknown or incomplete check ${JSON.stringify((value as { check: unknown }).check)}` },
    ];
  return [{ path, message: issue.message }];
}

/** Makes a program file into the program the engine runs, or says what is wrong with it. */
export function parseProgramFile(input: unknown, builtInIds: readonly string[] = []): ProgramFileLoad {
  if (!input || typeof input !== 'object' || Array.isArray(input))
    return {
      ok: false,
      problems: [{ path: '', message: `a program file holds one JSON object, not ${typeName(input)}` }],
    };
  const parsed = ProgramFileSchema.safeParse(input);
  if (!parsed.success)
    return { ok: false, problems: parsed.error.issues.flatMap((issue) => plainMessage(issue, input)) };
  const { $schema: _schema, sources, unconfirmed, ...rules } = parsed.data;
  const builtIn = builtInIds.find((id) => id.toUpperCase() === rules.id.toUpperCase());
  if (builtIn)
    return {
      ok: false,
      problems: [{ path: 'id', message: `${builtIn} is a built-in program; give your program an id of its own` }],
    };
  const pages = sources.filter((s): s is Source => typeof s !== 'string');
  const program: Program = {
    ...rules,
    sources: sources.map((s) => (typeof s === 'string' ? s : `${s.title} <${s.url}>`)),
  };
  const versionIssues = versionProblems(program);
  if (versionIssues.length)
    return { ok: false, problems: versionIssues.map((message) => ({ path: 'versions', message })) };
  return { ok: true, program, sources: pages, unconfirmed };
}

/** Reads the text of a program file: JSON syntax errors are problems too. */
export function parseProgramFileText(text: string, builtInIds: readonly string[] = []): ProgramFileLoad {
  let input: unknown;
  try {
    input = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return {
      ok: false,
      problems: [{ path: '', message: `not valid JSON: ${e instanceof Error ? e.message : String(e)}` }],
    };
  }
  return parseProgramFile(input, builtInIds);
}

/** One line per problem: "caps[0].limit: should be a number, not text". */
export function describeProblems(problems: readonly ProgramFileProblem[]): string[] {
  return problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message));
}

/**
 * A program as a file to start from: every rule written out, sources as pages where they are known.
 * The result passes `ProgramFileSchema` and loads back to the same rules.
 */
export function programToFile(
  program: Program,
  pages: { sources: readonly Source[]; unconfirmed: readonly string[] } = { sources: [], unconfirmed: [] },
  schemaUrl?: string,
): Record<string, unknown> {
  const texts = program.sources.filter((text) => !pages.sources.some((s) => text.includes(s.url)));
  return {
    ...(schemaUrl ? { $schema: schemaUrl } : {}),
    ...program,
    sources: [...pages.sources, ...texts],
    unconfirmed: [...pages.unconfirmed],
  };
}

/** The JSON Schema of a program file, as an editor reads it (what may be left out is optional). */
export function programJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ProgramFileSchema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
  return {
    ...schema,
    title: 'CE Ledger program',
    description:
      'A continuing-education program: required credits, cycle, formats, caps, minimums and the rest, as CE Ledger reads them.',
  };
}
