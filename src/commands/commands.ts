/*
 * Ribbon command handlers. With the shared runtime the manifest's FunctionFile is the task pane
 * page, so the pane's own script imports this module (src/taskpane/index.tsx); commands.html loads
 * the standalone commands.js for hosts without the shared runtime.
 */

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

// Outside Office (a plain browser, tests) there is nothing to register with.
if (typeof Office !== 'undefined' && Office.actions) {
  Office.actions.associate('showTaskpane', showTaskpane);
}
