/*
 * Ribbon command handlers. With the shared runtime the manifest's FunctionFile is the task pane
 * page, so the pane's own script imports this module (src/taskpane/index.tsx); commands.html loads
 * the standalone commands.js for hosts without the shared runtime.
 */
import type { DayNumber } from '../core';
import { runSummaryAction, summaryPrompts, type SummaryPrompts, type SummaryReport } from '../summary/action';
import { OfficeWorkbook } from '../workbook/office';
import type { WorkbookPort } from '../workbook/port';

/** Opens the CE Ledger pane (for ExecuteFunction buttons and keyboard shortcuts). */
export async function showTaskpane(event?: Office.AddinCommands.Event): Promise<void> {
  try {
    await Office.addin.showAsTaskpane();
  } catch (error) {
    console.error('CE Ledger: could not show the task pane', error);
  } finally {
    // Office waits for completed() before it runs another command from this add-in.
    event?.completed();
  }
}

export interface SummaryCommandHost {
  port: WorkbookPort;
  /** Where the question and the report are shown: the pane's store in the shared runtime. */
  prompts: SummaryPrompts;
  /** Opens the pane, so the user sees the question and the report. */
  showPane(): Promise<void>;
  asOf?: DayNumber;
}

/**
 * "Create submission summary" from the ribbon: the same action as the pane's button, asking and
 * reporting in the pane. Resolves with the report once the summary is written (or not).
 */
export async function createSummaryCommand(
  host: SummaryCommandHost,
  event?: Office.AddinCommands.Event,
): Promise<SummaryReport> {
  let action: Promise<SummaryReport> | undefined;
  try {
    try {
      await host.showPane();
    } catch (error) {
      console.error('CE Ledger: could not show the task pane', error);
    }
    if (host.prompts.getState().busy) {
      const report: SummaryReport = {
        intent: 'info',
        message: 'The summary is already being written; wait for it to finish.',
        sheets: [],
      };
      host.prompts.report(report);
      return report;
    }
    action = runSummaryAction(host.port, host.prompts, { asOf: host.asOf });
  } finally {
    // Completed once the action is under way: a question left open in the pane must not block the ribbon.
    event?.completed();
  }
  return action;
}

// Outside Office (a plain browser, tests) there is nothing to register with.
if (typeof Office !== 'undefined' && Office.actions) {
  Office.actions.associate('showTaskpane', showTaskpane);
  Office.actions.associate('createSummary', (event: Office.AddinCommands.Event) =>
    createSummaryCommand(
      { port: new OfficeWorkbook(), prompts: summaryPrompts, showPane: () => Office.addin.showAsTaskpane() },
      event,
    ),
  );
}
