/**
 * The pane accounts for every row and says when the application is not ready although the credits are:
 * rendered to HTML from a controller on a memory workbook, figures from its Evaluation.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { dayFromIso, evaluateLog } from '../../src/core';
import { App } from '../../src/taskpane/App';
import { FateSection } from '../../src/taskpane/RowFates';
import { MemoryWorkbook } from '../../src/workbook/memory';
import { PaneController } from '../../src/workbook/session';
import { madeUpProgram } from '../fixtures/made-up-program';

const HEADER = ['Date', 'Activity', 'Provider', 'Format', 'Hours', 'Subject area', 'Approved', 'Proof'];

async function pane(rows: unknown[][], header = HEADER, asOf = '2027-01-10') {
  const cells = [header, ...rows] as (string | number | boolean)[][];
  const wb = new MemoryWorkbook({ Log: cells });
  await wb.apply([
    {
      kind: 'createTable',
      sheet: 'Log',
      name: 'CELog',
      range: { row: 0, col: 0, rows: cells.length, cols: header.length },
    },
  ]);
  const controller = new PaneController(wb, { asOf: dayFromIso(asOf)! });
  await controller.saveProfile({ program: 'NISM-SMS', cycleStart: '2025-03-14' });
  const ev = controller.getState().evaluation!;
  return { html: renderToStaticMarkup(<App controller={controller} />), ev };
}

const text = (html: string) => html.replace(/<[^>]+>/g, '');
const FORMATS = ['Webinar', 'Conference', 'In-person class', 'Online synchronous course'];

test('credits met with items open: READY in the warning colour, how many items, and each of them', async () => {
  const rows = FORMATS.map((f, i) => [
    `2025-0${i + 4}-01`,
    `Course ${i}`,
    i === 0 ? 'HubSpot' : 'NISM',
    f,
    5,
    'Social Media Strategy',
    i !== 0,
    i === 0 ? '' : 'Certificate',
  ]);
  const { html, ev } = await pane(rows);
  expect(ev.status.keyword).toBe('READY');
  const badge = /<[^>]*data-testid="status-keyword"[^>]*>/.exec(html)![0];
  expect(badge).toContain('data-tone="warning"');
  expect(text(html)).toContain('READY: requirements met; 2 items to resolve before you apply');
  const open = [...html.matchAll(/data-testid="open-item"[^>]*>(.*?)<\/li>/g)].map((m) => text(m[1]!));
  expect(open).toEqual([
    expect.stringMatching(/^Every non-NISM activity pre-approved — 1 entry to resolve/),
    expect.stringMatching(/^Proof held for every non-NISM activity — 1 entry missing/),
  ]);
  expect(text(html)).toContain(`${ev.status.line}; 2 items open`);
});

test('nothing open: READY in the success colour, no list of items', async () => {
  const rows = FORMATS.map((f, i) => [
    `2025-0${i + 4}-01`,
    `Course ${i}`,
    'NISM',
    f,
    5,
    'Social Media Strategy',
    true,
    'Certificate',
  ]);
  const { html } = await pane(rows);
  const badge = /<[^>]*data-testid="status-keyword"[^>]*>/.exec(html)![0];
  expect(badge).toContain('data-tone="success"');
  expect(html).not.toContain('data-testid="status-advice"');
  expect(html).not.toContain('data-testid="open-item"');
});

test('a mistyped year and a row a cap cut to nothing are listed under Not counted with their reasons', async () => {
  const rows = [
    ['2025-04-01', 'Strategy', 'NISM', 'Webinar', 5, 'Social Media Strategy', true, 'Certificate'],
    ['2052-04-01', 'Typo year', 'NISM', 'Conference', 3, 'Social Media Strategy', true, 'Certificate'],
    ['2025-05-01', 'One too many', 'NISM', 'Webinar', 2, 'Social Media Strategy', true, 'Certificate'],
    ['2025-06-01', 'Long course', 'NISM', 'Conference', 7, 'Social Media Strategy', true, 'Certificate'],
  ];
  const { html } = await pane(rows, HEADER, '2026-01-10');
  const listed = (id: string) =>
    [...html.matchAll(new RegExp(`data-testid="${id}"[^>]*>(.*?)</button>`, 'g'))].map((m) => text(m[1]!));
  expect(text(html)).toContain('Not counted (2)');
  expect(listed('not-counted-row')).toEqual([
    'Row 3: Typo year (3 not counted) — Dated 2052-04-01, after the last day to earn credits (2027-03-14)',
    'Row 4: One too many (0 of 2 counted) — Webinar is at its cap of 5 credits per cycle: nothing more counts',
  ]);
  expect(text(html)).toContain('Partly counted (1)');
  expect(listed('partly-counted-row')).toEqual([
    'Row 5: Long course (5 of 7 counted) — Capped at 5 credits per entry (7 computed)',
  ]);
});

test('a checklist item the log cannot settle shows as not checked with why, never as done', async () => {
  const header = ['Date', 'Activity', 'Provider', 'Format', 'Hours', 'Approved', 'Proof'];
  const { html } = await pane([['2025-04-01', 'Strategy', 'NISM', 'Webinar', 5, true, 'Certificate']], header);
  const item = /<li[^>]*data-state="not checked"[^>]*>(.*?)<\/li>/.exec(html)!;
  expect(item[0]).toContain('data-done="false"');
  expect(text(item[1]!)).toBe(
    '?Not checked: Subject areas from the NISM list — not checked: the log has no Subject area column',
  );
});

test('a later copy of a course and an unapproved seminar are listed under Not counted, each with why', () => {
  const result = evaluateLog(
    madeUpProgram(),
    [
      ['Date', 'Activity', 'Format', 'Hours', 'Proof'],
      ['2024-05-01', 'Ethics', 'Course', 2, 'Certificate'],
      ['2024-06-01', 'ethics', 'Course', 2, 'Certificate'],
      ['2024-07-01', 'Board seminar', 'Seminar', 3, 'Certificate'],
    ],
    { cycleStart: dayFromIso('2024-03-01')!, asOf: dayFromIso('2025-01-10')! },
  );
  if (!result.ok) throw new Error(result.message);
  const controller = new PaneController(new MemoryWorkbook({}), {});
  const html = renderToStaticMarkup(<FateSection ev={result.evaluation} controller={controller} fate="not counted" />);
  const rows = [...html.matchAll(/data-testid="not-counted-row" data-cause="([^"]+)"[^>]*>(.*?)<\/button>/g)].map(
    (m) => [m[1], text(m[2]!)],
  );
  expect(rows).toEqual([
    ['duplicate', expect.stringMatching(/^Row 3: ethics \(2 not counted\) — Duplicate: the same course as row 2/)],
    [
      'not-approved',
      'Row 4: Board seminar (3 not counted) — Seminar not approved by the board: petition the board before you apply',
    ],
  ]);
  expect(text(html)).toContain('Not counted (2)');
});
