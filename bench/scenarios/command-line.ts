/**
 * Scenario 7: `ce-ledger check` (the command line's main(), in process) on a 10,000-row .xlsx, against
 * reading the same file with exceljs alone.
 */
import ExcelJS from 'exceljs';
import fs from 'fs';
import path from 'path';
import { main, type CliIo } from '../../src/cli/main';
import { makeLog } from '../lib/logs';
import { consume, fixed, gc, median, msSince, nowNs, verdict, type Table } from '../lib/measure';

const ROOT = path.join(__dirname, '..', '..');
const ROWS = 10_000;
// Issue 15: the command line reads with the streaming reader, so it must not be slower than exceljs's full read.
const BUDGET = 1.0;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

async function writeTracker(file: string): Promise<void> {
  const log = makeLog('NISM', ROWS);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('CE Log');
  const [headers, ...rows] = log.cells;
  ws.addRow(headers as string[]);
  for (const row of rows) {
    // Dates as real date cells (a serial with a date format), as Excel saves them.
    ws.addRow(
      row.map((v, c) =>
        c === 0 && typeof v === 'number' ? new Date(EXCEL_EPOCH_MS + v * 86_400_000) : v,
      ) as ExcelJS.CellValue[],
    );
  }
  ws.getColumn(1).numFmt = 'yyyy-mm-dd';
  await wb.xlsx.writeFile(file);
}

async function exceljsOnly(file: string): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.reduce((n, ws) => n + ws.rowCount, 0);
}

async function check(file: string): Promise<{ code: number; out: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => (out += t), stderr: (t) => (err += t), stderrIsTTY: false, cwd: ROOT };
  const code = await main(
    ['check', file, '--program', 'NISM-SMS', '--cycle-start', '2025-03-14', '--as-of', '2026-11-23'],
    io,
  );
  if (code !== 0) throw new Error(`ce-ledger check exited ${code}: ${err}`);
  return { code, out };
}

export async function run(): Promise<Table[]> {
  const dir = path.join(ROOT, '.tmp', 'bench-cli');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `tracker-${ROWS}.xlsx`);
  await writeTracker(file);
  const size = fs.statSync(file).size;
  const reps = process.env.BENCH_QUICK === '1' ? 3 : 7;
  const cli: number[] = [];
  const base: number[] = [];
  let firstLine = '';
  for (let i = -1; i < reps; i++) {
    gc();
    let t = nowNs();
    consume(await exceljsOnly(file));
    const tb = msSince(t);
    gc();
    t = nowNs();
    const r = await check(file);
    const tc = msSince(t);
    firstLine =
      r.out.split('\n').find((l) => /IN PROGRESS|COMPLETE|READY|GRACE|LAPSED|EXPIRED/.test(l)) ?? r.out.split('\n')[0]!;
    if (i < 0) continue;
    base.push(tb);
    cli.push(tc);
  }
  const c = median(cli);
  const b = median(base);
  return [
    {
      title: `7. Command line: ce-ledger check on a ${ROWS.toLocaleString('en-US')}-row .xlsx vs reading it with exceljs alone`,
      columns: ['What', 'ms (median)', 'Ratio', 'Budget', 'Result'],
      rows: [
        ['exceljs: new Workbook().xlsx.readFile(file)', fixed(b, 0), '1.00×', '', ''],
        [
          'ce-ledger check file --program … (main() in process)',
          fixed(c, 0),
          `${fixed(c / b, 2)}×`,
          `≤ ${BUDGET}×`,
          verdict(c / b <= BUDGET),
        ],
      ],
      notes: [
        `File: ${ROWS.toLocaleString('en-US')} generated NISM rows (13 columns, date cells), ${fixed(size / 1024, 0)} KB, written by the bench with exceljs into .tmp/bench-cli.`,
        `Median of ${reps} runs of each, alternating, after one warm-up of each. Status reported: ${firstLine.trim().slice(0, 100)}`,
      ],
    },
  ];
}
