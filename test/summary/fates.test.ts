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
  ev.entries.forEach((e, k) => {
    const i = ev.rows.findIndex((f) => f.entry === k);
    const fate = ev.rows[i]!;
    expect(cell(i, 'Log row')).toBe(e.entry.row);
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

test('CE Entries lists the rows the pane and the command line list: invalid and skipped rows too, with why', async () => {
  const log = nismLog();
  log.push(['', 'TOTAL', '', '', 42, '', '', '', '', '', '', '']);
  const wb = new MemoryWorkbook({ 'CE Profile': profileRows(), 'CE Log': log });
  const result = await generateSummary(wb, { asOf: day(AS_OF) });
  if (!result.ok) throw new Error(result.message);
  const ev = result.evaluation;
  const { first, columns, count } = result.layout.entries;
  const cell = (i: number, name: string) => wb.getValue('CE Entries', first + i, columns.indexOf(name));
  const listed = Array.from({ length: count }, (_, i) => ({
    row: cell(i, 'Log row'),
    fate: String(cell(i, 'Fate')).replace(' (cap)', '').toLowerCase(),
    reasons: String(cell(i, 'Reasons and flags')),
  }));
  expect(listed.map((x) => [x.row, x.fate])).toEqual(ev.rows.map((f) => [f.row, f.fate]));
  const notEntries = ev.rows.filter((f) => f.entry === undefined);
  expect(notEntries.map((f) => f.fate).sort()).toEqual(['not counted', 'skipped']);
  for (const f of notEntries) {
    const x = listed.find((l) => l.row === f.row)!;
    expect(x.reasons).toBe(f.reasons.join('; '));
    expect(f.reasons.length).toBeGreaterThan(0);
  }
  // The rows that are no entries have no figures, so the sums over the columns stay the entries'.
  ev.rows.forEach((f, i) => {
    if (f.entry !== undefined) return;
    expect([cell(i, 'Credits claimed'), cell(i, 'Credits counted')]).toEqual(['', '']);
  });
});
