/**
 * `evaluateLog` in steps, for a caller that must stay responsive on a large log (the task pane): rows
 * are read and judged a chunk at a time, and the passes over all the entries run one at a time, with
 * `pause()` awaited in between. Pure: the caller decides what a pause is (a timer, a message, nothing);
 * no timers or DOM here. It is the pass of `evaluateLog` with pause points, so the result is the same.
 */
import { finishSteps, type EvaluateOptions, type EvaluateResult } from './evaluate';
import type { Cells } from './log';
import { passRows, startPass } from './pass';
import type { Program } from './schema';

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
  const pass = startPass(program, cells, options, true);
  if ('ok' in pass) return pass;
  const rowsTotal = Math.max(0, cells.length - 1);
  onProgress?.(0, rowsTotal);

  for (let start = 0; start < rowsTotal; start += chunk) {
    if (start > 0) {
      await pause();
      if (signal?.cancelled) return CANCELLED;
    }
    const end = Math.min(rowsTotal, start + chunk);
    passRows(pass, 1 + start, 1 + end);
    onProgress?.(end, rowsTotal);
  }

  const large = rowsTotal > chunk;
  if (large) {
    // The first pass (caps) is the longest: on its own, not after the last chunk of rows.
    await pause();
    if (signal?.cancelled) return CANCELLED;
  }
  const finish = finishSteps(pass);
  for (;;) {
    const next = finish.next();
    if (next.done) return { ok: true, evaluation: next.value };
    if (large) {
      await pause();
      if (signal?.cancelled) return CANCELLED;
    }
  }
}
