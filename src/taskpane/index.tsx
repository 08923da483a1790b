/*
 * The task pane, and the shared runtime's page: manifest.xml points the runtime, the custom functions
 * page and the ribbon's FunctionFile at taskpane.html, which loads this one script. So this entry also
 * registers the cell functions and the ribbon commands (both modules register themselves when their
 * host API exists), and the rules core and zod arrive once, shared by the pane and the functions.
 * functions.js stays a separate, self-contained entry for hosts that load the functions alone.
 */
import '../functions/functions';
import '../commands/commands';
import { createRoot } from 'react-dom/client';
import { loadWorkbookPrograms } from '../workbook/custom-program-store';
import { OfficeWorkbook } from '../workbook/office';
import { PaneController } from '../workbook/session';
import { App } from './App';
import { officeTheme } from './theme';

function render(): void {
  const container = document.getElementById('root');
  if (!container) throw new Error('taskpane.html has no #root element');
  const port = new OfficeWorkbook();
  const controller = new PaneController(port);
  createRoot(container).render(<App controller={controller} theme={officeTheme()} summaryPort={port} />);
  // The workbook's own programs first: the profile may name one, and the cell functions (same runtime)
  // look them up in the registry this fills. A workbook that cannot be read is reported by start().
  void loadWorkbookPrograms(port)
    .catch(() => undefined)
    .then(() => controller.start());
}

// The pane needs Excel: wait until Office.js is ready. Opened in a plain browser, say where to go.
if (typeof Office !== 'undefined') {
  Office.onReady(() => render());
} else {
  const container = document.getElementById('root');
  if (container) container.textContent = 'CE Ledger runs inside Excel. To try it without Excel, open preview.html.';
}
