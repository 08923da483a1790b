/**
 * The tracker corpus through the pane's conversion (memory host): propose the mapping, correct it as
 * the user would (the tracker's --map), convert, then evaluate the converted workbook: each tracker's
 * hand-computed credits.
 */
import { dayFromJsDate, findProgram, serialFromDay, type ColumnKey, columnForHeader, dayFromIso } from '../../src/core';
import { evaluateWorkbook } from '../../src/summary';
import { MemoryWorkbook } from '../../src/workbook/memory';
import { applyConversion, conversionPlan, proposeConversion } from '../../src/workbook/log-sheet';
import type { CellValue } from '../../src/workbook/port';
import { TRACKERS } from '../fixtures/trackers/make';

function cell(v: unknown): CellValue {
  if (v instanceof Date) return serialFromDay(dayFromJsDate(v)!);
  return v === undefined ? null : (v as CellValue);
}

describe.each(TRACKERS.map((t) => [t.name, t] as const))('%s', (_name, t) => {
  test('the pane converts it and the converted log gives the hand-computed credits', async () => {
    const program = findProgram(t.program)!;
    const rows = [...(t.above ?? []), ...(t.above ? [[]] : []), ...t.rows].map((r) => r.map(cell));
    const wb = new MemoryWorkbook({ [t.sheet]: rows });
    const snap = await wb.read({ sheets: 'all', formulas: true });
    const proposed = proposeConversion(snap, t.sheet);
    if (!proposed.ok) throw new Error(proposed.message);
    const corrections = new Map<string, ColumnKey | undefined>();
    const args = t.args ?? [];
    for (let i = 0; i < args.length; i++) {
      if (args[i] !== '--map') continue;
      const [header, column] = args[++i]!.split('=');
      corrections.set(header!, columnForHeader(column!));
    }
    const mapping: Record<number, ColumnKey | undefined> = {};
    for (const c of proposed.proposal.columns)
      mapping[c.index] = corrections.has(c.header) ? corrections.get(c.header) : c.key;
    const plan = conversionPlan(proposed.proposal, { mapping, credits: false }, program, snap);
    expect(plan.problems).toEqual([]);
    await applyConversion(wb, plan, program);
    const result = evaluateWorkbook(await wb.read({ sheets: 'all' }), {
      program: t.program,
      cycleStart: dayFromIso(t.cycleStart)!,
      asOf: dayFromIso(t.asOf)!,
    });
    if (!result.ok) throw new Error(result.message);
    expect(result.evaluation.earned).toBe(t.expected.earned);
    expect(result.evaluation.problems).toHaveLength(t.expected.problems);
  });
});
