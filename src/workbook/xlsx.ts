/**
 * A WorkbookPort over an .xlsx file, through exceljs: what the command line reads and writes.
 *
 * Coordinates are 0-based like the port; exceljs counts from 1. Dates come back as Excel serials (exceljs
 * hands out JS Dates for date-formatted cells). Text is always written as text, so a title "=1+1" stays
 * a string. exceljs cannot draw charts, so `capabilities.charts` is false and a chart op is refused.
 *
 * exceljs keeps what it understands of a file; charts, pivot tables and slicers of an opened workbook
 * are not written back. The command line never saves over the file it opened.
 */
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import {
  headOf,
  LIST_STOP_ALERT,
  rangeAddress,
  skippedSheets,
  type CellStyle,
  type CellValue,
  type ChangeEvent,
  type NamedRange,
  type PortCapabilities,
  type RangeRef,
  type ReadQuery,
  type SheetData,
  type TableInfo,
  type WorkbookOp,
  type WorkbookPort,
  type WorkbookSnapshot,
} from './port';
import { formatBytes, formatCount, XLSX_LIMITS, XlsxLimitError, type XlsxLimits } from './xlsx-limits';
import { readStreaming, type RowCells, type StreamedWorkbook } from './xlsx-stream';
import { spliceSheets, type SpliceEvent } from './xlsx-splice';
import { deflateStoredZip } from './xlsx-zip';
import { writeAs1904 } from './date-system';

const MS_PER_DAY = 86_400_000;
/** Days from Excel's epoch (1899-12-30) to 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25_569;
/** Sheet that holds validation lists too long (or with commas) for an inline list. */
export const LISTS_SHEET = 'CE Lists';
const INLINE_LIST_LIMIT = 255;
const SAFE_LINK = /^(https?:|mailto:|file:)/i;

/** exceljs internals we rely on, typed narrowly. */
interface TableModel {
  name: string;
  displayName?: string;
  ref?: string;
  tableRef: string;
  autoFilterRef?: string;
  headerRow: boolean;
  totalsRow: boolean;
  columns: { name: string; totalsRowLabel?: string; totalsRowFunction?: string; filterButton?: boolean }[];
  style?: { theme?: string; showRowStripes?: boolean } | null;
  rows?: unknown[][];
}
interface TableObject {
  table: TableModel;
  worksheet?: ExcelJS.Worksheet;
}
/** Parts of an exceljs worksheet that its type definitions leave out. */
interface WorksheetInternal {
  dataValidations: { model: Record<string, unknown>; add(address: string, validation: ExcelJS.DataValidation): void };
  conditionalFormattings: ExcelJS.ConditionalFormattingOptions[];
}
function internals(ws: ExcelJS.Worksheet): WorksheetInternal {
  return ws as unknown as WorksheetInternal;
}
interface DefinedNamesInternal {
  matrixMap: Record<string, unknown>;
  model: { name: string; ranges: string[] }[];
  add(locStr: string, name: string): void;
}

function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** 'CE Log' → "'CE Log'", as formulas and defined names spell a sheet. */
function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function columnLetters(col: number): string {
  return rangeAddress({ row: 0, col, rows: 1, cols: 1 }).replace(/\d+$/, '');
}

function absoluteAddress(range: RangeRef): string {
  const tl = `$${columnLetters(range.col)}$${range.row + 1}`;
  if (range.rows === 1 && range.cols === 1) return tl;
  return `${tl}:$${columnLetters(range.col + range.cols - 1)}$${range.row + range.rows}`;
}

function letterToCol(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "A1:B3" (with or without $) → a 0-based range. */
export function parseRange(address: string): RangeRef | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(address.trim());
  if (!m) return undefined;
  const c1 = letterToCol(m[1]!);
  const r1 = Number(m[2]) - 1;
  const c2 = m[3] ? letterToCol(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) - 1 : r1;
  return { row: Math.min(r1, r2), col: Math.min(c1, c2), rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 };
}

/** "'CE Log'!$A$1:$B$3" → sheet and range. */
function parseSheetRange(text: string): { sheet: string; range: RangeRef } | undefined {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(text.trim());
  if (!m) return undefined;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]!;
  const range = parseRange(m[3]!);
  return range ? { sheet, range } : undefined;
}

function argb(hex: string): string {
  const h = hex.replace(/^#/, '');
  if (!/^[0-9a-fA-F]{6}$/.test(h)) throw new Error(`"${hex}" is not a colour (#RRGGBB)`);
  return `FF${h.toUpperCase()}`;
}

function overlaps(a: RangeRef, b: RangeRef): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

function within(inner: RangeRef, outer: RangeRef): boolean {
  return (
    inner.row >= outer.row &&
    inner.col >= outer.col &&
    inner.row + inner.rows <= outer.row + outer.rows &&
    inner.col + inner.cols <= outer.col + outer.cols
  );
}

/** A JS Date from exceljs → Excel serial (1900 date system), keeping a time of day as the fraction. */
export function serialFromDate(date: Date): number {
  const serial = date.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL;
  return Math.round(serial * 1e9) / 1e9;
}

/** Converts what exceljs holds in a cell to a port value. */
function portValue(value: ExcelJS.CellValue | undefined): CellValue {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return serialFromDate(value);
  if (typeof value === 'object') {
    const v = value as unknown as Record<string, unknown>;
    if ('richText' in v && Array.isArray(v.richText))
      return (v.richText as { text: string }[]).map((t) => t.text).join('');
    if ('formula' in v || 'sharedFormula' in v) return portValue(v.result as ExcelJS.CellValue | undefined);
    if ('hyperlink' in v) return portValue(v.text as ExcelJS.CellValue);
    if ('error' in v) return String(v.error);
  }
  return String(value);
}

/**
 * What a cell holds for the port: its value (a formula's cached result) and its formula, or undefined
 * for a cell that holds nothing (empty, or hidden under a merged area). Shared by both readers.
 */
export function readCell(cell: ExcelJS.Cell): { value: CellValue; formula: string | undefined } | undefined {
  if (cell.type === ExcelJS.ValueType.Merge) return undefined;
  if (cell.type === ExcelJS.ValueType.Formula) {
    // A cached formula result of 0 is missing from exceljs's `value` object; `result` has it.
    return {
      value: finite(portValue(cell.result as ExcelJS.CellValue | undefined)),
      formula: cell.formula ? `=${cell.formula}` : undefined,
    };
  }
  const value = finite(portValue(cell.value));
  return value === '' ? undefined : { value, formula: undefined };
}

/** The streaming reader parses an error result (t="e") of a formula as a number: NaN. */
function finite(value: CellValue): CellValue {
  return typeof value === 'number' && Number.isNaN(value) ? '#N/A' : value;
}

/**
 * Past this many cells more than four per cell present, a sheet's used range is kept sparse: rows
 * without cells are holes in `values`, and so are the gaps of a row that is mostly gaps. A stray value
 * at XFD1048576 then costs what a cell costs, not the rectangle's seventeen billion.
 */
const DENSE_SLACK = 100_000;

/** The port's view of a sheet from the cells that exist (never from a declared dimension). */
export function buildSheetData(
  name: string,
  rows: readonly RowCells[],
  tables: TableInfo[],
  withFormulas: boolean,
): SheetData {
  let top = Infinity;
  let bottom = -1;
  let left = Infinity;
  let right = -1;
  let cells = 0;
  for (const rec of rows) {
    if (rec.cols.length === 0) continue;
    top = Math.min(top, rec.row);
    bottom = Math.max(bottom, rec.row);
    for (const c of rec.cols) {
      if (c < left) left = c;
      if (c > right) right = c;
    }
    cells += rec.cols.length;
  }
  if (bottom < 0) return { name, row: 0, col: 0, values: [], ...(withFormulas ? { formulas: [] } : {}), tables };
  const height = bottom - top + 1;
  const width = right - left + 1;
  const dense = height * width <= 4 * cells + DENSE_SLACK;
  const values: CellValue[][] = [];
  const formulas: CellValue[][] = [];
  if (dense) {
    for (let r = 0; r < height; r++) {
      values.push(new Array<CellValue>(width).fill(''));
      if (withFormulas) formulas.push(new Array<CellValue>(width).fill(''));
    }
  } else {
    values.length = height;
    if (withFormulas) formulas.length = height;
  }
  for (const rec of rows) {
    if (rec.cols.length === 0) continue;
    const r = rec.row - top;
    if (!values[r]) {
      // A sparse sheet's row: filled with "" when short, else left with holes (written right to left, so
      // a far cell gives the array a dictionary store instead of a long one).
      const span = Math.max(...rec.cols) - left + 1;
      values[r] = span <= 4 * rec.cols.length + 64 ? new Array<CellValue>(span).fill('') : [];
      if (withFormulas) formulas[r] = span <= 4 * rec.cols.length + 64 ? new Array<CellValue>(span).fill('') : [];
    }
    const valueRow = values[r]!;
    for (let i = rec.cols.length - 1; i >= 0; i--) {
      const c = rec.cols[i]! - left;
      valueRow[c] = rec.values[i]!;
      if (withFormulas) formulas[r]![c] = rec.formulas?.[i] ?? rec.values[i]!;
    }
  }
  return { name, row: top, col: left, values, ...(withFormulas ? { formulas } : {}), tables };
}

export class XlsxWorkbook implements WorkbookPort {
  readonly capabilities: PortCapabilities = { charts: false, conditionalFormats: true };
  private model: ExcelJS.Workbook | undefined;
  /** A file read by the streaming reader: reads answer from it until something needs the full model. */
  private streamed: { data: Buffer; book: StreamedWorkbook; limits: XlsxLimits } | undefined;
  private styleMemo: Map<string, Partial<ExcelJS.Style>> | undefined;
  /**
   * Sheets added to a streamed workbook, kept apart until the copy is written (see `apply`): the ops
   * as applied (replayed on the full model if one is loaded after all), the small workbook exceljs
   * holds the new sheets in, and the names and deletions for the splice.
   */
  private pending:
    | {
        ops: WorkbookOp[];
        scratch: XlsxWorkbook;
        added: string[];
        events: SpliceEvent[];
        active?: string;
        formulas: boolean;
        /** The spliced file, until the next apply (the command line asks for it twice with --pdf). */
        written?: Buffer;
      }
    | undefined;

  private constructor(
    workbook: ExcelJS.Workbook | undefined,
    streamed?: { data: Buffer; book: StreamedWorkbook; limits: XlsxLimits },
  ) {
    this.streamed = streamed;
    if (workbook) this.adopt(workbook);
  }

  private adopt(workbook: ExcelJS.Workbook): void {
    this.model = workbook;
    this.streamed = undefined;
    for (const ws of workbook.worksheets) {
      for (const t of this.tablesOf(ws)) {
        t.worksheet = ws;
        // exceljs cannot write back a table that has no style info (LibreOffice writes such tables).
        if (!t.table.style) t.table.style = { theme: 'TableStyleMedium2', showRowStripes: true };
      }
    }
  }

  /** exceljs's model of the workbook; a file opened with `openFile` has it after `load()` (or any write). */
  get workbook(): ExcelJS.Workbook {
    if (!this.model)
      throw new Error('The workbook was read by the streaming reader: call load() before using its model');
    return this.model;
  }

  /** A new workbook with one empty sheet, as Excel makes. */
  static create(firstSheet = 'Sheet1'): XlsxWorkbook {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet(firstSheet);
    return new XlsxWorkbook(wb);
  }

  static async open(path: string): Promise<XlsxWorkbook> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    return new XlsxWorkbook(wb);
  }

  /**
   * Opens a file within the bounds: read with the streaming reader (every part's size, the cells,
   * the strings, merged areas and names counted; past a bound an `XlsxLimitError`). Reads answer from
   * the cells kept; the first write, save or formula read loads exceljs's full model from the same bytes.
   */
  static async openFile(path: string, limits: XlsxLimits = XLSX_LIMITS): Promise<XlsxWorkbook> {
    const size = (await fs.stat(path)).size;
    if (size > limits.uncompressedBytes) {
      throw new XlsxLimitError(
        'uncompressedBytes',
        `the file is ${formatBytes(size)}, over the bound of ${formatBytes(limits.uncompressedBytes)}`,
      );
    }
    return XlsxWorkbook.fromBufferStreaming(await fs.readFile(path), limits);
  }

  /** As `openFile`, from the bytes of a file. */
  static async fromBufferStreaming(data: Buffer, limits: XlsxLimits = XLSX_LIMITS): Promise<XlsxWorkbook> {
    const book = await readStreaming(data, limits, readCell);
    return new XlsxWorkbook(undefined, { data, book, limits });
  }

  /**
   * Throws an `XlsxLimitError` when loading the full model (to write) would expand more cells of merged
   * areas, validations and names than the bound; a no-op for a workbook that has its model.
   */
  assertLoadable(): void {
    if (this.model || !this.streamed) return;
    const { expanded } = this.streamed.book;
    const bound = this.streamed.limits.areaCells;
    if (expanded.cells > bound) {
      throw new XlsxLimitError(
        'areaCells',
        `merged areas, data validations and defined names cover ${formatCount(expanded.cells)} cells, over the bound of ${formatCount(bound)} for writing a copy (the largest: ${expanded.largest})`,
      );
    }
  }

  /** Loads exceljs's full model (for writing); a no-op when it is loaded. */
  async load(): Promise<ExcelJS.Workbook> {
    if (!this.model) {
      this.assertLoadable();
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(this.streamed!.data as unknown as ExcelJS.Buffer);
      this.adopt(wb);
      const pending = this.pending;
      this.pending = undefined;
      if (pending) this.applyAll(pending.ops);
    }
    return this.model!;
  }

  static async fromBuffer(data: Buffer | ArrayBuffer | Uint8Array): Promise<XlsxWorkbook> {
    const wb = new ExcelJS.Workbook();
    const buffer =
      data instanceof ArrayBuffer ? Buffer.from(data) : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    return new XlsxWorkbook(wb);
  }

  async save(path: string): Promise<void> {
    await fs.writeFile(path, await this.toBuffer());
  }

  /**
   * The .xlsx file's bytes: exceljs writes the parts stored, Node's zlib deflates them (see deflateStoredZip).
   * A streamed workbook that only got new sheets is written by splicing them into the file as read
   * (xlsx-splice.ts), without loading its full model; a file the splice cannot edit is written as before.
   */
  async toBuffer(): Promise<Buffer> {
    if (!this.model && this.streamed && this.pending) {
      if (this.pending.written) return this.pending.written;
      const { scratch, events, active, formulas } = this.pending;
      const spliced = await spliceSheets({
        original: this.streamed.data,
        added: await scratch.storedBuffer(),
        events,
        active,
        fullCalcOnLoad: formulas,
      });
      if (spliced) return (this.pending.written = spliced);
    }
    return deflateStoredZip(await this.storedBuffer());
  }

  /** The workbook as exceljs writes it, its parts stored (not compressed). */
  private async storedBuffer(): Promise<Buffer> {
    const stored = await (
      await this.load()
    ).xlsx.writeBuffer({ zip: { compression: 'STORE' } } as ExcelJS.XlsxWriteOptions);
    return Buffer.isBuffer(stored) ? stored : Buffer.from(stored as ArrayBuffer);
  }

  // ---- WorkbookPort ----

  async read(query: ReadQuery): Promise<WorkbookSnapshot> {
    // The streaming reader does not expand shared formulas: formulas come from the full model. Sheets
    // added since the file was read are in the full model only.
    if (this.streamed && !this.pending && query.formulas !== true) return this.readStreamed(this.streamed.book, query);
    if (!this.model) await this.load();
    const worksheets = this.workbook.worksheets;
    const wanted = query.sheets === 'all' ? worksheets.map((w) => w.name) : (query.sheets ?? []);
    const names = this.definedNames();
    const skipped = skippedSheets(names, query);
    const sheets: Record<string, SheetData> = {};
    for (const name of wanted) {
      const ws = this.worksheet(name);
      if (!ws || sheets[ws.name] || skipped.has(ws.name.toLowerCase())) continue;
      sheets[ws.name] = headOf(this.sheetData(ws, query.formulas === true), query.headRows);
    }
    const active = this.workbook.views?.[0]?.activeTab;
    return {
      sheetNames: worksheets.map((w) => w.name),
      sheets,
      names,
      activeSheet: active !== undefined ? worksheets[active]?.name : worksheets[0]?.name,
    };
  }

  private readStreamed(book: StreamedWorkbook, query: ReadQuery): WorkbookSnapshot {
    const wanted = query.sheets === 'all' ? book.sheets.map((w) => w.name) : (query.sheets ?? []);
    const skipped = skippedSheets(book.names, query);
    const sheets: Record<string, SheetData> = {};
    for (const name of wanted) {
      const sheet = book.sheets.find((s) => sameName(s.name, name));
      if (!sheet || sheets[sheet.name] || skipped.has(sheet.name.toLowerCase())) continue;
      sheets[sheet.name] = headOf(
        buildSheetData(
          sheet.name,
          sheet.rows,
          sheet.tables.map((t) => ({ ...t, range: { ...t.range } })),
          false,
        ),
        query.headRows,
      );
      if (query.layout) sheets[sheet.name]!.merged = sheet.merged.map((m) => ({ ...m }));
    }
    return {
      sheetNames: book.sheets.map((s) => s.name),
      sheets,
      names: book.names.map((n) => ({ ...n, range: { ...n.range } })),
      activeSheet: book.activeSheet,
    };
  }

  async apply(written: readonly WorkbookOp[]): Promise<void> {
    // The port's dates are 1900 serials; a 1904 workbook gets its own (exceljs writes the numbers as given).
    const date1904 = this.model ? this.workbook.properties?.date1904 === true : this.streamed?.book.date1904 === true;
    const ops = date1904 ? writeAs1904(written) : written;
    if (!this.model && this.streamed && this.spliceable(ops)) return this.applyApart(ops);
    await this.load();
    this.applyAll(ops);
  }

  private applyAll(ops: readonly WorkbookOp[]): void {
    this.styleMemo = new Map();
    try {
      for (const op of ops) this.applyOne(op);
    } finally {
      this.styleMemo = undefined;
    }
  }

  /**
   * Whether `ops` only add sheets and write on them (plus deleting sheets, defining names, activating
   * a new sheet): what a summary does, and what can be written into the file as read without loading
   * its full model. Anything else, or anything the full path would refuse, goes the full path.
   */
  private spliceable(ops: readonly WorkbookOp[]): boolean {
    const book = this.streamed!.book;
    const current = new Set(book.sheets.map((s) => s.name.toLowerCase()));
    const added = new Set((this.pending?.added ?? []).map((s) => s.toLowerCase()));
    for (const e of this.pending?.events ?? []) if (e.kind === 'deleteSheet') current.delete(e.name.toLowerCase());
    for (const s of added) current.add(s);
    const tables = new Set(book.sheets.flatMap((s) => s.tables.map((t) => t.name.toLowerCase())));
    for (const op of ops) {
      switch (op.kind) {
        case 'addSheet':
          if (op.name.trim() === '' || op.name.length > 31 || /[\\/?*[\]:]/.test(op.name)) return false;
          if (current.has(op.name.toLowerCase())) return false;
          current.add(op.name.toLowerCase());
          added.add(op.name.toLowerCase());
          break;
        case 'deleteSheet':
          if (!current.has(op.name.toLowerCase()) || added.has(op.name.toLowerCase()) || current.size < 2) return false;
          current.delete(op.name.toLowerCase());
          break;
        case 'defineName':
          if (!current.has(op.sheet.toLowerCase()) || !/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(op.name)) return false;
          if (tables.has(op.name.toLowerCase())) return false;
          break;
        case 'activate':
          if (!added.has(op.sheet.toLowerCase())) return false;
          break;
        case 'setValues':
        case 'setFormulas':
        case 'setNumberFormat':
        case 'setStyle':
        case 'setColumnWidth':
        case 'merge':
        case 'setRowHeight':
        case 'freezeRows':
        case 'hyperlink':
        case 'pageSetup':
          if (!added.has(op.sheet.toLowerCase())) return false;
          break;
        default:
          return false;
      }
    }
    return true;
  }

  /** Applies `ops` (spliceable) to the small workbook of new sheets, and keeps the rest for the splice. */
  private async applyApart(ops: readonly WorkbookOp[]): Promise<void> {
    const pending = (this.pending ??= {
      ops: [],
      scratch: new XlsxWorkbook(new ExcelJS.Workbook()),
      added: [],
      events: [],
      formulas: false,
    });
    pending.ops.push(...ops);
    pending.written = undefined;
    const own: WorkbookOp[] = [];
    for (const op of ops) {
      if (op.kind === 'deleteSheet' || op.kind === 'defineName') pending.events.push(op);
      else {
        if (op.kind === 'addSheet') {
          pending.added.push(op.name);
          pending.events.push(op);
        }
        if (op.kind === 'activate') pending.active = op.sheet;
        if (op.kind === 'setFormulas') pending.formulas = true;
        own.push(op);
      }
    }
    await pending.scratch.apply(own);
  }

  /** Files do not change under us: nothing to report. */
  async onChange(_handler: (event: ChangeEvent) => void): Promise<() => void> {
    return () => undefined;
  }

  async select(sheet: string, _range: RangeRef): Promise<void> {
    await this.load();
    this.activate(this.requireSheet(sheet));
  }

  // ---- reading ----

  private worksheet(name: string): ExcelJS.Worksheet | undefined {
    return this.workbook.worksheets.find((w) => sameName(w.name, name));
  }

  private requireSheet(name: string): ExcelJS.Worksheet {
    const ws = this.worksheet(name);
    if (!ws) throw new Error(`The workbook has no sheet named "${name}"`);
    return ws;
  }

  private tablesOf(ws: ExcelJS.Worksheet): TableObject[] {
    return Object.values((ws as unknown as { tables: Record<string, TableObject> }).tables ?? {});
  }

  private findTable(name: string): { ws: ExcelJS.Worksheet; table: TableObject } | undefined {
    for (const ws of this.workbook.worksheets) {
      const table = this.tablesOf(ws).find((t) => sameName(t.table.name, name));
      if (table) return { ws, table };
    }
    return undefined;
  }

  private sheetData(ws: ExcelJS.Worksheet, withFormulas: boolean): SheetData {
    const rows: RowCells[] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const rec: RowCells = { row: rowNumber - 1, cols: [], values: [] };
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        const read = readCell(cell);
        if (!read) return;
        rec.cols.push(colNumber - 1);
        rec.values.push(read.value);
        if (read.formula !== undefined) (rec.formulas ??= [])[rec.values.length - 1] = read.formula;
      });
      if (rec.cols.length) rows.push(rec);
    });
    const tables: TableInfo[] = this.tablesOf(ws).map((t) => ({
      name: t.table.name,
      range: parseRange(t.table.tableRef)!,
    }));
    return buildSheetData(ws.name, rows, tables, withFormulas);
  }

  private names(): DefinedNamesInternal {
    return this.workbook.definedNames as unknown as DefinedNamesInternal;
  }

  private definedNames(): NamedRange[] {
    const result: NamedRange[] = [];
    for (const { name, ranges } of this.names().model) {
      if (name.startsWith('_xlnm.') || ranges.length !== 1) continue;
      const parsed = parseSheetRange(ranges[0]!);
      if (!parsed) continue;
      const ws = this.worksheet(parsed.sheet);
      if (!ws) continue;
      result.push({ name, sheet: ws.name, range: parsed.range });
    }
    return result;
  }

  // ---- writing ----

  private cell(ws: ExcelJS.Worksheet, row: number, col: number): ExcelJS.Cell {
    if (row < 0 || col < 0 || !Number.isInteger(row) || !Number.isInteger(col))
      throw new Error(`Bad cell position ${row},${col}`);
    return ws.getCell(row + 1, col + 1);
  }

  private forEachCell(ws: ExcelJS.Worksheet, range: RangeRef, fn: (cell: ExcelJS.Cell) => void): void {
    for (let r = range.row; r < range.row + range.rows; r++) {
      for (let c = range.col; c < range.col + range.cols; c++) fn(this.cell(ws, r, c));
    }
  }

  /**
   * exceljs may share one style object between cells loaded with the same style: always replace it,
   * never change it in place. Cells that had equal styles and get the same change share the new object
   * (`memo`, per apply): exceljs's writer then turns each distinct object into XML once, not per cell.
   */
  private restyle(
    cell: ExcelJS.Cell,
    changeKey: string,
    change: (style: Partial<ExcelJS.Style>) => Partial<ExcelJS.Style>,
  ): void {
    const before = cell.style ?? {};
    const key = `${changeKey}\u0000${JSON.stringify(before)}`;
    let after = this.styleMemo?.get(key);
    if (!after) {
      after = change({ ...before });
      this.styleMemo?.set(key, after);
    }
    cell.style = after as ExcelJS.Style;
  }

  private activate(ws: ExcelJS.Worksheet): void {
    const index = this.workbook.worksheets.indexOf(ws);
    const view = this.workbook.views?.[0] ?? { x: 0, y: 0, width: 10000, height: 20000, visibility: 'visible' };
    this.workbook.views = [{ ...view, activeTab: index, firstSheet: 0 } as ExcelJS.WorkbookView];
    // A second selected tab would group the sheets in Excel: only the active one is selected.
    for (const other of this.workbook.worksheets) {
      const views = other.views?.length ? other.views : [{}];
      other.views = views.map((v) => ({ ...v, tabSelected: other === ws })) as Partial<ExcelJS.WorksheetView>[];
    }
  }

  private listFormula(op: Extract<WorkbookOp, { kind: 'listValidation' }>): string {
    const inline = `"${op.list.join(',').replace(/"/g, '""')}"`;
    if (inline.length - 2 <= INLINE_LIST_LIMIT && !op.list.some((v) => v.includes(','))) return inline;
    // Too long (or with commas) for an inline list: keep it in a hidden sheet, one column per list.
    let lists = this.worksheet(LISTS_SHEET);
    if (!lists) {
      lists = this.workbook.addWorksheet(LISTS_SHEET, { state: 'hidden' });
    }
    const col = Math.max(0, lists.actualColumnCount);
    op.list.forEach((item, i) => {
      this.cell(lists, i, col).value = item;
    });
    return `${quoteSheet(lists.name)}!${absoluteAddress({ row: 0, col, rows: Math.max(1, op.list.length), cols: 1 })}`;
  }

  private applyOne(op: WorkbookOp): void {
    switch (op.kind) {
      case 'addSheet': {
        if (op.name.trim() === '' || op.name.length > 31 || /[\\/?*[\]:]/.test(op.name))
          throw new Error(`"${op.name}" is not a valid sheet name`);
        if (this.worksheet(op.name)) throw new Error(`A sheet named "${op.name}" already exists`);
        this.workbook.addWorksheet(op.name);
        return;
      }
      case 'deleteSheet': {
        const ws = this.requireSheet(op.name);
        if (this.workbook.worksheets.length === 1) throw new Error('A workbook must keep at least one sheet');
        const names = this.names();
        for (const n of this.definedNames()) if (sameName(n.sheet, ws.name)) delete names.matrixMap[n.name];
        const wasActive = this.workbook.views?.[0]?.activeTab === this.workbook.worksheets.indexOf(ws);
        this.workbook.removeWorksheet(ws.id);
        if (wasActive || (this.workbook.views?.[0]?.activeTab ?? 0) >= this.workbook.worksheets.length)
          this.activate(this.workbook.worksheets[0]!);
        return;
      }
      case 'setValues': {
        const ws = this.requireSheet(op.sheet);
        op.values.forEach((row, r) =>
          row.forEach((v, c) => {
            const cell = this.cell(ws, op.row + r, op.col + c);
            // A string is always stored as a string: exceljs never turns "=1+1" into a formula.
            cell.value = v === '' || v === null ? null : v;
          }),
        );
        return;
      }
      case 'setFormulas': {
        const ws = this.requireSheet(op.sheet);
        op.formulas.forEach((row, r) =>
          row.forEach((f, c) => {
            const cell = this.cell(ws, op.row + r, op.col + c);
            const result = op.results?.[r]?.[c];
            cell.value =
              f.startsWith('=') && f.length > 1
                ? ({
                    formula: f.slice(1),
                    ...(result !== undefined && result !== null ? { result } : {}),
                  } as ExcelJS.CellFormulaValue)
                : f === ''
                  ? null
                  : f;
          }),
        );
        // Cached results, where given, are for readers that do not calculate; Excel still calculates on open.
        this.workbook.calcProperties.fullCalcOnLoad = true;
        return;
      }
      case 'setNumberFormat': {
        const ws = this.requireSheet(op.sheet);
        this.forEachCell(ws, op.range, (cell) =>
          this.restyle(cell, `numFmt ${op.format}`, (s) => ({ ...s, numFmt: op.format })),
        );
        return;
      }
      case 'setStyle': {
        const ws = this.requireSheet(op.sheet);
        const st: CellStyle = op.style;
        const styleKey = `style ${JSON.stringify(st)}`;
        this.forEachCell(ws, op.range, (cell) =>
          this.restyle(cell, styleKey, (s) => {
            const font: Partial<ExcelJS.Font> = { ...(s.font ?? {}) };
            if (st.bold !== undefined) font.bold = st.bold;
            if (st.italic !== undefined) font.italic = st.italic;
            if (st.fontColor !== undefined) font.color = { argb: argb(st.fontColor) };
            if (st.fontSize !== undefined) font.size = st.fontSize;
            const next: Partial<ExcelJS.Style> = { ...s, font };
            if (st.fill !== undefined)
              next.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(st.fill) } };
            if (st.wrap !== undefined || st.horizontalAlignment !== undefined || st.verticalAlignment !== undefined) {
              const alignment: Partial<ExcelJS.Alignment> = { ...(s.alignment ?? {}) };
              if (st.wrap !== undefined) alignment.wrapText = st.wrap;
              if (st.horizontalAlignment !== undefined) alignment.horizontal = st.horizontalAlignment;
              if (st.verticalAlignment !== undefined)
                alignment.vertical = st.verticalAlignment === 'center' ? 'middle' : st.verticalAlignment;
              next.alignment = alignment;
            }
            return next;
          }),
        );
        return;
      }
      case 'setColumnWidth': {
        const ws = this.requireSheet(op.sheet);
        // The port's widths are points (as Office.js uses); an .xlsx column is measured in characters.
        ws.getColumn(op.col + 1).width = Math.max(1, Math.round((((op.width * 4) / 3 - 5) / 7) * 100) / 100);
        return;
      }
      case 'merge': {
        const r = op.range;
        this.requireSheet(op.sheet).mergeCells(r.row + 1, r.col + 1, r.row + r.rows, r.col + r.cols);
        return;
      }
      case 'unmerge': {
        const r = op.range;
        this.requireSheet(op.sheet).unMergeCells(r.row + 1, r.col + 1, r.row + r.rows, r.col + r.cols);
        return;
      }
      case 'setRowHeight': {
        const ws = this.requireSheet(op.sheet);
        for (let r = op.row; r < op.row + op.rows; r++) ws.getRow(r + 1).height = op.height;
        return;
      }
      case 'createTable': {
        const ws = this.requireSheet(op.sheet);
        if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(op.name)) throw new Error(`"${op.name}" is not a valid table name`);
        if (this.findTable(op.name) || this.definedNames().some((n) => sameName(n.name, op.name)))
          throw new Error(`The name "${op.name}" is already used in the workbook`);
        if (op.range.rows < 1 || op.range.cols < 1) throw new Error('A table needs at least a header row');
        const clash = this.tablesOf(ws).find((t) => overlaps(parseRange(t.table.tableRef)!, op.range));
        if (clash) throw new Error(`The range overlaps the table "${clash.table.name}"`);
        const headers: string[] = [];
        for (let c = 0; c < op.range.cols; c++) {
          const text = String(portValue(this.cell(ws, op.range.row, op.range.col + c).value)).trim();
          // Excel names blank headers ColumnN and needs unique ones.
          let name = text === '' ? `Column${c + 1}` : text;
          for (let n = 2; headers.some((h) => sameName(h, name)); n++) name = `${text || `Column${c + 1}`}${n}`;
          headers.push(name);
        }
        // A table needs a data row; Excel adds an empty one to a header-only range.
        const dataRows = Math.max(1, op.range.rows - 1);
        const rows: ExcelJS.CellValue[][] = [];
        for (let r = 1; r <= dataRows; r++) {
          const values: ExcelJS.CellValue[] = [];
          for (let c = 0; c < op.range.cols; c++) values.push(this.cell(ws, op.range.row + r, op.range.col + c).value);
          rows.push(values);
        }
        ws.addTable({
          name: op.name,
          ref: rangeAddress({ row: op.range.row, col: op.range.col, rows: 1, cols: 1 }),
          headerRow: true,
          totalsRow: false,
          style: { theme: 'TableStyleLight9', showRowStripes: true },
          columns: headers.map((name) => ({ name, filterButton: true })),
          rows,
        });
        const added = this.findTable(op.name)!.table;
        added.worksheet = ws;
        return;
      }
      case 'addTableColumns': {
        const found = this.findTable(op.table);
        if (!found) throw new Error(`The workbook has no table named "${op.table}"`);
        const { ws, table } = found;
        const model = table.table;
        const range = parseRange(model.tableRef)!;
        const first = range.col + range.cols;
        for (let i = 0; i < op.headers.length; i++) {
          for (let r = range.row; r < range.row + range.rows; r++) {
            if (portValue(this.cell(ws, r, first + i).value) !== '')
              throw new Error(`Cannot widen table "${model.name}": cell ${r},${first + i} is not empty`);
          }
        }
        op.headers.forEach((h, i) => {
          this.cell(ws, range.row, first + i).value = h;
          model.columns.push({ name: h, filterButton: true });
          model.rows?.forEach((row) => row.push(null));
        });
        const widened = { ...range, cols: range.cols + op.headers.length };
        model.tableRef = rangeAddress(widened);
        model.autoFilterRef = rangeAddress({ ...widened, rows: widened.rows - (model.totalsRow ? 1 : 0) });
        return;
      }
      case 'listValidation': {
        const ws = this.requireSheet(op.sheet);
        const dv = internals(ws).dataValidations;
        for (const address of Object.keys(dv.model)) {
          const existing = parseRange(address);
          if (existing && within(existing, op.range)) delete dv.model[address];
        }
        const alert = op.alert ?? LIST_STOP_ALERT;
        dv.add(rangeAddress(op.range), {
          type: 'list',
          allowBlank: true,
          formulae: [this.listFormula(op)],
          showErrorMessage: true,
          errorStyle: alert.style,
          errorTitle: alert.title,
          error: alert.message,
          ...(op.prompt ? { showInputMessage: true, prompt: op.prompt } : {}),
        });
        return;
      }
      case 'conditionalFormat': {
        const ws = this.requireSheet(op.sheet);
        const priority =
          (internals(ws).conditionalFormattings ?? []).reduce(
            (max, cf) => Math.max(max, ...cf.rules.map((r) => r.priority ?? 0)),
            0,
          ) + 1;
        ws.addConditionalFormatting({
          ref: rangeAddress(op.range),
          rules: [
            {
              type: 'expression',
              priority,
              formulae: [op.formula.replace(/^=/, '')],
              style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(op.fill) } } },
            },
          ],
        });
        return;
      }
      case 'defineName': {
        const ws = this.requireSheet(op.sheet);
        if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(op.name)) throw new Error(`"${op.name}" is not a valid name`);
        if (this.findTable(op.name)) throw new Error(`The name "${op.name}" is already used by a table`);
        const names = this.names();
        for (const existing of Object.keys(names.matrixMap))
          if (sameName(existing, op.name)) delete names.matrixMap[existing];
        names.add(`${quoteSheet(ws.name)}!${absoluteAddress(op.range)}`, op.name);
        return;
      }
      case 'freezeRows': {
        const ws = this.requireSheet(op.sheet);
        const current = (ws.views?.[0] ?? {}) as Partial<ExcelJS.WorksheetView> & { tabSelected?: boolean };
        ws.views = [
          op.rows > 0
            ? ({
                state: 'frozen',
                xSplit: 0,
                ySplit: op.rows,
                topLeftCell: `A${op.rows + 1}`,
                tabSelected: current.tabSelected,
              } as Partial<ExcelJS.WorksheetView>)
            : ({ state: 'normal', tabSelected: current.tabSelected } as Partial<ExcelJS.WorksheetView>),
        ];
        return;
      }
      case 'hyperlink': {
        const ws = this.requireSheet(op.sheet);
        const cell = this.cell(ws, op.row, op.col);
        const hasScheme = /^[A-Za-z][A-Za-z0-9+.-]*:/.test(op.address) && !/^[A-Za-z]:[\\/]/.test(op.address);
        if (hasScheme && !SAFE_LINK.test(op.address)) {
          // Only web addresses and files are links; anything else (javascript:, data:) stays plain text.
          cell.value = op.text;
          return;
        }
        cell.value = { text: op.text, hyperlink: op.address } as ExcelJS.CellHyperlinkValue;
        this.restyle(cell, 'link', (s) => ({
          ...s,
          font: { ...(s.font ?? {}), color: { argb: 'FF0563C1' }, underline: true },
        }));
        return;
      }
      case 'pageSetup': {
        const ws = this.requireSheet(op.sheet);
        ws.pageSetup = {
          ...ws.pageSetup,
          orientation: op.landscape ? 'landscape' : 'portrait',
          fitToPage: true,
          fitToWidth: op.fitToPagesWide,
          fitToHeight: 0,
          ...(op.printTitleRows
            ? { printTitlesRow: `${op.printTitleRows.first + 1}:${op.printTitleRows.last + 1}` }
            : {}),
          ...(op.printArea ? { printArea: rangeAddress(op.printArea) } : {}),
        };
        ws.headerFooter = {
          ...ws.headerFooter,
          ...(op.header !== undefined ? { oddHeader: `&C${op.header}` } : {}),
          ...(op.footer !== undefined ? { oddFooter: `&C${op.footer}` } : {}),
        };
        // exceljs breaks the page below a row: below the row above each one that starts a page.
        for (const r of op.rowBreaks ?? []) if (r > 0) ws.getRow(r).addPageBreak();
        return;
      }
      case 'chart':
        throw new Error('Charts are not supported in .xlsx files written by CE Ledger (capabilities.charts is false)');
      case 'activate':
        this.activate(this.requireSheet(op.sheet));
        return;
      case 'hideSheet':
        this.requireSheet(op.sheet).state = 'hidden';
        return;
      default: {
        const never: never = op;
        throw new Error(`Unknown operation ${JSON.stringify(never)}`);
      }
    }
  }
}
