/**
 * The tracker corpus through the pane's conversion (memory host): propose the mapping, correct it as
 * the user would (the tracker's --map), convert, then evaluate the converted workbook: each tracker's
 * hand-computed credits.
 */
import { dayFromJsDate, findProgram, serialFromDay, type ColumnKey, columnForHeader, dayFromIso } from '../../src/core';
import { evaluateWorkbook } from '../../src/summary';
import { MemoryWorkbook } from '../../src/workbook/memory';
import { applyConversion, conversionPlan, proposeConversion } from '../../src/workbook/log-sheet';
import { cellAddress, type CellValue } from '../../src/workbook/port';
import { rowsOf, sheetsOf, TRACKERS, type Tracker } from '../fixtures/trackers/make';

function cell(v: unknown): CellValue {
  if (v instanceof Date) return serialFromDay(dayFromJsDate(v)!);
  if (v !== null && typeof v === 'object' && 'result' in v) return (v as { result: CellValue }).result;
  return v === undefined ? null : (v as CellValue);
}

/** The tracker in the memory host: its sheets (cached results for formulas) and its merged areas. */
function memoryBook(t: Tracker): MemoryWorkbook {
  const init: Record<string, CellValue[][]> = {};
  for (const s of sheetsOf(t)) init[s.name] = rowsOf(s).map((r) => r.map(cell));
  const wb = new MemoryWorkbook(init);
  for (const m of t.merges ?? []) {
    const [a, b] = m.split(':');
    const at = (ref: string) => {
      for (let r = 0; r < 1000; r++)
        for (let c = 0; c < 30; c++) if (cellAddress(r, c) === ref) return { row: r, col: c };
      throw new Error(ref);
    };
    const p = at(a!);
    const q = at(b!);
    wb.merge(t.sheet, { row: p.row, col: p.col, rows: q.row - p.row + 1, cols: q.col - p.col + 1 });
  }
  return wb;
}

/** The tracker's --map corrections, by header text (or by the cell of a blank header). */
function corrections(t: Tracker): Map<string, ColumnKey | undefined> {
  const out = new Map<string, ColumnKey | undefined>();
  const args = t.args ?? [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] !== '--map') continue;
    const [header, column] = args[++i]!.split('=');
    out.set(header!, column === 'ignore' ? undefined : columnForHeader(column!));
  }
  return out;
}

const runnable = TRACKERS.filter((t) => !t.pane?.skip);

describe.each(runnable.map((t) => [t.name, t] as const))('%s', (_name, t) => {
  test('the pane converts it and the converted log gives the hand-computed credits', async () => {
    const program = findProgram(t.program)!;
    const wb = memoryBook(t);
    const snap = await wb.read({ sheets: 'all', formulas: true, layout: true });
    const proposed = proposeConversion(snap, t.sheet);
    if (!proposed.ok) throw new Error(proposed.message);
    const fixes = corrections(t);
    const { range } = proposed.proposal;
    const mapping: Record<number, ColumnKey | undefined> = {};
    for (const c of proposed.proposal.columns) {
      const cell = cellAddress(range.row, range.col + c.index);
      mapping[c.index] = fixes.has(c.header) ? fixes.get(c.header) : fixes.has(cell) ? fixes.get(cell) : c.key;
    }
    const plan = conversionPlan(proposed.proposal, { mapping, credits: false }, program, snap);
    if (t.pane?.refusal) {
      expect(plan.problems.join(' ')).toMatch(t.pane.refusal);
      return;
    }
    expect(plan.problems).toEqual([]);
    await applyConversion(wb, plan, program);
    const result = evaluateWorkbook(await wb.read({ sheets: 'all', layout: true }), {
      program: t.program,
      cycleStart: dayFromIso(t.cycleStart)!,
      asOf: dayFromIso(t.asOf)!,
      dateOrder: dateOrderOf(t),
    });
    if (!result.ok) throw new Error(result.message);
    expect(result.evaluation.earned).toBe(t.expected.earned);
    expect(result.evaluation.problems).toHaveLength(t.expected.problems);
    expect(result.log.parts.map((p) => p.sheet)).toEqual(t.expected.sheets ?? [t.sheet]);
  });
});

function dateOrderOf(t: Tracker): 'mdy' | 'dmy' | 'ymd' | undefined {
  const i = (t.args ?? []).indexOf('--date-order');
  return i < 0 ? undefined : (t.args![i + 1] as 'mdy' | 'dmy' | 'ymd');
}

describe('merged cells over the log rows', () => {
  const t = TRACKERS.find((x) => x.name === 'merged-date-cells')!;

  test('the conversion unmerges them when asked, gives each covered row the value, and loses no value', async () => {
    const program = findProgram(t.program)!;
    const wb = memoryBook(t);
    const before = await wb.read({ sheets: 'all', formulas: true, layout: true });
    const proposed = proposeConversion(before, t.sheet);
    if (!proposed.ok) throw new Error(proposed.message);
    const mapping = Object.fromEntries(proposed.proposal.columns.map((c) => [c.index, c.key]));
    // Not asked: refused, naming the cells and the ways out.
    const refused = conversionPlan(proposed.proposal, { mapping, credits: false }, program, before);
    expect(refused.problems.join(' ')).toMatch(/Merged cells A4:A6 .*let the conversion unmerge them/);
    const plan = conversionPlan(proposed.proposal, { mapping, credits: false, unmerge: true }, program, before);
    expect(plan.problems).toEqual([]);
    expect(plan.notes.join(' ')).toMatch(/Merged cells A4:A6 are unmerged; rows 5 to 6 get the value of A4/);
    await applyConversion(wb, plan, program);
    const after = await wb.read({ sheets: 'all', layout: true });
    const grid = after.sheets[t.sheet]!;
    expect(grid.merged ?? []).toEqual([]);
    expect(grid.tables).toHaveLength(1);
    // Every value of the log is where it was; the rows the merge covered (A5:A6) hold A4's value.
    const old = before.sheets[t.sheet]!;
    const { range } = proposed.proposal;
    for (let r = range.row + 1; r < range.row + range.rows; r++)
      for (let c = range.col; c < range.col + range.cols; c++) {
        const was = old.values[r - old.row]?.[c - old.col] ?? null;
        const now = grid.values[r - grid.row]?.[c - grid.col] ?? null;
        const covered = c === 0 && r >= 4 && r <= 5;
        if (covered) expect(now).toEqual(old.values[3 - old.row]![0]);
        else expect(now).toEqual(was === null ? '' : was);
      }
    // Read without the merged areas: the same hand-computed credits as the command line's.
    const result = evaluateWorkbook(await wb.read({ sheets: 'all' }), {
      program: t.program,
      cycleStart: dayFromIso(t.cycleStart)!,
      asOf: dayFromIso(t.asOf)!,
    });
    if (!result.ok) throw new Error(result.message);
    expect(result.evaluation.earned).toBe(t.expected.earned);
    expect(result.evaluation.problems).toEqual([]);
  });
});
