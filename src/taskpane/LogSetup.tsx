/**
 * Choosing the CE log: "Use this sheet as my CE log" (propose a mapping, let the user correct it,
 * show exactly what will change, write only on confirmation) or "Start a new CE log".
 * Loaded lazily: most sessions never open it.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import {
  Button,
  Checkbox,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { COLUMNS, type ColumnKey, type DateOrder } from '../core';
import { cellAddress } from '../workbook/port';
import {
  ConversionError,
  siblingsNote,
  type ConversionPlan,
  type ConversionProposal,
  type LogLocation,
} from '../workbook/log-sheet';
import { PROFILE_SHEET } from '../workbook/profile-sheet';
import type { PaneController, PaneState } from '../workbook/session';
import { Section } from './Section';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  actions: { display: 'flex', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, flexWrap: 'wrap' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/**
 * What the conversion will change, before the user confirms: the table, renamed headers, header cells
 * that become text (numbers, dates, booleans and formulas: Excel keeps only text in a table's header
 * row; the plan's notes name each cell), added columns, the Credits formulas and the drop-down lists.
 */
export function ConversionConfirmation({
  plan,
  sheet,
  credits,
  current,
}: {
  plan: ConversionPlan;
  sheet: string;
  credits: boolean;
  /** The log the pane shows now, if any: it stays as it is, and the pane can go back to it. */
  current?: LogLocation;
}) {
  const styles = useStyles();
  return (
    <div data-testid="confirmation">
      <Text weight="semibold">These changes will be made to “{sheet}”:</Text>
      <ul className={styles.list}>
        <li>
          The range becomes the Excel table {plan.table}; every{' '}
          {plan.renames.length || plan.textHeaders?.length ? 'other ' : ''}value you typed stays as it is.
        </li>
        {plan.renames.map((r) =>
          r.from.trim() === '' ? (
            <li key={r.index}>
              The blank header {r.cell} is named “{r.to}”: a table’s headers cannot be blank.
            </li>
          ) : (
            <li key={r.index}>
              The header “{r.from}” is renamed to “{r.to}”: the rules do not recognise “{r.from}” as {r.to}, so renaming
              it is the only way for it to be read.
            </li>
          ),
        )}
        {plan.added.length > 0 && <li>Columns added at the right: {plan.added.join(', ')}.</li>}
        {credits && <li>A Credits column with =CEU.CE_CREDITS(…) on every row.</li>}
        <li>
          Drop-down lists for Format, Subject area, Approved and Proof (Proof also takes several kinds, such as
          “Assignment; Publication”), and highlighting of rows with problems.
        </li>
        {plan.notes.map((n) => (
          <li key={n}>{n}.</li>
        ))}
        {plan.siblings?.length ? <li data-testid="siblings-note">{siblingsNote(plan.siblings)}.</li> : null}
      </ul>
      <Text data-testid="follow-note">{followNote(`the new log on “${sheet}” (table ${plan.table})`, current)}</Text>
    </div>
  );
}

/**
 * What the pane says when Excel refused a confirmed conversion part-way: the host's reason, what was
 * written, and each step that takes it back (Excel's Undo first: it may not reach an add-in's changes).
 */
export function ConversionFailure({ error }: { error: ConversionError }) {
  const styles = useStyles();
  return (
    <MessageBar intent="error" data-testid="conversion-failure">
      <MessageBarBody>
        {error.message}
        {error.undo.length > 0 && (
          <ul className={styles.list} data-testid="conversion-undo">
            {error.undo.map((step) => (
              <li key={step}>{step[0]!.toUpperCase() + step.slice(1)}.</li>
            ))}
          </ul>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}

/** What switching logs means, said before it happens: the pane follows the new log; the old one stays. */
function followNote(target: string, current: LogLocation | undefined): string {
  return current
    ? `The pane will then follow ${target}. Your current log, “${current.sheet}” (table ${current.table}), stays as it is: “Switch CE log…” brings the pane back to it.`
    : `The pane will then follow ${target}.`;
}

type Mapping = Record<number, ColumnKey | undefined>;

type Step =
  | { kind: 'choose' }
  | { kind: 'map'; proposal: ConversionProposal; mapping: Mapping; dateOrder?: DateOrder }
  | {
      kind: 'confirm';
      proposal: ConversionProposal;
      mapping: Mapping;
      dateOrder?: DateOrder;
      plan: ConversionPlan;
    };

const AMOUNTS: readonly ColumnKey[] = ['hours', 'selfStudyHours', 'credits'];

/** Whether the rules need the column `key` maps to, given the rest of the mapping. */
function requirement(key: ColumnKey | undefined, mapping: Mapping): string | undefined {
  if (key === 'date') return 'Required';
  if (key === undefined || !AMOUNTS.includes(key)) return undefined;
  const amounts = Object.values(mapping).filter((k) => k !== undefined && AMOUNTS.includes(k));
  return amounts.length > 1 ? 'Required: this or another amount column' : 'Required';
}

/** The required columns no column is mapped to yet. */
function stillNeeded(mapping: Mapping): string[] {
  const mapped = new Set(Object.values(mapping));
  const out: string[] = [];
  if (!mapped.has('date')) out.push('Date');
  if (!AMOUNTS.some((k) => mapped.has(k))) out.push('Hours (or Self-study hours, or Credits)');
  return out;
}

const ORDER_LABELS: Record<DateOrder, string> = {
  mdy: 'Month first (3/4/2025 is 4 March)',
  dmy: 'Day first (3/4/2025 is 3 April)',
  ymd: 'Year first (2025/3/4)',
};

/**
 * The mapping step: for each column of the header row (a column of values under a blank header too),
 * its header or cell, two of its values, what it is read as and whether the rules need it; and, when
 * the dates typed as text could be read either way, which way they are meant.
 */
export function MappingStep({
  step,
  busy,
  onChange,
  onReview,
  onBack,
}: {
  step: Extract<Step, { kind: 'map' }>;
  busy: boolean;
  onChange: (step: Extract<Step, { kind: 'map' }>) => void;
  onReview: () => void;
  onBack: () => void;
}) {
  const styles = useStyles();
  const { proposal, mapping } = step;
  const needed = stillNeeded(mapping);
  const ambiguous = proposal.dateOrder?.ambiguousExample;
  return (
    <div className={styles.stack} data-testid="mapping-step">
      <Text>
        Header row {proposal.range.row + 1} of “{proposal.sheet}”. Check what each column holds; nothing is written
        until you confirm.
      </Text>
      {needed.length > 0 && (
        <MessageBar intent="warning" data-testid="mapping-needed">
          <MessageBarBody>Still needed: {needed.join(' and ')}.</MessageBarBody>
        </MessageBar>
      )}
      {proposal.columns
        .filter((c) => c.header.trim() !== '' || c.samples.length > 0)
        .map((c) => {
          const cell = cellAddress(proposal.range.row, proposal.range.col + c.index);
          const label =
            c.header.trim() === '' ? `Column ${cell.replace(/\d+$/, '')} (no header)` : `Column “${c.header}”`;
          const hint = [
            c.recognised ? 'Recognised' : c.key ? 'Suggested' : undefined,
            requirement(mapping[c.index], mapping),
            c.samples.length ? `e.g. ${c.samples.map((v) => `“${v}”`).join(', ')}` : 'no values yet',
          ]
            .filter(Boolean)
            .join(' · ');
          return (
            <Field key={c.index} label={label} hint={hint}>
              <Select
                value={mapping[c.index] ?? ''}
                data-testid={`map-${c.header.trim() === '' ? cell : c.header}`}
                onChange={(_, d) =>
                  onChange({
                    ...step,
                    mapping: { ...mapping, [c.index]: d.value === '' ? undefined : (d.value as ColumnKey) },
                  })
                }
              >
                <option value="">Not used (kept as it is)</option>
                {COLUMNS.map((col) => (
                  <option key={col.key} value={col.key}>
                    {col.header}
                  </option>
                ))}
              </Select>
            </Field>
          );
        })}
      {ambiguous !== undefined && (
        <Field
          label="Dates typed as text"
          hint={`“${ambiguous}” could be read either way: choose how, and they become dates when you convert.`}
        >
          <Select
            value={step.dateOrder ?? ''}
            data-testid="date-order"
            onChange={(_, d) => onChange({ ...step, dateOrder: d.value === '' ? undefined : (d.value as DateOrder) })}
          >
            <option value="">Leave them as text (read month first)</option>
            {(['mdy', 'dmy', 'ymd'] as const).map((o) => (
              <option key={o} value={o}>
                {ORDER_LABELS[o]}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy} onClick={onReview}>
          Review changes
        </Button>
        <Button onClick={onBack}>Back</Button>
      </div>
    </div>
  );
}

export default function LogSetup({
  controller,
  state,
  onClose,
  autoFocus,
}: {
  controller: PaneController;
  state: PaneState;
  onClose?: () => void;
  /** Opened by the user: its first control takes the focus. */
  autoFocus?: boolean;
}) {
  const styles = useStyles();
  const candidates = state.sheetNames.filter((s) => s !== PROFILE_SHEET);
  const [sheet, setSheet] = useState(() =>
    state.activeSheet && candidates.includes(state.activeSheet) && state.activeSheet !== state.log?.sheet
      ? state.activeSheet
      : (candidates.find((s) => s !== state.log?.sheet) ?? candidates[0] ?? ''),
  );
  const [credits, setCredits] = useState(true);
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [message, setMessage] = useState<
    { intent: 'info' | 'error' | 'success' | 'warning'; text: string } | undefined
  >();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ConversionError | undefined>();
  // "Start a new CE log" asks first (the pane will follow the new, empty log) when a log is shown.
  const [asking, setAsking] = useState(false);
  const startButton = useRef<HTMLButtonElement>(null);

  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setMessage(undefined);
    setFailure(undefined);
    try {
      await fn();
    } catch (error) {
      setMessage({ intent: 'error', text: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };

  const propose = () =>
    run(async () => {
      const result = await controller.proposeConversion(sheet);
      if (!result.ok) return setMessage({ intent: 'error', text: result.message });
      const { proposal } = result;
      if (proposal.existingLog) {
        return setMessage({
          intent: 'info',
          text: `“${proposal.sheet}” is already a CE log (table ${proposal.existingLog.table}); nothing to convert.`,
        });
      }
      setStep({ kind: 'map', proposal, mapping: Object.fromEntries(proposal.columns.map((c) => [c.index, c.key])) });
    });

  const review = (proposal: ConversionProposal, mapping: Mapping, dateOrder: DateOrder | undefined, unmerge = false) =>
    run(async () => {
      const plan = await controller.planConversion(proposal, {
        mapping,
        credits,
        ...(dateOrder ? { dateOrder } : {}),
        ...(unmerge ? { unmerge } : {}),
      });
      setStep({ kind: 'confirm', proposal, mapping, dateOrder, plan });
    });

  const confirm = (current: Extract<Step, { kind: 'confirm' }>) =>
    run(async () => {
      let result: { converted: string[]; notConverted: string[] };
      try {
        result = await controller.convert(current.plan);
      } catch (error) {
        if (!(error instanceof ConversionError)) throw error;
        // Nothing written: the sheet changed since the review, so show the plan made from it now.
        if (!error.written && error.plan) {
          setStep({ ...current, plan: error.plan });
          return setMessage({ intent: 'error', text: error.message });
        }
        if (error.written) {
          setStep({ kind: 'choose' });
          return setFailure(error);
        }
        throw error;
      }
      setStep({ kind: 'choose' });
      const also = result.converted.map((s) => `“${s}”`);
      setMessage({
        intent: result.notConverted.length ? 'warning' : 'success',
        text:
          `“${current.proposal.sheet}” is now a CE log (table ${current.plan.table}).` +
          (also.length ? ` So ${also.length === 1 ? 'is' : 'are'} ${also.join(', ')}, read with it as one log.` : '') +
          (result.notConverted.length
            ? ` Not converted, so not read with it: ${result.notConverted.join('; ')}. Convert ${result.notConverted.length === 1 ? 'it' : 'each'} on its own to read it.`
            : ''),
      });
    });

  const askId = useId();
  const confirmButton = useRef<HTMLButtonElement>(null);
  // The question takes the focus; answering Cancel gives it back to the button that asked (disabled
  // while the question is open, so only once it is enabled again).
  const backToStart = useRef(false);
  useEffect(() => {
    if (asking) confirmButton.current?.focus();
    else if (backToStart.current) startButton.current?.focus();
    backToStart.current = false;
  }, [asking]);
  const closeDialog = () => {
    backToStart.current = true;
    setAsking(false);
  };
  // Escape answers the question (Cancel) without closing the whole section.
  const askKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    closeDialog();
  };

  const startNew = () =>
    run(async () => {
      setAsking(false);
      const name = await controller.startNewLog({ credits });
      setMessage({ intent: 'success', text: `Started a new CE log on the sheet “${name}”.` });
    });

  return (
    <Section title="Your CE log" testId="log-setup" autoFocus={autoFocus} onEscape={onClose}>
      <div className={styles.stack}>
        {step.kind === 'map' && (
          <MappingStep
            step={step}
            busy={busy}
            onChange={setStep}
            onReview={() => void review(step.proposal, step.mapping, step.dateOrder)}
            onBack={() => setStep({ kind: 'choose' })}
          />
        )}
        {step.kind !== 'map' && !state.log && (
          <Text>Point CE Ledger at the sheet where you keep your activities, or start a new log.</Text>
        )}
        {message && (
          <MessageBar intent={message.intent} data-testid="setup-message">
            <MessageBarBody>{message.text}</MessageBarBody>
          </MessageBar>
        )}
        {failure && <ConversionFailure error={failure} />}

        {step.kind === 'choose' && (
          <>
            <Field label="Sheet">
              <Select value={sheet} onChange={(_, d) => setSheet(d.value)} data-testid="sheet-select">
                {candidates.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </Select>
            </Field>
            <Checkbox
              label="Add a Credits column (CEU.CE_CREDITS on every row)"
              checked={credits}
              onChange={(_, d) => setCredits(d.checked === true)}
            />
            <div className={styles.actions}>
              <Button appearance="primary" disabled={busy || !sheet} onClick={() => void propose()}>
                Use this sheet as my CE log
              </Button>
              <Button
                ref={startButton}
                disabled={busy || asking}
                onClick={() => (state.log ? setAsking(true) : void startNew())}
              >
                Start a new CE log
              </Button>
              {onClose && (
                <Button appearance="subtle" onClick={onClose}>
                  Close
                </Button>
              )}
            </div>
            {asking && (
              // A question in the pane rather than a modal dialog: the sheet stays in view, and nothing
              // else of the page is hidden from assistive technology meanwhile.
              <div
                role="group"
                aria-labelledby={askId}
                className={styles.stack}
                data-testid="new-log-confirmation"
                onKeyDown={askKeyDown}
              >
                <Text id={askId} weight="semibold">
                  Start a new CE log?
                </Text>
                <Text>
                  A new sheet with an empty CE log table is added. {followNote('the new, empty log', state.log)}
                </Text>
                <div className={styles.actions}>
                  <Button appearance="primary" ref={confirmButton} disabled={busy} onClick={() => void startNew()}>
                    Start the new log
                  </Button>
                  <Button onClick={closeDialog}>Cancel</Button>
                </div>
              </div>
            )}
          </>
        )}

        {step.kind === 'confirm' && (
          <>
            {step.plan.ok ? (
              <ConversionConfirmation
                plan={step.plan}
                sheet={step.proposal.sheet}
                credits={credits}
                current={state.log}
              />
            ) : (
              <MessageBar intent="error" data-testid="plan-problems">
                <MessageBarBody>{step.plan.problems.join(' ')}</MessageBarBody>
              </MessageBar>
            )}
            <div className={styles.actions}>
              {step.plan.ok && (
                <Button appearance="primary" disabled={busy} onClick={() => void confirm(step)}>
                  Convert
                </Button>
              )}
              {!step.plan.ok && step.plan.problems.some((p) => p.includes('let the conversion unmerge')) && (
                <Button
                  appearance="primary"
                  disabled={busy}
                  data-testid="unmerge"
                  onClick={() => void review(step.proposal, step.mapping, step.dateOrder, true)}
                >
                  Unmerge and give each row the value
                </Button>
              )}
              <Button
                onClick={() =>
                  setStep({ kind: 'map', proposal: step.proposal, mapping: step.mapping, dateOrder: step.dateOrder })
                }
              >
                Back
              </Button>
            </div>
          </>
        )}
      </div>
    </Section>
  );
}
