/**
 * The shape of a program definition. A program is data: the engine interprets the rule *types* named
 * here and never a program id. Every program is parsed with `ProgramSchema` (the built-in ones at build
 * time and in the tests, one a user supplies when it loads: programs/load.ts), so a typo in a number or
 * a rule fails loudly with a path instead of silently changing someone's status. Modules on the
 * evaluation path import only types from here (`import type`), so the cell functions carry no zod.
 */
import { z } from 'zod';
import { COLUMN_KEYS } from './columns';
import { dayFromIso } from './dates';
import { COMMON_FACT_IDS } from './facts';
import { PROOF_KINDS, STATUS_KEYWORDS } from './keywords';

export { PROOF_KINDS, STATUS_KEYWORDS };

// zod otherwise compiles parsers with `new Function`, which a strict Content Security Policy refuses
// and which has no place in an add-in; the interpreted path is fast enough for program files.
z.config({ jitless: true });

export const StatusKeywordSchema = z.enum(STATUS_KEYWORDS);
export type StatusKeyword = z.infer<typeof StatusKeywordSchema>;

export const ProofKindSchema = z.enum(PROOF_KINDS);
export type ProofKind = z.infer<typeof ProofKindSchema>;

const LocalId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case letters, digits and dashes');
const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are yyyy-mm-dd')
  .refine((text) => dayFromIso(text) !== undefined, 'a real date from 1900-01-01 to 9999-12-31');
/**
 * The activity dates a format, cap or multiplier is in force for, both ends included (rules revision
 * 6): the activity's date, not the cycle's, decides. Absent: always.
 */
const InForce = {
  effectiveFrom: IsoDate.optional(),
  effectiveTo: IsoDate.optional(),
};

/** Most credits any requirement, cap or allowance of a program may name. */
export const MAX_CREDITS = 1_000_000;
const Credits = z.number().finite().nonnegative().max(MAX_CREDITS);
/**
 * Most credits one entry can earn at the largest values a row may hold: together with a log's row
 * count this bounds every total, so no sum of credits can overflow to Infinity.
 */
export const MAX_ENTRY_CREDITS = 1_000_000_000;

/**
 * The largest values one row of a log may hold. A value past them is a row problem (an entry of a
 * billion hours is a typing slip, not an activity), which keeps every total finite.
 */
export const EntryLimitsSchema = z
  .object({
    /** Most a row may hold in Hours (hours, meetings or units, as the format says). */
    hours: z.number().finite().positive().max(1_000_000).default(10_000),
    /** Most a row may hold in Self-study hours. */
    selfStudyHours: z.number().finite().positive().max(1_000_000).default(10_000),
  })
  .strict();
export type EntryLimits = z.infer<typeof EntryLimitsSchema>;

/** Which entries a rule is about. Every given condition must hold; an empty filter matches every entry. */
export const EntryFilterSchema = z
  .object({
    formats: z.array(LocalId).optional(),
    approved: z.boolean().optional(),
    /** Whole-word, case-insensitive matches against Provider. */
    providerMatches: z.array(z.string().min(1)).optional(),
    providerNotMatches: z.array(z.string().min(1)).optional(),
    /** Entries in at least one of these of the program's categories (the Category column). */
    categories: z.array(LocalId).min(1).optional(),
  })
  .strict();
export type EntryFilter = z.infer<typeof EntryFilterSchema>;

export const FormatSchema = z
  .object({
    id: LocalId,
    label: z.string().min(1),
    /** Other names users type for this format (matched ignoring case, spaces and punctuation). */
    aliases: z.array(z.string().min(1)).default([]),
    /** Credits per unit in the Hours column. */
    perHour: z.number().finite().nonnegative(),
    /** Credits per hour in the Self-study hours column (0 when the format has no self-directed part). */
    perSelfStudyHour: z.number().finite().nonnegative().default(0),
    /**
     * Credits per entry whatever its hours (e.g. 5 per CPR certification): replaces perHour and
     * perSelfStudyHour; multipliers, the per-entry cap and rounding still apply.
     */
    perEntry: Credits.optional(),
    /** Overrides the program's per-entry cap for this format. */
    perEntryCap: Credits.optional(),
    /** Proof needed in addition to one acceptable kind (e.g. a publication for research). */
    proofAlso: z.array(ProofKindSchema).default([]),
    /** What to put in Hours for this format, shown as help. */
    hoursHelp: z.string().optional(),
    /** The categories of an entry of this format whose Category cell is blank. */
    categories: z.array(LocalId).optional(),
    /** Activities of this format dated outside these dates earn nothing, with that reason. */
    ...InForce,
  })
  .strict();
export type Format = z.infer<typeof FormatSchema>;

/**
 * A category of the program's own (a talent-triangle area, Group A or B, Ethics): a dimension
 * besides the format, read from the Category column, several per entry.
 */
export const CategorySchema = z
  .object({
    id: LocalId,
    label: z.string().min(1),
    /** Other names users type for it (matched ignoring case, spaces and punctuation). */
    aliases: z.array(z.string().min(1)).default([]),
  })
  .strict();
export type Category = z.infer<typeof CategorySchema>;

/** Categories are kept as bits of one 32-bit number per entry. */
export const MAX_CATEGORIES = 31;

export const RoundingSchema = z
  .object({
    // Credits are written with at most 6 decimals: the arithmetic drops float noise below that.
    step: z
      .number()
      .finite()
      .positive()
      .max(1000)
      .refine(
        (step) => Math.abs(step * 1e6 - Math.round(step * 1e6)) < 1e-6 * Math.max(1, step),
        'a step has at most 6 decimals, e.g. 0.25',
      ),
    mode: z.enum(['nearest', 'floor', 'ceil']),
  })
  .strict();
export type Rounding = z.infer<typeof RoundingSchema>;

/** A limit in credits, or a fraction of the program's required credits. */
export const LimitSchema = z.union([
  Credits,
  z.object({ fractionOfRequired: z.number().finite().positive().max(1) }).strict(),
]);
export type Limit = z.infer<typeof LimitSchema>;

export const CapSchema = z
  .object({
    id: LocalId,
    /** Shown to the user; `{format}` and `{year}` are filled in per group. */
    label: z.string().min(1),
    limit: LimitSchema,
    appliesTo: EntryFilterSchema.default({}),
    /** One allowance per format, or one shared by every entry the cap applies to. */
    groupBy: z.enum(['none', 'format']).default('none'),
    /**
     * The allowance renews each cycle year (12 months from the cycle start), each calendar year
     * (1 January, by the activity's date), or once per cycle.
     */
    period: z.enum(['cycle', 'cycleYear', 'calendarYear']).default('cycle'),
    /** Entries that neither use nor are limited by the allowance. */
    exempt: EntryFilterSchema.optional(),
    note: z.string().optional(),
    /** Limits only activities dated inside these dates. */
    ...InForce,
  })
  .strict();
export type Cap = z.infer<typeof CapSchema>;

export const MinimumSchema = z
  .object({
    id: LocalId,
    /** Adjective used in messages: "15 more {label} credits". */
    label: z.string().min(1),
    credits: Credits,
    filter: EntryFilterSchema.default({}),
    /**
     * `cycleYear` asks for the amount in every cycle year (an annual minimum); `calendarYear` in every
     * calendar year the earning window touches, from the cycle start's year to the window end's.
     */
    period: z.enum(['cycle', 'cycleYear', 'calendarYear']).default('cycle'),
  })
  .strict();
export type Minimum = z.infer<typeof MinimumSchema>;

export const MultiplierSchema = z
  .object({
    label: z.string().min(1),
    when: EntryFilterSchema,
    factor: z.number().finite().positive(),
    /**
     * The factor applies only to the first this many credits of the cycle (credits after the format's
     * conversion and the other multipliers), filled in date order by the entries that count.
     */
    upTo: Credits.optional(),
    /** Applies only to activities dated inside these dates. */
    ...InForce,
  })
  .strict();

/** Rules that decide whether an entry counts at all. */
export const EligibilityRuleSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('subjectInList'),
      id: LocalId,
      /** A blank subject is accepted (the list is checked only when a subject is given). */
      allowBlank: z.boolean().default(true),
      message: z.string().min(1),
    })
    .strict(),
  z
    .object({
      type: z.literal('minimumGrade'),
      id: LocalId,
      formats: z.array(LocalId).min(1),
      /** Lowest passing letter grade. */
      grade: z.enum(['A', 'B', 'C', 'D']),
      message: z.string().min(1),
      /** Shown (as an at-risk flag) when no grade is recorded. */
      missingMessage: z.string().min(1),
    })
    .strict(),
  z
    .object({
      /**
       * The body's approval is required: an entry it applies to counts only with Approved = yes (unlike
       * the at-risk `approvalRequired`, which counts it and flags it).
       */
      type: z.literal('requiresApproval'),
      id: LocalId,
      appliesTo: EntryFilterSchema.default({}),
      /** Why it does not count ("Not approved by the Board"). */
      message: z.string().min(1),
      /** How to ask for approval, shown with the message. */
      petition: z.string().min(1),
    })
    .strict(),
]);
export type EligibilityRule = z.infer<typeof EligibilityRuleSchema>;

/** Problems that leave an entry counted but put it at risk at audit or review. */
export const AtRiskRuleSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('approvalRequired'),
      id: LocalId,
      appliesTo: EntryFilterSchema.default({}),
      message: z.string().min(1),
    })
    .strict(),
  z
    .object({
      type: z.literal('titleMatches'),
      id: LocalId,
      /** Case-insensitive whole-word phrases. */
      phrases: z.array(z.string().min(1)).min(1),
      message: z.string().min(1),
      severity: z.enum(['warning', 'risk']).default('warning'),
    })
    .strict(),
  z
    .object({
      /** An amount in Hours at or above `hours` on an entry of these formats looks like a slip of units. */
      type: z.literal('hoursAtLeast'),
      id: LocalId,
      formats: z.array(LocalId).min(1),
      hours: z.number().finite().positive(),
      message: z.string().min(1),
      severity: z.enum(['warning', 'risk']).default('warning'),
    })
    .strict(),
  z
    .object({
      type: z.literal('fieldRequired'),
      id: LocalId,
      field: z.enum(['location', 'provider', 'activity', 'subject']),
      message: z.string().min(1),
    })
    .strict(),
]);
export type AtRiskRule = z.infer<typeof AtRiskRuleSchema>;

export const ProofRuleSchema = z
  .object({
    requiredFor: EntryFilterSchema.default({}),
    acceptable: z.array(ProofKindSchema).min(1),
    /** An Assessment counts as proof only with a score at or above this (0–100). */
    minAssessmentScore: z.number().finite().min(0).max(100).default(70),
    /** Retention and audit facts shown to the user. */
    retention: z.string().optional(),
    /** The day until which proof is kept for audit, from the cycle's dates, when the program says (the summary's attestation). */
    keepUntil: z.lazy(() => DateRuleSchema).optional(),
  })
  .strict();
export type ProofRule = z.infer<typeof ProofRuleSchema>;

/**
 * A date computed from the cycle: start at an anchor, add years and months (a day that does not exist
 * is clamped to the month's end), optionally set the month and day, then add days. A day past the
 * month's end is clamped too: `day: 31` is the last day of whichever month it lands in.
 */
export const DateRuleSchema = z
  .object({
    from: z.enum(['cycleStart', 'windowEnd', 'deadline']),
    years: z.number().int().default(0),
    months: z.number().int().default(0),
    month: z.number().int().min(1).max(12).optional(),
    /**
     * The month from a number fact of the profile (1–12), in place of `month`: a cycle that ends in the
     * certificant's birth month. Without the fact the dates are unknown and the evaluation says so.
     */
    monthFromFact: z.string().min(1).optional(),
    day: z.number().int().min(1).max(31).optional(),
    days: z.number().int().default(0),
  })
  .strict();
export type DateRule = z.infer<typeof DateRuleSchema>;

export const PhaseSchema = z
  .object({
    status: z.enum(['GRACE', 'LAPSED', 'EXPIRED']),
    /** Last day of the phase; the last phase may be open-ended. */
    through: DateRuleSchema.optional(),
    /** One-line detail; placeholders like {through}, {deadline}, {fee:late} are filled in. */
    summary: z.string().min(1),
    /**
     * Credit earned in this phase counts toward a renewal made in it (a grace period that accepts late
     * credit). Once a phase without it is reached, only the cycle's own window counts again.
     */
    creditCounts: z.boolean().default(false),
  })
  .strict();
export type Phase = z.infer<typeof PhaseSchema>;

export const CycleSchema = z
  .object({
    /** Last day on which activities can be earned for this cycle. */
    windowEnd: DateRuleSchema,
    /** Last day to apply without a penalty. */
    deadline: DateRuleSchema,
    /** First day the renewal application can be submitted (absent: as soon as requirements are met). */
    applicationOpens: DateRuleSchema.optional(),
    /** After the deadline, in order. */
    phases: z.array(PhaseSchema).min(1),
    extension: z
      .object({
        label: z.string().min(1),
        requestBy: DateRuleSchema,
        runsTo: DateRuleSchema,
        minCredits: Credits,
        feeId: LocalId,
        note: z.string().optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type Cycle = z.infer<typeof CycleSchema>;

export const FeeSchema = z
  .object({
    id: LocalId,
    label: z.string().min(1),
    /** US dollars; null when the body sets it elsewhere (shown as "see the certifying body"). */
    amount: z.number().finite().nonnegative().nullable(),
    /** Statuses in which this fee is the one to expect. */
    statuses: z.array(StatusKeywordSchema).min(1),
  })
  .strict();
export type Fee = z.infer<typeof FeeSchema>;

export const ChecklistItemSchema = z.discriminatedUnion('check', [
  z.object({ check: z.literal('totalCredits'), id: LocalId, label: z.string() }).strict(),
  z.object({ check: z.literal('minimum'), id: LocalId, label: z.string(), minimum: LocalId }).strict(),
  z.object({ check: z.literal('minEntries'), id: LocalId, label: z.string() }).strict(),
  z.object({ check: z.literal('noRowProblems'), id: LocalId, label: z.string() }).strict(),
  z.object({ check: z.literal('atRiskClear'), id: LocalId, label: z.string(), rule: LocalId }).strict(),
  z.object({ check: z.literal('eligible'), id: LocalId, label: z.string(), rule: LocalId }).strict(),
  z.object({ check: z.literal('proof'), id: LocalId, label: z.string() }).strict(),
  z.object({ check: z.literal('allInWindow'), id: LocalId, label: z.string() }).strict(),
  z.object({ check: z.literal('applicationOpen'), id: LocalId, label: z.string() }).strict(),
  z
    .object({
      check: z.literal('submitBy'),
      id: LocalId,
      label: z.string(),
      /** The deadline itself, or the end of the named phase after it. */
      through: z.enum(['deadline', 'GRACE', 'LAPSED']),
    })
    .strict(),
  z
    .object({
      check: z.literal('profileDate'),
      id: LocalId,
      label: z.string(),
      /** A date fact the program declares in `facts`. */
      fact: z.string().min(1),
      onOrAfter: z.enum(['deadline', 'asOf']),
    })
    .strict(),
  z.object({ check: z.literal('attestation'), id: LocalId, label: z.string() }).strict(),
]);
export type ChecklistItem = z.infer<typeof ChecklistItemSchema>;

/** A fact about the certificant that a program's rules read from the profile (a date, a yes/no, a number). */
export const FactSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z][a-zA-Z0-9]*$/, 'fact ids are camelCase letters and digits')
      .refine(
        (id) => !['attestations', ...COMMON_FACT_IDS].includes(id),
        'this fact id is reserved (every program has it)',
      ),
    label: z.string().min(1),
    type: z.enum(['date', 'boolean', 'number']),
    /** Shown beside the field in the profile form. */
    help: z.string().optional(),
    /** Numbers only: the largest value accepted. */
    max: z.number().finite().nonnegative().max(MAX_CREDITS).optional(),
  })
  .strict();
export type Fact = z.infer<typeof FactSchema>;

/** The rule-bearing part of a program: what a dated version may replace. */
const ProgramRulesShape = {
  required: Credits,
  creditUnit: z.string().min(1).default('credits'),
  rounding: RoundingSchema.default({ step: 0.01, mode: 'nearest' }),
  perEntryCap: Credits.optional(),
  /** Entries that no per-entry cap limits (e.g. one provider's training). */
  perEntryCapExempt: EntryFilterSchema.optional(),
  entryLimits: EntryLimitsSchema.prefault({}),
  formats: z.array(FormatSchema).min(1),
  defaultFormat: LocalId.optional(),
  subjects: z.array(z.string().min(1)).optional(),
  categories: z.array(CategorySchema).max(MAX_CATEGORIES).default([]),
  caps: z.array(CapSchema).default([]),
  minimums: z.array(MinimumSchema).default([]),
  minEntries: z.number().int().nonnegative().optional(),
  multipliers: z.array(MultiplierSchema).default([]),
  /**
   * The same course counts once per cycle: entries whose fields match (text compared ignoring case,
   * spaces and punctuation) are one course; the earliest counts and later copies are duplicates.
   */
  uniqueBy: z
    .object({
      fields: z
        .array(z.enum(['activity', 'provider', 'format']))
        .min(1)
        .default(['activity']),
      appliesTo: EntryFilterSchema.default({}),
      note: z.string().optional(),
    })
    .strict()
    .optional(),
  eligibility: z.array(EligibilityRuleSchema).default([]),
  atRisk: z.array(AtRiskRuleSchema).default([]),
  proof: ProofRuleSchema,
  cycle: CycleSchema,
  fees: z.array(FeeSchema).default([]),
  /** Fee shown with READY (the ordinary renewal fee). */
  renewalFeeId: LocalId.optional(),
  checklist: z.array(ChecklistItemSchema).default([]),
  /** Credits brought from the previous cycle (the number fact `fact` of the profile), up to this many. */
  carryOver: z
    .object({ maxCredits: Credits, fact: z.string().min(1).default('carryOverCredits'), note: z.string().optional() })
    .strict()
    .optional(),
  /**
   * Credits of the previous cycle that count in this one, read from the log: entries completed in the
   * last `lastMonths` months before the cycle start that match `appliesTo`, up to `maxCredits` (earliest
   * first). They count toward the total and toward the cycle-wide minimums named in `countsToward`
   * whose filter they match. Whether the previous cycle needed them is not checked: the log may not
   * hold that cycle whole, so a program whose body asks for "excess" credits says so in its note.
   */
  carryOverFromLog: z
    .object({
      maxCredits: Credits,
      lastMonths: z.number().int().positive().max(120),
      appliesTo: EntryFilterSchema.default({}),
      countsToward: z.array(LocalId).default([]),
      note: z.string().optional(),
    })
    .strict()
    .optional(),
  /**
   * A first cycle shorter than a full one asks for fewer credits: `creditsPerMonth` for each whole
   * month from the cycle start to the window end, rounded up, never above `required`.
   */
  proRating: z
    .object({ creditsPerMonth: Credits, fact: z.string().min(1).default('firstCycle'), note: z.string().optional() })
    .strict()
    .optional(),
  /**
   * More credits required for each unit of a number fact of the profile (4 more for each additional
   * credential held), counting the fact's whole units up to `maxCount`.
   */
  requiredPerFact: z
    .object({
      fact: z.string().min(1),
      credits: Credits,
      maxCount: z.number().int().positive().max(1000),
      note: z.string().optional(),
    })
    .strict()
    .optional(),
  /**
   * A pace the body suggests but does not require (40 a year): each cycle year that has begun with
   * fewer counted credits gets a hint, never a shortfall or a change of status.
   */
  suggestedPace: z.object({ creditsPerCycleYear: Credits, note: z.string().optional() }).strict().optional(),
  /** Meaning of the Approved column for this program. */
  approvedMeaning: z.string().min(1),
  /** Facts of the profile that this program's rules read, besides those every program understands. */
  facts: z.array(FactSchema).default([]),
};

export const ProgramVersionSchema = z
  .object({
    /** Applies to cycles starting on or after this date. */
    effectiveFrom: IsoDate,
    /** Replacement values for rule fields; the merged program is checked as a whole at load. */
    changes: z.partialRecord(z.enum(Object.keys(ProgramRulesShape) as [keyof typeof ProgramRulesShape]), z.unknown()),
    note: z.string().optional(),
  })
  .strict();

export const ProgramSchema = z
  .object({
    id: z.string().regex(/^[A-Z0-9][A-Z0-9-]*$/, 'program ids are upper-case letters, digits and dashes'),
    name: z.string().min(1),
    body: z.string().min(1),
    /**
     * How the body shares credit between its own credentials held together (same `body`): `each`
     * (the default) counts the same activities for each; `highestLevel` asks only the requirement of
     * the credential with the most credits required; `morePerCredential` adds `extraPerCredential`
     * credits to each one's requirement for every further credential of the body.
     */
    sharedCredentials: z
      .object({
        mode: z.enum(['each', 'highestLevel', 'morePerCredential']),
        extraPerCredential: Credits.optional(),
      })
      .strict()
      .optional(),
    /** Where the numbers come from, and any interpretation made. */
    sources: z.array(z.string()).default([]),
    /** Header words of the program's own trackers, by canonical column ("Board approved" → approved). */
    headerWords: z.partialRecord(z.enum(COLUMN_KEYS), z.array(z.string().min(1))).optional(),
    ...ProgramRulesShape,
    versions: z.array(ProgramVersionSchema).default([]),
  })
  .strict()
  .superRefine((program, ctx) => {
    const formatIds = new Set(program.formats.map((f) => f.id));
    const ensureFormat = (id: string, path: (string | number)[]) => {
      if (!formatIds.has(id)) ctx.addIssue({ code: 'custom', path, message: `unknown format id '${id}'` });
    };
    if (program.defaultFormat) ensureFormat(program.defaultFormat, ['defaultFormat']);
    program.caps.forEach((c, i) => c.appliesTo.formats?.forEach((f) => ensureFormat(f, ['caps', i, 'appliesTo'])));
    program.minimums.forEach((m, i) => m.filter.formats?.forEach((f) => ensureFormat(f, ['minimums', i, 'filter'])));
    program.eligibility.forEach((r, i) => {
      if (r.type === 'minimumGrade') r.formats.forEach((f) => ensureFormat(f, ['eligibility', i, 'formats']));
      if (r.type === 'subjectInList' && !program.subjects?.length)
        ctx.addIssue({ code: 'custom', path: ['eligibility', i], message: 'subjectInList needs a subjects list' });
    });
    program.atRisk.forEach((r, i) => {
      if (r.type === 'hoursAtLeast') r.formats.forEach((f) => ensureFormat(f, ['atRisk', i, 'formats']));
    });
    const minimumIds = new Set(program.minimums.map((m) => m.id));
    const ruleIds = new Set([...program.eligibility.map((r) => r.id), ...program.atRisk.map((r) => r.id)]);
    const feeIds = new Set(program.fees.map((f) => f.id));
    program.checklist.forEach((item, i) => {
      if (item.check === 'minimum' && !minimumIds.has(item.minimum))
        ctx.addIssue({ code: 'custom', path: ['checklist', i], message: `unknown minimum '${item.minimum}'` });
      if ((item.check === 'atRiskClear' || item.check === 'eligible') && !ruleIds.has(item.rule))
        ctx.addIssue({ code: 'custom', path: ['checklist', i], message: `unknown rule '${item.rule}'` });
    });
    const factTypes = new Map(program.facts.map((f) => [f.id, f.type]));
    const ensureFact = (id: string, type: Fact['type'], path: (string | number)[]) => {
      if (factTypes.get(id) !== type)
        ctx.addIssue({ code: 'custom', path, message: `needs a ${type} fact '${id}' declared in facts` });
    };
    program.checklist.forEach((item, i) => {
      if (item.check === 'profileDate') ensureFact(item.fact, 'date', ['checklist', i, 'fact']);
    });
    if (program.carryOver) ensureFact(program.carryOver.fact, 'number', ['carryOver', 'fact']);
    const c = program.cycle;
    const dateRules: [DateRule | undefined, (string | number)[]][] = [
      [c.windowEnd, ['cycle', 'windowEnd']],
      [c.deadline, ['cycle', 'deadline']],
      [c.applicationOpens, ['cycle', 'applicationOpens']],
      ...c.phases.map((p, i): [DateRule | undefined, (string | number)[]] => [
        p.through,
        ['cycle', 'phases', i, 'through'],
      ]),
      [c.extension?.requestBy, ['cycle', 'extension', 'requestBy']],
      [c.extension?.runsTo, ['cycle', 'extension', 'runsTo']],
      [program.proof.keepUntil, ['proof', 'keepUntil']],
    ];
    for (const [rule, path] of dateRules) {
      if (rule?.monthFromFact === undefined) continue;
      ensureFact(rule.monthFromFact, 'number', [...path, 'monthFromFact']);
      if (rule.month !== undefined)
        ctx.addIssue({ code: 'custom', path: [...path, 'month'], message: 'give month or monthFromFact, not both' });
    }
    if (program.proRating) ensureFact(program.proRating.fact, 'boolean', ['proRating', 'fact']);
    if (program.requiredPerFact) ensureFact(program.requiredPerFact.fact, 'number', ['requiredPerFact', 'fact']);
    if (new Set(factTypes.keys()).size !== program.facts.length)
      ctx.addIssue({ code: 'custom', path: ['facts'], message: 'a fact id is declared twice' });
    program.formats.forEach((f, i) => {
      if (f.effectiveFrom && f.effectiveTo && f.effectiveTo < f.effectiveFrom)
        ctx.addIssue({ code: 'custom', path: ['formats', i, 'effectiveTo'], message: 'ends before effectiveFrom' });
    });
    if (program.renewalFeeId && !feeIds.has(program.renewalFeeId))
      ctx.addIssue({ code: 'custom', path: ['renewalFeeId'], message: `unknown fee '${program.renewalFeeId}'` });
    if (program.cycle.extension && !feeIds.has(program.cycle.extension.feeId))
      ctx.addIssue({ code: 'custom', path: ['cycle', 'extension', 'feeId'], message: 'unknown fee' });
    // The most one entry can earn: every multiplier above 1 may apply to the same entry.
    const boost = program.multipliers.reduce((product, m) => product * Math.max(1, m.factor), 1);
    program.formats.forEach((f, i) => {
      const most =
        (f.perEntry ??
          program.entryLimits.hours * f.perHour + program.entryLimits.selfStudyHours * f.perSelfStudyHour) * boost;
      if (!(most <= MAX_ENTRY_CREDITS))
        ctx.addIssue({
          code: 'custom',
          path: ['formats', i],
          message: `one entry could earn ${most} credits (entryLimits × rates × multipliers); at most ${MAX_ENTRY_CREDITS} is allowed`,
        });
    });
    ruleTypeProblems(program, ctx);
    const labels = new Set<string>();
    for (const f of program.formats) {
      for (const name of [f.label, ...f.aliases]) {
        const key = name.toLowerCase().replace(/[^a-z0-9]/g, '');
        if (labels.has(key))
          ctx.addIssue({ code: 'custom', path: ['formats'], message: `format name '${name}' is used twice` });
        labels.add(key);
      }
    }
  });

interface CategoryUsers {
  categories: Category[];
  formats: Format[];
  caps: Cap[];
  minimums: Minimum[];
  multipliers: z.infer<typeof MultiplierSchema>[];
  carryOverFromLog?: { appliesTo: EntryFilter; countsToward: string[] } | undefined;
}
type Issues = { addIssue: (issue: { code: 'custom'; path: (string | number)[]; message: string }) => void };

/**
 * The newer rule types' cross-checks: every category id a rule names is declared, no category name is
 * used twice, and no rule is in force from a date after its last day.
 */
function ruleTypeProblems(program: CategoryUsers, ctx: Issues): void {
  const dated = (rule: { effectiveFrom?: string; effectiveTo?: string }, path: (string | number)[]) => {
    if (rule.effectiveFrom !== undefined && rule.effectiveTo !== undefined && rule.effectiveFrom > rule.effectiveTo)
      ctx.addIssue({ code: 'custom', path, message: 'effectiveFrom is after effectiveTo' });
  };
  program.formats.forEach((f, i) => dated(f, ['formats', i]));
  program.caps.forEach((c, i) => dated(c, ['caps', i]));
  program.multipliers.forEach((m, i) => dated(m, ['multipliers', i]));
  const carry = program.carryOverFromLog;
  carry?.countsToward.forEach((id) => {
    if (!program.minimums.some((m) => m.id === id))
      ctx.addIssue({ code: 'custom', path: ['carryOverFromLog', 'countsToward'], message: `unknown minimum '${id}'` });
  });
  const ids = new Set(program.categories.map((c) => c.id));
  const check = (list: readonly string[] | undefined, path: (string | number)[]) =>
    list?.forEach((id) => {
      if (!ids.has(id)) ctx.addIssue({ code: 'custom', path, message: `unknown category id '${id}'` });
    });
  program.formats.forEach((f, i) => check(f.categories, ['formats', i, 'categories']));
  program.caps.forEach((c, i) => {
    check(c.appliesTo.categories, ['caps', i, 'appliesTo', 'categories']);
    check(c.exempt?.categories, ['caps', i, 'exempt', 'categories']);
  });
  program.minimums.forEach((m, i) => check(m.filter.categories, ['minimums', i, 'filter', 'categories']));
  program.multipliers.forEach((m, i) => check(m.when.categories, ['multipliers', i, 'when', 'categories']));
  check(carry?.appliesTo.categories, ['carryOverFromLog', 'appliesTo', 'categories']);
  const owner = new Map<string, string>();
  for (const c of program.categories) {
    for (const name of [c.id, c.label, ...c.aliases]) {
      const key = name.toLowerCase().replace(/[^a-z0-9]/g, '');
      const other = owner.get(key);
      if (other !== undefined && other !== c.id)
        ctx.addIssue({ code: 'custom', path: ['categories'], message: `category name '${name}' is used twice` });
      owner.set(key, c.id);
    }
  }
}

export type ProgramInput = z.input<typeof ProgramSchema>;
export type Program = z.infer<typeof ProgramSchema>;
