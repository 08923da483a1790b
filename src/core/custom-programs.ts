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
import { loadProgram } from './programs/load';

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
  // Versions are checked as the programs they make, and kept parsed and in date order for the engine.
  const loaded = loadProgram(program);
  if (!loaded.ok) return { ok: false, problems: [{ path: 'versions', message: loaded.message }] };
  return { ok: true, program: loaded.program, sources: pages, unconfirmed };
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

/**
 * What an editor shows beside each field of a program file, by path ('*' for the items of a list).
 * Kept here rather than in the engine's schema, which states shapes; a path the schema no longer has
 * is skipped, so the two can change apart.
 */
const DESCRIPTIONS: Record<string, string> = {
  id: 'Your program id: upper-case letters, digits and dashes (e.g. "GUILD-CPD"); not a built-in id',
  name: 'Full name of the credential',
  body: 'The certifying body',
  headerWords: 'Header words of the body\'s own tracker, by column (e.g. approved: ["Board approved"])',
  required: 'Credits required in one cycle',
  creditUnit: 'What a credit is called: "CEUs", "PDUs", "hours"…',
  rounding: "How each entry's credits are rounded: a step (0.25) and nearest, floor or ceil",
  perEntryCap: 'Most credits one entry may earn',
  entryLimits: 'The largest Hours and Self-study hours one row may hold (a larger value is a typing slip)',
  formats: "Kinds of activity, each with its credits per hour (the log's Format column names one)",
  'formats.*.id': 'Short id used by caps, minimums and filters: lower-case letters, digits, dashes',
  'formats.*.label': 'The name shown and accepted in the Format column',
  'formats.*.aliases': 'Other names users type for this format',
  'formats.*.perHour': 'Credits per unit in the Hours column',
  'formats.*.perSelfStudyHour': 'Credits per hour in the Self-study hours column',
  'formats.*.perEntryCap': "Overrides the program's per-entry cap for this format",
  'formats.*.proofAlso': 'Proof needed besides one acceptable kind',
  'formats.*.hoursHelp': 'What to put in Hours for this format, shown as help',
  defaultFormat: 'Format of an entry whose Format cell is blank',
  subjects: 'Accepted subject areas (used by a subjectInList eligibility rule)',
  caps: 'Limits: at most so many credits from the entries a cap applies to',
  'caps.*.label': 'Shown to the user; {format} and {year} are filled in per group',
  'caps.*.limit': 'Credits, or { "fractionOfRequired": 0.2 } for a share of the required credits',
  'caps.*.appliesTo': 'Which entries the cap limits (formats, approved, provider words)',
  'caps.*.groupBy': 'One allowance per format, or one shared by all the entries it applies to',
  'caps.*.period': 'The allowance renews each cycle year, or once per cycle',
  'caps.*.exempt': 'Entries that neither use nor are limited by the allowance',
  minimums: 'At least so many credits from the entries a filter selects',
  'minimums.*.label': 'Adjective used in messages: "15 more {label} credits"',
  'minimums.*.period': '"cycleYear" asks for the amount in every cycle year',
  minEntries: 'Fewest separate entries the log must hold',
  multipliers: 'Credits multiplied for the entries a filter selects',
  eligibility: 'Rules that decide whether an entry counts at all',
  atRisk: 'Rules that leave an entry counted but flag it for audit or review',
  proof: 'Which entries need proof, and which kinds are accepted',
  cycle: 'The dates of a cycle, each counted from the cycle start, the window end or the deadline',
  'cycle.windowEnd': 'Last day on which activities count for the cycle',
  'cycle.deadline': 'Last day to renew without a penalty',
  'cycle.applicationOpens': 'First day the renewal can be submitted',
  'cycle.phases': 'After the deadline, in order: GRACE, LAPSED, EXPIRED (the last may be open-ended)',
  'cycle.extension': 'An extension the body grants, and what it asks for',
  fees: 'Fees in US dollars (null when the body states it elsewhere), with the statuses in which each applies',
  renewalFeeId: 'The fee shown when the renewal is ready',
  checklist: 'The application checklist shown to the user',
  carryOver: 'Credits that may be brought from the previous cycle (entered in the profile)',
  proRating: 'A shorter first cycle asks for creditsPerMonth for each whole month, never above required',
  requiredPerFact: 'More credits required for each unit of a number fact of the profile, up to maxCount units',
  suggestedPace: 'Credits per cycle year the body suggests but does not require: a hint, never a shortfall',
  approvedMeaning: 'What the Approved column means for this program',
  profileFields: 'Optional profile fields this program uses',
  versions: 'Rule changes for cycles starting on or after a date',
};

function addDescription(schema: unknown, path: string[], text: string): void {
  let node = schema as Record<string, unknown> | undefined;
  for (const key of path) {
    if (!node) return;
    node = (key === '*' ? node.items : (node.properties as Record<string, unknown> | undefined)?.[key]) as
      Record<string, unknown> | undefined;
  }
  if (node && node.description === undefined) node.description = text;
}

/** The JSON Schema of a program file, as an editor reads it (what may be left out is optional). */
export function programJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ProgramFileSchema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
  for (const [path, text] of Object.entries(DESCRIPTIONS)) addDescription(schema, path.split('.'), text);
  return {
    ...schema,
    title: 'CE Ledger program',
    description:
      'A continuing-education program: required credits, cycle, formats, caps, minimums and the rest, as CE Ledger reads them.',
  };
}
