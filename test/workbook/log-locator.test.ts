/**
 * The one log locator (workbook/log-locator.ts): the pane's session, the summary and the command line
 * find the same log; sheets per year are one log; a dashboard, a copy of the log and a table's totals
 * row are not part of it.
 */
import fc from 'fast-check';
import { dayFromIso, isoFromDay } from '../../src/core';
import { evaluateWorkbook, findLog as summaryFindLog } from '../../src/summary';
import { findLog as paneFindLog } from '../../src/workbook/log-sheet';
import { locateLog, rowOrigin } from '../../src/workbook/log-locator';
import { MemoryWorkbook } from '../../src/workbook/memory';
import type { CellValue, SheetData, WorkbookSnapshot } from '../../src/workbook/port';

const cycleStart = dayFromIso('2024-01-01')!;
const asOf = dayFromIso('2025-12-31')!;
const header = ['Date', 'Activity', 'Hours'];

function ok<T extends object>(r: T): Exclude<T, { ok: false }> {
  if ('ok' in r && r.ok === false) throw new Error(String((r as { message?: string }).message));
  return r as Exclude<T, { ok: false }>;
}

test('the pane and the summary find the same log: the CELog table, not a plain range with more columns', async () => {
  const wb = new MemoryWorkbook({
    Old: [
      ['Date', 'Activity', 'Hours', 'Provider', 'Notes'],
      ['2024-01-01', 'A', 1, 'X', ''],
    ],
    Log: [header, ['2024-02-01', 'B', 2]],
  });
  await wb.apply([{ kind: 'createTable', sheet: 'Log', range: { row: 0, col: 0, rows: 2, cols: 3 }, name: 'CELog' }]);
  const snap = await wb.read({ sheets: 'all' });
  expect(paneFindLog(snap)?.table).toBe('CELog');
  const log = ok(summaryFindLog(snap));
  expect(log.table).toBe('CELog');
  expect(log.parts.map((p) => p.sheet)).toEqual(['Log']);
});

test('a copy of the log kept on another sheet is not read again with it', async () => {
  const rows = [header, ['2024-02-01', 'B', 2], ['2024-03-01', 'C', 1]];
  const snap = await new MemoryWorkbook({ Log: rows, 'Log (backup)': rows.map((r) => [...r]) }).read({ sheets: 'all' });
  const log = ok(locateLog(snap));
  expect(log.parts.map((p) => p.sheet)).toEqual(['Log']);
  const ev = evaluateWorkbook(snap, { program: 'NAMSS-CPCS', cycleStart, asOf });
  expect(ev.ok && ev.evaluation.earned).toBe(3);
});

test('a sheet of totals whose amounts are formulas over the log is not the log, even with real dates', async () => {
  const wb = new MemoryWorkbook({
    Summary: [['Date', 'Activity', 'Hours']],
    Entries: [header, ['2024-02-01', 'B', 2], ['2024-03-01', 'C', 1]],
  });
  await wb.apply([
    { kind: 'setValues', sheet: 'Summary', row: 1, col: 0, values: [['2024-03-31', 'Q1']] },
    { kind: 'setFormulas', sheet: 'Summary', row: 1, col: 2, formulas: [['=SUM(Entries!C2:C3)']], results: [[3]] },
  ]);
  const snap = await wb.read({ sheets: 'all', formulas: true });
  expect(ok(locateLog(snap)).sheet).toBe('Entries');
});

test("a table's totals row is left out of the log and named as skipped", () => {
  const sheet: SheetData = {
    name: 'Log',
    row: 0,
    col: 0,
    values: [header, ['2024-02-01', 'B', 2], ['2024-03-01', 'C', 1], ['', '', 3]] as CellValue[][],
    tables: [{ name: 'Table1', range: { row: 0, col: 0, rows: 4, cols: 3 }, totalsRow: true }],
  };
  const snap: WorkbookSnapshot = { sheetNames: ['Log'], sheets: { Log: sheet }, names: [] };
  const log = ok(locateLog(snap));
  expect(log.cells).toHaveLength(3);
  expect(log.skipped).toEqual([
    { sheet: 'Log', row: 4, reason: 'the totals row of the table Table1: not an activity' },
  ]);
  const ev = evaluateWorkbook(snap, { program: 'NAMSS-CPCS', cycleStart, asOf });
  expect(ev.ok && [ev.evaluation.earned, ev.evaluation.problems.length]).toEqual([3, 0]);
});

test('rows of later sheets are told by their own sheet and row', async () => {
  const snap = await new MemoryWorkbook({
    '2024': [header, ['2024-02-01', 'A', 1], ['2024-03-01', 'B', 1]],
    '2025': [['My 2025 log'], [], header, ['2025-02-01', 'C', 'lots']],
  }).read({ sheets: 'all' });
  const log = ok(locateLog(snap));
  expect(log.parts.map((p) => [p.sheet, p.rows])).toEqual([
    ['2024', 2],
    ['2025', 1],
  ]);
  const ev = evaluateWorkbook(snap, { program: 'NAMSS-CPCS', cycleStart, asOf });
  if (!ev.ok) throw new Error(ev.message);
  const problem = ev.evaluation.problems[0]!;
  expect(rowOrigin(log, problem.row)).toEqual({ sheet: '2025', row: 4 });
});

test('property: a log split over sheets per year, each entry as hours or as credits awarded, gives the one-sheet totals', () => {
  const entry = fc.record({
    day: fc.integer({ min: 0, max: 700 }),
    quarters: fc.integer({ min: 0, max: 24 }),
    asCredits: fc.boolean(),
    withUnit: fc.boolean(),
  });
  fc.assert(
    fc.property(fc.array(entry, { minLength: 1, maxLength: 14 }), (entries) => {
      const one: CellValue[][] = [['Date', 'Activity', 'Hours', 'Credits']];
      const byYear = new Map<string, CellValue[][]>();
      entries.forEach((e, i) => {
        const date = isoFromDay(cycleStart + e.day);
        const amount = e.quarters / 4;
        one.push([date, `A${i}`, amount, '']);
        const written = e.withUnit ? `${amount} ${e.asCredits ? 'credits' : 'hrs'}` : amount;
        const year = date.slice(0, 4);
        if (!byYear.has(year)) byYear.set(year, [['Date', 'Activity', 'Hours', 'Credits']]);
        byYear.get(year)!.push(e.asCredits ? [date, `A${i}`, '', written] : [date, `A${i}`, written, '']);
      });
      const earned = (sheets: Record<string, CellValue[][]>) => {
        const names = Object.keys(sheets);
        const snap: WorkbookSnapshot = {
          sheetNames: names,
          sheets: Object.fromEntries(
            names.map((n) => [n, { name: n, row: 0, col: 0, values: sheets[n]!, tables: [] }]),
          ),
          names: [],
        };
        const r = evaluateWorkbook(snap, { program: 'NAMSS-CPCS', cycleStart, asOf });
        if (!r.ok) throw new Error(r.message);
        return [r.evaluation.earned, r.log.parts.length];
      };
      const [total] = earned({ Log: one });
      expect(earned(Object.fromEntries(byYear))).toEqual([total, byYear.size]);
    }),
    { numRuns: 80 },
  );
});
