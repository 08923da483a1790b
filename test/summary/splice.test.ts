/**
 * `ce-ledger summary -o` adds its two sheets to a copy of the workbook without rewriting the rest:
 * every part of the input other than the workbook's sheet list, its relationships, the content
 * types and the styles comes out byte for byte, and what the user had (cells, styles, tables, names,
 * merged cells, links) reads back as it was.
 */
import { spawnSync } from 'child_process';
import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { inflateRawSync } from 'zlib';
import { findSoffice, renderPdf } from '../../src/summary/pdf';
import { deflatedPart, rawParts, writeZip } from '../../src/workbook/xlsx-zip';
import { run, tempDir } from '../cli/helpers';
import { CYCLE_START, nismLog } from './fixtures';

/** Every part of a zip, uncompressed. */
function parts(file: string): Map<string, Buffer> {
  return new Map(
    rawParts(readFileSync(file)).map((p) => [p.name, p.method === 8 ? inflateRawSync(p.data) : Buffer.from(p.data)]),
  );
}

/** A workbook a certificant keeps: a styled notes sheet, the log as a table, another table, names, a link. */
async function writeUserWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const notes = wb.addWorksheet('Notes', {
    views: [{ state: 'frozen', ySplit: 1, tabSelected: true } as Partial<ExcelJS.WorksheetView>],
  });
  notes.getCell('A1').value = 'My CE notes';
  notes.getCell('A1').font = { bold: true, size: 16, name: 'Georgia', color: { argb: 'FF7030A0' } };
  notes.getCell('A1').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
  notes.mergeCells('A1:D1');
  notes.getCell('A2').value = 1234.5;
  notes.getCell('A2').numFmt = '#,##0.000 "pts"';
  notes.getCell('B2').value = { formula: 'A2*2', result: 2469 };
  notes.getCell('B2').border = { bottom: { style: 'double', color: { argb: 'FF0000FF' } } };
  notes.getCell('C2').value = { text: 'board', hyperlink: 'https://example.org/board' };
  notes.getCell('D2').value = 'wrapped note that goes on';
  notes.getCell('D2').alignment = { wrapText: true, vertical: 'top' };
  notes.getColumn(4).width = 30;
  notes.getRow(2).height = 40;
  const log = wb.addWorksheet('CE Log');
  const [headers, ...rows] = nismLog();
  log.addTable({
    name: 'CELog',
    ref: 'A1',
    headerRow: true,
    style: { theme: 'TableStyleMedium4', showRowStripes: true },
    columns: (headers as string[]).map((name) => ({ name, filterButton: true })),
    rows: rows as ExcelJS.CellValue[][],
  });
  log.getColumn(1).numFmt = 'yyyy-mm-dd';
  const other = wb.addWorksheet('Budget');
  other.addTable({
    name: 'Budget',
    ref: 'B2',
    headerRow: true,
    totalsRow: true,
    style: { theme: 'TableStyleLight1', showRowStripes: false },
    columns: [
      { name: 'Item', totalsRowLabel: 'Total', filterButton: false },
      { name: 'Cost', totalsRowFunction: 'sum', filterButton: false },
    ],
    rows: [
      ['Renewal fee', 150],
      ['Course', 80.25],
    ],
  });
  other.pageSetup.printArea = 'A1:D6';
  wb.definedNames.add("'Budget'!$C$3", 'FirstCost');
  wb.definedNames.add('Notes!$A$2', 'Points');
  await wb.xlsx.writeFile(file);
}

/** Parts the splice edits on purpose: the lists of sheets, names, relationships, content types, styles. */
const EDITED = new Set(['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', 'xl/styles.xml']);

/** What a reader sees of a sheet: every cell's value and style, merged areas, widths, heights, tables. */
function sheetView(ws: ExcelJS.Worksheet): unknown {
  const cells: unknown[] = [];
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => cells.push([cell.address, cell.value, cell.style])),
  );
  const tables = Object.values((ws as unknown as { tables: Record<string, { table: unknown }> }).tables).map(
    (t) => t.table,
  );
  return {
    cells,
    merges: (ws as unknown as { _merges: Record<string, { range: string }> })._merges,
    columns: ws.columns?.map((c) => c.width),
    heights: ws.getRows(1, ws.rowCount)?.map((r) => r.height),
    tables,
    printArea: ws.pageSetup.printArea,
  };
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

const FLAGS = ['--program', 'NISM-SMS', '--cycle-start', CYCLE_START];
const soffice = findSoffice();
const pdftotext = spawnSync('sh', ['-c', 'command -v pdftotext'], { encoding: 'utf8' }).stdout.trim() || undefined;

describe('ce-ledger summary -o: the summary sheets are added to the workbook as it was', () => {
  const dir = tempDir('ce-splice-');
  const input = join(dir, 'mine.xlsx');
  const first = join(dir, 'first.xlsx');
  const second = join(dir, 'second.xlsx');

  beforeAll(async () => {
    await writeUserWorkbook(input);
    expect((await run(['summary', input, '-o', first, ...FLAGS], dir)).code).toBe(0);
    expect((await run(['summary', first, '-o', second, ...FLAGS], dir)).code).toBe(0);
  });

  test('every part of the input but the sheet list, relationships, content types and styles is byte-identical', () => {
    const before = parts(input);
    const after = parts(first);
    const selected = [...before].filter(
      ([name, xml]) => /^xl\/worksheets\/[^/]+\.xml$/.test(name) && /tabSelected="1"/.test(xml.toString()),
    );
    // The user's selected tab (Notes) is the one sheet whose part changes: the summary is now the selected tab.
    expect(selected.map(([name]) => name)).toEqual(['xl/worksheets/sheet1.xml']);
    for (const [name, bytes] of before) {
      expect(after.has(name)).toBe(true);
      if (EDITED.has(name)) continue;
      if (selected.some(([s]) => s === name)) {
        // The tab the user had selected is not selected any more (the summary is): nothing else changes.
        expect(after.get(name)!.toString()).toBe(bytes.toString().replace(/ tabSelected="1"/, ''));
      } else expect(after.get(name)!.equals(bytes)).toBe(true);
    }
    const added = [...after.keys()].filter((n) => !before.has(n));
    expect(added.filter((n) => !n.includes('_rels/')).sort()).toEqual([
      'xl/worksheets/sheet4.xml',
      'xl/worksheets/sheet5.xml',
    ]);
    // The shared strings were not touched: the new sheets hold their text inline.
    expect(after.get('xl/sharedStrings.xml')!.equals(before.get('xl/sharedStrings.xml')!)).toBe(true);
  });

  test("the user's cells, styles, merged cells, tables, names and print areas read back as they were", async () => {
    const before = await load(input);
    for (const file of [first, second]) {
      const after = await load(file);
      expect(after.worksheets.map((w) => w.name)).toEqual(['Notes', 'CE Log', 'Budget', 'CE Summary', 'CE Entries']);
      for (const ws of before.worksheets) expect(sheetView(after.getWorksheet(ws.name)!)).toEqual(sheetView(ws));
      const names = (wb: ExcelJS.Workbook) =>
        (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model
          .filter((n) => !n.name.startsWith('CE_LEDGER_'))
          .sort((a, b) => a.name.localeCompare(b.name) || a.ranges.join().localeCompare(b.ranges.join()));
      expect(names(after).filter((n) => !/CE (Summary|Entries)/.test(n.ranges.join()))).toEqual(names(before));
    }
  });

  test('the summary sheets are complete: styles, numbers from every formula, print setup, the active tab', async () => {
    const wb = await load(first);
    const summary = wb.getWorksheet('CE Summary')!;
    const entries = wb.getWorksheet('CE Entries')!;
    expect(summary.getCell('A1').value).toBe('CE Ledger submission summary');
    expect(summary.getCell('A1').font).toMatchObject({ bold: true, size: 14 });
    expect(entries.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, printTitlesRow: '2:2' });
    expect(summary.pageSetup.printArea).toMatch(/^A1:E\d+$/);
    let formulas = 0;
    for (const ws of [summary, entries])
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type !== ExcelJS.ValueType.Formula) return;
          formulas++;
          expect(typeof cell.result).toBe('number');
        }),
      );
    expect(formulas).toBeGreaterThan(5);
    const dateCell = entries.getColumn(2).values.findIndex((v) => v instanceof Date);
    expect(entries.getCell(dateCell, 2).numFmt).toBe('yyyy-mm-dd');
    expect(wb.views[0]!.activeTab).toBe(3);
    const links: string[] = [];
    entries.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value as { hyperlink?: string } | null;
        if (v && typeof v === 'object' && v.hyperlink) links.push(v.hyperlink);
      }),
    );
    expect(links).toContain('https://example.com/cert-1.pdf');
  });

  test('regenerating replaces the older summary and leaves none of its parts behind', () => {
    const once = parts(first);
    const twice = parts(second);
    expect([...twice.keys()].length).toBe([...once.keys()].length);
    const book = twice.get('xl/workbook.xml')!.toString();
    expect(book.match(/<sheet /g)).toHaveLength(5);
    expect(book).toMatch(/<definedName name="CE_LEDGER_SUMMARY"[^>]*>'CE Summary'!\$A\$1</);
    expect(book.match(/name="_xlnm.Print_Area"/g)).toHaveLength(3);
    const before = parts(input);
    for (const [name, bytes] of before)
      if (!EDITED.has(name) && !/tabSelected/.test(bytes.toString())) expect(twice.get(name)!.equals(bytes)).toBe(true);
  });

  test("replacing a summary drops Excel's calculation chain (it lists the old sheets' cells), nothing else", async () => {
    // What Excel adds when it saves: a calcChain part, listed by the workbook and the content types.
    const withChain = join(dir, 'saved-by-excel.xlsx');
    const edit = (name: string, text: string) =>
      name === 'xl/_rels/workbook.xml.rels'
        ? text.replace(
            '</Relationships>',
            '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>',
          )
        : name === '[Content_Types].xml'
          ? text.replace(
              '</Types>',
              '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>',
            )
          : undefined;
    const out = rawParts(readFileSync(first)).map((p) => {
      const text = (p.method === 8 ? inflateRawSync(p.data) : p.data).toString();
      const edited = edit(p.name, text);
      return edited === undefined ? p : deflatedPart(p.name, edited);
    });
    out.push(
      deflatedPart(
        'xl/calcChain.xml',
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="B2" i="1"/><c r="C5" i="4"/></calcChain>',
      ),
    );
    writeFileSync(withChain, writeZip(out));
    const again = join(dir, 'again.xlsx');
    expect((await run(['summary', withChain, '-o', again, ...FLAGS], dir)).code).toBe(0);
    const before = parts(withChain);
    const after = parts(again);
    expect(after.has('xl/calcChain.xml')).toBe(false);
    expect(after.get('xl/_rels/workbook.xml.rels')!.toString()).not.toContain('calcChain');
    expect(after.get('[Content_Types].xml')!.toString()).not.toContain('calcChain');
    expect(before.has('xl/calcChain.xml')).toBe(true);
    // The user's parts are still the input's own.
    for (const name of [
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
      'xl/worksheets/sheet3.xml',
      'xl/tables/table1.xml',
    ])
      expect(after.get(name)?.equals(before.get(name)!)).toBe(true);
    expect((await load(again)).worksheets.map((w) => w.name)).toEqual([
      'Notes',
      'CE Log',
      'Budget',
      'CE Summary',
      'CE Entries',
    ]);
  });

  // The PDF test prints a copy exceljs rewrote (only the summary sheets); this one opens the spliced file itself.
  const withLibreOffice = soffice && pdftotext ? test : test.skip;
  withLibreOffice(
    "LibreOffice opens the spliced copy and prints the user's sheets and the summary",
    async () => {
      const pdf = join(dir, 'first.pdf');
      writeFileSync(pdf, await renderPdf(readFileSync(first), soffice!));
      const text = spawnSync(pdftotext!, [pdf, '-'], { encoding: 'utf8' }).stdout;
      for (const words of [
        'My CE notes',
        'Item',
        'Cost',
        'Campaign measurement',
        'CE Ledger submission summary',
        'Attestation',
      ])
        expect(text).toContain(words);
    },
    300_000,
  );
});
