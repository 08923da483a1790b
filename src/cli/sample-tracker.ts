/**
 * The sample tracker in assets/sample-tracker.xlsx: the preview's NISM log (src/preview/sample.ts) as a
 * real workbook: a CE Profile sheet and the log as a table with dates formatted and a Format list.
 * `npm run make:sample` writes it; a test checks the committed file still matches the sample rows.
 */
import { checkProfile, findProgram } from '../core';
import {
  SAMPLE_CERTIFICANT_NO,
  SAMPLE_CYCLE_START,
  SAMPLE_LOG_SHEET,
  SAMPLE_LOG_TABLE,
  SAMPLE_NAME,
  SAMPLE_PROGRAM,
  sampleLogValues,
} from '../preview/sample';
import type { WorkbookOp } from '../workbook/port';
import { profileOps } from '../workbook/profile-sheet';
import { XlsxWorkbook } from '../workbook/xlsx';

export async function buildSampleTracker(): Promise<XlsxWorkbook> {
  const port = XlsxWorkbook.create('Sheet1');
  // Fixed document dates, so regenerating changes the file only when the sample changes.
  port.workbook.created = new Date(Date.UTC(2026, 0, 1));
  port.workbook.modified = new Date(Date.UTC(2026, 0, 1));
  port.workbook.creator = 'CE Ledger';
  const checked = checkProfile({
    program: SAMPLE_PROGRAM,
    cycleStart: SAMPLE_CYCLE_START,
    name: SAMPLE_NAME,
    certificantNumber: SAMPLE_CERTIFICANT_NO,
  });
  if (!checked.ok) throw new Error(`sample profile: ${JSON.stringify(checked.problems)}`);
  const program = findProgram(SAMPLE_PROGRAM)!;
  const values = sampleLogValues();
  const headers = values[0]!.map(String);
  const rows = values.length;
  const col = (name: string) => headers.indexOf(name);
  const sheet = SAMPLE_LOG_SHEET;
  const ops: WorkbookOp[] = [
    ...profileOps(checked.profile, await port.read({ sheets: 'all' })),
    { kind: 'addSheet', name: sheet },
    { kind: 'setValues', sheet, row: 0, col: 0, values },
    { kind: 'createTable', sheet, name: SAMPLE_LOG_TABLE, range: { row: 0, col: 0, rows, cols: headers.length } },
    {
      kind: 'setNumberFormat',
      sheet,
      range: { row: 1, col: col('Date'), rows: rows - 1, cols: 1 },
      format: 'yyyy-mm-dd',
    },
    {
      kind: 'listValidation',
      sheet,
      range: { row: 1, col: col('Format'), rows: rows - 1, cols: 1 },
      list: program.formats.map((f) => f.label),
      prompt: 'Choose the kind of activity',
    },
    { kind: 'freezeRows', sheet, rows: 1 },
    ...headers.map((h, c): WorkbookOp => ({
      kind: 'setColumnWidth',
      sheet,
      col: c,
      width: h === 'Activity' || h === 'Notes' ? 260 : h === 'Provider' || h === 'Format' ? 150 : 80,
    })),
    { kind: 'deleteSheet', name: 'Sheet1' },
    { kind: 'activate', sheet },
  ];
  await port.apply(ops);
  return port;
}
