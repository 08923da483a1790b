/**
 * "Use my own program rules" in the preview host, in headless Chromium: a program file written from
 * schemas/program.schema.json alone (no TypeScript) is loaded with the file input, stored in the
 * workbook's hidden "CE Programs" sheet, chosen in the profile, and evaluated; a broken one shows each
 * problem with its path and a plain message, and stores nothing.
 */
import fs from 'fs';
import path from 'path';
import type { Page } from 'playwright-core';
import { describeBrowser, usePreviewPages, ROOT } from './browser';

jest.setTimeout(120_000);

const GUILD = fs.readFileSync(path.join(ROOT, 'test/fixtures/programs/guild-cpd.json'));

interface PreviewWindow {
  ceLedger: {
    wb: { sheetNames(): string[]; isHidden(name: string): boolean; getValue(s: string, r: number, c: number): unknown };
  };
}

describeBrowser('custom program in the preview (headless Chromium)', () => {
  let page: Page;

  usePreviewPages({
    page: (p) => (page = p),
    ready: async (p) => {
      await p.getByRole('button', { name: 'Use my own program rules…' }).click();
    },
  });

  const sheets = () =>
    page.evaluate(() => {
      const { wb } = (window as unknown as PreviewWindow).ceLedger;
      return wb.sheetNames().map((name) => [name, wb.isHidden(name)]);
    });

  test('a broken program file shows each problem with its path and a plain message, and stores nothing', async () => {
    const before = await sheets();
    const broken = { ...JSON.parse(GUILD.toString('utf8')), required: '24', formats: [] };
    await page.getByLabel('Program file (.json)').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(broken)),
    });
    await page.getByTestId('custom-program-problem').first().waitFor();
    expect(await page.getByTestId('custom-program-problem').allTextContents()).toEqual(
      expect.arrayContaining(['required: should be a number, not text']),
    );
    expect(await page.getByTestId('custom-program-report').textContent()).toMatch(/broken\.json cannot be used/);
    expect(await sheets()).toEqual(before);
  });

  test('a program written from the JSON Schema is stored in the workbook, chosen in the profile and evaluated', async () => {
    await page.getByLabel('Program file (.json)').setInputFiles({
      name: 'guild-cpd.json',
      mimeType: 'application/json',
      buffer: GUILD,
    });
    await page.getByTestId('custom-program-report').filter({ hasText: 'GUILD-CPD' }).waitFor();
    expect(await sheets()).toContainEqual(['CE Programs', true]);
    // Hidden, as in Excel: not among the preview's sheet tabs.
    expect(await page.getByRole('navigation', { name: 'Sheets' }).getByRole('button').allTextContents()).not.toContain(
      'CE Programs',
    );
    const stored = await page.evaluate(() =>
      String((window as unknown as PreviewWindow).ceLedger.wb.getValue('CE Programs', 1, 1)),
    );
    expect(JSON.parse(stored)).toMatchObject({ id: 'GUILD-CPD', required: 24 });

    await page.getByRole('button', { name: 'Edit profile' }).click();
    await page.getByRole('combobox', { name: /^Program\*?$/ }).selectOption('GUILD-CPD');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Guild of Example Practitioners CPD', { exact: true }).waitFor();
    await page
      .getByTestId('status-line')
      .filter({ hasText: /of 24 CPD hours/ })
      .waitFor();
  });
});
