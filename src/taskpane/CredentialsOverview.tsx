import {
  Badge,
  MessageBar,
  MessageBarBody,
  Text,
  ToggleButton,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import type { StatusKeyword } from '../core';
import type { CredentialOverview } from '../core/credentials';
import { credits } from './format';
import { Section } from './Section';

const useStyles = makeStyles({
  list: {
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
  // The whole line is the button: a large target, and its text (status, credits, deadline) is its name.
  // It wraps in a narrow pane rather than widening it.
  line: {
    width: '100%',
    minWidth: 0,
    height: 'auto',
    justifyContent: 'flex-start',
    textAlign: 'left',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    fontWeight: tokens.fontWeightRegular,
    overflowWrap: 'anywhere',
  },
  // The pressed line is marked by more than the subtle button's shade: a bar at its start.
  pressed: { boxShadow: `inset ${tokens.strokeWidthThicker} 0 0 ${tokens.colorCompoundBrandStroke}` },
  muted: { color: tokens.colorNeutralForeground2 },
  shown: { margin: 0 },
});

const COLOR: Record<StatusKeyword, 'informative' | 'success' | 'warning' | 'danger'> = {
  'IN PROGRESS': 'informative',
  COMPLETE: 'success',
  READY: 'success',
  GRACE: 'warning',
  LAPSED: 'danger',
  EXPIRED: 'danger',
};

export interface CredentialsOverviewProps {
  credentials: readonly CredentialOverview[] | undefined;
  /** The index of the credential the dashboard below shows. */
  shown?: number;
  /** Shows another credential's dashboard. */
  onChoose?: (index: number) => void;
  /** A log row as the user finds it ("Row 5"); default "Row N". */
  rowName?: (row: number) => string;
}

/**
 * Several credentials share the log: one line each (status, credits, deadline) above the dashboard.
 * Each line is a toggle button that shows its credential in the dashboard; the pressed one is shown.
 * Nothing is shown for a single credential.
 */
export function CredentialsOverview({
  credentials,
  shown = 0,
  onChoose,
  rowName = (row) => `Row ${row}`,
}: CredentialsOverviewProps) {
  const styles = useStyles();
  if (!credentials || credentials.length < 2) return null;
  const current = credentials[shown] ?? credentials[0]!;
  // The dashboard's reading of the log: a covered credential's is the covering credential's.
  const reader = (current.coveredBy && credentials.find((c) => c.programId === current.coveredBy)) || current;
  const others = reader.otherRows;
  return (
    <Section title="Your credentials" testId="credentials">
      <ul className={styles.list} aria-label="Choose the credential the dashboard shows">
        {credentials.map((c, i) => (
          <li key={i}>
            <ToggleButton
              appearance="subtle"
              className={mergeClasses(styles.line, i === shown && styles.pressed)}
              checked={i === shown}
              onClick={() => i !== shown && onChoose?.(i)}
              data-testid="credential-line"
            >
              <Badge appearance="filled" color={COLOR[c.keyword]}>
                {c.keyword}
              </Badge>
              <Text weight="semibold">{c.programId}</Text>
              <Text>
                {credits(c.earned)} of {credits(c.required)} {c.unit}
              </Text>
              <Text className={styles.muted}>deadline {c.deadline}</Text>
              {c.coveredBy && <Text className={styles.muted}>through {c.coveredBy}</Text>}
              {i === shown && <Text className={styles.muted}>(shown below)</Text>}
            </ToggleButton>
          </li>
        ))}
      </ul>
      <p className={styles.shown} data-testid="credential-shown">
        <Text weight="semibold">
          Dashboard below: {current.programId} ({current.name})
        </Text>
      </p>
      {others.length > 0 && (
        <Text className={styles.muted} data-testid="credential-other-rows">
          Not counted below, marked for other credentials only: {others.map(rowName).join(', ')}.
        </Text>
      )}
      {current.coveredBy && (
        <MessageBar intent="info" data-testid="credential-covered">
          <MessageBarBody>
            {current.programId} is covered by {current.coveredBy}: its body asks only the highest level&apos;s
            requirement, so the dashboard below shows {current.coveredBy}&apos;s requirement, credits and status.
          </MessageBarBody>
        </MessageBar>
      )}
    </Section>
  );
}
