/**
 * The preview in headless Chromium: every row accounted for, and a READY that says what is left to do.
 * Expected figures come from the core's evaluateLog on the same sample, as edited in the grid.
 */
import fs from 'fs';
import path from 'path';
import type { Page } from 'playwright-core';
import { sampleLogValues } from '../../src/preview/sample';
import { describeBrowser, usePreviewPages, sampleEvaluation } from './browser';

jest.setTimeout(120_000);

describeBrowser('every row accounted for, in the preview (headless Chromium)', () => {
  let page: Page;

  usePreviewPages({
    page: (p) => (page = p),
  });

  const selection = () =>
    page.evaluate(() => (window as unknown as { ceLedger: { wb: { selection: unknown } } }).ceLedger.wb.selection);

  /** axe-core's violations on the page as it is. */
  async function axeViolations(): Promise<{ id: string; targets: string[] }[]> {
    const source = fs.readFileSync(path.join(path.dirname(require.resolve('axe-core')), 'axe.min.js'), 'utf8');
    await page.evaluate(source);
    return page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: { run(ctx: Document): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
        }
      ).axe;
      const result = await axe.run(document);
      return result.violations.map((v) => ({ id: v.id, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
    });
  }

  async function edit(address: string, value: string): Promise<void> {
    const cell = page.getByLabel(address, { exact: true });
    await cell.fill(value);
    await cell.press('Enter');
  }

  test('fixing the negative hours makes the credits met: READY in the warning colour, with the 4 items to resolve', async () => {
    await edit('E22', '2');
    const values = sampleLogValues();
    values[21]![4] = 2;
    const ev = sampleEvaluation(values);
    expect(ev.status.keyword).toBe('READY');
    expect(ev.status.openItems).toBe(4);
    await page.getByTestId('status-line').filter({ hasText: ev.status.actionLine }).waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('status-line').textContent()).toBe(ev.status.actionLine);
    expect(ev.status.actionLine).toMatch(/; 4 items open$/);
    const badge = page.getByTestId('status-keyword');
    expect(await badge.textContent()).toBe('READY');
    expect(await badge.getAttribute('data-tone')).toBe('warning');
    expect(await page.getByTestId('status-advice').textContent()).toBe(
      'READY: requirements met; 4 items to resolve before you apply',
    );
    const items = await page.getByTestId('open-item').allTextContents();
    expect(items).toEqual(ev.checklist.filter((c) => c.blocking).map((c) => `${c.label} — ${c.detail}`));
    expect(items.map((i) => i.split(' — ')[0])).toEqual([
      'Every row of the log is valid',
      'Every non-NISM activity pre-approved',
      'Proof held for every non-NISM activity',
      'Subject areas from the NISM list',
    ]);
    // The warning state, its list of items and the Not counted section pass axe.
    expect(await axeViolations()).toEqual([]);
    // An item with rows selects the first of them.
    await page
      .getByTestId('open-item')
      .filter({ hasText: 'Every row of the log is valid' })
      .getByRole('button')
      .click();
    expect(await selection()).toMatchObject({ sheet: 'CE Log', range: { row: 19, rows: 1 } });
  });

  test('a conference dated 2052 drops out of the total and appears under Not counted, with why; a click selects it', async () => {
    const before = sampleEvaluation();
    const values = sampleLogValues();
    const row = values.findIndex((r) => r[3] === 'Conference' && r[1] === 'Social Media Marketing World 2025');
    expect(row).toBeGreaterThan(0);
    await edit(`A${row + 1}`, '2052-04-01');
    values[row]![0] = '2052-04-01';
    const ev = sampleEvaluation(values);
    expect(ev.earned).toBeLessThan(before.earned);
    await page.getByTestId('status-line').filter({ hasText: ev.status.line }).waitFor({ timeout: 10_000 });
    const listed = page.getByTestId('not-counted-row').filter({ hasText: `Row ${row + 1}:` });
    expect(await listed.textContent()).toBe(
      `Row ${row + 1}: Social Media Marketing World 2025 (${ev.rows.find((f) => f.row === row + 1)!.claimed} not counted) — Dated 2052-04-01, after the last day to earn credits (2027-03-14)`,
    );
    await listed.click();
    expect(await selection()).toEqual({ sheet: 'CE Log', range: { row, col: 0, rows: 1, cols: 13 } });
    // The section counts every not-counted row of the Evaluation.
    const notCounted = ev.rows.filter((f) => f.fate === 'not counted').length;
    await page.getByRole('heading', { name: `Not counted (${notCounted})` }).waitFor();
  });

  test('the mistyped date 2025-13-02 is under Not counted with the reason; a click selects its Date cell', async () => {
    const ev = sampleEvaluation();
    const bad = ev.rows.find((f) => f.cause === 'invalid' && f.reasons.some((r) => r.includes('2025-13-02')))!;
    const listed = page.getByTestId('not-counted-row').filter({ hasText: `Row ${bad.row}:` });
    expect(await listed.textContent()).toBe(`Row ${bad.row}: ${bad.activity} — ${bad.reasons.join('; ')}`);
    await listed.click();
    // The selection reaches the grid after the click's handler has run: wait for it, then check.
    const focused = `A${bad.row}`;
    await page.waitForFunction((label) => document.activeElement?.getAttribute('aria-label') === label, focused);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(focused);
    // And the Caps table says what the Grovo exemption let through.
    expect(await page.getByTestId('cap-exemption').allTextContents()).toEqual([
      'Webinar: 22.5 claimed, 5 counted under the cap + 2.5 exempt (Grovo)',
    ]);
  });
});
