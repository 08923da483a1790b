/**
 * A program whose cycle ends on the last day of the birth month (SHRM-CP): the command line reads the
 * number fact "Birth month" from the CE Profile sheet like any other fact, and without it says so
 * plainly instead of printing a made-up deadline.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'fs';
import { join } from 'path';
import { run, tempDir, writeWorkbook } from './helpers';
import type { CellValue } from '../../src/workbook/port';

const dir = tempDir('ce-cli-birth-');

const LOG: CellValue[][] = [
  ['Date', 'Activity', 'Provider', 'Format', 'Hours', 'Category', 'Proof'],
  ['2022-09-01', 'HR law update', 'SHRM', 'Seminar', 20, 'Advance Your Education', 'Certificate'],
];

async function tracker(name: string, profileRows: CellValue[][]): Promise<string> {
  const file = join(dir, name);
  await writeWorkbook(file, {
    'CE Log': LOG,
    'CE Profile': [['CE Ledger profile'], ['Program', 'SHRM-CP'], ['Cycle start', '2022-04-29'], ...profileRows],
  });
  return file;
}

test('check reads Birth month from the CE Profile sheet: the cycle ends on the last day of that month', async () => {
  const file = await tracker('with-month.xlsx', [['Birth month', 7]]);
  const r = await run(['check', file, '--as-of', '2023-06-01', '--json'], dir);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout)).toMatchObject({ status: 'IN PROGRESS', earned: 20, deadline: '2025-07-31' });
});

test('without Birth month, check and calendar say what is missing and exit 2', async () => {
  const file = await tracker('no-month.xlsx', []);
  const r = await run(['check', file, '--as-of', '2023-06-01'], dir);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/Birth month is not in the profile/);
  expect(r.stdout).not.toMatch(/20\d\d-\d\d-\d\d/);
  const c = await run(['calendar', file, '-o', join(dir, 'no-month.ics')], dir);
  expect(c.code).toBe(2);
  expect(c.stderr).toMatch(/Birth month is not in the profile/);
});

test("calendar uses the sheet's Birth month for the deadline", async () => {
  const file = await tracker('cal.xlsx', [['Birth month', '2']]);
  const out = join(dir, 'cal.ics');
  const r = await run(['calendar', file, '-o', out], dir);
  expect(r.stderr).toBe('');
  expect(r.stdout).toMatch(/deadline 2025-02-28\)/);
  expect(readFileSync(out, 'utf8')).toMatch(/20250228/);
});

test('a Birth month that is not a number from 0 to 12 is a profile problem naming the fact', async () => {
  const file = await tracker('bad-month.xlsx', [['Birth month', 'July']]);
  const r = await run(['check', file, '--as-of', '2023-06-01'], dir);
  expect(r.stderr + r.stdout).toMatch(/Birth month/);
  expect(r.stderr + r.stdout).toMatch(/enter a number from 0 to 12/);
});

test('template for a birth-month program writes a Birth month row and no made-up deadline', async () => {
  const r = await run(['template', '-o', 'shrm.xlsx', '--program', 'SHRM-CP', '--cycle-start', '2025-04-01'], dir);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(dir, 'shrm.xlsx'));
  const labels: string[] = [];
  wb.getWorksheet('CE Profile')!.eachRow((row) => labels.push(String(row.getCell(1).value)));
  expect(labels).toContain('Birth month');
  expect(labels).not.toContain('Deadline without penalty');
  // With a fixed-date program the deadline row is still written.
  await run(['template', '-o', 'nism.xlsx', '--program', 'NISM-SMS', '--cycle-start', '2025-04-01'], dir);
  const nism = new ExcelJS.Workbook();
  await nism.xlsx.readFile(join(dir, 'nism.xlsx'));
  const nismLabels: string[] = [];
  nism.getWorksheet('CE Profile')!.eachRow((row) => nismLabels.push(String(row.getCell(1).value)));
  expect(nismLabels).toContain('Deadline without penalty');
});

test("programs --json says the cycle ends in the profile's birth month", async () => {
  const r = await run(['programs', '--json'], dir);
  const list = JSON.parse(r.stdout) as { id: string; cycle: { text: string } }[];
  const text = (id: string) => list.find((p) => p.id === id)!.cycle.text;
  expect(text('SHRM-CP')).toBe("3 years (ending on the last day of the profile's birth month)");
  expect(text('CFP')).toBe("2 years (ending on the last day of the profile's birth month)");
  expect(text('NCCPA-PAC')).toBe('2 years (ending 31 December)');
});
