/**
 * No data loss (issue 6, item 4). Over many random workbooks — values of every kind (numbers, text that
 * looks like a formula, a number, a date or a boolean, booleans, blanks), real formulas, a header row
 * somewhere in the first rows with canonical, alias and unknown headers, extra sheets, sometimes the
 * user's own "CE Summary" — the whole pane flow runs on the memory adapter and on the Office adapter
 * over the fake Excel host:
 *   write a profile → propose a conversion, map it as a user would, confirm it (log-sheet.ts plan + ops)
 *   → edit the profile (profileOps) → regenerate the summary twice (generateSummary) → edit again.
 * Afterwards every cell of every original sheet holds the same value and formula as before, except
 *   - the header cells the plan lists in `renames` (shown to the user in the confirmation), and
 *   - blank header cells inside the new table, which Excel names Column1, Column2… (the plan says so
 *     in `notes`);
 * and a user's own "CE Summary" (not marked by the add-in) is left exactly as it was.
 */
import fc from 'fast-check';
import { checkProfile, dayFromIso, PROGRAMS, type ColumnKey, type Profile } from '../../src/core';
import { generateSummary } from '../../src/summary';
import { conversionPlan, proposeConversion, type ConversionPlan, type ConversionProposal } from '../../src/workbook/log-sheet';
import { MemoryWorkbook, type MemoryInit } from '../../src/workbook/memory';
import { OfficeWorkbook } from '../../src/workbook/office';
import { cellAddress, type CellValue, type WorkbookOp, type WorkbookPort } from '../../src/workbook/port';
import { profileOps } from '../../src/workbook/profile-sheet';
import { FakeExcel } from '../fakes/fake-excel';

const RUNS = Number(process.env.RELIABILITY_RUNS ?? 250);

// ---- generators ----

const scalar: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 3, arbitrary: fc.constant('') },
  { weight: 2, arbitrary: fc.integer({ min: -1000, max: 50000 }) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }) },
  { weight: 1, arbitrary: fc.boolean() },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '=1+1',
      '+44 20 7946 0000',
      '-5',
      '@home',
      '=SUM(A1:A3)',
      'TRUE',
      'false',
      '00123',
      '1,5',
      '50%',
      '2025-03-14',
      '3/14/2025',
      '14-Mar',
      '1e5',
      'Webinar',
      'Conference',
      'Certificate',
      'javascript:alert(1)',
      'https://example.com/cert.pdf',
      'C:\\proof\\cert.pdf',
      ' spaced ',
      'ünïcødé ✓',
      'Date',
      'Hours',
    ),
  },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
);

/** Header choices, one group per canonical column so that a header row never names a column twice. */
const DATE_HEADERS = ['Date', 'Completion date', 'When'] as const; // "When" is unknown: the user maps it (a rename)
const HOURS_HEADERS = ['Hours', 'CE hours', 'Hrs'] as const; // "Hrs" likewise
const OTHER_HEADERS: readonly (readonly string[])[] = [
  ['Activity', 'Course title'],
  ['Provider', 'Sponsor'],
  ['Format', 'Type'],
  ['Proof', 'Certificate'],
  ['Proof link', 'URL'],
  ['Notes', 'Comments'],
  ['My own column'],
  ['Cert?'],
  ['Budget code'],
  ['Approved'],
];
/** Unknown headers a user may map to a column (the plan then renames the header cell). */
const USER_MAPPINGS: Record<string, ColumnKey> = { When: 'date', Hrs: 'hours', 'Budget code': 'notes', 'Cert?': 'proof' };

interface Spec {
  headerRow: number;
  headerCol: number;
  headers: string[];
  /** Data rows below the header: cells over the header's width plus `extraCols`. */
  rows: CellValue[][];
  extraCols: number;
  titleRows: CellValue[][];
  formulas: { row: number; col: number; formula: string }[];
  logSheet: string;
  extraSheets: { name: string; rows: CellValue[][]; marker?: boolean }[];
  credits: boolean;
  programIndex: number;
  mapUnknown: boolean;
}

const specArb: fc.Arbitrary<Spec> = fc
  .record({
    headerRow: fc.integer({ min: 0, max: 3 }),
    headerCol: fc.integer({ min: 0, max: 2 }),
    dateHeader: fc.constantFrom(...DATE_HEADERS),
    hoursHeader: fc.constantFrom(...HOURS_HEADERS),
    others: fc.shuffledSubarray([...OTHER_HEADERS.keys()], { maxLength: 5 }),
    otherPick: fc.array(fc.nat(1), { minLength: 5, maxLength: 5 }),
    order: fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
    blankHeader: fc.boolean(),
    dataRows: fc.integer({ min: 0, max: 10 }),
    extraCols: fc.constantFrom(0, 0, 0, 0, 0, 0, 0, 1),
    cellSeed: fc.array(scalar, { minLength: 200, maxLength: 200 }),
    formulaCount: fc.integer({ min: 0, max: 5 }),
    formulaSeed: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(3)), { minLength: 5, maxLength: 5 }),
    logSheet: fc.constantFrom('Tracker', 'CE Log', 'Sheet1', "Bob's CE"),
    userSummary: fc.boolean(),
    otherSheet: fc.boolean(),
    otherRows: fc.array(fc.array(scalar, { maxLength: 5 }), { maxLength: 5 }),
    credits: fc.boolean(),
    programIndex: fc.nat(PROGRAMS.length - 1),
    mapUnknown: fc.boolean(),
  })
  .map((g) => {
    const headers: string[] = [g.dateHeader, g.hoursHeader, ...g.others.map((i, k) => OTHER_HEADERS[i]![Math.min(g.otherPick[k]!, OTHER_HEADERS[i]!.length - 1)]!)];
    // Shuffle deterministically from the generated order.
    const keyed = headers.map((h, i) => ({ h, k: g.order[i] ?? i }));
    keyed.sort((a, b) => a.k - b.k);
    const ordered = keyed.map((x) => x.h);
    // A blank cell inside the header row (never the first or last: those bound the range).
    if (g.blankHeader && ordered.length >= 3) ordered.splice(1, 0, '');
    let seed = 0;
    const next = () => g.cellSeed[seed++ % g.cellSeed.length]!;
    const width = ordered.length + g.extraCols;
    const titleRows = Array.from({ length: g.headerRow }, (_, r) => (r === 0 ? ['My CE tracker', next()] : [next(), next()]));
    const rows = Array.from({ length: g.dataRows }, () => Array.from({ length: width }, () => next()));
    const totalRows = g.headerRow + 1 + g.dataRows;
    const formulas: Spec['formulas'] = [];
    for (let i = 0; i < g.formulaCount; i++) {
      const [r0, c0, kind] = g.formulaSeed[i]!;
      // Anywhere but the header row (Excel turns a formula in a table header into text).
      const rowChoices = Array.from({ length: totalRows }, (_, r) => r).filter((r) => r !== g.headerRow);
      if (!rowChoices.length) continue;
      const row = rowChoices[r0 % rowChoices.length]!;
      const col = c0 % (g.headerCol + width);
      const ref = cellAddress(Math.max(0, row - 1), col === 0 ? 1 : 0);
      const formula = [`=${ref}*2`, '=1+1', `=SUM(A1:B${row + 1})`, `="=not"&"${ref}"`][kind]!;
      if (!formulas.some((f) => f.row === row && f.col === col)) formulas.push({ row, col, formula });
    }
    const extraSheets: Spec['extraSheets'] = [];
    if (g.userSummary) extraSheets.push({ name: 'CE Summary', rows: [['My own summary'], ['Total', 12.5], ['=1+1', 'keep me']] });
    if (g.otherSheet) extraSheets.push({ name: 'Budget', rows: g.otherRows });
    return {
      headerRow: g.headerRow,
      headerCol: g.headerCol,
      headers: ordered,
      rows,
      extraCols: g.extraCols,
      titleRows,
      formulas,
      logSheet: g.logSheet,
      extraSheets,
      credits: g.credits,
      programIndex: g.programIndex,
      mapUnknown: g.mapUnknown,
    };
  });

function initOf(spec: Spec): MemoryInit {
  const grid: CellValue[][] = [];
  const place = (r: number, cells: CellValue[]) => {
    grid[r] = [...Array<CellValue>(spec.headerCol).fill(''), ...cells];
  };
  spec.titleRows.forEach((cells, r) => place(r, cells));
  place(spec.headerRow, spec.headers);
  spec.rows.forEach((cells, i) => place(spec.headerRow + 1 + i, cells));
  for (let r = 0; r < grid.length; r++) grid[r] ??= [];
  const init: MemoryInit = { [spec.logSheet]: grid };
  for (const s of spec.extraSheets) init[s.name] = s.rows;
  return init;
}

function formulaOps(spec: Spec): WorkbookOp[] {
  const ops: WorkbookOp[] = spec.formulas.map((f) => ({ kind: 'setFormulas', sheet: spec.logSheet, row: f.row, col: f.col, formulas: [[f.formula]] }));
  const summary = spec.extraSheets.find((s) => s.name === 'CE Summary');
  if (summary) ops.push({ kind: 'setFormulas', sheet: 'CE Summary', row: 1, col: 2, formulas: [['=B2*2']] });
  return ops;
}

// ---- what the workbook holds ----

type Grid = Map<string, { value: CellValue; formula: string | undefined }>;

function contents(book: MemoryWorkbook, sheet: string): Grid {
  const grid: Grid = new Map();
  const { rows, cols } = book.extent(sheet);
  // One row and column beyond the used range, so a cell written next to the data is noticed too.
  for (let r = 0; r <= rows; r++) {
    for (let c = 0; c <= cols; c++) grid.set(`${r},${c}`, { value: book.getValue(sheet, r, c), formula: book.getFormula(sheet, r, c) });
  }
  return grid;
}

// ---- the flow ----

interface Outcome {
  converted: boolean;
  /** The plan said ok, but the host refused it part-way (see the test.failing case below). */
  applyError?: string;
  refused: string[];
  plan?: ConversionPlan;
  proposal?: ConversionProposal;
  summaries: number;
  summarySheet?: string;
  keptUserSheet?: string;
}

function profileOf(spec: Spec, name: string, attest: boolean): Profile {
  const program = PROGRAMS[spec.programIndex]!;
  const attestations: Record<string, boolean> = {};
  for (const item of program.checklist) if (item.check === 'attestation') attestations[item.id] = attest;
  const checked = checkProfile({ program: program.id, cycleStart: '2024-03-14', name, certificantNumber: 'C-1', attestations });
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return checked.profile;
}

async function runFlow(port: WorkbookPort, spec: Spec): Promise<Outcome> {
  const asOf = dayFromIso('2025-09-01')!;
  const program = PROGRAMS[spec.programIndex]!;
  const outcome: Outcome = { converted: false, refused: [], summaries: 0 };

  await port.apply(profileOps(profileOf(spec, '=HYPERLINK("x")', false), await port.read({ sheets: 'all' })));

  const snapshot = await port.read({ sheets: 'all', formulas: true });
  const proposed = proposeConversion(snapshot, spec.logSheet);
  if (!proposed.ok) throw new Error(`no proposal: ${proposed.message}`);
  const mapping: Record<number, ColumnKey | undefined> = {};
  for (const c of proposed.proposal.columns) {
    const user = USER_MAPPINGS[c.header];
    // "When" and "Hrs" must be mapped for the log to have a date and hours; other unknowns only sometimes.
    mapping[c.index] = user && (spec.mapUnknown || user === 'date' || user === 'hours') ? user : c.key;
  }
  const plan = conversionPlan(proposed.proposal, { mapping, credits: spec.credits }, program, snapshot);
  outcome.plan = plan;
  outcome.proposal = proposed.proposal;
  if (plan.ok) {
    try {
      await port.apply(plan.ops);
      outcome.converted = true;
    } catch (error) {
      outcome.applyError = error instanceof Error ? error.message : String(error);
    }
  } else {
    outcome.refused = plan.problems;
  }

  await port.apply(profileOps(profileOf(spec, 'Ann Example & Co', true), await port.read({ sheets: 'all' })));
  for (let i = 0; i < 2; i++) {
    const result = await generateSummary(port, { asOf });
    if (result.ok) {
      outcome.summaries++;
      outcome.summarySheet = result.sheet;
      // Reported when ours is first placed beside the user's; a regeneration replaces ours by its marker.
      outcome.keptUserSheet ??= result.keptUserSheet;
    }
  }
  await port.apply(profileOps(profileOf(spec, 'Ann Example', false), await port.read({ sheets: 'all' })));
  return outcome;
}

/**
 * The cells the conversion may change, as "row,col" → a check of what each may become. The header row
 * is the one the proposal chose (and the user confirmed), which need not be the row the generator
 * meant: a data row that names Date and Hours can win.
 */
function allowedChanges(before: Grid, outcome: Outcome): Map<string, { check: (v: CellValue) => boolean; why: keyof Tally }> {
  const allowed = new Map<string, { check: (v: CellValue) => boolean; why: keyof Tally }>();
  const { plan, proposal } = outcome;
  if (!plan || !proposal || (!outcome.converted && outcome.applyError === undefined)) return allowed;
  const { row, col, cols } = proposal.range;
  for (let i = 0; i < cols; i++) {
    const at = `${row},${col + i}`;
    const was = before.get(at);
    if (!was || was.formula !== undefined) continue;
    const rename = plan.renames.find((r) => r.index === i);
    if (rename) allowed.set(at, { check: (v) => v === rename.to, why: 'renamedHeaders' });
    else if (was.value === '' && plan.notes.some((n) => /Blank header cells get names from Excel/.test(n)))
      allowed.set(at, { check: (v) => typeof v === 'string' && /^Column\d+$/.test(v), why: 'blankHeadersNamed' });
    // A table header is always text in Excel: a number or TRUE there becomes the same text. The plan
    // does not mention it (reported as a finding); the value reads the same.
    else if (typeof was.value !== 'string') allowed.set(at, { check: (v) => v === String(was.value), why: 'headersMadeText' });
  }
  return allowed;
}

interface Tally {
  workbooks: number;
  converted: number;
  refused: number;
  headersMadeText: number;
  failedToApply: number;
  renamedHeaders: number;
  blankHeadersNamed: number;
  summaries: number;
  userSummariesKept: number;
  cellsChecked: number;
  formulasChecked: number;
  refusals: Map<string, number>;
}

const tallies: Record<string, Tally> = {};

function newTally(): Tally {
  return { workbooks: 0, converted: 0, refused: 0, headersMadeText: 0, failedToApply: 0, renamedHeaders: 0, blankHeadersNamed: 0, summaries: 0, userSummariesKept: 0, cellsChecked: 0, formulasChecked: 0, refusals: new Map() };
}

const hosts: [string, (init: MemoryInit, ops: WorkbookOp[]) => { port: WorkbookPort; book: MemoryWorkbook }][] = [
  [
    'memory adapter',
    (init, ops) => {
      const book = new MemoryWorkbook(init);
      book.applyNow(ops);
      return { port: book, book };
    },
  ],
  [
    'Office adapter over the fake Excel host',
    (init, ops) => {
      const fake = new FakeExcel(init);
      fake.book.applyNow(ops);
      return { port: new OfficeWorkbook({ run: fake.run }), book: fake.book };
    },
  ],
];

describe.each(hosts)('no data loss: %s', (hostName, make) => {
  const tally = (tallies[hostName] = newTally());

  test(`convert, edit the profile and regenerate the summary twice over ${RUNS} random workbooks: every original cell is kept`, async () => {
    await fc.assert(
      fc.asyncProperty(specArb, async (spec) => {
        const init = initOf(spec);
        const { port, book } = make(init, formulaOps(spec));
        const originalSheets = book.sheetNames();
        const before = new Map(originalSheets.map((s) => [s, contents(book, s)]));
        const extents = new Map(originalSheets.map((s) => [s, book.extent(s)]));

        const outcome = await runFlow(port, spec);

        tally.workbooks++;
        // A confirmed plan must apply in full: a refusal half-way would leave a half-converted sheet.
        expect(outcome.applyError).toBeUndefined();
        if (outcome.converted) tally.converted++;
        else if (outcome.applyError) tally.failedToApply++;
        else {
          tally.refused++;
          for (const p of outcome.refused) {
            const key = p.replace(/"[^"]*"/g, '"…"').replace(/\d+/g, 'N');
            tally.refusals.set(key, (tally.refusals.get(key) ?? 0) + 1);
          }
        }
        tally.summaries += outcome.summaries;

        // Every original sheet is still there, under its name.
        for (const s of originalSheets) expect(book.hasSheet(s)).toBe(true);

        const allowed = allowedChanges(before.get(spec.logSheet)!, outcome);
        for (const sheet of originalSheets) {
          const grid = before.get(sheet)!;
          for (const [at, was] of grid) {
            const [r, c] = at.split(',').map(Number) as [number, number];
            const value = book.getValue(sheet, r, c);
            const formula = book.getFormula(sheet, r, c);
            const rule = sheet === spec.logSheet ? allowed.get(at) : undefined;
            const beyond = r === extents.get(sheet)!.rows || c === extents.get(sheet)!.cols;
            if (rule && (value !== was.value || formula !== was.formula)) {
              expect({ sheet, cell: cellAddress(r, c), was: was.value, value, formula, allowed: rule.check(value) }).toEqual({ sheet, cell: cellAddress(r, c), was: was.value, value, formula: undefined, allowed: true });
              (tally[rule.why] as number)++;
              continue;
            }
            // Cells that were empty may be filled only where the conversion adds columns (right of the
            // table, in its rows) or on sheets the add-in creates; an original empty cell inside the
            // used range stays empty unless it is one of the allowed header cells above.
            if (was.value === '' && was.formula === undefined && (beyond || isAddedColumn(spec, outcome, r, c))) continue;
            expect({ sheet, cell: cellAddress(r, c), value, formula }).toEqual({ sheet, cell: cellAddress(r, c), value: was.value, formula: was.formula });
            tally.cellsChecked++;
            if (was.formula !== undefined) tally.formulasChecked++;
          }
        }

        // The user's own "CE Summary" is never the add-in's: ours goes beside it.
        if (spec.extraSheets.some((s) => s.name === 'CE Summary') && outcome.summaries > 0) {
          expect(outcome.summarySheet).toBe('CE Summary (2)');
          expect(outcome.keptUserSheet).toBe('CE Summary');
          tally.userSummariesKept++;
        }
        // Regenerating replaced our summary: exactly one sheet of ours, no "CE Summary (3)".
        if (outcome.summaries === 2) expect(book.sheetNames().filter((s) => /^CE Summary/.test(s)).length).toBe(spec.extraSheets.some((s) => s.name === 'CE Summary') ? 2 : 1);
      }),
      { numRuns: RUNS },
    );
    // The generator must mostly produce workbooks that convert, or the property proves little.
    expect(tally.converted).toBeGreaterThan(RUNS / 2);
  }, 60_000);
});

/** Columns the plan adds at the right of the table (and the Credits column), over the table's rows. */
function isAddedColumn(spec: Spec, outcome: Outcome, r: number, c: number): boolean {
  const { plan, proposal } = outcome;
  if ((!outcome.converted && outcome.applyError === undefined) || !plan || !proposal) return false;
  const added = plan.added.length + (spec.credits ? 1 : 0);
  const first = proposal.range.col + proposal.range.cols;
  const lastRow = proposal.range.row + Math.max(2, proposal.range.rows) - 1;
  return c >= first && c < first + added && r >= proposal.range.row && r <= lastRow;
}

/**
 * BUG (reported, not ours to fix: src/workbook/log-sheet.ts): the proposal's range covers only the
 * header's columns, so a value typed to the right of the header row (a note beside a data row) sits
 * where the plan adds its columns. The plan says ok; the host then refuses the batch part-way
 * ("Cannot widen table"), leaving the headers renamed and a CELog table without its new columns. In
 * Excel, TableColumnCollection.add would instead shift or overwrite that cell. Remove `.failing` when
 * conversionPlan refuses (or the proposal widens its range over) such a sheet.
 */
describe.each(hosts)('a confirmed conversion plan applies completely: %s', (_host, make) => {
  test('a value to the right of the header row, beside a data row', async () => {
    const { port, book } = make({ Tracker: [['Date', 'Hrs'], [45740, 1, 'my note']] }, []);
    const snapshot = await port.read({ sheets: 'all' });
    const proposed = proposeConversion(snapshot, 'Tracker');
    if (!proposed.ok) throw new Error(proposed.message);
    const plan = conversionPlan(proposed.proposal, { mapping: { 0: 'date', 1: 'hours' }, credits: true }, PROGRAMS.find((p) => p.id === 'NISM-SMS')!, snapshot);
    // Either the plan refuses the sheet, or it applies in full and keeps the note.
    if (plan.ok) {
      await port.apply(plan.ops);
      expect(book.getValue('Tracker', 1, 2)).toBe('my note');
    } else {
      expect(plan.ops).toEqual([]);
    }
    expect(book.getValue('Tracker', 0, 1)).toBe(plan.ok ? 'Hours' : 'Hrs');
  });
});

afterAll(() => {
  const lines = Object.entries(tallies).map(([host, t]) => {
    const refusals = [...t.refusals].map(([k, n]) => `${n}× ${k}`).join('; ');
    return `${host}: ${t.workbooks} workbooks, ${t.converted} converted, ${t.refused} refused by the plan${refusals ? ` (${refusals})` : ''}, ${t.failedToApply} plans that said ok but failed to apply, ${t.renamedHeaders} header renames and ${t.blankHeadersNamed} blank headers named as the plan said, ${t.headersMadeText} non-text header cells made text, ${t.summaries} summaries generated, ${t.userSummariesKept} user "CE Summary" sheets kept, ${t.cellsChecked} original cells (${t.formulasChecked} formulas) checked unchanged`;
  });
  // eslint-disable-next-line no-console
  console.log(`[no-data-loss]\n${lines.join('\n')}`);
});
