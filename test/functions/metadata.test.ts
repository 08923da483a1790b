/** functions.json is generated from the JSDoc in src/functions; it must have no errors. */
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';

interface Param {
  name: string;
  type: string;
  dimensionality?: string;
  optional?: boolean;
  description?: string;
}
interface Fn {
  id: string;
  name: string;
  description: string;
  parameters: Param[];
  result: { type: string };
}

let functions: Fn[];
let errors: string[];

beforeAll(async () => {
  const generated = await generateCustomFunctionsMetadata('src/functions/functions.ts', true);
  errors = generated.errors;
  functions = JSON.parse(generated.metadataJson).functions;
}, 60_000);

test('metadata generation reports no errors', () => {
  expect(errors).toEqual([]);
});

test('the five functions, their parameters in order, and their result types', () => {
  const summary = Object.fromEntries(
    functions.map((f) => [
      f.id,
      {
        params: f.parameters.map(
          (p) => `${p.name}${p.optional ? '?' : ''}${p.dimensionality === 'matrix' ? '[][]' : ''}`,
        ),
        result: f.result.type,
      },
    ]),
  );
  expect(summary).toEqual({
    CE_CREDITS: { params: ['program', 'format', 'hours', 'selfStudyHours?'], result: 'number' },
    RECERT_STATUS: { params: ['program', 'cycleStart', 'log[][]', 'asOf?', 'profile?[][]'], result: 'string' },
    CREDITS_EARNED: { params: ['program', 'cycleStart', 'log[][]', 'asOf?', 'profile?[][]'], result: 'number' },
    CREDITS_NEEDED: { params: ['program', 'cycleStart', 'log[][]', 'asOf?', 'profile?[][]'], result: 'number' },
    RECERT_DEADLINE: { params: ['program', 'cycleStart', 'profile?[][]'], result: 'number' },
  });
});

test('every function and parameter has help a user can read in the formula bar', () => {
  for (const f of functions) {
    expect(f.description.length).toBeGreaterThan(20);
    for (const p of f.parameters) expect((p.description ?? '').length).toBeGreaterThan(10);
  }
});
