import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
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
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', columnGap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground2 },
});

const COLOR: Record<StatusKeyword, 'informative' | 'success' | 'warning' | 'danger'> = {
  'IN PROGRESS': 'informative',
  COMPLETE: 'success',
  READY: 'success',
  GRACE: 'warning',
  LAPSED: 'danger',
  EXPIRED: 'danger',
};

/**
 * Several credentials share the log: one line each (status, credits, deadline) above the dashboard,
 * which shows the first. Nothing is shown for a single credential.
 */
export function CredentialsOverview({ credentials }: { credentials: readonly CredentialOverview[] | undefined }) {
  const styles = useStyles();
  if (!credentials || credentials.length < 2) return null;
  return (
    <Section title="Your credentials" testId="credentials">
      <ul className={styles.list}>
        {credentials.map((c, i) => (
          <li key={i} className={styles.line} data-testid="credential-line">
            <Badge appearance="filled" color={COLOR[c.keyword]}>
              {c.keyword}
            </Badge>
            <Text weight="semibold">{c.programId}</Text>
            <Text>
              {credits(c.earned)} of {credits(c.required)} {c.unit}
            </Text>
            <Text className={styles.muted}>deadline {c.deadline}</Text>
            {i === 0 && <Text className={styles.muted}>(shown below)</Text>}
          </li>
        ))}
      </ul>
    </Section>
  );
}
