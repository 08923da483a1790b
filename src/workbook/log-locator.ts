/**
 * The one log locator (architecture: "One ledger layer"): which cells of a workbook are the CE log.
 * The pane's session, the summary and the command line all ask it; nothing else decides.
 *
 * A log is a table whose header row names Date and an amount column, or, on a sheet without such a
 * table, the header row found in the sheet's first rows. Among the candidates: the table the user just
 * chose, then a table named CELog…, then the most recognised columns, then a table over a plain range,
 * then the active sheet, then tab order. A sheet of totals (a dashboard: month names or cross-sheet
 * formulas where dates belong, few rows) is never taken on its own. Sheets that carry the same log
 * header (a sheet per year) are read together as one log, in tab order, each named with its row count.
 */
import { matchHeaders, missingRequiredColumns, findHeaderRow, normalizeName, type ColumnKey } from '../core';
import { cellAddress, type CellValue, type RangeRef, type SheetData, type WorkbookSnapshot } from './port';

/** The profile sheet (kept in step with profile-sheet.ts, which imports the port only). */
const PROFILE_SHEET = 'CE Profile';
/** The workbook-scoped defined name that marks the summary sheet CE Ledger made. */
export const SUMMARY_MARKER = 'CE_LEDGER_SUMMARY';
/** The workbook-scoped defined name that marks the entries sheet of the summary CE Ledger made. */
export const ENTRIES_MARKER = 'CE_LEDGER_ENTRIES';
/** The hidden sheet where the xlsx adapter keeps long validation lists (kept in step with xlsx.ts; not imported, so the pane bundle stays free of exceljs). */
export const LISTS_SHEET = 'CE Lists';
/** A log's rectangle past this many cells is refused: a stray value far from the log would make it billions. */
export const MAX_LOG_CELLS = 10_000_000;

/** The sheet a marker name points at, when that sheet still exists. */
export function markedSheet(snapshot: WorkbookSnapshot, markerName: string): string | undefined {
  const marker = snapshot.names.find((n) => n.name.toUpperCase() === markerName);
  if (!marker) return undefined;
  return snapshot.sheetNames.find((s) => s.toLowerCase() === marker.sheet.toLowerCase());
}

/** The sheet the add-in's summary marker points at, when that sheet still exists. */
export function markedSummarySheet(snapshot: WorkbookSnapshot): string | undefined {
  return markedSheet(snapshot, SUMMARY_MARKER);
}

/** How much a header row looks like a CE log: its recognised columns, or -1 when a required one is missing. */
export function headerScore(row: readonly unknown[]): number {
  const { map } = matchHeaders(row);
  return missingRequiredColumns(map).length ? -1 : Object.keys(map).length;
}

/** The sheets that are never the log: the profile, the lists, the summary CE Ledger made. */
export function notLogSheets(snapshot: WorkbookSnapshot): Set<string> {
  return new Set(
    [PROFILE_SHEET, LISTS_SHEET, markedSummarySheet(snapshot) ?? '', markedSheet(snapshot, ENTRIES_MARKER) ?? ''].map(
      (s) => s.toLowerCase(),
    ),
  );
}

/** One sheet's share of the log. */
export interface LogPart {
  sheet: string;
  /** The rectangle in sheet coordinates, header row first (a table's totals row left out). */
  range: RangeRef;
  table: string | undefined;
  /** Its header row as the sheet has it. */
  header: CellValue[];
  /** Data rows that hold anything. */
  rows: number;
  /** For each column of the log (the first part's header), its index in this part's range, or -1. */
  columns: number[];
}

export interface LocatedLog {
  /** The first part's sheet, range and table (the only ones for a log on one sheet). */
  sheet: string;
  range: RangeRef;
  table: string | undefined;
  /** Every sheet read, in tab order. */
  parts: LogPart[];
  /**
   * The log's cells: the first part's header row, then every part's data rows in its columns (a later
   * part's columns are matched by the column they map to). Merged areas give their value to each row.
   */
  cells: CellValue[][];
  /** Rows left out before the rules read the log (a table's totals row), each with why. */
  skipped: { sheet: string; row: number; reason: string }[];
}

export type LocateFailure = { ok: false; reason: 'no-log' | 'no-sheet' | 'bad-log'; message: string };

export interface LocateOptions {
  /** The sheets the user named (--sheet): exactly these, in the order given. */
  sheets?: readonly string[];
  /** The table the user just chose (converted or created) wins. */
  preferredTable?: string;
  /** Only tables count (the pane reads and writes a log through its table). */
  tablesOnly?: boolean;
  /** Take the best sheet alone, not the others with the same header. */
  single?: boolean;
  /** The log on this sheet (the one the user chose), with the others that carry its header. */
  around?: string;
}

interface Candidate {
  sheet: SheetData;
  range: RangeRef;
  table: string | undefined;
  score: number;
  keys: { mapped: Set<string>; used: Set<string> };
  tableTotals: boolean;
}

function rectangle(sheet: SheetData, range: RangeRef): CellValue[][] {
  const cells: CellValue[][] = [];
  for (let r = range.row; r < range.row + range.rows; r++) {
    const source = sheet.values[r - sheet.row] ?? [];
    const row: CellValue[] = [];
    for (let c = range.col; c < range.col + range.cols; c++) {
      const v = source[c - sheet.col];
      row.push(v === undefined || v === null ? '' : v);
    }
    cells.push(row);
  }
  return cells;
}

const blank = (v: unknown) => v === '' || v === null || v === undefined;

/**
 * Calls `each` with every data row of `range` that holds something (its cells in the range's columns,
 * 0-based from the range's left), without building the rectangle: a sheet kept sparse (a stray value
 * far away) costs its cells, not its area. Stops when `each` returns false.
 */
function eachDataRow(sheet: SheetData, range: RangeRef, each: (row: CellValue[]) => boolean | void): void {
  const from = range.row + 1 - sheet.row;
  const to = range.row + range.rows - sheet.row;
  const left = range.col - sheet.col;
  let stop = false;
  sheet.values.forEach((source, i) => {
    if (stop || i < from || i >= to || !source) return;
    const row: CellValue[] = [];
    let any = false;
    for (let c = 0; c < range.cols; c++) {
      const v = source[left + c];
      row.push(v === undefined || v === null ? '' : v);
      if (!blank(v)) any = true;
    }
    if (any && each(row) === false) stop = true;
  });
}

/** The columns a log's header maps, and those of them whose cells hold something below it. */
function keysOf(sheet: SheetData, range: RangeRef): { mapped: Set<string>; used: Set<string> } {
  const { map } = matchHeaders(rectangle(sheet, { ...range, rows: 1 })[0] ?? []);
  const used = new Set<string>();
  eachDataRow(sheet, range, (row) => {
    for (const [k, i] of Object.entries(map)) if (!blank(row[i!])) used.add(k);
  });
  return { mapped: new Set(Object.keys(map)), used };
}

/**
 * Two sheets carry the same log header when their headers map the same columns, but for columns
 * blank all the way down (those the conversion added to a converted year are not yet in the others).
 */
function sameHeader(a: Candidate, b: Candidate): boolean {
  for (const k of a.keys.mapped) if (!b.keys.mapped.has(k) && a.keys.used.has(k)) return false;
  for (const k of b.keys.mapped) if (!a.keys.mapped.has(k) && b.keys.used.has(k)) return false;
  return true;
}

/** The candidate logs on one sheet: its log tables, else the header row of its cells. */
function candidatesOn(sheet: SheetData, tablesOnly: boolean): Candidate[] {
  const out: Candidate[] = [];
  for (const table of sheet.tables) {
    const header = rectangle(sheet, { ...table.range, rows: 1 })[0] ?? [];
    const score = headerScore(header);
    if (score < 0) continue;
    const totals = table.totalsRow === true && table.range.rows > 1;
    out.push({
      sheet,
      range: totals ? { ...table.range, rows: table.range.rows - 1 } : table.range,
      table: table.name,
      score,
      keys: { mapped: new Set(), used: new Set() },
      tableTotals: totals,
    });
  }
  for (const c of out) c.keys = keysOf(sheet, c.range);
  if (out.length || tablesOnly) return out;
  const header = findHeaderRow(sheet.values);
  if (header === undefined) return out;
  const width = sheet.values.reduce((w, row) => Math.max(w, row?.length ?? 0), 0);
  const range: RangeRef = { row: sheet.row + header, col: sheet.col, rows: sheet.values.length - header, cols: width };
  const row = sheet.values[header]!;
  return [{ sheet, range, table: undefined, score: headerScore(row), keys: keysOf(sheet, range), tableTotals: false }];
}

const MONTH = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(\s+('\d{2}|\d{4}))?$/i;
const PERIOD = /^(q[1-4]\b|quarter|total|ytd|year|sum|average|avg)/i;

/**
 * A sheet of totals (a dashboard) rather than a log: few rows, and where a log has dates it has month
 * names, quarters or years, or its amounts are formulas over another sheet. Such a sheet looks like a
 * log by its headers, but its rows are sums of the log's.
 */
export function isTotalsSheet(sheet: SheetData, range: RangeRef): boolean {
  const { map } = matchHeaders(rectangle(sheet, { ...range, rows: 1 })[0] ?? []);
  const rows: CellValue[][] = [];
  eachDataRow(sheet, range, (row) => rows.push(row) <= 40);
  if (rows.length === 0 || rows.length > 40) return false;
  const dateCol = map.date;
  let periods = 0;
  let dated = 0;
  for (const r of rows) {
    const v = dateCol === undefined ? '' : r[dateCol];
    if (v === '' || v === null || v === undefined) continue;
    dated++;
    if (typeof v === 'string' && (MONTH.test(v.trim()) || PERIOD.test(v.trim()))) periods++;
    else if (typeof v === 'number' && Number.isInteger(v) && v >= 1900 && v <= 2100) periods++;
  }
  if (dated > 0 && periods * 2 >= dated) return true;
  const amount = map.hours ?? map.credits ?? map.selfStudyHours;
  if (amount === undefined || !sheet.formulas) return false;
  let crossSheet = 0;
  for (let r = range.row + 1; r < range.row + range.rows; r++) {
    const f = sheet.formulas[r - sheet.row]?.[range.col + amount - sheet.col];
    if (typeof f === 'string' && f.startsWith('=') && f.includes('!')) crossSheet++;
  }
  return crossSheet * 2 >= rows.length;
}

/**
 * Merged areas over several rows of the log give their value (their top-left cell's) to each row they
 * cover, in the area's first column: "12 Mar 2025" merged over three sessions dates all three.
 */
function fillMerged(sheet: SheetData, range: RangeRef, cells: CellValue[][]): void {
  for (const m of sheet.merged ?? []) {
    if (m.rows < 2) continue;
    const col = m.col - range.col;
    if (col < 0 || col >= range.cols) continue;
    const top = m.row - range.row;
    if (top < 1 || top >= cells.length) continue; // a merge over the header is no value of the rows
    const value = cells[top]![col];
    for (let r = top + 1; r < Math.min(cells.length, top + m.rows); r++) {
      const row = cells[r]!;
      if (row[col] === '' || row[col] === null) row[col] = value ?? '';
    }
  }
}

function filledRows(cells: CellValue[][]): number {
  let n = 0;
  for (let r = 1; r < cells.length; r++) if (cells[r]!.some((v) => v !== '' && v !== null && v !== undefined)) n++;
  return n;
}

function tooLarge(sheet: string, range: RangeRef): LocateFailure | undefined {
  if (range.rows * range.cols <= MAX_LOG_CELLS) return undefined;
  const where = `${cellAddress(range.row, range.col)}:${cellAddress(range.row + range.rows - 1, range.col + range.cols - 1)}`;
  return {
    ok: false,
    reason: 'bad-log',
    message: `sheet "${sheet}": the log's range ${where} is ${(range.rows * range.cols).toLocaleString('en-US')} cells, over the bound of ${MAX_LOG_CELLS.toLocaleString('en-US')}: delete the stray cells below or to the right of the log`,
  };
}

/** The parts read as one log: the first part's header, each part's rows in its columns. */
function assemble(chosen: Candidate[]): LocatedLog | LocateFailure {
  const parts: LogPart[] = [];
  const skipped: LocatedLog['skipped'] = [];
  let cells: CellValue[][] = [];
  let header: CellValue[] = [];
  let headerKeys: (ColumnKey | undefined)[] = [];
  for (const c of chosen) {
    const failure = tooLarge(c.sheet.name, c.range);
    if (failure) return failure;
    const own = rectangle(c.sheet, c.range);
    fillMerged(c.sheet, c.range, own);
    if (c.tableTotals) {
      skipped.push({
        sheet: c.sheet.name,
        row: c.range.row + c.range.rows + 1,
        reason: `the totals row of the table ${c.table}: not an activity`,
      });
    }
    parts.push({
      sheet: c.sheet.name,
      range: c.range,
      table: c.table,
      header: [...(own[0] ?? [])],
      rows: filledRows(own),
      columns: (cells.length === 0 ? (own[0] ?? []) : header).map((_, i) => i),
    });
    if (cells.length === 0) {
      cells = own;
      header = own[0] ?? [];
      const byIndex = new Map<number, ColumnKey>();
      for (const [k, i] of Object.entries(matchHeaders(header).map)) byIndex.set(i!, k as ColumnKey);
      headerKeys = header.map((_, i) => byIndex.get(i));
      continue;
    }
    // A later sheet's columns, by the column each maps to (or, for ignored ones, by the same header).
    const theirs = own[0] ?? [];
    const theirMap = matchHeaders(theirs).map;
    const source = header.map((h, i) => {
      const key = headerKeys[i];
      if (key !== undefined) return theirMap[key] ?? -1;
      const name = normalizeName(String(h ?? ''));
      return name === '' ? -1 : theirs.findIndex((t) => normalizeName(String(t ?? '')) === name);
    });
    parts[parts.length - 1]!.columns = source;
    for (let r = 1; r < own.length; r++) cells.push(source.map((s) => (s < 0 ? '' : (own[r]![s] ?? ''))));
  }
  const first = chosen[0]!;
  return { sheet: first.sheet.name, range: first.range, table: first.table, parts, cells, skipped };
}

/** Each data row as its date, amount and activity (what makes a row the same activity). */
function signatures(c: Candidate): Set<string> {
  const { map } = matchHeaders(rectangle(c.sheet, { ...c.range, rows: 1 })[0] ?? []);
  const cols = [map.date, map.hours ?? map.credits ?? map.selfStudyHours, map.activity];
  const out = new Set<string>();
  eachDataRow(c.sheet, c.range, (row) => {
    out.add(JSON.stringify(cols.map((i) => (i === undefined ? '' : row[i]))));
  });
  return out;
}

function sheetOrder(snapshot: WorkbookSnapshot): (name: string) => number {
  const order = new Map(snapshot.sheetNames.map((s, i) => [s.toLowerCase(), i]));
  return (name) => order.get(name.toLowerCase()) ?? snapshot.sheetNames.length;
}

/**
 * Finds the log. With `sheets`, on exactly those sheets (each must hold one); else the best candidate
 * and, unless `single`, the other sheets whose log has the same columns.
 */
export function locateLog(snapshot: WorkbookSnapshot, options: LocateOptions = {}): LocatedLog | LocateFailure {
  const tablesOnly = options.tablesOnly === true;
  if (options.sheets && options.sheets.length) {
    const chosen: Candidate[] = [];
    for (const wanted of options.sheets) {
      const name = snapshot.sheetNames.find((s) => s.toLowerCase() === wanted.toLowerCase());
      const sheet = name ? snapshot.sheets[name] : undefined;
      if (!sheet && name !== undefined && notLogSheets(snapshot).has(name.toLowerCase()) && name !== PROFILE_SHEET) {
        return {
          ok: false,
          reason: 'no-log',
          message: `sheet "${name}" is the summary CE Ledger made; it holds no CE log`,
        };
      }
      if (!sheet)
        return {
          ok: false,
          reason: 'no-sheet',
          message: `no sheet named "${wanted}" (sheets: ${snapshot.sheetNames.join(', ')})`,
        };
      const best = candidatesOn(sheet, tablesOnly).sort((a, b) => b.score - a.score)[0];
      if (!best)
        return {
          ok: false,
          reason: 'no-log',
          message: `sheet "${sheet.name}" has no CE log: no header row with Date and Hours (or Self-study hours) columns`,
        };
      if (!chosen.some((c) => c.sheet.name === sheet.name)) chosen.push(best);
    }
    return assemble(chosen);
  }
  const never = notLogSheets(snapshot);
  const order = sheetOrder(snapshot);
  const preferred = options.preferredTable?.toLowerCase();
  const all: Candidate[] = [];
  for (const sheet of Object.values(snapshot.sheets)) {
    if (never.has(sheet.name.toLowerCase())) continue;
    for (const c of candidatesOn(sheet, tablesOnly)) {
      // The log CE Ledger made or the user just chose is the log, whatever its rows look like.
      const ours = c.table !== undefined && (/^CELog/i.test(c.table) || c.table.toLowerCase() === preferred);
      if (ours || !isTotalsSheet(sheet, c.range)) all.push(c);
    }
  }
  const rank = (c: Candidate): number[] => [
    c.table !== undefined && c.table.toLowerCase() === preferred ? 1 : 0,
    c.table !== undefined && /^CELog/i.test(c.table) ? 1 : 0,
    c.score,
    c.table !== undefined ? 1 : 0,
    c.sheet.name === snapshot.activeSheet ? 1 : 0,
    -order(c.sheet.name),
  ];
  const better = (a: Candidate, b: Candidate) => {
    const x = rank(a);
    const y = rank(b);
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return y[i]! - x[i]!;
    return 0;
  };
  all.sort(better);
  const around = options.around?.toLowerCase();
  const best = around === undefined ? all[0] : all.find((c) => c.sheet.name.toLowerCase() === around);
  if (!best)
    return {
      ok: false,
      reason: 'no-log',
      message: 'no CE log found: no sheet has a header row with Date and Hours (or Self-study hours) columns',
    };
  if (options.single) return assemble([best]);
  // One log per sheet: the best of each sheet that uses the same columns as the best, unless its rows
  // are mostly the best's again (a copy of the log kept beside it is not more of the log).
  const bySheet = new Map<string, Candidate>([[best.sheet.name, best]]);
  let seen: Set<string> | undefined;
  for (const c of all) {
    if (!sameHeader(c, best) || bySheet.has(c.sheet.name)) continue;
    seen ??= signatures(best);
    const theirs = signatures(c);
    let again = 0;
    for (const sig of theirs) if (seen.has(sig)) again++;
    if (theirs.size > 0 && again * 2 >= theirs.size) continue;
    bySheet.set(c.sheet.name, c);
  }
  const chosen = [...bySheet.values()].sort((a, b) => order(a.sheet.name) - order(b.sheet.name));
  return assemble(chosen);
}

/** What rowOrigin needs of a log: where its first part starts and its parts. */
export type RowSource = Pick<LocatedLog, 'sheet' | 'range' | 'parts'>;

/**
 * Where a row number of the evaluation (the first part's sheet rows, then the later parts' rows
 * counted on from there) is in the workbook: its sheet and sheet row (1-based).
 */
export function rowOrigin(log: RowSource, row: number): { sheet: string; row: number } {
  let index = row - (log.range.row + 1); // 0 = header
  for (const part of log.parts) {
    if (index < part.range.rows) return { sheet: part.sheet, row: part.range.row + 1 + index };
    index -= part.range.rows - 1; // the next part's header is not among the rows
  }
  return { sheet: log.sheet, row };
}

/**
 * A row as the user finds it: "row 5" on a log of one sheet; on a log kept a sheet per year, with its
 * own sheet ("2025" row 3), since the evaluation numbers the later sheets' rows on from the first.
 */
export function rowName(log: RowSource, row: number, word = 'row'): string {
  const at = rowOrigin(log, row);
  return log.parts.length < 2 ? `${word} ${at.row}` : `"${at.sheet}" ${word} ${at.row}`;
}
