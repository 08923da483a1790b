/**
 * Several credentials in the preview (headless Chromium): the overview lines are toggle buttons that
 * choose the dashboard shown, by mouse or keyboard, in a 320 px pane that never scrolls sideways; the
 * calendar file holds every credential's dates.
 */
import fs from 'fs';
import ICAL from 'ical.js';
import type { Page } from 'playwright-core';
import { describeBrowser, overflowing, usePreviewPages } from './browser';

jest.setTimeout(120_000);

interface PreviewWindow {
  ceLedger: {
    wb: {
      read(q: { sheets: string[] }): Promise<{ sheets: Record<string, { row: number; values: unknown[][] }> }>;
      apply(ops: unknown[]): Promise<void>;
    };
    controller: { refresh(): Promise<void> };
  };
}

describeBrowser('several credentials in the preview (headless Chromium)', () => {
  let page: Page;

  usePreviewPages({
    page: (p) => (page = p),
    ready: async (p) => {
      // The sample's profile (NISM-SMS) gets a second credential, typed as a user would in the CE Profile sheet.
      await p.evaluate(async () => {
        const { wb, controller } = (window as unknown as PreviewWindow).ceLedger;
        const sheet = (await wb.read({ sheets: ['CE Profile'] })).sheets['CE Profile']!;
        const row = sheet.row + sheet.values.length;
        await wb.apply([
          { kind: 'setValues', sheet: 'CE Profile', row, col: 0, values: [['Credential 2 program', 'ACSM-CPT']] },
          {
            kind: 'setValues',
            sheet: 'CE Profile',
            row: row + 1,
            col: 0,
            values: [['Credential 2 cycle start', '2025-01-01']],
          },
        ]);
        await controller.refresh();
      });
      await p.getByTestId('credentials').waitFor();
    },
  });

  const lines = () => page.getByTestId('credentials').getByRole('button');

  test('a line chosen by mouse or keyboard shows its credential in the dashboard; nothing scrolls at 320 px', async () => {
    await page.addStyleTag({ content: '.preview { grid-template-columns: minmax(0, 1fr) 320px; }' });
    expect(await lines().count()).toBe(2);
    expect(await lines().nth(0).getAttribute('aria-pressed')).toBe('true');
    expect(await lines().nth(1).getAttribute('aria-pressed')).toBe('false');
    expect(await overflowing(page)).toEqual([]);

    await page.getByRole('button', { name: /ACSM-CPT/ }).click();
    await page.getByTestId('credential-shown').filter({ hasText: 'Dashboard below: ACSM-CPT' }).waitFor();
    expect(await lines().nth(1).getAttribute('aria-pressed')).toBe('true');
    expect(await lines().nth(0).getAttribute('aria-pressed')).toBe('false');
    expect(await page.getByTestId('progress').textContent()).toMatch(/Total: [\d.]+ of 45 CECs/);
    expect(await overflowing(page)).toEqual([]);

    // By keyboard: from the pressed line, Shift+Tab to the first and Space.
    await lines().nth(1).focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Space');
    await page.getByTestId('credential-shown').filter({ hasText: 'Dashboard below: NISM-SMS' }).waitFor();
    expect(await lines().nth(0).getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('progress').textContent()).toMatch(/Total: [\d.]+ of 20 credits/);
  });

  test('the calendar file holds both credentials’ deadlines', async () => {
    await page.getByRole('button', { name: /ACSM-CPT/ }).click();
    await page.getByTestId('credential-shown').filter({ hasText: 'ACSM-CPT' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download calendar file' }).click(),
    ]);
    const text = fs.readFileSync((await download.path())!, 'utf8');
    const events = new ICAL.Component(ICAL.parse(text))
      .getAllSubcomponents('vevent')
      .map((c) => new ICAL.Event(c))
      .map((e) => [e.startDate.toString(), e.summary]);
    // NISM-SMS from 2025-03-14: deadline 2027-03-14; ACSM-CPT from 2025-01-01: 31 December of the third year.
    expect(events).toContainEqual(['2027-03-14', 'NISM-SMS: renewal deadline']);
    expect(events).toContainEqual(['2028-12-31', 'ACSM-CPT: renewal deadline']);
  });
});
