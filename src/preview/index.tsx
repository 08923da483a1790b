/*
 * The preview host: the real pane beside an editable grid of an in-memory workbook, loaded with the
 * sample NISM tracker. It runs in any browser without Office and makes no network request.
 *
 *   preview.html?asOf=2026-11-23   evaluate as of a fixed date (the end-to-end tests do)
 *   preview.html?theme=dark        the dark theme
 *   preview.html?rows=1000         a generated NISM log of that many rows (1 to 100,000) instead of
 *                                  the 40-row sample (the pane-start benchmark loads 1,000)
 */
import { startTransition, useEffect, useState, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import { webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { dayFromIso, today } from '../core';
import { App } from '../taskpane/App';
import type { MemoryWorkbook } from '../workbook/memory';
import type { RangeRef } from '../workbook/port';
import { loadWorkbookPrograms } from '../workbook/custom-program-store';
import { PaneController } from '../workbook/session';
import { Grid } from './Grid';
import { logRowsParam, sampleWorkbook } from './workbook';

function Preview({
  wb,
  controller,
  dark,
  notice,
}: {
  wb: MemoryWorkbook;
  controller: PaneController;
  dark: boolean;
  notice?: string;
}) {
  const [version, setVersion] = useState(0);
  const [sheet, setSheet] = useState(wb.activeSheet ?? wb.sheetNames()[0]!);
  const [selection, setSelection] = useState<RangeRef | undefined>();
  useEffect(() => {
    let stop: (() => void) | undefined;
    void wb.onChange(() => setVersion((v) => v + 1)).then((s) => (stop = s));
    const stopSelect = wb.onSelect((name, range) => {
      setSheet(name);
      setSelection(range);
    });
    return () => {
      stop?.();
      stopSelect();
    };
  }, [wb]);
  // The pane first, then the grid: in Excel the sheet is already on screen when the pane starts, so
  // the pane's status must not wait for the preview to build its grid (1,500 inputs for a long log).
  // The grid mounts once the pane has shown its first result, as a transition (interruptible).
  const paneShown = useSyncExternalStore(controller.subscribe, () => controller.getState().version > 0);
  const [gridShown, setGridShown] = useState(false);
  useEffect(() => {
    if (paneShown && !gridShown) startTransition(() => setGridShown(true));
  }, [paneShown, gridShown]);
  // Hidden sheets (the custom programs) stay out of the tabs, as in Excel.
  const sheets = wb.sheetNames().filter((name) => !wb.isHidden(name));
  // A sheet added by the pane (a new log) becomes visible, as Excel activates it.
  useEffect(() => {
    if (wb.activeSheet && wb.activeSheet !== sheet && sheets.includes(wb.activeSheet)) setSheet(wb.activeSheet);
  }, [version]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <div className={`preview${dark ? ' dark' : ''}`}>
      <header className="bar">
        <h1>CE Ledger preview</h1>
        <nav aria-label="Sheets" className="tabs">
          {sheets.map((name) => (
            <button
              key={name}
              type="button"
              aria-current={name === sheet ? 'page' : undefined}
              onClick={() => {
                setSheet(name);
                setSelection(undefined);
                void wb.apply([{ kind: 'activate', sheet: name }]);
              }}
            >
              {name}
            </button>
          ))}
        </nav>
        {notice && (
          <p className="notice" role="note">
            {notice}
          </p>
        )}
      </header>
      <main className="sheet" aria-label={`Workbook: ${sheet}`}>
        {gridShown ? (
          <Grid wb={wb} sheet={sheet} selection={selection} version={version} />
        ) : (
          <p className="loading">Loading the sheet…</p>
        )}
      </main>
      <aside className="pane" aria-label="CE Ledger task pane">
        <App controller={controller} theme={dark ? webDarkTheme : webLightTheme} as="div" summaryPort={wb} />
      </aside>
    </div>
  );
}

async function main(): Promise<void> {
  const params = new URLSearchParams(window.location.search);
  const asOfText = params.get('asOf');
  const asOf = (asOfText && dayFromIso(asOfText)) || today();
  const dark = params.get('theme') === 'dark';
  const { rows, notice } = logRowsParam(params.get('rows'));
  const wb = await sampleWorkbook(rows);
  const controller = new PaneController(wb, { asOf });
  const container = document.getElementById('root');
  if (!container) throw new Error('preview.html has no #root element');
  createRoot(container).render(<Preview wb={wb} controller={controller} dark={dark} notice={notice} />);
  await loadWorkbookPrograms(wb);
  await controller.start();
  // For the end-to-end tests: the workbook and controller behind the page.
  (window as unknown as { ceLedger: unknown }).ceLedger = { wb, controller };
}

void main();
