/**
 * A workbook in the 1904 date system, in Excel (the fake host): the Office adapter tells the date system
 * with its first sync, and the pane, its conversion and its summary refuse to show or write dates four
 * years off, saying why, and leave the workbook as it was.
 */
import { dayFromIso } from '../../src/core';
import { generateSummary } from '../../src/summary/generate';
import { DATE_1904_MESSAGE } from '../../src/workbook/date-system';
import { OfficeWorkbook } from '../../src/workbook/office';
import { PaneController } from '../../src/workbook/session';
import { FakeExcel } from '../fakes/fake-excel';
import { loadSample } from '../fakes/sample-workbook';

const asOf = dayFromIso('2026-11-23')!;

async function sampleHost(date1904: boolean) {
  const fake = new FakeExcel({ Sheet1: [] });
  const port = new OfficeWorkbook({ run: fake.run });
  await loadSample(port);
  // An older tracker beside the log, for the conversion.
  await port.apply([
    {
      kind: 'setValues',
      sheet: 'Sheet1',
      row: 0,
      col: 0,
      values: [
        ['Done', 'Course title', 'Time spent'],
        ['3/14/2025', 'Strategy day', 2],
      ],
    },
  ]);
  fake.date1904 = date1904;
  return { fake, port };
}

test('the Office adapter tells a 1904 workbook from a 1900 one, with no sync of its own', async () => {
  for (const date1904 of [false, true]) {
    const { fake, port } = await sampleHost(date1904);
    const before = fake.syncs;
    const snapshot = await port.read({ sheets: ['CE Log'] });
    expect(snapshot.date1904 === true).toBe(date1904);
    // One sync for the used range, one for the values: as without the date system.
    expect(fake.syncs - before).toBe(2);
  }
});

test('the pane shows why it has no figures for a 1904 workbook, and evaluates a 1900 one', async () => {
  const ok = new PaneController((await sampleHost(false)).port, { asOf });
  await ok.start();
  expect(ok.getState().evaluation?.status.keyword).toBe('IN PROGRESS');
  expect(ok.getState().logError).toBeUndefined();

  const c = new PaneController((await sampleHost(true)).port, { asOf });
  await c.start();
  expect(c.getState().evaluation).toBeUndefined();
  expect(c.getState().logError).toBe(DATE_1904_MESSAGE);
  expect(DATE_1904_MESSAGE).toMatch(/1904 date system.*ce-ledger check/);
});

test('in a 1904 workbook the pane writes no profile date, no conversion and no summary: the workbook is unchanged', async () => {
  const { fake, port } = await sampleHost(true);
  const c = new PaneController(port, { asOf });
  await c.start();
  const before = JSON.stringify(await fake.book.read({ sheets: 'all' }));

  const saved = await c.saveProfile({ program: 'NISM-SMS', cycleStart: '2025-03-14' });
  expect(saved).toEqual({ ok: false, problems: [{ field: 'cycleStart', message: DATE_1904_MESSAGE }] });

  const proposed = await c.proposeConversion('Sheet1');
  if (!proposed.ok) throw new Error(proposed.message);
  const mapping = Object.fromEntries(proposed.proposal.columns.map((col) => [col.index, col.key ?? 'date']));
  mapping[0] = 'date';
  mapping[2] = 'hours';
  const plan = await c.planConversion(proposed.proposal, { mapping, credits: false });
  expect(plan.ok).toBe(false);
  expect(plan.problems).toEqual([DATE_1904_MESSAGE]);

  const summary = await generateSummary(port, { asOf });
  expect(summary).toMatchObject({ ok: false, message: DATE_1904_MESSAGE });

  expect(JSON.stringify(await fake.book.read({ sheets: 'all' }))).toBe(before);
});
