/**
 * An in-memory WorkbookPort: the preview host's workbook and the reference adapter the contract tests
 * describe. It keeps what the other hosts keep (values, formulas, tables, names, validations,
 * conditional formats, formats) as plain data, so tests can look at every effect of an operation.
 *
 * It is not a spreadsheet engine: formulas are stored, not calculated, unless the creator passes a
 * `formulaValue` function (the preview uses one for `CEU.CE_CREDITS`).
 */
import { headOf, LIST_STOP_ALERT, skippedSheets } from './port';
import type {
  CellStyle,
  ListAlert,
  CellValue,
  ChangeEvent,
  NamedRange,
  PortCapabilities,
  RangeRef,
  ReadQuery,
  SheetData,
  TableHeader,
  TableInfo,
  WorkbookOp,
  WorkbookPort,
  WorkbookSnapshot,
} from './port';

export interface ListValidation {
  sheet: string;
  range: RangeRef;
  list: string[];
  prompt?: string;
  /** What a value not in the list meets (LIST_STOP_ALERT unless the operation said otherwise). */
  alert: ListAlert;
}

export interface ConditionalFormat {
  sheet: string;
  range: RangeRef;
  formula: string;
  fill: string;
}

export interface MemoryTable extends TableInfo {
  sheet: string;
}

interface SheetState {
  name: string;
  /** Dense rows; a missing row or cell is empty. */
  rows: (CellValue[] | undefined)[];
  formulas: Map<string, string>;
  numberFormats: { range: RangeRef; format: string }[];
  styles: { range: RangeRef; style: CellStyle }[];
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  merges: RangeRef[];
  frozenRows: number;
  hyperlinks: Map<string, string>;
  pageSetup?: Extract<WorkbookOp, { kind: 'pageSetup' }>;
  charts: Extract<WorkbookOp, { kind: 'chart' }>[];
  /** Merged areas (Excel keeps the value of the top-left cell only). */
  merged: RangeRef[];
  /** Review › Protect Sheet: every cell is locked, so writes are refused. */
  protected: boolean;
  /** Hidden from the tabs (hideSheet). */
  hidden?: boolean;
}

/** Initial content: sheet name → rows of values (dense, from A1). */
export type MemoryInit = Record<string, CellValue[][]>;

export interface MemoryOptions {
  /** The value shown for a formula cell (the memory workbook does not calculate). Default "". */
  formulaValue?: (formula: string, sheet: string, row: number, col: number, workbook: MemoryWorkbook) => CellValue;
}

const key = (row: number, col: number) => `${row},${col}`;

function isEmpty(value: CellValue | undefined): boolean {
  return value === null || value === undefined || value === '';
}

function inside(range: RangeRef, row: number, col: number): boolean {
  return row >= range.row && row < range.row + range.rows && col >= range.col && col < range.col + range.cols;
}

function overlaps(a: RangeRef, b: RangeRef): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

export class MemoryWorkbook implements WorkbookPort {
  readonly capabilities: PortCapabilities = { charts: true, conditionalFormats: true };
  private sheets: SheetState[] = [];
  private tableList: MemoryTable[] = [];
  private nameList: (NamedRange & { comment?: string })[] = [];
  private validationList: ListValidation[] = [];
  private conditionalList: ConditionalFormat[] = [];
  private listeners = new Set<(event: ChangeEvent) => void>();
  private selectListeners = new Set<(sheet: string, range: RangeRef) => void>();
  activeSheet: string | undefined;
  selection: { sheet: string; range: RangeRef } | undefined;
  /** How many times `read` and `apply` were called (tests check batching in the session layer). */
  readonly calls = { read: 0, apply: 0 };

  constructor(
    init: MemoryInit = {},
    private readonly options: MemoryOptions = {},
  ) {
    for (const [name, rows] of Object.entries(init)) {
      const sheet = this.addSheetState(name);
      rows.forEach((row, r) => row.forEach((v, c) => this.put(sheet, r, c, v)));
    }
    this.activeSheet = this.sheets[0]?.name;
  }

  // ---- WorkbookPort ----

  async read(query: ReadQuery): Promise<WorkbookSnapshot> {
    this.calls.read++;
    const wanted = query.sheets === 'all' ? this.sheets.map((s) => s.name) : (query.sheets ?? []);
    const skipped = skippedSheets(this.nameList, query);
    const sheets: Record<string, SheetData> = {};
    for (const requested of wanted) {
      const state = this.sheet(requested);
      if (!state || skipped.has(state.name.toLowerCase())) continue;
      sheets[state.name] = headOf(
        this.sheetData(state, query.formulas === true, query.layout === true),
        query.headRows,
      );
    }
    return {
      sheetNames: this.sheets.map((s) => s.name),
      sheets,
      names: this.nameList.map(({ name, sheet, range }) => ({ name, sheet, range: { ...range } })),
      activeSheet: this.activeSheet,
      ...(query.tableHeaders ? { tables: this.tableHeaders() } : {}),
    };
  }

  /** Every table with its first row's values, for `ReadQuery.tableHeaders`. */
  private tableHeaders(): TableHeader[] {
    return this.tableList.map((t) => ({
      name: t.name,
      sheet: this.sheet(t.sheet)?.name ?? t.sheet,
      range: { ...t.range },
      header: Array.from({ length: t.range.cols }, (_, c) => this.getValue(t.sheet, t.range.row, t.range.col + c)),
    }));
  }

  async apply(ops: readonly WorkbookOp[]): Promise<void> {
    this.calls.apply++;
    this.applyNow(ops);
  }

  /** `apply` without the promise: for hosts built on this workbook (the fake Excel in tests). */
  applyNow(ops: readonly WorkbookOp[]): void {
    const changed = new Set<string>();
    try {
      for (const op of ops) this.applyOne(op, changed);
    } finally {
      this.emit(changed);
    }
  }

  async onChange(handler: (event: ChangeEvent) => void): Promise<() => void> {
    this.listeners.add(handler);
    return () => {
      this.listeners.delete(handler);
    };
  }

  async select(sheet: string, range: RangeRef): Promise<void> {
    const state = this.requireSheet(sheet);
    this.activeSheet = state.name;
    this.selection = { sheet: state.name, range: { ...range } };
    for (const l of this.selectListeners) l(state.name, range);
  }

  // ---- Editing as a user would (the preview grid) ----

  /**
   * A user edit of one cell: text starting with "=" becomes a formula, as when typed into Excel, and
   * typing in the row just below a table makes the table one row longer (Excel's auto-expansion).
   */
  setCell(sheet: string, row: number, col: number, value: CellValue): void {
    const state = this.requireSheet(sheet);
    if (!isEmpty(value)) {
      for (const t of this.tableList) {
        const r = t.range;
        if (sameName(t.sheet, state.name) && row === r.row + r.rows && col >= r.col && col < r.col + r.cols)
          t.range = { ...r, rows: r.rows + 1 };
      }
    }
    if (typeof value === 'string' && value.startsWith('=') && value.length > 1) {
      state.formulas.set(key(row, col), value);
      this.put(state, row, col, '');
    } else {
      state.formulas.delete(key(row, col));
      this.put(state, row, col, value);
    }
    this.emit(new Set([state.name]));
  }

  onSelect(handler: (sheet: string, range: RangeRef) => void): () => void {
    this.selectListeners.add(handler);
    return () => this.selectListeners.delete(handler);
  }

  /**
   * Merges a range as Excel's Merge & Center does: only the top-left cell keeps its value. A range
   * that overlaps a table or another merged area is refused, as in Excel.
   */
  merge(sheet: string, range: RangeRef): void {
    const state = this.requireSheet(sheet);
    if (range.rows * range.cols < 2) throw new Error('Merging needs at least two cells');
    const table = this.tableList.find((t) => sameName(t.sheet, state.name) && overlaps(t.range, range));
    if (table) throw new Error(`Cells in the table "${table.name}" cannot be merged`);
    if (state.merged.some((m) => overlaps(m, range)))
      throw new Error('The range overlaps cells that are already merged');
    for (let r = range.row; r < range.row + range.rows; r++) {
      for (let c = range.col; c < range.col + range.cols; c++) {
        if (r === range.row && c === range.col) continue;
        state.formulas.delete(key(r, c));
        this.put(state, r, c, '');
      }
    }
    state.merged.push({ ...range });
  }

  /** Review › Protect Sheet (true) or Unprotect Sheet (false). */
  protectSheet(sheet: string, on = true): void {
    this.requireSheet(sheet).protected = on;
  }

  // ---- Inspection (tests, the preview grid) ----

  /** The range that holds values or formulas, or undefined for an empty sheet. */
  usedRangeOf(sheet: string): RangeRef | undefined {
    return this.usedRange(this.requireSheet(sheet));
  }

  /** The sheet's name as stored (sheet names are matched ignoring case). */
  sheetName(sheet: string): string | undefined {
    return this.sheet(sheet)?.name;
  }

  renameTable(from: string, to: string): void {
    const table = this.table(from);
    if (!table) throw new Error(`The workbook has no table named "${from}"`);
    if (!sameName(from, to) && (this.table(to) || this.nameList.some((n) => sameName(n.name, to))))
      throw new Error(`The name "${to}" is already used in the workbook`);
    table.name = to;
  }

  deleteName(name: string): void {
    if (!this.nameList.some((n) => sameName(n.name, name))) throw new Error(`The workbook has no name "${name}"`);
    this.nameList = this.nameList.filter((n) => !sameName(n.name, name));
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  hasSheet(name: string): boolean {
    return this.sheet(name) !== undefined;
  }

  /** The stored value (for a formula cell: its computed value). */
  getValue(sheet: string, row: number, col: number): CellValue {
    const state = this.requireSheet(sheet);
    const formula = state.formulas.get(key(row, col));
    if (formula !== undefined) return this.formulaValue(state, formula, row, col);
    const v = state.rows[row]?.[col];
    return v === undefined || v === null ? '' : v;
  }

  getFormula(sheet: string, row: number, col: number): string | undefined {
    return this.requireSheet(sheet).formulas.get(key(row, col));
  }

  /** Rows × columns that hold anything, from A1 (the grid's extent). */
  extent(sheet: string): { rows: number; cols: number } {
    const used = this.usedRange(this.requireSheet(sheet));
    return used ? { rows: used.row + used.rows, cols: used.col + used.cols } : { rows: 0, cols: 0 };
  }

  numberFormat(sheet: string, row: number, col: number): string | undefined {
    const state = this.requireSheet(sheet);
    for (let i = state.numberFormats.length - 1; i >= 0; i--) {
      const f = state.numberFormats[i]!;
      if (inside(f.range, row, col)) return f.format;
    }
    return undefined;
  }

  style(sheet: string, row: number, col: number): CellStyle {
    const state = this.requireSheet(sheet);
    const merged: CellStyle = {};
    for (const s of state.styles) if (inside(s.range, row, col)) Object.assign(merged, s.style);
    return merged;
  }

  tables(): MemoryTable[] {
    return this.tableList.map((t) => ({ ...t, range: { ...t.range } }));
  }

  names(): NamedRange[] {
    return this.nameList.map((n) => ({ name: n.name, sheet: n.sheet, range: { ...n.range } }));
  }

  validations(): ListValidation[] {
    return this.validationList.map((v) => ({ ...v, list: [...v.list], alert: { ...v.alert } }));
  }

  conditionalFormats(): ConditionalFormat[] {
    return this.conditionalList.map((c) => ({ ...c }));
  }

  frozenRows(sheet: string): number {
    return this.requireSheet(sheet).frozenRows;
  }

  hyperlink(sheet: string, row: number, col: number): string | undefined {
    return this.requireSheet(sheet).hyperlinks.get(key(row, col));
  }

  charts(sheet: string): Extract<WorkbookOp, { kind: 'chart' }>[] {
    return [...this.requireSheet(sheet).charts];
  }

  columnWidth(sheet: string, col: number): number | undefined {
    return this.requireSheet(sheet).columnWidths.get(col);
  }

  rowHeight(sheet: string, row: number): number | undefined {
    return this.requireSheet(sheet).rowHeights.get(row);
  }

  merges(sheet: string): RangeRef[] {
    return this.requireSheet(sheet).merges.map((m) => ({ ...m }));
  }

  pageSetup(sheet: string): Extract<WorkbookOp, { kind: 'pageSetup' }> | undefined {
    return this.requireSheet(sheet).pageSetup;
  }

  isHidden(sheet: string): boolean {
    return this.requireSheet(sheet).hidden === true;
  }

  isProtected(sheet: string): boolean {
    return this.requireSheet(sheet).protected;
  }

  mergedAreas(sheet: string): RangeRef[] {
    return this.requireSheet(sheet).merged.map((m) => ({ ...m }));
  }

  // ---- internals ----

  private emit(changed: Set<string>): void {
    for (const sheet of changed) for (const l of [...this.listeners]) l({ sheet });
  }

  private sheet(name: string): SheetState | undefined {
    return this.sheets.find((s) => sameName(s.name, name));
  }

  private requireSheet(name: string): SheetState {
    const state = this.sheet(name);
    if (!state) throw new Error(`The workbook has no sheet named "${name}"`);
    return state;
  }

  private addSheetState(name: string): SheetState {
    if (name.trim() === '' || name.length > 31 || /[\\/?*[\]:]/.test(name))
      throw new Error(`"${name}" is not a valid sheet name`);
    if (this.sheet(name)) throw new Error(`A sheet named "${name}" already exists`);
    const state: SheetState = {
      name,
      rows: [],
      formulas: new Map(),
      numberFormats: [],
      styles: [],
      columnWidths: new Map(),
      rowHeights: new Map(),
      merges: [],
      frozenRows: 0,
      hyperlinks: new Map(),
      charts: [],
      merged: [],
      protected: false,
    };
    this.sheets.push(state);
    return state;
  }

  private put(state: SheetState, row: number, col: number, value: CellValue): void {
    if (row < 0 || col < 0 || !Number.isInteger(row) || !Number.isInteger(col))
      throw new Error(`Bad cell position ${row},${col}`);
    let cells = state.rows[row];
    if (!cells) {
      if (isEmpty(value)) return;
      cells = state.rows[row] = [];
    }
    cells[col] = value === null ? '' : value;
  }

  private formulaValue(state: SheetState, formula: string, row: number, col: number): CellValue {
    return this.options.formulaValue ? this.options.formulaValue(formula, state.name, row, col, this) : '';
  }

  private usedRange(state: SheetState): RangeRef | undefined {
    let top = Infinity;
    let bottom = -1;
    let left = Infinity;
    let right = -1;
    const note = (r: number, c: number) => {
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    };
    state.rows.forEach((cells, r) => {
      if (!cells) return;
      cells.forEach((v, c) => {
        if (!isEmpty(v)) note(r, c);
      });
    });
    for (const k of state.formulas.keys()) {
      const [r, c] = k.split(',').map(Number) as [number, number];
      note(r, c);
    }
    if (bottom < 0) return undefined;
    return { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
  }

  private sheetData(state: SheetState, withFormulas: boolean, withLayout: boolean): SheetData {
    const used = this.usedRange(state);
    const tables: TableInfo[] = this.tableList
      .filter((t) => sameName(t.sheet, state.name))
      .map((t) => ({ name: t.name, range: { ...t.range } }));
    const layout = withLayout ? { merged: state.merged.map((m) => ({ ...m })), protected: state.protected } : {};
    if (!used)
      return {
        name: state.name,
        row: 0,
        col: 0,
        values: [],
        ...(withFormulas ? { formulas: [] } : {}),
        tables,
        ...layout,
      };
    const values: CellValue[][] = [];
    const formulas: CellValue[][] = [];
    for (let r = used.row; r < used.row + used.rows; r++) {
      const valueRow: CellValue[] = [];
      const formulaRow: CellValue[] = [];
      for (let c = used.col; c < used.col + used.cols; c++) {
        const f = state.formulas.get(key(r, c));
        const v = f !== undefined ? this.formulaValue(state, f, r, c) : (state.rows[r]?.[c] ?? '');
        valueRow.push(v === null ? '' : v);
        formulaRow.push(f ?? (v === null ? '' : v));
      }
      values.push(valueRow);
      formulas.push(formulaRow);
    }
    return {
      name: state.name,
      row: used.row,
      col: used.col,
      values,
      ...(withFormulas ? { formulas } : {}),
      tables,
      ...layout,
    };
  }

  private table(name: string): MemoryTable | undefined {
    return this.tableList.find((t) => sameName(t.name, name));
  }

  /** Excel's refusal of any change to a protected sheet's cells. */
  private writable(name: string): SheetState {
    const state = this.requireSheet(name);
    if (state.protected)
      throw new Error(`The cell or chart you're trying to change is on a protected sheet ("${state.name}")`);
    return state;
  }

  /** What Excel refuses a table over: another table or a merged area. */
  private tableObstacle(state: SheetState, range: RangeRef, except?: MemoryTable): string | undefined {
    const clash = this.tableList.find((t) => t !== except && sameName(t.sheet, state.name) && overlaps(t.range, range));
    if (clash) return `The range overlaps the table "${clash.name}"`;
    if (state.merged.some((m) => overlaps(m, range))) return "A table can't overlap a range that contains merged cells";
    return undefined;
  }

  private applyOne(op: WorkbookOp, changed: Set<string>): void {
    switch (op.kind) {
      case 'addSheet':
        this.addSheetState(op.name);
        changed.add(op.name);
        return;
      case 'deleteSheet': {
        const state = this.requireSheet(op.name);
        if (this.sheets.length === 1) throw new Error('A workbook must keep at least one sheet');
        this.sheets = this.sheets.filter((s) => s !== state);
        this.tableList = this.tableList.filter((t) => !sameName(t.sheet, state.name));
        this.nameList = this.nameList.filter((n) => !sameName(n.sheet, state.name));
        this.validationList = this.validationList.filter((v) => !sameName(v.sheet, state.name));
        this.conditionalList = this.conditionalList.filter((v) => !sameName(v.sheet, state.name));
        if (this.activeSheet && sameName(this.activeSheet, state.name)) this.activeSheet = this.sheets[0]?.name;
        return;
      }
      case 'setValues': {
        const state = this.writable(op.sheet);
        op.values.forEach((row, r) =>
          row.forEach((v, c) => {
            state.formulas.delete(key(op.row + r, op.col + c));
            this.put(state, op.row + r, op.col + c, v);
          }),
        );
        changed.add(state.name);
        return;
      }
      case 'setFormulas': {
        const state = this.writable(op.sheet);
        op.formulas.forEach((row, r) =>
          row.forEach((f, c) => {
            if (f.startsWith('=')) {
              state.formulas.set(key(op.row + r, op.col + c), f);
              this.put(state, op.row + r, op.col + c, '');
            } else {
              // A formula without "=" is entered as Excel would: a constant.
              state.formulas.delete(key(op.row + r, op.col + c));
              this.put(state, op.row + r, op.col + c, f);
            }
          }),
        );
        changed.add(state.name);
        return;
      }
      case 'setNumberFormat':
        this.writable(op.sheet).numberFormats.push({ range: { ...op.range }, format: op.format });
        return;
      case 'setStyle':
        this.writable(op.sheet).styles.push({ range: { ...op.range }, style: { ...op.style } });
        return;
      case 'setColumnWidth':
        this.requireSheet(op.sheet).columnWidths.set(op.col, op.width);
        return;
      case 'merge':
        this.requireSheet(op.sheet).merges.push({ ...op.range });
        return;
      case 'unmerge': {
        const state = this.requireSheet(op.sheet);
        const inside = (m: RangeRef) =>
          m.row >= op.range.row &&
          m.col >= op.range.col &&
          m.row + m.rows <= op.range.row + op.range.rows &&
          m.col + m.cols <= op.range.col + op.range.cols;
        state.merged = state.merged.filter((m) => !inside(m));
        state.merges = state.merges.filter((m) => !inside(m));
        return;
      }
      case 'setRowHeight': {
        const state = this.requireSheet(op.sheet);
        for (let r = op.row; r < op.row + op.rows; r++) state.rowHeights.set(r, op.height);
        return;
      }
      case 'createTable': {
        const state = this.writable(op.sheet);
        if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(op.name)) throw new Error(`"${op.name}" is not a valid table name`);
        if (this.table(op.name) || this.nameList.some((n) => sameName(n.name, op.name)))
          throw new Error(`The name "${op.name}" is already used in the workbook`);
        if (op.range.rows < 1 || op.range.cols < 1) throw new Error('A table needs at least a header row');
        const obstacle = this.tableObstacle(state, op.range);
        if (obstacle) throw new Error(obstacle);
        // As Excel does: blank header cells become ColumnN and a repeated header gets a number
        // ("Notes", "Notes2"); every other cell is kept as it is.
        const used = new Set<string>();
        for (let c = 0; c < op.range.cols; c++) {
          const col = op.range.col + c;
          const current = this.getValue(state.name, op.range.row, col);
          let header =
            isEmpty(current) && !state.formulas.has(key(op.range.row, col)) ? `Column${c + 1}` : String(current);
          if (used.has(header.toLowerCase())) {
            let n = 2;
            while (used.has(`${header}${n}`.toLowerCase())) n++;
            header = `${header}${n}`;
          }
          used.add(header.toLowerCase());
          if (header !== current) {
            this.put(state, op.range.row, col, header);
            changed.add(state.name);
          }
        }
        this.tableList.push({ name: op.name, sheet: state.name, range: { ...op.range } });
        return;
      }
      case 'addTableColumns': {
        const table = this.table(op.table);
        if (!table) throw new Error(`The workbook has no table named "${op.table}"`);
        const state = this.writable(table.sheet);
        const first = table.range.col + table.range.cols;
        const obstacle = this.tableObstacle(state, { ...table.range, col: first, cols: op.headers.length }, table);
        if (obstacle)
          throw new Error(`Cannot widen table "${table.name}": ${obstacle[0]!.toLowerCase()}${obstacle.slice(1)}`);
        for (let i = 0; i < op.headers.length; i++) {
          for (let r = table.range.row; r < table.range.row + table.range.rows; r++) {
            const col = first + i;
            if (!isEmpty(state.rows[r]?.[col]) || state.formulas.has(key(r, col)))
              throw new Error(`Cannot widen table "${table.name}": cell ${r},${col} is not empty`);
          }
        }
        op.headers.forEach((h, i) => this.put(state, table.range.row, first + i, h));
        table.range = { ...table.range, cols: table.range.cols + op.headers.length };
        changed.add(state.name);
        return;
      }
      case 'listValidation':
        this.writable(op.sheet);
        this.validationList = this.validationList.filter(
          (v) => !(sameName(v.sheet, op.sheet) && overlaps(v.range, op.range)),
        );
        this.validationList.push({
          sheet: op.sheet,
          range: { ...op.range },
          list: [...op.list],
          ...(op.prompt ? { prompt: op.prompt } : {}),
          alert: { ...(op.alert ?? LIST_STOP_ALERT) },
        });
        return;
      case 'conditionalFormat':
        this.writable(op.sheet);
        this.conditionalList.push({ sheet: op.sheet, range: { ...op.range }, formula: op.formula, fill: op.fill });
        return;
      case 'defineName': {
        const state = this.requireSheet(op.sheet);
        if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(op.name)) throw new Error(`"${op.name}" is not a valid name`);
        if (this.table(op.name)) throw new Error(`The name "${op.name}" is already used by a table`);
        this.nameList = this.nameList.filter((n) => !sameName(n.name, op.name));
        this.nameList.push({
          name: op.name,
          sheet: state.name,
          range: { ...op.range },
          ...(op.comment ? { comment: op.comment } : {}),
        });
        return;
      }
      case 'freezeRows':
        this.requireSheet(op.sheet).frozenRows = op.rows;
        return;
      case 'hyperlink': {
        const state = this.writable(op.sheet);
        state.formulas.delete(key(op.row, op.col));
        this.put(state, op.row, op.col, op.text);
        state.hyperlinks.set(key(op.row, op.col), op.address);
        changed.add(state.name);
        return;
      }
      case 'pageSetup':
        this.requireSheet(op.sheet).pageSetup = { ...op };
        return;
      case 'chart':
        this.requireSheet(op.sheet).charts.push({ ...op });
        return;
      case 'activate':
        this.activeSheet = this.requireSheet(op.sheet).name;
        return;
      case 'hideSheet':
        this.requireSheet(op.sheet).hidden = true;
        return;
      default: {
        const never: never = op;
        throw new Error(`Unknown operation ${JSON.stringify(never)}`);
      }
    }
  }
}
