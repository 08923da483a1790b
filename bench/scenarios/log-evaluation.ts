/**
 * Scenario 1: RECERT_STATUS over NISM, NAMSS and ACSM logs of 100 to 100,000 rows, from the any[][]
 * Excel passes to the returned line, against the floor (one plain loop summing the Hours column).
 */
import { recertStatus } from '../../src/functions/functions';
import { editedCopy, copyCells, FAMILIES, floorSum, makeLog, type Cells } from '../lib/logs';
import { consume, fixed, gc, median, cpuMsSince, cpuNow, verdict, type Table } from '../lib/measure';

const SIZES = [100, 1_000, 10_000, 100_000];
const RATIO_BUDGET = 15;
const GROWTH_BUDGET = 11;
/** Each timed sample covers at least this many rows (many small logs per sample for small sizes). */
const ROWS_PER_SAMPLE = 20_000;

let tag = 0;

export async function run(): Promise<Table[]> {
  const rows: (string | number)[][] = [];
  const perCall = new Map<string, number>();
  const quick = process.env.BENCH_QUICK === '1';
  for (const family of FAMILIES) {
    for (const size of SIZES) {
      const log = makeLog(family, size);
      const batch = Math.max(1, Math.floor(ROWS_PER_SAMPLE / size));
      const reps = quick ? 3 : size >= 100_000 ? 5 : 9;
      const status: number[] = [];
      const floor: number[] = [];
      let line = '';
      // Warm-up: let the JIT see this log's shape.
      for (let w = 0; w < 2; w++) {
        line = recertStatus(log.program, log.cycleStart, editedCopy(log, ++tag), log.asOf);
        consume(floorSum(copyCells(log.cells), log.hoursColumn));
      }
      for (let rep = 0; rep < reps; rep++) {
        const forStatus: Cells[] = [];
        const forFloor: Cells[] = [];
        for (let b = 0; b < batch; b++) {
          forStatus.push(editedCopy(log, ++tag));
          forFloor.push(copyCells(log.cells));
        }
        gc();
        let t = cpuNow();
        let s = 0;
        for (let b = 0; b < batch; b++) s += floorSum(forFloor[b]!, log.hoursColumn);
        floor.push(cpuMsSince(t) / batch);
        consume(s);
        gc();
        t = cpuNow();
        for (let b = 0; b < batch; b++) line = recertStatus(log.program, log.cycleStart, forStatus[b]!, log.asOf);
        status.push(cpuMsSince(t) / batch);
        consume(line);
      }
      const ms = median(status);
      const floorMs = median(floor);
      const ratio = ms / floorMs;
      perCall.set(`${family}:${size}`, ms);
      let growth = '';
      let ok = true;
      if (size >= 10_000) ok = ratio <= RATIO_BUDGET;
      if (size === 100_000) {
        const g = ms / perCall.get(`${family}:10000`)!;
        growth = `${fixed(g, 1)}×`;
        ok = ok && g <= GROWTH_BUDGET;
      }
      rows.push([
        log.program,
        size.toLocaleString('en-US'),
        fixed(ms, 3),
        fixed((ms * 1000) / size, 3),
        fixed((floorMs * 1000) / size, 4),
        `${fixed(ratio, 1)}×`,
        growth,
        size >= 10_000 ? `ratio ≤ ${RATIO_BUDGET}${size === 100_000 ? `, growth ≤ ${GROWTH_BUDGET}×` : ''}` : '(info)',
        size >= 10_000 ? verdict(ok) : '',
      ]);
      if (size === 100) rows[rows.length - 1]!.push(line.slice(0, 48));
      else rows[rows.length - 1]!.push('');
    }
  }
  return [
    {
      title: '1. Log evaluation: RECERT_STATUS(program, cycleStart, log, asOf) vs the floor (sum of the Hours column)',
      columns: [
        'Program',
        'Rows',
        'ms/call',
        'µs/row',
        'floor µs/row',
        'Ratio',
        'Growth 10k→100k',
        'Budget',
        'Result',
        'Line (100 rows)',
      ],
      rows,
      notes: [
        'Each call gets a fresh copy of the range; its last row differs from every earlier call (an edit at the bottom), so the recent-evaluations memory compares the cells and misses: every figure is a full evaluation.',
        `Median of ${quick ? 3 : '9 (5 at 100k)'} samples; a sample at 100 and 1,000 rows times ${ROWS_PER_SAMPLE.toLocaleString('en-US')} rows' worth of calls. Growth = ms/call at 100k ÷ ms/call at 10k.`,
        "Times are this process's CPU time (process.cpuUsage), not the wall clock: on a shared machine a long sample is paused for other processes more often than the short floor, which inflates wall-clock ratios.",
      ],
    },
  ];
}
