/**
 * `ce-ledger check` on a workbook whose CE Profile lists two credentials (issue 13, point 4): each is
 * reported on the same log; the Category column marks entries for one of them only.
 */
import { join } from 'path';
import { run, tempDir, writeWorkbook } from './helpers';
import type { CellValue } from '../../src/workbook/port';

const dir = tempDir('ce-cli-credentials-');

const LOG: CellValue[][] = [
  ['Date', 'Activity', 'Provider', 'Format', 'Hours', 'Category', 'Subject area', 'Proof'],
  ['2025-04-01', 'Strategy webinar', 'NISM', 'Webinar', 4, 'NISM-SMS', 'Social Media Strategy', 'Certificate'],
  ['2025-05-01', 'Strength course', 'ACSM', 'CEC', 6, 'ACSM-CPT', '', 'Certificate'],
  ['2025-06-01', 'Coaching course', 'ACSM', 'CEC', 5, 'acsm-cpt', '', 'Certificate'],
];

const PROFILE: CellValue[][] = [
  ['CE Ledger profile'],
  ['Program', 'NISM-SMS'],
  ['Cycle start', '2025-03-14'],
  ['Credential 2 program', 'ACSM-CPT'],
  ['Credential 2 cycle start', '2025-01-01'],
];

async function tracker(name: string, profile: CellValue[][]): Promise<string> {
  const file = join(dir, name);
  await writeWorkbook(file, { 'CE Log': LOG, 'CE Profile': profile });
  return file;
}

interface Json {
  program: string;
  earned: number;
  status: string;
  credentials?: { program: string; earned: number; required: number; deadline: string; otherRows: number[] }[];
}

test("check --json lists both credentials; the top-level fields stay the first credential's", async () => {
  const file = await tracker('two.xlsx', PROFILE);
  const r = await run(['check', file, '--as-of', '2026-01-15', '--json'], dir);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const json = JSON.parse(r.stdout) as Json;
  expect(json).toMatchObject({ program: 'NISM-SMS', earned: 4, status: 'IN PROGRESS' });
  expect(json.credentials!.map((c) => [c.program, c.earned, c.required, c.otherRows])).toEqual([
    ['NISM-SMS', 4, 20, [3, 4]],
    ['ACSM-CPT', 11, 45, [2]],
  ]);
  expect(json.credentials![0]!.deadline).toBe('2027-03-14');
  expect(json.credentials![1]!.deadline).toBe('2028-12-31');
});

test('check prints an overview line per credential, then a section for each', async () => {
  const file = await tracker('two-text.xlsx', PROFILE);
  const r = await run(['check', file, '--as-of', '2026-01-15'], dir);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('Credentials (2)');
  expect(r.stdout).toContain('NISM-SMS: IN PROGRESS, 4 of 20 credits, deadline 2027-03-14');
  expect(r.stdout).toMatch(/ACSM-CPT: IN PROGRESS, 11 of 45 CECs, deadline 2028-12-31/);
  const first = r.stdout.indexOf('== Credential 1: NISM-SMS ==');
  const second = r.stdout.indexOf('== Credential 2: ACSM-CPT ==');
  expect(first).toBeGreaterThan(0);
  expect(second).toBeGreaterThan(first);
  expect(r.stdout.slice(second)).toContain('Credits  11 counted of 45 required');
  expect(r.stdout.slice(first, second)).toContain('For other credentials only (Category): rows 3, 4');
});

test('a workbook with one credential reports as before: no credentials array, no sections', async () => {
  const file = await tracker('one.xlsx', PROFILE.slice(0, 3));
  const json = JSON.parse((await run(['check', file, '--as-of', '2026-01-15', '--json'], dir)).stdout) as Json;
  expect(json.credentials).toBeUndefined();
  // Marks are read only when the profile lists several credentials: one credential reads the log as before
  // (here the ACSM rows' CEC format is not one of NISM's, so they are row problems, as without marks).
  expect(json).toMatchObject({ program: 'NISM-SMS', earned: 4 });
  expect((json as unknown as { problems: { row: number }[] }).problems.map((p) => p.row)).toEqual([3, 4]);
  const text = (await run(['check', file, '--as-of', '2026-01-15'], dir)).stdout;
  expect(text).not.toContain('Credentials (');
});

test('a further credential that cannot be read is named on stderr and left out; the others still show', async () => {
  const file = await tracker('bad.xlsx', [
    ...PROFILE,
    ['Credential 3 program', 'NO-SUCH-PROGRAM'],
    ['Credential 3 cycle start', '2025-01-01'],
  ]);
  const r = await run(['check', file, '--as-of', '2026-01-15', '--json'], dir);
  expect(r.code).toBe(0);
  expect(r.stderr).toBe('ce-ledger: CE Profile "Credential 3 program": is not a known program id; left out\n');
  expect((JSON.parse(r.stdout) as Json).credentials!.map((c) => c.program)).toEqual(['NISM-SMS', 'ACSM-CPT']);
});

test('two credentials of one body that asks only the highest level: the lower one is covered by it', async () => {
  const file = join(dir, 'acsm.xlsx');
  const unmarked = LOG.slice(2).map((row) => row.map((v, i) => (i === 5 ? '' : v)));
  await writeWorkbook(file, {
    'CE Log': [LOG[0]!, ...unmarked],
    'CE Profile': [
      ['CE Ledger profile'],
      ['Program', 'ACSM-CPT'],
      ['Cycle start', '2025-01-01'],
      ['Credential 2 program', 'ACSM-EP'],
      ['Credential 2 cycle start', '2025-01-01'],
    ],
  });
  const r = await run(['check', file, '--as-of', '2026-01-15', '--json'], dir);
  expect(r.code).toBe(0);
  const json = JSON.parse(r.stdout) as { credentials: { program: string; required: number; coveredBy?: string }[] };
  expect(json.credentials.map((c) => [c.program, c.required, c.coveredBy])).toEqual([
    ['ACSM-CPT', 45, 'ACSM-EP'],
    ['ACSM-EP', 60, undefined],
  ]);
  const text = (await run(['check', file, '--as-of', '2026-01-15'], dir)).stdout;
  expect(text).toMatch(/ACSM-CPT: IN PROGRESS, 11 of 60 CECs, deadline 2028-12-31 \(through ACSM-EP/);
});
