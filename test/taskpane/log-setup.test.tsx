/**
 * The conversion confirmation (what the user reads before "Convert") says which header cells Excel
 * will turn into text, and that Proof takes several kinds.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { findProgram } from '../../src/core';
import { ConversionConfirmation } from '../../src/taskpane/LogSetup';
import { conversionPlan, proposeConversion } from '../../src/workbook/log-sheet';
import { MemoryWorkbook } from '../../src/workbook/memory';

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
  const text = html.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/\s+/g, ' ');
  expect(text).toContain('Header B1 (2024) will become the text "2024"');
  expect(text).toContain('Header D1 (TRUE) will become the text "TRUE"');
  expect(text).toContain('every other value you typed stays as it is');
  expect(text).toContain('Assignment; Publication');
});
