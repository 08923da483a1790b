/**
 * Profile facts: what the certificant knows that the log does not say (rules revisions 2, 3 and 10).
 * Every program understands the certificate's own expiration date ("Expires") and, when it has an
 * extension, whether one was granted; a program declares any other fact its rules read (`facts` in its
 * data: a CPR/AED card's valid-until date, credits carried over, a first cycle). The profile sheet,
 * the pane's form, the cell functions' `profile` argument and the command line all read facts through
 * here, so they accept the same values with the same words. No zod: the cell functions use it.
 */
import {
  dayFromIso,
  dayFromJsDate,
  dayFromSerial,
  EXCEL_DATE_RANGE,
  isIsoOutOfRange,
  isSerialOutOfRange,
  type DayNumber,
} from './dates';
import type { Fact, Program } from './schema';

/** The facts the engine reads, by fact id: dates as day numbers; attestations of the checklist apart. */
export interface ProfileFacts {
  /** The certificate's own expiration date: replaces the computed expiry (rules revision 3). */
  expires?: DayNumber;
  /** The program's extension was granted (rules revision 2). */
  extensionGranted?: boolean;
  attestations: Record<string, boolean>;
  /** Facts the program declares, by id. */
  [fact: string]: number | boolean | undefined | Record<string, boolean>;
}

export type FactValue = number | boolean;

/** Ids every program understands; a program may not declare them. */
export const COMMON_FACT_IDS = ['expires', 'extensionGranted'] as const;

export const EXPIRES_FACT: Fact = {
  id: 'expires',
  label: 'Expires',
  type: 'date',
  help: 'The expiration date on your certificate or in the body’s portal; when given it replaces the computed expiry and every date that follows from it.',
};

export const EXTENSION_FACT: Fact = {
  id: 'extensionGranted',
  label: 'Extension granted',
  type: 'boolean',
  help: 'Tick only once the certifying body has granted the extension: it moves the deadline to the extension’s end.',
};

/** The facts a program's profile asks for: Expires, Extension granted (when it has one), then its own. */
export function programFacts(program: Program): Fact[] {
  return [EXPIRES_FACT, ...(program.cycle.extension ? [EXTENSION_FACT] : []), ...program.facts];
}

/** Names match ignoring case, spaces and punctuation ("Extension granted" = "extensionGranted"). */
export function factKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The declared fact a name (its label or its id) stands for, if any. */
export function findFact(program: Program, name: string): Fact | undefined {
  const key = factKey(name);
  return programFacts(program).find((f) => factKey(f.label) === key || factKey(f.id) === key);
}

const YES = new Set(['true', 'yes', 'y', '1', 'x']);
const NO = new Set(['false', 'no', 'n', '0', '']);

export type FactRead = { ok: true; value: FactValue | undefined } | { ok: false; message: string };

/**
 * A fact's value from a cell, a form field or a command-line option: dates as Excel serials, JS dates
 * or yyyy-mm-dd text; yes/no as TRUE/FALSE, yes/no, y/n, 1/0 or x; numbers as numbers or numeric text.
 * Blank is "not given". The message says what is accepted (the caller names the fact).
 */
export function readFactValue(fact: Fact, value: unknown): FactRead {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === ''))
    return { ok: true, value: fact.type === 'boolean' ? false : undefined };
  switch (fact.type) {
    case 'date': {
      if (value === 0) return { ok: true, value: undefined };
      let day: DayNumber | undefined;
      let outside = false;
      if (typeof value === 'number') {
        day = dayFromSerial(value);
        outside = isSerialOutOfRange(value);
      } else if (typeof value === 'string') {
        day = dayFromIso(value);
        outside = isIsoOutOfRange(value);
      } else if (value instanceof Date) {
        day = dayFromJsDate(value);
        outside = Number.isFinite(value.getTime());
      }
      if (day !== undefined) return { ok: true, value: day };
      return {
        ok: false,
        message: outside ? `is outside Excel's dates: enter ${EXCEL_DATE_RANGE}` : 'enter a date (yyyy-mm-dd)',
      };
    }
    case 'boolean': {
      if (typeof value === 'boolean') return { ok: true, value };
      const text = String(value).trim().toLowerCase();
      if (YES.has(text)) return { ok: true, value: true };
      if (NO.has(text)) return { ok: true, value: false };
      return { ok: false, message: 'enter yes or no' };
    }
    case 'number': {
      const most = fact.max ?? 1_000_000;
      const help = `enter a number from 0 to ${most.toLocaleString('en-US')}`;
      const n =
        typeof value === 'number'
          ? value
          : typeof value === 'string' && /^\s*[+]?(\d+\.?\d*|\.\d+)\s*$/.test(value)
            ? Number(value)
            : NaN;
      if (!Number.isFinite(n) || n < 0 || n > most) return { ok: false, message: help };
      return { ok: true, value: n };
    }
  }
}

function factOf(profile: Partial<ProfileFacts>, id: string): unknown {
  return profile[id];
}

export function factNumber(profile: Partial<ProfileFacts>, id: string): number | undefined {
  const v = factOf(profile, id);
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function factBoolean(profile: Partial<ProfileFacts>, id: string): boolean | undefined {
  const v = factOf(profile, id);
  return typeof v === 'boolean' ? v : undefined;
}

export function factDate(profile: Partial<ProfileFacts>, id: string): DayNumber | undefined {
  return factNumber(profile, id);
}

export interface NamedFacts {
  facts: Partial<ProfileFacts>;
  /** One line per name whose value was refused: "<name>: <what is accepted>". */
  problems: string[];
}

/**
 * Facts from name/value pairs (the cell functions' `profile` range, a profile table): names that are
 * not a fact of the program (Program, Name, an attestation) are ignored, as are blank names.
 */
export function factsFromPairs(program: Program, pairs: readonly (readonly unknown[])[]): NamedFacts {
  const facts: Partial<ProfileFacts> = {};
  const problems: string[] = [];
  for (const pair of pairs) {
    const name = pair[0];
    if (typeof name !== 'string' || name.trim() === '') continue;
    const fact = findFact(program, name);
    if (!fact) continue;
    const read = readFactValue(fact, pair[1]);
    if (read.ok) {
      if (read.value !== undefined) facts[fact.id] = read.value;
    } else problems.push(`${name.trim()}: ${read.message}`);
  }
  return { facts, problems };
}
