/**
 * The preview host in headless Chromium: the real pane on the sample tracker, driven as a user would.
 * Expected figures come from the core's evaluateLog on the same sample, plus facts checked by hand.
 */
import fs from 'fs';
import path from 'path';
import type { Page } from 'playwright-core';
import { SAMPLE_AS_OF, sampleLogValues, sampleOldTrackerValues } from '../../src/preview/sample';
import { describeBrowser, overflowing, openSession, sampleEvaluation, type Session } from './browser';

jest.setTimeout(120_000);

const fmt = (n: number) => String(Number(n.toFixed(2)));

describeBrowser('preview host (headless Chromium)', () => {
  let session: Session;
  let page: Page;
  const offsite: string[] = [];
  const policyViolations: string[] = [];

  beforeAll(async () => {
    session = await openSession();
  });
  afterAll(async () => {
    await session?.close();
  });

  beforeEach(async () => {
    offsite.length = 0;
    policyViolations.length = 0;
    page = await session.browser.newPage();
    page.on('request', (r) => {
      if (!r.url().startsWith(session.url) && !r.url().startsWith('data:')) offsite.push(r.url());
    });
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) policyViolations.push(m.text());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    await page.goto(`${session.url}/preview.html?asOf=${SAMPLE_AS_OF}`);
    await page.getByTestId('status-line').waitFor();
  });
  afterEach(async () => {
    await page.close();
    // The preview never reaches past its own server (no Office CDN, no fonts, no telemetry).
    expect(offsite).toEqual([]);
    // No eval and nothing outside the page's own origin, as the preview's CSP enforces.
    expect(policyViolations).toEqual([]);
  });

  const texts = (testId: string) => page.getByTestId(testId).allTextContents();

  test('the dashboard shows the status, progress, caps, problems, proof and checklist of the sample', async () => {
    const ev = sampleEvaluation();
    expect(await page.getByTestId('status-line').textContent()).toBe(ev.status.line);
    expect(await page.getByTestId('status-keyword').textContent()).toBe('IN PROGRESS');
    expect(ev.status.line).toBe('IN PROGRESS: 18 of 20 credits, 2 to go by 2027-03-14');
    expect(await page.getByTestId('countdown').textContent()).toBe('111 days to the deadline (2027-03-14)');
    await expect(page.getByText(`Total: ${fmt(ev.earned)} of 20 credits`).count()).resolves.toBe(1);

    // Caps: every cap row from the Evaluation, and the webinar series clipped at 5 (checked by hand).
    const capRows = await page
      .getByTestId('cap-row')
      .evaluateAll((rows) =>
        rows.map((r) => Array.from(r.querySelectorAll('td')).map((td) => (td.textContent ?? '').trim())),
      );
    expect(capRows).toEqual(
      ev.caps.map((c) => [
        `${c.label}${c.full ? ' full' : ''}`,
        fmt(c.claimed),
        fmt(c.counted),
        fmt(c.limit),
        fmt(c.clipped),
      ]),
    );
    const webinar = capRows.find((r) => r[0]!.startsWith('Webinar'))!;
    expect(webinar[0]).toBe('Webinar full');
    expect(webinar.slice(2, 4)).toEqual(['5', '5']);
    expect(Number(webinar[1])).toBeGreaterThan(5);
    expect(Number(webinar[4])).toBe(Number(webinar[1]) - 5);

    // Problems: the bad date, the negative hours and the unknown format, by sheet row.
    const problems = await texts('problem');
    expect(problems.map((p) => Number(/^Row (\d+)/.exec(p)![1]))).toEqual([20, 22, 24]);
    expect(problems).toEqual(ev.problems.map((p) => `Row ${p.row}, ${p.column}: ${p.message}`));
    expect(problems[0]).toContain('Podcast');
    expect(problems[1]).toContain('-2');
    expect(problems[2]).toContain('2025-13-02');

    // Missing and insufficient proof; the assessment scored 60 is insufficient (row 14).
    const proof = await texts('proof-issue');
    expect(proof.map((p) => Number(/^Row (\d+)/.exec(p)![1]))).toEqual(ev.proofIssues.map((p) => p.row));
    expect(proof.find((p) => p.startsWith('Row 14 '))).toMatch(/insufficient.*60/);

    // Entries to review: the unapproved course (at risk) and the subject outside the list (not counted).
    const review = await texts('review-entry');
    expect(review.find((r) => r.startsWith('Row 10:'))).toContain('at risk: Not pre-approved by NISM');
    expect(review.find((r) => r.startsWith('Row 18:'))).toMatch(/not counted: .*Graphic Design/);

    // Checklist: each item with its state.
    const items = page.getByTestId('checklist-item');
    expect(await items.count()).toBe(ev.checklist.length);
    for (let i = 0; i < ev.checklist.length; i++) {
      const item = ev.checklist[i]!;
      expect(await items.nth(i).getAttribute('data-done')).toBe(String(item.done));
      expect(await items.nth(i).textContent()).toContain(item.label);
    }
    expect(ev.checklist.find((c) => c.id === 'credits')!.done).toBe(false);

    // Fees that apply now, and the cap-aware hint.
    const nowFees = await page.locator('[data-testid=fee][data-now=true]').allTextContents();
    expect(nowFees.map((f) => f.split(':')[0])).toEqual(ev.fees.filter((f) => f.now).map((f) => f.label));
    expect(await texts('hints')).toEqual([
      expect.stringContaining("Webinar is at its cap, so further entries of that kind won't count"),
    ]);
  });

  test('clicking a problem selects its cell; clicking a proof issue selects the row', async () => {
    await page.getByTestId('problem').filter({ hasText: 'Row 22, Hours' }).click();
    const cell = page.getByLabel('E22', { exact: true });
    await expect(cell.getAttribute('data-selected')).resolves.toBe('true');
    // The selection reaches the grid after the click's handler has run: wait for it, then check.
    const focused = 'E22';
    await page.waitForFunction((label) => document.activeElement?.getAttribute('aria-label') === label, focused);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(focused);
    await page.getByTestId('proof-issue').filter({ hasText: 'Row 14 ' }).click();
    expect(
      await page.evaluate(
        () => (window as unknown as { ceLedger: { wb: { selection: unknown } } }).ceLedger.wb.selection,
      ),
    ).toEqual({
      sheet: 'CE Log',
      range: { row: 13, col: 0, rows: 1, cols: 13 },
    });
  });

  test('editing a cell in the grid updates the pane', async () => {
    const cell = page.getByLabel('E22', { exact: true });
    await cell.fill('2');
    await cell.press('Enter');
    const values = sampleLogValues();
    values[21]![4] = 2;
    const ev = sampleEvaluation(values);
    await page.getByTestId('status-line').filter({ hasText: ev.status.line }).waitFor({ timeout: 10_000 });
    expect(ev.status.keyword).toBe('READY');
    expect(await page.getByTestId('status-keyword').textContent()).toBe('READY');
    expect((await texts('problem')).map((p) => Number(/^Row (\d+)/.exec(p)![1]))).toEqual([20, 24]);
  });

  test('a refresh caused by an edit in the sheet keeps what the user is typing in the profile form', async () => {
    await page.getByRole('button', { name: 'Edit profile' }).click();
    await page.getByLabel('Name').fill('Sam Lee');
    const cell = page.getByLabel('E22', { exact: true });
    await cell.fill('2');
    await cell.press('Enter');
    await page.getByTestId('status-keyword').filter({ hasText: 'READY' }).waitFor();
    expect(await page.getByLabel('Name').inputValue()).toBe('Sam Lee');
  });

  test('an invalid profile value is refused with the message from the schema', async () => {
    await page.getByRole('button', { name: 'Edit profile' }).click();
    const start = page.getByLabel('Cycle start');
    await start.fill('2025-02-30');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Cycle start: enter a date (yyyy-mm-dd)').waitFor();
    const stored = await page.evaluate(() => {
      const { wb } = (
        window as unknown as {
          ceLedger: {
            wb: {
              names(): { name: string; range: { row: number; col: number } }[];
              getValue(s: string, r: number, c: number): unknown;
            };
          };
        }
      ).ceLedger;
      const n = wb.names().find((x) => x.name === 'CE_CYCLE_START')!;
      return wb.getValue('CE Profile', n.range.row, n.range.col);
    });
    expect(stored).toBe(45730); // 2025-03-14, unchanged
    // The form asks for what the chosen program needs: a CPR/AED date for ACSM, none for NISM.
    expect(await page.getByLabel('CPR/AED valid until').count()).toBe(0);
    await page.getByLabel('Program').selectOption('ACSM-CPT');
    expect(await page.getByLabel('CPR/AED valid until').count()).toBe(1);
  });

  test('ticking a manual checklist item writes it to the CE Profile sheet', async () => {
    const fee = page.getByRole('checkbox', { name: /Re-certification fee paid/ });
    expect(await fee.isChecked()).toBe(false);
    await fee.check();
    await page.locator('[data-testid=checklist-item][data-done=true]').filter({ hasText: 'fee paid' }).waitFor();
    const stored = await page.evaluate(() => {
      const { wb } = (
        window as unknown as {
          ceLedger: {
            wb: {
              names(): { name: string; range: { row: number; col: number } }[];
              getValue(s: string, r: number, c: number): unknown;
            };
          };
        }
      ).ceLedger;
      const n = wb.names().find((x) => x.name === 'CE_ATTEST_FEE')!;
      return wb.getValue('CE Profile', n.range.row, n.range.col);
    });
    expect(stored).toBe(true);
    expect(await fee.isChecked()).toBe(true);
  });

  test('converting a sheet with its own headers: mapping shown, corrected, confirmed, table created', async () => {
    await page.getByRole('button', { name: 'Use another sheet or start a new log…' }).click();
    await page.getByTestId('sheet-select').selectOption('Old tracker');
    await page.getByRole('button', { name: 'Use this sheet as my CE log' }).click();

    // The proposal: recognised and suggested columns, unknown ones not used.
    expect(await page.getByTestId('map-Course title').inputValue()).toBe('activity');
    expect(await page.getByTestId('map-Type').inputValue()).toBe('format');
    expect(await page.getByTestId('map-Done').inputValue()).toBe('');
    expect(await page.getByTestId('map-Time spent').inputValue()).toBe('');

    // Without a Date column the plan is refused and nothing is written.
    await page.getByRole('button', { name: 'Review changes' }).click();
    await page.getByTestId('plan-problems').filter({ hasText: 'Map a column to Date' }).waitFor();
    await page.getByRole('button', { name: 'Back' }).click();

    await page.getByTestId('map-Done').selectOption('date');
    await page.getByTestId('map-Time spent').selectOption('hours');
    await page.getByTestId('map-Paperwork').selectOption('proof');
    await page.getByRole('button', { name: 'Review changes' }).click();
    const confirmation = page.getByTestId('confirmation');
    await confirmation.waitFor();
    const text = (await confirmation.textContent())!;
    expect(text).toContain('The header “Done” is renamed to “Date”');
    expect(text).toContain('The header “Time spent” is renamed to “Hours”');
    expect(text).toContain('CELog2');
    expect(
      await page.evaluate(
        () => (window as unknown as { ceLedger: { wb: { tables(): unknown[] } } }).ceLedger.wb.tables().length,
      ),
    ).toBe(1);

    await page.getByRole('button', { name: 'Convert' }).click();
    await page.getByTestId('setup-message').filter({ hasText: 'is now a CE log (table CELog2)' }).waitFor();
    const after = await page.evaluate(() => {
      const { wb } = (
        window as unknown as {
          ceLedger: {
            wb: {
              tables(): { name: string; sheet: string; range: unknown }[];
              extent(s: string): { rows: number; cols: number };
              getValue(s: string, r: number, c: number): unknown;
            };
          };
        }
      ).ceLedger;
      const { rows } = wb.extent('Old tracker');
      const values = Array.from({ length: rows }, (_, r) =>
        Array.from({ length: 6 }, (_, c) => wb.getValue('Old tracker', r, c)),
      );
      return { tables: wb.tables().map((t) => ({ name: t.name, sheet: t.sheet, range: t.range })), values };
    });
    expect(after.tables[1]).toEqual({
      name: 'CELog2',
      sheet: 'Old tracker',
      range: { row: 2, col: 0, rows: 4, cols: expect.any(Number) },
    });
    const before = sampleOldTrackerValues();
    before[2] = ['Date', 'Course title', 'Hours', 'Sponsor', 'Type', 'Proof'];
    expect(after.values).toEqual(before.map((r) => Array.from({ length: 6 }, (_, c) => r[c] ?? '')));
    // The dashboard now reads the converted log, with the CE log whose columns it now shares (as the
    // command line would), and says which sheets it read with their rows.
    await page.getByText('Log: Old tracker (table CELog2), 43 rows read').waitFor();
    await page.getByText('Sheets read as one log: “CE Log” (40 rows), “Old tracker” (3 rows)').waitFor();
    // The grid shows the new headers once the sheet is opened.
    await page.getByRole('button', { name: 'Old tracker' }).click();
    expect(await page.getByLabel('A3', { exact: true }).inputValue()).toBe('Date');
  });

  test('axe-core finds no accessibility violations: dashboard, log setup open, dark theme', async () => {
    const axeSource = fs.readFileSync(path.join(path.dirname(require.resolve('axe-core')), 'axe.min.js'), 'utf8');
    const run = async () => {
      // Evaluated through the DevTools protocol: an inline <script> would be refused by the page's CSP.
      await page.evaluate(axeSource);
      return page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: {
              run(
                ctx: Document,
              ): Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }>;
            };
          }
        ).axe;
        const result = await axe.run(document);
        return result.violations.map((v) => ({
          id: v.id,
          help: v.help,
          targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
        }));
      });
    };
    expect(await run()).toEqual([]);
    await page.getByRole('button', { name: 'Use another sheet or start a new log…' }).click();
    await page.getByTestId('sheet-select').selectOption('Old tracker');
    await page.getByRole('button', { name: 'Use this sheet as my CE log' }).click();
    await page.getByTestId('map-Done').waitFor();
    expect(await run()).toEqual([]);
    // The dark theme too.
    await page.goto(`${session.url}/preview.html?asOf=${SAMPLE_AS_OF}&theme=dark`);
    await page.getByTestId('status-line').waitFor();
    expect(await run()).toEqual([]);
    // The check can fail: an unlabelled control is reported.
    await page.evaluate(() => document.querySelector('aside')!.appendChild(document.createElement('input')));
    expect((await run()).map((v) => v.id)).toContain('label');
  });

  test('?rows=1000 loads a generated 1,000-row log, shown 100 rows per page; a bad ?rows= says so and keeps the sample', async () => {
    await page.goto(`${session.url}/preview.html?asOf=${SAMPLE_AS_OF}&rows=1000`);
    await page.getByTestId('status-line').waitFor();
    const values = sampleLogValues(1000);
    expect(values.length).toBe(1001);
    expect(await page.getByTestId('status-line').textContent()).toBe(sampleEvaluation(values).status.actionLine);
    await page.getByText(`Log: CE Log (table CELog), 1000 rows read, as of ${SAMPLE_AS_OF}`).waitFor();
    // The grid: the first page of rows, and the next page on demand.
    const pager = page.getByRole('navigation', { name: 'Rows' });
    expect(await pager.locator('span').textContent()).toBe('Rows 1–100 of 1,006');
    expect(await page.getByLabel('A100', { exact: true }).count()).toBe(1);
    expect(await page.getByLabel('A101', { exact: true }).count()).toBe(0);
    await pager.getByRole('button', { name: 'Next rows' }).click();
    expect(await pager.locator('span').textContent()).toBe('Rows 101–200 of 1,006');
    expect(await page.getByLabel('B101', { exact: true }).inputValue()).toBe(String(values[100]![1]));
    // Same rows on every load: the log is seeded.
    expect(sampleLogValues(1000)).toEqual(values);
    // Long lists open with 20 items; the button shows the next ones, and keeps the count of the rest.
    const proof = sampleEvaluation(values).proofIssues.length;
    expect(proof).toBeGreaterThan(20);
    expect(proof).toBeLessThanOrEqual(120);
    const issues = page.getByTestId('proof-issue');
    expect(await issues.count()).toBe(20);
    await page
      .getByTestId('proof')
      .getByRole('button', { name: `Show ${Math.min(100, proof - 20)} more proof issues (${proof - 20} not shown)` })
      .click();
    expect(await issues.count()).toBe(proof);
    expect(await page.getByTestId('proof').getByTestId('show-more').count()).toBe(0);

    await page.goto(`${session.url}/preview.html?asOf=${SAMPLE_AS_OF}&rows=lots`);
    await page.getByTestId('status-line').waitFor();
    expect(await page.getByRole('note').textContent()).toBe(
      '?rows= must be a whole number from 1 to 100,000; “lots” is not, so this is the 40-row sample.',
    );
    expect(await page.getByTestId('status-line').textContent()).toBe(sampleEvaluation().status.line);
    expect(await page.getByRole('navigation', { name: 'Rows' }).count()).toBe(0);
  });

  test('the pane at its narrow default width (screenshot to /tmp/pane.png)', async () => {
    const pane = page.getByRole('complementary', { name: 'CE Ledger task pane' });
    const height = await pane.evaluate((el) => el.scrollHeight);
    await page.setViewportSize({ width: 1280, height: Math.min(4000, height + 60) });
    const box = (await pane.boundingBox())!;
    expect(box.width).toBeLessThanOrEqual(345);
    // Nothing in the pane is wider than the pane (no horizontal scrolling at ~320 px).
    expect(await overflowing(page)).toEqual([]);
    await pane.screenshot({ path: '/tmp/pane.png' });
  });

  // The machine's fonts decide how wide every word is (Segoe UI in Office; on Linux a fallback such as
  // DejaVu Sans, which is wider). Whatever they are, nothing may push the pane sideways at 320 px.
  test.each(['machine default', 'sans-serif', 'serif', 'monospace'])(
    'nothing overflows a 320 px pane with the %s font: dashboard, then a sheet being converted',
    async (font) => {
      const fontRule = font === 'machine default' ? '' : `.pane, .pane * { font-family: ${font} !important; }`;
      await page.addStyleTag({ content: `.preview { grid-template-columns: minmax(0, 1fr) 320px; } ${fontRule}` });
      const pane = page.getByRole('complementary', { name: 'CE Ledger task pane' });
      expect(Math.round((await pane.boundingBox())!.width)).toBe(320);
      expect(await overflowing(page)).toEqual([]);
      await page.getByRole('button', { name: 'Use another sheet or start a new log…' }).click();
      await page.getByTestId('sheet-select').selectOption('Old tracker');
      await page.getByRole('button', { name: 'Use this sheet as my CE log' }).click();
      await page.getByTestId('map-Done').waitFor();
      expect(await overflowing(page)).toEqual([]);
    },
  );
});
