/**
 * The CE log in a workbook: finding it, and turning a sheet the user already keeps into one
 * ("Use this sheet as my CE log") or starting a new one.
 *
 * Conversion is a proposal first and operations second: `proposeConversion` finds the header row and
 * suggests a canonical column for each header; the pane shows it, the user corrects it, and only then
 * `conversionPlan` builds the operations. Every value the user typed is kept: the table is created
 * over the existing range, missing columns are added at the right, and a header is renamed only when
 * the user maps it to a column the rules would not otherwise recognise it as (the plan lists those
 * renames so the confirmation can say so).
 */
import { columnDateOrder, readTextDate, type ColumnDateOrder, type DateOrder } from '../core/text-dates';
import {
  COLUMN_BY_KEY,
  COLUMNS,
  dayFromSerial,
  isoFromDay,
  serialFromDay,
  PROOF_KINDS,
  columnForHeader,
  findHeaderRow,
  matchHeaders,
  missingRequiredColumns,
  quote,
  suggestColumnForHeader,
  type ColumnKey,
  type Program,
} from '../core';
import {
  cellAddress,
  rangeAddress,
  type CellValue,
  type ListAlert,
  type RangeRef,
  type ReadQuery,
  type SheetData,
  type TableInfo,
  type WorkbookOp,
  type WorkbookPort,
  type WorkbookSnapshot,
} from './port';
import { locateLog } from './log-locator';

export const LOG_SHEET = 'CE Log';
export const LOG_TABLE = 'CELog';
/**
 * The column of credits CE Ledger computes into a log. Not "Credits": that header is the log's own
 * credits as awarded (rules revision 9), an input; this one is output and is never read back.
 */
export const CREDITS_HEADER = 'CE Ledger credits';
export const PROBLEM_FILL = '#FFC7CE';

/** Where the log is: a table (header row included) on a sheet. */
export interface LogLocation {
  sheet: string;
  table: string;
  range: RangeRef;
}

function text(value: CellValue | undefined): string {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return value === null || value === undefined ? '' : String(value);
}

/**
 * The Proof column's drop-down suggests the kinds, but the rules also read several at once
 * ("Assignment; Publication", split on ; , / + and "and"), which no list can hold. A stop alert would
 * refuse that valid entry; no alert would let a typo ("Certifcate") pass unremarked until the pane
 * flags it. The information alert does both: it says how several kinds are written, and OK (the
 * default button) keeps what was typed. A warning would ask "Continue?" as if the entry were wrong.
 */
export const PROOF_ALERT: ListAlert = {
  style: 'information',
  title: 'Proof',
  message:
    'Not one of the listed kinds. Several kinds are fine, separated by ; (for example "Assignment; Publication"). OK keeps what you typed.',
};

/** The values of `range` from a sheet read through the port ("" outside the used range). */
export function cellsOf(sheet: SheetData, range: RangeRef): CellValue[][] {
  const out: CellValue[][] = [];
  for (let r = 0; r < range.rows; r++) {
    const source = sheet.values[range.row + r - sheet.row];
    const row: CellValue[] = [];
    for (let c = 0; c < range.cols; c++) {
      const v = source?.[range.col + c - sheet.col];
      row.push(v === undefined || v === null ? '' : v);
    }
    out.push(row);
  }
  return out;
}

/** A table whose header row has the required columns (Date and Hours or Self-study hours) is a CE log. */
export function isLogTable(sheet: SheetData, table: TableInfo): boolean {
  const header = cellsOf(sheet, { ...table.range, rows: 1 })[0] ?? [];
  return missingRequiredColumns(matchHeaders(header).map).length === 0;
}

/**
 * The CE log's table among the sheets read (workbook/log-locator.ts, tables only): the table the user
 * just chose (converted or created) first, then a table named CELog…, then the most recognised
 * columns; the active sheet's tables win among equals.
 */
export function findLog(snapshot: WorkbookSnapshot, preferredTable?: string): LogLocation | undefined {
  const found = locateLog(snapshot, { preferredTable, tablesOnly: true, single: true });
  if ('ok' in found || found.table === undefined) return undefined;
  const table = Object.values(snapshot.sheets)
    .filter((s) => s.name === found.sheet)
    .flatMap((s) => s.tables)
    .find((t) => t.name === found.table);
  // The table's whole range (with a totals row): the pane reads and writes the table as it is.
  return { sheet: found.sheet, table: found.table, range: table?.range ?? found.range };
}

export interface ProposedColumn {
  /** 0-based column within the range. */
  index: number;
  header: string;
  /** The column the rules read this header as without any change (exact name or alias). */
  recognised: ColumnKey | undefined;
  /** The proposal: recognised, else a close match, else nothing (kept and ignored). */
  key: ColumnKey | undefined;
  /** The first two values below the header, as the sheet shows them (dates as yyyy-mm-dd). */
  samples: string[];
}

export interface ConversionProposal {
  sheet: string;
  /** The header row and every row below it, over the header's columns. */
  range: RangeRef;
  columns: ProposedColumn[];
  /** The sheet already holds a CE log table: nothing to convert. */
  existingLog?: LogLocation;
  /** A table (not yet a CE log) that covers the header row: it is reused, not recreated. */
  existingTable?: string;
  /** The user's table the log stops above (nothing of the log's columns continues below it). */
  endsAbove?: TableInfo;
  /**
   * How text dates of the proposed Date column read: the order a value settles, or the default with an
   * example whose reading depends on it (the mapping step then asks).
   */
  dateOrder?: ColumnDateOrder;
}

export type ProposalResult = { ok: true; proposal: ConversionProposal } | { ok: false; message: string };

function sheetData(snapshot: WorkbookSnapshot, name: string): SheetData | undefined {
  return Object.values(snapshot.sheets).find((s) => s.name.toLowerCase() === name.toLowerCase());
}

/** Finds the header row and proposes a canonical column for each header. Writes nothing. */
export function proposeConversion(snapshot: WorkbookSnapshot, sheetName: string): ProposalResult {
  const sheet = sheetData(snapshot, sheetName);
  if (!sheet) return { ok: false, message: `The sheet "${sheetName}" was not read` };
  for (const table of sheet.tables) {
    if (isLogTable(sheet, table)) {
      return {
        ok: true,
        proposal: {
          sheet: sheet.name,
          range: table.range,
          columns: headerColumns(
            cellsOf(sheet, { ...table.range, rows: 1 })[0] ?? [],
            cellsOf(sheet, table.range).slice(1),
          ),
          existingLog: { sheet: sheet.name, table: table.name, range: table.range },
        },
      };
    }
  }
  if (sheet.values.length === 0) return { ok: false, message: `"${sheet.name}" is empty: start a new CE log instead` };

  let headerIndex = findHeaderRow(sheet.values);
  if (headerIndex === undefined) {
    // No row names Date and Hours exactly or by alias: take the row with the most close matches.
    let best = -1;
    const limit = Math.min(sheet.values.length, 30);
    for (let r = 0; r < limit; r++) {
      const row = sheet.values[r]!;
      const score = row.filter(
        (v) => typeof v === 'string' && v.trim() !== '' && suggestColumnForHeader(v) !== undefined,
      ).length;
      if (score > best) {
        best = score;
        headerIndex = r;
      }
    }
    if (best <= 0) headerIndex = sheet.values.findIndex((row) => row.some((v) => text(v).trim() !== ''));
  }
  const header = sheet.values[headerIndex!]!;
  const row = sheet.row + headerIndex!;
  let filled = header.map((v, i) => (text(v).trim() !== '' ? i : -1)).filter((i) => i >= 0);
  // A user's table beside the header, on its row, ends the header: its cells are not the log's.
  const onRow = sheet.tables.filter((t) => t.range.row <= row && row < t.range.row + t.range.rows);
  const inTable = (i: number) =>
    onRow.some((t) => sheet.col + i >= t.range.col && sheet.col + i < t.range.col + t.range.cols);
  const own = filled.filter((i) => !inTable(i));
  if (
    own.length &&
    !onRow.some(
      (t) =>
        t.range.row === row &&
        t.range.col <= sheet.col + own[0]! &&
        t.range.col + t.range.cols > sheet.col + own[own.length - 1]!,
    )
  ) {
    const cutoff = Math.min(...onRow.map((t) => t.range.col - sheet.col).filter((c) => c > own[0]!));
    filled = own.filter((i) => i < cutoff);
  }
  const first = filled[0]!;
  let last = filled[filled.length - 1]!;
  // A column with values under a blank header is the log's too (the user maps it by its cell).
  const underHeader = sheet.values.slice(headerIndex! + 1);
  const width = underHeader.reduce((w, r) => Math.max(w, r?.length ?? 0), header.length);
  const hasValues = (i: number) => underHeader.some((r) => text(r?.[i]).trim() !== '');
  while (last + 1 < width && !inTable(last + 1) && text(header[last + 1]).trim() === '' && hasValues(last + 1)) last++;
  // The log's rows end with the last that holds anything in its columns: what lies below the log and
  // to its side only (a table, a note) is not part of it.
  let range = withoutBlankRowsBelow(sheet, {
    row,
    col: sheet.col + first,
    rows: sheet.row + sheet.values.length - row,
    cols: last - first + 1,
  });
  const below = tableBelow(sheet, range);
  if (below) range = below.range;
  const existingTable = sheet.tables.find(
    (t) =>
      t.range.row === range.row && t.range.col <= range.col && t.range.col + t.range.cols >= range.col + range.cols,
  );
  const rows = cellsOf(sheet, range).slice(1);
  const columns = headerColumns(header.slice(first, last + 1), rows);
  if (existingTable) {
    const tableRows = cellsOf(sheet, existingTable.range).slice(1);
    const tableColumns = headerColumns(cellsOf(sheet, { ...existingTable.range, rows: 1 })[0]!, tableRows);
    return {
      ok: true,
      proposal: {
        sheet: sheet.name,
        range: existingTable.range,
        columns: tableColumns,
        existingTable: existingTable.name,
        dateOrder: proposedDateOrder(tableColumns, tableRows),
      },
    };
  }
  return {
    ok: true,
    proposal: {
      sheet: sheet.name,
      range,
      columns,
      dateOrder: proposedDateOrder(columns, rows),
      ...(below ? { endsAbove: below.table } : {}),
    },
  };
}

/**
 * A user's table below the log (a budget, a list of providers) ends the log: the log's range stops
 * above it, without the blank rows between, so the new table does not overlap it. Only when nothing
 * else in the log's columns continues below that table's top row; otherwise the range is left whole
 * and the plan refuses it, naming the table.
 */
function tableBelow(sheet: SheetData, range: RangeRef): { table: TableInfo; range: RangeRef } | undefined {
  const filled = (r: number, c: number) => isFilled(sheet, r, c);
  const inColumns = (t: TableInfo) =>
    t.range.row > range.row && t.range.col < range.col + range.cols && range.col < t.range.col + t.range.cols;
  const table = sheet.tables
    .filter((t) => inColumns(t) && t.range.row < range.row + range.rows)
    .sort((a, b) => a.range.row - b.range.row)[0];
  if (!table) return undefined;
  const inAnyTable = (r: number, c: number) =>
    sheet.tables.some((t) => overlaps(t.range, { row: r, col: c, rows: 1, cols: 1 }));
  for (let r = table.range.row; r < range.row + range.rows; r++) {
    for (let c = range.col; c < range.col + range.cols; c++) if (filled(r, c) && !inAnyTable(r, c)) return undefined;
  }
  return { table, range: withoutBlankRowsBelow(sheet, { ...range, rows: table.range.row - range.row }) };
}

/** A cell that holds a value or a formula (a formula may show nothing). */
function isFilled(sheet: SheetData, r: number, c: number): boolean {
  const v = sheet.values[r - sheet.row]?.[c - sheet.col];
  const f = sheet.formulas?.[r - sheet.row]?.[c - sheet.col];
  return (v !== undefined && v !== null && v !== '') || (f !== undefined && f !== null && f !== '');
}

/** `range` without the rows at its bottom that are blank in its columns (the header row always stays). */
function withoutBlankRowsBelow(sheet: SheetData, range: RangeRef): RangeRef {
  let end = range.row + range.rows; // exclusive
  const blank = (r: number) =>
    Array.from({ length: range.cols }, (_, i) => range.col + i).every((c) => !isFilled(sheet, r, c));
  while (end - 1 > range.row && blank(end - 1)) end--;
  return { ...range, rows: end - range.row };
}

/** The first two values of column `index` in `rows`, as shown (a date cell of the Date column as yyyy-mm-dd). */
function samplesOf(rows: readonly (readonly CellValue[] | undefined)[], index: number, date: boolean): string[] {
  const out: string[] = [];
  for (const row of rows) {
    const v = row?.[index];
    if (v === undefined || v === null || text(v).trim() === '') continue;
    const day = date && typeof v === 'number' ? dayFromSerial(v) : undefined;
    out.push(day !== undefined ? isoFromDay(day) : text(v).trim());
    if (out.length === 2) break;
  }
  return out;
}

function headerColumns(
  header: readonly CellValue[],
  rows: readonly (readonly CellValue[] | undefined)[] = [],
): ProposedColumn[] {
  const { map } = matchHeaders(header);
  const byIndex = new Map<number, ColumnKey>();
  for (const [key, index] of Object.entries(map)) byIndex.set(index!, key as ColumnKey);
  const taken = new Set(byIndex.values());
  return header.map((h, index) => {
    const recognised = byIndex.get(index);
    let key = recognised;
    if (!key && text(h).trim() !== '') {
      const suggestion = suggestColumnForHeader(text(h));
      if (suggestion && !taken.has(suggestion)) {
        key = suggestion;
        taken.add(suggestion);
      }
    }
    return { index, header: text(h), recognised, key, samples: samplesOf(rows, index, key === 'date') };
  });
}

/** How the text dates of the proposed Date column read. */
function proposedDateOrder(
  columns: ProposedColumn[],
  rows: readonly (readonly CellValue[] | undefined)[],
): ColumnDateOrder | undefined {
  const date = columns.find((c) => c.key === 'date');
  return date ? columnDateOrder(rows.map((r) => r?.[date.index])) : undefined;
}

export interface ConversionOptions {
  /** The user's mapping: column index → canonical column, or undefined to keep it and ignore it. */
  mapping: Record<number, ColumnKey | undefined>;
  /** Add a Credits column with CEU.CE_CREDITS per row. */
  credits: boolean;
  /**
   * The order of day and month the user chose for the Date column's text dates ("03/04/2025"): they
   * become Excel dates read in that order (announced), so every reader counts them the same way.
   */
  dateOrder?: DateOrder;
  /**
   * Merged areas over the log's rows (one date over three sessions), which Excel refuses a table over,
   * are unmerged and their value written into each row they covered, as every reader takes them.
   */
  unmerge?: boolean;
}

export interface ConversionPlan {
  ok: boolean;
  ops: WorkbookOp[];
  /**
   * Header cells the plan writes (shown in the confirmation): those the user's mapping renames, and
   * blank ones, which a table cannot have, named here (never left to Excel, whose ColumnN could clash).
   */
  renames: { index: number; from: string; to: string; cell?: string }[];
  /** Canonical columns added at the right. */
  added: string[];
  table: string;
  /** Why the plan cannot be applied as it is. */
  problems: string[];
  /** Things worth knowing that do not block. */
  notes: string[];
  /**
   * Header cells that are not text (numbers, dates, booleans, formulas): Excel turns a table's header
   * cells into text when it creates the table, so the confirmation names each one (also in `notes`).
   * Absent on plans that were refused before the sheet was looked at.
   */
  textHeaders?: TextHeader[];
  /** What the plan was made from, so that it can be checked again against a fresh read before it is applied. */
  basis?: { proposal: ConversionProposal; options: ConversionOptions };
  /**
   * Other sheets that carry the same log (a sheet per year), not tables yet: converted after this one
   * with the same choices, so that the pane reads them with it as one log, as the command line does.
   */
  siblings?: { sheet: string; rows: number }[];
}

/** What the confirmation says of a plan's other year sheets. */
export function siblingsNote(siblings: readonly { sheet: string; rows: number }[]): string {
  const listed = siblings.map((x) => `“${x.sheet}” (${x.rows} ${x.rows === 1 ? 'row' : 'rows'})`);
  const one = siblings.length === 1;
  const names = one ? `The sheet ${listed[0]}` : `The sheets ${listed.slice(0, -1).join(', ')} and ${listed.at(-1)}`;
  return (
    `${names} ${one ? 'carries' : 'carry'} the same log: ${one ? 'it becomes a table' : 'they become tables'} too, ` +
    `with the same choices, and the pane reads ${one ? 'it' : 'them'} with this one as one log, as ce-ledger check does`
  );
}

export interface TextHeader {
  /** "B1" */
  cell: string;
  value: CellValue;
  formula?: string;
  /** The text the header becomes. */
  text: string;
}

/**
 * The program whose lists, highlighting and columns a log kept for several credentials gets: `first`
 * with the further credentials' formats (by label), subject areas and categories added, and their grade
 * rules (for the Grade column). Entries for every credential go in the one log, so a format only a
 * further credential knows must not be refused by the drop-down. A subject list is kept only when every
 * program has one (a program without one takes any subject).
 */
export function programForLists(first: Program, others: readonly Program[]): Program {
  if (others.length === 0) return first;
  const labels = new Set(first.formats.map((f) => f.label.toLowerCase()));
  const formats = [...first.formats];
  for (const p of others)
    for (const f of p.formats)
      if (!labels.has(f.label.toLowerCase())) {
        labels.add(f.label.toLowerCase());
        formats.push(f);
      }
  const all = [first, ...others];
  const subjects = all.every((p) => p.subjects?.length)
    ? [...new Set(all.flatMap((p) => p.subjects ?? []))]
    : undefined;
  const ids = new Set(first.categories.map((c) => c.id));
  const categories = [...first.categories, ...others.flatMap((p) => p.categories).filter((c) => !ids.has(c.id))];
  const grades = others.flatMap((p) => p.eligibility.filter((r) => r.type === 'minimumGrade'));
  return { ...first, formats, subjects, categories, eligibility: [...first.eligibility, ...grades] };
}

/** The canonical columns a log of this program offers (Grade only where a grade rule exists). */
export function columnsFor(program: Program): ColumnKey[] {
  const grades = program.eligibility.some((r) => r.type === 'minimumGrade');
  // Credits as awarded and Status are read when a tracker has them; a new log does not need them.
  const categories = program.categories.length > 0;
  return COLUMNS.map((c) => c.key).filter(
    (k) => (k !== 'grade' || grades) && (k !== 'category' || categories) && k !== 'credits' && k !== 'status',
  );
}

function isTaken(snapshot: WorkbookSnapshot, name: string): boolean {
  const n = name.toLowerCase();
  return (
    snapshot.names.some((x) => x.name.toLowerCase() === n) ||
    Object.values(snapshot.sheets).some((s) => s.tables.some((t) => t.name.toLowerCase() === n))
  );
}

export function freeTableName(snapshot: WorkbookSnapshot): string {
  if (!isTaken(snapshot, LOG_TABLE)) return LOG_TABLE;
  let i = 2;
  while (isTaken(snapshot, `${LOG_TABLE}${i}`)) i++;
  return `${LOG_TABLE}${i}`;
}

/** `[@Hours]`, or `[@[Self-study hours]]` for names with spaces or special characters. */
export function structuredRef(header: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(header)) return `[@${header}]`;
  return `[@[${header.replace(/(['#[\]])/g, "'$1")}]]`;
}

function excelString(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

function columnLetters(col: number): string {
  return cellAddress(0, col).replace(/\d+$/, '');
}

/**
 * Conditional formatting that marks data rows the rules would reject: a date that is not a date, hours
 * that are negative or not numbers, a format not in the program's list. It approximates the core for
 * the sheet's sake; the pane shows the exact problems.
 */
export function problemRowFormula(
  program: Program,
  firstDataRow: number,
  columns: Partial<Record<ColumnKey, number>>,
  left: number,
  right: number,
): string {
  const ref = (col: number) => `$${columnLetters(col)}${firstDataRow + 1}`;
  const checks: string[] = [];
  if (columns.date !== undefined) {
    const d = ref(columns.date);
    checks.push(`${d}=""`, `IFERROR(IF(ISNUMBER(${d}),${d}<1,DATEVALUE(${d})<1),TRUE)`);
  }
  for (const key of ['hours', 'selfStudyHours'] as const) {
    const col = columns[key];
    if (col !== undefined) checks.push(`AND(${ref(col)}<>"",IFERROR(--${ref(col)}<0,TRUE))`);
  }
  if (columns.format !== undefined) {
    const names = program.formats
      .flatMap((f) => [f.label, ...f.aliases])
      .map(excelString)
      .join(',');
    const f = ref(columns.format);
    checks.push(
      program.defaultFormat ? `AND(${f}<>"",ISNA(MATCH(${f},{${names}},0)))` : `ISNA(MATCH(${f},{${names}},0))`,
    );
  }
  const whole = `$${columnLetters(left)}${firstDataRow + 1}:$${columnLetters(right)}${firstDataRow + 1}`;
  return `=AND(COUNTA(${whole})>0,OR(${checks.join(',')}))`;
}

/**
 * The operations that make `proposal.range` a CE log with the user's mapping. Writes nothing itself;
 * `ok` is false (with problems) when the mapping cannot work.
 */
/**
 * With a date order chosen, the Date column's text dates become dates (the cell's value is the date,
 * shown yyyy-mm-dd), each read in that order unless a value of the column settles it; announced in `notes`.
 */
function textDateOps(
  proposal: ConversionProposal,
  options: ConversionOptions,
  grid: SheetData | undefined,
  notes: string[],
): WorkbookOp[] {
  const dateIndex = Object.entries(options.mapping).find(([, k]) => k === 'date')?.[0];
  if (!options.dateOrder || dateIndex === undefined || !grid) return [];
  const { sheet, range } = proposal;
  const col = range.col + Number(dateIndex);
  const rows = cellsOf(grid, { row: range.row + 1, col, rows: Math.max(0, range.rows - 1), cols: 1 }).map((r) => r[0]);
  const order = columnDateOrder(rows, options.dateOrder).order;
  const ops: WorkbookOp[] = [];
  let example: string | undefined;
  rows.forEach((v, i) => {
    if (typeof v !== 'string' || v.trim() === '') return;
    const day = readTextDate(v, order);
    if (day === undefined) return;
    example ??= `${v.trim()} → ${isoFromDay(day)}`;
    const cell = { row: range.row + 1 + i, col, rows: 1, cols: 1 };
    ops.push({ kind: 'setValues', sheet, row: cell.row, col, values: [[serialFromDay(day)]] });
    ops.push({ kind: 'setNumberFormat', sheet, range: cell, format: 'yyyy-mm-dd' });
  });
  const n = ops.length / 2;
  if (n > 0) {
    const how = order === 'dmy' ? 'day first' : order === 'ymd' ? 'year first' : 'month first';
    notes.push(`${n} text ${n === 1 ? 'date' : 'dates'} in the Date column become dates, read ${how} (${example})`);
  }
  return ops;
}

export function conversionPlan(
  proposal: ConversionProposal,
  options: ConversionOptions,
  program: Program,
  snapshot: WorkbookSnapshot,
): ConversionPlan {
  const problems: string[] = [];
  const notes: string[] = [];
  const renames: ConversionPlan['renames'] = [];
  const { sheet, range } = proposal;
  const table = proposal.existingTable ?? freeTableName(snapshot);
  if (proposal.existingLog) {
    return {
      ok: false,
      ops: [],
      renames,
      added: [],
      table: proposal.existingLog.table,
      problems: [`"${sheet}" is already a CE log (table ${proposal.existingLog.table})`],
      notes,
      textHeaders: [],
    };
  }

  const seen = new Map<ColumnKey, number>();
  const original = proposal.columns.map((c) => c.header);
  const headers = [...original];
  const renameTo = (index: number, to: string) => {
    if (headers[index] === to) return;
    const existing = renames.find((r) => r.index === index);
    if (existing) existing.to = to;
    else renames.push({ index, from: original[index]!, to, cell: cellAddress(range.row, range.col + index) });
    headers[index] = to;
  };
  const rename = (index: number, key: ColumnKey) => renameTo(index, COLUMN_BY_KEY[key].header);
  for (const column of proposal.columns) {
    const key = options.mapping[column.index];
    if (key === undefined) {
      if (column.recognised)
        notes.push(`"${column.header}" is still read as ${COLUMN_BY_KEY[column.recognised].header}: its name says so`);
      continue;
    }
    const other = seen.get(key);
    if (other !== undefined)
      problems.push(`"${original[other]}" and "${column.header}" are both mapped to ${COLUMN_BY_KEY[key].header}`);
    seen.set(key, column.index);
    // A header the rules would not read as the chosen column can only be read once renamed.
    if (columnForHeader(column.header) !== key) rename(column.index, key);
  }
  // A mapped column that an earlier alias would outrank gets the canonical name, which always wins.
  const read = matchHeaders(headers).map;
  for (const [key, index] of seen) if (read[key] !== index) rename(index, key);
  // A table header cannot be blank: Excel names it ColumnN and, when a header already has that name,
  // renames one of them again ("Column32"), unannounced. The plan names blank headers itself, with
  // names no other header has, and lists them with the renames.
  if (!proposal.existingTable) {
    const taken = new Set(headers.map((h) => h.trim().toLowerCase()).filter((h) => h !== ''));
    headers.forEach((h, i) => {
      if (h.trim() !== '') return;
      let n = i + 1;
      while (taken.has(`column${n}`)) n++;
      taken.add(`column${n}`);
      renameTo(i, `Column${n}`);
    });
  }
  renames.sort((a, b) => a.index - b.index);
  if (!seen.has('date')) problems.push('Map a column to Date: the rules need the completion date');
  if (!seen.has('hours') && !seen.has('selfStudyHours') && !seen.has('credits'))
    problems.push('Map a column to Hours (or Self-study hours)');

  const added = columnsFor(program)
    .filter((k) => !seen.has(k) && matchHeaders(headers).map[k] === undefined)
    .map((k) => COLUMN_BY_KEY[k].header);
  const finalHeaders = [...headers, ...added];
  let creditsHeader: string | undefined;
  if (options.credits) {
    creditsHeader = finalHeaders.some((h) => h.toLowerCase() === CREDITS_HEADER.toLowerCase())
      ? 'CE Ledger credits (new)'
      : CREDITS_HEADER;
    finalHeaders.push(creditsHeader);
  }

  // The mapping must be what the rules will read once the headers are as planned.
  const final = matchHeaders(finalHeaders).map;
  for (const [key, index] of seen) {
    const at = final[key];
    if (at !== index) {
      problems.push(
        `${COLUMN_BY_KEY[key].header} would be read from "${at === undefined ? 'nowhere' : finalHeaders[at]}" instead of "${original[index]}"`,
      );
    }
  }
  // Excel makes table headers unique by renaming the later ones ("Notes2"): that would change a cell.
  const byName = new Map<string, number>();
  finalHeaders.forEach((h, i) => {
    const name = h.trim().toLowerCase();
    if (name === '') return;
    if (byName.has(name))
      problems.push(
        `Two columns would both be called "${h}" (columns ${byName.get(name)! + 1} and ${i + 1}): rename one in the sheet, or map it differently`,
      );
    else byName.set(name, i);
  });
  const grid = snapshot.sheets[sheet];
  if (proposal.endsAbove) {
    const last = range.row + Math.max(range.rows, 2);
    notes.push(
      `The log ends at row ${last}, above your table "${proposal.endsAbove.name}" (${rangeAddress(proposal.endsAbove.range)}), which stays as it is`,
    );
  }
  // A rename writes text over the header cell: over a formula (even one showing nothing) that would
  // lose the formula, so such a header is the user's to retitle first.
  for (const r of renames) {
    const f = grid?.formulas?.[range.row - grid.row]?.[range.col + r.index - grid.col];
    if (typeof f === 'string' && f.startsWith('=')) {
      problems.push(
        `Header ${r.cell} holds the formula ${quote(f)}, which would be replaced by "${r.to}": type a title there instead, or start a new CE log`,
      );
    }
  }
  const textHeaders = proposal.existingTable || !grid ? [] : nonTextHeaders(grid, range, renames);
  for (const h of textHeaders) notes.push(textHeaderNote(h));
  // The table grows to the right over the new columns: any value or formula already there would be in
  // the way, and the host would refuse the batch half-way. Refuse it here, before anything is written
  // (read the snapshot with formulas: a formula can show an empty value).
  const newCount = added.length + (creditsHeader ? 1 : 0);
  if (newCount > 0 && grid) {
    const lastRow = range.row + Math.max(range.rows, 2) - 1;
    const firstCol = range.col + range.cols;
    let blocked: string | undefined;
    for (let r = range.row; r <= lastRow && !blocked; r++) {
      for (let c = firstCol; c < firstCol + newCount && !blocked; c++) {
        const value = grid.values[r - grid.row]?.[c - grid.col];
        const formula = grid.formulas?.[r - grid.row]?.[c - grid.col];
        const filled = (v: CellValue | undefined) => v !== undefined && v !== null && v !== '';
        // A table in the way is named on its own below.
        const inTable = grid.tables.some((t) => overlaps(t.range, { row: r, col: c, rows: 1, cols: 1 }));
        if ((filled(value) || filled(formula)) && !inTable) blocked = `${columnLetters(c)}${r + 1}`;
      }
    }
    if (blocked) {
      problems.push(
        `The log needs ${newCount} new ${newCount === 1 ? 'column' : 'columns'} at its right, but ${blocked} already holds a value: move what is beside the log, or start a new CE log`,
      );
    }
  }
  const tableRange: RangeRef = { ...range, rows: Math.max(range.rows, 2) };
  // Merged areas over several of the log's data rows can be unmerged, each covered row given the value.
  const fillable = (grid?.merged ?? []).filter(
    (m) =>
      m.rows > 1 &&
      m.row > range.row &&
      m.col >= range.col &&
      m.row + m.rows <= tableRange.row + tableRange.rows &&
      m.col + m.cols <= range.col + range.cols,
  );
  const unmerged = options.unmerge ? fillable : [];
  if (grid) {
    const left = { ...grid, merged: (grid.merged ?? []).filter((m) => !unmerged.includes(m)) };
    const found = obstacles(left, tableRange, newCount, proposal.existingTable);
    problems.push(
      ...found.map((p) =>
        fillable.some((m) => p.startsWith(`Merged cells ${rangeAddress(m)} `))
          ? p.replace(
              ', or start a new CE log',
              ', let the conversion unmerge them and give each row the value, or start a new CE log',
            )
          : p,
      ),
    );
  }
  const basis = { proposal, options };
  if (problems.length) return { ok: false, ops: [], renames, added, table, problems, notes, textHeaders, basis };

  const ops: WorkbookOp[] = [];
  for (const m of unmerged) {
    const value = grid?.values[m.row - grid.row]?.[m.col - grid.col] ?? '';
    ops.push({ kind: 'unmerge', sheet, range: m });
    // Each row the area covered gets its value, in the area's first column (what the readers take).
    const rows = Array.from({ length: m.rows - 1 }, () => [value]);
    if (rows.length) ops.push({ kind: 'setValues', sheet, row: m.row + 1, col: m.col, values: rows });
    notes.push(
      `Merged cells ${rangeAddress(m)} are unmerged; rows ${m.row + 2} to ${m.row + m.rows} get the value of ${cellAddress(m.row, m.col)}`,
    );
  }
  for (const r of renames)
    ops.push({ kind: 'setValues', sheet, row: range.row, col: range.col + r.index, values: [[r.to]] });
  ops.push(...textDateOps(proposal, options, grid, notes));
  if (!proposal.existingTable) ops.push({ kind: 'createTable', sheet, range: tableRange, name: table });
  const newHeaders = creditsHeader ? [...added, creditsHeader] : added;
  if (newHeaders.length) ops.push({ kind: 'addTableColumns', table, headers: newHeaders });
  ops.push(...decorationOps(program, sheet, tableRange, finalHeaders, creditsHeader));
  return { ok: true, ops, renames, added, table, problems, notes, textHeaders, basis };
}

const LAST_ROW = 1_048_575;
const LAST_COL = 16_383;

function overlaps(a: RangeRef, b: RangeRef): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

/**
 * What Excel refuses a new table (or a table widened by `newCount` columns) over: another table, a
 * merged area, a protected sheet, the sheet's edge. Each is refused here, before anything is written,
 * naming the cells and how to clear the way.
 */
function obstacles(
  grid: SheetData,
  tableRange: RangeRef,
  newCount: number,
  existingTable: string | undefined,
): string[] {
  const out: string[] = [];
  const added: RangeRef = { ...tableRange, col: tableRange.col + tableRange.cols, cols: newCount };
  const whole: RangeRef = { ...tableRange, cols: tableRange.cols + newCount };
  const where = (r: RangeRef, plural: boolean) =>
    overlaps(r, tableRange)
      ? { what: `${plural ? 'are inside' : 'overlaps'} the log (${rangeAddress(tableRange)})`, fix: 'to another sheet' }
      : {
          what: `${plural ? 'are' : 'is'} where the log's new ${newCount === 1 ? 'column goes' : 'columns go'} (${rangeAddress(added)})`,
          fix: 'further right or to another sheet',
        };
  if (grid.protected)
    out.push(`The sheet "${grid.name}" is protected: unprotect it (Review › Unprotect Sheet), or start a new CE log`);
  if (whole.col + whole.cols - 1 > LAST_COL || whole.row + whole.rows - 1 > LAST_ROW) {
    out.push(
      `The log and its new columns would run past the edge of the sheet (${rangeAddress({ ...whole, cols: 1, rows: 1 })} onwards): start a new CE log`,
    );
  }
  for (const t of grid.tables) {
    if (existingTable !== undefined && t.name.toLowerCase() === existingTable.toLowerCase()) continue;
    if (!overlaps(t.range, whole)) continue;
    const { what, fix } = where(t.range, false);
    out.push(`Table "${t.name}" at ${rangeAddress(t.range)} ${what}: move it ${fix}, or start a new CE log`);
  }
  for (const m of grid.merged ?? []) {
    if (!overlaps(m, whole)) continue;
    const { what } = where(m, true);
    out.push(`Merged cells ${rangeAddress(m)} ${what}: unmerge them (Home › Merge & Center), or start a new CE log`);
  }
  return out;
}

/** What a conversion reads: every sheet (table and name clashes), formulas, merged areas and protection. */
export const CONVERSION_READ: ReadQuery = { sheets: 'all', formulas: true, layout: true };

/**
 * The snapshot of a `tableHeaders` read with, beside the sheets it read, one entry per table on any
 * other sheet holding only its header row: what `findLog` reads of a sheet to tell a CE log (the
 * header row, the sheet's name), and every table's name for choosing a free one, without any other
 * sheet's cells. The sheets read come first, so a lookup by sheet name finds them whole.
 */
export function headerSnapshot(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  const sheets: Record<string, SheetData> = { ...snapshot.sheets };
  const read = new Set(Object.keys(snapshot.sheets).map((n) => n.toLowerCase()));
  (snapshot.tables ?? []).forEach((t, i) => {
    if (read.has(t.sheet.toLowerCase())) return;
    sheets[`${t.sheet}#${i}`] = {
      name: t.sheet,
      row: t.range.row,
      col: t.range.col,
      values: [t.header],
      tables: [{ name: t.name, range: t.range }],
    };
  });
  return { ...snapshot, sheets };
}

/**
 * What planning or applying a conversion of `sheet` reads: that sheet with formulas, merged areas and
 * protection, and of the other sheets only their tables' header rows (the new table's name must
 * differ from theirs). A host that cannot list header rows is read whole.
 */
export async function conversionSnapshot(port: WorkbookPort, sheet: string): Promise<WorkbookSnapshot> {
  const read = await port.read({ ...CONVERSION_READ, sheets: [sheet], tableHeaders: true });
  return read.tables ? headerSnapshot(read) : port.read(CONVERSION_READ);
}

/**
 * A conversion that did not happen, or not in full. `written` says whether anything was changed;
 * `undo` lists how to take back what was (empty when nothing was); `plan` is the plan made again from
 * a fresh read when the sheet changed since the user reviewed it.
 */
export class ConversionError extends Error {
  constructor(
    message: string,
    readonly written: boolean,
    readonly undo: string[] = [],
    readonly plan?: ConversionPlan,
  ) {
    super(message);
    this.name = 'ConversionError';
  }
}

/** What the user was shown: a plan made again must announce exactly this to be applied without asking. */
function announced(plan: ConversionPlan): string {
  return JSON.stringify([plan.table, plan.renames, plan.added, plan.notes, plan.textHeaders ?? []]);
}

export type RecheckResult =
  | { ok: true; plan: ConversionPlan }
  /** `fresh`: the plan made again from the fresh read, for the user to review instead (when there is one). */
  | { ok: false; problems: string[]; fresh?: ConversionPlan };

/**
 * The plan made again from `fresh` with the same mapping. It may be applied only if it announces the
 * same changes as `plan` (rows added below the log since are fine: they are simply in the table).
 */
export function recheckConversion(plan: ConversionPlan, program: Program, fresh: WorkbookSnapshot): RecheckResult {
  const refused = (problem: string, again?: ConversionPlan): RecheckResult => ({
    ok: false,
    problems: again && !again.ok ? again.problems : [problem],
    ...(again ? { fresh: again } : {}),
  });
  if (!plan.ok) return { ok: false, problems: plan.problems };
  if (!plan.basis) return refused('The plan cannot be checked again: review the changes again');
  const { proposal, options } = plan.basis;
  const changed = `"${proposal.sheet}" changed since you reviewed the changes: review them again`;
  const result = proposeConversion(fresh, proposal.sheet);
  if (!result.ok) return refused(`${changed} (${result.message})`);
  const now = result.proposal;
  const same =
    now.range.row === proposal.range.row &&
    now.range.col === proposal.range.col &&
    now.range.cols === proposal.range.cols &&
    now.existingTable === proposal.existingTable &&
    !now.existingLog &&
    JSON.stringify(now.columns.map((c) => c.header)) === JSON.stringify(proposal.columns.map((c) => c.header));
  if (!same) return refused(changed);
  const again = conversionPlan(now, options, program, fresh);
  if (!again.ok || announced(again) !== announced(plan)) return refused(changed, again);
  return { ok: true, plan: again };
}

/**
 * Applies a confirmed plan: reads the workbook again and checks the plan against it, so nothing is
 * written unless every check still passes; then writes it in one batch. If the host still refuses
 * part-way, the error says what was written (from a read after the failure) and how to undo it.
 */
export async function applyConversion(
  port: WorkbookPort,
  plan: ConversionPlan,
  program: Program,
): Promise<ConversionPlan> {
  if (!plan.ok) throw new ConversionError(`Nothing was changed: ${plan.problems.join(' ')}`, false);
  const result = recheckConversion(plan, program, await conversionSnapshot(port, plan.basis?.proposal.sheet ?? ''));
  if (!result.ok)
    throw new ConversionError(`Nothing was changed: ${result.problems.join('; ')}.`, false, [], result.fresh);
  const checked = result.plan;
  try {
    await port.apply(checked.ops);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const after = await port.read({ sheets: [checked.basis!.proposal.sheet] }).catch(() => undefined);
    const undo = undoSteps(checked, after);
    if (undo.length === 0)
      throw new ConversionError(`Excel refused the conversion (${reason}); nothing was changed.`, false);
    throw new ConversionError(
      `Excel refused the conversion part-way (${reason}). Undo it with Excel's Undo (Ctrl+Z); if Undo does not reach it: ${undo.join('; ')}.`,
      true,
      undo,
    );
  }
  return checked;
}

/** How to take back what a failed apply wrote, from a read after it (or, without one, all it may have written). */
function undoSteps(plan: ConversionPlan, after: WorkbookSnapshot | undefined): string[] {
  const { proposal } = plan.basis!;
  const grid = after ? sheetData(after, proposal.sheet) : undefined;
  const steps: string[] = [];
  const header = grid ? cellsOf(grid, { ...proposal.range, rows: 1 })[0] : undefined;
  for (const r of plan.renames) {
    if (header && text(header[r.index]) !== r.to) continue;
    const cell = r.cell ?? cellAddress(proposal.range.row, proposal.range.col + r.index);
    steps.push(
      r.from === ''
        ? `clear ${cell} (it was blank, now "${r.to}")`
        : `type "${r.from}" back into ${cell} (now "${r.to}")`,
    );
  }
  if (!proposal.existingTable) {
    const table = grid
      ? grid.tables.find((t) => t.name.toLowerCase() === plan.table.toLowerCase())
      : { name: plan.table, range: proposal.range };
    if (table)
      steps.push(
        `select ${rangeAddress(table.range)} and use Table Design › Convert to Range (the table ${table.name})`,
      );
  }
  if (
    plan.added.length &&
    (!grid ||
      grid.tables.some((t) => t.name.toLowerCase() === plan.table.toLowerCase() && t.range.cols > proposal.range.cols))
  ) {
    steps.push(`delete the added columns ${plan.added.join(', ')} at the table's right`);
  }
  return steps;
}

/** Header cells of `range` that hold a number, a boolean or a formula and are not renamed anyway. */
function nonTextHeaders(grid: SheetData, range: RangeRef, renames: ConversionPlan['renames']): TextHeader[] {
  const out: TextHeader[] = [];
  for (let c = 0; c < range.cols; c++) {
    if (renames.some((r) => r.index === c)) continue; // the rename writes text over it, and says so
    const value = grid.values[range.row - grid.row]?.[range.col + c - grid.col];
    const f = grid.formulas?.[range.row - grid.row]?.[range.col + c - grid.col];
    const formula = typeof f === 'string' && f.startsWith('=') ? f : undefined;
    if (value === undefined || value === null || value === '') continue;
    if (typeof value === 'string' && !formula) continue;
    out.push({
      cell: cellAddress(range.row, range.col + c),
      value,
      ...(formula ? { formula } : {}),
      text: text(value),
    });
  }
  return out;
}

/** 'Header B1 (2024) will become the text "2024"', with what Excel shows for dates and formulas. */
function textHeaderNote(h: TextHeader): string {
  const what = h.formula ? `the formula ${h.formula}` : text(h.value);
  let note = `Header ${h.cell} (${what}) will become the text "${h.text}"`;
  if (h.formula) note += ': an Excel table keeps only the header’s value';
  else if (typeof h.value === 'number')
    note += ' (or, if the cell shows it as a date or another format, the text it shows)';
  return note;
}

/** Validation lists, problem highlighting, date formats for new columns and the Credits formulas. */
function decorationOps(
  program: Program,
  sheet: string,
  tableRange: RangeRef,
  headers: string[],
  creditsHeader: string | undefined,
  newColumnsFrom = Infinity,
): WorkbookOp[] {
  const ops: WorkbookOp[] = [];
  const map = matchHeaders(headers).map;
  const dataRows = tableRange.rows - 1;
  const firstDataRow = tableRange.row + 1;
  const column = (index: number): RangeRef => ({
    row: firstDataRow,
    col: tableRange.col + index,
    rows: dataRows,
    cols: 1,
  });
  const lists: [ColumnKey, string[] | undefined, string, ListAlert?][] = [
    ['format', program.formats.map((f) => f.label), 'Choose the kind of activity'],
    ['subject', program.subjects, 'Choose a subject area from the program’s list'],
    ['approved', ['TRUE', 'FALSE'], program.approvedMeaning],
    ['proof', [...PROOF_KINDS], 'The proof you hold (several separated by ;); leave blank for none', PROOF_ALERT],
  ];
  for (const [key, list, prompt, alert] of lists) {
    const index = map[key];
    if (index !== undefined && list?.length && dataRows > 0)
      ops.push({ kind: 'listValidation', sheet, range: column(index), list, prompt, ...(alert ? { alert } : {}) });
  }
  if (map.date !== undefined && map.date >= newColumnsFrom && dataRows > 0) {
    ops.push({ kind: 'setNumberFormat', sheet, range: column(map.date), format: 'yyyy-mm-dd' });
  }
  if (dataRows > 0) {
    const absolute: Partial<Record<ColumnKey, number>> = {};
    for (const [k, i] of Object.entries(map)) absolute[k as ColumnKey] = tableRange.col + i!;
    const right = tableRange.col + headers.length - 1 - (creditsHeader ? 1 : 0);
    ops.push({
      kind: 'conditionalFormat',
      sheet,
      range: { row: firstDataRow, col: tableRange.col, rows: dataRows, cols: headers.length },
      formula: problemRowFormula(program, firstDataRow, absolute, tableRange.col, right),
      fill: PROBLEM_FILL,
    });
  }
  if (creditsHeader && dataRows > 0) {
    const ref = (key: ColumnKey) => (map[key] === undefined ? '""' : structuredRef(headers[map[key]!]!));
    const hours = ref('hours');
    const self = ref('selfStudyHours');
    // Blank rows stay blank, so an empty table row is not read as an activity with a missing date.
    const formula = `=IF(${hours}&${self}="","",CEU.CE_CREDITS(CE_PROGRAM,${ref('format')},${hours},${self}))`;
    ops.push({
      kind: 'setFormulas',
      sheet,
      row: firstDataRow,
      col: tableRange.col + headers.length - 1,
      formulas: Array.from({ length: dataRows }, () => [formula]),
    });
  }
  return ops;
}

export function freeSheetName(snapshot: WorkbookSnapshot, base = LOG_SHEET): string {
  const taken = new Set(snapshot.sheetNames.map((s) => s.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  let i = 2;
  while (taken.has(`${base} ${i}`.toLowerCase())) i++;
  return `${base} ${i}`;
}

/** "Start a new CE log": a new sheet with the canonical headers as a table and one empty row. */
export function newLogPlan(
  snapshot: WorkbookSnapshot,
  program: Program,
  options: { credits: boolean },
): { sheet: string; table: string; ops: WorkbookOp[] } {
  const sheet = freeSheetName(snapshot);
  const table = freeTableName(snapshot);
  const headers = columnsFor(program).map((k) => COLUMN_BY_KEY[k].header);
  const creditsHeader = options.credits ? CREDITS_HEADER : undefined;
  const all = creditsHeader ? [...headers, creditsHeader] : headers;
  const range: RangeRef = { row: 0, col: 0, rows: 2, cols: all.length };
  const ops: WorkbookOp[] = [
    { kind: 'addSheet', name: sheet },
    { kind: 'setValues', sheet, row: 0, col: 0, values: [all] },
    { kind: 'createTable', sheet, range, name: table },
    ...decorationOps(program, sheet, range, all, creditsHeader, 0),
    { kind: 'freezeRows', sheet, rows: 1 },
    ...all.map((h, col): WorkbookOp => ({
      kind: 'setColumnWidth',
      sheet,
      col,
      width: Math.max(70, Math.min(220, h.length * 8 + 24)),
    })),
    { kind: 'activate', sheet },
  ];
  return { sheet, table, ops };
}
