/**
 * The certificant's profile: which program, when the cycle started, and the facts a checklist needs.
 * Kept in the workbook (the "CE Profile" sheet); checked here so that every host refuses the same
 * values with the same words.
 */
// Before zod builds the schemas below (see zod-config.ts).
import './zod-config';
import { z } from 'zod';
import {
  dayFromIso,
  dayFromSerial,
  EXCEL_DATE_RANGE,
  isIsoOutOfRange,
  isSerialOutOfRange,
  type DayNumber,
} from './dates';
import { findProgram } from './programs';
import { EXPIRES_FACT, EXTENSION_FACT, readFactValue, type FactValue, type ProfileFacts } from './facts';
import type { Fact } from './schema';

const DateInput = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const day = typeof value === 'number' ? dayFromSerial(value) : value.trim() === '' ? undefined : dayFromIso(value);
  if (day === undefined) {
    const outside = typeof value === 'number' ? value !== 0 && isSerialOutOfRange(value) : isIsoOutOfRange(value);
    ctx.addIssue({
      code: 'custom',
      message: outside ? `is outside Excel's dates: enter ${EXCEL_DATE_RANGE}` : 'enter a date (yyyy-mm-dd)',
    });
    return z.NEVER;
  }
  return day;
});

/** A profile fact every program has, read as the sheet, the form and the cell functions read it. */
function commonFact(fact: Fact) {
  return z.unknown().transform((value, ctx) => {
    const read = readFactValue(fact, value);
    if (read.ok) return read.value;
    ctx.addIssue({ code: 'custom', message: read.message });
    return z.NEVER;
  });
}

export const ProfileSchema = z
  .object({
    program: z
      .string()
      .trim()
      .min(1, 'choose your program')
      .refine((id) => findProgram(id) !== undefined, { message: 'is not a known program id' })
      .transform((id) => findProgram(id)!.id),
    cycleStart: DateInput,
    name: z.string().trim().max(200).default(''),
    certificantNumber: z.string().trim().max(100).default(''),
    /** The certificate's own expiration date (rules revision 3): every program accepts it. */
    expires: (commonFact(EXPIRES_FACT) as z.ZodType<DayNumber | undefined, unknown>).optional(),
    /** The program's extension was granted (rules revision 2). */
    extensionGranted: (commonFact(EXTENSION_FACT) as z.ZodType<boolean, unknown>).default(false),
    /**
     * The facts the program declares (`facts` in its data), by fact id, as typed or as a cell holds
     * them; checked against the program's declaration. Facts of another program are dropped.
     */
    facts: z.record(z.string(), z.unknown()).default({}),
    attestations: z.record(z.string(), z.boolean()).default({}),
  })
  .transform((profile, ctx) => {
    const program = findProgram(profile.program)!;
    const facts: Record<string, FactValue> = {};
    for (const fact of program.facts) {
      const read = readFactValue(fact, profile.facts[fact.id]);
      if (!read.ok) ctx.addIssue({ code: 'custom', path: ['facts', fact.id], message: read.message });
      else if (read.value !== undefined) facts[fact.id] = read.value;
    }
    return { ...profile, facts };
  });
export type ProfileInput = z.input<typeof ProfileSchema>;
export type Profile = z.output<typeof ProfileSchema>;

export type { ProfileFacts } from './facts';

/** The facts the engine reads, from a checked profile. */
export function profileFacts(profile: Profile): ProfileFacts {
  return {
    ...profile.facts,
    expires: profile.expires,
    extensionGranted: profile.extensionGranted,
    attestations: profile.attestations,
  };
}

export type ProfileCheck =
  { ok: true; profile: Profile } | { ok: false; problems: { field: string; message: string }[] };

/** A problem's field: the profile's own field, or a declared fact's id. */
function fieldOf(path: readonly PropertyKey[]): string {
  return String((path[0] === 'facts' ? path[1] : path[0]) ?? 'profile');
}

export function checkProfile(input: unknown): ProfileCheck {
  const result = ProfileSchema.safeParse(input);
  if (result.success) return { ok: true, profile: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((i) => ({ field: fieldOf(i.path), message: i.message })),
  };
}
