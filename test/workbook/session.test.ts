import { dayFromIso, evaluateLog, findProgram, profileFacts } from '../../src/core';
import { MemoryWorkbook } from '../../src/workbook/memory';
import { OfficeWorkbook } from '../../src/workbook/office';
import { cellsOf } from '../../src/workbook/log-sheet';
import { PaneController, type Timers } from '../../src/workbook/session';
import { PROFILE_SHEET } from '../../src/workbook/profile-sheet';
import {
  SAMPLE_AS_OF,
  SAMPLE_CYCLE_START,
  sampleLogValues,
  sampleOldTrackerValues,
  SAMPLE_OLD_TRACKER_SHEET,
} from '../../src/preview/sample';
import { FakeExcel } from '../fakes/fake-excel';
import { loadSample, sampleMemory } from '../fakes/sample-workbook';
import type { CellValue, ReadQuery, WorkbookPort } from '../../src/workbook/port';

const asOf = dayFromIso(SAMPLE_AS_OF)!;

/** Timers the test fires by hand. */
function manualTimers() {
  const pending = new Map<number, () => void>();
  let next = 1;
  const timers: Timers = {
    set: (fn) => {
      pending.set(next, fn);
      return next++;
    },
    clear: (h) => pending.delete(h as number),
  };
  return {
    timers,
    pending: () => pending.size,
    fire: () => {
      const fns = [...pending.values()];
      pending.clear();
      fns.forEach((f) => f());
    },
  };
}

describe('PaneController', () => {
  test('evaluates the sample log exactly as the core does', async () => {
    const wb = await sampleMemory();
    const c = new PaneController(wb, { asOf });
    await c.start();
    const s = c.getState();
    expect(s.loading).toBe(false);
    expect(s.profile.profile?.program).toBe('NISM-SMS');
    expect(s.log).toEqual({ sheet: 'CE Log', table: 'CELog', range: { row: 0, col: 0, rows: 41, cols: 13 } });
    const direct = evaluateLog(findProgram('NISM-SMS')!, sampleLogValues(), {
      cycleStart: dayFromIso(SAMPLE_CYCLE_START)!,
      asOf,
      firstRow: 1,
      profile: { attestations: {} },
    });
    if (!direct.ok) throw new Error(direct.message);
    expect(s.evaluation?.status.line).toBe(direct.evaluation.status.line);
    expect(s.evaluation?.earned).toBe(direct.evaluation.earned);
    expect(s.evaluation?.problems).toEqual(direct.evaluation.problems);
    expect(s.evaluation?.status.keyword).toBe('IN PROGRESS');
    c.stop();
  });

  test('changes are debounced into one refresh', async () => {
    const wb = await sampleMemory();
    const t = manualTimers();
    const c = new PaneController(wb, { asOf, timers: t.timers });
    await c.start();
    const reads = wb.calls.read;
    wb.setCell('CE Log', 21, 4, 2);
    wb.setCell('CE Log', 19, 3, 'Webinar');
    wb.setCell('CE Log', 23, 0, 45900);
    expect(t.pending()).toBe(1);
    expect(wb.calls.read).toBe(reads);
    const version = c.getState().version;
    t.fire();
    while (c.getState().version === version) await new Promise((r) => setTimeout(r, 1));
    expect(wb.calls.read).toBe(reads + 1);
    expect(c.getState().evaluation?.problems).toEqual([]);
    c.stop();
  });

  test('a refresh after a change reads only the profile and log sheets', async () => {
    const wb = await sampleMemory();
    await wb.apply([
      { kind: 'addSheet', name: 'Big other sheet' },
      { kind: 'setValues', sheet: 'Big other sheet', row: 0, col: 0, values: [['x']] },
    ]);
    const c = new PaneController(wb, { asOf });
    await c.start();
    const spy = jest.spyOn(wb, 'read');
    await c.refresh();
    expect(spy).toHaveBeenCalledWith({ sheets: ['CE Log', PROFILE_SHEET] });
    c.stop();
  });

  test('an invalid profile is refused with the schema message and nothing is written', async () => {
    const wb = await sampleMemory();
    const c = new PaneController(wb, { asOf });
    await c.start();
    const applies = wb.calls.apply;
    const result = await c.saveProfile({ program: 'NISM-SMS', cycleStart: '2025-02-30' });
    expect(result).toEqual({ ok: false, problems: [{ field: 'cycleStart', message: 'enter a date (yyyy-mm-dd)' }] });
    expect(wb.calls.apply).toBe(applies);
    const ok = await c.saveProfile({ program: 'NISM-SMS', cycleStart: '2025-03-14', name: 'Jordan Rivera' });
    expect(ok).toEqual({ ok: true });
    expect(c.getState().profile.profile?.name).toBe('Jordan Rivera');
  });

  test('ticking a manual checklist item writes it to the profile and the checklist follows', async () => {
    const wb = await sampleMemory();
    const c = new PaneController(wb, { asOf });
    await c.start();
    expect(c.getState().evaluation?.checklist.find((i) => i.id === 'fee')?.done).toBe(false);
    await c.setAttestation('fee', true);
    const fee = wb.names().find((n) => n.name === 'CE_ATTEST_FEE')!;
    expect(wb.getValue(PROFILE_SHEET, fee.range.row, fee.range.col)).toBe(true);
    expect(c.getState().evaluation?.checklist.find((i) => i.id === 'fee')?.done).toBe(true);
  });

  test('clicking a problem selects its cell; clicking a proof issue selects the row', async () => {
    const wb = await sampleMemory();
    const c = new PaneController(wb, { asOf });
    await c.start();
    const problem = c.getState().evaluation!.problems.find((p) => p.column === 'Hours')!;
    await c.selectProblem(problem);
    expect(wb.selection).toEqual({ sheet: 'CE Log', range: { row: problem.row - 1, col: 4, rows: 1, cols: 1 } });
    await c.selectRow(14);
    expect(wb.selection).toEqual({ sheet: 'CE Log', range: { row: 13, col: 0, rows: 1, cols: 13 } });
  });

  test('without a log: start a new one, or convert a sheet, and the dashboard follows', async () => {
    const wb = new MemoryWorkbook({ [SAMPLE_OLD_TRACKER_SHEET]: sampleOldTrackerValues() });
    const c = new PaneController(wb, { asOf });
    await c.start();
    expect(c.getState().log).toBeUndefined();
    await c.saveProfile({ program: 'NISM-SMS', cycleStart: '2023-03-01' });
    const proposal = await c.proposeConversion(SAMPLE_OLD_TRACKER_SHEET);
    if (!proposal.ok) throw new Error(proposal.message);
    const mapping = Object.fromEntries(proposal.proposal.columns.map((col) => [col.index, col.key]));
    mapping[0] = 'date';
    mapping[2] = 'hours';
    mapping[5] = 'proof';
    const plan = await c.planConversion(proposal.proposal, { mapping, credits: true });
    expect(plan.ok).toBe(true);
    await c.convert(plan);
    expect(c.getState().log?.sheet).toBe(SAMPLE_OLD_TRACKER_SHEET);
    expect(c.getState().evaluation?.rowsRead).toBe(3);
    const sheet = await c.startNewLog({ credits: false });
    expect(sheet).toBe('CE Log');
    expect(wb.tables().map((t) => t.name)).toEqual(['CELog', 'CELog2']);
    // The log just created is the one the dashboard shows.
    expect(c.getState().log).toMatchObject({ sheet: 'CE Log', table: 'CELog2' });
    expect(c.getState().evaluation?.rowsRead).toBe(0);
  });

  /**
   * The sample (with `extraRows` below its log) in a fake Excel host, and its pane opened through the
   * Office adapter. The workbook is built in the host's own memory: writing 10,000 rows through the
   * adapter is slow in the fake and not what these tests are about.
   */
  const officePane = async (options: { extraRows?: CellValue[][]; other?: (book: MemoryWorkbook) => void } = {}) => {
    const fake = new FakeExcel({ Sheet1: [] });
    await loadSample(fake.book, { extraRows: options.extraRows });
    options.other?.(fake.book);
    const port = new OfficeWorkbook({ run: fake.run });
    const c = new PaneController(port, { asOf });
    let before = fake.syncs;
    await c.refresh();
    const open = fake.syncs - before;
    // A change in the log, then the refresh it asks for.
    fake.userEdit('CE Log', 21, 4, 2);
    before = fake.syncs;
    await c.refresh();
    return { fake, open, refresh: fake.syncs - before, state: c.getState() };
  };

  // Generous timeout: 10,040 rows are evaluated (twice) and read through the fake host, which is slow
  // on a loaded machine; nothing here measures time.
  test('a refresh through the Office adapter costs the same syncs for 40 and 10,040 log rows', async () => {
    const extraRows: CellValue[][] = Array.from({ length: 10_000 }, (_, i) => [
      45800 + (i % 600),
      `Extra ${i}`,
      'NISM',
      'Webinar',
      1,
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
    ]);
    const small = await officePane();
    const large = await officePane({ extraRows });
    expect(small.refresh).toBe(2);
    expect(large.refresh).toBe(small.refresh);
    expect(large.open).toBe(small.open);
    expect(small.state.evaluation?.rowsRead).toBe(40);
    expect(large.state.evaluation?.rowsRead).toBe(10_040);
  }, 60_000);

  describe('refresh cost does not depend on unrelated sheets', () => {
    /** A sheet that is no CE log, made the active one (the pane must not read it because the user looks at it). */
    const unrelated = (fill: (book: MemoryWorkbook) => void) => (book: MemoryWorkbook) => {
      void book.apply([{ kind: 'addSheet', name: 'Notes' }]);
      fill(book);
      book.activeSheet = 'Notes';
    };
    /** What, how the sheet is filled, and the cells of it the pane may load: its tables' header rows, to tell they are no CE log. */
    const cases: [string, (book: MemoryWorkbook) => void, number][] = [
      // Its used range is A1:XFD2000: 32,768,000 cells.
      [
        'one space at XFD2000',
        (book) => {
          book.setCell('Notes', 0, 0, 'Trip ideas');
          book.setCell('Notes', 1999, 16_383, ' ');
        },
        0,
      ],
      [
        '20,000 rows of 10 columns and a table of its own',
        (book) => {
          const rows = Array.from({ length: 20_000 }, (_, r) =>
            Array.from({ length: 10 }, (_, c) => (c === 0 ? `Item ${r}` : r * c)),
          );
          void book.apply([
            {
              kind: 'setValues',
              sheet: 'Notes',
              row: 0,
              col: 0,
              values: [Array.from({ length: 10 }, (_, c) => `Col ${c}`), ...rows],
            },
            {
              kind: 'createTable',
              sheet: 'Notes',
              name: 'Inventory',
              range: { row: 0, col: 0, rows: 20_001, cols: 10 },
            },
          ]);
        },
        10,
      ],
    ];
    test.each(cases)(
      'an unrelated sheet with %s: same syncs to open and to refresh, none of its cells loaded but a header row, same result',
      async (_, fill, headerCells) => {
        const plain = await officePane();
        const withOther = await officePane({ other: unrelated(fill) });
        expect(withOther.state.sheetNames).toContain('Notes');
        expect(withOther.open).toBe(plain.open);
        expect(withOther.refresh).toBe(plain.refresh);
        expect(withOther.refresh).toBe(2);
        expect(withOther.fake.cellsReadBySheet.get('notes') ?? 0).toBe(headerCells);
        // The log and the profile are found and evaluated as without the sheet.
        expect(withOther.fake.cellsReadBySheet.get('ce log')).toBeGreaterThan(0);
        expect(withOther.state.log).toEqual(plain.state.log);
        expect(withOther.state.profile.profile?.program).toBe('NISM-SMS');
        expect(withOther.state.evaluation).toEqual(plain.state.evaluation);
        expect(withOther.state.evaluation?.rowsRead).toBe(40);
      },
      60_000,
    );
  });
});
describe('the pane reads only the log and the profile', () => {
  /** The sample plus a sheet "Notes" the pane has no business reading; every read the pane makes is kept. */
  const withNotes = async (notes: CellValue[][] = [['Trip ideas'], ['Lisbon']]) => {
    const wb = await sampleMemory();
    await wb.apply([
      { kind: 'addSheet', name: 'Notes' },
      { kind: 'setValues', sheet: 'Notes', row: 0, col: 0, values: notes },
    ]);
    const reads = jest.spyOn(wb, 'read');
    const readNotes = () =>
      reads.mock.calls.some(([q]) => q.sheets === 'all' || q.sheets?.some((n) => n.toLowerCase() === 'notes'));
    return { wb, reads, readNotes };
  };

  test('a log moved to another sheet is found again by its header row, without reading other sheets', async () => {
    const { wb, readNotes } = await withNotes();
    const c = new PaneController(wb, { asOf });
    await c.refresh();
    const before = c.getState().evaluation;
    // The user moves the log: a new sheet with the same rows as a table, and the old sheet deleted.
    const snap = await wb.read({ sheets: ['CE Log'] });
    const values = snap.sheets['CE Log']!.values;
    await wb.apply([
      { kind: 'addSheet', name: 'Log 2025' },
      { kind: 'setValues', sheet: 'Log 2025', row: 2, col: 1, values },
      { kind: 'deleteSheet', name: 'CE Log' },
      {
        kind: 'createTable',
        sheet: 'Log 2025',
        name: 'MyLog',
        range: { row: 2, col: 1, rows: values.length, cols: values[0]!.length },
      },
    ]);
    await c.refresh();
    expect(c.getState().log).toEqual({
      sheet: 'Log 2025',
      table: 'MyLog',
      range: { row: 2, col: 1, rows: 41, cols: 13 },
    });
    expect(c.getState().evaluation?.status).toEqual(before?.status);
    expect(readNotes()).toBe(false);
  });

  test('profile cells named on another sheet are read there, on opening and on every refresh', async () => {
    const { wb, reads, readNotes } = await withNotes();
    // The user keeps the cycle start and an attestation on a sheet of their own.
    await wb.apply([
      { kind: 'addSheet', name: 'Settings' },
      { kind: 'setValues', sheet: 'Settings', row: 1, col: 1, values: [[45000], [true]] },
      { kind: 'defineName', name: 'CE_CYCLE_START', sheet: 'Settings', range: { row: 1, col: 1, rows: 1, cols: 1 } },
      { kind: 'defineName', name: 'CE_ATTEST_FEE', sheet: 'Settings', range: { row: 2, col: 1, rows: 1, cols: 1 } },
    ]);
    const c = new PaneController(wb, { asOf });
    await c.refresh();
    expect(c.getState().profile.profile?.cycleStart).toBe(dayFromIso('2023-03-15'));
    expect(c.getState().profile.profile?.attestations.fee).toBe(true);
    wb.setCell('Settings', 2, 1, false);
    reads.mockClear();
    await c.refresh();
    expect(reads.mock.calls).toEqual([[{ sheets: ['CE Log', PROFILE_SHEET, 'Settings'] }]]);
    expect(c.getState().profile.profile?.attestations.fee).toBe(false);
    expect(readNotes()).toBe(false);
  });

  test('without a log, refreshes and starting a new log read no other sheet, and the new table avoids every table name', async () => {
    const wb = new MemoryWorkbook({
      [SAMPLE_OLD_TRACKER_SHEET]: sampleOldTrackerValues(),
      Notes: [
        ['Item', 'Count'],
        ['Pens', 4],
      ],
    });
    // A table named like ours that is not a CE log, on a sheet the pane does not read.
    await wb.apply([
      { kind: 'createTable', sheet: 'Notes', name: 'CELog', range: { row: 0, col: 0, rows: 2, cols: 2 } },
    ]);
    const reads = jest.spyOn(wb, 'read');
    const c = new PaneController(wb, { asOf });
    await c.refresh();
    await c.saveProfile({ program: 'NISM-SMS', cycleStart: '2023-03-01' });
    await c.refresh();
    expect(c.getState().log).toBeUndefined();
    expect(c.getState().profile.profile?.program).toBe('NISM-SMS');
    await c.startNewLog({ credits: false });
    expect(c.getState().log).toMatchObject({ sheet: 'CE Log', table: 'CELog2' });
    const sheetsRead = reads.mock.calls.flatMap(([q]) => (q.sheets === 'all' ? ['all'] : (q.sheets ?? [])));
    expect(sheetsRead.filter((n) => n !== PROFILE_SHEET && n !== 'CE Log')).toEqual([]);
  });

  test('converting a sheet reads that sheet in full and only the first rows of the others, and the new table avoids every table name', async () => {
    const wb = new MemoryWorkbook({
      [SAMPLE_OLD_TRACKER_SHEET]: sampleOldTrackerValues(),
      Notes: [
        ['Item', 'Count'],
        ['Pens', 4],
      ],
    });
    await wb.apply([
      { kind: 'createTable', sheet: 'Notes', name: 'CELog', range: { row: 0, col: 0, rows: 2, cols: 2 } },
    ]);
    const reads = jest.spyOn(wb, 'read');
    const c = new PaneController(wb, { asOf });
    await c.start();
    await c.saveProfile({ program: 'NISM-SMS', cycleStart: '2023-03-01' });
    const proposal = await c.proposeConversion(SAMPLE_OLD_TRACKER_SHEET);
    if (!proposal.ok) throw new Error(proposal.message);
    const mapping = Object.fromEntries(proposal.proposal.columns.map((col) => [col.index, col.key]));
    Object.assign(mapping, { 0: 'date', 2: 'hours', 5: 'proof' });
    const plan = await c.planConversion(proposal.proposal, { mapping, credits: true });
    expect(plan.problems).toEqual([]);
    expect(plan.table).toBe('CELog2');
    await c.convert(plan);
    expect(c.getState().log).toMatchObject({ sheet: SAMPLE_OLD_TRACKER_SHEET, table: 'CELog2' });
    expect(c.getState().evaluation?.rowsRead).toBe(3);
    const sheetsRead = reads.mock.calls
      .filter(([q]) => q.headRows === undefined)
      .flatMap(([q]) => (q.sheets === 'all' ? ['all'] : (q.sheets ?? [])));
    expect(sheetsRead).toContain(SAMPLE_OLD_TRACKER_SHEET);
    expect(sheetsRead.filter((n) => n !== PROFILE_SHEET && n !== SAMPLE_OLD_TRACKER_SHEET)).toEqual([]);
    // Of the other sheets only a look at their first rows, for a sheet per year with the same header.
    const looks = reads.mock.calls.filter(([q]) => q.headRows !== undefined).map(([q]) => q);
    expect(looks).toEqual([expect.objectContaining({ sheets: ['Notes'] })]);
    expect(looks[0]!.headRows).toBeLessThanOrEqual(50);
    c.stop();
  });

  test('a host that cannot list header rows is read whole, as before, and the log is still found', async () => {
    const wb = await sampleMemory();
    const reads: ReadQuery['sheets'][] = [];
    const port: WorkbookPort = {
      capabilities: wb.capabilities,
      read: async (q) => {
        reads.push(q.sheets);
        const { tables: _, ...snapshot } = await wb.read(q);
        return snapshot;
      },
      apply: (ops) => wb.apply(ops),
      onChange: (handler) => wb.onChange(handler),
      select: (sheet, range) => wb.select(sheet, range),
    };
    const c = new PaneController(port, { asOf });
    await c.refresh();
    expect(reads).toContain('all');
    expect(c.getState().log).toMatchObject({ sheet: 'CE Log', table: 'CELog' });
    expect(c.getState().evaluation?.rowsRead).toBe(40);
  });
});

test('a refresh keeps the last evaluation visible while it reads (no flicker to empty)', async () => {
  const wb = await sampleMemory();
  const c = new PaneController(wb, { asOf });
  await c.refresh();
  const seen: boolean[] = [];
  c.subscribe(() => seen.push(c.getState().evaluation !== undefined && c.getState().version > 0));
  await c.refresh();
  expect(seen.length).toBeGreaterThanOrEqual(2);
  expect(seen.every(Boolean)).toBe(true);
});

describe('a large log is evaluated in steps, so the pane stays responsive', () => {
  // Each test evaluates 3,040 rows two or three times: seconds on a loaded 2-core machine, past Jest's
  // default 5 s. A generous timeout, not a measure: nothing here asserts time.
  const HEAVY = 60_000;
  const EXTRA = 3_000;
  const extraRows: CellValue[][] = Array.from({ length: EXTRA }, (_, i) => [
    45800 + (i % 600),
    `Extra ${i}`,
    i % 3 ? 'Other' : 'NISM',
    'Webinar',
    (i % 4) + 0.5,
    '',
    '',
    '',
    i % 7 ? 'Certificate' : '',
    '',
    '',
    '',
    '',
  ]);
  const ROWS = 40 + EXTRA;
  const bigBook = async () => {
    const wb = new MemoryWorkbook({ Sheet1: [] });
    await loadSample(wb, { extraRows });
    return wb;
  };
  /** What the core says, in one synchronous call, about the log as the workbook holds it now. */
  const direct = async (wb: MemoryWorkbook, c: PaneController) => {
    const s = c.getState();
    const snap = await wb.read({ sheets: 'all' });
    const p = s.profile.profile!;
    const result = evaluateLog(s.program!, cellsOf(snap.sheets[s.log!.sheet]!, s.log!.range), {
      cycleStart: p.cycleStart,
      asOf,
      firstRow: s.log!.range.row + 1,
      profile: profileFacts(p),
    });
    if (!result.ok) throw new Error(result.message);
    return result.evaluation;
  };
  /** A pause the test opens by hand. */
  const gatedPause = () => {
    const gates: (() => void)[] = [];
    let count = 0;
    return {
      count: () => count,
      waiting: () => gates.length,
      pause: () =>
        new Promise<void>((resolve) => {
          count++;
          gates.push(resolve);
        }),
      /** Opens every pause until `promise` settles. */
      async drain(promise: Promise<unknown>) {
        let done = false;
        void promise.then(() => (done = true));
        while (!done) {
          await new Promise((r) => setImmediate(r));
          gates.shift()?.();
        }
      },
    };
  };
  const macrotask = () => new Promise<void>((r) => setTimeout(r, 0));

  test(
    'a refresh yields many times, a timer set meanwhile runs before it ends, progress rises, and the result equals the synchronous evaluation',
    async () => {
      const wb = await bigBook();
      let pauses = 0;
      const c = new PaneController(wb, {
        asOf,
        chunkRows: 100,
        progressFromRows: 1_000,
        pause: () => (pauses++, macrotask()),
      });
      const progress: number[] = [];
      const totals = new Set<number>();
      c.subscribe(() => {
        const p = c.getState().progress;
        if (p) {
          progress.push(p.rowsDone);
          totals.add(p.rowsTotal);
        }
      });
      const order: string[] = [];
      const refreshed = c.refresh().then(() => order.push('refresh ended'));
      setTimeout(() => order.push('timer ran'), 0);
      await refreshed;
      expect(order).toEqual(['timer ran', 'refresh ended']);
      expect(pauses).toBeGreaterThanOrEqual(Math.ceil(ROWS / 100) - 1);
      expect(progress[0]).toBe(0);
      expect(progress[progress.length - 1]).toBe(ROWS);
      for (let i = 1; i < progress.length; i++) expect(progress[i]!).toBeGreaterThan(progress[i - 1]!);
      expect([...totals]).toEqual([ROWS]);
      const s = c.getState();
      expect(s.progress).toBeUndefined();
      expect(s.loading).toBe(false);
      expect(s.version).toBe(1);
      expect(s.evaluation).toEqual(await direct(wb, c));
    },
    HEAVY,
  );

  test(
    'while a large log is evaluated again, the last evaluation stays in the state beside the progress',
    async () => {
      const wb = await bigBook();
      const c = new PaneController(wb, { asOf, chunkRows: 100, progressFromRows: 1_000, pause: macrotask });
      await c.refresh();
      const first = c.getState().evaluation;
      const seen: { evaluation: boolean; progress: boolean }[] = [];
      c.subscribe(() =>
        seen.push({ evaluation: c.getState().evaluation === first, progress: c.getState().progress !== undefined }),
      );
      wb.setCell('CE Log', 100, 4, 6);
      await c.refresh();
      expect(seen.filter((x) => x.progress).length).toBeGreaterThan(10);
      // Every state but the last shows the previous evaluation; the last shows the new one, without progress.
      expect(seen.slice(0, -1).every((x) => x.evaluation)).toBe(true);
      expect(seen[seen.length - 1]).toEqual({ evaluation: false, progress: false });
      expect(c.getState().evaluation).toEqual(await direct(wb, c));
    },
    HEAVY,
  );

  test(
    'a second refresh cancels the first at its next pause instead of finishing it, and shows the newer workbook',
    async () => {
      const wb = await bigBook();
      const gate = gatedPause();
      const c = new PaneController(wb, { asOf, chunkRows: 100, progressFromRows: 1_000, pause: gate.pause });
      const progress: number[] = [];
      c.subscribe(() => {
        const p = c.getState().progress;
        if (p) progress.push(p.rowsDone);
      });
      const reads = wb.calls.read;
      const first = c.refresh();
      while (gate.waiting() === 0) await new Promise((r) => setImmediate(r));
      expect(progress).toEqual([0, 100]);
      wb.setCell('CE Log', 100, 4, 9);
      const second = c.refresh();
      await gate.drain(Promise.all([first, second]));
      // The first evaluation stopped at its first pause: progress started over and went to the end once.
      expect(progress.slice(0, 3)).toEqual([0, 100, 0]);
      expect(progress.filter((x) => x === ROWS)).toHaveLength(1);
      // The first refresh found the log by the tables' header rows and read its sheet (2 reads); the
      // second read the log the first had found (1), although the first never finished.
      expect(wb.calls.read - reads).toBe(3);
      const s = c.getState();
      expect(s.version).toBe(1);
      expect(s.progress).toBeUndefined();
      expect(s.evaluation).toEqual(await direct(wb, c));
      expect(s.evaluation!.entries.find((e) => e.entry.row === 101)!.entry.hours).toBe(9);
      // One full refresh pauses n times; both together paused n + 1 times (the one the first stopped at).
      const both = gate.count();
      await gate.drain(c.refresh());
      expect(both).toBe(gate.count() - both + 1);
    },
    HEAVY,
  );

  test('a small log is never paused and shows no progress: the state changes as before', async () => {
    const wb = await sampleMemory();
    const pause = jest.fn(macrotask);
    const c = new PaneController(wb, { asOf, pause });
    const states: boolean[] = [];
    c.subscribe(() => states.push(c.getState().progress !== undefined));
    await c.refresh();
    await c.refresh();
    expect(pause).not.toHaveBeenCalled();
    expect(states.length).toBeGreaterThan(0);
    expect(states.every((x) => !x)).toBe(true);
  });

  test(
    'stop() cancels a running evaluation',
    async () => {
      const wb = await bigBook();
      const gate = gatedPause();
      const c = new PaneController(wb, { asOf, chunkRows: 100, pause: gate.pause });
      const running = c.refresh();
      while (gate.waiting() === 0) await new Promise((r) => setImmediate(r));
      c.stop();
      await gate.drain(running);
      expect(gate.count()).toBe(1);
      expect(c.getState().evaluation).toBeUndefined();
      expect(c.getState().version).toBe(0);
    },
    HEAVY,
  );
});
