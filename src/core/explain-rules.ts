/**
 * The explanation of the rule types a program declares beyond formats, caps and eligibility lists
 * (categories, dated rules, fixed credits, required approval, courses counted once, conditional
 * carry-over): what the pass decided about one entry, in the user's words. Read only by the
 * explanation step (evaluate.ts); nothing here changes a figure.
 */
import type { Flag } from './judgments';
import type { Pass } from './pass';

export interface RuleTypeNotes {
  reasons: string[];
  flags: Flag[];
  /** The rule that kept the entry from counting, when one of these did. */
  ineligibleRule: string | undefined;
}

/** What the rule types said about entry `i` of the pass's table. */
export function ruleTypeNotes(pass: Pass, i: number): RuleTypeNotes {
  const notes: RuleTypeNotes = { reasons: [], flags: [], ineligibleRule: undefined };
  const { plan, table, map, cells } = pass;
  const categories = plan.categories;
  if (categories && map.category !== undefined) {
    const unknown = categories.unknownIn(cells[table.row[i]!]?.[map.category]);
    if (unknown) notes.flags.push({ rule: 'category', severity: 'warning', message: unknown });
  }
  return notes;
}
