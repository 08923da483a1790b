import { createRoot } from 'react-dom/client';
import { OfficeWorkbook } from '../workbook/office';
import { PaneController } from '../workbook/session';
import { App } from './App';
import { officeTheme } from './theme';

function render(): void {
  const container = document.getElementById('root');
  if (!container) throw new Error('taskpane.html has no #root element');
  const controller = new PaneController(new OfficeWorkbook());
  createRoot(container).render(<App controller={controller} theme={officeTheme()} />);
  void controller.start();
}

// The pane needs Excel: wait until Office.js is ready. Opened in a plain browser, say where to go.
if (typeof Office !== 'undefined') {
  Office.onReady(() => render());
} else {
  const container = document.getElementById('root');
  if (container) container.textContent = 'CE Ledger runs inside Excel. To try it without Excel, open preview.html.';
}
