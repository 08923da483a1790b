/**
 * What changed in the CE log's structure since the last good read: a column that lost its header, a
 * header row that was cleared, a table that moved or disappeared. Named once, at the top of the pane,
 * instead of as one problem per row (a lost Hours header otherwise reads as "Self-study hours is
 * missing" on every row) or as a log that silently vanishes.
 */
import { COLUMNS, matchHeaders, missingRequiredColumns, type ColumnKey, type ColumnMap } from '../core';
import type { LogLocation } from './log-sheet';
import type { CellValue, RangeRef, TableHeader } from './port';

/** The log as the last good read saw it: where it was and what each column was called. */
export interface LogShape {
  log: LogLocation;
  header: string[];
  map: ColumnMap;
}

/**
 * A change in the log's structure. `blocking`: its rows cannot be read as before, so the pane shows
 * this instead of figures that would be wrong; otherwise it is news (the log moved) and the pane goes on.
 */
export interface StructureNotice {
  kind: 'columns' | 'header-cleared' | 'gone' | 'moved' | 'switched';
  blocking: boolean;
  /** One line for the top of the pane. */
  title: string;
  /** One line per column, or what to do. */
  details: string[];
  /** The table is still a CE log as it is now: the user may choose to read it so. */
  canAccept: boolean;
}

function text(v: CellValue | undefined): string {
  return v === null || v === undefined ? '' : String(v).trim();
}

/** Excel never leaves a table header blank: a cleared one becomes "Column5". Both mean "no header". */
export function isBlankHeader(v: CellValue | undefined): boolean {
  const t = text(v);
  return t === '' || /^Column\d+$/i.test(t);
}

export function columnLetters(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function shapeOf(log: LogLocation, header: readonly CellValue[]): LogShape {
  return { log, header: header.map(text), map: matchHeaders(header).map };
}

const canonical = (key: ColumnKey) => COLUMNS.find((c) => c.key === key)?.header ?? key;

const where = (log: LogLocation) => `table ${log.table} on “${log.sheet}”`;

/**
 * The known log's table as read now (`now`, undefined when no table of that name is left) against its
 * last good shape. `other`: the log the pane would show instead when the known one is gone.
 */
export function structureChange(
  known: LogShape,
  now: { sheet: string; range: RangeRef; header: readonly CellValue[] } | undefined,
  other: LogLocation | undefined,
  sheetExists: boolean,
): StructureNotice | undefined {
  if (!now) {
    if (other)
      return {
        kind: 'switched',
        blocking: false,
        title: `Your CE log (${where(known.log)}) is no longer in the workbook; the pane now shows ${where(other)}.`,
        details: [],
        canAccept: false,
      };
    return {
      kind: 'gone',
      blocking: true,
      title: `Your CE log (${where(known.log)}) is no longer in the workbook.`,
      details: [
        sheetExists
          ? `The sheet “${known.log.sheet}” is still there but holds no table ${known.log.table}: Undo in Excel brings it back, or use the sheet again below.`
          : `The sheet “${known.log.sheet}” was deleted or renamed: Undo in Excel brings it back, or choose a sheet below.`,
      ],
      canAccept: false,
    };
  }
  const { range, header } = now;
  const row = range.row + 1;
  if (header.every((h) => isBlankHeader(h))) {
    const span = `${columnLetters(range.col)}${row}:${columnLetters(range.col + range.cols - 1)}${row}`;
    return {
      kind: 'header-cleared',
      blocking: true,
      title: `The header row of your CE log (${span} on “${now.sheet}”) was cleared: CE Ledger cannot tell its columns apart.`,
      details: [`Undo in Excel, or type the headers back into ${span} (they were ${listed(known.header)}).`],
      canAccept: false,
    };
  }
  const map = matchHeaders(header).map;
  const lost = (Object.keys(known.map) as ColumnKey[]).filter((k) => map[k] === undefined);
  if (lost.length > 0) {
    const found = lost.map((key) => lostColumn(known, key, now));
    const stillALog = map.date !== undefined && (map.hours ?? map.selfStudyHours ?? map.credits) !== undefined;
    return {
      kind: 'columns',
      blocking: true,
      title:
        found.length === 1
          ? `${found[0]!.what}.`
          : `${found.length} columns of your CE log lost their headers, so its rows cannot be read as before.`,
      details: found.length === 1 ? [capital(found[0]!.fix)] : found.map((f) => `${f.what}: ${f.fix}`),
      canAccept: stillALog,
    };
  }
  // Rows inserted above the table move it too, but that is no news: only another sheet is.
  if (now.sheet !== known.log.sheet) {
    const at = `${columnLetters(range.col)}${row}`;
    return {
      kind: 'moved',
      blocking: false,
      title: `Your CE log moved: table ${known.log.table} now starts at ${at} on “${now.sheet}” (it was at ${columnLetters(known.log.range.col)}${known.log.range.row + 1} on “${known.log.sheet}”). The pane follows it.`,
      details: [],
      canAccept: false,
    };
  }
  return undefined;
}

function listed(headers: readonly string[]): string {
  const named = headers.filter((h) => h !== '');
  if (named.length <= 4) return named.map((h) => `“${h}”`).join(', ');
  return `${named
    .slice(0, 3)
    .map((h) => `“${h}”`)
    .join(', ')} and ${named.length - 3} more`;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "The Hours column (E) has no header any more" and how to mend it, for a column the known log had and the table lost. */
function lostColumn(
  known: LogShape,
  key: ColumnKey,
  now: { sheet: string; range: RangeRef; header: readonly CellValue[] },
): { what: string; fix: string } {
  const name = canonical(key);
  const index = known.map[key]!;
  const oldHeader = known.header[index] ?? name;
  const col = known.log.range.col + index;
  const letter = columnLetters(col);
  const cell = `${letter}${now.range.row + 1}`;
  const inTable = col >= now.range.col && col < now.range.col + now.range.cols;
  const current = inTable ? now.header[col - now.range.col] : undefined;
  const back = `type “${oldHeader}” back into ${cell} (or Undo in Excel)`;
  if (inTable && isBlankHeader(current))
    return {
      what: `The ${name} column (${letter}) has no header any more`,
      fix: `${back}, and the pane reads the log again.`,
    };
  const other = inTable ? (Object.keys(matchHeaders([current]).map) as ColumnKey[])[0] : undefined;
  if (inTable && other === undefined)
    return {
      what: `The ${name} column (${letter}) is now headed “${text(current)}”, which CE Ledger does not read as ${name}`,
      fix: `${back}.`,
    };
  return {
    what: `The ${name} column (it was ${letter}) is gone from the log`,
    fix: `Undo in Excel brings it back, or add a column headed “${oldHeader}”.`,
  };
}

/**
 * With no log found and none known (the pane just opened): a table CE Ledger named (CELog…) whose
 * header row no longer makes it a CE log, said as such rather than a pane that only offers a new log.
 */
export function unreadableLog(tables: readonly TableHeader[]): StructureNotice | undefined {
  const table = tables.find((t) => /^CELog/i.test(t.name) && missingRequiredColumns(matchHeaders(t.header).map).length);
  if (!table) return undefined;
  const { row, col, cols } = table.range;
  const span = `${columnLetters(col)}${row + 1}:${columnLetters(col + cols - 1)}${row + 1}`;
  const where = `table ${table.name} on “${table.sheet}”`;
  if (table.header.every((h) => isBlankHeader(h)))
    return {
      kind: 'header-cleared',
      blocking: true,
      title: `The header row of ${where} (${span}) is empty, so it cannot be read as your CE log.`,
      details: [`Undo in Excel, or type the headers back into ${span} (Date and Hours at least).`],
      canAccept: false,
    };
  const missing = missingRequiredColumns(matchHeaders(table.header).map);
  return {
    kind: 'columns',
    blocking: true,
    title: `The ${where} has no ${missing.join(' and no ')} column in its header row (${span}), so it cannot be read as your CE log.`,
    details: [`Name those columns in ${span} (Undo in Excel, if a header was just changed).`],
    canAccept: false,
  };
}
