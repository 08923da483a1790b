/**
 * The "Generate summary sheet" action, for any host: one read of the workbook through the port (every
 * sheet except the summary it replaces), the core's evaluation, one apply of the summary's operations.
 */
import { today, type DayNumber, type Evaluation } from '../core';
import type { WorkbookPort } from '../workbook/port';
import { summaryOps, type SummaryLayout } from './summary-sheet';
import { evaluateWorkbook, SUMMARY_MARKER, type WorkbookEvaluationFailure } from './workbook-log';

export interface GenerateSummaryOptions {
  /** Program id; default: the CE Profile sheet's. */
  program?: string;
  /** Default: the CE Profile sheet's. */
  cycleStart?: DayNumber;
  /** Default: today. */
  asOf?: DayNumber;
  /** The sheet that holds the log; default: the sheet that looks like a CE log. */
  sheet?: string;
}

export type GenerateSummaryResult =
  | { ok: true; sheet: string; evaluation: Evaluation; layout: SummaryLayout; keptUserSheet: string | undefined; logSheet: string }
  | WorkbookEvaluationFailure;

export async function generateSummary(port: WorkbookPort, options: GenerateSummaryOptions = {}): Promise<GenerateSummaryResult> {
  // Every sheet but our old summary: it is replaced, never read (a large one would cost a transfer).
  // It is found by its defined name, so a user's own sheet named like ours is read like any other.
  const snapshot = await port.read({ sheets: 'all', skipSheetsOfNames: [SUMMARY_MARKER] });
  const result = evaluateWorkbook(snapshot, {
    program: options.program,
    cycleStart: options.cycleStart,
    asOf: options.asOf ?? today(),
    sheet: options.sheet,
  });
  if (!result.ok) return result;
  const person = result.profile.profile ?? {
    name: typeof result.profile.input.name === 'string' ? result.profile.input.name : '',
    certificantNumber: typeof result.profile.input.certificantNumber === 'string' ? result.profile.input.certificantNumber : '',
  };
  const plan = summaryOps(result.evaluation, person, snapshot, { charts: port.capabilities.charts, logSheet: result.log.sheet });
  await port.apply(plan.ops);
  return { ok: true, sheet: plan.sheet, evaluation: result.evaluation, layout: plan.layout, keptUserSheet: plan.keptUserSheet, logSheet: result.log.sheet };
}
