import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Button, Checkbox, Field, Input, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import {
  allPrograms,
  dayFromSerial,
  findProgram,
  isoFromDay,
  programFacts,
  type Fact,
  type ProfileInput,
} from '../core';
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
  /** Every fact of the form by id (Expires, Extension granted and the program's own): text, or ticked. */
  facts: Record<string, string | boolean>;
}

/** A fact's value as the form shows it: a date as yyyy-mm-dd, a number as typed, yes/no as a tick. */
function factText(fact: Fact, value: unknown): string | boolean {
  if (fact.type === 'boolean') return value === true;
  if (fact.type === 'date') return dateText(value);
  return value === undefined || value === null ? '' : String(value);
}

function initialValues(state: PaneState): FormValues {
  const p = state.profile.profile;
  const input = state.profile.input;
  const facts: Record<string, string | boolean> = {};
  const given: Record<string, unknown> = {
    ...(input.facts ?? {}),
    ...(p?.facts ?? {}),
    expires: p ? p.expires : input.expires,
    extensionGranted: p ? p.extensionGranted : input.extensionGranted,
  };
  for (const program of allPrograms())
    for (const fact of programFacts(program)) facts[fact.id] ??= factText(fact, given[fact.id]);
  return {
    program: p?.program ?? (typeof input.program === 'string' ? input.program : ''),
    cycleStart: p ? isoFromDay(p.cycleStart) : dateText(input.cycleStart),
    name: p?.name ?? String(input.name ?? ''),
    certificantNumber: p?.certificantNumber ?? String(input.certificantNumber ?? ''),
    facts,
  };
}

const LABELS: Record<string, string> = {
  program: 'Program',
  cycleStart: 'Cycle start',
  name: 'Name',
  certificantNumber: 'Certificant number',
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
  // The facts the chosen program declares (with Expires, and Extension granted when it has one).
  const facts = program ? programFacts(program) : [];
  const set = (key: 'program' | 'cycleStart' | 'name' | 'certificantNumber') => (_: unknown, data: { value: string }) =>
    setValues((v) => ({ ...v, [key]: data.value }));
  const setFact = (id: string, value: string | boolean) =>
    setValues((v) => ({ ...v, facts: { ...v.facts, [id]: value } }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    const own: Record<string, unknown> = {};
    for (const fact of program?.facts ?? []) own[fact.id] = values.facts[fact.id];
    const input: ProfileInput = {
      program: values.program,
      cycleStart: values.cycleStart,
      name: values.name,
      certificantNumber: values.certificantNumber,
      expires: String(values.facts.expires ?? ''),
      extensionGranted: program?.cycle.extension ? values.facts.extensionGranted === true : false,
      facts: own,
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

  const labelOf = (field: string) => LABELS[field] ?? facts.find((f) => f.id === field)?.label ?? field;
  const message = (field: string) => (errors[field] ? `${labelOf(field)}: ${errors[field]}` : undefined);
  const field = (key: string, hint?: string) => ({
    label: labelOf(key),
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
      {facts.map((fact) =>
        fact.type === 'boolean' ? (
          <Field key={fact.id} validationMessage={message(fact.id)} hint={fact.help}>
            <Checkbox
              label={fact.label}
              checked={values.facts[fact.id] === true}
              onChange={(_, d) => setFact(fact.id, d.checked === true)}
            />
          </Field>
        ) : (
          <Field key={fact.id} {...field(fact.id, fact.help)}>
            <Input
              value={String(values.facts[fact.id] ?? '')}
              onChange={(_, d) => setFact(fact.id, d.value)}
              placeholder={fact.type === 'date' ? 'yyyy-mm-dd' : undefined}
              inputMode={fact.type === 'number' ? 'decimal' : undefined}
            />
          </Field>
        ),
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
