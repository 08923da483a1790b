import { lazy, Suspense, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import {
  Button,
  Caption1,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  Title2,
  makeStyles,
  mergeClasses,
  tokens,
  webLightTheme,
  type Theme,
} from '@fluentui/react-components';
import type { WorkbookPort } from '../workbook/port';
import type { PaneController } from '../workbook/session';
import { Dashboard } from './Dashboard';
import { LogChooser } from './LogChooser';
import { LogReading } from './LogReading';
import { ProfileSection } from './ProfileSection';
import { RefreshProgress } from './RefreshProgress';
import { StructureMessage } from './StructureMessage';
import { SummaryAction } from './SummaryAction';
import { CustomProgram } from './CustomProgram';
import { CalendarAction } from './CalendarAction';
import { CredentialsOverview } from './CredentialsOverview';

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
  figures: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, minWidth: 0 },
  // Figures being recomputed are dimmed, after a moment: a quick refresh (one edit) does not flicker.
  stale: {
    opacity: 0.55,
    transitionProperty: 'opacity',
    transitionDuration: tokens.durationNormal,
    transitionDelay: '300ms',
  },
  updating: {
    color: tokens.colorNeutralForeground2,
    fontStyle: 'italic',
    animationName: { from: { opacity: 0 }, to: { opacity: 1 } },
    animationDuration: tokens.durationNormal,
    animationDelay: '300ms',
    animationFillMode: 'both',
  },
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
});

type Panel = 'setup' | 'chooser';

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
  const [panel, setPanel] = useState<Panel | undefined>();
  // A closed panel gives the focus back to the button that opened it (never to the page body).
  const setupOpener = useRef<HTMLButtonElement>(null);
  const chooserOpener = useRef<HTMLButtonElement>(null);
  const returnTo = useRef<Panel | undefined>(undefined);
  const open = (p: Panel) => setPanel(p);
  const close = () => {
    returnTo.current = panel;
    setPanel(undefined);
  };
  useEffect(() => {
    const back = returnTo.current;
    returnTo.current = undefined;
    if (panel === undefined && back)
      ((back === 'chooser' ? chooserOpener.current : undefined) ?? setupOpener.current)?.focus();
  }, [panel]);
  const Root = as;
  const profile = state.profile.profile;
  const setupOpen = panel === 'setup';
  const showSetup = profile !== undefined && (setupOpen || (!state.log && state.version > 0));
  // Another CE log to go to (the one shown, or a broken one, is not a choice on its own).
  const canChoose = state.logs.some((l) => l.table !== state.log?.table);
  // The figures on screen are from before the refresh that runs now.
  const stale = state.loading && state.version > 0;
  return (
    <FluentProvider theme={theme}>
      {/* Not busy while progress is shown: some screen readers hold back a busy region's announcements. */}
      <Root className={styles.root} aria-busy={state.loading && !state.progress}>
        <header className={styles.header}>
          <Title2 as="h1" className={styles.title}>
            CE Ledger
          </Title2>
          {state.program && <Caption1>{(state.evaluation?.program ?? state.program).name}</Caption1>}
        </header>
        {state.structure && (
          <StructureMessage
            notice={state.structure}
            onAccept={() => void controller.acceptStructure()}
            onChoose={canChoose && panel !== 'chooser' ? () => open('chooser') : undefined}
            onDismiss={() => controller.dismissNotice()}
          />
        )}
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
        {state.credentialProblems && (
          <MessageBar intent="warning" data-testid="credential-problems">
            <MessageBarBody>
              {state.credentialProblems
                .map((p) => `Not in the overview: CE Profile "${p.field}": ${p.message}`)
                .join('; ')}
            </MessageBarBody>
          </MessageBar>
        )}
        {state.evaluation && state.log && (
          <div className={mergeClasses(styles.figures, stale && styles.stale)} data-testid="figures" data-stale={stale}>
            {stale && !state.progress && (
              <Text className={styles.updating} data-testid="updating">
                Updating…
              </Text>
            )}
            <CredentialsOverview
              credentials={state.credentials}
              shown={state.shownCredential}
              onChoose={(i) => void controller.chooseCredential(i)}
              rowName={controller.rowName}
            />
            <Dashboard controller={controller} evaluation={state.evaluation} log={state.log} />
            <LogReading controller={controller} state={state} />
            {summaryPort && (
              <SummaryAction
                port={summaryPort}
                sheet={state.log.sheet}
                sheets={state.reading?.parts.map((part) => part.sheet)}
                asOf={state.asOf}
              />
            )}
          </div>
        )}
        {panel === 'chooser' && <LogChooser controller={controller} state={state} onClose={close} />}
        {state.evaluation && state.log && <CalendarAction evaluation={state.evaluation} credentials={state.calendar} />}
        {showSetup && (
          <Suspense fallback={<Spinner size="tiny" label="Loading…" />}>
            <LogSetup
              controller={controller}
              state={state}
              autoFocus={setupOpen}
              onClose={state.log ? close : undefined}
            />
          </Suspense>
        )}
        {profile && (state.log || canChoose) && panel === undefined && (
          <div className={styles.actions}>
            {canChoose && (
              <Button appearance="secondary" ref={chooserOpener} onClick={() => open('chooser')}>
                Switch CE log…
              </Button>
            )}
            {state.log && (
              <Button appearance="secondary" ref={setupOpener} onClick={() => open('setup')}>
                Use another sheet or start a new log…
              </Button>
            )}
          </div>
        )}
        {summaryPort && <CustomProgram port={summaryPort} controller={controller} />}
      </Root>
    </FluentProvider>
  );
}
