/**
 * The WorkbookPort: the only way the pane, the summary writer and the command line touch a workbook.
 *
 * It is batch-shaped on purpose. `read` answers one query (several sheets, names) and `apply` performs a
 * whole list of operations; the Office adapter turns each call into a constant number of
 * `context.sync()` round trips, whatever the row count. Writers build plain `WorkbookOp` lists, which
 * are easy to test and identical for every host (Office, memory, xlsx).
 *
 * Rows and columns are 0-based sheet coordinates (row 0, col 0 is A1).
 */

/** A cell value as hosts exchange it. Dates are Excel serial numbers. */
export type CellValue = string | number | boolean | null;

export interface RangeRef {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface TableInfo {
  name: string;
  /** The whole table including its header row. */
  range: RangeRef;
  /** The table's last row is its totals row (Table Design › Total Row); present when the host tells. */
  totalsRow?: boolean;
}

export interface SheetData {
  name: string;
  /** The used range's top-left corner in sheet coordinates. */
  row: number;
  col: number;
  /** Values of the used range (empty cells are ""). */
  values: CellValue[][];
  /** Formulas of the used range where requested: "=SUM(A1:A3)" for formula cells, the value otherwise. */
  formulas?: CellValue[][];
  tables: TableInfo[];
  /** Merged areas anywhere on the sheet; present when the read asked for `layout` and the host knows. */
  merged?: RangeRef[];
  /** The sheet is protected (Review › Protect Sheet); present when the read asked for `layout`. */
  protected?: boolean;
}

export interface NamedRange {
  name: string;
  sheet: string;
  range: RangeRef;
}

export interface ReadQuery {
  /** Sheets whose used range to read; 'all' reads every sheet. */
  sheets?: string[] | 'all';
  /** Include formulas (for proving nothing was changed, or preserving them). */
  formulas?: boolean;
  /**
   * Workbook-scoped defined names (any case) whose sheet is not read: it stays in `sheetNames` and
   * `names` but is absent from `sheets`. For a sheet whose contents are about to be replaced (the
   * summary CE Ledger made, marked by CE_LEDGER_SUMMARY), so a large one costs no transfer. A sheet is
   * skipped only through the name, never by its sheet name, so a user's sheet named like ours is read.
   */
  skipSheetsOfNames?: string[];
  /**
   * Also the sheets' merged areas and protection: what Excel refuses a new table over (a conversion
   * checks them before it writes anything). Costs one more load per sheet read, so only when asked.
   */
  layout?: boolean;
  /**
   * Every table of the workbook with its header row, whatever sheets are read (`tables` in the
   * snapshot): enough to find a table by its headers, such as the CE log, without reading a sheet.
   * Cheap on every host: the header rows ride with the tables' ranges (in the Office adapter, in the
   * sync that loads them anyway).
   */
  tableHeaders?: boolean;
  /**
   * Only the first rows of each sheet's used range: enough to see which sheets carry a log's header
   * without moving the cells of every sheet (the pane's conversion looking for a sheet per year).
   */
  headRows?: number;
}

/** `sheet` cut to its first `rows` rows, for `ReadQuery.headRows` (itself when it has no more). */
export function headOf(sheet: SheetData, rows: number | undefined): SheetData {
  if (rows === undefined || sheet.values.length <= rows) return sheet;
  const cut: SheetData = { ...sheet, values: sheet.values.slice(0, rows) };
  if (sheet.formulas) cut.formulas = sheet.formulas.slice(0, rows);
  return cut;
}

/** A table anywhere in the workbook, with the values of its first row. */
export interface TableHeader extends TableInfo {
  sheet: string;
  /** The table range's first row (its header row). */
  header: CellValue[];
}

/** The sheets (lower case) that `skipSheetsOfNames` keeps out of a read, from the workbook's names. */
export function skippedSheets(names: readonly { name: string; sheet: string }[], query: ReadQuery): Set<string> {
  const wanted = new Set((query.skipSheetsOfNames ?? []).map((n) => n.toUpperCase()));
  return new Set(names.filter((n) => wanted.has(n.name.toUpperCase())).map((n) => n.sheet.toLowerCase()));
}

export interface WorkbookSnapshot {
  /** Every sheet name, in tab order. */
  sheetNames: string[];
  /** The sheets asked for (missing sheets are simply absent). */
  sheets: Record<string, SheetData>;
  /** Workbook-scoped defined names that refer to a range. */
  names: NamedRange[];
  /** The sheet the user is looking at, when the host knows. */
  activeSheet?: string;
  /** Every table of the workbook, when the query asked for `tableHeaders` and the host can tell. */
  tables?: TableHeader[];
  /**
   * The workbook counts dates from 1904 (File › Options › Advanced › "Use 1904 date system"). Its date
   * cells are in the snapshot as 1900 serials all the same, as every date the port hands over or takes
   * (date-system.ts); this says only what the workbook is.
   */
  date1904?: boolean;
}

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  /** "#RRGGBB" */
  fill?: string;
  fontColor?: string;
  fontSize?: number;
  wrap?: boolean;
  horizontalAlignment?: 'left' | 'center' | 'right';
  /** Excel's default is bottom; wrapped text in a tall row reads better from the top. */
  verticalAlignment?: 'top' | 'center' | 'bottom';
}

/**
 * The message Excel shows when a cell gets a value not in its drop-down list, as Excel's data
 * validation error alert: 'stop' refuses the value; 'warning' asks "Continue?"; 'information' shows
 * the message and keeps the value on OK.
 */
export interface ListAlert {
  style: 'stop' | 'warning' | 'information';
  title: string;
  message: string;
}

/** The alert of a list validation that does not say otherwise: only values from the list. */
export const LIST_STOP_ALERT: ListAlert = {
  style: 'stop',
  title: 'Not in the list',
  message: 'Choose a value from the list.',
};

/** Whether a list validation with `alert` lets a cell hold `value` (blank is always allowed). */
export function listAccepts(validation: { list: readonly string[]; alert?: ListAlert }, value: CellValue): boolean {
  if (value === null || value === '') return true;
  const alert = validation.alert ?? LIST_STOP_ALERT;
  return alert.style !== 'stop' || validation.list.some((item) => item.toLowerCase() === String(value).toLowerCase());
}

export type WorkbookOp =
  | { kind: 'addSheet'; name: string }
  | { kind: 'deleteSheet'; name: string }
  /** Values are written as values: text that starts with "=" stays text, never becomes a formula. */
  | { kind: 'setValues'; sheet: string; row: number; col: number; values: CellValue[][] }
  /**
   * Formulas in A1 notation, in English ("=SUM(E2:E9)"). `results`, same shape, are the values the
   * formulas give, stored as cached results where the file format keeps them (xlsx), so a reader that
   * does not recalculate still shows them; Excel computes its own.
   */
  | { kind: 'setFormulas'; sheet: string; row: number; col: number; formulas: string[][]; results?: CellValue[][] }
  | { kind: 'setNumberFormat'; sheet: string; range: RangeRef; format: string }
  | { kind: 'setStyle'; sheet: string; range: RangeRef; style: CellStyle }
  | { kind: 'setColumnWidth'; sheet: string; col: number; width: number }
  /** One cell over the range (its top-left cell's value), for text wider than one column. */
  | { kind: 'merge'; sheet: string; range: RangeRef }
  /** Unmerges every merged area inside `range` (Home › Merge & Center › Unmerge Cells); values stay where they are. */
  | { kind: 'unmerge'; sheet: string; range: RangeRef }
  /** Height in points of `rows` rows from `row` (wrapped text needs a row that grows with it). */
  | { kind: 'setRowHeight'; sheet: string; row: number; rows: number; height: number }
  | { kind: 'createTable'; sheet: string; range: RangeRef; name: string }
  /** Appends header cells to the right of a table and widens it to include them. */
  | { kind: 'addTableColumns'; table: string; headers: string[] }
  /**
   * A drop-down list. `alert` says what happens when a value not in the list is typed; without it the
   * value is refused (LIST_STOP_ALERT), on every host.
   */
  | { kind: 'listValidation'; sheet: string; range: RangeRef; list: string[]; prompt?: string; alert?: ListAlert }
  /** Fills cells whose formula (relative to the range's top-left cell) is true. */
  | { kind: 'conditionalFormat'; sheet: string; range: RangeRef; formula: string; fill: string }
  | { kind: 'defineName'; name: string; sheet: string; range: RangeRef; comment?: string }
  | { kind: 'freezeRows'; sheet: string; rows: number }
  | { kind: 'hyperlink'; sheet: string; row: number; col: number; address: string; text: string }
  | {
      kind: 'pageSetup';
      sheet: string;
      landscape: boolean;
      fitToPagesWide: number;
      /** Rows (0-based, inclusive) repeated at the top of each printed page. */
      printTitleRows?: { first: number; last: number };
      header?: string;
      footer?: string;
      /** The range printed; default: the used range. */
      printArea?: RangeRef;
      /** Rows (0-based) that start a new printed page (a page break above each). */
      rowBreaks?: number[];
    }
  | {
      kind: 'chart';
      sheet: string;
      type: 'bar' | 'doughnut';
      title: string;
      /** Two columns: category labels and values, without a header row. */
      data: RangeRef;
      anchor: RangeRef;
    }
  | { kind: 'activate'; sheet: string }
  /**
   * Hides a sheet from the tabs (Excel's Hide, undone by Unhide): for data CE Ledger keeps in the file,
   * such as the custom programs (workbook/custom-program-store.ts). Added for issue 13.
   */
  | { kind: 'hideSheet'; sheet: string };

export interface ChangeEvent {
  sheet: string;
}

export interface PortCapabilities {
  charts: boolean;
  conditionalFormats: boolean;
}

export interface WorkbookPort {
  readonly capabilities: PortCapabilities;
  read(query: ReadQuery): Promise<WorkbookSnapshot>;
  /** Performs every operation in order, as one batch. */
  apply(ops: readonly WorkbookOp[]): Promise<void>;
  /** Calls `handler` after cells change; returns a function that stops listening. */
  onChange(handler: (event: ChangeEvent) => void): Promise<() => void>;
  /** Selects a range for the user (clicking a problem in the pane). */
  select(sheet: string, range: RangeRef): Promise<void>;
}

/** "A1"-style address of a 0-based cell. */
export function cellAddress(row: number, col: number): string {
  let name = '';
  let n = col + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    name = String.fromCharCode(65 + r) + name;
    n = Math.floor((n - 1) / 26);
  }
  return `${name}${row + 1}`;
}

export function rangeAddress(range: RangeRef): string {
  const start = cellAddress(range.row, range.col);
  if (range.rows === 1 && range.cols === 1) return start;
  return `${start}:${cellAddress(range.row + range.rows - 1, range.col + range.cols - 1)}`;
}

/** Quotes a sheet name for formulas: 'CE Log'!A1. */
export function sheetRef(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}
