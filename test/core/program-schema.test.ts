/** Program files: the published JSON Schema, the built-in programs as files, and what a broken file says. */
import * as fs from 'fs';
import * as path from 'path';
import Ajv2020 from 'ajv/dist/2020';
import { evaluateLog, PROGRAMS, programIds } from '../../src/core';
import {
  describeProblems,
  parseProgramFile,
  parseProgramFileText,
  programJsonSchema,
  programToFile,
} from '../../src/core/custom-programs';
import { builtInPages } from '../../src/core/programs/sources';
import { day } from './helpers';

const ROOT = path.join(__dirname, '../..');
const SCHEMA_FILE = path.join(ROOT, 'schemas/program.schema.json');
const CUSTOM_FILE = path.join(ROOT, 'test/fixtures/programs/guild-cpd.json');
const published = JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, unknown>;

function validator() {
  return new Ajv2020({ allErrors: true, strict: false }).compile(published);
}

test('schemas/program.schema.json is the schema generated from the zod schema (run `npm run make:schema` if not)', () => {
  expect(published).toEqual(programJsonSchema());
});

test('every built-in program, exported as a file, passes the JSON Schema and loads back to the same rules', () => {
  const validate = validator();
  for (const program of PROGRAMS) {
    const file = JSON.parse(JSON.stringify(programToFile(program, builtInPages(program.id)))) as Record<
      string,
      unknown
    >;
    expect({ id: program.id, valid: validate(file), errors: validate.errors ?? null }).toEqual({
      id: program.id,
      valid: true,
      errors: null,
    });
    const loaded = parseProgramFile({ ...file, id: `MY-${program.id}` });
    if (!loaded.ok) throw new Error(describeProblems(loaded.problems).join('\n'));
    const { id: _a, sources: _b, ...rules } = loaded.program;
    const { id: _c, sources: _d, ...original } = program;
    expect(rules).toEqual(original);
  }
});

test('every built-in program names at least one page with a title and an address', () => {
  for (const program of PROGRAMS) {
    const pages = builtInPages(program.id);
    expect({ id: program.id, pages: (pages?.sources.length ?? 0) > 0 }).toEqual({ id: program.id, pages: true });
    for (const page of pages!.sources) expect(page.url).toMatch(/^https?:\/\/[a-z0-9.-]+\//);
  }
});

test('a program written from the JSON Schema alone passes it, loads, and evaluates a log', () => {
  const text = fs.readFileSync(CUSTOM_FILE, 'utf8');
  expect(validator()(JSON.parse(text))).toBe(true);
  const loaded = parseProgramFileText(text, programIds());
  if (!loaded.ok) throw new Error(describeProblems(loaded.problems).join('\n'));
  expect(loaded.sources.map((s) => s.url)).toEqual(['https://example.org/guild/cpd']);
  expect(loaded.unconfirmed).toHaveLength(1);
  const cells = [
    ['Date', 'Activity', 'Provider', 'Format', 'Hours', 'Proof'],
    ['2025-02-01', 'Course A', 'Guild', 'Course', 20, 'Certificate'],
    ['2025-03-01', 'Journal club', 'Guild', 'Reading', 20, 'Certificate'],
  ];
  const ev = evaluateLog(loaded.program, cells, { cycleStart: day('2025-01-01'), asOf: day('2025-06-01') });
  if (!ev.ok) throw new Error(ev.message);
  // Reading: 20 hours at 0.5 = 10, capped at 6; no ethics yet.
  expect(ev.evaluation.earned).toBe(26);
  expect(ev.evaluation.minimums.map((m) => [m.id, m.shortfall])).toEqual([['ethics', 2]]);
});

test('a broken program file gives each problem with its path and a plain message', () => {
  const file = JSON.parse(fs.readFileSync(CUSTOM_FILE, 'utf8')) as Record<string, unknown>;
  const broken = {
    ...file,
    required: 'twenty',
    formats: [{ id: 'course', label: 'Course', perHour: 1, perHours: 2 }],
    cycle: { deadline: { from: 'windowEnd' }, phases: [] },
  };
  const result = parseProgramFile(broken, programIds());
  expect(result.ok).toBe(false);
  const lines = result.ok ? [] : describeProblems(result.problems);
  expect(lines).toEqual(
    expect.arrayContaining([
      'required: should be a number, not text',
      'formats[0].perHours: is not a field here (check the spelling against program.schema.json)',
      'cycle.windowEnd: is required (an object)',
    ]),
  );
  expect(lines.some((l) => l.startsWith('cycle.phases:'))).toBe(true);
  // The engine's own checks run too, once the shapes are right.
  const unknownFormat = parseProgramFile({ ...file, defaultFormat: 'lecture' }, programIds());
  expect(unknownFormat.ok ? [] : describeProblems(unknownFormat.problems)).toEqual([
    "defaultFormat: unknown format id 'lecture'",
  ]);
  expect(parseProgramFileText('{ "id": ', programIds())).toMatchObject({
    ok: false,
    problems: [{ path: '', message: expect.stringMatching(/^not valid JSON: /) }],
  });
});

test('a program file cannot take a built-in program id, in any case', () => {
  const file = JSON.parse(fs.readFileSync(CUSTOM_FILE, 'utf8')) as Record<string, unknown>;
  const result = parseProgramFile({ ...file, id: 'ACSM-CPT' }, programIds());
  expect(result).toEqual({
    ok: false,
    problems: [{ path: 'id', message: 'ACSM-CPT is a built-in program; give your program an id of its own' }],
  });
});
