/**
 * What `check` says about how it read the log (issue 10, point 6): which header went to which column
 * and which were ignored, with the user's corrections (`--map "HEADER=Column"`, `--date-order`)
 * applied to the workbook as read into memory. The file itself is never changed.
 */
import {
  COLUMN_BY_KEY,
  columnForHeader,
  matchHeaders,
  normalizeName,
  parseLog,
  quote,
  type ColumnKey,
  type Program,
} from '../core';
import { DATE_ORDERS, type DateOrder } from '../core/text-dates';
import { rowOrigin, type LocatedLog } from '../workbook/log-locator';
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
  /** How many data rows came from each sheet. */
  rowsBySheet: Record<string, number>;
  columns: ColumnReading[];
  /** Rows passed over; `sheet` is given when the log spans several sheets. */
  skipped: { sheet?: string; row: number; reason: string }[];
  notices: { sheet?: string; row: number | null; message: string }[];
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
 * Applies the --map corrections to the snapshot (in memory): a mapped header is renamed to its
 * column's canonical name, an ignored one blanked, on every sheet (a log kept a sheet per year has the
 * header on each). A date order is no correction of cells: it goes to the evaluation as an option.
 */
export function applyCorrections(snapshot: WorkbookSnapshot, maps: readonly string[]): void {
  const wanted = maps.map(parseMapping);
  for (const { header, key } of wanted) {
    let found = false;
    for (const name of snapshot.sheetNames) {
      const data = snapshot.sheets[name];
      if (!data) continue;
      data.values.slice(0, 30).forEach((row, r) =>
        row?.forEach((v, c) => {
          const text = v === null || v === undefined ? '' : String(v).trim();
          // A blank header is named by its cell: --map "C1=Hours".
          const cell = cellAddress(data.row + r, data.col + c);
          const named = header !== '' && text.toLowerCase() === header.toLowerCase();
          if (named || (text === '' && cell.toLowerCase() === header.toLowerCase())) {
            row[c] = key ? COLUMN_BY_KEY[key].header : '';
            found = true;
          }
        }),
      );
    }
    if (!found) throw new MappingError(`--map: no header ${quote(header)} in the workbook`);
  }
}

/** How the log was read: its sheets and columns, and the rows passed over with why. */
export function describeReading(log: LocatedLog, program: Program, dateOrder: DateOrder | undefined): LogReading {
  const columns: ColumnReading[] = [];
  for (const part of log.parts) {
    const headers = part.header;
    const match = matchHeaders(headers, program.headerWords);
    const keyAt = new Map<number, ColumnKey>();
    for (const [key, index] of Object.entries(match.map)) keyAt.set(index!, key as ColumnKey);
    headers.forEach((h, i) => {
      const text = h === null || h === undefined ? '' : String(h).trim();
      const key = keyAt.get(i);
      if (text === '' && !key) return;
      columns.push({
        sheet: part.sheet,
        cell: cellAddress(part.range.row, part.range.col + i),
        header: text,
        mappedTo: key ? COLUMN_BY_KEY[key].header : null,
      });
    });
  }
  const parsed = parseLog(log.cells, program, { firstRow: log.range.row + 1, dateOrder });
  const where = (row: number) => {
    const origin = rowOrigin(log, row);
    return log.parts.length === 1 ? { row: origin.row } : origin;
  };
  return {
    sheets: log.parts.map((p) => p.sheet),
    rowsBySheet: Object.fromEntries(log.parts.map((p) => [p.sheet, p.rows])),
    columns,
    skipped: [
      ...log.skipped.map((s) => (log.parts.length === 1 ? { row: s.row, reason: s.reason } : s)),
      ...(parsed.ok ? parsed.skipped.map((s) => ({ ...where(s.row), reason: s.reason })) : []),
    ],
    notices: parsed.ok
      ? parsed.notices.map((n) => ({ ...(n.row === undefined ? { row: null } : where(n.row)), message: n.message }))
      : [],
  };
}

export function readingReport(reading: LogReading): string {
  const several = reading.sheets.length > 1;
  const rows = (n: number) => `${n} ${n === 1 ? 'row' : 'rows'}`;
  const lines = [
    '',
    `Sheets read: ${reading.sheets.map((s) => `"${s}" (${rows(reading.rowsBySheet[s] ?? 0)})`).join(', ')}`,
    'Columns',
  ];
  for (const c of reading.columns) {
    const header = c.header === '' ? '(blank header)' : `"${c.header}"`;
    lines.push(`         ${several ? `"${c.sheet}" ` : ''}${c.cell} ${header} → ${c.mappedTo ?? 'ignored'}`);
  }
  const at = (x: { sheet?: string; row: number | null }) =>
    x.row === null ? '' : `${x.sheet === undefined ? '' : `"${x.sheet}" `}row ${x.row}: `;
  if (reading.skipped.length) {
    lines.push('Skipped rows');
    for (const s of reading.skipped) lines.push(`         ${at(s)}${s.reason}`);
  }
  if (reading.notices.length) {
    lines.push('Notes on reading');
    for (const n of reading.notices) lines.push(`         ${at(n)}${n.message}`);
  }
  lines.push(
    'Correct a column with --map "HEADER=Column" (or "HEADER=ignore", or a blank header by its cell: "C1=Hours");',
    'text dates with --date-order mdy|dmy|ymd; choose the sheets with --sheet NAME (several times for several).',
  );
  return lines.join('\n') + '\n';
}
