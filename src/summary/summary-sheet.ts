/**
 * The submission summary, built from an Evaluation only: no rule is recomputed here. Two sheets, each
 * laid out for paper:
 *
 * - "CE Summary" (portrait): who and which program, the status, totals and minimums, credits by format,
 *   caps, the checklist, key dates, fees, rows with problems and the attestation with signature lines.
 * - "CE Entries" (landscape): one row per non-blank row of the log, as the pane and the command line
 *   list them (date, activity, provider, format, claimed, counted, fate and reasons, proof and proof
 *   link; a row with a bad value or one that is no activity gives its fate and reason), its header row
 *   repeated on every printed page.
 *
 * Each sheet's columns are sized for its own blocks and add up to less than a printed page's width, so
 * "one page wide" prints at full size; text wraps inside its cell (wide text spans merged cells) and
 * every row is as tall as its wrapped text. Totals are native formulas (SUM/SUMIFS/COUNTIFS) over the
 * entry rows, never CEU functions, with their results stored beside them for readers that do not
 * calculate. User text goes through `setValues`, which writes text as text, cut to what one cell holds.
 * Both sheets are recognised by workbook names (CE_LEDGER_SUMMARY, CE_LEDGER_ENTRIES), never by their
 * sheet names: a user's own "CE Summary" is left alone and ours goes beside it as "CE Summary (2)".
 */
import { isoFromDay, resolveDate, serialFromDay, type EntryResult, type Evaluation } from '../core';
import { credentialOverview, type CredentialResult } from '../core/credentials';
import type { RowFate } from '../core/fates';
import { clean, formatCredits } from '../core/rounding';
import {
  cellAddress,
  sheetRef,
  type CellStyle,
  type CellValue,
  type RangeRef,
  type WorkbookOp,
  type WorkbookSnapshot,
} from '../workbook/port';
import { CELL_TEXT_LIMIT, fitCellText, proofLinkTarget } from './links';
import { ENTRIES_MARKER, markedSheet, SUMMARY_MARKER } from './workbook-log';

export const SUMMARY_SHEET = 'CE Summary';
export const ENTRIES_SHEET = 'CE Entries';
const DATE_FORMAT = 'yyyy-mm-dd';
const HEADING_FILL = '#1F4E78';
const HEADER_FILL = '#DDEBF7';

/** Printable width (points) of a landscape Letter or A4 page at the default margins. */
const LANDSCAPE_WIDTH = 680;
/** Body text: never below 8 pt on paper, since the sheets print at full size. */
const SUMMARY_FONT = 10;
export const ENTRIES_FONT = 9;

/** What the summary shows about the certificant (a Profile fits). */
export interface SummaryPerson {
  name?: string;
  certificantNumber?: string;
}

export interface SummaryOptions {
  /** Add a chart of counted credits by format (only when the host can draw charts). */
  charts?: boolean;
  /** The sheet the log was read from, for the summary's header. */
  logSheet?: string;
  /**
   * How the Log row column names an entry's row; default its row number. A log kept a sheet per year
   * numbers its later sheets' rows on from the first, so there it names the row's own sheet and row.
   */
  logRow?: (row: number) => CellValue;
  /**
   * Every credential of the profile when it lists several (the first is `evaluation`'s): the summary
   * gets a block per credential and the entries table a counted column per further credential.
   */
  credentials?: readonly CredentialResult[];
  /** Further credentials of the profile that could not be read: named on the summary, not dropped. */
  unread?: readonly { field: string; message: string }[];
}

/** The layout the ops produce, for callers and tests that read the sheets back. */
export interface SummaryLayout {
  sheet: string;
  /** 0-based row of each value in the totals block (column B holds required, C counted, D still needed). */
  totals: { all: number; minimums: { id: string; row: number }[]; needed: number };
  /** 0-based rows of the category table (A label, B counted, C claimed, D clipped, E entries). */
  categories: { first: number; count: number };
  /** The entries table on its own sheet: 0-based header row, first data row, the total row. */
  entries: {
    sheet: string;
    header: number;
    first: number;
    count: number;
    total: number;
    columns: string[];
    widths: number[];
  };
  /** 0-based first row of the attestation block and the day proof is kept until, when the program says. */
  attestation: { first: number; keepUntil: string | undefined };
  /**
   * With several credentials, each one's block: its 0-based heading row and totals row on the summary
   * (B required, C counted, D still needed), and its counted column in the entries table.
   */
  credentials?: { id: string; heading: number; totalsAll: number; countedColumn: number }[];
}

export interface SummaryPlan {
  sheet: string;
  entriesSheet: string;
  ops: WorkbookOp[];
  layout: SummaryLayout;
  /** The user's sheet of the same name that was kept, when ours had to go beside it. */
  keptUserSheet: string | undefined;
  /** Our sheets from an earlier generation that this plan replaces. */
  replaces: string[];
}

const ENTRY_COLUMNS = [
  'Log row',
  'Date',
  'Activity',
  'Provider',
  'Format',
  'Credits claimed',
  'Credits counted',
  'Fate',
  'Reasons and flags',
  'Proof',
  'Proof link',
] as const;
const COL = Object.fromEntries(ENTRY_COLUMNS.map((name, i) => [name, i])) as Record<
  (typeof ENTRY_COLUMNS)[number],
  number
>;
/** Widths in points, before text columns give way to minimum columns. */
const ENTRY_WIDTHS = [26, 54, 104, 64, 66, 44, 44, 46, 112, 56, 64];
const ENTRY_TEXT_COLUMNS = [
  COL.Activity,
  COL.Provider,
  COL.Format,
  COL['Reasons and flags'],
  COL.Proof,
  COL['Proof link'],
];
const MINIMUM_WIDTH = 46;

/** CE Summary: A labels; B to E numbers, or one wide value over B:E. */
const SUMMARY_WIDTHS = [176, 76, 76, 76, 76];

/** An entry's fate as the Fate column says it; one that a cap cut to nothing says so (see COUNTED_IN_CATEGORY). */
function fateLabel(f: RowFate): string {
  if (f.fate === 'not counted' && f.cause === 'cap') return NOT_COUNTED_CAP;
  return f.fate.charAt(0).toUpperCase() + f.fate.slice(1);
}
const NOT_COUNTED = 'Not counted';
const NOT_COUNTED_CAP = 'Not counted (cap)';
/** The fate, for one credential, of a row whose Category marks it for other credentials only. */
const OTHER_CREDENTIALS = 'Other credentials only';
/**
 * The category table counts entries inside the window, eligible and done, whatever caps did to them:
 * every fate but plain "Not counted" (a Fate criterion that SUMIFS and COUNTIFS take as is).
 */
const COUNTED_IN_CATEGORY = `<>${NOT_COUNTED}`;

const one = (row: number, col: number, rows = 1, cols = 1): RangeRef => ({ row, col, rows, cols });

/** The name to write a sheet under: its marked sheet when it exists, else the first free name from `base`. */
function targetSheet(
  snapshot: WorkbookSnapshot,
  base: string,
  marker: string,
  taken: Set<string>,
): { name: string; replace: boolean; kept: string | undefined } {
  const marked = markedSheet(snapshot, marker);
  if (marked) return { name: marked, replace: true, kept: undefined };
  if (!taken.has(base.toLowerCase())) return { name: base, replace: false, kept: undefined };
  const kept = snapshot.sheetNames.find((s) => s.toLowerCase() === base.toLowerCase());
  for (let n = 2; ; n++) {
    const name = `${base} (${n})`;
    if (!taken.has(name.toLowerCase())) return { name, replace: false, kept };
  }
}

/** The summary sheet's name to write: the marked sheet when it exists, else the first free "CE Summary" name. */
export function summarySheetName(snapshot: WorkbookSnapshot): {
  name: string;
  replace: boolean;
  kept: string | undefined;
} {
  return targetSheet(snapshot, SUMMARY_SHEET, SUMMARY_MARKER, new Set(snapshot.sheetNames.map((s) => s.toLowerCase())));
}

function proofText(e: EntryResult): string {
  const held = e.entry.proof.join('; ');
  switch (e.proof) {
    case 'missing':
      return `Missing: ${e.proofMessage ?? 'no proof recorded'}${held ? ` (held: ${held})` : ''}`;
    case 'insufficient':
      return `Insufficient: ${e.proofMessage ?? ''}`.trim();
    case 'not-needed':
      return held || 'Not needed';
    default:
      return held;
  }
}

function reasonsText(e: EntryResult, fate: RowFate): string {
  const parts = [...fate.reasons];
  for (const f of e.flags) {
    if (f.rule === 'proof') continue;
    parts.push(`${f.severity === 'at-risk' ? 'At risk' : 'Note'}: ${f.message}`);
  }
  return parts.join('; ');
}

/** Excel holds 255 characters in a page header, codes included: room is left for the host's alignment code. */
const HEADER_LIMIT = 250;

/** Header and footer text are Excel codes: a user's "&" must be doubled; a long one ends in "…". */
function headerText(text: string): string {
  const escaped = text.replace(/&/g, '&&');
  if (escaped.length <= HEADER_LIMIT) return escaped;
  let out = '';
  for (const ch of text) {
    const next = ch === '&' ? '&&' : ch;
    if (out.length + next.length > HEADER_LIMIT - 1) break;
    out += next;
  }
  return `${out}…`;
}

/** The rows with every text cut to what one cell holds; the same array when nothing is too long. */
function fitRows(rows: CellValue[][]): CellValue[][] {
  const tooLong = (v: CellValue) => typeof v === 'string' && v.length > CELL_TEXT_LIMIT;
  if (!rows.some((r) => r.some(tooLong))) return rows;
  return rows.map((r) => r.map((v) => (tooLong(v) ? fitCellText(v as string) : v)));
}

/**
 * A SUMIFS criterion that matches `label` exactly: the label's own cell when it is plain text, else a
 * literal "=…" with wildcards escaped (a criterion cell would read "*" or a leading "<" as an operator).
 */
function criterionFor(label: string, cell: string): string {
  if (!/[~*?]/.test(label) && !/^[<>=]/.test(label)) return cell;
  return `"=${label.replace(/[~*?]/g, '~$&').replace(/"/g, '""')}"`;
}

/** Excel's ROUND(x, 2) on a sum of credits. */
const round2 = (x: number) => clean(Math.round(clean(x) * 100) / 100);

/**
 * Lines that `text` takes in a cell `width` points wide at `size` points, wrapped at spaces. Glyphs are
 * taken as wide as a wide sans-serif's (the printer's fallback font may be wider than Calibri), so a
 * row is rather too tall than cut.
 */
export function wrappedLines(text: string, width: number, size: number, bold = false): number {
  const glyph = size * (bold ? 0.6 : 0.55);
  const perLine = Math.max(1, Math.floor((width - 6) / glyph));
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let used = 0;
    let count = 1;
    for (const word of paragraph.split(/\s+|(?<=\/)/).filter(Boolean)) {
      let w = word.length;
      // A word longer than a line breaks where it must.
      while (w > perLine) {
        if (used > 0) count++;
        count += Math.floor(w / perLine) - (used > 0 ? 0 : 1);
        w %= perLine;
        used = 0;
        if (w === 0) break;
        count++;
      }
      if (w === 0) continue;
      if (used === 0) used = w;
      else if (used + 1 + w <= perLine) used += 1 + w;
      else {
        count++;
        used = w;
      }
    }
    lines += count;
  }
  return Math.max(1, lines);
}

/** Excel's and LibreOffice's row height for 11 pt text, taller than one line of the sheets' 9 and 10 pt text. */
const DEFAULT_ROW_HEIGHT = 15;
/**
 * A proof link as LibreOffice prints it: it breaks a line at spaces and "/" but never inside a long host
 * or file name, which would print over the next column or off the page; such a run is put on the next
 * line where a line is full. For the PDF only: the workbook keeps the link as written.
 */
export function breakableLink(text: string, width: number, size: number): string {
  const perLine = Math.max(4, Math.floor((width - 6) / (size * 0.6)));
  if (text.length > 2_000 || !text.split(/[/\s]/).some((run) => run.length > perLine)) return text;
  return text.replace(new RegExp(`[^/\\s]{${perLine}}(?=[^/\\s])`, 'g'), (run) => `${run}\n`);
}

/**
 * Excel's tallest row, in points. It is shorter than a printed page less its margins and the repeated
 * header row (Letter or A4, either way up), so a row never splits across pages; text taller than
 * that stays whole in its cell and is cut on paper.
 */
export const MAX_ROW_HEIGHT = 409;

const rowHeight = (lines: number, size: number) => Math.min(MAX_ROW_HEIGHT, Math.ceil(lines * size * 1.2 + 3));

/** A row of the entries table: the first credential's fate and entry, and what the row shows. */
interface Line {
  f: RowFate | undefined;
  e: EntryResult | undefined;
  shown: { f: RowFate; e: EntryResult | undefined };
  row: number;
}

/**
 * A column whose header names a program id: wide enough for the longest part of the id in bold, since a
 * printed header should break at a hyphen or space, not inside a word.
 */
function idColumnWidth(id: string): number {
  const longest = Math.max(...id.split(/[-\s]/).map((part) => part.length), 'counted'.length);
  return Math.max(MINIMUM_WIDTH, Math.ceil((longest + 1) * ENTRIES_FONT * 0.6 + 6));
}

/** Builds the operations that write (or rewrite) the summary sheets. */
export function summaryOps(
  evaluation: Evaluation,
  person: SummaryPerson,
  snapshot: WorkbookSnapshot,
  options: SummaryOptions = {},
): SummaryPlan {
  const ev = evaluation;
  const program = ev.program;
  const unit = program.creditUnit;
  const taken = new Set(snapshot.sheetNames.map((s) => s.toLowerCase()));
  const target = targetSheet(snapshot, SUMMARY_SHEET, SUMMARY_MARKER, taken);
  taken.add(target.name.toLowerCase());
  const entriesTarget = targetSheet(snapshot, ENTRIES_SHEET, ENTRIES_MARKER, taken);
  const sheet = target.name;
  const entriesSheet = entriesTarget.name;
  const ops: WorkbookOp[] = [];
  const replaces = [target, entriesTarget].filter((t) => t.replace).map((t) => t.name);
  if (replaces.length) {
    // Hosts differ on what deleting a sheet does to a name that points at it (Excel keeps it as #REF!,
    // others drop it): moving the markers to a surviving sheet first makes the final redefinition the
    // same everywhere.
    const gone = new Set(replaces.map((s) => s.toLowerCase()));
    const survivor = snapshot.sheetNames.find((s) => !gone.has(s.toLowerCase()));
    if (survivor) {
      if (target.replace) ops.push({ kind: 'defineName', name: SUMMARY_MARKER, sheet: survivor, range: one(0, 0) });
      if (entriesTarget.replace)
        ops.push({ kind: 'defineName', name: ENTRIES_MARKER, sheet: survivor, range: one(0, 0) });
    }
    for (const name of replaces) ops.push({ kind: 'deleteSheet', name });
  }
  ops.push({ kind: 'addSheet', name: sheet });
  ops.push({ kind: 'addSheet', name: entriesSheet });

  const writer = (on: string, widths: number[], size: number) => {
    const heights = new Map<number, number>();
    const grow = (row: number, height: number) => heights.set(row, Math.max(heights.get(row) ?? 0, height));
    const spanWidth = (col: number, cols: number) => widths.slice(col, col + cols).reduce((s, w) => s + w, 0);
    return {
      heights,
      values: (row: number, col: number, rows: CellValue[][]) =>
        ops.push({ kind: 'setValues', sheet: on, row, col, values: fitRows(rows) }),
      formulas: (row: number, col: number, formulas: string[], results: number[]) =>
        ops.push({ kind: 'setFormulas', sheet: on, row, col, formulas: [formulas], results: [results] }),
      style: (range: RangeRef, s: CellStyle) => ops.push({ kind: 'setStyle', sheet: on, range, style: s }),
      dateFormat: (range: RangeRef) => ops.push({ kind: 'setNumberFormat', sheet: on, range, format: DATE_FORMAT }),
      merge: (range: RangeRef) => ops.push({ kind: 'merge', sheet: on, range }),
      /** Makes `row` tall enough for `text` over columns col..col+cols-1. */
      fit: (row: number, col: number, cols: number, text: string, fontSize = size, bold = false) =>
        grow(row, rowHeight(wrappedLines(text, spanWidth(col, cols), fontSize, bold), fontSize)),
      grow,
      widths,
    };
  };

  // ---- CE Entries: laid out first, since the summary's totals refer to its rows. ----
  const several = options.credentials && options.credentials.length > 1 ? options.credentials : undefined;
  const others = several ? several.slice(1) : [];
  const entryOf = (x: Evaluation, f: RowFate) => (f.entry === undefined ? undefined : x.entries[f.entry]);
  // Every row the pane and the command line list, with its entry when it is one (`f` and `e`: the first
  // credential's). With several credentials, also the rows that only other credentials list (their
  // Category marks them for those only), shown as the first credential that lists them reads them.
  let lines: Line[] = ev.rows.map((f) => ({ f, e: entryOf(ev, f), shown: { f, e: entryOf(ev, f) }, row: f.row }));
  const othersByRow = others.map((r) => new Map(r.evaluation.rows.map((f) => [f.row, f])));
  if (several) {
    const listed = new Set(lines.map((l) => l.row));
    for (const r of others)
      for (const f of r.evaluation.rows) {
        if (listed.has(f.row)) continue;
        listed.add(f.row);
        lines.push({ f: undefined, e: undefined, shown: { f, e: entryOf(r.evaluation, f) }, row: f.row });
      }
    lines = lines.sort((a, b) => a.row - b.row);
  }
  const minimumColumns = ev.minimums
    .filter((m) => m.period === 'cycle')
    .map((m, i) => {
      const credits = lines.map(({ e }) =>
        e && e.state === 'counted' && e.minimums.includes(m.id) ? e.counted : e ? 0 : '',
      );
      // The column is used only when it adds up to the core's figure; otherwise the figure is written as a value.
      const exact = clean(credits.reduce<number>((s, x) => s + (x === '' ? 0 : x), 0)) === m.counted;
      return { minimum: m, col: ENTRY_COLUMNS.length + i, credits, exact };
    });
  const firstId = program.id;
  // With several credentials the claimed, counted and fate columns say whose they are, and each further
  // credential adds its own counted column, so each credential's total can be followed row by row; its
  // fate, when not plainly counted, is a named line of the reasons cell.
  const ownHeader: Partial<Record<string, string>> = several
    ? { 'Credits claimed': `${firstId} claimed`, 'Credits counted': `${firstId} counted`, Fate: `${firstId} fate` }
    : {};
  const otherColumns = others.map((result, k) => ({
    result,
    byRow: othersByRow[k]!,
    otherRows: new Set(result.otherRows),
    counted: ENTRY_COLUMNS.length + minimumColumns.length + k,
  }));
  const entryHeaders = [
    ...ENTRY_COLUMNS.map((h) => ownHeader[h] ?? h),
    ...minimumColumns.map((c) => `${several ? `${firstId} ` : ''}${c.minimum.label} ${unit} counted`),
    ...otherColumns.map((o) => `${o.result.program.id} counted`),
  ];
  const entryWidths = [
    ...ENTRY_WIDTHS,
    ...minimumColumns.map(() => MINIMUM_WIDTH),
    ...otherColumns.map((o) => idColumnWidth(o.result.program.id)),
  ];
  // Columns that carry a program id are wide enough for its longest part.
  if (several)
    for (const c of [COL['Credits claimed'], COL['Credits counted'], COL.Fate])
      entryWidths[c] = Math.max(entryWidths[c]!, idColumnWidth(firstId));
  // The reasons cell names programs: never narrower than the longest part of an id.
  const floor = (c: number) =>
    several && c === COL['Reasons and flags'] ? Math.max(40, ...several.map((r) => idColumnWidth(r.program.id))) : 40;
  const reasonsOf = (f: RowFate, e: EntryResult | undefined) => (e ? reasonsText(e, f) : f.reasons.join('; '));
  /**
   * The reasons column. With several credentials, a named line per credential: the first credential's
   * reasons (its fate has its own column), then each further credential's fate unless plainly counted,
   * with its reasons.
   */
  const reasonsCell = (line: Line): string => {
    if (!several) return reasonsOf(line.shown.f, line.shown.e);
    const parts: string[] = [];
    const first = line.f ? reasonsOf(line.f, line.e) : '';
    if (first) parts.push(`${firstId}: ${first}`);
    for (const o of otherColumns) {
      const id = o.result.program.id;
      const f = o.byRow.get(line.row);
      if (!f) {
        if (o.otherRows.has(line.row)) parts.push(`${id}: ${OTHER_CREDENTIALS}`);
        continue;
      }
      const fate = fateLabel(f);
      const reasons = reasonsOf(f, entryOf(o.result.evaluation, f));
      const said = [fate === 'Counted' ? '' : fate, reasons].filter(Boolean).join(': ');
      if (said) parts.push(`${id}: ${said}`);
    }
    return parts.join('\n');
  };
  const otherCells = (row: number): CellValue[] =>
    otherColumns.map((o) => {
      const f = o.byRow.get(row);
      const e = f && entryOf(o.result.evaluation, f);
      return e ? e.counted : '';
    });
  // The fate and reasons the pane and the command line show; a row that is no entry has no figures.
  const entryRows: CellValue[][] = lines.map((line, i) => {
    const { f, e } = line;
    if (!f) {
      // A row only other credentials count: the first credential's figures are blank.
      const { f: shownF, e: shownE } = line.shown;
      return [
        options.logRow ? options.logRow(line.row) : line.row,
        shownE ? serialFromDay(shownE.entry.date) : '',
        shownE ? shownE.entry.activity : shownF.activity,
        shownE?.entry.provider ?? '',
        shownE?.entry.format.label ?? '',
        '',
        '',
        OTHER_CREDENTIALS,
        reasonsCell(line),
        shownE ? proofText(shownE) : '',
        shownE?.entry.proofLink ?? '',
        ...minimumColumns.map(() => ''),
        ...otherCells(line.row),
      ];
    }
    return e
      ? [
          options.logRow ? options.logRow(e.entry.row) : e.entry.row,
          serialFromDay(e.entry.date),
          e.entry.activity,
          e.entry.provider,
          e.entry.format.label,
          e.claimed,
          e.counted,
          fateLabel(f),
          reasonsCell(line),
          proofText(e),
          e.entry.proofLink,
          ...minimumColumns.map((c) => c.credits[i]!),
          ...otherCells(line.row),
        ]
      : [
          options.logRow ? options.logRow(f.row) : f.row,
          '',
          f.activity,
          '',
          '',
          '',
          '',
          fateLabel(f),
          reasonsCell(line),
          '',
          '',
          ...minimumColumns.map(() => ''),
          ...otherCells(line.row),
        ];
  });
  // With several credentials there are more columns to make room for: a text column first gives up what
  // its longest text does not use, so room is taken where it costs no line.
  const textLength = (c: number) => entryRows.reduce((n, r) => Math.max(n, String(r[c] ?? '').length), 0);
  if (several)
    for (const c of ENTRY_TEXT_COLUMNS) {
      const over = entryWidths.reduce((sum, w) => sum + w, 0) - LANDSCAPE_WIDTH;
      const header = Math.max(...entryHeaders[c]!.split(' ').map((w) => w.length));
      const need = Math.max(
        floor(c),
        Math.ceil(textLength(c) * ENTRIES_FONT * 0.55 + 6),
        header * ENTRIES_FONT * 0.6 + 6,
      );
      if (over > 0 && entryWidths[c]! > need) entryWidths[c] = Math.max(need, entryWidths[c]! - over);
    }
  // Minimum and credential columns take their room from the text columns, so the table stays one page
  // wide at full size.
  let over = entryWidths.reduce((s, w) => s + w, 0) - LANDSCAPE_WIDTH;
  while (over > 0) {
    const widest = ENTRY_TEXT_COLUMNS.filter((c) => entryWidths[c]! > floor(c)).reduce<number | undefined>(
      (a, b) => (a === undefined || entryWidths[b]! > entryWidths[a]! ? b : a),
      undefined,
    );
    if (widest === undefined) break;
    entryWidths[widest]!--;
    over--;
  }
  const E = writer(entriesSheet, entryWidths, ENTRIES_FONT);
  const who = person.name ? `${person.name}, ` : '';
  const cycleOf = (x: Evaluation) => `${isoFromDay(x.cycle.cycleStart)} to ${isoFromDay(x.cycle.windowEnd)}`;
  const entriesTitle = several
    ? `CE entries: ${who}${several.map((r) => `${r.program.id} (cycle ${cycleOf(r.evaluation)})`).join(', ')}, as of ${isoFromDay(ev.asOf)}`
    : `CE entries: ${who}${program.id}, cycle ${cycleOf(ev)}, as of ${isoFromDay(ev.asOf)}`;
  E.values(0, 0, [[entriesTitle]]);
  E.merge(one(0, 0, 1, entryHeaders.length));
  E.style(one(0, 0), { bold: true, fontSize: 12, wrap: true });
  E.fit(0, 0, entryHeaders.length, entriesTitle, 12, true);
  const entryHeader = 1;
  E.values(entryHeader, 0, [entryHeaders]);
  E.style(one(entryHeader, 0, 1, entryHeaders.length), {
    bold: true,
    fill: HEADER_FILL,
    wrap: true,
    fontSize: ENTRIES_FONT,
  });
  entryHeaders.forEach((h, c) => E.fit(entryHeader, c, 1, h, ENTRIES_FONT, true));
  const entryFirst = entryHeader + 1;
  const entryCount = Math.max(1, entryRows.length);
  if (entryRows.length) {
    E.values(entryFirst, 0, entryRows);
    E.dateFormat(one(entryFirst, COL.Date, entryRows.length, 1));
    lines.forEach(({ shown: { e } }, i) => {
      if (!e) return;
      const address = proofLinkTarget(e.entry.proofLink);
      if (address)
        ops.push({
          kind: 'hyperlink',
          sheet: entriesSheet,
          row: entryFirst + i,
          col: COL['Proof link'],
          address,
          text: fitCellText(e.entry.proofLink),
        });
    });
    entryRows.forEach((r, i) => {
      for (const c of ENTRY_TEXT_COLUMNS.concat(COL.Fate)) E.fit(entryFirst + i, c, 1, fitCellText(String(r[c] ?? '')));
    });
  } else {
    E.values(entryFirst, COL.Activity, [['No entries in the log']]);
  }
  E.style(one(entryFirst, 0, entryCount + 1, entryHeaders.length), {
    wrap: true,
    fontSize: ENTRIES_FONT,
    verticalAlignment: 'top',
  });
  const entryTotal = entryFirst + entryCount;
  const entryColumn = (c: number) => {
    const first = cellAddress(entryFirst, c);
    const last = cellAddress(entryFirst + entryCount - 1, c);
    return `${sheetRef(entriesSheet)}!$${first.replace(/(\d+)$/, '$$$1')}:$${last.replace(/(\d+)$/, '$$$1')}`;
  };
  const localColumn = (c: number) => entryColumn(c).slice(sheetRef(entriesSheet).length + 1);
  const numberAt = (r: CellValue[], c: number) => (typeof r[c] === 'number' ? (r[c] as number) : 0);
  const columnSum = (c: number, where: (r: CellValue[]) => boolean = () => true) =>
    clean(entryRows.filter(where).reduce((s, r) => s + numberAt(r, c), 0));
  E.values(entryTotal, 0, [['Total']]);
  E.formulas(
    entryTotal,
    COL['Credits claimed'],
    [`=SUM(${localColumn(COL['Credits claimed'])})`, `=SUM(${localColumn(COL['Credits counted'])})`],
    [columnSum(COL['Credits claimed']), columnSum(COL['Credits counted'])],
  );
  for (const o of otherColumns)
    E.formulas(entryTotal, o.counted, [`=SUM(${localColumn(o.counted)})`], [columnSum(o.counted)]);
  E.style(one(entryTotal, 0, 1, entryHeaders.length), { bold: true });

  // ---- CE Summary ----
  const S = writer(sheet, SUMMARY_WIDTHS, SUMMARY_FONT);
  const LAST = SUMMARY_WIDTHS.length - 1;
  /** A label in A and a value over B:E. */
  const wide = (row: number, label: string, value: CellValue, boldValue = false) => {
    S.values(row, 0, [[label, value]]);
    S.merge(one(row, 1, 1, LAST));
    S.fit(row, 0, 1, label, SUMMARY_FONT, true);
    if (typeof value === 'string') S.fit(row, 1, LAST, value, SUMMARY_FONT, boldValue);
    if (boldValue) S.style(one(row, 1), { bold: true });
  };
  /** Text over the whole width. */
  const paragraph = (row: number, text: string, style: CellStyle = {}) => {
    S.values(row, 0, [[text]]);
    S.merge(one(row, 0, 1, LAST + 1));
    if (Object.keys(style).length) S.style(one(row, 0), style);
    S.fit(row, 0, LAST + 1, text, style.fontSize ?? SUMMARY_FONT, style.bold);
  };
  const heading = (row: number, text: string) => {
    S.values(row, 0, [[text]]);
    S.merge(one(row, 0, 1, LAST + 1));
    S.style(one(row, 0, 1, LAST + 1), { bold: true, fontColor: '#FFFFFF', fill: HEADING_FILL });
    S.fit(row, 0, LAST + 1, text, SUMMARY_FONT, true);
  };
  const tableHeader = (row: number, headers: string[]) => {
    S.values(row, 0, [headers]);
    S.style(one(row, 0, 1, headers.length), { bold: true, fill: HEADER_FILL });
    headers.forEach((h, c) => S.fit(row, c, 1, h, SUMMARY_FONT, true));
  };

  let row = 0;
  const title = 'CE Ledger submission summary';
  paragraph(row, title, { bold: true, fontSize: 14 });
  row += 2;

  // Several credentials: a line each first, then the first credential's block where a one-credential
  // summary has it, then a block for each further credential.
  const overview = several ? credentialOverview(several) : [];
  if (several || options.unread?.length) {
    heading(row++, several ? `Credentials (${several.length})` : 'Credentials');
    for (const o of overview) paragraph(row++, o.summary);
    for (const u of options.unread ?? [])
      paragraph(row++, `Not in this summary: CE Profile "${u.field}": ${u.message}`, { italic: true });
    row++;
  }
  /** How the body shares credit between its credentials, when it changes what credential `i` needs. */
  const sharedCredit = (i: number): string | undefined => {
    const r = several?.[i];
    if (!r) return undefined;
    const cover = overview[i]?.coveredBy;
    if (cover)
      return `${r.program.body} asks only the highest level's requirement: this credential is renewed through ${cover}`;
    if (r.addedCredits)
      return `${formatCredits(r.addedCredits)} ${r.program.creditUnit} added to the requirement for the body's further credentials`;
    return undefined;
  };
  const credentialHeading = (n: number, r: CredentialResult) =>
    heading(row++, `Credential ${n}: ${r.program.id}: ${r.program.name}`);
  if (several) credentialHeading(1, several[0]!);

  // Identity, status.
  const identityTop = row;
  const identity: [string, CellValue][] = [
    ['Certificant', person.name ?? ''],
    ['Certificant number', person.certificantNumber ?? ''],
    ['Program', `${program.id}: ${program.name}`],
    ['Certifying body', program.body],
    ['Cycle window', `${isoFromDay(ev.cycle.cycleStart)} to ${isoFromDay(ev.cycle.windowEnd)}`],
    // Named as the key dates and the status line name it.
    [ev.keyDates.find((d) => d.id === 'deadline')?.label ?? 'Deadline', serialFromDay(ev.cycle.deadline)],
    ['As of', serialFromDay(ev.asOf)],
    ['Status', ev.status.actionLine],
    ['Log read from', options.logSheet ? `sheet "${options.logSheet}", ${ev.rowsRead} rows` : `${ev.rowsRead} rows`],
  ];
  const firstShared = sharedCredit(0);
  if (firstShared) identity.push(['Shared credit', firstShared]);
  identity.forEach(([label, value], i) => wide(row + i, label, value, label === 'Status'));
  S.style(one(row, 0, identity.length, 1), { bold: true });
  S.dateFormat(one(identityTop + 5, 1, 2, 1));
  S.style(one(identityTop, 1, identity.length, 1), { horizontalAlignment: 'left', wrap: true });
  row += identity.length + 1;

  // Totals: planned now, formulas written once every row is known.
  heading(row++, `Totals (${unit})`);
  tableHeader(row++, ['', 'Required', 'Counted', 'Still needed']);
  const totalsAll = row++;
  const carriedRow = program.carryOver ? row++ : undefined;
  const minimumRows = ev.minimums.map((m) => ({ minimum: m, row: row++ }));
  const neededRow = row++;
  row++;

  const countedRange = entryColumn(COL['Credits counted']);
  const claimedRange = entryColumn(COL['Credits claimed']);
  const formatRange = entryColumn(COL.Format);
  const fateRange = entryColumn(COL.Fate);
  // Rows only other credentials count are none of the first credential's categories.
  const notOthers = several ? `,${fateRange},"<>${OTHER_CREDENTIALS}"` : '';
  const countedSum = columnSum(COL['Credits counted']);
  const counted =
    carriedRow !== undefined ? `SUM(${countedRange})+${cellAddress(carriedRow, 2)}` : `SUM(${countedRange})`;
  const allCounted = round2(countedSum + (carriedRow !== undefined ? ev.carriedOver : 0));
  const allLabel = 'All credits';
  S.values(totalsAll, 0, [[allLabel, ev.required]]);
  S.formulas(
    totalsAll,
    2,
    [`=ROUND(${counted},2)`, `=MAX(0,ROUND(B${totalsAll + 1}-C${totalsAll + 1},2))`],
    [allCounted, Math.max(0, round2(ev.required - allCounted))],
  );
  if (carriedRow !== undefined) {
    const label = 'Carried over from the previous cycle';
    S.values(carriedRow, 0, [[label, '', ev.carriedOver]]);
    S.fit(carriedRow, 0, 1, label);
  }
  const shortfalls: { cell: string; value: number }[] = [
    { cell: `D${totalsAll + 1}`, value: Math.max(0, round2(ev.required - allCounted)) },
  ];
  for (const { minimum, row: r } of minimumRows) {
    const column = minimumColumns.find((c) => c.minimum.id === minimum.id);
    const label = `${minimum.label} ${unit} (minimum${minimum.period === 'cycleYear' ? ' in every cycle year' : minimum.period === 'calendarYear' ? ' in every calendar year' : ''})`;
    S.values(r, 0, [[label, minimum.required]]);
    S.fit(r, 0, 1, label);
    if (column?.exact) {
      const sum = round2(columnSum(column.col));
      const shortfall = Math.max(0, round2(minimum.required - sum));
      S.formulas(
        r,
        2,
        [`=ROUND(SUM(${entryColumn(column.col)}),2)`, `=MAX(0,ROUND(B${r + 1}-C${r + 1},2))`],
        [sum, shortfall],
      );
      shortfalls.push({ cell: `D${r + 1}`, value: shortfall });
    } else {
      S.values(r, 2, [[minimum.counted, minimum.shortfall]]);
      shortfalls.push({ cell: `D${r + 1}`, value: minimum.shortfall });
    }
  }
  S.values(neededRow, 0, [[`Still needed (the largest shortfall)`]]);
  S.fit(neededRow, 0, 1, 'Still needed (the largest shortfall)', SUMMARY_FONT, true);
  S.formulas(
    neededRow,
    3,
    [`=MAX(${shortfalls.map((s) => s.cell).join(',')})`],
    [Math.max(...shortfalls.map((s) => s.value))],
  );
  S.style(one(neededRow, 0, 1, 4), { bold: true });
  S.style(one(totalsAll, 0, neededRow - totalsAll + 1, 1), { wrap: true });

  // Credits by format, over the entry rows.
  heading(row++, 'Credits by format');
  tableHeader(row++, ['Format', 'Counted', 'Claimed', 'Clipped by caps', 'Entries counted']);
  const categoryFirst = row;
  ev.categories.forEach((c, i) => {
    const r = categoryFirst + i;
    const a = `$A${r + 1}`;
    S.values(r, 0, [[c.label]]);
    S.fit(r, 0, 1, c.label);
    const criterion = criterionFor(c.label, a);
    const ofFormat = (x: CellValue[]) => x[COL.Format] === c.label;
    const isCounted = (x: CellValue[]) => x[COL.Fate] !== NOT_COUNTED && x[COL.Fate] !== OTHER_CREDENTIALS;
    const countedHere = columnSum(COL['Credits counted'], ofFormat);
    const claimedHere = columnSum(COL['Credits claimed'], (x) => ofFormat(x) && isCounted(x));
    S.formulas(
      r,
      1,
      [
        `=SUMIFS(${countedRange},${formatRange},${criterion})`,
        `=SUMIFS(${claimedRange},${formatRange},${criterion},${fateRange},"${COUNTED_IN_CATEGORY}"${notOthers})`,
        `=ROUND(C${r + 1}-B${r + 1},2)`,
        `=COUNTIFS(${formatRange},${criterion},${fateRange},"${COUNTED_IN_CATEGORY}"${notOthers})`,
      ],
      [
        countedHere,
        claimedHere,
        round2(claimedHere - countedHere),
        entryRows.filter((x) => ofFormat(x) && isCounted(x)).length,
      ],
    );
  });
  if (ev.categories.length === 0) S.values(categoryFirst, 0, [['No credits counted yet']]);
  S.style(one(categoryFirst, 0, Math.max(1, ev.categories.length), 1), { wrap: true });
  row += Math.max(1, ev.categories.length) + 1;

  /** Caps, checklist, key dates, fees and row problems of one credential's evaluation, from `row` on. */
  const detailSections = (x: Evaluation) => {
    // Caps.
    heading(row++, 'Caps');
    if (x.caps.length) {
      tableHeader(row++, ['Cap', 'Limit', 'Claimed', 'Counted', 'Clipped']);
      x.caps.forEach((c, i) => {
        const label = `${c.label} (${c.describe})${c.full ? ': full' : ''}`;
        S.values(row + i, 0, [[label, c.limit, c.claimed, c.counted, c.clipped]]);
        S.fit(row + i, 0, 1, label);
      });
      S.style(one(row, 0, x.caps.length, 1), { wrap: true });
      row += x.caps.length;
      // What an exemption let through counts on top of the cap: said, so the totals above add up.
      for (const c of x.caps.filter((k) => k.exemption)) paragraph(row++, c.exemption);
      row++;
    } else {
      paragraph(row, 'No caps apply.');
      row += 2;
    }

    // Checklist.
    heading(row++, 'Application checklist');
    tableHeader(row++, ['Item', 'Done', 'Detail']);
    x.checklist.forEach((c, i) => {
      const detail = [c.detail, c.rows.length ? `Log rows: ${c.rows.join(', ')}` : ''].filter(Boolean).join('. ');
      S.values(row + i, 0, [[c.label, c.done ? 'Yes' : 'No', detail]]);
      S.merge(one(row + i, 2, 1, LAST - 1));
      S.fit(row + i, 0, 1, c.label);
      S.fit(row + i, 2, LAST - 1, detail);
    });
    if (x.checklist.length) S.style(one(row, 0, x.checklist.length, LAST + 1), { wrap: true });
    row += x.checklist.length + 1;

    // Key dates and fees.
    heading(row++, 'Key dates');
    tableHeader(row++, ['Date', 'When']);
    x.keyDates.forEach((d, i) => {
      S.values(row + i, 0, [[d.label, serialFromDay(d.day)]]);
      S.fit(row + i, 0, 1, d.label);
    });
    if (x.keyDates.length) {
      S.dateFormat(one(row, 1, x.keyDates.length, 1));
      S.style(one(row, 0, x.keyDates.length, 2), { horizontalAlignment: 'left', wrap: true });
    }
    row += x.keyDates.length + 1;
    heading(row++, 'Fees');
    tableHeader(row++, ['Fee', 'Amount', 'Applies now']);
    x.fees.forEach((f, i) => {
      S.values(row + i, 0, [[f.label, f.amount === null ? f.display : f.amount, f.now ? 'Yes' : 'No']]);
      S.fit(row + i, 0, 1, f.label);
      if (f.amount === null) S.fit(row + i, 1, 1, f.display);
    });
    if (x.fees.length) {
      ops.push({ kind: 'setNumberFormat', sheet, range: one(row, 1, x.fees.length, 1), format: '"$"#,##0.00' });
      S.style(one(row, 0, x.fees.length, 3), { wrap: true });
    }
    row += x.fees.length + 1;

    // Row problems.
    heading(row++, 'Rows with problems (they count for nothing until fixed)');
    if (x.problems.length) {
      tableHeader(row++, ['Log row', 'Problem']);
      x.problems.forEach((p, i) => {
        const text = `${p.column}: ${p.message}`;
        S.values(row + i, 0, [[p.row, text]]);
        S.merge(one(row + i, 1, 1, LAST));
        S.fit(row + i, 1, LAST, text);
      });
      S.style(one(row, 0, x.problems.length, 2), { wrap: true, horizontalAlignment: 'left' });
      row += x.problems.length + 1;
    } else {
      paragraph(row, 'None');
      row += 2;
    }
  };
  detailSections(ev);

  // Each further credential: its identity and status, totals over its counted column of the entries
  // table, minimums, credits by format, caps, checklist, dates, fees and row problems.
  const blocks: NonNullable<SummaryLayout['credentials']> = several
    ? [
        {
          id: firstId,
          heading: identityTop - 1,
          totalsAll,
          countedColumn: COL['Credits counted'],
        },
      ]
    : [];
  otherColumns.forEach((o, k) => {
    const { result: r } = o;
    const x = r.evaluation;
    const own = r.program;
    const ownUnit = own.creditUnit;
    const headingRow = row;
    credentialHeading(k + 2, r);
    const top = row;
    const shared = sharedCredit(k + 1);
    const rows: [string, CellValue][] = [
      ['Program', `${own.id}: ${own.name}`],
      ['Certifying body', own.body],
      ['Cycle window', cycleOf(x)],
      [x.keyDates.find((d) => d.id === 'deadline')?.label ?? 'Deadline', serialFromDay(x.cycle.deadline)],
      ['Status', x.status.actionLine],
      ...(shared ? [['Shared credit', shared] as [string, CellValue]] : []),
    ];
    rows.forEach(([label, value], i) => wide(row + i, label, value, label === 'Status'));
    S.style(one(row, 0, rows.length, 1), { bold: true });
    S.dateFormat(one(top + 3, 1));
    S.style(one(top, 1, rows.length, 1), { horizontalAlignment: 'left', wrap: true });
    row += rows.length + 1;

    heading(row++, `Totals (${ownUnit})`);
    tableHeader(row++, ['', 'Required', 'Counted', 'Still needed']);
    const all = row++;
    const carried = own.carryOver ? row++ : undefined;
    const minimumAt = x.minimums.map((m) => ({ minimum: m, row: row++ }));
    const needed = row++;
    row++;
    const sum = columnSum(o.counted);
    const counted = round2(sum + (carried !== undefined ? x.carriedOver : 0));
    const allShortfall = Math.max(0, round2(x.required - counted));
    S.values(all, 0, [['All credits', x.required]]);
    if (counted === round2(x.earned)) {
      // Its counted column adds up to the credential's figure: the total is a formula over it.
      const plus = carried !== undefined ? `+${cellAddress(carried, 2)}` : '';
      S.formulas(
        all,
        2,
        [`=ROUND(SUM(${entryColumn(o.counted)})${plus},2)`, `=MAX(0,ROUND(B${all + 1}-C${all + 1},2))`],
        [counted, allShortfall],
      );
    } else {
      S.values(all, 2, [[x.earned, Math.max(0, round2(x.required - x.earned))]]);
    }
    if (carried !== undefined) {
      const label = 'Carried over from the previous cycle';
      S.values(carried, 0, [[label, '', x.carriedOver]]);
      S.fit(carried, 0, 1, label);
    }
    const cells = [`D${all + 1}`];
    const values = [counted === round2(x.earned) ? allShortfall : Math.max(0, round2(x.required - x.earned))];
    for (const { minimum, row: m } of minimumAt) {
      const label = `${minimum.label} ${ownUnit} (minimum${minimum.period === 'cycleYear' ? ' in every cycle year' : minimum.period === 'calendarYear' ? ' in every calendar year' : ''})`;
      S.values(m, 0, [[label, minimum.required, minimum.counted, minimum.shortfall]]);
      S.fit(m, 0, 1, label);
      cells.push(`D${m + 1}`);
      values.push(minimum.shortfall);
    }
    const neededLabel = 'Still needed (the largest shortfall)';
    S.values(needed, 0, [[neededLabel]]);
    S.fit(needed, 0, 1, neededLabel, SUMMARY_FONT, true);
    S.formulas(needed, 3, [`=MAX(${cells.join(',')})`], [Math.max(...values)]);
    S.style(one(needed, 0, 1, 4), { bold: true });
    S.style(one(all, 0, needed - all + 1, 1), { wrap: true });

    heading(row++, 'Credits by format');
    tableHeader(row++, ['Format', 'Counted', 'Claimed', 'Clipped by caps', 'Entries counted']);
    x.categories.forEach((c, i) => {
      S.values(row + i, 0, [[c.label, c.counted, c.claimed, c.clipped, c.entries]]);
      S.fit(row + i, 0, 1, c.label);
    });
    if (x.categories.length === 0) S.values(row, 0, [['No credits counted yet']]);
    S.style(one(row, 0, Math.max(1, x.categories.length), 1), { wrap: true });
    row += Math.max(1, x.categories.length) + 1;

    detailSections(x);
    blocks.push({ id: own.id, heading: headingRow, totalsAll: all, countedColumn: o.counted });
  });

  // Entries: where they are.
  paragraph(row, `Every row of the log, with its fate, proof and proof link, is on the sheet "${entriesSheet}".`, {
    italic: true,
  });
  row += 2;

  // Attestation: every credential's program and cycle; proof is kept until the latest day any asks.
  const attested = several ? several.map((r) => ({ p: r.program, x: r.evaluation })) : [{ p: program, x: ev }];
  const keepDays = attested.map(({ p, x }) =>
    p.proof.keepUntil
      ? resolveDate(p.proof.keepUntil, {
          cycleStart: x.cycle.cycleStart,
          windowEnd: x.cycle.windowEnd,
          deadline: x.cycle.deadline,
        })
      : undefined,
  );
  const keepUntilDay = keepDays.includes(undefined) ? undefined : Math.max(...(keepDays as number[]));
  const keepUntil = keepUntilDay !== undefined ? isoFromDay(keepUntilDay) : undefined;
  const attestationFirst = row;
  heading(row++, 'Attestation');
  wide(row++, 'Name', person.name ?? '');
  wide(row++, 'Certificant number', person.certificantNumber ?? '');
  for (const { p, x } of attested) {
    wide(row++, 'Program', `${p.id}: ${p.name}`);
    wide(row++, 'Cycle', `${isoFromDay(x.cycle.cycleStart)} to ${isoFromDay(x.cycle.windowEnd)}`);
  }
  S.style(one(attestationFirst + 1, 0, 2 + 2 * attested.length, 1), { bold: true });
  S.style(one(attestationFirst + 1, 1, 2 + 2 * attested.length, 1), { wrap: true });
  row++;
  const bodies = [...new Set(attested.map(({ p }) => p.body))].join(' or ');
  const until = keepUntil ?? `the end of any audit of this ${bodies} application`;
  paragraph(
    row,
    `I attest that the activities listed were completed as described and that proof is kept for audit until ${until}.`,
    { wrap: true },
  );
  row += 2;
  const line = '_'.repeat(40);
  S.values(row, 0, [['Signature', line]]);
  S.merge(one(row, 1, 1, LAST));
  S.grow(row, 24);
  row++;
  S.values(row, 0, [['Date', '_'.repeat(20)]]);
  S.merge(one(row, 1, 1, LAST));
  S.grow(row, 24);
  S.style(one(row - 1, 0, 2, 1), { bold: true });
  const lastSummaryRow = row;

  if (options.charts && ev.categories.length) {
    // Beside the printed area: on screen, not on paper.
    ops.push({
      kind: 'chart',
      sheet,
      type: 'bar',
      title: `Counted ${unit} by format`,
      data: one(categoryFirst, 0, ev.categories.length, 2),
      anchor: one(identityTop, LAST + 2, 14, 6),
    });
  }

  // Sizes, fonts and print setup for both sheets.
  S.style(one(1, 0, lastSummaryRow, LAST + 1), { fontSize: SUMMARY_FONT, wrap: true, verticalAlignment: 'top' });
  const layoutOps = (w: ReturnType<typeof writer>, on: string) => {
    w.widths.forEach((width, c) => ops.push({ kind: 'setColumnWidth', sheet: on, col: c, width }));
    // A row of one line fits the default height and needs no operation; runs of rows of one height are one.
    const rows = [...w.heights.entries()].filter(([, h]) => h > DEFAULT_ROW_HEIGHT).sort((a, b) => a[0] - b[0]);
    for (let i = 0; i < rows.length;) {
      let j = i;
      while (j + 1 < rows.length && rows[j + 1]![0] === rows[j]![0] + 1 && rows[j + 1]![1] === rows[i]![1]) j++;
      ops.push({ kind: 'setRowHeight', sheet: on, row: rows[i]![0], rows: j - i + 1, height: rows[i]![1] });
      i = j + 1;
    }
  };
  layoutOps(S, sheet);
  layoutOps(E, entriesSheet);
  // The sheet's own name and page: LibreOffice numbers each sheet's pages from 1 but counts &N over the
  // whole document ("Page 1 of 6" on the entries' first page), so no total is printed.
  const footer = '&A, page &P';
  const ids = several ? several.map((r) => r.program.id).join(', ') : program.id;
  ops.push({
    kind: 'pageSetup',
    sheet,
    landscape: false,
    fitToPagesWide: 1,
    header: headerText(`CE summary: ${who}${ids}, as of ${isoFromDay(ev.asOf)}`),
    footer,
    printArea: one(0, 0, lastSummaryRow + 1, LAST + 1),
    // Each further credential's block starts a printed page: a reviewer reads one credential per page.
    ...(blocks.length > 1 ? { rowBreaks: blocks.slice(1).map((b) => b.heading) } : {}),
  });
  ops.push({
    kind: 'pageSetup',
    sheet: entriesSheet,
    landscape: true,
    fitToPagesWide: 1,
    printTitleRows: { first: entryHeader, last: entryHeader },
    header: headerText(`CE entries: ${who}${ids}, as of ${isoFromDay(ev.asOf)}`),
    footer,
    printArea: one(0, 0, entryTotal + 1, entryHeaders.length),
  });
  ops.push({
    kind: 'defineName',
    name: SUMMARY_MARKER,
    sheet,
    range: one(0, 0),
    comment: 'The summary sheet CE Ledger made; regenerating replaces only this sheet.',
  });
  ops.push({
    kind: 'defineName',
    name: ENTRIES_MARKER,
    sheet: entriesSheet,
    range: one(0, 0),
    comment: 'The entries sheet of the summary CE Ledger made; regenerating replaces only this sheet.',
  });
  ops.push({ kind: 'activate', sheet });

  return {
    sheet,
    entriesSheet,
    ops,
    keptUserSheet: target.kept ?? entriesTarget.kept,
    replaces,
    layout: {
      sheet,
      totals: {
        all: totalsAll,
        minimums: minimumRows.map((m) => ({ id: m.minimum.id, row: m.row })),
        needed: neededRow,
      },
      categories: { first: categoryFirst, count: ev.categories.length },
      entries: {
        sheet: entriesSheet,
        header: entryHeader,
        first: entryFirst,
        count: entryRows.length,
        total: entryTotal,
        columns: entryHeaders,
        widths: entryWidths,
      },
      attestation: { first: attestationFirst, keepUntil },
      ...(several ? { credentials: blocks } : {}),
    },
  };
}
