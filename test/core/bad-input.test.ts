/**
 * The catalogue of bad inputs: each case, and the exact message a user sees. docs/bad-input.md is
 * generated from this table (`npm run docs:bad-input`) and this test fails when the two disagree.
 */
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { findProgram, parseLog } from '../../src/core';
import { ceCredits, creditsEarned, recertDeadline, recertStatus } from '../../src/functions/functions';
import { CellError } from '../../src/functions/errors';

const DOC = path.join(__dirname, '../../docs/bad-input.md');
const HEADER = ['Date', 'Format', 'Hours', 'Self-study hours', 'Approved', 'Proof', 'Score', 'Grade'];
const LONG = 'x'.repeat(5000);

/** [what is wrong, program, the row's cells in HEADER order] */
const rowCases: [string, string, unknown[]][] = [
  ['date typed as words', 'NISM-SMS', ['next Tuesday', 'Webinar', 1]],
  ['text date whose day and month are both over 12', 'NISM-SMS', ['13/14/2025', 'Webinar', 1]],
  ['text date in a month that has no such day', 'NISM-SMS', ['Feb 30, 2025', 'Webinar', 1]],
  ['date that does not exist', 'NISM-SMS', ['2025-02-29', 'Webinar', 1]],
  ['month 13', 'NISM-SMS', ['2025-13-01', 'Webinar', 1]],
  ['date missing', 'NISM-SMS', ['', 'Webinar', 1]],
  ["Excel's fictitious 1900-02-29", 'NISM-SMS', [60, 'Webinar', 1]],
  ['negative date serial', 'NISM-SMS', [-3, 'Webinar', 1]],
  ['date serial past 9999', 'NISM-SMS', [3000000, 'Webinar', 1]],
  ['date serial one past 9999-12-31', 'NISM-SMS', [2958466, 'Webinar', 1]],
  ['date serial below 1 (a time of day alone)', 'NISM-SMS', [0.5, 'Webinar', 1]],
  ['year 0025 typed as text', 'NISM-SMS', ['0025-03-14', 'Webinar', 1]],
  ['year before 1900 typed as text', 'NISM-SMS', ['1899-12-31', 'Webinar', 1]],
  ['date as TRUE', 'NISM-SMS', [true, 'Webinar', 1]],
  ['format not in the program', 'NISM-SMS', ['2025-04-01', 'Podcast quiz', 1]],
  ['format missing where the program has no default', 'NISM-SMS', ['2025-04-01', '', 1]],
  ['format of another program', 'ACSM-CPT', ['2025-04-01', 'Webinar', 1]],
  ['negative hours', 'NISM-SMS', ['2025-04-01', 'Webinar', -2]],
  ['hours as words', 'NISM-SMS', ['2025-04-01', 'Webinar', 'two']],
  ['hours with a comma that could be thousands or decimals', 'NISM-SMS', ['2025-04-01', 'Webinar', '1,250']],
  ['hours with a unit that is not one', 'NISM-SMS', ['2025-04-01', 'Webinar', '2 days']],
  ['hours missing', 'NISM-SMS', ['2025-04-01', 'Webinar', '']],
  ['hours of 1e308', 'NISM-SMS', ['2025-04-01', 'Webinar', 1e308]],
  ['hours past the 10,000 an entry may hold', 'NISM-SMS', ['2025-04-01', 'Webinar', 10001]],
  ['hours too large for a number', 'NISM-SMS', ['2025-04-01', 'Webinar', '1e400']],
  ['self-study hours of 1e308', 'NISM-SMS', ['2025-04-01', 'Online blended course', 1, 1e308]],
  ['hours as TRUE', 'NISM-SMS', ['2025-04-01', 'Webinar', true]],
  ['negative self-study hours', 'NISM-SMS', ['2025-04-01', 'Online blended course', 1, -10]],
  ['approved as "maybe"', 'NISM-SMS', ['2025-04-01', 'Webinar', 1, '', 'maybe']],
  ['approved as 2', 'NISM-SMS', ['2025-04-01', 'Webinar', 1, '', 2]],
  ['unknown kind of proof', 'NISM-SMS', ['2025-04-01', 'Webinar', 1, '', '', 'photo']],
  ['proof as a number', 'NISM-SMS', ['2025-04-01', 'Webinar', 1, '', '', 5]],
  ['score above 100', 'NISM-SMS', ['2025-04-01', 'Webinar', 1, '', '', 'Assessment', 140]],
  ['score as a percentage above 100', 'NISM-SMS', ['2025-04-01', 'Webinar', 1, '', '', 'Assessment', '150%']],
  ['negative score', 'NISM-SMS', ['2025-04-01', 'Webinar', 1, '', '', 'Assessment', -5]],
  ['score as words', 'NISM-SMS', ['2025-04-01', 'Webinar', 1, '', '', 'Assessment', 'good']],
  [
    'grade that is not a letter grade',
    'ACSM-CPT',
    ['2025-04-01', 'College course', 1, '', '', 'Transcript', '', 'excellent'],
  ],
  ['several bad cells in one row', 'NISM-SMS', ['soon', 'Juggling', -1]],
  ['a 5,000-character value', 'NISM-SMS', ['2025-04-01', LONG, 1]],
];

/** [what is wrong, the log range] */
const headerCases: [string, unknown[][]][] = [
  ['an empty range', []],
  [
    'no Date column',
    [
      ['Activity', 'Hours'],
      ['x', 1],
    ],
  ],
  [
    'no Hours or Self-study hours column',
    [
      ['Date', 'Activity'],
      ['2025-01-01', 'x'],
    ],
  ],
  ['the header row left out of the range', [[45748, 'Webinar', 2]]],
];

/** [what is wrong, the call] */
const argumentCases: [string, string, () => unknown][] = [
  ['unknown program', '=CEU.CE_CREDITS("NISM", "Webinar", 1)', () => ceCredits('NISM', 'Webinar', 1, null)],
  ['program left empty', '=CEU.CE_CREDITS("", "Webinar", 1)', () => ceCredits('', 'Webinar', 1, null)],
  ['unknown format', '=CEU.CE_CREDITS("NISM-SMS", "Podcast", 1)', () => ceCredits('NISM-SMS', 'Podcast', 1, null)],
  ['negative hours', '=CEU.CE_CREDITS("NISM-SMS", "Webinar", -1)', () => ceCredits('NISM-SMS', 'Webinar', -1, null)],
  [
    'hours as text',
    '=CEU.CE_CREDITS("NISM-SMS", "Webinar", "two")',
    () => ceCredits('NISM-SMS', 'Webinar', 'two', null),
  ],
  [
    'negative self-study hours',
    '=CEU.CE_CREDITS("NISM-SMS", "Online blended course", 1, -3)',
    () => ceCredits('NISM-SMS', 'Online blended course', 1, -3),
  ],
  [
    'hours of 1e308',
    '=CEU.CE_CREDITS("NISM-SMS", "Webinar", 1E+308)',
    () => ceCredits('NISM-SMS', 'Webinar', 1e308, null),
  ],
  [
    'hours past the 10,000 an entry may hold',
    '=CEU.CE_CREDITS("NISM-SMS", "Webinar", 10001)',
    () => ceCredits('NISM-SMS', 'Webinar', 10001, null),
  ],
  [
    'a 5,000-character format',
    '=CEU.CE_CREDITS("NISM-SMS", REPT("x", 5000), 1)',
    () => ceCredits('NISM-SMS', LONG, 1, null),
  ],
  [
    'cycle start missing',
    '=CEU.RECERT_STATUS("NISM-SMS", "", CELog[#All])',
    () => recertStatus('NISM-SMS', '', [HEADER], null),
  ],
  [
    'cycle start as words',
    '=CEU.RECERT_STATUS("NISM-SMS", "March 2025", CELog[#All])',
    () => recertStatus('NISM-SMS', 'March 2025', [HEADER], null),
  ],
  [
    'asOf as words',
    '=CEU.CREDITS_EARNED("NISM-SMS", 45730, CELog[#All], "tomorrow")',
    () => creditsEarned('NISM-SMS', 45730, [HEADER], 'tomorrow'),
  ],
  [
    'cycle start in year 0025',
    '=CEU.RECERT_STATUS("NISM-SMS", "0025-03-14", CELog[#All])',
    () => recertStatus('NISM-SMS', '0025-03-14', [HEADER], null),
  ],
  [
    'asOf one past 9999-12-31',
    '=CEU.CREDITS_EARNED("NISM-SMS", 45730, CELog[#All], 2958466)',
    () => creditsEarned('NISM-SMS', 45730, [HEADER], 2958466),
  ],
  ['negative date serial as cycle start', '=CEU.RECERT_DEADLINE("NISM-SMS", -5)', () => recertDeadline('NISM-SMS', -5)],
  [
    'a deadline after 9999-12-31',
    '=CEU.RECERT_DEADLINE("NISM-SMS", "9999-06-01")',
    () => recertDeadline('NISM-SMS', '9999-06-01'),
  ],
  [
    'a 5,000-character cycle start',
    '=CEU.RECERT_STATUS("NISM-SMS", REPT("x", 5000), CELog[#All])',
    () => recertStatus('NISM-SMS', LONG, [HEADER], null),
  ],
  [
    'log without its header row',
    '=CEU.CREDITS_EARNED("NISM-SMS", 45730, CELog)',
    () => creditsEarned('NISM-SMS', 45730, [[45748, 'Webinar', 2]], null),
  ],
  ['deadline for an unknown program', '=CEU.RECERT_DEADLINE("ACSM", 45730)', () => recertDeadline('ACSM', 45730)],
];

function show(value: unknown): string {
  if (value === '') return '(empty)';
  if (typeof value === 'string' && value.length > 40)
    return `"${value.slice(0, 10)}…" (${value.length.toLocaleString('en-US')} characters)`;
  return typeof value === 'string' ? `"${value}"` : String(value);
}

function rowMessages(program: string, row: unknown[]): string[] {
  const result = parseLog([HEADER, row], findProgram(program)!);
  if (!result.ok) throw new Error(result.message);
  return result.problems.map((p) => `row ${p.row}, ${p.column}: ${p.message}`);
}

function headerMessage(cells: unknown[][]): string {
  const result = parseLog(cells, findProgram('NISM-SMS')!);
  if (result.ok) throw new Error('expected a refusal');
  return result.message;
}

function argumentMessage(call: () => unknown): string {
  try {
    call();
  } catch (e) {
    if (e instanceof CellError) return `${e.code} ${e.message}`;
    throw e;
  }
  throw new Error('expected an Excel error');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function renderDoc(): string {
  const lines = [
    '# Bad input: what CE Ledger says',
    '',
    'Generated from `test/core/bad-input.test.ts` by `npm run docs:bad-input`; the test fails when this page and',
    'the code disagree. A row with a bad value counts for nothing until it is fixed; the pane, the summary',
    'sheet and `ce-ledger check` show these messages with the row number in the sheet.',
    '',
    `## Rows of a log (header: ${HEADER.join(', ')})`,
    '',
    '| Case | Program | Row cells | Message |',
    '|---|---|---|---|',
    ...rowCases.map(
      ([what, program, row]) =>
        `| ${what} | ${program} | ${cell(row.map(show).join(', '))} | ${cell(rowMessages(program, row).join('<br>'))} |`,
    ),
    '',
    '## The log range as a whole',
    '',
    '| Case | Message |',
    '|---|---|',
    ...headerCases.map(([what, cells]) => `| ${what} | ${cell(headerMessage(cells))} |`),
    '',
    '## Cell function arguments',
    '',
    '| Case | Formula | Error and message |',
    '|---|---|---|',
    ...argumentCases.map(
      ([what, formula, call]) => `| ${what} | \`${cell(formula)}\` | ${cell(argumentMessage(call))} |`,
    ),
    '',
  ];
  return lines.join('\n');
}

test('every catalogued bad row is reported with its row, column and a reason', () => {
  for (const [what, program, row] of rowCases) {
    const messages = rowMessages(program, row);
    expect({ what, count: messages.length > 0 }).toEqual({ what, count: true });
    for (const m of messages) expect(m).toMatch(/^row 2, [A-Z][a-z -]+: .{10,}/);
  }
});

test('a message quotes at most 40 characters of a bad value, on one line', () => {
  const messages = [
    ...rowCases.flatMap(([, program, row]) => rowMessages(program, row)),
    ...argumentCases.map(([, , call]) => argumentMessage(call)),
  ];
  expect(messages.filter((m) => /x{40}/.test(m) || m.includes('\n') || m.length > 400)).toEqual([]);
  expect(messages.filter((m) => m.includes(`"${'x'.repeat(39)}…"`))).toHaveLength(3);
});

test('docs/bad-input.md is the catalogue as the code answers it today', () => {
  const doc = renderDoc();
  if (process.env.UPDATE_DOCS) fs.writeFileSync(DOC, doc);
  expect(fs.existsSync(DOC) ? fs.readFileSync(DOC, 'utf8') : '(missing: run npm run docs:bad-input)').toBe(doc);
});

test('any table: every non-empty row becomes an entry, at least one problem or a skip with its reason, and nothing throws', () => {
  const value = fc.oneof(
    fc.string(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom('', '2025-04-01', 'Webinar', '1.5', '-1', 'x', 'Certificate', 45800),
  );
  fc.assert(
    fc.property(fc.array(fc.array(value, { maxLength: 10 }), { maxLength: 30 }), (rows) => {
      const result = parseLog([HEADER, ...rows], findProgram('NISM-SMS')!);
      if (!result.ok) throw new Error(result.message);
      const problemRows = new Set(result.problems.map((p) => p.row));
      // A row read and then passed over (a totals row such as "Sum") is skipped, with its reason.
      const skippedRows = new Set(
        result.skipped.filter((x) => x.reason !== 'a blank row inside the log').map((x) => x.row),
      );
      for (const e of result.entries) expect(problemRows.has(e.row) || skippedRows.has(e.row)).toBe(false);
      for (const row of skippedRows) expect(problemRows.has(row)).toBe(false);
      expect(result.entries.length + problemRows.size + skippedRows.size).toBe(result.rowsRead);
      for (const p of result.problems) expect(p.message.length).toBeGreaterThan(5);
      for (const x of result.skipped) expect(x.reason.length).toBeGreaterThan(5);
    }),
    { numRuns: 1000, examples: [[[['sum ', 'x']]], [[['Total', null, 3]]]] },
  );
});
