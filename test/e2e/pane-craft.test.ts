/**
 * Issue 11, points 4 to 6, in the preview host in headless Chromium, driven as a user would: a broken
 * log structure named at the top, switching logs asked first and always reversible, focus that goes
 * where the user went and back, Escape, no sideways scrolling at 320 px, stale figures dimmed, and
 * axe-core on the new states.
 */
import fs from 'fs';
import path from 'path';
import type { Page } from 'playwright-core';
import { SAMPLE_AS_OF, SAMPLE_HEADERS, sampleLogValues } from '../../src/preview/sample';
import type { CellValue } from '../../src/workbook/port';
import { describeBrowser, overflowing, usePreviewPages, sampleEvaluation, type Session } from './browser';

jest.setTimeout(120_000);

/** The status line the core gives the preview's sample (as edited in the grid, when `values` is given). */
const expectedLine = (values?: CellValue[][]): string => sampleEvaluation(values).status.line;

/** Runs `fn(wb, controller)` in the page, on the preview's workbook and controller. */
type Host = { wb: any; controller: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

const PANE = 'CE Ledger task pane';

describeBrowser('pane craft (headless Chromium, preview host)', () => {
  let session: Session;
  let page: Page;

  usePreviewPages({
    session: (s) => (session = s),
    page: (p) => (page = p),
  });

  const pane = () => page.getByRole('complementary', { name: PANE });
  const typeInto = async (cell: string, value: string) => {
    const input = page.getByLabel(cell, { exact: true });
    await input.fill(value);
    await input.press('Enter');
  };
  /** The accessible name (or text) of the focused element, and whether it is inside the pane. */
  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      const labels = (el as HTMLInputElement | null)?.labels;
      const label = el?.getAttribute('aria-label') ?? (labels?.[0]?.textContent || el?.textContent || '');
      return { tag: el?.tagName.toLowerCase(), label: label.trim(), inPane: !!el?.closest('aside') };
    });

  test('deleting the Hours header is one message at the top of the pane, not 41 row problems; typing it back restores the figures', async () => {
    await typeInto('E1', '');
    const message = page.getByTestId('structure-message');
    await message.waitFor();
    expect(await page.getByTestId('structure-title').textContent()).toBe(
      'The Hours column (E) has no header any more.',
    );
    expect(await message.textContent()).toContain('Type “Hours” back into E1');
    // At the top: the first thing after the pane's title.
    const first = await pane().evaluate((aside) => {
      const root = aside.querySelector('header')!.parentElement!;
      return root.children[1]?.getAttribute('data-testid');
    });
    expect(first).toBe('structure-message');
    // No per-row noise and no figures read without the column.
    expect(await page.getByTestId('problem').count()).toBe(0);
    expect(await page.getByTestId('status-line').count()).toBe(0);

    await typeInto('E1', 'Hours');
    await page.getByTestId('status-line').filter({ hasText: expectedLine() }).waitFor();
    expect(await page.getByTestId('structure-message').count()).toBe(0);
  });

  test('clearing the header row names it, with where the headers were, instead of the log vanishing', async () => {
    await page.evaluate(
      (cols) =>
        (window as unknown as { ceLedger: Host }).ceLedger.wb.apply([
          { kind: 'setValues', sheet: 'CE Log', row: 0, col: 0, values: [Array.from({ length: cols }, () => '')] },
        ]),
      SAMPLE_HEADERS.length,
    );
    const message = page.locator('[data-testid=structure-message][data-kind=header-cleared]');
    await message.waitFor();
    expect(await page.getByTestId('structure-title').textContent()).toBe(
      'The header row of your CE log (A1:M1 on “CE Log”) was cleared: CE Ledger cannot tell its columns apart.',
    );
    expect(await page.getByTestId('status-line').count()).toBe(0);
  });

  test('"Start a new CE log" asks first, says the pane will follow it; the chooser brings the old log back', async () => {
    const tables = () =>
      page.evaluate(() => (window as unknown as { ceLedger: Host }).ceLedger.wb.tables().length as number);
    await page.getByRole('button', { name: 'Use another sheet or start a new log…' }).click();
    const start = page.getByRole('button', { name: 'Start a new CE log' });
    await start.click();
    const question = page.getByRole('group', { name: 'Start a new CE log?' });
    await question.waitFor();
    expect(await question.textContent()).toContain(
      'The pane will then follow the new, empty log. Your current log, “CE Log” (table CELog), stays as it is',
    );
    // Cancel: nothing written, focus back on the button that asked.
    // The question has the focus: the answer is one key away.
    expect(await focused()).toMatchObject({ tag: 'button', label: 'Start the new log' });
    await question.getByRole('button', { name: 'Cancel' }).click();
    await question.waitFor({ state: 'detached' });
    expect(await tables()).toBe(1);
    expect(await focused()).toMatchObject({ tag: 'button', label: 'Start a new CE log' });
    // Escape cancels too, and leaves the rest of the section open.
    await start.click();
    await question.waitFor();
    await page.keyboard.press('Escape');
    await question.waitFor({ state: 'detached' });
    expect(await tables()).toBe(1);
    expect(await page.getByTestId('log-setup').count()).toBe(1);
    expect(await focused()).toMatchObject({ tag: 'button', label: 'Start a new CE log' });

    await start.click();
    await question.getByRole('button', { name: 'Start the new log' }).click();
    await page.getByText(/^Log: CE Log 2 \(table CELog2\), 0 rows read/).waitFor();
    expect(await tables()).toBe(2);

    // The chooser lists every CE log of the workbook; the first one is one click away.
    await page.getByRole('button', { name: 'Close' }).click();
    const switcher = page.getByRole('button', { name: 'Switch CE log…' });
    await switcher.click();
    const choices = page.getByTestId('log-choices').getByRole('radio');
    await choices.first().waitFor();
    // The chooser takes the focus; Escape closes it and gives the focus back to its button.
    expect(await focused()).toMatchObject({ tag: 'input', inPane: true });
    await page.keyboard.press('Escape');
    await switcher.waitFor();
    expect(await page.getByTestId('log-chooser').count()).toBe(0);
    expect(await focused()).toMatchObject({ tag: 'button', label: 'Switch CE log…' });
    await switcher.click();
    await choices.first().waitFor();
    expect(await page.getByTestId('log-choices').locator('label').allTextContents()).toEqual([
      '“CE Log”, table CELog (A1:M41)',
      expect.stringMatching(/^“CE Log 2”, table CELog2 \(A1:[A-Z]+2\): shown now$/),
    ]);
    await page.getByRole('radio', { name: /table CELog \(A1:M41\)/ }).check();
    await page.getByRole('button', { name: 'Show this log' }).click();
    await page.getByTestId('status-line').filter({ hasText: expectedLine() }).waitFor();
    await page.getByText(/^Log: CE Log \(table CELog\), 40 rows read/).waitFor();
    expect(await page.getByTestId('log-chooser').count()).toBe(0);
    // Focus back on the button that opened the chooser.
    expect(await focused()).toMatchObject({ tag: 'button', label: 'Switch CE log…' });
  });

  test('converting another sheet says, before it happens, that the pane will follow the new log', async () => {
    await page.getByRole('button', { name: 'Use another sheet or start a new log…' }).click();
    await page.getByTestId('sheet-select').selectOption('Old tracker');
    await page.getByRole('button', { name: 'Use this sheet as my CE log' }).click();
    await page.getByTestId('map-Done').selectOption('date');
    await page.getByTestId('map-Time spent').selectOption('hours');
    await page.getByRole('button', { name: 'Review changes' }).click();
    expect(await page.getByTestId('follow-note').textContent()).toBe(
      'The pane will then follow the new log on “Old tracker” (table CELog2). Your current log, “CE Log” (table CELog), stays as it is: “Switch CE log…” brings the pane back to it.',
    );
  });

  test('focus goes to the opened form and back to the control that opened it; Escape closes forms', async () => {
    const edit = page.getByRole('button', { name: 'Edit profile' });
    // Edit profile: the form's first field takes the focus; Escape closes it and focus returns.
    await edit.click();
    expect(await focused()).toMatchObject({ tag: 'select', label: expect.stringMatching(/^Program/), inPane: true });
    await page.keyboard.press('Escape');
    await edit.waitFor();
    expect(await focused()).toMatchObject({ tag: 'button', label: 'Edit profile' });
    // Cancel, by keyboard.
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(await focused()).toMatchObject({ tag: 'button', label: 'Edit profile' });

    // Use another sheet: to the sheet list; Escape and Close give the focus back.
    const other = page.getByRole('button', { name: 'Use another sheet or start a new log…' });
    await other.click();
    await page.getByTestId('sheet-select').waitFor();
    expect(await focused()).toMatchObject({ tag: 'select', label: 'Sheet', inPane: true });
    await page.keyboard.press('Escape');
    await other.waitFor();
    expect(await focused()).toMatchObject({ tag: 'button', label: 'Use another sheet or start a new log…' });
    await other.click();
    await page.getByRole('button', { name: 'Close' }).click();
    expect(await focused()).toMatchObject({ tag: 'button', label: 'Use another sheet or start a new log…' });
  });

  test('profile errors appear after Save, not on opening, and name the value they refuse', async () => {
    // A profile without a program (its cell cleared): the form opens by itself, with nothing marked wrong yet.
    await page.evaluate(() => (window as unknown as { ceLedger: Host }).ceLedger.wb.setCell('CE Profile', 1, 1, ''));
    const save = page.getByRole('button', { name: 'Save profile' });
    await save.waitFor();
    expect(await page.getByText(/Program: |Cycle start: /).count()).toBe(0);
    // Opened by the workbook, not by the user: the focus was not moved into it.
    expect((await focused()).inPane).toBe(false);
    await page.getByLabel('Program').selectOption('NISM-SMS');
    await page.getByLabel('Cycle start').fill('2025-02-30');
    await save.click();
    await page.getByText('Cycle start: enter a date (yyyy-mm-dd), not “2025-02-30”').waitFor();
  });

  test('while a refresh runs, the figures on screen are dimmed and say "Updating…"', async () => {
    // Hold the next read until the test lets it go, as a slow workbook would.
    await page.evaluate(() => {
      const host = (window as unknown as { ceLedger: Host; release?: () => void }).ceLedger;
      const read = host.wb.read.bind(host.wb);
      host.wb.read = async (q: unknown) => {
        await new Promise<void>((resolve) => ((window as unknown as { release: () => void }).release = resolve));
        return read(q);
      };
    });
    const figures = page.getByTestId('figures');
    expect(await figures.getAttribute('data-stale')).toBe('false');
    await typeInto('E22', '2');
    await page.locator('[data-testid=figures][data-stale=true]').waitFor();
    await page.getByTestId('updating').waitFor({ state: 'visible' });
    expect(await page.getByTestId('updating').textContent()).toBe('Updating…');
    expect(Number(await figures.evaluate((el) => getComputedStyle(el).opacity))).toBeGreaterThan(0);
    await page.evaluate(() => (window as unknown as { release: () => void }).release());
    const values = sampleLogValues();
    values[21]![4] = 2;
    await page
      .getByTestId('status-line')
      .filter({ hasText: expectedLine(values) })
      .waitFor();
    expect(await figures.getAttribute('data-stale')).toBe('false');
    expect(await page.getByTestId('updating').count()).toBe(0);
  });

  // Segoe UI in Office; on this machine whatever fonts exist. Whatever they are, the pane never scrolls
  // sideways and the Caps table keeps every column in view. Headless Chromium hides scrollbars, so the
  // 303 px case stands for a 320 px pane beside a classic 17 px scrollbar (Office on Windows).
  const widths = [303, 320, 330, 340];
  const fonts = ['machine default', 'sans-serif', 'serif', 'monospace'];
  test.each(fonts)(
    'at 320-340 px with the %s font: no sideways scrolling, and the Caps table shows "Clipped" whole',
    async (font) => {
      const fontRule =
        font === 'machine default' ? '/* default */' : `.pane, .pane * { font-family: ${font} !important; }`;
      const style = await page.addStyleTag({ content: fontRule });
      for (const width of widths) {
        await style.evaluate(
          (el, [w, rule]) => (el.textContent = `.preview { grid-template-columns: minmax(0, 1fr) ${w}px; } ${rule}`),
          [width, fontRule] as const,
        );
        expect(Math.round((await pane().boundingBox())!.width)).toBe(width);
        expect(await overflowing(page)).toEqual([]);
        expect(await hiddenCapText(page)).toEqual([]);
      }
      // The new states too: a structure message and the log chooser.
      await typeInto('E1', '');
      await page.getByTestId('structure-message').waitFor();
      expect(await overflowing(page)).toEqual([]);
      await page.getByRole('button', { name: 'Use another sheet or start a new log…' }).click();
      await page.getByRole('button', { name: 'Start a new CE log' }).click();
      await page.getByRole('button', { name: 'Start the new log' }).click();
      await page.getByRole('button', { name: 'Close' }).click();
      await page.getByRole('button', { name: 'Switch CE log…' }).click();
      await page.getByTestId('log-choices').waitFor();
      expect(await overflowing(page)).toEqual([]);
    },
  );

  test('axe-core finds no violations: structure message (light and dark), log chooser, new-log question, profile errors', async () => {
    const axeSource = fs.readFileSync(path.join(path.dirname(require.resolve('axe-core')), 'axe.min.js'), 'utf8');
    const run = async () => {
      await page.evaluate(axeSource);
      return page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: {
              run(ctx: Document): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
            };
          }
        ).axe;
        const result = await axe.run(document);
        return result.violations.map((v) => ({
          id: v.id,
          targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
        }));
      });
    };
    await typeInto('E1', '');
    await page.getByTestId('structure-message').waitFor();
    expect(await run()).toEqual([]);
    await typeInto('E1', 'Hours');
    await page.getByTestId('status-line').waitFor();
    await page.getByRole('button', { name: 'Use another sheet or start a new log…' }).click();
    await page.getByRole('button', { name: 'Start a new CE log' }).click();
    await page.getByTestId('new-log-confirmation').waitFor();
    expect(await run()).toEqual([]);
    await page.getByRole('button', { name: 'Start the new log' }).click();
    await page.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Switch CE log…' }).click();
    await page.getByTestId('log-choices').waitFor();
    expect(await run()).toEqual([]);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Edit profile' }).click();
    await page.getByLabel('Cycle start').fill('someday');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Cycle start: enter a date (yyyy-mm-dd), not “someday”').waitFor();
    expect(await run()).toEqual([]);
    // The message in the dark theme too (its colours are the theme's).
    await page.goto(`${session.url}/preview.html?asOf=${SAMPLE_AS_OF}&theme=dark`);
    await page.getByTestId('status-line').waitFor();
    await typeInto('E1', '');
    await page.getByTestId('structure-message').waitFor();
    expect(await run()).toEqual([]);
  });
});

/**
 * Text of the Caps section that is cut off: a cell's text that reaches past the visible box of itself or
 * of any ancestor that clips (overflow other than visible), the pane included (past its right edge the
 * text is behind a sideways scroll).
 */
function hiddenCapText(page: Page): Promise<string[]> {
  return page.getByRole('complementary', { name: PANE }).evaluate((pane) => {
    const caps = pane.querySelector('[data-testid=caps]');
    if (!caps) return ['no Caps section'];
    const out: string[] = [];
    for (const el of Array.from(caps.querySelectorAll<HTMLElement>('*'))) {
      const text = (el.textContent ?? '').trim();
      if (!text || el.children.length > 0) continue;
      const box = el.getBoundingClientRect();
      const contentRight = box.left + Math.max(el.scrollWidth, box.width);
      for (let a: HTMLElement | null = el; a; a = a === pane ? null : a.parentElement) {
        if (getComputedStyle(a).overflowX === 'visible') continue;
        const clipRight = a.getBoundingClientRect().left + a.clientLeft + a.clientWidth;
        if (contentRight > clipRight + 1) {
          out.push(`"${text}" is cut off by ${a === pane ? 'the pane' : a.tagName.toLowerCase()}`);
          break;
        }
      }
    }
    return out;
  });
}
