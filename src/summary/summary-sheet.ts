/**
 * The submission summary sheet ("CE Summary"), built from an Evaluation only: no rule is recomputed
 * here. What a reviewer needs on one printable sheet: who and which program, the cycle and status,
 * totals and minimums, credits by format, every entry and why it counts less, the checklist, dates,
 * fees and the proof files.
 *
 * Totals are native formulas (SUM/SUMIFS/COUNTIFS) over the entry rows, never CEU functions, so the
 * sheet is right in any spreadsheet program. User text goes through `setValues`, which writes text as
 * text, cut to what one cell holds (with a visible marker). The sheet is recognised by the workbook name CE_LEDGER_SUMMARY, never by its name alone: a
 * user's own "CE Summary" is left alone and ours goes beside it as "CE Summary (2)".
 */
import { isoFromDay, serialFromDay, type EntryResult, type Evaluation } from '../core';
import { clean, formatCredits } from '../core/rounding';
import { cellAddress, type CellValue, type RangeRef, type WorkbookOp, type WorkbookSnapshot } from '../workbook/port';
import { CELL_TEXT_LIMIT, fitCellText, proofLinkTarget } from './links';
import { markedSummarySheet, SUMMARY_MARKER } from './workbook-log';

export const SUMMARY_SHEET = 'CE Summary';
const DATE_FORMAT = 'yyyy-mm-dd';
const HEADING_FILL = '#1F4E78';
const HEADER_FILL = '#DDEBF7';

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
}

/** The layout the ops produce, for callers and tests that read the sheet back. */
export interface SummaryLayout {
  sheet: string;
  /** 0-based row of each value in the totals block (column B holds required, C counted, D still needed). */
  totals: { all: number; minimums: { id: string; row: number }[]; needed: number };
  /** 0-based rows of the category table (A label, B counted, C claimed, D clipped, E cap, F entries). */
  categories: { first: number; count: number };
  /** 0-based header row of the entries table and its first data row. */
  entries: { header: number; first: number; count: number; columns: string[] };
}

export interface SummaryPlan {
  sheet: string;
  ops: WorkbookOp[];
  layout: SummaryLayout;
  /** The user's sheet of the same name that was kept, when ours had to go beside it. */
  keptUserSheet: string | undefined;
}

const ENTRY_COLUMNS = [
  'Log row',
  'Date',
  'Activity',
  'Provider',
  'Format',
  'Hours',
  'Self-study hours',
  'Credits claimed',
  'Credits counted',
  'Status',
  'Approved',
  'Proof',
  'Reasons and flags',
] as const;
const COL = Object.fromEntries(ENTRY_COLUMNS.map((name, i) => [name, i])) as Record<(typeof ENTRY_COLUMNS)[number], number>;

const STATE_LABEL: Record<EntryResult['state'], string> = {
  counted: 'Counted',
  planned: 'Planned',
  'outside-window': 'Outside window',
  ineligible: 'Not eligible',
};

const one = (row: number, col: number, rows = 1, cols = 1): RangeRef => ({ row, col, rows, cols });

/** The sheet name to write: the marked sheet when it exists, else the first free "CE Summary" name. */
export function summarySheetName(snapshot: WorkbookSnapshot): { name: string; replace: boolean; kept: string | undefined } {
  const marked = markedSummarySheet(snapshot);
  if (marked) return { name: marked, replace: true, kept: undefined };
  const taken = new Set(snapshot.sheetNames.map((s) => s.toLowerCase()));
  if (!taken.has(SUMMARY_SHEET.toLowerCase())) return { name: SUMMARY_SHEET, replace: false, kept: undefined };
  const kept = snapshot.sheetNames.find((s) => s.toLowerCase() === SUMMARY_SHEET.toLowerCase());
  for (let n = 2; ; n++) {
    const name = `${SUMMARY_SHEET} (${n})`;
    if (!taken.has(name.toLowerCase())) return { name, replace: false, kept };
  }
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

function reasonsText(e: EntryResult): string {
  const parts = [...e.reasons];
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

/** Builds the operations that write (or rewrite) the summary sheet. */
export function summaryOps(evaluation: Evaluation, person: SummaryPerson, snapshot: WorkbookSnapshot, options: SummaryOptions = {}): SummaryPlan {
  const ev = evaluation;
  const program = ev.program;
  const unit = program.creditUnit;
  const target = summarySheetName(snapshot);
  const sheet = target.name;
  const ops: WorkbookOp[] = [];
  if (target.replace) {
    // Hosts differ on what deleting a sheet does to a name that points at it (Excel keeps it as #REF!,
    // others drop it): moving the marker to a surviving sheet first makes the final redefinition the
    // same everywhere.
    const survivor = snapshot.sheetNames.find((s) => s.toLowerCase() !== sheet.toLowerCase());
    if (survivor) ops.push({ kind: 'defineName', name: SUMMARY_MARKER, sheet: survivor, range: one(0, 0) });
    ops.push({ kind: 'deleteSheet', name: sheet });
  }
  ops.push({ kind: 'addSheet', name: sheet });

  const values = (row: number, col: number, rows: CellValue[][]) => ops.push({ kind: 'setValues', sheet, row, col, values: fitRows(rows) });
  const formulas = (row: number, col: number, rows: string[][]) => ops.push({ kind: 'setFormulas', sheet, row, col, formulas: rows });
  const style = (range: RangeRef, s: Extract<WorkbookOp, { kind: 'setStyle' }>['style']) => ops.push({ kind: 'setStyle', sheet, range, style: s });
  const dateFormat = (range: RangeRef) => ops.push({ kind: 'setNumberFormat', sheet, range, format: DATE_FORMAT });
  const heading = (row: number, text: string) => {
    values(row, 0, [[text]]);
    style(one(row, 0, 1, ENTRY_COLUMNS.length), { bold: true, fontColor: '#FFFFFF', fill: HEADING_FILL });
  };
  const tableHeader = (row: number, headers: string[]) => {
    values(row, 0, [headers]);
    style(one(row, 0, 1, headers.length), { bold: true, fill: HEADER_FILL, wrap: true });
  };

  // Where the entries go is known only at the end, but totals refer to them: lay out first, then write.
  const minimumColumns = ev.minimums
    .filter((m) => m.period === 'cycle')
    .map((m, i) => {
      const credits = ev.entries.map((e) => (e.state === 'counted' && e.minimums.includes(m.id) ? e.counted : 0));
      // The column is shown only when it adds up to the core's figure; otherwise the figure is written as a value.
      const exact = clean(credits.reduce((s, x) => s + x, 0)) === m.counted;
      return { minimum: m, col: ENTRY_COLUMNS.length + i, credits, exact };
    });
  const entryHeaders = [...ENTRY_COLUMNS, ...minimumColumns.map((c) => `${c.minimum.label} ${unit} counted`)];

  let row = 0;
  values(row, 0, [['CE Ledger submission summary']]);
  style(one(row, 0), { bold: true, fontSize: 16 });
  row += 2;

  // Identity block.
  const identity: CellValue[][] = [
    ['Certificant', person.name ?? ''],
    ['Certificant number', person.certificantNumber ?? ''],
    ['Program', `${program.id}: ${program.name}`],
    ['Certifying body', program.body],
    ['Cycle window', `${isoFromDay(ev.cycle.cycleStart)} to ${isoFromDay(ev.cycle.windowEnd)}`],
    ['Deadline without penalty', serialFromDay(ev.cycle.deadline)],
    ['As of', serialFromDay(ev.asOf)],
    ['Status', ev.status.line],
    ['Log read from', options.logSheet ? `sheet "${options.logSheet}", ${ev.rowsRead} rows` : `${ev.rowsRead} rows`],
  ];
  const identityTop = row;
  values(row, 0, identity);
  style(one(row, 0, identity.length, 1), { bold: true });
  dateFormat(one(identityTop + 5, 1, 2, 1));
  style(one(identityTop + 5, 1, 2, 1), { horizontalAlignment: 'left' });
  style(one(identityTop + 7, 1), { bold: true });
  row += identity.length + 1;

  // Totals block: rows are planned now, formulas written once the entry rows are known.
  heading(row++, `Totals (${unit})`);
  tableHeader(row++, ['', 'Required', 'Counted', 'Still needed']);
  const totalsAll = row++;
  const carriedRow = program.carryOver ? row++ : undefined;
  const minimumRows = ev.minimums.map((m) => ({ minimum: m, row: row++ }));
  const neededRow = row++;
  row++;

  // Categories.
  heading(row++, 'Credits by format');
  tableHeader(row++, ['Format', 'Credits counted', 'Credits claimed', 'Clipped by caps', 'Cap', 'Entries counted']);
  const categoryFirst = row;
  row += Math.max(1, ev.categories.length);
  row++;

  // Checklist.
  heading(row++, 'Application checklist');
  tableHeader(row++, ['Item', 'Done', 'Detail', 'Log rows']);
  const checklistRows: CellValue[][] = ev.checklist.map((c) => [c.label, c.done ? 'Yes' : 'No', c.detail, c.rows.join(', ')]);
  if (checklistRows.length) values(row, 0, checklistRows);
  row += checklistRows.length + 1;

  // Key dates and fees.
  heading(row++, 'Key dates');
  tableHeader(row++, ['Date', 'When']);
  values(row, 0, ev.keyDates.map((d) => [d.label, serialFromDay(d.day)]));
  dateFormat(one(row, 1, Math.max(1, ev.keyDates.length), 1));
  style(one(row, 1, Math.max(1, ev.keyDates.length), 1), { horizontalAlignment: 'left' });
  row += ev.keyDates.length + 1;
  heading(row++, 'Fees');
  tableHeader(row++, ['Fee', 'Amount', 'Applies now']);
  const feeRows: CellValue[][] = ev.fees.map((f) => [f.label, f.amount === null ? f.display : f.amount, f.now ? 'Yes' : 'No']);
  if (feeRows.length) {
    values(row, 0, feeRows);
    ops.push({ kind: 'setNumberFormat', sheet, range: one(row, 1, feeRows.length, 1), format: '"$"#,##0.00' });
  }
  row += feeRows.length + 1;

  // Row problems.
  heading(row++, 'Rows with problems (they count for nothing until fixed)');
  if (ev.problems.length) {
    tableHeader(row++, ['Log row', 'Column', 'Problem']);
    values(row, 0, ev.problems.map((p) => [p.row, p.column, p.message]));
    row += ev.problems.length + 1;
  } else {
    values(row, 0, [['None']]);
    row += 2;
  }

  // Proof files.
  heading(row++, 'Proof files');
  const withLinks = ev.entries.filter((e) => e.entry.proofLink !== '');
  if (withLinks.length) {
    tableHeader(row++, ['Log row', 'Activity', 'Proof file']);
    // The table is one block (every link as text), then a link on each cell that may have one: a
    // write per row would be most of a large summary's request to Excel.
    values(row, 0, withLinks.map((e) => [e.entry.row, e.entry.activity, e.entry.proofLink]));
    withLinks.forEach((e, i) => {
      const address = proofLinkTarget(e.entry.proofLink);
      if (address) ops.push({ kind: 'hyperlink', sheet, row: row + i, col: 2, address, text: fitCellText(e.entry.proofLink) });
    });
    row += withLinks.length + 1;
  } else {
    values(row, 0, [['No proof links in the log']]);
    row += 2;
  }

  // Entries, last: their header row repeats on every printed page.
  heading(row++, 'Entries');
  const entryHeader = row++;
  tableHeader(entryHeader, entryHeaders);
  const entryFirst = row;
  const entryRows: CellValue[][] = ev.entries.map((e, i) => [
    e.entry.row,
    serialFromDay(e.entry.date),
    e.entry.activity,
    e.entry.provider,
    e.entry.format.label,
    e.entry.hours,
    e.entry.selfStudyHours,
    e.claimed,
    e.counted,
    STATE_LABEL[e.state],
    e.entry.approved ? 'Yes' : 'No',
    proofText(e),
    reasonsText(e),
    ...minimumColumns.map((c) => c.credits[i]!),
  ]);
  if (entryRows.length) {
    values(entryFirst, 0, entryRows);
    dateFormat(one(entryFirst, COL.Date, entryRows.length, 1));
    style(one(entryFirst, COL['Reasons and flags'], entryRows.length, 1), { wrap: true });
    style(one(entryFirst, COL.Proof, entryRows.length, 1), { wrap: true });
  } else {
    values(entryFirst, COL.Activity, [['No entries in the log']]);
  }
  // Formulas cover at least one row so that an empty log still sums to 0.
  const entryCount = Math.max(1, entryRows.length);
  const col = (c: number) => {
    const first = cellAddress(entryFirst, c);
    const last = cellAddress(entryFirst + entryCount - 1, c);
    return `$${first.replace(/(\d+)$/, '$$$1')}:$${last.replace(/(\d+)$/, '$$$1')}`;
  };
  const countedRange = col(COL['Credits counted']);
  const claimedRange = col(COL['Credits claimed']);
  const formatRange = col(COL.Format);
  const statusRange = col(COL.Status);
  const totalRow = entryFirst + entryCount;
  values(totalRow, 0, [['Total']]);
  formulas(totalRow, COL['Credits claimed'], [[`=SUM(${claimedRange})`, `=SUM(${countedRange})`]]);
  style(one(totalRow, 0, 1, entryHeaders.length), { bold: true });

  // Now the totals block.
  const counted = carriedRow !== undefined ? `SUM(${countedRange})+${cellAddress(carriedRow, 2)}` : `SUM(${countedRange})`;
  values(totalsAll, 0, [['All credits', ev.required]]);
  formulas(totalsAll, 2, [[`=ROUND(${counted},2)`, `=MAX(0,ROUND(B${totalsAll + 1}-C${totalsAll + 1},2))`]]);
  if (carriedRow !== undefined) values(carriedRow, 0, [['Carried over from the previous cycle', '', ev.carriedOver]]);
  const shortfallCells = [`D${totalsAll + 1}`];
  for (const { minimum, row: r } of minimumRows) {
    const column = minimumColumns.find((c) => c.minimum.id === minimum.id);
    const label = `${minimum.label} ${unit} (minimum${minimum.period === 'cycleYear' ? ' in every cycle year' : ''})`;
    values(r, 0, [[label, minimum.required]]);
    if (column?.exact) {
      formulas(r, 2, [[`=ROUND(SUM(${col(column.col)}),2)`, `=MAX(0,ROUND(B${r + 1}-C${r + 1},2))`]]);
    } else {
      values(r, 2, [[minimum.counted, minimum.shortfall]]);
    }
    shortfallCells.push(`D${r + 1}`);
  }
  values(neededRow, 0, [[`Still needed (the largest shortfall)`]]);
  formulas(neededRow, 3, [[`=MAX(${shortfallCells.join(',')})`]]);
  style(one(neededRow, 0, 1, 4), { bold: true });

  // Categories, over the entry rows.
  ev.categories.forEach((c, i) => {
    const r = categoryFirst + i;
    const a = `$A${r + 1}`;
    values(r, 0, [[c.label]]);
    const criterion = criterionFor(c.label, a);
    formulas(r, 1, [
      [
        `=SUMIFS(${countedRange},${formatRange},${criterion})`,
        `=SUMIFS(${claimedRange},${formatRange},${criterion},${statusRange},"${STATE_LABEL.counted}")`,
        `=ROUND(C${r + 1}-B${r + 1},2)`,
      ],
    ]);
    values(r, 4, [[c.cap || 'No cap']]);
    formulas(r, 5, [[`=COUNTIFS(${formatRange},${criterion},${statusRange},"${STATE_LABEL.counted}")`]]);
  });
  if (ev.categories.length === 0) values(categoryFirst, 0, [['No credits counted yet']]);

  if (options.charts && ev.categories.length) {
    ops.push({
      kind: 'chart',
      sheet,
      type: 'bar',
      title: `Counted ${unit} by format`,
      data: one(categoryFirst, 0, ev.categories.length, 2),
      anchor: one(identityTop, 5, 12, 6),
    });
  }

  // Layout and print.
  // Column A also holds the section labels, hence its width.
  const widths = [170, 80, 220, 150, 120, 55, 70, 70, 70, 90, 65, 200, 280, ...minimumColumns.map(() => 90)];
  widths.forEach((width, c) => ops.push({ kind: 'setColumnWidth', sheet, col: c, width }));
  const who = person.name ? `${person.name}, ` : '';
  ops.push({
    kind: 'pageSetup',
    sheet,
    landscape: true,
    fitToPagesWide: 1,
    printTitleRows: { first: entryHeader, last: entryHeader },
    header: headerText(`CE summary: ${who}${program.id}, as of ${isoFromDay(ev.asOf)}`),
    footer: 'Page &P of &N',
  });
  ops.push({ kind: 'defineName', name: SUMMARY_MARKER, sheet, range: one(0, 0), comment: 'The summary sheet CE Ledger made; regenerating replaces only this sheet.' });
  ops.push({ kind: 'activate', sheet });

  return {
    sheet,
    ops,
    keptUserSheet: target.kept,
    layout: {
      sheet,
      totals: { all: totalsAll, minimums: minimumRows.map((m) => ({ id: m.minimum.id, row: m.row })), needed: neededRow },
      categories: { first: categoryFirst, count: ev.categories.length },
      entries: { header: entryHeader, first: entryFirst, count: entryRows.length, columns: entryHeaders },
    },
  };
}
