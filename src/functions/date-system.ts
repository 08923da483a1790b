/**
 * The workbook's date system, for the cell functions. Excel passes a date cell to a function as the
 * workbook's own serial, 1462 days lower in a workbook of the 1904 date system (File › Options ›
 * Advanced › "Use 1904 date system"), and shows a returned serial the same way. The functions learn the
 * system once, where they run with the Excel API (the shared runtime): DATE(1904,1,1) is 0 in a 1904
 * workbook. Cells calculated before the answer came used the 1900 system: in a 1904 workbook Excel is
 * then asked for one full recalculation.
 */
import { matchHeaders, type ColumnWords } from '../core/columns';
import { DAYS_1900_TO_1904 } from '../core/dates';
import { findFact } from '../core/facts';
import type { Program } from '../core/schema';
import { queueEpoch } from '../workbook/excel-epoch';

/** Days a date cell's serial is below the 1900 system's: 1462 in a 1904 workbook, else 0. */
let offset = 0;

export function workbookDayOffset(): number {
  return offset;
}

/** Sets the system the functions read and write serials in (the pane or a test may know it first). */
export function useDate1904(date1904: boolean): void {
  offset = date1904 ? DAYS_1900_TO_1904 : 0;
}

/** `Excel.run`, or a stand-in with its shape. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/**
 * Asks Excel for the workbook's date system and uses it; in a 1904 workbook, recalculates every formula
 * so that cells calculated before read their dates again. Answers whether the workbook is 1904; a host
 * without the worksheet functions (or refusing) leaves the 1900 system.
 */
export async function learnDateSystem(run: ExcelRun): Promise<boolean> {
  try {
    return await run(async (context) => {
      const epoch = queueEpoch(context.workbook);
      if (!epoch) return false;
      await context.sync();
      const date1904 = epoch.value === 0;
      useDate1904(date1904);
      if (date1904) {
        context.workbook.application.calculate('Full' as Excel.CalculationType);
        await context.sync();
      }
      return date1904;
    });
  } catch {
    return offset !== 0;
  }
}

/** A date argument's serial as the 1900 system counts it. */
export function serialIn1900(serial: number): number {
  return offset === 0 ? serial : serial + offset;
}

/** A serial to return, as the workbook counts it. */
export function serialOfWorkbook(serial: number): number {
  return offset === 0 ? serial : serial - offset;
}

/**
 * The log range with its Date column's numbers as 1900 serials (a copy; the range itself when the
 * workbook is 1900 or the header names no Date column).
 */
export function logIn1900(cells: unknown[][], words?: ColumnWords): unknown[][] {
  if (offset === 0 || cells.length < 2) return cells;
  const header = (cells[0] ?? []).map((h) => (typeof h === 'string' ? h : String(h ?? '')));
  const date = matchHeaders(header, words).map.date;
  if (date === undefined) return cells;
  return cells.map((row, r) => {
    const v = row[date];
    if (r === 0 || typeof v !== 'number') return row;
    const copy = row.slice();
    copy[date] = v + offset;
    return copy;
  });
}

/** A profile range (names and values) with the values of date facts as 1900 serials (a copy, or itself). */
export function profileIn1900(pairs: unknown[][], program: Program): unknown[][] {
  if (offset === 0) return pairs;
  return pairs.map((row) => {
    const v = row[1];
    if (typeof v !== 'number' || findFact(program, String(row[0] ?? ''))?.type !== 'date') return row;
    const copy = row.slice();
    copy[1] = v + offset;
    return copy;
  });
}
