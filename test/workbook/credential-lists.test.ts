/**
 * A log kept for several credentials: the entries of each go in the one log, so the new log's (and a
 * converted log's) drop-down lists and problem highlighting take every credential's formats, not only
 * the first one's; with one credential nothing changes.
 */
import { checkProfile, dayFromIso, findProgram } from '../../src/core';
import { MemoryWorkbook } from '../../src/workbook/memory';
import { credentialOps } from '../../src/workbook/profile-sheet';
import { PaneController } from '../../src/workbook/session';

const asOf = dayFromIso('2026-01-15')!;

async function pane(second?: string): Promise<{ wb: MemoryWorkbook; c: PaneController }> {
  const wb = new MemoryWorkbook({
    Old: [
      ['Date', 'Activity', 'Format', 'Hours'],
      ['2025-03-01', 'Course', 'Training course', 2],
    ],
  });
  const c = new PaneController(wb, { asOf });
  await c.start();
  expect(await c.saveProfile({ program: 'ISC2-CISSP', cycleStart: '2025-01-01' })).toEqual({ ok: true });
  if (second) {
    const credential = checkProfile({ program: second, cycleStart: '2024-11-01' });
    if (!credential.ok) throw new Error('bad credential');
    await wb.apply(credentialOps([credential.profile], await wb.read({ sheets: 'all' })));
    await c.refresh();
  }
  return { wb, c };
}

const formatList = (wb: MemoryWorkbook) =>
  wb.validations().find((v) => v.list.includes('Conference') && v.list.includes('Webinar'))?.list ?? [];

const labels = (id: string) => findProgram(id)!.formats.map((f) => f.label);

test("a new log for two credentials offers both programs' formats, the first's first", async () => {
  const { wb, c } = await pane('COMPTIA-SECURITYPLUS');
  await c.startNewLog({ credits: false });
  const list = formatList(wb);
  expect(list.slice(0, labels('ISC2-CISSP').length)).toEqual(labels('ISC2-CISSP'));
  expect(list).toEqual(expect.arrayContaining(labels('COMPTIA-SECURITYPLUS')));
  // "Conference" is in both: listed once.
  expect(list.filter((l) => l === 'Conference')).toHaveLength(1);
  // The highlighting of rows with problems knows the second program's formats too.
  expect(wb.conditionalFormats().some((f) => f.formula.includes('"Training course"'))).toBe(true);
  c.stop();
});

test('converting a sheet for two credentials: a format only the second knows is in the list and not highlighted', async () => {
  const { wb, c } = await pane('COMPTIA-SECURITYPLUS');
  const proposed = await c.proposeConversion('Old');
  if (!proposed.ok) throw new Error(proposed.message);
  const mapping = Object.fromEntries(proposed.proposal.columns.map((col) => [col.index, col.key]));
  const plan = await c.planConversion(proposed.proposal, { mapping, credits: false, dateOrder: 'mdy' });
  expect(plan.problems).toEqual([]);
  await c.convert(plan);
  expect(formatList(wb)).toContain('Training course');
  expect(wb.conditionalFormats().some((f) => f.formula.includes('"Training course"'))).toBe(true);
  c.stop();
});

test('one credential: the lists are its program’s alone, as before', async () => {
  const { wb, c } = await pane();
  await c.startNewLog({ credits: false });
  expect(formatList(wb)).toEqual(labels('ISC2-CISSP'));
  c.stop();
});
