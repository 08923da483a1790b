/** Scenario 3: CE_CREDITS per call over 100,000 calls with mixed programs and formats, against a bare function doing one multiplication. */
import { ceCredits } from '../../src/functions/functions';
import { consume, fixed, median, cpuMsSince, cpuNow, verdict, type Table } from '../lib/measure';

const CALLS = 100_000;
const BUDGET = 10;

type Args = [program: unknown, format: unknown, hours: unknown, selfStudy: unknown];

/** Mixed calls as a sheet's Credits column would make them: labels, aliases, any case, self-study hours or none. */
function mixedCalls(): Args[] {
  const kinds: Args[] = [
    ['NISM-SMS', 'Webinar', 1, null],
    ['NISM-SMS', 'Online blended course', 3, 40],
    ['NISM-SMS', 'Online asynchronous course', 25, null],
    ['nism-sms', 'Research & writing', 1, 5],
    ['NISM-SMS', 'In-person class', 6, null],
    ['NISM-SMS', 'conference', 3, ''],
    ['NAMSS-CPCS', 'Live event', 1.5, null],
    ['NAMSS-CPCS', 'Webinar', 1, null],
    ['NAMSS-CPCS', 'On demand', 2, null],
    ['NAMSS-CPCS', '', 1, null],
    ['ACSM-CPT', 'CEU', 0.8, null],
    ['ACSM-CPT', 'College course', 3, null],
    ['ACSM-CPT', 'CEC', 2.5, null],
    ['acsm-cpt', 'CPR/AED course', 4, null],
    ['ACSM-CPT', 'Committee service', 2, null],
  ];
  const out: Args[] = [];
  for (let i = 0; i < CALLS; i++) {
    const k = kinds[(i * 7919) % kinds.length]!;
    out.push([k[0], k[1], typeof k[2] === 'number' ? k[2] + (i % 4) * 0.5 : k[2], k[3]]);
  }
  return out;
}

function bare(_program: unknown, _format: unknown, hours: unknown, _selfStudy: unknown): number {
  return (hours as number) * 1.5;
}

/** Each timed loop is its own function, so each is optimised on its own (no shared on-stack replacement). */
function timeBare(calls: readonly Args[]): number {
  const t = cpuNow();
  let s = 0;
  for (let i = 0; i < calls.length; i++) {
    const a = calls[i]!;
    s += bare(a[0], a[1], a[2], a[3]);
  }
  const ms = cpuMsSince(t);
  consume(s);
  return ms;
}

function timeCeCredits(calls: readonly Args[]): number {
  const t = cpuNow();
  let s = 0;
  for (let i = 0; i < calls.length; i++) {
    const a = calls[i]!;
    s += ceCredits(a[0], a[1], a[2], a[3]);
  }
  const ms = cpuMsSince(t);
  consume(s);
  return ms;
}

export async function run(): Promise<Table[]> {
  const calls = mixedCalls();
  const reps = process.env.BENCH_QUICK === '1' ? 3 : 15;
  const real: number[] = [];
  const base: number[] = [];
  for (let rep = -3; rep < reps; rep++) {
    const tb = timeBare(calls);
    const tr = timeCeCredits(calls);
    if (rep < 0) continue;
    base.push(tb);
    real.push(tr);
  }
  const ns = (median(real) * 1e6) / CALLS;
  const bns = (median(base) * 1e6) / CALLS;
  const ratio = ns / bns;
  return [
    {
      title: `3. CE_CREDITS per call over ${CALLS.toLocaleString('en-US')} calls with mixed formats vs a bare one-multiplication function`,
      columns: ['Function', 'ns/call', 'Ratio', 'Budget', 'Result'],
      rows: [
        ['bare (hours × 1.5)', fixed(bns, 2), '1.0×', '', ''],
        ['CE_CREDITS', fixed(ns, 1), `${fixed(ratio, 1)}×`, `≤ ${BUDGET}×`, verdict(ratio <= BUDGET)],
      ],
      notes: [
        `${CALLS.toLocaleString('en-US')} calls over 15 kinds (NISM, NAMSS, ACSM; labels, aliases, lower case, blank format, self-study hours); median of ${reps} passes after 3 warm-up passes, each pass timing both functions over the same argument list.`,
        "Times are this process's CPU time (process.cpuUsage), not the wall clock: on a shared machine a long sample is paused for other processes more often than the short floor, which inflates wall-clock ratios.",
      ],
    },
  ];
}
