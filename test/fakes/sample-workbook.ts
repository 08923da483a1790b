/** The preview's sample workbook, built the way the preview builds it, for controller and e2e tests. */
import { checkProfile } from '../../src/core';
import { MemoryWorkbook } from '../../src/workbook/memory';
import { profileOps } from '../../src/workbook/profile-sheet';
import type { CellValue, WorkbookPort } from '../../src/workbook/port';
import {
  SAMPLE_CYCLE_START,
  SAMPLE_LOG_SHEET,
  SAMPLE_LOG_TABLE,
  SAMPLE_PROGRAM,
  sampleLogValues,
} from '../../src/preview/sample';

export async function loadSample(
  port: WorkbookPort,
  options: { profile?: boolean; extraRows?: CellValue[][] } = {},
): Promise<void> {
  const values = [...sampleLogValues(), ...(options.extraRows ?? [])];
  await port.apply([
    { kind: 'addSheet', name: SAMPLE_LOG_SHEET },
    { kind: 'setValues', sheet: SAMPLE_LOG_SHEET, row: 0, col: 0, values },
    {
      kind: 'createTable',
      sheet: SAMPLE_LOG_SHEET,
      name: SAMPLE_LOG_TABLE,
      range: { row: 0, col: 0, rows: values.length, cols: values[0]!.length },
    },
  ]);
  if (options.profile !== false) {
    const checked = checkProfile({ program: SAMPLE_PROGRAM, cycleStart: SAMPLE_CYCLE_START });
    if (!checked.ok) throw new Error('sample profile is invalid');
    await port.apply(profileOps(checked.profile, await port.read({ sheets: 'all' })));
  }
}

export async function sampleMemory(): Promise<MemoryWorkbook> {
  const wb = new MemoryWorkbook({ Sheet1: [] });
  await loadSample(wb);
  return wb;
}
