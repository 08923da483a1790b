/** The tracker corpus (test/fixtures/trackers/make.ts): `ce-ledger check` reaches each hand-computed result. */
import { rmSync } from 'fs';
import { makeTrackers, TRACKERS } from '../fixtures/trackers/make';
import { run, tempDir } from './helpers';

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
    expect(json.sheets).toEqual([t.sheet]);
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
