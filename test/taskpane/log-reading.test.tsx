/**
 * A log kept a sheet per year in the pane: which sheets were read, with their rows; every row named on
 * its own sheet; the date order setting deciding text dates no value settles. Rendered to HTML from a
 * controller on a memory workbook (the corpus tracker yearly-sheets-day-first, each year a CE log table).
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { dayFromIso } from '../../src/core';
import { runSummaryAction, type SummaryReport } from '../../src/summary/action';
import { App } from '../../src/taskpane/App';
import { MemoryWorkbook } from '../../src/workbook/memory';
import type { CellValue } from '../../src/workbook/port';
import { PaneController } from '../../src/workbook/session';
import { sheetsOf, TRACKERS } from '../fixtures/trackers/make';

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'");

async function pane() {
  const t = TRACKERS.find((x) => x.name === 'yearly-sheets-day-first')!;
  const years = sheetsOf(t).filter((s) => s.name === '2024' || s.name === '2025');
  const wb = new MemoryWorkbook(Object.fromEntries(years.map((s) => [s.name, s.rows as CellValue[][]])));
  await wb.apply(
    years.map((s, i) => ({
      kind: 'createTable' as const,
      sheet: s.name,
      name: i === 0 ? 'CELog' : 'CELog2',
      range: { row: 0, col: 0, rows: s.rows.length, cols: s.rows[0]!.length },
    })),
  );
  const controller = new PaneController(wb, { asOf: dayFromIso(t.asOf)! });
  await controller.saveProfile({ program: t.program, cycleStart: t.cycleStart });
  return { wb, controller, html: () => renderToStaticMarkup(<App controller={controller} />) };
}

test('the pane names the sheets read as one log with their rows, and each row by its own sheet', async () => {
  const { html } = await pane();
  const page = text(html());
  expect(page).toContain('Sheets read as one log: “2024” (2 rows), “2025” (4 rows)');
  expect(page).toContain('"2025" row 3, Hours');
  expect(page).toContain('"2025" row 4 (missing)');
  // The evaluation's own numbering (the 2025 rows counted on from 2024's) is shown nowhere.
  expect(page).not.toMatch(/Row [5-7]\b/);
});

test('the date order setting is kept in the profile sheet and decides ambiguous text dates', async () => {
  const { controller, html } = await pane();
  expect(text(html())).toContain('Total: 9.5 of');
  expect(html()).toMatch(/<option value="mdy" selected=""/);
  await controller.setDateOrder('dmy');
  expect(text(html())).toContain('Total: 7.5 of');
  expect(html()).toMatch(/<option value="dmy" selected=""/);
});

test('the pane’s summary covers every sheet the pane read, and its message names them', async () => {
  const { wb, controller } = await pane();
  const reading = controller.getState().reading!;
  const reports: SummaryReport[] = [];
  const ui = {
    confirmReplace: () => Promise.resolve(true),
    report: (r: SummaryReport) => reports.push(r),
    busy: () => undefined,
  };
  // What the pane's button passes: the log's sheet and the sheets it was read from.
  const report = await runSummaryAction(wb, ui, {
    sheet: controller.getState().log!.sheet,
    sheets: reading.parts.map((part) => part.sheet),
    asOf: controller.getState().asOf,
  });
  expect(report.intent).toBe('success');
  expect(report.message).toContain('5 entries from "2024" and "2025"');
  const { rows } = wb.extent('CE Entries');
  const named = Array.from({ length: rows }, (_, r) => wb.getValue('CE Entries', r, 0)).filter(
    (v): v is string => typeof v === 'string' && /row \d/.test(v),
  );
  expect(named).toEqual([
    '"2024" row 2',
    '"2024" row 3',
    '"2025" row 2',
    '"2025" row 3',
    '"2025" row 4',
    '"2025" row 5',
  ]);
});
