/**
 * The certificant's profile: which program, when the cycle started, and the facts a checklist needs.
 * Kept in the workbook (the "CE Profile" sheet); checked here so that every host refuses the same
 * values with the same words.
 */
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
import { MAX_CREDITS } from './schema';

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

const CARRY_OVER_HELP = `enter a number of credits from 0 to ${MAX_CREDITS.toLocaleString('en-US')}`;

export const ProfileSchema = z.object({
  program: z
    .string()
    .trim()
    .min(1, 'choose your program')
    .refine((id) => findProgram(id) !== undefined, { message: 'is not a known program id' })
    .transform((id) => findProgram(id)!.id),
  cycleStart: DateInput,
  name: z.string().trim().max(200).default(''),
  certificantNumber: z.string().trim().max(100).default(''),
  cprValidUntil: z
    .union([z.literal(''), z.null(), DateInput])
    .optional()
    .transform((v) => (v === '' || v === null ? undefined : v)),
  carryOverCredits: z
    .number({ error: CARRY_OVER_HELP })
    .finite(CARRY_OVER_HELP)
    .min(0, CARRY_OVER_HELP)
    .max(MAX_CREDITS, CARRY_OVER_HELP)
    .default(0),
  firstCycle: z.boolean().default(false),
  attestations: z.record(z.string(), z.boolean()).default({}),
});
export type ProfileInput = z.input<typeof ProfileSchema>;
export type Profile = z.output<typeof ProfileSchema>;

/** The facts the engine needs besides the log. */
export interface ProfileFacts {
  cprValidUntil?: DayNumber;
  carryOverCredits?: number;
  firstCycle?: boolean;
  attestations: Record<string, boolean>;
}

export type ProfileCheck =
  { ok: true; profile: Profile } | { ok: false; problems: { field: string; message: string }[] };

export function checkProfile(input: unknown): ProfileCheck {
  const result = ProfileSchema.safeParse(input);
  if (result.success) return { ok: true, profile: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((i) => ({ field: String(i.path[0] ?? 'profile'), message: i.message })),
  };
}
