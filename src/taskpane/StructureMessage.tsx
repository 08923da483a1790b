/**
 * The log's structure changed since the last good read (a column lost its header, the header row was
 * cleared, the log moved or is gone): one message at the top of the pane, with what to do.
 */
import { Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { StructureNotice } from '../workbook/log-structure';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  // A MessageBar keeps its text on one line by default; this one is read, so it wraps.
  bar: { minWidth: 0, overflowWrap: 'anywhere', whiteSpace: 'normal' },
});

export interface StructureMessageProps {
  notice: StructureNotice;
  /** Read the table with the columns its header names now. */
  onAccept?: () => void;
  /** Open the chooser of the workbook's CE logs. */
  onChoose?: () => void;
  onDismiss?: () => void;
}

export function StructureMessage({ notice, onAccept, onChoose, onDismiss }: StructureMessageProps) {
  const styles = useStyles();
  return (
    <MessageBar
      intent={notice.blocking ? 'error' : 'info'}
      layout="multiline"
      className={styles.bar}
      data-testid="structure-message"
      data-kind={notice.kind}
    >
      <MessageBarBody className={styles.body}>
        <Text weight="semibold" data-testid="structure-title">
          {notice.title}
        </Text>
        {notice.details.length === 1 && <Text>{notice.details[0]}</Text>}
        {notice.details.length > 1 && (
          <ul className={styles.list}>
            {notice.details.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        )}
        {notice.blocking && <Text>The figures come back once the log can be read as before.</Text>}
        <div className={styles.actions}>
          {notice.canAccept && onAccept && (
            <Button size="small" onClick={onAccept}>
              Read the log as it is now
            </Button>
          )}
          {onChoose && (
            <Button size="small" onClick={onChoose}>
              Choose another CE log…
            </Button>
          )}
          {!notice.blocking && onDismiss && (
            <Button size="small" appearance="subtle" onClick={onDismiss}>
              Dismiss
            </Button>
          )}
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}
