/**
 * Excel on the web refuses a sync whose request or response is over about 5 MB. The Office adapter
 * keeps every sync under a cell budget (SYNC_CELL_BUDGET); these tests run it on the fake host with
 * that limit enforced, with small injected budgets and limits so they stay fast.
 */
import { dayFromIso } from '../../src/core';
import { generateSummary, SUMMARY_MARKER } from '../../src/summary';
import { OfficeWorkbook, SYNC_CELL_BUDGET, SYNC_WRITE_BYTES } from '../../src/workbook/office';
import type { CellValue } from '../../src/workbook/port';
import { FakeExcel, FAKE_WRITE_ACTION_BYTES, PayloadSizeLimitError } from '../fakes/fake-excel';

/** Excel on the web's request and response limit, about 5 MB (the lower reading). */
const FIVE_MB = 5_000_000;

function log(rows: number, cols = 5): CellValue[][] {
  const out: CellValue[][] = [
    Array.from({ length: cols }, (_, c) => (c === 0 ? 'Date' : c === 1 ? 'Hours' : `Column ${c}`)),
  ];
  for (let i = 0; i < rows; i++)
    out.push(
      Array.from({ length: cols }, (_, c) => (c === 0 ? 45800 + (i % 700) : c === 1 ? 1 + (i % 4) : `r${i}c${c}`)),
    );
  return out;
}

function withTable(fake: FakeExcel, sheet: string, values: CellValue[][]): Promise<void> {
  return fake.book.apply([
    {
      kind: 'createTable',
      sheet,
      name: 'CELog',
      range: { row: 0, col: 0, rows: values.length, cols: values[0]!.length },
    },
    { kind: 'defineName', name: 'CE_PROGRAM', sheet, range: { row: 0, col: 0, rows: 1, cols: 1 } },
  ]);
}

describe('the fake host enforces a payload limit', () => {
  test('loading every chunk before one sync (the old read) is refused, as Excel on the web refuses it', async () => {
    const values = log(2000);
    const fake = new FakeExcel({ Log: values }, { payloadLimit: 1000 });
    const attempt = fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Log');
      for (let start = 0; start < values.length; start += 500)
        ws.getRangeByIndexes(start, 0, Math.min(500, values.length - start), 5).load('values');
      await context.sync();
    });
    await expect(attempt).rejects.toMatchObject({ name: 'RichApi.Error', code: 'ResponsePayloadSizeLimitExceeded' });
    await expect(attempt).rejects.toBeInstanceOf(PayloadSizeLimitError);
  });

  test('a write over the limit is refused whole: nothing is written', async () => {
    const fake = new FakeExcel({ S: [] }, { payloadLimit: 10 });
    const attempt = fake.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRangeByIndexes(0, 0, 4, 3).values = log(3, 3);
      await context.sync();
    });
    await expect(attempt).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(fake.book.usedRangeOf('S')).toBeUndefined();
  });
});

describe('OfficeWorkbook keeps each sync under its cell budget', () => {
  test('a log larger than the budget is read completely, in several syncs each within the limit', async () => {
    const values = log(2000); // 10,005 cells; budget and limit 1,000
    const fake = new FakeExcel({ Log: values, Other: [['x']] }, { payloadLimit: 1000 });
    await withTable(fake, 'Log', values);
    const port = new OfficeWorkbook({ run: fake.run, syncCellBudget: 1000 });
    const snap = await port.read({ sheets: ['Other', 'Log'], formulas: true });
    expect(snap.sheets.Log!.values).toEqual(values);
    expect(snap.sheets.Log!.formulas).toEqual(values);
    expect(snap.sheets.Other!.values).toEqual([['x']]);
    expect(snap.sheets.Log!.tables).toEqual([{ name: 'CELog', range: { row: 0, col: 0, rows: 2001, cols: 5 } }]);
    expect(snap.names).toEqual([{ name: 'CE_PROGRAM', sheet: 'Log', range: { row: 0, col: 0, rows: 1, cols: 1 } }]);
    expect(fake.syncs).toBeGreaterThanOrEqual(1 + Math.ceil(10_006 / 1000));
    expect(Math.max(...fake.cellsPerSync.map((s) => s.read))).toBeLessThanOrEqual(1000);
  });

  test('when cells are fewer than the budget but the payload still overflows, the read is retried in halves', async () => {
    const values = log(20_000); // 100,005 cells, under the default budget, over a host limit of 30,000
    const fake = new FakeExcel({ Log: values }, { payloadLimit: 30_000 });
    const port = new OfficeWorkbook({ run: fake.run });
    const snap = await port.read({ sheets: ['Log'] });
    expect(snap.sheets.Log!.values).toEqual(values);
    const refused = fake.cellsPerSync.filter((s) => s.read > 30_000);
    expect(refused.length).toBeGreaterThan(0); // the first attempts were refused, and nothing was lost
  });

  test('a read that cannot be made smaller still reports the host error', async () => {
    const fake = new FakeExcel({ Wide: [Array.from({ length: 50 }, (_, i) => `h${i}`)] }, { payloadLimit: 10 });
    const port = new OfficeWorkbook({ run: fake.run, syncCellBudget: 10 });
    await expect(port.read({ sheets: ['Wide'] })).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
  });

  test('a refresh of a 10-row and a 10,000-row log of 15 columns costs the same syncs under the real budget', async () => {
    const syncs: number[] = [];
    for (const rows of [10, 10_000]) {
      const values = log(rows, 15);
      const fake = new FakeExcel(
        { Log: values, 'CE Profile': [['Program', 'NISM-SMS']] },
        { payloadLimit: SYNC_CELL_BUDGET },
      );
      await withTable(fake, 'Log', values);
      const port = new OfficeWorkbook({ run: fake.run });
      const snap = await port.read({ sheets: ['CE Profile', 'Log'], formulas: true });
      expect(snap.sheets.Log!.values).toHaveLength(rows + 1);
      syncs.push(fake.syncs);
    }
    expect(syncs).toEqual([2, 2]);
  });

  test('large writes are split into syncs within the limit, in order, every cell written', async () => {
    const values = log(3000); // 15,005 cells, ≈ 120 KB
    const formulas = Array.from({ length: 3000 }, (_, i) => [`=IF(B${i + 2}="","",B${i + 2}*2)`]);
    const fake = new FakeExcel({ S: [] }, { payloadBytes: 10_000 });
    const port = new OfficeWorkbook({ run: fake.run, syncWriteBytes: 10_000 });
    await port.apply([
      { kind: 'setValues', sheet: 'S', row: 0, col: 0, values },
      { kind: 'setFormulas', sheet: 'S', row: 1, col: 5, formulas },
      { kind: 'setNumberFormat', sheet: 'S', range: { row: 1, col: 0, rows: 3000, cols: 1 }, format: 'yyyy-mm-dd' },
      { kind: 'createTable', sheet: 'S', name: 'T', range: { row: 0, col: 0, rows: 3001, cols: 5 } },
    ]);
    expect(fake.syncs).toBeGreaterThan(15);
    expect(Math.max(...fake.bytesPerSync.map((s) => s.written))).toBeLessThanOrEqual(10_000);
    fake.payloadBytes = undefined;
    const back = await new OfficeWorkbook({ run: fake.run }).read({ sheets: ['S'], formulas: true });
    expect(back.sheets.S!.values.map((r) => r.slice(0, 5))).toEqual(values);
    expect(back.sheets.S!.formulas!.slice(1).map((r) => r[5])).toEqual(formulas.map((f) => f[0]));
    expect(fake.book.numberFormat('S', 3000, 0)).toBe('yyyy-mm-dd');
    expect(fake.book.tables()).toEqual([{ name: 'T', sheet: 'S', range: { row: 0, col: 0, rows: 3001, cols: 5 } }]);
  });
});

describe('writes are budgeted in request bytes (SYNC_WRITE_BYTES), judged by the fake in bytes', () => {
  const asOf = dayFromIso('2026-11-23')!;

  /** A NISM workbook of `rows` entries, half with a proof link (a hyperlink on the summary). */
  function nismWorkbook(rows: number): FakeExcel {
    const header = [
      'Date',
      'Activity',
      'Provider',
      'Format',
      'Hours',
      'Self-study hours',
      'Approved',
      'Proof',
      'Proof link',
      'Notes',
    ];
    const formats = ['Webinar', 'In-person class', 'Conference', 'Online asynchronous course'];
    const cells: CellValue[][] = [header];
    for (let i = 0; i < rows; i++) {
      cells.push([
        45700 + (i % 600),
        `${formats[i % 4]} ${i + 1}: social listening`,
        'NISM',
        formats[i % 4]!,
        1 + (i % 6) / 2,
        '',
        i % 5 !== 0,
        'Certificate',
        i % 2 ? `https://ce.example/${i + 1}.pdf` : '',
        i % 10 ? '' : 'Follow up',
      ]);
    }
    const profile: CellValue[][] = [
      ['CE Ledger profile'],
      ['Program', 'NISM-SMS'],
      ['Cycle start', 45730],
      ['Name', 'Jordan Rivera'],
    ];
    return new FakeExcel({ 'CE Profile': profile, 'CE Log': cells }, { payloadBytes: FIVE_MB });
  }

  test('a 10,000-row summary is written in syncs under a 5 MB limit, as many as a 10-row one', async () => {
    const counts: number[][] = [];
    for (const rows of [10, 10_000]) {
      const fake = nismWorkbook(rows);
      const port = new OfficeWorkbook({ run: fake.run });
      const perRun: number[] = [];
      for (let run = 0; run < 2; run++) {
        const before = fake.syncs;
        const firstSync = fake.bytesPerSync.length;
        const result = await generateSummary(port, { asOf });
        if (!result.ok) throw new Error(result.message);
        expect(result.evaluation.entries).toHaveLength(rows);
        // A write bigger than one request's budget is sliced: those slices are the only syncs that may
        // grow with the log (the entries sheet's text), so they are counted as one.
        const writeSlices = fake.bytesPerSync.slice(firstSync).filter((b) => b.written > 0).length;
        perRun.push(fake.syncs - before - Math.max(0, writeSlices - 1));
      }
      expect(Math.max(...fake.bytesPerSync.map((b) => b.written))).toBeLessThanOrEqual(FIVE_MB);
      expect(Math.max(...fake.bytesPerSync.map((b) => b.read))).toBeLessThanOrEqual(FIVE_MB);
      if (rows === 10_000) {
        // Most of the write is one sync of several MB, not slices of it.
        expect(Math.max(...fake.bytesPerSync.map((b) => b.written))).toBeGreaterThan(2_000_000);
        expect(fake.book.names().find((n) => n.name === SUMMARY_MARKER)?.sheet).toBe('CE Summary');
      }
      counts.push(perRun);
    }
    // Read: the tables' header rows, then the log's and the profile's sheets; write: names listed, then
    // the summary (in slices when it is bigger than a request may be). Row heights are set one call per
    // height, whatever the number of rows.
    expect(counts[0]).toEqual([7, 8]);
    expect(counts[1]).toEqual(counts[0]);
  }, 60_000);

  test("a summary's row heights are a call per height (RangeAreas), and one per run on hosts without it", async () => {
    const heights = async (rangeAreas: boolean) => {
      const fake = nismWorkbook(2000);
      fake.rangeAreasApi = rangeAreas;
      const result = await generateSummary(new OfficeWorkbook({ run: fake.run }), { asOf });
      if (!result.ok) throw new Error(result.message);
      const entries = fake.rowHeightCalls.filter((c) => c.sheet === 'CE Entries');
      const read = await fake.book.read({ sheets: ['CE Entries'] });
      return { fake, entries, rows: read.sheets['CE Entries']!.values.length };
    };
    const grouped = await heights(true);
    const single = await heights(false);
    // The same rows get the same heights either way.
    for (let r = 0; r < grouped.rows; r++)
      expect(grouped.fake.book.rowHeight('CE Entries', r)).toBe(single.fake.book.rowHeight('CE Entries', r));
    const distinct = new Set(single.entries.map((c) => c.height)).size;
    expect(single.entries.length).toBeGreaterThan(100);
    // One call per height, and another for each 4,000 characters of its rows' addresses.
    expect(new Set(grouped.entries.map((c) => c.height)).size).toBe(distinct);
    expect(grouped.entries.length).toBeLessThan(single.entries.length / 20);
    expect(grouped.entries.reduce((n, c) => n + c.areas, 0)).toBe(single.entries.length);
  }, 60_000);

  test('the old summary is not read again: regenerating reads what the first generation read', async () => {
    const fake = nismWorkbook(2000);
    const port = new OfficeWorkbook({ run: fake.run });
    const cellsRead: number[] = [];
    for (let run = 0; run < 2; run++) {
      const before = fake.cellsPerSync.length;
      const result = await generateSummary(port, { asOf });
      if (!result.ok) throw new Error(result.message);
      cellsRead.push(fake.cellsPerSync.slice(before).reduce((sum, s) => sum + s.read, 0));
    }
    expect(cellsRead[1]).toBe(cellsRead[0]);
  }, 30_000);

  test('a write genuinely over the limit (long texts) is split, every sync under it, nothing lost', async () => {
    // ≈ 10 MB: 2,000 rows of two 2,500-character texts, one plain, one with multi-byte characters and quotes.
    const plain = 'x'.repeat(2500);
    const wide = '€é"\\😀'.repeat(500);
    const values: CellValue[][] = Array.from({ length: 2000 }, (_, i) => [`${i}:${plain}`, `${i}:${wide}`]);
    const fake = new FakeExcel({ S: [] }, { payloadBytes: FIVE_MB });
    const port = new OfficeWorkbook({ run: fake.run });
    await port.apply([{ kind: 'setValues', sheet: 'S', row: 0, col: 0, values }]);
    const written = fake.bytesPerSync.map((b) => b.written);
    expect(written.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...written)).toBeLessThanOrEqual(FIVE_MB);
    expect(written.reduce((a, b) => a + b, 0)).toBeGreaterThan(2 * FIVE_MB);
    fake.payloadBytes = undefined;
    const back = await port.read({ sheets: ['S'] });
    expect(back.sheets.S!.values).toEqual(values);
  }, 60_000);

  test('many small calls (hyperlinks) are counted too: each sync stays under the limit', async () => {
    const ops = Array.from({ length: 20_000 }, (_, i) => ({
      kind: 'hyperlink' as const,
      sheet: 'S',
      row: i,
      col: 0,
      address: `https://example.com/${i}.pdf`,
      text: `cert ${i}`,
    }));
    const fake = new FakeExcel({ S: [] }, { payloadBytes: FIVE_MB });
    await new OfficeWorkbook({ run: fake.run }).apply(ops);
    expect(fake.bytesPerSync.map((b) => b.written).reduce((a, b) => a + b, 0)).toBeGreaterThan(
      20_000 * FAKE_WRITE_ACTION_BYTES,
    );
    expect(fake.syncs).toBeGreaterThanOrEqual(2);
    expect(Math.max(...fake.bytesPerSync.map((b) => b.written))).toBeLessThanOrEqual(FIVE_MB);
    expect(fake.book.hyperlink('S', 19_999, 0)).toBe('https://example.com/19999.pdf');
    expect(fake.book.getValue('S', 19_999, 0)).toBe('cert 19999');
  }, 60_000);

  test('the fake judges bytes on its own: a budget over the limit is refused, nothing written', async () => {
    const values: CellValue[][] = Array.from({ length: 2000 }, (_, i) => [`${i}:${'x'.repeat(3000)}`]);
    const fake = new FakeExcel({ S: [] }, { payloadBytes: FIVE_MB });
    const port = new OfficeWorkbook({ run: fake.run, syncWriteBytes: 2 * FIVE_MB });
    await expect(port.apply([{ kind: 'setValues', sheet: 'S', row: 0, col: 0, values }])).rejects.toMatchObject({
      code: 'RequestPayloadSizeLimitExceeded',
    });
    expect(fake.book.usedRangeOf('S')).toBeUndefined();
    expect(SYNC_WRITE_BYTES).toBeLessThan(FIVE_MB);
  });

  test('a read skips the sheets of skipSheetsOfNames: listed, not loaded, no extra sync for all sheets', async () => {
    const fake = new FakeExcel({ Log: log(100), Old: log(3000), Mine: [['x']] });
    await fake.book.apply([
      { kind: 'defineName', name: 'OUR_MARK', sheet: 'Old', range: { row: 0, col: 0, rows: 1, cols: 1 } },
    ]);
    const port = new OfficeWorkbook({ run: fake.run });
    const snap = await port.read({ sheets: 'all', skipSheetsOfNames: ['our_mark'] });
    expect(fake.syncs).toBe(3);
    expect(snap.sheetNames).toEqual(['Log', 'Old', 'Mine']);
    expect(Object.keys(snap.sheets).sort()).toEqual(['Log', 'Mine']);
    expect(fake.cellsPerSync.reduce((sum, s) => sum + s.read, 0)).toBe(101 * 5 + 1);
    // A list of sheets: one more sync to find the name's sheet, only when the name exists.
    const before = fake.syncs;
    const listed = await port.read({ sheets: ['Old', 'Log'], skipSheetsOfNames: ['OUR_MARK'] });
    expect(Object.keys(listed.sheets)).toEqual(['Log']);
    expect(fake.syncs - before).toBe(3);
    const none = fake.syncs;
    await port.read({ sheets: ['Log'], skipSheetsOfNames: ['NO_SUCH_NAME'] });
    expect(fake.syncs - none).toBe(2);
  });
});
