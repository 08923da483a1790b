/**
 * Broken structure is named (issue 11, point 4): the pane remembers its log from the last good read,
 * so a lost header, a cleared header row or a log that moved or vanished is one message, not per-row
 * noise or a silent switch; and the pane stays on its log until the user chooses another.
 */
import { dayFromIso } from '../../src/core';
import { MemoryWorkbook } from '../../src/workbook/memory';
import { OfficeWorkbook } from '../../src/workbook/office';
import { PaneController } from '../../src/workbook/session';
import { SAMPLE_AS_OF, SAMPLE_HEADERS, sampleLogValues } from '../../src/preview/sample';
import { FakeExcel } from '../fakes/fake-excel';
import { loadSample, sampleMemory } from '../fakes/sample-workbook';

const asOf = dayFromIso(SAMPLE_AS_OF)!;
const HOURS = SAMPLE_HEADERS.indexOf('Hours'); // column E

async function pane(wb: MemoryWorkbook) {
  const c = new PaneController(wb, { asOf });
  await c.refresh();
  expect(c.getState().evaluation).toBeDefined();
  expect(c.getState().structure).toBeUndefined();
  return c;
}

/** A second CE log, table CELog2 on the sheet "2024 log", made active as a user looking at it would. */
async function addSecondLog(wb: MemoryWorkbook) {
  const values = sampleLogValues().slice(0, 6);
  await wb.apply([
    { kind: 'addSheet', name: '2024 log' },
    { kind: 'setValues', sheet: '2024 log', row: 0, col: 0, values },
    {
      kind: 'createTable',
      sheet: '2024 log',
      name: 'CELog2',
      range: { row: 0, col: 0, rows: values.length, cols: values[0]!.length },
    },
    { kind: 'activate', sheet: '2024 log' },
  ]);
}

describe('a change to the log structure is one message at the top, not per-row noise', () => {
  test('deleting the Hours header names the column instead of 41 row problems; typing it back restores the figures', async () => {
    const wb = await sampleMemory();
    const c = await pane(wb);
    const before = c.getState().evaluation!;
    wb.setCell('CE Log', 0, HOURS, '');
    await c.refresh();
    const s = c.getState();
    expect(s.structure).toMatchObject({
      kind: 'columns',
      blocking: true,
      title: 'The Hours column (E) has no header any more.',
      details: ['Type “Hours” back into E1 (or Undo in Excel), and the pane reads the log again.'],
      canAccept: true,
    });
    // No figures read without the column, so no "Self-study hours is missing" on every row.
    expect(s.evaluation).toBeUndefined();
    expect(s.log).toEqual({ sheet: 'CE Log', table: 'CELog', range: { row: 0, col: 0, rows: 41, cols: 13 } });

    wb.setCell('CE Log', 0, HOURS, 'Hours');
    await c.refresh();
    expect(c.getState().structure).toBeUndefined();
    expect(c.getState().evaluation?.status).toEqual(before.status);
    expect(c.getState().evaluation?.problems).toEqual(before.problems);
  });

  test('a removed column read on purpose: "read the log as it is now" shows the rows with the columns the header names', async () => {
    const wb = await sampleMemory();
    const c = await pane(wb);
    wb.setCell('CE Log', 0, HOURS, '');
    await c.refresh();
    expect(c.getState().evaluation).toBeUndefined();
    await c.acceptStructure();
    const s = c.getState();
    expect(s.structure).toBeUndefined();
    // The rows as the header now says: that is what the message spared the user without asking.
    expect(s.evaluation?.problems.filter((p) => /Self-study hours is missing/.test(p.message)).length).toBeGreaterThan(
      20,
    );
    // Accepted: the new header is the baseline, so the next refresh does not complain again.
    wb.setCell('CE Log', 5, 1, 'Renamed activity');
    await c.refresh();
    expect(c.getState().structure).toBeUndefined();
  });

  test('a header renamed to words the rules do not read, and a column deleted, are each named', async () => {
    const wb = await sampleMemory();
    const c = await pane(wb);
    wb.setCell('CE Log', 0, HOURS, 'Rating');
    wb.setCell('CE Log', 0, 0, '');
    await c.refresh();
    const s = c.getState().structure!;
    expect(s.kind).toBe('columns');
    expect(s.title).toBe('2 columns of your CE log lost their headers, so its rows cannot be read as before.');
    expect(s.details).toEqual([
      'The Date column (A) has no header any more: type “Date” back into A1 (or Undo in Excel), and the pane reads the log again.',
      'The Hours column (E) is now headed “Rating”, which CE Ledger does not read as Hours: type “Hours” back into E1 (or Undo in Excel).',
    ]);
    // Date gone: the table is no CE log as it is, so there is nothing to accept.
    expect(s.canAccept).toBe(false);
  });

  test('clearing the header row says so, and the pane does not switch to another log meanwhile', async () => {
    const wb = await sampleMemory();
    await addSecondLog(wb);
    const c = new PaneController(wb, { asOf });
    await c.chooseLog('CELog');
    expect(c.getState().log?.table).toBe('CELog');
    await wb.apply([{ kind: 'setValues', sheet: 'CE Log', row: 0, col: 0, values: [SAMPLE_HEADERS.map(() => '')] }]);
    await c.refresh();
    const s = c.getState();
    expect(s.structure).toMatchObject({
      kind: 'header-cleared',
      blocking: true,
      title: 'The header row of your CE log (A1:M1 on “CE Log”) was cleared: CE Ledger cannot tell its columns apart.',
      details: [
        'Undo in Excel, or type the headers back into A1:M1 (they were “Date”, “Activity”, “Provider” and 10 more).',
      ],
    });
    expect(s.evaluation).toBeUndefined();
    expect(s.log?.table).toBe('CELog');
  });

  test('opened on a workbook whose CELog header row is empty, the pane says so instead of only offering a new log', async () => {
    const wb = await sampleMemory();
    await wb.apply([{ kind: 'setValues', sheet: 'CE Log', row: 0, col: 0, values: [SAMPLE_HEADERS.map(() => '')] }]);
    const c = new PaneController(wb, { asOf });
    await c.refresh();
    const s = c.getState();
    expect(s.log).toBeUndefined();
    expect(s.structure).toMatchObject({
      kind: 'header-cleared',
      blocking: true,
      title: 'The header row of table CELog on “CE Log” (A1:M1) is empty, so it cannot be read as your CE log.',
    });
    // A header without Date: named by what is missing.
    wb.setCell('CE Log', 0, HOURS, 'Hours');
    await c.refresh();
    expect(c.getState().structure?.title).toBe(
      'The table CELog on “CE Log” has no Date column in its header row (A1:M1), so it cannot be read as your CE log.',
    );
    // Mended: the log is read, and nothing is said.
    wb.setCell('CE Log', 0, 0, 'Date');
    await c.refresh();
    expect(c.getState().structure).toBeUndefined();
    expect(c.getState().evaluation?.rowsRead).toBe(40);
  });

  test('through the Office adapter, where Excel renames a cleared header "Column5", the message is the same', async () => {
    const fake = new FakeExcel({ Sheet1: [] });
    await loadSample(fake.book);
    const c = new PaneController(new OfficeWorkbook({ run: fake.run }), { asOf });
    await c.refresh();
    expect(c.getState().evaluation).toBeDefined();
    fake.userEdit('CE Log', 0, HOURS, 'Column5');
    await c.refresh();
    expect(c.getState().structure?.title).toBe('The Hours column (E) has no header any more.');
    expect(c.getState().evaluation).toBeUndefined();
  });

  test('a log deleted with no other log left is named, not a pane that silently empties', async () => {
    const wb = await sampleMemory();
    const c = await pane(wb);
    await wb.apply([{ kind: 'deleteSheet', name: 'CE Log' }]);
    await c.refresh();
    const s = c.getState();
    expect(s.log).toBeUndefined();
    expect(s.structure).toMatchObject({
      kind: 'gone',
      blocking: true,
      title: 'Your CE log (table CELog on “CE Log”) is no longer in the workbook.',
    });
    expect(s.structure!.details[0]).toContain('The sheet “CE Log” was deleted or renamed');
  });

  test('a log moved to another sheet under its table name is followed, with a note the user can dismiss', async () => {
    const wb = await sampleMemory();
    const c = await pane(wb);
    const before = c.getState().evaluation!;
    const values = sampleLogValues();
    await wb.apply([
      { kind: 'deleteSheet', name: 'CE Log' },
      { kind: 'addSheet', name: 'Archive' },
      { kind: 'setValues', sheet: 'Archive', row: 2, col: 1, values },
      {
        kind: 'createTable',
        sheet: 'Archive',
        name: 'CELog',
        range: { row: 2, col: 1, rows: values.length, cols: values[0]!.length },
      },
    ]);
    await c.refresh();
    const s = c.getState();
    expect(s.log).toEqual({ sheet: 'Archive', table: 'CELog', range: { row: 2, col: 1, rows: 41, cols: 13 } });
    expect(s.structure).toMatchObject({ kind: 'moved', blocking: false });
    expect(s.structure!.title).toBe(
      'Your CE log moved: table CELog now starts at B3 on “Archive” (it was at A1 on “CE Log”). The pane follows it.',
    );
    expect(s.evaluation?.status).toEqual(before.status);
    // The note stays across refreshes until dismissed.
    wb.setCell('Archive', 5, 2, 'Renamed');
    await c.refresh();
    expect(c.getState().structure?.kind).toBe('moved');
    c.dismissNotice();
    expect(c.getState().structure).toBeUndefined();
  });
});

describe('the pane stays on its log until the user chooses another', () => {
  test('another CE log on the active sheet does not take the pane over; the chooser lists both and switches', async () => {
    const wb = await sampleMemory();
    const c = await pane(wb);
    await addSecondLog(wb);
    await c.refresh();
    expect(c.getState().log?.table).toBe('CELog');
    expect(c.getState().structure).toBeUndefined();

    const logs = await c.listLogs();
    expect(logs.map((l) => [l.sheet, l.table, l.range.rows - 1])).toEqual([
      ['CE Log', 'CELog', 40],
      ['2024 log', 'CELog2', 5],
    ]);
    expect(c.getState().logs).toEqual(logs);

    await c.chooseLog('CELog2');
    expect(c.getState().log?.table).toBe('CELog2');
    expect(c.getState().evaluation?.rowsRead).toBe(5);
    // And back: the first log is never lost.
    await c.chooseLog('CELog');
    expect(c.getState().log?.table).toBe('CELog');
    expect(c.getState().evaluation?.rowsRead).toBe(40);
    expect(c.getState().structure).toBeUndefined();
  });

  test('the log deleted while another exists: the pane says which one it shows now', async () => {
    const wb = await sampleMemory();
    const c = await pane(wb);
    await addSecondLog(wb);
    await wb.apply([{ kind: 'deleteSheet', name: 'CE Log' }]);
    await c.refresh();
    const s = c.getState();
    expect(s.log?.table).toBe('CELog2');
    expect(s.structure).toMatchObject({
      kind: 'switched',
      blocking: false,
      title:
        'Your CE log (table CELog on “CE Log”) is no longer in the workbook; the pane now shows table CELog2 on “2024 log”.',
    });
    expect(s.evaluation?.rowsRead).toBe(5);
  });
});
