/**
 * What the summary sheet makes clickable, and text too long for a cell: the summary is generated for a
 * log holding such values, and the written cells and hyperlinks are read back, from the memory host and
 * from the .xlsx file the command line would write.
 */
import ExcelJS from 'exceljs';
import { dayFromIso } from '../../src/core';
import { generateSummary, proofLinkTarget } from '../../src/summary';
import { MemoryWorkbook } from '../../src/workbook/memory';
import type { CellValue, WorkbookOp } from '../../src/workbook/port';
import { XlsxWorkbook } from '../../src/workbook/xlsx';

const LIMIT = 32_767;
const OPTIONS = { program: 'NISM-SMS', cycleStart: dayFromIso('2024-03-14')!, asOf: dayFromIso('2025-01-01')! };

const CLICKABLE = [
  'https://example.com/cert.pdf',
  'HTTP://example.com/a?b=1',
  'mailto:cpd@example.org',
  'mailto:cpd@example.org?subject=Proof',
];
const TEXT_ONLY = [
  '\\\\server\\share\\x.pdf',
  '\\\\?\\C:\\proof\\x.pdf',
  'file:///C:/proof/cert.pdf',
  'file://server/share/cert.pdf',
  'FILE:/etc/passwd',
  'C:\\proof\\cert.pdf',
  'C:/Windows/System32/calc.exe',
  'D:proof.pdf',
  '/home/ann/cert.pdf',
  '/usr/bin/xterm',
  'proof/cert.pdf',
  '..\\..\\proof\\cert.pdf',
  './run.bat',
  'cert.exe',
  'mailto:',
  'mailto:no-at-sign',
  'mailto:a@b.example c@d.example',
  'https:/\\evil.example',
  'http:evil',
  'javascript:alert(1)',
  'ms-excel:ofe|u|https://evil.example/x.xlsx',
];

function log(proofLinks: string[], activity = (i: number) => `Activity ${i}`): CellValue[][] {
  const rows: CellValue[][] = [['Date', 'Activity', 'Format', 'Hours', 'Proof', 'Proof link']];
  proofLinks.forEach((link, i) => rows.push(['2024-06-01', activity(i), 'Webinar', 1, 'Certificate', link]));
  return rows;
}

/** Every cell of the summary's two sheets with its hyperlink, read back from an .xlsx file; the summary sheet's page header. */
async function xlsxCells(
  rows: CellValue[][],
  profileName?: string,
): Promise<{ cells: { text: string; link: string | undefined }[]; header: string }> {
  const port = XlsxWorkbook.create('Log');
  const ops: WorkbookOp[] = [{ kind: 'setValues', sheet: 'Log', row: 0, col: 0, values: rows }];
  if (profileName !== undefined) {
    ops.push(
      { kind: 'addSheet', name: 'CE Profile' },
      {
        kind: 'setValues',
        sheet: 'CE Profile',
        row: 0,
        col: 0,
        values: [['CE Ledger profile'], ['Name', profileName]],
      },
    );
  }
  await port.apply(ops);
  const result = await generateSummary(port, OPTIONS);
  if (!result.ok) throw new Error(result.message);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await port.toBuffer()) as unknown as ExcelJS.Buffer);
  const sheet = book.getWorksheet(result.sheet)!;
  const cells: { text: string; link: string | undefined }[] = [];
  for (const ws of [sheet, book.getWorksheet(result.entriesSheet)!]) {
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value;
        if (v && typeof v === 'object' && 'hyperlink' in v) cells.push({ text: String(v.text), link: v.hyperlink });
        else if (typeof v === 'string') cells.push({ text: v, link: undefined });
      }),
    );
  }
  return { cells, header: sheet.headerFooter.oddHeader ?? '' };
}

describe('proof links in the summary: only http(s) and mailto are clickable', () => {
  test.each(CLICKABLE)('%j becomes a hyperlink', (link) => expect(proofLinkTarget(link)).toBe(link));
  test.each(TEXT_ONLY)('%j stays text', (link) => expect(proofLinkTarget(link)).toBeUndefined());

  test('the memory host: a hyperlink on the web and mail addresses only, every other link shown as text', async () => {
    const book = new MemoryWorkbook({ Log: log([...CLICKABLE, ...TEXT_ONLY]) });
    const result = await generateSummary(book, OPTIONS);
    if (!result.ok) throw new Error(result.message);
    const { rows, cols } = book.extent(result.entriesSheet);
    const links: string[] = [];
    const texts: CellValue[] = [];
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const address = book.hyperlink(result.entriesSheet, r, c);
        if (address !== undefined) {
          links.push(address);
          expect(book.getValue(result.entriesSheet, r, c)).toBe(address);
        } else texts.push(book.getValue(result.entriesSheet, r, c));
      }
    }
    expect(links.sort()).toEqual([...CLICKABLE].sort());
    for (const link of TEXT_ONLY) expect(texts).toContain(link);
  });

  test('the .xlsx file: the same, read back with exceljs', async () => {
    const { cells } = await xlsxCells(log([...CLICKABLE, ...TEXT_ONLY]));
    expect(
      cells
        .filter((c) => c.link !== undefined)
        .map((c) => c.link)
        .sort(),
    ).toEqual([...CLICKABLE].sort());
    for (const link of TEXT_ONLY) expect(cells).toContainEqual({ text: link, link: undefined });
  });
});

describe('text longer than a cell holds', () => {
  const long = (n: number, seed: string) => seed.repeat(Math.ceil(n / seed.length)).slice(0, n);

  test('an activity of 40,000 characters is cut within the limit, ending in a visible marker', async () => {
    const activity = long(40_000, 'Annual conference, day one, all sessions; ');
    const book = new MemoryWorkbook({
      Log: log(['https://example.com/cert.pdf', ''], (i) => (i === 0 ? activity : 'Short one')),
    });
    const result = await generateSummary(book, OPTIONS);
    if (!result.ok) throw new Error(result.message);
    const { first, columns } = result.layout.entries;
    const cell = String(book.getValue(result.entriesSheet, first, columns.indexOf('Activity')));
    expect(cell.length).toBeLessThanOrEqual(LIMIT);
    expect(cell).toMatch(/… \[cut: 40,000 characters in all\]$/);
    expect(activity.startsWith(cell.slice(0, cell.indexOf('… [cut')))).toBe(true);
    expect(cell.length).toBeGreaterThan(LIMIT - 100);
    // The short one is untouched, and no text on the sheet is over the limit.
    expect(book.getValue(result.entriesSheet, first + 1, columns.indexOf('Activity'))).toBe('Short one');
    for (const sheet of [result.sheet, result.entriesSheet]) {
      const { rows, cols } = book.extent(sheet);
      for (let r = 0; r < rows; r++)
        for (let c = 0; c < cols; c++)
          expect(String(book.getValue(sheet, r, c) ?? '').length).toBeLessThanOrEqual(LIMIT);
    }
  });

  test('in the .xlsx file: long activities and links cut, a long web link not clickable, a long name cut in the page header', async () => {
    const activity = long(50_000, 'Ethics module ');
    const link = `https://example.com/${long(33_000, 'a')}`;
    const name = long(300, 'Ann & Bob ');
    const { cells, header } = await xlsxCells(
      log([link, 'https://example.com/ok.pdf'], (i) => (i === 0 ? activity : 'Short')),
      name,
    );
    const over = cells.filter((c) => c.text.length > LIMIT);
    expect(over).toEqual([]);
    const cutActivity = cells.filter((c) => c.text.startsWith('Ethics module'));
    // Once, in the entries (the proof links are on the entries' rows).
    expect(cutActivity).toHaveLength(1);
    for (const c of cutActivity) expect(c.text).toMatch(/… \[cut: 50,000 characters in all\]$/);
    const cutLink = cells.find((c) => c.text.startsWith('https://example.com/aaa'))!;
    expect(cutLink).toEqual({ text: expect.stringMatching(/… \[cut: 33,020 characters in all\]$/), link: undefined });
    expect(cells.filter((c) => c.link !== undefined).map((c) => c.link)).toEqual(['https://example.com/ok.pdf']);
    // Excel's page header holds 255 characters, its codes and the doubled "&" included.
    expect(header.length).toBeLessThanOrEqual(255);
    expect(header.length).toBeGreaterThan(240);
    expect(header).toMatch(/^&CCE summary: Ann && Bob Ann && Bob /);
    expect(header.endsWith('…')).toBe(true);
  });

  test('a cut never splits a character outside the basic plane', async () => {
    // Three shifts of the same text: one of them puts the cut inside an emoji's surrogate pair.
    for (const pad of ['', 'y', 'yy']) {
      const activity = pad + long(LIMIT + 10, 'x😀');
      const book = new MemoryWorkbook({ Log: log([''], () => activity) });
      const result = await generateSummary(book, OPTIONS);
      if (!result.ok) throw new Error(result.message);
      const cell = String(
        book.getValue(
          result.entriesSheet,
          result.layout.entries.first,
          result.layout.entries.columns.indexOf('Activity'),
        ),
      );
      const kept = cell.slice(0, cell.indexOf('… [cut'));
      expect(kept.length).toBeGreaterThan(LIMIT - 100);
      expect(activity.startsWith(kept)).toBe(true);
      // No lone surrogate: the kept text round-trips through UTF-8 unchanged.
      expect(Buffer.from(kept, 'utf8').toString('utf8')).toBe(kept);
    }
  });
});
