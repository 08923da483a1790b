/**
 * Excel on the web refuses a sync whose request or response is over about 5 MB. The Office adapter
 * keeps every sync under a cell budget (SYNC_CELL_BUDGET); these tests run it on the fake host with
 * that limit enforced, with small injected budgets and limits so they stay fast.
 */
import { OfficeWorkbook, SYNC_CELL_BUDGET } from '../../src/workbook/office';
import type { CellValue } from '../../src/workbook/port';
import { FakeExcel, PayloadSizeLimitError } from '../fakes/fake-excel';

function log(rows: number, cols = 5): CellValue[][] {
  const out: CellValue[][] = [Array.from({ length: cols }, (_, c) => (c === 0 ? 'Date' : c === 1 ? 'Hours' : `Column ${c}`))];
  for (let i = 0; i < rows; i++) out.push(Array.from({ length: cols }, (_, c) => (c === 0 ? 45800 + (i % 700) : c === 1 ? 1 + (i % 4) : `r${i}c${c}`)));
  return out;
}

function withTable(fake: FakeExcel, sheet: string, values: CellValue[][]): Promise<void> {
  return fake.book.apply([
    { kind: 'createTable', sheet, name: 'CELog', range: { row: 0, col: 0, rows: values.length, cols: values[0]!.length } },
    { kind: 'defineName', name: 'CE_PROGRAM', sheet, range: { row: 0, col: 0, rows: 1, cols: 1 } },
  ]);
}

describe('the fake host enforces a payload limit', () => {
  test('loading every chunk before one sync (the old read) is refused, as Excel on the web refuses it', async () => {
    const values = log(2000);
    const fake = new FakeExcel({ Log: values }, { payloadLimit: 1000 });
    const attempt = fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Log');
      for (let start = 0; start < values.length; start += 500) ws.getRangeByIndexes(start, 0, Math.min(500, values.length - start), 5).load('values');
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
      const fake = new FakeExcel({ Log: values, 'CE Profile': [['Program', 'NISM-SMS']] }, { payloadLimit: SYNC_CELL_BUDGET });
      await withTable(fake, 'Log', values);
      const port = new OfficeWorkbook({ run: fake.run });
      const snap = await port.read({ sheets: ['CE Profile', 'Log'], formulas: true });
      expect(snap.sheets.Log!.values).toHaveLength(rows + 1);
      syncs.push(fake.syncs);
    }
    expect(syncs).toEqual([2, 2]);
  });

  test('large writes are split into syncs within the limit, in order, every cell written', async () => {
    const values = log(3000); // 15,005 cells
    const formulas = Array.from({ length: 3000 }, (_, i) => [`=IF(B${i + 2}="","",B${i + 2}*2)`]);
    const fake = new FakeExcel({ S: [] }, { payloadLimit: 1000 });
    const port = new OfficeWorkbook({ run: fake.run, syncCellBudget: 1000 });
    await port.apply([
      { kind: 'setValues', sheet: 'S', row: 0, col: 0, values },
      { kind: 'setFormulas', sheet: 'S', row: 1, col: 5, formulas },
      { kind: 'setNumberFormat', sheet: 'S', range: { row: 1, col: 0, rows: 3000, cols: 1 }, format: 'yyyy-mm-dd' },
      { kind: 'createTable', sheet: 'S', name: 'T', range: { row: 0, col: 0, rows: 3001, cols: 5 } },
    ]);
    expect(fake.syncs).toBeGreaterThanOrEqual(Math.ceil((15_005 + 3000 + 3000) / 1000));
    expect(Math.max(...fake.cellsPerSync.map((s) => s.written))).toBeLessThanOrEqual(1000);
    const back = await new OfficeWorkbook({ run: fake.run, syncCellBudget: 1000 }).read({ sheets: ['S'], formulas: true });
    expect(back.sheets.S!.values.map((r) => r.slice(0, 5))).toEqual(values);
    expect(back.sheets.S!.formulas!.slice(1).map((r) => r[5])).toEqual(formulas.map((f) => f[0]));
    expect(fake.book.numberFormat('S', 3000, 0)).toBe('yyyy-mm-dd');
    expect(fake.book.tables()).toEqual([{ name: 'T', sheet: 'S', range: { row: 0, col: 0, rows: 3001, cols: 5 } }]);
  });
});
