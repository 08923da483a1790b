/**
 * The command line reads the profile facts of issue 12 (rules revisions 2 and 3) from its options and
 * from the CE Profile sheet: --expires DATE replaces the computed expiry, --extension-granted moves
 * the deadline to the extension's end; an option wins over the sheet.
 */
import { join } from 'path';
import { run, tempDir, writeWorkbook } from './helpers';
import type { CellValue } from '../../src/workbook/port';

const dir = tempDir('ce-cli-facts-');

const LOG: CellValue[][] = [
  ['Date', 'Activity', 'Provider', 'Format', 'Hours', 'Subject area', 'Approved', 'Proof'],
  ['2025-04-01', 'Strategy webinar', 'NISM', 'Webinar', 4, 'Social Media Strategy', true, 'Certificate'],
  // After the computed expiry (2027-03-14): counts only within a granted extension.
  ['2027-04-20', 'Late conference', 'NISM', 'Conference', 3, 'Social Media Strategy', true, 'Certificate'],
];

async function tracker(name: string, profileRows: CellValue[][]): Promise<string> {
  const file = join(dir, name);
  await writeWorkbook(file, {
    'CE Log': LOG,
    'CE Profile': [['CE Ledger profile'], ['Program', 'NISM-SMS'], ['Cycle start', '2025-03-14'], ...profileRows],
  });
  return file;
}

async function check(file: string, ...flags: string[]) {
  const r = await run(['check', file, '--as-of', '2027-05-01', '--json', ...flags], dir);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as { status: string; earned: number; deadline: string; statusLine: string };
}

test('--extension-granted moves the deadline to the extension end and counts credit earned up to it', async () => {
  const file = await tracker('plain.xlsx', []);
  const plain = await check(file);
  expect(plain).toMatchObject({ status: 'LAPSED', earned: 4, deadline: '2027-03-14' });
  const granted = await check(file, '--extension-granted');
  expect(granted).toMatchObject({ status: 'IN PROGRESS', earned: 7, deadline: '2027-06-14' });
});

test('--expires replaces the computed expiry; the sheet\'s "Expires" row does the same, and the option wins', async () => {
  const file = await tracker('expires.xlsx', [['Expires', '2027-09-30']]);
  expect(await check(file)).toMatchObject({ status: 'IN PROGRESS', earned: 7, deadline: '2027-09-30' });
  expect(await check(file, '--expires', '2027-04-25')).toMatchObject({
    status: 'GRACE', // NISM's 14 days after the certificate's expiry
    earned: 7, // the 2027-04-20 entry falls before the certificate's expiry
    deadline: '2027-04-25',
  });
});

test('the sheet\'s "Extension granted" row is read as yes/no', async () => {
  const file = await tracker('granted.xlsx', [['Extension granted', 'yes']]);
  expect(await check(file)).toMatchObject({ status: 'IN PROGRESS', deadline: '2027-06-14' });
});

test('a bad --expires date exits 2 with a one-line reason', async () => {
  const r = await run(['check', 'tracker.xlsx', '--expires', 'soon'], dir);
  expect(r.code).toBe(2);
  expect(r.stderr).toBe(
    'ce-ledger: bad date for --expires: "soon" (use YYYY-MM-DD, a date from 1900-01-01 to 9999-12-31)\n',
  );
});
