/**
 * The summary of a workbook whose CE Profile lists two credentials (issue 13, point 4): one section per
 * credential on "CE Summary", each with its own figures, and on "CE Entries" a counted and a fate column
 * per credential, so each credential's total can be followed row by row. Written with the xlsx adapter
 * and read back with exceljs, which never recalculates: what a reviewer's reader shows.
 */
import ExcelJS from 'exceljs';
import { generateSummary, type GenerateSummaryResult } from '../../src/summary';
import { OfficeWorkbook } from '../../src/workbook/office';
import { FakeExcel } from '../fakes/fake-excel';
import { runSummaryAction } from '../../src/summary/action';
import { MemoryWorkbook } from '../../src/workbook/memory';
import type { CellValue } from '../../src/workbook/port';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { day, serial } from './fixtures';

type Written = Extract<GenerateSummaryResult, { ok: true }>;

// Worked by hand, one CPE or CEU per hour for both programs. The webinar and the conference carry no
// mark and count for both; the course is marked for ISC2-CISSP only, the training for CompTIA only.
// ISC2-CISSP: 10 + 8 + 6 = 24 CPEs (all Group A). COMPTIA-SECURITYPLUS: webinars are capped at 20% of
// 50 = 10, so 10 + 6 + 5 = 21 CEUs.
const LOG: CellValue[][] = [
  ['Date', 'Activity', 'Provider', 'Format', 'Hours', 'Category', 'Proof'],
  [serial('2025-03-10'), 'Threat modelling webinar', 'SANS', 'Webinar', 10, '', 'Certificate'],
  [serial('2025-04-15'), 'Security architecture course', 'ISC2', 'Education course', 8, 'ISC2-CISSP', 'Certificate'],
  [serial('2025-05-20'), 'Regional security conference', 'ISSA', 'Conference', 6, '', 'Certificate'],
  [
    serial('2025-06-25'),
    'Cloud security training',
    'CompTIA',
    'Training course',
    5,
    'COMPTIA-SECURITYPLUS',
    'Certificate',
  ],
];

const ONE: CellValue[][] = [
  ['CE Ledger profile'],
  ['Program', 'ISC2-CISSP'],
  ['Cycle start', serial('2025-01-01')],
  ['Name', 'Sam Ortiz'],
  ['Certificant number', '778899'],
];
const TWO: CellValue[][] = [
  ...ONE,
  ['Credential 2 program', 'COMPTIA-SECURITYPLUS'],
  ['Credential 2 cycle start', serial('2024-11-01')],
];

async function written(profile: CellValue[][]): Promise<{ result: Written; book: ExcelJS.Workbook }> {
  const port = XlsxWorkbook.create('CE Log');
  await port.apply([
    { kind: 'setValues', sheet: 'CE Log', row: 0, col: 0, values: LOG },
    { kind: 'addSheet', name: 'CE Profile' },
    { kind: 'setValues', sheet: 'CE Profile', row: 0, col: 0, values: profile },
  ]);
  const result = await generateSummary(port, { asOf: day('2026-01-15') });
  if (!result.ok) throw new Error(result.message);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await port.toBuffer()) as unknown as ExcelJS.Buffer);
  return { result, book };
}

/** A cell as a reader shows it: a formula's cached result, else its value. */
function shown(ws: ExcelJS.Worksheet, row: number, col: number): unknown {
  const { type, result, value } = ws.getCell(row + 1, col + 1);
  return type === ExcelJS.ValueType.Formula ? result : value;
}

/** Every row of a sheet as values shown (0-based rows and columns). */
function rowsOf(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  for (let r = 0; r < ws.rowCount; r++)
    out.push(Array.from({ length: ws.columnCount }, (_, c) => shown(ws, r, c) ?? null));
  return out;
}

/** The first row at or after `from` whose column A is `label`. */
function rowAfter(rows: unknown[][], from: number, label: string): number {
  const i = rows.findIndex((r, n) => n >= from && r[0] === label);
  if (i < 0) throw new Error(`no row "${label}" after row ${from}`);
  return i;
}

describe('the summary of two credentials', () => {
  test('a section per credential, each with its own figures; the marked entries count for one only', async () => {
    const { result, book } = await written(TWO);
    expect(result.credentials?.map((c) => c.program.id)).toEqual(['ISC2-CISSP', 'COMPTIA-SECURITYPLUS']);
    const rows = rowsOf(book.getWorksheet(result.sheet)!);
    const text = rows.flat().filter((v): v is string => typeof v === 'string');

    // Each credential's heading, the first before the second, and each one's status line.
    const first = rows.findIndex((r) => typeof r[0] === 'string' && r[0].startsWith('Credential 1: ISC2-CISSP'));
    const second = rows.findIndex(
      (r) => typeof r[0] === 'string' && r[0].startsWith('Credential 2: COMPTIA-SECURITYPLUS'),
    );
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
    for (const c of result.credentials!) expect(text).toContain(c.evaluation.status.actionLine);

    // All credits: required, counted, still needed, as a reader without recalculation shows them.
    const cissp = rowAfter(rows, first, 'All credits');
    const comptia = rowAfter(rows, second, 'All credits');
    expect(cissp).toBeLessThan(second);
    expect(rows[cissp]!.slice(1, 4)).toEqual([120, 24, 96]);
    expect(rows[comptia]!.slice(1, 4)).toEqual([50, 21, 29]);

    // Each section has its own cycle, minimums, caps and checklist.
    expect(rows[rowAfter(rows, first, 'Cycle window')]![1]).toBe('2025-01-01 to 2027-12-31');
    expect(rows[rowAfter(rows, second, 'Cycle window')]![1]).toBe('2024-11-01 to 2027-10-31');
    const groupA = rows.findIndex(
      (r, n) => n > first && n < second && String(r[0]).startsWith('Group A CPEs (minimum'),
    );
    expect(rows[groupA]!.slice(1, 4)).toEqual([90, 24, 66]);
    const caps = rowAfter(rows, second, 'Cap');
    const webinarCap = rows.findIndex((r, n) => n > caps && /^Live webinar/.test(String(r[0])));
    // Limit 10, claimed 10, counted 10.
    expect(rows[webinarCap]!.slice(1, 4)).toEqual([10, 10, 10]);
    const items = (from: number, to: number) =>
      rows.slice(rowAfter(rows, from, 'Item') + 1, to).findIndex((r) => r[0] === null);
    expect(items(first, second)).toBeGreaterThan(0);
    expect(rows.slice(second).some((r) => r[0] === '50 CEUs counted')).toBe(true);
    expect(rows.slice(first, second).some((r) => r[0] === '120 CPEs counted')).toBe(true);

    // The attestation names both programs.
    const attestation = rows.slice(result.layout.attestation.first);
    expect(attestation.filter((r) => r[0] === 'Program').map((r) => String(r[1]).split(':')[0])).toEqual([
      'ISC2-CISSP',
      'COMPTIA-SECURITYPLUS',
    ]);
  });

  test("CE Entries: a counted column per credential, whose totals are each credential's", async () => {
    const { result, book } = await written(TWO);
    const ws = book.getWorksheet(result.entriesSheet)!;
    const { header, first, count, total, columns } = result.layout.entries;
    const col = (name: string) => {
      const i = columns.indexOf(name);
      if (i < 0) throw new Error(`no column "${name}" in ${columns.join(', ')}`);
      return i;
    };
    expect(columns).toEqual(expect.arrayContaining(['ISC2-CISSP counted', 'COMPTIA-SECURITYPLUS counted']));
    // The header read back is the layout's.
    expect(columns.map((_, c) => shown(ws, header, c))).toEqual(columns);
    // Every row of the log is listed once, the rows only one credential counts included.
    expect(count).toBe(4);
    const byActivity = new Map(
      Array.from({ length: count }, (_, i) => [String(shown(ws, first + i, col('Activity'))), first + i]),
    );
    const figures = (activity: string) => {
      const r = byActivity.get(activity)!;
      return [
        shown(ws, r, col('ISC2-CISSP counted')),
        shown(ws, r, col('ISC2-CISSP fate')),
        shown(ws, r, col('COMPTIA-SECURITYPLUS counted')),
        shown(ws, r, col('Reasons and flags')),
      ];
    };
    // A further credential's fate, when the row is not plainly counted for it, is a named line of the reasons.
    expect(figures('Threat modelling webinar')).toEqual([10, 'Counted', 10, null]);
    expect(figures('Security architecture course')).toEqual([
      8,
      'Counted',
      null,
      'COMPTIA-SECURITYPLUS: Other credentials only',
    ]);
    expect(figures('Regional security conference')).toEqual([6, 'Counted', 6, null]);
    expect(figures('Cloud security training')).toEqual([null, 'Other credentials only', 5, null]);
    // The total row under each counted column is that credential's total.
    expect(shown(ws, total, col('ISC2-CISSP counted'))).toBe(24);
    expect(shown(ws, total, col('COMPTIA-SECURITYPLUS counted'))).toBe(21);
    // Every formula cell of both sheets carries a number.
    for (const sheet of [result.sheet, result.entriesSheet])
      book.getWorksheet(sheet)!.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Formula)
            expect({ cell: `${sheet}!${cell.address}`, result: typeof cell.result }).toEqual({
              cell: `${sheet}!${cell.address}`,
              result: 'number',
            });
        }),
      );
  });

  test('the layout names each section; the first where a one-credential summary has it', async () => {
    const two = await written(TWO);
    const one = await written(ONE);
    expect(two.result.layout.credentials?.map((c) => c.id)).toEqual(['ISC2-CISSP', 'COMPTIA-SECURITYPLUS']);
    expect(one.result.layout.credentials).toBeUndefined();
    // The first credential's totals come before every further section.
    const [a, b] = two.result.layout.credentials!;
    expect(two.result.layout.totals.all).toBe(a!.totalsAll);
    expect(a!.totalsAll).toBeLessThan(b!.heading);
  });

  test("in Excel each further credential's section starts a printed page (a page break above its heading)", async () => {
    const fake = new FakeExcel({ 'CE Log': LOG, 'CE Profile': TWO });
    const result = await generateSummary(new OfficeWorkbook({ run: fake.run }), { asOf: day('2026-01-15') });
    if (!result.ok) throw new Error(result.message);
    const [, second] = result.layout.credentials!;
    expect(fake.pageLayouts.get('CE Summary')?.rowBreaks).toEqual([second!.heading]);
    const oneFake = new FakeExcel({ 'CE Log': LOG, 'CE Profile': ONE });
    expect((await generateSummary(new OfficeWorkbook({ run: oneFake.run }), { asOf: day('2026-01-15') })).ok).toBe(
      true,
    );
    expect(oneFake.pageLayouts.get('CE Summary')?.rowBreaks).toBeUndefined();
  });

  test('one credential: no sections, no extra columns, and the marks are not read (as before)', async () => {
    const { result, book } = await written(ONE);
    expect(result.credentials).toBeUndefined();
    expect(result.layout.entries.columns).toContain('Credits counted');
    expect(result.layout.entries.columns.some((c) => c.includes('COMPTIA'))).toBe(false);
    const text = rowsOf(book.getWorksheet(result.sheet)!)
      .flat()
      .filter((v): v is string => typeof v === 'string');
    expect(text.some((t) => t.startsWith('Credential'))).toBe(false);
    // Without a second credential the Category cells are read as before: the CompTIA training is read for
    // ISC2-CISSP too, where its format is none of the program's, a row problem (never silently left out).
    expect(result.evaluation.earned).toBe(24);
    expect(result.evaluation.problems.map((p) => p.row)).toEqual([5]);
    expect(result.layout.entries.count).toBe(4);
  });

  test('a further credential that cannot be read is named on the summary, not dropped', async () => {
    const { result, book } = await written([
      ...TWO,
      ['Credential 3 program', 'NO-SUCH-PROGRAM'],
      ['Credential 3 cycle start', serial('2025-01-01')],
    ]);
    expect(result.credentials?.map((c) => c.program.id)).toEqual(['ISC2-CISSP', 'COMPTIA-SECURITYPLUS']);
    expect(result.unread).toEqual([{ field: 'Credential 3 program', message: 'is not a known program id' }]);
    const text = rowsOf(book.getWorksheet(result.sheet)!).flat();
    expect(text).toContain('Not in this summary: CE Profile "Credential 3 program": is not a known program id');
  });
});

test("the pane's summary action reports each credential and names one that could not be read", async () => {
  const wb = new MemoryWorkbook({
    'CE Log': LOG,
    'CE Profile': [...TWO, ['Credential 3 program', 'NO-SUCH-PROGRAM'], ['Credential 3 cycle start', 45000]],
  });
  const report = await runSummaryAction(
    wb,
    { confirmReplace: () => Promise.resolve(true), report: () => undefined, busy: () => undefined },
    { asOf: day('2026-01-15') },
  );
  expect(report.intent).toBe('success');
  expect(report.message).toContain('24 of 120 CPEs counted.');
  expect(report.message).toContain('COMPTIA-SECURITYPLUS: IN PROGRESS, 21 of 50 CEUs, deadline 2027-10-31.');
  expect(report.message).toMatch(/Not included: CE Profile "Credential 3 program": is not a known program id\.$/);
});

test('two credentials of a body that asks only the highest level: the covered one says so in its section', async () => {
  const port = XlsxWorkbook.create('CE Log');
  await port.apply([
    {
      kind: 'setValues',
      sheet: 'CE Log',
      row: 0,
      col: 0,
      values: [
        ['Date', 'Activity', 'Provider', 'Format', 'Hours', 'Proof'],
        [serial('2025-05-01'), 'Strength course', 'ACSM', 'CEC', 6, 'Certificate'],
        [serial('2025-06-01'), 'Coaching course', 'ACSM', 'CEC', 5, 'Certificate'],
      ],
    },
    { kind: 'addSheet', name: 'CE Profile' },
    {
      kind: 'setValues',
      sheet: 'CE Profile',
      row: 0,
      col: 0,
      values: [
        ['CE Ledger profile'],
        ['Program', 'ACSM-CPT'],
        ['Cycle start', serial('2025-01-01')],
        ['Credential 2 program', 'ACSM-EP'],
        ['Credential 2 cycle start', serial('2025-01-01')],
      ],
    },
  ]);
  const result = await generateSummary(port, { asOf: day('2026-01-15') });
  if (!result.ok) throw new Error(result.message);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await port.toBuffer()) as unknown as ExcelJS.Buffer);
  const rows = rowsOf(book.getWorksheet(result.sheet)!);
  const [cpt, ep] = result.layout.credentials!;
  // The first (ACSM-CPT, 45 CECs) is covered by ACSM-EP (60): said in its own section, not in EP's.
  const shared = rows.flatMap((r, i) => (r[0] === 'Shared credit' ? [[i, String(r[1])] as const] : []));
  expect(shared).toHaveLength(1);
  expect(shared[0]![0]).toBeGreaterThan(cpt!.heading);
  expect(shared[0]![0]).toBeLessThan(ep!.heading);
  expect(shared[0]![1]).toMatch(/renewed through ACSM-EP$/);
  // Each section's own requirement; the same 11 CECs count for both.
  expect(rows[cpt!.totalsAll]!.slice(1, 3)).toEqual([45, 11]);
  expect(rows[ep!.totalsAll]!.slice(1, 3)).toEqual([60, 11]);
});
