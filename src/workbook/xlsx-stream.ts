/**
 * Reads an .xlsx for the command line with exceljs's streaming worksheet reader: rows pass through one
 * at a time and only the cells that hold something are kept, so a sheet costs what its cells cost.
 *
 * exceljs's `WorkbookReader` reads the zip with unzipper in file order and leaves out tables; here the
 * zip layer is our own (`xlsx-zip.ts`: declared and actual sizes counted against the bounds), the small
 * parts (workbook, relationships, tables) go through exceljs's own parsers, and each sheet's XML goes
 * through exceljs's `WorksheetReader`, the part of `WorkbookReader` that reads a sheet. Bytes, cells
 * and string lengths are counted as they come, and a file past a bound stops with an `XlsxLimitError`
 * before it can cost more; merged areas, validations and names are measured for the full reader.
 */
import type ExcelJS from 'exceljs';
import type { CellValue, NamedRange, RangeRef, TableInfo } from './port';
import { formatCount, XlsxLimitError, type XlsxLimits } from './xlsx-limits';
import { ZipFile } from './xlsx-zip';

/* exceljs's streaming parts have no type definitions: typed here as narrowly as we use them. */
interface Xform<M> {
  parseStream(source: AsyncIterable<string>): Promise<unknown>;
  model: M;
}
interface WorkbookModel {
  sheets?: { name: string; id: number; rId: string; state?: string }[];
  definedNames?: { name: string; ranges: string[]; localSheetId?: number }[];
  views?: { activeTab?: number }[];
}
interface RowLike {
  number: number;
  eachCell(options: { includeEmpty: boolean }, fn: (cell: ExcelJS.Cell, col: number) => void): void;
}
type SaxEvent =
  | { eventType: 'opentag'; value: { name: string } }
  | { eventType: 'text'; value: string }
  | { eventType: 'closetag'; value: { name: string } };
/* eslint-disable @typescript-eslint/no-require-imports */
const WorkbookXform = require('exceljs/lib/xlsx/xform/book/workbook-xform') as new () => Xform<WorkbookModel> & {
  map: { workbookPr: unknown };
};
const RelationshipsXform = require('exceljs/lib/xlsx/xform/core/relationships-xform') as new () => Xform<
  { Id: string; Type: string; Target: string; TargetMode?: string }[]
>;
const TableXform = require('exceljs/lib/xlsx/xform/table/table-xform') as new () => Xform<{
  name: string;
  tableRef: string;
  totalsRow?: boolean;
}>;
const StyleManager = require('exceljs/lib/xlsx/xform/style/styles-xform') as new () => Xform<unknown> & {
  init(): void;
};
const WorksheetReader = require('exceljs/lib/stream/xlsx/worksheet-reader') as new (args: {
  workbook: { sharedStrings: unknown[]; styles: unknown; properties: unknown };
  id: number;
  iterator: AsyncIterable<string>;
  options: { worksheets: 'emit'; hyperlinks: 'ignore' };
}) => { parse(): AsyncIterable<{ eventType: string; value: unknown }[]> };
const parseSax = require('exceljs/lib/utils/parse-sax') as (source: AsyncIterable<string>) => AsyncIterable<SaxEvent[]>;
/* eslint-enable @typescript-eslint/no-require-imports */

/** The cells of one row that hold something, in the order they came (0-based columns). */
export interface RowCells {
  row: number;
  cols: number[];
  values: CellValue[];
  /** "=…" for formula cells (undefined for the others); absent when the row has no formula. */
  formulas?: (string | undefined)[];
}

export interface StreamedSheet {
  name: string;
  rows: RowCells[];
  tables: TableInfo[];
  /** Merged areas (their value is their top-left cell's). */
  merged: RangeRef[];
  /** Cells with something in them. */
  cells: number;
}

export interface StreamedWorkbook {
  sheets: StreamedSheet[];
  names: NamedRange[];
  activeSheet: string | undefined;
  /** The workbook counts dates from 1904 (its cells are read as dates all the same; writes need to know). */
  date1904: boolean;
  /**
   * Cells covered by merged areas, data validations and defined names. The streaming reader keeps
   * them as ranges, but exceljs's full reader (needed to write a copy) expands each one cell by cell:
   * they cost nothing to check a file and bound only what writing a copy may cost.
   */
  expanded: { cells: number; largest: string; largestCells: number };
}

/** How the adapter turns an exceljs cell into a port value (shared with the full reader). */
export type CellReader = (cell: ExcelJS.Cell) => { value: CellValue; formula: string | undefined } | undefined;

/** "A1:B3" → 0-based corners; undefined for anything else. */
function area(ref: string): { r1: number; c1: number; r2: number; c2: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(ref.trim());
  if (!m) return undefined;
  const col = (letters: string) => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const c1 = col(m[1]!);
  const r1 = Number(m[2]) - 1;
  const c2 = m[3] ? col(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) - 1 : r1;
  return { r1: Math.min(r1, r2), c1: Math.min(c1, c2), r2: Math.max(r1, r2), c2: Math.max(c1, c2) };
}

function areaCells(ref: string): number {
  const a = area(ref);
  return a ? (a.r2 - a.r1 + 1) * (a.c2 - a.c1 + 1) : 0;
}

/** A relationship target → the part's path in the zip, relative to the folder of the part that points. */
function resolvePart(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = from.split('/').slice(0, -1);
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}

function relsOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

async function parsePart<M>(zip: ZipFile, name: string, xform: Xform<M>): Promise<M | undefined> {
  if (!zip.has(name)) return undefined;
  await xform.parseStream(zip.text(name));
  return xform.model;
}

class Budget {
  private cells = 0;
  /** Cells that exceljs's full reader would expand one by one (see `StreamedWorkbook.expanded`). */
  readonly expanded = { cells: 0, largest: '', largestCells: 0 };

  constructor(private readonly limits: XlsxLimits) {}

  cell(sheet: string): void {
    if (++this.cells > this.limits.cells) {
      throw new XlsxLimitError(
        'cells',
        `it has more than ${formatCount(this.limits.cells)} cells with values (the bound), counting up to sheet "${sheet}"`,
      );
    }
  }

  string(length: number, where: string): void {
    if (length > this.limits.stringLength) {
      throw new XlsxLimitError(
        'stringLength',
        `${where} holds a text of more than ${formatCount(this.limits.stringLength)} characters (the bound)`,
      );
    }
  }

  area(cells: number, what: string): void {
    this.expanded.cells += cells;
    if (cells > this.expanded.largestCells) {
      this.expanded.largestCells = cells;
      this.expanded.largest = what;
    }
  }
}

/** Shared strings as plain text (rich text runs joined; phonetic runs, which Excel does not show, left out). */
async function sharedStrings(zip: ZipFile, name: string, budget: Budget): Promise<string[]> {
  const out: string[] = [];
  if (!zip.has(name)) return out;
  let text: string | undefined;
  let inText = false;
  let phonetic = 0;
  for await (const events of parseSax(zip.text(name))) {
    for (const event of events) {
      if (event.eventType === 'opentag') {
        if (event.value.name === 'si') text = '';
        else if (event.value.name === 'rPh') phonetic++;
        else if (event.value.name === 't') inText = true;
      } else if (event.eventType === 'text') {
        if (inText && phonetic === 0 && text !== undefined) {
          text += event.value;
          budget.string(text.length, `shared string ${out.length + 1}`);
        }
      } else if (event.value.name === 't') inText = false;
      else if (event.value.name === 'rPh') phonetic--;
      else if (event.value.name === 'si') {
        out.push(text ?? '');
        text = undefined;
      }
    }
  }
  return out;
}

/**
 * Passes a sheet's XML on, noting each merged area and each data validation's ranges on the way
 * (exceljs's sheet reader skips both).
 */
async function* noteAreas(
  source: AsyncIterable<string>,
  merges: string[],
  validations: string[],
): AsyncGenerator<string> {
  const tag = /<(?:\w+:)?(mergeCell|dataValidation)\s[^>]*?\b(?:ref|sqref)="([^"]+)"/g;
  let tail = '';
  for await (const chunk of source) {
    const text = tail + chunk;
    tag.lastIndex = 0;
    for (let m = tag.exec(text); m; m = tag.exec(text)) {
      // A tag wholly inside the carried tail was seen with the previous chunk.
      if (m.index + m[0].length <= tail.length) continue;
      if (m[1] === 'mergeCell') merges.push(m[2]!);
      else validations.push(...m[2]!.split(/\s+/).filter(Boolean));
    }
    tail = text.slice(-512);
    yield chunk;
  }
}

/** Drops what merged areas hide: a merged area's value is its top-left cell's (as Excel and exceljs show it). */
function dropMerged(rows: RowCells[], merges: string[], limits: XlsxLimits, sheet: string): number {
  if (merges.length === 0) return 0;
  const byRow = new Map<number, RowCells[]>();
  for (const r of rows) {
    const list = byRow.get(r.row);
    if (list) list.push(r);
    else byRow.set(r.row, [r]);
  }
  // Only the rows that hold cells are visited (found by binary search), so a tall merged area costs
  // what the cells under it cost, not its height.
  const present = [...byRow.keys()].sort((a, b) => a - b);
  let dropped = 0;
  // Excel's merged areas never overlap, so each cell is looked at about once; overlapping ones (only a
  // hostile file has them) could make this quadratic, so the work is bounded too.
  let work = 0;
  for (const ref of merges) {
    const a = area(ref);
    if (!a) continue;
    let lo = 0;
    let hi = present.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (present[mid]! < a.r1) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < present.length && present[i]! <= a.r2; i++) {
      const r = present[i]!;
      for (const rec of byRow.get(r)!) {
        work += rec.cols.length + 1;
        if (work > 4 * limits.cells) {
          throw new XlsxLimitError(
            'cells',
            `the merged areas of sheet "${sheet}" cross its cells more than ${formatCount(4 * limits.cells)} times (overlapping areas, or very many across the same rows)`,
          );
        }
        for (let k = rec.cols.length - 1; k >= 0; k--) {
          const c = rec.cols[k]!;
          if (c < a.c1 || c > a.c2 || (r === a.r1 && c === a.c1)) continue;
          rec.cols.splice(k, 1);
          rec.values.splice(k, 1);
          rec.formulas?.splice(k, 1);
          dropped++;
        }
      }
    }
  }
  return dropped;
}

export async function readStreaming(data: Buffer, limits: XlsxLimits, readCell: CellReader): Promise<StreamedWorkbook> {
  const zip = ZipFile.open(data, limits);
  const budget = new Budget(limits);
  const workbookPart = 'xl/workbook.xml';
  const bookXform = new WorkbookXform();
  const book = await parsePart(zip, workbookPart, bookXform);
  if (!book) throw new Error('the workbook part (xl/workbook.xml) is missing');
  const rels = (await parsePart(zip, relsOf(workbookPart), new RelationshipsXform())) ?? [];
  const relById = new Map(rels.map((r) => [r.Id, r]));

  const strings = await sharedStrings(
    zip,
    resolvePart(workbookPart, rels.find((r) => /\/sharedStrings$/.test(r.Type))?.Target ?? 'sharedStrings.xml'),
    budget,
  );
  const styles = new StyleManager();
  styles.init();
  const stylesPart = resolvePart(workbookPart, rels.find((r) => /\/styles$/.test(r.Type))?.Target ?? 'styles.xml');
  if (zip.has(stylesPart)) await styles.parseStream(zip.text(stylesPart));
  const properties = bookXform.map.workbookPr;

  // Defined names: as exceljs keeps them (one name, its ranges; print areas and titles are the sheets').
  const namesByName = new Map<string, string[]>();
  for (const n of book.definedNames ?? []) {
    if (n.name === '_xlnm.Print_Area' || n.name === '_xlnm.Print_Titles') continue;
    const kept = n.ranges.filter((r) => /[$](\w+)[$](\d+)(:[$](\w+)[$](\d+))?/.test(r.split('!').pop() ?? ''));
    for (const r of kept)
      budget.area(areaCells(r.split('!').pop()!.replace(/\$/g, '')), `the defined name "${n.name}"`);
    namesByName.set(n.name, [...(namesByName.get(n.name) ?? []), ...kept]);
  }

  const sheets: StreamedSheet[] = [];
  for (const entry of book.sheets ?? []) {
    const rel = relById.get(entry.rId);
    // Chart sheets and anything else that is not a worksheet are not sheets of cells.
    if (!rel || !/\/worksheet$/.test(rel.Type)) continue;
    const part = resolvePart(workbookPart, rel.Target);
    if (!zip.has(part)) continue;
    const sheetRels = (await parsePart(zip, relsOf(part), new RelationshipsXform())) ?? [];
    const tables: TableInfo[] = [];
    for (const t of sheetRels.filter((r) => /\/table$/.test(r.Type) && r.TargetMode !== 'External')) {
      const model = await parsePart(zip, resolvePart(part, t.Target), new TableXform());
      const a = model?.tableRef ? area(model.tableRef) : undefined;
      if (model && a)
        tables.push({
          name: model.name,
          range: { row: a.r1, col: a.c1, rows: a.r2 - a.r1 + 1, cols: a.c2 - a.c1 + 1 },
          ...(model.totalsRow ? { totalsRow: true } : {}),
        });
    }
    const merges: string[] = [];
    const validations: string[] = [];
    const reader = new WorksheetReader({
      workbook: { sharedStrings: strings, styles, properties },
      id: entry.id,
      iterator: noteAreas(zip.text(part), merges, validations),
      options: { worksheets: 'emit', hyperlinks: 'ignore' },
    });
    const rows: RowCells[] = [];
    let cells = 0;
    for await (const events of reader.parse()) {
      for (const event of events) {
        if (event.eventType !== 'row') continue;
        const row = event.value as RowLike;
        const rec: RowCells = { row: row.number - 1, cols: [], values: [] };
        row.eachCell({ includeEmpty: false }, (cell, col) => {
          const read = readCell(cell);
          if (!read) return;
          if (typeof read.value === 'string')
            budget.string(read.value.length, `cell ${cell.address} of sheet "${entry.name}"`);
          budget.cell(entry.name);
          cells++;
          rec.cols.push(col - 1);
          rec.values.push(read.value);
          if (read.formula !== undefined) {
            rec.formulas ??= [];
            rec.formulas[rec.values.length - 1] = read.formula;
          }
        });
        if (rec.cols.length) rows.push(rec);
      }
    }
    for (const ref of merges) budget.area(areaCells(ref), `the merged area ${ref} of sheet "${entry.name}"`);
    for (const ref of validations)
      budget.area(areaCells(ref), `the data validation of ${ref} on sheet "${entry.name}"`);
    cells -= dropMerged(rows, merges, limits, entry.name);
    const merged = merges
      .map(area)
      .filter((a) => a !== undefined)
      .map((a) => ({ row: a.r1, col: a.c1, rows: a.r2 - a.r1 + 1, cols: a.c2 - a.c1 + 1 }));
    sheets.push({ name: entry.name, rows, tables, merged, cells });
  }

  const names: NamedRange[] = [];
  for (const [name, ranges] of namesByName) {
    if (name.startsWith('_xlnm.') || ranges.length !== 1) continue;
    const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(ranges[0]!.trim());
    const a = m ? area(m[3]!) : undefined;
    if (!m || !a) continue;
    const sheetName = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]!;
    const sheet = sheets.find((s) => s.name.toLowerCase() === sheetName.toLowerCase());
    if (sheet)
      names.push({
        name,
        sheet: sheet.name,
        range: { row: a.r1, col: a.c1, rows: a.r2 - a.r1 + 1, cols: a.c2 - a.c1 + 1 },
      });
  }
  const active = book.views?.[0]?.activeTab;
  return {
    sheets,
    names,
    activeSheet: active !== undefined ? sheets[active]?.name : sheets[0]?.name,
    date1904: (properties as { model?: { date1904?: boolean } } | undefined)?.model?.date1904 === true,
    expanded: budget.expanded,
  };
}
