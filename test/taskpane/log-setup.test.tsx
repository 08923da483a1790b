/**
 * The conversion confirmation (what the user reads before "Convert") says which header cells Excel
 * will turn into text, and that Proof takes several kinds.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { findProgram } from '../../src/core';
import { ConversionConfirmation, ConversionFailure } from '../../src/taskpane/LogSetup';
import {
  applyConversion,
  ConversionError,
  CONVERSION_READ,
  conversionPlan,
  proposeConversion,
} from '../../src/workbook/log-sheet';
import { MemoryWorkbook } from '../../src/workbook/memory';
import { OfficeWorkbook } from '../../src/workbook/office';
import { PaneController } from '../../src/workbook/session';
import { FakeExcel } from '../fakes/fake-excel';

function textOf(element: React.ReactElement): string {
  const html = renderToStaticMarkup(<FluentProvider theme={webLightTheme}>{element}</FluentProvider>);
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, ' ');
}

test('the confirmation names a number header and a TRUE header that will become text', async () => {
  const wb = new MemoryWorkbook({
    Log: [
      ['Date', 2024, 'Hours', true],
      [45740, 'a', 2, 'x'],
    ],
  });
  const snap = await wb.read({ sheets: 'all', formulas: true });
  const result = proposeConversion(snap, 'Log');
  if (!result.ok) throw new Error(result.message);
  const mapping = Object.fromEntries(result.proposal.columns.map((c) => [c.index, c.key]));
  const plan = conversionPlan(result.proposal, { mapping, credits: false }, findProgram('NISM-SMS')!, snap);
  expect(plan.ok).toBe(true);
  const html = renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <ConversionConfirmation plan={plan} sheet="Log" credits={false} />
    </FluentProvider>,
  );
  const text = html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');
  expect(text).toContain('Header B1 (2024) will become the text "2024"');
  expect(text).toContain('Header D1 (TRUE) will become the text "TRUE"');
  expect(text).toContain('every other value you typed stays as it is');
  expect(text).toContain('Assignment; Publication');
});

test('the confirmation names the blank header the plan names, and which cell it is', async () => {
  const wb = new MemoryWorkbook({
    Log: [
      ['Date', 'Hours', '', 'Column3'],
      [45740, 2, 'x', 'y'],
    ],
  });
  const snap = await wb.read(CONVERSION_READ);
  const result = proposeConversion(snap, 'Log');
  if (!result.ok) throw new Error(result.message);
  const plan = conversionPlan(
    result.proposal,
    { mapping: { 0: 'date', 1: 'hours' }, credits: false },
    findProgram('NISM-SMS')!,
    snap,
  );
  expect(textOf(<ConversionConfirmation plan={plan} sheet="Log" credits={false} />)).toContain(
    'The blank header C1 is named “Column4”',
  );
});

test('the confirmation names the other year sheets the same confirmation converts, with their rows', async () => {
  const header = ['Date', 'Activity', 'Hours'];
  const wb = new MemoryWorkbook({
    '2024': [header, [45_400, 'Webinar', 2]],
    '2025': [header, [45_700, 'Course', 1], [45_710, 'Talk', 1]],
    '2026': [header, [46_100, 'Audit', 3]],
  });
  const c = new PaneController(wb, { asOf: 46_200 });
  await c.start();
  expect(await c.saveProfile({ program: 'NAMSS-CPCS', cycleStart: '2024-01-01' })).toEqual({ ok: true });
  const proposed = await c.proposeConversion('2024');
  if (!proposed.ok) throw new Error(proposed.message);
  const mapping = Object.fromEntries(proposed.proposal.columns.map((col) => [col.index, col.key]));
  const plan = await c.planConversion(proposed.proposal, { mapping, credits: false });
  expect(textOf(<ConversionConfirmation plan={plan} sheet="2024" credits={false} />)).toContain(
    'The sheets “2025” (2 rows) and “2026” (1 row) carry the same log: they become tables too',
  );
  c.stop();
});

test('when Excel refuses part-way, the pane says what was written and how to undo each change', async () => {
  // A host that cannot report merged cells: the plan cannot see the merged total row, Excel refuses the table.
  const fake = new FakeExcel({ Log: [['Wann', 'Stunden'], [45740, 2], ['Total']] });
  fake.mergedAreasApi = false;
  fake.book.merge('Log', { row: 2, col: 0, rows: 1, cols: 2 });
  const port = new OfficeWorkbook({ run: fake.run });
  const snap = await port.read(CONVERSION_READ);
  const result = proposeConversion(snap, 'Log');
  if (!result.ok) throw new Error(result.message);
  const program = findProgram('NISM-SMS')!;
  const plan = conversionPlan(result.proposal, { mapping: { 0: 'date', 1: 'hours' }, credits: false }, program, snap);
  const error = await applyConversion(port, plan, program).catch((e: unknown) => e);
  if (!(error instanceof ConversionError)) throw new Error(`expected a ConversionError, got ${String(error)}`);
  const text = textOf(<ConversionFailure error={error} />);
  expect(text).toContain(
    "Excel refused the conversion part-way (A table can't overlap a range that contains merged cells)",
  );
  expect(text).toContain("Excel's Undo (Ctrl+Z)");
  expect(text).toContain('Type "Wann" back into A1 (now "Date").');
  expect(text).toContain('Type "Stunden" back into B1 (now "Hours").');
});
