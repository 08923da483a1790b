import { useState, type ReactNode } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  plainList: {
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
  },
});

/**
 * Long lists open with their first items and a button for the next ones: a log with thousands of
 * bad rows still opens at once, and a narrow pane is not one endless list.
 */
export const FIRST_SHOWN = 20;
export const MORE_STEP = 100;

export function LongList<T>({
  items,
  what,
  children,
}: {
  items: readonly T[];
  what: string;
  children: (item: T, index: number) => ReactNode;
}) {
  const styles = useStyles();
  const [shown, setShown] = useState(FIRST_SHOWN);
  const rest = items.length - shown;
  return (
    <ul className={styles.plainList}>
      {items.slice(0, shown).map(children)}
      {rest > 0 && (
        <li>
          <Button appearance="subtle" size="small" onClick={() => setShown(shown + MORE_STEP)} data-testid="show-more">
            Show {Math.min(rest, MORE_STEP)} more {what} ({rest} not shown)
          </Button>
        </li>
      )}
    </ul>
  );
}
