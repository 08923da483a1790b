/**
 * Workbooks in the 1904 date system: Excel (the fake host) holds their date cells 1462 days below the
 * 1900 system's. The Office adapter reads them as the dates they show and writes dates back as the
 * workbook counts them, so the pane's figures, its profile, conversion and summary are those of the same
 * workbook in the 1900 system; a file written by the command line shows its dates right too.
 */
import ExcelJS from 'exceljs';
import { dayFromIso, serialFromDay } from '../../src/core';
import { generateSummary } from '../../src/summary/generate';
import { DAYS_1900_TO_1904, isDateFormat, writeAs1904 } from '../../src/workbook/date-system';
import type { CellValue, WorkbookSnapshot } from '../../src/workbook/port';
import { OfficeWorkbook } from '../../src/workbook/office';
import { PaneController } from '../../src/workbook/session';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { FakeExcel } from '../fakes/fake-excel';
import { loadSample } from '../fakes/sample-workbook';

const asOf = dayFromIso('2026-11-23')!;

test('a number format is a date when it shows a day, a year or a month without a time', () => {
  for (const f of ['yyyy-mm-dd', 'm/d/yyyy', 'd-mmm-yy', 'mmm yyyy', 'mmmm', '[$-409]mmmm d, yyyy', 'dd/mm/yyyy hh:mm'])
    expect([f, isDateFormat(f)]).toEqual([f, true]);
  for (const f of ['General', '0.00', 'h:mm', '[h]:mm', 'mm:ss', '#,##0 "CECs"', '@', '0.0 "days"', '[Red]0.00'])
    expect([f, isDateFormat(f)]).toEqual([f, false]);
});

test('a write batch shifts the numbers under its date formats only', () => {
  const ops = writeAs1904([
    { kind: 'setValues', sheet: 'S', row: 0, col: 0, values: [[45_000, 2, 'x']] },
    { kind: 'setNumberFormat', sheet: 's', range: { row: 0, col: 0, rows: 1, cols: 1 }, format: 'yyyy-mm-dd' },
    { kind: 'setNumberFormat', sheet: 'S', range: { row: 0, col: 1, rows: 1, cols: 1 }, format: '0.00' },
  ]);
  expect(ops[0]).toEqual({ kind: 'setValues', sheet: 'S', row: 0, col: 0, values: [[45_000 - 1462, 2, 'x']] });
  const none = [{ kind: 'setValues' as const, sheet: 'S', row: 0, col: 0, values: [[45_000]] }];
  expect(writeAs1904(none)).toBe(none);
});

/** The preview's sample, its log's Date column formatted as dates (as Excel formats a typed date). */
async function sampleHost() {
  const fake = new FakeExcel({ Sheet1: [] });
  const port = new OfficeWorkbook({ run: fake.run });
  await loadSample(port);
  const rows = (await port.read({ sheets: ['CE Log'] })).sheets['CE Log']!.values.length;
  await port.apply([
    {
      kind: 'setNumberFormat',
      sheet: 'CE Log',
      range: { row: 1, col: 0, rows: rows - 1, cols: 1 },
      format: 'm/d/yyyy',
    },
    {
      kind: 'setValues',
      sheet: 'Sheet1',
      row: 0,
      col: 0,
      values: [
        ['Done', 'Course title', 'Time spent'],
        ['3/14/2025', 'Strategy day', 2],
      ],
    },
  ]);
  return { fake, port };
}

/** The same workbook saved in the 1904 system: each date cell holds its serial 1462 days lower. */
async function as1904(fake: FakeExcel): Promise<number> {
  const all = await fake.book.read({ sheets: 'all' });
  let dates = 0;
  for (const sheet of Object.values(all.sheets))
    sheet.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const format = fake.book.numberFormat(sheet.name, sheet.row + r, sheet.col + c);
        if (typeof v !== 'number' || format === undefined || !isDateFormat(format)) return;
        fake.book.applyNow([
          { kind: 'setValues', sheet: sheet.name, row: sheet.row + r, col: sheet.col + c, values: [[v - 1462]] },
        ]);
        dates++;
      }),
    );
  fake.date1904 = true;
  return dates;
}

/** Every date cell of `sheet` in the fake's own storage, with its raw serial. */
async function rawDates(fake: FakeExcel, sheetName: string): Promise<Map<string, CellValue>> {
  const snap = await fake.book.read({ sheets: [sheetName] });
  const sheet = snap.sheets[sheetName]!;
  const out = new Map<string, CellValue>();
  sheet.values.forEach((row, r) =>
    row.forEach((v, c) => {
      const format = fake.book.numberFormat(sheetName, sheet.row + r, sheet.col + c);
      if (typeof v === 'number' && format !== undefined && isDateFormat(format)) out.set(`${r},${c}`, v);
    }),
  );
  return out;
}

const valuesOf = (s: WorkbookSnapshot) => Object.fromEntries(Object.entries(s.sheets).map(([k, v]) => [k, v.values]));

test('the Office adapter reads a 1904 workbook as the dates it shows, with no sync of its own', async () => {
  const plain = await sampleHost();
  const old = await sampleHost();
  expect(await as1904(old.fake)).toBeGreaterThan(5);
  const query = { sheets: ['CE Log', 'CE Profile'] };
  const raw = await old.fake.book.read(query);
  expect(valuesOf(raw)).not.toEqual(valuesOf(await plain.fake.book.read(query)));

  const before = old.fake.syncs;
  const read = await old.port.read(query);
  expect(read.date1904).toBe(true);
  expect(valuesOf(read)).toEqual(valuesOf(await plain.port.read(query)));
  // One sync for the used ranges, one for the values (and their formats): as in a 1900 workbook.
  expect(old.fake.syncs - before).toBe(2);
});

test('the pane gives a 1904 workbook the figures of the same workbook in the 1900 system', async () => {
  const plain = await sampleHost();
  const old = await sampleHost();
  await as1904(old.fake);
  const a = new PaneController(plain.port, { asOf });
  const b = new PaneController(old.port, { asOf });
  await a.start();
  await b.start();
  expect(b.getState().logError).toBeUndefined();
  const ea = a.getState().evaluation!;
  const eb = b.getState().evaluation!;
  expect(eb.status.line).toBe(ea.status.line);
  expect([eb.earned, eb.claimed, eb.rowsRead, eb.problems.length]).toEqual([
    ea.earned,
    ea.claimed,
    ea.rowsRead,
    ea.problems.length,
  ]);
  expect(eb.entries.map((e) => e.entry.date)).toEqual(ea.entries.map((e) => e.entry.date));
  expect(eb.cycle).toEqual(ea.cycle);
});

test('in a 1904 workbook the profile, the conversion and the summary write dates as the workbook counts them', async () => {
  const plain = await sampleHost();
  const old = await sampleHost();
  await as1904(old.fake);
  for (const { port } of [plain, old]) {
    const c = new PaneController(port, { asOf });
    await c.start();
    expect(await c.saveProfile({ program: 'NISM-SMS', cycleStart: '2025-03-14' })).toEqual({ ok: true });
    const proposed = await c.proposeConversion('Sheet1');
    if (!proposed.ok) throw new Error(proposed.message);
    const mapping = Object.fromEntries(proposed.proposal.columns.map((col) => [col.index, col.key]));
    mapping[0] = 'date';
    mapping[2] = 'hours';
    const plan = await c.planConversion(proposed.proposal, { mapping, credits: false, dateOrder: 'mdy' });
    expect(plan.problems).toEqual([]);
    await c.convert(plan);
    expect(await generateSummary(port, { asOf })).toMatchObject({ ok: true });
  }
  const profile = [...(await rawDates(old.fake, 'CE Profile')).values()];
  expect(profile).toContain(serialFromDay(dayFromIso('2025-03-14')!) - 1462);
  const converted = await rawDates(old.fake, 'Sheet1');
  expect([...converted.values()]).toEqual([serialFromDay(dayFromIso('2025-03-14')!) - 1462]);
  // Every date the summary wrote: 1462 days lower than in the 1900 workbook, and read back the same.
  const want = await rawDates(plain.fake, 'CE Summary');
  const got = await rawDates(old.fake, 'CE Summary');
  expect(want.size).toBeGreaterThan(3);
  expect([...got.keys()]).toEqual([...want.keys()]);
  for (const [k, v] of want) expect([k, got.get(k)]).toEqual([k, (v as number) - 1462]);
  const query = { sheets: ['CE Summary', 'CE Profile', 'Sheet1'] };
  expect(valuesOf(await old.port.read(query))).toEqual(valuesOf(await plain.port.read(query)));
});

test('the command line writes dates into a 1904 file as that file counts them', async () => {
  const book = new ExcelJS.Workbook();
  book.properties.date1904 = true;
  const ws = book.addWorksheet('CE');
  ws.addRow(['Date', 'Activity', 'Hours']);
  ws.addRow([new Date('2024-03-01T00:00:00Z'), 'Webinar', 2]);
  ws.getCell('A2').numFmt = 'yyyy-mm-dd';
  const data = Buffer.from(await book.xlsx.writeBuffer());
  const day = serialFromDay(dayFromIso('2025-02-01')!);
  for (const streamed of [true, false]) {
    const port = streamed ? await XlsxWorkbook.fromBufferStreaming(data) : await XlsxWorkbook.fromBuffer(data);
    const read = await port.read({ sheets: ['CE'] });
    expect(read.sheets.CE!.values[1]![0]).toBe(serialFromDay(dayFromIso('2024-03-01')!));
    await port.apply([
      { kind: 'addSheet', name: 'Out' },
      { kind: 'setValues', sheet: 'Out', row: 0, col: 0, values: [[day, 3]] },
      { kind: 'setNumberFormat', sheet: 'Out', range: { row: 0, col: 0, rows: 1, cols: 1 }, format: 'yyyy-mm-dd' },
    ]);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await port.toBuffer()) as unknown as ExcelJS.Buffer);
    expect(back.properties.date1904).toBe(true);
    expect(back.getWorksheet('Out')!.getCell('A1').value).toEqual(new Date('2025-02-01T00:00:00Z'));
    expect(back.getWorksheet('Out')!.getCell('B1').value).toBe(3);
    expect(back.getWorksheet('CE')!.getCell('A2').value).toEqual(new Date('2024-03-01T00:00:00Z'));
  }
  expect(DAYS_1900_TO_1904).toBe(1462);
});
