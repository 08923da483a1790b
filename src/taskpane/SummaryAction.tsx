import { useSyncExternalStore } from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { DayNumber } from "../core";
import {
  runSummaryAction,
  summaryPrompts,
  type SummaryPrompts,
} from "../summary/action";
import type { WorkbookPort } from "../workbook/port";
import { Section } from "./Section";

const useStyles = makeStyles({
  row: {
    display: "flex",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "center",
    flexWrap: "wrap",
  },
});

export interface SummaryActionProps {
  port: WorkbookPort;
  /** The log's sheet the pane shows, so the summary is of the same log. */
  sheet?: string;
  asOf?: DayNumber;
  /** The runtime's store by default; the ribbon command asks and reports through the same one. */
  prompts?: SummaryPrompts;
}

/** The "Create submission summary" button, its question before replacing an older summary, and its report. */
export function SummaryAction({
  port,
  sheet,
  asOf,
  prompts = summaryPrompts,
}: SummaryActionProps) {
  const styles = useStyles();
  const state = useSyncExternalStore(
    prompts.subscribe,
    prompts.getState,
    prompts.getState,
  );
  return (
    <Section title="Submission summary" testId="summary-action">
      <div className={styles.row}>
        <Button
          appearance="primary"
          disabled={state.busy}
          onClick={() => void runSummaryAction(port, prompts, { sheet, asOf })}
        >
          Create submission summary
        </Button>
        {state.busy && <Spinner size="tiny" label="Writing the summary…" />}
      </div>
      {state.report && (
        <MessageBar intent={state.report.intent} data-testid="summary-report">
          <MessageBarBody>{state.report.message}</MessageBarBody>
        </MessageBar>
      )}
      {/* Mounted only while asking: a closed Dialog still leaves focus-trap elements in the page. */}
      {state.question !== undefined && (
        <Dialog
          open
          onOpenChange={(_, data) => !data.open && prompts.reply(false)}
          modalType="alert"
        >
          <DialogSurface>
            <DialogBody>
              <DialogTitle>Replace the summary?</DialogTitle>
              <DialogContent>
                The sheet &quot;{state.question}&quot; holds a summary CE Ledger
                made earlier. Replace it with a new one? Your other sheets are
                not changed.
              </DialogContent>
              <DialogActions>
                <Button
                  appearance="primary"
                  onClick={() => prompts.reply(true)}
                >
                  Replace
                </Button>
                <Button
                  appearance="secondary"
                  onClick={() => prompts.reply(false)}
                >
                  Keep the old one
                </Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      )}
    </Section>
  );
}
