/** CE Entries says each entry's fate and reasons as the pane and the command line do, from the same fields. */
import { generateSummary } from '../../src/summary';
import { MemoryWorkbook } from '../../src/workbook/memory';
import { AS_OF, day, nismLog, profileRows } from './fixtures';

test('the Fate column: counted, partly counted, not counted, and a row a cap cut to nothing is never "Counted"', async () => {
  const wb = new MemoryWorkbook({ 'CE Profile': profileRows(), 'CE Log': nismLog() });
  const result = await generateSummary(wb, { asOf: day(AS_OF) });
  if (!result.ok) throw new Error(result.message);
  const ev = result.evaluation;
  const { first, columns } = result.layout.entries;
  const cell = (i: number, name: string) => wb.getValue('CE Entries', first + i, columns.indexOf(name));
  const seen = new Set<string>();
  ev.entries.forEach((e, i) => {
    const fate = ev.rows.find((f) => f.entry === i)!;
    const label = String(cell(i, 'Fate'));
    seen.add(label);
    const expected =
      fate.fate === 'not counted' && fate.cause === 'cap'
        ? 'Not counted (cap)'
        : fate.fate.charAt(0).toUpperCase() + fate.fate.slice(1);
    expect({ row: e.entry.row, label }).toEqual({ row: e.entry.row, label: expected });
    for (const reason of fate.reasons) expect(String(cell(i, 'Reasons and flags'))).toContain(reason);
    if (e.claimed > 0 && e.counted === 0) expect(label).not.toBe('Counted');
  });
  // The fixture has each kind, so every label above was looked at.
  expect([...seen].sort()).toEqual(['Counted', 'Not counted', 'Not counted (cap)', 'Partly counted']);
});
