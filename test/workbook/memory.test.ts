import { MemoryWorkbook } from '../../src/workbook/memory';
import { LIST_STOP_ALERT } from '../../src/workbook/port';
import { describePortContract } from './port-contract';

describePortContract('memory', () => new MemoryWorkbook());

describe('MemoryWorkbook specifics', () => {
  test('setCell fires a change and a typed "=" becomes a formula, while setValues keeps text', async () => {
    const wb = new MemoryWorkbook({ Log: [['Date', 'Hours']] });
    const seen: string[] = [];
    await wb.onChange((e) => seen.push(e.sheet));
    wb.setCell('Log', 1, 1, '=1+2');
    expect(wb.getFormula('Log', 1, 1)).toBe('=1+2');
    expect(seen).toEqual(['Log']);
    await wb.apply([{ kind: 'setValues', sheet: 'Log', row: 1, col: 0, values: [['=not a formula']] }]);
    expect(wb.getFormula('Log', 1, 0)).toBeUndefined();
    expect(wb.getValue('Log', 1, 0)).toBe('=not a formula');
    expect(seen).toEqual(['Log', 'Log']);
  });

  test('formula values come from the formulaValue option', async () => {
    const wb = new MemoryWorkbook({ S: [[2]] }, { formulaValue: (f) => (f === '=A1*2' ? 4 : '') });
    await wb.apply([{ kind: 'setFormulas', sheet: 'S', row: 0, col: 1, formulas: [['=A1*2']] }]);
    const snap = await wb.read({ sheets: ['S'], formulas: true });
    expect(snap.sheets.S!.values).toEqual([[2, 4]]);
    expect(snap.sheets.S!.formulas).toEqual([[2, '=A1*2']]);
  });

  test('refuses a duplicate sheet, a table over another table, and widening over data', async () => {
    const wb = new MemoryWorkbook({
      S: [
        ['Date', 'Hours', 'kept'],
        [1, 2, 'x'],
      ],
    });
    await expect(wb.apply([{ kind: 'addSheet', name: 's' }])).rejects.toThrow(/already exists/);
    await wb.apply([{ kind: 'createTable', sheet: 'S', name: 'T1', range: { row: 0, col: 0, rows: 2, cols: 2 } }]);
    await expect(
      wb.apply([{ kind: 'createTable', sheet: 'S', name: 'T2', range: { row: 1, col: 1, rows: 1, cols: 2 } }]),
    ).rejects.toThrow(/overlaps/);
    await expect(wb.apply([{ kind: 'addTableColumns', table: 'T1', headers: ['Notes'] }])).rejects.toThrow(/not empty/);
    expect(wb.getValue('S', 0, 2)).toBe('kept');
  });

  test('refuses what Excel refuses: a table over merged cells, widening into another table or merged cells, writes to a protected sheet', async () => {
    const wb = new MemoryWorkbook({
      S: [
        ['Date', 'Hours', '', 'Item'],
        [1, 2, '', 'Ink'],
        ['Total 2 hours', 'gone'],
      ],
    });
    wb.merge('S', { row: 2, col: 0, rows: 1, cols: 2 });
    // As Excel's Merge & Center: only the top-left value is kept.
    expect([wb.getValue('S', 2, 0), wb.getValue('S', 2, 1)]).toEqual(['Total 2 hours', '']);
    await expect(
      wb.apply([{ kind: 'createTable', sheet: 'S', name: 'T1', range: { row: 0, col: 0, rows: 3, cols: 2 } }]),
    ).rejects.toThrow(/merged cells/);
    await wb.apply([
      { kind: 'createTable', sheet: 'S', name: 'T1', range: { row: 0, col: 0, rows: 2, cols: 2 } },
      { kind: 'createTable', sheet: 'S', name: 'Budget', range: { row: 0, col: 3, rows: 2, cols: 1 } },
    ]);
    await expect(wb.apply([{ kind: 'addTableColumns', table: 'T1', headers: ['Notes', 'Proof'] }])).rejects.toThrow(
      /overlaps the table "Budget"/,
    );
    expect(() => wb.merge('S', { row: 1, col: 1, rows: 1, cols: 2 })).toThrow(/table "T1"/);
    wb.merge('S', { row: 0, col: 5, rows: 2, cols: 1 });
    await wb.apply([{ kind: 'createTable', sheet: 'S', name: 'T2', range: { row: 3, col: 4, rows: 2, cols: 1 } }]);
    await expect(wb.apply([{ kind: 'addTableColumns', table: 'Budget', headers: ['Cost', 'Month'] }])).rejects.toThrow(
      /merged cells/,
    );
    wb.protectSheet('S');
    await expect(wb.apply([{ kind: 'setValues', sheet: 'S', row: 5, col: 0, values: [['x']] }])).rejects.toThrow(
      /protected sheet/,
    );
    const snap = await wb.read({ sheets: ['S'], layout: true });
    expect(snap.sheets.S).toMatchObject({
      protected: true,
      merged: [
        { row: 2, col: 0, rows: 1, cols: 2 },
        { row: 0, col: 5, rows: 2, cols: 1 },
      ],
    });
    expect((await wb.read({ sheets: ['S'] })).sheets.S!.merged).toBeUndefined();
  });

  test('records validations, conditional formats, number formats and selection', async () => {
    const wb = new MemoryWorkbook({ S: [['Format'], ['Webinar']] });
    await wb.apply([
      {
        kind: 'listValidation',
        sheet: 'S',
        range: { row: 1, col: 0, rows: 5, cols: 1 },
        list: ['Webinar', 'Conference'],
      },
      {
        kind: 'conditionalFormat',
        sheet: 'S',
        range: { row: 1, col: 0, rows: 5, cols: 1 },
        formula: '=A2=""',
        fill: '#FFC7CE',
      },
      { kind: 'setNumberFormat', sheet: 'S', range: { row: 1, col: 0, rows: 1, cols: 1 }, format: 'yyyy-mm-dd' },
    ]);
    // Without an alert of its own, a list refuses other values (as Excel's default and the other hosts).
    expect(wb.validations()).toEqual([
      {
        sheet: 'S',
        range: { row: 1, col: 0, rows: 5, cols: 1 },
        list: ['Webinar', 'Conference'],
        alert: LIST_STOP_ALERT,
      },
    ]);
    expect(wb.conditionalFormats()).toHaveLength(1);
    expect(wb.numberFormat('S', 1, 0)).toBe('yyyy-mm-dd');
    expect(wb.numberFormat('S', 2, 0)).toBeUndefined();
    const selected: string[] = [];
    wb.onSelect((sheet, r) => selected.push(`${sheet}!${r.row},${r.col}`));
    await wb.select('S', { row: 1, col: 0, rows: 1, cols: 1 });
    expect(selected).toEqual(['S!1,0']);
  });

  test('typing just below a table extends it, as Excel does', async () => {
    const wb = new MemoryWorkbook({
      S: [
        ['Date', 'Hours'],
        [1, 2],
      ],
    });
    await wb.apply([{ kind: 'createTable', sheet: 'S', name: 'T', range: { row: 0, col: 0, rows: 2, cols: 2 } }]);
    wb.setCell('S', 2, 1, 3);
    wb.setCell('S', 4, 0, 9);
    expect(wb.tables()[0]!.range).toEqual({ row: 0, col: 0, rows: 3, cols: 2 });
  });

  test('a table names blank and repeated headers as Excel does', async () => {
    const wb = new MemoryWorkbook({
      S: [
        ['Notes', '', 'notes'],
        [1, 2, 3],
      ],
    });
    await wb.apply([{ kind: 'createTable', sheet: 'S', name: 'T', range: { row: 0, col: 0, rows: 2, cols: 3 } }]);
    expect([0, 1, 2].map((c) => wb.getValue('S', 0, c))).toEqual(['Notes', 'Column2', 'notes2']);
  });
});
