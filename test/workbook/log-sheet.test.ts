import ExcelJS from 'exceljs';
import { findProgram, PROOF_KINDS, readProof, type ColumnKey } from '../../src/core';
import { MemoryWorkbook } from '../../src/workbook/memory';
import { areasOf, OfficeWorkbook } from '../../src/workbook/office';
import { listAccepts, type CellValue, type WorkbookPort } from '../../src/workbook/port';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import {
  applyConversion,
  cellsOf,
  ConversionError,
  CONVERSION_READ,
  conversionPlan,
  findLog,
  newLogPlan,
  PROOF_ALERT,
  proposeConversion,
  structuredRef,
  type ConversionProposal,
} from '../../src/workbook/log-sheet';
import { FakeExcel } from '../fakes/fake-excel';

const nism = findProgram('NISM-SMS')!;
const all = { sheets: 'all' as const, formulas: true };

/** A tracker as people keep them: a title, a blank line, then headers, some of them nonstandard. */
const TRACKER: CellValue[][] = [
  ['My CE tracker 2025–2027'],
  [],
  ['Wann', 'Course title', 'Stunden', 'Sponsor', 'Type', 'Beleg?', 'My own column'],
  [45740, 'Social listening', 2, 'NISM', 'Webinar', 'Certificate', 'kept'],
  ['2025-06-01', '=not a formula', '1.5', 'Grovo', 'webinar', '', 42],
  [45900, 'Community 101', -1, '', 'Podcast', 'yes', true],
  [null, null, null, null, null, null, 'only a note'],
];

function snapshotValues(wb: MemoryWorkbook, sheet: string): CellValue[][] {
  const { rows, cols } = wb.extent(sheet);
  return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => wb.getValue(sheet, r, c)));
}

function mappingOf(
  p: ConversionProposal,
  overrides: Record<string, ColumnKey | undefined>,
): Record<number, ColumnKey | undefined> {
  const m: Record<number, ColumnKey | undefined> = {};
  for (const c of p.columns) m[c.index] = c.header in overrides ? overrides[c.header] : c.key;
  return m;
}

async function propose(port: WorkbookPort, sheet: string) {
  const snap = await port.read(all);
  const result = proposeConversion(snap, sheet);
  if (!result.ok) throw new Error(result.message);
  return { snap, proposal: result.proposal };
}

describe('proposeConversion', () => {
  test('finds the header row below a title and proposes recognised and close columns', async () => {
    const wb = new MemoryWorkbook({ Tracker: TRACKER });
    const { proposal } = await propose(wb, 'Tracker');
    expect(proposal.range).toEqual({ row: 2, col: 0, rows: 5, cols: 7 });
    const keys = Object.fromEntries(proposal.columns.map((c) => [c.header, c.key]));
    expect(keys).toEqual({
      Wann: undefined,
      'Course title': 'activity',
      Stunden: undefined,
      Sponsor: 'provider',
      Type: 'format',
      'Beleg?': undefined,
      'My own column': undefined,
    });
    expect(proposal.columns.find((c) => c.header === 'Type')!.recognised).toBe('format');
  });

  test('an existing CE log table is recognised, not converted twice', async () => {
    const wb = new MemoryWorkbook({
      Log: [
        ['Date', 'Hours'],
        [45740, 1],
      ],
    });
    await wb.apply([{ kind: 'createTable', sheet: 'Log', name: 'MyLog', range: { row: 0, col: 0, rows: 2, cols: 2 } }]);
    const { snap, proposal } = await propose(wb, 'Log');
    expect(proposal.existingLog).toEqual({ sheet: 'Log', table: 'MyLog', range: { row: 0, col: 0, rows: 2, cols: 2 } });
    const plan = conversionPlan(proposal, { mapping: mappingOf(proposal, {}), credits: true }, nism, snap);
    expect(plan.ok).toBe(false);
    expect(plan.ops).toEqual([]);
    expect(plan.problems[0]).toMatch(/already a CE log/);
    expect(findLog(snap)).toEqual({ sheet: 'Log', table: 'MyLog', range: { row: 0, col: 0, rows: 2, cols: 2 } });
  });
});

describe('conversionPlan', () => {
  test('refuses a mapping without Date or Hours, or with a column used twice', async () => {
    const wb = new MemoryWorkbook({ Tracker: TRACKER });
    const { snap, proposal } = await propose(wb, 'Tracker');
    const noDate = conversionPlan(proposal, { mapping: mappingOf(proposal, {}), credits: false }, nism, snap);
    expect(noDate.ok).toBe(false);
    expect(noDate.problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/Date/), expect.stringMatching(/Hours/)]),
    );
    const twice = conversionPlan(
      proposal,
      { mapping: mappingOf(proposal, { Wann: 'date', Stunden: 'hours', Sponsor: 'activity' }), credits: false },
      nism,
      snap,
    );
    expect(twice.problems).toEqual([expect.stringMatching(/both mapped to Activity/)]);
  });

  for (const host of ['memory', 'fake Excel'] as const) {
    test(`on ${host}: every pre-existing value is unchanged except the headers the user chose to rename`, async () => {
      const fake = new FakeExcel({ Tracker: TRACKER, Other: [['untouched', 1]] });
      const memory = new MemoryWorkbook({ Tracker: TRACKER, Other: [['untouched', 1]] });
      const port: WorkbookPort = host === 'memory' ? memory : new OfficeWorkbook({ run: fake.run });
      const book = host === 'memory' ? memory : fake.book;
      const before = { tracker: snapshotValues(book, 'Tracker'), other: snapshotValues(book, 'Other') };
      const { snap, proposal } = await propose(port, 'Tracker');
      const plan = conversionPlan(
        proposal,
        { mapping: mappingOf(proposal, { Wann: 'date', Stunden: 'hours', 'Beleg?': 'proof' }), credits: true },
        nism,
        snap,
      );
      expect(plan.problems).toEqual([]);
      expect(plan.renames).toEqual([
        { index: 0, from: 'Wann', to: 'Date', cell: 'A3' },
        { index: 2, from: 'Stunden', to: 'Hours', cell: 'C3' },
        { index: 5, from: 'Beleg?', to: 'Proof', cell: 'F3' },
      ]);
      await port.apply(plan.ops);

      const after = snapshotValues(book, 'Tracker');
      for (let r = 0; r < before.tracker.length; r++) {
        for (let c = 0; c < before.tracker[r]!.length; c++) {
          const renamed = r === 2 && plan.renames.some((x) => x.index === c);
          if (!renamed) expect([r, c, after[r]![c]]).toEqual([r, c, before.tracker[r]![c]]);
        }
      }
      expect(book.getFormula('Tracker', 4, 1)).toBeUndefined();
      expect(snapshotValues(book, 'Other')).toEqual(before.other);
      expect(after[2]!.slice(0, 7)).toEqual([
        'Date',
        'Course title',
        'Hours',
        'Sponsor',
        'Type',
        'Proof',
        'My own column',
      ]);
      // Missing canonical columns at the right, then Credits; no Grade for NISM.
      expect(after[2]!.slice(7)).toEqual([
        'Self-study hours',
        'Subject area',
        'Approved',
        'Score',
        'Location',
        'Proof link',
        'Notes',
        'CE Ledger credits',
      ]);
      const table = book.tables()[0]!;
      expect(table).toMatchObject({ name: 'CELog', sheet: 'Tracker', range: { row: 2, col: 0, rows: 5, cols: 15 } });
      expect(book.getFormula('Tracker', 3, 14)).toBe(
        '=IF([@Hours]&[@[Self-study hours]]="","",CEU.CE_CREDITS(CE_PROGRAM,[@Type],[@Hours],[@[Self-study hours]]))',
      );
      const lists = Object.fromEntries(book.validations().map((v) => [String(after[2]![v.range.col]), v.list]));
      expect(lists.Type).toEqual(nism.formats.map((f) => f.label));
      expect(lists['Subject area']).toEqual(nism.subjects);
      expect(lists.Approved).toEqual(['TRUE', 'FALSE']);
      expect(lists.Proof).toContain('Certificate');
      expect(book.validations().every((v) => v.range.row === 3 && v.range.rows === 4)).toBe(true);
      const cf = book.conditionalFormats();
      expect(cf).toHaveLength(1);
      expect(cf[0]!.range).toEqual({ row: 3, col: 0, rows: 4, cols: 15 });
      expect(cf[0]!.formula).toMatch(/^=AND\(COUNTA\(\$A4:\$N4\)>0,OR\(\$A4="",/);

      // Converted once; a second proposal recognises the log.
      const again = await propose(port, 'Tracker');
      expect(again.proposal.existingLog?.table).toBe('CELog');
    });
  }

  test('a header kept as an alias is not renamed, and no rename means no value changes at all', async () => {
    const rows: CellValue[][] = [
      ['Completion date', 'Course title', 'CE hours', 'Type'],
      [45740, 'A', 1, 'Webinar'],
    ];
    const wb = new MemoryWorkbook({ S: rows });
    const { snap, proposal } = await propose(wb, 'S');
    const plan = conversionPlan(proposal, { mapping: mappingOf(proposal, {}), credits: false }, nism, snap);
    expect(plan.ok).toBe(true);
    expect(plan.renames).toEqual([]);
    await wb.apply(plan.ops);
    expect(snapshotValues(wb, 'S').map((r) => r.slice(0, 4))).toEqual(rows);
    expect(plan.ops.some((o) => o.kind === 'setValues')).toBe(false);
  });

  test('the table name avoids names already in use', async () => {
    const wb = new MemoryWorkbook({
      A: [
        ['Date', 'Hours'],
        [1, 1],
      ],
      B: [
        ['Date', 'Stunden'],
        [45740, 2],
      ],
    });
    await wb.apply([{ kind: 'createTable', sheet: 'A', name: 'CELog', range: { row: 0, col: 0, rows: 2, cols: 2 } }]);
    const { snap, proposal } = await propose(wb, 'B');
    const plan = conversionPlan(
      proposal,
      { mapping: mappingOf(proposal, { Stunden: 'hours' }), credits: false },
      nism,
      snap,
    );
    expect(plan.table).toBe('CELog2');
  });
});

describe('newLogPlan', () => {
  test('creates "CE Log 2" when "CE Log" exists, with canonical headers as a table', async () => {
    const wb = new MemoryWorkbook({ 'CE Log': [['something else']] });
    const plan = newLogPlan(await wb.read(all), nism, { credits: true });
    expect(plan.sheet).toBe('CE Log 2');
    await wb.apply(plan.ops);
    const snap = await wb.read(all);
    const log = findLog(snap)!;
    expect(log).toEqual({ sheet: 'CE Log 2', table: 'CELog', range: { row: 0, col: 0, rows: 2, cols: 14 } });
    expect(cellsOf(snap.sheets['CE Log 2']!, log.range)[0]).toEqual([
      'Date',
      'Activity',
      'Provider',
      'Format',
      'Hours',
      'Self-study hours',
      'Subject area',
      'Approved',
      'Proof',
      'Score',
      'Location',
      'Proof link',
      'Notes',
      'CE Ledger credits',
    ]);
    expect(wb.getValue('CE Log', 0, 0)).toBe('something else');
    expect(wb.frozenRows('CE Log 2')).toBe(1);
    expect(wb.numberFormat('CE Log 2', 1, 0)).toBe('yyyy-mm-dd');
    expect(wb.activeSheet).toBe('CE Log 2');
  });

  test('ACSM logs get a Grade column', () => {
    const plan = newLogPlan({ sheetNames: [], sheets: {}, names: [] }, findProgram('ACSM-EP')!, { credits: false });
    const headers = (plan.ops.find((o) => o.kind === 'setValues') as { values: CellValue[][] }).values[0];
    expect(headers).toContain('Grade');
  });
});

test('structured references quote what Excel needs quoted', () => {
  expect(structuredRef('Hours')).toBe('[@Hours]');
  expect(structuredRef('Self-study hours')).toBe('[@[Self-study hours]]');
  expect(structuredRef("Bob's #1 [x]")).toBe("[@[Bob''s '#1 '[x']]]");
});

describe('conversionPlan edge cases', () => {
  test('a mapped alias that an earlier alias would outrank is renamed to the canonical name', async () => {
    const wb = new MemoryWorkbook({
      S: [
        ['Date', 'Type', 'Category', 'Hours'],
        [45740, 'x', 'Webinar', 1],
      ],
    });
    const { snap, proposal } = await propose(wb, 'S');
    const plan = conversionPlan(
      proposal,
      { mapping: mappingOf(proposal, { Type: undefined, Category: 'format' }), credits: false },
      nism,
      snap,
    );
    expect(plan.problems).toEqual([]);
    expect(plan.renames).toEqual([{ index: 2, from: 'Category', to: 'Format', cell: 'C1' }]);
  });

  test('refuses a plan that would leave two columns with one name (Excel would rename one)', async () => {
    const wb = new MemoryWorkbook({
      S: [
        ['Date', 'Notes', 'Hours', 'notes'],
        [45740, 'a', 1, 'b'],
      ],
    });
    const { snap, proposal } = await propose(wb, 'S');
    const plan = conversionPlan(proposal, { mapping: mappingOf(proposal, {}), credits: false }, nism, snap);
    expect(plan.ok).toBe(false);
    expect(plan.problems).toEqual([expect.stringMatching(/both be called "notes"/)]);
    expect(plan.ops).toEqual([]);
  });

  test('an existing table that is not yet a CE log is reused, not recreated', async () => {
    const wb = new MemoryWorkbook({
      S: [
        ['Wann', 'Stunden'],
        [45740, 1],
      ],
    });
    await wb.apply([{ kind: 'createTable', sheet: 'S', name: 'Mine', range: { row: 0, col: 0, rows: 2, cols: 2 } }]);
    const { snap, proposal } = await propose(wb, 'S');
    expect(proposal.existingTable).toBe('Mine');
    const plan = conversionPlan(proposal, { mapping: { 0: 'date', 1: 'hours' }, credits: false }, nism, snap);
    expect(plan.table).toBe('Mine');
    expect(plan.ops.some((o) => o.kind === 'createTable')).toBe(false);
    await wb.apply(plan.ops);
    expect(wb.tables()).toHaveLength(1);
    expect(wb.getValue('S', 1, 0)).toBe(45740);
    expect(wb.getValue('S', 0, 0)).toBe('Date');
  });
});

describe('header cells that are not text', () => {
  const sheet: CellValue[][] = [
    ['Date', 2024, 'Hours', true, 'Notes'],
    [45740, 'a', 2, 'x', ''],
  ];

  test('the plan names each cell Excel will turn into text, and what it becomes', async () => {
    const wb = new MemoryWorkbook({ Log: sheet }, { formulaValue: (f) => (f === '=UPPER("notes")' ? 'NOTES' : '') });
    await wb.apply([{ kind: 'setFormulas', sheet: 'Log', row: 0, col: 4, formulas: [['=UPPER("notes")']] }]);
    const snap = await wb.read(all);
    const result = proposeConversion(snap, 'Log');
    if (!result.ok) throw new Error(result.message);
    const mapping = mappingOf(result.proposal, {});
    const plan = conversionPlan(result.proposal, { mapping, credits: false }, nism, snap);
    expect(plan.problems).toEqual([]);
    expect(plan.textHeaders!.map((h) => [h.cell, h.text])).toEqual([
      ['B1', '2024'],
      ['D1', 'TRUE'],
      ['E1', 'NOTES'],
    ]);
    expect(plan.notes).toContain(
      'Header B1 (2024) will become the text "2024" (or, if the cell shows it as a date or another format, the text it shows)',
    );
    expect(plan.notes).toContain('Header D1 (TRUE) will become the text "TRUE"');
    expect(plan.notes.some((n) => n.startsWith('Header E1 (the formula =UPPER("notes"))'))).toBe(true);
    expect(plan.notes.some((n) => n.includes('A1') || n.includes('C1'))).toBe(false);
  });

  test('a header the user renames, or a table that already exists, needs no such note', async () => {
    const wb = new MemoryWorkbook({ Log: sheet });
    const snap = await wb.read(all);
    const result = proposeConversion(snap, 'Log');
    if (!result.ok) throw new Error(result.message);
    const plan = conversionPlan(
      result.proposal,
      { mapping: { ...mappingOf(result.proposal, {}), 1: 'activity' }, credits: false },
      nism,
      snap,
    );
    expect(plan.renames.map((r) => r.from)).toEqual(['2024']);
    expect(plan.textHeaders!.map((h) => h.cell)).toEqual(['D1']);
  });

  test('a header formula the plan would write over (a blank-looking one, or one mapped to a new name) is refused, not replaced', async () => {
    const wb = new MemoryWorkbook(
      {
        Log: [
          ['Date', '', 'Hours'],
          [45740, 'x', 2],
        ],
      },
      { formulaValue: () => '' },
    );
    await wb.apply([{ kind: 'setFormulas', sheet: 'Log', row: 0, col: 1, formulas: [['=A3*2']] }]);
    const snap = await wb.read(all);
    const result = proposeConversion(snap, 'Log');
    if (!result.ok) throw new Error(result.message);
    const plan = conversionPlan(
      result.proposal,
      { mapping: mappingOf(result.proposal, {}), credits: false },
      nism,
      snap,
    );
    expect(plan.ok).toBe(false);
    expect(plan.problems).toContain(
      'Header B1 holds the formula "=A3*2", which would be replaced by "Column2": type a title there instead, or start a new CE log',
    );
    // The same sheet without the formula is named as announced.
    const plain = new MemoryWorkbook({
      Log: [
        ['Date', '', 'Hours'],
        [45740, 'x', 2],
      ],
    });
    const plainSnap = await plain.read(all);
    const again = proposeConversion(plainSnap, 'Log');
    if (!again.ok) throw new Error(again.message);
    const named = conversionPlan(
      again.proposal,
      { mapping: mappingOf(again.proposal, {}), credits: false },
      nism,
      plainSnap,
    );
    expect(named.problems).toEqual([]);
    expect(named.renames.map((r) => [r.cell, r.to])).toEqual([['B1', 'Column2']]);
  });
});

describe('the Proof drop-down also accepts several kinds', () => {
  const value = 'Assignment; Publication';

  test('the core reads the value as two kinds of proof', () => {
    expect(readProof(value)).toEqual(['Assignment', 'Publication']);
  });

  test('the plan keeps the list as a suggestion with an information alert, and Format stays strict', () => {
    const { ops } = newLogPlan({ sheetNames: ['Sheet1'], sheets: {}, names: [] }, nism, { credits: false });
    const lists = ops.filter((o) => o.kind === 'listValidation');
    const proof = lists.find((o) => o.list.includes('Publication'))!;
    expect(proof.list).toEqual([...PROOF_KINDS]);
    expect(proof.alert).toEqual(PROOF_ALERT);
    expect(listAccepts(proof, value)).toBe(true);
    const format = lists.find((o) => o.list.includes('Webinar'))!;
    expect(format.alert).toBeUndefined();
    expect(listAccepts(format, 'Not a format')).toBe(false);
  });

  const isProof = (v: { list: string[] }) => v.list.includes('Publication');

  test('memory: the validation written accepts it', async () => {
    const wb = new MemoryWorkbook({ Sheet1: [] });
    await wb.apply(newLogPlan(await wb.read(all), nism, { credits: true }).ops);
    const proof = wb.validations().find(isProof)!;
    expect(proof.alert).toEqual(PROOF_ALERT);
    expect(listAccepts(proof, value)).toBe(true);
    expect(
      wb
        .validations()
        .filter((v) => !isProof(v))
        .every((v) => v.alert.style === 'stop'),
    ).toBe(true);
  });

  test('office: the validation written (its errorAlert) accepts it, on conversion too', async () => {
    const fake = new FakeExcel({ Log: TRACKER });
    const port = new OfficeWorkbook({ run: fake.run });
    const snap = await port.read(all);
    const result = proposeConversion(snap, 'Log');
    if (!result.ok) throw new Error(result.message);
    const plan = conversionPlan(
      result.proposal,
      { mapping: mappingOf(result.proposal, { Wann: 'date', Stunden: 'hours', 'Beleg?': 'proof' }), credits: false },
      nism,
      snap,
    );
    expect(plan.problems).toEqual([]);
    await port.apply(plan.ops);
    const proof = fake.book.validations().find(isProof)!;
    expect(proof.range.col).toBe(5);
    expect(proof.alert).toEqual(PROOF_ALERT);
    expect(listAccepts(proof, value)).toBe(true);
    expect(
      fake.book
        .validations()
        .filter((v) => !isProof(v))
        .every((v) => v.alert.style === 'stop'),
    ).toBe(true);
  });

  test('xlsx: the data validation saved in the file accepts it (errorStyle information)', async () => {
    const port = XlsxWorkbook.create();
    const { sheet, ops } = newLogPlan(await port.read(all), nism, { credits: false });
    await port.apply(ops);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await port.toBuffer()) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet(sheet)!;
    const header = (ws.getRow(1).values as CellValue[]).slice(1);
    const dv = ws.getCell(2, header.indexOf('Proof') + 1).dataValidation;
    expect(dv.type).toBe('list');
    expect(dv.errorStyle).toBe('information');
    expect(dv.error).toBe(PROOF_ALERT.message);
    expect(
      listAccepts(
        {
          list: [...PROOF_KINDS],
          alert: { style: dv.errorStyle as 'information', title: dv.errorTitle!, message: dv.error! },
        },
        value,
      ),
    ).toBe(true);
    const format = ws.getCell(2, header.indexOf('Format') + 1).dataValidation;
    expect(format.errorStyle ?? 'stop').toBe('stop');
  });
});

/**
 * Issue 15, point 6: a plan the pane offers applies in full, or it is refused before anything is
 * written, naming the cells in the way. Each case runs on the memory adapter and on the Office adapter
 * over the fake Excel host, both of which refuse what Excel refuses (a table over another table or
 * over merged cells).
 */
describe('a conversion cannot stop half-way', () => {
  type Host = { port: WorkbookPort; book: MemoryWorkbook; fake?: FakeExcel };
  const hosts: [string, (init: Record<string, CellValue[][]>) => Host][] = [
    [
      'memory',
      (init) => {
        const book = new MemoryWorkbook(init);
        return { port: book, book };
      },
    ],
    [
      'fake Excel',
      (init) => {
        const fake = new FakeExcel(init);
        return { port: new OfficeWorkbook({ run: fake.run }), book: fake.book, fake };
      },
    ],
  ];
  const LOG: CellValue[][] = [
    ['Wann', 'Stunden', 'Notes'],
    [45740, 2, 'a'],
    [45741, 1, ''],
  ];

  async function plan(host: Host, sheet: string, mapping: Record<number, ColumnKey | undefined>, credits = true) {
    const snap = await host.port.read(CONVERSION_READ);
    const result = proposeConversion(snap, sheet);
    if (!result.ok) throw new Error(result.message);
    return conversionPlan(result.proposal, { mapping, credits }, nism, snap);
  }

  function everything(book: MemoryWorkbook) {
    return Object.fromEntries(book.sheetNames().map((s) => [s, snapshotValues(book, s)]));
  }

  describe.each(hosts)('on %s', (_name, make) => {
    test('a table below the log: the log ends above it, says so, and applies in full; the table is untouched', async () => {
      const host = make({ Tracker: [...LOG, [], ['Item', 'Cost'], ['Paper', 3], ['Ink', 4]] });
      await host.port.apply([
        { kind: 'createTable', sheet: 'Tracker', name: 'Budget', range: { row: 4, col: 0, rows: 3, cols: 2 } },
      ]);
      const before = everything(host.book);
      const p = await plan(host, 'Tracker', { 0: 'date', 1: 'hours', 2: 'notes' });
      expect(p.problems).toEqual([]);
      expect(p.notes).toContain('The log ends at row 3, above your table "Budget" (A5:B7), which stays as it is');
      const applied = await applyConversion(host.port, p, nism);
      const tables = host.book.tables();
      expect(tables.find((t) => t.name === 'Budget')!.range).toEqual({ row: 4, col: 0, rows: 3, cols: 2 });
      expect(tables.find((t) => t.name === applied.table)!.range).toMatchObject({ row: 0, col: 0, rows: 3 });
      const after = everything(host.book).Tracker!;
      for (let r = 3; r < 7; r++) expect(after[r]!.slice(0, 3)).toEqual(before.Tracker![r]!.slice(0, 3));
    });

    test('a table inside the log (more of the log below it): refused before anything is written, naming the table and how to fix it', async () => {
      const host = make({ Tracker: [...LOG, ['Item', 'Cost'], ['Paper', 3], [45750, 1, 'after the table']] });
      await host.port.apply([
        { kind: 'createTable', sheet: 'Tracker', name: 'Budget', range: { row: 3, col: 0, rows: 2, cols: 2 } },
      ]);
      const before = everything(host.book);
      const p = await plan(host, 'Tracker', { 0: 'date', 1: 'hours', 2: 'notes' });
      expect(p.ok).toBe(false);
      expect(p.ops).toEqual([]);
      expect(p.problems).toEqual([
        'Table "Budget" at A4:B5 overlaps the log (A1:C6): move it to another sheet, or start a new CE log',
      ]);
      // Applying anyway (a stale pane) writes nothing either.
      await expect(applyConversion(host.port, p, nism)).rejects.toThrow(ConversionError);
      expect(everything(host.book)).toEqual(before);
      expect(host.book.tables().map((t) => t.name)).toEqual(['Budget']);
    });

    test('a table made inside the log after the plan was reviewed: the check at apply time refuses it, nothing is written', async () => {
      const host = make({ Tracker: [...LOG, ['Item', 'Cost'], ['Paper', 3], [45750, 1, 'after']] });
      const p = await plan(host, 'Tracker', { 0: 'date', 1: 'hours', 2: 'notes' });
      expect(p.ok).toBe(true);
      // The user makes a table while the confirmation is open.
      await host.port.apply([
        { kind: 'createTable', sheet: 'Tracker', name: 'Budget', range: { row: 3, col: 0, rows: 2, cols: 2 } },
      ]);
      const before = everything(host.book);
      const error = await applyConversion(host.port, p, nism).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConversionError);
      expect((error as ConversionError).written).toBe(false);
      expect((error as ConversionError).message).toMatch(
        /^Nothing was changed: Table "Budget" at A4:B5 overlaps the log/,
      );
      expect((error as ConversionError).plan?.problems).toEqual([
        expect.stringMatching(/^Table "Budget" at A4:B5 overlaps the log/),
      ]);
      expect(everything(host.book)).toEqual(before);
      expect(host.book.tables().map((t) => t.name)).toEqual(['Budget']);
      expect(host.book.getValue('Tracker', 0, 0)).toBe('Wann');
    });

    test('a table below the log and to its side only is not part of the log: the log converts', async () => {
      const host = make({ Tracker: [...LOG, [], ['', '', '', 'Item', 'Cost'], ['', '', '', 'Paper', 3]] });
      await host.port.apply([
        { kind: 'createTable', sheet: 'Tracker', name: 'Budget', range: { row: 4, col: 3, rows: 2, cols: 2 } },
      ]);
      const p = await plan(host, 'Tracker', { 0: 'date', 1: 'hours', 2: 'notes' });
      expect(p.problems).toEqual([]);
      const applied = await applyConversion(host.port, p, nism);
      expect(host.book.tables().find((t) => t.name === applied.table)!.range).toMatchObject({
        row: 0,
        col: 0,
        rows: 3,
      });
      expect(host.book.tables().find((t) => t.name === 'Budget')!.range).toEqual({ row: 4, col: 3, rows: 2, cols: 2 });
    });

    test('rows typed below the log after the review are fine: the plan applies in full over them', async () => {
      const host = make({ Tracker: LOG });
      const p = await plan(host, 'Tracker', { 0: 'date', 1: 'hours', 2: 'notes' }, false);
      await host.port.apply([{ kind: 'setValues', sheet: 'Tracker', row: 3, col: 0, values: [[45742, 3, 'new']] }]);
      const applied = await applyConversion(host.port, p, nism);
      expect(host.book.tables()).toEqual([
        expect.objectContaining({ name: applied.table, range: expect.objectContaining({ row: 0, rows: 4 }) }),
      ]);
      expect(host.book.getValue('Tracker', 3, 2)).toBe('new');
    });

    test('a header changed after the review: nothing is written, and the plan made again is returned to review', async () => {
      const host = make({ Tracker: LOG });
      const p = await plan(host, 'Tracker', { 0: 'date', 1: 'hours', 2: 'notes' });
      await host.port.apply([{ kind: 'setValues', sheet: 'Tracker', row: 0, col: 1, values: [['Hours']] }]);
      const before = everything(host.book);
      const error = (await applyConversion(host.port, p, nism).catch((e: unknown) => e)) as ConversionError;
      expect(error.message).toBe(
        'Nothing was changed: "Tracker" changed since you reviewed the changes: review them again.',
      );
      expect(everything(host.book)).toEqual(before);
      expect(host.book.tables()).toEqual([]);
    });

    test('a table beside the header, and a table where the new columns go: each refused by name', async () => {
      const beside = make({
        Tracker: [
          ['Wann', 'Stunden', '', 'Rate', 'EUR'],
          [45740, 2, '', 1, 2],
          [45741, 1, '', 3, 4],
        ],
      });
      await beside.port.apply([
        { kind: 'createTable', sheet: 'Tracker', name: 'Rates', range: { row: 0, col: 3, rows: 3, cols: 2 } },
      ]);
      const p1 = await plan(beside, 'Tracker', { 0: 'date', 1: 'hours' });
      // The table ends the header (the log is A1:B3), but its new columns would run into the table.
      expect(p1.problems).toEqual([
        'Table "Rates" at D1:E3 is where the log\'s new columns go (C1:N3): move it further right or to another sheet, or start a new CE log',
      ]);
      expect(p1.ops).toEqual([]);

      // Further right, clear of the new columns: the log converts and the table is untouched.
      const far = make({
        Tracker: [
          ['Wann', 'Stunden', ...Array<CellValue>(14).fill(''), 'Rate', 'EUR'],
          [45740, 2, ...Array<CellValue>(14).fill(''), 1, 2],
        ],
      });
      await far.port.apply([
        { kind: 'createTable', sheet: 'Tracker', name: 'Rates', range: { row: 0, col: 16, rows: 2, cols: 2 } },
      ]);
      const p3 = await plan(far, 'Tracker', { 0: 'date', 1: 'hours' });
      expect(p3.problems).toEqual([]);
      const applied = await applyConversion(far.port, p3, nism);
      expect(far.book.tables().find((t) => t.name === applied.table)!.range).toEqual({
        row: 0,
        col: 0,
        rows: 2,
        cols: 14,
      });
      expect(far.book.tables().find((t) => t.name === 'Rates')!.range).toEqual({ row: 0, col: 16, rows: 2, cols: 2 });
      expect(snapshotValues(far.book, 'Tracker')[0]!.slice(16)).toEqual(['Rate', 'EUR']);

      const right = make({
        Tracker: [LOG[0]!, [...LOG[1]!, '', '', 'Item', 'Cost'], [...LOG[2]!, '', '', 'Paper', 3]],
      });
      await right.port.apply([
        { kind: 'createTable', sheet: 'Tracker', name: 'Budget', range: { row: 1, col: 5, rows: 2, cols: 2 } },
      ]);
      const before = everything(right.book);
      const p2 = await plan(right, 'Tracker', { 0: 'date', 1: 'hours', 2: 'notes' });
      expect(p2.problems).toEqual([
        expect.stringMatching(
          /^Table "Budget" at F2:G3 is where the log's new columns go \(D1:\w+3\): move it further right or to another sheet, or start a new CE log$/,
        ),
      ]);
      expect(everything(right.book)).toEqual(before);
    });

    test('merged cells inside the log, or where its new columns go, are refused; the host refuses a table over them too', async () => {
      const inside = make({ Tracker: [...LOG, ['Total: 3 hours']] });
      inside.book.merge('Tracker', { row: 3, col: 0, rows: 1, cols: 3 });
      const p1 = await plan(inside, 'Tracker', { 0: 'date', 1: 'hours', 2: 'notes' });
      expect(p1.problems).toEqual([
        'Merged cells A4:C4 are inside the log (A1:C4): unmerge them (Home › Merge & Center), or start a new CE log',
      ]);
      await expect(
        inside.port.apply([
          { kind: 'createTable', sheet: 'Tracker', name: 'T', range: { row: 0, col: 0, rows: 4, cols: 3 } },
        ]),
      ).rejects.toThrow(/merged cells/);
      expect(inside.book.tables()).toEqual([]);

      const right = make({ Tracker: LOG });
      right.book.merge('Tracker', { row: 1, col: 4, rows: 1, cols: 2 });
      const p2 = await plan(right, 'Tracker', { 0: 'date', 1: 'hours', 2: 'notes' });
      expect(p2.problems).toEqual([expect.stringMatching(/^Merged cells E2:F2 are where the log's new columns go/)]);
    });

    test('a protected sheet is refused before anything is written', async () => {
      const host = make({ Tracker: LOG });
      host.book.protectSheet('Tracker');
      const p = await plan(host, 'Tracker', { 0: 'date', 1: 'hours', 2: 'notes' });
      expect(p.problems).toEqual([
        'The sheet "Tracker" is protected: unprotect it (Review › Unprotect Sheet), or start a new CE log',
      ]);
      await expect(
        host.port.apply([{ kind: 'setValues', sheet: 'Tracker', row: 0, col: 0, values: [['Date']] }]),
      ).rejects.toThrow(/protected sheet/);
      expect(host.book.getValue('Tracker', 0, 0)).toBe('Wann');
    });

    test('a blank header next to a "Column3" header is named by the plan, announced, and no other header changes', async () => {
      const host = make({
        Tracker: [
          ['Date', 'Hours', '', 'Column3'],
          [45740, 2, 'x', 'y'],
        ],
      });
      const p = await plan(host, 'Tracker', { 0: 'date', 1: 'hours' }, false);
      expect(p.ok).toBe(true);
      expect(p.renames).toEqual([{ index: 2, from: '', to: 'Column4', cell: 'C1' }]);
      await applyConversion(host.port, p, nism);
      expect(snapshotValues(host.book, 'Tracker')[0]!.slice(0, 4)).toEqual(['Date', 'Hours', 'Column4', 'Column3']);
      expect(host.book.tables()).toHaveLength(1);
    });
  });

  test('Excel refusing part-way anyway (a host that cannot report merged cells): the error says what was written and how to undo it', async () => {
    const fake = new FakeExcel({ Tracker: [...LOG, ['Total: 3 hours']] });
    fake.mergedAreasApi = false;
    fake.book.merge('Tracker', { row: 3, col: 0, rows: 1, cols: 3 });
    const port = new OfficeWorkbook({ run: fake.run });
    const p = await plan({ port, book: fake.book }, 'Tracker', { 0: 'date', 1: 'hours', 2: 'notes' });
    expect(p.ok).toBe(true); // the host did not say the cells are merged
    const error = await applyConversion(port, p, nism).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConversionError);
    const e = error as ConversionError;
    expect(e.written).toBe(true);
    expect(e.undo).toEqual(['type "Wann" back into A1 (now "Date")', 'type "Stunden" back into B1 (now "Hours")']);
    expect(e.message).toMatch(
      /^Excel refused the conversion part-way \(A table can't overlap a range that contains merged cells\)\. Undo it with Excel's Undo \(Ctrl\+Z\)/,
    );
    expect(fake.book.getValue('Tracker', 0, 0)).toBe('Date');
  });
});

test("Excel's address of merged areas is read back as ranges, quoted sheet names and whole rows included", () => {
  expect(areasOf("'My, CE'!A4:C4, 'My, CE'!$E$2:$F$2,Sheet1!3:4")).toEqual([
    { row: 3, col: 0, rows: 1, cols: 3 },
    { row: 1, col: 4, rows: 1, cols: 2 },
    { row: 2, col: 0, rows: 2, cols: 16_384 },
  ]);
});
