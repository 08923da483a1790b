/** The tracker corpus (test/fixtures/trackers/make.ts): `ce-ledger check` reaches each hand-computed result. */
import { rmSync } from 'fs';
import { makeTrackers, TRACKERS } from '../fixtures/trackers/make';
import type { CellValue } from '../../src/workbook/port';
import { DATE_ORDER_FIELD, PROFILE_SHEET } from '../../src/workbook/profile-sheet';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { run, tempDir, writeWorkbook } from './helpers';

let dir: string;
let paths: Record<string, string>;
beforeAll(async () => {
  dir = tempDir('ce-trackers-');
  paths = await makeTrackers(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(TRACKERS.map((t) => [t.name, t] as const))('%s', (_name, t) => {
  test('check --json reaches the hand-computed result and says how each column was read', async () => {
    const r = await run(
      [
        'check',
        paths[t.name]!,
        '--program',
        t.program,
        '--cycle-start',
        t.cycleStart,
        '--as-of',
        t.asOf,
        '--json',
        ...(t.args ?? []),
      ],
      dir,
    );
    expect(r.stderr).toBe('');
    const json = JSON.parse(r.stdout);
    expect(json.earned).toBe(t.expected.earned);
    expect(json.problems).toHaveLength(t.expected.problems);
    expect(json.skipped).toHaveLength(t.expected.skipped);
    expect(json.sheets).toEqual(t.expected.sheets ?? [t.sheet]);
    expect(json.notices.map((n: { row: number | null }) => n.row)).toEqual(t.expected.notices ?? []);
    expect(
      Object.fromEntries(json.columns.map((c: { header: string; mappedTo: string | null }) => [c.header, c.mappedTo])),
    ).toEqual(t.expected.columns);
  });
});

test('the text report lists the columns, the skipped rows and how to correct them', async () => {
  const r = await run(
    [
      'check',
      paths['totals-and-cancelled']!,
      '--program',
      'NAMSS-CPCS',
      '--cycle-start',
      '2024-01-01',
      '--as-of',
      '2025-12-01',
    ],
    dir,
  );
  expect(r.stdout).toMatch(/A1 "Date" → Date/);
  expect(r.stdout).toMatch(/D1 "Status" → Status/);
  expect(r.stdout).toMatch(/row 3: Status says "Cancelled"/);
  expect(r.stdout).toMatch(/row 7: a totals row/);
  expect(r.stdout).toMatch(/--map "HEADER=Column"/);
});

test('without --map an unknown header is refused; a bad --map or --date-order says what is accepted', async () => {
  const file = paths['corrected-with-map']!;
  const base = ['check', file, '--program', 'NAMSS-CPCS', '--cycle-start', '2024-01-01'];
  expect((await run(base, dir)).code).toBe(2);
  const bad = await run([...base, '--map', 'Wann=When'], dir);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toMatch(/"When" is not a column; use one of Date, Activity/);
  const missing = await run([...base, '--map', 'Nope=Date'], dir);
  expect(missing.stderr).toMatch(/no header "Nope"/);
  const order = await run([...base, '--date-order', 'yyy'], dir);
  expect(order.stderr).toMatch(/bad --date-order "yyy": use mdy, dmy or ymd/);
});

describe('a log kept a sheet per year', () => {
  const base = (file: string) => [
    'check',
    file,
    '--program',
    'NAMSS-CPCS',
    '--cycle-start',
    '2024-01-01',
    '--as-of',
    '2025-12-01',
  ];

  test('the text report names each sheet read and how many rows came from it', async () => {
    const r = await run(base(paths['yearly-sheets']!), dir);
    expect(r.stdout).toMatch(/Sheets read: "2024" \(2 rows\), "2025" \(3 rows\)/);
    expect(r.stdout).toMatch(/"2025" A1 "Date" → Date/);
  });

  test('--sheet chooses the sheets, once or several times', async () => {
    const one = JSON.parse((await run([...base(paths['yearly-sheets']!), '--sheet', '2025', '--json'], dir)).stdout);
    expect(one.sheets).toEqual(['2025']);
    expect(one.earned).toBe(6);
    expect(one.columns.every((c: { sheet: string }) => c.sheet === '2025')).toBe(true);
    const both = await run([...base(paths['yearly-sheets']!), '--sheet', '2025', '--sheet', '2024', '--json'], dir);
    expect(JSON.parse(both.stdout).earned).toBe(9.5);
    expect(JSON.parse(both.stdout).sheets).toEqual(['2025', '2024']);
    const none = await run([...base(paths['yearly-sheets']!), '--sheet', 'Notes'], dir);
    expect(none.stderr).toMatch(/sheet "Notes" has no CE log/);
  });

  test('summary reads the same sheets, and takes --sheet and --map', async () => {
    const all = await run(
      ['summary', paths['yearly-sheets']!, '-o', 'yearly-out.xlsx', ...base('').slice(2), '--force'],
      dir,
    );
    expect(all.stderr).toBe('');
    expect(all.stdout).toMatch(/9\.5/);
    const one = await run(
      ['summary', paths['yearly-sheets']!, '-o', 'yearly-one.xlsx', ...base('').slice(2), '--sheet', '2024', '--force'],
      dir,
    );
    expect(one.stdout).toMatch(/3\.5/);
    const mapped = await run(
      [
        'summary',
        paths['corrected-with-map']!,
        '-o',
        'mapped.xlsx',
        ...base('').slice(2),
        ...TRACKERS.find((t) => t.name === 'corrected-with-map')!.args!,
      ],
      dir,
    );
    expect(mapped.stderr).toBe('');
    expect(mapped.stdout).toMatch(/\b3\b/);
  });
});

test('a Dashboard of monthly totals ahead of the log is not read as the log', async () => {
  const r = await run(
    [
      'check',
      paths['dashboard-first']!,
      '--program',
      'NAMSS-CPCS',
      '--cycle-start',
      '2024-01-01',
      '--as-of',
      '2025-12-01',
    ],
    dir,
  );
  expect(r.stdout).toMatch(/Sheets read: "CE Log" \(3 rows\)/);
});

test('a problem on a later yearly sheet names its sheet and cell', async () => {
  const file = `${dir}/yearly-problem.xlsx`;
  await writeWorkbook(file, {
    '2024': [
      ['Date', 'Activity', 'Hours'],
      ['2024-02-01', 'A', 1],
    ],
    '2025': [
      ['Date', 'Activity', 'Hours'],
      ['2025-02-01', 'B', 'lots'],
    ],
  });
  const r = await run(
    ['check', file, '--program', 'NAMSS-CPCS', '--cycle-start', '2024-01-01', '--as-of', '2025-12-01', '--json'],
    dir,
  );
  const json = JSON.parse(r.stdout);
  expect(json.sheets).toEqual(['2024', '2025']);
  expect(json.problems.map((p: { cell: string }) => p.cell)).toEqual(["'2025'!C2"]);
});

describe('a log kept a sheet per year names each row by its own sheet and row', () => {
  const t = TRACKERS.find((x) => x.name === 'yearly-sheets-day-first')!;
  const args = () => [
    paths[t.name]!,
    '--program',
    t.program,
    '--cycle-start',
    t.cycleStart,
    '--as-of',
    t.asOf,
    ...t.args!,
  ];

  test('check --json: rows, problems and missing proof are on the row’s own sheet', async () => {
    const json = JSON.parse((await run(['check', ...args(), '--json'], dir)).stdout);
    expect(json.rows.map((r: { sheet: string; row: number; fate: string }) => [r.sheet, r.row, r.fate])).toEqual([
      ['2024', 2, 'counted'],
      ['2024', 3, 'counted'],
      ['2025', 2, 'counted'],
      ['2025', 3, 'not counted'],
      ['2025', 4, 'counted'],
      ['2025', 5, 'not counted'],
    ]);
    expect(json.problems.map((p: { sheet: string; row: number; cell: string }) => [p.sheet, p.row, p.cell])).toEqual([
      ['2025', 3, "'2025'!C3"],
    ]);
    expect(json.missingProofAt).toEqual([{ sheet: '2025', row: 4 }]);
    // The checklist's rows are rows of the log, each on its own sheet.
    const listed = json.checklist.flatMap((c: { rowsAt: { sheet: string; row: number }[] }) => c.rowsAt);
    expect(listed.length).toBeGreaterThan(0);
    const real = json.rows.map((r: { sheet: string; row: number }) => `${r.sheet}!${r.row}`);
    for (const r of listed) expect(real).toContain(`${r.sheet}!${r.row}`);
    expect(json.missingProof).toEqual([4]);
  });

  test('the text report’s problems, missing proof and Not counted name the sheet and its row', async () => {
    const out = (await run(['check', ...args()], dir)).stdout;
    expect(out).toMatch(/^ {2}"2025" row 3 \('2025'!C3\): /m);
    expect(out).toMatch(/^Missing proof: "2025" row 4$/m);
    expect(out).toMatch(/^ {2}"2025" row 5 "Planned summit"/m);
    // No row of the evaluation's own numbering (the later sheet's rows counted on from the first).
    expect(out).not.toMatch(/\brow [6-9]\b/);
  });

  test('the summary’s CE Entries sheet names each entry’s sheet and row', async () => {
    const out = `${dir}/yearly-day-first-summary.xlsx`;
    const r = await run(['summary', ...args(), '-o', out, '--force'], dir);
    expect(r.stderr).toBe('');
    const book = await XlsxWorkbook.open(out);
    const snap = await book.read({ sheets: 'all' });
    const entries = snap.sheets['CE Entries']!;
    const header = entries.values.findIndex((row) => row?.[0] === 'Log row');
    const logRows = entries.values
      .slice(header + 1)
      .map((row) => row?.[0])
      .filter((v) => typeof v === 'string' && /row/.test(v));
    // Every row is listed, the one whose hours are "lots" too (not counted, with its reason).
    expect(logRows).toEqual([
      '"2024" row 2',
      '"2024" row 3',
      '"2025" row 2',
      '"2025" row 3',
      '"2025" row 4',
      '"2025" row 5',
    ]);
    const lots = entries.values.find((row) => row?.[0] === '"2025" row 3')!;
    expect(lots.map(String).join(' ')).toMatch(/not counted/i);
  });
});

test('check reads text dates in the date order the pane keeps in the CE Profile sheet; --date-order wins', async () => {
  const t = TRACKERS.find((x) => x.name === 'yearly-sheets-day-first')!;
  const file = `${dir}/yearly-profile-order.xlsx`;
  const years = Object.fromEntries(
    t.others!.filter((o) => o.name === '2025').map((o) => [o.name, o.rows as CellValue[][]]),
  );
  await writeWorkbook(file, {
    '2024': t.rows as CellValue[][],
    ...years,
    [PROFILE_SHEET]: [['CE Ledger profile'], [DATE_ORDER_FIELD.label, 'dmy']],
  });
  const base = ['check', file, '--program', t.program, '--cycle-start', t.cycleStart, '--as-of', t.asOf, '--json'];
  expect(JSON.parse((await run(base, dir)).stdout).earned).toBe(t.expected.earned);
  expect(JSON.parse((await run([...base, '--date-order', 'mdy'], dir)).stdout).earned).toBe(9.5);
});
