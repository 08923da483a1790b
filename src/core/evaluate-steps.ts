/**
 * `evaluateLog` in steps, for a caller that must stay responsive on a large log (the task pane): rows
 * are read and judged a chunk at a time, and the passes over all the entries run one at a time, with
 * `pause()` awaited in between. Pure: the caller decides what a pause is (a timer, a message, nothing);
 * no timers or DOM here. The same functions as `evaluateLog` do the work, so the result is the same.
 */
import { evaluationContext, finishSteps, judgeEntry, type EvaluateOptions, type EvaluateResult } from './evaluate';
import type { EntryResult } from './evaluation';
import { parseLog, readHeader, type Cells, type RowProblem } from './log';
import type { Program } from './schema';
import { programForCycle } from './versions';

/** Rows read and judged between two pauses, unless told otherwise. */
export const DEFAULT_STEP_ROWS = 2_000;

export interface EvaluationSteps {
  /** Awaited between chunks of work; resolves when the caller is ready for more. */
  pause: () => Promise<void>;
  /** Data rows per chunk (default `DEFAULT_STEP_ROWS`). A log no longer than this is never paused. */
  chunkRows?: number;
  /** Called with 0 first, then after each chunk of rows; `rowsTotal` counts every data row, blank or not. */
  onProgress?: (rowsDone: number, rowsTotal: number) => void;
  /** Checked after every pause: once `cancelled`, the evaluation stops and says so. */
  signal?: { readonly cancelled: boolean };
}

/** The evaluation was cancelled through its signal before it finished. */
export interface EvaluationCancelled {
  ok: false;
  cancelled: true;
  message: string;
}

export type SteppedResult = EvaluateResult | EvaluationCancelled;

const CANCELLED: EvaluationCancelled = { ok: false, cancelled: true, message: 'The evaluation was cancelled' };

export function isCancelled(result: SteppedResult): result is EvaluationCancelled {
  return !result.ok && 'cancelled' in result;
}

/**
 * Evaluates `cells` as `evaluateLog(program, cells, options)` does and resolves to a deep-equal
 * result, pausing about once per `chunkRows` rows (and between the passes that follow on a log longer
 * than one chunk); or to `EvaluationCancelled` when `signal.cancelled` is found set after a pause.
 */
export async function evaluateLogInSteps(
  program: Program,
  cells: Cells,
  options: EvaluateOptions,
  steps: EvaluationSteps,
): Promise<SteppedResult> {
  const { pause, onProgress, signal } = steps;
  const chunk = Math.max(1, Math.floor(steps.chunkRows ?? DEFAULT_STEP_ROWS));
  if (signal?.cancelled) return CANCELLED;
  const rules = programForCycle(program, options.cycleStart);
  const header = readHeader(cells);
  if ('ok' in header) return header;
  const firstRow = options.firstRow ?? 1;
  const context = evaluationContext(rules, options);
  const rowsTotal = Math.max(0, cells.length - 1);
  const entries: EntryResult[] = [];
  const problems: RowProblem[] = [];
  let rowsRead = 0;
  onProgress?.(0, rowsTotal);

  // Data rows [start, start + chunk) as their own log: the header row, then those rows, numbered from
  // the header's row number plus `start`, so every entry and problem has its row number in the sheet.
  for (let start = 0; start < rowsTotal; start += chunk) {
    if (start > 0) {
      await pause();
      if (signal?.cancelled) return CANCELLED;
    }
    const part = parseLog([cells[0]!, ...cells.slice(1 + start, 1 + start + chunk)], rules, { firstRow: firstRow + start });
    if (!part.ok) return part; // cannot happen: the header was read above
    for (const entry of part.entries) entries.push(judgeEntry(rules, context, entry));
    for (const problem of part.problems) problems.push(problem);
    rowsRead += part.rowsRead;
    onProgress?.(Math.min(rowsTotal, start + chunk), rowsTotal);
  }

  const large = rowsTotal > chunk;
  if (large) {
    // The first pass (caps) is the longest: on its own, not after the last chunk of rows.
    await pause();
    if (signal?.cancelled) return CANCELLED;
  }
  const finish = finishSteps(rules, { problems, rowsRead, unknownHeaders: header.unknownHeaders }, entries, context);
  for (;;) {
    const next = finish.next();
    if (next.done) return { ok: true, evaluation: next.value };
    if (large) {
      await pause();
      if (signal?.cancelled) return CANCELLED;
    }
  }
}
