/**
 * Scenario 2: RECERT_STATUS, CREDITS_EARNED and CREDITS_NEEDED reading the same unchanged 10k-row log
 * in one recalculation (each call gets its own copy with the same content, as Excel does). The first
 * call evaluates; the second and later calls should recognise the unchanged log.
 */
import { creditsEarned, creditsNeeded, recertStatus } from '../../src/functions/functions';
import { copyCells, editedCopy, FAMILIES, floorSum, makeLog } from '../lib/logs';
import { consume, fixed, gc, median, cpuMsSince, cpuNow, verdict, type Table } from '../lib/measure';

const ROWS = 10_000;
const BUDGET = 2;
let tag = 0;

export async function run(): Promise<Table[]> {
  const rows: (string | number)[][] = [];
  const reps = process.env.BENCH_QUICK === '1' ? 3 : 21;
  for (const family of FAMILIES) {
    const log = makeLog(family, ROWS);
    const first: number[] = [];
    const second: number[] = [];
    const third: number[] = [];
    const floor: number[] = [];
    for (let rep = -2; rep < reps; rep++) {
      const t0 = ++tag;
      // One recalculation: three cells read the same (just edited) log, each through its own copy.
      const a = editedCopy(log, t0);
      const b = editedCopy(log, t0);
      const c = editedCopy(log, t0);
      const f = copyCells(log.cells);
      gc();
      let t = cpuNow();
      consume(floorSum(f, log.hoursColumn));
      const tf = cpuMsSince(t);
      t = cpuNow();
      consume(recertStatus(log.program, log.cycleStart, a, log.asOf));
      const t1 = cpuMsSince(t);
      t = cpuNow();
      consume(creditsEarned(log.program, log.cycleStart, b, log.asOf));
      const t2 = cpuMsSince(t);
      t = cpuNow();
      consume(creditsNeeded(log.program, log.cycleStart, c, log.asOf));
      const t3 = cpuMsSince(t);
      if (rep < 0) continue; // warm-up
      floor.push(tf);
      first.push(t1);
      second.push(t2);
      third.push(t3);
    }
    const fl = median(floor);
    for (const [name, times] of [
      ['RECERT_STATUS (1st: evaluates)', first],
      ['CREDITS_EARNED (2nd)', second],
      ['CREDITS_NEEDED (3rd)', third],
    ] as const) {
      const ms = median(times);
      const ratio = ms / fl;
      const judged = !name.includes('1st');
      rows.push([
        log.program,
        name,
        fixed(ms, 3),
        fixed(fl, 4),
        `${fixed(ratio, 1)}×`,
        judged ? `≤ ${BUDGET}× floor` : '(info)',
        judged ? verdict(ratio <= BUDGET) : '',
      ]);
    }
  }
  return [
    {
      title: `2. Repeated evaluation: three status functions on the same unchanged ${ROWS.toLocaleString('en-US')}-row log in one recalculation`,
      columns: ['Program', 'Call', 'ms/call', 'floor ms', 'Ratio to floor', 'Budget', 'Result'],
      rows,
      notes: [
        'Each recalculation starts from a log edited at the bottom (so the first call cannot reuse an earlier one), then every call gets its own fresh copy with identical content.',
        `Median of ${reps} recalculations after 2 warm-up ones. Floor: one plain loop summing the Hours column of the same log.`,
        "Times are this process's CPU time (process.cpuUsage), not the wall clock: on a shared machine a long sample is paused for other processes more often than the short floor, which inflates wall-clock ratios.",
      ],
    },
  ];
}
