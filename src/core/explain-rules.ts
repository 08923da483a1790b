/**
 * The explanation of the rule types a program declares beyond formats, caps and eligibility lists
 * (categories, dated rules, fixed credits, required approval, courses counted once, conditional
 * carry-over): what the pass decided about one entry, in the user's words. Read only by the
 * explanation step (evaluate.ts); nothing here changes a figure.
 */
import { perEntryCap } from './credits';
import { isoFromDay } from './dates';
import type { Dated } from './filters';
import type { Flag } from './judgments';
import { formatCredits } from './rounding';
import {
  COUNTED,
  entryAt,
  WHY_CARRY,
  WHY_DUPLICATE,
  WHY_FORMAT_NOT_IN_FORCE,
  WHY_NOT_APPROVED,
  type Pass,
} from './pass';

/** "from 2025-01-01", "to 2022-12-31", "from 2023-01-01 to 2024-12-31". */
export function describeInForce(rule: Dated): string {
  return [
    rule.effectiveFrom === undefined ? '' : `from ${rule.effectiveFrom}`,
    rule.effectiveTo === undefined ? '' : `to ${rule.effectiveTo}`,
  ]
    .filter(Boolean)
    .join(' ');
}

export interface RuleTypeVerdict {
  flags: Flag[];
  /** The rule that kept the entry from counting, when one of these did. */
  ineligibleRule: string | undefined;
}

/**
 * What the rule types decided about entry `i` of the pass's table, without the words: what the
 * checklist reads (so RECERT_STATUS can count open items without building every reason).
 */
export function ruleTypeVerdict(pass: Pass, i: number): RuleTypeVerdict {
  const verdict: RuleTypeVerdict = { flags: [], ineligibleRule: undefined };
  const { plan, table, map, cells } = pass;
  const categories = plan.categories;
  if (categories && map.category !== undefined) {
    const unknown = categories.unknownIn(cells[table.row[i]!]?.[map.category]);
    if (unknown) verdict.flags.push({ rule: 'category', severity: 'warning', message: unknown });
  }
  const why = table.why[i]!;
  if (why === WHY_FORMAT_NOT_IN_FORCE) verdict.ineligibleRule = 'format-dates';
  if (why === WHY_NOT_APPROVED) {
    const rule = plan.program.eligibility[table.whyRef[i]!]!;
    if (rule.type === 'requiresApproval') verdict.ineligibleRule = rule.id;
  }
  if (why === WHY_DUPLICATE) verdict.ineligibleRule = 'duplicate';
  return verdict;
}

/** What the rule types said about entry `i` of the pass's table, in the user's words. */
export function ruleTypeReasons(pass: Pass, i: number): string[] {
  const reasons: string[] = [];
  const { plan, table } = pass;
  const { program } = plan;
  const format = program.formats[table.format[i]!]!;
  const why = table.why[i]!;
  if (why === WHY_FORMAT_NOT_IN_FORCE) {
    const format = program.formats[table.whyRef[i]!]!;
    reasons.push(
      `${format.label} earns ${program.creditUnit} only for activities ${describeInForce(format)}: this one was completed ${isoFromDay(table.date[i]!)}`,
    );
  }
  if (why === WHY_NOT_APPROVED) {
    const rule = program.eligibility[table.whyRef[i]!]!;
    if (rule.type === 'requiresApproval') reasons.push(`${rule.message}: ${rule.petition}`);
  }
  if (why === WHY_DUPLICATE) {
    const first = entryAt(pass, table.whyRef[i]!);
    reasons.push(
      `Duplicate: the same course as row ${first.row} (${isoFromDay(first.date)}), which counts; each course counts once per cycle`,
    );
  }
  for (const b of pass.boosts) {
    if (b.entry !== i) continue;
    const limited = plan.limited[b.k]!;
    const m = program.multipliers[limited.index]!;
    const first = `the first ${formatCredits(limited.upTo)} ${program.creditUnit} of the cycle`;
    reasons.push(
      b.part === 0
        ? `${m.label}: ×${m.factor} applies to ${first}, already used by earlier entries`
        : `${m.label}: ×${m.factor} on ${formatCredits(b.part)} of ${formatCredits(b.base)} (${first})`,
    );
  }
  if (why === WHY_CARRY) {
    const carry = program.carryOverFromLog!;
    const counted = table.counted[i]!;
    const rule = `earned in the last ${carry.lastMonths} months before the cycle start; at most ${formatCredits(carry.maxCredits)} ${program.creditUnit} carry over`;
    reasons.push(
      counted > 0
        ? `Carried over from the previous cycle: ${formatCredits(counted)} of ${formatCredits(table.claimed[i]!)} count (${rule})`
        : `Not carried over: earlier entries already carry over the most (${rule})`,
    );
  }
  const parts = pass.parts[i];
  if (parts && table.state[i] === COUNTED) {
    plan.minimumRules.forEach((m, k) => {
      const part = parts[k]!;
      if (part < 0 || !table.inMinimum[k]![i]) return;
      const counted = table.counted[i]!;
      reasons.push(
        `${formatCredits(Math.min(part, counted))} of ${formatCredits(counted)} ${program.creditUnit} count toward the ${m.label} minimum (the hours given for it under Category)`,
      );
    });
  }
  // How the credits were worked out comes after why the entry does not count, which matters more.
  if (format.perEntry !== undefined)
    reasons.push(
      `${format.label} earns ${formatCredits(format.perEntry)} ${program.creditUnit} per entry, whatever the hours`,
    );
  const cap = perEntryCap(program, format);
  if (cap !== undefined && table.claimed[i]! > cap)
    reasons.push(
      `Exempt from the per-entry cap of ${formatCredits(cap)} ${program.creditUnit}: all ${formatCredits(table.claimed[i]!)} count`,
    );
  return reasons;
}
