/**
 * While a large log is evaluated the pane shows how far it has got (a labelled progress bar and a
 * polite live region) above the last dashboard, which stays as it was.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { dayFromIso } from '../../src/core';
import { App } from '../../src/taskpane/App';
import { RefreshProgress } from '../../src/taskpane/RefreshProgress';
import { MemoryWorkbook } from '../../src/workbook/memory';
import type { CellValue } from '../../src/workbook/port';
import { PaneController } from '../../src/workbook/session';
import { SAMPLE_AS_OF } from '../../src/preview/sample';
import { loadSample } from '../fakes/sample-workbook';

const asOf = dayFromIso(SAMPLE_AS_OF)!;
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

test('during a refresh of a large log: a labelled progress bar, a polite announcement, and the last dashboard', async () => {
  const extraRows: CellValue[][] = Array.from({ length: 3_000 }, (_, i) => [
    45800 + (i % 600),
    `Extra ${i}`,
    'NISM',
    'Webinar',
    1,
    '',
    '',
    '',
    'Certificate',
    '',
    '',
    '',
    '',
  ]);
  const wb = new MemoryWorkbook({ Sheet1: [] });
  await loadSample(wb, { extraRows });
  const gates: (() => void)[] = [];
  const c = new PaneController(wb, {
    asOf,
    chunkRows: 500,
    progressFromRows: 1_000,
    pause: () => new Promise<void>((r) => gates.push(r)),
  });
  const firstDone = c.refresh();
  while (!(await Promise.race([firstDone.then(() => true), new Promise<false>((r) => setImmediate(() => r(false)))])))
    gates.shift()?.();
  const statusLine = c.getState().evaluation!.status.line;

  wb.setCell('CE Log', 10, 4, 3);
  const running = c.refresh();
  while (gates.length === 0) await new Promise((r) => setImmediate(r));
  for (let i = 0; i < 3; i++) {
    gates.shift()!();
    while (gates.length === 0) await new Promise((r) => setImmediate(r));
  }
  expect(c.getState().progress).toEqual({ rowsDone: 2_000, rowsTotal: 3_040 });
  const html = renderToStaticMarkup(<App controller={c} />);
  const t = text(html);
  expect(t).toContain('Checking rows 2,000 of 3,040…');
  // The bar is a progressbar labelled by the text above it, at 2,000 / 3,040.
  const bar = html.match(/<div[^>]*role="progressbar"[^>]*>/)?.[0] ?? '';
  expect(bar).toContain(`aria-valuenow="${2_000 / 3_040}"`);
  const labelledBy = bar.match(/aria-labelledby="([^"]+)"/)?.[1];
  expect(labelledBy).toBeDefined();
  expect(html).toMatch(new RegExp(`id="${labelledBy}"[^>]*>Checking rows 2,000 of 3,040…<`));
  // Announced politely, in coarse steps.
  expect(html).toMatch(
    /role="status" aria-live="polite" data-testid="refresh-progress-announcement">Checking rows 1,520 of 3,040…</,
  );
  // The last dashboard is still there, with its figures; the root is not marked busy meanwhile.
  expect(html).toContain(`data-testid="status-line">${statusLine}</p>`);
  expect(html).not.toContain('aria-busy="true"');
  expect(t).not.toContain('Reading the workbook');

  while (!(await Promise.race([running.then(() => true), new Promise<false>((r) => setImmediate(() => r(false)))])))
    gates.shift()?.();
  const after = renderToStaticMarkup(<App controller={c} />);
  expect(after).not.toContain('refresh-progress');
  expect(after).toContain('data-testid="status-line"');
});

test('the announcement says what is being checked at the start, then each quarter', () => {
  const announce = (done: number, total: number) =>
    renderToStaticMarkup(
      <FluentProvider theme={webLightTheme}>
        <RefreshProgress rowsDone={done} rowsTotal={total} />
      </FluentProvider>,
    ).match(/data-testid="refresh-progress-announcement">([^<]*)</)?.[1];
  expect(announce(0, 100_000)).toBe('Checking 100,000 rows…');
  expect(announce(24_000, 100_000)).toBe('Checking 100,000 rows…');
  expect(announce(40_000, 100_000)).toBe('Checking rows 25,000 of 100,000…');
  expect(announce(74_000, 100_000)).toBe('Checking rows 50,000 of 100,000…');
  expect(announce(100_000, 100_000)).toBe('Checking rows 100,000 of 100,000…');
});
