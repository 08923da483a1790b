/** Real .xlsx files for the command-line tests, and a way to run the CLI in-process. */
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { main, type CliIo } from '../../src/cli/main';
import type { CellValue, WorkbookOp } from '../../src/workbook/port';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { AS_OF, day } from '../summary/fixtures';

export function tempDir(prefix = 'ce-cli-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export async function run(argv: string[], cwd: string, extra: Partial<CliIo> = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    stderrIsTTY: false,
    cwd,
    today: day(AS_OF),
    ...extra,
  });
  return { code, stdout, stderr };
}

/** Writes a workbook with the given sheets (values from A1, or from `at` rows down); date columns formatted. */
export async function writeWorkbook(
  path: string,
  sheets: Record<string, CellValue[][]>,
  options: { logTopRow?: Record<string, number> } = {},
): Promise<void> {
  const port = XlsxWorkbook.create('Scratch');
  const ops: WorkbookOp[] = [];
  for (const [name, rows] of Object.entries(sheets)) {
    const top = options.logTopRow?.[name] ?? 0;
    ops.push({ kind: 'addSheet', name }, { kind: 'setValues', sheet: name, row: top, col: 0, values: rows });
    const dateCol = rows[0]?.indexOf('Date') ?? -1;
    if (dateCol >= 0 && rows.length > 1)
      ops.push({
        kind: 'setNumberFormat',
        sheet: name,
        range: { row: top + 1, col: dateCol, rows: rows.length - 1, cols: 1 },
        format: 'yyyy-mm-dd',
      });
  }
  ops.push({ kind: 'deleteSheet', name: 'Scratch' });
  await port.apply(ops);
  await port.save(path);
}
