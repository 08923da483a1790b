/**
 * A number fact that moves the cycle's dates (SHRM-CP's birth month) goes through the CE Profile sheet
 * and the pane's profile form like the other facts; without it the pane says what is missing.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { dayFromIso, isoFromDay } from '../../src/core';
import { App } from '../../src/taskpane/App';
import { MemoryWorkbook } from '../../src/workbook/memory';
import { PaneController } from '../../src/workbook/session';
import { PROFILE_SHEET, readProfile } from '../../src/workbook/profile-sheet';

const asOf = dayFromIso('2023-06-01')!;
const all = { sheets: 'all' as const };

async function shrmWorkbook(): Promise<MemoryWorkbook> {
  const wb = new MemoryWorkbook({
    Log: [
      ['Date', 'Activity', 'Provider', 'Format', 'Hours', 'Category', 'Proof'],
      ['2022-09-01', 'HR law update', 'SHRM', 'Seminar', 20, 'Advance Your Education', 'Certificate'],
    ],
  });
  await wb.apply([{ kind: 'createTable', sheet: 'Log', name: 'CELog', range: { row: 0, col: 0, rows: 2, cols: 7 } }]);
  return wb;
}

test('saving the profile writes Birth month to the sheet, reads it back as a number, and dates the cycle by it', async () => {
  const wb = await shrmWorkbook();
  const controller = new PaneController(wb, { asOf });
  const saved = await controller.saveProfile({
    program: 'SHRM-CP',
    cycleStart: '2022-04-29',
    facts: { birthMonth: '7' },
  });
  expect(saved).toEqual({ ok: true });
  const read = readProfile(await wb.read(all));
  expect(read.profile?.facts).toEqual({ birthMonth: 7 });
  const labels = (await wb.read(all)).sheets[PROFILE_SHEET]!;
  expect(JSON.stringify(labels)).toContain('Birth month');
  const ev = controller.getState().evaluation!;
  expect(isoFromDay(ev.cycle.deadline)).toBe('2025-07-31');
  expect(ev.earned).toBe(20);
});

test('the form shows Birth month as a number field; a month name is refused with the accepted range', async () => {
  const controller = new PaneController(await shrmWorkbook(), { asOf });
  const bad = await controller.saveProfile({
    program: 'SHRM-CP',
    cycleStart: '2022-04-29',
    facts: { birthMonth: 'July' },
  });
  expect(bad).toEqual({ ok: false, problems: [{ field: 'birthMonth', message: 'enter a number from 0 to 12' }] });
  // An invalid cycle start keeps the form open with the program read from the sheet.
  const open = new PaneController(
    new MemoryWorkbook({
      [PROFILE_SHEET]: [
        ['Program', 'SHRM-CP'],
        ['Cycle start', 'soon'],
        ['Birth month', 7],
      ],
    }),
    { asOf },
  );
  await open.refresh();
  const html = renderToStaticMarkup(<App controller={open} as="div" />);
  const field = /<label[^>]*>Birth month<\/label>.*?<input([^>]*)>/.exec(html);
  expect(field).not.toBeNull();
  expect(field![1]).toMatch(/inputMode="decimal"/);
  expect(field![1]).toMatch(/value="7"/);
});

test('without Birth month the pane shows why there are no dates instead of a made-up deadline', async () => {
  const controller = new PaneController(await shrmWorkbook(), { asOf });
  expect(await controller.saveProfile({ program: 'SHRM-CP', cycleStart: '2022-04-29' })).toEqual({ ok: true });
  const state = controller.getState();
  expect(state.evaluation).toBeUndefined();
  expect(state.logError).toMatch(/^Birth month is not in the profile/);
  const html = renderToStaticMarkup(<App controller={controller} />);
  expect(html).toContain('Birth month is not in the profile');
});
