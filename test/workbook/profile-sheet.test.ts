import { dayFromIso, serialFromDay } from '../../src/core';
import { MemoryWorkbook } from '../../src/workbook/memory';
import { attestationName, PROFILE_SHEET, profileOps, readProfile } from '../../src/workbook/profile-sheet';
import { checkProfile, type Profile } from '../../src/core';

function profile(input: Record<string, unknown>): Profile {
  const checked = checkProfile(input);
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return checked.profile;
}

const all = { sheets: 'all' as const };

describe('CE Profile sheet', () => {
  test('creates a visible sheet with labels, values, named cells and a date format', async () => {
    const wb = new MemoryWorkbook({ Log: [['Date', 'Hours']] });
    const p = profile({
      program: 'nism-sms',
      cycleStart: '2025-03-14',
      name: 'Ada Lovelace',
      certificantNumber: '00123',
      attestations: { fee: true },
    });
    await wb.apply(profileOps(p, await wb.read(all)));
    expect(wb.sheetNames()).toEqual(['Log', PROFILE_SHEET]);
    const names = Object.fromEntries(wb.names().map((n) => [n.name, n]));
    expect(Object.keys(names)).toEqual(
      expect.arrayContaining([
        'CE_PROGRAM',
        'CE_CYCLE_START',
        'CE_NAME',
        'CE_CERTIFICANT_NO',
        'CE_EXPIRES',
        'CE_EXTENSION_GRANTED',
        'CE_ATTEST_FEE',
      ]),
    );
    // Issue 12: a program's facts are its own; NISM declares no CPR/AED date.
    expect(Object.keys(names)).not.toContain('CE_CPR_VALID_UNTIL');
    const at = (n: string) => names[n]!.range;
    expect(names.CE_PROGRAM!.sheet).toBe(PROFILE_SHEET);
    expect(at('CE_PROGRAM').col).toBe(1);
    expect(wb.getValue(PROFILE_SHEET, at('CE_PROGRAM').row, 0)).toBe('Program');
    expect(wb.getValue(PROFILE_SHEET, at('CE_PROGRAM').row, 1)).toBe('NISM-SMS');
    const start = at('CE_CYCLE_START');
    expect(wb.getValue(PROFILE_SHEET, start.row, 1)).toBe(serialFromDay(dayFromIso('2025-03-14')!));
    expect(wb.numberFormat(PROFILE_SHEET, start.row, 1)).toBe('yyyy-mm-dd');
    expect(wb.getValue(PROFILE_SHEET, at('CE_CERTIFICANT_NO').row, 1)).toBe('00123');
    const fee = at('CE_ATTEST_FEE');
    expect(wb.getValue(PROFILE_SHEET, fee.row, 0)).toMatch(/^Attested: Re-certification fee paid \(\$135\)$/);
    expect(wb.getValue(PROFILE_SHEET, fee.row, 1)).toBe(true);
    expect(wb.getValue('Log', 0, 0)).toBe('Date');
  });

  test('reads back what it wrote', async () => {
    const wb = new MemoryWorkbook();
    const p = profile({
      program: 'ACSM-CPT',
      cycleStart: '2024-02-29',
      expires: '2027-12-31',
      facts: { cprValidUntil: '2027-05-01' },
      attestations: { scope: true },
    });
    expect(p.facts).toEqual({ cprValidUntil: dayFromIso('2027-05-01') });
    await wb.apply(profileOps(p, await wb.read(all)));
    const read = readProfile(await wb.read(all));
    expect(read.problems).toEqual([]);
    expect(read.profile).toEqual({ ...p, attestations: expect.objectContaining({ scope: true }) });
  });

  test('updates only its own cells and keeps notes the user added', async () => {
    const wb = new MemoryWorkbook();
    await wb.apply(profileOps(profile({ program: 'NISM-SMS', cycleStart: '2025-03-14' }), await wb.read(all)));
    const prog = wb.names().find((n) => n.name === 'CE_PROGRAM')!.range;
    wb.setCell(PROFILE_SHEET, prog.row, 2, 'my note');
    wb.setCell(PROFILE_SHEET, 40, 0, 'far below');
    const before = await wb.read(all);
    const ops = profileOps(profile({ program: 'NAMSS-CPCS', cycleStart: '2024-01-10', name: 'B' }), before);
    expect(ops.some((o) => o.kind === 'addSheet')).toBe(false);
    await wb.apply(ops);
    expect(wb.getValue(PROFILE_SHEET, prog.row, 2)).toBe('my note');
    expect(wb.getValue(PROFILE_SHEET, 40, 0)).toBe('far below');
    const read = readProfile(await wb.read(all));
    expect(read.profile?.program).toBe('NAMSS-CPCS');
    expect(read.profile?.name).toBe('B');
  });

  test('finds cells by label when the names are gone, and by name when the rows moved', async () => {
    const byLabel = new MemoryWorkbook({
      [PROFILE_SHEET]: [
        ['CE Ledger profile'],
        ['Program', 'NISM-SMS'],
        ['Cycle start', '2025-03-14'],
        ['Attested: Re-certification fee paid ($135)', 'TRUE'],
      ],
    });
    const read = readProfile(await byLabel.read(all));
    expect(read.profile?.program).toBe('NISM-SMS');
    expect(read.profile?.cycleStart).toBe(dayFromIso('2025-03-14'));
    expect(read.profile?.attestations).toEqual({ fee: true });

    const moved = new MemoryWorkbook({ Elsewhere: [['x', 'NISM-SMS', 45000]] });
    await moved.apply([
      { kind: 'defineName', name: 'CE_PROGRAM', sheet: 'Elsewhere', range: { row: 0, col: 1, rows: 1, cols: 1 } },
      { kind: 'defineName', name: 'CE_CYCLE_START', sheet: 'Elsewhere', range: { row: 0, col: 2, rows: 1, cols: 1 } },
    ]);
    const r2 = readProfile(await moved.read(all));
    expect(r2.profile?.program).toBe('NISM-SMS');
    expect(r2.profile?.cycleStart).toBe(dayFromIso('2023-03-15'));
  });

  test('reports invalid values with the schema messages, and no sheet as not existing', async () => {
    const wb = new MemoryWorkbook({ [PROFILE_SHEET]: [['Title'], ['Program', 'NOPE'], ['Cycle start', 'soon']] });
    const read = readProfile(await wb.read(all));
    expect(read.profile).toBeUndefined();
    expect(read.problems).toEqual(
      expect.arrayContaining([
        { field: 'program', message: 'is not a known program id' },
        { field: 'cycleStart', message: 'enter a date (yyyy-mm-dd)' },
      ]),
    );
    expect(read.input.program).toBe('NOPE');
    expect(readProfile(await new MemoryWorkbook({ S: [[1]] }).read(all))).toEqual({
      problems: [],
      exists: false,
      input: {},
    });
  });

  test("reads Expires, Extension granted and the program's own facts by label; ignores another program's", async () => {
    const wb = new MemoryWorkbook({
      [PROFILE_SHEET]: [
        ['CE Ledger profile'],
        ['Program', 'ACSM-CPT'],
        ['Cycle start', '2024-01-15'],
        ['Expires', '2028-01-31'],
        ['CPR/AED valid until', 46500],
        ['Carry-over credits', 3],
      ],
    });
    const read = readProfile(await wb.read(all));
    expect(read.problems).toEqual([]);
    expect(read.profile).toMatchObject({
      expires: dayFromIso('2028-01-31'),
      extensionGranted: false,
      facts: { cprValidUntil: 46500 - 25569 },
    });
    expect(Object.keys(read.profile!.facts)).toEqual(['cprValidUntil']);

    const nism = new MemoryWorkbook({
      [PROFILE_SHEET]: [
        ['Program', 'NISM-SMS'],
        ['Cycle start', '2025-03-14'],
        ['Extension granted', 'yes'],
      ],
    });
    expect(readProfile(await nism.read(all)).profile?.extensionGranted).toBe(true);
    const bad = new MemoryWorkbook({
      [PROFILE_SHEET]: [
        ['Program', 'ACSM-CPT'],
        ['Cycle start', '2024-01-15'],
        ['CPR/AED valid until', 'soon'],
      ],
    });
    expect(readProfile(await bad.read(all)).problems).toEqual([
      { field: 'cprValidUntil', message: 'enter a date (yyyy-mm-dd)' },
    ]);
  });

  test('attestation names upper-case the id and turn dashes into underscores', () => {
    expect(attestationName('cpr-current')).toBe('CE_ATTEST_CPR_CURRENT');
  });
});
