/** Custom programs kept in the workbook: stored by the pane, read back at startup, known to the cell functions. */
import { readFileSync } from 'fs';
import { join } from 'path';
import { customPrograms, setCustomPrograms } from '../../src/core';
import { parseProgramFileText } from '../../src/core/custom-programs';
import { ceCredits, creditsEarned } from '../../src/functions/functions';
import {
  loadWorkbookPrograms,
  PROGRAMS_SHEET,
  storeProgram,
  storedProgramProblems,
  storedPrograms,
} from '../../src/workbook/custom-program-store';
import { MemoryWorkbook } from '../../src/workbook/memory';

const TEXT = readFileSync(join(__dirname, '../fixtures/programs/guild-cpd.json'), 'utf8');
const GUILD = (() => {
  const loaded = parseProgramFileText(TEXT);
  if (!loaded.ok) throw new Error('fixture does not load');
  return loaded.program;
})();

afterEach(() => setCustomPrograms([]));

test('a stored program is read back from the workbook, and the cell functions know it by id', async () => {
  const wb = new MemoryWorkbook({ 'CE Log': [['Date', 'Activity', 'Format', 'Hours']] });
  await storeProgram(wb, GUILD, TEXT);
  expect(wb.isHidden(PROGRAMS_SHEET)).toBe(true);
  expect(wb.isHidden('CE Log')).toBe(false);
  // A new runtime: nothing registered until the workbook is read.
  setCustomPrograms([]);
  expect(() => ceCredits('GUILD-CPD', 'Reading', 4)).toThrow();
  const stored = await loadWorkbookPrograms(wb);
  expect(stored.problems).toEqual([]);
  expect(customPrograms().map((p) => p.id)).toEqual(['GUILD-CPD']);
  expect(ceCredits('guild-cpd', 'Reading', 4)).toBe(2);
  const log = [
    ['Date', 'Activity', 'Format', 'Hours'],
    [45700, 'Course', 'Course', 3],
    [45701, 'Journal', 'Reading', 20],
  ];
  // 3 + min(10, 6) reading.
  expect(creditsEarned('GUILD-CPD', 45658, log, 45800)).toBe(9);
});

test('storing a program again replaces it (a shorter text leaves no old pieces behind)', async () => {
  const wb = new MemoryWorkbook({ Sheet1: [['x']] });
  const big = JSON.stringify({ ...JSON.parse(TEXT), sources: ['x'.repeat(70_000)] });
  const bigProgram = parseProgramFileText(big);
  if (!bigProgram.ok) throw new Error('big does not load');
  await storeProgram(wb, bigProgram.program, big);
  await storeProgram(wb, { ...GUILD, name: 'Renamed' }, JSON.stringify({ ...JSON.parse(TEXT), name: 'Renamed' }));
  const snapshot = await wb.read({ sheets: [PROGRAMS_SHEET] });
  const stored = storedPrograms(snapshot);
  expect(stored.programs.map((p) => [p.program.id, p.program.name])).toEqual([['GUILD-CPD', 'Renamed']]);
  expect(snapshot.sheets[PROGRAMS_SHEET]!.values.length).toBe(2);
  // Each cell stays within Excel's 32,767 characters.
  for (const row of snapshot.sheets[PROGRAMS_SHEET]!.values)
    for (const cell of row) expect(String(cell).length).toBeLessThanOrEqual(32_767);
});

test("a user's own sheet named CE Programs is neither read nor written", async () => {
  const wb = new MemoryWorkbook({ 'CE Programs': [['My list of programs'], ['GUILD-CPD', '{}']] });
  const before = await wb.read({ sheets: 'all' });
  await expect(storeProgram(wb, GUILD, TEXT)).rejects.toThrow(/"CE Programs" is not CE Ledger's: rename it/);
  expect(await wb.read({ sheets: 'all' })).toEqual(before);
  expect(await loadWorkbookPrograms(wb)).toMatchObject({ programs: [], foreignSheet: true });
});

test('a stored program that no longer loads is left out and its problems are kept for the pane to show', async () => {
  const broken = JSON.stringify({ ...JSON.parse(TEXT), required: 'lots' });
  const wb = new MemoryWorkbook({ Sheet1: [['x']] });
  await storeProgram(wb, GUILD, broken); // as if the stored text were edited by hand afterwards
  const stored = await loadWorkbookPrograms(wb);
  expect(stored.programs).toEqual([]);
  expect(customPrograms()).toEqual([]);
  expect(storedProgramProblems()).toEqual(['GUILD-CPD: required: should be a number, not text']);
  // Loading a good file again replaces it and clears the problem.
  await storeProgram(wb, GUILD, TEXT);
  expect(storedProgramProblems()).toEqual([]);
  expect((await loadWorkbookPrograms(wb)).programs.map((p) => p.program.id)).toEqual(['GUILD-CPD']);
});
