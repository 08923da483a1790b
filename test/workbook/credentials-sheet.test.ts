import { checkProfile, dayFromIso, serialFromDay, type Profile } from '../../src/core';
import { MemoryWorkbook } from '../../src/workbook/memory';
import {
  credentialOps,
  PROFILE_SHEET,
  profileOps,
  readCredentials,
  readProfile,
} from '../../src/workbook/profile-sheet';

function profile(input: Record<string, unknown>): Profile {
  const checked = checkProfile(input);
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return checked.profile;
}

const all = { sheets: 'all' as const };

function columnA(wb: MemoryWorkbook): unknown[] {
  return Array.from({ length: wb.extent(PROFILE_SHEET).rows }, (_, r) => wb.getValue(PROFILE_SHEET, r, 0));
}

describe('CE Profile sheet: further credentials', () => {
  test('writes "Credential 2 …" rows below the profile and reads them back; the first credential is unchanged', async () => {
    const wb = new MemoryWorkbook({ Log: [['Date', 'Hours']] });
    const first = profile({ program: 'NISM-SMS', cycleStart: '2025-03-14' });
    await wb.apply(profileOps(first, await wb.read(all)));
    const second = profile({ program: 'ACSM-CPT', cycleStart: '2024-02-01', facts: { cprValidUntil: '2027-05-01' } });
    const third = profile({
      program: 'NISM-SMS',
      cycleStart: '2026-01-10',
      expires: '2028-01-31',
      extensionGranted: true,
    });
    await wb.apply(credentialOps([second, third], await wb.read(all)));

    const snapshot = await wb.read(all);
    expect(readProfile(snapshot).profile?.program).toBe('NISM-SMS');
    const read = readCredentials(snapshot);
    expect(read.problems).toEqual([]);
    expect(read.numbers).toEqual([2, 3]);
    expect(read.credentials.map((c) => [c.program, c.cycleStart, c.expires, c.extensionGranted])).toEqual([
      ['ACSM-CPT', dayFromIso('2024-02-01'), undefined, false],
      ['NISM-SMS', dayFromIso('2026-01-10'), dayFromIso('2028-01-31'), true],
    ]);
    expect(read.credentials[0]!.facts.cprValidUntil).toBe(dayFromIso('2027-05-01'));
    // Labels in column A, values in column B, dates as serials with the profile's date format.
    const labels = columnA(wb);
    const row = labels.indexOf('Credential 2 cycle start');
    expect(row).toBeGreaterThan(labels.indexOf('Program'));
    expect(wb.getValue(PROFILE_SHEET, row, 1)).toBe(serialFromDay(dayFromIso('2024-02-01')!));
    expect(wb.numberFormat(PROFILE_SHEET, row, 1)).toBe('yyyy-mm-dd');
  });

  test('rewriting updates the rows in place; no other cell of the sheet moves', async () => {
    const wb = new MemoryWorkbook({ Log: [['Date', 'Hours']] });
    await wb.apply(profileOps(profile({ program: 'NISM-SMS', cycleStart: '2025-03-14' }), await wb.read(all)));
    const second = profile({ program: 'ACSM-CPT', cycleStart: '2024-02-01' });
    await wb.apply(credentialOps([second], await wb.read(all)));
    const before = columnA(wb).length;
    await wb.apply(credentialOps([{ ...second, cycleStart: dayFromIso('2024-03-01')! }], await wb.read(all)));
    expect(columnA(wb).length).toBe(before);
    expect(readCredentials(await wb.read(all)).credentials[0]!.cycleStart).toBe(dayFromIso('2024-03-01'));
  });

  test('a typed credential block is read by its labels; a bad one says which row to fix', async () => {
    const wb = new MemoryWorkbook({
      [PROFILE_SHEET]: [
        ['CE Ledger profile'],
        ['Program', 'NISM-SMS'],
        ['Cycle start', '2025-03-14'],
        ['credential 2 program', 'acsm-ep'],
        ['Credential 2 cycle start', '2025-01-01'],
        ['Credential 3 program', 'NOT-A-PROGRAM'],
        ['Credential 3 cycle start', '2025-01-01'],
        ['Credential 4 program', ''],
      ],
    });
    const read = readCredentials(await wb.read(all));
    expect(read.credentials.map((c) => c.program)).toEqual(['ACSM-EP']);
    expect(read.problems).toEqual([{ field: 'Credential 3 program', message: 'is not a known program id' }]);
  });

  test('a workbook without credential rows has no further credentials', async () => {
    const wb = new MemoryWorkbook({
      [PROFILE_SHEET]: [
        ['Program', 'NISM-SMS'],
        ['Cycle start', '2025-03-14'],
      ],
    });
    expect(readCredentials(await wb.read(all))).toEqual({ credentials: [], numbers: [], problems: [] });
  });
});
