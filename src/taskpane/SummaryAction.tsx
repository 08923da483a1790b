import { useEffect, useId, useRef, useSyncExternalStore } from 'react';
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { DayNumber } from '../core';
import { runSummaryAction, summaryPrompts, type SummaryPrompts } from '../summary/action';
import type { WorkbookPort } from '../workbook/port';
import { Section } from './Section';

const useStyles = makeStyles({
  row: {
    display: 'flex',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
    alignItems: 'center',
    flexWrap: 'wrap',
  },
});

export interface SummaryActionProps {
  port: WorkbookPort;
  /** The log's sheet the pane shows, so the summary is of the same log. */
  sheet?: string;
  /** Every sheet the pane read the log from (a sheet per year), the log's own first. */
  sheets?: readonly string[];
  asOf?: DayNumber;
  /** The runtime's store by default; the ribbon command asks and reports through the same one. */
  prompts?: SummaryPrompts;
}

/**
 * The "Create submission summary" button, its question before replacing an older summary, and its
 * report. The question is asked in the pane itself, not in a modal dialog: the ribbon command asks
 * through it too, and a pane 320 px wide has no room for one.
 */
export function SummaryAction({ port, sheet, sheets, asOf, prompts = summaryPrompts }: SummaryActionProps) {
  const styles = useStyles();
  const state = useSyncExternalStore(prompts.subscribe, prompts.getState, prompts.getState);
  const titleId = useId();
  const replace = useRef<HTMLButtonElement>(null);
  // Keyboard and screen-reader users land on the question when it appears.
  useEffect(() => {
    if (state.question !== undefined) replace.current?.focus();
  }, [state.question]);
  return (
    <Section title="Submission summary" testId="summary-action">
      <div className={styles.row}>
        <Button
          appearance="primary"
          disabled={state.busy}
          onClick={() => void runSummaryAction(port, prompts, { sheet, sheets, asOf })}
        >
          Create submission summary
        </Button>
        {state.busy && state.question === undefined && <Spinner size="tiny" label="Writing the summary…" />}
      </div>
      {state.question !== undefined && (
        <div role="alertdialog" aria-labelledby={titleId} data-testid="summary-question">
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle id={titleId}>Replace the summary?</MessageBarTitle>
              The sheet &quot;{state.question}&quot; holds a summary CE Ledger made earlier. Replace it with a new one?
              Your other sheets are not changed.
            </MessageBarBody>
          </MessageBar>
          <div className={styles.row}>
            <Button ref={replace} appearance="primary" onClick={() => prompts.reply(true)}>
              Replace
            </Button>
            <Button appearance="secondary" onClick={() => prompts.reply(false)}>
              Keep the old one
            </Button>
          </div>
        </div>
      )}
      {state.report && (
        <MessageBar intent={state.report.intent} data-testid="summary-report">
          <MessageBarBody>{state.report.message}</MessageBarBody>
        </MessageBar>
      )}
    </Section>
  );
}
