import { useId, useState, type ChangeEvent } from 'react';
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { customPrograms, PROGRAMS } from '../core';
import { describeProblems, parseProgramFileText } from '../core/custom-programs';
import { storedProgramProblems, storeProgram } from '../workbook/custom-program-store';
import type { WorkbookPort } from '../workbook/port';
import type { PaneController } from '../workbook/session';
import { Section } from './Section';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

type Outcome =
  | { kind: 'stored'; id: string; name: string }
  | { kind: 'problems'; file: string; problems: { path: string; message: string }[] }
  | { kind: 'failed'; message: string };

/**
 * "Use my own program rules": a program file (JSON, see schemas/program.schema.json) is checked here,
 * its problems shown with their path, and a good one stored in the workbook (the hidden "CE Programs"
 * sheet) so the file carries it; the registry then knows it, for the profile and the cell functions.
 */
export function CustomProgram({ port, controller }: { port: WorkbookPort; controller: PaneController }) {
  const styles = useStyles();
  const inputId = useId();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const stored = customPrograms();
  // Programs the workbook carries that no longer load (a file edited by hand, a rule this version lacks).
  const broken = storedProgramProblems();
  const brokenNotice = broken.length > 0 && (
    <MessageBar intent="warning" layout="multiline" data-testid="custom-program-stored-problems">
      <MessageBarBody>
        <MessageBarTitle>A program stored in this workbook cannot be used</MessageBarTitle>
        <ul className={styles.problems}>
          {broken.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
        Load a corrected file with “Use my own program rules” to replace it.
      </MessageBarBody>
    </MessageBar>
  );

  const load = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ''; // choosing the same file again (after fixing it) loads it again
    if (!file) return;
    setBusy(true);
    try {
      const text = await file.text();
      const loaded = parseProgramFileText(
        text,
        PROGRAMS.map((p) => p.id),
      );
      if (!loaded.ok) {
        setOutcome({ kind: 'problems', file: file.name, problems: loaded.problems });
        return;
      }
      await storeProgram(port, loaded.program, text);
      setOutcome({ kind: 'stored', id: loaded.program.id, name: loaded.program.name });
      await controller.refresh();
    } catch (e) {
      setOutcome({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };

  if (!open)
    return (
      <>
        {brokenNotice}
        <Button appearance="secondary" onClick={() => setOpen(true)}>
          Use my own program rules…
        </Button>
      </>
    );
  return (
    <Section title="Your own program rules" testId="custom-program">
      <div className={styles.body}>
        <Text>
          Load a program file (JSON) written to CE Ledger&apos;s program schema, or started from{' '}
          <code>ce-ledger programs --export ID</code>. It is kept in this workbook, so the file carries it; then choose
          it as your program in the profile.
        </Text>
        <label htmlFor={inputId}>Program file (.json)</label>
        <input
          id={inputId}
          type="file"
          accept=".json,application/json"
          disabled={busy}
          onChange={(e) => void load(e)}
          data-testid="custom-program-file"
        />
        {outcome?.kind === 'stored' && (
          <MessageBar intent="success" data-testid="custom-program-report">
            <MessageBarBody>
              {outcome.id} ({outcome.name}) is stored in this workbook. Choose it as your program in the profile.
            </MessageBarBody>
          </MessageBar>
        )}
        {outcome?.kind === 'problems' && (
          <MessageBar intent="error" layout="multiline" data-testid="custom-program-report">
            <MessageBarBody>
              <MessageBarTitle>
                {outcome.file} cannot be used ({outcome.problems.length} problem
                {outcome.problems.length === 1 ? '' : 's'}); nothing was stored
              </MessageBarTitle>
              <ul className={styles.problems}>
                {outcome.problems.map((p, i) => (
                  <li key={i} data-testid="custom-program-problem">
                    {describeProblems([p])[0]}
                  </li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        )}
        {outcome?.kind === 'failed' && (
          <MessageBar intent="error" data-testid="custom-program-report">
            <MessageBarBody>Nothing was stored: {outcome.message}</MessageBarBody>
          </MessageBar>
        )}
        {brokenNotice}
        {stored.length > 0 && (
          <Text data-testid="custom-program-list">
            In this workbook: {stored.map((p) => `${p.id} (${p.name})`).join(', ')}
          </Text>
        )}
        <div>
          <Button size="small" onClick={() => setOpen(false)}>
            Close
          </Button>
        </div>
      </div>
    </Section>
  );
}
