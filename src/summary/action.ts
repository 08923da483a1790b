/**
 * "Create submission summary" as the user meets it, the same from the pane's button and from the
 * ribbon: ask before an older summary is replaced, then say what was written (or why nothing was).
 * The questions and reports go through `SummaryPrompts`, which the pane shows; the command line calls
 * `generateSummary` directly.
 */
import { credentialOverview } from '../core/credentials';
import { formatCredits } from '../core/rounding';
import type { DayNumber } from '../core';
import type { WorkbookPort } from '../workbook/port';
import { generateSummary } from './generate';

export interface SummaryReport {
  intent: 'success' | 'info' | 'error';
  message: string;
  /** The sheets written, on success. */
  sheets: string[];
}

/** What the action needs from a user interface. */
export interface SummaryUi {
  confirmReplace(sheet: string): Promise<boolean>;
  report(report: SummaryReport): void;
  busy(on: boolean): void;
}

export interface SummaryActionOptions {
  /** The log's sheet, when the pane knows it. */
  sheet?: string;
  /** Every sheet the pane read the log from (a sheet per year), the log's own first: the summary reads the same. */
  sheets?: readonly string[];
  asOf?: DayNumber;
}

/** "the sheet "CE Log"" or "the sheets "2024" and "2025"". */
function sheetList(sheets: readonly string[]): string {
  const quoted = sheets.map((s) => `"${s}"`);
  if (quoted.length < 2) return quoted[0] ?? 'the log';
  return `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

export async function runSummaryAction(
  port: WorkbookPort,
  ui: SummaryUi,
  options: SummaryActionOptions = {},
): Promise<SummaryReport> {
  let report: SummaryReport;
  ui.busy(true);
  try {
    const result = await generateSummary(port, {
      sheet: options.sheet,
      sheets: options.sheets,
      asOf: options.asOf,
      confirmReplace: (sheet) => ui.confirmReplace(sheet),
    });
    if (result.ok) {
      const ev = result.evaluation;
      const unit = ev.program.creditUnit;
      const sheets = `"${result.sheet}" and "${result.entriesSheet}"`;
      const what = result.replaced
        ? `Replaced the summary on the sheets ${sheets}`
        : `Wrote the summary on the new sheets ${sheets}`;
      const kept = result.keptUserSheet ? ` (your own sheet "${result.keptUserSheet}" was left as it was)` : '';
      const entries = `${ev.entries.length} ${ev.entries.length === 1 ? 'entry' : 'entries'} from ${sheetList(result.logSheets)}`;
      // Further credentials each have a section on the sheet: their lines follow the first one's status.
      const further = result.credentials
        ? ` ${credentialOverview(result.credentials)
            .slice(1)
            .map((o) => `${o.summary}.`)
            .join(' ')}`
        : '';
      const unread = result.unread.length
        ? ` Not included: ${result.unread.map((u) => `CE Profile "${u.field}": ${u.message}`).join('; ')}.`
        : '';
      report = {
        intent: 'success',
        message: `${what}${kept}: ${entries}, ${formatCredits(ev.earned)} of ${formatCredits(ev.required)} ${unit} counted. ${ev.status.actionLine}${further}${unread}`,
        sheets: [result.sheet, result.entriesSheet],
      };
    } else if (result.reason === 'cancelled') {
      report = {
        intent: 'info',
        message: `Nothing was written: ${result.message.replace(/^nothing written: /, '')}.`,
        sheets: [],
      };
    } else {
      report = { intent: 'error', message: `Could not create the summary: ${result.message}.`, sheets: [] };
    }
  } catch (error) {
    report = {
      intent: 'error',
      message: `Could not create the summary: ${error instanceof Error ? error.message : String(error)}.`,
      sheets: [],
    };
  } finally {
    ui.busy(false);
  }
  ui.report(report);
  return report;
}

export interface SummaryPromptState {
  busy: boolean;
  /** An older summary's sheet, while the user is asked whether to replace it. */
  question: string | undefined;
  report: SummaryReport | undefined;
}

/**
 * The pane's side of the action, as a small store the pane renders (a question dialog, a report):
 * shared by the button and the ribbon command, which run in the same runtime.
 */
export class SummaryPrompts implements SummaryUi {
  private state: SummaryPromptState = { busy: false, question: undefined, report: undefined };
  private answer: ((yes: boolean) => void) | undefined;
  private listeners = new Set<() => void>();

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): SummaryPromptState => this.state;

  private set(patch: Partial<SummaryPromptState>): void {
    this.state = { ...this.state, ...patch };
    this.listeners.forEach((l) => l());
  }

  confirmReplace(sheet: string): Promise<boolean> {
    // Nobody to ask (a command page without the pane): an older summary is never replaced unasked.
    if (this.listeners.size === 0) return Promise.resolve(false);
    // A question still open (the ribbon clicked while the pane asks) is answered no: one at a time.
    this.answer?.(false);
    return new Promise((resolve) => {
      this.answer = resolve;
      this.set({ question: sheet, report: undefined });
    });
  }

  /** The user's answer to the open question. */
  reply(yes: boolean): void {
    const answer = this.answer;
    this.answer = undefined;
    this.set({ question: undefined });
    answer?.(yes);
  }

  report(report: SummaryReport): void {
    this.set({ report });
  }

  busy(on: boolean): void {
    this.set(on ? { busy: true, report: undefined } : { busy: false });
  }
}

/** The one store of the runtime: the pane shows it, the ribbon command asks through it. */
export const summaryPrompts = new SummaryPrompts();
