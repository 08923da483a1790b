/**
 * The Office adapter: the WorkbookPort over `Excel.run`.
 *
 * Round trips are what make an add-in slow, so every call costs a constant number of
 * `context.sync()` calls whatever the row count:
 *   read  — 2 syncs (3 when asked for 'all' sheets): (1) sheet, table and name lists, the active sheet
 *           and the used-range size of each named sheet; (2) every name's and table's range and every
 *           sheet's values, large used ranges split into row chunks that are all queued before the
 *           one sync. With 'all', the used-range sizes need the sheet list first: one more sync.
 *   apply — 1 sync (2 when the batch redefines an existing name: names are listed first).
 * Only what is needed is loaded: names, sizes and values; formulas only when asked.
 */
import type {
  CellStyle,
  CellValue,
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
import { rangeAddress } from './port';

/** `Excel.run` or a stand-in with the same shape (the fake host in tests). */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OfficeWorkbookOptions {
  /** Rows per `getRangeByIndexes` chunk when a used range is large. */
  chunkRows?: number;
  run?: ExcelRun;
}

export const DEFAULT_CHUNK_ROWS = 5000;

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

  constructor(options: OfficeWorkbookOptions = {}) {
    this.run = options.run ?? (<T>(batch: (context: Excel.RequestContext) => Promise<T>) => Excel.run(batch));
    this.chunkRows = Math.max(1, options.chunkRows ?? DEFAULT_CHUNK_ROWS);
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

      // Second round: ranges of names and tables, and every value chunk.
      const nameRanges = names.items
        .filter((n) => n.type === 'Range')
        .map((n) => ({ name: n.name, range: n.getRangeOrNullObject().load('address,rowIndex,columnIndex,rowCount,columnCount') }));
      const tableRanges = tables.items.map((t) => ({
        name: t.name,
        range: t.getRange().load('address,rowIndex,columnIndex,rowCount,columnCount'),
      }));
      const chunks = new Map<string, { ref: RangeRef; parts: Excel.Range[] }>();
      const props = query.formulas ? 'values,formulas' : 'values';
      for (const [requested, range] of used) {
        const sheet = usedSheets.get(requested)!;
        if (sheet.isNullObject) continue;
        if (range.isNullObject) {
          chunks.set(sheet.name, { ref: { row: 0, col: 0, rows: 0, cols: 0 }, parts: [] });
          continue;
        }
        const ref = refOf(range);
        const parts: Excel.Range[] = [];
        if (ref.rows <= this.chunkRows) {
          parts.push(range.load(props));
        } else {
          for (let start = 0; start < ref.rows; start += this.chunkRows) {
            const rows = Math.min(this.chunkRows, ref.rows - start);
            parts.push(sheet.getRangeByIndexes(ref.row + start, ref.col, rows, ref.cols).load(props));
          }
        }
        chunks.set(sheet.name, { ref, parts });
      }
      await context.sync();

      const tableInfos: (TableInfo & { sheet: string })[] = tableRanges.map((t) => ({
        name: t.name,
        sheet: sheetOfAddress(t.range.address),
        range: refOf(t.range),
      }));
      const sheets: Record<string, SheetData> = {};
      for (const [name, { ref, parts }] of chunks) {
        const values: CellValue[][] = [];
        const formulas: CellValue[][] = [];
        for (const part of parts) {
          for (const row of part.values) values.push(row as CellValue[]);
          if (query.formulas) for (const row of part.formulas) formulas.push(row as CellValue[]);
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
      const namedRanges: NamedRange[] = nameRanges
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
      for (const op of ops) {
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
          case 'setFormulas': {
            const ws = sheet(op.sheet);
            const width = op.formulas[0]?.length ?? 0;
            if (width > 0 && op.formulas.every((row) => row.length === width)) {
              // One range for the block (a Credits column of 10,000 rows is one write, not 10,000).
              ws.getRangeByIndexes(op.row, op.col, op.formulas.length, width).formulas = op.formulas.map((row) => [...row]);
            } else {
              op.formulas.forEach((row, r) => {
                if (row.length) ws.getRangeByIndexes(op.row + r, op.col, 1, row.length).formulas = [[...row]];
              });
            }
            break;
          }
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
      await context.sync();
    });
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
