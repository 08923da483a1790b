/** Builds the preview's in-memory workbook from the sample data. */
import { checkProfile, dayFromIso, serialFromDay } from '../core';
import { MemoryWorkbook } from '../workbook/memory';
import { profileOps } from '../workbook/profile-sheet';
import type { CellValue } from '../workbook/port';
import {
  SAMPLE_CERTIFICANT_NO,
  SAMPLE_CYCLE_START,
  SAMPLE_LOG_SHEET,
  SAMPLE_LOG_TABLE,
  SAMPLE_NAME,
  SAMPLE_OLD_TRACKER_SHEET,
  SAMPLE_PROGRAM,
  MAX_GENERATED_ROWS,
  SAMPLE_ROWS,
  sampleLogValues,
  sampleOldTrackerValues,
} from './sample';

export const DATE_FORMAT = 'yyyy-mm-dd';

/** The sample workbook; `logRows` replaces the sample log with a generated one of that many rows. */
export async function sampleWorkbook(logRows?: number): Promise<MemoryWorkbook> {
  const log = sampleLogValues(logRows);
  const old = sampleOldTrackerValues();
  const wb = new MemoryWorkbook({ [SAMPLE_LOG_SHEET]: log, [SAMPLE_OLD_TRACKER_SHEET]: old });
  await wb.apply([
    {
      kind: 'createTable',
      sheet: SAMPLE_LOG_SHEET,
      name: SAMPLE_LOG_TABLE,
      range: { row: 0, col: 0, rows: log.length, cols: log[0]!.length },
    },
    {
      kind: 'setNumberFormat',
      sheet: SAMPLE_LOG_SHEET,
      range: { row: 1, col: 0, rows: log.length - 1, cols: 1 },
      format: DATE_FORMAT,
    },
    {
      kind: 'setNumberFormat',
      sheet: SAMPLE_OLD_TRACKER_SHEET,
      range: { row: 3, col: 0, rows: old.length - 3, cols: 1 },
      format: DATE_FORMAT,
    },
  ]);
  const profile = checkProfile({
    program: SAMPLE_PROGRAM,
    cycleStart: SAMPLE_CYCLE_START,
    name: SAMPLE_NAME,
    certificantNumber: SAMPLE_CERTIFICANT_NO,
  });
  if (!profile.ok) throw new Error('The sample profile is invalid');
  await wb.apply(profileOps(profile.profile, await wb.read({ sheets: 'all' })));
  await wb.apply([{ kind: 'activate', sheet: SAMPLE_LOG_SHEET }]);
  return wb;
}

/** What typing `text` into a cell stores, as Excel reads typed input. */
export function parseInput(text: string): { value: CellValue; date: boolean } {
  const t = text.trim();
  if (t === '') return { value: '', date: false };
  if (t.startsWith('=')) return { value: t, date: false };
  if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(t)) return { value: Number(t), date: false };
  if (/^(true|false)$/i.test(t)) return { value: t.toUpperCase() === 'TRUE', date: false };
  if (/^\d{4}-\d{1,2}-\d{1,2}$/.test(t)) {
    const day = dayFromIso(t);
    if (day !== undefined) return { value: serialFromDay(day), date: true };
  }
  return { value: text, date: false };
}

/**
 * `?rows=`: absent means the hand-written sample; a whole number is kept within 1 to
 * MAX_GENERATED_ROWS; anything else falls back to the sample. `notice` says what was done instead.
 */
export function logRowsParam(text: string | null): { rows?: number; notice?: string } {
  if (text === null) return {};
  const limits = `a whole number from 1 to ${MAX_GENERATED_ROWS.toLocaleString('en-US')}`;
  if (!/^\s*\d+\s*$/.test(text))
    return { notice: `?rows= must be ${limits}; “${text}” is not, so this is the ${SAMPLE_ROWS.length}-row sample.` };
  const asked = Number(text);
  const rows = Math.min(Math.max(asked, 1), MAX_GENERATED_ROWS);
  if (rows !== asked)
    return {
      rows,
      notice: `?rows= must be ${limits}; showing ${rows.toLocaleString('en-US')} ${rows === 1 ? 'row' : 'rows'}.`,
    };
  return { rows };
}
