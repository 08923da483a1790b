/**
 * What `check` says about how it read the log (issue 10, point 6): which header went to which column
 * and which were ignored, with the user's corrections (`--map "HEADER=Column"`, `--date-order`)
 * applied to the workbook as read into memory. The file itself is never changed.
 */
import {
  COLUMN_BY_KEY,
  columnForHeader,
  isoFromDay,
  matchHeaders,
  normalizeName,
  parseLog,
  quote,
  type ColumnKey,
  type Program,
} from '../core';
import { columnDateOrder, DATE_ORDERS, readTextDate, type DateOrder } from '../core/text-dates';
import { findLog } from '../summary';
import { cellAddress, type WorkbookSnapshot } from '../workbook/port';

export interface ColumnReading {
  sheet: string;
  cell: string;
  header: string;
  /** The canonical column, or null when the column is ignored. */
  mappedTo: string | null;
}

export interface LogReading {
  sheets: string[];
  columns: ColumnReading[];
  skipped: { row: number; reason: string }[];
  notices: { row: number | null; message: string }[];
}

export class MappingError extends Error {}

const IGNORE = new Set(['ignore', 'ignored', 'none', '-', '']);

/** "Type of Activity=Format" → the header and the column it should be read as (undefined: ignored). */
export function parseMapping(text: string): { header: string; key: ColumnKey | undefined } {
  const eq = text.lastIndexOf('=');
  if (eq <= 0) throw new MappingError(`--map needs HEADER=Column, got ${quote(text)}`);
  const header = text.slice(0, eq).trim();
  const target = text.slice(eq + 1).trim();
  if (IGNORE.has(target.toLowerCase())) return { header, key: undefined };
  const key = columnForHeader(target);
  if (!key || normalizeName(COLUMN_BY_KEY[key].header) !== normalizeName(target)) {
    const names = Object.values(COLUMN_BY_KEY)
      .map((c) => c.header)
      .join(', ');
    throw new MappingError(`--map ${quote(text)}: ${quote(target)} is not a column; use one of ${names}, or "ignore"`);
  }
  return { header, key };
}

export function parseDateOrder(text: string | undefined): DateOrder | undefined {
  if (text === undefined) return undefined;
  const order = text.trim().toLowerCase() as DateOrder;
  if (!DATE_ORDERS.includes(order)) throw new MappingError(`bad --date-order ${quote(text)}: use mdy, dmy or ymd`);
  return order;
}

/**
 * Applies the corrections to the snapshot (in memory): a mapped header is renamed to its column's
 * canonical name, an ignored one blanked, and, with a date order, text dates of the log's Date column
 * are rewritten as yyyy-mm-dd in that order (a value with a part over 12 still settles a column).
 */
export function applyCorrections(
  snapshot: WorkbookSnapshot,
  maps: string[],
  dateOrder: DateOrder | undefined,
  sheet: string | undefined,
): void {
  const wanted = maps.map(parseMapping);
  for (const { header, key } of wanted) {
    let found = false;
    for (const name of snapshot.sheetNames) {
      const data = snapshot.sheets[name];
      if (!data) continue;
      data.values.slice(0, 30).forEach((row) =>
        row.forEach((v, c) => {
          if (typeof v === 'string' && v.trim().toLowerCase() === header.toLowerCase()) {
            row[c] = key ? COLUMN_BY_KEY[key].header : '';
            found = true;
          }
        }),
      );
    }
    if (!found) throw new MappingError(`--map: no header ${quote(header)} in the workbook`);
  }
  if (!dateOrder) return;
  const log = findLog(snapshot, sheet);
  if ('ok' in log) return;
  const data = snapshot.sheets[log.sheet]!;
  const dateCol = matchHeaders(log.cells[0] ?? []).map.date;
  if (dateCol === undefined) return;
  const col = log.range.col + dateCol - data.col;
  const rows = data.values.slice(log.range.row - data.row + 1, log.range.row - data.row + log.range.rows);
  const order = columnDateOrder(
    rows.map((r) => r[col]),
    dateOrder,
  ).order;
  for (const row of rows) {
    const v = row[col];
    if (typeof v !== 'string') continue;
    const day = readTextDate(v, order);
    if (day !== undefined) row[col] = isoFromDay(day);
  }
}

/** How the log at `sheet` was read: its columns, and the rows passed over with why. */
export function describeReading(
  snapshot: WorkbookSnapshot,
  program: Program,
  sheet: string | undefined,
): LogReading | undefined {
  const log = findLog(snapshot, sheet);
  if ('ok' in log) return undefined;
  const headers = log.cells[0] ?? [];
  const match = matchHeaders(headers, program.headerWords);
  const keyAt = new Map<number, ColumnKey>();
  for (const [key, index] of Object.entries(match.map)) keyAt.set(index!, key as ColumnKey);
  const columns: ColumnReading[] = [];
  headers.forEach((h, i) => {
    const text = h === null || h === undefined ? '' : String(h).trim();
    const key = keyAt.get(i);
    if (text === '' && !key) return;
    columns.push({
      sheet: log.sheet,
      cell: cellAddress(log.range.row, log.range.col + i),
      header: text,
      mappedTo: key ? COLUMN_BY_KEY[key].header : null,
    });
  });
  const parsed = parseLog(log.cells, program, { firstRow: log.range.row + 1 });
  return {
    sheets: [log.sheet],
    columns,
    skipped: parsed.ok ? parsed.skipped : [],
    notices: parsed.ok ? parsed.notices.map((n) => ({ row: n.row ?? null, message: n.message })) : [],
  };
}

export function readingReport(reading: LogReading): string {
  const lines = ['', 'Columns'];
  for (const c of reading.columns) {
    const header = c.header === '' ? '(blank header)' : `"${c.header}"`;
    lines.push(`         ${c.cell} ${header} → ${c.mappedTo ?? 'ignored'}`);
  }
  if (reading.skipped.length) {
    lines.push('Skipped rows');
    for (const s of reading.skipped) lines.push(`         row ${s.row}: ${s.reason}`);
  }
  if (reading.notices.length) {
    lines.push('Notes on reading');
    for (const n of reading.notices) lines.push(`         ${n.row === null ? '' : `row ${n.row}: `}${n.message}`);
  }
  lines.push(
    'Correct a column with --map "HEADER=Column" (or "HEADER=ignore"); text dates with --date-order mdy|dmy|ymd.',
  );
  return lines.join('\n') + '\n';
}
