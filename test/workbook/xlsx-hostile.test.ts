/**
 * Big and hostile workbooks (issue 15, point 4): the command line reads .xlsx files with the streaming
 * reader, builds used ranges from the cells that exist, and refuses a file past a bound (uncompressed
 * bytes, cells, string length, merged areas and names) with exit 2 and a one-line reason.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import { createDeflateRaw, deflateRawSync } from 'zlib';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { XLSX_LIMITS, XlsxLimitError } from '../../src/workbook/xlsx-limits';
import { run, tempDir, writeWorkbook } from '../cli/helpers';

const FLAGS = ['--program', 'NISM-SMS', '--cycle-start', '2025-03-14'];
const LOG = [
  ['Date', 'Activity', 'Format', 'Hours'],
  [45800, 'Webinar on audience research', 'Webinar', 2],
  [45830, 'Conference day', 'Conference', 6],
];

let dir: string;
beforeAll(() => {
  dir = tempDir('ce-hostile-');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A zip written by hand: each part deflated, or given as deflated bytes with the size it declares. */
interface RawPart {
  deflated: Buffer;
  declared: number;
}
function zip(parts: Record<string, string | RawPart>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, part] of Object.entries(parts)) {
    const data = typeof part === 'string' ? deflateRawSync(Buffer.from(part, 'utf8')) : part.deflated;
    const size = typeof part === 'string' ? Buffer.byteLength(part, 'utf8') : part.declared;
    const fileName = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += 30 + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(parts).length, 8);
  end.writeUInt16LE(Object.keys(parts).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The smallest .xlsx with one sheet "Data" whose XML is `sheet`, plus optional defined names. */
function workbookParts(sheet: string | RawPart, definedNames = ''): Record<string, string | RawPart> {
  return {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets>${definedNames}</workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': sheet,
  };
}

const LOG_SHEET_XML = `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Date</t></is></c><c r="B1" t="inlineStr"><is><t>Hours</t></is></c></row><row r="2"><c r="A2"><v>45800</v></c><c r="B2"><v>2</v></c></row></sheetData>`;

/** A sheet of `mib` MiB of repeated cells, deflated as it is generated (never held whole). */
async function bombSheet(mib: number): Promise<{ deflated: Buffer; size: number }> {
  const row = '<row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>1</v></c><c r="C2"><v>1</v></c></row>';
  const block = Buffer.from(row.repeat(Math.ceil((1024 * 1024) / row.length)).slice(0, 1024 * 1024));
  const head = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>`);
  const tail = Buffer.from('</sheetData></worksheet>');
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const write = (b: Buffer) =>
    new Promise<void>((resolve) => (deflate.write(b) ? resolve() : deflate.once('drain', () => resolve())));
  await write(head);
  for (let i = 0; i < mib; i++) await write(block);
  await write(tail);
  deflate.end();
  await done;
  return { deflated: Buffer.concat(out), size: head.length + mib * block.length + tail.length };
}

function oneLine(stderr: string): string {
  const lines = stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  return lines[0]!;
}

describe('used ranges come from the cells that exist', () => {
  test('a value at XFD1048576 on a sheet beside the log: check gives the same result as without it', async () => {
    await writeWorkbook(join(dir, 'plain.xlsx'), { 'CE Log': LOG, Notes: [['a note']] });
    const port = await XlsxWorkbook.open(join(dir, 'plain.xlsx'));
    port.workbook.getWorksheet('Notes')!.getCell('XFD1048576').value = 'far away';
    await port.save(join(dir, 'far.xlsx'));

    const plain = await run(['check', 'plain.xlsx', ...FLAGS, '--json'], dir);
    const far = await run(['check', 'far.xlsx', ...FLAGS, '--json'], dir);
    expect(far.stderr).toBe('');
    expect(far.code).toBe(0);
    expect({ ...JSON.parse(far.stdout), file: '' }).toEqual({ ...JSON.parse(plain.stdout), file: '' });
  });

  test('the sheet with the far value reads as its two cells, not as a rectangle of 17 billion', async () => {
    const before = process.memoryUsage().heapUsed;
    const snapshot = await (await XlsxWorkbook.openFile(join(dir, 'far.xlsx'))).read({ sheets: 'all' });
    const notes = snapshot.sheets.Notes!;
    expect([notes.row, notes.col, notes.values.length]).toEqual([0, 0, 1_048_576]);
    expect(notes.values[0]![0]).toBe('a note');
    expect(notes.values[1_048_575]![16_383]).toBe('far away');
    expect(notes.values[500_000]?.[5] ?? '').toBe('');
    // Generous: a dense rectangle would be hundreds of gigabytes.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(500 * 1024 * 1024);
  });

  test("a stray value far from the log on the log's own sheet: exit 2 with a one-line reason, not an out-of-memory crash", async () => {
    const port = await XlsxWorkbook.open(join(dir, 'plain.xlsx'));
    port.workbook.getWorksheet('CE Log')!.getCell('XFD1048576').value = 'stray';
    await port.save(join(dir, 'stray.xlsx'));
    const r = await run(['check', 'stray.xlsx', ...FLAGS], dir);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(
      /stray\.xlsx: sheet "CE Log": the log's range A1:XFD1048576 is [\d,]+ cells, over the bound of 10,000,000: delete the stray cells/,
    );
  });
});

describe('what one file may cost is bounded', () => {
  let bomb: { deflated: Buffer; size: number };
  beforeAll(async () => {
    bomb = await bombSheet(300);
  }, 120_000);

  test('a zip bomb (300 MiB of repeated cells in about 1 MB) that declares its size: exit 2 naming the bound, nothing written', async () => {
    expect(bomb.deflated.length).toBeLessThan(1.5 * 1024 * 1024);
    writeFileSync(join(dir, 'bomb.xlsx'), zip(workbookParts({ deflated: bomb.deflated, declared: bomb.size })));
    const r = await run(['check', 'bomb.xlsx', ...FLAGS], dir);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(
      /bomb\.xlsx: too big to read: its parts declare 300 MiB uncompressed, over the bound of 256 MiB/,
    );
    const s = await run(['summary', 'bomb.xlsx', '-o', 'bomb-out.xlsx', ...FLAGS], dir);
    expect(s.code).toBe(2);
    expect(oneLine(s.stderr)).toMatch(/bound of 256 MiB/);
    expect(existsSync(join(dir, 'bomb-out.xlsx'))).toBe(false);
  });

  test('a zip bomb that lies about its size stops once it inflates past what it declared', async () => {
    writeFileSync(join(dir, 'liar.xlsx'), zip(workbookParts({ deflated: bomb.deflated, declared: 1024 * 1024 })));
    const r = await run(['check', 'liar.xlsx', ...FLAGS], dir);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(
      /liar\.xlsx: too big to read: the part xl\/worksheets\/sheet1\.xml inflates to more than the 1 MiB it declares/,
    );
  });

  test('a text over 1,000,000 characters: exit 2 naming the cell and the bound', async () => {
    await writeWorkbook(join(dir, 'long.xlsx'), { 'CE Log': LOG, Notes: [['x'.repeat(XLSX_LIMITS.stringLength + 1)]] });
    const r = await run(['check', 'long.xlsx', ...FLAGS], dir);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(
      /long\.xlsx: too big to read: .* holds a text of more than 1,000,000 characters \(the bound\)/,
    );
    // Just under the bound is read.
    await writeWorkbook(join(dir, 'long-ok.xlsx'), { 'CE Log': LOG, Notes: [['x'.repeat(XLSX_LIMITS.stringLength)]] });
    expect((await run(['check', 'long-ok.xlsx', ...FLAGS], dir)).code).toBe(0);
  });

  test('cells past the bound are refused as they are read', async () => {
    await writeWorkbook(join(dir, 'cells.xlsx'), {
      'CE Log': [...LOG, ...Array.from({ length: 40 }, (_, i) => [45800 + i, 'Webinar', 'Webinar', 1])],
    });
    const data = readFileSync(join(dir, 'cells.xlsx'));
    await expect(XlsxWorkbook.fromBufferStreaming(data, { ...XLSX_LIMITS, cells: 100 })).rejects.toThrow(
      XlsxLimitError,
    );
    await expect(XlsxWorkbook.fromBufferStreaming(data, { ...XLSX_LIMITS, cells: 100 })).rejects.toThrow(
      /more than 100 cells with values \(the bound\)/,
    );
    const port = await XlsxWorkbook.fromBufferStreaming(data, { ...XLSX_LIMITS, cells: 200 });
    expect((await port.read({ sheets: ['CE Log'] })).sheets['CE Log']!.values).toHaveLength(43);
  });

  test('a defined name, a merged area or a validation over the whole sheet: check reads it; summary refuses before exceljs would expand it cell by cell', async () => {
    const cases: [string, string, string][] = [
      ['named', `${LOG_SHEET_XML}</worksheet>`, 'the defined name "Everything"'],
      [
        'merged',
        `${LOG_SHEET_XML}<mergeCells count="1"><mergeCell ref="C1:XFD1048576"/></mergeCells></worksheet>`,
        'the merged area C1:XFD1048576 of sheet "Data"',
      ],
      [
        'validated',
        `${LOG_SHEET_XML}<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="C1:XFD1048576"><formula1>"a,b"</formula1></dataValidation></dataValidations></worksheet>`,
        'the data validation of C1:XFD1048576 on sheet "Data"',
      ],
    ];
    for (const [name, sheet, largest] of cases) {
      const names =
        name === 'named'
          ? '<definedNames><definedName name="Everything">Data!$A$1:$XFD$1048576</definedName></definedNames>'
          : '';
      writeFileSync(join(dir, `${name}.xlsx`), zip(workbookParts(sheet, names)));
      const checked = await run(['check', `${name}.xlsx`, ...FLAGS, '--json'], dir);
      expect(checked.stderr).toBe('');
      expect(checked.code).toBe(0);
      expect(JSON.parse(checked.stdout).sheet).toBe('Data');
      const r = await run(['summary', `${name}.xlsx`, '-o', `${name}-out.xlsx`, ...FLAGS], dir);
      expect(r.code).toBe(2);
      expect(oneLine(r.stderr)).toContain(
        `${name}.xlsx: too big to copy: merged areas, data validations and defined names cover`,
      );
      expect(oneLine(r.stderr)).toContain(`over the bound of 5,000,000 for writing a copy (the largest: ${largest})`);
      expect(existsSync(join(dir, `${name}-out.xlsx`))).toBe(false);
    }

    // Overlapping merged areas (Excel never writes them) cannot make reading quadratic.
    const overlapping = `${LOG_SHEET_XML}<mergeCells>${'<mergeCell ref="A1:B2"/>'.repeat(30)}</mergeCells></worksheet>`;
    const data = zip(workbookParts(overlapping));
    await expect(XlsxWorkbook.fromBufferStreaming(data, { ...XLSX_LIMITS, cells: 10 })).rejects.toThrow(
      /the merged areas of sheet "Data" cross its cells more than 40 times/,
    );

    // The same file with a small merged area is summarised, and the merged cells read as Excel shows them.
    writeFileSync(
      join(dir, 'merged-ok.xlsx'),
      zip(workbookParts(`${LOG_SHEET_XML}<mergeCells count="1"><mergeCell ref="A2:B2"/></mergeCells></worksheet>`)),
    );
    const snapshot = await (await XlsxWorkbook.openFile(join(dir, 'merged-ok.xlsx'))).read({ sheets: 'all' });
    expect(snapshot.sheets.Data!.values).toEqual([
      ['Date', 'Hours'],
      [45800, ''],
    ]);
    expect((await run(['summary', 'merged-ok.xlsx', '-o', 'merged-ok-out.xlsx', ...FLAGS], dir)).code).toBe(0);
  });
});
