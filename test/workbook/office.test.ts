import { findProgram } from '../../src/core';
import { conversionPlan, proposeConversion } from '../../src/workbook/log-sheet';
import { OfficeWorkbook, needsTextFormat } from '../../src/workbook/office';
import type { CellValue } from '../../src/workbook/port';
import { FakeExcel, PropertyNotLoadedError } from '../fakes/fake-excel';
import { describePortContract } from './port-contract';

describePortContract('office over the fake Excel host', () => new OfficeWorkbook({ run: new FakeExcel().run }));

function logRows(n: number): CellValue[][] {
  const rows: CellValue[][] = [['Date', 'Activity', 'Format', 'Hours', 'Proof']];
  for (let i = 0; i < n; i++)
    rows.push([45800 + (i % 700), `Activity ${i}`, 'Webinar', 1 + (i % 3), i % 2 ? 'Certificate' : '']);
  return rows;
}

describe('the fake Excel host behaves like Excel where it matters', () => {
  test('reading a property before load and sync throws PropertyNotLoaded', async () => {
    const fake = new FakeExcel({ S: [[1, 2]] });
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem('S').getRangeByIndexes(0, 0, 1, 2);
      expect(() => range.values).toThrow(PropertyNotLoadedError);
      range.load('values');
      expect(() => range.values).toThrow(PropertyNotLoadedError);
      await context.sync();
      expect(range.values).toEqual([[1, 2]]);
      expect(() => range.formulas).toThrow(PropertyNotLoadedError);
    });
  });

  test('writes happen on sync, and text is coerced unless the cell is formatted as text', async () => {
    const fake = new FakeExcel({ S: [] });
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('S');
      ws.getRangeByIndexes(0, 0, 1, 3).values = [['=1+1', '00123', 'TRUE']];
      expect(fake.book.getValue('S', 0, 1)).toBe('');
      await context.sync();
    });
    expect(fake.book.getFormula('S', 0, 0)).toBe('=1+1');
    expect(fake.book.getValue('S', 0, 1)).toBe(123);
    expect(fake.book.getValue('S', 0, 2)).toBe(true);
    expect(fake.syncs).toBe(1);
  });
});

describe('OfficeWorkbook', () => {
  async function refreshSyncs(rows: number, chunkRows?: number) {
    const fake = new FakeExcel({
      'CE Log': logRows(rows),
      'CE Profile': [['CE Ledger profile'], ['Program', 'NISM-SMS']],
    });
    await fake.book.apply([
      { kind: 'createTable', sheet: 'CE Log', name: 'CELog', range: { row: 0, col: 0, rows: rows + 1, cols: 5 } },
      { kind: 'defineName', name: 'CE_PROGRAM', sheet: 'CE Profile', range: { row: 1, col: 1, rows: 1, cols: 1 } },
    ]);
    const port = new OfficeWorkbook({ run: fake.run, ...(chunkRows ? { chunkRows } : {}) });
    const before = fake.syncs;
    const snap = await port.read({ sheets: ['CE Profile', 'CE Log'] });
    return { syncs: fake.syncs - before, snap, fake, loads: fake.loadsPerSync };
  }

  test('a refresh of a 10-row and a 10,000-row log costs the same number of syncs (2)', async () => {
    const small = await refreshSyncs(10);
    const large = await refreshSyncs(10_000);
    expect(small.syncs).toBe(2);
    expect(large.syncs).toBe(small.syncs);
    expect(large.snap.sheets['CE Log']!.values).toHaveLength(10_001);
    expect(large.snap.sheets['CE Log']!.tables).toEqual([
      { name: 'CELog', range: { row: 0, col: 0, rows: 10_001, cols: 5 } },
    ]);
    expect(large.snap.names).toEqual([
      { name: 'CE_PROGRAM', sheet: 'CE Profile', range: { row: 1, col: 1, rows: 1, cols: 1 } },
    ]);
  });

  test('large used ranges are read in row chunks queued before one sync, values intact', async () => {
    const { snap, syncs, loads } = await refreshSyncs(12_345, 5000);
    expect(syncs).toBe(2);
    // The last sync carries the name's and the table's ranges, the profile's values and three log chunks (12,346 rows / 5,000).
    expect(loads[loads.length - 1]).toBe(1 + 1 + 1 + 3);
    expect(snap.sheets['CE Log']!.values).toEqual(logRows(12_345));
  });

  test("reading 'all' sheets costs one more sync, still independent of size", async () => {
    for (const rows of [5, 20_000]) {
      const fake = new FakeExcel({ A: logRows(rows), B: [['x']] });
      const port = new OfficeWorkbook({ run: fake.run });
      const snap = await port.read({ sheets: 'all' });
      expect(fake.syncs).toBe(3);
      expect(Object.keys(snap.sheets)).toEqual(['A', 'B']);
    }
  });

  test('tableHeaders lists every table with its header row in 2 syncs, loading no other cell of any sheet', async () => {
    const fake = new FakeExcel({
      'CE Log': logRows(3),
      "Bob's stock": [
        ['Notes above the table'],
        [],
        [],
        [],
        ['', '', 'Item', 'Count'],
        ['', '', 'Pens', 4],
        ['', '', 'Ink', 2],
      ],
      Wide: [['x']],
    });
    fake.book.setCell('Wide', 1999, 16_383, ' ');
    await fake.book.apply([
      { kind: 'createTable', sheet: 'CE Log', name: 'CELog', range: { row: 0, col: 0, rows: 4, cols: 5 } },
      { kind: 'createTable', sheet: "Bob's stock", name: 'Stock', range: { row: 4, col: 2, rows: 3, cols: 2 } },
    ]);
    const port = new OfficeWorkbook({ run: fake.run });
    const snap = await port.read({ sheets: [], tableHeaders: true });
    expect(fake.syncs).toBe(2);
    expect(snap.sheets).toEqual({});
    expect(snap.sheetNames).toEqual(['CE Log', "Bob's stock", 'Wide']);
    expect(snap.tables).toEqual([
      {
        name: 'CELog',
        sheet: 'CE Log',
        range: { row: 0, col: 0, rows: 4, cols: 5 },
        header: ['Date', 'Activity', 'Format', 'Hours', 'Proof'],
      },
      { name: 'Stock', sheet: "Bob's stock", range: { row: 4, col: 2, rows: 3, cols: 2 }, header: ['Item', 'Count'] },
    ]);
    // The header rows and nothing else: no used range of any sheet was read.
    expect(Object.fromEntries(fake.cellsReadBySheet)).toEqual({ 'ce log': 5, "bob's stock": 2 });
    // The memory adapter answers the same; without the flag neither lists them.
    expect((await fake.book.read({ sheets: [], tableHeaders: true })).tables).toEqual(snap.tables);
    expect((await port.read({ sheets: ['CE Log'] })).tables).toBeUndefined();
    expect((await fake.book.read({ sheets: ['CE Log'] })).tables).toBeUndefined();
  });

  test('apply queues every operation and syncs once', async () => {
    const fake = new FakeExcel({ S: logRows(50) });
    const port = new OfficeWorkbook({ run: fake.run });
    await port.apply([
      { kind: 'createTable', sheet: 'S', name: 'CELog', range: { row: 0, col: 0, rows: 51, cols: 5 } },
      { kind: 'addTableColumns', table: 'CELog', headers: ['Approved', 'Notes'] },
      {
        kind: 'listValidation',
        sheet: 'S',
        range: { row: 1, col: 2, rows: 50, cols: 1 },
        list: ['Webinar', 'Conference'],
      },
      {
        kind: 'conditionalFormat',
        sheet: 'S',
        range: { row: 1, col: 0, rows: 50, cols: 7 },
        formula: '=$D2<0',
        fill: '#FFC7CE',
      },
      {
        kind: 'setValues',
        sheet: 'S',
        row: 1,
        col: 6,
        values: [['=not a formula'], ['+1 555'], ['-2'], ['@me'], ['007']],
      },
      { kind: 'setNumberFormat', sheet: 'S', range: { row: 1, col: 0, rows: 50, cols: 1 }, format: 'yyyy-mm-dd' },
    ]);
    expect(fake.syncs).toBe(1);
    expect(fake.book.tables()[0]!.range.cols).toBe(7);
    expect(fake.book.validations()[0]!.list).toEqual(['Webinar', 'Conference']);
    expect(fake.book.conditionalFormats()[0]).toMatchObject({ formula: '=$D2<0', fill: '#FFC7CE' });
    expect([1, 2, 3, 4, 5].map((r) => fake.book.getValue('S', r, 6))).toEqual([
      '=not a formula',
      '+1 555',
      '-2',
      '@me',
      '007',
    ]);
    expect(fake.book.getFormula('S', 1, 6)).toBeUndefined();
  });

  test('converting a 10,000-row sheet is one read and one apply, with a constant number of syncs', async () => {
    const fake = new FakeExcel({ Log: logRows(10_000) });
    const port = new OfficeWorkbook({ run: fake.run });
    const snap = await port.read({ sheets: 'all' });
    const result = proposeConversion(snap, 'Log');
    if (!result.ok) throw new Error(result.message);
    const mapping = Object.fromEntries(result.proposal.columns.map((c) => [c.index, c.key]));
    const plan = conversionPlan(result.proposal, { mapping, credits: true }, findProgram('NISM-SMS')!, snap);
    expect(plan.problems).toEqual([]);
    const before = fake.syncs;
    await port.apply(plan.ops);
    expect(fake.syncs - before).toBe(1);
    expect(fake.book.getFormula('Log', 10_000, plan.added.length + 5)).toMatch(/^=IF\(\[@Hours\]/);
    expect(fake.book.getValue('Log', 10_000, 1)).toBe('Activity 9999');
  });

  test('redefining an existing name deletes it first (one extra sync to list names)', async () => {
    const fake = new FakeExcel({ P: [['a', 'b']] });
    const port = new OfficeWorkbook({ run: fake.run });
    await port.apply([
      { kind: 'defineName', name: 'CE_NAME', sheet: 'P', range: { row: 0, col: 0, rows: 1, cols: 1 } },
    ]);
    await port.apply([
      { kind: 'defineName', name: 'CE_NAME', sheet: 'P', range: { row: 0, col: 1, rows: 1, cols: 1 } },
    ]);
    expect(fake.book.names()).toEqual([{ name: 'CE_NAME', sheet: 'P', range: { row: 0, col: 1, rows: 1, cols: 1 } }]);
  });

  test('onChange reports a user edit by sheet name', async () => {
    const fake = new FakeExcel({ Log: [['Date']], Other: [] });
    const port = new OfficeWorkbook({ run: fake.run });
    const seen: string[] = [];
    const stop = await port.onChange((e) => seen.push(e.sheet));
    fake.userEdit('Log', 1, 0, 45900);
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual(['Log']);
    stop();
    await new Promise((r) => setTimeout(r, 0));
    fake.userEdit('Log', 2, 0, 45901);
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual(['Log']);
  });

  test('without workbook-level events, each sheet is watched', async () => {
    const fake = new FakeExcel({ Log: [['Date']], Other: [] });
    fake.workbookEvents = false;
    const port = new OfficeWorkbook({ run: fake.run });
    const seen: string[] = [];
    const stop = await port.onChange((e) => seen.push(e.sheet));
    expect(fake.handlers).toHaveLength(2);
    fake.userEdit('Other', 0, 0, 'x');
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual(['Other']);
    stop();
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.handlers).toHaveLength(0);
  });

  test('select activates the sheet and selects the range', async () => {
    const fake = new FakeExcel({ A: [['x']], B: [['y']] });
    await new OfficeWorkbook({ run: fake.run }).select('B', { row: 3, col: 2, rows: 1, cols: 4 });
    expect(fake.book.selection).toEqual({ sheet: 'B', range: { row: 3, col: 2, rows: 1, cols: 4 } });
    expect(fake.book.activeSheet).toBe('B');
  });

  test('text Excel would reinterpret is recognised', () => {
    for (const t of [
      '=A1',
      '+44',
      '-x',
      '@x',
      '12',
      '1,5',
      '12%',
      '$3',
      '2025-01-02',
      '1/2/2025',
      '3:15',
      'true',
      '1e5',
      '2-Jan',
    ])
      expect(needsTextFormat(t)).toBe(true);
    for (const v of ['Webinar', 'NISM', 'Research & writing', '', 3, true, null])
      expect(needsTextFormat(v as CellValue)).toBe(false);
  });
});
