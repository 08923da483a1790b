/**
 * The built-in programs are checked by the schema before they ship: here, and at build time, where
 * webpack runs src/core/programs/builtin.ts and replaces it with the data it made
 * (scripts/builtin-programs-loader.js), so the cell functions' bundle needs no schema library.
 */
import { ProgramSchema, type ProgramInput } from '../../src/core/schema';
import { BUILTIN_PROGRAMS, parseBuiltInPrograms } from '../../src/core/programs/builtin';
import { loadProgram } from '../../src/core/programs/load';
import { programForCycle } from '../../src/core/versions';
import { nismPrograms } from '../../src/core/programs/nism';
import { acsmPrograms } from '../../src/core/programs/acsm';
import { day } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { programsModuleSource } = require('../../scripts/builtin-programs-loader') as {
  programsModuleSource: (programs: unknown) => string;
};

/** The data of the module the build writes in place of builtin.ts. */
function shipped(programs: unknown): unknown {
  const source = programsModuleSource(programs);
  const json = /^export const BUILTIN_PROGRAMS = JSON\.parse\((.*)\);$/m.exec(source)![1]!;
  return JSON.parse(JSON.parse(json) as string);
}

test('every built-in program, as shipped, is what the schema makes of its definition', () => {
  const data = shipped(BUILTIN_PROGRAMS) as unknown[];
  expect(data).toHaveLength(BUILTIN_PROGRAMS.length);
  data.forEach((program, i) => {
    // Parsing the shipped data again changes nothing: it holds every default and passes every check.
    expect(ProgramSchema.parse(program)).toEqual(program);
    expect(program).toEqual(BUILTIN_PROGRAMS[i]);
  });
});

test('an invalid built-in program stops the build, naming the program and the path', () => {
  const broken: ProgramInput = { ...nismPrograms[0]!, perEntryCap: -5 };
  expect(() => parseBuiltInPrograms([...acsmPrograms, broken])).toThrow(/program NISM-SMS is invalid: perEntryCap/);
  const badFormat: ProgramInput = { ...acsmPrograms[0]!, defaultFormat: 'podcast' };
  expect(() => parseBuiltInPrograms([badFormat])).toThrow(/defaultFormat: unknown format id 'podcast'/);
});

test('data JSON cannot carry exactly is refused rather than shipped changed', () => {
  expect(() => programsModuleSource([{ id: 'X', required: Infinity }])).toThrow(/JSON cannot carry/);
  expect(() => programsModuleSource([])).toThrow(/no BUILTIN_PROGRAMS/);
});

describe('rule versions are parsed when the program loads, not when it is evaluated', () => {
  const base: ProgramInput = {
    ...nismPrograms[0]!,
    id: 'TEST-VERSIONS',
    versions: [
      // Out of date order, and in input form: the cap leaves out groupBy, period and appliesTo.
      { effectiveFrom: '2030-01-01', changes: { required: 40 } },
      { effectiveFrom: '2026-01-01', changes: { required: 30, caps: [{ id: 'all', label: 'All', limit: 10 }] } },
    ],
  };

  test('the version in force is the program the schema makes of the base and the changes so far', () => {
    const loaded = loadProgram(base);
    if (!loaded.ok) throw new Error(loaded.message);
    const program = loaded.program;
    expect(programForCycle(program, day('2025-12-31'))).toBe(program);
    const v2026 = programForCycle(program, day('2026-06-01'));
    const v2030 = programForCycle(program, day('2031-01-01'));
    const { versions: _, ...rest } = program;
    for (const [version, changes] of [
      [v2026, base.versions![1]!.changes],
      [v2030, { ...base.versions![1]!.changes, ...base.versions![0]!.changes }],
    ] as const) {
      const expected = ProgramSchema.parse({ ...rest, ...changes, versions: [] });
      expect({ ...version, versions: [] }).toEqual(expected);
    }
    expect(v2026.required).toBe(30);
    expect(v2026.caps).toEqual([
      { id: 'all', label: 'All', limit: 10, appliesTo: {}, groupBy: 'none', period: 'cycle' },
    ]);
    expect(v2030.required).toBe(40);
    expect(v2030.caps).toBe(v2026.caps);
  });

  test('a version that makes an invalid program refuses the load, naming the version', () => {
    const result = loadProgram({
      ...base,
      versions: [{ effectiveFrom: '2026-01-01', changes: { defaultFormat: 'podcast' } }],
    });
    expect(result).toEqual({
      ok: false,
      message: expect.stringMatching(/version from 2026-01-01: defaultFormat: unknown format id 'podcast'/),
    });
  });
});
