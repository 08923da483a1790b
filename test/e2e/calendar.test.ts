/** The pane's "Dates to remember" button in the preview (headless Chromium): the .ics it downloads, parsed. */
import fs from 'fs';
import ICAL from 'ical.js';
import { SAMPLE_AS_OF } from '../../src/preview/sample';
import { describeBrowser, openSession, type Session } from './browser';

jest.setTimeout(120_000);

describeBrowser('dates to remember in the preview (headless Chromium)', () => {
  let session: Session;

  beforeAll(async () => {
    session = await openSession();
  });
  afterAll(async () => {
    await session?.close();
  });

  test('the button downloads an iCalendar file with the deadline, grace end and the reminders still ahead', async () => {
    const page = await session.browser.newPage();
    await page.goto(`${session.url}/preview.html?asOf=${SAMPLE_AS_OF}`);
    await page.getByTestId('status-line').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download calendar file' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('NISM-SMS-dates.ics');
    const text = fs.readFileSync((await download.path())!, 'utf8');
    await page.close();
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar
      .getAllSubcomponents('vevent')
      .map((c) => new ICAL.Event(c))
      .map((e) => [e.startDate.toString(), e.summary]);
    // The sample: NISM-SMS from 2025-03-14, 2 credits to go on 2026-11-23; deadline 2027-03-14, 14 days of grace.
    expect(events).toEqual([
      ['2026-12-14', 'NISM-SMS: renewal deadline in 90 days'],
      ['2027-02-12', 'NISM-SMS: renewal deadline in 30 days'],
      ['2027-03-07', 'NISM-SMS: renewal deadline in 7 days'],
      ['2027-03-14', 'NISM-SMS: renewal deadline'],
      ['2027-03-28', 'NISM-SMS: grace period ends'],
    ]);
    expect(new ICAL.Event(calendar.getAllSubcomponents('vevent')[0]!).description).toMatch(
      /2 credits still to earn when this file was made/,
    );
  });
});
