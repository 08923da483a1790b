/**
 * Workbooks in the 1904 date system (File › Options › Advanced › "Use 1904 date system", the default of
 * Excel for Mac before 2011) keep their date cells as serials 1462 days below the 1900 system's.
 *
 * The port speaks the 1900 system only: an adapter that hands over the workbook's own serials (Excel)
 * turns a 1904 workbook's date cells into 1900 serials as it reads them, and its date writes back as it
 * writes them; a file reader gets dates from its library and does the same on write. A date cell is a
 * number under a date format: that is all the workbook itself says of a date, and what Excel shows.
 */
import { DAYS_1900_TO_1904 } from '../core/dates';
import type { CellValue, RangeRef, WorkbookOp } from './port';

export { DAYS_1900_TO_1904 };

const dateFormats = new Map<string, boolean>();

/**
 * Whether a number format shows a date: its codes (outside quoted text, escapes and [..] sections)
 * hold a day or a year, or a month with no hour or second beside it. "h:mm", "[h]:mm" (elapsed time),
 * "0.00", "General" and "#,##0 "CECs"" are not dates.
 */
export function isDateFormat(format: string): boolean {
  let known = dateFormats.get(format);
  if (known === undefined) {
    // A number format has up to four sections; the first is the one a positive date uses.
    const first = format.replace(/"[^"]*"|\\.|_.|\*./g, '').split(';')[0] ?? '';
    const code = first.replace(/\[[^\]]*\]/g, '');
    known = /[dy]/i.test(code) || (/m/i.test(code) && !/[hs]/i.test(first));
    if (dateFormats.size < 1000) dateFormats.set(format, known);
  }
  return known;
}

/** A 1904 workbook's date cell value as a 1900 serial (reading), or back (writing with `sign` -1). */
function shifted(value: CellValue, sign: 1 | -1): CellValue {
  return typeof value === 'number' && Number.isFinite(value) ? value + sign * DAYS_1900_TO_1904 : value;
}

/**
 * Read side: `values` as 1900 serials, where `formats` (the same cells' number formats) say a cell is a
 * date. Rows are changed in place and returned.
 */
export function readAs1900(values: CellValue[][], formats: readonly (readonly string[])[]): CellValue[][] {
  for (let r = 0; r < values.length; r++) {
    const row = values[r]!;
    const f = formats[r];
    if (!f) continue;
    for (let c = 0; c < row.length; c++) {
      const format = f[c];
      if (typeof row[c] === 'number' && format !== undefined && isDateFormat(format)) row[c] = shifted(row[c]!, 1);
    }
  }
  return values;
}

/**
 * Write side: `ops` for a 1904 workbook. The port's date cells are the numbers that a date format of the
 * same batch covers (every date the add-in writes comes with its format); those become the workbook's
 * own serials. Everything else is left as it was; with no such number in the batch, `ops` itself.
 */
export function writeAs1904(ops: readonly WorkbookOp[]): readonly WorkbookOp[] {
  const single = new Map<string, Set<number>>();
  const areas = new Map<string, RangeRef[]>();
  for (const op of ops) {
    if (op.kind !== 'setNumberFormat' || !isDateFormat(op.format)) continue;
    const sheet = op.sheet.toLowerCase();
    const { row, col, rows, cols } = op.range;
    if (rows * cols === 1) {
      const cells = single.get(sheet) ?? new Set<number>();
      cells.add(row * 16_384 + col);
      single.set(sheet, cells);
    } else areas.set(sheet, [...(areas.get(sheet) ?? []), op.range]);
  }
  if (single.size === 0 && areas.size === 0) return ops;
  const isDate = (sheet: string, row: number, col: number) =>
    single.get(sheet)?.has(row * 16_384 + col) === true ||
    (areas.get(sheet) ?? []).some((a) => row >= a.row && row < a.row + a.rows && col >= a.col && col < a.col + a.cols);
  const grid = (sheet: string, row: number, col: number, values: CellValue[][]) => {
    let changed = false;
    const out = values.map((line, r) =>
      line.map((v, c) => {
        if (typeof v !== 'number' || !isDate(sheet, row + r, col + c)) return v;
        changed = true;
        return shifted(v, -1);
      }),
    );
    return changed ? out : values;
  };
  let any = false;
  const out = ops.map((op) => {
    if (op.kind === 'setValues') {
      const values = grid(op.sheet.toLowerCase(), op.row, op.col, op.values);
      if (values === op.values) return op;
      any = true;
      return { ...op, values };
    }
    if (op.kind === 'setFormulas' && op.results) {
      const results = grid(op.sheet.toLowerCase(), op.row, op.col, op.results);
      if (results === op.results) return op;
      any = true;
      return { ...op, results };
    }
    return op;
  });
  return any ? out : ops;
}
