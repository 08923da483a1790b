/**
 * Scenario 4: context.sync() round trips per pane refresh and per summary generation, for logs of 10
 * and 10,000 rows, on the fake Excel host of the tests (test/fakes/fake-excel.ts), which counts syncs.
 * The host refuses any sync whose request or response is over 5,000,000 bytes, as Excel on the web
 * does past about 5 MB, so a count here is never bought with a sync Excel would refuse.
 */
import { checkProfile, dayFromIso } from '../../src/core';
import { generateSummary } from '../../src/summary';
import { OfficeWorkbook } from '../../src/workbook/office';
import { profileOps } from '../../src/workbook/profile-sheet';
import { PaneController, type Timers } from '../../src/workbook/session';
import type { CellValue } from '../../src/workbook/port';
import { FakeExcel } from '../../test/fakes/fake-excel';
import { makeLog } from '../lib/logs';
import { fixed, median, msSince, nowNs, verdict, type Table } from '../lib/measure';

const SIZES = [10, 10_000];
/** Excel on the web's payload limit, about 5 MB (taken as 5,000,000 bytes, the lower reading). */
const PAYLOAD_BYTES = 5_000_000;
const REFRESH_BUDGET = 3;
const AS_OF = dayFromIso('2026-11-23')!;

/** Timers the bench fires by hand, so a debounced refresh happens exactly when measured. */
class ManualTimers implements Timers {
  pending: (() => void) | undefined;
  set(fn: () => void): unknown {
    this.pending = fn;
    return fn;
  }
  clear(): void {
    this.pending = undefined;
  }
  fire(): void {
    const fn = this.pending;
    this.pending = undefined;
    fn?.();
  }
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

async function workbook(rows: number): Promise<FakeExcel> {
  const log = makeLog('NISM', rows);
  const fake = new FakeExcel({ Sheet1: [] }, { payloadBytes: PAYLOAD_BYTES });
  const values = log.cells as CellValue[][];
  await fake.book.apply([
    { kind: 'addSheet', name: 'CE Log' },
    { kind: 'setValues', sheet: 'CE Log', row: 0, col: 0, values },
    {
      kind: 'createTable',
      sheet: 'CE Log',
      name: 'CELog',
      range: { row: 0, col: 0, rows: values.length, cols: values[0]!.length },
    },
  ]);
  const checked = checkProfile({
    program: 'NISM-SMS',
    cycleStart: '2025-03-14',
    name: 'Jordan Rivera',
    certificantNumber: 'SMS-004217',
  });
  if (!checked.ok) throw new Error('bench profile is invalid');
  await fake.book.apply(profileOps(checked.profile, await fake.book.read({ sheets: 'all' })));
  return fake;
}

interface Counts {
  start: number;
  refresh: number;
  editRefresh: number;
  summary: number;
  summaryAgain: number;
  refreshMs: number;
  summaryMs: number;
  /** The largest request and response of the summary generations, in bytes. */
  summaryRequest: number;
  summaryResponse: number;
  status: string;
}

async function measure(rows: number): Promise<Counts> {
  const fake = await workbook(rows);
  const timers = new ManualTimers();
  const controller = new PaneController(new OfficeWorkbook({ run: fake.run }), { asOf: AS_OF, timers });
  let s = fake.syncs;
  await controller.start();
  const start = fake.syncs - s;
  const status = controller.getState().evaluation?.status.line ?? controller.getState().logError ?? 'no evaluation';

  s = fake.syncs;
  let t = nowNs();
  await controller.refresh();
  const refreshMs = msSince(t);
  const refresh = fake.syncs - s;

  // A user edit: the change event (one small round trip names the sheet), then the debounced refresh.
  s = fake.syncs;
  fake.userEdit('CE Log', 1, 1, 'Edited activity title');
  await settle();
  await settle();
  const before = controller.getState().version;
  timers.fire();
  // Wait for that refresh to finish (calling refresh() now would queue a second one).
  while (controller.getState().version === before || controller.getState().loading) await settle();
  const editRefresh = fake.syncs - s;
  controller.stop();

  const port = new OfficeWorkbook({ run: fake.run });
  s = fake.syncs;
  t = nowNs();
  const first = await generateSummary(port, { asOf: AS_OF });
  const summaryMs = msSince(t);
  if (!first.ok) throw new Error(`summary failed: ${JSON.stringify(first)}`);
  const summary = fake.syncs - s;
  s = fake.syncs;
  await generateSummary(port, { asOf: AS_OF });
  const summaryAgain = fake.syncs - s;
  const summarySyncs = fake.bytesPerSync.slice(-(summary + summaryAgain));
  const summaryRequest = Math.max(...summarySyncs.map((b) => b.written));
  const summaryResponse = Math.max(...summarySyncs.map((b) => b.read));
  return {
    start,
    refresh,
    editRefresh,
    summary,
    summaryAgain,
    refreshMs,
    summaryMs,
    summaryRequest,
    summaryResponse,
    status,
  };
}

export async function run(): Promise<Table[]> {
  const reps = process.env.BENCH_QUICK === '1' ? 1 : 3;
  const results = new Map<number, Counts>();
  for (const rows of SIZES) {
    const all: Counts[] = [];
    for (let i = 0; i < reps; i++) all.push(await measure(rows));
    const m = (k: keyof Omit<Counts, 'status'>) => median(all.map((c) => c[k]));
    results.set(rows, {
      start: m('start'),
      refresh: m('refresh'),
      editRefresh: m('editRefresh'),
      summary: m('summary'),
      summaryAgain: m('summaryAgain'),
      refreshMs: m('refreshMs'),
      summaryMs: m('summaryMs'),
      summaryRequest: m('summaryRequest'),
      summaryResponse: m('summaryResponse'),
      status: all[0]!.status,
    });
  }
  const small = results.get(SIZES[0]!)!;
  const big = results.get(SIZES[1]!)!;
  const rows: (string | number)[][] = [];
  const line = (
    what: string,
    key: 'start' | 'refresh' | 'editRefresh' | 'summary' | 'summaryAgain',
    budget: number | undefined,
  ) => {
    const equal = small[key] === big[key];
    const ok = equal && (budget === undefined || big[key] <= budget);
    rows.push([
      what,
      small[key],
      big[key],
      budget === undefined ? 'equal for both sizes' : `equal, ≤ ${budget}`,
      verdict(ok),
    ]);
  };
  line('Pane start (first refresh + change-handler registration)', 'start', undefined);
  line('Pane refresh (controller.refresh())', 'refresh', REFRESH_BUDGET);
  line('Edit → change event → debounced refresh', 'editRefresh', undefined);
  line('Summary generation (new summary sheet)', 'summary', undefined);
  line('Summary generation again (replaces it)', 'summaryAgain', undefined);
  return [
    {
      title: '4. Round trips: context.sync() calls on the fake Excel host (10 vs 10,000 log rows)',
      columns: ['Action', 'syncs, 10 rows', 'syncs, 10,000 rows', 'Budget', 'Result'],
      rows,
      notes: [
        `Baseline: the same action on the 10-row workbook. Counts are medians of ${reps} fresh workbooks (they do not vary).`,
        `For information, wall time on the fake host (no real Excel latency): refresh ${fixed(small.refreshMs, 2)} ms vs ${fixed(big.refreshMs, 1)} ms; summary ${fixed(small.summaryMs, 1)} ms vs ${fixed(big.summaryMs, 0)} ms.`,
        `The host refuses a sync over ${PAYLOAD_BYTES.toLocaleString('en-US')} bytes either way; largest summary sync at 10,000 rows: request ${(big.summaryRequest / 1e6).toFixed(2)} MB, response ${(big.summaryResponse / 1e6).toFixed(2)} MB (as the fake measures them).`,
        `Status at 10,000 rows: ${big.status}`,
      ],
    },
  ];
}
