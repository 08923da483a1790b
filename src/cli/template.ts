/**
 * `ce-ledger template`: a fresh tracker made right: the CE Profile sheet, an empty CE log table with
 * validation lists, and a few native formulas (entries and hours logged, days to the deadline) that
 * work without the add-in.
 */
import {
  cycleDates,
  MissingDateFactError,
  programForCycle,
  serialFromDay,
  type DayNumber,
  type Program,
  type Profile,
} from '../core';
import { newLogPlan } from '../workbook/log-sheet';
import type { RangeRef, WorkbookOp } from '../workbook/port';
import { PROFILE_SHEET, profileOps } from '../workbook/profile-sheet';
import { XlsxWorkbook } from '../workbook/xlsx';

const one = (row: number, col: number): RangeRef => ({ row, col, rows: 1, cols: 1 });

/** The deadline, or undefined when it depends on a profile fact the new tracker does not hold yet (a birth month). */
function deadlineOf(program: Program, cycleStart: DayNumber): DayNumber | undefined {
  try {
    return cycleDates(programForCycle(program, cycleStart), cycleStart).deadline;
  } catch (e) {
    if (e instanceof MissingDateFactError) return undefined;
    throw e;
  }
}

export async function buildTemplate(program: Program, cycleStart: DayNumber | undefined): Promise<XlsxWorkbook> {
  const port = XlsxWorkbook.create('Sheet1');
  const snapshot = await port.read({ sheets: 'all' });
  // The profile needs a cycle start; without one the cell is written and then emptied for the user.
  const profile: Profile = {
    program: program.id,
    cycleStart: cycleStart ?? 0,
    name: '',
    certificantNumber: '',
    expires: undefined,
    extensionGranted: false,
    facts: {},
    attestations: {},
  };
  const ops: WorkbookOp[] = profileOps(profile, snapshot);
  const startName = ops.find(
    (o): o is Extract<WorkbookOp, { kind: 'defineName' }> => o.kind === 'defineName' && o.name === 'CE_CYCLE_START',
  );
  if (cycleStart === undefined && startName)
    ops.push({
      kind: 'setValues',
      sheet: startName.sheet,
      row: startName.range.row,
      col: startName.range.col,
      values: [['']],
    });

  const log = newLogPlan({ ...snapshot, sheetNames: [...snapshot.sheetNames, PROFILE_SHEET] }, program, {
    credits: false,
  });
  ops.push(...log.ops);

  // A few native formulas below the profile: they need no add-in.
  const lastProfileRow = Math.max(
    ...ops
      .filter(
        (o): o is Extract<WorkbookOp, { kind: 'setValues' }> => o.kind === 'setValues' && o.sheet === PROFILE_SHEET,
      )
      .map((o) => o.row),
  );
  let row = lastProfileRow + 2;
  const at = (r: number) => `B${r + 1}`;
  ops.push({ kind: 'setValues', sheet: PROFILE_SHEET, row: row++, col: 0, values: [['At a glance']] });
  ops.push({ kind: 'setStyle', sheet: PROFILE_SHEET, range: one(row - 1, 0), style: { bold: true } });
  const glance: [string, string][] = [
    ['Entries logged', `=COUNTA(${log.table}[Date])`],
    ['Hours logged', `=SUM(${log.table}[Hours])`],
    ['Self-study hours logged', `=SUM(${log.table}[Self-study hours])`],
  ];
  for (const [label, formula] of glance) {
    ops.push({ kind: 'setValues', sheet: PROFILE_SHEET, row, col: 0, values: [[label]] });
    ops.push({ kind: 'setFormulas', sheet: PROFILE_SHEET, row, col: 1, formulas: [[formula]] });
    row++;
  }
  const deadline = cycleStart !== undefined ? deadlineOf(program, cycleStart) : undefined;
  if (deadline !== undefined) {
    const deadlineRow = row++;
    ops.push({
      kind: 'setValues',
      sheet: PROFILE_SHEET,
      row: deadlineRow,
      col: 0,
      values: [['Deadline without penalty', serialFromDay(deadline)]],
    });
    ops.push({ kind: 'setNumberFormat', sheet: PROFILE_SHEET, range: one(deadlineRow, 1), format: 'yyyy-mm-dd' });
    ops.push({ kind: 'setValues', sheet: PROFILE_SHEET, row, col: 0, values: [['Days to the deadline']] });
    ops.push({
      kind: 'setFormulas',
      sheet: PROFILE_SHEET,
      row,
      col: 1,
      formulas: [[`=MAX(0,${at(deadlineRow)}-TODAY())`]],
    });
    row++;
  }
  ops.push({ kind: 'deleteSheet', name: 'Sheet1' });
  ops.push({ kind: 'activate', sheet: log.sheet });
  await port.apply(ops);
  return port;
}
