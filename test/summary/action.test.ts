/** "Create submission summary" reports the status as the pane and the command line do: with what is open. */
import { runSummaryAction, type SummaryReport } from '../../src/summary/action';
import { MemoryWorkbook } from '../../src/workbook/memory';
import type { CellValue } from '../../src/workbook/port';
import { LOG_HEADERS, day, profileRows, serial } from './fixtures';

/** Four 5-hour activities: the 20 credits are met; `proof` and `provider` decide what is left open. */
function metLog(proof: string, provider: string): CellValue[][] {
  const formats = ['Webinar', 'Conference', 'In-person class', 'Online synchronous course'];
  return [
    LOG_HEADERS,
    ...formats.map((format, i) => [
      serial(`2025-0${i + 4}-01`),
      `Course ${i + 1}`,
      provider,
      format,
      5,
      '',
      'Social Media Strategy',
      '',
      proof,
      '',
      '',
      '',
    ]),
  ];
}

async function report(log: CellValue[][]): Promise<SummaryReport> {
  const wb = new MemoryWorkbook({ 'CE Profile': profileRows(), 'CE Log': log });
  const reports: SummaryReport[] = [];
  const result = await runSummaryAction(
    wb,
    { confirmReplace: () => Promise.resolve(true), report: (r) => reports.push(r), busy: () => undefined },
    { asOf: day('2027-01-10') },
  );
  expect(reports).toEqual([result]);
  return result;
}

test('credits met with checklist items open: the message says how many items are open, not just READY', async () => {
  const r = await report(metLog('', 'HubSpot'));
  expect(r.intent).toBe('success');
  expect(r.message).toMatch(/20 of 20 credits counted\. READY\b.*; 2 items open$/);
});

test('nothing open: the message ends with the plain status line', async () => {
  const r = await report(metLog('Certificate', 'NISM'));
  expect(r.message).toMatch(/20 of 20 credits counted\. READY\b/);
  expect(r.message).not.toMatch(/open$/);
});
