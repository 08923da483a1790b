/**
 * The corpus's trackers kept a sheet per year, in the pane (session layer, memory host): each year's
 * sheet converted as the user would, the date order set as the tracker's --date-order, then the pane
 * reads the same log as `ce-ledger check` (the same sheets and rows) and reaches the same totals, and
 * names and selects every row on its own sheet.
 */
import { rmSync } from 'fs';
import { columnForHeader, dayFromIso, dayFromJsDate, serialFromDay, type ColumnKey } from '../../src/core';
import { MemoryWorkbook } from '../../src/workbook/memory';
import type { CellValue } from '../../src/workbook/port';
import { siblingsNote } from '../../src/workbook/log-sheet';
import { readDateOrder } from '../../src/workbook/profile-sheet';
import { PaneController } from '../../src/workbook/session';
import { run, tempDir } from '../cli/helpers';
import { makeTrackers, rowsOf, sheetsOf, TRACKERS, type Tracker } from '../fixtures/trackers/make';

const yearly = TRACKERS.filter((t) => (t.expected.sheets?.length ?? 0) > 1);

let dir: string;
let paths: Record<string, string>;
beforeAll(async () => {
  dir = tempDir('ce-trackers-session-');
  paths = await makeTrackers(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cell(v: unknown): CellValue {
  if (v instanceof Date) return serialFromDay(dayFromJsDate(v)!);
  if (v !== null && typeof v === 'object' && 'result' in v) return (v as { result: CellValue }).result;
  return v === undefined ? null : (v as CellValue);
}

function memoryBook(t: Tracker): MemoryWorkbook {
  const init: Record<string, CellValue[][]> = {};
  for (const s of sheetsOf(t)) init[s.name] = rowsOf(s).map((r) => r.map(cell));
  return new MemoryWorkbook(init);
}

function option(t: Tracker, name: string): string | undefined {
  const i = (t.args ?? []).indexOf(name);
  return i < 0 ? undefined : t.args![i + 1];
}

/** The check --json of the tracker's .xlsx, with its own options. */
async function cli(t: Tracker) {
  const r = await run(
    [
      'check',
      paths[t.name]!,
      '--program',
      t.program,
      '--cycle-start',
      t.cycleStart,
      '--as-of',
      t.asOf,
      '--json',
      ...(t.args ?? []),
    ],
    dir,
  );
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout);
}

/**
 * Saves the profile and converts the first year's sheet through the pane, as the user would: the plan
 * names the other years' sheets, which the same confirmation converts with the same choices.
 */
async function paneFor(t: Tracker): Promise<{ wb: MemoryWorkbook; c: PaneController }> {
  const wb = memoryBook(t);
  const c = new PaneController(wb, { asOf: dayFromIso(t.asOf)! });
  await c.start();
  const saved = await c.saveProfile({ program: t.program, cycleStart: t.cycleStart });
  expect(saved).toEqual({ ok: true });
  const [first, ...later] = t.expected.sheets!;
  const proposed = await c.proposeConversion(first!);
  if (!proposed.ok) throw new Error(proposed.message);
  const { columns } = proposed.proposal;
  const mapping: Record<number, ColumnKey | undefined> = {};
  for (const col of columns) {
    const fix = (t.args ?? []).find((a, i) => t.args![i - 1] === '--map' && a.startsWith(`${col.header}=`));
    mapping[col.index] = fix ? columnForHeader(fix.split('=')[1]!) : col.key;
  }
  const plan = await c.planConversion(proposed.proposal, { mapping, credits: false });
  expect(plan.problems).toEqual([]);
  expect(plan.siblings?.map((x) => x.sheet)).toEqual(later);
  expect(siblingsNote(plan.siblings!)).toContain(`“${later.at(-1)}”`);
  expect(await c.convert(plan)).toEqual({ converted: later, notConverted: [] });
  c.stop();
  return { wb, c };
}

describe.each(yearly.map((t) => [t.name, t] as const))('%s', (_name, t) => {
  test('the pane reads the same sheets and rows as check and reaches its totals', async () => {
    const { wb, c } = await paneFor(t);
    const order = option(t, '--date-order') as 'mdy' | 'dmy' | 'ymd' | undefined;
    if (order) await c.setDateOrder(order);
    const s = c.getState();
    const json = await cli(t);
    expect(s.reading?.parts.map((p) => [p.sheet, p.rows])).toEqual(
      json.sheets.map((x: string) => [x, json.rowsBySheet[x]]),
    );
    expect(s.evaluation?.earned).toBe(json.earned);
    expect(s.evaluation?.earned).toBe(t.expected.earned);
    expect(s.evaluation?.problems).toHaveLength(json.problems.length);
    // Every row the pane lists is named on its own sheet, as check --json names it.
    expect(s.evaluation!.rows.map((f) => c.rowName(f.row))).toEqual(
      json.rows.map((r: { sheet: string; row: number }) => `"${r.sheet}" row ${r.row}`),
    );
    // The date order is kept in the CE Profile sheet, where check finds it too.
    if (order) expect(readDateOrder(await wb.read({ sheets: 'all' }))).toBe(order);
  });
});

test('a row of the later year is selected on its own sheet; the date order decides ambiguous text dates', async () => {
  const t = TRACKERS.find((x) => x.name === 'yearly-sheets-day-first')!;
  const { wb, c } = await paneFor(t);
  // Month first (the default), "04/12/2025" is 12 April and counts: 2 more than the hand count.
  expect(c.getState().dateOrder).toBeUndefined();
  expect(c.getState().evaluation?.earned).toBe(9.5);
  await c.setDateOrder('dmy');
  const s = c.getState();
  expect(s.dateOrder).toBe('dmy');
  expect(s.evaluation?.earned).toBe(7.5);
  const problem = s.evaluation!.problems[0]!;
  expect(c.rowName(problem.row)).toBe('"2025" row 3');
  await c.selectProblem(problem);
  expect(wb.selection).toEqual({ sheet: '2025', range: { row: 2, col: 2, rows: 1, cols: 1 } });
  const planned = s.evaluation!.rows.find((f) => f.activity === 'Planned summit')!;
  await c.selectRow(planned.row);
  expect(wb.selection?.sheet).toBe('2025');
  expect(wb.selection?.range.row).toBe(4);
});

test('a dashboard of totals with the log’s columns is not converted with the log', async () => {
  const t = TRACKERS.find((x) => x.name === 'dashboard-first')!;
  const c = new PaneController(memoryBook(t), { asOf: dayFromIso(t.asOf)! });
  await c.start();
  expect(await c.saveProfile({ program: t.program, cycleStart: t.cycleStart })).toEqual({ ok: true });
  const proposed = await c.proposeConversion('CE Log');
  if (!proposed.ok) throw new Error(proposed.message);
  const mapping = Object.fromEntries(proposed.proposal.columns.map((col) => [col.index, col.key]));
  const plan = await c.planConversion(proposed.proposal, { mapping, credits: false });
  expect(plan.problems).toEqual([]);
  expect(plan.siblings).toBeUndefined();
  expect(await c.convert(plan)).toEqual({ converted: [], notConverted: [] });
  expect(c.getState().reading?.parts.map((p) => p.sheet)).toEqual(['CE Log']);
  expect(c.getState().evaluation?.earned).toBe(t.expected.earned);
  c.stop();
});
