import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import type { WorkbookPort } from '../../src/workbook/port';
import { describePortContract } from './port-contract';

const reopen = async (port: WorkbookPort) => XlsxWorkbook.fromBuffer(await (port as XlsxWorkbook).toBuffer());

describePortContract('xlsx (in memory)', () => XlsxWorkbook.create(), { changeEvents: false });
describePortContract('xlsx (saved and reopened)', () => XlsxWorkbook.create(), { changeEvents: false, reopen });
const reopenStreaming = async (port: WorkbookPort) =>
  XlsxWorkbook.fromBufferStreaming(await (port as XlsxWorkbook).toBuffer());
describePortContract('xlsx (saved and reopened by the streaming reader)', () => XlsxWorkbook.create(), {
  changeEvents: false,
  reopen: reopenStreaming,
});

// A file read by the streaming reader: new sheets are spliced into its zip (xlsx-splice.ts), anything
// else goes through the full model; either way the contract holds.
describePortContract(
  'xlsx (read by the streaming reader, new sheets spliced in, saved and reopened)',
  async () => XlsxWorkbook.fromBufferStreaming(await XlsxWorkbook.create().toBuffer()),
  { changeEvents: false, reopen },
);

describe("the streaming reader (the command line's) reads what the full reader reads", () => {
  test('tables, defined names, merged cells, dates, booleans, errors, formula results, hidden sheets and the active sheet', async () => {
    const port = XlsxWorkbook.create('Notes');
    await port.apply([
      { kind: 'addSheet', name: 'CE Log' },
      {
        kind: 'setValues',
        sheet: 'CE Log',
        row: 2,
        col: 1,
        values: [
          ['Date', 'Hours', 'Approved', 'Notes'],
          [46000, 2.5, true, 'first'],
          [46001.25, 0, false, ''],
        ],
      },
      { kind: 'setNumberFormat', sheet: 'CE Log', range: { row: 3, col: 1, rows: 2, cols: 1 }, format: 'yyyy-mm-dd' },
      { kind: 'createTable', sheet: 'CE Log', name: 'CELog', range: { row: 2, col: 1, rows: 3, cols: 4 } },
      { kind: 'setValues', sheet: 'Notes', row: 0, col: 0, values: [['merged title', null, 'x']] },
      { kind: 'defineName', name: 'CE_START', sheet: 'Notes', range: { row: 0, col: 2, rows: 1, cols: 1 } },
      { kind: 'addSheet', name: 'Hidden one' },
      { kind: 'setValues', sheet: 'Hidden one', row: 0, col: 0, values: [['hidden text']] },
      { kind: 'activate', sheet: 'CE Log' },
    ]);
    const notes = port.workbook.getWorksheet('Notes')!;
    notes.mergeCells('A1:B2');
    notes.getCell('D1').value = { formula: 'C1&"y"', result: 'xy' } as ExcelJS.CellFormulaValue;
    notes.getCell('E1').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
    notes.getCell('F1').value = { formula: '1/0', result: 0.5 } as ExcelJS.CellFormulaValue;
    port.workbook.getWorksheet('Hidden one')!.state = 'hidden';
    const data = await port.toBuffer();

    const full = await (await XlsxWorkbook.fromBuffer(data)).read({ sheets: 'all' });
    const streamed = await (await XlsxWorkbook.fromBufferStreaming(data)).read({ sheets: 'all' });
    expect(streamed).toEqual(full);
    expect(streamed.sheets['CE Log']!.tables).toEqual([{ name: 'CELog', range: { row: 2, col: 1, rows: 3, cols: 4 } }]);
    expect(streamed.names).toEqual([{ name: 'CE_START', sheet: 'Notes', range: { row: 0, col: 2, rows: 1, cols: 1 } }]);
    expect(streamed.activeSheet).toBe('CE Log');
    expect(streamed.sheetNames).toEqual(['Notes', 'CE Log', 'Hidden one']);
    expect(streamed.sheets['CE Log']!.values[1]).toEqual([46000, 2.5, true, 'first']);
    expect(streamed.sheets.Notes!.values[0]).toEqual(['merged title', '', 'x', 'xy', '#N/A', 0.5]);
  });

  test('accented text and emoji read intact across the chunks the zip is inflated in', async () => {
    // Several hundred KB of shared strings: many of the 32 KB pieces the zip layer inflates at a time.
    const rows = Array.from({ length: 6_000 }, (_, i) => [`Žluťoučký kůň 🐎 úpěl ďábelské ódy ${i}`, `€${i}`]);
    const port = XlsxWorkbook.create('S');
    await port.apply([{ kind: 'setValues', sheet: 'S', row: 0, col: 0, values: rows }]);
    const data = await port.toBuffer();
    const streamed = await (await XlsxWorkbook.fromBufferStreaming(data)).read({ sheets: ['S'] });
    expect(streamed.sheets.S!.values).toEqual(rows);
  }, 60_000);

  test('a workbook opened by the streaming reader is written through the full model, keeping what it had', async () => {
    const first = XlsxWorkbook.create('Log');
    await first.apply([
      {
        kind: 'setValues',
        sheet: 'Log',
        row: 0,
        col: 0,
        values: [
          ['Date', 'Hours'],
          [46000, 1],
        ],
      },
      { kind: 'createTable', sheet: 'Log', name: 'CELog', range: { row: 0, col: 0, rows: 2, cols: 2 } },
    ]);
    const streamed = await XlsxWorkbook.fromBufferStreaming(await first.toBuffer());
    await streamed.apply([
      { kind: 'addSheet', name: 'Summary' },
      { kind: 'setValues', sheet: 'Summary', row: 0, col: 0, values: [['done']] },
    ]);
    expect((await streamed.read({ sheets: ['Summary'] })).sheets.Summary!.values).toEqual([['done']]);
    const again = await (await XlsxWorkbook.fromBuffer(await streamed.toBuffer())).read({ sheets: 'all' });
    expect(again.sheetNames).toEqual(['Log', 'Summary']);
    expect(again.sheets.Log!.tables).toEqual([{ name: 'CELog', range: { row: 0, col: 0, rows: 2, cols: 2 } }]);
    expect(again.sheets.Log!.values).toEqual([
      ['Date', 'Hours'],
      [46000, 1],
    ]);
  });
});

describe('XlsxWorkbook specifics', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ce-xlsx-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function saved(port: XlsxWorkbook): Promise<ExcelJS.Workbook> {
    const path = join(dir, `t${Math.random().toString(36).slice(2)}.xlsx`);
    await port.save(path);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    return wb;
  }

  test('dates in date-formatted cells read back as Excel serials', async () => {
    const port = XlsxWorkbook.create();
    await port.apply([
      { kind: 'setValues', sheet: 'Sheet1', row: 0, col: 0, values: [['Date'], [46000], [46000.5]] },
      { kind: 'setNumberFormat', sheet: 'Sheet1', range: { row: 1, col: 0, rows: 2, cols: 1 }, format: 'yyyy-mm-dd' },
    ]);
    const again = await reopen(port);
    expect((await again.read({ sheets: ['Sheet1'] })).sheets.Sheet1!.values).toEqual([['Date'], [46000], [46000.5]]);
    const wb = await saved(port);
    expect(wb.getWorksheet('Sheet1')!.getCell('A2').value).toBeInstanceOf(Date);
  });

  test('text that starts with = is stored as a string, formulas as formulas', async () => {
    const port = XlsxWorkbook.create();
    await port.apply([
      { kind: 'setValues', sheet: 'Sheet1', row: 0, col: 0, values: [['=1+1', 2]] },
      { kind: 'setFormulas', sheet: 'Sheet1', row: 0, col: 2, formulas: [['=B1*2']] },
    ]);
    const ws = (await saved(port)).getWorksheet('Sheet1')!;
    expect(ws.getCell('A1').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('A1').value).toBe('=1+1');
    expect(ws.getCell('C1').type).toBe(ExcelJS.ValueType.Formula);
    expect(ws.getCell('C1').formula).toBe('B1*2');
  });

  test('cached formula results are read, including 0', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = 5;
    ws.getCell('B1').value = { formula: 'A1*0', result: 0 } as ExcelJS.CellFormulaValue;
    ws.getCell('C1').value = { formula: 'A1*2', result: 10 } as ExcelJS.CellFormulaValue;
    ws.getCell('D1').value = { formula: 'A1>1', result: true } as ExcelJS.CellFormulaValue;
    const port = await XlsxWorkbook.fromBuffer(Buffer.from(await wb.xlsx.writeBuffer()));
    const sheet = (await port.read({ sheets: ['S'], formulas: true })).sheets.S!;
    expect(sheet.values).toEqual([[5, 0, 10, true]]);
    expect(sheet.formulas).toEqual([[5, '=A1*0', '=A1*2', '=A1>1']]);
  });

  test('shared formulas (filled down in Excel) read back with their own formula and result', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = 1;
    ws.getCell('A2').value = 2;
    ws.getCell('B1').value = {
      formula: 'A1*2',
      result: 2,
      shareType: 'shared',
      ref: 'B1:B2',
    } as ExcelJS.CellFormulaValue;
    ws.getCell('B2').value = { sharedFormula: 'B1', result: 4 } as ExcelJS.CellSharedFormulaValue;
    const port = await XlsxWorkbook.fromBuffer(Buffer.from(await wb.xlsx.writeBuffer()));
    const sheet = (await port.read({ sheets: ['S'], formulas: true })).sheets.S!;
    expect(sheet.values).toEqual([
      [1, 2],
      [2, 4],
    ]);
    expect(sheet.formulas).toEqual([
      [1, '=A1*2'],
      [2, '=A2*2'],
    ]);
  });

  test('a table loaded from a file can be widened and saved again', async () => {
    const first = XlsxWorkbook.create();
    await first.apply([
      {
        kind: 'setValues',
        sheet: 'Sheet1',
        row: 0,
        col: 0,
        values: [
          ['Date', 'Hours'],
          [46000, 1],
        ],
      },
      { kind: 'createTable', sheet: 'Sheet1', name: 'CELog', range: { row: 0, col: 0, rows: 2, cols: 2 } },
    ]);
    const loaded = await reopen(first);
    await loaded.apply([{ kind: 'addTableColumns', table: 'CELog', headers: ['Proof'] }]);
    const again = await reopen(loaded);
    const sheet = (await again.read({ sheets: ['Sheet1'] })).sheets.Sheet1!;
    expect(sheet.tables).toEqual([{ name: 'CELog', range: { row: 0, col: 0, rows: 2, cols: 3 } }]);
    expect(sheet.values).toEqual([
      ['Date', 'Hours', 'Proof'],
      [46000, 1, ''],
    ]);
    const xml = await (await import('jszip')).default.loadAsync(await (again as XlsxWorkbook).toBuffer());
    const table = await xml.file('xl/tables/table1.xml')!.async('string');
    expect(table).toContain('ref="A1:C2"');
    expect(table).toContain('<tableColumn id="3" name="Proof"');
  });

  test('list validation is one range rule, not one rule per cell', async () => {
    const port = XlsxWorkbook.create();
    await port.apply([
      {
        kind: 'listValidation',
        sheet: 'Sheet1',
        range: { row: 1, col: 3, rows: 500, cols: 1 },
        list: ['Webinar', 'Conference'],
        prompt: 'Pick one',
      },
    ]);
    const dv = (
      port.workbook.getWorksheet('Sheet1')! as unknown as {
        dataValidations: { model: Record<string, ExcelJS.DataValidation> };
      }
    ).dataValidations.model;
    expect(Object.keys(dv)).toEqual(['D2:D501']);
    expect(dv['D2:D501']!.formulae).toEqual(['"Webinar,Conference"']);
    const buffer = await port.toBuffer();
    const xml = await sheetXml(buffer);
    expect(xml.match(/<dataValidation /g)).toHaveLength(1);
    expect(xml).toContain('sqref="D2:D501"');
  });

  test('a long list goes to a hidden lists sheet', async () => {
    const port = XlsxWorkbook.create();
    const list = Array.from({ length: 40 }, (_, i) => `A rather long subject area, number ${i}`);
    await port.apply([{ kind: 'listValidation', sheet: 'Sheet1', range: { row: 1, col: 0, rows: 10, cols: 1 }, list }]);
    const wb = await saved(port);
    const lists = wb.getWorksheet('CE Lists')!;
    expect(lists.state).toBe('hidden');
    expect(lists.getCell('A40').value).toBe(list[39]);
    const dv = wb.getWorksheet('Sheet1')!.getCell('A5').dataValidation;
    expect(dv.formulae).toEqual(["'CE Lists'!$A$1:$A$40"]);
  });

  test('page setup, print titles, header and footer are written', async () => {
    const port = XlsxWorkbook.create();
    await port.apply([
      { kind: 'setValues', sheet: 'Sheet1', row: 0, col: 0, values: [['x']] },
      {
        kind: 'pageSetup',
        sheet: 'Sheet1',
        landscape: true,
        fitToPagesWide: 1,
        printTitleRows: { first: 2, last: 2 },
        header: 'CE Summary',
        footer: 'Page &P of &N',
      },
    ]);
    const ws = (await saved(port)).getWorksheet('Sheet1')!;
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.fitToPage).toBe(true);
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.fitToHeight).toBe(0);
    expect(ws.pageSetup.printTitlesRow).toBe('3:3');
    expect(ws.headerFooter.oddHeader).toBe('&CCE Summary');
    expect(ws.headerFooter.oddFooter).toBe('&CPage &P of &N');
  });

  test('hyperlinks for web and file addresses; other schemes stay plain text', async () => {
    const port = XlsxWorkbook.create();
    await port.apply([
      { kind: 'hyperlink', sheet: 'Sheet1', row: 0, col: 0, address: 'https://example.com/c.pdf', text: 'web' },
      { kind: 'hyperlink', sheet: 'Sheet1', row: 1, col: 0, address: 'proof/c.pdf', text: 'file' },
      { kind: 'hyperlink', sheet: 'Sheet1', row: 2, col: 0, address: 'javascript:alert(1)', text: 'bad' },
    ]);
    const ws = (await saved(port)).getWorksheet('Sheet1')!;
    expect(ws.getCell('A1').hyperlink).toBe('https://example.com/c.pdf');
    expect(ws.getCell('A2').hyperlink).toBe('proof/c.pdf');
    expect(ws.getCell('A3').hyperlink).toBeUndefined();
    expect(ws.getCell('A3').value).toBe('bad');
  });

  test('conditional formats and defined names survive a save', async () => {
    const port = XlsxWorkbook.create();
    await port.apply([
      { kind: 'addSheet', name: 'CE Log' },
      {
        kind: 'conditionalFormat',
        sheet: 'CE Log',
        range: { row: 1, col: 0, rows: 9, cols: 3 },
        formula: '=$C2<0',
        fill: '#FFC7CE',
      },
      { kind: 'defineName', name: 'CE_LOG_AREA', sheet: 'CE Log', range: { row: 0, col: 0, rows: 10, cols: 3 } },
    ]);
    const again = await reopen(port);
    const snap = await again.read({ sheets: [] });
    expect(snap.names).toEqual([
      { name: 'CE_LOG_AREA', sheet: 'CE Log', range: { row: 0, col: 0, rows: 10, cols: 3 } },
    ]);
    const cf = (
      (again as XlsxWorkbook).workbook.getWorksheet('CE Log')! as unknown as {
        conditionalFormattings: ExcelJS.ConditionalFormattingOptions[];
      }
    ).conditionalFormattings;
    expect(cf[0]!.ref).toBe('A2:C10');
    expect((cf[0]!.rules[0] as ExcelJS.ExpressionRuleType).formulae).toEqual(['$C2<0']);
  });

  test('deleting a sheet drops the names that pointed at it', async () => {
    const port = XlsxWorkbook.create();
    await port.apply([
      { kind: 'addSheet', name: 'Old' },
      { kind: 'defineName', name: 'MARK', sheet: 'Old', range: { row: 0, col: 0, rows: 1, cols: 1 } },
      { kind: 'deleteSheet', name: 'Old' },
    ]);
    expect((await (await reopen(port)).read({})).names).toEqual([]);
  });

  test('charts are refused and announced as unsupported', async () => {
    const port = XlsxWorkbook.create();
    expect(port.capabilities.charts).toBe(false);
    await expect(
      port.apply([
        {
          kind: 'chart',
          sheet: 'Sheet1',
          type: 'bar',
          title: 't',
          data: { row: 0, col: 0, rows: 2, cols: 2 },
          anchor: { row: 0, col: 3, rows: 10, cols: 5 },
        },
      ]),
    ).rejects.toThrow(/not supported/);
  });

  test('a header-only table gets one empty data row, like Excel', async () => {
    const port = XlsxWorkbook.create();
    await port.apply([
      { kind: 'setValues', sheet: 'Sheet1', row: 0, col: 0, values: [['Date', 'Hours']] },
      { kind: 'createTable', sheet: 'Sheet1', name: 'CELog', range: { row: 0, col: 0, rows: 1, cols: 2 } },
    ]);
    const snap = await (await reopen(port)).read({ sheets: ['Sheet1'] });
    expect(snap.sheets.Sheet1!.tables).toEqual([{ name: 'CELog', range: { row: 0, col: 0, rows: 2, cols: 2 } }]);
  });

  test('activate selects one tab only', async () => {
    const port = XlsxWorkbook.create();
    await port.apply([
      { kind: 'addSheet', name: 'Two' },
      { kind: 'activate', sheet: 'Two' },
    ]);
    const again = (await reopen(port)) as XlsxWorkbook;
    expect((await again.read({})).activeSheet).toBe('Two');
    const buffer = await port.toBuffer();
    expect(await sheetXml(buffer, 1)).not.toContain('tabSelected="1"');
    expect(await sheetXml(buffer, 2)).toContain('tabSelected="1"');
  });
});

async function sheetXml(buffer: Buffer, n = 1): Promise<string> {
  // The .xlsx is a zip: JSZip ships with exceljs.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const JSZip = require('jszip');
  const zip = await JSZip.loadAsync(buffer);
  return zip.file(`xl/worksheets/sheet${n}.xml`).async('string');
}
