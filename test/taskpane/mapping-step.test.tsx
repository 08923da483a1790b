/**
 * The pane's mapping step (issue 10, point 6): each column with two of its values and whether the
 * rules need it, a column of values under a blank header mappable by its cell, and the order of day
 * and month for dates typed as text, which become dates on conversion.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { dayFromIso, findProgram, serialFromDay } from '../../src/core';
import { MappingStep } from '../../src/taskpane/LogSetup';
import { applyConversion, CONVERSION_READ, conversionPlan, proposeConversion } from '../../src/workbook/log-sheet';
import { MemoryWorkbook } from '../../src/workbook/memory';

function textOf(element: React.ReactElement): string {
  return renderToStaticMarkup(<FluentProvider theme={webLightTheme}>{element}</FluentProvider>)
    .replace(/<style[^>]*>[^<]*<\/style>/g, ' ')
    .replace(/<option[^>]*>[^<]*<\/option>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, ' ');
}

async function proposed() {
  const wb = new MemoryWorkbook({
    Log: [
      ['When', 'Title', ''],
      ['03/04/2025', 'Webinar', 2],
      ['05/06/2025', 'Workshop', 1],
    ],
  });
  const snap = await wb.read(CONVERSION_READ);
  const result = proposeConversion(snap, 'Log');
  if (!result.ok) throw new Error(result.message);
  return { wb, snap, proposal: result.proposal };
}

test('each column shows two of its values and whether it is required; a blank header is a column too', async () => {
  const { proposal } = await proposed();
  const mapping = Object.fromEntries(proposal.columns.map((c) => [c.index, c.key]));
  const noop = () => undefined;
  const text = textOf(
    <MappingStep
      step={{ kind: 'map', proposal, mapping }}
      busy={false}
      onChange={noop}
      onReview={noop}
      onBack={noop}
    />,
  );
  expect(text).toContain('Column “When” Recognised · Required · e.g. “03/04/2025”, “05/06/2025”');
  expect(text).toContain('Column “Title” Recognised · e.g. “Webinar”, “Workshop”');
  expect(text).toContain('Column C (no header) e.g. “2”, “1”');
  expect(text).toContain('Still needed: Hours (or Self-study hours, or Credits)');
  expect(text).toContain('“03/04/2025” could be read either way');

  const mapped = textOf(
    <MappingStep
      step={{ kind: 'map', proposal, mapping: { ...mapping, 2: 'hours' } }}
      busy={false}
      onChange={noop}
      onReview={noop}
      onBack={noop}
    />,
  );
  expect(mapped).not.toContain('Still needed');
  expect(mapped).toContain('Column C (no header) Required · e.g. “2”, “1”');
});

test('the column under a blank header is mapped, and the chosen date order turns the text dates into dates', async () => {
  const { wb, snap, proposal } = await proposed();
  const program = findProgram('NAMSS-CPCS')!;
  const options = {
    mapping: { 0: 'date', 1: 'activity', 2: 'hours' } as const,
    credits: false,
    dateOrder: 'dmy' as const,
  };
  const plan = conversionPlan(proposal, options, program, snap);
  expect(plan.problems).toEqual([]);
  expect(plan.notes).toContain(
    '2 text dates in the Date column become dates, read day first (03/04/2025 → 2025-04-03)',
  );
  expect(plan.renames.map((r) => [r.cell, r.to])).toEqual([['C1', 'Hours']]);
  await applyConversion(wb, plan, program);
  const after = await wb.read({ sheets: ['Log'] });
  expect(after.sheets.Log!.values.slice(1).map((r) => r[0])).toEqual([
    serialFromDay(dayFromIso('2025-04-03')!),
    serialFromDay(dayFromIso('2025-06-05')!),
  ]);
});
