import { Field, ProgressBar, makeStyles } from '@fluentui/react-components';
import { visuallyHidden } from './visually-hidden';

const useStyles = makeStyles({
  visuallyHidden,
});

const count = new Intl.NumberFormat('en-US');

export interface RefreshProgressProps {
  rowsDone: number;
  rowsTotal: number;
}

/**
 * How far the evaluation of a large log has got, while the last dashboard stays below it. The bar's
 * label follows every step; a polite live region announces only the start and each quarter, so a
 * screen reader is told the pane is working without being flooded.
 */
export function RefreshProgress({ rowsDone, rowsTotal }: RefreshProgressProps) {
  const styles = useStyles();
  const fraction = rowsTotal > 0 ? Math.min(1, rowsDone / rowsTotal) : 1;
  const quarter = Math.floor(fraction * 4);
  const announced =
    quarter === 0
      ? `Checking ${count.format(rowsTotal)} rows…`
      : `Checking rows ${count.format(Math.floor((quarter * rowsTotal) / 4))} of ${count.format(rowsTotal)}…`;
  return (
    <div data-testid="refresh-progress">
      <Field label={`Checking rows ${count.format(rowsDone)} of ${count.format(rowsTotal)}…`}>
        <ProgressBar value={fraction} thickness="large" />
      </Field>
      <span
        className={styles.visuallyHidden}
        role="status"
        aria-live="polite"
        data-testid="refresh-progress-announcement"
      >
        {announced}
      </span>
    </div>
  );
}
