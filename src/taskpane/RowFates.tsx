import { Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Evaluation } from '../core';
import { fateAmount, type RowFate } from '../core/fates';
import type { PaneController } from '../workbook/session';
import { LongList } from './LongList';
import { Section } from './Section';

const useStyles = makeStyles({
  itemButton: { textAlign: 'left' },
  muted: { color: tokens.colorNeutralForeground2 },
  plainList: {
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
  },
});

/** What a row of the list says: its row, title, how much counted, and every reason. */
export function fateText(f: RowFate, rowName: (row: number) => string = (row) => `Row ${row}`): string {
  const amount = fateAmount(f);
  return `${rowName(f.row)}: ${f.activity || 'untitled'}${amount ? ` (${amount})` : ''} — ${f.reasons.join('; ')}`;
}

/** Selects what is wrong in the row: the first bad cell of an invalid row, else the whole row. */
function select(controller: PaneController, ev: Evaluation, f: RowFate): Promise<void> {
  const problem = f.cause === 'invalid' ? ev.problems.find((p) => p.row === f.row) : undefined;
  return problem ? controller.selectProblem(problem) : controller.selectRow(f.row);
}

const TITLES = { 'not counted': 'Not counted', 'partly counted': 'Partly counted' } as const;

/**
 * Every row with the given fate and why: rows outside the window, planned, not eligible, invalid or cut
 * to nothing by a cap (Not counted; rows that are not activities follow), or clipped (Partly counted).
 * A click selects the row in the sheet.
 */
export function FateSection({
  ev,
  controller,
  fate,
}: {
  ev: Evaluation;
  controller: PaneController;
  fate: 'not counted' | 'partly counted';
}) {
  const styles = useStyles();
  const rows = ev.rows.filter((f) => f.fate === fate);
  const skipped = fate === 'not counted' ? ev.rows.filter((f) => f.fate === 'skipped') : [];
  if (rows.length === 0 && skipped.length === 0) return null;
  const testId = fate === 'not counted' ? 'not-counted' : 'partly-counted';
  const item = (f: RowFate) => (
    <li key={f.row}>
      <Link
        as="button"
        className={styles.itemButton}
        onClick={() => void select(controller, ev, f)}
        data-testid={`${testId}-row`}
        data-cause={f.cause}
      >
        {fateText(f, controller.rowName)}
      </Link>
    </li>
  );
  return (
    <Section title={`${TITLES[fate]} (${rows.length})`} testId={testId}>
      {rows.length > 0 && (
        <LongList items={rows} what="rows">
          {item}
        </LongList>
      )}
      {skipped.length > 0 && (
        <>
          <Text size={200} className={styles.muted}>
            Skipped, not activities ({skipped.length}):
          </Text>
          <LongList items={skipped} what="rows">
            {item}
          </LongList>
        </>
      )}
    </Section>
  );
}

/** What each cap's exemption let through, under the Caps table ("Webinar: 22.5 claimed, 5 counted under the cap + 2.5 exempt (…)"). */
export function CapExemptions({ ev }: { ev: Evaluation }) {
  const styles = useStyles();
  const lines = ev.caps.filter((c) => c.exemption);
  if (lines.length === 0) return null;
  return (
    <ul className={styles.plainList} aria-label="Exempt from the caps">
      {lines.map((c) => (
        <li key={`${c.capId}-${c.label}-${c.cycleYear ?? ''}`} data-testid="cap-exemption">
          <Text size={200}>{c.exemption}</Text>
        </li>
      ))}
    </ul>
  );
}
