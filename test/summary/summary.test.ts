import { evaluateLog, findProgram, isoFromDay } from '../../src/core';
import { MemoryWorkbook } from '../../src/workbook/memory';
import { OfficeWorkbook } from '../../src/workbook/office';
import type { WorkbookOp } from '../../src/workbook/port';
import { generateSummary, summaryOps, SUMMARY_MARKER } from '../../src/summary';
import { MAX_ROW_HEIGHT } from '../../src/summary/summary-sheet';
import ExcelJS from 'exceljs';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { FakeExcel } from '../fakes/fake-excel';
import { AS_OF, CYCLE_START, day, LOG_HEADERS, nismLog, profileRows, serial } from './fixtures';

function workbook(extra: Record<string, (string | number | boolean | null)[][]> = {}): MemoryWorkbook {
  return new MemoryWorkbook({ 'CE Profile': profileRows(), 'CE Log': nismLog(), ...extra });
}

function evaluation() {
  const result = evaluateLog(findProgram('NISM-SMS')!, nismLog(), { cycleStart: day(CYCLE_START), asOf: day(AS_OF) });
  if (!result.ok) throw new Error(result.message);
  return result.evaluation;
}

describe('the summary sheet', () => {
  test('every entry is listed with the credits and state the Evaluation gives', async () => {
    const wb = workbook();
    const result = await generateSummary(wb, { asOf: day(AS_OF) });
    if (!result.ok) throw new Error(result.message);
    const ev = result.evaluation;
    expect(result.sheet).toBe('CE Summary');
    expect(result.entriesSheet).toBe('CE Entries');
    const { first, columns } = result.layout.entries;
    // Every row the pane and the command line list, in the same order: entries, the invalid row, skipped ones.
    expect(result.layout.entries.count).toBe(ev.rows.length);
    const col = (name: string) => columns.indexOf(name);
    ev.rows.forEach((f, i) => {
      const r = first + i;
      expect(wb.getValue('CE Entries', r, col('Log row'))).toBe(f.row);
      expect(wb.getValue('CE Entries', r, col('Activity'))).toBe(f.activity);
      const e = f.entry === undefined ? undefined : ev.entries[f.entry]!;
      if (!e) {
        expect(wb.getValue('CE Entries', r, col('Fate'))).toBe(f.fate === 'skipped' ? 'Skipped' : 'Not counted');
        expect(wb.getValue('CE Entries', r, col('Reasons and flags'))).toBe(f.reasons.join('; '));
        return;
      }
      expect(wb.getValue('CE Entries', r, col('Date'))).toBe(serial(isoFromDay(e.entry.date)));
      expect(wb.getValue('CE Entries', r, col('Credits claimed'))).toBe(e.claimed);
      expect(wb.getValue('CE Entries', r, col('Credits counted'))).toBe(e.counted);
    });
    const at = (activity: string) => first + ev.rows.findIndex((f) => f.activity === activity);
    // The row with a bad value is listed with its fate and why.
    expect(wb.getValue('CE Entries', at('Broken hours'), col('Fate'))).toBe('Not counted');
    expect(String(wb.getValue('CE Entries', at('Broken hours'), col('Reasons and flags')))).toBe(
      ev.problems[0]!.message,
    );
    // The capped blended course says why it counts less; the not-pre-approved conference is flagged.
    expect(String(wb.getValue('CE Entries', at('Blended campaign course'), col('Reasons and flags')))).toMatch(
      /Capped at 5/,
    );
    expect(String(wb.getValue('CE Entries', at('Social Media Week'), col('Reasons and flags')))).toMatch(
      /At risk: Not pre-approved/,
    );
    expect(String(wb.getValue('CE Entries', at('Quiz below 70'), col('Proof')))).toMatch(/^Insufficient/);
    // The status line and the row problem are on the sheet.
    const all = await wb.read({ sheets: ['CE Summary'] });
    const text = all.sheets['CE Summary']!.values.flat();
    expect(text).toContain(ev.status.line);
    expect(text.some((t) => typeof t === 'string' && t.endsWith(ev.problems[0]!.message))).toBe(true);
    expect(text).toContain('=1+1 Jo & Co');
  });

  test('user text is written as values, totals as native formulas over the entry rows', () => {
    const ev = evaluation();
    const plan = summaryOps(ev, { name: '=1+1' }, { sheetNames: ['CE Log'], sheets: {}, names: [] });
    const valueTexts = plan.ops
      .filter((o): o is Extract<WorkbookOp, { kind: 'setValues' }> => o.kind === 'setValues')
      .flatMap((o) => o.values.flat());
    expect(valueTexts).toContain('=1+1');
    const formulas = plan.ops
      .filter((o): o is Extract<WorkbookOp, { kind: 'setFormulas' }> => o.kind === 'setFormulas')
      .flatMap((o) => o.formulas.flat());
    expect(formulas.length).toBeGreaterThan(5);
    for (const f of formulas) {
      expect(f).not.toMatch(/CEU\./i);
      expect(f).not.toContain('1+1');
      const functions = [...f.matchAll(/([A-Z]+)\(/g)].map((m) => m[1]);
      for (const fn of functions) expect(['SUM', 'SUMIFS', 'COUNTIFS', 'ROUND', 'MAX']).toContain(fn);
    }
    const { first, count } = plan.layout.entries;
    const countedCol = String.fromCharCode(65 + plan.layout.entries.columns.indexOf('Credits counted'));
    expect(formulas).toContain(
      `=ROUND(SUM('CE Entries'!$${countedCol}$${first + 1}:$${countedCol}$${first + count}),2)`,
    );
  });

  test('regenerating replaces only the marked sheet; a user sheet named "CE Summary" is never touched', async () => {
    const wb = workbook({ 'CE Summary': [['My own notes', 42]] });
    const first = await generateSummary(wb, { asOf: day(AS_OF) });
    if (!first.ok) throw new Error(first.message);
    expect(first.sheet).toBe('CE Summary (2)');
    expect(first.keptUserSheet).toBe('CE Summary');
    expect(wb.names().find((n) => n.name === SUMMARY_MARKER)?.sheet).toBe('CE Summary (2)');
    // The user renames nothing, edits the log, regenerates: still one summary of ours, same place.
    await wb.apply([{ kind: 'setValues', sheet: 'CE Log', row: 2, col: 4, values: [[1]] }]);
    const second = await generateSummary(wb, { asOf: day(AS_OF) });
    if (!second.ok) throw new Error(second.message);
    expect(second.sheet).toBe('CE Summary (2)');
    expect(wb.sheetNames().filter((s) => s.startsWith('CE Summary'))).toEqual(['CE Summary', 'CE Summary (2)']);
    expect((await wb.read({ sheets: ['CE Summary'] })).sheets['CE Summary']!.values).toEqual([['My own notes', 42]]);
    // The summary itself is never mistaken for the log.
    expect(second.logSheet).toBe('CE Log');
  });

  test("a sheet named like ours but without the marker is the user's: ours goes beside it", async () => {
    const wb = workbook({
      'CE Summary': [
        ['Date', 'Hours'],
        [serial('2025-05-01'), 3],
      ],
    });
    const snap = await wb.read({ sheets: 'all' });
    const plan = summaryOps(evaluation(), {}, snap);
    expect(plan.sheet).toBe('CE Summary (2)');
    expect(plan.ops.some((o) => o.kind === 'deleteSheet')).toBe(false);
    expect(plan.ops.filter((o) => 'sheet' in o && o.sheet === 'CE Summary')).toEqual([]);
    // With the marker on "CE Summary (2)", a third sheet is not made: ours is replaced in place.
    await wb.apply(plan.ops);
    const again = summaryOps(evaluation(), {}, await wb.read({ sheets: 'all' }));
    expect(again.sheet).toBe('CE Summary (2)');
    expect(again.ops.filter((o) => o.kind === 'deleteSheet')).toEqual([
      { kind: 'deleteSheet', name: 'CE Summary (2)' },
      { kind: 'deleteSheet', name: 'CE Entries' },
    ]);
  });

  test('a log in a table: only the log sheet and the profile sheet are read, and one apply', async () => {
    const log = nismLog();
    const wb = workbook({ Notes: [['a large sheet of other things', 1]] });
    await wb.apply([
      {
        kind: 'createTable',
        sheet: 'CE Log',
        name: 'Log',
        range: { row: 0, col: 0, rows: log.length, cols: log[0]!.length },
      },
    ]);
    const asked: (string[] | 'all' | undefined)[] = [];
    const read = wb.read.bind(wb);
    wb.read = (query) => {
      asked.push(query.sheets);
      return read(query);
    };
    const result = await generateSummary(wb, { asOf: day(AS_OF) });
    expect(result.ok).toBe(true);
    expect(asked).not.toContain('all');
    expect(new Set(asked.flat())).toEqual(new Set(['CE Log', 'CE Profile']));
    expect(wb.calls.apply).toBe(2);
  });

  test('a log that is no table is still found (every sheet is read)', async () => {
    const wb = workbook();
    const result = await generateSummary(wb, { asOf: day(AS_OF) });
    expect(result).toMatchObject({ ok: true, logSheet: 'CE Log' });
    expect(wb.calls.apply).toBe(1);
  });

  test('proof links: hyperlinks only for web addresses; a relative path stays text', async () => {
    const wb = workbook();
    const result = await generateSummary(wb, { asOf: day(AS_OF) });
    if (!result.ok) throw new Error(result.message);
    const snap = await wb.read({ sheets: ['CE Entries'] });
    const values = snap.sheets['CE Entries']!.values;
    const col = result.layout.entries.columns.indexOf('Proof link');
    const find = (text: string) => {
      const r = values.findIndex((row) => row[col] === text);
      return { row: r, link: wb.hyperlink('CE Entries', r, col) };
    };
    expect(find('https://example.com/cert-1.pdf').link).toBe('https://example.com/cert-1.pdf');
    // A file path used to become a hyperlink; now it is shown, as text only.
    const relative = find('proof/compliance.pdf');
    expect(relative.row).toBeGreaterThan(0);
    expect(relative.link).toBeUndefined();
    const hostile = find('javascript:alert(1)');
    expect(hostile.row).toBeGreaterThan(0);
    expect(hostile.link).toBeUndefined();
  });

  test('print-ready: summary portrait, entries landscape, one page wide, the entries header repeated, header, footer, print area', async () => {
    const wb = workbook();
    const result = await generateSummary(wb, { asOf: day(AS_OF) });
    if (!result.ok) throw new Error(result.message);
    const summary = wb.pageSetup('CE Summary')!;
    expect(summary).toMatchObject({ landscape: false, fitToPagesWide: 1 });
    expect(summary.header).toContain('=1+1 Jo && Co');
    expect(summary.footer).toContain('&P');
    expect(summary.printArea).toMatchObject({ row: 0, col: 0, cols: 5 });
    const entries = wb.pageSetup('CE Entries')!;
    expect(entries).toMatchObject({ landscape: true, fitToPagesWide: 1 });
    expect(entries.printTitleRows).toEqual({ first: result.layout.entries.header, last: result.layout.entries.header });
    expect(entries.printArea).toEqual({
      row: 0,
      col: 0,
      rows: result.layout.entries.total + 1,
      cols: result.layout.entries.columns.length,
    });
    expect(entries.footer).toBe('&A, page &P');
    // Each sheet's columns fit a printed page's width (Letter or A4, default margins) at full size.
    const width = (sheet: string, cols: number) =>
      Array.from({ length: cols }, (_, c) => wb.columnWidth(sheet, c) ?? 0).reduce((s, w) => s + w, 0);
    expect(width('CE Summary', 5)).toBeLessThanOrEqual(480);
    expect(width('CE Entries', result.layout.entries.columns.length)).toBeLessThanOrEqual(680);
    // A row with wrapped text grows with it: the capped blended course's reasons take several lines.
    const blended = result.evaluation.entries.findIndex((e) => e.entry.activity === 'Blended campaign course');
    expect(wb.rowHeight('CE Entries', result.layout.entries.first + blended)).toBeGreaterThan(2 * 9 * 1.2);
  });

  test('a chart of counted credits by format where the host draws charts, none where it cannot', async () => {
    const wb = workbook();
    const result = await generateSummary(wb, { asOf: day(AS_OF) });
    if (!result.ok) throw new Error(result.message);
    const charts = wb.charts('CE Summary');
    expect(charts).toHaveLength(1);
    expect(charts[0]!.data).toEqual({
      row: result.layout.categories.first,
      col: 0,
      rows: result.evaluation.categories.length,
      cols: 2,
    });
    const plan = summaryOps(result.evaluation, {}, { sheetNames: [], sheets: {}, names: [] }, { charts: false });
    expect(plan.ops.some((o) => o.kind === 'chart')).toBe(false);
  });

  test('a minimum gets its own column and formula (NAMSS approved credits)', async () => {
    const rows = [
      ['Date', 'Activity', 'Format', 'Hours', 'Approved', 'Proof', 'Location'],
      [serial('2024-03-01'), 'A', 'Webinar', 10, 'yes', 'Certificate', 'Austin, TX'],
      [serial('2024-04-01'), 'B', 'Webinar', 25, 'no', 'Certificate', 'Austin, TX'],
    ];
    const wb = new MemoryWorkbook({ Log: rows });
    const result = await generateSummary(wb, {
      program: 'NAMSS-CPCS',
      cycleStart: day('2024-01-15'),
      asOf: day('2025-06-01'),
    });
    if (!result.ok) throw new Error(result.message);
    expect(result.evaluation.minimums[0]!.counted).toBe(10);
    const minRow = result.layout.totals.minimums[0]!.row;
    const formula = wb.getFormula('CE Summary', minRow, 2)!;
    expect(formula).toContain("'CE Entries'!");
    const colIndex = result.layout.entries.columns.indexOf('NAMSS-approved credits counted');
    expect(colIndex).toBeGreaterThan(0);
    expect(formula).toContain(String.fromCharCode(65 + colIndex));
    const { first } = result.layout.entries;
    expect([wb.getValue('CE Entries', first, colIndex), wb.getValue('CE Entries', first + 1, colIndex)]).toEqual([
      10, 0,
    ]);
  });

  test('unusable workbooks give a reason, not an exception', async () => {
    const noLog = new MemoryWorkbook({ Notes: [['hello']] });
    expect(await generateSummary(noLog, { program: 'NISM-SMS', cycleStart: day(CYCLE_START) })).toMatchObject({
      ok: false,
      reason: 'no-log',
    });
    const noProgram = new MemoryWorkbook({ Log: [LOG_HEADERS] });
    expect(await generateSummary(noProgram, {})).toMatchObject({ ok: false, reason: 'no-program' });
    expect(await generateSummary(noProgram, { program: 'NOPE', cycleStart: 1 })).toMatchObject({
      ok: false,
      reason: 'unknown-program',
    });
    expect(noLog.sheetNames()).toEqual(['Notes']);
  });
});

describe('the summary through the Office adapter (fake Excel host)', () => {
  test('writes the sheet, the marker, the chart and the page layout', async () => {
    const fake = new FakeExcel({ 'CE Profile': profileRows(), 'CE Log': nismLog() });
    const port = new OfficeWorkbook({ run: fake.run });
    const result = await generateSummary(port, { asOf: day(AS_OF) });
    if (!result.ok) throw new Error(result.message);
    expect(fake.book.sheetNames()).toContain('CE Summary');
    expect(fake.book.names().find((n) => n.name === SUMMARY_MARKER)?.sheet).toBe('CE Summary');
    const { first, columns } = result.layout.entries;
    // "=1+1" as an activity title reaches Excel as text, not as a formula.
    const titleRow = result.evaluation.entries.findIndex((e) => e.entry.activity === '=1+1');
    expect(fake.book.getFormula('CE Entries', first + titleRow, columns.indexOf('Activity'))).toBeUndefined();
    expect(fake.book.getValue('CE Entries', first + titleRow, columns.indexOf('Activity'))).toBe('=1+1');
    expect(fake.book.getFormula('CE Summary', result.layout.totals.all, 2)).toMatch(/^=ROUND\(SUM\(/);
    expect(fake.charts.some((c) => c.sheet === 'CE Summary')).toBe(true);
    // Regenerating through Excel replaces our sheet and keeps a single one.
    const again = await generateSummary(port, { asOf: day(AS_OF) });
    expect(again.ok).toBe(true);
    expect(fake.book.sheetNames().filter((s) => s.startsWith('CE Summary') || s.startsWith('CE Entries'))).toEqual([
      'CE Summary',
      'CE Entries',
    ]);
  });
});

describe('wrapped text starts at the top of its row, on every host', () => {
  // A reason or proof that wraps to several lines makes its row tall: the one-line cells beside it
  // must line up with its first line, not sit at the bottom (Excel's default).
  const activity = (result: { layout: { entries: { columns: string[] } } }) =>
    result.layout.entries.columns.indexOf('Activity');

  test('Excel (fake host): entry cells and the summary body are aligned to the top', async () => {
    const fake = new FakeExcel({ 'CE Profile': profileRows(), 'CE Log': nismLog() });
    const result = await generateSummary(new OfficeWorkbook({ run: fake.run }), { asOf: day(AS_OF) });
    if (!result.ok) throw new Error(result.message);
    const { first, count } = result.layout.entries;
    for (let r = first; r < first + count; r++)
      expect(fake.book.style('CE Entries', r, activity(result)).verticalAlignment).toBe('top');
    expect(fake.book.style('CE Summary', result.layout.totals.all, 0).verticalAlignment).toBe('top');
    // The title above the entries is not body text.
    expect(fake.book.style('CE Entries', 0, 0).verticalAlignment).toBeUndefined();
  });

  test('.xlsx: the cells carry vertical="top" (what Excel, LibreOffice and exceljs read)', async () => {
    const port = XlsxWorkbook.create('Scratch');
    await port.apply([
      { kind: 'addSheet', name: 'CE Profile' },
      { kind: 'setValues', sheet: 'CE Profile', row: 0, col: 0, values: profileRows() },
      { kind: 'addSheet', name: 'CE Log' },
      { kind: 'setValues', sheet: 'CE Log', row: 0, col: 0, values: nismLog() },
    ]);
    const result = await generateSummary(port, { asOf: day(AS_OF) });
    if (!result.ok) throw new Error(result.message);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await port.toBuffer()) as unknown as ExcelJS.Buffer);
    const { first } = result.layout.entries;
    expect(wb.getWorksheet('CE Entries')!.getCell(first + 1, activity(result) + 1).alignment).toMatchObject({
      vertical: 'top',
      wrapText: true,
    });
    expect(wb.getWorksheet('CE Summary')!.getCell(result.layout.totals.all + 1, 1).alignment?.vertical).toBe('top');
  });
});

describe('an entry row never splits across printed pages', () => {
  test("text taller than Excel's tallest row keeps the row at 409 pt (less than a page), whole in its cell", async () => {
    const log = nismLog();
    const long = `Conference ${'with a very long description of every session attended '.repeat(120)}`.trim();
    log[2]![1] = long;
    const fake = new FakeExcel({ 'CE Profile': profileRows(), 'CE Log': log });
    // The fake host refuses a row height over 409 points, as Excel does.
    const result = await generateSummary(new OfficeWorkbook({ run: fake.run }), { asOf: day(AS_OF) });
    if (!result.ok) throw new Error(result.message);
    const { first, columns } = result.layout.entries;
    const row = first + result.evaluation.entries.findIndex((e) => e.entry.activity === long);
    expect(fake.book.getValue('CE Entries', row, columns.indexOf('Activity'))).toBe(long);
    expect(fake.book.rowHeight('CE Entries', row)).toBe(MAX_ROW_HEIGHT);
    // A landscape A4 page (the shorter of A4 and Letter) less its 0.75 in margins and the repeated
    // header row holds the tallest row.
    const header = fake.book.rowHeight('CE Entries', result.layout.entries.header) ?? 15;
    expect(MAX_ROW_HEIGHT + header).toBeLessThanOrEqual(595 - 2 * 54);
  });
});

describe('generating reads every sheet but its own old summary', () => {
  test('a log sheet asked for by name that is our summary gets a clear message; a user sheet named like ours is still read', async () => {
    const wb = workbook({ 'CE Summary': [['My own notes', 42]] });
    const first = await generateSummary(wb, { asOf: day(AS_OF) });
    if (!first.ok) throw new Error(first.message);
    const again = await generateSummary(wb, { asOf: day(AS_OF), sheet: first.sheet });
    expect(again).toMatchObject({ ok: false, reason: 'no-log' });
    expect(again.ok ? '' : again.message).toMatch(/is the summary CE Ledger made/);
    const user = await generateSummary(wb, { asOf: day(AS_OF), sheet: 'CE Summary' });
    expect(user).toMatchObject({ ok: false, reason: 'no-log' });
    expect(user.ok ? '' : user.message).toMatch(/has no CE log/);
    expect(wb.getValue('CE Summary', 0, 0)).toBe('My own notes');
  });
});
