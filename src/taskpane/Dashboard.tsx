import { memo, useMemo, useState } from 'react';
import {
  Badge,
  Checkbox,
  Field,
  Link,
  ProgressBar,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { isoFromDay, type ChecklistResult, type Evaluation } from '../core';
import type { LogLocation } from '../workbook/log-sheet';
import type { PaneController } from '../workbook/session';
import { countdown, credits, plural } from './format';
import { LongList } from './LongList';
import { OpenItems, statusColor } from './OpenItems';
import { CapExemptions, FateSection } from './RowFates';
import { Section } from './Section';
import { visuallyHidden } from './visually-hidden';

const useStyles = makeStyles({
  statusLine: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
  },
  plainList: {
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
  },
  itemButton: { textAlign: 'left' },
  numeric: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  table: { tableLayout: 'auto', width: '100%' },
  // A narrow pane (Excel opens it at about 320 px) has room for the caps table only when its figures
  // keep tight padding: the category column gives way instead (it wraps, inside a word if it must, as
  // everything in a Section may), while a figure or its header never breaks inside a word.
  figure: {
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
    whiteSpace: 'nowrap',
    overflowWrap: 'normal',
  },
  row: { display: 'flex', columnGap: tokens.spacingHorizontalS, alignItems: 'baseline', flexWrap: 'wrap' },
  check: { display: 'flex', columnGap: tokens.spacingHorizontalS, alignItems: 'baseline' },
  done: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  notDone: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  notChecked: { color: tokens.colorPaletteMarigoldForeground2, fontWeight: tokens.fontWeightSemibold },
  detail: { color: tokens.colorNeutralForeground2 },
  now: { fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground2 },
  visuallyHidden,
});

/** A checked item is ticked or crossed; one the log could not settle is a question, never a tick. */
const CHECK_MARK: Record<
  ChecklistResult['state'],
  { mark: string; spoken: string; style: 'done' | 'notDone' | 'notChecked' }
> = {
  done: { mark: '✓', spoken: 'Done: ', style: 'done' },
  open: { mark: '✗', spoken: 'Not done: ', style: 'notDone' },
  'not checked': { mark: '?', spoken: 'Not checked: ', style: 'notChecked' },
};

interface Props {
  controller: PaneController;
  evaluation: Evaluation;
  log: LogLocation;
}

/**
 * Everything the Evaluation says, section by section; every figure is read from it. Memoized: while a
 * large log is evaluated the pane re-renders for each progress step, and the last dashboard stays as
 * it was without being rendered again.
 */
export const Dashboard = memo(function Dashboard({ controller, evaluation: ev, log }: Props) {
  const styles = useStyles();
  const figure = mergeClasses(styles.numeric, styles.figure);
  const unit = ev.program.creditUnit;
  const deadline = ev.keyDates.find((d) => d.id === 'deadline');
  const [busy, setBusy] = useState<string | undefined>();
  // A pass over every entry: once per evaluation, not once per render.
  const review = useMemo(() => reviewOf(ev), [ev]);
  const attest = async (id: string, done: boolean) => {
    setBusy(id);
    try {
      await controller.setAttestation(id, done);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <>
      <Section title="Status" testId="status">
        <div className={styles.row}>
          <Badge appearance="filled" color={statusColor(ev)} data-tone={statusColor(ev)} data-testid="status-keyword">
            {ev.status.keyword}
          </Badge>
          {deadline && <Text data-testid="countdown">{countdown(ev.daysToDeadline, deadline.iso)}</Text>}
        </div>
        <p className={styles.statusLine} role="status" aria-live="polite" data-testid="status-line">
          {ev.status.actionLine}
        </p>
        <OpenItems ev={ev} controller={controller} />
        <Text size={200} className={styles.muted}>
          Log: {log.sheet} (table {log.table}), {plural(ev.rowsRead, 'row')} read, as of {isoOf(ev)}
        </Text>
      </Section>

      <Section title="Progress" testId="progress">
        <Field label={`Total: ${credits(ev.earned)} of ${credits(ev.required)} ${unit}`} hint={progressHint(ev)}>
          <ProgressBar
            value={Math.min(1, ev.required ? ev.earned / ev.required : 1)}
            thickness="large"
            color={ev.needed === 0 ? 'success' : 'brand'}
          />
        </Field>
        {ev.minimums.map((m) => (
          <Field
            key={m.id}
            label={`${capitalize(m.label)}: ${credits(m.counted)} of ${credits(m.required)} ${unit}`}
            hint={m.shortfall > 0 ? `${credits(m.shortfall)} more needed` : 'Met'}
          >
            <ProgressBar
              value={Math.min(1, m.required ? m.counted / m.required : 1)}
              color={m.shortfall === 0 ? 'success' : 'brand'}
            />
          </Field>
        ))}
        {ev.carriedOver > 0 && (
          <Text>
            Includes {credits(ev.carriedOver)} {unit} carried over.
          </Text>
        )}
      </Section>

      {ev.hints.length > 0 && (
        <Section title="What next" testId="hints">
          <ul className={styles.list}>
            {ev.hints.map((h) => (
              <li key={h}>{h}</li>
            ))}
          </ul>
        </Section>
      )}

      {ev.caps.length > 0 && (
        <Section title="Caps" testId="caps">
          <Table
            size="extra-small"
            className={styles.table}
            aria-label="Caps: claimed, counted, cap and clipped credits"
          >
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Category</TableHeaderCell>
                <TableHeaderCell className={figure}>Claimed</TableHeaderCell>
                <TableHeaderCell className={figure}>Counted</TableHeaderCell>
                <TableHeaderCell className={figure}>Cap</TableHeaderCell>
                <TableHeaderCell className={figure}>Clipped</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {ev.caps.map((c) => (
                <TableRow key={`${c.capId}-${c.label}-${c.cycleYear ?? ''}`} data-testid="cap-row">
                  <TableCell>
                    {c.label}
                    {c.full && (
                      <>
                        {' '}
                        <Badge size="small" appearance="tint" color="warning">
                          full
                        </Badge>
                      </>
                    )}
                  </TableCell>
                  <TableCell className={figure}>{credits(c.claimed)}</TableCell>
                  <TableCell className={figure}>{credits(c.counted)}</TableCell>
                  <TableCell className={figure} title={c.describe}>
                    {credits(c.limit)}
                  </TableCell>
                  <TableCell className={figure}>{credits(c.clipped)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <CapExemptions ev={ev} />
        </Section>
      )}

      <FateSection ev={ev} controller={controller} fate="not counted" />
      <FateSection ev={ev} controller={controller} fate="partly counted" />

      <Section title={`Problems (${ev.problems.length})`} testId="problems">
        {ev.problems.length === 0 ? (
          <Text>No row problems.</Text>
        ) : (
          <LongList items={ev.problems} what="problems">
            {(p, i) => (
              <li key={`${p.row}-${p.column}-${i}`}>
                <Link
                  as="button"
                  className={styles.itemButton}
                  onClick={() => void controller.selectProblem(p)}
                  data-testid="problem"
                >
                  {controller.rowName(p.row)}, {p.column}: {p.message}
                </Link>
              </li>
            )}
          </LongList>
        )}
      </Section>

      <Section title={`Missing and insufficient proof (${ev.proofIssues.length})`} testId="proof">
        {ev.proofIssues.length === 0 ? (
          <Text>Proof is recorded for every entry that needs it.</Text>
        ) : (
          <LongList items={ev.proofIssues} what="proof issues">
            {(p) => (
              <li key={p.row}>
                <Link
                  as="button"
                  className={styles.itemButton}
                  onClick={() => void controller.selectRow(p.row)}
                  data-testid="proof-issue"
                >
                  {controller.rowName(p.row)} ({p.state}): {p.activity || 'untitled'} — {p.message}
                </Link>
              </li>
            )}
          </LongList>
        )}
        {ev.program.proof.retention && (
          <Text size={200} className={styles.muted}>
            {ev.program.proof.retention}
          </Text>
        )}
      </Section>

      {review.length > 0 && (
        <Section title={`Entries to review (${review.length})`} testId="review">
          <LongList items={review} what="entries">
            {(r) => (
              <li key={r.row}>
                <Link
                  as="button"
                  className={styles.itemButton}
                  onClick={() => void controller.selectRow(r.row)}
                  data-testid="review-entry"
                >
                  {controller.rowName(r.row)}: {r.activity || 'untitled'} — {r.messages.join('; ')}
                </Link>
              </li>
            )}
          </LongList>
        </Section>
      )}

      <Section title="Application checklist" testId="checklist">
        <ul className={styles.plainList}>
          {ev.checklist.map((item) =>
            item.kind === 'manual' ? (
              <li key={item.id} data-testid="checklist-item" data-done={item.done}>
                <Checkbox
                  label={item.label}
                  checked={item.done}
                  disabled={busy === item.id}
                  onChange={(_, d) => void attest(item.id, d.checked === true)}
                />
              </li>
            ) : (
              <li
                key={item.id}
                data-testid="checklist-item"
                data-done={item.done}
                data-state={item.state}
                className={styles.check}
              >
                <span aria-hidden="true" className={styles[CHECK_MARK[item.state].style]}>
                  {CHECK_MARK[item.state].mark}
                </span>
                <span>
                  <span className={styles.visuallyHidden}>{CHECK_MARK[item.state].spoken}</span>
                  {item.label} <span className={styles.detail}>— {item.detail}</span>
                </span>
              </li>
            ),
          )}
        </ul>
      </Section>

      <Section title="Key dates and fees" testId="dates">
        <ul className={styles.plainList}>
          {ev.keyDates.map((d) => (
            <li key={d.id} className={styles.row}>
              <span>{d.label}:</span>
              <span>{d.iso}</span>
            </li>
          ))}
        </ul>
        <ul className={styles.plainList} aria-label="Fees">
          {ev.fees.map((f) => (
            <li key={f.id} className={mergeClasses(styles.row, f.now && styles.now)} data-testid="fee" data-now={f.now}>
              <span>{f.label}:</span>
              <span>{f.display}</span>
              {f.now && (
                <Badge size="small" appearance="tint" color="brand">
                  applies now
                </Badge>
              )}
            </li>
          ))}
        </ul>
      </Section>
    </>
  );
});

/** Entries that do not count (eligibility) or are flagged (at risk, warnings); proof has its own section. */
function reviewOf(ev: Evaluation) {
  return ev.entries
    .filter((e) => e.state !== 'outside-window')
    .map((e) => ({
      row: e.entry.row,
      activity: e.entry.activity,
      messages: [
        ...(e.state === 'ineligible'
          ? [`not counted: ${e.reasons[e.reasons.length - 1] ?? e.ineligibleRule ?? ''}`]
          : []),
        ...e.flags
          .filter((f) => f.rule !== 'proof')
          .map((f) => (f.severity === 'at-risk' ? `at risk: ${f.message}` : f.message)),
      ],
    }))
    .filter((r) => r.messages.length > 0);
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function isoOf(ev: Evaluation): string {
  return isoFromDay(ev.asOf);
}

function progressHint(ev: Evaluation): string {
  const parts = [ev.needed > 0 ? `${credits(ev.needed)} to go` : 'Requirement met'];
  if (ev.atRisk > 0) parts.push(`${credits(ev.atRisk)} of the counted ${ev.program.creditUnit} at risk`);
  return parts.join(' · ');
}
