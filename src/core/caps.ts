/**
 * Caps across entries. Entries fill an allowance in date order (then row order), so the explanation of
 * what was clipped is stable; the totals do not depend on the order at all.
 */
import { matchesFilter } from './filters';
import { subjectOf } from './judgments';
import { clean, formatCredits } from './rounding';
import type { CapUsage, EntryResult } from './evaluation';
import type { Cap, Program } from './schema';

export function capLimit(cap: Cap, required: number): number {
  return typeof cap.limit === 'number' ? cap.limit : clean(cap.limit.fractionOfRequired * required);
}

export function describeCap(cap: Cap, required: number, unit: string): string {
  return `${formatCredits(capLimit(cap, required))} ${unit} per ${cap.period === 'cycleYear' ? 'cycle year' : 'cycle'}`;
}

/**
 * Date order; on the same date, an order by content, so that which of two same-day entries is clipped
 * (and so whether the counted credits are at risk) never depends on where the rows sit.
 */
function fillOrder(a: EntryResult, b: EntryResult): number {
  if (a.entry.date !== b.entry.date) return a.entry.date - b.entry.date;
  const x = a.entry;
  const y = b.entry;
  const keys: [string | number, string | number][] = [
    [x.format.id, y.format.id],
    [b.claimed, a.claimed],
    [x.activity, y.activity],
    [x.provider, y.provider],
    [Number(x.approved), Number(y.approved)],
    [x.proof.join(';'), y.proof.join(';')],
    [x.score ?? -1, y.score ?? -1],
    [x.grade ?? '', y.grade ?? ''],
    [x.subject, y.subject],
    [x.location, y.location],
  ];
  for (const [p, q] of keys) if (p !== q) return p < q ? -1 : 1;
  return x.row - y.row;
}

/** Applies every cap to the entries that count so far, lowering `counted` and recording why. */
export function applyCaps(program: Program, required: number, entries: EntryResult[]): CapUsage[] {
  const candidates = entries
    .filter((e) => e.state === 'counted' && e.counted > 0)
    .sort(fillOrder);
  const usages: CapUsage[] = [];
  for (const cap of program.caps) {
    const limit = capLimit(cap, required);
    const groups = new Map<string, CapUsage>();
    for (const e of candidates) {
      const subject = subjectOf(e.entry);
      if (!matchesFilter(subject, cap.appliesTo)) continue;
      if (cap.exempt && matchesFilter(subject, cap.exempt)) continue;
      const formatId = cap.groupBy === 'format' ? e.entry.format.id : undefined;
      const cycleYear = cap.period === 'cycleYear' ? e.cycleYear : undefined;
      const key = `${formatId ?? '*'}|${cycleYear ?? '*'}`;
      let usage = groups.get(key);
      if (!usage) {
        usage = {
          capId: cap.id,
          label: cap.label.replace('{format}', e.entry.format.label).replace('{year}', String(cycleYear ?? '')),
          limit,
          describe: describeCap(cap, required, program.creditUnit),
          formatId,
          cycleYear,
          claimed: 0,
          counted: 0,
          clipped: 0,
          full: false,
        };
        groups.set(key, usage);
      }
      const room = Math.max(0, clean(limit - usage.counted));
      const take = Math.min(e.counted, room);
      usage.claimed = clean(usage.claimed + e.counted);
      usage.counted = clean(usage.counted + take);
      if (take < e.counted) {
        e.reasons.push(
          take === 0
            ? `${usage.label} is at its cap of ${usage.describe}: nothing more counts`
            : `${usage.label} cap of ${usage.describe} reached: ${formatCredits(take)} of ${formatCredits(e.counted)} counted`,
        );
        e.counted = clean(take);
      }
    }
    for (const usage of groups.values()) {
      usage.clipped = clean(usage.claimed - usage.counted);
      usage.full = usage.counted >= usage.limit;
      usages.push(usage);
    }
  }
  return usages;
}
