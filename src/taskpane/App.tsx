import { lazy, Suspense, useState, useSyncExternalStore } from 'react';
import {
  Button,
  Caption1,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Spinner,
  Title2,
  makeStyles,
  tokens,
  webLightTheme,
  type Theme,
} from '@fluentui/react-components';
import type { WorkbookPort } from '../workbook/port';
import type { PaneController } from '../workbook/session';
import { Dashboard } from './Dashboard';
import { ProfileSection } from './ProfileSection';
import { RefreshProgress } from './RefreshProgress';
import { SummaryAction } from './SummaryAction';
import { CustomProgram } from './CustomProgram';
import { CalendarAction } from './CalendarAction';

// Rarely used: loaded only when the user opens it.
const LogSetup = lazy(() => import('./LogSetup'));

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    boxSizing: 'border-box',
    minWidth: '280px',
    maxWidth: '720px',
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  header: {
    display: 'flex',
    alignItems: 'baseline',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
  },
  title: { margin: 0 },
});

export interface AppProps {
  controller: PaneController;
  theme?: Theme;
  /** `main` in Office; `div` when a host page (the preview) provides the landmark. */
  as?: 'main' | 'div';
  /** The workbook the controller reads, for the "Create submission summary" button (shown when given). */
  summaryPort?: WorkbookPort;
}

/** The task pane. Host-free: everything goes through the controller and its WorkbookPort. */
export function App({ controller, theme = webLightTheme, as = 'main', summaryPort }: AppProps) {
  const styles = useStyles();
  const state = useSyncExternalStore(controller.subscribe, controller.getState, controller.getState);
  const [setupOpen, setSetupOpen] = useState(false);
  const Root = as;
  const profile = state.profile.profile;
  const showSetup = profile !== undefined && (setupOpen || (!state.log && state.version > 0));
  return (
    <FluentProvider theme={theme}>
      {/* Not busy while progress is shown: some screen readers hold back a busy region's announcements. */}
      <Root className={styles.root} aria-busy={state.loading && !state.progress}>
        <header className={styles.header}>
          <Title2 as="h1" className={styles.title}>
            CE Ledger
          </Title2>
          {state.program && <Caption1>{state.program.name}</Caption1>}
        </header>
        {state.loading && state.version === 0 && !state.progress && (
          <Spinner size="tiny" label="Reading the workbook…" />
        )}
        {state.progress && <RefreshProgress rowsDone={state.progress.rowsDone} rowsTotal={state.progress.rowsTotal} />}
        {state.error && (
          <MessageBar intent="error">
            <MessageBarBody>Could not read the workbook: {state.error}</MessageBarBody>
          </MessageBar>
        )}
        <ProfileSection controller={controller} state={state} />
        {state.logError && (
          <MessageBar intent="warning">
            <MessageBarBody>{state.logError}</MessageBarBody>
          </MessageBar>
        )}
        {state.evaluation && state.log && (
          <Dashboard controller={controller} evaluation={state.evaluation} log={state.log} />
        )}
        {summaryPort && state.evaluation && state.log && (
          <SummaryAction port={summaryPort} sheet={state.log.sheet} asOf={state.asOf} />
        )}
        {state.evaluation && state.log && <CalendarAction evaluation={state.evaluation} />}
        {showSetup && (
          <Suspense fallback={<Spinner size="tiny" label="Loading…" />}>
            <LogSetup
              controller={controller}
              state={state}
              onClose={state.log ? () => setSetupOpen(false) : undefined}
            />
          </Suspense>
        )}
        {profile && state.log && !setupOpen && (
          <Button appearance="secondary" onClick={() => setSetupOpen(true)}>
            Use another sheet or start a new log…
          </Button>
        )}
        {summaryPort && <CustomProgram port={summaryPort} controller={controller} />}
      </Root>
    </FluentProvider>
  );
}
