/**
 * The Office adapter: the WorkbookPort over `Excel.run`.
 *
 * Round trips are what make an add-in slow, so a call costs a number of `context.sync()` calls that
 * does not grow with the row count until a sync would carry more than Excel on the web accepts (~5 MB):
 *   read  — 2 syncs (3 when asked for 'all' sheets): (1) sheet, table and name lists, the active sheet
 *           and the used-range size of each named sheet; (2) every name's and table's range (and, with
 *           `tableHeaders`, each table's first row: no sheet is read to find a table) and every
 *           sheet's values, large used ranges split into row chunks queued together up to the budget
 *           (SYNC_CELL_BUDGET cells). With 'all', the used-range sizes need the sheet list first: one
 *           more sync, which also finds the sheets of `skipSheetsOfNames` (not read). Reads beyond the
 *           budget take one more sync per budget's worth of cells (a 100,000-row log: several).
 *   apply — 1 sync (2 when the batch redefines an existing name: names are listed first), plus one
 *           per SYNC_WRITE_BYTES of estimated request written (only a write of several MB: a
 *           conversion of a huge log, long texts).
 * Only what is needed is loaded: names, sizes and values; formulas only when asked.
 */
import type {
  CellStyle,
  CellValue,
  ListAlert,
  ChangeEvent,
  NamedRange,
  PortCapabilities,
  RangeRef,
  ReadQuery,
  SheetData,
  TableInfo,
  WorkbookOp,
  WorkbookPort,
  WorkbookSnapshot,
} from './port';
import { LIST_STOP_ALERT, rangeAddress } from './port';
import { readAs1900, writeAs1904 } from './date-system';
import { queueEpoch } from './excel-epoch';

/** `Excel.run` or a stand-in with the same shape (the fake host in tests). */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OfficeWorkbookOptions {
  /** Rows per `getRangeByIndexes` chunk when a used range is large (several chunks may share a sync). */
  chunkRows?: number;
  /** Cells one sync may load; default SYNC_CELL_BUDGET (tests inject a small one). */
  syncCellBudget?: number;
  /** Estimated request bytes one sync may write; default SYNC_WRITE_BYTES (tests inject a small one). */
  syncWriteBytes?: number;
  run?: ExcelRun;
}

export const DEFAULT_CHUNK_ROWS = 5000;

/**
 * Cells one `context.sync()` may load. Excel on the web refuses a request or a response over about
 * 5 MB (RichApi.Error "RequestPayloadSizeLimitExceeded" / "ResponsePayloadSizeLimitExceeded"), and a
 * read cannot know the size of the text before it arrives, so reads are budgeted in cells:
 * 5 MB / 160,000 cells ≈ 32 bytes of JSON per cell, which must hold the value and, when a read asks
 * for formulas too, the formula (the same text again for a cell without one). A typical log cell is
 * smaller: the bench's 10,000-row NISM log is 1.7 MB of JSON for 130,013 cells (≈ 13 bytes a cell,
 * so ≈ 4.2 MB for 160,000 cells read with formulas). It is large enough that a whole 10,000-row log of
 * 15 columns (150,015 cells) is one sync, so a refresh costs the same at 10 and 10,000 rows. A log of
 * very long texts could still overflow: reads that hit the limit are retried in halves (a read changes
 * nothing, so repeating it is safe).
 */
export const SYNC_CELL_BUDGET = 160_000;

/**
 * Estimated request bytes one writing `context.sync()` may carry. Writes know their content, so they
 * are budgeted in bytes, not cells: each cell costs its JSON in UTF-8 plus a separator (writeBytes,
 * exact for numbers and booleans, an upper bound for text), each Excel call its envelope (CALL_BYTES,
 * an upper bound too). Excel on the web refuses a request over about 5 MB, read here as 5,000,000
 * bytes (not 5 MiB); the 200,000 bytes left (4 %) are for what the estimate leaves out: the request's
 * own wrapper and the worksheet objects (a few hundred bytes per sheet and batch). A 10,000-row
 * summary of the bench's NISM log, half of whose rows have a proof link, is estimated at 4.69 MB
 * (≈ 2.7 MB of cells and ≈ 5,000 hyperlinks at ≈ 370 bytes each; the fake host measures 4.4 MB):
 * one sync. A write of long texts is split into row slices, each within this budget.
 */
export const SYNC_WRITE_BYTES = 4_800_000;

/**
 * What one Excel call costs in the request beyond its argument. Office's request JSON spells a
 * property set on a new range as the range's object path
 * (`"12":{"Id":12,"ObjectPathType":3,"Name":"GetRangeByIndexes","ParentObjectPathId":3,"ArgumentInfo":{"Arguments":[10001,2,1,1]}}`,
 * ≈ 125 bytes with five-digit ids), the action that instantiates it (`{"Id":13,"ActionType":1,"Name":"","ObjectPathId":12}`,
 * ≈ 55) and the set-property action (`{"Id":14,"ActionType":4,"Name":"Values","ObjectPathId":12,"ArgumentInfo":{"Arguments":[…]}}`,
 * ≈ 95 without the argument): about 275 bytes, counted as 300. Worksheet objects are made once per
 * sheet and batch, so they are not counted per call. Calls on sub-objects (format, font, data
 * validation, page layout) are cheaper but counted the same.
 */
export const CALL_BYTES = 300;

/** True for Office's (and the fake host's) payload-size errors. */
export function isPayloadLimitError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded';
}

/** UTF-8 bytes of `text` (a surrogate counts 2: a pair is 4 bytes). */
function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 2 : 3;
  }
  return n;
}

/**
 * Bytes of a value as JSON in UTF-8: for text, the quotes, escapes (a control character counts as
 * \uXXXX, 6) and multi-byte characters; a lone surrogate counts 6 (it is escaped). A null cell is
 * written as "" (2 bytes); a non-finite number as null (4); anything else as its JSON text.
 */
export function jsonBytes(value: unknown): number {
  if (typeof value === 'string') {
    let n = 2;
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      n += c === 34 || c === 92 ? 2 : c < 0x20 ? 6 : c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdfff ? 6 : 3;
    }
    return n;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? String(value).length : 4;
  if (typeof value === 'boolean') return value ? 4 : 5;
  if (value === null || value === undefined) return 2;
  return utf8Bytes(JSON.stringify(value));
}

/** What writing one cell adds to a request: its JSON and a separator. */
export function writeBytes(value: unknown): number {
  return jsonBytes(value) + 1;
}

/** The Excel calls an operation that writes no block of cells makes (see queueOp). */
function callsOf(op: WorkbookOp): number {
  switch (op.kind) {
    case 'setStyle':
      return 1 + Object.keys(op.style).length;
    case 'setColumnWidth':
    case 'createTable':
      return 2;
    case 'addTableColumns':
      return 1 + op.headers.length;
    case 'defineName':
      return 3;
    case 'conditionalFormat':
    case 'chart':
      return 4;
    case 'listValidation':
      return 5;
    case 'pageSetup':
      return 6;
    default:
      return 1;
  }
}

/** Office's error-alert style names. */
function officeAlertStyle(style: ListAlert['style']): Excel.DataValidationAlertStyle {
  return style === 'information'
    ? ('Information' as Excel.DataValidationAlertStyle)
    : style === 'warning'
      ? ('Warning' as Excel.DataValidationAlertStyle)
      : ('Stop' as Excel.DataValidationAlertStyle);
}

/** One slice of a used range, loaded in some sync. */
interface Piece {
  sheet: string;
  ws: Excel.Worksheet;
  ref: RangeRef;
  /** The used range itself when the piece is all of it (no extra range object). */
  whole?: Excel.Range;
  loaded?: Excel.Range;
}

/** Splits a piece into row slices of at most `budget` cells (at least one row each). */
function splitPiece(piece: Piece, budget: number, maxRows: number): Piece[] {
  const rowsPer = Math.max(1, Math.min(maxRows, Math.floor(budget / Math.max(1, piece.ref.cols))));
  if (piece.ref.rows <= rowsPer) return [piece];
  const out: Piece[] = [];
  for (let start = 0; start < piece.ref.rows; start += rowsPer) {
    out.push({
      sheet: piece.sheet,
      ws: piece.ws,
      ref: { ...piece.ref, row: piece.ref.row + start, rows: Math.min(rowsPer, piece.ref.rows - start) },
    });
  }
  return out;
}

/** The worksheet object of a sheet name, made once per batch. */
type SheetOf = (name: string) => Excel.Worksheet;

/** The argument of the "@" number format a text cell gets before its value: [["@"]]. */
const TEXT_FORMAT_BYTES = 7;

/** A unit of an apply: what it costs in request bytes and how to queue it. */
/** Longest address given to one `getRanges` call (Excel refuses very long references). */
const RANGE_AREAS_ADDRESS = 4000;

/**
 * Row heights of one sheet grouped by height, as whole-row addresses ("3:3,5:7") of at most
 * RANGE_AREAS_ADDRESS characters; undefined when two of the ops touch the same row (then their order matters).
 */
function rowHeightGroups(
  ops: readonly Extract<WorkbookOp, { kind: 'setRowHeight' }>[],
): { height: number; address: string }[] | undefined {
  const sorted = [...ops].filter((o) => o.rows > 0).sort((a, b) => a.row - b.row);
  for (let k = 1; k < sorted.length; k++)
    if (sorted[k]!.row < sorted[k - 1]!.row + sorted[k - 1]!.rows) return undefined;
  const byHeight = new Map<number, string[]>();
  for (const o of sorted) {
    const list = byHeight.get(o.height) ?? [];
    list.push(`${o.row + 1}:${o.row + o.rows}`);
    byHeight.set(o.height, list);
  }
  const out: { height: number; address: string }[] = [];
  for (const [height, areas] of byHeight) {
    let address = '';
    for (const area of areas) {
      if (address && address.length + 1 + area.length > RANGE_AREAS_ADDRESS) {
        out.push({ height, address });
        address = '';
      }
      address = address ? `${address},${area}` : area;
    }
    if (address) out.push({ height, address });
  }
  return out;
}

/** Whether the host has RangeAreas (Worksheet.getRanges, ExcelApi 1.9); the fake host has it when it has the method. */
function hasRangeAreas(ws: Excel.Worksheet): boolean {
  if (typeof ws.getRanges !== 'function') return false;
  const office = (
    globalThis as {
      Office?: { context?: { requirements?: { isSetSupported?: (set: string, version: string) => boolean } } };
    }
  ).Office;
  return office?.context?.requirements?.isSetSupported?.('ExcelApi', '1.9') ?? true;
}

interface WriteUnit {
  cost: number;
  queue: () => void;
}

/**
 * Row slices of a block of rows such that each slice costs at most `budget` (at least one row each);
 * every slice also costs `base` (the call that writes it).
 */
function rowSlices<T>(
  rows: readonly T[],
  costOf: (row: T) => number,
  budget: number,
  base: number,
): { start: number; end: number; cost: number }[] {
  const out: { start: number; end: number; cost: number }[] = [];
  let start = 0;
  let cost = base;
  rows.forEach((row, i) => {
    const c = costOf(row);
    if (i > start && cost + c > budget) {
      out.push({ start, end: i, cost });
      start = i;
      cost = base;
    }
    cost += c;
  });
  if (rows.length > start) out.push({ start, end: rows.length, cost });
  return out;
}

/** Whether every row of a block has the same, non-zero width (then it is one range write). */
function isRectangular(rows: readonly (readonly unknown[])[]): boolean {
  const width = rows[0]?.length ?? 0;
  return width > 0 && rows.every((r) => r.length === width);
}

/**
 * Text Excel would turn into something else when written as a value: a formula ("=", "+", "-", "@"),
 * a number, a percentage, a date or a boolean. Such cells get the text format "@" before the write.
 */
export function needsTextFormat(value: CellValue): boolean {
  if (typeof value !== 'string' || value === '') return false;
  if (/^[=+\-@]/.test(value)) return true;
  const t = value.trim();
  if (/^(true|false)$/i.test(t)) return true;
  if (/^[$€£(]?\s*[\d.,]+\s*%?\)?$/.test(t) && /\d/.test(t)) return true;
  // Dates and times Excel recognises: 1/2/2025, 2025-01-02, 3:15, 2-Jan.
  if (/^\d{1,4}[-/.]\d{1,2}([-/.]\d{1,4})?$/.test(t) || /^\d{1,2}:\d{2}/.test(t)) return true;
  if (/^\d{1,2}[- ][A-Za-z]{3,9}([- ]\d{2,4})?$/.test(t) || /^[A-Za-z]{3,9}[- ]\d{1,2}([-, ]+\d{2,4})?$/.test(t))
    return true;
  if (/^\d+(\.\d*)?e[+-]?\d+$/i.test(t)) return true;
  return false;
}

function sheetOfAddress(address: string): string {
  const bang = address.lastIndexOf('!');
  const sheet = bang < 0 ? '' : address.slice(0, bang);
  return sheet.startsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
}

function refOf(range: Excel.Range): RangeRef {
  return { row: range.rowIndex, col: range.columnIndex, rows: range.rowCount, cols: range.columnCount };
}

/** A sheet's merged areas and protection, loaded with a read's values when it asks for `layout`. */
interface SheetLayout {
  protection: Excel.WorksheetProtection;
  /** Absent on hosts before ExcelApi 1.13 (no getMergedAreasOrNullObject): they do not report merges. */
  merged?: Excel.RangeAreas;
}

function queueLayouts(sheets: ReadonlyMap<string, Excel.Worksheet>): Map<string, SheetLayout> {
  const out = new Map<string, SheetLayout>();
  for (const [name, ws] of sheets) {
    const whole = ws.getRange();
    // A feature test of the method, not a read of a loaded property: the rules cannot tell the two apart.
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
    const canMerge = typeof whole.getMergedAreasOrNullObject === 'function';
    const merged = canMerge ? whole.getMergedAreasOrNullObject().load('address') : undefined;
    out.set(name, { protection: ws.protection.load('protected'), ...(merged ? { merged } : {}) });
  }
  return out;
}

function layoutOf(layout: SheetLayout | undefined): Pick<SheetData, 'merged' | 'protected'> {
  if (!layout) return {};
  const merged = layout.merged ? (layout.merged.isNullObject ? [] : areasOf(layout.merged.address)) : undefined;
  return { protected: layout.protection.protected, ...(merged ? { merged } : {}) };
}

/** The areas of an address such as "Sheet1!A1:B2, 'My, sheet'!D4:E5" (whole rows "3:4" and columns "C:D" too). */
export function areasOf(address: string): RangeRef[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  const out: RangeRef[] = [];
  for (const part of parts) {
    const local = part
      .slice(part.lastIndexOf('!') + 1)
      .replace(/\$/g, '')
      .trim();
    const [a, b = a] = local.split(':') as [string, string?];
    const start = cellOf(a, 'start');
    const end = cellOf(b!, 'end');
    if (start && end)
      out.push({ row: start.row, col: start.col, rows: end.row - start.row + 1, cols: end.col - start.col + 1 });
  }
  return out;
}

/** "B3" → row 2, col 1; "B" or "3" (a whole column or row) → its first or last cell. */
function cellOf(text: string, side: 'start' | 'end'): { row: number; col: number } | undefined {
  const m = /^([A-Za-z]*)(\d*)$/.exec(text);
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return {
    row: m[2] ? Number(m[2]) - 1 : side === 'start' ? 0 : 1_048_575,
    col: m[1] ? col - 1 : side === 'start' ? 0 : 16_383,
  };
}

function fill<T>(rows: number, cols: number, value: T): T[][] {
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => value));
}

export class OfficeWorkbook implements WorkbookPort {
  readonly capabilities: PortCapabilities = { charts: true, conditionalFormats: true };
  private readonly run: ExcelRun;
  private readonly chunkRows: number;
  private readonly budget: number;
  private readonly writeBytes: number;
  /** The workbook counts dates from 1904; undefined until a read or a dated write has asked. */
  private date1904: boolean | undefined;

  constructor(options: OfficeWorkbookOptions = {}) {
    this.run = options.run ?? (<T>(batch: (context: Excel.RequestContext) => Promise<T>) => Excel.run(batch));
    this.chunkRows = Math.max(1, options.chunkRows ?? DEFAULT_CHUNK_ROWS);
    this.budget = Math.max(1, options.syncCellBudget ?? SYNC_CELL_BUDGET);
    this.writeBytes = Math.max(1, options.syncWriteBytes ?? SYNC_WRITE_BYTES);
  }

  read(query: ReadQuery): Promise<WorkbookSnapshot> {
    return this.run(async (context) => {
      const wb = context.workbook;
      const worksheets = wb.worksheets.load('items/name');
      const names = wb.names.load('items/name,items/type');
      const tables = wb.tables.load('items/name');
      const active = wb.worksheets.getActiveWorksheet().load('name');
      // The workbook's date system, with the first sync: DATE(1904,1,1) is serial 0 in the 1904 system
      // and 1462 in the 1900 one (Excel's worksheet functions, ExcelApi 1.2; a host without them is 1900).
      const epoch = queueEpoch(wb);
      const wanted = query.sheets ?? [];
      const used = new Map<string, Excel.Range>();
      const usedSheets = new Map<string, Excel.Worksheet>();
      const queueUsed = (sheetNames: readonly string[]) => {
        for (const name of sheetNames) {
          const sheet = wb.worksheets.getItemOrNullObject(name);
          const range = sheet.getUsedRangeOrNullObject(true);
          range.load('rowIndex,columnIndex,rowCount,columnCount');
          sheet.load('name');
          used.set(name, range);
          usedSheets.set(name, sheet);
        }
      };
      // The sheets of `skipSheetsOfNames` are listed but not read: their names' ranges ride with the
      // used-range sizes for 'all' (no extra sync); a list of sheets needs one more sync, only when
      // such a name exists.
      const skipNames = new Set((query.skipSheetsOfNames ?? []).map((n) => n.toUpperCase()));
      let skipRanges: Excel.Range[] = [];
      const queueSkipped = () => {
        skipRanges = names.items
          .filter((n) => n.type === 'Range' && skipNames.has(n.name.toUpperCase()))
          .map((n) => n.getRangeOrNullObject().load('address'));
      };
      if (wanted !== 'all') queueUsed(wanted);
      await context.sync();
      if (wanted === 'all') {
        queueUsed(worksheets.items.map((s) => s.name));
        queueSkipped();
        await context.sync();
      } else if (skipNames.size) {
        queueSkipped();
        if (skipRanges.length) await context.sync();
      }
      const skipped = new Set(
        skipRanges.filter((r) => !r.isNullObject).map((r) => sheetOfAddress(r.address).toLowerCase()),
      );

      // A 1904 workbook's date cells are told by their number formats, loaded with the values (twice the
      // cells per chunk, so half as many cells per sync) and read as 1900 serials (date-system.ts).
      const date1904 = epoch?.value === 0;
      this.date1904 = epoch ? date1904 : false;
      // Then the ranges of names and tables, and every value chunk: chunks are queued together until
      // the next would take the sync over the cell budget. Names and tables ride with the first.
      const props = (query.formulas ? 'values,formulas' : 'values') + (date1904 ? ',numberFormat' : '');
      const sheetRefs = new Map<string, RangeRef>();
      const sheetObjects = new Map<string, Excel.Worksheet>();
      let pending: Piece[] = [];
      for (const [requested, range] of used) {
        const ws = usedSheets.get(requested)!;
        if (ws.isNullObject || sheetRefs.has(ws.name) || skipped.has(ws.name.toLowerCase())) continue;
        sheetObjects.set(ws.name, ws);
        if (range.isNullObject) {
          sheetRefs.set(ws.name, { row: 0, col: 0, rows: 0, cols: 0 });
          continue;
        }
        const ref = refOf(range);
        // A look at the first rows only: the rest of the used range is not moved.
        const cut = query.headRows !== undefined && ref.rows > query.headRows;
        if (cut) ref.rows = Math.max(0, query.headRows!);
        sheetRefs.set(ws.name, ref);
        pending.push(
          ...splitPiece({ sheet: ws.name, ws, ref, ...(cut ? {} : { whole: range }) }, this.budget, this.chunkRows),
        );
      }
      const done: Piece[] = [];
      let budget = date1904 ? Math.max(1, Math.floor(this.budget / 2)) : this.budget;
      let nameRanges: { name: string; range: Excel.Range }[] | undefined;
      let tableRanges: { name: string; range: Excel.Range; header?: Excel.Range }[] | undefined;
      let layouts: Map<string, SheetLayout> | undefined;
      let first = true;
      while (first || pending.length) {
        const group: Piece[] = [];
        let cells = 0;
        while (pending.length) {
          const next = pending[0]!;
          const n = next.ref.rows * next.ref.cols;
          if (group.length && cells + n > budget) break;
          group.push(next);
          cells += n;
          pending.shift();
        }
        if (first) {
          nameRanges = names.items
            .filter((n) => n.type === 'Range')
            .map((n) => ({
              name: n.name,
              range: n.getRangeOrNullObject().load('address,rowIndex,columnIndex,rowCount,columnCount'),
            }));
          tableRanges = tables.items.map((t) => {
            const range = t.getRange().load('address,rowIndex,columnIndex,rowCount,columnCount');
            // The first row, as a sheet read would see it: a table without a header row has none to match.
            return { name: t.name, range, header: query.tableHeaders ? range.getRow(0).load('values') : undefined };
          });
          if (query.layout) layouts = queueLayouts(sheetObjects);
        }
        for (const piece of group) {
          const r = piece.ref;
          piece.loaded = (piece.whole ?? piece.ws.getRangeByIndexes(r.row, r.col, r.rows, r.cols)).load(props);
        }
        try {
          await context.sync();
        } catch (error) {
          // Cells are not bytes: a log of long texts can overflow a sync within the budget. Nothing was
          // read; read the same pieces again in halves, until a single row is all that is left.
          const canShrink = group.length > 1 || (group[0]?.ref.rows ?? 0) > 1;
          if (!isPayloadLimitError(error) || !canShrink) throw error;
          budget = Math.max(1, Math.floor(Math.min(budget, cells) / 2));
          pending = [
            ...group.flatMap((p) => splitPiece({ sheet: p.sheet, ws: p.ws, ref: p.ref }, budget, this.chunkRows)),
            ...pending,
          ];
          continue;
        }
        first = false;
        done.push(...group);
      }

      const tableInfos: (TableInfo & { sheet: string })[] = tableRanges!.map((t) => ({
        name: t.name,
        sheet: sheetOfAddress(t.range.address),
        range: refOf(t.range),
      }));
      const sheets: Record<string, SheetData> = {};
      for (const [name, ref] of sheetRefs) {
        const parts = done.filter((p) => p.sheet === name).sort((a, b) => a.ref.row - b.ref.row);
        const values: CellValue[][] = [];
        const formulas: CellValue[][] = [];
        for (const part of parts) {
          const own = part.loaded!.values as CellValue[][];
          if (date1904) readAs1900(own, part.loaded!.numberFormat as string[][]);
          for (const row of own) values.push(row);
          if (query.formulas) for (const row of part.loaded!.formulas) formulas.push(row as CellValue[]);
        }
        sheets[name] = {
          name,
          row: ref.row,
          col: ref.col,
          values,
          ...(query.formulas ? { formulas } : {}),
          tables: tableInfos
            .filter((t) => t.sheet.toLowerCase() === name.toLowerCase())
            .map(({ name: n, range }) => ({ name: n, range })),
          ...layoutOf(layouts?.get(name)),
        };
      }
      const namedRanges: NamedRange[] = nameRanges!
        .filter((n) => !n.range.isNullObject)
        .map((n) => ({ name: n.name, sheet: sheetOfAddress(n.range.address), range: refOf(n.range) }));
      return {
        sheetNames: worksheets.items.map((s) => s.name),
        sheets,
        names: namedRanges,
        activeSheet: active.name,
        ...(date1904 ? { date1904: true } : {}),
        ...(query.tableHeaders
          ? {
              tables: tableInfos.map((t, i) => ({
                ...t,
                header: (tableRanges![i]!.header!.values[0] ?? []) as CellValue[],
              })),
            }
          : {}),
      };
    });
  }

  apply(written: readonly WorkbookOp[]): Promise<void> {
    if (written.length === 0) return Promise.resolve();
    return this.run(async (context) => {
      const wb = context.workbook;
      // Dates are written as the workbook counts them: a 1904 workbook's own serials. A batch that writes
      // a date into a workbook not read yet asks its date system first (one sync).
      let ops = written;
      const dated = writeAs1904(written);
      if (dated !== written) {
        if (this.date1904 === undefined) {
          const epoch = queueEpoch(wb);
          if (epoch) await context.sync();
          this.date1904 = epoch?.value === 0;
        }
        if (this.date1904) ops = dated;
      }
      const redefined = new Set(
        ops.filter((o) => o.kind === 'defineName').map((o) => (o as { name: string }).name.toUpperCase()),
      );
      let existingNames = new Set<string>();
      if (redefined.size) {
        const names = wb.names.load('items/name');
        await context.sync();
        existingNames = new Set(names.items.map((n) => n.name.toUpperCase()));
      }
      // One worksheet object per sheet and batch: each call then costs a range path, not a sheet path too.
      const sheets = new Map<string, Excel.Worksheet>();
      const sheet: SheetOf = (name) => {
        let ws = sheets.get(name.toLowerCase());
        if (!ws) sheets.set(name.toLowerCase(), (ws = wb.worksheets.getItem(name)));
        return ws;
      };
      const rangeOf = (name: string, r: RangeRef) => sheet(name).getRangeByIndexes(r.row, r.col, r.rows, r.cols);
      // Each operation becomes units that cost the request bytes they add (see SYNC_WRITE_BYTES); a
      // block of rows too large for one sync is split into row slices. Units are queued in order and a
      // sync is made before the one that would take the batch over the budget, so a huge write is
      // several syncs, each under the limit.
      const budget = this.writeBytes;
      const units: WriteUnit[] = [];
      for (let i = 0; i < ops.length; i++) {
        const op = ops[i]!;
        switch (op.kind) {
          case 'setRowHeight': {
            // A run of row heights on one sheet: one call per height (a RangeAreas of its rows), so a
            // summary of 10,000 wrapped rows costs a few calls, not one per row.
            let j = i;
            while (j + 1 < ops.length) {
              const next = ops[j + 1]!;
              if (next.kind !== 'setRowHeight' || next.sheet.toLowerCase() !== op.sheet.toLowerCase()) break;
              j++;
            }
            const run = ops.slice(i, j + 1) as Extract<WorkbookOp, { kind: 'setRowHeight' }>[];
            i = j;
            const groups = rowHeightGroups(run);
            if (!groups || !hasRangeAreas(sheet(op.sheet))) {
              for (const one of run)
                units.push({
                  cost: CALL_BYTES + jsonBytes(one),
                  queue: () => this.queueOp(context, one, existingNames, sheet, sheets),
                });
              break;
            }
            for (const { height, address } of groups)
              units.push({
                cost: CALL_BYTES + utf8Bytes(address) + 16,
                queue: () => (sheet(op.sheet).getRanges(address).format.rowHeight = height),
              });
            break;
          }
          case 'setValues': {
            // A ragged block is written row by row: a call per row.
            const perRow = isRectangular(op.values) ? 0 : CALL_BYTES;
            const cost = (row: readonly CellValue[]) =>
              row.reduce<number>(
                (sum, v) => sum + writeBytes(v) + (needsTextFormat(v) ? CALL_BYTES + TEXT_FORMAT_BYTES : 0),
                2 + perRow,
              );
            for (const slice of rowSlices(op.values, cost, budget, perRow ? 0 : CALL_BYTES)) {
              units.push({
                cost: slice.cost,
                queue: () =>
                  this.queueValues(
                    sheet(op.sheet),
                    op.row + slice.start,
                    op.col,
                    op.values.slice(slice.start, slice.end),
                  ),
              });
            }
            break;
          }
          case 'setFormulas': {
            const perRow = isRectangular(op.formulas) ? 0 : CALL_BYTES;
            const cost = (row: readonly string[]) => row.reduce<number>((sum, f) => sum + writeBytes(f), 2 + perRow);
            for (const slice of rowSlices(op.formulas, cost, budget, perRow ? 0 : CALL_BYTES)) {
              units.push({
                cost: slice.cost,
                queue: () =>
                  this.queueFormulas(
                    sheet(op.sheet),
                    op.row + slice.start,
                    op.col,
                    op.formulas.slice(slice.start, slice.end),
                  ),
              });
            }
            break;
          }
          case 'setNumberFormat': {
            const rowCost = op.range.cols * writeBytes(op.format) + 2;
            const rows = Array.from({ length: op.range.rows }, () => rowCost);
            for (const slice of rowSlices(rows, (c) => c, budget, CALL_BYTES)) {
              const r: RangeRef = { ...op.range, row: op.range.row + slice.start, rows: slice.end - slice.start };
              units.push({
                cost: slice.cost,
                queue: () => (rangeOf(op.sheet, r).numberFormat = fill(r.rows, r.cols, op.format)),
              });
            }
            break;
          }
          case 'hyperlink': {
            // The link and its text are one call; text Excel would reinterpret is written as text first.
            const asText = needsTextFormat(op.text) ? 2 * CALL_BYTES + TEXT_FORMAT_BYTES + writeBytes(op.text) : 0;
            const cost = CALL_BYTES + jsonBytes({ address: op.address, textToDisplay: op.text }) + asText;
            units.push({ cost, queue: () => this.queueOp(context, op, existingNames, sheet, sheets) });
            break;
          }
          default:
            units.push({
              cost: CALL_BYTES * callsOf(op) + jsonBytes(op),
              queue: () => this.queueOp(context, op, existingNames, sheet, sheets),
            });
        }
      }
      let bytes = 0;
      for (const unit of units) {
        if (bytes > 0 && bytes + unit.cost > budget) {
          await context.sync();
          bytes = 0;
        }
        unit.queue();
        bytes += unit.cost;
      }
      await context.sync();
    });
  }

  /** Queues one operation that writes no block of cells (those are split by `apply`). */
  private queueOp(
    context: Excel.RequestContext,
    op: WorkbookOp,
    existingNames: Set<string>,
    sheet: SheetOf,
    sheets: Map<string, Excel.Worksheet>,
  ): void {
    const wb = context.workbook;
    const rangeOf = (name: string, r: RangeRef) => sheet(name).getRangeByIndexes(r.row, r.col, r.rows, r.cols);
    switch (op.kind) {
      case 'addSheet':
        sheets.set(op.name.toLowerCase(), wb.worksheets.add(op.name));
        break;
      case 'deleteSheet':
        sheet(op.name).delete();
        sheets.delete(op.name.toLowerCase());
        break;
      case 'setValues':
        this.queueValues(sheet(op.sheet), op.row, op.col, op.values);
        break;
      case 'setFormulas':
        this.queueFormulas(sheet(op.sheet), op.row, op.col, op.formulas);
        break;
      case 'setNumberFormat':
        rangeOf(op.sheet, op.range).numberFormat = fill(op.range.rows, op.range.cols, op.format);
        break;
      case 'setStyle':
        applyStyle(rangeOf(op.sheet, op.range), op.style);
        break;
      case 'setColumnWidth':
        sheet(op.sheet).getRangeByIndexes(0, op.col, 1, 1).getEntireColumn().format.columnWidth = op.width;
        break;
      case 'merge':
        rangeOf(op.sheet, op.range).merge(false);
        break;
      case 'unmerge':
        rangeOf(op.sheet, op.range).unmerge();
        break;
      case 'setRowHeight':
        sheet(op.sheet).getRangeByIndexes(op.row, 0, op.rows, 1).getEntireRow().format.rowHeight = op.height;
        break;
      case 'createTable': {
        const table = sheet(op.sheet).tables.add(rangeAddress(op.range), true);
        table.name = op.name;
        break;
      }
      case 'addTableColumns': {
        const table = wb.tables.getItem(op.table);
        for (const header of op.headers) table.columns.add(undefined, undefined, header);
        break;
      }
      case 'listValidation': {
        const validation = rangeOf(op.sheet, op.range).dataValidation;
        validation.clear();
        validation.rule = { list: { inCellDropDown: true, source: op.list.join(',') } };
        if (op.prompt) validation.prompt = { showPrompt: true, title: '', message: op.prompt };
        // Always set, so Office refuses or accepts exactly what the memory and xlsx hosts do.
        const alert = op.alert ?? LIST_STOP_ALERT;
        validation.errorAlert = {
          showAlert: true,
          style: officeAlertStyle(alert.style),
          title: alert.title,
          message: alert.message,
        };
        break;
      }
      case 'conditionalFormat': {
        const format = rangeOf(op.sheet, op.range).conditionalFormats.add('Custom');
        format.custom.rule.formula = op.formula;
        format.custom.format.fill.color = op.fill;
        break;
      }
      case 'defineName': {
        if (existingNames.has(op.name.toUpperCase())) wb.names.getItem(op.name).delete();
        existingNames.add(op.name.toUpperCase());
        wb.names.add(op.name, rangeOf(op.sheet, op.range), op.comment);
        break;
      }
      case 'freezeRows':
        sheet(op.sheet).freezePanes.freezeRows(op.rows);
        break;
      case 'hyperlink': {
        // The hyperlink's display text becomes the cell's text; text Excel would turn into a number,
        // date or formula is first written as text, on the same range object.
        const cell = sheet(op.sheet).getRangeByIndexes(op.row, op.col, 1, 1);
        if (needsTextFormat(op.text)) {
          cell.numberFormat = [['@']];
          cell.values = [[op.text]];
        }
        cell.hyperlink = { address: op.address, textToDisplay: op.text };
        break;
      }
      case 'pageSetup': {
        const layout = sheet(op.sheet).pageLayout;
        layout.orientation = op.landscape ? 'Landscape' : 'Portrait';
        layout.zoom = { horizontalFitToPages: op.fitToPagesWide, verticalFitToPages: 0 };
        if (op.printTitleRows)
          layout.setPrintTitleRows(`$${op.printTitleRows.first + 1}:$${op.printTitleRows.last + 1}`);
        if (op.printArea) layout.setPrintArea(rangeAddress(op.printArea));
        if (op.header !== undefined) layout.headersFooters.defaultForAllPages.centerHeader = op.header;
        if (op.footer !== undefined) layout.headersFooters.defaultForAllPages.centerFooter = op.footer;
        // Page breaks (ExcelApi 1.9): a host without them prints the rows where they fall.
        const breaks = (sheet(op.sheet) as { horizontalPageBreaks?: Excel.PageBreakCollection }).horizontalPageBreaks;
        for (const r of op.rowBreaks ?? []) if (r > 0) breaks?.add(`A${r + 1}`);
        break;
      }
      case 'chart': {
        const ws = sheet(op.sheet);
        const type = op.type === 'bar' ? 'BarClustered' : 'Doughnut';
        const chart = ws.charts.add(
          type,
          ws.getRangeByIndexes(op.data.row, op.data.col, op.data.rows, op.data.cols),
          'Columns',
        );
        chart.title.text = op.title;
        const a = op.anchor;
        chart.setPosition(
          rangeAddress({ ...a, rows: 1, cols: 1 }),
          rangeAddress({ row: a.row + a.rows - 1, col: a.col + a.cols - 1, rows: 1, cols: 1 }),
        );
        break;
      }
      case 'activate':
        sheet(op.sheet).activate();
        break;
      case 'hideSheet':
        sheet(op.sheet).visibility = 'Hidden' as Excel.SheetVisibility;
        break;
    }
  }

  /** Formulas: one range for a rectangular block (a Credits column of 10,000 rows is one write, not 10,000). */
  private queueFormulas(ws: Excel.Worksheet, row: number, col: number, formulas: readonly (readonly string[])[]): void {
    const width = formulas[0]?.length ?? 0;
    if (width > 0 && formulas.every((r) => r.length === width)) {
      ws.getRangeByIndexes(row, col, formulas.length, width).formulas = formulas.map((r) => [...r]);
    } else {
      formulas.forEach((r, i) => {
        if (r.length) ws.getRangeByIndexes(row + i, col, 1, r.length).formulas = [[...r]];
      });
    }
  }

  /** Values as values: cells Excel would reinterpret get the text format first, then one write per block. */
  private queueValues(ws: Excel.Worksheet, row: number, col: number, values: readonly (readonly CellValue[])[]): void {
    const width = values.reduce((w, r) => Math.max(w, r.length), 0);
    const rectangular = values.every((r) => r.length === width);
    values.forEach((cells, r) =>
      cells.forEach((v, c) => {
        if (needsTextFormat(v)) ws.getRangeByIndexes(row + r, col + c, 1, 1).numberFormat = [['@']];
      }),
    );
    const clean = (cells: readonly CellValue[]) => cells.map((v) => (v === null ? '' : v));
    if (rectangular && width > 0) {
      ws.getRangeByIndexes(row, col, values.length, width).values = values.map(clean);
    } else {
      values.forEach((cells, r) => {
        if (cells.length) ws.getRangeByIndexes(row + r, col, 1, cells.length).values = [clean(cells)];
      });
    }
  }

  async onChange(handler: (event: ChangeEvent) => void): Promise<() => void> {
    const onEvent = async (event: Excel.WorksheetChangedEventArgs) => {
      // The event names the sheet by id; one small round trip turns it into the name.
      const name = await this.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItemOrNullObject(event.worksheetId).load('name');
        await ctx.sync();
        return ws.isNullObject ? undefined : ws.name;
      });
      if (name !== undefined) handler({ sheet: name });
    };
    const registrations = await this.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      // One workbook-level handler where the host has it (ExcelApi 1.9); else one per existing sheet.
      if (worksheets.onChanged) {
        const result = [worksheets.onChanged.add(onEvent)];
        await context.sync();
        return result;
      }
      worksheets.load('items/name');
      await context.sync();
      const result = worksheets.items.map((ws) => ws.onChanged.add(onEvent));
      await context.sync();
      return result;
    });
    return () => {
      // A handler belongs to the context that added it; removing it needs that context's sync.
      for (const r of registrations) r.remove();
      void registrations[0]?.context.sync().catch(() => undefined);
    };
  }

  select(sheetName: string, range: RangeRef): Promise<void> {
    return this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheetName);
      ws.activate();
      ws.getRangeByIndexes(range.row, range.col, range.rows, range.cols).select();
      await context.sync();
    });
  }
}

function applyStyle(range: Excel.Range, style: CellStyle): void {
  const f = range.format;
  if (style.bold !== undefined) f.font.bold = style.bold;
  if (style.italic !== undefined) f.font.italic = style.italic;
  if (style.fontColor !== undefined) f.font.color = style.fontColor;
  if (style.fontSize !== undefined) f.font.size = style.fontSize;
  if (style.fill !== undefined) f.fill.color = style.fill;
  if (style.wrap !== undefined) f.wrapText = style.wrap;
  if (style.horizontalAlignment !== undefined) {
    f.horizontalAlignment =
      style.horizontalAlignment === 'left' ? 'Left' : style.horizontalAlignment === 'center' ? 'Center' : 'Right';
  }
  if (style.verticalAlignment !== undefined) {
    f.verticalAlignment =
      style.verticalAlignment === 'top' ? 'Top' : style.verticalAlignment === 'center' ? 'Center' : 'Bottom';
  }
}
