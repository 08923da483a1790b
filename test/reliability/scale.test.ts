/**
 * Scale (issue 6, item 5): a 100,000-row log evaluates through the core and through the RECERT_STATUS
 * cell function without a stack overflow or runaway memory; the Office adapter reads it in row chunks,
 * as many per sync as the payload budget allows, on a fake host that refuses larger syncs; the pane's
 * refresh over a large log is measured for how long it holds the main thread. Times are reported, never asserted; memory has a generous ceiling.
 */
import { dayFromIso, evaluateLog, findProgram, serialFromDay } from '../../src/core';
import { recertStatus } from '../../src/functions/functions';
import { MemoryWorkbook } from '../../src/workbook/memory';
import { DEFAULT_CHUNK_ROWS, OfficeWorkbook, SYNC_CELL_BUDGET } from '../../src/workbook/office';
import type { CellValue } from '../../src/workbook/port';
import { profileOps } from '../../src/workbook/profile-sheet';
import { PaneController } from '../../src/workbook/session';
import { checkProfile } from '../../src/core';
import { FakeExcel, FakeWorksheet } from '../fakes/fake-excel';

const ROWS = 100_000;
const MB = 1024 * 1024;
const CEILING = 1.5 * 1024 * MB;
const nism = findProgram('NISM-SMS')!;
const cycleStart = dayFromIso('2024-03-14')!;
const asOf = dayFromIso('2026-01-01')!;

const HEADER = ['Date', 'Activity', 'Provider', 'Format', 'Hours', 'Self-study hours', 'Approved', 'Proof', 'Proof link'];

/** A log of `n` rows in the shapes real logs have, with a bad row every 997 rows. */
function bigLog(n: number): CellValue[][] {
  const formats = nism.formats.map((f) => f.label);
  const first = serialFromDay(cycleStart);
  const rows: CellValue[][] = [HEADER];
  for (let i = 0; i < n; i++) {
    const bad = i % 997 === 0;
    rows.push([
      bad ? 'not a date' : first + (i % 700),
      `Activity ${i}`,
      i % 3 === 0 ? 'NISM' : 'Other provider',
      formats[i % formats.length]!,
      bad ? -1 : (i % 4) + 0.5,
      i % 5 === 0 ? 10 : '',
      i % 2 === 0,
      i % 7 === 0 ? '' : 'Certificate',
      i % 11 === 0 ? `https://example.com/cert/${i}.pdf` : '',
    ]);
  }
  return rows;
}

interface Measure<T> {
  result: T;
  ms: number;
  heapBeforeMb: number;
  heapAfterMb: number;
  /** Growth of the process's peak resident set during the call (ru_maxrss is a high-water mark). */
  peakRssGrowthMb: number;
  peakRssMb: number;
}

function measure<T>(fn: () => T): Measure<T> {
  const heapBefore = process.memoryUsage().heapUsed;
  const rssPeakBefore = process.resourceUsage().maxRSS * 1024;
  const start = process.hrtime.bigint();
  const result = fn();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const heapAfter = process.memoryUsage().heapUsed;
  const rssPeakAfter = process.resourceUsage().maxRSS * 1024;
  return {
    result,
    ms: Math.round(ms),
    heapBeforeMb: Math.round(heapBefore / MB),
    heapAfterMb: Math.round(heapAfter / MB),
    peakRssGrowthMb: Math.round((rssPeakAfter - rssPeakBefore) / MB),
    peakRssMb: Math.round(rssPeakAfter / MB),
  };
}

const report: string[] = [];
afterAll(() => {
  // eslint-disable-next-line no-console
  console.log(`[scale]\n${report.join('\n')}`);
});

describe(`a ${ROWS.toLocaleString('en-US')}-row log`, () => {
  const cells = bigLog(ROWS);

  test('evaluates through evaluateLog: every row is an entry or a problem, no stack overflow, memory under 1.5 GB', () => {
    const m = measure(() => evaluateLog(nism, cells, { cycleStart, asOf }));
    expect(m.result.ok).toBe(true);
    if (!m.result.ok) return;
    const ev = m.result.evaluation;
    expect(ev.rowsRead).toBe(ROWS);
    const badRows = Math.ceil(ROWS / 997);
    expect(ev.entries.length).toBe(ROWS - badRows);
    expect(new Set(ev.problems.map((p) => p.row)).size).toBe(badRows);
    expect(ev.earned).toBeGreaterThanOrEqual(nism.required);
    expect(ev.status.line).toMatch(/^(COMPLETE|READY|IN PROGRESS|GRACE|LAPSED|EXPIRED):/);
    expect(m.heapAfterMb * MB).toBeLessThan(CEILING);
    expect(m.peakRssMb * MB).toBeLessThan(2 * CEILING);
    report.push(
      `evaluateLog, ${ROWS} rows: ${m.ms} ms; heap ${m.heapBeforeMb} → ${m.heapAfterMb} MB (before GC); peak RSS ${m.peakRssMb} MB (+${m.peakRssGrowthMb} MB during the call); ${ev.entries.length} entries, ${ev.problems.length} problems, status "${ev.status.line}"`,
    );
  }, 60_000);

  test('evaluates through RECERT_STATUS (the cell function) without a stack overflow', () => {
    const log = cells.map((row) => row.map((v) => (v === null ? '' : v)));
    const m = measure(() => recertStatus('NISM-SMS', serialFromDay(cycleStart), log, serialFromDay(asOf)));
    expect(m.result).toMatch(/^(COMPLETE|READY|IN PROGRESS|GRACE|LAPSED|EXPIRED):/);
    expect(m.heapAfterMb * MB).toBeLessThan(CEILING);
    // A second call with an equal copy (another status cell over the same log) is answered from the cache.
    const again = measure(() => recertStatus('NISM-SMS', serialFromDay(cycleStart), log.map((r) => [...r]), serialFromDay(asOf)));
    expect(again.result).toBe(m.result);
    report.push(`RECERT_STATUS, ${ROWS} rows: ${m.ms} ms (an equal log again: ${again.ms} ms); heap ${m.heapBeforeMb} → ${m.heapAfterMb} MB; peak RSS ${m.peakRssMb} MB (+${m.peakRssGrowthMb} MB)`);
  }, 60_000);

  test('the pane controller refreshes over it; how long the main thread is held is measured and reported', async () => {
    const book = new MemoryWorkbook({ Log: cells });
    await book.apply([{ kind: 'createTable', sheet: 'Log', name: 'CELog', range: { row: 0, col: 0, rows: cells.length, cols: HEADER.length } }]);
    const checked = checkProfile({ program: 'NISM-SMS', cycleStart: '2024-03-14' });
    if (!checked.ok) throw new Error('profile');
    await book.apply(profileOps(checked.profile, await book.read({ sheets: 'all' })));
    const controller = new PaneController(book, { asOf });
    // A ticker every 5 ms: the longest gap between ticks is the longest time the pane could not respond.
    let last = Date.now();
    let longest = 0;
    const ticker = setInterval(() => {
      const now = Date.now();
      longest = Math.max(longest, now - last);
      last = now;
    }, 5);
    const m = measure(() => controller.refresh());
    await m.result;
    const now = Date.now();
    longest = Math.max(longest, now - last);
    clearInterval(ticker);
    const state = controller.getState();
    expect(state.error).toBeUndefined();
    expect(state.evaluation?.rowsRead).toBe(ROWS);
    report.push(
      `PaneController.refresh over ${ROWS} rows (memory adapter): the main thread was held for up to ${longest} ms without yielding ` +
        `(src/workbook/session.ts evaluates synchronously after the read; in Excel the read is async but the evaluation is not)`,
    );
  }, 60_000);
});

describe('Office reads beyond a safe payload are chunked', () => {
  test(`a ${ROWS.toLocaleString('en-US')}-row log is read completely through the Office adapter on a host that refuses syncs over ${SYNC_CELL_BUDGET.toLocaleString('en-US')} cells`, async () => {
    const cells = bigLog(ROWS);
    // The host refuses any sync over the budget, as Excel on the web refuses payloads over ~5 MB.
    const fake = new FakeExcel({ Log: cells }, { payloadLimit: SYNC_CELL_BUDGET });
    const port = new OfficeWorkbook({ run: fake.run });
    const calls: { row: number; col: number; rows: number; cols: number }[] = [];
    const original = FakeWorksheet.prototype.getRangeByIndexes;
    const spy = jest.spyOn(FakeWorksheet.prototype, 'getRangeByIndexes').mockImplementation(function (this: FakeWorksheet, row, col, rows, cols) {
      calls.push({ row, col, rows, cols });
      return original.call(this, row, col, rows, cols);
    });
    let snapshot;
    try {
      snapshot = await port.read({ sheets: ['Log'] });
    } finally {
      spy.mockRestore();
    }
    const sheet = snapshot.sheets.Log!;
    expect(sheet.values).toEqual(cells);
    // Chunk ranges of at most DEFAULT_CHUNK_ROWS rows cover the used range exactly once, in order.
    let next = 0;
    for (const c of calls) {
      expect(c.row).toBe(next);
      expect(c.rows).toBeLessThanOrEqual(DEFAULT_CHUNK_ROWS);
      expect(c.cols).toBe(HEADER.length);
      next += c.rows;
    }
    expect(next).toBe(ROWS + 1);
    // Several syncs, none refused, each within the budget: 1 for sizes + one per budget's worth of cells.
    const total = (ROWS + 1) * HEADER.length;
    expect(fake.syncs).toBe(1 + Math.ceil(total / (Math.floor(SYNC_CELL_BUDGET / (DEFAULT_CHUNK_ROWS * HEADER.length)) * DEFAULT_CHUNK_ROWS * HEADER.length)));
    expect(Math.max(...fake.cellsPerSync.map((x) => x.read))).toBeLessThanOrEqual(SYNC_CELL_BUDGET);
    report.push(
      `Office read of a ${ROWS}-row × ${HEADER.length}-column log (host limit ${SYNC_CELL_BUDGET} cells per sync): ${calls.length} chunk ranges, ${fake.syncs} syncs, ` +
        `largest sync ${Math.max(...fake.cellsPerSync.map((x) => x.read))} cells, none refused`,
    );
  }, 120_000);
});
