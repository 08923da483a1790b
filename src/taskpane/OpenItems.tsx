import { Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ChecklistResult, Evaluation, StatusKeyword } from '../core';
import type { PaneController } from '../workbook/session';
import { plural } from './format';

const useStyles = makeStyles({
  advice: { margin: 0, fontWeight: tokens.fontWeightSemibold, color: tokens.colorPaletteMarigoldForeground2 },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
  },
  itemButton: { textAlign: 'left' },
  detail: { color: tokens.colorNeutralForeground2 },
});

type BadgeColor = 'informative' | 'success' | 'brand' | 'warning' | 'danger' | 'important';

const BADGE: Record<StatusKeyword, BadgeColor> = {
  'IN PROGRESS': 'informative',
  COMPLETE: 'success',
  READY: 'success',
  GRACE: 'warning',
  LAPSED: 'danger',
  EXPIRED: 'danger',
};

/** Requirements met, but checklist items still stand between the certificant and the application. */
export function blocked(ev: Evaluation): boolean {
  return ev.status.met && ev.status.openItems > 0 && BADGE[ev.status.keyword] === 'success';
}

/** The status badge's colour: success only when nothing blocks the application. */
export function statusColor(ev: Evaluation): BadgeColor {
  return blocked(ev) ? 'warning' : BADGE[ev.status.keyword];
}

/** "READY: requirements met; 4 items to resolve before you apply". */
export function openItemsHeadline(ev: Evaluation): string {
  const n = ev.status.openItems;
  return `${ev.status.keyword}: requirements met; ${plural(n, 'item')} to resolve before you apply`;
}

/**
 * When the credits are met but the checklist is not, what is left to do, item by item; an item with
 * rows selects the first of them.
 */
export function OpenItems({ ev, controller }: { ev: Evaluation; controller: PaneController }) {
  const styles = useStyles();
  if (!blocked(ev)) return null;
  const items = ev.checklist.filter((c) => c.blocking);
  const line = (item: ChecklistResult) => (
    <>
      {item.label} <span className={styles.detail}>— {item.detail}</span>
    </>
  );
  return (
    <>
      <p className={styles.advice} data-testid="status-advice">
        {openItemsHeadline(ev)}
      </p>
      <ul className={styles.list} aria-label="Items to resolve before you apply">
        {items.map((item) => (
          <li key={item.id} data-testid="open-item" data-state={item.state}>
            {item.rows.length > 0 ? (
              <Link as="button" className={styles.itemButton} onClick={() => void controller.selectRow(item.rows[0]!)}>
                {line(item)}
              </Link>
            ) : (
              <Text>{line(item)}</Text>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
