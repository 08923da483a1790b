/** `ce-ledger check` accounts for every row: what counted, what did not and why, in text and in JSON. */
import { rmSync } from 'fs';
import { join } from 'path';
import { evaluateLog, findProgram } from '../../src/core';
import { LIST_LIMIT, type CheckJson } from '../../src/cli/report';
import { AS_OF, CYCLE_START, day, nismLog, profileRows, serial } from '../summary/fixtures';
import { run, tempDir, writeWorkbook } from './helpers';
import type { CellValue } from '../../src/workbook/port';

let dir: string;

/** The fixture log and rows dated years off (typos in the year), enough to make a long list. */
function longLog(extra: number): CellValue[][] {
  const rows = nismLog();
  for (let i = 0; i < extra; i++)
    rows.push([
      serial('2052-03-01'),
      `Typo ${i}`,
      'NISM',
      'Webinar',
      1,
      '',
      'Social Media Strategy',
      'yes',
      'Certificate',
      '',
      '',
      '',
    ]);
  return rows;
}

beforeAll(async () => {
  dir = tempDir('ce-fates-');
  await writeWorkbook(join(dir, 'tracker.xlsx'), { 'CE Profile': profileRows(), Log: nismLog() });
  await writeWorkbook(join(dir, 'long.xlsx'), { 'CE Profile': profileRows(), Log: longLog(LIST_LIMIT + 5) });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function evaluation(cells: CellValue[][]) {
  const result = evaluateLog(findProgram('NISM-SMS')!, cells, { cycleStart: day(CYCLE_START), asOf: day(AS_OF) });
  if (!result.ok) throw new Error(result.message);
  return result.evaluation;
}

test('--json rows: one per non-blank data row, with its fate, credits and reasons, adding up to earned', async () => {
  const r = await run(['check', 'tracker.xlsx', '--json'], dir);
  expect(r.code).toBe(0);
  const json = JSON.parse(r.stdout) as CheckJson;
  const nonBlank = nismLog()
    .slice(1)
    .map((cells, i) => ({ cells, row: i + 2 }))
    .filter(({ cells }) => cells.some((v) => v !== '' && v !== null))
    .map(({ row }) => row);
  expect(json.rows.map((x) => x.row)).toEqual(nonBlank);
  for (const x of json.rows) {
    expect(x.sheet).toBe('Log');
    expect(['counted', 'partly counted', 'not counted', 'skipped']).toContain(x.fate);
    expect(x.claimed).toBeGreaterThanOrEqual(x.counted);
    if (x.fate !== 'counted') expect(x.reasons.length).toBeGreaterThan(0);
  }
  const counted = json.rows.reduce((s, x) => s + x.counted, 0);
  expect(Math.round(counted * 100) / 100).toBe(json.earned);
  // The bad row (Hours "two") is not counted, and says why.
  const bad = json.rows.find((x) => x.row === json.problems[0]!.row)!;
  expect(bad).toMatchObject({ fate: 'not counted', counted: 0 });
  expect(bad.reasons.join()).toMatch(/"two" is not a number/);
  // Every not-counted entry of the core's evaluation is there with the same reasons.
  const ev = evaluation(nismLog());
  for (const f of ev.rows.filter((x) => x.fate !== 'counted'))
    expect(json.rows).toContainEqual({
      sheet: 'Log',
      row: f.row,
      fate: f.fate,
      claimed: f.claimed,
      counted: f.counted,
      reasons: f.reasons,
    });
});

test('the text report has a Not counted section with each row and its reason', async () => {
  const r = await run(['check', 'tracker.xlsx'], dir);
  const ev = evaluation(nismLog());
  const notCounted = ev.rows.filter((f) => f.fate === 'not counted');
  expect(notCounted.length).toBeGreaterThan(1);
  const section = r.stdout.split('\n\n').find((block) => block.startsWith('Not counted'))!;
  expect(section.split('\n')[0]).toBe(`Not counted (${notCounted.length})`);
  for (const f of notCounted) expect(section).toContain(`row ${f.row} `);
  expect(section).toMatch(/not a number/);
});

test('a long list shows its first rows and a count of the rest; --all prints every one', async () => {
  const short = await run(['check', 'long.xlsx'], dir);
  const notCounted = evaluation(longLog(LIST_LIMIT + 5)).rows.filter((f) => f.fate === 'not counted');
  const more = notCounted.length - LIST_LIMIT;
  expect(short.stdout).toContain(`… and ${more} more rows not counted (--all prints every one)`);
  const last = notCounted[notCounted.length - 1]!;
  expect(short.stdout).not.toMatch(new RegExp(`row ${last.row} "Typo`));
  const all = await run(['check', 'long.xlsx', '--all'], dir);
  expect(all.stdout).not.toContain('more rows not counted');
  for (const f of notCounted) expect(all.stdout).toContain(`row ${f.row} `);
  expect(all.stdout).toContain(`row ${last.row} "Typo 24": 1 not counted: Dated 2052-03-01, after the last day`);
});

test('--all is a switch of check only', async () => {
  expect((await run(['check', 'tracker.xlsx', '--all=yes'], dir)).stderr).toMatch(/--all takes no value/);
  expect((await run(['programs', '--all'], dir)).stderr).toMatch(/programs does not take --all/);
});
