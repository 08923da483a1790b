/**
 * The workbook's CE logs (tables whose header row makes them one), to show another: the pane follows
 * one log at a time, and can always go back to any log the workbook holds.
 */
import { useEffect, useState } from 'react';
import {
  Button,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { LogLocation } from '../workbook/log-sheet';
import type { PaneController, PaneState } from '../workbook/session';
import { columnLetters } from '../workbook/log-structure';
import { Section } from './Section';

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
});

/** "“CE Log”, table CELog (A1:M41)": where each log is, which tells two logs apart at a glance. */
export function logLabel(log: LogLocation): string {
  const { row, col, rows, cols } = log.range;
  return `“${log.sheet}”, table ${log.table} (${columnLetters(col)}${row + 1}:${columnLetters(col + cols - 1)}${row + rows})`;
}

export function LogChooser({
  controller,
  state,
  onClose,
}: {
  controller: PaneController;
  state: PaneState;
  onClose: () => void;
}) {
  const styles = useStyles();
  const current = state.log?.table;
  const [logs, setLogs] = useState<LogLocation[] | undefined>();
  const [choice, setChoice] = useState(current ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    let live = true;
    controller.listLogs().then(
      (listed) => {
        if (!live) return;
        setLogs(listed);
        setChoice((c) => c || listed.find((l) => l.table !== current)?.table || '');
      },
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [controller]); // eslint-disable-line react-hooks/exhaustive-deps

  const show = async () => {
    setBusy(true);
    try {
      await controller.chooseLog(choice);
      onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title="Your CE logs" testId="log-chooser" autoFocus={logs !== undefined} onEscape={onClose}>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {logs === undefined && !error && <Spinner size="tiny" label="Listing the workbook’s CE logs…" />}
      {logs && logs.length === 0 && <Text>This workbook holds no CE log yet.</Text>}
      {logs && logs.length > 0 && (
        <RadioGroup
          value={choice}
          onChange={(_, d) => setChoice(d.value)}
          aria-label="CE logs in this workbook"
          data-testid="log-choices"
        >
          {logs.map((l) => (
            <Radio key={l.table} value={l.table} label={`${logLabel(l)}${l.table === current ? ': shown now' : ''}`} />
          ))}
        </RadioGroup>
      )}
      <Text size={200}>The pane shows one log and stays on it until you choose another here.</Text>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy || !choice || choice === current} onClick={() => void show()}>
          Show this log
        </Button>
        <Button onClick={onClose}>Cancel</Button>
      </div>
    </Section>
  );
}
