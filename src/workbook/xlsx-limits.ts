/**
 * What one .xlsx file may cost the command line. A workbook past a bound is refused before it can
 * take the machine's memory: a zip bomb, a sheet of millions of cells, a single huge string.
 *
 * The bounds are far above any CE log (Excel itself stops at 32,767 characters a cell), so only a
 * broken or hostile file meets them.
 */
export interface XlsxLimits {
  /** Bytes of all the zip's parts once inflated (declared and actual). */
  uncompressedBytes: number;
  /** Cells with a value or a formula, over every sheet. */
  cells: number;
  /** Characters of one string (a cell's text or a shared string). */
  stringLength: number;
  /** Parts in the zip. */
  entries: number;
  /**
   * Cells covered by merged areas, data validations and defined names, for writing a copy: exceljs's
   * full reader expands each of them cell by cell (reading for a check does not).
   */
  areaCells: number;
}

export const XLSX_LIMITS: XlsxLimits = {
  uncompressedBytes: 256 * 1024 * 1024,
  cells: 5_000_000,
  stringLength: 1_000_000,
  entries: 10_000,
  areaCells: 5_000_000,
};

/** A file past one of the bounds: the message names the bound, the figure and the file. */
export class XlsxLimitError extends Error {
  constructor(
    readonly bound: keyof XlsxLimits,
    message: string,
  ) {
    super(message);
    this.name = 'XlsxLimitError';
  }
}

export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${formatCount(n / (1024 * 1024))} MiB` : `${formatCount(n)} bytes`;
}
