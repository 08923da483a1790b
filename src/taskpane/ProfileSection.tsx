import { useId, useState, type FormEvent } from 'react';
import { Button, Checkbox, Field, Input, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { allPrograms, dayFromSerial, findProgram, isoFromDay, type ProfileInput } from '../core';
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
            <Button size="small" onClick={() => setEditing(true)}>
              Edit profile
            </Button>
          </div>
        </div>
      </Section>
    );
  }
  return (
    <Section title="Profile">
      <ProfileForm
        state={state}
        onCancel={profile ? () => setEditing(false) : undefined}
        onSave={async (input) => {
          const result = await controller.saveProfile(input);
          if (result.ok) setEditing(false);
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
  const [errors, setErrors] = useState<Record<string, string>>(() =>
    Object.fromEntries(state.profile.problems.map((p) => [p.field, p.message])),
  );
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
      setErrors(result.ok ? {} : Object.fromEntries(result.problems.map((p) => [p.field, p.message])));
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
          {allPrograms().map((p) => (
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
