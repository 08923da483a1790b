import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { Evaluation } from '../core';
import { calendarText, type CalendarCredential } from '../core/calendar';

const useStyles = makeStyles({
  row: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, alignItems: 'flex-start' },
});

/**
 * The file the button hands over: every credential's dates when the profile lists several (whichever
 * the dashboard shows), else the dashboard's.
 */
export function calendarFile(
  evaluation: Evaluation,
  credentials: readonly CalendarCredential[] | undefined,
  stamp: Date,
): { name: string; text: string } {
  const list = credentials?.length
    ? credentials
    : [{ program: evaluation.program, cycle: evaluation.cycle, needed: evaluation.needed }];
  const text = calendarText(list, { stamp, from: evaluation.asOf });
  return { name: list.length > 1 ? 'CE-credentials-dates.ics' : `${list[0]!.program.id}-dates.ics`, text };
}

/**
 * "Dates to remember": the same iCalendar file as `ce-ledger calendar`, made in the pane from the
 * Evaluation on screen (and the other credentials' when there are several) and handed to the browser
 * as a download (nothing leaves the computer).
 */
export function CalendarAction({
  evaluation,
  credentials,
}: {
  evaluation: Evaluation;
  /** Each credential's dates (`PaneState.calendar`). */
  credentials?: readonly CalendarCredential[];
}) {
  const styles = useStyles();
  const several = (credentials?.length ?? 0) > 1;
  const download = () => {
    const file = calendarFile(evaluation, credentials, new Date());
    const url = URL.createObjectURL(new Blob([file.text], { type: 'text/calendar;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = file.name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    // After the click has handed the file over.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };
  // A button under the dashboard's key dates rather than a section of its own: it adds no heading.
  return (
    <div className={styles.row} data-testid="calendar-action">
      <Button onClick={download}>Download calendar file</Button>
      <Caption1>
        Dates to remember (.ics){several ? ' of every credential' : ''}: application opening, deadline, grace end and
        reminders 90, 30 and 7 days before the deadline, for Outlook, Google or Apple Calendar.
      </Caption1>
    </div>
  );
}
