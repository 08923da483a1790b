/**
 * Scenario 8: the command line on big trackers, as a user runs it: `ce-ledger check` on 200,000 rows
 * and `ce-ledger summary` on 50,000 rows, each in its own Node process, with its wall time and its
 * peak memory (max RSS). The baseline, in the same run and the same kind of process: reading the same
 * file with exceljs alone (`new ExcelJS.Workbook().xlsx.readFile(file)`).
 */
import ExcelJS from 'exceljs';
import { spawnSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import ts from 'typescript';
import { makeLog } from '../lib/logs';
import { fixed, median, type Table } from '../lib/measure';

const ROOT = path.join(__dirname, '..', '..');
const DIR = path.join(ROOT, '.tmp', 'bench-big');
const DIST = path.join(DIR, 'js');
const CHILD = path.join(ROOT, 'bench', 'lib', 'measured-child.js');
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const CHECK_ROWS = 200_000;
const SUMMARY_ROWS = 50_000;
const CHECK_RSS_MIB = 1024;
const SUMMARY_RSS_MIB = 1536;
const SUMMARY_MS = 60_000;
const FLAGS = ['--program', 'NISM-SMS', '--cycle-start', '2025-03-14', '--as-of', '2026-11-23'];

interface Sample {
  ms: number;
  maxRssMiB: number;
  first: string;
}

/** The working tree's src/ transpiled to plain JS once (as ts-hook does per file), so the child runs no compiler. */
function transpileSources(): void {
  fs.rmSync(DIST, { recursive: true, force: true });
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      const out = path.join(DIST, path.relative(ROOT, full));
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name)) {
        const { outputText } = ts.transpileModule(fs.readFileSync(full, 'utf8'), {
          compilerOptions: {
            module: ts.ModuleKind.CommonJS,
            target: ts.ScriptTarget.ES2020,
            jsx: ts.JsxEmit.ReactJSX,
            esModuleInterop: true,
          },
          fileName: full,
        });
        fs.mkdirSync(path.dirname(out), { recursive: true });
        fs.writeFileSync(out.replace(/\.tsx?$/, '.js'), outputText);
      } else if (entry.name.endsWith('.json')) {
        fs.mkdirSync(path.dirname(out), { recursive: true });
        fs.copyFileSync(full, out);
      }
    }
  };
  walk(path.join(ROOT, 'src'));
}

/** A NISM tracker of `rows` generated rows (date cells with a date format), written with exceljs's streaming writer. */
async function writeTracker(file: string, rows: number): Promise<void> {
  if (fs.existsSync(file)) return;
  const log = makeLog('NISM', rows);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: `${file}.part`,
    useSharedStrings: true,
    useStyles: true,
  });
  const ws = wb.addWorksheet('CE Log');
  const [headers, ...data] = log.cells;
  ws.addRow(headers as string[]).commit();
  for (const values of data) {
    const row = ws.addRow(
      values.map((v, c) =>
        c === 0 && typeof v === 'number' ? new Date(EXCEL_EPOCH_MS + v * 86_400_000) : v,
      ) as ExcelJS.CellValue[],
    );
    if (row.getCell(1).value instanceof Date) row.getCell(1).numFmt = 'yyyy-mm-dd';
    row.commit();
  }
  ws.commit();
  await wb.commit();
  fs.renameSync(`${file}.part`, file);
}

function measure(args: string[]): Sample {
  const child = spawnSync(process.execPath, [CHILD, ...args], {
    cwd: DIR,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const last = child.stderr.trim().split('\n').pop() ?? '';
  if (child.status !== 0)
    throw new Error(`${args.slice(0, 3).join(' ')} exited ${child.status}: ${child.stderr.slice(-2000)}`);
  return JSON.parse(last) as Sample;
}

/** Alternates the two commands `reps` times; medians of time and of max RSS. */
function pair(reps: number, a: string[], b: string[]): [Sample, Sample] {
  const as: Sample[] = [];
  const bs: Sample[] = [];
  for (let i = 0; i < reps; i++) {
    as.push(measure(a));
    bs.push(measure(b));
  }
  const med = (list: Sample[]): Sample => ({
    ms: median(list.map((s) => s.ms)),
    maxRssMiB: median(list.map((s) => s.maxRssMiB)),
    first: list[0]!.first,
  });
  return [med(as), med(bs)];
}

const mib = (n: number) => `${fixed(n, 0)} MiB`;
const sec = (ms: number) => `${fixed(ms / 1000, 1)} s`;

export async function run(): Promise<Table[]> {
  fs.mkdirSync(DIR, { recursive: true });
  transpileSources();
  const big = path.join(DIR, `tracker-${CHECK_ROWS}.xlsx`);
  const mid = path.join(DIR, `tracker-${SUMMARY_ROWS}.xlsx`);
  await writeTracker(big, CHECK_ROWS);
  await writeTracker(mid, SUMMARY_ROWS);
  const reps = process.env.BENCH_QUICK === '1' ? 1 : 3;
  const cli = (...argv: string[]) => ['cli', DIST, ...argv];

  const [baseBig, checkBig] = pair(reps, ['exceljs', big], cli('check', big, ...FLAGS));
  const [baseMid, summaryMid] = pair(
    reps,
    ['exceljs', mid],
    cli('summary', mid, '-o', path.join(DIR, 'summary-out.xlsx'), '--force', ...FLAGS),
  );
  const checkMid = pair(reps, cli('check', mid, ...FLAGS), cli('check', mid, ...FLAGS))[0];

  const ratio = (a: Sample, b: Sample) => `${fixed(a.ms / b.ms, 2)}×`;
  const ok = (pass: boolean) => (pass ? 'PASS' : 'MISS');
  return [
    {
      title: `8. Big files: ce-ledger check on ${CHECK_ROWS.toLocaleString('en-US')} rows and summary on ${SUMMARY_ROWS.toLocaleString('en-US')} rows, each in its own process, vs reading the file with exceljs alone`,
      columns: ['What', 'Time (median)', 'Ratio', 'Max RSS (median)', 'Budget', 'Result'],
      rows: [
        [
          `exceljs readFile, ${CHECK_ROWS.toLocaleString('en-US')} rows`,
          sec(baseBig.ms),
          '1.00×',
          mib(baseBig.maxRssMiB),
          '',
          '',
        ],
        [
          `ce-ledger check, ${CHECK_ROWS.toLocaleString('en-US')} rows`,
          sec(checkBig.ms),
          ratio(checkBig, baseBig),
          mib(checkBig.maxRssMiB),
          `≤ 1.00× and < ${mib(CHECK_RSS_MIB)}`,
          ok(checkBig.ms <= baseBig.ms && checkBig.maxRssMiB < CHECK_RSS_MIB),
        ],
        [
          `exceljs readFile, ${SUMMARY_ROWS.toLocaleString('en-US')} rows`,
          sec(baseMid.ms),
          '1.00×',
          mib(baseMid.maxRssMiB),
          '',
          '',
        ],
        [
          `ce-ledger check, ${SUMMARY_ROWS.toLocaleString('en-US')} rows`,
          sec(checkMid.ms),
          ratio(checkMid, baseMid),
          mib(checkMid.maxRssMiB),
          '≤ 1.00×',
          ok(checkMid.ms <= baseMid.ms),
        ],
        [
          `ce-ledger summary -o …, ${SUMMARY_ROWS.toLocaleString('en-US')} rows`,
          sec(summaryMid.ms),
          ratio(summaryMid, baseMid),
          mib(summaryMid.maxRssMiB),
          `< ${sec(SUMMARY_MS)} and < ${mib(SUMMARY_RSS_MIB)}`,
          ok(summaryMid.ms < SUMMARY_MS && summaryMid.maxRssMiB < SUMMARY_RSS_MIB),
        ],
      ],
      notes: [
        `Files: generated NISM rows (13 columns, date cells), ${fixed(fs.statSync(big).size / 1048576, 1)} MiB and ${fixed(fs.statSync(mid).size / 1048576, 1)} MiB, written once with exceljs's streaming writer into .tmp/bench-big.`,
        'Each figure is one fresh Node process (bench/lib/measured-child.js): time from just before the command to its end (modules already loaded), max RSS from process.resourceUsage(). The CLI runs the working tree transpiled to .tmp/bench-big/js.',
        `Median of ${reps} runs of each, alternating. Status reported: ${checkBig.first.trim().slice(0, 90)}`,
        "The summary reads the file with the streaming reader and splices its two new sheets (written by exceljs alone) into the original zip, never loading the input's full model: its ratio is against reading alone, for information.",
      ],
    },
  ];
}
