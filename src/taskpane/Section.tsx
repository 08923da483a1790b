import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { Subtitle2, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    // Nothing in a section may widen the pane: a word longer than the pane (a sheet name, a path, a
    // fallback font wider than Segoe UI) breaks rather than overflowing.
    minWidth: 0,
    overflowWrap: 'anywhere',
  },
  heading: { margin: 0 },
});

const FOCUSABLE =
  'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), [tabindex]:not([tabindex="-1"])';

export interface SectionProps {
  title: string;
  children: ReactNode;
  testId?: string;
  /**
   * The section holds a form the user just opened: its first control takes the focus, so keyboard
   * and screen-reader users land where they asked to go (not on the page body).
   */
  autoFocus?: boolean;
  /** Escape pressed inside the section (a form's Cancel or Close). */
  onEscape?: () => void;
}

/** A titled region: a real heading, and the section labelled by it for screen readers. */
export function Section({ title, children, testId, autoFocus, onEscape }: SectionProps) {
  const styles = useStyles();
  const id = useId();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (autoFocus) ref.current?.querySelector<HTMLElement>(FOCUSABLE)?.focus();
  }, [autoFocus]);
  const keyDown = (event: KeyboardEvent) => {
    // Only for keys pressed in the section itself: a dialog opened from it is rendered elsewhere in
    // the page (a portal) but its events bubble through React to here, and its Escape is its own.
    if (event.key !== 'Escape' || !onEscape || event.defaultPrevented) return;
    if (!ref.current?.contains(event.target as Node)) return;
    event.preventDefault();
    onEscape();
  };
  return (
    <section
      ref={ref}
      className={styles.section}
      aria-labelledby={id}
      data-testid={testId}
      onKeyDown={onEscape ? keyDown : undefined}
    >
      <Subtitle2 as="h2" id={id} className={styles.heading}>
        {title}
      </Subtitle2>
      {children}
    </section>
  );
}
