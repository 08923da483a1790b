/**
 * How the pane read the log (issue 10): the sheets read as one log (a sheet per year), each with its row
 * count, as `ce-ledger check` prints them; and the order of day and month for text dates that no value
 * settles ("03/04/2025"), the command line's --date-order, kept in the CE Profile sheet.
 */
import { useState } from 'react';
import { Field, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { DateOrder } from '../core/text-dates';
import type { PaneState, PaneController } from '../workbook/session';
import { plural } from './format';
import { Section } from './Section';

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground3 },
});

const ORDERS: { value: DateOrder; label: string }[] = [
  { value: 'mdy', label: 'Month first: 03/04/2025 is 4 March (the default)' },
  { value: 'dmy', label: 'Day first: 03/04/2025 is 3 April' },
  { value: 'ymd', label: 'Year first: 2025/03/04 is 4 March' },
];

/** "“2024” (2 rows), “2025” (3 rows)". */
export function sheetsText(reading: NonNullable<PaneState['reading']>): string {
  return reading.parts.map((p) => `“${p.sheet}” (${plural(p.rows, 'row')})`).join(', ');
}

export function LogReading({ controller, state }: { controller: PaneController; state: PaneState }) {
  const styles = useStyles();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const reading = state.reading;
  // A log of one sheet has its text dates converted with the order chosen in the mapping step; the
  // setting shows for a log over several sheets (the later sheets keep their text) or once it is set.
  const several = (reading?.parts.length ?? 0) > 1;
  if (!state.log || !state.profile.exists || (!several && state.dateOrder === undefined)) return null;
  const change = async (value: string) => {
    setBusy(true);
    setError(undefined);
    try {
      await controller.setDateOrder(value as DateOrder);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Section title="How the log is read" testId="log-reading">
      {reading && (
        <Text data-testid="sheets-read">
          {several ? 'Sheets read as one log: ' : 'Sheet read: '}
          {sheetsText(reading)}
        </Text>
      )}
      {several && (
        <Text size={200} className={styles.muted}>
          Rows are named by their own sheet. Choosing one log under “Switch CE log…” reads that sheet alone.
        </Text>
      )}
      <Field
        label="Text dates that could be either day or month"
        validationState={error ? 'error' : 'none'}
        validationMessage={error}
        hint="Dates typed as text, such as 03/04/2025; a value over 12 settles a column by itself."
      >
        <Select
          value={state.dateOrder ?? 'mdy'}
          disabled={busy}
          onChange={(_, d) => void change(d.value)}
          data-testid="date-order"
        >
          {ORDERS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
      </Field>
    </Section>
  );
}
