import { createRoot } from 'react-dom/client';
import { App } from './App';

function render(): void {
  const container = document.getElementById('root');
  if (!container) throw new Error('taskpane.html has no #root element');
  createRoot(container).render(<App />);
}

// Inside Office wait until Office.js is ready; opened in a plain browser (no Office.js), render at once.
if (typeof Office !== 'undefined') {
  Office.onReady(() => render());
} else {
  render();
}
