/**
 * The Office adapter: the WorkbookPort over `Excel.run`.
 *
 * Round trips are what make an add-in slow, so a call costs a number of `context.sync()` calls that
 * does not grow with the row count until a sync would carry more than SYNC_CELL_BUDGET cells:
 *   read  — 2 syncs (3 when asked for 'all' sheets): (1) sheet, table and name lists, the active sheet
 *           and the used-range size of each named sheet; (2) every name's and table's range and every
 *           sheet's values, large used ranges split into row chunks queued together up to the budget.
 *           With 'all', the used-range sizes need the sheet list first: one more sync. Reads beyond
 *           the budget take one more sync per budget's worth of cells (a 100,000-row log: several).
 *   apply — 1 sync (2 when the batch redefines an existing name: names are listed first), plus one
 *           per budget's worth of cells written (a conversion or summary of a huge log).
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

/** `Excel.run` or a stand-in with the same shape (the fake host in tests). */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OfficeWorkbookOptions {
  /** Rows per `getRangeByIndexes` chunk when a used range is large (several chunks may share a sync). */
  chunkRows?: number;
  /** Cells one sync may load or write; default SYNC_CELL_BUDGET (tests inject a small one). */
  syncCellBudget?: number;
  run?: ExcelRun;
}

export const DEFAULT_CHUNK_ROWS = 5000;

/**
 * Cells one `context.sync()` may load or write. Excel on the web refuses a request or a response over
 * about 5 MB (RichApi.Error "RequestPayloadSizeLimitExceeded" / "ResponsePayloadSizeLimitExceeded"),
 * and a read cannot know the size of the text before it arrives, so the budget is counted in cells:
 * 5 MB / 160,000 cells ≈ 32 bytes of JSON per cell, which must hold the value and, when a read asks
 * for formulas too, the formula (the same text again for a cell without one). A typical log cell is
 * smaller: the bench's 10,000-row NISM log is 1.7 MB of JSON for 130,013 cells (≈ 13 bytes a cell,
 * so ≈ 4.2 MB for 160,000 cells read with formulas). It is large enough that a whole 10,000-row log of
 * 15 columns (150,015 cells) is one sync, so a refresh costs the same at 10 and 10,000 rows. A log of
 * very long texts could still overflow: reads that hit the limit are retried in halves (a read changes
 * nothing, so repeating it is safe); writes know their text and count a long one as several cells
 * (WRITE_BYTES_PER_CELL).
 */
export const SYNC_CELL_BUDGET = 160_000;

/** The JSON bytes a cell is assumed to carry within the budget; a written text longer counts as several cells. */
export const WRITE_BYTES_PER_CELL = 32;

/** True for Office's (and the fake host's) payload-size errors. */
export function isPayloadLimitError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded';
}

/** What writing one cell costs against the budget: 1, or more for a text longer than WRITE_BYTES_PER_CELL. */
function writeCost(value: unknown): number {
  const length = typeof value === 'string' ? value.length + 2 : value === null || value === undefined ? 2 : String(value).length;
  return Math.max(1, Math.ceil(length / WRITE_BYTES_PER_CELL));
}

/** Office's error-alert style names. */
function officeAlertStyle(style: ListAlert['style']): Excel.DataValidationAlertStyle {
  return style === 'information' ? ('Information' as Excel.DataValidationAlertStyle) : style === 'warning' ? ('Warning' as Excel.DataValidationAlertStyle) : ('Stop' as Excel.DataValidationAlertStyle);
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
    out.push({ sheet: piece.sheet, ws: piece.ws, ref: { ...piece.ref, row: piece.ref.row + start, rows: Math.min(rowsPer, piece.ref.rows - start) } });
  }
  return out;
}

/** A unit of an apply: what it costs in cells and how to queue it. */
interface WriteUnit {
  cost: number;
  queue: () => void;
}

/** Row slices of a block of rows such that each slice costs at most `budget` (at least one row each). */
function rowSlices<T>(rows: readonly T[], costOf: (row: T) => number, budget: number): { start: number; end: number; cost: number }[] {
  const out: { start: number; end: number; cost: number }[] = [];
  let start = 0;
  let cost = 0;
  rows.forEach((row, i) => {
    const c = costOf(row);
    if (i > start && cost + c > budget) {
      out.push({ start, end: i, cost });
      start = i;
      cost = 0;
    }
    cost += c;
  });
  if (rows.length > start) out.push({ start, end: rows.length, cost });
  return out;
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
  if (/^\d{1,2}[- ][A-Za-z]{3,9}([- ]\d{2,4})?$/.test(t) || /^[A-Za-z]{3,9}[- ]\d{1,2}([-, ]+\d{2,4})?$/.test(t)) return true;
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

function fill<T>(rows: number, cols: number, value: T): T[][] {
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => value));
}

export class OfficeWorkbook implements WorkbookPort {
  readonly capabilities: PortCapabilities = { charts: true, conditionalFormats: true };
  private readonly run: ExcelRun;
  private readonly chunkRows: number;
  private readonly budget: number;

  constructor(options: OfficeWorkbookOptions = {}) {
    this.run = options.run ?? (<T>(batch: (context: Excel.RequestContext) => Promise<T>) => Excel.run(batch));
    this.chunkRows = Math.max(1, options.chunkRows ?? DEFAULT_CHUNK_ROWS);
    this.budget = Math.max(1, options.syncCellBudget ?? SYNC_CELL_BUDGET);
  }

  read(query: ReadQuery): Promise<WorkbookSnapshot> {
    return this.run(async (context) => {
      const wb = context.workbook;
      const worksheets = wb.worksheets.load('items/name');
      const names = wb.names.load('items/name,items/type');
      const tables = wb.tables.load('items/name');
      const active = wb.worksheets.getActiveWorksheet().load('name');
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
      if (wanted !== 'all') queueUsed(wanted);
      await context.sync();
      if (wanted === 'all') {
        queueUsed(worksheets.items.map((s) => s.name));
        await context.sync();
      }

      // Then the ranges of names and tables, and every value chunk: chunks are queued together until
      // the next would take the sync over the cell budget. Names and tables ride with the first.
      const props = query.formulas ? 'values,formulas' : 'values';
      const sheetRefs = new Map<string, RangeRef>();
      let pending: Piece[] = [];
      for (const [requested, range] of used) {
        const ws = usedSheets.get(requested)!;
        if (ws.isNullObject || sheetRefs.has(ws.name)) continue;
        if (range.isNullObject) {
          sheetRefs.set(ws.name, { row: 0, col: 0, rows: 0, cols: 0 });
          continue;
        }
        const ref = refOf(range);
        sheetRefs.set(ws.name, ref);
        pending.push(...splitPiece({ sheet: ws.name, ws, ref, whole: range }, this.budget, this.chunkRows));
      }
      const done: Piece[] = [];
      let budget = this.budget;
      let nameRanges: { name: string; range: Excel.Range }[] | undefined;
      let tableRanges: { name: string; range: Excel.Range }[] | undefined;
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
            .map((n) => ({ name: n.name, range: n.getRangeOrNullObject().load('address,rowIndex,columnIndex,rowCount,columnCount') }));
          tableRanges = tables.items.map((t) => ({ name: t.name, range: t.getRange().load('address,rowIndex,columnIndex,rowCount,columnCount') }));
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
          pending = [...group.flatMap((p) => splitPiece({ sheet: p.sheet, ws: p.ws, ref: p.ref }, budget, this.chunkRows)), ...pending];
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
          for (const row of part.loaded!.values) values.push(row as CellValue[]);
          if (query.formulas) for (const row of part.loaded!.formulas) formulas.push(row as CellValue[]);
        }
        sheets[name] = {
          name,
          row: ref.row,
          col: ref.col,
          values,
          ...(query.formulas ? { formulas } : {}),
          tables: tableInfos.filter((t) => t.sheet.toLowerCase() === name.toLowerCase()).map(({ name: n, range }) => ({ name: n, range })),
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
      };
    });
  }

  apply(ops: readonly WorkbookOp[]): Promise<void> {
    if (ops.length === 0) return Promise.resolve();
    return this.run(async (context) => {
      const wb = context.workbook;
      const redefined = new Set(ops.filter((o) => o.kind === 'defineName').map((o) => (o as { name: string }).name.toUpperCase()));
      let existingNames = new Set<string>();
      if (redefined.size) {
        const names = wb.names.load('items/name');
        await context.sync();
        existingNames = new Set(names.items.map((n) => n.name.toUpperCase()));
      }
      const sheet = (name: string) => wb.worksheets.getItem(name);
      const rangeOf = (name: string, r: RangeRef) => sheet(name).getRangeByIndexes(r.row, r.col, r.rows, r.cols);
      // Each operation becomes units that cost what they write; a block of rows too large for one sync
      // is split into row slices. Units are queued in order and a sync is made before the one that
      // would take the batch over the budget, so a huge write is several syncs, each under the limit.
      const units: WriteUnit[] = [];
      for (const op of ops) {
        switch (op.kind) {
          case 'setValues': {
            const cost = (row: readonly CellValue[]) => row.reduce<number>((sum, v) => sum + writeCost(v) + (needsTextFormat(v) ? 1 : 0), 0);
            for (const slice of rowSlices(op.values, cost, this.budget)) {
              units.push({ cost: slice.cost, queue: () => this.queueValues(sheet(op.sheet), op.row + slice.start, op.col, op.values.slice(slice.start, slice.end)) });
            }
            break;
          }
          case 'setFormulas': {
            const cost = (row: readonly string[]) => row.reduce<number>((sum, f) => sum + writeCost(f), 0);
            for (const slice of rowSlices(op.formulas, cost, this.budget)) {
              units.push({ cost: slice.cost, queue: () => this.queueFormulas(sheet(op.sheet), op.row + slice.start, op.col, op.formulas.slice(slice.start, slice.end)) });
            }
            break;
          }
          case 'setNumberFormat': {
            const rows = Array.from({ length: op.range.rows }, () => op.range.cols * writeCost(op.format));
            for (const slice of rowSlices(rows, (c) => c, this.budget)) {
              const r: RangeRef = { ...op.range, row: op.range.row + slice.start, rows: slice.end - slice.start };
              units.push({ cost: slice.cost, queue: () => (rangeOf(op.sheet, r).numberFormat = fill(r.rows, r.cols, op.format)) });
            }
            break;
          }
          default:
            units.push({ cost: 1, queue: () => this.queueOp(context, op, existingNames) });
        }
      }
      let cells = 0;
      for (const unit of units) {
        if (cells > 0 && cells + unit.cost > this.budget) {
          await context.sync();
          cells = 0;
        }
        unit.queue();
        cells += unit.cost;
      }
      await context.sync();
    });
  }

  /** Queues one operation that writes no block of cells (those are split by `apply`). */
  private queueOp(context: Excel.RequestContext, op: WorkbookOp, existingNames: Set<string>): void {
    const wb = context.workbook;
    const sheet = (name: string) => wb.worksheets.getItem(name);
    const rangeOf = (name: string, r: RangeRef) => sheet(name).getRangeByIndexes(r.row, r.col, r.rows, r.cols);
    switch (op.kind) {
      case 'addSheet':
        wb.worksheets.add(op.name);
        break;
      case 'deleteSheet':
        sheet(op.name).delete();
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
        validation.errorAlert = { showAlert: true, style: officeAlertStyle(alert.style), title: alert.title, message: alert.message };
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
        const ws = sheet(op.sheet);
        this.queueValues(ws, op.row, op.col, [[op.text]]);
        ws.getRangeByIndexes(op.row, op.col, 1, 1).hyperlink = { address: op.address, textToDisplay: op.text };
        break;
      }
      case 'pageSetup': {
        const layout = sheet(op.sheet).pageLayout;
        layout.orientation = op.landscape ? 'Landscape' : 'Portrait';
        layout.zoom = { horizontalFitToPages: op.fitToPagesWide, verticalFitToPages: 0 };
        if (op.printTitleRows) layout.setPrintTitleRows(`$${op.printTitleRows.first + 1}:$${op.printTitleRows.last + 1}`);
        if (op.header !== undefined) layout.headersFooters.defaultForAllPages.centerHeader = op.header;
        if (op.footer !== undefined) layout.headersFooters.defaultForAllPages.centerFooter = op.footer;
        break;
      }
      case 'chart': {
        const ws = sheet(op.sheet);
        const type = op.type === 'bar' ? 'BarClustered' : 'Doughnut';
        const chart = ws.charts.add(type, ws.getRangeByIndexes(op.data.row, op.data.col, op.data.rows, op.data.cols), 'Columns');
        chart.title.text = op.title;
        const a = op.anchor;
        chart.setPosition(rangeAddress({ ...a, rows: 1, cols: 1 }), rangeAddress({ row: a.row + a.rows - 1, col: a.col + a.cols - 1, rows: 1, cols: 1 }));
        break;
      }
      case 'activate':
        sheet(op.sheet).activate();
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
}
