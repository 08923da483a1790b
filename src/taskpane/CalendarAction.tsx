import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { Evaluation } from '../core';
import { calendarText } from '../core/calendar';

const useStyles = makeStyles({
  row: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, alignItems: 'flex-start' },
});

/**
 * "Dates to remember": the same iCalendar file as `ce-ledger calendar`, made in the pane from the
 * Evaluation on screen and handed to the browser as a download (nothing leaves the computer).
 */
export function CalendarAction({ evaluation }: { evaluation: Evaluation }) {
  const styles = useStyles();
  const download = () => {
    const text = calendarText([{ program: evaluation.program, cycle: evaluation.cycle, needed: evaluation.needed }], {
      stamp: new Date(),
      from: evaluation.asOf,
    });
    const url = URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `${evaluation.program.id}-dates.ics`;
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
        Dates to remember (.ics): application opening, deadline, grace end and reminders 90, 30 and 7 days before the
        deadline, for Outlook, Google or Apple Calendar.
      </Caption1>
    </div>
  );
}
