/**
 * The WorkbookPort contract: what every adapter (memory, Office over the fake host, xlsx) must do.
 * Call `describePortContract('memory', () => new MemoryWorkbook())` from an adapter's test file.
 *
 * The factory returns an empty or near-empty workbook (Excel always has one sheet; the tests create
 * their own sheets with unique names and never assume the sheet count). Adapters that keep data only
 * after a save can pass `reopen`, and every read-back then also happens on the reopened workbook.
 */
import type { CellValue, WorkbookOp, WorkbookPort, WorkbookSnapshot } from '../../src/workbook/port';

export interface PortContractOptions {
  /** The adapter reports changes through onChange (xlsx files do not). Default true. */
  changeEvents?: boolean;
  /** Saves and opens the workbook again; reads then go to the returned port. */
  reopen?: (port: WorkbookPort) => Promise<WorkbookPort>;
}

export function describePortContract(
  adapter: string,
  factory: () => WorkbookPort | Promise<WorkbookPort>,
  options: PortContractOptions = {},
): void {
  const changeEvents = options.changeEvents ?? true;

  async function readBack(port: WorkbookPort, sheets: string[] | 'all', formulas = false): Promise<WorkbookSnapshot> {
    const target = options.reopen ? await options.reopen(port) : port;
    return target.read({ sheets, formulas });
  }

  async function withSheet(name: string, values: CellValue[][], row = 0, col = 0): Promise<WorkbookPort> {
    const port = await factory();
    await port.apply([
      { kind: 'addSheet', name },
      { kind: 'setValues', sheet: name, row, col, values },
    ]);
    return port;
  }

  describe(`WorkbookPort contract: ${adapter}`, () => {
    test('headRows reads only the first rows of each sheet, from the top of its used range', async () => {
      const port = await withSheet(
        'Heads',
        [
          ['Date', 'Hours'],
          [45_000, 1],
          [45_001, 2],
          [45_002, 3],
        ],
        2,
        1,
      );
      const target = options.reopen ? await options.reopen(port) : port;
      const head = (await target.read({ sheets: ['Heads'], headRows: 2, formulas: true })).sheets.Heads!;
      expect([head.row, head.col]).toEqual([2, 1]);
      expect(head.values).toEqual([
        ['Date', 'Hours'],
        [45_000, 1],
      ]);
      expect(head.formulas ?? []).toHaveLength(head.formulas ? 2 : 0);
      expect((await target.read({ sheets: ['Heads'] })).sheets.Heads!.values).toHaveLength(4);
    });

    test('values written are read back with their types, empty cells as ""', async () => {
      const port = await withSheet('Log', [
        ['Date', 'Hours', 'Approved', 'Notes'],
        [46000, 2.5, true, 'first'],
        [46001, 0, false, null],
      ]);
      const snap = await readBack(port, ['Log']);
      expect(snap.sheetNames).toContain('Log');
      const sheet = snap.sheets.Log!;
      expect(sheet.row).toBe(0);
      expect(sheet.col).toBe(0);
      expect(sheet.values).toEqual([
        ['Date', 'Hours', 'Approved', 'Notes'],
        [46000, 2.5, true, 'first'],
        [46001, 0, false, ''],
      ]);
    });

    test('the used range starts where the data starts', async () => {
      const port = await withSheet(
        'Offset',
        [
          ['a', 'b'],
          [1, 2],
        ],
        3,
        2,
      );
      const sheet = (await readBack(port, ['Offset'])).sheets.Offset!;
      expect(sheet.row).toBe(3);
      expect(sheet.col).toBe(2);
      expect(sheet.values).toEqual([
        ['a', 'b'],
        [1, 2],
      ]);
    });

    test('text that looks like a formula or a number stays text', async () => {
      const port = await withSheet('Text', [['=1+1', '+44 20', '-3 days', '@home', '00123', 'TRUE']]);
      const sheet = (await readBack(port, ['Text'], true)).sheets.Text!;
      expect(sheet.values[0]).toEqual(['=1+1', '+44 20', '-3 days', '@home', '00123', 'TRUE']);
    });

    test('formulas are kept and read back on request', async () => {
      const port = await withSheet('Calc', [[1], [2]]);
      await port.apply([{ kind: 'setFormulas', sheet: 'Calc', row: 2, col: 0, formulas: [['=SUM(A1:A2)']] }]);
      const withFormulas = (await readBack(port, ['Calc'], true)).sheets.Calc!;
      expect(withFormulas.formulas?.[2]?.[0]).toBe('=SUM(A1:A2)');
      expect(withFormulas.formulas?.[0]?.[0]).toBe(1);
      const without = (await port.read({ sheets: ['Calc'] })).sheets.Calc!;
      expect(without.formulas).toBeUndefined();
    });

    test('only the sheets asked for are read; unknown sheets are simply absent', async () => {
      const port = await withSheet('One', [['x']]);
      await port.apply([
        { kind: 'addSheet', name: 'Two' },
        { kind: 'setValues', sheet: 'Two', row: 0, col: 0, values: [['y']] },
      ]);
      const snap = await readBack(port, ['Two', 'Nope']);
      expect(Object.keys(snap.sheets)).toEqual(['Two']);
      expect(snap.sheetNames).toEqual(expect.arrayContaining(['One', 'Two']));
      expect(snap.sheetNames.indexOf('One')).toBeLessThan(snap.sheetNames.indexOf('Two'));
      const all = await readBack(port, 'all');
      expect(Object.keys(all.sheets)).toEqual(expect.arrayContaining(['One', 'Two']));
    });

    test('an empty sheet reads as no values', async () => {
      const port = await factory();
      await port.apply([{ kind: 'addSheet', name: 'Empty' }]);
      const sheet = (await readBack(port, ['Empty'])).sheets.Empty!;
      expect(sheet.values.flat().filter((v) => v !== '')).toEqual([]);
      expect(sheet.tables).toEqual([]);
    });

    test('createTable keeps every value and reports the table', async () => {
      const values: CellValue[][] = [
        ['Date', 'Hours'],
        [46000, 1],
        [46001, 2],
      ];
      const port = await withSheet('T', values);
      await port.apply([
        { kind: 'createTable', sheet: 'T', name: 'CELog', range: { row: 0, col: 0, rows: 3, cols: 2 } },
      ]);
      const sheet = (await readBack(port, ['T'])).sheets.T!;
      expect(sheet.values).toEqual(values);
      expect(sheet.tables).toEqual([{ name: 'CELog', range: { row: 0, col: 0, rows: 3, cols: 2 } }]);
    });

    test('addTableColumns appends headers at the right and widens the table', async () => {
      const port = await withSheet('W', [
        ['Date', 'Hours'],
        [46000, 1],
      ]);
      await port.apply([
        { kind: 'createTable', sheet: 'W', name: 'WideLog', range: { row: 0, col: 0, rows: 2, cols: 2 } },
        { kind: 'addTableColumns', table: 'WideLog', headers: ['Format', 'Proof'] },
      ]);
      const sheet = (await readBack(port, ['W'])).sheets.W!;
      expect(sheet.values[0]).toEqual(['Date', 'Hours', 'Format', 'Proof']);
      expect(sheet.values[1]!.slice(0, 2)).toEqual([46000, 1]);
      expect(sheet.tables[0]!.range).toEqual({ row: 0, col: 0, rows: 2, cols: 4 });
    });

    test('defined names point at their sheet and range, and can be redefined', async () => {
      const port = await withSheet('Profile', [['Program', 'NISM-SMS']]);
      await port.apply([
        { kind: 'defineName', name: 'CE_PROGRAM', sheet: 'Profile', range: { row: 0, col: 0, rows: 1, cols: 1 } },
      ]);
      await port.apply([
        { kind: 'defineName', name: 'CE_PROGRAM', sheet: 'Profile', range: { row: 0, col: 1, rows: 1, cols: 1 } },
      ]);
      const names = (await readBack(port, ['Profile'])).names.filter((n) => n.name === 'CE_PROGRAM');
      expect(names).toEqual([{ name: 'CE_PROGRAM', sheet: 'Profile', range: { row: 0, col: 1, rows: 1, cols: 1 } }]);
    });

    test('formats, validation, conditional formats and layout change no value', async () => {
      const values: CellValue[][] = [
        ['Date', 'Format', 'Hours'],
        [46000, 'Webinar', 1],
        [46001, 'Conference', 4],
      ];
      const port = await withSheet('F', values);
      const range = { row: 1, col: 0, rows: 2, cols: 3 };
      const ops: WorkbookOp[] = [
        { kind: 'setNumberFormat', sheet: 'F', range: { row: 1, col: 0, rows: 2, cols: 1 }, format: 'yyyy-mm-dd' },
        {
          kind: 'setStyle',
          sheet: 'F',
          range: { row: 0, col: 0, rows: 1, cols: 3 },
          style: { bold: true, fill: '#DDEEFF' },
        },
        { kind: 'setColumnWidth', sheet: 'F', col: 1, width: 120 },
        {
          kind: 'listValidation',
          sheet: 'F',
          range: { row: 1, col: 1, rows: 2, cols: 1 },
          list: ['Webinar', 'Conference'],
        },
        { kind: 'conditionalFormat', sheet: 'F', range, formula: '=$C2<0', fill: '#FFC7CE' },
        { kind: 'freezeRows', sheet: 'F', rows: 1 },
        { kind: 'pageSetup', sheet: 'F', landscape: true, fitToPagesWide: 1, printTitleRows: { first: 0, last: 0 } },
      ];
      await port.apply(ops);
      expect((await readBack(port, ['F'])).sheets.F!.values).toEqual(values);
    });

    test('skipSheetsOfNames: the sheet a name points into is listed but not read; other sheets are', async () => {
      const port = await withSheet('Old summary', [['big'], [1]]);
      await port.apply([
        { kind: 'addSheet', name: 'Kept' },
        { kind: 'setValues', sheet: 'Kept', row: 0, col: 0, values: [['mine']] },
        { kind: 'defineName', name: 'OUR_MARK', sheet: 'Old summary', range: { row: 0, col: 0, rows: 1, cols: 1 } },
      ]);
      const target = options.reopen ? await options.reopen(port) : port;
      const queries: (string[] | 'all')[] = ['all', ['Old summary', 'Kept']];
      for (const sheets of queries) {
        const snap = await target.read({ sheets, skipSheetsOfNames: ['our_mark'] });
        expect(snap.sheetNames).toEqual(expect.arrayContaining(['Old summary', 'Kept']));
        expect(snap.sheets['Old summary']).toBeUndefined();
        expect(snap.sheets.Kept!.values).toEqual([['mine']]);
        expect(snap.names.map((n) => n.name.toUpperCase())).toContain('OUR_MARK');
      }
      const all = await target.read({ sheets: 'all', skipSheetsOfNames: ['NOT_A_NAME'] });
      expect(all.sheets['Old summary']!.values).toEqual([['big'], [1]]);
    });

    test('a hyperlink writes its text', async () => {
      const port = await withSheet('H', [['Proof']]);
      await port.apply([
        { kind: 'hyperlink', sheet: 'H', row: 1, col: 0, address: 'https://example.com/cert.pdf', text: 'certificate' },
      ]);
      expect((await readBack(port, ['H'])).sheets.H!.values).toEqual([['Proof'], ['certificate']]);
    });

    test('deleteSheet removes the sheet', async () => {
      const port = await withSheet('Gone', [['x']]);
      await port.apply([{ kind: 'addSheet', name: 'Stays' }]);
      await port.apply([{ kind: 'deleteSheet', name: 'Gone' }]);
      const snap = await readBack(port, 'all');
      expect(snap.sheetNames).not.toContain('Gone');
      expect(snap.sheetNames).toContain('Stays');
    });

    test('a later operation in a batch sees the earlier ones', async () => {
      const port = await factory();
      await port.apply([
        { kind: 'addSheet', name: 'Batch' },
        {
          kind: 'setValues',
          sheet: 'Batch',
          row: 0,
          col: 0,
          values: [
            ['Date', 'Hours'],
            [46000, 1],
          ],
        },
        { kind: 'createTable', sheet: 'Batch', name: 'BatchLog', range: { row: 0, col: 0, rows: 2, cols: 2 } },
        { kind: 'addTableColumns', table: 'BatchLog', headers: ['Notes'] },
        { kind: 'setValues', sheet: 'Batch', row: 1, col: 2, values: [['ok']] },
      ]);
      const sheet = (await readBack(port, ['Batch'])).sheets.Batch!;
      expect(sheet.values).toEqual([
        ['Date', 'Hours', 'Notes'],
        [46000, 1, 'ok'],
      ]);
    });

    if (changeEvents) {
      test('onChange reports the sheet after values change, and stops when asked', async () => {
        const port = await withSheet('Watched', [['a']]);
        const seen: string[] = [];
        const stop = await port.onChange((e) => seen.push(e.sheet));
        await port.apply([{ kind: 'setValues', sheet: 'Watched', row: 0, col: 0, values: [['b']] }]);
        await new Promise((r) => setTimeout(r, 0));
        expect(seen).toContain('Watched');
        stop();
        const before = seen.length;
        await port.apply([{ kind: 'setValues', sheet: 'Watched', row: 0, col: 0, values: [['c']] }]);
        await new Promise((r) => setTimeout(r, 0));
        expect(seen.length).toBe(before);
      });
    }

    test('select does not change anything', async () => {
      const port = await withSheet('Sel', [['a', 'b']]);
      await port.select('Sel', { row: 0, col: 1, rows: 1, cols: 1 });
      expect((await port.read({ sheets: ['Sel'] })).sheets.Sel!.values).toEqual([['a', 'b']]);
    });
  });
}
