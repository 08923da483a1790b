import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Button, Checkbox, Field, Input, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { PROGRAMS, dayFromSerial, findProgram, isoFromDay, type ProfileInput } from '../core';
import type { PaneController, PaneState } from '../workbook/session';
import { Section } from './Section';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  actions: { display: 'flex', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  summary: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
});

function dateText(value: unknown): string {
  if (typeof value === 'number') {
    const day = dayFromSerial(value);
    return day === undefined ? String(value) : isoFromDay(day);
  }
  return value === undefined || value === null ? '' : String(value);
}

interface FormValues {
  program: string;
  cycleStart: string;
  name: string;
  certificantNumber: string;
  cprValidUntil: string;
  carryOverCredits: string;
  firstCycle: boolean;
}

function initialValues(state: PaneState): FormValues {
  const p = state.profile.profile;
  const input = state.profile.input;
  return {
    program: p?.program ?? (typeof input.program === 'string' ? input.program : ''),
    cycleStart: p ? isoFromDay(p.cycleStart) : dateText(input.cycleStart),
    name: p?.name ?? String(input.name ?? ''),
    certificantNumber: p?.certificantNumber ?? String(input.certificantNumber ?? ''),
    cprValidUntil: p?.cprValidUntil !== undefined ? isoFromDay(p.cprValidUntil) : dateText(input.cprValidUntil),
    carryOverCredits:
      String(p?.carryOverCredits ?? input.carryOverCredits ?? '') === '0'
        ? ''
        : String(p?.carryOverCredits ?? input.carryOverCredits ?? ''),
    firstCycle: p?.firstCycle ?? input.firstCycle === true,
  };
}

const LABELS: Record<string, string> = {
  program: 'Program',
  cycleStart: 'Cycle start',
  name: 'Name',
  certificantNumber: 'Certificant number',
  cprValidUntil: 'CPR/AED valid until',
  carryOverCredits: 'Carry-over credits',
  firstCycle: 'First cycle',
};

export function ProfileSection({ controller, state }: { controller: PaneController; state: PaneState }) {
  const styles = useStyles();
  const profile = state.profile.profile;
  const [editing, setEditing] = useState(false);
  // After the first read only: a later refresh must not close a form the user is filling in.
  const open = editing || (!profile && state.version > 0);
  // Closing the form the user opened gives the focus back to "Edit profile", not to the page body.
  const editButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  const close = () => {
    returnFocus.current = true;
    setEditing(false);
  };
  useEffect(() => {
    if (!open && returnFocus.current) editButton.current?.focus();
    returnFocus.current = false;
  }, [open]);

  if (!open) {
    if (!profile) return null;
    const program = findProgram(profile.program);
    return (
      <Section title="Profile">
        <div className={styles.summary}>
          <Text>
            {program?.id ?? profile.program} · cycle from {isoFromDay(profile.cycleStart)}
            {profile.name ? ` · ${profile.name}` : ''}
            {profile.certificantNumber ? ` (${profile.certificantNumber})` : ''}
          </Text>
          <div className={styles.actions}>
            <Button size="small" ref={editButton} onClick={() => setEditing(true)}>
              Edit profile
            </Button>
          </div>
        </div>
      </Section>
    );
  }
  return (
    <Section title="Profile" autoFocus={editing} onEscape={profile ? close : undefined}>
      <ProfileForm
        state={state}
        onCancel={profile ? close : undefined}
        onSave={async (input) => {
          const result = await controller.saveProfile(input);
          if (result.ok) close();
          return result;
        }}
      />
    </Section>
  );
}

type SaveFn = (
  input: ProfileInput,
) => Promise<{ ok: true } | { ok: false; problems: { field: string; message: string }[] }>;

function ProfileForm({ state, onSave, onCancel }: { state: PaneState; onSave: SaveFn; onCancel?: () => void }) {
  const styles = useStyles();
  const [values, setValues] = useState<FormValues>(() => initialValues(state));
  // Errors appear once the user saves, never on opening: an empty form is not a wrong one.
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const formId = useId();
  const program = findProgram(values.program);
  const fields = program?.profileFields ?? [];
  const set = (key: keyof FormValues) => (_: unknown, data: { value: string }) =>
    setValues((v) => ({ ...v, [key]: data.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    const carry = values.carryOverCredits.trim();
    const input: ProfileInput = {
      program: values.program,
      cycleStart: values.cycleStart,
      name: values.name,
      certificantNumber: values.certificantNumber,
      cprValidUntil: fields.includes('cprValidUntil') ? values.cprValidUntil : '',
      carryOverCredits: fields.includes('carryOverCredits') && carry !== '' ? Number(carry) : 0,
      firstCycle: fields.includes('firstCycle') ? values.firstCycle : false,
    };
    try {
      const result = await onSave(input);
      // Each message names the value it refused, as saved, so the user sees what was read (a typo, a stray space).
      const refused = (field: string, text: string) => {
        const value = values[field as keyof FormValues];
        return typeof value === 'string' && value.trim() !== '' && !text.includes(value)
          ? `${text}, not “${value}”`
          : text;
      };
      setErrors(
        result.ok ? {} : Object.fromEntries(result.problems.map((p) => [p.field, refused(p.field, p.message)])),
      );
    } finally {
      setSaving(false);
    }
  };

  const message = (field: string) => (errors[field] ? `${LABELS[field] ?? field}: ${errors[field]}` : undefined);
  const field = (key: keyof FormValues, hint?: string) => ({
    label: LABELS[key],
    validationMessage: message(key),
    validationState: errors[key] ? ('error' as const) : ('none' as const),
    hint,
  });

  return (
    <form id={formId} className={styles.form} onSubmit={submit} noValidate>
      <Field {...field('program')} required>
        <Select value={values.program} onChange={set('program')}>
          <option value="">Choose your program…</option>
          {PROGRAMS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.id} — {p.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field {...field('cycleStart', 'Certification date, or the start of the current cycle (yyyy-mm-dd)')} required>
        <Input value={values.cycleStart} onChange={set('cycleStart')} placeholder="yyyy-mm-dd" inputMode="numeric" />
      </Field>
      <Field {...field('name')}>
        <Input value={values.name} onChange={set('name')} autoComplete="name" />
      </Field>
      <Field {...field('certificantNumber')}>
        <Input value={values.certificantNumber} onChange={set('certificantNumber')} />
      </Field>
      {fields.includes('cprValidUntil') && (
        <Field {...field('cprValidUntil', 'The date on your current CPR/AED card (yyyy-mm-dd)')}>
          <Input value={values.cprValidUntil} onChange={set('cprValidUntil')} placeholder="yyyy-mm-dd" />
        </Field>
      )}
      {fields.includes('carryOverCredits') && (
        <Field {...field('carryOverCredits', program?.carryOver?.note)}>
          <Input value={values.carryOverCredits} onChange={set('carryOverCredits')} inputMode="decimal" />
        </Field>
      )}
      {fields.includes('firstCycle') && (
        <Field validationMessage={message('firstCycle')}>
          <Checkbox
            label={program?.proRating?.note ? `First cycle (${program.proRating.note})` : 'This is my first cycle'}
            checked={values.firstCycle}
            onChange={(_, d) => setValues((v) => ({ ...v, firstCycle: d.checked === true }))}
          />
        </Field>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={saving}>
          Save profile
        </Button>
        {onCancel && (
          <Button type="button" onClick={onCancel}>
            Cancel
          </Button>
        )}
      </div>
      <Text size={200}>Saved in the workbook's “CE Profile” sheet, so the file carries it.</Text>
    </form>
  );
}
