/**
 * The pane's "Create submission summary" button in the preview host (headless Chromium): the summary
 * sheet appears in the preview workbook, and a second click asks before replacing it.
 */
import type { Page } from 'playwright-core';
import { describeBrowser, usePreviewPages, sampleEvaluation } from './browser';

jest.setTimeout(120_000);

describeBrowser('the pane creates the submission summary (preview, headless Chromium)', () => {
  let page: Page;

  usePreviewPages({
    page: (p) => (page = p),
  });

  /** A cell of the preview's in-memory workbook. */
  const cell = (sheet: string, row: number, col: number) =>
    page.evaluate(
      ([s, r, c]) =>
        (
          window as unknown as { ceLedger: { wb: { getValue(s: string, r: number, c: number): unknown } } }
        ).ceLedger.wb.getValue(s as string, r as number, c as number),
      [sheet, row, col] as const,
    );
  // The preview's own sheet tabs, by their markup.
  const sheetTabs = () => page.locator('nav.tabs button').allTextContents();

  test('a click writes the summary sheet into the workbook and says what it wrote; a second click asks first', async () => {
    const ev = sampleEvaluation();
    const button = page.getByRole('button', { name: 'Create submission summary' });
    await button.click();
    const report = page.getByTestId('summary-report');
    await report.waitFor();
    expect(await report.textContent()).toBe(
      `Wrote the summary on the new sheets "CE Summary" and "CE Entries": ${ev.entries.length} entries from "CE Log", ${ev.earned} of ${ev.required} credits counted. ${ev.status.actionLine}`,
    );
    expect(await sheetTabs()).toEqual(expect.arrayContaining(['CE Summary', 'CE Entries']));
    expect(await cell('CE Summary', 0, 0)).toBe('CE Ledger submission summary');
    // The entries sheet: a header row, then every row the pane lists (invalid and skipped ones too), in log order.
    expect(await cell('CE Entries', 1, 2)).toBe('Activity');
    expect(await cell('CE Entries', 2, 2)).toBe(ev.rows[0]!.activity);
    expect(await cell('CE Entries', 1 + ev.rows.length, 2)).toBe(ev.rows[ev.rows.length - 1]!.activity);
    expect(await cell('CE Entries', 2 + ev.rows.length, 0)).toBe('Total');
    // The preview shows the new sheet, as Excel activates it.
    await page.getByRole('main', { name: 'Workbook: CE Summary' }).waitFor();

    // Second click: asked first; "Keep the old one" leaves it as it is.
    await page.evaluate(() =>
      (window as unknown as { ceLedger: { wb: { apply(ops: unknown[]): Promise<void> } } }).ceLedger.wb.apply([
        { kind: 'setValues', sheet: 'CE Summary', row: 0, col: 0, values: [['my mark']] },
      ]),
    );
    await button.click();
    const dialog = page.getByRole('alertdialog', { name: 'Replace the summary?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('"CE Summary"');
    await dialog.getByRole('button', { name: 'Keep the old one' }).click();
    await page.getByText('Nothing was written: the summary on sheet "CE Summary" was kept.').waitFor();
    expect(await cell('CE Summary', 0, 0)).toBe('my mark');

    // Third click, "Replace": one summary sheet, rewritten.
    await button.click();
    await dialog.getByRole('button', { name: 'Replace' }).click();
    await page.getByText(/^Replaced the summary on the sheets "CE Summary" and "CE Entries"/).waitFor();
    expect(await cell('CE Summary', 0, 0)).toBe('CE Ledger submission summary');
    expect((await sheetTabs()).filter((t) => t.startsWith('CE Summary') || t.startsWith('CE Entries'))).toEqual([
      'CE Summary',
      'CE Entries',
    ]);
  });
});
