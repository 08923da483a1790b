/**
 * The "CE Profile" sheet: the certificant's profile kept in the workbook, so the file carries it and
 * formulas can use it (`=CEU.RECERT_STATUS(CE_PROGRAM, CE_CYCLE_START, CELog[#All])`).
 *
 * Layout: column A holds labels, column B values; each value cell has a workbook defined name. Manual
 * checklist attestations follow as "Attested: <label>" rows with TRUE/FALSE, named CE_ATTEST_<ID>.
 * Cells are found through the defined names first (the user may move them), else by the labels in
 * column A of the "CE Profile" sheet. Writing touches only the profile's own cells.
 */
import {
  checkProfile,
  EXPIRES_FACT,
  EXTENSION_FACT,
  findProgram,
  PROGRAMS,
  serialFromDay,
  type Fact,
  type Profile,
  type ProfileInput,
  type Program,
} from '../core';
import { fillTemplate } from '../core/template';
import { DATE_ORDERS, type DateOrder } from '../core/text-dates';
import { checkCredential, type Credential, type CredentialInput } from '../core/credentials';
import type { CellValue, NamedRange, RangeRef, WorkbookOp, WorkbookSnapshot } from './port';

export const PROFILE_SHEET = 'CE Profile';
export const DATE_FORMAT = 'yyyy-mm-dd';
export const ATTEST_PREFIX = 'Attested: ';

type ScalarField = 'program' | 'cycleStart' | 'name' | 'certificantNumber' | 'expires' | 'extensionGranted';

export interface ProfileField {
  field: ScalarField;
  name: string;
  label: string;
  date?: boolean;
}

/** The profile's named cells that every program has, in sheet order; the program's own facts follow. */
export const PROFILE_FIELDS: readonly ProfileField[] = [
  { field: 'program', name: 'CE_PROGRAM', label: 'Program' },
  { field: 'cycleStart', name: 'CE_CYCLE_START', label: 'Cycle start', date: true },
  { field: 'name', name: 'CE_NAME', label: 'Name' },
  { field: 'certificantNumber', name: 'CE_CERTIFICANT_NO', label: 'Certificant number' },
  { field: 'expires', name: 'CE_EXPIRES', label: EXPIRES_FACT.label, date: true },
  { field: 'extensionGranted', name: 'CE_EXTENSION_GRANTED', label: EXTENSION_FACT.label },
];

/** The defined name of a fact's cell: `CE_CPR_VALID_UNTIL` for `cprValidUntil`. */
export function factName(id: string): string {
  return `CE_${id.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase()}`;
}

/** The profile fields a program's sheet has: Extension granted only when the program has an extension. */
function fieldsOf(program: Program | undefined): ProfileField[] {
  return PROFILE_FIELDS.filter((f) => f.field !== 'extensionGranted' || program?.cycle.extension !== undefined);
}

/**
 * The order of day and month in the log's text dates that no value settles ("03/04/2025"), as the
 * command line's --date-order: kept in the profile sheet so the pane, the summary and the command line
 * read a log's dates the same way. Not part of the Profile (no program rule depends on it).
 */
export const DATE_ORDER_FIELD = { name: 'CE_DATE_ORDER', label: 'Date order of text dates (mdy, dmy or ymd)' };

/** Whether a defined name is one of a profile's cells (of any built-in program), or an attestation. */
export function isProfileName(name: string): boolean {
  const upper = name.toUpperCase();
  return (
    upper === DATE_ORDER_FIELD.name ||
    upper.startsWith('CE_ATTEST_') ||
    PROFILE_FIELDS.some((f) => f.name === upper) ||
    PROGRAMS.some((p) => p.facts.some((f) => factName(f.id) === upper))
  );
}

const TITLE = 'CE Ledger profile';
/** First row of the field block (row 0 holds the title). */
const FIRST_FIELD_ROW = 1;

/** `CE_ATTEST_FEE` for checklist item `fee`; dashes become underscores. */
export function attestationName(id: string): string {
  return `CE_ATTEST_${id.toUpperCase().replace(/-/g, '_')}`;
}

function attestationIdFromName(name: string): string | undefined {
  const m = /^CE_ATTEST_(.+)$/i.exec(name);
  return m ? m[1]!.toLowerCase().replace(/_/g, '-') : undefined;
}

/** The manual checklist items of a program, with their labels filled in. */
export function attestationItems(programId: string): { id: string; label: string }[] {
  const program = findProgram(programId);
  if (!program) return [];
  return program.checklist
    .filter((item) => item.check === 'attestation')
    .map((item) => ({ id: item.id, label: fillTemplate(item.label, {}, program.fees) }));
}

export interface ProfileRead {
  /** The checked profile, when the sheet exists and every value is valid. */
  profile?: Profile;
  problems: { field: string; message: string }[];
  /** A profile sheet or profile names were found. */
  exists: boolean;
  /** The raw values, for showing an invalid profile in the form. */
  input: Partial<ProfileInput>;
}

interface Located {
  sheet: string;
  row: number;
  col: number;
}

function cellOf(snapshot: WorkbookSnapshot, at: Located): CellValue | undefined {
  const sheet = snapshot.sheets[at.sheet];
  if (!sheet) return undefined;
  const v = sheet.values[at.row - sheet.row]?.[at.col - sheet.col];
  return v === undefined ? '' : v;
}

function findName(snapshot: WorkbookSnapshot, name: string): NamedRange | undefined {
  return snapshot.names.find((n) => n.name.toUpperCase() === name.toUpperCase());
}

function profileSheetName(snapshot: WorkbookSnapshot): string | undefined {
  return snapshot.sheetNames.find((s) => s.toLowerCase() === PROFILE_SHEET.toLowerCase());
}

const norm = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Rows of column A in the profile sheet, by normalised label. */
function labelRows(snapshot: WorkbookSnapshot): Map<string, number> {
  const rows = new Map<string, number>();
  const name = profileSheetName(snapshot);
  const sheet = name ? snapshot.sheets[name] : undefined;
  if (!sheet || sheet.col > 0) return rows;
  sheet.values.forEach((row, i) => {
    const label = row[0];
    if (typeof label === 'string' && label.trim() !== '') {
      const key = norm(label);
      if (!rows.has(key)) rows.set(key, sheet.row + i);
    }
  });
  return rows;
}

function locate(
  snapshot: WorkbookSnapshot,
  name: string,
  label: string,
  labels: Map<string, number>,
): Located | undefined {
  const named = findName(snapshot, name);
  if (named) return { sheet: named.sheet, row: named.range.row, col: named.range.col };
  const sheet = profileSheetName(snapshot);
  const row = labels.get(norm(label));
  return sheet !== undefined && row !== undefined ? { sheet, row, col: 1 } : undefined;
}

function textOf(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : String(value);
}

function yesNo(value: CellValue | undefined): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1;
  return ['true', 'yes', 'y', '1', 'x'].includes(textOf(value).trim().toLowerCase());
}

/** Reads the profile; `snapshot` must include the profile sheet (read it with the sheets you need). */
export function readProfile(snapshot: WorkbookSnapshot): ProfileRead {
  const labels = labelRows(snapshot);
  const input: Partial<ProfileInput> & Record<string, unknown> = {};
  let exists = profileSheetName(snapshot) !== undefined;
  for (const f of PROFILE_FIELDS) {
    const at = locate(snapshot, f.name, f.label, labels);
    if (!at) continue;
    exists = true;
    const v = cellOf(snapshot, at);
    switch (f.field) {
      case 'program':
      case 'name':
      case 'certificantNumber':
        input[f.field] = textOf(v);
        break;
      case 'cycleStart':
      case 'expires':
        input[f.field] = typeof v === 'number' ? v : textOf(v);
        break;
      case 'extensionGranted':
        input.extensionGranted = yesNo(v);
        break;
    }
  }
  if (!exists) return { problems: [], exists: false, input: {} };

  // The program's own facts, as the cells hold them: the profile's check reads them by type.
  const program = typeof input.program === 'string' ? findProgram(input.program) : undefined;
  const facts: Record<string, unknown> = {};
  for (const fact of program?.facts ?? []) {
    const at = locate(snapshot, factName(fact.id), fact.label, labels);
    if (at) facts[fact.id] = factCell(fact, cellOf(snapshot, at));
  }
  input.facts = facts;

  const attestations: Record<string, boolean> = {};
  for (const n of snapshot.names) {
    const id = attestationIdFromName(n.name);
    if (id) attestations[id] = yesNo(cellOf(snapshot, { sheet: n.sheet, row: n.range.row, col: n.range.col }));
  }
  // Without names, "Attested: <label>" rows are matched to the program's manual items by label.
  const items = typeof input.program === 'string' ? attestationItems(input.program) : [];
  const sheetName = profileSheetName(snapshot);
  for (const item of items) {
    if (item.id in attestations || !sheetName) continue;
    const row = labels.get(norm(ATTEST_PREFIX + item.label));
    if (row !== undefined) attestations[item.id] = yesNo(cellOf(snapshot, { sheet: sheetName, row, col: 1 }));
  }
  input.attestations = attestations;

  const checked = checkProfile(input);
  if (checked.ok) return { profile: checked.profile, problems: [], exists: true, input };
  return { problems: checked.problems, exists: true, input };
}

/** A fact's cell as the profile's check takes it: text stays text, so "yes" or "2026-01-31" read as typed. */
function factCell(fact: Fact, v: CellValue | undefined): unknown {
  if (fact.type === 'boolean') return yesNo(v);
  return typeof v === 'number' || typeof v === 'boolean' ? v : textOf(v);
}

function valueFor(profile: Profile, f: ProfileField): CellValue {
  switch (f.field) {
    case 'cycleStart':
      return serialFromDay(profile.cycleStart);
    case 'expires':
      return profile.expires === undefined ? '' : serialFromDay(profile.expires);
    default:
      return profile[f.field];
  }
}

function factValueFor(profile: Profile, fact: Fact): CellValue {
  const v = profile.facts[fact.id];
  if (v === undefined) return fact.type === 'boolean' ? false : '';
  return fact.type === 'date' && typeof v === 'number' ? serialFromDay(v) : v;
}

const one = (row: number, col: number): RangeRef => ({ row, col, rows: 1, cols: 1 });

/**
 * The operations that write `profile` into the workbook: creates the sheet and names when missing,
 * else updates the profile's own cells (found as `readProfile` finds them) and appends missing rows
 * below the last used row of column A. No other cell is written.
 */
export function profileOps(profile: Profile, snapshot: WorkbookSnapshot): WorkbookOp[] {
  const ops: WorkbookOp[] = [];
  const labels = labelRows(snapshot);
  let sheetName = profileSheetName(snapshot);
  const creating = sheetName === undefined;
  if (creating) {
    sheetName = PROFILE_SHEET;
    ops.push({ kind: 'addSheet', name: PROFILE_SHEET });
    ops.push({ kind: 'setValues', sheet: PROFILE_SHEET, row: 0, col: 0, values: [[TITLE]] });
    ops.push({ kind: 'setStyle', sheet: PROFILE_SHEET, range: one(0, 0), style: { bold: true, fontSize: 14 } });
    ops.push({ kind: 'setColumnWidth', sheet: PROFILE_SHEET, col: 0, width: 220 });
    ops.push({ kind: 'setColumnWidth', sheet: PROFILE_SHEET, col: 1, width: 160 });
  }
  const sheet = creating ? undefined : snapshot.sheets[sheetName!];
  if (!creating && !sheet) throw new Error(`Read the "${sheetName}" sheet before writing the profile`);
  // Missing rows go below everything already on the sheet, so no existing cell is overwritten.
  let nextRow = creating ? FIRST_FIELD_ROW : Math.max(FIRST_FIELD_ROW, sheet!.row + sheet!.values.length);

  const write = (name: string, label: string, value: CellValue, date: boolean) => {
    let at = creating ? undefined : locate(snapshot, name, label, labels);
    if (!at) {
      at = { sheet: sheetName!, row: nextRow++, col: 1 };
      ops.push({ kind: 'setValues', sheet: at.sheet, row: at.row, col: 0, values: [[label]] });
    }
    if (date) ops.push({ kind: 'setNumberFormat', sheet: at.sheet, range: one(at.row, at.col), format: DATE_FORMAT });
    ops.push({ kind: 'setValues', sheet: at.sheet, row: at.row, col: at.col, values: [[value]] });
    const named = findName(snapshot, name);
    if (creating || !named || named.sheet !== at.sheet || named.range.row !== at.row || named.range.col !== at.col) {
      ops.push({ kind: 'defineName', name, sheet: at.sheet, range: one(at.row, at.col) });
    }
  };

  const program = findProgram(profile.program);
  for (const f of fieldsOf(program)) write(f.name, f.label, valueFor(profile, f), f.date === true);
  for (const fact of program?.facts ?? [])
    write(factName(fact.id), fact.label, factValueFor(profile, fact), fact.type === 'date');

  const items = attestationItems(profile.program);
  const ids = new Set([...items.map((i) => i.id), ...Object.keys(profile.attestations)]);
  if (creating && ids.size) nextRow++; // a blank line between the fields and the attestations
  for (const id of ids) {
    const label = ATTEST_PREFIX + (items.find((i) => i.id === id)?.label ?? id);
    write(attestationName(id), label, profile.attestations[id] === true, false);
  }
  return ops;
}

/** The date order the profile sheet keeps (mdy, dmy or ymd), or undefined when it keeps none. */
export function readDateOrder(snapshot: WorkbookSnapshot): DateOrder | undefined {
  const at = locate(snapshot, DATE_ORDER_FIELD.name, DATE_ORDER_FIELD.label, labelRows(snapshot));
  if (!at) return undefined;
  const text = textOf(cellOf(snapshot, at)).trim().toLowerCase() as DateOrder;
  return DATE_ORDERS.includes(text) ? text : undefined;
}

/**
 * Writes the date order into its cell of the profile sheet (found as `readDateOrder` finds it, else a
 * new row below the sheet's last used row, named CE_DATE_ORDER). The profile sheet must exist.
 */
export function dateOrderOps(order: DateOrder, snapshot: WorkbookSnapshot): WorkbookOp[] {
  const sheetName = profileSheetName(snapshot);
  const sheet = sheetName ? snapshot.sheets[sheetName] : undefined;
  if (!sheetName || !sheet) throw new Error('Save the profile first: the date order is kept in its sheet');
  const ops: WorkbookOp[] = [];
  let at = locate(snapshot, DATE_ORDER_FIELD.name, DATE_ORDER_FIELD.label, labelRows(snapshot));
  if (!at) {
    at = { sheet: sheetName, row: Math.max(FIRST_FIELD_ROW, sheet.row + sheet.values.length), col: 1 };
    ops.push({ kind: 'setValues', sheet: at.sheet, row: at.row, col: 0, values: [[DATE_ORDER_FIELD.label]] });
  }
  ops.push({ kind: 'setValues', sheet: at.sheet, row: at.row, col: at.col, values: [[order]] });
  const named = findName(snapshot, DATE_ORDER_FIELD.name);
  if (!named || named.sheet !== at.sheet || named.range.row !== at.row || named.range.col !== at.col)
    ops.push({ kind: 'defineName', name: DATE_ORDER_FIELD.name, sheet: at.sheet, range: one(at.row, at.col) });
  return ops;
}

// Several credentials (issue 13): the first credential is the Program / Cycle start rows above, so every
// existing workbook reads as before; each further one is a block of "Credential N …" rows, found by
// label only (no defined names, so the profile's names and formulas are untouched).

/** Credentials after the first are looked for up to this number. */
export const MAX_CREDENTIALS = 20;

export function credentialLabel(n: number, what: string): string {
  return `Credential ${n} ${what}`;
}

export interface CredentialsRead {
  /** The checked further credentials (the second first); the first is `readProfile`'s profile. */
  credentials: Credential[];
  /** Their sheet numbers (2, 3, …), in the same order. */
  numbers: number[];
  problems: { field: string; message: string }[];
}

/** Reads the "Credential N …" rows of the profile sheet; a block whose program cell is blank is no credential. */
export function readCredentials(snapshot: WorkbookSnapshot): CredentialsRead {
  const read: CredentialsRead = { credentials: [], numbers: [], problems: [] };
  const sheet = profileSheetName(snapshot);
  if (sheet === undefined) return read;
  const labels = labelRows(snapshot);
  const cell = (label: string) => {
    const row = labels.get(norm(label));
    return row === undefined ? undefined : cellOf(snapshot, { sheet, row, col: 1 });
  };
  for (let n = 2; n <= MAX_CREDENTIALS; n++) {
    const program = textOf(cell(credentialLabel(n, 'program'))).trim();
    if (program === '') continue;
    const input: CredentialInput = { program };
    const start = cell(credentialLabel(n, 'cycle start'));
    input.cycleStart = typeof start === 'number' ? start : textOf(start);
    const expires = cell(credentialLabel(n, 'expires'));
    if (expires !== undefined) input.expires = typeof expires === 'number' ? expires : textOf(expires);
    input.extensionGranted = yesNo(cell(credentialLabel(n, 'extension granted')));
    const facts: Record<string, unknown> = {};
    for (const fact of findProgram(program)?.facts ?? []) {
      const v = cell(credentialLabel(n, fact.label));
      if (v !== undefined) facts[fact.id] = factCell(fact, v);
    }
    input.facts = facts;
    // Its own attestations: the CE_ATTEST_ names are the first credential's, and bodies share item ids ("fee").
    const attestations: Record<string, boolean> = {};
    for (const item of attestationItems(program)) {
      const v = cell(credentialAttestationLabel(n, item.label));
      if (v !== undefined) attestations[item.id] = yesNo(v);
    }
    input.attestations = attestations;
    const checked = checkCredential(input, n);
    if (checked.ok) {
      read.credentials.push(checked.credential);
      read.numbers.push(n);
    } else read.problems.push(...checked.problems);
  }
  return read;
}

/**
 * The operations that write further credentials (`credentials[0]` is credential 2) into the profile
 * sheet, which must exist in `snapshot` or be created by `profileOps` first: existing rows are found
 * by label and updated, missing ones are appended below the last used row. No other cell is written.
 */
export function credentialOps(credentials: readonly Credential[], snapshot: WorkbookSnapshot): WorkbookOp[] {
  const ops: WorkbookOp[] = [];
  const sheetName = profileSheetName(snapshot) ?? PROFILE_SHEET;
  const sheet = snapshot.sheets[sheetName];
  const labels = labelRows(snapshot);
  let nextRow = sheet ? Math.max(FIRST_FIELD_ROW, sheet.row + sheet.values.length) : FIRST_FIELD_ROW;
  const write = (label: string, value: CellValue, date: boolean) => {
    let row = labels.get(norm(label));
    if (row === undefined) {
      row = nextRow++;
      ops.push({ kind: 'setValues', sheet: sheetName, row, col: 0, values: [[label]] });
    }
    if (date) ops.push({ kind: 'setNumberFormat', sheet: sheetName, range: one(row, 1), format: DATE_FORMAT });
    ops.push({ kind: 'setValues', sheet: sheetName, row, col: 1, values: [[value]] });
  };
  credentials.forEach((c, i) => {
    const n = i + 2;
    write(credentialLabel(n, 'program'), c.program, false);
    write(credentialLabel(n, 'cycle start'), serialFromDay(c.cycleStart), true);
    write(credentialLabel(n, 'expires'), c.expires === undefined ? '' : serialFromDay(c.expires), true);
    write(credentialLabel(n, 'extension granted'), c.extensionGranted, false);
    for (const fact of findProgram(c.program)?.facts ?? [])
      write(credentialLabel(n, fact.label), factValueFor(c, fact), fact.type === 'date');
  });
  return ops;
}

/** The row label of credential `n`'s manual checklist item: "Credential 2 attested: CE fee paid". */
export function credentialAttestationLabel(n: number, itemLabel: string): string {
  return credentialLabel(n, ATTEST_PREFIX.toLowerCase() + itemLabel);
}

/**
 * Ticks or unticks credential `n`'s manual checklist item `id` of `programId` in its "Credential N
 * attested: …" row (found by label, else appended below the last used row). The profile sheet must
 * exist in `snapshot`; no other cell is written.
 */
export function credentialAttestationOps(
  n: number,
  programId: string,
  id: string,
  done: boolean,
  snapshot: WorkbookSnapshot,
): WorkbookOp[] {
  const sheetName = profileSheetName(snapshot);
  const sheet = sheetName ? snapshot.sheets[sheetName] : undefined;
  if (!sheetName || !sheet) throw new Error('Save the profile first: the checklist is kept in its sheet');
  const item = attestationItems(programId).find((i) => i.id === id);
  if (!item) throw new Error(`${programId} has no checklist item "${id}" to tick`);
  const label = credentialAttestationLabel(n, item.label);
  const ops: WorkbookOp[] = [];
  let row = labelRows(snapshot).get(norm(label));
  if (row === undefined) {
    row = Math.max(FIRST_FIELD_ROW, sheet.row + sheet.values.length);
    ops.push({ kind: 'setValues', sheet: sheetName, row, col: 0, values: [[label]] });
  }
  ops.push({ kind: 'setValues', sheet: sheetName, row, col: 1, values: [[done]] });
  return ops;
}
