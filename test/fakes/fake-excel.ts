/**
 * A fake Excel host: the part of the Excel JavaScript API the Office adapter uses, with the rules that
 * make real add-ins slow or wrong when ignored:
 *   - a property can be read only after `load()` and `context.sync()` (else PropertyNotLoaded);
 *   - writes are queued and happen on `sync()`, in order;
 *   - `range.values = [["=1+1"]]` makes a formula, "00123" a number, "TRUE" a boolean, unless the cell's
 *     number format is text ("@"), as in Excel;
 *   - every sync is counted;
 *   - with `payloadLimit`, a sync that would load or write more cells than that is refused whole, with
 *     the error Excel on the web gives past its ~5 MB payload limit (RichApi.Error, code
 *     "ResponsePayloadSizeLimitExceeded" for reads, "RequestPayloadSizeLimitExceeded" for writes).
 *     Cells are counted as the Office adapter budgets reads: a range's cells once, however many of
 *     values, formulas and number formats are loaded;
 *   - with `payloadBytes`, a sync whose request (writes) or response (loaded values, formulas, number
 *     formats) is over that many bytes is refused the same way. The fake measures on its own, not
 *     with the adapter's estimate: every queued write costs FAKE_WRITE_ACTION_BYTES plus its argument
 *     as JSON in UTF-8 (a 2-D array of values, a hyperlink's address and text, a format's colour…);
 *     a loaded property costs its JSON in UTF-8. So a test fails if the adapter's estimate is too
 *     optimistic. Request bytes are recorded for every sync; response bytes only with a byte limit.
 * The workbook behind it is a MemoryWorkbook, so tests can inspect every effect.
 */
import { dayFromIso, serialFromDay } from '../../src/core';
import type { ExcelRun } from '../../src/workbook/office';
import { MemoryWorkbook, type MemoryInit } from '../../src/workbook/memory';
import { rangeAddress, sheetRef, type CellValue, type ListAlert, type RangeRef } from '../../src/workbook/port';

export class PropertyNotLoadedError extends Error {
  readonly code = 'PropertyNotLoaded';
}

export class InvalidArgumentError extends Error {
  readonly code = 'InvalidArgument';
}

/** Office's error for a request or response over the payload limit (OfficeExtension.Error's shape). */
export class PayloadSizeLimitError extends Error {
  override readonly name = 'RichApi.Error';
  constructor(
    readonly code: 'RequestPayloadSizeLimitExceeded' | 'ResponsePayloadSizeLimitExceeded',
    size: number,
    limit: number,
    unit: 'cells' | 'bytes' = 'cells',
  ) {
    super(
      `The ${code.startsWith('Request') ? 'request' : 'response'} payload size has exceeded the limit (${size} ${unit}, limit ${limit}).`,
    );
  }
}

/**
 * What the fake charges one queued write beyond its argument: Office's request spells it as a
 * set-property or method action (≈ 95 bytes of JSON) on an object path that is usually new (a range:
 * ≈ 125 bytes for the path and ≈ 55 for the action that instantiates it). Writes on an object already
 * in the request cost less, so 250 is a fair average; the adapter's estimate must not be lower.
 */
export const FAKE_WRITE_ACTION_BYTES = 250;

/** A value's JSON in UTF-8 bytes (nothing for undefined). */
function jsonUtf8(value: unknown): number {
  const text = JSON.stringify(value);
  return text === undefined ? 0 : Buffer.byteLength(text, 'utf8');
}

type Action = () => void;
type Handler = (event: {
  worksheetId: string;
  address: string;
  changeType: string;
  source: string;
  type: string;
}) => unknown;

export class FakeExcel {
  readonly book: MemoryWorkbook;
  syncs = 0;
  runs = 0;
  private readonly ids = new Map<string, string>();
  private nextId = 1;
  handlers: Handler[] = [];
  /** Loads queued in each sync (to show reads are batched, not one sync per chunk). */
  readonly loadsPerSync: number[] = [];
  /** Cells loaded and written in each sync, refused ones included. */
  readonly cellsPerSync: { read: number; written: number }[] = [];
  /** Most cells one sync may load, or write; undefined: no limit. */
  payloadLimit: number | undefined;
  /** Request (written) and response (loaded) bytes of each sync, refused ones included; `read` is 0 without `payloadBytes`. */
  readonly bytesPerSync: { read: number; written: number }[] = [];
  /** Most bytes one sync's request or response may carry (Excel on the web: about 5 MB); undefined: no limit. */
  payloadBytes: number | undefined;
  readonly charts: { sheet: string; type: string; data: RangeRef; title?: string }[] = [];
  readonly pageLayouts = new Map<string, Record<string, unknown>>();
  readonly frozen = new Map<string, number>();

  /** Cells loaded (values, formulas or number formats) from each sheet, by lower-case name, refused syncs included. */
  readonly cellsReadBySheet = new Map<string, number>();

  noteCellsRead(sheet: string, cells: number): void {
    const key = sheet.toLowerCase();
    this.cellsReadBySheet.set(key, (this.cellsReadBySheet.get(key) ?? 0) + cells);
  }

  /** The workbook counts dates from 1904: the worksheet function DATE gives serials 1462 lower. */
  date1904 = false;
  /** Each `application.calculate(type)` synced, in order. */
  readonly calculations: string[] = [];

  /** Hosts before ExcelApi 1.9 have no workbook-level `worksheets.onChanged`. */
  workbookEvents = true;
  /** Hosts before ExcelApi 1.13 have no `Range.getMergedAreasOrNullObject`: they cannot report merged cells. */
  mergedAreasApi = true;
  /** Hosts before ExcelApi 1.9 have no `Worksheet.getRanges` (RangeAreas). */
  rangeAreasApi = true;
  /** Row heights set, one entry per call that set them (a RangeAreas call sets several runs at once). */
  readonly rowHeightCalls: { sheet: string; areas: number; height: number }[] = [];

  constructor(init: MemoryInit = { Sheet1: [] }, options: { payloadLimit?: number; payloadBytes?: number } = {}) {
    this.book = new MemoryWorkbook(init);
    this.payloadLimit = options.payloadLimit;
    this.payloadBytes = options.payloadBytes;
    void this.book.onChange((e) => {
      const id = this.idOf(e.sheet);
      for (const h of [...this.handlers])
        void h({
          worksheetId: id,
          address: 'A1',
          changeType: 'RangeEdited',
          source: 'Local',
          type: 'WorksheetChanged',
        });
    });
  }

  readonly run: ExcelRun = async (batch) => {
    this.runs++;
    const context = new FakeContext(this);
    return batch(context as unknown as Excel.RequestContext);
  };

  idOf(sheet: string): string {
    const name = this.book.sheetName(sheet) ?? sheet;
    let id = this.ids.get(name.toLowerCase());
    if (!id) this.ids.set(name.toLowerCase(), (id = `{sheet-${this.nextId++}}`));
    return id;
  }

  sheetById(idOrName: string): string | undefined {
    for (const [name, id] of this.ids) if (id === idOrName) return this.book.sheetName(name);
    return this.book.sheetName(idOrName);
  }

  /** A user typing into a cell. */
  userEdit(sheet: string, row: number, col: number, value: CellValue): void {
    this.book.setCell(sheet, row, col, value);
  }
}

function parseLoad(spec: unknown): string[] {
  if (spec === undefined) return ['*'];
  if (typeof spec === 'string')
    return spec
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(spec)) return spec.map(String);
  if (typeof spec === 'object' && spec !== null) return Object.keys(spec);
  return [];
}

export class FakeContext {
  private queue: Action[] = [];
  private loads = 0;
  private sizes: { read: boolean; cells: () => number; bytes?: () => number }[] = [];
  readonly workbook: FakeWorkbook;
  constructor(readonly fake: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
  }
  /** Queues an action; a write's `argument` (read when the sync is sent) is what its request carries. */
  enqueue(action: Action, isLoad = false, argument?: () => unknown): void {
    this.queue.push(action);
    if (isLoad) this.loads++;
    else
      this.sizes.push({
        read: false,
        cells: () => 0,
        bytes: () => FAKE_WRITE_ACTION_BYTES + (argument ? jsonUtf8(argument()) : 0),
      });
  }
  /** Records the cells (and bytes, for a load) a queued load or write carries (counted when the sync is sent). */
  payload(read: boolean, cells: () => number, bytes?: () => number): void {
    this.sizes.push({ read, cells, bytes });
  }
  async sync(): Promise<void> {
    this.fake.syncs++;
    this.fake.loadsPerSync.push(this.loads);
    const actions = this.queue;
    const sizes = this.sizes;
    this.queue = [];
    this.loads = 0;
    this.sizes = [];
    const count = (read: boolean, measure: (s: (typeof sizes)[number]) => number) =>
      sizes
        .filter((s) => s.read === read)
        .reduce((sum, s) => {
          try {
            return sum + measure(s);
          } catch {
            return sum; // a range on a sheet the same batch creates: its cell count is nothing
          }
        }, 0);
    const read = count(true, (s) => s.cells());
    const written = count(false, (s) => s.cells());
    const byteLimit = this.fake.payloadBytes;
    const writtenBytes = count(false, (s) => s.bytes?.() ?? 0);
    const readBytes = byteLimit === undefined ? 0 : count(true, (s) => s.bytes?.() ?? 0);
    this.fake.cellsPerSync.push({ read, written });
    this.fake.bytesPerSync.push({ read: readBytes, written: writtenBytes });
    const limit = this.fake.payloadLimit;
    if (limit !== undefined && written > limit)
      throw new PayloadSizeLimitError('RequestPayloadSizeLimitExceeded', written, limit);
    if (limit !== undefined && read > limit)
      throw new PayloadSizeLimitError('ResponsePayloadSizeLimitExceeded', read, limit);
    if (byteLimit !== undefined && writtenBytes > byteLimit)
      throw new PayloadSizeLimitError('RequestPayloadSizeLimitExceeded', writtenBytes, byteLimit, 'bytes');
    if (byteLimit !== undefined && readBytes > byteLimit)
      throw new PayloadSizeLimitError('ResponsePayloadSizeLimitExceeded', readBytes, byteLimit, 'bytes');
    for (const action of actions) action();
  }
  get book(): MemoryWorkbook {
    return this.fake.book;
  }
}

abstract class FakeObject {
  protected readonly loaded = new Map<string, unknown>();
  constructor(protected readonly ctx: FakeContext) {}
  load(spec?: unknown): this {
    const props = parseLoad(spec);
    this.ctx.enqueue(() => {
      this.loaded.set('isNullObject', this.isNull());
      if (this.isNull()) return;
      for (const p of props) this.loaded.set(p, this.compute(p));
    }, true);
    return this;
  }
  /** load() and sync() at once, for the items a collection's load creates. */
  fillNow(props: string[]): void {
    this.loaded.set('isNullObject', false);
    for (const p of props) this.loaded.set(p, this.compute(p));
  }
  protected isNull(): boolean {
    return false;
  }
  get isNullObject(): boolean {
    return this.prop('isNullObject');
  }
  protected prop<T>(name: string): T {
    if (!this.loaded.has(name)) {
      throw new PropertyNotLoadedError(`${this.constructor.name}.${name} was read without load("${name}") and sync()`);
    }
    return this.loaded.get(name) as T;
  }
  protected abstract compute(name: string): unknown;
}

class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  readonly tables: FakeTableCollection;
  readonly functions: FakeFunctions;
  readonly application: { calculate(type: string): void };
  constructor(ctx: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.names = new FakeNamedItemCollection(ctx);
    this.tables = new FakeTableCollection(ctx);
    this.functions = new FakeFunctions(ctx);
    // Recalculation as a queued action: the fake records each one when its sync is sent.
    this.application = { calculate: (type) => ctx.enqueue(() => ctx.fake.calculations.push(type)) };
  }
}

/** `workbook.functions`: the worksheet function DATE, in the workbook's date system. */
class FakeFunctions {
  constructor(private readonly ctx: FakeContext) {}
  date(year: number, month: number, day: number): FakeFunctionResult {
    const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const serial = serialFromDay(dayFromIso(iso)!);
    return new FakeFunctionResult(this.ctx, this.ctx.fake.date1904 ? serial - 1462 : serial);
  }
}

class FakeFunctionResult extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly result: number,
  ) {
    super(ctx);
  }
  protected compute(name: string): unknown {
    if (name === 'value') return this.result;
    if (name === 'error') return null;
    throw new Error(`FakeFunctionResult has no property ${name}`);
  }
  get value(): number {
    return this.prop('value');
  }
}

/** A collection whose `items` exist after load('items/…') and sync. */
abstract class FakeCollection<T extends FakeObject> extends FakeObject {
  override load(spec?: unknown): this {
    const props = parseLoad(spec).map((p) => p.replace(/^items\//, ''));
    this.ctx.enqueue(() => {
      const items = this.list();
      for (const item of items) item.fillNow(props);
      this.setItems(items);
    }, true);
    return this;
  }
  private current: T[] | undefined;
  private setItems(items: T[]): void {
    this.current = items;
  }
  get items(): T[] {
    if (!this.current)
      throw new PropertyNotLoadedError(`${this.constructor.name}.items was read without load() and sync()`);
    return this.current;
  }
  protected compute(): unknown {
    return undefined;
  }
  protected abstract list(): T[];
}

class FakeWorksheetCollection extends FakeCollection<FakeWorksheet> {
  protected list(): FakeWorksheet[] {
    return this.ctx.book.sheetNames().map((n) => new FakeWorksheet(this.ctx, n, false));
  }
  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, key, false);
  }
  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, key, true);
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.book.activeSheet ?? this.ctx.book.sheetNames()[0]!, false);
  }
  add(name: string): FakeWorksheet {
    this.ctx.enqueue(
      () => this.ctx.book.applyNow([{ kind: 'addSheet', name }]),
      false,
      () => name,
    );
    return new FakeWorksheet(this.ctx, name, false);
  }
  get onChanged() {
    return this.ctx.fake.workbookEvents ? this.workbookOnChanged : undefined;
  }
  private readonly workbookOnChanged = {
    add: (handler: Handler) => {
      this.ctx.enqueue(() => this.ctx.fake.handlers.push(handler));
      const ctx = this.ctx;
      return {
        context: ctx,
        remove: () => ctx.enqueue(() => (ctx.fake.handlers = ctx.fake.handlers.filter((h) => h !== handler))),
      };
    },
  };
}

export class FakeWorksheet extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly key: string | (() => string),
    private readonly nullable: boolean,
  ) {
    super(ctx);
  }
  /** The sheet's current name, resolved when the queue runs (by id or name). */
  resolve(): string {
    const key = typeof this.key === 'function' ? this.key() : this.key;
    const name = this.ctx.fake.sheetById(key);
    if (!name) {
      if (this.nullable) return '';
      throw new InvalidArgumentError(`ItemNotFound: no sheet "${key}"`);
    }
    return name;
  }
  protected override isNull(): boolean {
    return this.nullable && this.resolve() === '';
  }
  protected compute(name: string): unknown {
    if (name === 'name') return this.resolve();
    if (name === 'id') return this.ctx.fake.idOf(this.resolve());
    throw new Error(`fake Worksheet does not support loading ${name}`);
  }
  get name(): string {
    return this.prop('name');
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    return new FakeRange(
      this.ctx,
      () => {
        const sheet = this.resolve();
        if (sheet === '') return null;
        const used = this.ctx.book.usedRangeOf(sheet);
        return used ? { sheet, ref: used } : null;
      },
      true,
    );
  }
  /** The whole sheet without an address (only for asking what it holds, such as its merged areas). */
  getRange(address?: string): FakeRange {
    return new FakeRange(
      this.ctx,
      () => ({
        sheet: this.resolve(),
        ref: address ? parseAddress(address) : { row: 0, col: 0, rows: 1_048_576, cols: 16_384 },
      }),
      false,
    );
  }
  get protection(): FakeProtection {
    return new FakeProtection(this.ctx, () => this.resolve());
  }
  /**
   * Several areas at once (Worksheet.getRanges, ExcelApi 1.9), as Excel takes them: "A1:B2,4:6"
   * (whole rows as "4:6"); only setting the row height is supported.
   */
  get getRanges(): ((address: string) => { format: { rowHeight: number } }) | undefined {
    if (!this.ctx.fake.rangeAreasApi) return undefined;
    return (address: string) => {
      const areas = address.split(',').map((a): RangeRef => {
        const rows = /^\$?(\d+):\$?(\d+)$/.exec(a.trim());
        if (!rows) return parseAddress(a.trim());
        const first = Number(rows[1]) - 1;
        return { row: first, col: 0, rows: Number(rows[2]) - first, cols: 16_384 };
      });
      const ctx = this.ctx;
      const sheet = () => this.resolve();
      return {
        format: {
          set rowHeight(height: number) {
            if (!(height >= 0 && height <= 409))
              throw new InvalidArgumentError(`fake: a row height of ${height} is outside Excel's 0 to 409 points`);
            ctx.enqueue(
              () => {
                const name = sheet();
                ctx.fake.rowHeightCalls.push({ sheet: name, areas: areas.length, height });
                ctx.book.applyNow(
                  areas.map((r) => ({ kind: 'setRowHeight' as const, sheet: name, row: r.row, rows: r.rows, height })),
                );
              },
              false,
              () => [address, height],
            );
          },
          get rowHeight(): number {
            throw new Error('fake RangeAreas: rowHeight can only be set');
          },
        },
      };
    };
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    if (rows < 1 || cols < 1) throw new InvalidArgumentError('getRangeByIndexes needs at least one row and column');
    return new FakeRange(this.ctx, () => ({ sheet: this.resolve(), ref: { row, col, rows, cols } }), false);
  }
  get tables() {
    return {
      add: (address: string, hasHeaders: boolean) => {
        const table = new FakeTable(this.ctx, '');
        this.ctx.enqueue(() => {
          if (!hasHeaders) throw new Error('fake: only tables with headers are supported');
          const ref = parseAddress(address);
          let n = this.ctx.book.tables().length + 1;
          while (this.ctx.book.tables().some((t) => t.name.toLowerCase() === `table${n}`)) n++;
          this.ctx.book.applyNow([{ kind: 'createTable', sheet: this.resolve(), range: ref, name: `Table${n}` }]);
          table.bind(`Table${n}`);
        });
        return table;
      },
    };
  }
  readonly freezePanes = {
    freezeRows: (rows: number) =>
      this.ctx.enqueue(() => this.ctx.book.applyNow([{ kind: 'freezeRows', sheet: this.resolve(), rows }])),
  };
  get pageLayout() {
    const record = (key: string, value: unknown) =>
      this.ctx.enqueue(
        () => {
          const sheet = this.resolve();
          const current = this.ctx.fake.pageLayouts.get(sheet) ?? {};
          this.ctx.fake.pageLayouts.set(sheet, { ...current, [key]: value });
        },
        false,
        () => value,
      );
    return {
      set orientation(v: string) {
        record('orientation', v);
      },
      set zoom(v: unknown) {
        record('zoom', v);
      },
      setPrintTitleRows: (rows: string) => record('printTitleRows', rows),
      setPrintArea: (area: string) => record('printArea', area),
      headersFooters: {
        defaultForAllPages: {
          set centerHeader(v: string) {
            record('centerHeader', v);
          },
          set centerFooter(v: string) {
            record('centerFooter', v);
          },
        },
      },
    };
  }
  /** Page breaks: each added address is recorded as the layout's `rowBreaks` (0-based rows). */
  get horizontalPageBreaks() {
    return {
      add: (address: string) =>
        this.ctx.enqueue(
          () => {
            const sheet = this.resolve();
            const current = this.ctx.fake.pageLayouts.get(sheet) ?? {};
            const row = Number(/\d+/.exec(address)![0]) - 1;
            const rowBreaks = [...((current.rowBreaks as number[] | undefined) ?? []), row];
            this.ctx.fake.pageLayouts.set(sheet, { ...current, rowBreaks });
          },
          false,
          () => address,
        ),
    };
  }
  get charts() {
    return {
      add: (type: string, data: FakeRange, _seriesBy: string) => {
        const chart = {
          sheet: '',
          type,
          data: { row: 0, col: 0, rows: 0, cols: 0 },
          title: undefined as string | undefined,
        };
        this.ctx.enqueue(() => {
          const target = data.target()!;
          chart.sheet = this.resolve();
          chart.data = target.ref;
          this.ctx.fake.charts.push(chart);
        });
        return {
          title: {
            set text(v: string) {
              chart.title = v;
            },
          },
          setPosition: (_start: string, _end: string) => undefined,
        };
      },
    };
  }
  readonly onChanged = {
    add: (handler: Handler) => {
      const ctx = this.ctx;
      let filtered: Handler | undefined;
      ctx.enqueue(() => {
        const id = ctx.fake.idOf(this.resolve());
        filtered = (event) => (event.worksheetId === id ? handler(event) : undefined);
        ctx.fake.handlers.push(filtered);
      });
      return {
        context: ctx,
        remove: () => ctx.enqueue(() => (ctx.fake.handlers = ctx.fake.handlers.filter((h) => h !== filtered))),
      };
    },
  };
  activate(): void {
    this.ctx.enqueue(() => this.ctx.book.applyNow([{ kind: 'activate', sheet: this.resolve() }]));
  }
  delete(): void {
    this.ctx.enqueue(() => this.ctx.book.applyNow([{ kind: 'deleteSheet', name: this.resolve() }]));
  }
}

class FakeProtection extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => string,
  ) {
    super(ctx);
  }
  protected compute(name: string): unknown {
    if (name === 'protected') return this.ctx.book.isProtected(this.sheet());
    throw new Error(`fake WorksheetProtection does not support loading ${name}`);
  }
  get protected(): boolean {
    return this.prop('protected');
  }
}

/** The merged areas that touch a range (Range.getMergedAreasOrNullObject): null when there are none. */
class FakeRangeAreas extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly range: FakeRange,
  ) {
    super(ctx);
  }
  private areas(): { sheet: string; refs: RangeRef[] } {
    const { sheet, ref } = this.range.target()!;
    const touches = (m: RangeRef) =>
      m.row < ref.row + ref.rows && ref.row < m.row + m.rows && m.col < ref.col + ref.cols && ref.col < m.col + m.cols;
    return { sheet, refs: this.ctx.book.mergedAreas(sheet).filter(touches) };
  }
  protected override isNull(): boolean {
    return this.areas().refs.length === 0;
  }
  protected compute(name: string): unknown {
    const { sheet, refs } = this.areas();
    if (name === 'address') return refs.map((r) => `${sheetRef(sheet)}!${rangeAddress(r)}`).join(',');
    if (name === 'areaCount') return refs.length;
    throw new Error(`fake RangeAreas does not support loading ${name}`);
  }
  get address(): string {
    return this.prop('address');
  }
}

function parseAddress(address: string): RangeRef {
  const local = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const [a, b] = local.replace(/\$/g, '').split(':');
  const cell = (text: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(text)!;
    let col = 0;
    for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
    return { row: Number(m[2]) - 1, col: col - 1 };
  };
  const start = cell(a!);
  const end = cell(b ?? a!);
  return { row: start.row, col: start.col, rows: end.row - start.row + 1, cols: end.col - start.col + 1 };
}

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** What Excel stores when a value is written into a cell that is not formatted as text. */
function excelCoerce(value: CellValue): { value?: CellValue; formula?: string } {
  if (typeof value !== 'string') return { value };
  if (value.length > 1 && /^[=+\-@]/.test(value) && !NUMERIC.test(value.trim())) {
    return { formula: value.startsWith('=') ? value : `=${value}` };
  }
  const t = value.trim();
  if (NUMERIC.test(t)) return { value: Number(t) };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === 'true' };
  const iso = /^\d{4}-\d{1,2}-\d{1,2}$/.test(t) ? dayFromIso(t) : undefined;
  if (iso !== undefined) return { value: serialFromDay(iso) };
  return { value };
}

type Target = { sheet: string; ref: RangeRef } | null;

export class FakeRange extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly where: () => Target,
    private readonly nullable: boolean,
  ) {
    super(ctx);
  }
  target(): Target {
    const t = this.where();
    if (!t && !this.nullable) throw new InvalidArgumentError('The range does not exist');
    return t;
  }
  override load(spec?: unknown): this {
    const props = parseLoad(spec);
    const heavy = props.includes('*')
      ? ['values', 'formulas', 'numberFormat']
      : props.filter((p) => p === 'values' || p === 'formulas' || p === 'numberFormat');
    if (heavy.length) {
      this.ctx.payload(
        true,
        () => {
          const t = this.where();
          if (t) this.ctx.fake.noteCellsRead(t.sheet, t.ref.rows * t.ref.cols);
          return t ? t.ref.rows * t.ref.cols : 0;
        },
        () => (this.where() ? heavy.reduce((sum, p) => sum + jsonUtf8(this.compute(p)), 0) : 0),
      );
    }
    return super.load(spec);
  }
  private written(data: readonly (readonly unknown[])[]): void {
    this.ctx.payload(false, () => data.reduce((sum, row) => sum + row.length, 0));
  }
  protected override isNull(): boolean {
    return this.nullable && this.where() === null;
  }
  private cells<T>(fn: (sheet: string, row: number, col: number) => T): T[][] {
    const { sheet, ref } = this.target()!;
    return Array.from({ length: ref.rows }, (_, r) =>
      Array.from({ length: ref.cols }, (_, c) => fn(sheet, ref.row + r, ref.col + c)),
    );
  }
  protected compute(name: string): unknown {
    const { sheet, ref } = this.target()!;
    switch (name) {
      case 'address':
        return `${sheetRef(sheet)}!${rangeAddress(ref)}`;
      case 'rowIndex':
        return ref.row;
      case 'columnIndex':
        return ref.col;
      case 'rowCount':
        return ref.rows;
      case 'columnCount':
        return ref.cols;
      case 'values':
        return this.cells((s, r, c) => this.ctx.book.getValue(s, r, c));
      case 'formulas':
        return this.cells((s, r, c) => this.ctx.book.getFormula(s, r, c) ?? this.ctx.book.getValue(s, r, c));
      case 'numberFormat':
        return this.cells((s, r, c) => this.ctx.book.numberFormat(s, r, c) ?? 'General');
      default:
        throw new Error(`fake Range does not support loading ${name}`);
    }
  }
  get address(): string {
    return this.prop('address');
  }
  get rowIndex(): number {
    return this.prop('rowIndex');
  }
  get columnIndex(): number {
    return this.prop('columnIndex');
  }
  get rowCount(): number {
    return this.prop('rowCount');
  }
  get columnCount(): number {
    return this.prop('columnCount');
  }
  get values(): CellValue[][] {
    return this.prop('values');
  }
  get formulas(): CellValue[][] {
    return this.prop('formulas');
  }
  get numberFormat(): string[][] {
    return this.prop('numberFormat');
  }
  private checkShape(data: readonly (readonly unknown[])[]): void {
    const { ref } = this.target()!;
    if (data.length !== ref.rows || data.some((r) => r.length !== ref.cols)) {
      throw new InvalidArgumentError(
        `The number of rows or columns in the input array doesn't match the size of the range (${ref.rows}×${ref.cols})`,
      );
    }
  }
  set values(data: CellValue[][]) {
    const copy = data.map((r) => [...r]);
    this.written(copy);
    this.ctx.enqueue(
      () => {
        this.checkShape(copy);
        const { sheet, ref } = this.target()!;
        copy.forEach((row, r) =>
          row.forEach((v, c) => {
            const [rr, cc] = [ref.row + r, ref.col + c];
            const asText = this.ctx.book.numberFormat(sheet, rr, cc) === '@';
            const stored = asText ? { value: v } : excelCoerce(v);
            if (stored.formula !== undefined)
              this.ctx.book.applyNow([{ kind: 'setFormulas', sheet, row: rr, col: cc, formulas: [[stored.formula]] }]);
            else
              this.ctx.book.applyNow([{ kind: 'setValues', sheet, row: rr, col: cc, values: [[stored.value ?? '']] }]);
          }),
        );
      },
      false,
      () => copy,
    );
  }
  set formulas(data: CellValue[][]) {
    const copy = data.map((r) => r.map((v) => String(v)));
    this.written(copy);
    this.ctx.enqueue(
      () => {
        this.checkShape(copy);
        const { sheet, ref } = this.target()!;
        this.ctx.book.applyNow([{ kind: 'setFormulas', sheet, row: ref.row, col: ref.col, formulas: copy }]);
      },
      false,
      () => copy,
    );
  }
  set numberFormat(data: string[][]) {
    const copy = data.map((r) => [...r]);
    this.written(copy);
    this.ctx.enqueue(
      () => {
        this.checkShape(copy);
        const { sheet, ref } = this.target()!;
        const ops = copy.flatMap((row, r) =>
          row.map((format, c) => ({
            kind: 'setNumberFormat' as const,
            sheet,
            range: { row: ref.row + r, col: ref.col + c, rows: 1, cols: 1 },
            format,
          })),
        );
        this.ctx.book.applyNow(ops);
      },
      false,
      () => copy,
    );
  }
  set hyperlink(link: { address: string; textToDisplay: string }) {
    this.ctx.enqueue(
      () => {
        const { sheet, ref } = this.target()!;
        this.ctx.book.applyNow([
          { kind: 'hyperlink', sheet, row: ref.row, col: ref.col, address: link.address, text: link.textToDisplay },
        ]);
      },
      false,
      () => link,
    );
  }
  get getMergedAreasOrNullObject(): (() => FakeRangeAreas) | undefined {
    return this.ctx.fake.mergedAreasApi ? () => new FakeRangeAreas(this.ctx, this) : undefined;
  }
  getCell(row: number, col: number): FakeRange {
    return new FakeRange(
      this.ctx,
      () => {
        const { sheet, ref } = this.target()!;
        return { sheet, ref: { row: ref.row + row, col: ref.col + col, rows: 1, cols: 1 } };
      },
      false,
    );
  }
  getRow(row: number): FakeRange {
    return new FakeRange(
      this.ctx,
      () => {
        const { sheet, ref } = this.target()!;
        return { sheet, ref: { row: ref.row + row, col: ref.col, rows: 1, cols: ref.cols } };
      },
      false,
    );
  }
  getEntireRow(): FakeRange {
    return new FakeRange(
      this.ctx,
      () => {
        const { sheet, ref } = this.target()!;
        return { sheet, ref: { row: ref.row, col: 0, rows: ref.rows, cols: 16_384 } };
      },
      false,
    );
  }
  getEntireColumn(): FakeRange {
    return new FakeRange(
      this.ctx,
      () => {
        const { sheet, ref } = this.target()!;
        return { sheet, ref: { row: 0, col: ref.col, rows: 1_048_576, cols: ref.cols } };
      },
      false,
    );
  }
  merge(_across?: boolean): void {
    this.ctx.enqueue(() => {
      const { sheet, ref } = this.target()!;
      this.ctx.book.applyNow([{ kind: 'merge', sheet, range: ref }]);
    });
  }
  select(): void {
    this.ctx.enqueue(() => {
      const { sheet, ref } = this.target()!;
      void this.ctx.book.select(sheet, ref);
    });
  }
  get format() {
    const style = (s: Record<string, unknown>) =>
      this.ctx.enqueue(
        () => {
          const { sheet, ref } = this.target()!;
          this.ctx.book.applyNow([{ kind: 'setStyle', sheet, range: ref, style: s }]);
        },
        false,
        () => Object.values(s)[0],
      );
    const ctx = this.ctx;
    const target = () => this.target()!;
    return {
      font: {
        set bold(v: boolean) {
          style({ bold: v });
        },
        set italic(v: boolean) {
          style({ italic: v });
        },
        set color(v: string) {
          style({ fontColor: v });
        },
        set size(v: number) {
          style({ fontSize: v });
        },
      },
      fill: {
        set color(v: string) {
          style({ fill: v });
        },
      },
      set wrapText(v: boolean) {
        style({ wrap: v });
      },
      set horizontalAlignment(v: string) {
        style({ horizontalAlignment: v.toLowerCase() });
      },
      set verticalAlignment(v: string) {
        if (!['Top', 'Center', 'Bottom', 'Justify', 'Distributed'].includes(v))
          throw new InvalidArgumentError(`fake: verticalAlignment "${v}" is not one of Excel's`);
        style({ verticalAlignment: v.toLowerCase() });
      },
      set columnWidth(v: number) {
        ctx.enqueue(() => {
          const { sheet, ref } = target();
          for (let c = 0; c < ref.cols; c++)
            ctx.book.applyNow([{ kind: 'setColumnWidth', sheet, col: ref.col + c, width: v }]);
        });
      },
      set rowHeight(v: number) {
        if (!(v >= 0 && v <= 409))
          throw new InvalidArgumentError(`fake: a row height of ${v} is outside Excel's 0 to 409 points`);
        ctx.enqueue(() => {
          const { sheet, ref } = target();
          ctx.fake.rowHeightCalls.push({ sheet, areas: 1, height: v });
          ctx.book.applyNow([{ kind: 'setRowHeight', sheet, row: ref.row, rows: ref.rows, height: v }]);
        });
      },
    };
  }
  get dataValidation() {
    const ctx = this.ctx;
    const target = () => this.target()!;
    // Each setter rewrites the whole validation of the range with what has been set so far.
    const state: { list: string[]; prompt?: string; alert?: ListAlert } = { list: [] };
    const write = () =>
      ctx.enqueue(
        () => {
          const { sheet, ref } = target();
          ctx.book.applyNow([{ kind: 'listValidation', sheet, range: ref, ...state }]);
        },
        false,
        () => state,
      );
    return {
      clear: () => undefined,
      set rule(rule: { list: { source: string } }) {
        state.list = rule.list.source.split(',');
        write();
      },
      set prompt(p: { message: string }) {
        state.prompt = p.message;
        write();
      },
      set errorAlert(a: { showAlert: boolean; style: string; title: string; message: string }) {
        if (!a.showAlert) throw new Error('fake: an error alert that is not shown is not supported');
        const style = a.style.toLowerCase();
        if (style !== 'stop' && style !== 'warning' && style !== 'information')
          throw new InvalidArgumentError(`Invalid error alert style "${a.style}"`);
        state.alert = { style, title: a.title, message: a.message };
        write();
      },
    };
  }
  get conditionalFormats() {
    return {
      add: (type: string) => {
        if (type !== 'Custom') throw new Error('fake: only custom conditional formats');
        const cf = { custom: { rule: { formula: '' }, format: { fill: { color: '' } } } };
        // The formula and fill are set on the returned object before the sync that applies it.
        this.ctx.enqueue(
          () => {
            const { sheet, ref } = this.target()!;
            this.ctx.book.applyNow([
              {
                kind: 'conditionalFormat',
                sheet,
                range: ref,
                formula: cf.custom.rule.formula,
                fill: cf.custom.format.fill.color,
              },
            ]);
          },
          false,
          () => cf,
        );
        return cf;
      },
    };
  }
}

class FakeTable extends FakeObject {
  constructor(
    ctx: FakeContext,
    private tableName: string,
  ) {
    super(ctx);
  }
  bind(name: string): void {
    this.tableName = name;
  }
  private current() {
    const t = this.ctx.book.tables().find((x) => x.name.toLowerCase() === this.tableName.toLowerCase());
    if (!t) throw new InvalidArgumentError(`ItemNotFound: no table "${this.tableName}"`);
    return t;
  }
  protected compute(name: string): unknown {
    if (name === 'name') return this.current().name;
    throw new Error(`fake Table does not support loading ${name}`);
  }
  get name(): string {
    return this.prop('name');
  }
  set name(value: string) {
    this.ctx.enqueue(() => {
      this.ctx.book.renameTable(this.current().name, value);
      this.tableName = value;
    });
  }
  getRange(): FakeRange {
    return new FakeRange(
      this.ctx,
      () => {
        const t = this.current();
        return { sheet: t.sheet, ref: t.range };
      },
      false,
    );
  }
  get columns() {
    return {
      add: (_index?: number, _values?: unknown, name?: string) => {
        this.ctx.enqueue(() =>
          this.ctx.book.applyNow([
            { kind: 'addTableColumns', table: this.current().name, headers: [name ?? 'Column'] },
          ]),
        );
      },
    };
  }
}

class FakeTableCollection extends FakeCollection<FakeTable> {
  protected list(): FakeTable[] {
    return this.ctx.book.tables().map((t) => new FakeTable(this.ctx, t.name));
  }
  getItem(name: string): FakeTable {
    return new FakeTable(this.ctx, name);
  }
}

class FakeNamedItem extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly itemName: string,
  ) {
    super(ctx);
  }
  private current() {
    const n = this.ctx.book.names().find((x) => x.name.toLowerCase() === this.itemName.toLowerCase());
    if (!n) throw new InvalidArgumentError(`ItemNotFound: no name "${this.itemName}"`);
    return n;
  }
  protected compute(name: string): unknown {
    if (name === 'name') return this.current().name;
    if (name === 'type') return 'Range';
    throw new Error(`fake NamedItem does not support loading ${name}`);
  }
  get name(): string {
    return this.prop('name');
  }
  get type(): string {
    return this.prop('type');
  }
  getRangeOrNullObject(): FakeRange {
    return new FakeRange(
      this.ctx,
      () => {
        const n = this.ctx.book.names().find((x) => x.name.toLowerCase() === this.itemName.toLowerCase());
        return n && this.ctx.book.hasSheet(n.sheet) ? { sheet: n.sheet, ref: n.range } : null;
      },
      true,
    );
  }
  delete(): void {
    this.ctx.enqueue(() => this.ctx.book.deleteName(this.current().name));
  }
}

class FakeNamedItemCollection extends FakeCollection<FakeNamedItem> {
  protected list(): FakeNamedItem[] {
    return this.ctx.book.names().map((n) => new FakeNamedItem(this.ctx, n.name));
  }
  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.ctx, name);
  }
  add(name: string, range: FakeRange, comment?: string): FakeNamedItem {
    this.ctx.enqueue(
      () => {
        if (this.ctx.book.names().some((n) => n.name.toLowerCase() === name.toLowerCase())) {
          throw new InvalidArgumentError(`The name "${name}" already exists`);
        }
        const { sheet, ref } = range.target()!;
        this.ctx.book.applyNow([{ kind: 'defineName', name, sheet, range: ref, ...(comment ? { comment } : {}) }]);
      },
      false,
      () => [name, comment],
    );
    return new FakeNamedItem(this.ctx, name);
  }
}
